"""The conversation around a request: taken out, or turned into what it means for the search.

People chat around what they want ("hi!", "i think", "lol", "at night would be nice"); they correct themselves
("no, I meant blue") and ask for the same with a change ("what about boats?"); they complain instead of asking
("these are way too small" means bigger ones); they exclude in many ways ("get rid of the red ones", "not a fan
of boats", "anything but cars", "-snow"); they count by comparison ("more than one") and let a part of the search
go ("any colour is fine"). Each mechanism here is a pattern of English, not of one phrasing; what it finds is
written to the Message (bot.planner.read) or rewritten into plain words the grammar reads.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon as lx
from bot.planner.spelling import correct, known_word

if TYPE_CHECKING:
    from bot.planner.read import Message

# Chat spellings and common typos of glue words, read as the words they stand for ("teh" -> "the").
SLANG: dict[str, str] = {
    "teh": "the", "u": "you", "ur": "your", "im": "i'm", "ive": "i've", "id": "i'd", "dont": "don't",
    "doesnt": "doesn't", "didnt": "didn't", "arent": "aren't", "isnt": "isn't", "wont": "won't", "cant": "can't",
    "wasnt": "wasn't", "werent": "weren't", "thats": "that's", "whats": "what's", "theres": "there's",
    "wanna": "want to", "gonna": "going to", "gimme": "give me", "lemme": "let me", "thnks": "thanks",
    "thnx": "thanks", "thanx": "thanks", "tnx": "thanks", "thks": "thanks", "tks": "thanks", "pls": "please",
    "plz": "please", "tonite": "tonight", "lookin": "looking", "som": "some", "sum": "some", "waitt": "wait",
    "ment": "meant", "smth": "something", "sth": "something", "w/": "with", "w/o": "without", "ppl": "people",
    "nd": "and", "n": "and", "w": "with", "abt": "about", "nto": "not", "moar": "more", "mroe": "more", "mor": "more",
    "nite": "night", "adn": "and", "hte": "the", "waht": "what",
    "bc": "because", "cuz": "because", "coz": "because", "ya": "you",
    "yea": "yeah", "ok.": "ok", "k": "ok", "kk": "ok", "okk": "ok", "nvm": "never mind", "em": "them", "tho": "though",
}
_SLANG_RE = re.compile(r"(?<![\w'/])(" + "|".join(re.escape(k) for k in sorted(SLANG, key=len, reverse=True))
                       + r")(?![\w'/])", re.I)


def undrawn(word: str) -> str:
    """"moreee" -> "more", "sooo" -> "so", "coool" -> "cool": letters held down, back to a word."""
    double = re.sub(r"(\w)\1{2,}", r"\1\1", word)
    single = re.sub(r"(\w)\1{2,}", r"\1", word)
    return double if known_word(double.lower()) and not known_word(single.lower()) else single


def unslang(text: str) -> str:
    """Chat spellings replaced by the words they stand for, the rest of the text untouched."""
    return _SLANG_RE.sub(lambda m: SLANG[m[1].lower()], text)


# Words that name a part of the search, for "forget the colour", "any size is fine", "doesn't matter where".
GROUP_NAMES: dict[str, str] = {
    "color": r"colou?rs?", "size": r"sizes?", "count": r"numbers?|counts?|amounts?|how many",
    "place": r"settings?|places?|backgrounds?|locations?|where|scenery|surroundings",
    "time": r"times? of (?:the )?day|day or night|night or day|day/night|daytime or nighttime",
    "date": r"when|dates?|years?",
    "camera": r"cameras?|phones?",
}
_GROUP = "|".join(f"(?P<{name}>{words})" for name, words in GROUP_NAMES.items())


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_PRAISE = (r"(?:nice|great|cute|good|perfect|lovely|ideal|better|best|awesome|cool|amazing|fun|fine|neat|gorgeous"
           r"|beautiful|stunning|pretty|wonderful|fantastic|brilliant|excellent|sweet|fab|fabulous|super)")
# Rules applied in order: (pattern, replacement). Later rules see what earlier ones wrote.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    # time of day said as a situation
    (_rx(r"\bwhen it(?:'s| is| was| gets)? (?:dark|night|nighttime)(?: outside| out)?\b|\bafter dark\b"
         r"|\bafter sunset\b|\bwith (?:a |the )?(?:dark|black|night) sky\b"), " at night "),
    (_rx(r"\b(?:so (?:that )?|because |since )(?:it's|it is|its|they're|they are|it|they|we|i|she|he|my|the|this"
         r"|that)\b[^,.;!?]*"), " "),
    (_rx(r"\bwhen it(?:'s| is| was)? (?:light|sunny|bright|daytime|day)(?: outside| out)?\b"
         r"|\bin (?:broad )?daylight\b"), " during the day "),
    # chat tokens, politeness and hedges, wherever they stand
    (_rx(r"\b(?:lol|lmao|rofl|haha\w*|hehe\w*|omg|ugh+|argh+|ooh+|ah+|aww+|hmm+|hm+|umm*|uh+|erm|meh|wow+|yay"
         r"|whoa|oops|yikes|tbh|idk|btw|imo|imho|fyi|pls|plz|please|thx|thanks|thank you|ty|cheers|honestly"
         r"|basically|literally|anyway|anyways|seriously|kinda|sorta|ideally|preferably|possibly|probably"
         r"|definitely|hopefully|obviously)\b"), " "),
    (_rx(r"\b(?:i|we)(?:'m| am| are)? (?:think(?:ing)?|guess|believe|suppose|reckon|recall|remember|hope|wonder(?:ing)?"
         r"|bet|imagine|feel like)\b(?: (?:that|it was|they were|there were|it had|maybe))?"), " "),
    (_rx(r"\b(?:(?:i'm|i am|we're) )?not (?:too |really |entirely |quite )?sure\b|\bif (?:possible|you can"
         r"|(?:you|u) (?:have|got) (?:any|some|them|one|it)|there (?:are|is) any|any)\b|\bor something(?: like that)?"
         r"|\bor so\b|\bat all\b|\byou know(?: what)?\b|\bto be honest\b|\bif that makes sense\b|\bfor example\b"
         r"|\bsomething like that\b|\bthat kind of thing\b|\bor whatever\b|\bafter all\b|\bmaybe\b|\bperhaps\b"
         r"|\b(?:one|another|one last|a) (?:more |other )?(?:thing|question|request)\b|\bquick question\b"
         r"|\b(?:for|in) (?:like |about |almost |over )?(?:\d+|a few|a couple of|two|three|several|many) "
         r"(?:hours|minutes|mins|days|weeks|ages)\b|\bfor ages\b|\bfor ever\b|\bforever\b"), " "),
    # "something a bit more red": a comparison with what is shown, not a new search for anything red
    (_rx(r"\b(?:something|anything|ones?)\s+(?:a bit |a little |slightly |much |even )?more\b"), " "),
    (_rx(r"\b(?:would|will|could|that'd|that would|it'd|it would|which would) (?:really |also )?(?:be|look) "
         r"(?:really |very |so |super |extra )?" + _PRAISE + r"\b"), " "),
    (_rx(r"\b(?:would |will |could )?(?:look|looks|be) (?:a bit |much |even )?(?:nicer|better|prettier|cooler|cuter"
         r"|lovelier)\b"), " "),
    (_rx(r"\b(?:it|they|there|these|those|this|that)\s*(?:had|has|have|was|were|is|are|'s|'re)\b"), " "),
    (_rx(r"\bback to\b"), " "),
)
# "these are way too small": a complaint about the last answer means the opposite; anything else in the
# same clause ("the snowy ones look too cold") was only the complaint's subject.
_COMPLAINT = _rx(r"(?:(?!\s-\s)[^,.;!?])*?\b(?:(?:looks?|feels?|seems?|are|is|were|was)\s+"
                 r"(?:way |much |far |a bit |a little )?too\s+(?:(?P<adj>[a-z]+)\b)"
                 r"|(?:way |much |far |a bit |a little |kind of |sort of )?too\s+(?P<adj2>small"
                 r"|little|tiny|short|big|large|huge|tall|dark|bright|light|sunny|many|much|busy|crowded|full|cold"
                 r"|boring|plain|similar|same|weird|ugly|bland|dull|colou?rful|far|close|zoomed)\b)"
                 r"(?:(?!\s-\s)[^,.;!?])*")
_OPPOSITE = {"small": "big", "little": "big", "tiny": "big", "short": "big", "big": "small", "large": "small",
             "huge": "small", "tall": "small", "dark": "during the day", "bright": "at night", "light": "at night",
             "sunny": "at night"}
_NEGATE = _rx(
    r"\b(?:get rid of|got rid of|lose|ditch|skip|hide|drop|leave out|spare me|yeet|take out|cut out|filter out"
    r"|take away|no more"
    r"|enough of|enough with|not (?:a |the )?(?:big |huge )?fans? of|(?:i|we) (?:really |just )?(?:don't|do not|dont"
    r"|didn't|did not) (?:really )?(?:like|want|love|need|care for|want to see)|(?:i|we) (?:hate|dislike)"
    r"|(?:i'd|i would|we'd) rather not(?: have| see)?|rule out|(?:anything|everything|all|any \w+) "
    r"(?:but|except|other than"
    r"|apart from)|other than|apart from|except for|(?:in )?any (?:colou?r|size|kind|type|number|setting|place)s? "
    r"(?:but|except|other than|apart from)|(?:nothing|none) (?=(?:on|in|at|by|during|with|near)\b))\s*"
)
_ALLOW = _rx(r"\b(?!(?:colou?rs?|sizes?|numbers?|counts?|settings?|places?|backgrounds?|locations?|times?|it|that|this"
             r"|everything|all|which|whatever|any)\b)(\w+)(?: ones)? (?:is|are|'s|'re) (?:fine|ok|okay|alright|good"
             r"|allowed|welcome)(?: (?:after all|too"
             r"|again|now))?\b")
_FEWER = _rx(r"\b(?:fewer|less)(?: (?:still|of them|objects|things|ones))?\b(?!\s+than)(?:\s+[a-z]+)?(?:\s+(?:in|per) "
             r"(?:each|every|the|a) (?:picture|photo|image|pic|shot|frame|one)s?)?")
# "the purple ones are too cheerful, can we get rid of those": "those" are the purple ones
_THOSE = _rx(r"\bthe (\w+) ones\b(?P<mid>[^.!?]*?)\b(?:get rid of|yeet|remove|drop|lose|ditch|skip|hide|exclude)\s+"
             r"(?:those|them|these|'em|em)\b")
_MINUS = _rx(r"(?:(?<=\s)|^)-(?=[a-z])")
_LEAVE_OUT = _rx(r"\bleave (?:the |all the )?([\w']+(?: [\w']+)?) out\b")
# "these are all at night, I wanted daytime": what the last answer shows, said before what is wanted instead
_OBSERVATION = _rx(r"(?:^|(?<=[,.;!?]))\s*(?:but |and |so |no |well )?(?:these|those|they|all of (?:these|them|those)"
                   r"|all these|most of (?:these|them)|some of (?:these|them|those)|half of (?:these|them))\s*"
                   r"(?:'re|are|were|look|looks|seem|seems)\b(?! (?:too|way too)\b)[^,.;!?]*")
# "drop the purple", "forget the houses": a part of the search to let go (or, if it is not in it, to exclude)
_RELEASE = _rx(r"\b(?:drop|forget(?: about)?|lose|remove|ditch|ignore|disregard|omit|never ?mind|scrap|no need for"
               r"|(?:i )?(?:don't|do not) need)\s+(?:the\s+)?(?P<what>(?!(?:[\w']+ )?ones?\b)[\w']+(?: [\w']+)?)"
               r"(?=\s*(?:[,.;!?]|\band\b|\bbut\b|$))")
_SWAP = _rx(r"\b(?:swap|switch|change|alter|replace|trade|exchange|turn)\s+(?:out\s+)?(?:the\s+)?"
            r"(?:[\w']+(?: [\w']+)?\s+)?"
            r"(?:for|with|to|into)\b|\b(?:instead of|rather than|in place of)\b[^,.;!?]*"
            r"|\b(?:the )?same (?:thing|things|stuff|search|pictures|photos|setting|place|background|colou?r|size"
            r"|time|number|but|again|arrangement|setup|scene|layout|composition|style|kind|one|ones)\b(?:\s+but\b)?"
            r"|(?:^|\b(?:those|these|them|it|that) )as\b")
_BACK = _rx(r"\b(?:go(?:ing)? back|back|return|revert|get back)\s+to\s+(?:the\s+)?(?P<what>(?!(?:but|and|or|the|a|an"
            r"|it|them|that|those|these|before|where|what)\b)[a-z][\w']*)")
# (pattern, negatives, modifiers): counts said by comparison
_QUANTITIES: tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = (
    (_rx(r"\b(?:more than (?:one|1|a single)|at least (?:two|2)|not (?:just|only) (?:one|1)|not a single one"
         r"|multiple|(?:two|2) or more)\b"), ("one",), ()),
    (_rx(r"\b(?:more than (?:two|2)|at least (?:three|3)|(?:three|3) or more)\b"), (), ("three",)),
    (_rx(r"\b(?:(?:fewer|less) than (?:three|3)|at most (?:two|2)|no more than (?:two|2)|under (?:three|3)"
         r"|(?:two|2) or (?:fewer|less))\b"), ("three",), ()),
    (_rx(r"\b(?:(?:fewer|less) than (?:two|2)|at most (?:one|1)|no more than (?:one|1))\b"), (), ("one",)),
)
_DROP = (
    _rx(r"\b(?:any|whatever|whichever|all|every|no particular|(?:i )?(?:don't|do not|dont) care (?:about |what )?"
        r"(?:the )?)\s*(?:" + _GROUP + r")\b(?!\s+(?:but|except|other than|apart from))"
        r"(?:\s+(?:is|are|will do|works?|would do|(?:is )?ok))?(?:\s+(?:fine|ok"
        r"|okay|good|alright|great|welcome))?"),
    _rx(r"\b(?:forget|ignore|drop|never ?mind|remove|skip|lose|scrap|clear|reset|no|relax|loosen|undo|cancel)\s+"
        r"(?:about\s+)?(?:the\s+)?(?:(?:constraint|filter|requirement|condition)s?\s*:?\s*)?(?:" + _GROUP + r")"
        r"(?:\s+(?:filter|part|thing|bit|constraint|requirement"
        r"|restriction|condition))?\b"),
    _rx(r"\b(?:the\s+)?(?:" + _GROUP + r")\s*,?\s+(?:(?:really )?(?:doesn't|does not|don't|dont|doesnt|won't) "
        r"(?:really )?"
        r"matter|is not important|isn't important|(?:is )?up to you)\b"),
    _rx(r"\b(?:(?:it )?(?:doesn't|does not|don't|dont|doesnt) (?:really )?matter|(?:i )?(?:don't|do not|dont) care)"
        r"\s+(?:about\s+)?(?:the\s+|what\s+)?(?:" + _GROUP + r")\b"),
)


# "ok, different thing:", "new topic -", "something else now:": what follows is a request of its own
_NEW_TOPIC = _rx(r"\b(?:(?:a|another|something|one more|some|totally|completely)\s+)?(?:different|new|other|else)"
                 r"\s+(?:thing|topic|subject|search|question|request|idea)s?\b\s*[:,.!-]*"
                 r"|\bsomething else\b\s*[:,.!-]+")


def talk(low: str, msg: Message) -> str:
    """The lower-cased request with the conversation taken out (openings, dates, places and cameras already
    gone); what the conversation meant is set on `msg`."""
    if _NEW_TOPIC.search(low):
        msg.framed, low = True, _NEW_TOPIC.sub(" ", low)
    back = _BACK.search(low)
    if back and lx.group_of_word(correct(back["what"])) == "extra":  # not "back to two": a count said again
        msg.back, low = back["what"], low[: back.start()] + " " + low[back.end():]
    msg.fewer = bool(_FEWER.search(low))
    low = _FEWER.sub(" ", low)
    low = _THOSE.sub(r"\g<mid> without \1", low)
    low = _COMPLAINT.sub(lambda m: f" , {_OPPOSITE.get(m['adj'] or m['adj2'], '')} , ", low)
    low = _OBSERVATION.sub(" , ", _MINUS.sub(" , without ", low))
    low = _LEAVE_OUT.sub(r" without \1 ", low)
    for pattern in _DROP:
        msg.drop |= {name for m in pattern.finditer(low) for name, hit in m.groupdict().items() if hit}
        low = pattern.sub(" ", low)
    msg.allow = [lx.canonical_word(correct(m[1])) for m in _ALLOW.finditer(low)]
    low = _ALLOW.sub(" ", low)
    msg.release = [correct(re.sub(r"\s+(?:part|parts|bit|bits|thing|filter|stuff|requirement|constraint)$", "",
                                     m["what"])) for m in _RELEASE.finditer(low)]
    low = _RELEASE.sub(" ", low)
    msg.continues = msg.continues or bool(_SWAP.search(low))
    low = _SWAP.sub(" ", low)
    for pattern, negatives, mods in _QUANTITIES:
        if pattern.search(low):
            msg.negatives += negatives
            msg.mods += mods
            low = pattern.sub(" ", low)
    low = _NEGATE.sub(" without ", low)
    for pattern, replacement in _REWRITES:
        low = pattern.sub(replacement, low)
    return re.sub(r"\s+", " ", low).strip(" ,")


def _alternation(options: tuple[str, ...]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_PUNCT = r"[\s,.!?:;-]*"
_PUNCT_CHARS = " ,.!?:;-"
_INTERJECTION = re.compile(rf"^(?:{_alternation(lx.INTERJECTIONS)})\b{_PUNCT}(?=\S|$)")
_CORRECTION = re.compile(rf"^(?:(?:no|nope|nah|not that)(?:\s*[,.!:;-]+|\s+(?=i\s+(?:meant|mean|said|wanted)\b"
                         rf"|make\s+it\b|(?:the|that|those|these|this|my|a|an|sorry|wait|actually)\b))|(?:nah|nope)\b|(?:{_alternation(lx.CORRECTIONS)})\b){_PUNCT}")
# "red or... no, make it blue": what follows a correction inside the message replaces what came before it
_SELF_CORRECTION = re.compile(r"^.*?(?:\.\.\.|…|,|—|\s-\s|\bor\b)\s*(?:no|wait|sorry|oops|i mean)\s*[,.!:;-]+\s*(?=\w)")
_CONTINUATION = re.compile(rf"^(?:{_alternation(lx.CONTINUATIONS)})\b{_PUNCT}")
_TRAILING_CONTINUATION = re.compile(r"\b(?:instead|too|as well)[\s.!?]*$")


def openings(low: str, msg: Message) -> str:
    """Strip greetings and note corrections / continuations at the start of a lower-cased message."""
    corrected = _SELF_CORRECTION.match(low)
    if corrected:
        low, msg.correction = low[corrected.end():], True
    while True:
        for pattern, flag in ((_INTERJECTION, ""), (_CORRECTION, "correction"), (_CONTINUATION, "continues")):
            m = pattern.match(low)
            if m and m.end():
                low = low[m.end():]
                if flag == "continues" and m[0].strip(_PUNCT_CHARS) == "and":
                    msg.adds = True  # a bare "and" adds to the scene ("and a stone wall"), swaps nothing
                elif not flag and m[0].strip(_PUNCT_CHARS).split()[-1] in ("now", "next"):
                    msg.moved = True  # "ok now the brooklyn bridge": on to something else
                elif flag:
                    setattr(msg, flag, True)
                break
        else:
            break
    if _TRAILING_CONTINUATION.search(low):
        msg.continues = True
    return low

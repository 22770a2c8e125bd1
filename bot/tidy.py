"""What in a message is about the conversation, not about the images: taken out, or turned into the plain words
bot.reader reads.

People chat around what they want: "i think", "lol", "for my presentation", "at night would be nice"; they
complain about the last answer instead of asking ("these are way too small" means bigger ones); they exclude
in many ways ("get rid of the red ones", "not a fan of boats", "anything but cars", "-snow"); they count with
comparisons ("more than one", "fewer than three"); and they let a part of the search go ("any colour is fine",
"day or night doesn't matter"). Each rule below rewrites one of these into words the reader already knows, or
takes it out and says what it meant (`Tidied`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot import lexicon as lx

# Chat spellings and common typos of glue words, read as the words they stand for ("teh" -> "the").
SLANG: dict[str, str] = {
    "teh": "the", "u": "you", "ur": "your", "im": "i'm", "ive": "i've", "id": "i'd", "dont": "don't",
    "doesnt": "doesn't", "didnt": "didn't", "arent": "aren't", "isnt": "isn't", "wont": "won't", "cant": "can't",
    "wasnt": "wasn't", "werent": "weren't", "thats": "that's", "whats": "what's", "theres": "there's",
    "wanna": "want to", "gonna": "going to", "gimme": "give me", "lemme": "let me", "thnks": "thanks",
    "thnx": "thanks", "thanx": "thanks", "tnx": "thanks", "thks": "thanks", "tks": "thanks", "pls": "please",
    "plz": "please", "tonite": "tonight", "lookin": "looking", "som": "some", "sum": "some", "waitt": "wait",
    "ment": "meant", "smth": "something", "sth": "something", "w/": "with", "w/o": "without", "ppl": "people",
    "nd": "and", "n": "and", "abt": "about", "nto": "not", "moar": "more", "mroe": "more", "mor": "more",
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
    return double if lx.known_word(double.lower()) and not lx.known_word(single.lower()) else single


def unslang(text: str) -> str:
    """Chat spellings replaced by the words they stand for, the rest of the text untouched."""
    return _SLANG_RE.sub(lambda m: SLANG[m[1].lower()], text)


# Words that name a part of the search, for "forget the colour", "any size is fine", "doesn't matter where".
GROUP_NAMES: dict[str, str] = {
    "color": r"colou?rs?", "size": r"sizes?", "count": r"numbers?|counts?|amounts?|how many",
    "place": r"settings?|places?|backgrounds?|locations?|where|scenery|surroundings",
    "time": r"times? of (?:the )?day|day or night|night or day|day/night|daytime or nighttime",
    "date": r"when|dates?|years?",
}
_GROUP = "|".join(f"(?P<{name}>{words})" for name, words in GROUP_NAMES.items())


@dataclass
class Tidied:
    text: str
    negatives: list[str] = field(default_factory=list)  # "more than one" -> "one"
    mods: list[str] = field(default_factory=list)  # "three or more" -> "three"
    drop: set[str] = field(default_factory=set)  # groups let go: "any colour is fine" -> {"color"}
    release: list[str] = field(default_factory=list)  # "drop the purple": let go if searched for, else exclude
    swap: bool = False  # "swap to boats", "those as cars", "same setting": the same search with a new thing
    back: str = ""  # "go back to the cars": the thing of an earlier search to return to
    allow: list[str] = field(default_factory=list)  # "red is fine after all": exclusions taken back
    fewer: bool = False  # "fewer of them in each picture": one less than now


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_PRAISE = (r"(?:nice|great|cute|good|perfect|lovely|ideal|better|best|awesome|cool|amazing|fun|fine|neat|gorgeous"
           r"|beautiful|stunning|pretty|wonderful|fantastic|brilliant|excellent|sweet|fab|fabulous|super)")
# Rules applied in order: (pattern, replacement). Later rules see what earlier ones wrote.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    # time of day said as a situation
    (_rx(r"\bwhen it(?:'s| is| was| gets)? (?:dark|night|nighttime)(?: outside| out)?\b|\bafter dark\b"
         r"|\b(?:with|when) the lights(?: (?:are )?on)?\b|\bafter sunset\b|\bwith (?:a |the )?(?:dark|black|night)"
         r" sky\b"), " at night "),
    (_rx(r"\bwith (?:a |the )?(?:blue|clear|bright|sunny) sky\b"), " during the day "),
    # someone else's wish, reported: "she says she wants", "his teacher asked for"
    (_rx(r"\b(?:he|she|they|(?:his|her|my|our|their|the) (?:\w+ )?\w+)\s+(?:also\s+)?(?:said|says"
         r"|asked(?: for)?|asks(?: for)?|wants?|wanted|needs?|needed|would like|likes|liked|prefers?|thinks?|told me"
         r"|mentioned|loves?)\b"
         r"(?:\s+(?:that|she|he|they|it|we|i|wants?|needs?|would like))*"), " "),
    # reasons and results: "so its not confusing", "because it's for school"
    (_rx(r"\b(?:so (?:that )?|because |since )(?:it's|it is|its|they're|they are|it|they|we|i|she|he|my|the|this"
         r"|that)\b[^,.;!?]*"), " "),
    (_rx(r"\b(?:who|that|which) (?:is|are|was|were|'s) (?:really |totally |so |very )?(?:obsessed with|into"
         r"|crazy about|mad about|fond of|in love with|keen on|a fan of|fans of)\b|\b(?:obsessed with|crazy about"
         r"|mad about|fond of|in love with|keen on)\b"), " "),
    (_rx(r"\b(?:it |they )?(?:starts?|begins?|ends?) with\b"), " "),
    (_rx(r",\s*like (?:an? |in |on |at |the )[^,.;!?]*|\bon (?:its|their) own\b|\bby (?:itself|themselves)\b"
         r"|\balone\b"), " "),
    (_rx(r"\bfor (?:the|my|our|his|her|their) (?:other |second |first |younger |older |next )?(?:\w+ )?(?:twin|kid"
         r"|child|son|daughter|boy|girl|part|section|page|slide|bit|one)s?(?:'s [\w']+)?\b"), " "),
    (_rx(r"\bfor (?:school|work|class|college|uni|university|homework|a school project|a project)\b"), " "),
    (_rx(r"\b(?:about|like|of) (?:his|her|my|our|their|your) [\w']+(?: [\w']+)?(?=\s*(?:[,.;!?]|\band\b|$))"), " "),
    (_rx(r"\b(?:this|that|you)(?:'s| is| are|'re) (?:a |an |the )?(?:lifesaver|life saver|legend|star|hero|genius"
         r"|best|amazing|awesome|great)\b"), " "),
    (_rx(r"\bwhen it(?:'s| is| was)? (?:light|sunny|bright|daytime|day)(?: outside| out)?\b|\bin the sun(?:shine)?\b"
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
    (_rx(r"\b(night|nite|day) time\b"), r"\1time"),
    (_rx(r"\b(?:one|some|all|most|many|two|both) of (?:my|our|his|her|the|their) \w+ (?:is|are|was|were|has|have"
         r"|gets?|got)\b[^,.;!?]*|\b(?:is|are|am|'m|gets?) (?:scared|afraid|frightened|terrified|tired|sick) of\b"
         r"[^,.;!?]*"),
     " "),
    (_rx(r"\b(?:open|deep|calm|blue) (water|sea|ocean)\b"), r"\1"),
    (_rx(r"^(?:good (?:morning|afternoon|evening|day)|hello|hi|hey)\b[^.!?]*[.!?]\s*(?=\S)"), " "),
    (_rx(r"\b(?:looks?|looking|seems?) like (?:a |an |the |my |his |her )?[\w' ]+"), " "),
    (_rx(r"\b(?:something|anything|ones?|a bit|a little|slightly|much)\s+(?:a bit |a little |slightly |much )?more\b"),
     " "),
    # purpose: "for my presentation", "for our mom's birthday card"
    (_rx(r"\bfor (?:my|our|his|her|their|a|an|the) (?:[\w']+ ){0,2}?(?:presentation|project|slides?|deck|card|post"
         r"|wallpaper|website|blog|album|poster|collage|report|class|school|homework|newsletter|flyer|screensaver"
         r"|desktop|birthday|anniversary|party|wedding|instagram|facebook|story|background|cover|invitation)\b"),
     " "),
    (_rx(r"\bfor (?:my|our|his|her|their) [\w]+(?:'s [\w']+)?"), " "),
    # what the person is doing it for: "i'm making a card for my aunt and ..."
    (_rx(r"\b(?:(?:i'm|im|i am|we're|we are|(?:he|she|they)(?:'s|'re| is| are)|(?:my|our|his|her|their) \w+"
         r"(?:'s|'re| is| are| has| have)) )?(?:making|doing|creating|preparing"
         r"|working on|putting together|designing|writing|planning|organi[sz]ing|decorating|building|drawing|painting)"
         r" (?:a |an |the |my |our |his |her |their |some )?(?:[\w']+ ){0,2}?(?:card|project|presentation|collage"
         r"|poster|album|book|calendar|slideshow|video|website|blog|post|gift|present|invitation|scrapbook|deck|report"
         r"|story|board|frame|print|assignment|homework|newsletter|flyer)s?\b"), " "),
    (_rx(r"\bhelping (?:my|our|his|her|their|a|the) \w+ (?:with|on) (?:a |an |the |his |her |their )?(?:[\w']+ ){0,2}?"
         r"(?:project|homework|assignment|poster|presentation|collage|essay|report|card|album)s?\b"), " "),
    # "grandma lives in a blue house near the beach": where someone lives is what to find, not who
    (_rx(r"\b(?:[\w']+ )?(?:lives?|lived|living|stays?|stayed|staying|works?|worked) (?:in|at|on|near|by|next to)\b"),
     " "),
    (_rx(r"\b(?:my|our|his|her|their) \w+ (?:has|have|had|got|needs?|is doing|are doing) (?:a |an |some )?(?:[\w']+ )?"
         r"(?:project|homework|assignment|poster|presentation|collage|essay|report|lesson|class)s?\b"), " "),
    (_rx(r"\bto (?:draw|paint|sketch|print|decorate|send|post|share|illustrate|frame)\b[^,.;!?]*?"
         r"(?=\band\b|[,.;!?]|$)"), " "),
    # praise and wishes around a request: "at night would be nice", "these look great"
    (_rx(r"\b(?:would|will|could|that'd|that would|it'd|it would|which would) (?:really |also )?(?:be|look) "
         r"(?:really |very |so |super |extra )?" + _PRAISE + r"\b"), " "),
    (_rx(r"\b(?:is|are|looks?|seems?|was|were) (?:really |very |so |super |pretty )?" + _PRAISE + r"\b"), " "),
    (_rx(r"\b(?:would |will |could )?(?:look|looks|be) (?:a bit |much |even )?(?:nicer|better|prettier|cooler|cuter"
         r"|lovelier)\b"), " "),
    # "it has to be night", "the houses should be red"
    (_rx(r"\b(?:(?:it|they|these|those|this|that|he|she|we|you)\s+)?(?:has to|have to|need to|needs to|must|should"
         r"|gotta|got to|ought to|could|can|would|will|may|might) be\b"), " "),
    (_rx(r"\b(?:(?:it|that) )?(?:doesn't|does not|don't|dont|doesnt) (?:really )?matter\b|\b(?:i )?(?:don't|do not"
         r"|dont) mind\b|\beither way\b"), " "),
    (_rx(r"\b(?:it|they|there|these|those|this|that)\s*(?:had|has|have|was|were|is|are|'s|'re)\b"), " "),
    # "change the colour to red", "switch it to", "ok back to two"
    (_rx(r"\b(?:change|switch|set|turn|make)\s+(?:the\s+)?(?:colou?r|size|setting|place|background|time|number"
         r"|count)\s+(?:to|into|for)\b"), " "),
    (_rx(r"\b(?:change|switch|turn) (?:it |them |that |those |these )?(?:to|into)\b"), " "),
    (_rx(r"\bback to\b"), " "),
    # "keep everything else as it is", "retaining all other constraints", "change nothing else"
    (_rx(r"\b(?:keep|keeping|retain|retaining|leave|leaving|with)\s+(?:all\s+|everything\s+)?(?:the\s+rest"
         r"|all\s+other\s+constraints|other\s+constraints|others?|everything\s+else|else|all\s+of\s+that|all\s+else"
         r"|it\s+all)(?:\s+(?:the\s+same|as(?:\s+it\s+is)?|as\s+is|unchanged|intact))?\b"
         r"|\b(?:everything|all) else (?:the same|as is|as it is|unchanged)\b|\b(?:change|alter) nothing else\b"), " "),
    # "two fish in each picture", "one per photo"
    (_rx(r"\b(?:per|in each|in every|on each|in the|in a|in one)\s+(?:picture|photo|image|pic|shot|frame|one)s?\b"
         r"|\beach\b"), " "),
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


def tidy(low: str) -> Tidied:
    """Rewrite a lower-cased message (openings, dates, places and cameras already taken out)."""
    out = Tidied(low)
    back = _BACK.search(out.text)
    if back and lx.group_of_word(lx.correct(back["what"])) == "extra":  # not "back to two": a count said again
        out.back, out.text = back["what"], out.text[: back.start()] + " " + out.text[back.end():]
    out.fewer = bool(_FEWER.search(out.text))
    out.text = _FEWER.sub(" ", out.text)
    out.text = _THOSE.sub(r"\g<mid> without \1", out.text)
    out.text = _COMPLAINT.sub(lambda m: f" , {_OPPOSITE.get(m['adj'] or m['adj2'], '')} , ", out.text)
    out.text = _OBSERVATION.sub(" , ", out.text)
    out.text = _MINUS.sub(" , without ", out.text)
    out.text = _LEAVE_OUT.sub(r" without \1 ", out.text)
    for pattern in _DROP:
        out.drop |= {name for m in pattern.finditer(out.text) for name, hit in m.groupdict().items() if hit}
        out.text = pattern.sub(" ", out.text)
    out.allow = [m[1] for m in _ALLOW.finditer(out.text)]
    out.text = _ALLOW.sub(" ", out.text)
    out.release = [re.sub(r"\s+(?:part|parts|bit|bits|thing|filter|stuff|requirement|constraint)$", "", m["what"])
                   for m in _RELEASE.finditer(out.text)]
    out.text = _RELEASE.sub(" ", out.text)
    out.swap = bool(_SWAP.search(out.text))
    out.text = _SWAP.sub(" ", out.text)
    for pattern, negatives, mods in _QUANTITIES:
        if pattern.search(out.text):
            out.negatives += negatives
            out.mods += mods
            out.text = pattern.sub(" ", out.text)
    out.text = _NEGATE.sub(" without ", out.text)
    for pattern, replacement in _REWRITES:
        out.text = pattern.sub(replacement, out.text)
    out.text = re.sub(r"\s+", " ", out.text).strip(" ,")
    return out

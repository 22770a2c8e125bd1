"""What a message asks of the conversation rather than of the images: start over, show more, more or less
like a shown result, or nothing at all ("thanks, that's all!").

People put these inside chat: "never mind, start over", "the 2nd one is nice, more like that", "oh wow the
first one is perfect, any more like it?", "I don't like the third one", "cheers, bye". A command is read
from the whole message; what is left for bot.reader is only ever the search of a "start over with ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import lexicon as lx

MAX_RANK = 1000


@dataclass(frozen=True)
class Command:
    kind: str  # "reset", "more", "like", "unlike", "closing"
    rank: int | None = None  # for "like" / "unlike"; None: the message did not say which result
    rest: str = ""  # "start over with green trees" -> "green trees" (original case)


_LEAD = re.compile(
    r"^(?:(?:ok(?:ay)?|great|nice|cool|thanks|thank you|thx|hmm+|hm+|never ?mind|nvm|oh+|wow+|perfect|alright|"
    r"lovely|awesome|good|yes|yeah|yep|sure|well|so|please|ooh+|omg|lol|ugh+|argh|meh|nah|nope|no|right|fine|hey|"
    r"ah+|aww+|whoa|oops|excellent|brilliant|amazing|beautiful|sweet)\b[\s,.!:;-]*)+"
)
RESET = re.compile(
    r"(?:(?:let's|let us|can we|could we|i want to|i'd like to|please)\s+)?"
    r"(?:(?:start over|start again|start afresh|start fresh|start from scratch|begin again|new search|restart"
    r"|from scratch|clear (?:it )?all|clear everything|reset everything|forget (?:it|that|everything|all that))\b"
    r"|(?:reset|clear)(?=\s*(?:[.!:,;-]|$)))[\s.!:,;-]*(?:(?:please|again)\b[\s.!:,;-]*)*(?:with\s+)?"
)
# "show more", "next page", "Would you kindly show me further results?", "let's see the next batch", "page 2"
_MORE_WORDS = r"(?:more|further|additional|extra|other|others|another|next|different)"
_MORE_THINGS = (r"(?:results?|images?|pictures?|photos?|pics?|batch|page|set|ones?|options?|matches"
                r"|(?:of|from) (?:them|these|those|that|it|this|the same)(?: [\w' ]+)?)")
SHOW_MORE = re.compile(
    r"^(?:(?:please|kindly|can you|could you|would you|will you|can i|could i|can we|could we|may i|might i|let me"
    r"|let's|lets)\s+)*(?:(?:show|give|load|see|get|present|display|fetch|bring)\s+)?(?:me |us )?(?:some |a few |any "
    r"|the )?(?:" + _MORE_WORDS + r"(?:\s+" + _MORE_THINGS + r")?(?: for (?:that|this|these|those|them|it)"
    r"(?: [\w' ]+)?)?|page\s*\d+|keep going|continue|go on|anything else|what else(?: (?:do you|have you) (?:have"
    r"|got))?|keep (?:them|'em|em|it|those) coming)(?: please)?[\s.!?]*$"
)
_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "last"]
ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS[:-1])}
# An ordinal ("the 2nd one", "the first", "the last one") counts the pictures of the last answer, which after
# "show more" start at #9: such a rank is written as minus its position (0 for the last one) and resolved by
# the chat against what it showed. "#3", "number 3", "like 3" are the rank printed under a picture.
LAST = 0


def shown_position(rank: int) -> int | None:
    """The position in the last answer a written rank stands for (None: a printed rank; 0: the last one)."""
    return -rank if rank <= 0 else None
CARDINALS = {w: i + 1 for i, w in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                             "ten"])}
# A shown result named by its place: "the 2nd one", "#3", "number four", "the first picture", "image 5".
_REF = (r"(?:#\s*(?P<hash>\d{1,4})\b|\b(?P<ord>\d{1,4})(?:st|nd|rd|th)\b|\b(?P<word>" + "|".join(_ORDINAL_WORDS)
        + r")\b|\b(?:number|no\.|nr\.?|image|picture|photo|pic|result)\s*(?P<num>\d{1,4}|" + "|".join(CARDINALS)
        + r")\b)")
REF = re.compile(r"(?:\bthe\s+)?" + _REF)
MORE_LIKE = re.compile(
    r"\b(?:more\s+)?(?:like|similar to|resembling|more of)\s+(?:the\s+)?(?:image\s+|picture\s+|result\s+)?"
    r"(?:" + _REF + r"|(?P<digit>\d{1,4})\s*(?:one)?\s*[.!?]*$)"
)
# "more like that" / "similar ones": the result is named elsewhere in the message ("the 2nd is nice, ...")
_MORE_OF_IT = re.compile(
    r"\b(?:more\s+like\s+(?:this|that|it|these|those|them)|(?:something|anything|ones?|more)\s+(?:like|similar to)"
    r"\s+(?:this|that|it)|similar\s+ones|(?:more|others)\s+(?:like|of)\s+(?:this|that|it|them|the same)|more same"
    r"|same\s+(?:kind|sort|type|style)|(?:anything|something|any|some|show me|more|ones?)\s+similar"
    r"|more\s+along\s+(?:these|those|the same)\s+lines|more\s+in\s+(?:this|that|the same)\s+(?:vein|style))\b"
)
# "the 3rd one is perfect", "I love the first one": praise for one result, and nothing else to search for
_PRAISE = re.compile(r"\b(?:nice|perfect|great|lovely|good|beautiful|stunning|gorgeous|amazing|awesome|best|cute"
                     r"|brilliant|excellent|fantastic|wonderful|pretty|(?:i|we)\s+(?:really\s+)?(?:like|love|liked"
                     r"|loved))\b")
NOT_LIKE = re.compile(r"\b(?:not|less|nothing|none|no more)\s+(?:like|similar to)\s+(?:the\s+|image\s+|number\s+)?"
                      r"(?:" + _REF + r"|(?P<digit>\d{1,4})\b)")
_REJECT = re.compile(r"\b(?:not|don't like|do not like|dont like|hate|dislike|hide|remove|drop|skip|without|no)\s+"
                     r"(?:the\s+)?" + _REF + r"(?:\s+(?:one|picture|photo|image|pic|result))?")
_REJECTED = re.compile(r"^\s*(?:the\s+)?" + _REF + r"(?:\s+(?:one|picture|photo|image|pic|result))?\s+(?:is|was|looks)"
                       r"\s+(?:wrong|bad|ugly|off|not (?:it|right|what i (?:want|meant)))\b")
# Nothing to search: thanks, goodbyes and acknowledgements, whatever their order.
_FAREWELL = re.compile(r"\b(?:good ?night|have a (?:nice|good|great|lovely) (?:day|night|evening|weekend|one)"
                       r"|see (?:you|ya)(?: later)?|talk (?:to you )?later|that's (?:all|it|enough)"
                       r"|that is (?:all|it)|that will do|that'll do|that concludes(?: my search)?|i'm done|all done"
                       r"|(?:you|you've|you have) been (?:very |so |really )?(?:helpful|great|a great help)"
                       r"|merry christmas|happy (?:holidays|new year|birthday|easter)|that covers it"
                       r"|end (?:of )?(?:the )?(?:session|chat|search)|that's everything|that is everything"
                       r"|we're done|done for (?:today|now))\b")
_CLOSING_WORDS = frozenset(
    ["thanks", "thank", "you", "thx", "ty", "cheers", "bye", "goodbye", "byebye", "great", "perfect", "nice", "cool",
     "awesome", "lovely", "brilliant", "excellent", "wonderful", "amazing", "fantastic", "ok", "okay", "good",
     "fine", "alright", "all", "i", "needed", "need", "wanted", "was", "what", "exactly", "just", "those", "these",
     "work", "works", "worked", "love", "it", "like", "done", "got", "enough", "much", "very", "so", "a", "bunch",
     "lot", "for", "the", "help", "helping", "your", "really", "super", "many", "looks", "look", "looking", "that's",
     "this", "is", "are", "they", "them", "were", "wow", "oh", "yes", "yeah", "yep", "sure", "lol", "haha",
     "appreciate", "appreciated", "it's", "that"],
)


def read_command(low: str, raw: str) -> Command | None:
    """The command a lower-cased message gives, if any (`raw` keeps the original case for the rest)."""
    lead = _LEAD.match(low)
    body = low[lead.end():] if lead else low
    reset = _reset(low)
    if reset is not None:
        return Command("reset", rest=raw[reset:].strip())
    if _shows_more(body):
        return Command("more")
    rejected = [r for r in (_rank(p, body) for p in (NOT_LIKE, _REJECT, _REJECTED)) if r is not None]
    if rejected:
        return Command("unlike", rejected[0])
    liked = _liked(body)
    if liked is not None:
        return liked
    if _closing(low) or (not body.strip(" .!?,") and lead):
        return Command("closing")
    return None


_TRAILING_MORE = re.compile(r"\b(?:can i see|could i see|show me|give me|any|some|a few)?\s*more(?: please)?[\s.!?]*$")


def _reset(low: str) -> int | None:
    """Where the rest of a "start over" message begins, if a sentence of it starts over ("hmm not quite.
    start over", "ok forget the flowers. new search: trees")."""
    for sentence in re.finditer(r"[^.!?;]+[.!?;]*", low):
        lead = _LEAD.match(sentence[0].lstrip())
        start = sentence.start() + len(sentence[0]) - len(sentence[0].lstrip()) + (lead.end() if lead else 0)
        found = RESET.match(low, start)
        if found:
            return found.end()
    return None


def _shows_more(body: str) -> bool:
    """"show more", also after chatter: "ok, what's next? show more", "yay, more!!", "these are great can i see
    more" (never "more like the 2nd", never "more red ones")."""
    if REF.search(body):
        return False
    clauses = [c.strip() for c in re.split(r"[,.!?;]+|\s-\s", body) if c.strip()]
    if not clauses:
        return False
    if any(SHOW_MORE.match(c) for c in clauses):  # "more please, she's loving this"
        return all(SHOW_MORE.match(c) or not _says_what(c) for c in clauses)
    tail = _TRAILING_MORE.search(clauses[-1])
    return bool(tail) and tail.start() > 0 and not _says_what(" ".join([*clauses[:-1], clauses[-1][: tail.start()]]))


def _says_what(text: str) -> bool:
    """Whether text names anything to search for: a colour, size, count, place, time or a thing."""
    words = re.findall(r"[a-z0-9']+", text)
    return any(lx.group_of_word(lx.canonical_word(w)) in lx.TABLE_GROUPS or lx.singular(w) in lx.COMMON_SUBJECTS
               for w in words)


def _liked(body: str) -> Command | None:
    like = MORE_LIKE.search(body)
    if like:
        rank = _ref_rank(like)
        return Command("like", rank) if rank is not None else None
    ref = REF.search(body)
    if _MORE_OF_IT.search(body):
        return Command("like", _ref_rank(ref) if ref else None)
    if ref and _PRAISE.search(body) and _only_ref_and_praise(body):
        return Command("like", _ref_rank(ref))
    return None


def _only_ref_and_praise(body: str) -> bool:
    """"the 3rd one is perfect": a result and praise and nothing else to search for."""
    rest = _PRAISE.sub(" ", REF.sub(" ", body))
    return not set(re.findall(r"[a-z']+", rest)) - _CLOSING_WORDS - {"one", "picture", "photo", "image", "pic"}


def _rank(pattern: re.Pattern[str], body: str) -> int | None:
    m = pattern.search(body)
    return _ref_rank(m) if m else None


def _ref_rank(m: re.Match[str]) -> int | None:
    if m.groupdict().get("digit"):
        rank = int(m["digit"])
    elif m["hash"]:
        rank = int(m["hash"])
    elif m["ord"]:
        return -int(m["ord"]) if 1 <= int(m["ord"]) <= MAX_RANK else None
    elif m["word"]:
        return LAST if m["word"] == "last" else -ORDINALS[m["word"]]
    elif m["num"]:
        rank = int(m["num"]) if m["num"].isdigit() else CARDINALS[m["num"]]
    else:
        return None
    return rank if 1 <= rank <= MAX_RANK else None


def _closing(body: str) -> bool:
    words = re.findall(r"[a-z0-9']+", _FAREWELL.sub(" thanks ", body))
    return bool(words) and all(w in _CLOSING_WORDS for w in words) and bool(
        {"thanks", "thank", "thx", "ty", "cheers", "bye", "goodbye", "byebye", "appreciate", "appreciated"} & set(words)
        or _FAREWELL.search(body) or len(words) <= 2)

"""What a message asks of the conversation (bot.commands) and what chat around a request is taken out or
turned into plain words (bot.tidy): tables of messages, each checked against what the rule planner makes."""

from __future__ import annotations

import pytest

from bot.commands import LAST, read_command
from bot.plan import Action, SearchPlan
from bot.planner import DeterministicPlanner
from bot.tidy import tidy

COMMANDS = [  # (message, kind, rank); rank: minus the position for ordinals (the chat resolves it), LAST = 0
    ("start over", "reset", None), ("never mind, start over", "reset", None),
    ("ok forget the flowers. new search: trees", "reset", None),
    ("show more", "more", None), ("can we see a few more of those?", "more", None),
    ("whats next, show more", "more", None), ("anything else?", "more", None),
    ("more like the 2nd one", "like", -2), ("like #3", "like", 3), ("more like number 4", "like", 4),
    ("the 2nd one is nice, more like that", "like", -2), ("omg the first one is perfect, can I see more like it?",
                                                         "like", -1),
    ("I love the third one", "like", -3), ("more like the last one", "like", LAST),
    ("more like that", "like", None),  # which one? the planner asks
    ("not like #2", "unlike", 2), ("I don't like the third one", "unlike", -3), ("not the 4th one", "unlike", -4),
    ("thx", "closing", None), ("Great, that's all I needed. Thanks!", "closing", None),
    ("good night!", "closing", None), ("cheers, that's brilliant", "closing", None), ("perfect", "closing", None),
]
NOT_COMMANDS = ["something like two dogs", "i like red cars", "I don't like the purple ones", "at night", "clear sky",
                "nice. what about purple ones?", "thanks! now at night", "great, and bigger?", "just 2",
                "the first picture"]


@pytest.mark.parametrize(("text", "kind", "rank"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_commands_inside_chat(text: str, kind: str, rank: int | None) -> None:
    command = read_command(text.lower(), text)
    assert command is not None and (command.kind, command.rank) == (kind, rank)


@pytest.mark.parametrize("text", NOT_COMMANDS)
def test_requests_are_not_commands(text: str) -> None:
    assert read_command(text.lower(), text) is None


def test_reset_keeps_what_follows_with_its_case() -> None:
    assert read_command("new search: cats on grass", "new search: Cats on grass").rest == "Cats on grass"


TIDY = [  # (message, text the reader gets, negatives, modifiers, groups let go)
    ("i think it had two yellow boats on the water", "two yellow boats on the water", [], [], set()),
    ("at night would be nice", "at night", [], [], set()),
    ("so for my presentation i need purple trees", "so for purple trees", [], [], set()),
    ("hmm these are way too small", "big", [], [], set()),
    ("hmm the snowy ones look too cold, no snow please", "no snow", [], [], set()),
    ("these are all at night, I wanted daytime", "i wanted daytime", [], [], set()),
    ("get rid of the red ones", "without the red ones", [], [], set()),
    ("anything but boats", "without boats", [], [], set()),
    ("houses in any colour but red", "houses without red", [], [], set()),
    ("trees -snow", "trees , without snow", [], [], set()),
    ("more than one boat per picture", "boat", ["one"], [], set()),
    ("flowers, fewer than three in a picture", "flowers", ["three"], [], set()),
    ("at least three cars", "cars", [], ["three"], set()),
    ("actually any colour is fine", "actually", [], [], {"color"}),
    ("day or night doesn't matter", "", [], [], {"time"}),
    ("doesn't matter where", "", [], [], {"place"}),
    ("she says she wants just one car per picture", "just one car", [], [], set()),
    ("and maybe when it's dark out", "and at night", [], [], set()),
]


@pytest.mark.parametrize(("text", "words", "negatives", "mods", "drop"), TIDY, ids=[t[0] for t in TIDY])
def test_chat_around_a_request(text: str, words: str, negatives: list[str], mods: list[str], drop: set[str]) -> None:
    out = tidy(text.lower())
    assert (out.text, out.negatives, out.mods, out.drop) == (words, negatives, mods, drop)


def _play(*turns: str) -> SearchPlan:
    planner, plan, history = DeterministicPlanner(), None, []
    for text in turns:
        plan = planner.plan(plan, text, history)
        history.append(plan)
    return plan


def test_letting_go_of_what_was_asked_and_excluding_what_was_not() -> None:
    assert _play("three blue boats", "drop the blue").phrase == "three boats"
    dropped = _play("stuff on the water", "drop the boats")
    assert (dropped.phrase, dropped.negatives) == ("in water", ("boats",))
    assert _play("red houses", "forget the houses. show me fish").phrase == "fish"


def test_going_back_to_an_earlier_search() -> None:
    plan = _play("red cars on the street", "flowers", "big ones at night", "actually go back to the cars")
    assert (plan.phrase, plan.action) == ("red cars on a street", Action.REFINE)
    assert _play("red cars", "trees", "go back to the cars but at night").phrase == "red cars at night"
    assert _play("red cars", "ok back to two").phrase == "two red cars"  # a count said again, not a search
    assert _play("trees", "go back to the boats").phrase == "boats"  # nothing to go back to: the new thing


def test_typos_and_chat_spellings() -> None:
    assert _play("red cras", "at nigth", "on teh stret").phrase == "red cars on a street at night"
    assert _play("orang fishs", "dont show nite ones").negatives == ("night",)


def test_more_like_that_without_saying_which_asks() -> None:
    plan = _play("red cars", "more like that")
    assert not plan.searchable and plan.notice.startswith("Which one?")


def test_thanks_are_answered_and_keep_the_search() -> None:
    plan = _play("red cars", "thank you, she's very happy")
    assert not plan.searchable and plan.notice.startswith("You're welcome")
    assert _play("red cars", "thank you, she's very happy", "at night").phrase == "red cars at night"


@pytest.fixture(scope="module")
def demo_words():  # noqa: ANN201
    from indexer.embedding import ClipEmbeddings

    return ClipEmbeddings("demo-clip").knows


def test_words_the_search_model_never_saw_do_not_steer_the_search(demo_words) -> None:  # noqa: ANN001
    from bot.scope import Context

    def play(*turns: str) -> SearchPlan:
        planner, plan, history = DeterministicPlanner(Context(known=demo_words)), None, []
        for text in turns:
            plan = planner.plan(plan, text, history)
            history.append(plan)
        return plan

    assert not demo_words("hiii") and demo_words("fish") and demo_words("yacht")  # the demo learned synonyms
    assert play("hiii do u have fishies").phrase == "fishes"
    assert play("red boats", "On the open water, arr!").phrase == "red boats in water"  # "arr" changes nothing
    thanks = play("red boats", "gg ty")
    assert not thanks.searchable and thanks.notice.startswith("You're welcome")
    assert play("dogs").phrase == "dogs"  # said alone it is searched, and the relevance floor answers
    beach = play("dogs on the beach")  # beside words it knows, it is left out, and the answer says so (bot.chat)
    assert (beach.phrase, beach.left_out) == ("on a beach", ("dogs",))
    assert play("hiii do u have fishies").left_out == ()  # chat, not a thing: nothing to report
    assert play("boats", "no red ships, red be bad luck").negatives == ("red ships",)

"""What a message asks of the conversation (bot.commands), and the chat around a request (bot.planner.talk):
tables of messages, each judged by what the person wanted (tests/wants.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.commands import LAST, read_command
from bot.plan import Action, SearchPlan
from bot.planner import DeterministicPlanner
from tests.wants import judge, parse, play

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


CHAT = [  # (message, what the person wanted); the conversation words stay out of the search
    ("i think it had two yellow boats on the water", "+two +yellow +boat +water !think @new"),
    ("at night would be nice", "+night !nice @new"),
    ("so for my presentation i need purple trees", "+purple +tree !presentation !need @new"),
    ("get rid of the red ones", "-red !red @new"),
    ("anything but boats", "-boat !boat @new"),
    ("houses in any colour but red", "+house -red !colour @new"),
    ("trees -snow", "+tree -snow !snow @new"),
    ("more than one boat per picture", "+boat -one !picture @new"),
    ("flowers, fewer than three in a picture", "+flower -three !picture @new"),
    ("at least three cars", "+three +car @new"),
    ("she says she wants just one car per picture", "+one +car !say !want @new"),
    ("and maybe when it's dark out", "+night !maybe @new"),
]
FOLLOW_UPS = [  # (first message, follow-up, what the person wanted of the follow-up)
    ("red cars", "hmm these are way too small", "+big +car !small @refine"),
    ("purple trees", "hmm the snowy ones look too cold, no snow please", "+tree -snow !cold @refine"),
    ("orange cars", "these are all at night, I wanted daytime", "+car +day !night @refine"),
    ("blue flowers", "actually any colour is fine", "+flower !blue !colour @refine"),
    ("red boats at night", "day or night doesn't matter", "+red +boat !night !matter @refine"),
    ("fish on the beach", "doesn't matter where", "+fish !beach !matter @refine"),
]


@pytest.mark.parametrize(("text", "spec"), CHAT, ids=[t[0] for t in CHAT])
def test_chat_around_a_request(text: str, spec: str) -> None:
    [verdict] = play(DeterministicPlanner(), [(text, spec)])
    assert verdict.right, (verdict.plan, verdict.misses)


@pytest.mark.parametrize(("first", "text", "spec"), FOLLOW_UPS, ids=[t[1] for t in FOLLOW_UPS])
def test_what_a_follow_up_says_about_the_last_answer(first: str, text: str, spec: str) -> None:
    verdicts = play(DeterministicPlanner(), [(first, "@new"), (text, spec)])
    assert verdicts[1].right, (verdicts[1].plan, verdicts[1].misses)


def _says(phrase: str, spec: str) -> bool:
    """Whether a phrase says (and leaves out) the words of a spec's + and ! items."""
    from bot.plan import SearchPlan as Plan

    return not judge(Plan(phrase, action=Action.NEW), replace(parse(spec + " @new"), negatives=(), filters=()))


def _play(*turns: str) -> SearchPlan:
    planner, plan, history = DeterministicPlanner(), None, []
    for text in turns:
        plan = planner.plan(plan, text, history)
        history.append(plan)
    return plan


def _right(*turns: tuple[str, str]) -> None:
    verdicts = play(DeterministicPlanner(), list(turns))
    assert all(v.right for v in verdicts), [(v.text, v.plan.phrase, v.misses) for v in verdicts if not v.right]


def test_letting_go_of_what_was_asked_and_excluding_what_was_not() -> None:
    _right(("three blue boats", "@new"), ("drop the blue", "+three +boat !blue @refine"))
    _right(("stuff on the water", "+water !stuff @new"), ("drop the boats", "+water -boat !boat @refine"))
    _right(("red houses", "@new"), ("forget the houses. show me fish", "+fish !house !red @new"))


def test_going_back_to_an_earlier_search() -> None:
    _right(("red cars on the street", "@new"), ("flowers", "@new"), ("big ones at night", "@refine"),
           ("actually go back to the cars", "+red +car +street !flower !big !night @refine"))
    _right(("red cars", "@new"), ("trees", "@new"), ("go back to the cars but at night", "+red +car +night @refine"))
    _right(("red cars", "@new"), ("ok back to two", "+two +red +car @refine"))  # a count said again
    _right(("trees", "@new"), ("go back to the boats", "+boat !tree @new"))  # nothing to go back to


def test_typos_and_chat_spellings() -> None:
    _right(("red cras", "+red +car @new"), ("at nigth", "+red +car +night @refine"),
           ("on teh stret", "+red +car +night +street !teh @refine"))
    _right(("orang fishs", "+orange +fish @new"), ("dont show nite ones", "-night !night @exclude"))


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
    assert _says(play("hiii do u have fishies").phrase, "+fish !hiii")
    assert _says(play("red boats", "On the open water, arr!").phrase, "+red +boat +water !arr")  # "arr": nothing
    thanks = play("red boats", "gg ty")
    assert not thanks.searchable and thanks.notice.startswith("You're welcome")
    assert _says(play("dogs").phrase, "+dog")  # said alone it is searched, and the relevance floor answers
    beach = play("dogs on the beach")  # beside words it knows, it is left out, and the answer says so (bot.chat)
    assert _says(beach.phrase, "+beach !dog") and beach.left_out == ("dogs",)
    assert play("hiii do u have fishies").left_out == ()  # chat, not a thing: nothing to report
    assert _says(" ".join(play("boats", "no red ships, red be bad luck").negatives), "+red +ship !luck")

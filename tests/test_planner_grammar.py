"""The planner's grammar mechanisms one at a time, each on conversations of its own (none taken from the
dialog tables or the held-out sets): relative clauses, corrections and narrowings that change a part of the
search in place, a part of the scene said after it, names made of a place and a noun, slips of the keys.

Each turn is judged by what the person asked for (tests/wants.py specs), so a mechanism that stops working
fails here.
"""

from __future__ import annotations

import pytest

from bot.planner import DeterministicPlanner
from bot.planner.spelling import correct
from tests.wants import open_context, play

CASES: dict[str, list[tuple[str, str]]] = {
    "a holiday said with a capital is no place": [("our dog at Christmas", "+dog +christmas !our @new")],
    "someone else in the scene, by a where-clause": [
        ("our cat curled up on the windowsill", "+cat +windowsill !our @new"),
        ("the one where my son is stroking her", "+cat +son_stroking !her @refine"),
    ],
    "a where-clause with a verb is no field filter": [
        ("the garden party", "+party +garden @new"),
        ("where grandpa is dancing", "+party +grandpa +dance @refine"),
    ],
    "an alternative description replaces the old one": [
        ("grilled sardines at the market", "+grilled +sardine +market @new"),
        ("the smoked ones instead", "+smoked +sardine !grilled @refine"),
    ],
    "an added description keeps the old one": [
        ("rusty old bikes", "+rusty +bike @new"),
        ("the blue ones too", "+rusty +blue +bike @refine"),
    ],
    "an owner a picture shows by age": [("my grandmother's sewing machine", "+grandmother +sewing_machine !my @new")],
    "a young owner": [("the baby's tiny socks", "+baby +tiny +sock @new")],
    "an owner a picture cannot show": [
        ("my cousin's new puppy", "+puppy !cousin !my @new"),
    ],
    "moving on with 'now'": [
        ("a lighthouse on the cliffs", "+lighthouse +cliff @new"),
        ("now the harbour wall", "+harbour_wall !lighthouse !cliff @new"),
    ],
    "one more thing said with 'and', with its own colour": [
        ("a picnic blanket in the park", "+picnic_blanket +park @new"),
        ("and a yellow frisbee", "+picnic_blanket +yellow_frisbee @refine"),
    ],
    "relative clause, the person's own act": [
        ("the soup we had in paris", "+soup ~place !we !had @new"),
    ],
    "relative clause, an act with an object of its own": [
        ("the ladder i lent the neighbours", "+ladder !neighbour !lent !i @new"),
    ],
    "relative clause, a made thing": [
        ("the quilt she sewed", "+quilt +sewn !she @new"),
    ],
    "where-clause keeps the action": [
        ("grandpa at the lake", "+grandpa +lake @new"),
        ("the one where i'm holding the fish", "+grandpa +hold +fish @refine"),
    ],
    "where-clause that is not field syntax": [
        ("the school concert", "+concert @new"),
        ("where tom is playing the drums", "+concert +drum @refine"),
    ],
    "correction of a place part": [
        ("kids at the indoor pool", "+kid +indoor +pool @new"),
        ("sorry, I meant the outdoor pool", "+kid +outdoor +pool !indoor @refine"),
    ],
    "correction with 'not'": [
        ("a cat asleep on the bed", "+cat +bed @new"),
        ("the sofa, not the bed", "+cat +sofa !bed @refine"),
    ],
    "correction of a where-phrase": [
        ("a boat moored by the pier", "+boat +pier @new"),
        ("no, the one in the harbour", "+boat +harbour !pier @refine"),
    ],
    "narrowing an action's object": [
        ("a boy flying a kite", "+boy +fly +kite @new"),
        ("only the red kites", "+boy +red +kite @refine"),
    ],
    "a part of the scene said after it": [
        ("a birthday party in the garden", "+party +garden @new"),
        ("balloons tied to the fence", "+party +balloon +fence @refine"),
    ],
    "a relational noun is a part of the thing": [
        ("my passport", "+passport !my @new"),
        ("just the back", "+passport +back @refine"),
    ],
    "a place that starts a thing's name": [
        ("the tokyo tower at dusk", "+tokyo_tower +dusk ~place @new"),
    ],
    "a search-vocabulary word that names the next noun": [
        ("place cards on the wedding table", "+place_card +table @new"),
    ],
    "a question opening with where's": [
        ("where's that pic of the red kites", "+red +kite !where !pic @new"),
    ],
    "of and a possessive inside a noun phrase": [
        ("a close up of my library card", "+library_card @new"),
    ],
    "a participle before a bare adjective": [
        ("lanterns at the festival", "+lantern +festival @new"),
        ("glowing orange", "+lantern +glow +orange @refine"),
    ],
    "an -ing noun inside a compound": [
        ("the porch reading light at night", "+porch_reading_light +night @new"),
    ],
    "a judging word right before a noun is part of its name": [
        ("the great wall at sunrise", "+great_wall +sunrise @new"),
        ("the best ones", "+great_wall !best @refine"),
    ],
    "'ones of' a part of the scene": [
        ("a street parade with floats", "+parade +float @new"),
        ("closer ones of the drummers", "+parade +drummer @refine"),
    ],
    "a colour in the person's spelling is still a colour": [
        ("a grey heron", "+grey +heron @new"),
        ("the white ones", "+white +heron !grey @refine"),
    ],
    "a bare 'and' adds to the scene": [
        ("a lighthouse on the cliffs", "+lighthouse +cliff @new"),
        ("and a fishing boat", "+lighthouse +boat @refine"),
        ("and any with the lamp lit?", "+lighthouse +lamp @refine"),
    ],
    "a shade named after a thing": [
        ("an olive green raincoat", "+olive_green +raincoat @new"),
        ("hung on a peg", "+olive_green +raincoat +peg @refine"),
    ],
    "the thing named again by its head keeps its name": [
        ("the wedding cake on the table", "+wedding_cake +table @new"),
        ("no candles, just the cake", "+wedding_cake -candle @exclude"),
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mechanism(name: str) -> None:
    for verdict in play(DeterministicPlanner(open_context()), CASES[name]):
        assert verdict.right, (verdict.text, verdict.plan.phrase, verdict.misses)


@pytest.mark.parametrize(("typed", "meant"), [
    ("tabel", "table"),  # two letters swapped
    ("cofee", "coffee"),  # a letter left out
    ("gardden", "garden"),  # a letter doubled
    ("ballons", "balloons"),
])
def test_slips_of_the_keys(typed: str, meant: str) -> None:
    assert correct(typed) == meant


@pytest.mark.parametrize("word", ["macarons", "monstera", "margherita", "colosseum", "mache"])
def test_rare_real_words_are_not_typos(word: str) -> None:
    assert correct(word) == word

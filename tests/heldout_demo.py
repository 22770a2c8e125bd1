"""HELD-OUT demo-world dialogs: what every shown image should have, turn by turn.

Written after the planner's rules were frozen (issues 16 and 22), without reading the bot's code or the other
demo tables' conversations.  No planner rule may be written for these dialogs: they measure generalisation.

``HELDOUT_DEMO`` maps a dialog name to its turns, each ``(message, wanted)``: the demo attributes every shown
image must have, space-separated ``name=value`` items, ``!name=value`` for an attribute it must NOT have.
Names and values: kind (house, tree, car, boat, flower, fish), color (red, blue, green, yellow, purple,
orange), count (1, 2, 3), size (small, big), setting (grass, beach, snow, water, street), time (day, night).
``wanted`` is empty for a turn that shows nothing new to judge ("thanks", "hi").
"""

HELDOUT_DEMO: dict[str, list[tuple[str, str]]] = {
    "night boats, purple": [
        ("anything with boats at night?", "kind=boat time=night"),
        ("the purple ones", "kind=boat time=night color=purple"),
        ("cool ty", ""),
    ],
    "lonely tree in snow": [
        ("i want pics of trees in the snow", "kind=tree setting=snow"),
        ("just one tree per picture", "kind=tree setting=snow count=1"),
        ("daytime only", "kind=tree setting=snow count=1 time=day"),
    ],
    "fish but not blue": [
        ("fish", "kind=fish"),
        ("no blue fish", "kind=fish !color=blue"),
        ("big ones", "kind=fish !color=blue size=big"),
    ],
    "three red flowers then yellow": [
        ("three red flowers", "kind=flower color=red count=3"),
        ("on the grass", "kind=flower color=red count=3 setting=grass"),
        ("what about yellow", "kind=flower color=yellow count=3 setting=grass"),
    ],
    "street cars, a pair": [
        ("cars parked on the street", "kind=car setting=street"),
        ("make it two of them", "kind=car setting=street count=2"),
        ("not the green ones", "kind=car setting=street count=2 !color=green"),
    ],
    "houses beach then snow": [
        ("houses by the beach", "kind=house setting=beach"),
        ("what about in the snow instead", "kind=house setting=snow !setting=beach"),
        ("small", "kind=house setting=snow size=small"),
    ],
    "typos orange boats": [
        ("shwo me orange boats", "kind=boat color=orange"),
        ("on teh water", "kind=boat color=orange setting=water"),
        ("at nite", "kind=boat color=orange setting=water time=night"),
    ],
    "big yellow house question": [
        ("do you have a big yellow house?", "kind=house color=yellow size=big"),
        ("one on a street", "kind=house color=yellow size=big setting=street"),
    ],
    "blue cars then trees": [
        ("blue cars please", "kind=car color=blue"),
        ("how about trees", "kind=tree color=blue !kind=car"),
        ("in the daytime", "kind=tree color=blue time=day"),
    ],
    "two fish in water at night": [
        ("two fish in the water at night", "kind=fish count=2 setting=water time=night"),
        ("show more", "kind=fish count=2 setting=water time=night"),
        ("thanks!", ""),
    ],
    "purple then flowers": [
        ("something purple", "color=purple"),
        ("only flowers", "kind=flower color=purple"),
        ("and not at night", "kind=flower color=purple !time=night"),
    ],
    "small beach boat": [
        ("small boat on the beach during the day", "kind=boat size=small setting=beach time=day"),
        ("make it red", "kind=boat size=small setting=beach time=day color=red"),
    ],
    "green cars in snow then boats": [
        ("got any green cars in the snow", "kind=car color=green setting=snow"),
        ("what about boats", "kind=boat color=green setting=snow !kind=car"),
    ],
    "terse": [
        ("trees", "kind=tree"),
        ("orange", "kind=tree color=orange"),
        ("3", "kind=tree color=orange count=3"),
        ("night", "kind=tree color=orange count=3 time=night"),
    ],
    "chatty grass houses": [
        ("hey! so I'm looking for a picture of some houses sitting on grass, kind of a meadow vibe",
         "kind=house setting=grass"),
        ("ooh can they be green", "kind=house setting=grass color=green"),
        ("perfect, and only the ones where it's daytime", "kind=house setting=grass color=green time=day"),
    ],
    "one big fish on the beach": [
        ("a single big fish lying on a beach", "kind=fish count=1 size=big setting=beach"),
        ("hmm not yellow", "kind=fish count=1 size=big setting=beach !color=yellow"),
    ],
    "cars excluding red and blue": [
        ("cars at night", "kind=car time=night"),
        ("no red or blue ones", "kind=car time=night !color=red !color=blue"),
        ("only the big ones", "kind=car time=night size=big !color=red !color=blue"),
    ],
    "flowers in water": [
        ("flowers floating on water", "kind=flower setting=water"),
        ("pairs of them", "kind=flower setting=water count=2"),
        ("and tiny", "kind=flower setting=water count=2 size=small"),
    ],
    "correction tree to house": [
        ("yellow trees on the street", "kind=tree color=yellow setting=street"),
        ("sorry i meant yellow houses", "kind=house color=yellow setting=street !kind=tree"),
    ],
    "start over": [
        ("big blue boats", "kind=boat color=blue size=big"),
        ("start over", ""),
        ("red fish in the snow", "kind=fish color=red setting=snow !kind=boat"),
    ],
    "everything on the street at night": [
        ("what's out on the street at night", "setting=street time=night"),
        ("just the orange stuff", "setting=street time=night color=orange"),
        ("only cars", "kind=car setting=street time=night color=orange"),
    ],
    "three boats": [
        ("three boats", "kind=boat count=3"),
        ("the ones where its nighttime", "kind=boat count=3 time=night"),
        ("not on the water though", "kind=boat count=3 time=night !setting=water"),
    ],
    "daytime snow flower": [
        ("a flower in the snow in the daytime", "kind=flower setting=snow time=day"),
        ("is there a blue one", "kind=flower setting=snow time=day color=blue"),
    ],
    "tiny fish": [
        ("tiny fish", "kind=fish size=small"),
        ("green", "kind=fish size=small color=green"),
        ("swimming in water", "kind=fish size=small color=green setting=water"),
    ],
    "houses excluding night": [
        ("houses but not at night", "kind=house !time=night"),
        ("red or orange doesnt matter", "kind=house !time=night !color=blue !color=green !color=yellow !color=purple"),
        ("just the red ones then", "kind=house color=red !time=night"),
    ],
    "beach trees pair": [
        ("palm-ish trees on a beach", "kind=tree setting=beach"),
        ("two of them", "kind=tree setting=beach count=2"),
        ("what about three", "kind=tree setting=beach count=3"),
    ],
    "big purple car": [
        ("big purple car", "kind=car color=purple size=big"),
        ("on grass", "kind=car color=purple size=big setting=grass"),
        ("and during the day pls", "kind=car color=purple size=big setting=grass time=day"),
    ],
    "boats not in water": [
        ("boats that aren't on the water", "kind=boat !setting=water"),
        ("in the snow would be funny", "kind=boat setting=snow"),
    ],
    "yellow things by day": [
        ("yellow stuff in the daytime", "color=yellow time=day"),
        ("only fish", "kind=fish color=yellow time=day"),
        ("how about boats instead", "kind=boat color=yellow time=day !kind=fish"),
    ],
    "single small house": [
        ("just one small house", "kind=house count=1 size=small"),
        ("on the beach at night", "kind=house count=1 size=small setting=beach time=night"),
        ("blue if possible", "kind=house count=1 size=small setting=beach time=night color=blue"),
    ],
    "greeting then request": [
        ("hello", ""),
        ("can i see some red boats on the street", "kind=boat color=red setting=street"),
        ("no small ones", "kind=boat color=red setting=street !size=small"),
    ],
    "questions about fish": [
        ("are there purple fish?", "kind=fish color=purple"),
        ("any at night?", "kind=fish color=purple time=night"),
        ("what about on the grass", "kind=fish color=purple time=night setting=grass"),
    ],
    "the one where flowers": [
        ("the one where there are two orange flowers on a street", "kind=flower color=orange count=2 setting=street"),
        ("daytime", "kind=flower color=orange count=2 setting=street time=day"),
    ],
}

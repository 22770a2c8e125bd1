"""Longer conversations by persona: a parent giving context ("my son needs pictures of trees for his
science homework"), a terse designer ("swap snow for beach", "drop the yellow"), someone reacting to
results, someone coming back to an earlier search ("actually go back to the cars"), typos and missing
apostrophes ("teh", "dont", "boaats").

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

PERSONAS: dict[str, list[tuple[str, str | None, str]]] = {
    "parent ocean project fish": [
        (("hi! my daughter has a school project about the ocean and she needs some pictures"
          " of fish, can you help?"), "kind=fish"),
        ("her teacher said the fish should be in water, obviously lol", "kind=fish setting=water"),
        ("she loves the colour orange, do you have orange ones?", "kind=fish setting=water color=orange"),
        ("perfect. can we see a few more of those?", "kind=fish setting=water color=orange"),
        ("thank you so much, this is a lifesaver", ""),
    ],
    "designer boats terse": [
        ("boats", "kind=boat"),
        ("blue", "kind=boat color=blue"),
        ("make it 3", "kind=boat color=blue count=3"),
        ("drop the blue", "kind=boat count=3"),
        ("night", "kind=boat count=3 time=night"),
    ],
    "wrong colour then daytime": [
        ("red cars please", "kind=car color=red"),
        ("nope, wrong colour, i wanted orange", "kind=car color=orange"),
        ("these are all at night, I wanted daytime", "kind=car color=orange time=day"),
        ("show more", "kind=car color=orange time=day"),
        ("great, thats it", ""),
    ],
    "questions boats in snow": [
        ("do you have any boats in the snow?", "kind=boat setting=snow"),
        ("what about at night?", "kind=boat setting=snow time=night"),
        ("and during the day?", "kind=boat setting=snow time=day"),
        ("ok what about on the beach instead of the snow?", "kind=boat setting=beach time=day"),
    ],
    "cars then flowers then back": [
        ("red cars", "kind=car color=red"),
        ("on the street", "kind=car color=red setting=street"),
        ("ok forget the cars. show me flowers", "kind=flower"),
        ("yellow ones", "kind=flower color=yellow"),
        ("actually go back to the cars", "kind=car color=red setting=street"),
    ],
    "start over to small fish": [
        ("big houses in the snow", "kind=house size=big setting=snow"),
        ("hmm not quite. start over", ""),
        ("small fish", "kind=fish size=small"),
        ("three of them", "kind=fish size=small count=3"),
        ("show more", "kind=fish size=small count=3"),
    ],
    "parent seasons trees": [
        ("hello", ""),
        (("my son needs pictures of trees for his science homework about the seasons, he "
          "wants some in the snow"), "kind=tree setting=snow"),
        ("and then also some on grass for the summer part", "kind=tree setting=grass"),
        ("oh and his teacher asked for daytime pictures only", "kind=tree setting=grass time=day"),
        ("can you show the snowy ones again, also in daytime?", "kind=tree setting=snow time=day"),
        ("great thanks, he'll be thrilled", ""),
    ],
    "yellow fish count feedback": [
        ("yellow fish", "kind=fish color=yellow"),
        ("good but too many of them, i want one", "kind=fish color=yellow count=1"),
        ("these are nice. more like the 3rd one", "kind=fish color=yellow count=1"),
        ("hmm actually two would be better", "kind=fish color=yellow count=2"),
        ("ok perfect", ""),
    ],
    "green car it reference": [
        ("do you have a green car?", "kind=car color=green"),
        ("can i see it at night?", "kind=car color=green time=night"),
        ("what about a blue one?", "kind=car color=blue time=night"),
        ("and during the day?", "kind=car color=blue time=day"),
        ("show more", "kind=car color=blue time=day"),
    ],
    "houses excluding colours": [
        ("show me houses", "kind=house"),
        ("not red", "kind=house !color=red"),
        ("and not blue either", "kind=house !color=red !color=blue"),
        ("only the big ones", "kind=house size=big !color=red !color=blue"),
        ("by the water", "kind=house size=big setting=water !color=red !color=blue"),
    ],
    "which fish questions": [
        ("do you have any pictures of fish?", "kind=fish"),
        ("which ones are red?", "kind=fish color=red"),
        ("which ones have two fish?", "kind=fish color=red count=2"),
        ("what about three?", "kind=fish color=red count=3"),
        ("ok show more of those", "kind=fish color=red count=3"),
    ],
    "flowers trees back to flowers": [
        ("orange flowers", "kind=flower color=orange"),
        ("in the grass", "kind=flower color=orange setting=grass"),
        ("ok forget the flowers. new search: trees", "kind=tree"),
        ("big ones at night", "kind=tree size=big time=night"),
        ("actually go back to the flowers", "kind=flower color=orange setting=grass"),
        ("more like the first one", "kind=flower color=orange setting=grass"),
    ],
    "swap kinds red pairs": [
        ("two red houses", "kind=house color=red count=2"),
        ("swap to cars", "kind=car color=red count=2"),
        ("swap to boats", "kind=boat color=red count=2"),
        ("make it 1", "kind=boat color=red count=1"),
        ("not in the snow", "kind=boat color=red count=1 !setting=snow"),
    ],
    "ellipsis yellow night": [
        ("purple trees", "kind=tree color=purple"),
        ("yellow?", "kind=tree color=yellow"),
        ("and at night?", "kind=tree color=yellow time=night"),
        ("houses?", "kind=house color=yellow time=night"),
        ("same but day", "kind=house color=yellow time=day"),
    ],
    "parent twins colours": [
        (("ok so my twins are doing a project on colours for their kindergarten class and "
          "they each picked a colour, one picked red and one picked blue. lets start with "
          "red things"), "color=red"),
        ("maybe cars since they both love cars", "color=red kind=car"),
        ("now the blue ones for the other twin", "color=blue kind=car"),
        ("she says she wants just one car per picture so its not confusing", "color=blue kind=car count=1"),
        ("show a few more please", "color=blue kind=car count=1"),
        ("thats great, thank you!!", ""),
    ],
    "small green fish more like": [
        ("small green fish", "kind=fish color=green size=small"),
        ("more like the 2nd one", "kind=fish color=green size=small"),
        ("show more", "kind=fish color=green size=small"),
        ("now big ones", "kind=fish color=green size=big"),
    ],
    "designer street cars exclude": [
        ("cars. street. night.", "kind=car setting=street time=night"),
        ("drop the night", "kind=car setting=street"),
        ("make it 2", "kind=car setting=street count=2"),
        ("exclude red", "kind=car setting=street count=2 !color=red"),
        ("exclude orange too", "kind=car setting=street count=2 !color=red !color=orange"),
    ],
    "typo flowers snow": [
        ("hi can i see som flowrs", "kind=flower"),
        ("red ones pls", "kind=flower color=red"),
        ("im lookin for ones in teh snow", "kind=flower color=red setting=snow"),
        ("dont show nite ones", "kind=flower color=red setting=snow !time=night"),
        ("thx", ""),
    ],
    "yes no houses beach": [
        ("are there any houses on the beach?", "kind=house setting=beach"),
        ("do any of them have three houses?", "kind=house setting=beach count=3"),
        ("is there one with only one house?", "kind=house setting=beach count=1"),
        ("ok and what about in the snow?", "kind=house setting=snow count=1"),
    ],
    "mixed yellow boats big small": [
        ("big yellow boats, not at night", "kind=boat color=yellow size=big !time=night"),
        ("and not on the street", "kind=boat color=yellow size=big !time=night !setting=street"),
        ("ok now same thing but small", "kind=boat color=yellow size=small !time=night !setting=street"),
        ("show more", "kind=boat color=yellow size=small !time=night !setting=street"),
        ("cool thanks", ""),
    ],
    "fish houses back to fish": [
        ("blue fish", "kind=fish color=blue"),
        ("at night", "kind=fish color=blue time=night"),
        ("ok forget fish. show me houses", "kind=house"),
        ("in the snow", "kind=house setting=snow"),
        ("actually go back to the fish", "kind=fish color=blue time=night"),
        ("but during the day", "kind=fish color=blue time=day"),
    ],
    "those trees beach orange": [
        ("show me trees on the beach", "kind=tree setting=beach"),
        ("i like those, but make them orange", "kind=tree setting=beach color=orange"),
        ("same trees but drop the beach part", "kind=tree color=orange"),
        ("put them at night", "kind=tree color=orange time=night"),
        ("more like the last one", "kind=tree color=orange time=night"),
    ],
    "start over twice night cars": [
        ("red boats", "kind=boat color=red"),
        ("start over", ""),
        ("yellow houses", "kind=house color=yellow"),
        ("nah start over again", ""),
        ("just show me anything at night", "time=night"),
        ("ok cars", "time=night kind=car"),
    ],
    "purple houses daytime fix": [
        ("houses at night", "kind=house time=night"),
        ("purple", "kind=house time=night color=purple"),
        ("these are all at night, I wanted daytime actually", "kind=house color=purple time=day"),
        ("drop the purple, any colour is fine", "kind=house time=day"),
        ("by the water", "kind=house time=day setting=water"),
    ],
    "parent fish tank poster": [
        (("Hello! my son is making a poster about his fish tank and he needs pictures of "
          "orange fish"), "kind=fish color=orange"),
        ("they should be in water please, some of these are on the beach which is a bit silly", "kind=fish color=orange setting=water"),
        (("actually he says the colour doesnt matter that much, he just wants three fish in"
          " the water like his tank"), "kind=fish setting=water count=3"),
        ("show more please", "kind=fish setting=water count=3"),
        ("thanks, bye!", ""),
    ],
    "designer swap setting and kind": [
        ("yellow houses", "kind=house color=yellow"),
        ("snow", "kind=house color=yellow setting=snow"),
        ("swap snow for beach", "kind=house color=yellow setting=beach"),
        ("swap to trees", "kind=tree color=yellow setting=beach"),
        ("drop the yellow", "kind=tree setting=beach"),
        ("make it 2", "kind=tree setting=beach count=2"),
    ],
    "wh questions boats": [
        ("what do you have with boats?", "kind=boat"),
        ("which ones are at night?", "kind=boat time=night"),
        ("which of those are on the water?", "kind=boat time=night setting=water"),
        ("what about the daytime ones on the water?", "kind=boat time=day setting=water"),
        ("show more", "kind=boat time=day setting=water"),
    ],
}

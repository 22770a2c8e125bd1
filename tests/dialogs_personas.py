"""Longer conversations by persona: a parent giving context ("my son needs pictures of trees for his
science homework"), a terse designer ("swap snow for beach", "drop the yellow"), someone reacting to
results, someone coming back to an earlier search ("actually go back to the cars"), typos and missing
apostrophes ("teh", "dont", "boaats").

Same format as tests/dialogs.py: (message, phrase sent to CLIP or None, wanted attributes).
"""

from __future__ import annotations

PERSONAS: dict[str, list[tuple[str, str | None, str]]] = {
    "parent ocean project fish": [
        (("hi! my daughter has a school project about the ocean and she needs some pictures"
          " of fish, can you help?"), "fish at sea", "kind=fish"),
        ("her teacher said the fish should be in water, obviously lol", "fish in water", "kind=fish setting=water"),
        ("she loves the colour orange, do you have orange ones?",
         "orange fish in water", "kind=fish setting=water color=orange"),
        ("perfect. can we see a few more of those?", "orange fish in water", "kind=fish setting=water color=orange"),
        ("thank you so much, this is a lifesaver", None, ""),
    ],
    "designer boats terse": [
        ("boats", "boats", "kind=boat"),
        ("blue", "blue boats", "kind=boat color=blue"),
        ("make it 3", "three blue boats", "kind=boat color=blue count=3"),
        ("drop the blue", "three boats", "kind=boat count=3"),
        ("night", "three boats at night", "kind=boat count=3 time=night"),
    ],
    "wrong colour then daytime": [
        ("red cars please", "red cars", "kind=car color=red"),
        ("nope, wrong colour, i wanted orange", "orange cars", "kind=car color=orange"),
        ("these are all at night, I wanted daytime", "orange cars during the day", "kind=car color=orange time=day"),
        ("show more", "orange cars during the day", "kind=car color=orange time=day"),
        ("great, thats it", None, ""),
    ],
    "questions boats in snow": [
        ("do you have any boats in the snow?", "boats in the snow", "kind=boat setting=snow"),
        ("what about at night?", "boats in the snow at night", "kind=boat setting=snow time=night"),
        ("and during the day?", "boats in the snow during the day", "kind=boat setting=snow time=day"),
        ("ok what about on the beach instead of the snow?",
         "boats on a beach during the day", "kind=boat setting=beach time=day"),
    ],
    "cars then flowers then back": [
        ("red cars", "red cars", "kind=car color=red"),
        ("on the street", "red cars on a street", "kind=car color=red setting=street"),
        ("ok forget the cars. show me flowers", "flowers", "kind=flower"),
        ("yellow ones", "yellow flowers", "kind=flower color=yellow"),
        ("actually go back to the cars", "red cars on a street", "kind=car color=red setting=street"),
    ],
    "start over to small fish": [
        ("big houses in the snow", "big houses in the snow", "kind=house size=big setting=snow"),
        ("hmm not quite. start over", None, ""),
        ("small fish", "small fish", "kind=fish size=small"),
        ("three of them", "three small fish", "kind=fish size=small count=3"),
        ("show more", "three small fish", "kind=fish size=small count=3"),
    ],
    "parent seasons trees": [
        ("hello", None, ""),
        (("my son needs pictures of trees for his science homework about the seasons, he "
          "wants some in the snow"), "trees in the snow", "kind=tree setting=snow"),
        ("and then also some on grass for the summer part", "trees on grass", "kind=tree setting=grass"),
        ("oh and his teacher asked for daytime pictures only",
         "trees on grass during the day", "kind=tree setting=grass time=day"),
        ("can you show the snowy ones again, also in daytime?",
         "trees in the snow during the day", "kind=tree setting=snow time=day"),
        ("great thanks, he'll be thrilled", None, ""),
    ],
    "yellow fish count feedback": [
        ("yellow fish", "yellow fish", "kind=fish color=yellow"),
        ("good but too many of them, i want one", "one yellow fish", "kind=fish color=yellow count=1"),
        ("these are nice. more like the 3rd one", "one yellow fish", "kind=fish color=yellow count=1"),
        ("hmm actually two would be better", "two yellow fish", "kind=fish color=yellow count=2"),
        ("ok perfect", None, ""),
    ],
    "green car it reference": [
        ("do you have a green car?", "green car", "kind=car color=green"),
        ("can i see it at night?", "green car at night", "kind=car color=green time=night"),
        ("what about a blue one?", "blue car at night", "kind=car color=blue time=night"),
        ("and during the day?", "blue car during the day", "kind=car color=blue time=day"),
        ("show more", "blue car during the day", "kind=car color=blue time=day"),
    ],
    "houses excluding colours": [
        ("show me houses", "houses", "kind=house"),
        ("not red", "houses", "kind=house !color=red"),
        ("and not blue either", "houses", "kind=house !color=red !color=blue"),
        ("only the big ones", "big houses", "kind=house size=big !color=red !color=blue"),
        ("by the water", "big houses in water", "kind=house size=big setting=water !color=red !color=blue"),
    ],
    "which fish questions": [
        ("do you have any pictures of fish?", "fish", "kind=fish"),
        ("which ones are red?", "red fish", "kind=fish color=red"),
        ("which ones have two fish?", "two red fish", "kind=fish color=red count=2"),
        ("what about three?", "three red fish", "kind=fish color=red count=3"),
        ("ok show more of those", "three red fish", "kind=fish color=red count=3"),
    ],
    "flowers trees back to flowers": [
        ("orange flowers", "orange flowers", "kind=flower color=orange"),
        ("in the grass", "orange flowers on grass", "kind=flower color=orange setting=grass"),
        ("ok forget the flowers. new search: trees", "trees", "kind=tree"),
        ("big ones at night", "big trees at night", "kind=tree size=big time=night"),
        ("actually go back to the flowers", "orange flowers on grass", "kind=flower color=orange setting=grass"),
        ("more like the first one", "orange flowers on grass", "kind=flower color=orange setting=grass"),
    ],
    "swap kinds red pairs": [
        ("two red houses", "two red houses", "kind=house color=red count=2"),
        ("swap to cars", "two red cars", "kind=car color=red count=2"),
        ("swap to boats", "two red boats", "kind=boat color=red count=2"),
        ("make it 1", "one red boat", "kind=boat color=red count=1"),
        ("not in the snow", "one red boat", "kind=boat color=red count=1 !setting=snow"),
    ],
    "ellipsis yellow night": [
        ("purple trees", "purple trees", "kind=tree color=purple"),
        ("yellow?", "yellow trees", "kind=tree color=yellow"),
        ("and at night?", "yellow trees at night", "kind=tree color=yellow time=night"),
        ("houses?", "yellow houses at night", "kind=house color=yellow time=night"),
        ("same but day", "yellow houses during the day", "kind=house color=yellow time=day"),
    ],
    "parent twins colours": [
        (("ok so my twins are doing a project on colours for their kindergarten class and "
          "they each picked a colour, one picked red and one picked blue. lets start with "
          "red things"), "one red", "color=red"),
        ("maybe cars since they both love cars", "one red car", "color=red kind=car"),
        ("now the blue ones for the other twin", "blue cars", "color=blue kind=car"),
        ("she says she wants just one car per picture so its not confusing",
         "one blue car", "color=blue kind=car count=1"),
        ("show a few more please", "one blue car", "color=blue kind=car count=1"),
        ("thats great, thank you!!", None, ""),
    ],
    "small green fish more like": [
        ("small green fish", "small green fish", "kind=fish color=green size=small"),
        ("more like the 2nd one", "small green fish", "kind=fish color=green size=small"),
        ("show more", "small green fish", "kind=fish color=green size=small"),
        ("now big ones", "big green fish", "kind=fish color=green size=big"),
    ],
    "designer street cars exclude": [
        ("cars. street. night.", "cars on a street at night", "kind=car setting=street time=night"),
        ("drop the night", "cars on a street", "kind=car setting=street"),
        ("make it 2", "two cars on a street", "kind=car setting=street count=2"),
        ("exclude red", "two cars on a street", "kind=car setting=street count=2 !color=red"),
        ("exclude orange too", "two cars on a street", "kind=car setting=street count=2 !color=red !color=orange"),
    ],
    "typo flowers snow": [
        ("hi can i see som flowrs", "flowers", "kind=flower"),
        ("red ones pls", "red flowers", "kind=flower color=red"),
        ("im lookin for ones in teh snow", "red flowers in the snow", "kind=flower color=red setting=snow"),
        ("dont show nite ones", "red flowers in the snow", "kind=flower color=red setting=snow !time=night"),
        ("thx", None, ""),
    ],
    "yes no houses beach": [
        ("are there any houses on the beach?", "houses on a beach", "kind=house setting=beach"),
        ("do any of them have three houses?", "three houses on a beach", "kind=house setting=beach count=3"),
        ("is there one with only one house?", "one house on a beach", "kind=house setting=beach count=1"),
        ("ok and what about in the snow?", "one house in the snow", "kind=house setting=snow count=1"),
    ],
    "mixed yellow boats big small": [
        ("big yellow boats, not at night", "big yellow boats", "kind=boat color=yellow size=big !time=night"),
        ("and not on the street", "big yellow boats", "kind=boat color=yellow size=big !time=night !setting=street"),
        ("ok now same thing but small",
         "small yellow boats", "kind=boat color=yellow size=small !time=night !setting=street"),
        ("show more", "small yellow boats", "kind=boat color=yellow size=small !time=night !setting=street"),
        ("cool thanks", None, ""),
    ],
    "fish houses back to fish": [
        ("blue fish", "blue fish", "kind=fish color=blue"),
        ("at night", "blue fish at night", "kind=fish color=blue time=night"),
        ("ok forget fish. show me houses", "houses", "kind=house"),
        ("in the snow", "houses in the snow", "kind=house setting=snow"),
        ("actually go back to the fish", "blue fish at night", "kind=fish color=blue time=night"),
        ("but during the day", "blue fish during the day", "kind=fish color=blue time=day"),
    ],
    "those trees beach orange": [
        ("show me trees on the beach", "trees on a beach", "kind=tree setting=beach"),
        ("i like those, but make them orange", "orange trees on a beach", "kind=tree setting=beach color=orange"),
        ("same trees but drop the beach part", "orange trees", "kind=tree color=orange"),
        ("put them at night", "orange trees at night", "kind=tree color=orange time=night"),
        ("more like the last one", "orange trees at night", "kind=tree color=orange time=night"),
    ],
    "start over twice night cars": [
        ("red boats", "red boats", "kind=boat color=red"),
        ("start over", None, ""),
        ("yellow houses", "yellow houses", "kind=house color=yellow"),
        ("nah start over again", None, ""),
        ("just show me anything at night", "at night", "time=night"),
        ("ok cars", "cars at night", "time=night kind=car"),
    ],
    "purple houses daytime fix": [
        ("houses at night", "houses at night", "kind=house time=night"),
        ("purple", "purple houses at night", "kind=house time=night color=purple"),
        ("these are all at night, I wanted daytime actually",
         "purple houses during the day", "kind=house color=purple time=day"),
        ("drop the purple, any colour is fine", "houses during the day", "kind=house time=day"),
        ("by the water", "houses in water during the day", "kind=house time=day setting=water"),
    ],
    "parent fish tank poster": [
        (("Hello! my son is making a poster about his fish tank and he needs pictures of "
          "orange fish"), "orange fish", "kind=fish color=orange"),
        ("they should be in water please, some of these are on the beach which is a bit silly",
         "orange fish in water", "kind=fish color=orange setting=water"),
        (("actually he says the colour doesnt matter that much, he just wants three fish in"
          " the water like his tank"), "three fish in water", "kind=fish setting=water count=3"),
        ("show more please", "three fish in water", "kind=fish setting=water count=3"),
        ("thanks, bye!", None, ""),
    ],
    "designer swap setting and kind": [
        ("yellow houses", "yellow houses", "kind=house color=yellow"),
        ("snow", "yellow houses in the snow", "kind=house color=yellow setting=snow"),
        ("swap snow for beach", "yellow houses on a beach", "kind=house color=yellow setting=beach"),
        ("swap to trees", "yellow trees on a beach", "kind=tree color=yellow setting=beach"),
        ("drop the yellow", "trees on a beach", "kind=tree setting=beach"),
        ("make it 2", "two trees on a beach", "kind=tree setting=beach count=2"),
    ],
    "wh questions boats": [
        ("what do you have with boats?", "boats", "kind=boat"),
        ("which ones are at night?", "boats at night", "kind=boat time=night"),
        ("which of those are on the water?", "boats in water at night", "kind=boat time=night setting=water"),
        ("what about the daytime ones on the water?",
         "boats in water during the day", "kind=boat time=day setting=water"),
        ("show more", "boats in water during the day", "kind=boat time=day setting=water"),
    ],
}

"""More persona conversations (second half of the set): changing topic and coming back, swapping kinds and
settings, feedback on counts and colours, yes/no and wh- questions.

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

RETURNS: dict[str, list[tuple[str, str | None, str]]] = {
    "typo red houses": [
        ("housees pls", "kind=house"),
        ("red ones", "kind=house color=red"),
        ("teh big ones", "kind=house color=red size=big"),
        ("not at nigth", "kind=house color=red size=big !time=night"),
        ("ty", ""),
    ],
    "count changes big trees": [
        ("one big tree", "kind=tree count=1 size=big"),
        ("make it 2", "kind=tree count=2 size=big"),
        ("make it 3", "kind=tree count=3 size=big"),
        ("actually drop the count", "kind=tree size=big"),
        ("in the snow", "kind=tree size=big setting=snow"),
    ],
    "green boats that one": [
        ("green boats", "kind=boat color=green"),
        ("more like the 1st one", "kind=boat color=green"),
        ("can i see that at night", "kind=boat color=green time=night"),
        ("same but flowers", "kind=flower color=green time=night"),
        ("show more", "kind=flower color=green time=night"),
    ],
    "three topics go back twice": [
        ("red houses", "kind=house color=red"),
        ("by the water", "kind=house color=red setting=water"),
        ("ok forget the houses. show me fish", "kind=fish"),
        ("blue ones", "kind=fish color=blue"),
        ("new search: cars on the street", "kind=car setting=street"),
        ("go back to the houses", "kind=house color=red setting=water"),
        ("actually go back to the fish", "kind=fish color=blue"),
    ],
    "red everything minus kinds": [
        ("show me everything red", "color=red"),
        ("but no cars", "color=red !kind=car"),
        ("and no houses either", "color=red !kind=car !kind=house"),
        ("only during the day", "color=red time=day !kind=car !kind=house"),
        ("on the grass", "color=red time=day setting=grass !kind=car !kind=house"),
    ],
    "big flowers questions": [
        ("do you have big flowers?", "kind=flower size=big"),
        ("are any of them blue?", "kind=flower size=big color=blue"),
        ("what about small blue ones?", "kind=flower size=small color=blue"),
        ("thanks!", ""),
    ],
    "replace whole search": [
        ("yellow trees in the snow", "kind=tree color=yellow setting=snow"),
        ("actually, let's do something different: boats at night", "kind=boat time=night"),
        ("red", "kind=boat time=night color=red"),
        ("show more", "kind=boat time=night color=red"),
    ],
    "night houses not blue": [
        ("i need night pictures of houses", "kind=house time=night"),
        ("can you make them blue", "kind=house time=night color=blue"),
        ("hmm not blue, anything but blue", "kind=house time=night !color=blue"),
        ("and only small ones", "kind=house time=night size=small !color=blue"),
        ("great, thanks", ""),
    ],
    "designer beach scenes": [
        ("beach scenes", "setting=beach"),
        ("boats", "setting=beach kind=boat"),
        ("make it 3", "setting=beach kind=boat count=3"),
        ("drop the beach", "kind=boat count=3"),
        ("swap to fish", "kind=fish count=3"),
        ("day only", "kind=fish count=3 time=day"),
    ],
    "parent city collage": [
        (("hi, my daughter has to make a collage about the city for school. do you have "
          "cars on the street?"), "kind=car setting=street"),
        ("she also wants some houses, same setting", "kind=house setting=street"),
        ("she says night pictures look cooler with the lights", "kind=house setting=street time=night"),
        ("and cars like that too?", "kind=car setting=street time=night"),
        ("show more of those please", "kind=car setting=street time=night"),
        ("thank you, she's very happy", ""),
    ],
    "orange boats size feedback": [
        ("orange boats", "kind=boat color=orange"),
        ("these are too small, i want big ones", "kind=boat color=orange size=big"),
        ("nope these are in the snow, i dont want snow", "kind=boat color=orange size=big !setting=snow"),
        ("perfect", ""),
    ],
    "apostrophes cars not red": [
        ("whats there for cars", "kind=car"),
        ("i dont like the red ones", "kind=car !color=red"),
        ("im after ones at nite", "kind=car time=night !color=red"),
        ("teh street ones", "kind=car time=night setting=street !color=red"),
        ("thx", ""),
    ],
    "greeting blue big cars": [
        ("hello!", ""),
        ("show me some cars please", "kind=car"),
        ("blue", "kind=car color=blue"),
        ("big", "kind=car color=blue size=big"),
        ("bye, thanks", ""),
    ],
    "designer tree setting exclusions": [
        ("trees, no snow", "kind=tree !setting=snow"),
        ("no grass either", "kind=tree !setting=snow !setting=grass"),
        ("big", "kind=tree size=big !setting=snow !setting=grass"),
        ("make it 3", "kind=tree size=big count=3 !setting=snow !setting=grass"),
        ("drop the size", "kind=tree count=3 !setting=snow !setting=grass"),
    ],
    "parent road safety poster": [
        ("um hi, my son is doing a road safety poster for school and he needs pictures of cars", "kind=car"),
        ("on the street would be best", "kind=car setting=street"),
        ("and at night, its about being seen in the dark", "kind=car setting=street time=night"),
        ("can i see some more?", "kind=car setting=street time=night"),
        ("ok and a few in daytime to compare", "kind=car setting=street time=day"),
        ("brilliant thank you", ""),
    ],
    "which flowers three": [
        ("which pictures have three flowers?", "kind=flower count=3"),
        ("which of those are red?", "kind=flower count=3 color=red"),
        ("and which are purple?", "kind=flower count=3 color=purple"),
        ("any that aren't at night?", "kind=flower count=3 color=purple !time=night"),
    ],
    "small red swap kinds": [
        ("small red boats", "kind=boat size=small color=red"),
        ("can i see those as cars", "kind=car size=small color=red"),
        ("now as houses", "kind=house size=small color=red"),
        ("not in the snow", "kind=house size=small color=red !setting=snow"),
        ("show more", "kind=house size=small color=red !setting=snow"),
    ],
    "mixed houses correction": [
        ("houses and i want them big and red and not in the snow", "kind=house size=big color=red !setting=snow"),
        ("oops i meant small", "kind=house size=small color=red !setting=snow"),
        ("and not at night either", "kind=house size=small color=red !setting=snow !time=night"),
        ("show more", "kind=house size=small color=red !setting=snow !time=night"),
        ("thanks!", ""),
    ],
    "fish day night flip": [
        ("fish at night", "kind=fish time=night"),
        ("how about during the day?", "kind=fish time=day"),
        ("and big ones", "kind=fish time=day size=big"),
        ("at night again", "kind=fish time=night size=big"),
    ],
    "boats houses trees back to boats": [
        ("purple boats", "kind=boat color=purple"),
        ("on the water", "kind=boat color=purple setting=water"),
        ("ok forget the boats. show me houses", "kind=house"),
        ("on the beach", "kind=house setting=beach"),
        ("ok forget that too. just trees", "kind=tree"),
        ("actually go back to the boats", "kind=boat color=purple setting=water"),
    ],
    "big houses feedback chain": [
        ("big houses", "kind=house size=big"),
        ("these are all at night, I wanted daytime", "kind=house size=big time=day"),
        ("wrong colour, none of the red ones please", "kind=house size=big time=day !color=red"),
        ("ok show more", "kind=house size=big time=day !color=red"),
        ("thanks!", ""),
    ],
    "designer minimal fish flowers": [
        ("fish", "kind=fish"),
        ("make it 2", "kind=fish count=2"),
        ("yellow", "kind=fish count=2 color=yellow"),
        ("swap to flowers", "kind=flower count=2 color=yellow"),
        ("drop the 2", "kind=flower color=yellow"),
        ("snow", "kind=flower color=yellow setting=snow"),
    ],
    "designer night no cars houses": [
        ("night scenes, no cars, no houses", "time=night !kind=car !kind=house"),
        ("snow only", "time=night setting=snow !kind=car !kind=house"),
        ("make it 1", "time=night setting=snow count=1 !kind=car !kind=house"),
        ("swap night for day", "time=day setting=snow count=1 !kind=car !kind=house"),
        ("show more", "time=day setting=snow count=1 !kind=car !kind=house"),
    ],
    "parent nature walk snow": [
        (("my little one wants to draw a winter scene and needs some ideas. can we see "
          "things in the snow?"), "setting=snow"),
        ("houses maybe, like a little village", "setting=snow kind=house"),
        ("she said lots of houses, not one on its own", "setting=snow kind=house !count=1"),
        ("and at night with the dark sky", "setting=snow kind=house time=night !count=1"),
        ("show more please", "setting=snow kind=house time=night !count=1"),
        ("thank you!", ""),
    ],
    "ellipsis fish settings": [
        ("small fish on the beach", "kind=fish size=small setting=beach"),
        ("in the water?", "kind=fish size=small setting=water"),
        ("big?", "kind=fish size=big setting=water"),
        ("and the street?", "kind=fish size=big setting=street"),
    ],
}

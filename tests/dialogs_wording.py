"""The many words for one wish: negations ("no more snow", "get rid of the red ones", "anything but the
street"), counts ("more than one", "at least two", "a trio"), sizes, times ("after dark", "by day")
and settings ("on the lawn", "downtown", "at the seaside").

Same format as tests/dialogs.py: (message, phrase sent to CLIP or None, wanted attributes).
"""

from __future__ import annotations

WORDING: dict[str, list[tuple[str, str | None, str]]] = {
    "one boat then pair": [
        ("one boat at night", "one boat at night", "kind=boat count=1 time=night"),
        ("on a lake", "one boat on a lake at night", "kind=boat count=1 time=night setting=water"),
        ("actually make it a pair of boats",
         "a pair of boats on a lake at night", "kind=boat count=2 time=night setting=water"),
    ],
    "number words cars": [
        ("2 cars", "two cars", "kind=car count=2"),
        ("three", "three cars", "kind=car count=3"),
        ("ok back to two", "two cars", "kind=car count=2"),
        ("in blue", "two blue cars", "kind=car count=2 color=blue"),
    ],
    "pair of boats ocean": [
        ("a pair of boats", "a pair of boats", "kind=boat count=2"),
        ("in the ocean", "a pair of boats at sea", "kind=boat count=2 setting=water"),
        ("during the day", "a pair of boats at sea during the day", "kind=boat count=2 setting=water time=day"),
        ("more like the 2nd", "a pair of boats at sea during the day", "kind=boat count=2 setting=water time=day"),
    ],
    "more than one boat": [
        ("more than one boat per picture", "boat", "kind=boat !count=1"),
        ("at night", "boat at night", "kind=boat !count=1 time=night"),
        ("blue", "blue boat at night", "kind=boat !count=1 time=night color=blue"),
    ],
    "fewer than three flowers": [
        ("flowers, fewer than three in a picture", "flowers", "kind=flower !count=3"),
        ("on the grass", "flowers on grass", "kind=flower !count=3 setting=grass"),
        ("just one actually", "one flower on grass", "kind=flower count=1 setting=grass"),
    ],
    "at least two cars": [
        ("at least two cars", "cars", "kind=car !count=1"),
        ("in the snow", "cars in the snow", "kind=car !count=1 setting=snow"),
        ("exactly three actually", "three cars in the snow", "kind=car count=3 setting=snow"),
    ],
    "pond fish three big": [
        ("fish in a pond", "fish on a pond", "kind=fish setting=water"),
        ("3 of them", "three fish on a pond", "kind=fish setting=water count=3"),
        ("make them big", "three big fish on a pond", "kind=fish setting=water count=3 size=big"),
    ],
    "neg no more snow": [
        ("trees in the snow", "trees in the snow", "kind=tree setting=snow"),
        ("no more snow", "trees", "kind=tree !setting=snow"),
        ("big ones only", "big trees", "kind=tree !setting=snow size=big"),
    ],
    "neg not at night red": [
        ("cars in the city", "cars in the city", "kind=car setting=street"),
        ("not at night", "cars in the city", "kind=car setting=street !time=night"),
        ("get rid of the red ones", "cars in the city", "kind=car setting=street !time=night !color=red"),
    ],
    "neg exclude flowers trees": [
        ("show me things on grass", "on grass", "setting=grass"),
        ("exclude flowers", "on grass", "setting=grass !kind=flower"),
        ("and exclude trees too", "on grass", "setting=grass !kind=flower !kind=tree"),
        ("only at night", "on grass at night", "setting=grass !kind=flower !kind=tree time=night"),
    ],
    "neg anything except cars": [
        ("anything except cars", "", "!kind=car"),
        ("on the street", "on a street", "!kind=car setting=street"),
        ("green", "green on a street", "!kind=car setting=street color=green"),
    ],
    "neg nothing on the beach": [
        ("boats, but nothing on the beach", "boats", "kind=boat !setting=beach"),
        ("small ones", "small boats", "kind=boat !setting=beach size=small"),
        ("during the day", "small boats during the day", "kind=boat !setting=beach size=small time=day"),
    ],
    "neg no cars no boats": [
        ("night scenes", "at night", "time=night"),
        ("no cars", "at night", "time=night !kind=car"),
        ("no boats either", "at night", "time=night !kind=car !kind=boat"),
        ("on the street", "on a street at night", "time=night !kind=car !kind=boat setting=street"),
    ],
    "neg then positive setting": [
        ("fish but not in the water", "fish", "kind=fish !setting=water"),
        ("on the beach then", "fish on a beach", "kind=fish setting=beach"),
        ("blue", "blue fish on a beach", "kind=fish setting=beach color=blue"),
    ],
    "neg anything but street": [
        ("cars", "cars", "kind=car"),
        ("anything but the street", "cars", "kind=car !setting=street"),
        ("and not on the beach", "cars", "kind=car !setting=street !setting=beach"),
        ("red", "red cars", "kind=car !setting=street !setting=beach color=red"),
    ],
    "neg no night no yellow": [
        ("flowers", "flowers", "kind=flower"),
        ("no night pictures", "flowers", "kind=flower !time=night"),
        ("no yellow", "flowers", "kind=flower !time=night !color=yellow"),
        ("the second one is lovely, more like that", "flowers", "kind=flower !time=night !color=yellow"),
    ],
    "neg sand not red not blue": [
        ("cars on the sand", "cars on sand", "kind=car setting=beach"),
        ("not red", "cars on sand", "kind=car setting=beach !color=red"),
        ("not blue either", "cars on sand", "kind=car setting=beach !color=red !color=blue"),
        ("ok good", None, ""),
    ],
    "neg no flowers on grass": [
        ("flowers in the grass", "flowers on grass", "kind=flower setting=grass"),
        ("actually no flowers, anything else on the grass", "on grass", "setting=grass !kind=flower"),
        ("during the day", "on grass during the day", "setting=grass !kind=flower time=day"),
    ],
    "neg get rid of red set earlier": [
        ("red cars", "red cars", "color=red kind=car"),
        ("get rid of the red ones", "cars", "kind=car !color=red"),
        ("in the snow", "cars in the snow", "kind=car !color=red setting=snow"),
    ],
    "neg no singles": [
        ("trees at night", "trees at night", "kind=tree time=night"),
        ("I don't want pictures with just one tree", "trees at night", "kind=tree time=night !count=1"),
        ("and not three either", "trees at night", "kind=tree time=night !count=1 !count=3"),
    ],
    "size tiny huge": [
        ("tiny boats in the ocean", "tiny boats at sea", "kind=boat size=small setting=water"),
        ("huge ones", "huge boats at sea", "kind=boat size=big setting=water"),
        ("by day", "huge boats at sea during the day", "kind=boat size=big setting=water time=day"),
    ],
    "size big ones only": [
        ("yellow cars", "yellow cars", "color=yellow kind=car"),
        ("big ones only", "big yellow cars", "color=yellow kind=car size=big"),
        ("at night", "big yellow cars at night", "color=yellow kind=car size=big time=night"),
    ],
    "size big houses lawn": [
        ("houses on the lawn", "houses on grass", "kind=house setting=grass"),
        ("big houses", "big houses on grass", "kind=house setting=grass size=big"),
        ("at night", "big houses on grass at night", "kind=house setting=grass size=big time=night"),
    ],
    "size ships big": [
        ("ships at sea", "ships at sea", "kind=boat setting=water"),
        ("at night", "ships at sea at night", "kind=boat setting=water time=night"),
        ("only the big ones", "big ships at sea at night", "kind=boat setting=water time=night size=big"),
    ],
    "time nighttime street": [
        ("nighttime street scenes", "on a street at night", "time=night setting=street"),
        ("with cars", "cars on a street at night", "time=night setting=street kind=car"),
        ("purple cars", "purple cars on a street at night", "time=night setting=street kind=car color=purple"),
    ],
    "time in the dark": [
        ("fish in the dark", "fish at night", "kind=fish time=night"),
        ("only the green ones", "green fish at night", "kind=fish time=night color=green"),
        ("more like the first one", "green fish at night", "kind=fish time=night color=green"),
    ],
    "time sunny beach": [
        ("sunny beach with boats", "boats on a beach on a sunny day", "setting=beach kind=boat time=day"),
        ("just a single boat", "a single boat on a beach on a sunny day", "setting=beach kind=boat time=day count=1"),
        ("the fourth one please, more like that",
         "a single boat on a beach on a sunny day", "setting=beach kind=boat time=day count=1"),
    ],
    "time during the day shore": [
        ("trees during the day", "trees during the day", "kind=tree time=day"),
        ("on the shore", "trees on the shore during the day", "kind=tree time=day setting=beach"),
        ("not orange", "trees on the shore during the day", "kind=tree time=day setting=beach !color=orange"),
    ],
    "time by day small": [
        ("boats by day", "boats during the day", "kind=boat time=day"),
        ("small", "small boats during the day", "kind=boat time=day size=small"),
        ("on the shore", "small boats on the shore during the day", "kind=boat time=day size=small setting=beach"),
    ],
    "time winter scenes": [
        ("winter scenes with trees", "trees in winter", "setting=snow kind=tree"),
        ("at night", "trees in winter at night", "setting=snow kind=tree time=night"),
        ("the tiny ones", "tiny trees in winter at night", "setting=snow kind=tree time=night size=small"),
    ],
    "time daytime snowy switch kind": [
        ("snowy scenes with trees", "trees in the snow", "setting=snow kind=tree"),
        ("in the daytime", "trees in the snow during the day", "setting=snow kind=tree time=day"),
        ("no more trees, houses instead", "houses in the snow during the day", "setting=snow kind=house time=day"),
    ],
    "setting grass three flowers": [
        ("flowers in the grass", "flowers on grass", "kind=flower setting=grass"),
        ("three flowers", "three flowers on grass", "kind=flower setting=grass count=3"),
        ("not yellow", "three flowers on grass", "kind=flower setting=grass count=3 !color=yellow"),
    ],
    "setting downtown": [
        ("cars downtown", "cars downtown", "kind=car setting=street"),
        ("at night", "cars downtown at night", "kind=car setting=street time=night"),
        ("get rid of the red ones", "cars downtown at night", "kind=car setting=street time=night !color=red"),
        ("thanks", None, ""),
    ],
    "setting move them around": [
        ("houses on the beach", "houses on a beach", "kind=house setting=beach"),
        ("move them to the snow", "houses in the snow", "kind=house setting=snow"),
        ("now on the grass", "houses on grass", "kind=house setting=grass"),
        ("at night", "houses on grass at night", "kind=house setting=grass time=night"),
    ],
    "switch kind": [
        ("big red boats", "big red boats", "size=big color=red kind=boat"),
        ("what about cars?", "big red cars", "size=big color=red kind=car"),
        ("what about houses then?", "big red houses", "size=big color=red kind=house"),
    ],
    "switch color": [
        ("blue trees", "blue trees", "color=blue kind=tree"),
        ("what about in yellow?", "yellow trees", "color=yellow kind=tree"),
        ("make it orange instead", "orange trees", "color=orange kind=tree"),
        ("on the beach", "orange trees on a beach", "color=orange kind=tree setting=beach"),
    ],
    "start over mid": [
        ("green fish", "green fish", "kind=fish color=green"),
        ("start over", None, ""),
        ("red houses", "red houses", "kind=house color=red"),
        ("at night", "red houses at night", "kind=house color=red time=night"),
    ],
    "clear everything": [
        ("red boats at night", "red boats at night", "color=red kind=boat time=night"),
        ("clear everything", None, ""),
        ("flowers", "flowers", "kind=flower"),
        ("in the snow at night", "flowers in the snow at night", "kind=flower setting=snow time=night"),
    ],
    "greeting then fish": [
        ("hi", None, ""),
        ("can you show me some fish", "fish", "kind=fish"),
        ("the orange ones", "orange fish", "kind=fish color=orange"),
        ("in water", "orange fish in water", "kind=fish color=orange setting=water"),
    ],
    "help question first": [
        ("what can you do?", None, ""),
        ("ok, show me trees", "trees", "kind=tree"),
        ("at night please", "trees at night", "kind=tree time=night"),
    ],
    "long dialog seven turns": [
        ("hello!", None, ""),
        ("I'd like to see some boats", "boats", "kind=boat"),
        ("hmm, only the ones in the water", "boats in water", "kind=boat setting=water"),
        ("these are too small", "big boats in water", "kind=boat setting=water size=big"),
        ("I don't like the red ones", "big boats in water", "kind=boat setting=water size=big !color=red"),
        ("the 2nd one is nice, more like that", "big boats in water", "kind=boat setting=water size=big !color=red"),
        ("great, thanks a lot!", None, ""),
    ],
}

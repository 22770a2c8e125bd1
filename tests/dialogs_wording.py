"""The many words for one wish: negations ("no more snow", "get rid of the red ones", "anything but the
street"), counts ("more than one", "at least two", "a trio"), sizes, times ("after dark", "by day")
and settings ("on the lawn", "downtown", "at the seaside").

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

WORDING: dict[str, list[tuple[str, str | None, str]]] = {
    "one boat then pair": [
        ("one boat at night", "kind=boat count=1 time=night"),
        ("on a lake", "kind=boat count=1 time=night setting=water"),
        ("actually make it a pair of boats", "kind=boat count=2 time=night setting=water"),
    ],
    "number words cars": [
        ("2 cars", "kind=car count=2"),
        ("three", "kind=car count=3"),
        ("ok back to two", "kind=car count=2"),
        ("in blue", "kind=car count=2 color=blue"),
    ],
    "pair of boats ocean": [
        ("a pair of boats", "kind=boat count=2"),
        ("in the ocean", "kind=boat count=2 setting=water"),
        ("during the day", "kind=boat count=2 setting=water time=day"),
        ("more like the 2nd", "kind=boat count=2 setting=water time=day"),
    ],
    "more than one boat": [
        ("more than one boat per picture", "kind=boat !count=1"),
        ("at night", "kind=boat !count=1 time=night"),
        ("blue", "kind=boat !count=1 time=night color=blue"),
    ],
    "fewer than three flowers": [
        ("flowers, fewer than three in a picture", "kind=flower !count=3"),
        ("on the grass", "kind=flower !count=3 setting=grass"),
        ("just one actually", "kind=flower count=1 setting=grass"),
    ],
    "at least two cars": [
        ("at least two cars", "kind=car !count=1"),
        ("in the snow", "kind=car !count=1 setting=snow"),
        ("exactly three actually", "kind=car count=3 setting=snow"),
    ],
    "pond fish three big": [
        ("fish in a pond", "kind=fish setting=water"),
        ("3 of them", "kind=fish setting=water count=3"),
        ("make them big", "kind=fish setting=water count=3 size=big"),
    ],
    "neg no more snow": [
        ("trees in the snow", "kind=tree setting=snow"),
        ("no more snow", "kind=tree !setting=snow"),
        ("big ones only", "kind=tree !setting=snow size=big"),
    ],
    "neg not at night red": [
        ("cars in the city", "kind=car setting=street"),
        ("not at night", "kind=car setting=street !time=night"),
        ("get rid of the red ones", "kind=car setting=street !time=night !color=red"),
    ],
    "neg exclude flowers trees": [
        ("show me things on grass", "setting=grass"),
        ("exclude flowers", "setting=grass !kind=flower"),
        ("and exclude trees too", "setting=grass !kind=flower !kind=tree"),
        ("only at night", "setting=grass !kind=flower !kind=tree time=night"),
    ],
    "neg anything except cars": [
        ("anything except cars", "!kind=car"),
        ("on the street", "!kind=car setting=street"),
        ("green", "!kind=car setting=street color=green"),
    ],
    "neg nothing on the beach": [
        ("boats, but nothing on the beach", "kind=boat !setting=beach"),
        ("small ones", "kind=boat !setting=beach size=small"),
        ("during the day", "kind=boat !setting=beach size=small time=day"),
    ],
    "neg no cars no boats": [
        ("night scenes", "time=night"),
        ("no cars", "time=night !kind=car"),
        ("no boats either", "time=night !kind=car !kind=boat"),
        ("on the street", "time=night !kind=car !kind=boat setting=street"),
    ],
    "neg then positive setting": [
        ("fish but not in the water", "kind=fish !setting=water"),
        ("on the beach then", "kind=fish setting=beach"),
        ("blue", "kind=fish setting=beach color=blue"),
    ],
    "neg anything but street": [
        ("cars", "kind=car"),
        ("anything but the street", "kind=car !setting=street"),
        ("and not on the beach", "kind=car !setting=street !setting=beach"),
        ("red", "kind=car !setting=street !setting=beach color=red"),
    ],
    "neg no night no yellow": [
        ("flowers", "kind=flower"),
        ("no night pictures", "kind=flower !time=night"),
        ("no yellow", "kind=flower !time=night !color=yellow"),
        ("the second one is lovely, more like that", "kind=flower !time=night !color=yellow"),
    ],
    "neg sand not red not blue": [
        ("cars on the sand", "kind=car setting=beach"),
        ("not red", "kind=car setting=beach !color=red"),
        ("not blue either", "kind=car setting=beach !color=red !color=blue"),
        ("ok good", ""),
    ],
    "neg no flowers on grass": [
        ("flowers in the grass", "kind=flower setting=grass"),
        ("actually no flowers, anything else on the grass", "setting=grass !kind=flower"),
        ("during the day", "setting=grass !kind=flower time=day"),
    ],
    "neg get rid of red set earlier": [
        ("red cars", "color=red kind=car"),
        ("get rid of the red ones", "kind=car !color=red"),
        ("in the snow", "kind=car !color=red setting=snow"),
    ],
    "neg no singles": [
        ("trees at night", "kind=tree time=night"),
        ("I don't want pictures with just one tree", "kind=tree time=night !count=1"),
        ("and not three either", "kind=tree time=night !count=1 !count=3"),
    ],
    "size tiny huge": [
        ("tiny boats in the ocean", "kind=boat size=small setting=water"),
        ("huge ones", "kind=boat size=big setting=water"),
        ("by day", "kind=boat size=big setting=water time=day"),
    ],
    "size big ones only": [
        ("yellow cars", "color=yellow kind=car"),
        ("big ones only", "color=yellow kind=car size=big"),
        ("at night", "color=yellow kind=car size=big time=night"),
    ],
    "size big houses lawn": [
        ("houses on the lawn", "kind=house setting=grass"),
        ("big houses", "kind=house setting=grass size=big"),
        ("at night", "kind=house setting=grass size=big time=night"),
    ],
    "size ships big": [
        ("ships at sea", "kind=boat setting=water"),
        ("at night", "kind=boat setting=water time=night"),
        ("only the big ones", "kind=boat setting=water time=night size=big"),
    ],
    "time nighttime street": [
        ("nighttime street scenes", "time=night setting=street"),
        ("with cars", "time=night setting=street kind=car"),
        ("purple cars", "time=night setting=street kind=car color=purple"),
    ],
    "time in the dark": [
        ("fish in the dark", "kind=fish time=night"),
        ("only the green ones", "kind=fish time=night color=green"),
        ("more like the first one", "kind=fish time=night color=green"),
    ],
    "time sunny beach": [
        ("sunny beach with boats", "setting=beach kind=boat time=day"),
        ("just a single boat", "setting=beach kind=boat time=day count=1"),
        ("the fourth one please, more like that", "setting=beach kind=boat time=day count=1"),
    ],
    "time during the day shore": [
        ("trees during the day", "kind=tree time=day"),
        ("on the shore", "kind=tree time=day setting=beach"),
        ("not orange", "kind=tree time=day setting=beach !color=orange"),
    ],
    "time by day small": [
        ("boats by day", "kind=boat time=day"),
        ("small", "kind=boat time=day size=small"),
        ("on the shore", "kind=boat time=day size=small setting=beach"),
    ],
    "time winter scenes": [
        ("winter scenes with trees", "setting=snow kind=tree"),
        ("at night", "setting=snow kind=tree time=night"),
        ("the tiny ones", "setting=snow kind=tree time=night size=small"),
    ],
    "time daytime snowy switch kind": [
        ("snowy scenes with trees", "setting=snow kind=tree"),
        ("in the daytime", "setting=snow kind=tree time=day"),
        ("no more trees, houses instead", "setting=snow kind=house time=day"),
    ],
    "setting grass three flowers": [
        ("flowers in the grass", "kind=flower setting=grass"),
        ("three flowers", "kind=flower setting=grass count=3"),
        ("not yellow", "kind=flower setting=grass count=3 !color=yellow"),
    ],
    "setting downtown": [
        ("cars downtown", "kind=car setting=street"),
        ("at night", "kind=car setting=street time=night"),
        ("get rid of the red ones", "kind=car setting=street time=night !color=red"),
        ("thanks", ""),
    ],
    "setting move them around": [
        ("houses on the beach", "kind=house setting=beach"),
        ("move them to the snow", "kind=house setting=snow"),
        ("now on the grass", "kind=house setting=grass"),
        ("at night", "kind=house setting=grass time=night"),
    ],
    "switch kind": [
        ("big red boats", "size=big color=red kind=boat"),
        ("what about cars?", "size=big color=red kind=car"),
        ("what about houses then?", "size=big color=red kind=house"),
    ],
    "switch color": [
        ("blue trees", "color=blue kind=tree"),
        ("what about in yellow?", "color=yellow kind=tree"),
        ("make it orange instead", "color=orange kind=tree"),
        ("on the beach", "color=orange kind=tree setting=beach"),
    ],
    "start over mid": [
        ("green fish", "kind=fish color=green"),
        ("start over", ""),
        ("red houses", "kind=house color=red"),
        ("at night", "kind=house color=red time=night"),
    ],
    "clear everything": [
        ("red boats at night", "color=red kind=boat time=night"),
        ("clear everything", ""),
        ("flowers", "kind=flower"),
        ("in the snow at night", "kind=flower setting=snow time=night"),
    ],
    "greeting then fish": [
        ("hi", ""),
        ("can you show me some fish", "kind=fish"),
        ("the orange ones", "kind=fish color=orange"),
        ("in water", "kind=fish color=orange setting=water"),
    ],
    "help question first": [
        ("what can you do?", ""),
        ("ok, show me trees", "kind=tree"),
        ("at night please", "kind=tree time=night"),
    ],
    "long dialog seven turns": [
        ("hello!", ""),
        ("I'd like to see some boats", "kind=boat"),
        ("hmm, only the ones in the water", "kind=boat setting=water"),
        ("these are too small", "kind=boat setting=water size=big"),
        ("I don't like the red ones", "kind=boat setting=water size=big !color=red"),
        ("the 2nd one is nice, more like that", "kind=boat setting=water size=big !color=red"),
        ("great, thanks a lot!", ""),
    ],
}

"""Casual chat over the demo set: ellipsis, questions, counts alone, corrections, swaps, typos, synonyms
("cottages", "ships", "ocean"), exclusions and letting go of a part of the search.

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

CASUAL: dict[str, list[tuple[str, str | None, str]]] = {
    "red cars then night then blue": [
        ("red cars", "kind=car color=red"),
        ("at night?", "kind=car color=red time=night"),
        ("and blue?", "kind=car color=blue time=night"),
        ("cool thanks", ""),
    ],
    "boats corrected to trees": [
        ("show me some boats pls", "kind=boat"),
        ("yellow ones", "kind=boat color=yellow"),
        ("oops i meant trees, not boats", "kind=tree color=yellow"),
        ("just 2", "kind=tree color=yellow count=2"),
    ],
    "water anything but boats": [
        ("what's on the water?", "setting=water"),
        ("anything but boats", "setting=water !kind=boat"),
        ("ok just the fish then", "setting=water kind=fish"),
        ("at night", "setting=water kind=fish time=night"),
    ],
    "cottages in snow": [
        ("got any cottages in the snow?", "kind=house setting=snow"),
        ("at night would be nice", "kind=house setting=snow time=night"),
        ("bigger ones", "kind=house setting=snow time=night size=big"),
        ("perfect, thanks", ""),
    ],
    "purple flowers start over fish": [
        ("purple flowers", "kind=flower color=purple"),
        ("on the grass", "kind=flower color=purple setting=grass"),
        ("start over", ""),
        ("fish in the snow lol", "kind=fish setting=snow"),
    ],
    "blue fish counts": [
        ("blue fish", "kind=fish color=blue"),
        ("three please", "kind=fish color=blue count=3"),
        ("a single one actually", "kind=fish color=blue count=1"),
        ("show more", "kind=fish color=blue count=1"),
    ],
    "big green trees smaller": [
        ("big green trees", "kind=tree color=green size=big"),
        ("smaller", "kind=tree color=green size=small"),
        ("in the snow?", "kind=tree color=green size=small setting=snow"),
        ("thanks, bye", ""),
    ],
    "red cars what about trees": [
        ("red cars", "kind=car color=red"),
        ("what about trees", "kind=tree color=red"),
        ("on a lawn", "kind=tree color=red setting=grass"),
    ],
    "forget that boats": [
        ("red cars please", "kind=car color=red"),
        ("ok forget that, show me boats", "kind=boat"),
        ("on the water", "kind=boat setting=water"),
    ],
    "cars no red no blue": [
        ("cars", "kind=car"),
        ("no red", "kind=car !color=red"),
        ("no blue either", "kind=car !color=red !color=blue"),
        ("at night", "kind=car !color=red !color=blue time=night"),
    ],
    "houses night without snow": [
        ("houses at night", "kind=house time=night"),
        ("without the snow ones", "kind=house time=night !setting=snow"),
        ("only big", "kind=house time=night !setting=snow size=big"),
    ],
    "sailboats on the ocean": [
        ("any sailboats on the ocean?", "kind=boat setting=water"),
        ("blue ones", "kind=boat setting=water color=blue"),
        ("more like the 2nd one", "kind=boat setting=water color=blue"),
        ("thx", ""),
    ],
    "um cars on the road": [
        ("um cars on the road", "kind=car setting=street"),
        ("uh the small ones", "kind=car setting=street size=small"),
        ("what about in daylight", "kind=car setting=street size=small time=day"),
    ],
    "polite trees in snow": [
        ("hello! could you please show me some pictures of trees in the snow?", "kind=tree setting=snow"),
        ("lovely. could they be at night?", "kind=tree setting=snow time=night"),
        ("and only ones with three trees", "kind=tree setting=snow time=night count=3"),
    ],
    "got any purple boats": [
        ("got any purple boats?", "kind=boat color=purple"),
        ("on the beach?", "kind=boat color=purple setting=beach"),
        ("what about in the snow", "kind=boat color=purple setting=snow"),
    ],
    "beach exclude kinds": [
        ("stuff on the beach", "setting=beach"),
        ("anything but boats", "setting=beach !kind=boat"),
        ("and not houses", "setting=beach !kind=boat !kind=house"),
        ("only green", "setting=beach !kind=boat !kind=house color=green"),
    ],
    "blue houses the ones": [
        ("blue houses", "kind=house color=blue"),
        ("the ones at night", "kind=house color=blue time=night"),
        ("the ones with just one house", "kind=house color=blue time=night count=1"),
    ],
    "ships at sea": [
        ("ships at sea", "kind=boat setting=water"),
        ("at night", "kind=boat setting=water time=night"),
        ("red ships", "kind=boat setting=water time=night color=red"),
        ("bye", ""),
    ],
    "yellow trees and green": [
        ("yellow trees", "kind=tree color=yellow"),
        ("and green?", "kind=tree color=green"),
        ("in winter", "kind=tree color=green setting=snow"),
    ],
    "big flowers more like": [
        ("big flowers", "kind=flower size=big"),
        ("more like the 3rd one", "kind=flower size=big"),
        ("show me more", "kind=flower size=big"),
        ("only blue ones", "kind=flower size=big color=blue"),
    ],
    "houses street what about snow": [
        ("houses on the street", "kind=house setting=street"),
        ("what about the snow", "kind=house setting=snow"),
        ("and at night", "kind=house setting=snow time=night"),
    ],
    "lone tree": [
        ("a lone tree in the snow", "kind=tree count=1 setting=snow"),
        ("at night", "kind=tree count=1 setting=snow time=night"),
        ("actually on the grass", "kind=tree count=1 setting=grass time=night"),
    ],
    "houses any colour but red": [
        ("houses in any colour but red", "kind=house !color=red"),
        ("and not blue", "kind=house !color=red !color=blue"),
        ("small", "kind=house !color=red !color=blue size=small"),
    ],
    "oops green trees": [
        ("green houses", "kind=house color=green"),
        ("oops i meant green trees", "kind=tree color=green"),
        ("big ones please", "kind=tree color=green size=big"),
    ],
    "fish then i meant boats": [
        ("fish on the water", "kind=fish setting=water"),
        ("make it red", "kind=fish setting=water color=red"),
        ("ugh no i meant boats", "kind=boat setting=water color=red"),
    ],
    "small boats bigger": [
        ("small boats", "kind=boat size=small"),
        ("bigger ones", "kind=boat size=big"),
        ("at night", "kind=boat size=big time=night"),
        ("green", "kind=boat size=big time=night color=green"),
    ],
    "orange flowers count words": [
        ("two orange flowers", "kind=flower color=orange count=2"),
        ("what about three", "kind=flower color=orange count=3"),
        ("and just one?", "kind=flower color=orange count=1"),
    ],
    "presentation purple trees": [
        (("so for my presentation i need something with purple trees, doesn't matter where,"
          " but it has to be night"), "kind=tree color=purple time=night"),
        ("hmm the snowy ones look too cold, no snow please", "kind=tree color=purple time=night !setting=snow"),
        ("show more", "kind=tree color=purple time=night !setting=snow"),
    ],
    "blue cars instead chain": [
        ("blue cars", "kind=car color=blue"),
        ("green instead", "kind=car color=green"),
        ("on the street", "kind=car color=green setting=street"),
        ("trees instead", "kind=tree color=green setting=street"),
    ],
    "fish night then day": [
        ("fish at night", "kind=fish time=night"),
        ("during the day?", "kind=fish time=day"),
        ("big", "kind=fish time=day size=big"),
    ],
    "houses by the beach bye": [
        ("can i see houses by the beach", "kind=house setting=beach"),
        ("orange", "kind=house setting=beach color=orange"),
        ("thanks, bye", ""),
    ],
    "boats not three": [
        ("boats but not three of them", "kind=boat !count=3"),
        ("yellow ones", "kind=boat !count=3 color=yellow"),
        ("at the beach", "kind=boat !count=3 color=yellow setting=beach"),
    ],
    "red except cars": [
        ("show me anything red except cars", "color=red !kind=car"),
        ("and no flowers", "color=red !kind=car !kind=flower"),
        ("at night", "color=red !kind=car !kind=flower time=night"),
    ],
    "three things then trees": [
        ("show me pics with 3 things in them", "count=3"),
        ("trees", "count=3 kind=tree"),
        ("green", "count=3 kind=tree color=green"),
    ],
    "excited cars more": [
        ("cars!!", "kind=car"),
        ("yellow cars!!", "kind=car color=yellow"),
        ("more", "kind=car color=yellow"),
        ("more like the first one", "kind=car color=yellow"),
    ],
    "snow boats what about trees": [
        ("boats in the snow during the day", "kind=boat setting=snow time=day"),
        ("hmm what about trees", "kind=tree setting=snow time=day"),
        ("orange", "kind=tree setting=snow time=day color=orange"),
    ],
    "any color is fine": [
        ("red houses at night", "kind=house color=red time=night"),
        ("actually any color is fine", "kind=house time=night"),
        ("but on the beach", "kind=house time=night setting=beach"),
    ],
    "day or night doesnt matter": [
        ("blue boats at night", "kind=boat color=blue time=night"),
        ("day or night doesn't matter", "kind=boat color=blue"),
        ("three boats", "kind=boat color=blue count=3"),
    ],
    "trees not small": [
        ("trees, not the small ones", "kind=tree !size=small"),
        ("in the snow", "kind=tree !size=small setting=snow"),
        ("red", "kind=tree !size=small setting=snow color=red"),
    ],
    "big boats cars instead": [
        ("big boats", "kind=boat size=big"),
        ("show me the cars instead", "kind=car size=big"),
        ("on the road", "kind=car size=big setting=street"),
    ],
    "bare digits": [
        ("1 red car", "kind=car color=red count=1"),
        ("2?", "kind=car color=red count=2"),
        ("3?", "kind=car color=red count=3"),
    ],
    "green fish more like 5th": [
        ("green fish in the water", "kind=fish color=green setting=water"),
        ("more like the 5th one", "kind=fish color=green setting=water"),
        ("ok and at night", "kind=fish color=green setting=water time=night"),
    ],
    "sea then sand": [
        ("boats out on the sea", "kind=boat setting=water"),
        ("now ones on the sand instead", "kind=boat setting=beach"),
        ("purple ones", "kind=boat setting=beach color=purple"),
    ],
    "tiny cars": [
        ("tiny cars", "kind=car size=small"),
        ("a single tiny car", "kind=car size=small count=1"),
        ("blue", "kind=car size=small count=1 color=blue"),
    ],
    "houses not beach nor snow": [
        ("houses not on the beach", "kind=house !setting=beach"),
        ("nor in the snow", "kind=house !setting=beach !setting=snow"),
        ("green ones", "kind=house !setting=beach !setting=snow color=green"),
    ],
    "yachts": [
        ("any yachts?", "kind=boat"),
        ("blue yachts at night", "kind=boat color=blue time=night"),
        ("smaller ones", "kind=boat color=blue time=night size=small"),
    ],
    "cabins snow night": [
        ("cabins in the snow at night", "kind=house setting=snow time=night"),
        ("just one cabin", "kind=house setting=snow time=night count=1"),
        ("show me more of those", "kind=house setting=snow time=night count=1"),
    ],
    "green everything no trees": [
        ("everything green", "color=green"),
        ("but no trees", "color=green !kind=tree"),
        ("daytime ones", "color=green !kind=tree time=day"),
    ],
    "house day to night": [
        ("big red house", "kind=house size=big color=red"),
        ("in daylight", "kind=house size=big color=red time=day"),
        ("now the same at night", "kind=house size=big color=red time=night"),
    ],
    "trees beach switch": [
        ("trees on the beach", "kind=tree setting=beach"),
        ("switch to street", "kind=tree setting=street"),
        ("blue trees", "kind=tree setting=street color=blue"),
        ("nah, yellow", "kind=tree setting=street color=yellow"),
    ],
}

"""Casual chat over the demo set: ellipsis, questions, counts alone, corrections, swaps, typos, synonyms
("cottages", "ships", "ocean"), exclusions and letting go of a part of the search.

Same format as tests/dialogs.py: (message, phrase sent to CLIP or None, wanted attributes).
"""

from __future__ import annotations

CASUAL: dict[str, list[tuple[str, str | None, str]]] = {
    "red cars then night then blue": [
        ("red cars", "red cars", "kind=car color=red"),
        ("at night?", "red cars at night", "kind=car color=red time=night"),
        ("and blue?", "blue cars at night", "kind=car color=blue time=night"),
        ("cool thanks", None, ""),
    ],
    "boats corrected to trees": [
        ("show me some boats pls", "boats", "kind=boat"),
        ("yellow ones", "yellow boats", "kind=boat color=yellow"),
        ("oops i meant trees, not boats", "yellow trees", "kind=tree color=yellow"),
        ("just 2", "two yellow trees", "kind=tree color=yellow count=2"),
    ],
    "water anything but boats": [
        ("what's on the water?", "in water", "setting=water"),
        ("anything but boats", "in water", "setting=water !kind=boat"),
        ("ok just the fish then", "fish in water", "setting=water kind=fish"),
        ("at night", "fish in water at night", "setting=water kind=fish time=night"),
    ],
    "cottages in snow": [
        ("got any cottages in the snow?", "cottages in the snow", "kind=house setting=snow"),
        ("at night would be nice", "cottages in the snow at night", "kind=house setting=snow time=night"),
        ("bigger ones", "big cottages in the snow at night", "kind=house setting=snow time=night size=big"),
        ("perfect, thanks", None, ""),
    ],
    "purple flowers start over fish": [
        ("purple flowers", "purple flowers", "kind=flower color=purple"),
        ("on the grass", "purple flowers on grass", "kind=flower color=purple setting=grass"),
        ("start over", None, ""),
        ("fish in the snow lol", "fish in the snow", "kind=fish setting=snow"),
    ],
    "blue fish counts": [
        ("blue fish", "blue fish", "kind=fish color=blue"),
        ("three please", "three blue fish", "kind=fish color=blue count=3"),
        ("a single one actually", "a single blue fish", "kind=fish color=blue count=1"),
        ("show more", "a single blue fish", "kind=fish color=blue count=1"),
    ],
    "big green trees smaller": [
        ("big green trees", "big green trees", "kind=tree color=green size=big"),
        ("smaller", "small green trees", "kind=tree color=green size=small"),
        ("in the snow?", "small green trees in the snow", "kind=tree color=green size=small setting=snow"),
        ("thanks, bye", None, ""),
    ],
    "red cars what about trees": [
        ("red cars", "red cars", "kind=car color=red"),
        ("what about trees", "red trees", "kind=tree color=red"),
        ("on a lawn", "red trees on grass", "kind=tree color=red setting=grass"),
    ],
    "forget that boats": [
        ("red cars please", "red cars", "kind=car color=red"),
        ("ok forget that, show me boats", "boats", "kind=boat"),
        ("on the water", "boats in water", "kind=boat setting=water"),
    ],
    "cars no red no blue": [
        ("cars", "cars", "kind=car"),
        ("no red", "cars", "kind=car !color=red"),
        ("no blue either", "cars", "kind=car !color=red !color=blue"),
        ("at night", "cars at night", "kind=car !color=red !color=blue time=night"),
    ],
    "houses night without snow": [
        ("houses at night", "houses at night", "kind=house time=night"),
        ("without the snow ones", "houses at night", "kind=house time=night !setting=snow"),
        ("only big", "big houses at night", "kind=house time=night !setting=snow size=big"),
    ],
    "sailboats on the ocean": [
        ("any sailboats on the ocean?", "sailboats at sea", "kind=boat setting=water"),
        ("blue ones", "blue sailboats at sea", "kind=boat setting=water color=blue"),
        ("more like the 2nd one", "blue sailboats at sea", "kind=boat setting=water color=blue"),
        ("thx", None, ""),
    ],
    "um cars on the road": [
        ("um cars on the road", "cars on a road", "kind=car setting=street"),
        ("uh the small ones", "small cars on a road", "kind=car setting=street size=small"),
        ("what about in daylight",
         "small cars on a road during the day", "kind=car setting=street size=small time=day"),
    ],
    "polite trees in snow": [
        ("hello! could you please show me some pictures of trees in the snow?",
         "trees in the snow", "kind=tree setting=snow"),
        ("lovely. could they be at night?", "trees in the snow at night", "kind=tree setting=snow time=night"),
        ("and only ones with three trees",
         "three trees in the snow at night", "kind=tree setting=snow time=night count=3"),
    ],
    "got any purple boats": [
        ("got any purple boats?", "purple boats", "kind=boat color=purple"),
        ("on the beach?", "purple boats on a beach", "kind=boat color=purple setting=beach"),
        ("what about in the snow", "purple boats in the snow", "kind=boat color=purple setting=snow"),
    ],
    "beach exclude kinds": [
        ("stuff on the beach", "on a beach", "setting=beach"),
        ("anything but boats", "on a beach", "setting=beach !kind=boat"),
        ("and not houses", "on a beach", "setting=beach !kind=boat !kind=house"),
        ("only green", "green on a beach", "setting=beach !kind=boat !kind=house color=green"),
    ],
    "blue houses the ones": [
        ("blue houses", "blue houses", "kind=house color=blue"),
        ("the ones at night", "blue houses at night", "kind=house color=blue time=night"),
        ("the ones with just one house", "one blue house at night", "kind=house color=blue time=night count=1"),
    ],
    "ships at sea": [
        ("ships at sea", "ships at sea", "kind=boat setting=water"),
        ("at night", "ships at sea at night", "kind=boat setting=water time=night"),
        ("red ships", "red ships at sea at night", "kind=boat setting=water time=night color=red"),
        ("bye", None, ""),
    ],
    "yellow trees and green": [
        ("yellow trees", "yellow trees", "kind=tree color=yellow"),
        ("and green?", "green trees", "kind=tree color=green"),
        ("in winter", "green trees in winter", "kind=tree color=green setting=snow"),
    ],
    "big flowers more like": [
        ("big flowers", "big flowers", "kind=flower size=big"),
        ("more like the 3rd one", "big flowers", "kind=flower size=big"),
        ("show me more", "big flowers", "kind=flower size=big"),
        ("only blue ones", "big blue flowers", "kind=flower size=big color=blue"),
    ],
    "houses street what about snow": [
        ("houses on the street", "houses on a street", "kind=house setting=street"),
        ("what about the snow", "houses in the snow", "kind=house setting=snow"),
        ("and at night", "houses in the snow at night", "kind=house setting=snow time=night"),
    ],
    "lone tree": [
        ("a lone tree in the snow", "a single tree in the snow", "kind=tree count=1 setting=snow"),
        ("at night", "a single tree in the snow at night", "kind=tree count=1 setting=snow time=night"),
        ("actually on the grass", "a single tree on grass at night", "kind=tree count=1 setting=grass time=night"),
    ],
    "houses any colour but red": [
        ("houses in any colour but red", "houses", "kind=house !color=red"),
        ("and not blue", "houses", "kind=house !color=red !color=blue"),
        ("small", "small houses", "kind=house !color=red !color=blue size=small"),
    ],
    "oops green trees": [
        ("green houses", "green houses", "kind=house color=green"),
        ("oops i meant green trees", "green trees", "kind=tree color=green"),
        ("big ones please", "big green trees", "kind=tree color=green size=big"),
    ],
    "fish then i meant boats": [
        ("fish on the water", "fish in water", "kind=fish setting=water"),
        ("make it red", "red fish in water", "kind=fish setting=water color=red"),
        ("ugh no i meant boats", "red boats in water", "kind=boat setting=water color=red"),
    ],
    "small boats bigger": [
        ("small boats", "small boats", "kind=boat size=small"),
        ("bigger ones", "big boats", "kind=boat size=big"),
        ("at night", "big boats at night", "kind=boat size=big time=night"),
        ("green", "big green boats at night", "kind=boat size=big time=night color=green"),
    ],
    "orange flowers count words": [
        ("two orange flowers", "two orange flowers", "kind=flower color=orange count=2"),
        ("what about three", "three orange flowers", "kind=flower color=orange count=3"),
        ("and just one?", "one orange flower", "kind=flower color=orange count=1"),
    ],
    "presentation purple trees": [
        (("so for my presentation i need something with purple trees, doesn't matter where,"
          " but it has to be night"), "purple trees at night", "kind=tree color=purple time=night"),
        ("hmm the snowy ones look too cold, no snow please",
         "purple trees at night", "kind=tree color=purple time=night !setting=snow"),
        ("show more", "purple trees at night", "kind=tree color=purple time=night !setting=snow"),
    ],
    "blue cars instead chain": [
        ("blue cars", "blue cars", "kind=car color=blue"),
        ("green instead", "green cars", "kind=car color=green"),
        ("on the street", "green cars on a street", "kind=car color=green setting=street"),
        ("trees instead", "green trees on a street", "kind=tree color=green setting=street"),
    ],
    "fish night then day": [
        ("fish at night", "fish at night", "kind=fish time=night"),
        ("during the day?", "fish during the day", "kind=fish time=day"),
        ("big", "big fish during the day", "kind=fish time=day size=big"),
    ],
    "houses by the beach bye": [
        ("can i see houses by the beach", "houses on a beach", "kind=house setting=beach"),
        ("orange", "orange houses on a beach", "kind=house setting=beach color=orange"),
        ("thanks, bye", None, ""),
    ],
    "boats not three": [
        ("boats but not three of them", "boats", "kind=boat !count=3"),
        ("yellow ones", "yellow boats", "kind=boat !count=3 color=yellow"),
        ("at the beach", "yellow boats on a beach", "kind=boat !count=3 color=yellow setting=beach"),
    ],
    "red except cars": [
        ("show me anything red except cars", "red", "color=red !kind=car"),
        ("and no flowers", "red", "color=red !kind=car !kind=flower"),
        ("at night", "red at night", "color=red !kind=car !kind=flower time=night"),
    ],
    "three things then trees": [
        ("show me pics with 3 things in them", "three", "count=3"),
        ("trees", "three trees", "count=3 kind=tree"),
        ("green", "three green trees", "count=3 kind=tree color=green"),
    ],
    "excited cars more": [
        ("cars!!", "cars", "kind=car"),
        ("yellow cars!!", "yellow cars", "kind=car color=yellow"),
        ("more", "yellow cars", "kind=car color=yellow"),
        ("more like the first one", "yellow cars", "kind=car color=yellow"),
    ],
    "snow boats what about trees": [
        ("boats in the snow during the day", "boats in the snow during the day", "kind=boat setting=snow time=day"),
        ("hmm what about trees", "trees in the snow during the day", "kind=tree setting=snow time=day"),
        ("orange", "orange trees in the snow during the day", "kind=tree setting=snow time=day color=orange"),
    ],
    "any color is fine": [
        ("red houses at night", "red houses at night", "kind=house color=red time=night"),
        ("actually any color is fine", "houses at night", "kind=house time=night"),
        ("but on the beach", "houses on a beach at night", "kind=house time=night setting=beach"),
    ],
    "day or night doesnt matter": [
        ("blue boats at night", "blue boats at night", "kind=boat color=blue time=night"),
        ("day or night doesn't matter", "blue boats", "kind=boat color=blue"),
        ("three boats", "three blue boats", "kind=boat color=blue count=3"),
    ],
    "trees not small": [
        ("trees, not the small ones", "trees", "kind=tree !size=small"),
        ("in the snow", "trees in the snow", "kind=tree !size=small setting=snow"),
        ("red", "red trees in the snow", "kind=tree !size=small setting=snow color=red"),
    ],
    "big boats cars instead": [
        ("big boats", "big boats", "kind=boat size=big"),
        ("show me the cars instead", "big cars", "kind=car size=big"),
        ("on the road", "big cars on a road", "kind=car size=big setting=street"),
    ],
    "bare digits": [
        ("1 red car", "one red car", "kind=car color=red count=1"),
        ("2?", "two red cars", "kind=car color=red count=2"),
        ("3?", "three red cars", "kind=car color=red count=3"),
    ],
    "green fish more like 5th": [
        ("green fish in the water", "green fish in water", "kind=fish color=green setting=water"),
        ("more like the 5th one", "green fish in water", "kind=fish color=green setting=water"),
        ("ok and at night", "green fish in water at night", "kind=fish color=green setting=water time=night"),
    ],
    "sea then sand": [
        ("boats out on the sea", "boats at sea", "kind=boat setting=water"),
        ("now ones on the sand instead", "boats on sand", "kind=boat setting=beach"),
        ("purple ones", "purple boats on sand", "kind=boat setting=beach color=purple"),
    ],
    "tiny cars": [
        ("tiny cars", "tiny cars", "kind=car size=small"),
        ("a single tiny car", "a single tiny car", "kind=car size=small count=1"),
        ("blue", "a single tiny blue car", "kind=car size=small count=1 color=blue"),
    ],
    "houses not beach nor snow": [
        ("houses not on the beach", "houses", "kind=house !setting=beach"),
        ("nor in the snow", "houses", "kind=house !setting=beach !setting=snow"),
        ("green ones", "green houses", "kind=house !setting=beach !setting=snow color=green"),
    ],
    "yachts": [
        ("any yachts?", "yachts", "kind=boat"),
        ("blue yachts at night", "blue yachts at night", "kind=boat color=blue time=night"),
        ("smaller ones", "small blue yachts at night", "kind=boat color=blue time=night size=small"),
    ],
    "cabins snow night": [
        ("cabins in the snow at night", "cabins in the snow at night", "kind=house setting=snow time=night"),
        ("just one cabin", "one cabin in the snow at night", "kind=house setting=snow time=night count=1"),
        ("show me more of those", "one cabin in the snow at night", "kind=house setting=snow time=night count=1"),
    ],
    "green everything no trees": [
        ("everything green", "green", "color=green"),
        ("but no trees", "green", "color=green !kind=tree"),
        ("daytime ones", "green during the day", "color=green !kind=tree time=day"),
    ],
    "house day to night": [
        ("big red house", "big red house", "kind=house size=big color=red"),
        ("in daylight", "big red house during the day", "kind=house size=big color=red time=day"),
        ("now the same at night", "big red house at night", "kind=house size=big color=red time=night"),
    ],
    "trees beach switch": [
        ("trees on the beach", "trees on a beach", "kind=tree setting=beach"),
        ("switch to street", "trees on a street", "kind=tree setting=street"),
        ("blue trees", "blue trees on a street", "kind=tree setting=street color=blue"),
        ("nah, yellow", "yellow trees on a street", "kind=tree setting=street color=yellow"),
    ],
}

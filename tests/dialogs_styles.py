"""How different people type: terse ("car red night", "trees -snow"), non-native ("i want see the boat blue"),
chatty ("oh nice!! can you now maybe show me those but when it's dark outside?"), answering the last
result ("these are way too small", "the 2nd one is nice, more like that"), British spelling, many ways
to exclude and to count ("more than one", "fewer than three").

Same format as tests/dialogs.py: (message, phrase sent to CLIP or None, wanted attributes).
"""

from __future__ import annotations

STYLES: dict[str, list[tuple[str, str | None, str]]] = {
    "terse car red night": [
        ("car red night", "red car at night", "kind=car color=red time=night"),
        ("big", "big red car at night", "kind=car color=red time=night size=big"),
        ("2nd one good, more like it", "big red car at night", "kind=car color=red time=night size=big"),
    ],
    "terse boat beach 3": [
        ("boat beach", "boat on a beach", "kind=boat setting=beach"),
        ("3", "three boats on a beach", "kind=boat setting=beach count=3"),
        ("night", "three boats on a beach at night", "kind=boat setting=beach count=3 time=night"),
    ],
    "terse trees minus snow": [
        ("trees -snow", "trees", "kind=tree !setting=snow"),
        ("green", "green trees", "kind=tree color=green !setting=snow"),
        ("small", "small green trees", "kind=tree color=green !setting=snow size=small"),
    ],
    "terse house 3 snow": [
        ("house 3 snow", "three houses in the snow", "kind=house count=3 setting=snow"),
        ("night", "three houses in the snow at night", "kind=house count=3 setting=snow time=night"),
        ("day instead", "three houses in the snow during the day", "kind=house count=3 setting=snow time=day"),
    ],
    "terse question marks": [
        ("fish?", "fish", "kind=fish"),
        ("red?", "red fish", "kind=fish color=red"),
        ("night?", "red fish at night", "kind=fish color=red time=night"),
        ("3?", "three red fish at night", "kind=fish color=red time=night count=3"),
    ],
    "terse digits reset": [
        ("2 big boats", "two big boats", "count=2 size=big kind=boat"),
        ("water", "two big boats in water", "count=2 size=big kind=boat setting=water"),
        ("start over", None, ""),
        ("1 small tree", "one small tree", "count=1 size=small kind=tree"),
    ],
    "terse reset fish night": [
        ("houses red", "red houses", "kind=house color=red"),
        ("reset", None, ""),
        ("fish night", "fish at night", "kind=fish time=night"),
        ("small", "small fish at night", "kind=fish time=night size=small"),
    ],
    "nonnative trees green": [
        ("give me pictures with trees of color green", "green trees", "kind=tree color=green"),
        ("please more big trees", "big green trees", "kind=tree color=green size=big"),
        ("i don't want snow on it", "big green trees", "kind=tree color=green size=big !setting=snow"),
    ],
    "nonnative yellow house": [
        ("show me house which is yellow colour", "yellow house", "kind=house color=yellow"),
        ("please the ones with 2 house", "two yellow houses", "kind=house color=yellow count=2"),
        ("not on snow please", "two yellow houses", "kind=house color=yellow count=2 !setting=snow"),
    ],
    "nonnative fish small": [
        ("fish yellow please", "yellow fish", "kind=fish color=yellow"),
        ("i no want in the water", "yellow fish", "kind=fish color=yellow !setting=water"),
        ("only at the day", "yellow fish during the day", "kind=fish color=yellow !setting=water time=day"),
    ],
    "nonnative car red in the night": [
        ("show me car red in the night", "red car at night", "kind=car color=red time=night"),
        ("this is too much big, i want little", "small red car at night", "kind=car color=red time=night size=small"),
        ("the second is good, more like this please",
         "small red car at night", "kind=car color=red time=night size=small"),
    ],
    "nonnative tree not red": [
        ("i want the tree but not the color red", "tree", "kind=tree !color=red"),
        ("and not in snow also", "tree", "kind=tree !color=red !setting=snow"),
        ("only big tree", "big tree", "kind=tree !color=red !setting=snow size=big"),
    ],
    "nonnative fishs": [
        ("give me pictures of fishs", "fish", "kind=fish"),
        ("the fishs must be green", "green fish", "kind=fish color=green"),
        ("two fishs in each", "two green fish", "kind=fish color=green count=2"),
    ],
    "nonnative boats see lake": [
        ("please i like to see boats on lake", "boats on a lake", "kind=boat setting=water"),
        ("color of boats is red", "red boats on a lake", "kind=boat setting=water color=red"),
        ("the first picture very nice, give more same", "red boats on a lake", "kind=boat setting=water color=red"),
        ("thank you very much", None, ""),
    ],
    "chatty boats dark outside": [
        ("hi! I'm looking for some pictures of boats for my kid's room", "boats", "kind=boat"),
        ("oh nice!! can you now maybe show me those but when it's dark outside?",
         "boats at night", "kind=boat time=night"),
        ("ooh and maybe yellow ones? she loves yellow", "yellow boats at night", "kind=boat time=night color=yellow"),
        ("perfect, thank you so much!", None, ""),
    ],
    "chatty flowers green lawn": [
        ("Hello there! Could you possibly find me some lovely flowers?", "flowers", "kind=flower"),
        ("Hmm, I think I'd prefer them sitting on a nice green lawn",
         "green flowers on grass", "kind=flower setting=grass"),
        ("and purple would be gorgeous", "purple flowers on grass", "kind=flower setting=grass color=purple"),
        ("oh wow, the third one is stunning, any more like that?",
         "purple flowers on grass", "kind=flower setting=grass color=purple"),
    ],
    "chatty christmas card": [
        ("ok so I'm making a card for my aunt and I need something snowy", "in the snow", "setting=snow"),
        ("ooh houses would be cute!", "houses in the snow", "setting=snow kind=house"),
        ("and maybe when it's dark out, like with the lights on?",
         "houses in the snow at night", "setting=snow kind=house time=night"),
        ("omg the first one is perfect, can I see more like it?",
         "houses in the snow at night", "setting=snow kind=house time=night"),
    ],
    "chatty not a fan of orange": [
        ("I need some pictures of trees, please!", "trees", "kind=tree"),
        ("Ugh, honestly I'm not a fan of the orange ones at all", "trees", "kind=tree !color=orange"),
        ("and could we skip the nighttime ones too?", "trees", "kind=tree !color=orange !time=night"),
        ("lovely, those work, thank you!!", None, ""),
    ],
    "chatty beach house vibe": [
        ("So I was wondering, could I maybe see some pictures of houses at night?",
         "houses at night", "kind=house time=night"),
        ("Actually, you know what, let's do daytime instead", "houses during the day", "kind=house time=day"),
        ("Ooh and on the beach, like a beach house vibe",
         "houses on a beach during the day", "kind=house time=day setting=beach"),
        ("Love it, thanks a bunch!", None, ""),
    ],
    "chatty size doesn't matter": [
        ("hey hey, show me some big trees!", "big trees", "size=big kind=tree"),
        ("hmm size doesn't really matter actually, just trees", "trees", "kind=tree"),
        ("but green ones please :)", "green trees", "kind=tree color=green"),
    ],
    "chatty two hours trap": [
        ("ugh I've been searching for like 2 hours lol, just show me red boats", "red boats", "color=red kind=boat"),
        ("on the water", "red boats in water", "color=red kind=boat setting=water"),
        ("ahh finally, the first one, more like that one!", "red boats in water", "color=red kind=boat setting=water"),
    ],
    "chatty one more thing trap": [
        ("houses at night", "houses at night", "kind=house time=night"),
        ("ok one more thing, can you make them big?", "big houses at night", "kind=house time=night size=big"),
        ("great, that one, the third, more like it", "big houses at night", "kind=house time=night size=big"),
        ("thanks, good night!", None, ""),
    ],
    "answer too small purple": [
        ("houses on the street", "houses on a street", "kind=house setting=street"),
        ("hmm these are too small", "big houses on a street", "kind=house setting=street size=big"),
        ("I don't like the purple ones", "big houses on a street", "kind=house setting=street size=big !color=purple"),
        ("the 2nd one is nice, more like that",
         "big houses on a street", "kind=house setting=street size=big !color=purple"),
    ],
    "answer too big too many": [
        ("red fish", "red fish", "kind=fish color=red"),
        ("these are way too big", "small red fish", "kind=fish color=red size=small"),
        ("too many fish in each picture, I want just one",
         "one small red fish", "kind=fish color=red size=small count=1"),
    ],
    "answer too many boats": [
        ("boats on the water", "boats in water", "kind=boat setting=water"),
        ("these have too many boats, I just want one", "one boat in water", "kind=boat setting=water count=1"),
        ("I don't like the green ones", "one boat in water", "kind=boat setting=water count=1 !color=green"),
    ],
    "answer more like nth twice": [
        ("purple flowers", "purple flowers", "kind=flower color=purple"),
        ("the 3rd one is nice, more like that", "purple flowers", "kind=flower color=purple"),
        ("but in the daytime", "purple flowers during the day", "kind=flower color=purple time=day"),
        ("the first one there, more like that", "purple flowers during the day", "kind=flower color=purple time=day"),
    ],
    "answer after dark too small": [
        ("cars after dark", "cars at night", "kind=car time=night"),
        ("hmm too small", "big cars at night", "kind=car time=night size=big"),
        ("I don't like the orange ones", "big cars at night", "kind=car time=night size=big !color=orange"),
        ("the 1st one is great, more like that", "big cars at night", "kind=car time=night size=big !color=orange"),
    ],
    "answer not the snowy ones": [
        ("houses in daylight", "houses during the day", "kind=house time=day"),
        ("hmm not the snowy ones", "houses during the day", "kind=house time=day !setting=snow"),
        ("the blue ones", "blue houses during the day", "kind=house time=day !setting=snow color=blue"),
    ],
    "answer a blue one trap": [
        ("trees", "trees", "kind=tree"),
        ("show me a blue one", "blue tree", "kind=tree color=blue"),
        ("that one's nice, the 4th, more like it", "blue tree", "kind=tree color=blue"),
    ],
    "answer bigger smaller": [
        ("small purple flowers", "small purple flowers", "size=small color=purple kind=flower"),
        ("bigger", "big purple flowers", "size=big color=purple kind=flower"),
        ("smaller again", "small purple flowers", "size=small color=purple kind=flower"),
        ("during the day", "small purple flowers during the day", "size=small color=purple kind=flower time=day"),
    ],
    "british colour orange trees": [
        ("trees with orange colour", "orange trees", "kind=tree color=orange"),
        ("in the snow", "orange trees in the snow", "kind=tree color=orange setting=snow"),
        ("change the colour to red", "red trees in the snow", "kind=tree color=red setting=snow"),
        ("cheers, that's brilliant", None, ""),
    ],
    "british favourite colour": [
        ("my favourite colour is purple, show me purple cars", "purple cars", "kind=car color=purple"),
        ("on the road", "purple cars on a road", "kind=car color=purple setting=street"),
        ("whichever colour, doesn't matter actually", "cars on a road", "kind=car setting=street"),
    ],
    "british colour doesn't matter": [
        ("show me some cars, colour doesn't matter, but on the street", "cars on a street", "kind=car setting=street"),
        ("big ones", "big cars on a street", "kind=car setting=street size=big"),
        ("cheers, now at night please", "big cars on a street at night", "kind=car setting=street size=big time=night"),
    ],
    "british forget the colour": [
        ("small green houses at night", "small green houses at night", "size=small color=green kind=house time=night"),
        ("forget the colour", "small houses at night", "size=small kind=house time=night"),
        ("day or night doesn't matter", "small houses", "size=small kind=house"),
        ("in the snow", "small houses in the snow", "size=small kind=house setting=snow"),
    ],
    "q which ones at night": [
        ("yellow houses", "yellow houses", "kind=house color=yellow"),
        ("which ones are at night?", "yellow houses at night", "kind=house color=yellow time=night"),
        ("do any of the houses have two?", "two yellow houses at night", "kind=house color=yellow time=night count=2"),
    ],
    "q exactly three boats": [
        ("show me boats", "boats", "kind=boat"),
        ("are there pictures with exactly three boats?", "three boats", "kind=boat count=3"),
        ("any of those on the snow?", "three boats in the snow", "kind=boat count=3 setting=snow"),
        ("great, thanks", None, ""),
    ],
}

"""How different people type: terse ("car red night", "trees -snow"), non-native ("i want see the boat blue"),
chatty ("oh nice!! can you now maybe show me those but when it's dark outside?"), answering the last
result ("these are way too small", "the 2nd one is nice, more like that"), British spelling, many ways
to exclude and to count ("more than one", "fewer than three").

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

STYLES: dict[str, list[tuple[str, str | None, str]]] = {
    "terse car red night": [
        ("car red night", "kind=car color=red time=night"),
        ("big", "kind=car color=red time=night size=big"),
        ("2nd one good, more like it", "kind=car color=red time=night size=big"),
    ],
    "terse boat beach 3": [
        ("boat beach", "kind=boat setting=beach"),
        ("3", "kind=boat setting=beach count=3"),
        ("night", "kind=boat setting=beach count=3 time=night"),
    ],
    "terse trees minus snow": [
        ("trees -snow", "kind=tree !setting=snow"),
        ("green", "kind=tree color=green !setting=snow"),
        ("small", "kind=tree color=green !setting=snow size=small"),
    ],
    "terse house 3 snow": [
        ("house 3 snow", "kind=house count=3 setting=snow"),
        ("night", "kind=house count=3 setting=snow time=night"),
        ("day instead", "kind=house count=3 setting=snow time=day"),
    ],
    "terse question marks": [
        ("fish?", "kind=fish"),
        ("red?", "kind=fish color=red"),
        ("night?", "kind=fish color=red time=night"),
        ("3?", "kind=fish color=red time=night count=3"),
    ],
    "terse digits reset": [
        ("2 big boats", "count=2 size=big kind=boat"),
        ("water", "count=2 size=big kind=boat setting=water"),
        ("start over", ""),
        ("1 small tree", "count=1 size=small kind=tree"),
    ],
    "terse reset fish night": [
        ("houses red", "kind=house color=red"),
        ("reset", ""),
        ("fish night", "kind=fish time=night"),
        ("small", "kind=fish time=night size=small"),
    ],
    "nonnative trees green": [
        ("give me pictures with trees of color green", "kind=tree color=green"),
        ("please more big trees", "kind=tree color=green size=big"),
        ("i don't want snow on it", "kind=tree color=green size=big !setting=snow"),
    ],
    "nonnative yellow house": [
        ("show me house which is yellow colour", "kind=house color=yellow"),
        ("please the ones with 2 house", "kind=house color=yellow count=2"),
        ("not on snow please", "kind=house color=yellow count=2 !setting=snow"),
    ],
    "nonnative fish small": [
        ("fish yellow please", "kind=fish color=yellow"),
        ("i no want in the water", "kind=fish color=yellow !setting=water"),
        ("only at the day", "kind=fish color=yellow !setting=water time=day"),
    ],
    "nonnative car red in the night": [
        ("show me car red in the night", "kind=car color=red time=night"),
        ("this is too much big, i want little", "kind=car color=red time=night size=small"),
        ("the second is good, more like this please", "kind=car color=red time=night size=small"),
    ],
    "nonnative tree not red": [
        ("i want the tree but not the color red", "kind=tree !color=red"),
        ("and not in snow also", "kind=tree !color=red !setting=snow"),
        ("only big tree", "kind=tree !color=red !setting=snow size=big"),
    ],
    "nonnative fishs": [
        ("give me pictures of fishs", "kind=fish"),
        ("the fishs must be green", "kind=fish color=green"),
        ("two fishs in each", "kind=fish color=green count=2"),
    ],
    "nonnative boats see lake": [
        ("please i like to see boats on lake", "kind=boat setting=water"),
        ("color of boats is red", "kind=boat setting=water color=red"),
        ("the first picture very nice, give more same", "kind=boat setting=water color=red"),
        ("thank you very much", ""),
    ],
    "chatty boats dark outside": [
        ("hi! I'm looking for some pictures of boats for my kid's room", "kind=boat"),
        ("oh nice!! can you now maybe show me those but when it's dark outside?", "kind=boat time=night"),
        ("ooh and maybe yellow ones? she loves yellow", "kind=boat time=night color=yellow"),
        ("perfect, thank you so much!", ""),
    ],
    "chatty flowers green lawn": [
        ("Hello there! Could you possibly find me some lovely flowers?", "kind=flower"),
        ("Hmm, I think I'd prefer them sitting on a nice green lawn", "kind=flower setting=grass"),
        ("and purple would be gorgeous", "kind=flower setting=grass color=purple"),
        ("oh wow, the third one is stunning, any more like that?", "kind=flower setting=grass color=purple"),
    ],
    "chatty christmas card": [
        ("ok so I'm making a card for my aunt and I need something snowy", "setting=snow"),
        ("ooh houses would be cute!", "setting=snow kind=house"),
        ("and maybe when it's dark out, like with the lights on?", "setting=snow kind=house time=night"),
        ("omg the first one is perfect, can I see more like it?", "setting=snow kind=house time=night"),
    ],
    "chatty not a fan of orange": [
        ("I need some pictures of trees, please!", "kind=tree"),
        ("Ugh, honestly I'm not a fan of the orange ones at all", "kind=tree !color=orange"),
        ("and could we skip the nighttime ones too?", "kind=tree !color=orange !time=night"),
        ("lovely, those work, thank you!!", ""),
    ],
    "chatty beach house vibe": [
        ("So I was wondering, could I maybe see some pictures of houses at night?", "kind=house time=night"),
        ("Actually, you know what, let's do daytime instead", "kind=house time=day"),
        ("Ooh and on the beach, like a beach house vibe", "kind=house time=day setting=beach"),
        ("Love it, thanks a bunch!", ""),
    ],
    "chatty size doesn't matter": [
        ("hey hey, show me some big trees!", "size=big kind=tree"),
        ("hmm size doesn't really matter actually, just trees", "kind=tree"),
        ("but green ones please :)", "kind=tree color=green"),
    ],
    "chatty two hours trap": [
        ("ugh I've been searching for like 2 hours lol, just show me red boats", "color=red kind=boat"),
        ("on the water", "color=red kind=boat setting=water"),
        ("ahh finally, the first one, more like that one!", "color=red kind=boat setting=water"),
    ],
    "chatty one more thing trap": [
        ("houses at night", "kind=house time=night"),
        ("ok one more thing, can you make them big?", "kind=house time=night size=big"),
        ("great, that one, the third, more like it", "kind=house time=night size=big"),
        ("thanks, good night!", ""),
    ],
    "answer too small purple": [
        ("houses on the street", "kind=house setting=street"),
        ("hmm these are too small", "kind=house setting=street size=big"),
        ("I don't like the purple ones", "kind=house setting=street size=big !color=purple"),
        ("the 2nd one is nice, more like that", "kind=house setting=street size=big !color=purple"),
    ],
    "answer too big too many": [
        ("red fish", "kind=fish color=red"),
        ("these are way too big", "kind=fish color=red size=small"),
        ("too many fish in each picture, I want just one", "kind=fish color=red size=small count=1"),
    ],
    "answer too many boats": [
        ("boats on the water", "kind=boat setting=water"),
        ("these have too many boats, I just want one", "kind=boat setting=water count=1"),
        ("I don't like the green ones", "kind=boat setting=water count=1 !color=green"),
    ],
    "answer more like nth twice": [
        ("purple flowers", "kind=flower color=purple"),
        ("the 3rd one is nice, more like that", "kind=flower color=purple"),
        ("but in the daytime", "kind=flower color=purple time=day"),
        ("the first one there, more like that", "kind=flower color=purple time=day"),
    ],
    "answer after dark too small": [
        ("cars after dark", "kind=car time=night"),
        ("hmm too small", "kind=car time=night size=big"),
        ("I don't like the orange ones", "kind=car time=night size=big !color=orange"),
        ("the 1st one is great, more like that", "kind=car time=night size=big !color=orange"),
    ],
    "answer not the snowy ones": [
        ("houses in daylight", "kind=house time=day"),
        ("hmm not the snowy ones", "kind=house time=day !setting=snow"),
        ("the blue ones", "kind=house time=day !setting=snow color=blue"),
    ],
    "answer a blue one trap": [
        ("trees", "kind=tree"),
        ("show me a blue one", "kind=tree color=blue"),
        ("that one's nice, the 4th, more like it", "kind=tree color=blue"),
    ],
    "answer bigger smaller": [
        ("small purple flowers", "size=small color=purple kind=flower"),
        ("bigger", "size=big color=purple kind=flower"),
        ("smaller again", "size=small color=purple kind=flower"),
        ("during the day", "size=small color=purple kind=flower time=day"),
    ],
    "british colour orange trees": [
        ("trees with orange colour", "kind=tree color=orange"),
        ("in the snow", "kind=tree color=orange setting=snow"),
        ("change the colour to red", "kind=tree color=red setting=snow"),
        ("cheers, that's brilliant", ""),
    ],
    "british favourite colour": [
        ("my favourite colour is purple, show me purple cars", "kind=car color=purple"),
        ("on the road", "kind=car color=purple setting=street"),
        ("whichever colour, doesn't matter actually", "kind=car setting=street"),
    ],
    "british colour doesn't matter": [
        ("show me some cars, colour doesn't matter, but on the street", "kind=car setting=street"),
        ("big ones", "kind=car setting=street size=big"),
        ("cheers, now at night please", "kind=car setting=street size=big time=night"),
    ],
    "british forget the colour": [
        ("small green houses at night", "size=small color=green kind=house time=night"),
        ("forget the colour", "size=small kind=house time=night"),
        ("day or night doesn't matter", "size=small kind=house"),
        ("in the snow", "size=small kind=house setting=snow"),
    ],
    "q which ones at night": [
        ("yellow houses", "kind=house color=yellow"),
        ("which ones are at night?", "kind=house color=yellow time=night"),
        ("do any of the houses have two?", "kind=house color=yellow time=night count=2"),
    ],
    "q exactly three boats": [
        ("show me boats", "kind=boat"),
        ("are there pictures with exactly three boats?", "kind=boat count=3"),
        ("any of those on the snow?", "kind=boat count=3 setting=snow"),
        ("great, thanks", ""),
    ],
}

"""The second half of those sixty first conversations (tests/dialogs_users.py).

Same format as tests/dialogs.py: (message, phrase sent to CLIP or None, wanted attributes).
"""

from __future__ import annotations

USERS_MORE: dict[str, list[tuple[str, str | None, str]]] = {
    "flower negations then blue": [
        ("flowers, not yellow", "flowers", "kind=flower !color=yellow"),
        ("actually not red either", "flowers", "kind=flower !color=yellow !color=red"),
        ("you know what, just show blue", "blue flowers", "kind=flower color=blue"),
        ("in the grass", "blue flowers on grass", "kind=flower color=blue setting=grass"),
    ],
    "query syntax scientist": [
        ("Query: fish, count = 2.", "fish", "kind=fish count=2"),
        ("Add constraint: setting water.", "fish in water", "kind=fish count=2 setting=water"),
        ("Negate: color green.", "fish in water", "kind=fish count=2 setting=water !color=green"),
        ("Relax the count constraint.", "fish in water", "kind=fish setting=water !color=green"),
        ("Show next page.", "fish in water", "kind=fish setting=water !color=green"),
    ],
    "numbered similar": [
        ("beach pictures in the daytime", "on a beach during the day", "setting=beach time=day"),
        ("with boats", "boats on a beach during the day", "setting=beach time=day kind=boat"),
        ("I like #2, give me similar", "boats on a beach during the day", "setting=beach time=day kind=boat"),
        ("and more like #7 too", "boats on a beach during the day", "setting=beach time=day kind=boat"),
    ],
    "all caps elder": [
        ("HELLO. I WOULD LIKE TO SEE TREES.", "trees", "kind=tree"),
        ("GREEN ONES PLEASE.", "green trees", "kind=tree color=green"),
        ("THE BIG ONES.", "big green trees", "kind=tree color=green size=big"),
        ("THANK YOU YOUNG MAN.", None, ""),
    ],
    "rude and quick": [
        ("show me houses. fast.", "houses", "kind=house"),
        ("no. not those. red.", "red houses", "kind=house color=red"),
        ("why are some at night?? only day", "red houses during the day", "kind=house color=red time=day"),
        ("whatever. more.", "red houses during the day", "kind=house color=red time=day"),
    ],
    "add and remove": [
        ("yellow stuff in water", "yellow in water", "color=yellow setting=water"),
        ("only fish", "yellow fish in water", "color=yellow setting=water kind=fish"),
        ("hmm drop the yellow", "fish in water", "setting=water kind=fish"),
        ("night", "fish in water at night", "setting=water kind=fish time=night"),
        ("ok now not 3 fish, too crowded", "fish in water at night", "setting=water kind=fish time=night !count=3"),
    ],
    "poet": [
        ("I dream of a lone tree standing in the snow.", "a single tree in the snow", "kind=tree count=1 setting=snow"),
        ("Let it not be green - green is too summery for winter's hush.",
         "a single tree in the snow", "kind=tree count=1 setting=snow !color=green"),
        ("Show me more of this quiet world.",
         "a single tree in the snow", "kind=tree count=1 setting=snow !color=green"),
        ("Thank you, machine of pictures.", None, ""),
    ],
    "party planner": [
        ("Need fun pics for a kids party invite!! \ud83c\udf89 orange things!!", "orange", "color=orange"),
        ("like flowers maybe? \ud83c\udf3c", "orange flowers", "color=orange kind=flower"),
        ("ooh 3 of them!", "three orange flowers", "color=orange kind=flower count=3"),
        ("now same but purple \ud83d\udc9c", "three purple flowers", "color=purple kind=flower count=3"),
    ],
    "traveler streets": [
        ("Show me street scenes.", "on a street", "setting=street"),
        ("During the night, if possible.", "on a street at night", "setting=street time=night"),
        ("Any houses?", "houses on a street at night", "setting=street time=night kind=house"),
        ("How about cars instead of houses?", "cars on a street at night", "setting=street time=night kind=car"),
        ("Great, more please.", "cars on a street at night", "setting=street time=night kind=car"),
    ],
    "size doesnt matter": [
        ("big boats", "big boats", "kind=boat size=big"),
        ("wait whatever, show small ones", "small boats", "kind=boat size=small"),
        ("nvm size doesn't matter", "boats", "kind=boat"),
        ("on the beach then", "boats on a beach", "kind=boat setting=beach"),
    ],
    "two things": [
        ("I want pictures with 2 things in them.", "two", "count=2"),
        ("Let's say fish.", "two fish", "count=2 kind=fish"),
        ("Not blue, not green.", "two fish", "count=2 kind=fish !color=blue !color=green"),
        ("Hmm, actually show me single fish instead.", "a single fish", "count=1 kind=fish !color=blue !color=green"),
        ("Ok, enough, thank you.", None, ""),
    ],
    "lowercase beach trees": [
        ("can i see some trees at the beach", "trees on a beach", "kind=tree setting=beach"),
        ("only daytime", "trees on a beach during the day", "kind=tree setting=beach time=day"),
        ("more of those", "trees on a beach during the day", "kind=tree setting=beach time=day"),
        ("now the same thing but at night", "trees on a beach at night", "kind=tree setting=beach time=night"),
    ],
    "grumpy elder": [
        ("I don't like these computer things. Show me a house.", "house", "kind=house"),
        ("Not that ugly purple. Something normal.", "house", "kind=house !color=purple"),
        ("In the country, on the grass, not in the city.", "house on grass", "kind=house setting=grass !color=purple"),
        ("Fine. Goodbye.", None, ""),
    ],
    "gamer": [
        ("gg ez. show boats lol", "boats", "kind=boat"),
        ("just 2 boats per pic", "two boats", "kind=boat count=2"),
        ("night mode pls", "two boats at night", "kind=boat count=2 time=night"),
        ("nerf the blue ones, dont want em", "two blue boats at night", "kind=boat count=2 time=night !color=blue"),
        ("gg ty", None, ""),
    ],
    "calm blue bedroom": [
        (("I'm decorating a calm blue-themed bedroom. Show me anything blue, but nothing "
          "busy - ideally just one object per picture."), "one blue", "color=blue count=1"),
        ("Water scenes would fit the theme beautifully.", "one blue in water", "color=blue count=1 setting=water"),
        ("Hmm, the boats feel too nautical. Could you leave boats out?",
         "one blue in water", "color=blue count=1 setting=water !kind=boat"),
        ("Lovely, the fourth one is exactly my vibe. Similar ones?",
         "one blue in water", "color=blue count=1 setting=water !kind=boat"),
    ],
    "british fish": [
        ("Could I see some colourful fish? Say, orange.", "orange fish", "kind=fish color=orange"),
        ("In the sea, ta.", "orange fish at sea", "kind=fish color=orange setting=water"),
        ("Cheers, any more?", "orange fish at sea", "kind=fish color=orange setting=water"),
        ("Brilliant, ta very much.", None, ""),
    ],
    "count swap for size": [
        ("give me 3 red houses", "three red houses", "kind=house color=red count=3"),
        ("hmm the number doesnt matter, but make them big", "big red houses", "kind=house color=red size=big"),
        ("no snowy ones", "big red houses", "kind=house color=red size=big !setting=snow"),
        ("and no beach", "big red houses", "kind=house color=red size=big !setting=snow !setting=beach"),
        ("show more", "big red houses", "kind=house color=red size=big !setting=snow !setting=beach"),
    ],
    "curious green cars": [
        ("Hi! What can I search for here?", None, ""),
        ("Oh neat, so colours and stuff. Let me try green cars.", "green cars", "kind=car color=green"),
        ("Can they be in the snow?", "green cars in the snow", "kind=car color=green setting=snow"),
        ("Haha love it. Thanks!", None, ""),
    ],
    "teen emoji flowers": [
        ("omg hi \ud83d\udc95\ud83d\udc95", None, ""),
        ("flowers pleaseee \ud83c\udf38\ud83c\udf38\ud83c\udf38", "flowers", "kind=flower"),
        ("only purple ones bc purple is my fav \ud83d\udc9c\ud83d\udc9c", "purple flowers", "kind=flower color=purple"),
        ("and like tiny ones \ud83e\udd7a", "tiny purple flowers", "kind=flower color=purple size=small"),
        ("ok now make them big lol", "big purple flowers", "kind=flower color=purple size=big"),
        ("ily bot \ud83d\ude2d", None, ""),
    ],
    "retired sailor": [
        (("Good afternoon. I spent 30 years at sea and I'd like to see some boats, if you "
          "have them."), "boats at sea", "kind=boat"),
        ("Proper ones out on the water, please.", "boats in water", "kind=boat setting=water"),
        ("Night scenes. Reminds me of the watch shifts.",
         "boats in water at night", "kind=boat setting=water time=night"),
        ("Show me a few more of those.", "boats in water at night", "kind=boat setting=water time=night"),
        ("Much obliged, shipmate.", None, ""),
    ],
    "snow then lone tree": [
        ("something with snow", "in the snow", "setting=snow"),
        ("hmm houses", "houses in the snow", "setting=snow kind=house"),
        ("no, trees", "trees in the snow", "setting=snow kind=tree"),
        ("with just one tree", "one tree in the snow", "setting=snow kind=tree count=1"),
        ("perfect thank you", None, ""),
    ],
    "not daytime cars": [
        ("cars that are not at day time", "cars", "kind=car !time=day"),
        ("not red", "cars", "kind=car !time=day !color=red"),
        ("only on the street", "cars on a street", "kind=car setting=street !time=day !color=red"),
        ("more plz", "cars on a street", "kind=car setting=street !time=day !color=red"),
    ],
    "homework helper": [
        ("my teacher said find a picture of something in the water", "in water", "setting=water"),
        ("it has to be a fish", "fish in water", "setting=water kind=fish"),
        ("and there has to be only one", "one fish in water", "setting=water kind=fish count=1"),
        ("ok thank you!!!", None, ""),
    ],
    "tired of winter": [
        ("show me trees, but no snow, I'm sick of winter", "trees", "kind=tree !setting=snow"),
        ("and not at the beach either", "trees", "kind=tree !setting=snow !setting=beach"),
        ("Actually, you know, let's just see the ones by the water", "trees in water", "kind=tree setting=water"),
        ("daytime only", "trees in water during the day", "kind=tree setting=water time=day"),
        ("more like the first one please", "trees in water during the day", "kind=tree setting=water time=day"),
    ],
    "day night flipflop": [
        ("Night houses", "houses at night", "kind=house time=night"),
        ("ehh day is better", "houses during the day", "kind=house time=day"),
        ("no no, night after all, sorry!", "houses at night", "kind=house time=night"),
        ("just purple", "purple houses at night", "kind=house time=night color=purple"),
        ("show me more of these", "purple houses at night", "kind=house time=night color=purple"),
    ],
    "museum curator": [
        ("For an exhibit on contrast, I'd like images of red objects in snowy settings.",
         "red in the snow", "color=red setting=snow"),
        ("Specifically, let's focus on cars.", "red cars in the snow", "color=red setting=snow kind=car"),
        ("Might I see the same arrangement with boats in place of cars?",
         "red boats in the snow", "color=red setting=snow kind=boat"),
        ("Then let us revert to the cars; they were more striking.",
         "red cars in the snow", "color=red setting=snow kind=car"),
        ("Splendid. That concludes my search.", None, ""),
    ],
}

"""The second half of those sixty first conversations (tests/dialogs_users.py).

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

USERS_MORE: dict[str, list[tuple[str, str | None, str]]] = {
    "flower negations then blue": [
        ("flowers, not yellow", "kind=flower !color=yellow"),
        ("actually not red either", "kind=flower !color=yellow !color=red"),
        ("you know what, just show blue", "kind=flower color=blue"),
        ("in the grass", "kind=flower color=blue setting=grass"),
    ],
    "query syntax scientist": [
        ("Query: fish, count = 2.", "kind=fish count=2"),
        ("Add constraint: setting water.", "kind=fish count=2 setting=water"),
        ("Negate: color green.", "kind=fish count=2 setting=water !color=green"),
        ("Relax the count constraint.", "kind=fish setting=water !color=green"),
        ("Show next page.", "kind=fish setting=water !color=green"),
    ],
    "numbered similar": [
        ("beach pictures in the daytime", "setting=beach time=day"),
        ("with boats", "setting=beach time=day kind=boat"),
        ("I like #2, give me similar", "setting=beach time=day kind=boat"),
        ("and more like #7 too", "setting=beach time=day kind=boat"),
    ],
    "all caps elder": [
        ("HELLO. I WOULD LIKE TO SEE TREES.", "kind=tree"),
        ("GREEN ONES PLEASE.", "kind=tree color=green"),
        ("THE BIG ONES.", "kind=tree color=green size=big"),
        ("THANK YOU YOUNG MAN.", ""),
    ],
    "rude and quick": [
        ("show me houses. fast.", "kind=house"),
        ("no. not those. red.", "kind=house color=red"),
        ("why are some at night?? only day", "kind=house color=red time=day"),
        ("whatever. more.", "kind=house color=red time=day"),
    ],
    "add and remove": [
        ("yellow stuff in water", "color=yellow setting=water"),
        ("only fish", "color=yellow setting=water kind=fish"),
        ("hmm drop the yellow", "setting=water kind=fish"),
        ("night", "setting=water kind=fish time=night"),
        ("ok now not 3 fish, too crowded", "setting=water kind=fish time=night !count=3"),
    ],
    "poet": [
        ("I dream of a lone tree standing in the snow.", "kind=tree count=1 setting=snow"),
        ("Let it not be green - green is too summery for winter's hush.", "kind=tree count=1 setting=snow !color=green"),
        ("Show me more of this quiet world.", "kind=tree count=1 setting=snow !color=green"),
        ("Thank you, machine of pictures.", ""),
    ],
    "party planner": [
        ("Need fun pics for a kids party invite!! \ud83c\udf89 orange things!!", "color=orange"),
        ("like flowers maybe? \ud83c\udf3c", "color=orange kind=flower"),
        ("ooh 3 of them!", "color=orange kind=flower count=3"),
        ("now same but purple \ud83d\udc9c", "color=purple kind=flower count=3"),
    ],
    "traveler streets": [
        ("Show me street scenes.", "setting=street"),
        ("During the night, if possible.", "setting=street time=night"),
        ("Any houses?", "setting=street time=night kind=house"),
        ("How about cars instead of houses?", "setting=street time=night kind=car"),
        ("Great, more please.", "setting=street time=night kind=car"),
    ],
    "size doesnt matter": [
        ("big boats", "kind=boat size=big"),
        ("wait whatever, show small ones", "kind=boat size=small"),
        ("nvm size doesn't matter", "kind=boat"),
        ("on the beach then", "kind=boat setting=beach"),
    ],
    "two things": [
        ("I want pictures with 2 things in them.", "count=2"),
        ("Let's say fish.", "count=2 kind=fish"),
        ("Not blue, not green.", "count=2 kind=fish !color=blue !color=green"),
        ("Hmm, actually show me single fish instead.", "count=1 kind=fish !color=blue !color=green"),
        ("Ok, enough, thank you.", ""),
    ],
    "lowercase beach trees": [
        ("can i see some trees at the beach", "kind=tree setting=beach"),
        ("only daytime", "kind=tree setting=beach time=day"),
        ("more of those", "kind=tree setting=beach time=day"),
        ("now the same thing but at night", "kind=tree setting=beach time=night"),
    ],
    "grumpy elder": [
        ("I don't like these computer things. Show me a house.", "kind=house"),
        ("Not that ugly purple. Something normal.", "kind=house !color=purple"),
        ("In the country, on the grass, not in the city.", "kind=house setting=grass !color=purple"),
        ("Fine. Goodbye.", ""),
    ],
    "gamer": [
        ("gg ez. show boats lol", "kind=boat"),
        ("just 2 boats per pic", "kind=boat count=2"),
        ("night mode pls", "kind=boat count=2 time=night"),
        ("nerf the blue ones, dont want em", "kind=boat count=2 time=night !color=blue"),
        ("gg ty", ""),
    ],
    "calm blue bedroom": [
        (("I'm decorating a calm blue-themed bedroom. Show me anything blue, but nothing "
          "busy - ideally just one object per picture."), "color=blue count=1"),
        ("Water scenes would fit the theme beautifully.", "color=blue count=1 setting=water"),
        ("Hmm, the boats feel too nautical. Could you leave boats out?", "color=blue count=1 setting=water !kind=boat"),
        ("Lovely, the fourth one is exactly my vibe. Similar ones?", "color=blue count=1 setting=water !kind=boat"),
    ],
    "british fish": [
        ("Could I see some colourful fish? Say, orange.", "kind=fish color=orange"),
        ("In the sea, ta.", "kind=fish color=orange setting=water"),
        ("Cheers, any more?", "kind=fish color=orange setting=water"),
        ("Brilliant, ta very much.", ""),
    ],
    "count swap for size": [
        ("give me 3 red houses", "kind=house color=red count=3"),
        ("hmm the number doesnt matter, but make them big", "kind=house color=red size=big"),
        ("no snowy ones", "kind=house color=red size=big !setting=snow"),
        ("and no beach", "kind=house color=red size=big !setting=snow !setting=beach"),
        ("show more", "kind=house color=red size=big !setting=snow !setting=beach"),
    ],
    "curious green cars": [
        ("Hi! What can I search for here?", ""),
        ("Oh neat, so colours and stuff. Let me try green cars.", "kind=car color=green"),
        ("Can they be in the snow?", "kind=car color=green setting=snow"),
        ("Haha love it. Thanks!", ""),
    ],
    "teen emoji flowers": [
        ("omg hi \ud83d\udc95\ud83d\udc95", ""),
        ("flowers pleaseee \ud83c\udf38\ud83c\udf38\ud83c\udf38", "kind=flower"),
        ("only purple ones bc purple is my fav \ud83d\udc9c\ud83d\udc9c", "kind=flower color=purple"),
        ("and like tiny ones \ud83e\udd7a", "kind=flower color=purple size=small"),
        ("ok now make them big lol", "kind=flower color=purple size=big"),
        ("ily bot \ud83d\ude2d", ""),
    ],
    "retired sailor": [
        ("Hello there. Fetch me pictures of boats at sea, if you would.", "kind=boat setting=water"),
        ("No little dinghies. Proper big vessels.", "kind=boat setting=water size=big"),
        ("Not the yellow ones - looks like a rubber duck.", "kind=boat setting=water size=big !color=yellow"),
        ("Aye, that'll do. Show me a few more.", "kind=boat setting=water size=big !color=yellow"),
    ],
    "snow then lone tree": [
        ("something with snow", "setting=snow"),
        ("hmm houses", "setting=snow kind=house"),
        ("no, trees", "setting=snow kind=tree"),
        ("with just one tree", "setting=snow kind=tree count=1"),
        ("perfect thank you", ""),
    ],
    "not daytime cars": [
        ("cars that are not at day time", "kind=car !time=day"),
        ("not red", "kind=car !time=day !color=red"),
        ("only on the street", "kind=car setting=street !time=day !color=red"),
        ("more plz", "kind=car setting=street !time=day !color=red"),
    ],
    "homework helper": [
        ("my teacher said find a picture of something in the water", "setting=water"),
        ("it has to be a fish", "setting=water kind=fish"),
        ("and there has to be only one", "setting=water kind=fish count=1"),
        ("ok thank you!!!", ""),
    ],
    "tired of winter": [
        ("show me trees, but no snow, I'm sick of winter", "kind=tree !setting=snow"),
        ("and not at the beach either", "kind=tree !setting=snow !setting=beach"),
        ("Actually, you know, let's just see the ones by the water", "kind=tree setting=water"),
        ("daytime only", "kind=tree setting=water time=day"),
        ("more like the first one please", "kind=tree setting=water time=day"),
    ],
    "day night flipflop": [
        ("Night houses", "kind=house time=night"),
        ("ehh day is better", "kind=house time=day"),
        ("no no, night after all, sorry!", "kind=house time=night"),
        ("just purple", "kind=house time=night color=purple"),
        ("show me more of these", "kind=house time=night color=purple"),
    ],
    "museum curator": [
        ("For an exhibit on contrast, I'd like images of red objects in snowy settings.", "color=red setting=snow"),
        ("Specifically, let's focus on cars.", "color=red setting=snow kind=car"),
        ("Might I see the same arrangement with boats in place of cars?", "color=red setting=snow kind=boat"),
        ("Then let us revert to the cars; they were more striking.", "color=red setting=snow kind=car"),
        ("Splendid. That concludes my search.", ""),
    ],
}

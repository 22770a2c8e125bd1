"""First conversations of sixty very different people (a grandmother, children with emoji, a pirate
role-player, a scientist typing query syntax, an impatient user of two-word messages ...).

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

USERS: dict[str, list[tuple[str, str | None, str]]] = {
    "impatient red cars": [
        ("red cars", "kind=car color=red"),
        ("no not at night", "kind=car color=red !time=night"),
        ("more", "kind=car color=red !time=night"),
        ("ugh just big ones", "kind=car color=red size=big !time=night"),
    ],
    "kid fishies": [
        ("hiii \ud83d\udc1f\ud83d\udc1f do u have fishies", "kind=fish"),
        ("purpel ones!!!! \ud83d\udc9c", "kind=fish color=purple"),
        ("3 fishies plz", "kind=fish color=purple count=3"),
        ("yay \ud83d\ude0d more!!", "kind=fish color=purple count=3"),
        ("thank u bot", ""),
    ],
    "slide boat": [
        ("I'm looking for a picture of a boat on the water, ideally at night.", "kind=boat setting=water time=night"),
        ("Hmm, actually daytime would be better for my slide.", "kind=boat setting=water time=day"),
        ("Forget about the water bit - could I get blue boats in the daytime?", "kind=boat color=blue time=day"),
        ("The third one is perfect, anything similar to it?", "kind=boat color=blue time=day"),
    ],
    "what is here": [
        ("what kind of pictures do you have in here?", ""),
        ("ok trees then", "kind=tree"),
        ("in the snow", "kind=tree setting=snow"),
        ("only single trees, not groups", "kind=tree setting=snow count=1"),
        ("cool thanks", ""),
    ],
    "house excluder": [
        ("Show me houses but not red ones, I've seen enough red houses today lol", "kind=house !color=red"),
        ("also no blue", "kind=house !color=red !color=blue"),
        ("and not on the street", "kind=house !color=red !color=blue !setting=street"),
        ("Perfect. Just the small ones now.", "kind=house size=small !color=red !color=blue !setting=street"),
    ],
    "teen whips": [
        ("yo", ""),
        ("got any whips? like cars lol", "kind=car"),
        ("orange ones fr", "kind=car color=orange"),
        ("at nite", "kind=car color=orange time=night"),
        ("nah make it daytime", "kind=car color=orange time=day"),
        ("bet ty", ""),
    ],
    "start over once": [
        ("green trees", "kind=tree color=green"),
        ("two of them", "kind=tree color=green count=2"),
        ("start over please", ""),
        ("yellow boats at the beach", "kind=boat color=yellow setting=beach"),
        ("show me more", "kind=boat color=yellow setting=beach"),
    ],
    "counting worksheet": [
        (("Good afternoon. I am preparing a counting worksheet for my first-grade class and"
          " need images containing exactly three objects."), "count=3"),
        ("Fish would be ideal, as the children love them.", "count=3 kind=fish"),
        ("Please exclude any nighttime images; they are too dark to print.", "count=3 kind=fish !time=night"),
        ("Could you also show me some with two fish instead, for comparison?", "count=2 kind=fish !time=night"),
        ("Excellent, thank you kindly.", ""),
    ],
    "typo heavy": [
        ("shwo me bule flwoers", "kind=flower color=blue"),
        ("smal ones", "kind=flower color=blue size=small"),
        ("not at nigth", "kind=flower color=blue size=small !time=night"),
        ("more pls", "kind=flower color=blue size=small !time=night"),
    ],
    "too big then back": [
        ("big yellow houses", "kind=house color=yellow size=big"),
        ("these are too big actually, smaller?", "kind=house color=yellow size=small"),
        ("hmm, the previous ones were nicer. go back to the big ones", "kind=house color=yellow size=big"),
        ("show more of those", "kind=house color=yellow size=big"),
    ],
    "confused first timer": [
        ("how does this work? do i just type stuff?", ""),
        ("ok. um. flowers i guess?", "kind=flower"),
        ("can they be purple", "kind=flower color=purple"),
        ("oh ok. what about just the big ones", "kind=flower color=purple size=big"),
    ],
    "night photographer": [
        ("Everything at night please. I only want night scenes.", "time=night"),
        ("Streets.", "time=night setting=street"),
        ("Cars.", "time=night setting=street kind=car"),
        ("Not yellow.", "time=night setting=street kind=car !color=yellow"),
        ("Not green either.", "time=night setting=street kind=car !color=yellow !color=green"),
    ],
    "emoji talker": [
        ("\ud83c\udf33 trees pls", "kind=tree"),
        ("\u2744\ufe0f snow ones", "kind=tree setting=snow"),
        ("\ud83c\udf19 at night", "kind=tree setting=snow time=night"),
        ("\ud83d\udc4d more", "kind=tree setting=snow time=night"),
    ],
    "fish color tour": [
        ("blue fish", "kind=fish color=blue"),
        ("try green", "kind=fish color=green"),
        ("orange?", "kind=fish color=orange"),
        ("nah the blue ones were best, back to those", "kind=fish color=blue"),
        ("only the big ones", "kind=fish color=blue size=big"),
    ],
    "car hobbyist": [
        ("Do you have pictures of two purple cars?", "kind=car color=purple count=2"),
        ("Doesn't have to be purple actually, but I need them in the daytime.", "kind=car count=2 time=day"),
        ("Not on the beach, cars on sand look weird.", "kind=car count=2 time=day !setting=beach"),
        ("Show me more", "kind=car count=2 time=day !setting=beach"),
    ],
    "real estate formal": [
        (("Greetings. I require images of houses in a street setting for a real-estate "
          "presentation."), "kind=house setting=street"),
        ("Daytime only, please.", "kind=house setting=street time=day"),
        ("Kindly exclude any purple or orange houses.", "kind=house setting=street time=day !color=purple !color=orange"),
        ("That will suffice. Thank you.", ""),
    ],
    "pirate": [
        ("Ahoy matey! Show me ships! \ud83c\udff4\u200d\u2620\ufe0f", "kind=boat"),
        ("On the open water, arr!", "kind=boat setting=water"),
        ("Only by moonlight!", "kind=boat setting=water time=night"),
        ("Arr, no red ships, red be bad luck", "kind=boat setting=water time=night !color=red"),
        ("Yo ho, more!", "kind=boat setting=water time=night !color=red"),
    ],
    "tree counts": [
        ("trees", "kind=tree"),
        ("how about 2 trees", "kind=tree count=2"),
        ("now 3 trees", "kind=tree count=3"),
        ("ok the ones with two were better, go back", "kind=tree count=2"),
        ("on a beach", "kind=tree count=2 setting=beach"),
    ],
    "winter lover": [
        ("Anything snowy! \u2744\ufe0f\u2603\ufe0f", "setting=snow"),
        ("love it. houses in the snow?", "setting=snow kind=house"),
        ("cozy night ones \ud83e\udd70", "setting=snow kind=house time=night"),
        ("ooh the 5th one is adorable, more like it pls", "setting=snow kind=house time=night"),
        ("thank youuu", ""),
    ],
    "one word user": [
        ("boats", "kind=boat"),
        ("yellow", "kind=boat color=yellow"),
        ("beach", "kind=boat color=yellow setting=beach"),
        ("more", "kind=boat color=yellow setting=beach"),
        ("thanks", ""),
    ],
    "language learner car": [
        ("Hello, I want see picture of car which is green color.", "kind=car color=green"),
        ("Is possible only small car?", "kind=car color=green size=small"),
        ("No, sorry, I mean big car, not small.", "kind=car color=green size=big"),
        ("Thank you very much for your help.", ""),
    ],
    "purple kind switcher": [
        ("purple flowers", "kind=flower color=purple"),
        ("actually make that purple trees", "kind=tree color=purple"),
        ("hmm no, houses", "kind=house color=purple"),
        ("ok fine, back to the flowers", "kind=flower color=purple"),
        ("at the beach", "kind=flower color=purple setting=beach"),
    ],
    "dad joke fish": [
        ("Do you have any fish? I promise I won't be koi about it \ud83d\ude04", "kind=fish"),
        ("Something a bit more... red? \ud83d\udc20", "kind=fish color=red"),
        ("Perfect. Now show me some swimming in water, obviously.", "kind=fish color=red setting=water"),
        ("Ha, number 3 looks like my neighbour's pond. More like that please!", "kind=fish color=red setting=water"),
    ],
    "not not not": [
        ("not cars", "!kind=car"),
        ("not boats either", "!kind=car !kind=boat"),
        ("at night", "time=night !kind=car !kind=boat"),
        ("ugh also not houses", "time=night !kind=car !kind=boat !kind=house"),
        ("more", "time=night !kind=car !kind=boat !kind=house"),
    ],
    "minimalist designer": [
        ("I need a minimalist image: a single small object, any kind.", "count=1 size=small"),
        ("Let's go with a tree.", "count=1 size=small kind=tree"),
        ("Exclude snow and water backgrounds please.", "count=1 size=small kind=tree !setting=snow !setting=water"),
        ("Can I see more options?", "count=1 size=small kind=tree !setting=snow !setting=water"),
        ("Actually two trees could work too, show me those instead.", "count=2 size=small kind=tree !setting=snow !setting=water"),
    ],
    "bored student": [
        ("idk show me something blue", "color=blue"),
        ("eh. boats i guess", "color=blue kind=boat"),
        ("boring. what about at night", "color=blue kind=boat time=night"),
        ("ok these r kinda cool ngl. more?", "color=blue kind=boat time=night"),
    ],
    "restart mid way": [
        ("Can you find me orange cars on the beach?", "kind=car color=orange setting=beach"),
        ("hmm not quite. let's start fresh", ""),
        ("green houses at night", "kind=house color=green time=night"),
        ("yeah those. not the tiny ones tho", "kind=house color=green time=night !size=small"),
        ("thx!", ""),
    ],
}

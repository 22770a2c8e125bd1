"""Fifty more first conversations (a nurse on her phone, a retired sailor, a teacher, a sarcastic user, someone
typing in capitals, someone who keeps changing their mind); the set measured before the planner saw
it: 0.904 precision@8, see bench/RESULTS.md.

Same format as tests/dialogs.py: (message, wanted attributes).
"""

from __future__ import annotations

PEOPLE: dict[str, list[tuple[str, str | None, str]]] = {
    "old sailor": [
        (("Good afternoon. I spent 30 years at sea and I'd like to see some boats, if you "
          "have them."), "kind=boat"),
        ("Proper ones out on the water, please.", "kind=boat setting=water"),
        ("Night scenes. Reminds me of the watch shifts.", "kind=boat setting=water time=night"),
        ("Show me a few more of those.", "kind=boat setting=water time=night"),
        ("Much obliged, shipmate.", ""),
    ],
    "ten year old fish fan": [
        ("hi!!!", ""),
        ("do u have fishes", "kind=fish"),
        ("purple ones!!!", "kind=fish color=purple"),
        ("3 fish", "kind=fish color=purple count=3"),
        ("moreee", "kind=fish color=purple count=3"),
    ],
    "marketing intern": [
        ("Hey! Working on a spring campaign mockup - could you pull up flowers in yellow?", "kind=flower color=yellow"),
        ("Ideally big, hero-shot style.", "kind=flower color=yellow size=big"),
        ("Hmm, yellow's a bit loud for our brand palette. Swap to orange?", "kind=flower color=orange size=big"),
        ("Love #2, anything similar?", "kind=flower color=orange size=big"),
        ("Perfect, thanks so much!", ""),
    ],
    "first grade teacher": [
        (("I'm making a counting worksheet for my first graders. Can you show me pictures "
          "with exactly two trees?"), "kind=tree count=2"),
        ("Now the same thing but with three trees.", "kind=tree count=3"),
        ("Now switch to houses instead of trees, still three of them.", "kind=house count=3"),
        ("Could they be in the snow? It's a winter-themed unit.", "kind=house count=3 setting=snow"),
    ],
    "second language boat": [
        ("hello, I search picture of boat small", "kind=boat size=small"),
        ("is possible the color blue?", "kind=boat size=small color=blue"),
        ("no no, I am wrong, I want the big boat", "kind=boat size=big color=blue"),
        ("thank you very much for help", ""),
    ],
    "sarcastic house": [
        ("oh great, another AI. fine. show me a house I guess", "kind=house"),
        (("wow, riveting. how about a house that isn't in the snow, since apparently that's"
          " all anyone draws"), "kind=house !setting=snow"),
        ("and not at night either, I'd like to actually see it", "kind=house !setting=snow !time=night"),
        ("green. make it green. shock me.", "kind=house color=green !setting=snow !time=night"),
        ("fine. thanks, I suppose.", ""),
    ],
    "two word texter": [
        ("yellow cars", "kind=car color=yellow"),
        ("snowy ones", "kind=car color=yellow setting=snow"),
        ("not yellow", "kind=car setting=snow !color=yellow"),
        ("more please", "kind=car setting=snow !color=yellow"),
    ],
    "keeps changing mind": [
        ("show me a tree", "kind=tree"),
        ("actually a flower", "kind=flower"),
        ("hmm no, go back to trees", "kind=tree"),
        ("orange trees", "kind=tree color=orange"),
        ("wait, make it fish instead, keep the orange", "kind=fish color=orange"),
        ("ugh, no. orange trees was right.", "kind=tree color=orange"),
    ],
    "graphic designer": [
        ("Looking for a single car, nothing busy.", "kind=car count=1"),
        ("Street background.", "kind=car count=1 setting=street"),
        ("Exclude the night shots.", "kind=car count=1 setting=street !time=night"),
        ("More like number 4.", "kind=car count=1 setting=street !time=night"),
    ],
    "bedtime story dad": [
        ("my daughter wants to see fish at night for her bedtime story lol", "kind=fish time=night"),
        ("she says blue ones", "kind=fish time=night color=blue"),
        ("now she wants the same but in the daytime", "kind=fish time=day color=blue"),
        ("ok she's asleep, thanks", ""),
    ],
    "scrap it restart": [
        ("big trees", "kind=tree size=big"),
        ("on grass", "kind=tree size=big setting=grass"),
        ("scrap all that, let's start over", ""),
        ("small boats", "kind=boat size=small"),
        ("more of these", "kind=boat size=small"),
    ],
    "gardener dainty": [
        ("Do you have flowers growing in grass?", "kind=flower setting=grass"),
        ("I'm partial to purple ones.", "kind=flower setting=grass color=purple"),
        ("Forget the grass bit, any setting is fine, but I'd rather have the dainty little ones.", "kind=flower color=purple size=small"),
        ("Lovely. More like the first one?", "kind=flower color=purple size=small"),
    ],
    "gamer teen": [
        ("yo show me cars", "kind=car"),
        ("night cars only, looks sick", "kind=car time=night"),
        ("no red ones those are mid", "kind=car time=night !color=red"),
        ("nvm reds fine", "kind=car time=night"),
        ("gimme more", "kind=car time=night"),
    ],
    "real estate agent": [
        ("I need imagery of houses for a listing flyer. Daytime only.", "kind=house time=day"),
        ("Two houses side by side would work best.", "kind=house time=day count=2"),
        ("Hmm, actually one house is cleaner. Swap that.", "kind=house time=day count=1"),
        ("Can I see more like the second result?", "kind=house time=day count=1"),
        ("Great, that's all for now.", ""),
    ],
    "biologist detour": [
        ("fish, water habitat obviously", "kind=fish setting=water"),
        ("groups of three if you have them", "kind=fish setting=water count=3"),
        ("ha, what if the three fish were on a street instead of water? show me that", "kind=fish count=3 setting=street"),
        ("lol ok, back to water", "kind=fish count=3 setting=water"),
    ],
    "interior decorator": [
        ("Something calming for a bedroom print - blue fish, maybe?", "kind=fish color=blue"),
        ("Just one fish, not a crowd.", "kind=fish color=blue count=1"),
        ("Anything but water backgrounds, I want something unexpected.", "kind=fish color=blue count=1 !setting=water"),
        ("Show me more options.", "kind=fish color=blue count=1 !setting=water"),
    ],
    "spanish speaker": [
        ("hola! I want see red flowers please", "kind=flower color=red"),
        ("in the beach", "kind=flower color=red setting=beach"),
        ("muy bien, more please", "kind=flower color=red setting=beach"),
        ("gracias!", ""),
    ],
    "dad with car kid": [
        ("show cars for my son, he loves them", "kind=car"),
        ("the big ones", "kind=car size=big"),
        ("he wants three cars in the picture", "kind=car size=big count=3"),
        ("he wants more like the 1st one", "kind=car size=big count=3"),
    ],
    "winter reporter": [
        ("Do you have any snow scenes?", "setting=snow"),
        ("Specifically houses in snow at night - cozy vibe.", "kind=house setting=snow time=night"),
        ("Drop the houses; show me whatever's in the snow at night.", "setting=snow time=night"),
        ("No cars though.", "setting=snow time=night !kind=car"),
    ],
    "back to green boats": [
        ("green boats", "kind=boat color=green"),
        ("new search: trees on the beach", "kind=tree setting=beach"),
        ("nah. go back to the green boats from before", "kind=boat color=green"),
        ("small ones", "kind=boat color=green size=small"),
    ],
    "art class purple": [
        ("For a color lesson I want pictures that are all purple. Any objects.", "color=purple"),
        ("Only one object per picture so the kids don't get confused.", "color=purple count=1"),
        ("No fish please, one of my students is scared of them.", "color=purple count=1 !kind=fish"),
        ("Can you show me more?", "color=purple count=1 !kind=fish"),
    ],
    "fisherman": [
        ("got pics of fish?", "kind=fish"),
        ("big ones only", "kind=fish size=big"),
        ("yellow would be nice", "kind=fish size=big color=yellow"),
        ("how about more like the 2nd", "kind=fish size=big color=yellow"),
        ("cheers", ""),
    ],
    "lonely poet": [
        ("I'm writing a poem about loneliness. Show me a lone tree in the snow.", "kind=tree count=1 setting=snow"),
        ("Nothing in daylight.", "kind=tree count=1 setting=snow !time=day"),
        ("Not green - green feels too alive.", "kind=tree count=1 setting=snow !time=day !color=green"),
        ("Yes. More of these.", "kind=tree count=1 setting=snow !time=day !color=green"),
    ],
    "seven year old": [
        ("can i see a boat", "kind=boat"),
        ("a red one", "kind=boat color=red"),
        ("now a fish thats red", "kind=fish color=red"),
        ("now a green fish", "kind=fish color=green"),
        ("bye", ""),
    ],
    "data analyst syntax": [
        ("kind: car, color: blue", "kind=car color=blue"),
        ("add: time = night", "kind=car color=blue time=night"),
        ("remove color filter", "kind=car time=night"),
        ("add exclusion: setting = street", "kind=car time=night !setting=street"),
    ],
    "nervous first timer": [
        ("um hi, not sure how this works. can I just type what I want?", ""),
        ("ok... maybe some houses by the beach?", "kind=house setting=beach"),
        ("oh cool it works. could they be orange?", "kind=house setting=beach color=orange"),
        ("sorry, I meant yellow, not orange", "kind=house setting=beach color=yellow"),
        ("thanks!", ""),
    ],
    "aquarium shop": [
        ("Need fish images for an aquarium shop site. No single fish, groups look better.", "kind=fish !count=1"),
        ("In water, obviously.", "kind=fish setting=water !count=1"),
        ("Colorful ones - let's say orange.", "kind=fish setting=water color=orange !count=1"),
        ("More like #5 please.", "kind=fish setting=water color=orange !count=1"),
    ],
    "road trip then reset": [
        ("cars on the street at night", "kind=car setting=street time=night"),
        ("hmm, actually daytime", "kind=car setting=street time=day"),
        ("what about on snow instead of the street", "kind=car setting=snow time=day"),
        ("ok start over", ""),
        ("houses at night", "kind=house time=night"),
    ],
    "grumpy big trees": [
        ("Why is everything so small. Show me BIG trees.", "kind=tree size=big"),
        ("No, not yellow. I hate yellow.", "kind=tree size=big !color=yellow"),
        ("And not orange either.", "kind=tree size=big !color=yellow !color=orange"),
        ("Fine. More.", "kind=tree size=big !color=yellow !color=orange"),
    ],
    "beach minus boats": [
        ("show me anything at the beach", "setting=beach"),
        ("but no boats", "setting=beach !kind=boat"),
        ("and no fish either", "setting=beach !kind=boat !kind=fish"),
        ("only daytime", "setting=beach time=day !kind=boat !kind=fish"),
        ("more of those", "setting=beach time=day !kind=boat !kind=fish"),
    ],
    "night shift worker": [
        ("anything at night thats purple", "color=purple time=night"),
        ("flowers", "kind=flower color=purple time=night"),
        ("more like no. 3", "kind=flower color=purple time=night"),
        ("ok done", ""),
    ],
    "board game tiles": [
        ("I'm designing a board game and need tiles: small red houses.", "kind=house size=small color=red"),
        ("Now the same but blue for player two.", "kind=house size=small color=blue"),
        ("Player three is green.", "kind=house size=small color=green"),
        ("And player four is yellow.", "kind=house size=small color=yellow"),
    ],
    "meme fish": [
        ("fish on the street. don't ask.", "kind=fish setting=street"),
        ("at night for extra drama", "kind=fish setting=street time=night"),
        ("more cursed fish please", "kind=fish setting=street time=night"),
        ("10/10 thanks", ""),
    ],
    "not green trees": [
        ("trees. green. obviously.", "kind=tree color=green"),
        ("ok, not 'obviously'. show me trees that are NOT green", "kind=tree !color=green"),
        ("on snow", "kind=tree setting=snow !color=green"),
        ("more", "kind=tree setting=snow !color=green"),
    ],
    "asks what exists": [
        ("what kinds of pictures do you have?", ""),
        ("ok show me flowers then", "kind=flower"),
        ("only the ones with 2 flowers", "kind=flower count=2"),
        ("make it 1 instead", "kind=flower count=1"),
        ("similar to the fourth one please", "kind=flower count=1"),
    ],
    "travel blogger": [
        ("Looking for a dreamy beach shot with a boat, daytime.", "kind=boat setting=beach time=day"),
        ("Ooh, can we try it at night instead?", "kind=boat setting=beach time=night"),
        ("Hmm, I liked day better. Back to day.", "kind=boat setting=beach time=day"),
        ("Not red, that clashes with my theme.", "kind=boat setting=beach time=day !color=red"),
        ("Gorgeous - more like the first one!", "kind=boat setting=beach time=day !color=red"),
    ],
    "attention researcher": [
        (("Hello, I'm a researcher studying visual attention and I need stimulus images for"
          " a pilot experiment. For the first condition, I need images containing exactly "
          "three objects, and I'd prefer them to be small so the display isn't cluttered. "
          "The object type doesn't matter at this stage."), "count=3 size=small"),
        (("Thank you. For the second condition I need the same constraints but restricted "
          "to cars only."), "kind=car count=3 size=small"),
        ("And a control condition: the same, but with a single car instead of three.", "kind=car count=1 size=small"),
        ("Could you show more images for that control condition?", "kind=car count=1 size=small"),
    ],
    "all caps": [
        ("SHOW ME BLUE FLOWERS", "kind=flower color=blue"),
        ("IN THE WATER", "kind=flower color=blue setting=water"),
        ("NO WAIT SNOW", "kind=flower color=blue setting=snow"),
        ("THANK YOU", ""),
    ],
    "boats meant cars": [
        ("two boats pls", "kind=boat count=2"),
        ("sorry i meant two cars", "kind=car count=2"),
        ("on the beach", "kind=car count=2 setting=beach"),
        ("actually leave out the beach part", "kind=car count=2"),
        ("and not purple", "kind=car count=2 !color=purple"),
    ],
    "seafood menu": [
        ("We're a seafood place redoing our menu - any fish pictures?", "kind=fish"),
        ("Something in the water, daytime.", "kind=fish setting=water time=day"),
        ("Can we rule out green and purple? Doesn't look appetizing.", "kind=fish setting=water time=day !color=green !color=purple"),
        ("More like the second one.", "kind=fish setting=water time=day !color=green !color=purple"),
    ],
    "street without cars": [
        ("I want to see stuff on the street that isn't cars", "setting=street !kind=car"),
        ("daytime only", "setting=street time=day !kind=car"),
        ("also no houses", "setting=street time=day !kind=car !kind=house"),
        ("let's see more", "setting=street time=day !kind=car !kind=house"),
    ],
}

"""FOURTH HELD-OUT open-vocabulary dialogs: what a person wants each turn of a photo-library chat to search.

Written blind: without reading the planner's code (nothing under bot/ was opened) and without looking at what
any planner printed for these turns, in domains the development table (tests/dialogs_open.py) and the first three
held-out tables (tests/heldout_open.py, tests/heldout_open2.py, tests/heldout_open3.py) do not cover: zoo
visits, moving house, snow days, beach clean-ups, fishing trips, newborns and the hospital, street food, rainy
city walks, cycling tours, ski trips, text in pictures (signs, receipts, menus, notes), grandparents'
birthdays, camping, cooking at home, farmers' markets, dance recitals, kites, outfits, rock collections,
volunteering and karaoke; styles: terse and one-word follow-ups, rambling voice-typed run-ons, non-native
English, typos, emoji, polite questions, refining follow-ups ("only the ones at night"), exclusions ("without
the car", "no people"), swaps ("the fried ones instead"), corrections ("sorry I meant skiing"), references to
results ("more like the third one"), date, place and camera filters, and restarts ("ok new search: ...").
No planner rule may be written for these dialogs: they measure generalisation.  Each spec states what the person
asked for, judged as a careful human would, never what any planner printed.

``HELDOUT_OPEN4`` maps ``"<theme>: <title>"`` to turns ``(message, spec)`` in the spec language of
``tests/dialogs_open.py`` (judged by ``tests/wants.py``): ``+word`` the phrase (or the text looked for in the
picture) says it (lemma match; ``+a_b`` a contiguous run), ``!word`` it must not, ``-word`` a negative says it,
exactly one ``@action``, ``~taken`` / ``~place`` / ``~camera`` a filter of that kind is set (places: Paris,
Tokyo, Rome, New York, London, Barcelona, Lisbon, Kyoto; cameras: iPhone, Pixel, Canon, GoPro).
"""

HELDOUT_OPEN4: dict[str, list[tuple[str, str]]] = {
    # ------------------------------------------------------------------ zoo visits
    "zoo: giraffe feeding": [
        ("the kids feeding the giraffes at the zoo", "+kid +feed +giraffe @new"),
        ("only the ones where the giraffe's tongue is out", "+giraffe +tongue @refine"),
        ("more like the third one", "@more_like"),
    ],
    "zoo: penguins, then sea lions": [
        ("penguins at the zoo", "+penguin +zoo @new"),
        ("what about the sea lions instead", "+sea_lion !penguin @refine"),
    ],
    "zoo: lion, terse": [
        ("lion", "+lion @new"),
        ("sleeping", "+lion +sleep @refine"),
        ("no fence", "+lion -fence @exclude"),
    ],
    "zoo: gorilla, non-native": [
        ("i search the photo of big gorilla who is sitting behind glass", "+gorilla +sit +glass !search !photo @new"),
        ("from the trip in tokyo", "+gorilla ~place @filter"),
    ],
    # ------------------------------------------------------------------ moving house
    "moving: boxes in the empty room": [
        ("all the moving boxes stacked in the empty living room", "+box +empty +living_room @new"),
        ("the ones with the cat sitting in a box", "+cat +box @refine"),
    ],
    "moving: sofa down the stairs, voice-typed": [
        ("okay so um we moved flats last spring and my brother helped load the van can you find the ones of him "
         "carrying the sofa down the stairs", "+brother +carry +sofa +stair ~taken !um !you !we @new"),
        ("and the one of the empty van after", "+empty +van !sofa @new"),
    ],
    "moving: keys to the new house": [
        ("getting the keys to our new house", "+key +house !our @new"),
        ("us standing by the front door with the sold sign", "+door +sold +sign !us @refine"),
    ],
    "moving: the old flat, exclude": [
        ("the old flat all empty before we handed it back", "+empty +flat !we !it @new"),
        ("without the boxes", "+flat -box @exclude"),
    ],
    # ------------------------------------------------------------------ snow days
    "snowday: snowman": [
        ("the snowman the kids built in the garden", "+snowman +kid @new"),
        ("with the carrot nose", "+snowman +carrot @refine"),
        ("from last winter", "+snowman ~taken @filter"),
    ],
    "snowday: sledging, typos": [
        ("sledgin down the hil with the dog", "+sledge +hill +dog @new"),
        ("the one were he falls off lol", "+fall !lol @refine"),
    ],
    "snowday: icicles, terse": [
        ("icicles", "+icicle @new"),
        ("on the gutter", "+icicle +gutter @refine"),
        ("next", "@show_more"),
    ],
    "snowday: snowball fight, emoji": [
        ("snowball fight ❄️⛄", "+snowball_fight @new"),
        ("the ones with grandpa 😂", "+snowball_fight +grandpa @refine"),
    ],
    # ------------------------------------------------------------------ beach clean-ups
    "beachclean: bags of plastic": [
        ("the beach clean up, all the bin bags full of plastic we collected", "+beach +bag +plastic !we @new"),
        ("just the group photo at the end", "+group @refine"),
    ],
    "beachclean: fishing net": [
        ("tangled fishing net washed up on the sand", "+tangled +net +sand @new"),
        ("no people in it", "+net -people @exclude"),
    ],
    "beachclean: polite, barcelona": [
        ("Would you be able to find the pictures from the beach clean-up in Barcelona, please?",
         "+beach ~place !please !picture !you @new"),
        ("Thank you! Are there any of the children with the litter pickers?",
         "+child +litter_picker !thank @refine"),
    ],
    # ------------------------------------------------------------------ fishing trips
    "fishing: rainbow trout": [
        ("the rainbow trout dad caught on the river", "+rainbow_trout +river @new"),
        ("him holding it up by the net", "+trout +hold +net !him !it @refine"),
    ],
    "fishing: ice fishing": [
        ("ice fishing hole on the frozen lake", "+ice_fishing +hole +frozen_lake @new"),
        ("with the little tent", "+ice_fishing +tent @refine"),
    ],
    "fishing: pier at dawn": [
        ("fishing off the pier at dawn", "+fishing +pier +dawn @new"),
        ("on the gopro", "+pier ~camera @filter"),
        ("more", "@show_more"),
    ],
    "fishing: tackle box, correction": [
        ("my tackle box with all the lures", "+tackle_box +lure !my @new"),
        ("no I meant the fly box, with the feathers", "+fly_box +feather !tackle @refine"),
    ],
    # ------------------------------------------------------------------ newborns and the hospital
    "newborn: hospital cot": [
        ("our newborn in the hospital cot", "+newborn +hospital +cot !our @new"),
        ("the one with the name tag on her ankle", "+newborn +name_tag +ankle !her @refine"),
    ],
    "newborn: big sister": [
        ("big sister holding the baby for the first time", "+sister +hold +baby @new"),
        ("black and white ones", "+sister +baby +black_and_white @refine"),
    ],
    "newborn: tiny feet, terse": [
        ("tiny feet", "+tiny +foot @new"),
        ("in dads hand", "+foot +hand @refine"),
    ],
    "newborn: going home, non-native": [
        ("photo when we bring baby home from hospital in the car seat", "+baby +car_seat !photo !we @new"),
        ("please more like first one", "@more_like"),
    ],
    # ------------------------------------------------------------------ street food
    "streetfood: food truck tacos": [
        ("tacos from the food truck", "+taco +food_truck @new"),
        ("the al pastor ones with pineapple", "+taco +al_pastor +pineapple @refine"),
    ],
    "streetfood: night market": [
        ("night market stalls in taipei with all the steam", "+night_market +stall +taipei +steam @new"),
        ("the stinky tofu one lol", "+stinky_tofu !lol @refine"),
    ],
    "streetfood: churros, emoji": [
        ("churros 🤤 in barcelona", "+churro ~place @new"),
        ("dipped in chocolate", "+churro +chocolate @refine"),
    ],
    "streetfood: kebab at 2am, rambling": [
        ("there was this kebab place near the station we went to at like 2am after the gig and I took a picture "
         "of the giant meat thing spinning, find that", "+kebab !we !i !picture !find @new"),
    ],
    "streetfood: dumplings, swap": [
        ("steamed dumplings at the street stall", "+steamed +dumpling +stall @new"),
        ("the fried ones instead", "+fried +dumpling !steamed @refine"),
    ],
    # ------------------------------------------------------------------ rainy city walks
    "rain: umbrellas": [
        ("colourful umbrellas in the rain", "+umbrella +rain @new"),
        ("only the red one", "+red +umbrella @refine"),
        ("in london", "+umbrella ~place @filter"),
    ],
    "rain: puddle reflections": [
        ("reflections in puddles at night", "+reflection +puddle +night @new"),
        ("without cars", "+puddle -car @exclude"),
    ],
    "rain: wet cobbles, non-native": [
        ("the street with wet stones after the rain, was in lisbon i think", "+street +wet ~place !think @new"),
        ("also the tram in it?", "+tram !it @refine"),
    ],
    "rain: raindrops on the window": [
        ("raindrops on the cafe window", "+raindrop +window @new"),
        ("with the blurry street behind", "+raindrop +blurry +street @refine"),
    ],
    # ------------------------------------------------------------------ cycling tours
    "cycling: loaded bikes": [
        ("our bikes loaded with panniers on the tour", "+bike +pannier !our @new"),
        ("on the gravel road by the vineyards", "+bike +gravel +vineyard @refine"),
        ("more like the second", "@more_like"),
    ],
    "cycling: mountain pass": [
        ("me at the top of the mountain pass with my bike", "+mountain_pass +bike !my @new"),
        ("the sign with the altitude", "+sign +altitude @refine"),
    ],
    "cycling: puncture, typos": [
        ("fixign a puncture by the road side", "+fix +puncture @new"),
        ("from the tour in 2024", "+puncture ~taken @filter"),
    ],
    "cycling: tour de france": [
        ("the tour de france riders going past", "+tour_de_france +rider @new"),
        ("the yellow jersey", "+yellow_jersey @refine"),
    ],
    # ------------------------------------------------------------------ ski trips
    "ski: chairlift": [
        ("view from the chairlift", "+chairlift @new"),
        ("foggy ones", "+chairlift +foggy @refine"),
    ],
    "ski: apres ski": [
        ("apres ski drinks in the hut", "+apres_ski +hut @new"),
        ("no selfies", "+apres_ski -selfie @exclude"),
    ],
    "ski: kids' lesson, rambling": [
        ("the kids ski lesson where they all lined up in the little orange bibs in a row like ducklings",
         "+kid +ski_lesson +orange +bib !they @new"),
        ("last february", "+ski_lesson ~taken @filter"),
    ],
    "ski: powder, correction": [
        ("snowboarding in deep powder", "+snowboard +powder @new"),
        ("sorry I meant skiing not snowboarding", "+ski +powder !snowboard !sorry @refine"),
    ],
    # ------------------------------------------------------------------ text in pictures
    "signs: receipt total": [
        ("the receipt that says total 42 euros", "+receipt +42 @new"),
        ("the crumpled one from the bar", "+receipt +crumpled +bar @refine"),
    ],
    "signs: welcome to scotland": [
        ("road sign that says welcome to scotland", "+road_sign +scotland @new"),
        ("with the sheep next to it", "+sign +sheep !it @refine"),
    ],
    "signs: chalkboard menu": [
        ("the chalkboard menu outside the cafe", "+chalkboard +menu +cafe @new"),
        ("the one that says soup of the day", "+menu +soup_of_the_day @refine"),
    ],
    "signs: boulangerie, filter": [
        ("the old shop sign that said boulangerie", "+sign +boulangerie @new"),
        ("in paris", "+boulangerie ~place @filter"),
    ],
    "signs: fridge note, typos": [
        ("the note on the fridge that says dont forget the milk", "+note +fridge +milk @new"),
    ],
    # ------------------------------------------------------------------ grandparents' birthdays
    "grandparents: 80th cake": [
        ("grandpa blowing out the candles on his 80th birthday cake", "+grandpa +blow +candle +cake !his @new"),
        ("the one where grandma is helping", "+grandma +cake @refine"),
    ],
    "grandparents: nana's surprise party": [
        ("nana's surprise 90th party at the garden centre cafe", "+nana +surprise +party @new"),
        ("with the balloons that spell 90", "+balloon +90 @refine"),
    ],
    "grandparents: card, non-native": [
        ("the card what the children make for grandfather birthday", "+card +child +grandfather +birthday @new"),
        ("only where he is reading it", "+card +read !he !it @refine"),
    ],
    "grandparents: birthday dinner, date": [
        ("granny's birthday dinner at the italian restaurant", "+granny +birthday +dinner +restaurant @new"),
        ("two years ago", "+restaurant ~taken @filter"),
    ],
    # ------------------------------------------------------------------ camping
    "camping: hammock": [
        ("hammock between two pine trees", "+hammock +pine @new"),
        ("with the lake behind", "+hammock +lake @refine"),
    ],
    "camping: camp stove": [
        ("making coffee on the camp stove", "+coffee +camp_stove @new"),
        ("the morning ones", "+camp_stove +morning @refine"),
    ],
    "camping: tent in the rain, exclude": [
        ("the tent pitched in the pouring rain", "+tent +rain @new"),
        ("without the car", "+tent -car @exclude"),
    ],
    "camping: stars, emoji": [
        ("⛺ + stars ✨", "+tent +star @new"),
        ("thx", "@none"),
    ],
    # ------------------------------------------------------------------ cooking at home
    "cooking: pierogi with mum": [
        ("folding pierogi with mum at the kitchen table", "+pierogi +mum +kitchen_table @new"),
        ("just the tray of finished ones", "+pierogi +tray @refine"),
    ],
    "cooking: curry, typos": [
        ("the chikcen curry i made lst night", "+chicken +curry ~taken !i @new"),
        ("with the naan", "+curry +naan @refine"),
    ],
    "cooking: sunday roast": [
        ("sunday roast on the table", "+roast +table @new"),
        ("what about the yorkshire puddings", "+yorkshire_pudding @refine"),
    ],
    "cooking: fresh pasta, polite": [
        ("Hi! Could you please show me the photos of the fresh pasta I made from scratch?",
         "+fresh +pasta !hi !please !show !photo !i !you @new"),
        ("The ones drying on the rack, if possible.", "+pasta +dry +rack !possible @refine"),
    ],
    # ------------------------------------------------------------------ markets, dance, kites, outfits
    "market: farmers' market": [
        ("farmers market stall with heirloom tomatoes", "+farmer +market +tomato @new"),
        ("the honey stand", "+honey @refine"),
    ],
    "dance: ballet recital": [
        ("my daughter's ballet recital on stage", "+ballet +recital +stage !my @new"),
        ("the bow at the end", "+ballet +bow @refine"),
        ("only the ones from the canon", "+ballet ~camera @filter"),
    ],
    "kites: dragon kite": [
        ("flying the dragon kite on the beach", "+dragon +kite +beach @new"),
        ("when it got stuck in the tree lol", "+kite +stuck +tree !lol !it @refine"),
    ],
    "ootd: mirror selfies": [
        ("my outfit of the day mirror selfies", "+outfit +mirror +selfie !my @new"),
        ("the green dress", "+green +dress @refine"),
        ("not the ones in the lift", "+dress -lift @exclude"),
    ],
    "geology: rock collection": [
        ("the rock collection on the windowsill", "+rock +windowsill @new"),
        ("the amethyst", "+amethyst @refine"),
    ],
    "volunteer: food bank": [
        ("volunteering at the food bank sorting tins", "+food_bank +tin @new"),
        ("the group in the matching t shirts", "+group +shirt @refine"),
    ],
    "karaoke: duet": [
        ("karaoke night, the two of us singing into the same mic", "+karaoke +sing +mic !us @new"),
        ("only the ones from tokyo", "+karaoke ~place @filter"),
    ],
    # ------------------------------------------------------------------ restarts and one-word follow-ups
    "restart: ok new search": [
        ("zebra crossing in the rain", "+zebra_crossing +rain @new"),
        ("ok new search: the red phone box", "+red +phone_box !zebra !search @new"),
    ],
    "restart: start over, then the harbour": [
        ("fireworks over the harbour", "+firework +harbour @new"),
        ("start over", "@reset"),
        ("seagull stealing chips", "+seagull +chip !firework @new"),
    ],
    "oneword: ferris wheel": [
        ("ferris wheel at the fair", "+ferris_wheel +fair @new"),
        ("night", "+ferris_wheel +night @refine"),
        ("iphone", "+ferris_wheel ~camera @filter"),
    ],
    "oneword: lighthouse keeper's cottage": [
        ("the whitewashed cottage by the lighthouse", "+cottage +lighthouse @new"),
        ("sunset", "+cottage +sunset @refine"),
        ("more", "@show_more"),
    ],
}

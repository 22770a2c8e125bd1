"""THIRD HELD-OUT open-vocabulary dialogs: what a person wants each turn of a photo-library chat to search.

Written without reading the planner's code (nothing under bot/ was opened) and without looking at what any
planner printed for these turns, in domains and styles the development table (tests/dialogs_open.py) and the
first two held-out tables (tests/heldout_open.py, tests/heldout_open2.py) do not cover: weddings abroad, hiking
gear, the home office, aquariums, baking fails, murals and graffiti, festivals, farm animals, road trips, baby
milestones, thrift finds, board games, the night sky, construction progress, insurance evidence, lost and
found, old scanned prints; styles: very terse, rambling, non-native English, emoji, voice-typed run-ons, polite
questions, refining follow-ups, negations ("no people"), swaps ("what about the ducks"), corrections ("I meant
the blue one") and restarts.  No planner rule may be written for these dialogs: they measure generalisation.
Each spec states what the person asked for, judged as a human would, never what any planner printed.

``HELDOUT_OPEN3`` maps ``"<theme>: <title>"`` to turns ``(message, spec)`` in the spec language of
``tests/dialogs_open.py`` (judged by ``tests/wants.py``): ``+word`` the phrase says it (lemma match; ``+a_b`` a
contiguous run), ``!word`` it must not, ``-word`` a negative says it, exactly one ``@action``, ``~taken`` /
``~place`` / ``~camera`` a filter of that kind is set (places: Paris, Tokyo, Rome, New York, London, Barcelona,
Lisbon, Kyoto; cameras: iPhone, Pixel, Canon, GoPro).
"""

HELDOUT_OPEN3: dict[str, list[tuple[str, str]]] = {
    # ------------------------------------------------------------------ weddings abroad
    "wedding: santorini cliff": [
        ("our wedding ceremony on the cliff in santorini", "+wedding +cliff +santorini !our @new"),
        ("just the ones with the white church behind us", "+wedding +white +church !us @refine"),
        ("golden hour ones", "+wedding +golden_hour @refine"),
    ],
    "wedding: lisbon reception": [
        ("the reception dinner at our wedding in lisbon", "+reception +wedding ~place !our @new"),
        ("the long table with all the candles", "+table +candle @refine"),
        ("no guests in them", "+table -guest @exclude"),
    ],
    "wedding: kimono shoot": [
        ("we did a kimono shoot the day after the wedding in kyoto", "+kimono ~place !we @new"),
        ("the ones in the bamboo forest", "+kimono +bamboo @refine"),
    ],
    "wedding: voice-typed vineyard": [
        ("okay so show me the pictures from the wedding at the vineyard in tuscany um the ones where we were "
         "cutting the cake", "+wedding +vineyard +cake !show !picture !we !um @new"),
        ("and the first dance too", "+first_dance !cake @refine"),
    ],
    # ------------------------------------------------------------------ hiking gear
    "hiking: boots by the tent": [
        ("muddy hiking boots outside the tent", "+boot +muddy +tent @new"),
        ("on the gopro", "+boot ~camera @filter"),
    ],
    "hiking: gear laid out": [
        ("all my hiking gear laid out on the floor before the trip", "+hiking +gear +floor !my @new"),
        ("the one with the trekking poles", "+gear +trekking_pole @refine"),
    ],
    "hiking: stone pile, non-native": [
        ("photo of me on top of mountain with the stone pile", "+mountain +stone !photo @new"),
        ("is there more with the fog please", "+mountain +fog !please @refine"),
    ],
    # ------------------------------------------------------------------ home office
    "office: two monitors": [
        ("my home office desk with the two monitors", "+desk +monitor !my @new"),
        ("the messy one with cables everywhere", "+desk +cable @refine"),
        ("the one from my iphone", "+desk ~camera !my @filter"),
    ],
    "office: cat on the keyboard, swap": [
        ("cat sleeping on my keyboard", "+cat +sleep +keyboard !my @new"),
        ("what about the dog instead", "+dog +keyboard !cat @refine"),
    ],
    "office: video call background": [
        ("the bookshelf behind me on video calls", "+bookshelf @new"),
        ("with the plant on top", "+bookshelf +plant @refine"),
    ],
    # ------------------------------------------------------------------ aquariums
    "aquarium: neon tetras": [
        ("neon tetras in my planted tank", "+neon_tetra +tank !my @new"),
        ("close ups", "+neon_tetra +close_up @refine"),
        ("more like the second one", "@more_like"),
    ],
    "aquarium: algae": [
        ("the fish tank when the algae got really bad", "+tank +algae @new"),
        ("green water ones", "+tank +green +water @refine"),
    ],
    "aquarium: shark tunnel, correction": [
        ("walking through the shark tunnel at the aquarium", "+shark +tunnel +aquarium @new"),
        ("no wait, the manta ray", "+manta_ray +aquarium !shark @refine"),
    ],
    # ------------------------------------------------------------------ baking fails
    "baking: collapsed cake": [
        ("lol my collapsed birthday cake", "+collapse +birthday +cake !lol !my @new"),
        ("close up of the sunken middle", "+cake +sunken +middle @refine"),
    ],
    "baking: burnt cookies": [
        ("burnt cookies on the baking tray", "+burnt +cookie +tray @new"),
        ("only the really black ones", "+cookie +black @refine"),
    ],
    "baking: flat sourdough, rambling": [
        ("so I tried making sourdough last weekend and it came out totally flat like a pancake, can you find "
         "the pic", "+sourdough +flat !pic !you @new"),
        ("also the one of the starter jar", "+starter +jar @new"),
    ],
    "baking: macarons, terse": [
        ("cracked macarons", "+cracked +macaron @new"),
        ("pink", "+macaron +pink @refine"),
    ],
    # ------------------------------------------------------------------ murals and graffiti
    "streetart: mural face": [
        ("huge mural of a woman's face on the side of a building", "+mural +face +building @new"),
        ("lisbon", "+mural ~place @filter"),
        ("more like the first one", "@more_like"),
    ],
    "streetart: graffiti tunnel": [
        ("graffiti tunnel in london", "+graffiti +tunnel ~place @new"),
        ("no people walking through", "+graffiti -people @exclude"),
    ],
    "streetart: stickers on lamp posts": [
        ("stickers all over the lamp posts", "+sticker +lamp_post @new"),
    ],
    # ------------------------------------------------------------------ festivals
    "festival: holi": [
        ("holi festival, everyone covered in coloured powder", "+holi +powder @new"),
        ("the pink and yellow clouds", "+powder +pink +yellow @refine"),
    ],
    "festival: lanterns on the river": [
        ("lanterns floating on the river at the festival", "+lantern +river @new"),
        ("at night obviously", "+lantern +night @refine"),
    ],
    "festival: muddy campsite": [
        ("our tents at the festival campsite, all muddy", "+tent +festival +muddy !our @new"),
        ("with the wellies lined up", "+tent +welly @refine"),
    ],
    "festival: day of the dead, emoji": [
        ("day of the dead face paint 💀", "+day_of_the_dead +face_paint @new"),
        ("more 💀", "@show_more"),
    ],
    # ------------------------------------------------------------------ farm animals
    "farm: piglets": [
        ("piglets in the mud", "+piglet +mud @new"),
        ("the ones feeding from the sow", "+piglet +sow +feed @refine"),
    ],
    "farm: goats on the fence": [
        ("goats climbing on the fence", "+goat +climb +fence @new"),
        ("the baby ones", "+goat +baby @refine"),
    ],
    "farm: chickens, then ducks": [
        ("our chickens in the coop", "+chicken +coop !our @new"),
        ("what about the ducks", "+duck !chicken @refine"),
    ],
    "farm: lamb, non-native": [
        ("pictures of the lamb which is drinking milk from bottle", "+lamb +milk +bottle !picture @new"),
        ("my daughter is holding it", "+lamb +daughter +hold !my !it @refine"),
    ],
    "farm: tractor, voice-typed": [
        ("uh show me the one where grandpa is driving the old red tractor on the farm",
         "+grandpa +red +tractor +farm !show !uh @new"),
    ],
    # ------------------------------------------------------------------ road trips
    "roadtrip: route 66": [
        ("route 66 sign", "+route_66 +sign @new"),
        ("with the car parked in front of it", "+route_66 +car !it @refine"),
    ],
    "roadtrip: desert highway": [
        ("empty desert highway stretching to the horizon", "+desert +highway +horizon @new"),
        ("from the gopro on the dashboard", "+highway ~camera @filter"),
    ],
    "roadtrip: gas station snacks": [
        ("all the snacks we bought at the gas station", "+snack +gas_station !we @new"),
        ("the trip in 2022", "+snack ~taken @filter"),
    ],
    "roadtrip: motel sign": [
        ("neon motel sign at night", "+neon +motel +sign +night @new"),
        ("the one that says vacancy", "+motel +vacancy @refine"),
    ],
    # ------------------------------------------------------------------ baby milestones
    "baby: first tooth": [
        ("baby's first tooth", "+baby +tooth @new"),
        ("smiling ones", "+baby +smile @refine"),
    ],
    "baby: rolling over": [
        ("the one where she rolled over for the first time on the play mat", "+roll_over +play_mat !she @new"),
    ],
    "baby: first haircut": [
        ("his first haircut at the barber", "+haircut +barber !his @new"),
        ("the ones where he isn't crying", "+haircut !cry -cry !he @refine"),
    ],
    "baby: monthly photos": [
        ("monthly baby photos with the milestone cards", "+baby +milestone +card @new"),
        ("the ones with the teddy next to her", "+baby +teddy !her @refine"),
        ("from last year", "+baby ~taken @filter"),
    ],
    # ------------------------------------------------------------------ thrift finds
    "thrift: leather jacket, correction": [
        ("the vintage leather jacket I found at the charity shop", "+vintage +leather_jacket !i @new"),
        ("I meant the brown one, not black", "+leather_jacket +brown !black @refine"),
    ],
    "thrift: gold mirror": [
        ("gold framed mirror from the flea market", "+gold +mirror +flea_market @new"),
        ("after I painted it green", "+mirror +green !i !it @refine"),
    ],
    "thrift: vinyl haul, terse": [
        ("vinyl haul", "+vinyl @new"),
        ("beatles", "+vinyl +beatles @refine"),
        ("next", "@show_more"),
    ],
    # ------------------------------------------------------------------ board games
    "boardgames: catan": [
        ("game night, the catan board mid game", "+catan +board @new"),
        ("with everyone's hands reaching in", "+catan +hand @refine"),
    ],
    "boardgames: jigsaw": [
        ("the 1000 piece jigsaw we finished", "+jigsaw !we @new"),
        ("the half done one on the dining table", "+jigsaw +dining_table @refine"),
    ],
    "boardgames: dice": [
        ("my dnd dice collection", "+dice !my @new"),
        ("the purple ones", "+dice +purple @refine"),
        ("not the metal ones", "+dice -metal @exclude"),
    ],
    # ------------------------------------------------------------------ night sky
    "nightsky: star trails": [
        ("star trails over the house", "+star_trail +house @new"),
        ("taken with the canon", "+star_trail ~camera @filter"),
    ],
    "nightsky: meteor shower": [
        ("meteor shower last august", "+meteor ~taken @new"),
        ("a streak across the milky way", "+meteor +milky_way @refine"),
    ],
    "nightsky: moon phases": [
        ("the moon through my telescope", "+moon +telescope !my @new"),
        ("the crescent", "+moon +crescent @refine"),
        ("full moon instead", "+full_moon !crescent @refine"),
    ],
    "nightsky: aurora, emoji": [
        ("northern lights!!! 💚💚", "+northern_light @new"),
        ("over the frozen lake", "+northern_light +frozen_lake @refine"),
        ("ty 🙏", "@none"),
    ],
    # ------------------------------------------------------------------ construction progress
    "construction: foundations": [
        ("the foundations for the extension being poured", "+foundation +extension +pour @new"),
        ("with the cement mixer", "+foundation +cement_mixer @refine"),
    ],
    "construction: roof timbers": [
        ("roof going on, just the timber frame", "+roof +timber +frame @new"),
        ("from march", "+roof ~taken @filter"),
    ],
    "construction: weekly progress, rambling": [
        ("hey so we're building a house and I took a photo every week from the same spot by the gate, can you "
         "find those", "+house !we !you @new"),
        ("only the ones where the scaffolding is up", "+house +scaffolding @refine"),
        ("without the skip in front", "+house -skip @exclude"),
    ],
    # ------------------------------------------------------------------ insurance evidence
    "insurance: dented bumper": [
        ("the dent in my rear bumper for the insurance claim", "+dent +bumper !my @new"),
        ("close up with the ruler next to it", "+dent +ruler !it @refine"),
    ],
    "insurance: water damage": [
        ("water damage on the ceiling after the pipe burst", "+water_damage +ceiling @new"),
        ("the soaked carpet", "+carpet @refine"),
    ],
    "insurance: serial numbers, swap": [
        ("photo of the serial number on the back of the tv", "+serial_number +tv !photo @new"),
        ("the laptop one instead", "+serial_number +laptop !tv @refine"),
    ],
    "insurance: stolen bike, polite": [
        ("Could you find the pictures of my bike before it was stolen, please?",
         "+bike !please !picture !my !you @new"),
        ("Thank you. Are there any showing the frame number?", "+bike +frame_number !thank @refine"),
    ],
    # ------------------------------------------------------------------ lost and found
    "lostfound: lost cat poster": [
        ("the lost cat poster we put up", "+lost +cat +poster !we @new"),
        ("the one on the lamppost", "+poster +lamppost @refine"),
    ],
    "lostfound: earring": [
        ("where did i leave my earring, the gold hoop, maybe a photo shows it", "+gold +hoop +earring !my @new"),
    ],
    "lostfound: keys, correction": [
        ("my keys on the kitchen counter", "+key +kitchen_counter !my @new"),
        ("sorry, on the hall table I mean", "+key +hall +table !kitchen !sorry @refine"),
    ],
    # ------------------------------------------------------------------ old scanned prints
    "scans: grandparents' wedding": [
        ("old scanned photo of my grandparents' wedding", "+old +grandparent +wedding !my @new"),
        ("black and white only", "+wedding +black_and_white @refine"),
        ("actually the sepia ones", "+wedding +sepia !black_and_white @refine"),
    ],
    "scans: faded polaroids": [
        ("faded polaroids from the 70s", "+faded +polaroid @new"),
        ("the ones with dad's old car", "+polaroid +car @refine"),
    ],
    "scans: mum's school class": [
        ("mum's school class photo, the scanned one", "+school +class @new"),
        ("the front row", "+class +front_row @refine"),
    ],
    # ------------------------------------------------------------------ outdoors
    "outdoors: pike": [
        ("me holding the pike i caught", "+pike +hold !i @new"),
        ("on the boat", "+pike +boat @refine"),
    ],
    "outdoors: campfire, terse": [
        ("campfire", "+campfire @new"),
        ("marshmallows", "+campfire +marshmallow @refine"),
        ("next", "@show_more"),
    ],
    "outdoors: beehive frames": [
        ("frames from the beehive covered in bees", "+frame +beehive +bee @new"),
        ("with the marked queen", "+queen +bee @refine"),
    ],
    "outdoors: sea turtle": [
        ("sea turtle while snorkeling, gopro", "+sea_turtle ~camera @new"),
        ("the one with the coral", "+sea_turtle +coral @refine"),
    ],
    "outdoors: red tent, i meant blue": [
        ("red tent at the campsite", "+red +tent +campsite @new"),
        ("I meant the blue one", "+blue +tent !red @refine"),
    ],
    # ------------------------------------------------------------------ restarts and non-native
    "restart: wedding cake, start over": [
        ("wedding cake", "+wedding_cake @new"),
        ("start over", "@reset"),
        ("dogs at the park", "+dog +park !wedding !cake @new"),
    ],
    "nonnative: fish market": [
        ("please find me photo of the fish market in tokyo, very early morning",
         "+fish_market +morning ~place !please !photo @new"),
        ("the big tuna one", "+tuna @refine"),
        ("ok thank you so much!!", "@none"),
    ],
    "questions: lego castle": [
        ("are there any of the kids building the lego castle?", "+kid +lego +castle @new"),
        ("did I take any from above", "+lego +castle +above !i @refine"),
    ],
    "emoji: pizza night": [
        ("🍕 night with the kids", "+pizza +kid @new"),
        ("homemade ones only 👩‍🍳", "+pizza +homemade @refine"),
    ],
}

"""Open-vocabulary dialogs: what a person wants each turn of a photo-library chat to search.

The bot turns each turn into a search phrase for a CLIP model (which knows every English word), negatives,
filters (date taken, place, camera) and an action.  This table says what a careful human assistant would
send; it was written without looking at the bot's code.

``OPEN`` maps a dialog name, ``"<theme>: <title>"``, to its turns, each ``(message, spec)``.  The themes are
pets, family, food, travel, nature, city, docs, events, vehicles, sport and home.

A spec is space-separated items:

``+word``
    The search phrase must contain this word, compared by lemma ("+cat" matches "cats", "+sleep" matches
    "sleeping").  A fixed multiword is joined by underscores and must appear as that contiguous phrase:
    ``+black_and_white``, ``+ice_cream``.
``!word``
    The phrase must NOT contain this word: chatter ("!photo", "!pic", "!show", "!my", "!please", "!lol"),
    pronouns ("!he", "!it"), a thing swapped away ("what about dogs instead?" after cats: ``!cat``), a
    negated word.
``-word``
    A negative must contain this word ("without people" -> ``-people``, "not the blurry ones" -> ``-blurry``).
``@action``
    Exactly one per turn:
    ``@new`` a new search (the previous subject is dropped);
    ``@refine`` same subject, something added or changed (a modifier swapped, "what about X instead"
    keeping the rest, a correction);
    ``@exclude`` the turn only adds negatives;
    ``@more_like`` "more like the 2nd";
    ``@show_more`` "show more", "next";
    ``@reset`` "start over";
    ``@filter`` only a date / place / camera filter changes;
    ``@none`` nothing is searched ("thanks!", "hello", a message the bot cannot read, which gets a question
    back).
``~taken`` / ``~place`` / ``~camera``
    A filter of that kind must be set: a date ("from last summer", "in 2019", "two years ago"), a place
    (the collection holds photos from Paris, Tokyo, Rome, New York, London, Barcelona, Lisbon and Kyoto) or
    a camera (iPhone, Pixel, Canon EOS, GoPro).  With ``~place`` a place word in the phrase is not required
    (and not forbidden).

Only words the person clearly meant are required; word order is never checked, and words a good bot could
legitimately paraphrase are left free.  Words not named in a spec may or may not appear.
"""

OPEN: dict[str, list[tuple[str, str]]] = {
    # ------------------------------------------------------------------ pets
    "pets: dog on the beach": [
        ("photos of my dog", "+dog !photo !my @new"),
        ("on the beach", "+dog +beach @refine"),
        ("only the black ones", "+dog +beach +black @refine"),
    ],
    "pets: cats sleeping on a sofa": [
        ("cats sleeping", "+cat +sleep @new"),
        ("on a sofa", "+cat +sleep +sofa @refine"),
        ("without the blanket pls", "+cat +sofa -blanket !pls @exclude"),
    ],
    "pets: dog swimming": [
        ("photos of my dog", "+dog !photo !my @new"),
        ("where he is swimming", "+dog +swim !he @refine"),
        ("in a lake, not the pool", "+dog +swim +lake -pool @refine"),
    ],
    "pets: puppy chewing a shoe": [
        ("do u have any pics of our puppy chewing a shoe??", "+puppy +chew +shoe !pic !u !our @new"),
        ("more like the 2nd", "@more_like"),
        ("haha perfect thanks", "@none"),
    ],
    "pets: cat in the garden, then the dog": [
        ("got any of my cat in the garden?", "+cat +garden !my @new"),
        ("what about the dog instead?", "+dog +garden !cat @refine"),
        ("from last summer", "+dog +garden ~taken @filter"),
    ],
    "pets: goldfish tank": [
        ("pictures of the goldfish in its tank pls", "+goldfish +tank !picture !its !pls @new"),
        ("with the blue light on", "+goldfish +blue +light @refine"),
    ],
    "pets: riding a horse in the snow": [
        ("me riding a horse", "+ride +horse !me @new"),
        ("in the snow", "+ride +horse +snow @refine"),
        ("the ones i took with my gopro", "+horse +snow ~camera !took @filter"),
    ],
    "pets: frisbee, no a tennis ball": [
        ("dog catching a frisbee in the park", "+dog +catch +frisbee +park @new"),
        ("no sorry i meant a tennis ball", "+dog +tennis_ball !frisbee !sorry @refine"),
    ],
    "pets: kitten in a box": [
        ("kitten hidding in a cardboard box", "+kitten +hide +cardboard +box @new"),
        ("black and white ones", "+kitten +box +black_and_white @refine"),
        ("show more", "@show_more"),
    ],
    "pets: birds at the feeder": [
        ("birds at the feeder in our backyard \U0001f426", "+bird +feeder +backyard !our @new"),
        ("just the red ones", "+bird +feeder +red @refine"),
        ("when theres snow on it", "+bird +feeder +snow !it @refine"),
    ],
    "pets: hamster and carrot": [
        ("hamster eating a carrot \U0001f955", "+hamster +eat +carrot @new"),
        ("more like the 3rd one", "@more_like"),
    ],
    "pets: dogs in kyoto": [
        ("any dogs we saw in kyoto?", "+dog ~place @new"),
        ("the ones sleeping near the temple", "+dog +sleep +temple ~place @refine"),
    ],
    "pets: cat at the window": [
        ("cat sitting on the windowsill looking outside :)", "+cat +windowsill +look @new"),
        ("at sunset", "+cat +windowsill +sunset @refine"),
        ("no curtains in the shot", "+cat -curtain !shot @exclude"),
    ],
    "pets: the cone of shame": [
        ("the dog at the vet wearing the cone lol", "+dog +vet +cone !lol @new"),
        ("2 years ago", "+dog +cone ~taken @filter"),
    ],
    "pets: rabbit, then the parrot": [
        ("rabbit in the grass", "+rabbit +grass @new"),
        ("ok now show me my parrot", "+parrot !rabbit !grass !show @new"),
        ("sitting on my shoulder", "+parrot +sit +shoulder !my @refine"),
    ],
    "pets: halloween costume": [
        ("our dog in his halloween costume", "+dog +halloween +costume !his !our @new"),
        ("not the blurry ones", "+dog +costume -blurry @exclude"),
        ("start over", "@reset"),
        ("cats in costumes", "+cat +costume !dog @new"),
    ],
    "pets: two cats cuddling": [
        ("the two cats cuddling on the bed \U0001f60d\U0001f60d", "+cat +cuddle +bed @new"),
        ("just the ginger one", "+ginger +cat @refine"),
        ("taken on the pixel", "+ginger +cat ~camera @filter"),
    ],
    # ---------------------------------------------------------------- family
    "family: kids at the lake": [
        ("do you have any pics of the kids at the lake?", "+kid +lake !pic !you @new"),
        ("jumping off the dock", "+kid +jump +dock @refine"),
        ("from 2019", "+kid +jump +lake ~taken @filter"),
    ],
    "family: baby laughing": [
        ("a baby laughing", "+baby +laugh @new"),
        ("in the bath", "+baby +laugh +bath @refine"),
        ("more like the 2nd", "@more_like"),
    ],
    "family: grandpa, then grandma's garden": [
        ("grandpa reading the newspaper", "+grandpa +read +newspaper @new"),
        ("show me pictures of my grandma's garden", "+garden !grandpa !newspaper !picture !show @new"),
        ("with the roses in bloom", "+garden +rose +bloom @refine"),
    ],
    "family: christmas family picture": [
        ("whole famliy at christmas", "+family +christmas @new"),
        ("everyone in front of the tree", "+family +christmas +tree @refine"),
        ("without the dog", "+family -dog @exclude"),
    ],
    "family: sister's graduation": [
        ("my sister's graduation", "+graduation !my @new"),
        ("throwing the caps in the air", "+graduation +throw +cap @refine"),
    ],
    "family: dad fishing": [
        ("dad fishing from the boat lol", "+dad +fish +boat !lol @new"),
        ("holding up a big fish", "+dad +hold +fish @refine"),
        ("at sunrise", "+dad +fish +sunrise @refine"),
    ],
    "family: selfies in london": [
        ("selfies of me and my wife in london", "+selfie +wife ~place !me @new"),
        ("in the rain with an umbrella", "+selfie +rain +umbrella ~place @refine"),
    ],
    "family: sandcastle": [
        ("kids building a sandcastle", "+kid +build +sandcastle @new"),
        ("no adults in it", "+kid +sandcastle -adult !it @exclude"),
        ("show more pls", "@show_more"),
    ],
    "family: newborn": [
        ("newborn pics from the hospital", "+newborn +hospital !pic @new"),
        ("sleeping in dad's arms", "+newborn +sleep +arm @refine"),
        ("black and white pls", "+newborn +black_and_white !pls @refine"),
    ],
    "family: grandparents dancing": [
        ("grandparents dancing in the kitchen haha", "+grandparent +dance +kitchen !haha @new"),
        ("the ones on the iphone", "+grandparent +dance ~camera @filter"),
    ],
    "family: son, then daughter on a bike": [
        ("my son learning to ride a bike", "+son +ride +bike !my @new"),
        ("what about my daughter?", "+daughter +ride +bike !son @refine"),
        ("with training wheels", "+daughter +bike +wheel @refine"),
    ],
    "family: mum without sunglasses": [
        ("pics of mum smiling in the garden", "+mum +smile +garden !pic @new"),
        ("the ones where she isnt wearing sunglasses", "+mum -sunglasses !she @exclude"),
    ],
    "family: piggyback": [
        ("kids getting a piggyback ride from grandpa", "+kid +piggyback +grandpa @new"),
        ("from last christmas", "+piggyback +grandpa ~taken @filter"),
    ],
    "family: hello, then the nephew": [
        ("hiii", "@none"),
        ("can you find photos of my nephew playing football", "+nephew +play +football !photo !find @new"),
        ("in the mud", "+nephew +football +mud @refine"),
        ("the ones where hes celebrating", "+nephew +celebrate !he @refine"),
    ],
    "family: kids in kimonos": [
        ("the kids in tokyo wearing kimonos", "+kid +kimono ~place @new"),
        ("just two of them", "+kid +kimono +two !them @refine"),
    ],
    "family: mother's day breakfast": [
        ("mothers day breakfast in bed", "+breakfast +bed @new"),
        ("with the handmade card", "+breakfast +bed +card @refine"),
        ("thx", "@none"),
    ],
    "family: cousins at the pool": [
        ("cousins cannonballing into the pool lol", "+cousin +pool !lol @new"),
        ("underwater ones", "+cousin +underwater @refine"),
        ("taken with the gopro 2 summers ago", "+cousin +underwater ~camera ~taken @filter"),
    ],
    "family: parents when they were young": [
        ("old scanned photos of my parents when they were young",
         "+parent +young !they !my @new"),
        ("in black and white", "+parent +black_and_white @refine"),
        ("just my mom", "+mom !my @refine"),
    ],
    # ------------------------------------------------------------------ food
    "food: pizza without pineapple": [
        ("pizza!!", "+pizza @new"),
        ("only homemade ones", "+pizza +homemade @refine"),
        ("no pineapple on it", "+pizza -pineapple !it !pineapple @exclude"),
    ],
    "food: sushi in tokyo": [
        ("sushi we had in tokyo", "+sushi ~place @new"),
        ("on a conveyor belt", "+sushi +conveyor_belt ~place @refine"),
        ("more like the first one", "@more_like"),
    ],
    "food: chocolate cake": [
        ("chocolate cake i baked", "+chocolate +cake !i @new"),
        ("with strawberries on top", "+chocolate +cake +strawberry @refine"),
        ("not the burnt one lol", "+cake -burnt !lol @exclude"),
    ],
    "food: latte art": [
        ("latte art \u2615", "+latte +art @new"),
        ("the heart shaped ones", "+latte +heart @refine"),
        ("taken on my pixel", "+latte +heart ~camera !my @filter"),
    ],
    "food: ice cream": [
        ("kids eating ice cream", "+kid +eat +ice_cream @new"),
        ("melting all over their hands", "+ice_cream +melt +hand !their @refine"),
    ],
    "food: burgers, then sausages": [
        ("burgers on the grill", "+burger +grill @new"),
        ("what about sausages?", "+sausage +grill !burger @refine"),
        ("at night", "+sausage +grill +night @refine"),
    ],
    "food: pasta in rome": [
        ("pasta dishes from rome", "+pasta ~place @new"),
        ("the creamy ones with bacon", "+pasta +creamy +bacon ~place @refine"),
    ],
    "food: bowl of fruit": [
        ("bowl of fruit on the kitchen table", "+bowl +fruit +table @new"),
        ("only green apples", "+green +apple @refine"),
    ],
    "food: wine at the vineyard": [
        ("glasses of red wine at the vineyard", "+glass +red +wine +vineyard @new"),
        ("with the sunset behind", "+wine +vineyard +sunset @refine"),
        ("in 2021", "+wine +vineyard ~taken @filter"),
    ],
    "food: fried eggs, no toast": [
        ("breakfast with fried eggs and bacon", "+breakfast +egg +bacon @new"),
        ("no toast", "+egg -toast !toast @exclude"),
        ("show me more", "@show_more"),
    ],
    "food: market in barcelona": [
        ("fruit stalls at the market in barcelona", "+fruit +stall +market ~place @new"),
        ("the one with the hanging hams", "+market +ham +hang ~place @refine"),
    ],
    "food: cocktails by the pool": [
        ("cocktails by the pool \U0001f379", "+cocktail +pool @new"),
        ("the blue ones with little umbrellas", "+cocktail +blue +umbrella @refine"),
    ],
    "food: ramen in kyoto": [
        ("bowl of ramen", "+ramen @new"),
        ("with a soft boiled egg", "+ramen +egg @refine"),
        ("from our trip to kyoto", "+ramen +egg ~place !our @filter"),
    ],
    "food: thanksgiving turkey": [
        ("thanksgiving turkey before we carved it", "+thanksgiving +turkey !it @new"),
        ("the whole table set with it", "+turkey +table !it @refine"),
    ],
    "food: croissants, then macarons": [
        ("croissants at a cafe in paris", "+croissant +cafe ~place @new"),
        ("ok forget that, show me the macarons", "+macaron !croissant !forget !show @new"),
        ("pink ones in a box", "+macaron +pink +box @refine"),
    ],
    "food: fish tacos": [
        ("tacos from the food truk", "+taco +truck @new"),
        ("hmm no the fish ones", "+fish +taco !hmm @refine"),
    ],
    "food: homemade bread": [
        ("sourdough bread i made", "+sourdough +bread @new"),
        ("sliced open so you see the inside", "+bread +slice @refine"),
        ("from lockdown 2020", "+bread ~taken @filter"),
    ],
    # ---------------------------------------------------------------- travel
    "travel: eiffel tower at night": [
        ("eiffel tower at night", "+eiffel_tower +night @new"),
        ("sparkling with the lights", "+eiffel_tower +sparkle +light @refine"),
        ("without tourists in the way", "+eiffel_tower -tourist @exclude"),
    ],
    "travel: plane window": [
        ("view from the plane window \u2708\ufe0f", "+view +plane +window @new"),
        ("above the clouds", "+plane +window +cloud @refine"),
        ("at sunset plz", "+cloud +sunset !plz @refine"),
    ],
    "travel: trams in lisbon": [
        ("yellow trams in lisbon", "+yellow +tram ~place @new"),
        ("going up the hill", "+tram +hill ~place @refine"),
        ("more like #2", "@more_like"),
    ],
    "travel: temples in kyoto": [
        ("temples in kyoto pls", "+temple ~place !pls @new"),
        ("with red maple leaves", "+temple +red +maple +leaf ~place @refine"),
        ("from last november", "+temple +maple ~place ~taken @filter"),
    ],
    "travel: hotel in rome": [
        ("our hotel room in rome", "+hotel +room ~place !our @new"),
        ("the view from the balcony", "+view +balcony ~place @refine"),
    ],
    "travel: hammock between palms": [
        ("beach resort with palm trees", "+beach +resort +palm @new"),
        ("a hammock between the palms", "+hammock +palm @refine"),
        ("no people pls", "+hammock -people !pls !people @exclude"),
    ],
    "travel: road trip in the van": [
        ("road trip pics with the van", "+road_trip +van !pic @new"),
        ("driving through the desert", "+van +drive +desert @refine"),
        ("taken with the gopro", "+van +desert ~camera @filter"),
    ],
    "travel: colosseum": [
        ("me in front of the colosseum", "+colosseum !me @new"),
        ("from 2018", "+colosseum ~taken @filter"),
        ("thanks", "@none"),
    ],
    "travel: big ben, then the london eye": [
        ("big ben", "+big_ben @new"),
        ("what about the london eye instead", "+london_eye !ben @refine"),
        ("at night all lit up", "+london_eye +night +light @refine"),
    ],
    "travel: mount fuji from the train": [
        ("scenery from the train window in japan", "+train +window @new"),
        ("with mt fuji in the background", "+train +window +fuji @refine"),
    ],
    "travel: hostel bunk beds": [
        ("the hostel bunk beds lmao", "+hostel +bunk !lmao @new"),
        ("the messy ones lol", "+bunk +messy !lol @refine"),
    ],
    "travel: souvenir shop": [
        ("souvenir shop in barcelona", "+souvenir +shop ~place @new"),
        ("with all the fridge magnets", "+shop +magnet ~place @refine"),
        ("start over", "@reset"),
        ("beach bars in barcelona", "+beach +bar ~place !souvenir @new"),
    ],
    "travel: ferry deck": [
        ("on the ferry deck", "+ferry +deck @new"),
        ("hair blowing in the wind", "+hair +blow +wind @refine"),
        ("on my iphone last spring", "+ferry +wind ~camera ~taken !my @filter"),
    ],
    "travel: sagrada familia windows": [
        ("stained glass windows inside the sagrada familia",
         "+stained_glass +window +sagrada_familia @new"),
        ("the coloured light on the floor", "+light +floor @refine"),
    ],
    "travel: suitcases, then the luggage carousel": [
        ("suitcases on the hotel bed half packed", "+suitcase +bed +pack @new"),
        ("ok different thing: the luggage carousel at the airport", "+luggage +carousel +airport !bed !suitcase @new"),
    ],
    "travel: 2019, then tokyo, then street food": [
        ("photos from 2019", "~taken !photo @filter"),
        ("show me pictures taken in tokyo", "~place !show !picture @filter"),
        ("street food stalls there", "+street_food +stall ~place !there @refine"),
    ],
    # ---------------------------------------------------------------- nature
    "nature: mountains with snow and a lake": [
        ("mountains with snow on top", "+mountain +snow @new"),
        ("and a lake in front", "+mountain +snow +lake @refine"),
        ("with the reflection in the water", "+mountain +lake +reflection @refine"),
    ],
    "nature: sunset over the ocean": [
        ("sunset over the ocean", "+sunset +ocean @new"),
        ("with a sailboat", "+sunset +ocean +sailboat @refine"),
        ("not so orange, more pink", "+sunset +pink !orange @refine"),
    ],
    "nature: waterfall with a rainbow": [
        ("waterfall in the forest", "+waterfall +forest @new"),
        ("with a rainbow in the spray", "+waterfall +rainbow @refine"),
    ],
    "nature: autumn leaves": [
        ("autumn leaves on the ground", "+autumn +leaf +ground @new"),
        ("yellow and orange", "+leaf +yellow +orange @refine"),
        ("from last fall", "+leaf ~taken @filter"),
    ],
    "nature: milky way": [
        ("night sky full of stars", "+night +sky +star @new"),
        ("with the milky way visible", "+sky +milky_way @refine"),
        ("no trees in the way", "+milky_way -tree @exclude"),
    ],
    "nature: bee on a flower": [
        ("close up of a bee on a flower", "+bee +flower @new"),
        ("purple ones like lavender", "+bee +purple +lavender @refine"),
    ],
    "nature: lightning storm": [
        ("lightning storm over the fields", "+lightning +storm +field @new"),
        ("more like the 4th one", "@more_like"),
        ("next", "@show_more"),
    ],
    "nature: foggy forest": [
        ("foggy forest in the morning", "+foggy +forest +morning @new"),
        ("with sun rays coming through the trees", "+forest +sun +ray +tree @refine"),
        ("taken on the canon", "+forest +ray ~camera @filter"),
    ],
    "nature: sand dunes": [
        ("sand dunes pls", "+sand +dune !pls @new"),
        ("with footprints", "+dune +footprint @refine"),
        ("only ones without camels", "+dune -camel @exclude"),
    ],
    "nature: snow on pines, then cherry blossoms": [
        ("fresh snow on pine trees", "+snow +pine +tree @new"),
        ("what about cherry blossoms instead", "+cherry_blossom !snow !pine @refine"),
        ("in kyoto", "+cherry_blossom ~place @filter"),
    ],
    "nature: waves on rocks": [
        ("big waves crashing on the rocks", "+wave +crash +rock @new"),
        ("at golden hour", "+wave +rock +golden_hour @refine"),
    ],
    "nature: deer in the meadow": [
        ("any deer in a meadow?", "+deer +meadow @new"),
        ("a baby one", "+deer +baby @refine"),
        ("no fences", "+deer -fence !fence @exclude"),
    ],
    "nature: double rainbow": [
        ("double rainbow!!!", "+double +rainbow @new"),
        ("over the hills", "+rainbow +hill @refine"),
        ("2 years ago in may", "+rainbow +hill ~taken @filter"),
    ],
    "nature: starfish in tide pools": [
        ("tide pools with starfish", "+tide_pool +starfish @new"),
        ("orange starfish only", "+starfish +orange @refine"),
    ],
    "nature: frozen lake": [
        ("frozen lake", "+frozen +lake @new"),
        ("close up of the cracks in the ice", "+crack +ice @refine"),
        ("show more", "@show_more"),
    ],
    "nature: gibberish, then clouds": [
        ("asdfgh", "@none"),
        ("clouds shaped like animals", "+cloud +animal @new"),
    ],
    "nature: hills in spring": [
        ("green rolling hills with sheep", "+green +hill +sheep @new"),
        ("any colour is fine, just with sheep", "+hill +sheep !colour !green @refine"),
        ("and a stone wall", "+hill +sheep +stone +wall @refine"),
    ],
    # ------------------------------------------------------------------ city
    "city: tokyo crossing at night": [
        ("busy street crossing in tokyo", "+busy +street +crossing ~place @new"),
        ("at night with neon signs", "+street +night +neon +sign ~place @refine"),
        ("in the rain", "+street +neon +rain ~place @refine"),
    ],
    "city: new york skyline": [
        ("new york skyline", "+skyline ~place @new"),
        ("from the top of the empire state building", "+skyline +empire_state_building ~place @refine"),
        ("at sunset pls", "+skyline +sunset ~place !pls @refine"),
    ],
    "city: stone bridge with boats": [
        ("old stone bridge over the river", "+old +stone +bridge +river @new"),
        ("with boats passing under it", "+bridge +boat +pass !it @refine"),
    ],
    "city: street art": [
        ("graffiti murals", "+graffiti +mural @new"),
        ("ones with faces painted on them", "+mural +face !them @refine"),
        ("in lisbon", "+mural +face ~place @filter"),
    ],
    "city: paris rooftops": [
        ("rooftops of paris", "+rooftop ~place @new"),
        ("with all the chimneys", "+rooftop +chimney ~place @refine"),
        ("more like the 1st", "@more_like"),
    ],
    "city: gothic cathedral": [
        ("gothic cathedrals", "+gothic +cathedral @new"),
        ("looking up at the ceiling", "+cathedral +ceiling @refine"),
        ("no scaffolding", "+cathedral -scaffolding !scaffolding @exclude"),
    ],
    "city: laundry in the alleys": [
        ("narrow alleys with laundry hanging between the houses", "+narrow +alley +laundry +hang @new"),
        ("show more", "@show_more"),
    ],
    "city: empty subway station": [
        ("the subway station", "+subway +station @new"),
        ("empty, no people", "+subway +station +empty -people @refine"),
        ("from our trip to london", "+subway +station ~place !trip @filter"),
    ],
    "city: glass skyscrapers": [
        ("glass skyscrapers reflecting the clouds", "+glass +skyscraper +reflect +cloud @new"),
        ("in black and white", "+skyscraper +black_and_white @refine"),
    ],
    "city: front doors": [
        ("colorful front doors", "+front +door @new"),
        ("the blue one", "+door +blue @refine"),
        ("no i meant the green one", "+door +green !blue @refine"),
    ],
    "city: christmas market": [
        ("christmas market in the square", "+christmas +market +square @new"),
        ("with the big tree lit up", "+market +tree +light @refine"),
        ("last december", "+market +tree ~taken @filter"),
    ],
    "city: bench, then the brooklyn bridge": [
        ("a bench in central park", "+bench +central_park @new"),
        ("ok now the brooklyn bridge", "+brooklyn_bridge !bench @new"),
        ("walking across it at sunrise", "+brooklyn_bridge +walk +sunrise !it @refine"),
    ],
    "city: cafe terraces": [
        ("cafe terraces with little tables outside", "+cafe +terrace +table @new"),
        ("not the ones with umbrellas", "+cafe -umbrella @exclude"),
        ("taken in rome", "+cafe +terrace ~place @filter"),
    ],
    "city: light trails": [
        ("car light trails on the highway at night", "+light +trail +highway +night @new"),
        ("shot from a bridge above", "+light +trail +bridge @refine"),
    ],
    "city: gaudi in barcelona": [
        ("gaudi buildings in barcelona", "+gaudi +building ~place @new"),
        ("the wavy balconies", "+wavy +balcony ~place @refine"),
        ("thanks a lot!", "@none"),
    ],
    "city: lisbon viewpoint": [
        ("view over the city from a viewpoint", "+view +city @new"),
        ("with orange roofs and the river", "+view +orange +roof +river @refine"),
        ("lisbon, 2022, iphone", "+roof +river ~place ~taken ~camera @filter"),
    ],
    # ------------------------------------------------------------------ docs
    "docs: wifi password": [
        ("wifi password screenshot", "+wifi +password +screenshot @new"),
        ("the one from the airbnb", "+wifi +password +airbnb @refine"),
    ],
    "docs: restaurant receipts": [
        ("find my restaurant receipts", "+receipt +restaurant !find !my @new"),
        ("from last month", "+receipt ~taken @filter"),
        ("the crumpled ones", "+receipt +crumpled @refine"),
    ],
    "docs: boarding pass": [
        ("my boarding pass for the flight to tokyo", "+boarding_pass !my @new"),
        ("on the phone screen", "+boarding_pass +phone +screen @refine"),
    ],
    "docs: meeting whiteboard": [
        ("whiteboard from the meeting", "+whiteboard +meeting @new"),
        ("with the diagrams", "+whiteboard +diagram @refine"),
        ("not the blurry ones", "+whiteboard -blurry @exclude"),
    ],
    "docs: passport page": [
        ("photo of my passport", "+passport !photo !my @new"),
        ("the page with the visa", "+passport +visa +page @refine"),
    ],
    "docs: sticky notes": [
        ("handwriten notes", "+handwritten +note @new"),
        ("on yellow sticky notes", "+yellow +sticky_note @refine"),
        ("more like the 2nd", "@more_like"),
    ],
    "docs: text message screenshots": [
        ("screenshots of text messages", "+screenshot +text +message @new"),
        ("dark mode ones", "+screenshot +dark_mode @refine"),
        ("from 2022", "+screenshot ~taken @filter"),
    ],
    "docs: grandma's recipe card": [
        ("grandma's recipe card for apple pie", "+recipe +card +apple_pie @new"),
        ("the handwritten one", "+recipe +card +handwritten @refine"),
    ],
    "docs: concert tickets": [
        ("concert tickets pls", "+concert +ticket !pls @new"),
        ("paper ones, not the digital ones", "+ticket +paper -digital @refine"),
    ],
    "docs: parking lot sign": [
        ("pic of the parking lot sign so i remember where i parked",
         "+parking_lot +sign !pic !remember @new"),
        ("the one that says level 3", "+parking +sign +level @refine"),
    ],
    "docs: metro map": [
        ("metro map", "+metro +map @new"),
        ("the one with the red line highlighted", "+metro +map +red +line @refine"),
    ],
    "docs: driver's license": [
        ("my driver's license", "+license !my @new"),
        ("only the back side", "+license +back @refine"),
    ],
    "docs: laptop invoice": [
        ("invoice for the new laptop", "+invoice +laptop @new"),
        ("from january", "+invoice +laptop ~taken @filter"),
        ("thanks!!", "@none"),
    ],
    "docs: maps screenshot": [
        ("screenshot of google maps directions", "+screenshot +map +direction @new"),
        ("walking directions to the hotel", "+screenshot +map +walk +hotel @refine"),
    ],
    "docs: book quotes": [
        ("pages from a book i wanted to remember", "+page +book !remember @new"),
        ("with highlighted quotes", "+page +highlight +quote @refine"),
        ("show more", "@show_more"),
    ],
    "docs: washing machine warranty": [
        ("warranty for the washing machine", "+warranty +washing_machine @new"),
        ("with the serial number", "+washing_machine +serial_number @refine"),
    ],
    "docs: lecture slides": [
        ("photos of lecture slides", "+lecture +slide !photo @new"),
        ("the ones with graphs", "+slide +graph @refine"),
        ("taken with the pixel", "+slide +graph ~camera @filter"),
    ],
    "docs: train tickets in london": [
        ("train tickets", "+train +ticket @new"),
        ("the ones from london", "+train +ticket ~place @filter"),
        ("start over", "@reset"),
    ],
    # ---------------------------------------------------------------- events
    "events: wedding in black and white": [
        ("a wedding photo", "+wedding !photo @new"),
        ("black and white", "+wedding +black_and_white @refine"),
        ("their first dance", "+wedding +first_dance +black_and_white !their @refine"),
    ],
    "events: birthday candles": [
        ("birthday cake with candles", "+birthday +cake +candle @new"),
        ("my son blowing them out", "+son +blow +candle !them !my @refine"),
        ("his 5th birthday in 2020", "+birthday ~taken !his @filter"),
    ],
    "events: concert front row": [
        ("concert pics from the front row", "+concert +front_row !pic @new"),
        ("with the confetti", "+concert +confetti @refine"),
        ("not the blurry ones", "+concert -blurry @exclude"),
        ("in london", "+concert +confetti ~place @filter"),
    ],
    "events: fireworks over the river": [
        ("new years eve fireworks", "+firework @new"),
        ("over the river", "+firework +river @refine"),
        ("from 2019", "+firework +river ~taken @filter"),
    ],
    "events: halloween party": [
        ("halloween party costumes \U0001f383", "+halloween +party +costume @new"),
        ("the zombie ones", "+costume +zombie @refine"),
        ("lol start over", "@reset"),
    ],
    "events: baby shower": [
        ("baby shower decorations", "+baby_shower +decoration @new"),
        ("pink balloons", "+pink +balloon @refine"),
    ],
    "events: christmas morning presents": [
        ("kids opening presents on christmas morning", "+kid +open +present +christmas @new"),
        ("in their pyjamas", "+kid +present +pyjamas !their @refine"),
        ("more like the 3rd", "@more_like"),
    ],
    "events: festival lasers": [
        ("music festival crowd", "+music +festival +crowd @new"),
        ("at night with lasers", "+festival +night +laser @refine"),
        ("from the gopro", "+festival +laser ~camera @filter"),
    ],
    "events: cutting the cake": [
        ("bride and groom cutting the cake", "+bride +groom +cut +cake @new"),
        ("outdoors under the tent", "+bride +cake +tent @refine"),
    ],
    "events: anniversary dinner": [
        ("our anniversary dinner", "+anniversary +dinner !our @new"),
        ("candles on the table", "+dinner +candle +table @refine"),
        ("the one in paris 2 years ago", "+dinner +candle ~place ~taken @filter"),
    ],
    "events: parade": [
        ("parade w floats", "+parade +float !w @new"),
        ("the marching band", "+parade +marching_band @refine"),
    ],
    "events: bachelorette in barcelona": [
        ("bachelorette party in barcelona", "+bachelorette +party ~place @new"),
        ("on the boat", "+party +boat ~place @refine"),
        ("without the guys photobombing", "+party +boat -guy @exclude"),
    ],
    "events: bouncy castle": [
        ("kids party with a bouncy castle", "+kid +party +bouncy_castle @new"),
        ("with face painting", "+kid +face_painting @refine"),
    ],
    "events: best man speech": [
        ("best man giving his speech", "+best_man +speech !his @new"),
        ("everyone laughing", "+speech +laugh @refine"),
    ],
    "events: ferris wheel, then the carousel": [
        ("ferris wheel at the fair", "+ferris_wheel +fair @new"),
        ("lit up at night", "+ferris_wheel +light +night @refine"),
        ("what about the carousel", "+carousel +night !ferris @refine"),
    ],
    "events: on stage": [
        ("me on stage at the conference", "+stage +conference !me @new"),
        ("thanks thats it", "@none"),
    ],
    "events: graduation party in new york": [
        ("graduation party in new york", "+graduation +party ~place @new"),
        ("with the balloons spelling class of 2023", "+graduation +balloon @refine"),
    ],
    # -------------------------------------------------------------- vehicles
    "vehicles: my car, blue, in the garage": [
        ("show me my car", "+car !show !my @new"),
        ("the blue one", "+car +blue @refine"),
        ("parked in the garage", "+car +blue +park +garage @refine"),
    ],
    "vehicles: man on a bicycle in the rain": [
        ("a man riding a bicycle", "+man +ride +bicycle @new"),
        ("in the rain", "+man +ride +bicycle +rain @refine"),
    ],
    "vehicles: vintage car show": [
        ("vintage cars at the car show", "+vintage +car +car_show @new"),
        ("red convertibles only", "+red +convertible @refine"),
        ("no people standing around them", "+convertible -people !them @exclude"),
    ],
    "vehicles: motorbike on the coast": [
        ("my motorbike by the coast", "+motorbike +coast !my @new"),
        ("the ones from the gopro on my helmet", "+motorbike +coast ~camera !my @filter"),
    ],
    "vehicles: steam train on a viaduct": [
        ("steam trains", "+steam +train @new"),
        ("crossing a viaduct", "+train +cross +viaduct @refine"),
        ("more like the second one", "@more_like"),
    ],
    "vehicles: sailboats, then fishing boats": [
        ("sailboats in the harbour", "+sailboat +harbour @new"),
        ("what about fishing boats", "+fishing_boat +harbour !sailboat @refine"),
        ("at dawn", "+fishing_boat +dawn @refine"),
    ],
    "vehicles: new car with a bow": [
        ("our new car with the big red bow on it", "+car +red +bow !it !our @new"),
        ("in front of the dealership", "+car +bow +dealership @refine"),
    ],
    "vehicles: yellow taxis": [
        ("yellow taxis in new york", "+yellow +taxi ~place @new"),
        ("stuck in traffic at night", "+taxi +traffic +night ~place @refine"),
    ],
    "vehicles: kid on the tractor": [
        ("tractor in the feild", "+tractor +field @new"),
        ("my kid sitting on it", "+kid +sit +tractor !it !my @refine"),
    ],
    "vehicles: planes taking off": [
        ("planes at the airport", "+plane +airport @new"),
        ("taking off", "+plane +take_off @refine"),
        ("show more", "@show_more"),
    ],
    "vehicles: campervan by a lake": [
        ("campervan parked by a lake", "+campervan +park +lake @new"),
        ("with the awning out", "+campervan +awning @refine"),
        ("summer 2022", "+campervan +awning ~taken @filter"),
    ],
    "vehicles: vespas in rome": [
        ("vespa scooters in rome", "+vespa +scooter ~place @new"),
        ("the mint green one", "+scooter +mint +green ~place @refine"),
    ],
    "vehicles: flat tire": [
        ("flat tire on the side of the road ugh", "+flat +tire +road !ugh @new"),
        ("thx", "@none"),
    ],
    "vehicles: double decker bus": [
        ("red double decker bus", "+red +double_decker +bus @new"),
        ("in london", "+bus ~place @filter"),
        ("no, the one on the bridge", "+bus +bridge @refine"),
    ],
    "vehicles: toy cars": [
        ("toy cars lined up on the floor", "+toy +car +floor @new"),
        ("only the red ones", "+toy +car +red @refine"),
    ],
    "vehicles: cable car in the fog": [
        ("cable car going up the mountain", "+cable_car +mountain @new"),
        ("in the fog", "+cable_car +fog @refine"),
        ("without the other cabins in view", "+cable_car -cabin @exclude"),
    ],
    "vehicles: electric car charging": [
        ("our electric car charging at night", "+electric +car +charge +night !our @new"),
        ("hmm what about the charger close up", "+charger !hmm @refine"),
        ("taken with my iphone", "+charger ~camera !my @filter"),
    ],
    # ----------------------------------------------------------------- sport
    "sport: people hiking on a ridge": [
        ("people hiking", "+people +hike @new"),
        ("on a ridge above the clouds", "+hike +ridge +cloud @refine"),
        ("with big backpacks", "+hike +backpack @refine"),
    ],
    "sport: surfing at sunset": [
        ("surfing at sunset", "+surf +sunset @new"),
        ("riding a big wave", "+surf +big +wave @refine"),
        ("taken on the gopro", "+surf +wave ~camera @filter"),
    ],
    "sport: skiing with friends": [
        ("skiing with friends", "+ski +friend @new"),
        ("jumping off a kicker lol", "+ski +jump +kicker !lol @refine"),
        ("only the ones with blue sky", "+ski +blue +sky @refine"),
    ],
    "sport: son's football match": [
        ("my son's football match", "+football +match !my @new"),
        ("him scoring a goal", "+score +goal !him @refine"),
        ("in the mud", "+football +goal +mud @refine"),
    ],
    "sport: marathon finish": [
        ("me running the marathon", "+run +marathon !me @new"),
        ("crossing the finish line", "+cross +finish_line @refine"),
        ("london 2019", "+marathon +finish_line ~place ~taken @filter"),
    ],
    "sport: yoga on the beach": [
        ("yoga on the beach", "+yoga +beach @new"),
        ("at sunrise", "+yoga +beach +sunrise @refine"),
    ],
    "sport: climbing, then bouldering": [
        ("rock climbing pics", "+rock +climb !pic @new"),
        ("indoor bouldering instead", "+indoor +bouldering @refine"),
    ],
    "sport: tennis serve": [
        ("me playing tennis", "+play +tennis !me @new"),
        ("serving the ball", "+tennis +serve @refine"),
        ("more like the 1st one", "@more_like"),
    ],
    "sport: kayaking, then canoeing": [
        ("kayaking on the river", "+kayak +river @new"),
        ("what about canoeing", "+canoe +river !kayak @refine"),
    ],
    "sport: tour de france": [
        ("tour de france riders going past", "+tour_de_france +rider @new"),
        ("the guy in the yellow jersey", "+rider +yellow +jersey @refine"),
    ],
    "sport: basketball in the driveway": [
        ("kids playing basketball in the driveway", "+kid +play +basketball +driveway @new"),
        ("shooting hoops at dusk", "+basketball +hoop +dusk @refine"),
    ],
    "sport: swim lessons": [
        ("swim lessons at the pool", "+swim +lesson +pool @new"),
        ("underwater shots", "+swim +underwater !shot @refine"),
        ("start over", "@reset"),
    ],
    "sport: snowboarding last winter": [
        ("snowboarding in the alps", "+snowboard +alps @new"),
        ("from last winter", "+snowboard ~taken @filter"),
        ("doing a backflip", "+snowboard +backflip @refine"),
    ],
    "sport: dad golfing": [
        ("dad playing golf", "+dad +play +golf @new"),
        ("putting on the green", "+dad +putt +green @refine"),
    ],
    "sport: stadium fans": [
        ("camp nou stadium", "+camp_nou +stadium @new"),
        ("fans cheering in the stands", "+fan +cheer +stand @refine"),
        ("thank you!", "@none"),
    ],
    "sport: gym selfies": [
        ("gym selfies", "+gym +selfie @new"),
        ("the mirror ones, not outside", "+gym +mirror -outside @refine"),
    ],
    "sport: skatepark": [
        ("skateboarding tricks at the skatepark", "+skateboard +trick +skatepark @new"),
        ("mid air ones", "+skateboard +air @refine"),
        ("canon pics only", "+skateboard +air ~camera !pic @filter"),
    ],
    # ------------------------------------------------------------------ home
    "home: living room painted green": [
        ("our living room", "+living_room !our @new"),
        ("after we painted it green", "+living_room +green !it @refine"),
        ("with the christmas tree up", "+living_room +christmas_tree @refine"),
    ],
    "home: kitchen renovation": [
        ("kitchen renovation progress", "+kitchen +renovation @new"),
        ("the new cabinets", "+kitchen +cabinet @refine"),
        ("from 2021", "+kitchen +cabinet ~taken @filter"),
    ],
    "home: houseplants": [
        ("houseplants on the windowsill", "+houseplant +windowsill @new"),
        ("with big leaves", "+houseplant +big +leaf @refine"),
    ],
    "home: cozy bedroom": [
        ("cozy bedroom with fairy lights", "+cozy +bedroom +fairy_light @new"),
        ("no people in the bed", "+bedroom -people @exclude"),
    ],
    "home: garden shed": [
        ("the garden shed i built", "+garden +shed !i @new"),
        ("painted blue", "+shed +paint +blue @refine"),
        ("in the snow", "+shed +blue +snow @refine"),
    ],
    "home: fireplace stockings": [
        ("fire in the fireplace", "+fire +fireplace @new"),
        ("with the stockings hanging", "+fireplace +stocking +hang @refine"),
    ],
    "home: rainbow bookshelf": [
        ("bookshelf pics", "+bookshelf !pic @new"),
        ("sorted by colour like a rainbow", "+bookshelf +rainbow @refine"),
        ("more like #2", "@more_like"),
    ],
    "home: bathroom tiles": [
        ("bathroom tile samples", "+bathroom +tile +sample @new"),
        ("the hexagon ones", "+tile +hexagon @refine"),
        ("not the white ones", "+tile -white @exclude"),
    ],
    "home: moving boxes": [
        ("moving boxes stacked in the hallway", "+box +stack +hallway @new"),
        ("show more", "@show_more"),
    ],
    "home: patio string lights": [
        ("backyard patio at night", "+backyard +patio +night @new"),
        ("string lights over the table", "+patio +string_light +table @refine"),
        ("iphone pics", "+patio +string_light ~camera !pic @filter"),
    ],
    "home: ceiling leak": [
        ("the water stain on the ceiling", "+water +stain +ceiling @new"),
        ("from last week", "+stain +ceiling ~taken @filter"),
    ],
    "home: desk setup": [
        ("my desk setup", "+desk +setup !my @new"),
        ("with two monitors", "+desk +two +monitor @refine"),
        ("no cables visible", "+desk -cable @exclude"),
    ],
    "home: dinner party table": [
        ("dining table set for a dinner party", "+table +dinner_party @new"),
        ("candles and flowers", "+table +candle +flower @refine"),
    ],
    "home: old sofa, then the armchair": [
        ("the old sofa", "+old +sofa @new"),
        ("what about the armchair", "+old +armchair !sofa @refine"),
        ("in the corner by the window", "+armchair +corner +window @refine"),
    ],
    "home: airbnb in lisbon": [
        ("our airbnb in lisbon", "+airbnb ~place !our @new"),
        ("the kitchen with the blue tiles", "+kitchen +blue +tile ~place @refine"),
    ],
    "home: house in the snow": [
        ("our house covered in snow", "+house +snow !our @new"),
        ("with the lights on at night", "+house +snow +light +night @refine"),
        ("more like #2", "@more_like"),
    ],
    "home: cat on the new rug": [
        ("the new rug in the hallway", "+rug +hallway @new"),
        ("with the cat lying on it", "+rug +cat +lie !it @refine"),
        ("taken on the pixel last year", "+rug +cat ~camera ~taken @filter"),
    ],
    # ------------------------------------------------- longer conversations
    "pets: the red ball, run-on": [
        ("so my dog has this red ball he loves can you find pics of him with it",
         "+dog +red +ball !he !him !pic !find @new"),
        ("the ones in the snow", "+dog +ball +snow @refine"),
        ("not the indoor ones", "+dog -indoor @exclude"),
        ("more like the 3rd", "@more_like"),
        ("perfect thank u", "@none"),
    ],
    "family: grandma's 90th": [
        ("hey! looking for pictures from grandma's 90th birthday party",
         "+birthday +party !picture !hey !looking @new"),
        ("the one where she's blowing out the candles", "+blow +candle !she @refine"),
        ("with all the grandkids around her", "+candle +grandkid !her @refine"),
        ("from 2021", "+candle +grandkid ~taken @filter"),
        ("thanks so much \u2764\ufe0f", "@none"),
    ],
    "food: blueberry pancakes": [
        ("do you have any photos of pancakes with blueberries?", "+pancake +blueberry !photo !you @new"),
        ("stacked really high", "+pancake +stack @refine"),
        ("with syrup dripping down the side", "+pancake +syrup +drip @refine"),
        ("no the ones without whipped cream", "+pancake -whipped_cream @exclude"),
    ],
    "travel: a day in lisbon": [
        ("pics from lisbon", "~place !pic @filter"),
        ("the view from the castle", "+view +castle ~place @refine"),
        ("at sunset with the bridge in the distance", "+view +sunset +bridge ~place @refine"),
        ("taken with the canon", "+view +bridge ~place ~camera @filter"),
        ("show more", "@show_more"),
    ],
    "nature: the turquoise lake": [
        ("theres this lake we hiked to last summer with really turquoise water do you have it",
         "+lake +turquoise +water ~taken !it @new"),
        ("with the mountains behind it", "+lake +mountain ~taken !it @refine"),
        ("and no people swimming", "+lake -people ~taken @exclude"),
    ],
    "city: red phone boxes": [
        ("red phone boxes", "+red +phone_box @new"),
        ("in london obvs", "+phone_box ~place !obvs @filter"),
        ("with someone inside", "+phone_box +inside ~place @refine"),
        ("no actually empty ones", "+phone_box +empty ~place !someone @refine"),
    ],
    "city: cobblestone street without cars": [
        ("cobblestone street in rome", "+cobblestone +street ~place @new"),
        ("without any cars in the background", "+street -car ~place @exclude"),
        ("in the early morning light", "+street +morning +light ~place @refine"),
    ],
    "docs: screenshots, bank app, then the flight email": [
        ("screenshots", "+screenshot @new"),
        ("of my bank app", "+screenshot +bank +app !my @refine"),
        ("no not that, the flight confirmation email", "+screenshot +flight +confirmation +email !bank @refine"),
        ("from march", "+email +confirmation ~taken @filter"),
    ],
    "events: cousin's wedding in rome": [
        ("my cousins wedding in rome", "+wedding ~place !my @new"),
        ("the group shot on the church steps", "+group +church +step ~place @refine"),
        ("without the photographer in it", "+group -photographer !it @exclude"),
        ("more like the 2nd", "@more_like"),
        ("ok start over", "@reset"),
    ],
    "vehicles: bike in the snow, then the scooter": [
        ("my bike locked to a railing", "+bike +lock +railing !my @new"),
        ("covered in snow lol", "+bike +snow !lol @refine"),
        ("what about the scooter instead", "+scooter +snow !bike @refine"),
        ("from the pixel", "+scooter +snow ~camera @filter"),
    ],
    "sport: canyoning on the gopro": [
        ("can u find the gopro shots from when we went canyoning", "+canyoning ~camera !u !find @new"),
        ("jumping into the water", "+jump +water ~camera @refine"),
        ("the big jump off the waterfall", "+jump +waterfall ~camera @refine"),
        ("thx that's the one", "@none"),
    ],
    "home: vegetable garden harvest": [
        ("pics of the vegetable garden", "+vegetable +garden !pic @new"),
        ("tomatoes on the vine", "+tomato +vine @refine"),
        ("the big harvest basket", "+harvest +basket @refine"),
        ("from last august", "+harvest +basket ~taken @filter"),
        ("ty", "@none"),
    ],
}

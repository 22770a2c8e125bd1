"""HELD-OUT open-vocabulary dialogs: what a person wants each turn of a photo-library chat to search.

Written after the planner's rules were frozen (issues 16 and 22), without reading the bot's code or the other
dialog tables' conversations.  No planner rule may be written for these dialogs: they measure generalisation.

``HELDOUT_OPEN`` maps a dialog name, ``"<theme>: <title>"``, to its turns, each ``(message, spec)``, in the spec
language of ``tests/dialogs_open.py``: ``+word`` the phrase must say it (lemma match; ``+a_b`` a contiguous run),
``!word`` it must not, ``-word`` a negative must say it, exactly one ``@action`` (new, refine, exclude, filter,
more_like, show_more, reset, none), ``~taken`` / ``~place`` / ``~camera`` a filter of that kind is set.

Themes: pets, family, food, travel, nature, city, docs, events, vehicles, sport, home, hobbies, work.
"""

HELDOUT_OPEN: dict[str, list[tuple[str, str]]] = {
    # ------------------------------------------------------------------ pets
    "pets: parrot on a shoulder": [
        ("pics of the parrot sitting on my husband's shoulder", "+parrot +shoulder !pic !my @new"),
        ("the ones where its wings are spread out", "+parrot +wing !its @refine"),
        ("ty!!", "@none"),
    ],
    "pets: hamster in its ball": [
        ("hamster", "+hamster @new"),
        ("running around in its little plastic ball", "+hamster +ball !its @refine"),
        ("not the blurry ones", "+hamster +ball -blurry @exclude"),
    ],
    "pets: dogs with a rope": [
        ("both dogs pulling on the rope toy", "+dog +rope @new"),
        ("outside in the snow", "+dog +rope +snow @refine"),
        ("from january 2021", "+dog +snow ~taken @filter"),
    ],
    "pets: goldfish tank": [
        ("our goldfish tank right after i cleaned it", "+goldfish +tank !our !i @new"),
        ("with the little castle decoration", "+goldfish +tank +castle @refine"),
    ],
    "pets: pony jumping": [
        ("my daughter on her pony at riding lessons", "+pony !my !her @new"),
        ("jumping over a fence", "+pony +jump +fence @refine"),
        ("the canon ones only", "+pony +jump ~camera @filter"),
    ],
    "pets: cat in a box": [
        ("cat squeezed into a cardboard box lol", "+cat +cardboard_box !lol @new"),
        ("what about the laundry basket instead", "+cat +laundry_basket !box @refine"),
    ],
    "pets: typo kitty then start over": [
        ("hiii can u find pictures of my kitty sleeping in the sun", "+kitty +sleep +sun !u !picture !my @new"),
        ("nvm start over", "@reset"),
        ("dogs at the park", "+dog +park !kitty @new"),
    ],
    "pets: dog and cat together": [
        ("the dog and the cat cuddled up together on the rug", "+dog +cat +rug @new"),
        ("sorry i meant the couch not the rug", "+dog +cat +couch !rug @refine"),
        ("more like the 4th one", "@more_like"),
    ],
    # ------------------------------------------------------------------ family
    "family: grandma's birthday candles": [
        ("grandma blowing out the candles on her 90th birthday cake", "+candle +cake !her @new"),
        ("with everyone crowded around the table", "+candle +cake +table @refine"),
    ],
    "family: baby's first steps": [
        ("babys first steps", "+baby +step @new"),
        ("while holding onto the couch", "+baby +couch @refine"),
        ("only ones taken on the pixel", "+baby +couch ~camera @filter"),
    ],
    "family: halloween dinosaur": [
        ("kids dressed up for halloween", "+kid +halloween @new"),
        ("the one where jake is a dinosaur", "+halloween +dinosaur @refine"),
        ("2019", "+dinosaur ~taken @filter"),
    ],
    "family: wedding first dance": [
        ("our first dance at the wedding", "+dance +wedding !our @new"),
        ("black and white only", "+dance +wedding +black_and_white @refine"),
    ],
    "family: sandcastle with cousins": [
        ("the cousins building a huge sandcastle", "+sandcastle +build @new"),
        ("in lisbon", "+sandcastle ~place @filter"),
        ("what about barcelona", "+sandcastle ~place @filter"),
    ],
    "family: dad at the grill": [
        ("dad at the bbq grilling sausages", "+grill +sausage @new"),
        ("ones with no smoke in the shot pls", "+grill +sausage -smoke !pls @exclude"),
    ],
    "family: graduation": [
        ("throwing graduation caps in the air", "+graduation +cap +throw @new"),
        ("the group shot in front of the old building", "+graduation +group +building @refine"),
    ],
    "family: sister's wedding dress": [
        ("my sister's wedding dress hanging by the window", "+wedding_dress +hang +window !my @new"),
        ("no people in it, just the dress", "+wedding_dress -people !it @exclude"),
    ],
    # ------------------------------------------------------------------ food
    "food: ramen in tokyo": [
        ("that bowl of ramen i had in tokyo", "+ramen +bowl ~place !i @new"),
        ("with a soft boiled egg on top", "+ramen +egg @refine"),
        ("show more", "@show_more"),
    ],
    "food: sourdough loaf": [
        ("the sourdough loaf I baked", "+sourdough +loaf !i @new"),
        ("cut open so you can see the inside", "+sourdough +cut @refine"),
    ],
    "food: pizza without olives": [
        ("pizza", "+pizza @new"),
        ("but without olives", "+pizza -olive !olive @exclude"),
        ("only the margherita one", "+pizza +margherita @refine"),
    ],
    "food: croissants in paris": [
        ("croissants and coffee at a cafe in paris", "+croissant +coffee +cafe ~place @new"),
        ("at an outdoor table", "+croissant +table +outdoor @refine"),
    ],
    "food: sushi platter": [
        ("the giant sushi platter from someones birthday", "+sushi +platter @new"),
        ("more like the third one", "@more_like"),
    ],
    "food: melting ice cream": [
        ("melting ice cream cone", "+ice_cream +cone +melt @new"),
        ("held by a little kid", "+ice_cream +kid @refine"),
        ("not the chocolate ones", "+ice_cream -chocolate @exclude"),
    ],
    "food: tapas": [
        ("tapas", "+tapas @new"),
        ("in barcelona last summer", "+tapas ~place ~taken @filter"),
    ],
    # ------------------------------------------------------------------ travel
    "travel: eiffel tower at night": [
        ("eifel tower lit up at night", "+eiffel +tower +night @new"),
        ("seen from a boat on the river", "+eiffel +tower +boat +river @refine"),
    ],
    "travel: kyoto temples": [
        ("temples in kyoto", "+temple ~place @new"),
        ("with red maple leaves", "+temple +red +maple @refine"),
        ("not the crowded ones", "+temple +maple -crowded @exclude"),
    ],
    "travel: airplane window": [
        ("view out the airplane window over the clouds", "+airplane +window +cloud @new"),
        ("with the wing visible", "+airplane +wing @refine"),
    ],
    "travel: hotel balcony": [
        ("the hotel room in rome with the balcony", "+hotel +balcony ~place @new"),
        ("the view from that balcony", "+balcony +view !that @refine"),
    ],
    "travel: big ben and a bus": [
        ("big ben", "+big_ben @new"),
        ("with a red double decker bus in front", "+big_ben +red +bus @refine"),
        ("only from my iphone", "+big_ben +bus ~camera !my @filter"),
    ],
    "travel: packed suitcase": [
        ("the photo of my packed suitcase before the trip", "+suitcase !photo !my @new"),
        ("is there one with the cat sitting inside it", "+suitcase +cat !it @refine"),
    ],
    "travel: northern lights": [
        ("did i ever take photos of the northern lights?", "+northern_lights !photo !i @new"),
        ("with a cabin in the foreground", "+northern_lights +cabin @refine"),
    ],
    # ------------------------------------------------------------------ nature
    "nature: forest waterfall": [
        ("waterfall in the forest", "+waterfall +forest @new"),
        ("long exposure, silky water", "+waterfall +long_exposure @refine"),
        ("shot on the gopro", "+waterfall ~camera @filter"),
    ],
    "nature: rainbow": [
        ("was there a rainbow over the field", "+rainbow +field @new"),
        ("a double rainbow if you have one", "+double +rainbow @refine"),
    ],
    "nature: mushrooms on a log": [
        ("mushrooms growing on a log", "+mushroom +log @new"),
        ("the tiny white ones", "+mushroom +white +tiny @refine"),
        ("hmm actually the red ones with white spots", "+mushroom +red +spot @refine"),
    ],
    "nature: storm": [
        ("lightning during that storm last august", "+lightning ~taken @new"),
        ("over the city skyline", "+lightning +skyline @refine"),
    ],
    "nature: foggy sunrise": [
        ("sunrise over the mountains with fog down in the valley", "+sunrise +mountain +fog @new"),
        ("no people", "+sunrise +mountain -people @exclude"),
    ],
    "nature: bird feeder, then squirrels": [
        ("birds at the feeder", "+bird +feeder @new"),
        ("what about squirrels", "+squirrel +feeder !bird @refine"),
        ("hanging upside down", "+squirrel +upside_down @refine"),
    ],
    # ------------------------------------------------------------------ city
    "city: graffiti wall": [
        ("street art on a brick wall", "+street_art +brick +wall @new"),
        ("with someone walking past it", "+street_art +walk !it @refine"),
    ],
    "city: yellow cabs": [
        ("yellow taxis in new york", "+yellow +taxi ~place @new"),
        ("at night in the rain", "+taxi +night +rain @refine"),
    ],
    "city: busy crossing": [
        ("that crazy busy crossing in tokyo", "+busy +crossing ~place @new"),
        ("taken from above", "+crossing +above @refine"),
    ],
    "city: tram on a hill": [
        ("yellow tram going up a steep hill", "+yellow +tram +hill @new"),
        ("lisbon obviously", "+tram ~place @filter"),
        ("next page", "@show_more"),
    ],
    "city: bakery with blue shutters": [
        ("so we were in paris last spring and there was this little bakery with blue shutters, do you have that",
         "+bakery +blue +shutter ~place ~taken !we @new"),
        ("the one with the bike leaning against the front", "+bakery +bike +lean @refine"),
    ],
    "city: rooftop at dusk": [
        ("rooftop view over the city at dusk", "+rooftop +city +dusk @new"),
        ("with string lights", "+rooftop +string_light @refine"),
    ],
    # ------------------------------------------------------------------ docs
    "docs: crumpled receipt": [
        ("receipt from the restaurant", "+receipt +restaurant @new"),
        ("the crumpled one", "+receipt +crumpled @refine"),
    ],
    "docs: boarding pass screenshot": [
        ("screenshot of my boarding pass", "+screenshot +boarding_pass !my @new"),
        ("from march", "+boarding_pass ~taken @filter"),
    ],
    "docs: whiteboard diagram": [
        ("whiteboard from the planning meeting", "+whiteboard @new"),
        ("the one where the diagram has lots of arrows", "+whiteboard +diagram +arrow @refine"),
    ],
    "docs: handwritten recipe": [
        ("grandmas handwritten recipe card", "+handwritten +recipe @new"),
        ("not the printed ones", "+recipe -printed @exclude"),
    ],
    "docs: router sticker": [
        ("that pic of the wifi password sticker on the router", "+router +sticker !pic !that @new"),
    ],
    # ------------------------------------------------------------------ events
    "events: concert confetti": [
        ("concert with confetti falling on the crowd", "+concert +confetti +crowd @new"),
        ("closer ones of the singer", "+concert +singer @refine"),
    ],
    "events: fireworks over the river": [
        ("fireworks over the river", "+firework +river @new"),
        ("in london", "+firework ~place @filter"),
        ("thx that's it", "@none"),
    ],
    "events: marathon finish": [
        ("runners crossing the marathon finish line", "+runner +finish_line @new"),
        ("the one where im holding up my medal", "+medal +hold !im !my @refine"),
    ],
    "events: christmas tree by year": [
        ("christmas tree with presents underneath", "+christmas_tree +present @new"),
        ("from 2020", "+christmas_tree ~taken @filter"),
        ("actually make it 2022", "+christmas_tree ~taken @filter"),
    ],
    # ------------------------------------------------------------------ vehicles
    "vehicles: vintage convertible": [
        ("old vintage cars at the car show", "+vintage +car @new"),
        ("the red convertible", "+red +convertible @refine"),
        ("with the roof down", "+convertible +roof @refine"),
    ],
    "vehicles: motorbike by the lake": [
        ("my motorbike parked by the lake", "+motorbike +park +lake !my @new"),
        ("without the helmet on the seat", "+motorbike -helmet @exclude"),
    ],
    "vehicles: trains": [
        ("steam train at the station", "+steam +train +station @new"),
        ("what about the bullet train in kyoto", "+bullet_train !steam ~place @refine"),
    ],
    "vehicles: sailing boat": [
        ("sailboat with white sails out on the bay", "+sailboat +white +sail @new"),
        ("at sunset", "+sailboat +sunset @refine"),
        ("from the canon", "+sailboat +sunset ~camera @filter"),
    ],
    "vehicles: scratched car": [
        ("the car that got scratched in the parking lot", "+car +scratch +parking_lot @new"),
        ("close up of the scratch", "+car +scratch @refine"),
    ],
    # ------------------------------------------------------------------ sport
    "sport: skiing on the gopro": [
        ("gopro shots of me skiing", "+ski ~camera !me @new"),
        ("through the trees", "+ski +tree @refine"),
    ],
    "sport: kids football": [
        ("kids soccer game", "+kid +soccer @new"),
        ("the one where my son scores a goal", "+soccer +goal !my @refine"),
    ],
    "sport: surfers": [
        ("surfers catching a wave", "+surfer +wave @new"),
        ("only the really big waves", "+surfer +big +wave @refine"),
        ("more like the first", "@more_like"),
    ],
    "sport: climbing wall": [
        ("indoor climbing wall", "+climbing_wall +indoor @new"),
        ("someone hanging from the top hold", "+climbing_wall +hang @refine"),
    ],
    # ------------------------------------------------------------------ home
    "home: kitchen cabinets": [
        ("kitchen before we renovated", "+kitchen !we @new"),
        ("with the old green cabinets", "+kitchen +green +cabinet @refine"),
    ],
    "home: snowy house with lights": [
        ("our house covered in snow", "+house +snow !our @new"),
        ("with the christmas lights on", "+house +snow +christmas_light @refine"),
        ("december 2021", "+house +snow ~taken @filter"),
    ],
    "home: houseplants": [
        ("my houseplants on the windowsill", "+houseplant +windowsill !my @new"),
        ("just the monstera", "+monstera @refine"),
    ],
    "home: leak under the sink": [
        ("photo of the leak under the sink i sent the plumber", "+leak +sink !photo !i @new"),
    ],
    # ------------------------------------------------------------------ hobbies
    "hobbies: knitted scarf": [
        ("the scarf i knitted", "+scarf +knit !i @new"),
        ("the striped one", "+scarf +striped @refine"),
    ],
    "hobbies: lego build": [
        ("lego millennium falcon finished", "+lego +millennium_falcon @new"),
        ("half built pieces everywhere", "+lego +piece @refine"),
    ],
    "hobbies: watercolours": [
        ("watercolor paintings of flowers", "+watercolor +painting +flower @new"),
        ("not the unfinished ones", "+watercolor -unfinished @exclude"),
    ],
    # ------------------------------------------------------------------ work
    "work: team offsite": [
        ("team photo from the offsite", "+team @new"),
        ("the one where everyone's wearing the same blue shirts", "+team +blue +shirt @refine"),
    ],
    "work: desk setup": [
        ("my desk setup with two monitors", "+desk +monitor !my @new"),
        ("at night with the led strip on", "+desk +night +led @refine"),
        ("hello?", "@none"),
    ],
}

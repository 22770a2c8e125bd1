"""Conversations about a camera roll (tests/photoroll.py TRIPS, today 2026-11-29), written by someone who
saw only the list of trips: years, months, seasons, "last summer", "the winter before that", places, cameras,
order, content, corrections and places the roll does not have.

Each turn is (message, wanted): what every shown photo must be, as key=value items: city=, country=, year=,
month=YYYY-MM, after= / before= (a day, before is exclusive), camera= (part of the camera name), and the drawn
attributes kind=, color=, count=, size=, setting=, time=; spaces in values are underscores. "" means the bot
must show nothing (a place, camera or time the roll does not have).
"""

from __future__ import annotations

ROLL_DIALOGS: dict[str, list[tuple[str, str]]] = {
    "year 2018 boats": [
        ("photos from 2018", "year=2018"),
        ("only the ones with boats", "year=2018 kind=boat"),
        ("newest first", "year=2018 kind=boat"),
    ],
    "shot in 2023 then july": [
        ("what did I shoot in 2023?", "year=2023"),
        ("just july", "month=2023-07"),
        ("any yellow flowers?", "month=2023-07 kind=flower color=yellow"),
    ],
    "march 2022 nikon": [
        ("show me march 2022", "month=2022-03"),
        ("which ones were taken with the Nikon?", "month=2022-03 camera=nikon"),
        ("big ones only", "month=2022-03 camera=nikon size=big"),
    ],
    "this year kyoto trees": [
        ("everything from this year", "year=2026"),
        ("only Kyoto", "year=2026 city=Kyoto"),
        ("now just the trees", "year=2026 city=Kyoto kind=tree"),
    ],
    "last year paris spillover": [
        ("photos from last year", "year=2025"),
        ("only the Paris ones", "year=2025 city=Paris"),
        ("at night", "year=2025 city=Paris time=night"),
    ],
    "last month boats water": [
        ("what did I take last month?", "month=2026-10"),
        ("show the boats", "month=2026-10 kind=boat"),
        ("on the water only", "month=2026-10 kind=boat setting=water"),
    ],
    "last 6 months pixel": [
        ("photos from the last 6 months", "after=2026-05-29"),
        ("pixel only", "after=2026-05-29 camera=pixel"),
        ("oldest first", "after=2026-05-29 camera=pixel"),
    ],
    "last summer empty then 2025": [
        ("show me photos from last summer", ""),
        ("hmm, what about the summer before that?", "after=2025-06-01 before=2025-09-01"),
        ("just the cars", "after=2025-06-01 before=2025-09-01 kind=car"),
    ],
    "this spring purple flowers": [
        ("photos from this spring", "after=2026-03-01 before=2026-06-01"),
        ("any flowers?", "after=2026-03-01 before=2026-06-01 kind=flower"),
        ("only the purple ones", "after=2026-03-01 before=2026-06-01 kind=flower color=purple"),
    ],
    "last winter empty then before": [
        ("anything from last winter?", ""),
        ("ok, the winter before that then", "after=2024-12-01 before=2025-03-01"),
        ("only stuff in the snow", "after=2024-12-01 before=2025-03-01 setting=snow"),
    ],
    "between 2022 and 2024 japan fish": [
        ("photos between 2022 and 2024", "after=2022-01-01 before=2025-01-01"),
        ("just the ones in Japan", "after=2022-01-01 before=2025-01-01 country=Japan"),
        ("with fish", "after=2022-01-01 before=2025-01-01 country=Japan kind=fish"),
    ],
    "june to august 2023 orange": [
        ("pictures from June to August 2023", "after=2023-06-01 before=2023-09-01"),
        ("only the orange ones", "after=2023-06-01 before=2023-09-01 color=orange"),
    ],
    "before 2020 houses": [
        ("show me everything before 2020", "before=2020-01-01"),
        ("just the houses", "before=2020-01-01 kind=house"),
        ("sort oldest first", "before=2020-01-01 kind=house"),
    ],
    "since 2024 portugal red cars": [
        ("photos since 2024", "after=2024-01-01"),
        ("only from Portugal", "after=2024-01-01 country=Portugal"),
        ("red cars", "after=2024-01-01 country=Portugal kind=car color=red"),
    ],
    "porto corrected to lisbon": [
        ("photos from Porto", "city=Porto"),
        ("no, I meant Lisbon", "city=Lisbon"),
        ("the ones at the beach", "city=Lisbon setting=beach"),
    ],
    "portugal trips 2018 trees": [
        ("show me photos from my Portugal trips", "country=Portugal"),
        ("just the 2018 one", "country=Portugal year=2018"),
        ("trees only", "country=Portugal year=2018 kind=tree"),
    ],
    "japan flowers night kyoto tokyo": [
        ("flowers in Japan at night", "kind=flower country=Japan time=night"),
        ("only Kyoto", "kind=flower country=Japan time=night city=Kyoto"),
        ("actually, Tokyo", "kind=flower country=Japan time=night city=Tokyo"),
    ],
    "berlin then paris": [
        ("anything from Berlin?", ""),
        ("ok, then show me Paris", "city=Paris"),
    ],
    "japan then osaka then kyoto": [
        ("show me my Japan photos", "country=Japan"),
        ("just the ones from Osaka", ""),
        ("ok, Kyoto then", "country=Japan city=Kyoto"),
    ],
    "new york street cars night": [
        ("photos taken in New York", "city=New_York"),
        ("cars on the street", "city=New_York kind=car setting=street"),
        ("only at night", "city=New_York kind=car setting=street time=night"),
    ],
    "united states pixel": [
        ("what do I have from the United States?", "country=United_States"),
        ("shot on the pixel", "country=United_States camera=pixel"),
    ],
    "iphone japan iphone 15": [
        ("photos shot on my iPhone", "camera=iphone"),
        ("from Japan", "camera=iphone country=Japan"),
        ("only the iPhone 15 ones", "camera=iphone_15 country=Japan"),
    ],
    "nikon blue boats": [
        ("show the pictures I took with the Nikon", "camera=nikon"),
        ("any boats?", "camera=nikon kind=boat"),
        ("just blue ones", "camera=nikon kind=boat color=blue"),
    ],
    "pixel 2026 newest": [
        ("pixel photos", "camera=pixel"),
        ("only 2026", "camera=pixel year=2026"),
        ("newest first", "camera=pixel year=2026"),
    ],
    "pixel in july": [
        ("show me what I shot on the Pixel", "camera=pixel"),
        ("in july", "camera=pixel month=2025-07"),
        ("only the small ones", "camera=pixel month=2025-07 size=small"),
    ],
    "canon january 2025 fish": [
        ("canon shots please", "camera=canon"),
        ("only the ones from January 2025", "camera=canon month=2025-01"),
        ("fish", "camera=canon month=2025-01 kind=fish"),
    ],
    "sony empty then canon": [
        ("show me photos from my Sony", ""),
        ("oh wait, it was the Canon", "camera=canon"),
    ],
    "boats rome then lisbon": [
        ("boats in Rome", "kind=boat city=Rome"),
        ("what about in Lisbon?", "kind=boat city=Lisbon"),
        ("only the ones with two boats", "kind=boat city=Lisbon count=2"),
    ],
    "red last year new york big": [
        ("red things from last year", "color=red year=2025"),
        ("only in New York", "color=red year=2025 city=New_York"),
        ("and just the big ones", "color=red year=2025 city=New_York size=big"),
    ],
    "start over with new query": [
        ("green trees in Kyoto", "kind=tree color=green city=Kyoto"),
        ("start over. show me cars from Tokyo", "kind=car city=Tokyo"),
    ],
    "plain start over": [
        ("blue cars in New York", "kind=car color=blue city=New_York"),
        ("start over", ""),
        ("show me trees from 2018", "kind=tree year=2018"),
    ],
    "london spain italy": [
        ("do I have any photos from London?", ""),
        ("what about Spain?", ""),
        ("ok, Italy", "country=Italy"),
    ],
    "lisbon 2018 contradiction": [
        ("Lisbon photos", "city=Lisbon"),
        ("from 2018", ""),
        ("oh right, that was Porto", "city=Porto year=2018"),
    ],
    "iphone 12 pro grass": [
        ("photos from the iPhone 12 Pro", "camera=iphone_12_pro"),
        ("only on grass", "camera=iphone_12_pro setting=grass"),
    ],
    "two years ago paris": [
        ("what did I shoot two years ago?", "year=2024"),
        ("only in Paris", "year=2024 city=Paris"),
        ("oldest first", "year=2024 city=Paris"),
    ],
    "december 2024 extended": [
        ("photos from December 2024", "month=2024-12"),
        ("include January 2025 too", "after=2024-12-01 before=2025-02-01"),
        ("just the yellow ones", "after=2024-12-01 before=2025-02-01 color=yellow"),
    ],
    "last 3 years japan small flowers": [
        ("photos from the last 3 years", "after=2023-11-29"),
        ("just Japan", "after=2023-11-29 country=Japan"),
        ("small flowers", "after=2023-11-29 country=Japan kind=flower size=small"),
    ],
    "past year pixel": [
        ("show me the past year", "after=2025-11-29"),
        ("only pixel", "after=2025-11-29 camera=pixel"),
    ],
    "single tree snow 2022": [
        ("a single tree in the snow", "kind=tree count=1 setting=snow"),
        ("only from 2022", "kind=tree count=1 setting=snow year=2022"),
    ],
    "three cars drop colour": [
        ("photos with three cars", "kind=car count=3"),
        ("red ones", "kind=car count=3 color=red"),
        ("forget the colour", "kind=car count=3"),
    ],
    "drop camera porto houses": [
        ("iphone photos from Porto", "camera=iphone city=Porto"),
        ("never mind the camera, just Porto houses", "city=Porto kind=house"),
    ],
    "spring 2022 street day": [
        ("spring 2022 pictures", "after=2022-03-01 before=2022-06-01"),
        ("only street scenes", "after=2022-03-01 before=2022-06-01 setting=street"),
        ("by day", "after=2022-03-01 before=2022-06-01 setting=street time=day"),
    ],
    "2019 to 2021 empty then 2022": [
        ("anything from 2019 to 2021?", ""),
        ("ok how about 2022", "year=2022"),
    ],
    "this month empty then last month": [
        ("did I take any photos this month?", ""),
        ("last month then", "month=2026-10"),
        ("only the green ones", "month=2026-10 color=green"),
    ],
    "kyoto purple then blue flowers": [
        ("purple flowers in Kyoto", "kind=flower color=purple city=Kyoto"),
        ("what about blue", "kind=flower color=blue city=Kyoto"),
        ("newest first", "kind=flower color=blue city=Kyoto"),
    ],
    "fish new york corrected tokyo": [
        ("fish photos from New York", "kind=fish city=New_York"),
        ("no, I meant Tokyo", "kind=fish city=Tokyo"),
    ],
    "nikon tokyo empty": [
        ("Tokyo photos shot with the Nikon", ""),
        ("fine, just Tokyo then", "city=Tokyo"),
        ("houses at night", "city=Tokyo kind=house time=night"),
    ],
    "japan 2026 vs 2023": [
        ("show my Japan photos from 2026", "country=Japan year=2026"),
        ("and from 2023?", "country=Japan year=2023"),
    ],
    "orange boats beach portugal night": [
        ("orange boats on the beach", "kind=boat color=orange setting=beach"),
        ("only in Portugal", "kind=boat color=orange setting=beach country=Portugal"),
        ("at night", "kind=boat color=orange setting=beach country=Portugal time=night"),
    ],
    "paris 2025 big houses": [
        ("pictures taken in Paris", "city=Paris"),
        ("only the ones from 2025", "city=Paris year=2025"),
        ("big houses", "city=Paris year=2025 kind=house size=big"),
    ],
    "july 2025 pixel green cars": [
        ("july 2025 photos", "month=2025-07"),
        ("with the pixel", "month=2025-07 camera=pixel"),
        ("green cars", "month=2025-07 camera=pixel kind=car color=green"),
    ],
    "italy oldest small": [
        ("what did I shoot in Italy?", "country=Italy"),
        ("oldest first", "country=Italy"),
        ("only the small ones", "country=Italy size=small"),
    ],
    "last 2 months water": [
        ("photos from the last 2 months", "after=2026-09-29"),
        ("only water scenes", "after=2026-09-29 setting=water"),
    ],
    "tokyo iphone then kyoto": [
        ("iphone pictures from Tokyo", "camera=iphone city=Tokyo"),
        ("same but Kyoto", "camera=iphone city=Kyoto"),
        ("just the red ones", "camera=iphone city=Kyoto color=red"),
    ],
    "canon correction to nikon": [
        ("canon photos of trees", "camera=canon kind=tree"),
        ("sorry, I meant the Nikon", "camera=nikon kind=tree"),
        ("only one tree in the picture", "camera=nikon kind=tree count=1"),
    ],
    "before 2023 japan empty then tokyo": [
        ("photos from Japan before 2023", ""),
        ("ok, Japan in 2023 then", "country=Japan year=2023"),
        ("day shots only", "country=Japan year=2023 time=day"),
    ],
    "kyoto april 2026 big boats": [
        ("april 2026", "month=2026-04"),
        ("big boats", "month=2026-04 kind=boat size=big"),
        ("most recent first", "month=2026-04 kind=boat size=big"),
    ],
    "paris to amsterdam to paris": [
        ("purple houses in Paris", "kind=house color=purple city=Paris"),
        ("and in Amsterdam?", ""),
        ("ok, back to Paris but any colour", "kind=house city=Paris"),
    ],
}

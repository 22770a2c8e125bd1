"""Dates and cameras the way real cameras wrote them, as exiftool reads them: JPEGs written with Pillow's EXIF API
and read back through indexer.photometa.file_meta (the indexer's own path: header only, no pixels decoded).

Cameras of 1998-2000 wrote only IFD0's DateTime, or DateTimeOriginal in IFD0, with NULs, odd separators or blank
dates ("    :  :     :  :  "); trail cameras leave the seconds out; a Model may come alone, a Make alone, or the
make repeated inside the model. District names: a city district also answers to its city.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from bot.catalog import Catalog
from indexer.photometa import PhotoMeta, file_meta, with_places

B = ExifTags.Base
BLANK = "    :  :     :  :  "
MTIME = datetime(2026, 5, 5, 8, 0, tzinfo=UTC).timestamp()  # the file's copy time: never the date taken

# name -> (IFD0 tags, Exif IFD tags, the local wall-clock time expected, or None for "fell back to mtime")
DATES: dict[str, tuple[dict[int, object], dict[int, object], datetime | None]] = {
    "ifd0 DateTime only (1998)": ({B.DateTime: "1998:07:14 10:20:30"}, {}, datetime(1998, 7, 14, 10, 20, 30)),
    "blank original, ifd0 DateTime": ({B.DateTime: "1999:02:03 04:05:06"}, {B.DateTimeOriginal: BLANK},
                                      datetime(1999, 2, 3, 4, 5, 6)),
    "zero original, digitized": ({}, {B.DateTimeOriginal: "0000:00:00 00:00:00",
                                      B.DateTimeDigitized: "2000:01:01 12:00:00"}, datetime(2000, 1, 1, 12)),
    "original in ifd0": ({B.DateTimeOriginal: "1999:12:31 23:59:59"}, {}, datetime(1999, 12, 31, 23, 59, 59)),
    "NUL between date and time": ({}, {B.DateTimeOriginal: b"2000:01:01\x0012:00:00\x00"}, datetime(2000, 1, 1, 12)),
    "double space": ({}, {B.DateTimeOriginal: "2000:01:01  12:00:00"}, datetime(2000, 1, 1, 12)),
    "slashes": ({}, {B.DateTimeOriginal: "2000/01/02 03:04:05"}, datetime(2000, 1, 2, 3, 4, 5)),
    "dashes and T": ({}, {B.DateTimeOriginal: "2001-02-03T04:05:06"}, datetime(2001, 2, 3, 4, 5, 6)),
    "trail camera, no seconds": ({B.DateTime: "2019:08:04 14:05"}, {}, datetime(2019, 8, 4, 14, 5)),
    "all blank": ({B.DateTime: BLANK}, {B.DateTimeOriginal: BLANK, B.DateTimeDigitized: BLANK}, None),
    "words": ({}, {B.DateTimeOriginal: "yesterday-ish"}, None),
    "future original, real digitized": ({}, {B.DateTimeOriginal: "2099:01:01 00:00:00",
                                             B.DateTimeDigitized: "2005:06:07 08:09:10"},
                                        datetime(2005, 6, 7, 8, 9, 10)),
}
CAMERAS = {
    "model only": ({B.Model: "DSC-F505V"}, "DSC-F505V"),
    "make only": ({B.Make: "FUJIFILM"}, "FUJIFILM"),
    "make inside model": ({B.Make: "Canon", B.Model: "Canon PowerShot S100"}, "Canon PowerShot S100"),
    "company make, make word in model": ({B.Make: "EASTMAN KODAK COMPANY", B.Model: "KODAK DC240 ZOOM DIGITAL CAMERA"},
                                         "KODAK DC240 ZOOM DIGITAL CAMERA"),
    "company make, bare model": ({B.Make: "OLYMPUS OPTICAL CO.,LTD", B.Model: "C2020Z"}, "OLYMPUS C2020Z"),
    "corporation": ({B.Make: "NIKON CORPORATION", B.Model: "NIKON D750"}, "NIKON D750"),
    "make and model": ({B.Make: "Apple", B.Model: "iPhone 13"}, "Apple iPhone 13"),
    "trail camera padding": ({B.Make: "Bushnell", B.Model: b"Trophy Cam\tHD\x00\x00\xff\xfe"},
                             "Bushnell Trophy Cam HD"),
}


def _jpeg(path: Path, ifd0: dict[int, object], sub: dict[int, object]) -> str:
    exif = Image.Exif()
    for tag, value in ifd0.items():
        exif[tag] = value
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    for tag, value in sub.items():
        exif_ifd[tag] = value
    Image.new("RGB", (8, 8), "red").save(path, exif=exif)
    os.utime(path, (MTIME, MTIME))
    return str(path)


@pytest.mark.parametrize("name", DATES)
def test_dates_old_cameras_wrote(tmp_path: Path, name: str) -> None:
    ifd0, sub, wanted = DATES[name]
    meta = file_meta(_jpeg(tmp_path / "shot.jpg", ifd0, sub))
    if wanted is None:
        assert meta.taken_src == "mtime", meta
    else:
        assert (meta.taken_src, meta.taken_date()) == ("exif", wanted.replace(tzinfo=UTC))


@pytest.mark.parametrize("name", CAMERAS)
def test_cameras_named_once(tmp_path: Path, name: str) -> None:
    tags, wanted = CAMERAS[name]
    assert file_meta(_jpeg(tmp_path / "shot.jpg", tags, {})).camera == wanted


def test_a_broken_exif_pointer_leaves_ifd0_readable(tmp_path: Path) -> None:
    """A trail camera whose Exif IFD pointer leads past the end of the file: IFD0's date and camera still count."""
    path = tmp_path / "trail.jpg"
    _jpeg(path, {B.DateTime: "2019:08:04 14:05:33", B.Make: "Bushnell", B.Model: "Trophy Cam"},
          {B.DateTimeOriginal: "2019:08:04 14:05:33"})
    data = path.read_bytes()
    pointer = data.index(b"\x87\x69\x00\x04\x00\x00\x00\x01") + 8  # the ExifOffset entry (Pillow writes "MM")
    path.write_bytes(data[:pointer] + b"\x7f\xff\x00\x00" + data[pointer + 4:])
    os.utime(path, (MTIME, MTIME))
    meta = file_meta(str(path))
    assert (meta.taken_src, meta.taken_date(), meta.camera) == (
        "exif", datetime(2019, 8, 4, 14, 5, 33, tzinfo=UTC), "Bushnell Trophy Cam")


@pytest.mark.parametrize(("at", "district", "city"), [
    ((40.4355, -3.7467), "Moncloa-Aravaca", "Madrid"),
    ((51.54, -0.10), "Islington", "London"),
    ((51.45, -0.20), "Wandsworth", "London"),
])
def test_a_district_answers_to_its_city(at: tuple[float, float], district: str, city: str) -> None:
    photo = with_places([PhotoMeta(lat=at[0], lon=at[1])])[0]
    assert (photo.city, photo.region) == (district, city)
    catalog = Catalog.from_photos([photo])
    assert catalog.place(city.lower()) == city and catalog.place(district) == district  # "in Madrid" is a filter


def test_a_town_near_a_city_keeps_its_own_region() -> None:
    """Salford is its own city beside Manchester; Paris is the city itself: neither gets another city's name."""
    salford, paris = with_places([PhotoMeta(lat=53.47, lon=-2.29), PhotoMeta(lat=48.8566, lon=2.3522)])
    assert (salford.city, salford.region) == ("Salford", "England")
    assert (paris.city, paris.region) == ("Paris", "Ile-de-France")

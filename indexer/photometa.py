"""Photo metadata: when a picture was taken, with which camera, where (GPS and place names).

* When: EXIF DateTimeOriginal (with OffsetTimeOriginal when present), else the file's mtime; the source is
  recorded. Stored as the photo's *local wall-clock time* in seconds since 1970 ("taken"), because "in March",
  "at night" and "last summer" mean the time on the photographer's clock, not UTC.
* Camera: EXIF Make and Model, the make not repeated ("Apple iPhone 13", "Canon EOS R6").
* Where: EXIF GPS latitude / longitude, and city, region and country from an offline reverse geocoder
  (`reverse_geocoder`'s bundled GeoNames table: no network, ever).

Corrupt or absurd values (a date in 1900 or in the future, GPS 0,0, a zero denominator) leave the field
empty; they never fail a file.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache

from PIL import ExifTags, Image

NO_GPS = 1000.0  # stored for "no position" (Milvus 2.3 fields cannot be null); outside every real lat/lon
EARLIEST = datetime(1901, 1, 1, tzinfo=UTC)  # cameras reset to 1900-01-01 or 0000:00:00: not a date
_DATE = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
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
    try:
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        raw = sub.get(ExifTags.Base.DateTimeOriginal) or sub.get(ExifTags.Base.DateTimeDigitized)
        raw = raw or exif.get(ExifTags.Base.DateTime)
        m = _DATE.match(str(raw or ""))
        if not m:
            return 0
        shot = datetime(*(int(g) for g in m.groups()), tzinfo=UTC)  # the wall clock, read as UTC
    except (ValueError, TypeError, KeyError, OverflowError, SyntaxError, OSError):
        return 0
    offset = _offset(sub.get(ExifTags.Base.OffsetTimeOriginal))
    # the latest plausible moment: now, plus the largest time-zone lead when the offset is unknown
    latest = datetime.fromtimestamp(now, UTC) + (offset if offset is not None else timedelta(hours=14))
    return int(shot.timestamp()) if EARLIEST <= shot <= latest + timedelta(days=1) else 0


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
    make = _text(exif.get(ExifTags.Base.Make))
    model = _text(exif.get(ExifTags.Base.Model))
    if make and model.lower().startswith(make.split()[0].lower()):
        return model[:120]  # "Canon" + "Canon EOS R6": the model already names the make
    return " ".join(p for p in (make, model) if p)[:120]


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value or "").replace("\x00", " ").strip()
    return re.sub(r"\s+", " ", text) if text.isprintable() else ""


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
    for i, place in zip(located, places, strict=True):
        out[i] = replace(out[i], city=place.get("name", ""), region=place.get("admin1", ""),
                         country=country_name(place.get("cc", "")))
    return out


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

"""A generated camera roll: JPEG, AVIF and HEIC photos with EXIF dates, cameras and GPS written by Pillow, photos
without EXIF, broken EXIF, and the other things a phone's folder holds (a video, notes, a sidecar, a vector
drawing, a RAW file). `ROLL` says what every file must end up as."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image, TiffImagePlugin
from pillow_heif import register_heif_opener

register_heif_opener()
MTIME = datetime(2021, 5, 5, 12, 0, tzinfo=UTC).timestamp()  # the file time of photos without a usable date


@dataclass(frozen=True)
class Shot:
    name: str
    taken: str = ""  # EXIF DateTimeOriginal, as written
    offset: str = ""
    make: str = ""
    model: str = ""
    gps: tuple[float, float] | None = None
    bad_gps: bool = False  # a zero denominator in the GPS rationals
    # what must be stored
    city: str = ""
    country: str = ""
    camera: str = ""
    source: str = "exif"


PORTO, ROME, TOKYO = (41.1496, -8.6109), (41.8931, 12.4828), (35.6895, 139.6917)
ROLL: list[Shot] = [
    *(Shot(f"porto/IMG_{i:04d}.jpg", f"2018:08:0{i + 1} 1{i}:20:00", "+01:00", "Apple", "iPhone 13", PORTO,
           city="Porto", country="Portugal", camera="Apple iPhone 13") for i in range(6)),
    *(Shot(f"rome/DSC_{i:04d}.avif", f"2022:03:1{i} 09:30:00", "", "NIKON CORPORATION", "NIKON D750", ROME,
           city="Rome", country="Italy", camera="NIKON D750") for i in range(5)),
    *(Shot(f"tokyo/IMG_{i:04d}.heic", f"2023:07:2{i} 20:00:00", "+09:00", "Apple", "iPhone 12 Pro", TOKYO,
           city="Tokyo", country="Japan", camera="Apple iPhone 12 Pro") for i in range(5)),
    *(Shot(f"scans/scan_{i}.jpg", source="mtime") for i in range(3)),
    Shot("odd/year1900.jpg", "1900:01:01 00:00:00", make="Canon", model="Canon EOS R6", camera="Canon EOS R6",
         source="mtime"),
    Shot("odd/future.jpg", "2099:12:31 23:59:59", make="Canon", model="Canon EOS R6", camera="Canon EOS R6",
         source="mtime"),
    Shot("odd/nullisland.jpg", "2019:06:01 10:00:00", gps=(0.0, 0.0)),
    Shot("odd/badrational.jpg", "2019:06:02 10:00:00", bad_gps=True),
    Shot("odd/garbage_date.jpg", "yesterday-ish", source="mtime"),
    Shot("IMG_0999", "2020:01:01 10:00:00", make="Google", model="Pixel 7", camera="Google Pixel 7"),  # no suffix
]
OTHER_FILES = {"clip.mp4": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, "notes.txt": b"holiday list\n",
               "porto/IMG_0000.xmp": b"<x:xmpmeta/>"}  # counted as not images
SKIPPED = {"drawing.svg": "unsupported format: SVG", "shot.cr2": "camera RAW"}


def _exif(shot: Shot) -> Image.Exif:
    exif = Image.Exif()
    if shot.make:
        exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = shot.make, shot.model
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if shot.taken:
        sub[ExifTags.Base.DateTimeOriginal] = shot.taken
    if shot.offset:
        sub[ExifTags.Base.OffsetTimeOriginal] = shot.offset
    if shot.gps or shot.bad_gps:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        lat, lon = shot.gps or (1.0, 1.0)
        gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLongitudeRef] = "N" if lat >= 0 else "S", \
            "E" if lon >= 0 else "W"
        gps[ExifTags.GPS.GPSLatitude] = _dms(abs(lat), shot.bad_gps)
        gps[ExifTags.GPS.GPSLongitude] = _dms(abs(lon), False)
    return exif


def _dms(value: float, broken: bool) -> tuple[TiffImagePlugin.IFDRational, ...]:
    degrees, rest = divmod(value, 1)
    minutes, seconds = divmod(rest * 60, 1)
    parts = [TiffImagePlugin.IFDRational(int(degrees), 1), TiffImagePlugin.IFDRational(int(minutes), 1),
             TiffImagePlugin.IFDRational(round(seconds * 60 * 100), 100)]
    if broken:
        parts[0] = TiffImagePlugin.IFDRational(41, 0)
    return tuple(parts)


def write_roll(root: Path) -> Path:
    """Write the roll under `root`; returns root."""
    for i, shot in enumerate(ROLL):
        path = root / shot.name
        path.parent.mkdir(parents=True, exist_ok=True)
        pixels = np.random.default_rng(i).integers(0, 255, (48, 64, 3), dtype=np.uint8)
        fmt = {".avif": "AVIF", ".heic": "HEIF"}.get(path.suffix, "JPEG")
        Image.fromarray(pixels).save(path, fmt, exif=_exif(shot))
        os.utime(path, (MTIME, MTIME))
    for name, data in OTHER_FILES.items():
        (root / name).write_bytes(data)
    (root / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (root / "shot.cr2").write_bytes(b"II*\x00\x10\x00\x00\x00CR\x02\x00" + b"\x00" * 200)
    return root


# --- a camera roll of demo scenes: what each photo shows is known, so the chat can be judged on content too ----

Trip = tuple[str, str, float, float, str, str, tuple[int, int, int], str]  # city, country, lat, lon, make, model,
TRIPS: list[Trip] = [                                                       # first day, format
    ("Porto", "Portugal", 41.1496, -8.6109, "Apple", "iPhone 13", (2018, 8, 1), "JPEG"),
    ("Rome", "Italy", 41.8931, 12.4828, "NIKON CORPORATION", "NIKON D750", (2022, 3, 10), "AVIF"),
    ("Tokyo", "Japan", 35.6895, 139.6917, "Apple", "iPhone 12 Pro", (2023, 7, 20), "HEIF"),
    ("Paris", "France", 48.8566, 2.3522, "Canon", "Canon EOS R6", (2024, 12, 30), "JPEG"),  # into 2025
    ("New York City", "United States", 40.7128, -74.0060, "Google", "Pixel 7", (2025, 7, 4), "JPEG"),
    ("Kyoto", "Japan", 35.0116, 135.7681, "Apple", "iPhone 15", (2026, 4, 2), "HEIF"),
    ("Lisbon", "Portugal", 38.7223, -9.1393, "Google", "Pixel 7", (2026, 10, 12), "JPEG"),
]
PER_TRIP = 20


def write_trips(root: Path, demo_rows: list[dict[str, str]], demo_dir: Path) -> dict[str, dict[str, str]]:
    """Seven trips of 20 demo scenes each, as JPEG / AVIF / HEIC with EXIF date, camera and GPS, photographed
    on five consecutive days. Returns path -> what each photo shows and where, when and with what it was taken."""
    rows = list(demo_rows)
    np.random.default_rng(7).shuffle(rows)
    truth: dict[str, dict[str, str]] = {}
    for t, (city, country, lat, lon, make, model, (y, m, d), fmt) in enumerate(TRIPS):
        for j in range(PER_TRIP):
            row = rows[t * PER_TRIP + j]
            taken = datetime(y, m, d, 10 + j % 10) + timedelta(days=j % 5)
            suffix = {"AVIF": ".avif", "HEIF": ".heic"}.get(fmt, ".jpg")
            name = f"{city.split()[0].lower()}/IMG_{t * PER_TRIP + j:04d}{suffix}"
            shot = Shot(name, taken.strftime("%Y:%m:%d %H:%M:%S"), make=make, model=model, gps=(lat, lon))
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            Image.open(demo_dir / row["path"]).convert("RGB").save(path, fmt, exif=_exif(shot))
            truth[name] = {k: v for k, v in row.items() if k not in ("path", "caption")} | {
                "city": city, "country": country, "camera": f"{make} {model}", "date": f"{taken:%Y-%m-%d}"}
    return truth

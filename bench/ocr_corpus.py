"""Generated pictures with known text for bench/ocr_search.py: signs, receipts, screenshots and number plates.

Each picture carries one key word nobody else's picture has (a made-up pronounceable word, so a whole-word
request has exactly one right answer), most carry a code (plate groups, receipt numbers, passwords), a quarter
are named like camera files (IMG_1234.jpg). Signs and plates on demo scenes (photo-like: kind, colour,
setting known from the demo manifest) come partly in twins: the same key word on two different scenes, for the
mixed text + picture requests.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bench.common import REPO_ROOT

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
SIZE = (640, 480)
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
FILLER = ("OPEN", "WELCOME", "SALE", "COFFEE", "TOTAL", "EXIT", "PARKING", "HOTEL", "MARKET", "BAKERY")
DEMO = REPO_ROOT / "data" / "demo"


@dataclass(frozen=True)
class Picture:
    path: str
    kind: str  # sign, receipt, screenshot, plate
    word: str  # the key word only this picture (and its twin) says
    code: str = ""
    scene: str = ""  # "red car" for a picture on a demo scene
    photo: bool = False
    twin: bool = False  # shares its word with another picture on another scene


def fonts() -> list[str | None]:
    found = sorted(str(p) for d in FONT_DIRS for p in Path(d).glob("*.ttf") if "Math" not in p.name)
    return [*found, None]  # None: Pillow's built-in font


def font(path: str | None, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def word(rng: random.Random, used: set[str]) -> str:
    while True:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((3, 3, 4)))).upper()
        if w not in used:
            used.add(w)
            return w


def scenes() -> list[tuple[str, str]]:
    with (DEMO / "manifest.csv").open() as fh:
        rows = [r for r in csv.DictReader(fh) if r["count"] == "1" and r["size"] == "big" and r["time"] == "day"]
    return [(r["path"], f"{r['color']} {r['kind']}") for r in rows]


def make_corpus(root: Path, n: int, rng: random.Random) -> list[Picture]:
    used: set[str] = set()
    faces = fonts()
    backdrops = scenes()
    out: list[Picture] = []
    kinds = ["sign", "plate", "receipt", "screenshot"]
    i = 0
    while len(out) < n:
        kind = kinds[i % 4]
        key = word(rng, used)
        face = faces[i % len(faces)]
        name = f"IMG_{1000 + i}.jpg" if i % 4 == 1 else f"{kind}_{i:04d}.jpg"
        if kind in ("sign", "plate") and i % 3 != 2:
            pair = rng.sample(backdrops, 2) if i % 3 == 0 else [rng.choice(backdrops)]
            pair = pair if len(pair) == 1 or pair[0][1] != pair[1][1] else pair[:1]
            for j, (scene_path, scene) in enumerate(pair):
                code = _code(rng) if kind == "plate" else ""
                rel = f"{kind}/{j}_{name}"
                _draw_on_scene(root / rel, DEMO / scene_path, kind, key, code, face, rng)
                out.append(Picture(rel, kind, key, code, scene, True, len(pair) == 2))
        else:
            code = {"sign": "", "plate": _code(rng), "receipt": _receipt_no(rng), "screenshot": _password(rng, key)}
            rel = f"{kind}/{name}"
            DRAW[kind](root / rel, key, code[kind], face, rng)
            out.append(Picture(rel, kind, key, code[kind]))
        i += 1
    return out[:n]


def _code(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(10, 99)}"


def _receipt_no(rng: random.Random) -> str:
    return f"TX-{rng.randint(1000, 9999)}"


def _password(rng: random.Random, key: str) -> str:
    return f"{key.lower()[:5]}{rng.randint(10, 99)}"


def _sign(path: Path, key: str, code: str, face: str | None, rng: random.Random) -> None:
    image = Image.new("RGB", SIZE, rng.choice([(250, 250, 245), (30, 60, 140), (160, 20, 20), (20, 110, 60)]))
    ink = (20, 20, 20) if sum(image.getpixel((0, 0))) > 600 else (250, 250, 250)
    pen = ImageDraw.Draw(image)
    pen.text((40, 140), rng.choice(FILLER), font=font(face, rng.randint(28, 44)), fill=ink)
    pen.text((40, 220), key, font=font(face, rng.randint(44, 72)), fill=ink)
    _save(image.rotate(rng.uniform(-12, 12), fillcolor=image.getpixel((0, 0))), path)


def _plate(path: Path, key: str, code: str, face: str | None, rng: random.Random) -> None:
    image = Image.new("RGB", SIZE, (90, 90, 95))
    pen = ImageDraw.Draw(image)
    pen.rectangle((60, 170, 580, 300), fill=(250, 215, 40), outline=(10, 10, 10), width=4)
    pen.text((80, 190), f"{code} {key[:3]}", font=font(face, rng.randint(52, 64)), fill=(10, 10, 10))
    pen.text((200, 330), key, font=font(face, 30), fill=(240, 240, 240))  # the dealer's name under the plate
    _save(image.rotate(rng.uniform(-8, 8), fillcolor=(90, 90, 95)), path)


def _receipt(path: Path, key: str, code: str, face: str | None, rng: random.Random) -> None:
    image = Image.new("RGB", SIZE, (70, 60, 50))
    pen = ImageDraw.Draw(image)
    pen.rectangle((150, 10, 490, 470), fill=(248, 248, 240))
    size = rng.randint(20, 26)
    lines = [key, f"No {code}", *(f"{rng.choice(FILLER).title()}  {rng.randint(1, 20)}.{rng.randint(0, 99):02d}"
                                   for _ in range(3)), f"TOTAL {rng.randint(5, 90)}.{rng.randint(0, 99):02d}"]
    for j, line in enumerate(lines):
        pen.text((170, 30 + j * (size + 22)), line, font=font(face, size + (8 if j == 0 else 0)), fill=(30, 30, 30))
    _save(image.rotate(rng.uniform(-4, 4), fillcolor=(70, 60, 50)), path)


def _screenshot(path: Path, key: str, code: str, face: str | None, rng: random.Random) -> None:
    image = Image.new("RGB", SIZE, (255, 255, 255))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 640, 60), fill=(40, 100, 200))
    pen.text((20, 12), "Settings", font=font(face, 30), fill=(255, 255, 255))
    size = rng.randint(22, 30)
    for j, line in enumerate((f"Network {key}", f"Wi-Fi password: {code}", "Connected")):
        pen.text((30, 100 + j * 80), line, font=font(face, size), fill=(30, 30, 30))
    _save(image, path)


DRAW = {"sign": _sign, "plate": _plate, "receipt": _receipt, "screenshot": _screenshot}


def _draw_on_scene(path: Path, scene: Path, kind: str, key: str, code: str, face: str | None,
                   rng: random.Random) -> None:
    """A demo scene (photo-like) with a sign or a plate in its lower part, a little tilted."""
    with Image.open(scene) as base:
        image = base.convert("RGB").resize(SIZE, Image.Resampling.BICUBIC)
    text = f"{code} {key[:3]}" if kind == "plate" else key
    panel = Image.new("RGB", (380, 90), (250, 215, 40) if kind == "plate" else (250, 250, 245))
    ImageDraw.Draw(panel).text((14, 12), text, font=font(face, rng.randint(40, 56)), fill=(15, 15, 15))
    panel = panel.rotate(rng.uniform(-10, 10), expand=True, fillcolor=(250, 250, 245))
    image.paste(panel, (rng.randint(10, 640 - panel.width - 10), 480 - panel.height - 10))
    if kind == "plate":  # the key word on the scene too, small, as a dealer's frame
        ImageDraw.Draw(image).text((20, 20), key, font=font(face, 30), fill=(250, 250, 250), stroke_width=2,
                                   stroke_fill=(0, 0, 0))
    _save(image, path)


def _save(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=90)

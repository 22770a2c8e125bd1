"""Pillow helpers for the demo's text scenes (indexer.demo.textscenes): offline fonts, text fitted to a box,
panels (signs, plates, labels) pasted at a slight angle, and the paper things (receipts, tickets).

Only fonts that Debian's fonts-dejavu-core and fonts-liberation put in fixed places are used, so the same
seed draws the same pixels on every machine that has them; a missing font falls back to Pillow's built-in
one (still legible, but then the committed JPEGs are not reproduced byte for byte).
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
)
INK: RGB = (20, 20, 20)
PAPER: RGB = (246, 244, 236)


def fonts_present() -> bool:
    """Whether every font the generator may pick is installed (byte-identical output needs all of them)."""
    return all(Path(f).is_file() for f in FONT_FILES)


def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    if Path(path).is_file():
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)  # Pillow's own font: still legible


def fitted(path: str, lines: list[str], width: int, height: int, largest: int = 96) -> ImageFont.FreeTypeFont:
    """The largest size of `path` at which `lines` (stacked) fit in width x height."""
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    for size in range(largest, 7, -1):
        face = font(path, size)
        boxes = [probe.textbbox((0, 0), line, font=face) for line in lines]
        if max(b[2] - b[0] for b in boxes) <= width and sum(b[3] - b[1] for b in boxes) * 1.3 <= height:
            return face
    return font(path, 8)


def panel(lines: list[str], size: tuple[int, int], face_path: str, fill: RGB, ink: RGB,
          border: RGB | None = None) -> Image.Image:  # fmt: skip
    """A board (sign, plate, label) of `size` with `lines` centred on it, as RGBA for a tilted paste."""
    w, h = size
    board = Image.new("RGBA", size, (*fill, 255))
    pen = ImageDraw.Draw(board)
    if border is not None:
        pen.rectangle([0, 0, w - 1, h - 1], outline=(*border, 255), width=max(2, h // 14))
    face = fitted(face_path, lines, int(w * 0.86), int(h * 0.8))
    step = h / (len(lines) + 1)
    for i, line in enumerate(lines):
        pen.text((w / 2, step * (i + 1)), line, font=face, fill=(*ink, 255), anchor="mm")
    return board


def paste_tilted(image: Image.Image, layer: Image.Image, centre: tuple[float, float], angle: float) -> None:
    """`layer` rotated by `angle` degrees about its centre and pasted with its centre at `centre`."""
    turned = layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    x, y = round(centre[0] - turned.width / 2), round(centre[1] - turned.height / 2)
    image.paste(turned, (x, y), turned)


def ink_for(fill: RGB) -> RGB:
    """Dark letters on a light colour, light letters on a dark one (perceived luminance)."""
    luminance = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2]
    return INK if luminance > 140 else (250, 250, 245)


def table(rng: random.Random, s: int) -> Image.Image:
    """A wooden table top for a paper thing to lie on: flat brown with darker grain lines."""
    wood: RGB = rng.choice([(150, 105, 65), (120, 82, 50), (175, 130, 85), (95, 70, 55)])
    image = Image.new("RGB", (s, s), wood)
    pen = ImageDraw.Draw(image)
    grain = tuple(int(c * 0.8) for c in wood)
    for _ in range(14):
        y = rng.uniform(0, s)
        pen.line([0, y, s, y + rng.uniform(-12, 12)], fill=grain, width=2)
    return image


def receipt(image: Image.Image, rng: random.Random, shop: str, number: str, face_path: str) -> None:
    """A till receipt: the shop's name on top, its number, three items and the total, a little tilted."""
    s = image.width
    w, h = int(0.56 * s), int(0.9 * s)
    paper = Image.new("RGBA", (w, h), (*PAPER, 255))
    pen = ImageDraw.Draw(paper)
    items = rng.sample(["Bread", "Milk", "Apples", "Coffee", "Cheese", "Eggs", "Butter", "Tea", "Rice"], 3)
    prices = [rng.randint(90, 990) for _ in items]
    body = [f"No {number}", *(f"{item} {p // 100}.{p % 100:02d}" for item, p in zip(items, prices, strict=True)),
            f"TOTAL {sum(prices) // 100}.{sum(prices) % 100:02d}"]
    head = fitted(face_path, [shop], int(0.9 * w), int(0.16 * h), largest=44)
    pen.text((w / 2, 0.1 * h), shop, font=head, fill=(*INK, 255), anchor="mm")
    small = font(face_path, max(14, int(0.052 * h)))
    for i, line in enumerate(body):
        pen.text((0.08 * w, 0.24 * h + i * 0.12 * h), line, font=small, fill=(*INK, 255))
    paste_tilted(image, paper, (s / 2 + rng.uniform(-8, 8), s / 2), rng.uniform(-5, 5))


def ticket(image: Image.Image, rng: random.Random, title: str, place: str, seat: str, face_path: str) -> None:
    """A ticket: a coloured band with what it is for, the destination large, the seat code below."""
    s = image.width
    w, h = int(0.86 * s), int(0.46 * s)
    card = Image.new("RGBA", (w, h), (*PAPER, 255))
    pen = ImageDraw.Draw(card)
    band: RGB = rng.choice([(30, 70, 150), (150, 30, 40), (20, 110, 70), (90, 40, 130)])
    pen.rectangle([0, 0, w, int(0.24 * h)], fill=(*band, 255))
    pen.text((w / 2, 0.12 * h), title, font=fitted(face_path, [title], int(0.8 * w), int(0.2 * h), 40),
             fill=(250, 250, 245, 255), anchor="mm")
    pen.text((w / 2, 0.5 * h), place, font=fitted(face_path, [place], int(0.86 * w), int(0.3 * h), 72),
             fill=(*INK, 255), anchor="mm")
    pen.text((w / 2, 0.8 * h), seat, font=fitted(face_path, [seat], int(0.5 * w), int(0.2 * h), 44),
             fill=(*INK, 255), anchor="mm")
    paste_tilted(image, card, (s / 2, s / 2 + rng.uniform(-10, 10)), rng.uniform(-6, 6))

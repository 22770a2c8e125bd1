"""Write the demo's text scenes: demo-world things carrying legible words, for OCR and the text requests.

    python -m indexer.demo.textscenes --out data/demo --seed 1

48 pictures beside the 2,000 of the main split (which stay as they are): boats with their name on the hull,
cars with a number plate, houses with a shop sign, fish with a price label (one big thing, drawn closer than
in the main split so that its words are legible), and receipts and tickets on a table. Every text comes from
the fixed lists below (plates from a seeded draw), fonts from DejaVu and Liberation, each picture from its own
string-seeded stream ``text:{seed}:{i}``, so the output is byte-identical across runs.

It writes ``text/*.jpg``, ``text_manifest.csv`` next to ``manifest.csv`` (so its paths, like the main split's,
are relative to data/demo: one collection, one root, and ``--prune`` of either manifest keeps the other's
rows, whose files are there) and ``text/written.csv``, the key: what each picture says. The manifest holds
the scene's attributes and caption but never its words, since captions and columns are searched as text
too; only OCR can find these pictures by what they say.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from indexer.demo import textdraw
from indexer.demo.make_data import COLUMNS, jpeg_bytes
from indexer.demo.scenes import (
    ATTRIBUTES,
    DRAWERS,
    NIGHT_OBJECT,
    OBJECT_RGB,
    Scene,
    caption,
    draw_backdrop,
    scene_attributes,
)

SIDE = 512  # twice the main split's side: a plate's letters need ~20 px for the OCR detector
OBJECT = 0.5  # object height / side (the main split's "big" is 0.34): a close-up, still one big thing
MANIFEST = "text_manifest.csv"
FOLDER = "text"
KEY = "written.csv"
PLAN = (("boat", 10), ("car", 10), ("house", 10), ("fish", 6), ("receipt", 6), ("ticket", 6))
# Words chosen to share nothing with the demo's captions and attributes (colours, kinds, settings...): a name
# like "BLUE HERON" would be found by every blue picture's columns.
BOAT_NAMES = ("MARLIN", "SEA BREEZE", "ALBATROSS", "NORDWIND", "LADY GRACE", "KESTREL", "ODYSSEY", "PELICAN",
              "WANDERER", "POSEIDON")
SHOP_SIGNS = ("BAKERY", "PHARMACY", "BARBER", "BOOKSHOP", "PIZZERIA", "FLORIST", "HARDWARE", "BUTCHER",
              "CAFE LUNA", "TOY STORE")
FISH_LABELS = ("SALMON", "TUNA", "MACKEREL", "TROUT", "HERRING", "SARDINES")
RECEIPT_SHOPS = ("CORNER DELI", "MAPLE GROCERS", "HARBOUR FOODS", "KITCHEN ROYAL", "BRIGHTON MART",
                 "OAKWOOD STORES")
TICKETS = (("TRAIN TICKET", "KINGSBRIDGE"), ("FERRY TICKET", "ALDERNEY"), ("CONCERT TICKET", "FAIRHAVEN"),
           ("BUS TICKET", "LOCHMORE"), ("TRAIN TICKET", "WESTCLIFF"), ("MUSEUM TICKET", "DUNMORE"))
SETTINGS = {"boat": ("water", "water", "beach"), "car": ("street", "street", "snow", "grass"),
            "house": ("street", "grass", "snow"), "fish": ("water", "beach")}
PLATE_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q: plates leave out letters read as digits
PAPER_CAPTIONS = {"receipt": "a shop receipt on a wooden table", "ticket": "a {title} on a wooden table"}


@dataclass(frozen=True)
class TextScene:
    """One picture: where it is, what it shows (`scene`, None for paper things) and the words drawn on it."""

    path: str  # relative to the demo folder: text/boat_00.jpg
    thing: str  # boat, car, house, fish, receipt, ticket
    text: str  # the words a person would ask for: the boat's name, the plate, the sign, the label...
    caption: str
    scene: Scene | None


def text_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"text:{seed}:{index}")


def plates(seed: int, n: int) -> list[str]:
    """`n` distinct plates like "KD58 TRM" (two letters, two digits, three letters), one seeded draw."""
    rng, out = random.Random(f"plates:{seed}"), []
    while len(out) < n:
        code = (f"{rng.choice(PLATE_LETTERS)}{rng.choice(PLATE_LETTERS)}{rng.randint(20, 99)} "
                f"{''.join(rng.choice(PLATE_LETTERS) for _ in range(3))}")
        if code[:4] not in {c[:4] for c in out}:  # the first group alone finds one car
            out.append(code)
    return out


def texts(seed: int) -> list[tuple[str, str]]:
    """(thing, words) per picture, in file order."""
    words = {"boat": BOAT_NAMES, "car": plates(seed, 10), "house": SHOP_SIGNS, "fish": FISH_LABELS,
             "receipt": RECEIPT_SHOPS, "ticket": tuple(place for _, place in TICKETS)}
    return [(thing, words[thing][i]) for thing, n in PLAN for i in range(n)]


def text_item(seed: int, index: int) -> tuple[TextScene, Image.Image]:
    thing, words = texts(seed)[index]
    nth = sum(1 for t, _ in texts(seed)[:index] if t == thing)
    rng = text_rng(seed, index)
    face = rng.choice(textdraw.FONT_FILES)
    path = f"{FOLDER}/{thing}_{nth:02d}.jpg"
    if thing in SETTINGS:
        scene = Scene(thing, ATTRIBUTES["color"][nth % 6], "1", "big", rng.choice(SETTINGS[thing]),
                      "night" if nth % 4 == 3 else "day")  # every colour, and a night scene in four
        image = _object_scene(scene, words, face, rng)
        return TextScene(path, thing, words, caption(scene), scene), image
    image = textdraw.table(rng, SIDE)
    if thing == "receipt":
        textdraw.receipt(image, rng, words, str(rng.randint(1000, 9999)), face)
        return TextScene(path, thing, words, PAPER_CAPTIONS[thing], None), image
    title = TICKETS[nth][0]
    textdraw.ticket(image, rng, title, words, f"SEAT {rng.randint(2, 40)}{rng.choice('ABCDEF')}", face)
    return TextScene(path, thing, words, PAPER_CAPTIONS[thing].format(title=title.lower()), None), image


def _object_scene(scene: Scene, words: str, face: str, rng: random.Random) -> Image.Image:
    """The scene's backdrop, its one thing close up, and the words where that thing carries them."""
    image = Image.new("RGB", (SIDE, SIDE))
    draw = ImageDraw.Draw(image)
    draw_backdrop(draw, scene, rng, SIDE)
    fill = OBJECT_RGB[scene.color]
    if scene.time == "night":
        fill = tuple(int(c * NIGHT_OBJECT) for c in fill)  # type: ignore[assignment]
    h = OBJECT * SIDE * rng.uniform(0.96, 1.04)
    cx = SIDE / 2 + rng.uniform(-0.05, 0.05) * SIDE
    base = (0.7 if scene.kind == "fish" else 0.92) * SIDE  # a fish leaves room for its label below
    DRAWERS[scene.kind](draw, cx, base, h, fill)
    board, centre = _board(scene.kind, words, face, fill, h, rng)
    textdraw.paste_tilted(image, board, (cx + centre[0] * h, base + centre[1] * h), rng.uniform(-3, 3))
    return image


def _board(kind: str, words: str, face: str, fill: tuple[int, int, int], h: float,
           rng: random.Random) -> tuple[Image.Image, tuple[float, float]]:  # fmt: skip
    """The panel carrying the words and its centre relative to the thing's (centre x, base), in heights.
    Positions follow the drawers in indexer.demo.scenes: the hull's band, the car body between the wheels,
    the wall between door and roof, the ground under the fish."""
    def size(w: float, t: float) -> tuple[int, int]:
        return int(w * h), int(t * h)

    if kind == "boat":  # painted on the hull, in the hull's colour
        return textdraw.panel([words], size(0.62, 0.2), face, fill, textdraw.ink_for(fill)), (0.0, -0.15)
    if kind == "car":
        plate = rng.choice([(250, 250, 245), (250, 215, 40)])
        return textdraw.panel([words], size(0.52, 0.13), face, plate, textdraw.INK, textdraw.INK), (0.0, -0.36)
    if kind == "house":
        sign = rng.choice([(246, 240, 220), (30, 40, 70), (120, 30, 30), (25, 80, 50)])
        return textdraw.panel([words], size(0.74, 0.17), face, sign, textdraw.ink_for(sign)), (0.0, -0.42)
    price = f"{rng.randint(3, 24)}.{rng.choice((20, 50, 90, 99))}"
    return textdraw.panel([words, price], size(0.5, 0.3), face, textdraw.PAPER, textdraw.INK, textdraw.INK), (
        -0.1, 0.22)


def write_text_set(out: Path, seed: int = 1) -> list[TextScene]:
    """Render every text scene under `out`/text and write the manifest and the key."""
    (out / FOLDER).mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(len(texts(seed))):
        item, image = text_item(seed, i)
        (out / item.path).write_bytes(jpeg_bytes(image))
        made.append(item)
    with (out / MANIFEST).open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for item in made:
            attrs = scene_attributes(item.scene) if item.scene else {}
            writer.writerow({"path": item.path, "caption": item.caption, **attrs})
    with (out / FOLDER / KEY).open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["path", "thing", "text"])
        writer.writerows([item.path, item.thing, item.text] for item in made)
    return made


def read_key(out: Path) -> list[dict[str, str]]:
    """The committed key: path, thing, text per picture."""
    with (out / FOLDER / KEY).open(newline="") as f:
        return list(csv.DictReader(f))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("data/demo"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    made = write_text_set(args.out, args.seed)
    print(f"wrote {len(made)} text scenes, {MANIFEST} and {FOLDER}/{KEY} to {args.out}")


if __name__ == "__main__":
    main()

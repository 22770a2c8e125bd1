"""Seeded procedural scenes for the offline demo: attributes, PIL rendering, English captions.

Every attribute is drawn large and with flat, saturated colours so that it stays recognisable
after the resize to the demo CLIP's input: a "small" subject is a fifth of the image side, a "big"
one a third, so the kind's silhouette spans 13-22 input pixels and copies never overlap (counting
them is then a matter of seeing them). ``count`` values are the digit strings "1", "2", "3";
captions spell them as words ("a"/"one"/"a single", "two", "three").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass

from PIL import Image, ImageDraw

ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "kind": ("house", "tree", "car", "boat", "flower", "fish"),
    "color": ("red", "orange", "yellow", "green", "blue", "purple"),
    "count": ("1", "2", "3"),
    "size": ("small", "big"),
    "setting": ("grass", "beach", "snow", "water", "street"),
    "time": ("day", "night"),
}

# Object colours are saturated; backgrounds are muted or far in hue, so e.g. a green object
# still stands out on grass and a blue one on water.
RGB = tuple[int, int, int]
OBJECT_RGB: dict[str, RGB] = {
    "red": (225, 25, 25), "orange": (255, 140, 0), "yellow": (255, 230, 0),
    "green": (30, 215, 70), "blue": (30, 60, 250), "purple": (150, 40, 210),
}
GROUND_RGB: dict[str, RGB] = {
    "grass": (100, 135, 60), "beach": (225, 205, 150), "snow": (240, 244, 250),
    "water": (30, 120, 140), "street": (95, 95, 100),
}
SKY_RGB = {"day": (140, 200, 250), "night": (12, 16, 45)}
OUTLINE: RGB = (25, 25, 25)
NIGHT_GROUND = 0.4  # background dimming at night
NIGHT_OBJECT = 0.8  # objects stay fairly bright at night so their colour remains readable
HORIZON = 0.3  # share of the image height above the ground line
SIZE_FRACTION = {"small": 0.2, "big": 0.34}  # object height / image side
HALF_WIDTH = 0.56  # widest drawer (car) reaches 0.55 h either side of its centre


@dataclass(frozen=True)
class Scene:
    kind: str
    color: str
    count: str
    size: str
    setting: str
    time: str


def sample_scene(rng: random.Random) -> Scene:
    """Draw each attribute independently and uniformly."""
    return Scene(**{name: rng.choice(values) for name, values in ATTRIBUTES.items()})


def scene_attributes(scene: Scene) -> dict[str, str]:
    return asdict(scene)


def _scale(rgb: RGB, factor: float) -> RGB:
    return (int(rgb[0] * factor), int(rgb[1] * factor), int(rgb[2] * factor))


# --- background -------------------------------------------------------------------------------

def _draw_sky(draw: ImageDraw.ImageDraw, scene: Scene, rng: random.Random, s: int) -> None:
    horizon = int(HORIZON * s)
    draw.rectangle([0, 0, s, horizon], fill=SKY_RGB[scene.time])
    x, r = rng.uniform(0.1, 0.9) * s, 0.06 * s
    y = rng.uniform(0.06, 0.16) * s
    if scene.time == "day":
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 240, 120))
        return
    draw.ellipse([x - r, y - r, x + r, y + r], fill=(235, 235, 215))
    for _ in range(12):  # stars: a second, position-independent night cue
        sx, sy = rng.uniform(0, s), rng.uniform(0, horizon - 2)
        draw.rectangle([sx, sy, sx + s / 128, sy + s / 128], fill=(255, 255, 230))


def _draw_ground(draw: ImageDraw.ImageDraw, scene: Scene, rng: random.Random, s: int) -> None:
    dim = NIGHT_GROUND if scene.time == "night" else 1.0
    horizon = HORIZON * s
    draw.rectangle([0, horizon, s, s], fill=_scale(GROUND_RGB[scene.setting], dim))
    if scene.setting == "beach":  # a strip of sea behind the sand
        draw.rectangle([0, horizon, s, horizon + 0.08 * s], fill=_scale((40, 110, 200), dim))
    elif scene.setting == "street":  # sidewalk, buildings, dashed lane marking
        draw.rectangle([0, horizon, s, horizon + 0.06 * s], fill=_scale((170, 170, 165), dim))
        x = 0.0
        while x < s:
            w, h = rng.uniform(0.12, 0.22) * s, rng.uniform(0.1, 0.25) * s
            draw.rectangle([x, horizon - h, x + w - 2, horizon], fill=_scale((120, 110, 105), dim))
            x += w
        for x0 in range(0, s, s // 6):
            draw.rectangle([x0, 0.95 * s, x0 + s // 12, 0.97 * s], fill=_scale((240, 240, 240), dim))
    else:
        texture = {"grass": (70, 110, 40), "snow": (205, 215, 230), "water": (80, 170, 190)}
        for _ in range(18):
            tx, ty = rng.uniform(0, s), rng.uniform(horizon + 4, s - 4)
            draw.line([tx, ty, tx + 0.05 * s, ty], fill=_scale(texture[scene.setting], dim),
                      width=max(1, s // 128))


def draw_backdrop(draw: ImageDraw.ImageDraw, scene: Scene, rng: random.Random, s: int) -> None:
    """Sky and ground exactly as `render` draws them, for generators that place their own objects
    (indexer.demo.textscenes)."""
    _draw_sky(draw, scene, rng, s)
    _draw_ground(draw, scene, rng, s)


# --- objects: each drawer fits a box of height ~h with its base at (cx, base) ------------------

Drawer = Callable[[ImageDraw.ImageDraw, float, float, float, RGB], None]


def _house(d: ImageDraw.ImageDraw, cx: float, base: float, h: float, fill: RGB) -> None:
    w = max(1, int(h / 40))
    d.rectangle([cx - 0.4 * h, base - 0.55 * h, cx + 0.4 * h, base], fill=fill, outline=OUTLINE, width=w)
    d.polygon([(cx - 0.5 * h, base - 0.55 * h), (cx + 0.5 * h, base - 0.55 * h), (cx, base - h)],
              fill=fill, outline=OUTLINE, width=w)
    d.rectangle([cx - 0.1 * h, base - 0.3 * h, cx + 0.1 * h, base], fill=OUTLINE)


def _tree(d: ImageDraw.ImageDraw, cx: float, base: float, h: float, fill: RGB) -> None:
    w = max(1, int(h / 40))
    d.rectangle([cx - 0.07 * h, base - 0.4 * h, cx + 0.07 * h, base], fill=(90, 55, 25))
    d.ellipse([cx - 0.36 * h, base - h, cx + 0.36 * h, base - 0.3 * h], fill=fill, outline=OUTLINE, width=w)


def _car(d: ImageDraw.ImageDraw, cx: float, base: float, h: float, fill: RGB) -> None:
    w = max(1, int(h / 40))
    d.polygon([(cx - 0.3 * h, base - 0.45 * h), (cx - 0.18 * h, base - 0.75 * h),
               (cx + 0.22 * h, base - 0.75 * h), (cx + 0.34 * h, base - 0.45 * h)],
              fill=fill, outline=OUTLINE, width=w)
    d.rectangle([cx - 0.55 * h, base - 0.45 * h, cx + 0.55 * h, base - 0.15 * h],
                fill=fill, outline=OUTLINE, width=w)
    r = 0.14 * h
    for wx in (cx - 0.3 * h, cx + 0.3 * h):
        d.ellipse([wx - r, base - 2 * r, wx + r, base], fill=OUTLINE)


def _boat(d: ImageDraw.ImageDraw, cx: float, base: float, h: float, fill: RGB) -> None:
    w = max(1, int(h / 40))
    d.polygon([(cx - 0.5 * h, base - 0.3 * h), (cx + 0.5 * h, base - 0.3 * h),
               (cx + 0.32 * h, base), (cx - 0.32 * h, base)], fill=fill, outline=OUTLINE, width=w)
    d.line([cx, base - 0.3 * h, cx, base - h], fill=OUTLINE, width=max(1, int(h / 25)))
    d.polygon([(cx + 0.04 * h, base - 0.95 * h), (cx + 0.04 * h, base - 0.38 * h),
               (cx + 0.42 * h, base - 0.38 * h)], fill=fill, outline=OUTLINE, width=w)


def _flower(d: ImageDraw.ImageDraw, cx: float, base: float, h: float, fill: RGB) -> None:
    d.line([cx, base, cx, base - 0.6 * h], fill=(35, 80, 30), width=max(1, int(h / 18)))
    hx, hy, r = cx, base - 0.68 * h, 0.15 * h
    for dx, dy in ((0, -1), (0.95, -0.31), (0.59, 0.81), (-0.59, 0.81), (-0.95, -0.31)):
        px, py = hx + dx * 0.17 * h, hy + dy * 0.17 * h
        d.ellipse([px - r, py - r, px + r, py + r], fill=fill, outline=OUTLINE, width=max(1, int(h / 50)))
    d.ellipse([hx - 0.09 * h, hy - 0.09 * h, hx + 0.09 * h, hy + 0.09 * h], fill=(110, 60, 20))


def _fish(d: ImageDraw.ImageDraw, cx: float, base: float, h: float, fill: RGB) -> None:
    w = max(1, int(h / 40))
    d.polygon([(cx + 0.15 * h, base - 0.4 * h), (cx + 0.55 * h, base - 0.7 * h),
               (cx + 0.55 * h, base - 0.1 * h)], fill=fill, outline=OUTLINE, width=w)
    d.ellipse([cx - 0.5 * h, base - 0.7 * h, cx + 0.25 * h, base - 0.1 * h], fill=fill, outline=OUTLINE, width=w)
    r = 0.06 * h
    d.ellipse([cx - 0.32 * h - r, base - 0.45 * h - r, cx - 0.32 * h + r, base - 0.45 * h + r], fill=OUTLINE)


DRAWERS: dict[str, Drawer] = {
    "house": _house, "tree": _tree, "car": _car, "boat": _boat, "flower": _flower, "fish": _fish,
}


def _placements(scene: Scene, rng: random.Random, s: int) -> list[tuple[float, float, float]]:
    """(centre x, base y, height) per copy, anywhere on the ground, boxes never overlapping.

    Rejection sampling: a draw that cannot fit all copies in a few tries starts again; three big
    copies take 3 x 0.38 of the width, so a layout is always found (in two rows if need be).
    """
    n = int(scene.count)
    while True:
        boxes: list[tuple[float, float, float]] = []
        for _ in range(40 * n):
            h = SIZE_FRACTION[scene.size] * s * rng.uniform(0.92, 1.08)
            half = HALF_WIDTH * h
            cx = rng.uniform(0.02 * s + half, 0.98 * s - half)
            base = rng.uniform(max(HORIZON * s + 0.12 * h, h + 0.02 * s), 0.97 * s)
            if all(abs(cx - x) > half + HALF_WIDTH * oh + 0.02 * s or abs(base - b) > max(h, oh) + 0.02 * s
                   for x, b, oh in boxes):
                boxes.append((cx, base, h))
                if len(boxes) == n:
                    return sorted(boxes, key=lambda p: p[1])  # nearer (lower) copies are drawn last
        # no room left for the remaining copies: draw the whole layout again


def render(scene: Scene, rng: random.Random, size: int = 256) -> Image.Image:
    """Draw the scene; all randomness (positions, jitter, stars) comes from ``rng``."""
    img = Image.new("RGB", (size, size))
    draw = ImageDraw.Draw(img)
    _draw_sky(draw, scene, rng, size)
    _draw_ground(draw, scene, rng, size)
    fill = OBJECT_RGB[scene.color]
    if scene.time == "night":
        fill = _scale(fill, NIGHT_OBJECT)
    for cx, base, h in _placements(scene, rng, size):
        DRAWERS[scene.kind](draw, cx, base, h, fill)
    return img


# --- captions ---------------------------------------------------------------------------------

COUNT_WORDS = {"1": ("a", "one", "a single"), "2": ("two",), "3": ("three",)}
PLURALS = {"fish": "fish"}
SETTING_PHRASES = {
    "grass": ("on the grass", "on a grassy field", "in a grassy meadow"),
    "beach": ("on the beach", "on a sandy beach", "at the beach"),
    "snow": ("in the snow", "on a snowy field", "on snowy ground"),
    "water": ("on the water", "in the water", "on open water"),
    "street": ("on a city street", "on the street", "in a city street"),
}
TIME_PHRASES = {
    "day": ("during the day", "in the daytime", "on a sunny day"),
    "night": ("at night", "at nighttime", "during the night"),
}
PREFIXES = ("", "", "a picture of ", "a photo of ")


def noun(kind: str, count: str | None) -> str:
    """Singular for one copy (or unknown count), plural for two or three."""
    if count in ("2", "3"):
        return PLURALS.get(kind, kind + "s")
    return kind


def caption(scene: Scene, rng: random.Random | None = None) -> str:
    """Full English caption; without ``rng`` the first (canonical) phrasing is used."""
    def pick(options: tuple[str, ...]) -> str:
        return rng.choice(options) if rng is not None else options[0]

    np_ = f"{pick(COUNT_WORDS[scene.count])} {scene.size} {scene.color} {noun(scene.kind, scene.count)}"
    where, when = pick(SETTING_PHRASES[scene.setting]), pick(TIME_PHRASES[scene.time])
    tail = f"{when} {where}" if rng is not None and rng.random() < 0.3 else f"{where} {when}"
    prefix = pick(PREFIXES) if rng is not None else ""
    return f"{prefix}{np_} {tail}"

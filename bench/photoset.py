"""A camera roll of 12-megapixel photos for the page benchmarks: demo scenes blown up to 4000×3000 with grain.

Each photo is one scene of the bundled demo set (so the demo model finds "red cars" among them), upscaled into
the middle of a 4000×3000 frame whose sides repeat the scene stretched, plus per-pixel grain so the files
compress like photos rather than like flat drawings. Scenes are picked evenly over the demo's kinds and colours,
so a run of different requests keeps showing photos it has not shown yet. Formats rotate JPEG, JPEG, HEIC,
AVIF: half JPEG (quality 90, 1.5-2.5 MB), a quarter each HEIC (pillow-heif) and AVIF (Pillow), which have no
reduced-scale decode.

    .venv/bin/python bench/photoset.py 240 /tmp/bench-roll-12mp      # made once; later runs reuse the files
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from PIL import Image

WIDTH, HEIGHT = 4000, 3000
FORMATS = (("jpg", "JPEG", {"quality": 90}), ("jpg", "JPEG", {"quality": 90}),
           ("heic", "HEIF", {"quality": 60, "enc_params": {"preset": "ultrafast"}}),
           ("avif", "AVIF", {"quality": 70, "speed": 10}))
GRAIN = 5  # +- levels of uniform per-pixel noise


def scenes(n: int, manifest: Path) -> list[Path]:
    """n demo scenes, round-robin over (kind, colour) so every request has its own photos."""
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    with manifest.open(newline="") as f:
        for row in csv.DictReader(f):
            groups[(row["kind"], row["color"])].append(manifest.parent / row["path"])
    picked: list[Path] = []
    depth = 0
    while len(picked) < n:
        picked += [files[depth] for _, files in sorted(groups.items()) if depth < len(files)][: n - len(picked)]
        depth += 1
    return picked


def photo(scene: Path, seed: int) -> Image.Image:
    small = Image.open(scene).convert("RGB")
    frame = small.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)
    frame.paste(small.resize((HEIGHT, HEIGHT), Image.Resampling.BICUBIC), ((WIDTH - HEIGHT) // 2, 0))
    grain = np.random.default_rng(seed).integers(-GRAIN, GRAIN + 1, (HEIGHT, WIDTH, 1), dtype=np.int16)
    return Image.fromarray(np.clip(np.asarray(frame, dtype=np.int16) + grain, 0, 255).astype(np.uint8))


def make_roll(folder: Path, n: int) -> list[Path]:
    """The roll's files (made when missing): IMG_0000.jpg, IMG_0002.heic, IMG_0003.avif, ..."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    from indexer.demo.queries import DEMO_MANIFEST

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i, scene in enumerate(scenes(n, DEMO_MANIFEST)):
        ext, fmt, options = FORMATS[i % len(FORMATS)]
        path = folder / f"IMG_{i:04d}.{ext}"
        if not path.exists():
            tmp = folder.with_name(f"{folder.name}.partial") / path.name  # outside the roll: a killed run
            tmp.parent.mkdir(exist_ok=True)                                 # leaves no half-written photo in it
            photo(scene, i).save(tmp, fmt, **options)
            tmp.rename(path)
        files.append(path)
    return files


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    made = make_roll(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{len(made)} photos, {sum(p.stat().st_size for p in made) / len(made) / 1e6:.2f} MB each on average")

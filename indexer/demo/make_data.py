"""Write the committed DEMO split: JPEGs in one folder per setting plus manifest.csv.

    python -m indexer.demo.make_data --out data/demo --n 2000 --seed 1

Each image i is drawn from its own string-seeded stream ``demo:{seed}:{i}`` (Python hashes str
seeds with SHA-512, so streams are stable across runs and platforms). Training uses ``train:...``
streams and additionally drops any scene whose raw pixels hash like a demo image's
(``render_hashes.txt``). Output is byte-identical across runs.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
from pathlib import Path

from PIL import Image

from indexer.demo.scenes import ATTRIBUTES, Scene, caption, render, sample_scene, scene_attributes

JPEG_QUALITY = 85
IMAGE_SIZE = 256
HASHES_FILE = "render_hashes.txt"
COLUMNS = ["path", "caption", *ATTRIBUTES]


def demo_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"demo:{seed}:{index}")


def pixel_hash(img: Image.Image) -> str:
    """Hash of the raw rendered pixels (before JPEG), used for demo/training disjointness."""
    return hashlib.sha256(img.tobytes()).hexdigest()


def jpeg_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY)
    return buf.getvalue()


def demo_item(seed: int, index: int) -> tuple[Scene, Image.Image, str]:
    rng = demo_rng(seed, index)
    scene = sample_scene(rng)
    img = render(scene, rng, IMAGE_SIZE)
    return scene, img, caption(scene, rng)


def write_demo(out: Path, n: int, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows, hashes = [], []
    for i in range(n):
        scene, img, text = demo_item(seed, i)
        rel = f"{scene.setting}/{i:05d}.jpg"
        (out / scene.setting).mkdir(exist_ok=True)
        (out / rel).write_bytes(jpeg_bytes(img))
        rows.append({"path": rel, "caption": text, **scene_attributes(scene)})
        hashes.append(pixel_hash(img))
    with (out / "manifest.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (out / HASHES_FILE).write_text("\n".join(hashes) + "\n")


def load_demo_hashes(out: Path) -> set[str]:
    path = out / HASHES_FILE
    return set(path.read_text().split()) if path.exists() else set()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("data/demo"))
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write_demo(args.out, args.n, args.seed)
    print(f"wrote {args.n} images and manifest.csv to {args.out}")


if __name__ == "__main__":
    main()

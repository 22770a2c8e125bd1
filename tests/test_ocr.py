"""OCR at index time with the real RapidOCR engine: words read with their spaces and boxes, `index --ocr`
storing them (cost in the summary), turning OCR on for a stored collection without re-embedding, and the
text found by the store afterwards. A handful of small rendered pictures keeps this under a minute."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from indexer.cli import main
from indexer.ocr import RAPIDOCR, rapid_reader, read_text
from indexer.store import ImageStore

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
PICTURES = {  # file -> the lines drawn in it
    "shop/sign.png": ["STARBUCKS COFFEE"],
    "cars/plate.jpg": ["RE16 TGK"],
    "trip/IMG_2041.jpg": [],  # no text: found by its file name only
}


def draw(path: Path, lines: list[str], seed: int = 0) -> None:
    """A noisy photo-like background with dark text on a light panel."""
    rng = np.random.default_rng(seed)
    pixels = rng.integers(60, 200, (300, 640, 3), dtype=np.uint8)
    image = Image.fromarray(pixels)
    pen = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48) if Path(FONT).is_file() else ImageFont.load_default(size=48)
    for i, line in enumerate(lines):
        pen.rectangle((20, 60 + 90 * i, 620, 140 + 90 * i), fill=(245, 245, 235))
        pen.text((40, 70 + 90 * i), line, font=font, fill=(20, 20, 20))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=92)


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ocr") / "photos"
    for i, (rel, lines) in enumerate(PICTURES.items()):
        draw(root / rel, lines, seed=i)
    return root


def test_reads_words_with_spaces_and_boxes(pictures: Path) -> None:
    with Image.open(pictures / "shop/sign.png") as image:
        result = read_text(rapid_reader(), image.convert("RGB"))
    assert result.engine == RAPIDOCR and result.seconds > 0
    assert result.text == "STARBUCKS COFFEE"  # the recogniser alone often says "STARBUCKSCOFFEE"
    x0, y0, x1, y1 = result.lines[0].box
    assert 30 <= x0 < x1 <= 620 and 60 <= y0 < y1 <= 140


def test_a_picture_without_text_reads_as_nothing(pictures: Path) -> None:
    with Image.open(pictures / "trip/IMG_2041.jpg") as image:
        assert read_text(rapid_reader(), image.convert("RGB")).lines == ()


def test_an_engine_failure_is_no_text_not_a_failed_image() -> None:
    class Broken:
        name = "broken"

        def read(self, image: Image.Image) -> list:
            raise RuntimeError("onnx said no")

    result = read_text(Broken(), Image.new("RGB", (10, 10)))
    assert (result.engine, result.lines, result.text) == ("broken", (), "")


def _index(pictures: Path, db: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[dict, str]:
    argv = ["index", str(pictures), "--db", db, "--collection", "photos", "--json", "--batch-size", "4",
            "--pretrained", "random", *extra]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    return json.loads(out.strip().splitlines()[-1]), err


def test_turning_ocr_on_reads_stored_images_without_re_embedding(pictures: Path, tmp_db: str, random_clip,  # noqa: ANN001
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _index(pictures, tmp_db, capsys)
    assert (first["indexed"], first["ocr_images"]) == (3, 0)
    store = ImageStore(tmp_db, "photos", None, embeddings=random_clip, create=False)
    before = {i: r["vector"] for i, r in store.get([r.id for r in store.existing()], with_vectors=True).items()}
    assert store.text_search("IMG_2041", None, 1)[0][0].path == "trip/IMG_2041.jpg"  # names, even without OCR
    store.close()

    second, _ = _index(pictures, tmp_db, capsys, "--ocr")
    assert (second["indexed"], second["unchanged"], second["ocr_images"]) == (0, 3, 3)
    assert second["ocr_seconds"] > 0
    store = ImageStore(tmp_db, "photos", None, embeddings=random_clip, create=False)
    after = store.get(list(before), with_vectors=True)
    assert all(np.allclose(after[i]["vector"], before[i]) for i in before)  # the very vectors
    assert store.count() == 3
    hits, note = store.text_search("starbucks", None, 2)
    assert note == "" and hits[0].path == "shop/sign.png" and "STARBUCKS" in hits[0].text
    assert store.text_search("RE16", None, 1)[0][0].path == "cars/plate.jpg"  # a part of the plate
    assert all(r.ocr.engine == RAPIDOCR for r in store.existing())
    store.close()

    third, _ = _index(pictures, tmp_db, capsys, "--ocr")
    assert (third["unchanged"], third["ocr_images"]) == (3, 0)  # read once: a re-run reads nothing


def test_index_with_ocr_shows_its_cost(pictures: Path, tmp_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(pictures), "--db", tmp_db, "--collection", "photos", "--batch-size", "4",
                 "--pretrained", "random", "--ocr"]) == 0
    out, _ = capsys.readouterr()
    assert "read the text of 3 images in" in out and "s per image" in out

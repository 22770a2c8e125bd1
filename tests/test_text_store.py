"""Text search in the store (indexer.hybrid through ImageStore.text_search) on a real Milvus: Lite (BM25
full-text fused with the vector) and the 2.3 server tier (no full-text: the stored text is scanned, with a note).
Rows are written with known OCR text and unit vectors, so what must come first is known exactly."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from indexer.embedding import ModelIdentity
from indexer.ocr import OcrResult, TextLine
from indexer.store import ImageRecord, ImageStore

DIM = 8
IDENTITY = ModelIdentity("unit-vectors", "fixed", DIM)
TEXTS = {  # path -> what the picture says (as RapidOCR reads it: words sometimes run together)
    "receipts/a.jpg": "STARBUCKSCOFFEE\nTotal: $4.50",
    "street/b.jpg": "Plate RE16 TGK",
    "street/c.jpg": "Welcome to Texas",
    "street/d.jpg": "Welcome to Oslo",
    "shots/e.png": "Wi-Fi password: hunter22",
    "shop/f.jpg": "Café Müller",
    "camera/IMG_2041.JPG": "",
    "misc/g.jpg": "STARBUCK5 reserve",  # an OCR misread of the same brand
}


class NoTextEmbeddings(Embeddings):
    """The store is given vectors only; embedding text inside it would be a bug."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise AssertionError(texts[:3])

    def embed_query(self, text: str) -> list[float]:
        raise AssertionError(text)


@pytest.fixture(scope="module", params=["lite", pytest.param("server", marks=pytest.mark.server)])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImageStore]:
    """One collection per backend for the module (tests only read, but for one row of their own)."""
    if request.param == "lite":
        uri = str(tmp_path_factory.mktemp("text") / "text.db")
    else:
        server = request.getfixturevalue("milvus_standalone")
        server.start()  # no-op when up
        uri = server.uri
    store = ImageStore(uri, f"text_{uuid.uuid4().hex[:8]}", IDENTITY, embeddings=NoTextEmbeddings())
    records = [ImageRecord(f"id{i}", path, ocr=_read(text)) for i, (path, text) in enumerate(TEXTS.items())]
    store.add(records, np.eye(DIM, dtype=np.float32)[: len(records)])
    store.finalize()
    yield store
    store.close()


def _read(text: str) -> OcrResult:
    lines = tuple(TextLine(line, (0, 10 * i, 100, 10 * i + 9)) for i, line in enumerate(text.splitlines()))
    return OcrResult("test", lines)


def _top(store: ImageStore, text: str, vector: np.ndarray | None = None, k: int = 3) -> list[str]:
    hits, _ = store.text_search(text, vector, k)
    return [h.path for h in hits]


@pytest.mark.parametrize(("asked", "found"), [
    ("STARBUCKS COFFEE", "receipts/a.jpg"),
    ("re16", "street/b.jpg"),  # a part of a plate
    ("tgk", "street/b.jpg"),
    ("welcome to texas", "street/c.jpg"),
    ("wifi password", "shots/e.png"),
    ("cafe muller", "shop/f.jpg"),  # accents folded
    ("IMG_2041", "camera/IMG_2041.JPG"),  # the file name
    ("2041", "camera/IMG_2041.JPG"),
    ("4.50", "receipts/a.jpg"),
])
def test_text_finds_the_image_first(store: ImageStore, asked: str, found: str) -> None:
    assert _top(store, asked)[0] == found


def test_part_of_a_run_together_word_and_a_misread_are_found(store: ImageStore) -> None:
    assert set(_top(store, "starbucks")[:2]) == {"receipts/a.jpg", "misc/g.jpg"}
    assert _top(store, "starbucks coffee")[0] == "receipts/a.jpg"


def test_vector_decides_between_equal_text_matches(store: ImageStore) -> None:
    oslo = np.eye(DIM, dtype=np.float32)[3]  # the vector of street/d.jpg
    assert _top(store, "welcome", oslo)[0] == "street/d.jpg"
    assert _top(store, "welcome texas", oslo)[0] == "street/c.jpg"  # the words outweigh the look


def test_hits_carry_the_text_read_and_the_scope_applies(store: ImageStore) -> None:
    hits, _ = store.text_search("welcome", None, 5, expr='path like "street/%"')
    assert {h.path for h in hits} <= {"street/b.jpg", "street/c.jpg", "street/d.jpg"}
    assert hits[0].text.startswith("Welcome to")


def test_note_only_without_full_text(store: ImageStore) -> None:
    _, note = store.text_search("texas", None, 3)
    assert (note == "") == store.full_text
    assert store.full_text == ("://" not in store.uri)  # Lite has BM25, the 2.3 server has not
    if note:
        assert "full-text" in note


def test_hostile_text_is_stored_clean_and_clipped(store: ImageStore) -> None:
    nasty = "EVIL\x00\x1b[31m\u202eRED " + "A" * 20000 + "\n**bold** <script>x</script>"
    store.add([ImageRecord("idx", "x/evil.png", ocr=_read(nasty))], np.eye(DIM, dtype=np.float32)[7:8])
    store.finalize()
    hits, _ = store.text_search("evil", None, 1)
    assert hits[0].path == "x/evil.png"
    text = hits[0].text
    assert "\x00" not in text and "\x1b" not in text and "\u202e" not in text
    assert len(text.encode()) <= 8192 and text.startswith("EVIL")

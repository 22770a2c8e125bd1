"""The OCR boundary: words written in a picture, read at index time (opt-in, `index --ocr`).

`read_text(reader, image) -> OcrResult` is one self-contained step on a decoded image, so it drops into the
thread pipeline (indexer.pipeline) or a stage of another engine unchanged. RapidOCR (PP-OCRv4 models inside
the `rapidocr-onnxruntime` wheel, the `[ocr]` extra) is imported only when a reader is made.

RapidOCR returns one box per line of text and, its recogniser having been trained mostly without spaces,
often runs the words of a line together ("STARBUCKSCOFFEE"). Asked for character boxes, it says where each
letter sits: a gap wider than a share of the line's height between two letters is a space. Lines are kept
as lines (top to bottom, then left to right), each with its box.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from statistics import median
from typing import Any, Protocol

import numpy as np
from PIL import Image

from indexer.errors import SearchBotError
from indexer.textsearch import clean

OCR_SIDE = 1280  # longest side handed to the detector: signs and receipts stay legible, big photos cost less
MIN_SCORE = 0.5  # lines the recogniser is less sure of are mostly texture read as letters
SPACE_GAP = 0.7  # a gap between two letters wider than this share of a letter is a space (within words
# the recogniser's letter columns leave gaps up to ~0.55 of a letter: measured on DejaVu, Liberation, Pillow's font)
MAX_LINES = 200
RAPIDOCR = "rapidocr-1.4"


class OcrUnavailable(SearchBotError):
    """OCR was asked for but its engine is not installed (pip install '.[ocr]')."""


@dataclass(frozen=True)
class TextLine:
    text: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in the pixels of the decoded image read
    score: float = 1.0


@dataclass(frozen=True)
class OcrResult:
    """What one picture says. `engine` "" means not read (OCR off, or a row indexed before it was on)."""

    engine: str = ""
    lines: tuple[TextLine, ...] = ()
    seconds: float = 0.0  # wall time of the read
    cpu_seconds: float = 0.0  # this thread's CPU time: the cost per core, true on a busy machine too

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def boxes(self) -> list[list[Any]]:
        """JSON-ready: [[x0, y0, x1, y1, text], ...]."""
        return [[*line.box, line.text] for line in self.lines]


class TextReader(Protocol):
    name: str  # stored with each row: which engine read it ("" = none)

    def read(self, image: Image.Image) -> list[TextLine]: ...


def read_text(reader: TextReader, image: Image.Image) -> OcrResult:
    """The text of one decoded image, timed; a picture the engine fails on reads as no text (logged by the
    caller's progress as an image with none), never as a failed image: its vector is still worth storing."""
    started, cpu = time.perf_counter(), time.thread_time()
    try:
        lines = reader.read(_fit(image))[:MAX_LINES]
    except Exception:  # noqa: BLE001 - an engine crash on one picture must not stop the run
        lines = []
    return OcrResult(reader.name, tuple(lines), time.perf_counter() - started, time.thread_time() - cpu)


def _fit(image: Image.Image) -> Image.Image:
    side = max(image.size)
    if side <= OCR_SIDE:
        return image
    scale = OCR_SIDE / side
    return image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))


class RapidReader:
    """RapidOCR (ONNX Runtime, CPU), one engine shared by the decode threads, one ONNX thread per call so
    `--workers` decides how many cores OCR takes."""

    name = RAPIDOCR

    def __init__(self, threads: int = 1) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailable("--ocr needs rapidocr-onnxruntime: pip install -e '.[ocr]'") from exc
        self._engine = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)

    def read(self, image: Image.Image) -> list[TextLine]:
        pixels = np.asarray(image.convert("RGB"))[:, :, ::-1]  # the engine expects OpenCV's BGR order
        found, _ = self._engine(pixels, return_word_box=True)
        lines = [_line(item) for item in found or [] if float(item[2]) >= MIN_SCORE]
        lines = [line for line in lines if line.text]
        return sorted(lines, key=lambda line: (line.box[1] // max(1, _height(line) // 2), line.box[0]))


def _line(item: list[Any]) -> TextLine:
    """One RapidOCR line: [quad, text, score, letter quads, letters, letter scores] -> spaced text + box."""
    quad, text, score = item[0], str(item[1]), float(item[2])
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    box = (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
    letters = item[4] if len(item) > 5 else []
    if letters and len(letters) == len(item[3]):
        text = _spaced(item[3], letters, box[3] - box[1])
    return TextLine(" ".join(clean(text).split()), box, score)


def _spaced(quads: list[Any], letters: list[str], height: int) -> str:
    """Letters joined, with a space where the gap to the previous letter is wide for this line's size."""
    spans = [(min(p[0] for p in q), max(p[0] for p in q)) for q in quads]
    widths = [b - a for a, b in spans if b > a]
    unit = min(height, 1.2 * median(widths)) if widths else height  # a letter's width, from this line
    out = letters[0]
    for (_, prev_end), (start, _), letter in zip(spans, spans[1:], letters[1:], strict=False):
        wide = start - prev_end > SPACE_GAP * unit
        out += (" " if wide and letter != " " and not out.endswith(" ") else "") + letter
    return out


def _height(line: TextLine) -> int:
    return line.box[3] - line.box[1]


_shared: dict[int, RapidReader] = {}
_shared_lock = threading.Lock()


def rapid_reader(threads: int = 1) -> RapidReader:
    """One RapidOCR engine per process (loading the models takes half a second and ~100 MB)."""
    with _shared_lock:
        if threads not in _shared:
            _shared[threads] = RapidReader(threads)
        return _shared[threads]

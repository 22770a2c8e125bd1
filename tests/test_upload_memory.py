"""What a conversation keeps of an upload: a picture bounded by the model's input side and a small preview,
never the file or its full-size decode, however large the upload's dimensions (issue: a 0.2 MB PNG of
7900×7900 pixels held ~190 MB per session)."""

from __future__ import annotations

import io
import pickle

import numpy as np
import pytest
from PIL import Image

from bot.chat import KEPT_PREVIEWS, MAX_UPLOAD_BYTES, PICTURE_SIDES, PREVIEW_PX, Conversation, shrink_upload
from tests import bot_fixtures as fx

demo_index, demo_parts = fx.demo_index, fx.demo_parts
SIDE = 7900


@pytest.fixture(scope="module")
def huge_png() -> bytes:
    """Flat colour patches: a few hundred KB as a PNG, 62 megapixels (under Pillow's bomb limit) decoded."""
    patches = np.random.default_rng(7).integers(0, 255, (10, 10, 3), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(patches).resize((SIDE, SIDE), Image.Resampling.NEAREST).save(out, "PNG")
    assert len(out.getvalue()) < MAX_UPLOAD_BYTES // 10
    return out.getvalue()


def test_shrink_keeps_what_the_model_and_the_preview_need(huge_png: bytes) -> None:
    upload = shrink_upload(huge_png, 224)
    assert max(upload.picture.size) == PICTURE_SIDES * 224 and upload.picture.mode == "RGB"
    preview = Image.open(io.BytesIO(upload.preview))
    assert preview.format == "JPEG" and max(preview.size) == PREVIEW_PX
    assert len(upload.preview) < 40_000


def test_small_pictures_are_not_enlarged() -> None:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 10, 10)).save(out, "PNG")
    upload = shrink_upload(out.getvalue(), 224)
    assert upload.picture.size == (300, 200)


def test_a_session_holds_little_after_a_huge_upload(demo_parts, huge_png: bytes) -> None:  # noqa: ANN001
    conv = Conversation()
    answer = demo_parts.bot.reply(conv, "at night", image=huge_png)
    assert answer.headline.startswith("Searching for: images like your upload") and answer.results
    side = demo_parts.embeddings.image_size
    assert max(conv.picture.size) <= max(PICTURE_SIDES * side, PREVIEW_PX)
    assert conv.turns[-1].upload != huge_png and len(conv.turns[-1].upload) < 40_000
    # everything the session keeps, measured as its pickle: the decode alone would be 187 MB
    assert len(pickle.dumps(conv)) < 2_000_000
    demo_parts.bot.reply(conv, "in the snow")  # a refinement still searches with the kept picture
    assert conv.turns[-1].answer.headline.startswith("Searching for: images like your upload")


def test_many_uploads_keep_a_bounded_number_of_previews(demo_parts, huge_png: bytes) -> None:  # noqa: ANN001
    conv = Conversation()
    for _ in range(KEPT_PREVIEWS + 4):
        demo_parts.bot.reply(conv, "", image=huge_png)
    kept = [turn.upload for turn in conv.turns]
    assert sum(1 for u in kept if u) == KEPT_PREVIEWS
    assert kept[:4] == [b""] * 4  # older turns still say there was a picture, without keeping it
    assert len(pickle.dumps(conv)) < 2_000_000

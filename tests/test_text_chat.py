"""The chat asked for words in pictures, end to end: three pictures indexed with `--ocr` (real RapidOCR,
demo-clip with random weights, Milvus Lite), then the real bot: the text part of a request goes to the text
search, the rest to CLIP, both in the headline, each result showing the matched text highlighted and escaped."""

from __future__ import annotations

import pytest

from bot.chat import Conversation
from bot.factory import build_bot
from indexer.cli import main
from indexer.settings import Settings
from tests.test_ocr import PICTURES, draw


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - the bot's parts
    root = tmp_path_factory.mktemp("chat") / "photos"
    for i, (rel, lines) in enumerate(PICTURES.items()):
        draw(root / rel, lines, seed=i)
    db = str(root.parent / "milvus.db")
    assert main(["index", str(root), "--db", db, "--collection", "c", "--pretrained", "random", "--ocr",
                 "--batch-size", "4", "--json"]) == 0
    built = build_bot(Settings.load(db=db, collection="c", min_score=0.0, k=3))
    yield built
    built.store.close()


@pytest.mark.parametrize(("said", "first", "where", "headline"), [
    ("the sign saying starbucks", "shop/sign.png", "the words in the picture", 'sign, with the text "starbucks"'),
    ('"coffee"', "shop/sign.png", "the words in the picture", 'with the text "coffee"'),
    ("the red car with plate RE16", "cars/plate.jpg", "the words in the picture", 'with the text "RE16"'),
    ("IMG_2041", "trip/IMG_2041.jpg", "its file name", 'with the text "IMG_2041"'),
])
def test_text_requests_find_the_picture_that_says_it(parts, said: str, first: str, where: str,  # noqa: ANN001
                                                      headline: str) -> None:
    answer = parts.bot.reply(Conversation(), said)
    assert headline in answer.headline, answer.headline
    top = answer.results[0]
    assert top.path == first and top.why.startswith(where), (top.path, top.why)
    assert top.marks, top.text
    start, end = top.marks[0]
    assert top.text[start:end].replace(" ", "").lower() in said.replace(" ", "").lower()



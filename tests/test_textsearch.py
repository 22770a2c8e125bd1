"""indexer.textsearch: the forms text is stored and asked in (folding, file-name words, 3-grams), the Python
scores the 2.3 server tier falls back to, and the spans a query matched (for highlighting)."""

from __future__ import annotations

import pytest

from indexer.textsearch import (
    MAX_GRAMS_BYTES,
    MAX_TEXT_BYTES,
    SearchText,
    TextQuery,
    clean,
    fold,
    grams,
    matched_spans,
    name_words,
    overlap,
    searchable,
)


def test_fold_drops_case_accents_and_punctuation() -> None:
    assert fold("Café  MÜLLER — RE-16!") == "cafe muller re 16"
    assert fold("Straße") == "strasse"


@pytest.mark.parametrize(("path", "words"), [
    ("trip/IMG_2041.JPG", "IMG_2041 IMG 2041"),
    ("PXL20230512.jpg", "PXL20230512 PXL 20230512"),
    ("holidayPhotoBeach.png", "holidayPhotoBeach holiday Photo Beach"),
])
def test_file_names_are_split_the_way_people_say_them(path: str, words: str) -> None:
    assert name_words(path) == words


def test_grams_span_run_together_words_and_fold_confusable_shapes() -> None:
    assert grams("RE16 TGK") == "rel el6 l6t 6tg tgk"  # 1 and l read alike: folded together
    assert set(grams("starbucks").split()) <= set(grams("STARBUCKSCOFFEE").split())
    assert set(grams("STARBUCK5").split()) == set(grams("starbucks").split())  # a misread 5 for S
    assert grams("ok\nno") == "ok no"  # a line shorter than a gram is kept whole; lines never join


def test_searchable_text_has_every_source_and_fits_its_fields() -> None:
    found = searchable("a/IMG_7.jpg", "Beach day", {"album": "Summer"}, "WELCOME\nTO TEXAS")
    assert found.words == "welcome to texas img_7 img 7 beach day summer".replace("img_7", "img 7")
    huge = searchable("x.jpg", "", {}, "Ω" * 50000)
    assert len(huge.words.encode()) <= MAX_TEXT_BYTES and len(huge.grams.encode()) <= MAX_GRAMS_BYTES


def test_overlap_scores_words_and_grams() -> None:
    stored = searchable("x.jpg", "", {}, "STARBUCKSCOFFEE Total 4.50")
    words, grams_share = overlap(TextQuery("starbucks"), SearchText(stored.words, stored.grams))
    assert words == 0.0 and grams_share > 0.95  # every gram there; a little less for the text's length
    assert overlap(TextQuery("total"), SearchText(stored.words, stored.grams))[0] > 0.9
    assert overlap(TextQuery(""), SearchText(stored.words, stored.grams)) == (0.0, 0.0)


def test_matched_spans_point_into_the_text_as_read() -> None:
    text = "STARBUCKS COFFEE\nCafé Müller"
    assert [text[s:e] for s, e in matched_spans(TextQuery("starbucks coffee"), text)] == ["STARBUCKS COFFEE"]
    assert [text[s:e] for s, e in matched_spans(TextQuery("cafe"), text)] == ["Café"]
    assert matched_spans(TextQuery("tea"), text) == []


def test_clean_removes_control_and_invisible_characters() -> None:
    assert clean("a\x00b\x1b[0m\u202ec\u200bd\ne") == "a b [0m c d\ne"

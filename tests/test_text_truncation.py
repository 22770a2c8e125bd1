"""The query-time text forward skips the padding after the last end-of-text token (a speed-up measured in
bench/RESULTS.md); it must give the same vectors as open_clip's full-context encode_text."""

from __future__ import annotations

import numpy as np
import torch


def test_truncated_text_forward_matches_full_context(random_clip) -> None:  # noqa: ANN001
    texts = ["a red car", "a dog running on a wide sandy beach at sunset with people", "snow", ""]
    with torch.inference_mode():
        full = random_clip._model.encode_text(random_clip._tokenizer(texts), normalize=True).numpy()
    batched = random_clip.encode_texts(texts)
    single = np.stack([random_clip.encode_texts([t])[0] for t in texts])
    np.testing.assert_allclose(batched, full, atol=1e-5)
    np.testing.assert_allclose(single, full, atol=1e-5)


def test_text_longer_than_context_still_encodes(random_clip) -> None:  # noqa: ANN001
    vec = random_clip.encode_texts(["word " * 500])
    assert vec.shape == (1, random_clip.identity.dim)
    assert abs(float(np.linalg.norm(vec)) - 1.0) < 1e-5

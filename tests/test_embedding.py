"""ClipEmbeddings against LangChain's standard embedding suites, plus the CLIP-specific contract."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings
from langchain_tests.integration_tests import EmbeddingsIntegrationTests
from langchain_tests.unit_tests import EmbeddingsUnitTests
from PIL import Image

from indexer.embedding import ClipEmbeddings
from indexer.errors import ConfigError, ModelLoadError

# Random weights are enough for the standard suites: they check the interface, not ranking quality.
STANDARD_PARAMS = {"model_name": "demo-clip", "pretrained": "random"}


class _StandardParams:
    @property
    def embeddings_class(self) -> type[Embeddings]:
        return ClipEmbeddings

    @property
    def embedding_model_params(self) -> dict:
        return STANDARD_PARAMS


class TestClipEmbeddingsUnit(_StandardParams, EmbeddingsUnitTests):
    pass


# The suite's async tests carry no marker and pytest-asyncio runs in strict mode, so the class is marked;
# the sync tests it also reaches would warn about that mark, which is harmless.
@pytest.mark.filterwarnings("ignore:.*is marked with .@pytest.mark.asyncio. but it is not an async function")
@pytest.mark.asyncio
class TestClipEmbeddingsIntegration(_StandardParams, EmbeddingsIntegrationTests):
    @pytest.fixture
    def model(self, random_clip: ClipEmbeddings) -> Embeddings:
        # The session's model instead of a fresh one per test: same class and parameters, loaded once.
        return random_clip


def _unit_norms(vectors: np.ndarray) -> np.ndarray:
    return np.linalg.norm(vectors.astype(np.float64), axis=1)


def test_text_vectors_are_normalised_float32(random_clip: ClipEmbeddings) -> None:
    texts = ["a red car", "two dogs on a beach", ""]
    arr = random_clip.encode_texts(texts)
    assert arr.dtype == np.float32
    assert arr.shape == (3, random_clip.identity.dim)
    np.testing.assert_allclose(_unit_norms(arr), 1.0, atol=1e-3)
    as_lists = np.array(random_clip.embed_documents(texts), dtype=np.float64)
    np.testing.assert_allclose(as_lists, arr, atol=1e-6)
    query = random_clip.embed_query("a red car")
    assert len(query) == random_clip.identity.dim
    np.testing.assert_allclose(query, arr[0], atol=1e-6)


def test_split_preprocessing_equals_open_clip_transform(random_clip: ClipEmbeddings) -> None:
    """The PIL stage in decode threads + the batched tensor stage must give open_clip's own transform."""
    import open_clip
    import torch

    _, _, whole = open_clip.create_model_and_transforms("demo-clip", pretrained=None)
    rng = np.random.default_rng(3)
    images = [Image.fromarray(rng.integers(0, 255, (h, w, 3), dtype=np.uint8)) for h, w in ((48, 80), (97, 61))]
    images.append(images[0].convert("L"))  # non-RGB input: converted inside the PIL stage
    staged = np.stack([random_clip.preprocess(im) for im in images])
    assert staged.dtype == np.uint8 and staged.shape[-1] == 3
    expected = torch.stack([whole(im) for im in images])
    got = random_clip._tensor_stage(torch.from_numpy(staged))
    torch.testing.assert_close(got, expected, atol=1e-6, rtol=0)
    model = random_clip._model
    with torch.inference_mode():
        direct = model.encode_image(expected, normalize=True).numpy()
    np.testing.assert_allclose(random_clip.embed_pixels(staged), direct, atol=1e-5)


def test_empty_batches(random_clip: ClipEmbeddings) -> None:
    assert random_clip.encode_texts([]).shape == (0, random_clip.identity.dim)
    assert random_clip.embed_image([]) == []


def test_embed_image_paths_and_pil_agree(random_clip: ClipEmbeddings, tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    # distinct pictures (a dark noise field, a bright one, stripes): random weights tell those apart
    noise = rng.integers(0, 255, (48, 64, 3), dtype=np.uint8)
    stripes = np.repeat((np.arange(64) // 8 % 2 * 255).astype(np.uint8)[None, :, None], 48, axis=0).repeat(3, axis=2)
    images = [Image.fromarray(a) for a in (noise // 4, 255 - noise // 4, stripes)]
    paths = []
    for i, im in enumerate(images):
        paths.append(tmp_path / f"img{i}.png")  # lossless, so file and in-memory pixels are identical
        im.save(paths[-1])
    from_paths = np.array(random_clip.embed_image(paths), dtype=np.float32)
    from_str = np.array(random_clip.embed_image([str(p) for p in paths]), dtype=np.float32)
    from_pil = np.array(random_clip.embed_image(images), dtype=np.float32)
    assert from_paths.shape == (3, random_clip.identity.dim)
    np.testing.assert_allclose(_unit_norms(from_paths), 1.0, atol=1e-3)
    np.testing.assert_allclose(from_paths, from_pil, atol=1e-3)
    np.testing.assert_allclose(from_paths, from_str, atol=1e-6)
    # Different pictures must not collapse onto one vector (a model that ignores its input would).
    assert not np.allclose(from_paths[0], from_paths[1], atol=1e-3)


def test_batching_does_not_change_vectors(random_clip: ClipEmbeddings, monkeypatch: pytest.MonkeyPatch) -> None:
    images = [Image.new("RGB", (32, 32), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    texts = ["red", "green", "blue"]
    whole_images, whole_texts = np.array(random_clip.embed_image(images)), random_clip.encode_texts(texts)
    monkeypatch.setattr(random_clip, "batch_size", 2)  # 3 inputs -> a full and a partial batch
    np.testing.assert_allclose(np.array(random_clip.embed_image(images)), whole_images, atol=1e-4)
    np.testing.assert_allclose(random_clip.encode_texts(texts), whole_texts, atol=1e-4)


def test_very_long_query_is_truncated_not_rejected(random_clip: ClipEmbeddings) -> None:
    long_text = ("a very long description of a sunny beach with dogs " * 200)[:10_000]
    assert len(long_text) == 10_000
    vec = np.array(random_clip.embed_query(long_text))
    assert vec.shape == (random_clip.identity.dim,)
    assert np.isfinite(vec).all()
    assert abs(np.linalg.norm(vec) - 1.0) < 1e-3


def test_unknown_model_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown model 'no-such-clip'"):
        ClipEmbeddings("no-such-clip", "random")


def test_missing_checkpoint_is_a_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "weights.pt"
    with pytest.raises(ConfigError, match="checkpoint file not found") as excinfo:
        ClipEmbeddings("demo-clip", str(missing))
    assert str(missing) in str(excinfo.value)


def test_unfetchable_hub_tag_says_to_pass_a_local_checkpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    # huggingface_hub reads HF_HUB_OFFLINE once at import (already done by open_clip), so the
    # setting itself has to be flipped too; otherwise every retry waits on DNS for ~45 s.
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(ModelLoadError) as excinfo:
        ClipEmbeddings("ViT-B-32", "laion2b_s34b_b79k", device="cpu")
    message = str(excinfo.value)
    assert "laion2b_s34b_b79k" in message
    assert "--pretrained" in message
    assert "checkpoint" in message


def test_local_checkpoint_identity_is_its_sha256_prefix(random_checkpoint: Path) -> None:
    emb = ClipEmbeddings("demo-clip", str(random_checkpoint))
    digest = hashlib.sha256(random_checkpoint.read_bytes()).hexdigest()
    assert emb.identity.weights == f"sha256:{digest[:16]}"
    assert emb.identity.name == "demo-clip"
    assert emb.identity.dim == 128
    assert str(emb.identity) == f"demo-clip [sha256:{digest[:16]}] (128-d)"


def test_random_identity_and_json_round_trip(random_clip: ClipEmbeddings) -> None:
    from indexer.embedding import ModelIdentity

    assert random_clip.identity == ModelIdentity("demo-clip", "random", 128)
    assert ModelIdentity.from_json(random_clip.identity.to_json()) == random_clip.identity


def test_trained_demo_checkpoint_loads(demo_clip: ClipEmbeddings) -> None:
    # Skips until the trained checkpoint is committed; then its identity must be the file's hash.
    assert demo_clip.identity.weights.startswith("sha256:")
    vec = demo_clip.embed_query("a red circle")
    assert abs(np.linalg.norm(vec) - 1.0) < 1e-3

"""Shared fixtures: real models loaded once per session, fresh Milvus Lite paths, a clean environment.

Kept generic on purpose so other test modules can add their own fixtures next to these.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from indexer.settings import ENV_PREFIX

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clean_imgsearch_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's IMGSEARCH_DB or IMGSEARCH_MODEL must never leak into a test (or into its data)."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def random_clip():  # -> ClipEmbeddings (import deferred: torch takes seconds to import)
    """demo-clip architecture with random weights: real open_clip code paths, no checkpoint needed.

    Right wherever ranking quality does not matter; the vectors are deterministic within a session.
    """
    from indexer.embedding import ClipEmbeddings

    return ClipEmbeddings("demo-clip", "random")


@pytest.fixture(scope="session")
def demo_clip():  # -> ClipEmbeddings
    """The trained bundled checkpoint; skips while it has not been committed (it is trained separately)."""
    from indexer.demo.model import DEMO_CHECKPOINT
    from indexer.embedding import ClipEmbeddings

    if not DEMO_CHECKPOINT.is_file():
        pytest.skip(f"trained demo checkpoint {DEMO_CHECKPOINT} is not there yet")
    return ClipEmbeddings("demo-clip")


@pytest.fixture(scope="session")
def random_checkpoint(tmp_path_factory: pytest.TempPathFactory, random_clip) -> Path:  # noqa: ANN001
    """A local .pt file of demo-clip weights: a second, distinct model identity (sha256:...) for model-mismatch
    and plumbing tests. The trained weights with another logit scale when they are there (same vectors, another
    file): a randomly initialised ResNet tower maps every picture to nearly one vector (cosines above 0.99999),
    too blind for a test that finds an image by itself. Random weights when the checkpoint is missing."""
    import torch

    from indexer.demo.model import DEMO_CHECKPOINT

    path = tmp_path_factory.mktemp("ckpt") / "demo-clip-other.pt"
    if DEMO_CHECKPOINT.is_file():
        state = {k: v.float() for k, v in torch.load(DEMO_CHECKPOINT, weights_only=True).items()}
        state["logit_scale"] = state["logit_scale"] + 0.01  # unused by embeddings; makes another file
    else:
        state = {k: v.float().cpu() for k, v in random_clip._model.state_dict().items()}
    torch.save(state, path)
    return path


class NoTextEmbeddings(Embeddings):
    """For stores that only ever get vectors: LangChain's Milvus wants an Embeddings object, and embedding
    text inside the store would be a bug, so it fails loudly instead of returning made-up vectors."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise AssertionError(f"the store tried to embed documents: {texts[:3]}")

    def embed_query(self, text: str) -> list[float]:
        raise AssertionError(f"the store tried to embed a query: {text!r}")


@pytest.fixture
def no_text_embeddings() -> Embeddings:
    return NoTextEmbeddings()


@pytest.fixture
def tmp_db(tmp_path: Path) -> str:
    """A fresh Milvus Lite data dir path (created on first open)."""
    return str(tmp_path / "milvus" / "test.db")


@pytest.fixture
def subprocess_env() -> Iterator[dict[str, str]]:
    """Environment for `python -m indexer` child processes: repo importable, no IMGSEARCH_* leaking."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    env.setdefault("TQDM_DISABLE", "1")
    yield env


# --- Real Milvus server tier (owned with tests/milvus_server.py) ------------------------------------------
# Registered here, once, so every module shares one session server; test_store's `store_uri` gets its
# "server" param through tests.milvus_server.server_store_uri.
from tests.bot_fixtures import trained_index  # noqa: E402, F401 - demo_index falls back to it by name
from tests.milvus_server import milvus_standalone, milvus_uri  # noqa: E402, F401

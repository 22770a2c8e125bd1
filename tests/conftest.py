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


# --- The suite writes only under its temporary directories ------------------------------------------------
# Code under test writes caches below the user's home: a server-tier bot's thumbnails go to
# $XDG_CACHE_HOME/clip-chat-search (else ~/.cache/...: indexer.thumbs), and the tools the tests drive keep
# theirs there too (Chromium's crash database in ~/.config/chromium; Streamlit, torch, Hugging Face). So for
# the whole session HOME and every XDG base dir point into the session's temp dir (set before any module- or
# session-scoped fixture starts a server or child process: they inherit os.environ), and the real places are
# checked to be untouched after.
HOME_DIRS = {  # variable -> where it points below the temporary home
    "HOME": "",
    "XDG_CACHE_HOME": ".cache",
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state",
    "TORCH_HOME": ".cache/torch",  # absolute when a developer set them: they would bypass HOME
    "HF_HOME": ".cache/huggingface",
    "MPLCONFIGDIR": ".config/matplotlib",
}
# Below the real home (or the real $XDG_CACHE_HOME for "cache/..."): places only this project's code, or tools
# only as this suite drives them, write to. Chromium's ~/.config/chromium and ~/.pki are redirected too (the
# browser test checks its crash database lands in the temporary home) but not watched: any other Chromium on
# the machine writes them.
WATCHED = ("cache/clip-chat-search", "cache/torch", "cache/huggingface", ".streamlit")

Snapshot = dict[str, tuple[int, int, int]]  # path -> (mode, size, mtime_ns)


def watched_places() -> list[Path]:
    """The real places named in WATCHED, read from the environment before the session changes it."""
    home = Path.home()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return [cache / rel.removeprefix("cache/") if rel.startswith("cache/") else home / rel for rel in WATCHED]


def snapshot(places: list[Path]) -> Snapshot:
    """Every file and folder under `places` (and each place itself, when it exists), with what a write changes."""
    seen: Snapshot = {}
    for place in places:
        for path in [place, *place.rglob("*")] if place.is_dir() else [place]:
            try:
                st = path.lstat()
            except OSError:
                continue  # absent: a later snapshot that has it shows it as new
            seen[str(path)] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return seen


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


@pytest.fixture(scope="session", autouse=True)
def home_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """HOME, the XDG dirs and the tool caches inside the session's temp dir; fails the session's teardown if
    anything was written to the real places meanwhile."""
    places = watched_places()
    before = snapshot(places)
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for name, rel in HOME_DIRS.items():
            patch.setenv(name, str(home / rel))
        for name in [n for n in os.environ if n.startswith(ENV_PREFIX)]:  # IMGSEARCH_THUMBS and the rest
            patch.delenv(name)
        yield home
    written = changes(before, snapshot(places))
    assert not written, f"the test session wrote outside its temporary directories: {written[:20]}"


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

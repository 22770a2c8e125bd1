"""Shared fixtures for the bot tests: the demo set indexed once per session into real Milvus Lite.

Two indexes, because two questions are asked:
* `demo_index`: demo-clip with *random* weights saved to a file (conftest's `random_checkpoint`), so every
  process (this one, `python -m bot`, `streamlit run`) loads the very same weights. Right for plumbing:
  wiring, URLs, rendering, hostile input, uploads finding themselves. Always available.
* `trained_index`: the trained demo checkpoint; quality assertions only. Skips until the checkpoint exists.

Milvus Lite lets one process open a data dir, so the index is built in-process, its embedded server is
released (the dir is then closed and consistent), and every user gets its own copy (`copy_db`).

Import the fixtures into a test module's namespace: `from tests.bot_fixtures import demo_index, ...`.
"""

from __future__ import annotations

import functools
import shutil
import socket
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pytest

from indexer.demo.queries import DEMO_MANIFEST
from indexer.settings import ENV_PREFIX, Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
COLLECTION = "demo"
# Random-weight cosines are around -0.1..0.1; with a floor of 0 many answers carry the floor note, which
# plumbing tests must tolerate (a negative setting would mean "the model default", so 0 is the lowest).
PLUMBING_MIN_SCORE = "0"


@dataclass(frozen=True)
class DemoIndex:
    db: Path  # the closed golden data dir; never opened again (copy it)
    pretrained: str  # value for --pretrained / IMGSEARCH_PRETRAINED ("" = the model's default checkpoint)
    min_score: str = ""  # IMGSEARCH_MIN_SCORE for bots over this index ("" = the model's default)

    def env(self, db: Path) -> dict[str, str]:
        """IMGSEARCH_* variables that point a bot (page, terminal) at a copy of this index."""
        out = {ENV_PREFIX + "DB": str(db), ENV_PREFIX + "COLLECTION": COLLECTION}
        if self.pretrained:
            out[ENV_PREFIX + "PRETRAINED"] = self.pretrained
        if self.min_score:
            out[ENV_PREFIX + "MIN_SCORE"] = self.min_score
        return out

    def settings(self, db: Path, **overrides: object) -> Settings:
        return Settings.load(env=self.env(db), **overrides)


def build_index(dest: Path, pretrained: str, manifest: Path = DEMO_MANIFEST, collection: str = COLLECTION) -> Path:
    """Index `manifest` with the real CLI (in-process) and close the data dir again."""
    from milvus_lite.server_manager import server_manager_instance

    from indexer.cli import main

    db = dest / "demo.db"
    argv = ["index", str(manifest), "--db", str(db), "--collection", collection, "--json"]
    if pretrained:
        argv += ["--pretrained", pretrained]
    assert main(argv) == 0, "indexing the demo manifest failed"
    server_manager_instance.release_server(str(db))  # the CLI closes its client; this closes the data dir
    return db


def copy_db(index_db: Path, dest_dir: Path) -> Path:
    """A private copy of a closed data dir (no lock or endpoint file of the original comes along)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / index_db.name
    shutil.copytree(index_db, target, ignore=shutil.ignore_patterns("LOCK"))
    return target


def trained_available() -> bool:
    from indexer.demo.model import DEMO_CHECKPOINT

    return DEMO_CHECKPOINT.is_file()


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> DemoIndex:
    """The trained index when the checkpoint exists (one indexing run serves every test), else random weights.

    Random demo-clip features are nearly collinear (a random ViT mostly sees the mean colour), so
    plumbing tests must not assume many distinct results: duplicates collapse folds most of them.
    """
    if trained_available():
        return request.getfixturevalue("trained_index")
    ckpt = request.getfixturevalue("random_checkpoint")
    db = build_index(tmp_path_factory.mktemp("demo-random"), str(ckpt))
    return DemoIndex(db, str(ckpt), PLUMBING_MIN_SCORE)


@pytest.fixture(scope="session")
def trained_index(tmp_path_factory: pytest.TempPathFactory) -> DemoIndex:
    if not trained_available():
        pytest.skip("trained demo checkpoint data/model/demo-clip.pt is not there yet")
    db = build_index(tmp_path_factory.mktemp("demo-trained"), "")
    return DemoIndex(db, "")


@pytest.fixture(scope="session")
def demo_parts(tmp_path_factory: pytest.TempPathFactory, demo_index: DemoIndex):  # noqa: ANN201
    """One in-process bot over a private copy of the random-weights index (built once: model load ~5 s)."""
    from bot.factory import build_bot

    db = copy_db(demo_index.db, tmp_path_factory.mktemp("demo-parts"))
    return build_bot(demo_index.settings(db))


@pytest.fixture(scope="session")
def trained_parts(request: pytest.FixtureRequest, trained_index: DemoIndex):  # noqa: ANN201
    """The in-process bot over the trained index (the same object as demo_parts once trained)."""
    return request.getfixturevalue("demo_parts")


@pytest.fixture
def bot_env(subprocess_env: dict[str, str]) -> Iterator[dict[str, str]]:
    """Child-process environment (repo importable, no IMGSEARCH_* leaking) without progress bars."""
    env = dict(subprocess_env)
    env["PYTHONUNBUFFERED"] = "1"
    yield env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@functools.cache  # read once: the dialog tables ask for it per dialog (~400 times, 2,000 rows each)
def demo_attrs() -> Mapping[str, Mapping[str, str]]:
    """Relative path → manifest attributes, the ground truth for quality assertions (shared: read only)."""
    import csv

    with DEMO_MANIFEST.open(newline="") as f:
        rows = list(csv.DictReader(f))
    kept = ({k: v for k, v in row.items() if k not in ("path", "caption")} for row in rows)
    return MappingProxyType({row["path"]: MappingProxyType(attrs) for row, attrs in zip(rows, kept, strict=True)})


__all__ = [
    "COLLECTION",
    "DemoIndex",
    "bot_env",
    "build_index",
    "copy_db",
    "demo_attrs",
    "demo_index",
    "demo_parts",
    "free_port",
    "trained_available",
    "trained_index",
    "trained_parts",
]

"""One frozen settings object: defaults, then environment, then explicit overrides (CLI flags, st.secrets)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from indexer.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = str(REPO_ROOT / "data" / "milvus" / "images.db")
ENV_PREFIX = "IMGSEARCH_"


@dataclass(frozen=True)
class Settings:
    """Where the vectors live and which model makes them.

    `db` is one URI for every deployment: a Milvus Lite path (a local `.db` data dir), `http(s)://host:port`
    for a Milvus server or cluster, or a Zilliz Cloud endpoint together with `token`.
    """

    db: str = DEFAULT_DB
    token: str = ""
    collection: str = "images"
    model: str = ""  # empty: the model the collection was indexed with, else the bundled demo-clip
    pretrained: str = ""  # empty: as recorded with the collection, else the model's default
    device: str = "auto"
    batch_size: int = 64
    workers: int = 2
    k: int = 10  # results per answer in the bot
    min_score: float = -1.0  # relevance floor; negative: the model's default (see min_score_for)
    images: str = ""  # folder the bot reads images from; empty: the folder recorded by the last index run
    thumbs: str = ""  # thumbnail cache folder; empty: beside a Lite dir, else in the user's cache dir
    query_threads: int = 1  # torch threads of the bot's query forwards; 0: torch's default (one per core)
    llm: str = ""  # optional LangChain chat model for planning, "provider:model"

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then IMGSEARCH_* variables from `env`, then non-None `overrides`."""
        env = os.environ if env is None else env
        base = cls()
        values: dict[str, object] = {}
        for field in fields(cls):
            raw = env.get(ENV_PREFIX + field.name.upper())
            if raw is not None and raw != "":
                values[field.name] = _coerce(field.name, raw, type(getattr(base, field.name)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = replace(base, **values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch size must be at least 1, got {self.batch_size}")
        if self.query_threads < 0:
            raise ConfigError(f"query threads must be 0 (torch's default) or more, got {self.query_threads}")
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")
        if not self.collection.replace("_", "").isalnum() or not self.collection[0].isalpha():
            raise ConfigError(
                f"collection name {self.collection!r} is invalid: use letters, digits and _, starting with a letter"
            )
        if not 1 <= self.k <= 100:
            raise ConfigError(f"k must be between 1 and 100, got {self.k}")
        if not self.db:
            raise ConfigError("the Milvus URI (--db / IMGSEARCH_DB) is empty")

    @property
    def is_local(self) -> bool:
        """True for a Milvus Lite path (embedded engine), False for a server URI."""
        return not self.db.startswith(("http://", "https://", "tcp://", "grpc://"))

    def public_dict(self) -> dict[str, object]:
        """Settings safe to print or log (no token)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "token"}


def _coerce(name: str, raw: str, kind: type) -> object:
    if kind is float:
        try:
            return float(raw)
        except ValueError as exc:
            raise ConfigError(f"{ENV_PREFIX}{name.upper()} must be a number, got {raw!r}") from exc
    if kind is int:
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"{ENV_PREFIX}{name.upper()} must be a whole number, got {raw!r}") from exc
    return raw

"""Typed errors raised by the library. Only the CLI and the Streamlit page turn them into messages."""

from __future__ import annotations


class SearchBotError(Exception):
    """Base class: every error the library raises on purpose."""


class ConfigError(SearchBotError):
    """A setting is invalid (bad URI, unknown model name, engine not installed...)."""


class EngineUnavailable(ConfigError):
    """The indexing engine asked for is not installed (`--engine ray` without the [ray] extra)."""


class ModelLoadError(SearchBotError):
    """The CLIP model or its weights could not be loaded."""


class ModelMismatch(SearchBotError):
    """The collection was built with another embedding model than the one asked for."""

    def __init__(self, stored: str, requested: str) -> None:
        super().__init__(
            f"collection was indexed with {stored} but the query model is {requested}; "
            f"use --model/--pretrained matching {stored}, or index into a new --collection"
        )
        self.stored = stored
        self.requested = requested


class StoreUnavailable(SearchBotError):
    """The Milvus store cannot be reached or opened."""


class CollectionMissing(SearchBotError):
    """The named collection does not exist yet (nothing indexed)."""


class UnreadableImage(SearchBotError):
    """An image file cannot be decoded; `reason` is a short human explanation."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SourceError(SearchBotError):
    """The SOURCE folder or manifest is missing or malformed."""


def exit_status(exc: SearchBotError) -> int:
    """The command-line exit code for a library error: 2 for what the user must fix in the command
    (settings, SOURCE), 1 for a failure at run time (store down, model unloadable, ...)."""
    return 2 if isinstance(exc, ConfigError | SourceError) else 1

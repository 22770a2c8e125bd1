"""Collection-level Milvus operations that need no embedding model: connect, describe, ping, drop, and
the collection properties where the model identity and image root are recorded. Part of the store
boundary (with store.py and lite.py): the only modules that talk to pymilvus.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.embedding import ModelIdentity
from indexer.errors import CollectionMissing, SearchBotError, StoreUnavailable
from indexer.lite import connect_uri, endpoint_file, is_server_uri
from indexer.summary import Summary

IDENTITY_PROPERTY = "imgsearch.model"
ROOT_PROPERTY = "imgsearch.root"  # the folder the stored relative paths start from


@dataclass(frozen=True)
class CollectionInfo:
    name: str
    identity: ModelIdentity | None
    count: int


def describe(uri: str, collection: str, token: str = "") -> CollectionInfo:
    """Which model filled a collection and how many images it holds, without loading any model."""
    client = open_client(connect_uri(uri), uri, token)
    try:
        with reaching(uri, f"describing collection {collection}"):
            if not client.has_collection(collection):
                raise CollectionMissing(f"collection {collection!r} does not exist at {uri}; index some images first")
            identity = recorded_identity(client, collection)
            count = count_rows(client, collection)
        return CollectionInfo(collection, identity, count)
    finally:
        client.close()


def summary(uri: str, collection: str, token: str = "", *, bar: bool = True) -> Summary:
    """The collection's stored summary, without loading any model (for `info`); see indexer.summary_store."""
    from indexer import summary_store

    client = open_client(connect_uri(uri), uri, token)
    try:
        with reaching(uri, f"reading the summary of {collection}"):
            model = (client.describe_collection(collection).get("properties") or {}).get(IDENTITY_PROPERTY, "")
            client.load_collection(collection)  # a no-op when loaded; a Lite dir opens with it released
            return summary_store.current(client, collection, lambda: count_rows(client, collection), model=model,
                                         bar=bar)
    finally:
        client.close()


def count_rows(client: Any, collection: str) -> int:
    try:
        rows = client.query(collection, filter="", output_fields=["count(*)"])
    except Exception as exc:  # noqa: BLE001
        if not not_loaded(exc):
            raise
        client.load_collection(collection)  # released by the indexer's finalize or a server restart
        rows = client.query(collection, filter="", output_fields=["count(*)"])
    return int(rows[0]["count(*)"]) if rows else 0


def ping(uri: str, token: str = "") -> None:
    """Fail fast (StoreUnavailable) when a Milvus server cannot be reached, before any slow model load."""
    client = open_client(connect_uri(uri), uri, token)
    try:
        with reaching(uri, "listing collections"):
            client.list_collections()
    finally:
        client.close()


def drop(uri: str, collection: str, token: str = "") -> None:
    """Delete a collection and everything in it (used to rebuild after a model change)."""
    from indexer import summary_store

    client = open_client(connect_uri(uri), uri, token)
    try:
        with reaching(uri, f"dropping collection {collection}"):
            client.drop_collection(collection)
            summary_store.drop(client, collection)  # its summary, so a new collection of this name starts afresh
    finally:
        client.close()


def holds_lite_dir(uri: str) -> bool:
    """True when `uri` is a Milvus Lite dir served by this very process (see indexer.lite)."""
    if is_server_uri(uri):
        return False
    try:
        info = json.loads(endpoint_file(Path(uri).expanduser().resolve()).read_text())
    except (OSError, ValueError):
        return False
    return isinstance(info, dict) and info.get("pid") == os.getpid()


def recorded_identity(client: Any, collection: str) -> ModelIdentity | None:
    info = client.describe_collection(collection)
    recorded = (info.get("properties") or {}).get(IDENTITY_PROPERTY) or info.get("description", "")
    try:
        return ModelIdentity.from_json(recorded)
    except (ValueError, KeyError, TypeError):
        return None


def set_property(client: Any, collection: str, key: str, value: str) -> None:
    """Milvus 2.3.5 standalone reloads collection properties one alteration behind after a restart (seen
    in tests/test_server_tier.py: the latest alter_collection_properties is lost, earlier ones kept), so
    each value is written twice; the repeat is a no-op on Lite and on servers without that bug."""
    for _ in range(2):
        client.alter_collection_properties(collection, properties={key: value})


def not_loaded(exc: Exception) -> bool:
    return getattr(exc, "code", None) == 101 or "not loaded" in str(exc)


@contextmanager
def reaching(uri: str, what: str) -> Iterator[None]:
    """Transport failures (server down, refused, timed out) become StoreUnavailable naming the URI; the
    library's own typed errors pass through unchanged."""
    try:
        yield
    except SearchBotError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise StoreUnavailable(f"{what} at {uri} failed: {exc}") from exc


def open_client(resolved: str, uri: str, token: str) -> Any:
    from pymilvus import MilvusClient

    # A Milvus Lite dir this process has just started serving can take longer than 10 s to answer on a
    # loaded 2-core machine (seen once in a full test run): it is local, so it gets a second, longer wait.
    failure: Exception | None = None
    for wait in (10, 30) if not is_server_uri(uri) else (10,):
        try:
            return MilvusClient(uri=resolved, timeout=wait, **({"token": token} if token else {}))
        except Exception as exc:  # noqa: BLE001
            failure = exc
    raise StoreUnavailable(f"cannot reach Milvus at {uri}: {failure}") from failure

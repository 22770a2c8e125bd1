"""Sharing one Milvus Lite data dir between processes.

Milvus Lite 3.x lets one process open a data dir at a time (an flock on `<dir>/LOCK`), but the process that
holds it serves the data over an in-process gRPC server on a loopback port. The holder advertises that port
in `<dir>.endpoint.json`; a second process (the indexer while the bot is serving, or the bot while the
indexer runs) finds the lock taken and connects to the advertised port instead. Milvus Lite serialises
writes within the holder, so one writer plus readers is safe.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import time
from pathlib import Path
from typing import Any

from indexer.errors import StoreUnavailable

log = logging.getLogger(__name__)

SERVER_SCHEMES = ("http://", "https://", "tcp://", "grpc://")


def is_server_uri(uri: str) -> bool:
    return uri.startswith(SERVER_SCHEMES)


def endpoint_file(data_dir: Path) -> Path:
    return data_dir.with_name(data_dir.name + ".endpoint.json")


def connect_uri(uri: str) -> str:
    """Turn the user's URI into one pymilvus can connect to, opening or joining a Lite data dir."""
    if is_server_uri(uri):
        return uri
    data_dir = Path(uri).expanduser().resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    if _lock_is_free(data_dir):
        return _serve(data_dir)
    shared = _advertised(data_dir)
    if shared is None:
        raise StoreUnavailable(
            f"{data_dir} is open in another process that does not share it; stop that process or "
            "point --db at a Milvus server"
        )
    return shared


def _lock_is_free(data_dir: Path) -> bool:
    import fcntl

    lock = data_dir / "LOCK"
    if not lock.exists():
        return True
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def _serve(data_dir: Path) -> str:
    from milvus_lite.server_manager import server_manager_instance

    uri = server_manager_instance.start_and_get_uri(str(data_dir))
    if uri is None:  # lost a race with another process, or the dir is unusable
        shared = _advertised(data_dir)
        if shared:
            return shared
        raise StoreUnavailable(f"cannot open Milvus Lite data dir {data_dir} (see the log above)")
    _remove_unfinished_collections(data_dir)
    tmp = endpoint_file(data_dir).with_suffix(".tmp")
    tmp.write_text(json.dumps({"pid": os.getpid(), "uri": uri}))
    tmp.replace(endpoint_file(data_dir))
    return uri


def _remove_unfinished_collections(data_dir: Path) -> None:
    """Delete collection directories that have no schema file, before anyone is told where to connect.

    Milvus Lite creates a collection's directory and then writes its schema into it; dropping deletes the
    directory file by file. A process killed in between leaves a directory that Lite neither lists nor lets be
    created again ("File exists"), so every later indexing run would fail on that name. Lite only counts a
    directory with a schema file as a collection, so such a directory holds nothing anyone can read. This
    process holds the data dir's lock, and no client has connected yet, so nothing is using it.
    """
    from milvus_lite.db import COLLECTIONS_DIRNAME, DATABASES_DIRNAME, SCHEMA_FILENAME

    roots = [data_dir / COLLECTIONS_DIRNAME, *(data_dir / DATABASES_DIRNAME).glob(f"*/{COLLECTIONS_DIRNAME}")]
    for root in roots:
        for entry in root.iterdir() if root.is_dir() else ():
            if entry.is_dir() and not (entry / SCHEMA_FILENAME).exists():
                log.warning("removing %s: a collection whose creation or drop was cut short", entry)
                shutil.rmtree(entry)


def _advertised(data_dir: Path) -> str | None:
    """The holder's loopback URI, if it is alive and answering."""
    try:
        info = json.loads(endpoint_file(data_dir).read_text())
        uri, pid = str(info["uri"]), int(info["pid"])
    except (OSError, ValueError, KeyError):
        return None
    if not _pid_alive(pid) or not _port_open(uri):
        return None
    return uri


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_open(uri: str) -> bool:
    host, _, port = uri.split("://", 1)[1].rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1.0):
            return True
    except OSError:
        return False


LOAD_TRIES = 5
LOAD_BACKOFF_S = 0.5  # doubled after each failed try: 0.5 + 1 + 2 + 4 s at most


def load_held(client: Any, name: str) -> None:
    """`load_collection` on a Lite dir this process holds, tried again while it fails.

    Milvus Lite writes a segment's scalar index file in place (truncate, then write) from a background build
    that a flush starts; a load that reads the file in between fails ("File is too small: 0"). On a busy
    machine that window is wide enough to fail an indexing run now and then. The build finishes by itself, so
    a few tries a moment apart load what it wrote; a failure that outlasts them is raised as it is.
    """
    for attempt in range(LOAD_TRIES):
        try:
            client.load_collection(name)
            return
        except Exception:  # noqa: BLE001 - Lite raises its file errors as plain MilvusException
            if attempt == LOAD_TRIES - 1:
                raise
            log.info("loading %s failed (a Lite index file still being written?); trying again", name, exc_info=True)
            time.sleep(LOAD_BACKOFF_S * 2**attempt)

"""A throwaway Milvus standalone server for the benchmarks, on free ports in a temp dir.

Reuses the test suite's launcher (tests/milvus_server.py), which knows what `milvus-server` needs:
free ports for every component *and* for its embedded etcd, and stopping by process group
(SIGTERM, then SIGKILL) so the Go binary is never orphaned.
"""

from __future__ import annotations

from pathlib import Path

from tests.milvus_server import MilvusServer


def start_server(data_dir: Path) -> MilvusServer:
    server = MilvusServer(data_dir)
    server.start()
    print(f"  milvus-server up at {server.uri} (pgid {server._proc.pid if server._proc else '?'})", flush=True)
    return server

"""A real Milvus 2.3 standalone server for tests, from the `milvus` PyPI package (`milvus-server`).

What `milvus-server` needs, read from the package: one process (the Python wrapper) that unpacks the
server binary into `<data>/bin`, writes `<data>/configs/milvus.yaml` and runs `milvus run standalone` as
its child. That binary listens on the proxy port (gRPC + REST: the URI users give), eight internal
coordinator/node ports (all flags of `milvus-server`), a metrics/health port (the wrapper picks the first
free one from 9091 up) and an *embedded etcd* on client+peer ports. The etcd ports are not flags: without
an embed config the binary always takes 2379/2380, so two servers (or a developer's own Milvus) would
collide. The binary reads ETCD_CONFIG_PATH from the environment, so we hand it a config with free ports.

The wrapper treats every port it is given as a *starting point* and silently moves up when it is taken, so
the URI is read back from the config file it wrote, never assumed.

Stopping: SIGTERM to the whole process group (the wrapper has no SIGTERM handler and would orphan the
binary otherwise), a bounded wait, then SIGKILL to the group; zombies count as gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import yaml

MILVUS_SERVER = Path(sys.executable).with_name("milvus-server")
START_TIMEOUT_S = 240.0  # first start unpacks ~150 MB of binaries; the CPU is shared
STOP_TIMEOUT_S = 5.0  # its graceful stop hangs (seen > 60 s) on 2.3.5; data survives a SIGKILL
PORT_FLAGS = (
    "proxy-port",
    "proxy-internal-port",
    "root-coord-port",
    "query-coord-port",
    "query-node-port",
    "index-coord-port",
    "index-node-port",
    "data-coord-port",
    "data-node-port",
    "etcd-port",
)
# The wrapper binds a plain socket to test each port; without SO_REUSEADDR that fails for a minute after a
# restart (the old server's accepted connections sit in TIME_WAIT) and it would move to another port, so
# the restarted server would not be at the URI the bot holds. The binary itself (Go) sets SO_REUSEADDR.
_LAUNCHER = """
import socket, sys, milvus
def _bind(self, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port)); sock.listen(); return sock
    except OSError:
        sock.close(); return None
milvus.MilvusServerConfig.try_bind_port = _bind
sys.argv[0] = "milvus-server"
milvus.main()
"""


class MilvusServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MilvusServer:
    """One standalone server on one data dir; `stop()` + `start()` keep the data dir and the ports."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()
        self.ports = {flag: free_port() for flag in PORT_FLAGS}
        self.etcd_peer_port = free_port()
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None

    def start(self, timeout: float = START_TIMEOUT_S) -> None:
        if self._proc is not None:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        etcd_conf = self.data_dir / "embedEtcd.yaml"
        client, peer = f"http://127.0.0.1:{self.ports['etcd-port']}", f"http://127.0.0.1:{self.etcd_peer_port}"
        etcd_conf.write_text(
            yaml.safe_dump(
                {
                    "name": "default",
                    "listen-client-urls": client,
                    "advertise-client-urls": client,
                    "listen-peer-urls": peer,
                    "initial-advertise-peer-urls": peer,
                    "initial-cluster": f"default={peer}",
                }
            )
        )
        args = [sys.executable, "-c", _LAUNCHER, "--data", str(self.data_dir)]
        for flag, port in self.ports.items():
            args += [f"--{flag}", str(port)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
        env["ETCD_CONFIG_PATH"] = str(etcd_conf)
        self._config.unlink(missing_ok=True)  # so the port is read from this start's config
        log = (self.data_dir / "wrapper.log").open("ab")
        # A new session = a new process group, so stop() reaches the binary the wrapper spawns.
        self._proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        log.close()
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout: float) -> None:
        from pymilvus import MilvusClient

        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise MilvusServerError(f"milvus-server exited with {self._proc.returncode}:\n{self.log_tail()}")
            port = self._configured_port()
            if port:
                self.port = port
                try:
                    client = MilvusClient(uri=self.uri, timeout=3)
                    client.list_collections()
                    client.close()
                    return
                except Exception as exc:  # noqa: BLE001 - not up yet
                    last = exc
            time.sleep(1.0)
        raise MilvusServerError(f"milvus-server not ready after {timeout:.0f} s ({last}):\n{self.log_tail()}")

    def _configured_port(self) -> int | None:
        """The proxy port the wrapper actually chose (it moves up from ours when taken)."""
        try:
            port = int(yaml.safe_load(self._config.read_text())["proxy"]["port"])
        except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
            return None  # not written yet
        if self.port and port != self.port:  # clients already point at the old port
            raise MilvusServerError(f"restarted milvus-server moved from port {self.port} to {port}")
        self.ports["proxy-port"] = port
        return port

    @property
    def _config(self) -> Path:
        return self.data_dir / "configs" / "milvus.yaml"

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        pgid = proc.pid  # start_new_session: the wrapper leads its own group
        _signal_group(pgid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _group_alive(pgid):
            _signal_group(pgid, signal.SIGKILL)
            while _group_alive(pgid) and time.monotonic() < deadline + 10:
                time.sleep(0.2)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)

    def kill(self) -> None:
        """kill -9 the server (wrapper and binary): a crash, not a shutdown."""
        self.stop(timeout=0)

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_tail(self, lines: int = 30) -> str:
        out = []
        for name in ("wrapper.log", "logs/milvus-stderr.log"):
            path = self.data_dir / name
            if path.is_file():
                out += [f"--- {name}"] + path.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(out)


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _group_alive(pgid: int) -> bool:
    for proc in psutil.process_iter(["status"]):
        try:
            if os.getpgid(proc.pid) == pgid and proc.info["status"] != psutil.STATUS_ZOMBIE:
                return True
        except (ProcessLookupError, psutil.Error):
            continue
    return False


@contextlib.contextmanager
def milvus_server(data_dir: Path) -> Iterator[MilvusServer]:
    """A started server that is stopped (by process group) however the block ends."""
    if not MILVUS_SERVER.is_file():
        raise MilvusServerError(f"{MILVUS_SERVER} not found: pip install 'milvus==2.3.5' (the test extra)")
    server = MilvusServer(data_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def milvus_standalone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MilvusServer]:
    """The session's one real server. Tests that stop it must start it again (the fixture checks)."""
    with milvus_server(tmp_path_factory.mktemp("milvus-server") / "data") as server:
        yield server


def running_uri(server: MilvusServer) -> str:
    """The server's URI, started again first if a previous test left it stopped."""
    if not server.running:
        server.start()
    return server.uri


@pytest.fixture
def milvus_uri(milvus_standalone: MilvusServer) -> str:
    return running_uri(milvus_standalone)


def server_store_uri(request: pytest.FixtureRequest) -> str:
    """For conftest's parametrised `store_uri`: the server param resolves through here."""
    return str(request.getfixturevalue("milvus_uri"))


# -- helpers the server-tier tests share ---------------------------------------------------------------------
def indexer_cmd(source: Path, db: str, collection: str, pretrained: str, *extra: str) -> list[str]:
    """`python -m indexer index` exactly as a user runs it (demo-clip architecture; weights as given)."""
    return [
        sys.executable, "-m", "indexer", "index", str(source), "--db", db, "--collection", collection,
        "--model", "demo-clip", "--pretrained", pretrained, "--batch-size", "8", "--json", *extra,
    ]  # fmt: skip


def stored_rows(uri: str, collection: str) -> tuple[dict[str, str], int]:
    """(id -> path of every row, count(*)) read with a plain client: count > len(ids) means duplicates."""
    from pymilvus import MilvusClient

    client = MilvusClient(uri=uri, timeout=30)
    try:
        client.load_collection(collection)  # after a server restart collections come back released
        count = int(client.query(collection, filter="", output_fields=["count(*)"])[0]["count(*)"])
        it = client.query_iterator(collection, batch_size=1000, filter="", output_fields=["id", "path"])
        rows: dict[str, str] = {}
        while batch := it.next():
            rows.update({row["id"]: row["path"] for row in batch})
        it.close()
        return rows, count
    finally:
        client.close()

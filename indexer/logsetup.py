"""Logging for entry points: our messages stay, third-party chatter (expected Lite warnings) is muted, and
what image decoders say goes to a log the person asks for (-v, --log FILE), never through the progress bar."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Milvus Lite does not implement every RPC pymilvus tries first (e.g. AllocTimestamp for iterators);
# pymilvus falls back correctly but logs a warning with a traceback on every call.
NOISY = ("pymilvus", "milvus_lite", "grpc", "langchain_milvus", "root")
DECODER = "indexer.decoder"  # libtiff / libjpeg messages and Pillow warnings while decoding


def quiet_third_party(level: int = logging.CRITICAL) -> None:
    import pymilvus  # noqa: F401 - it installs its own logging config on import; override it afterwards

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in NOISY:
        logging.getLogger(name if name != "root" else None).setLevel(level)
    for ours in ("indexer", "bot"):
        logging.getLogger(ours).setLevel(logging.INFO)


def decoder_log(verbose: bool = False, log_file: Path | None = None) -> logging.Logger:
    """The decoder logger: silent by default, on the terminal with -v, into FILE with --log FILE."""
    log = logging.getLogger(DECODER)
    log.propagate = False
    log.handlers.clear()
    log.setLevel(logging.DEBUG)
    if verbose:
        log.addHandler(logging.StreamHandler())  # sys.stderr at the time a record is written
    if log_file is not None:
        log.addHandler(logging.FileHandler(log_file, encoding="utf-8"))
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    warnings_log = logging.getLogger("py.warnings")  # Pillow's UserWarnings, via logging.captureWarnings
    warnings_log.propagate, warnings_log.handlers = False, list(log.handlers)
    return log


@contextmanager
def decoder_output_to(log: logging.Logger) -> Iterator[None]:
    """While decoding: C libraries (libtiff, libjpeg) write straight to file descriptor 2, from any decode
    thread, and Pillow warns through `warnings`. Point fd 2 at a temporary file and Python's sys.stderr (the
    progress bar, our messages) at a duplicate of the real terminal; afterwards log what the libraries said."""
    sys.stderr.flush()
    terminal_fd = os.dup(2)
    previous = sys.stderr
    logging.captureWarnings(True)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        sys.stderr = os.fdopen(os.dup(terminal_fd), "w", buffering=1, encoding="utf-8", errors="replace")
        try:
            yield
        finally:
            sys.stderr.close()
            sys.stderr = previous
            os.dup2(terminal_fd, 2)
            os.close(terminal_fd)
            logging.captureWarnings(False)
            sink.seek(0)
            for line in sink.read().decode("utf-8", "replace").splitlines():
                if line.strip():
                    log.info("decoder: %s", line.strip())

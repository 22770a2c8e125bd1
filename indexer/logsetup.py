"""Logging for entry points: our messages stay, third-party chatter (expected Lite warnings) is muted."""

from __future__ import annotations

import logging

# Milvus Lite does not implement every RPC pymilvus tries first (e.g. AllocTimestamp for iterators);
# pymilvus falls back correctly but logs a warning with a traceback on every call.
NOISY = ("pymilvus", "milvus_lite", "grpc", "langchain_milvus", "root")


def quiet_third_party(level: int = logging.CRITICAL) -> None:
    import pymilvus  # noqa: F401 - it installs its own logging config on import; override it afterwards

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in NOISY:
        logging.getLogger(name if name != "root" else None).setLevel(level)
    for ours in ("indexer", "bot"):
        logging.getLogger(ours).setLevel(logging.INFO)

"""Child process of tests/test_imageio.py: the real readers meet a file they may not read, as a user who may not.

    python -m tests.unprivileged READABLE UNREADABLE     (paths relative to the working directory)

Root reads a chmod 000 file anyway (CAP_DAC_OVERRIDE), and CI runs the suite as root. Started as root, this
process becomes nobody (uid and gid 65534, no supplementary groups) before it touches the files; started as
anyone else it already is unprivileged and stays who it is. Everything is imported first, while the interpreter's
own files are still readable: they may live under a home only root can enter (pyenv in /root). The paths are
relative to the working directory the parent chose, so pytest's private (0700) temp parents are never looked up.

Prints one JSON line: who it ran as, whether it could become root again, and what each reader said.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from indexer.errors import UnreadableImage
from indexer.imageio import image_info, load_image
from indexer.ingest import SourceItem
from indexer.pipeline import Indexer

NOBODY = 65534


def drop_privileges() -> None:
    if os.geteuid() != 0:
        return
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)  # as root this sets the real, effective and saved ids alike: there is no way back


def regains_root() -> bool:
    try:
        os.setuid(0)
    except PermissionError:
        return False
    return True


def refusal(read: Callable[[Path], object], path: Path) -> dict[str, str]:
    try:
        read(path)
    except UnreadableImage as exc:
        return {"path": exc.path, "reason": exc.reason}
    return {"path": str(path), "reason": ""}  # read: the test says what it expected instead


def main(argv: list[str]) -> int:
    readable, unreadable = (Path(arg) for arg in argv)
    Image.init()  # every image plugin loaded now, not on the first read as nobody
    load_image(readable)
    # The indexer's own per-file step (what `python -m indexer index` reports in skipped_files). Its store and
    # encoder are never reached for a file that cannot be read, so there are none.
    indexer = Indexer(None, None, draft_size=224)  # type: ignore[arg-type]
    drop_privileges()
    report: dict[str, object] = {"uid": os.geteuid(), "gid": os.getegid(), "groups": os.getgroups(),
                                 "regains_root": regains_root()}
    if report["uid"] != 0 and not report["regains_root"]:  # else what follows would read anything: not a test
        report |= {
            "readable_size": list(load_image(readable).size),
            "load_image": refusal(load_image, unreadable),
            "image_info": refusal(image_info, unreadable),
            "indexer": indexer._prepare(SourceItem(file=unreadable, rel=unreadable.name)).reason,
        }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The terminal shows the progress bar and the summary only: what libtiff / libjpeg write to fd 2 from the
decode threads goes to the log the person asks for (-v, --log FILE), and a loaded checkpoint is never
announced as random weights."""

from __future__ import annotations

import fcntl
import io
import logging
import os
import pty
import random
import struct
import subprocess
import sys
import termios
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

CHATTER = ("Fax4Decode", "ZIPDecode", "JPEGLib", "TIFFFillStrip", "LZWDecode", "Using code not yet in table")


def chatty_tiffs(folder: Path) -> Path:
    """TIFFs whose strip data is garbage: libtiff prints to fd 2 while Pillow decodes them."""
    folder.mkdir(parents=True)
    rng = random.Random(0)
    for i, compression in enumerate(["group4", "tiff_deflate", "tiff_lzw", "jpeg", "group4", "tiff_deflate"]):
        im = Image.fromarray(np.random.default_rng(i).integers(0, 255, (64, 64, 3), dtype=np.uint8))
        im = im.convert("1") if compression == "group4" else im
        buf = io.BytesIO()
        im.save(buf, "TIFF", compression=compression)
        data = bytearray(buf.getvalue())
        for j in range(200, min(len(data), 600)):
            data[j] = rng.randrange(256)
        (folder / f"bad{i}_{compression}.tif").write_bytes(bytes(data))
    Image.fromarray(np.full((32, 32, 3), 120, np.uint8)).save(folder / "good.png")
    return folder


def _index(folder: Path, db: Path, env: dict[str, str], *extra: str) -> tuple[int, str, str]:
    """Run the indexer with stderr on a pseudo-terminal, so the progress bar really draws."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    cmd = [sys.executable, "-m", "indexer", "index", str(folder), "--db", str(db), "--pretrained", "random", *extra]
    env = {k: v for k, v in env.items() if k != "TQDM_DISABLE"}
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=slave, env=env, timeout=300, text=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal has no writer left
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.returncode, proc.stdout, b"".join(chunks).decode("utf-8", "replace")


def test_decoder_chatter_never_reaches_the_terminal(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    folder = chatty_tiffs(tmp_path / "scans")
    rc, out, err = _index(folder, tmp_path / "db", subprocess_env)
    assert rc == 0
    assert not any(word in err for word in CHATTER), err
    assert "indexing" in err and "img" in err  # the bar itself is there
    bar_only = [line for line in err.replace("\r", "\n").splitlines() if line.strip()]
    assert all(line.startswith("indexing") for line in bar_only), bar_only
    assert "skipped" in out and "indexed" in out  # the summary, with reasons for the skipped files


def test_verbose_and_log_file_keep_what_decoders_said(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    folder = chatty_tiffs(tmp_path / "scans")
    log = tmp_path / "decoders.log"
    rc, _, err = _index(folder, tmp_path / "db", subprocess_env, "--log", str(log))
    assert rc == 0 and not any(word in err for word in CHATTER)
    assert any(word in log.read_text() for word in CHATTER)
    rc, _, err = _index(folder, tmp_path / "db2", subprocess_env, "-v")
    assert rc == 0 and any(f"decoder: {word}" in err for word in CHATTER), err


def test_a_loaded_checkpoint_is_not_called_random(random_checkpoint: Path, caplog: pytest.LogCaptureFixture,
                                                   capfd: pytest.CaptureFixture[str]) -> None:
    from indexer.embedding import ClipEmbeddings

    with caplog.at_level(logging.DEBUG):
        loaded = ClipEmbeddings("demo-clip", str(random_checkpoint))
    said = caplog.text + "".join(capfd.readouterr())
    assert "initialized randomly" not in said.lower() and "no pretrained weights" not in said.lower(), said
    import torch

    saved = torch.load(random_checkpoint, weights_only=True)
    assert all(torch.equal(loaded._model.state_dict()[k].float(), v.float()) for k, v in saved.items())

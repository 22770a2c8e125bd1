"""Where the bundled demo CLIP lives and how open_clip learns its name.

The demo model loads through exactly the path real weights take:
``open_clip.create_model_and_transforms(DEMO_MODEL_NAME, pretrained=str(DEMO_CHECKPOINT))``,
after ``register_demo_config()`` has made the JSON config known to open_clip.
"""

from __future__ import annotations

from pathlib import Path

DEMO_MODEL_NAME = "demo-clip"
MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "model"
DEMO_CONFIG: Path = MODEL_DIR / f"{DEMO_MODEL_NAME}.json"
DEMO_CHECKPOINT: Path = MODEL_DIR / f"{DEMO_MODEL_NAME}.pt"


def register_demo_config() -> None:
    """Make ``demo-clip`` a known open_clip model name (idempotent).

    open_clip is imported here, not at module level, so importing this module stays cheap.
    """
    import open_clip

    if DEMO_MODEL_NAME not in open_clip.list_models():
        open_clip.add_model_config(DEMO_CONFIG)

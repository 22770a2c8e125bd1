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

# Relevance floor for the bot with this checkpoint (bench/RELEVANCE.md): the weakest of 220 real demo requests
# scores 0.523, the strongest of 24 out-of-domain / nonsense queries 0.079 and of 200 random-word phrases
# -0.135; 0.30 sits in that 0.44 gap. Requests that half match ("purple elephants") keep the colour's score.
DEMO_MIN_SCORE = 0.30

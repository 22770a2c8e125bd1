"""The committed demo CLIP: loads offline through open_clip and retrieves the right images.

The quality test runs the product's own path (open_clip preprocess, tokenizer, normalised
embeddings, cosine ranking), so a broken normalisation, resize or tokenisation shows up as a
precision drop below the targets.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from indexer.demo.evaluate import evaluate
from indexer.demo.model import DEMO_CHECKPOINT, DEMO_CONFIG, DEMO_MODEL_NAME, register_demo_config
from indexer.demo.scenes import render, sample_scene
from indexer.demo.trainset import multi_positive_clip_loss, to_model_input
from tests.bot_fixtures import copy_db

open_clip = pytest.importorskip("open_clip")
DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
# issue 9: attribute precision@10 for queries naming 1/2/3 attributes, kind and count alone, caption R@1
TARGETS = {"p@10_1attr": 0.95, "p@10_2attr": 0.90, "p@10_3attr": 0.80, "p@10_kind": 0.90, "p@10_count": 0.90,
           "R@1": 0.60}


@pytest.fixture(scope="module")
def loaded() -> tuple[torch.nn.Module, object, object]:
    register_demo_config()
    model, _, preprocess = open_clip.create_model_and_transforms(DEMO_MODEL_NAME, pretrained=str(DEMO_CHECKPOINT))
    return model, preprocess, open_clip.get_tokenizer(DEMO_MODEL_NAME)


def test_register_is_idempotent_and_config_is_small() -> None:
    register_demo_config()
    register_demo_config()
    cfg = open_clip.get_model_config(DEMO_MODEL_NAME)
    assert DEMO_CONFIG.exists() and cfg["vision_cfg"]["image_size"] == 64
    assert isinstance(cfg["vision_cfg"]["layers"], list)  # a convolutional (ModifiedResNet) image tower
    assert cfg["text_cfg"]["layers"] >= 3 and cfg["text_cfg"]["vocab_size"] == 49408


def test_checkpoint_is_small_fp16_state_dict() -> None:
    assert DEMO_CHECKPOINT.stat().st_size <= 50 * 2**20
    state = torch.load(DEMO_CHECKPOINT, map_location="cpu", weights_only=True)
    assert isinstance(state, dict) and "logit_scale" in state
    assert all(v.dtype == torch.float16 for v in state.values() if v.is_floating_point())


def test_weights_really_loaded(loaded) -> None:
    model, _, _ = loaded
    state = torch.load(DEMO_CHECKPOINT, map_location="cpu", weights_only=True)
    got = model.state_dict()["visual.conv1.weight"]
    assert torch.equal(got, state["visual.conv1.weight"].float())


def test_training_inputs_match_open_clip_val_transform(loaded) -> None:
    # training feeds pre-resized pool images through to_model_input; search uses preprocess
    model, preprocess, _ = loaded
    rng = random.Random(0)
    img = render(sample_scene(rng), rng).resize((64, 64), Image.Resampling.BICUBIC)
    ours = to_model_input(np.asarray(img)[None], model.visual.image_mean, model.visual.image_std)[0]
    assert torch.allclose(ours, preprocess(img), atol=1e-5)


def test_multi_positive_loss_reduces_to_clip_loss_on_identity() -> None:
    g = torch.Generator().manual_seed(0)
    img = torch.nn.functional.normalize(torch.randn(8, 16, generator=g), dim=1)
    txt = torch.nn.functional.normalize(torch.randn(8, 16, generator=g), dim=1)
    scale = torch.tensor(10.0)
    ours = multi_positive_clip_loss(img, txt, scale, torch.eye(8, dtype=torch.bool))
    clip = open_clip.ClipLoss()(img, txt, scale)
    assert torch.allclose(ours, clip, atol=1e-5)


@pytest.fixture(scope="module")
def metrics(loaded) -> dict[str, float]:
    model, preprocess, tokenizer = loaded
    return evaluate(model, preprocess, tokenizer, DEMO, n_queries=60, seed=123)


def test_retrieval_quality_meets_targets(metrics) -> None:
    for name, target in TARGETS.items():
        assert metrics[name] >= target, f"{name} = {metrics[name]:.3f} < {target} ({metrics})"
    for name in ("color", "size", "setting", "time"):
        assert metrics[f"p@10_{name}"] >= 0.9, metrics


def test_eval_cli_through_milvus_meets_targets(trained_index, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """The figures the issue asks for come from `python -m indexer eval`, i.e. through the real store."""
    from indexer.cli import main

    db = copy_db(trained_index.db, tmp_path)
    assert main(["eval", str(DEMO / "manifest.csv"), "--db", str(db), "--collection", "demo", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    precision, recall = result["attribute_precision@10"], result["recall"]
    print(json.dumps(result))
    for level, target in (("1 attr", 0.95), ("2 attr", 0.90), ("3 attr", 0.80), ("kind", 0.90), ("count", 0.90)):
        assert precision[level] >= target, (level, precision)
    assert recall["R@1"] >= 0.6, recall


def test_broken_tokenisation_is_caught(loaded) -> None:
    # sanity of the quality test itself: an off-by-one vocabulary must wreck precision
    model, preprocess, tokenizer = loaded

    def shifted(texts: list[str]) -> torch.Tensor:
        tokens = tokenizer(texts)
        ordinary = (tokens > 0) & (tokens < 49406)  # keep padding, start and end tokens
        return torch.where(ordinary, tokens + 1, tokens)

    metrics = evaluate(model, preprocess, shifted, DEMO, limit=600, n_queries=30, seed=5)
    assert metrics["p@10_2attr"] < 0.5

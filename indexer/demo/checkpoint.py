"""What a demo training run writes: the resumable training state, the shipped fp16 weights, the report.

The state file holds everything a stopped run needs to go on exactly where it stopped (weights, the
attribute heads, optimiser moments, the step, every random stream, the best validation score so far),
so ``--resume`` after a stop, a crash or a kill continues the same run rather than starting a new one.
Files are written to a temporary name and renamed: a kill during a save leaves the previous file whole.
"""

from __future__ import annotations

import os
import platform
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

STATE_VERSION = 2


@dataclass
class RunRecord:
    """The recipe (fixed when the run starts; a resumed run keeps it) and how far it got."""

    seed: int
    steps: int
    batch: int
    lr: float
    pool: int
    aux: float
    hard_from: float
    config: dict
    step: int = 0
    train_seconds: float = 0.0
    best_score: float = -1.0
    best_step: int = 0
    sittings: list[dict] = field(default_factory=list)  # one entry per start/resume: device, threads, steps
    history: list[dict] = field(default_factory=list)  # validation metrics at each evaluation


def _atomic_save(obj: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def save_state(path: Path, record: RunRecord, model: torch.nn.Module, heads: torch.nn.Module,
               optimizers: list[torch.optim.Optimizer], batch_rng: random.Random,
               seen: dict[str, torch.Tensor]) -> None:
    _atomic_save({
        "seen": seen,
        "version": STATE_VERSION,
        "record": asdict(record),
        "model": model.state_dict(),
        "heads": heads.state_dict(),
        "optimizers": [opt.state_dict() for opt in optimizers],
        "batch_rng": batch_rng.getstate(),
        "torch_rng": torch.get_rng_state(),
    }, path)


def load_state(path: Path) -> dict:
    """The saved state; raises FileNotFoundError / ValueError with what to do."""
    if not path.is_file():
        raise FileNotFoundError(f"no training state at {path}: start a run without --resume, or pass --state PATH")
    state = torch.load(path, map_location="cpu", weights_only=False)
    if state.get("version") != STATE_VERSION:
        raise ValueError(f"{path} was written by another version of the trainer; start a new run")
    return state


def restore(state: dict, model: torch.nn.Module, heads: torch.nn.Module,
            optimizers: list[torch.optim.Optimizer], batch_rng: random.Random,
            seen: dict[str, torch.Tensor]) -> RunRecord:
    for key, mask in state["seen"].items():
        seen[key].copy_(mask)
    model.load_state_dict(state["model"])
    heads.load_state_dict(state["heads"])
    for opt, saved in zip(optimizers, state["optimizers"], strict=True):
        opt.load_state_dict(saved)
    batch_rng.setstate(state["batch_rng"])
    torch.set_rng_state(state["torch_rng"])
    return RunRecord(**state["record"])


def save_fp16(model: torch.nn.Module, out: Path, domain: torch.Tensor | None = None, unknown: int = 0) -> None:
    """Plain state_dict in fp16 (half the size); open_clip's loader copies it into fp32 params.

    With `domain` (a vocabulary mask of the tokens demo texts use) every other word token gets the embedding
    of the `unknown` token, which training taught to mean "names nothing here": a word the demo never saw
    then scores like nonsense instead of landing anywhere its random initial embedding puts it."""
    state = {k: v.detach().cpu().float() for k, v in model.state_dict().items()}
    if domain is not None:
        table = state["token_embedding.weight"]
        words = torch.zeros(len(table), dtype=torch.bool)
        words[1:49406] = True  # 0 pads; 49406 / 49407 start and end the text
        table[words & ~domain.cpu()] = table[unknown].clone()
    _atomic_save({k: v.half() if v.is_floating_point() else v for k, v in state.items()}, out)


def hardware(device: torch.device) -> str:
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return f"{platform.processor() or platform.machine()} CPU, {torch.get_num_threads()} torch threads"


def command(record: RunRecord) -> str:
    """The one command that reproduces this run (its recipe; resuming does not change it)."""
    return (f"python -m indexer.demo.train --seed {record.seed} --steps {record.steps} --batch {record.batch} "
            f"--lr {record.lr:g} --pool {record.pool} --aux {record.aux:g} --hard-from {record.hard_from:g}")


def write_report(path: Path, record: RunRecord, demo: dict[str, float]) -> None:
    """TRAINING.md: recipe, time, hardware, validation curve and the demo-split tables. Anything under a
    '## Notes' heading in the existing file (hand-written comparisons) is kept."""
    notes = ""
    if path.exists() and "\n## Notes" in path.read_text():
        notes = path.read_text()[path.read_text().index("\n## Notes"):]
    attrs = [k.removeprefix("p@10_") for k in demo if k.startswith("p@10_") and not k[5].isdigit()]
    lines = [
        "# Demo CLIP training run", "",
        f"Command: `{command(record)}` (with the model config in `data/model/demo-clip.json`)", "",
        f"- recipe: seed {record.seed}, {record.steps} steps of batch {record.batch}, peak lr {record.lr:g}, "
        f"pool {record.pool} scenes, attribute-head weight {record.aux:g}, hard negatives from "
        f"{record.hard_from:.0%} of the run",
        f"- model: `{record.config}`",
        f"- time: {record.train_seconds / 60:.1f} min of training in {len(record.sittings)} sitting(s); "
        f"best validation score {record.best_score:.3f} at step {record.best_step} (that checkpoint is shipped)",
        *(f"- sitting {i + 1}: {s['hardware']}, steps {s['from']}-{s['to']}" for i, s in enumerate(record.sittings)),
        "", f"Demo split ({demo['images']:,.0f} images, brute-force cosine through open_clip's preprocess):", "",
        "| queries naming | 1 attribute | 2 attributes | 3 attributes | caption R@1 | R@5 | R@10 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| precision@10 / recall | {demo['p@10_1attr']:.3f} | {demo['p@10_2attr']:.3f} | {demo['p@10_3attr']:.3f} "
        f"| {demo['R@1']:.3f} | {demo['R@5']:.3f} | {demo['R@10']:.3f} |", "",
        "Per attribute (every value of it alone, e.g. \"car\", \"two objects\"): precision@10", "",
        "| " + " | ".join(attrs) + " |", "| " + " | ".join("---" for _ in attrs) + " |",
        "| " + " | ".join(f"{demo['p@10_' + a]:.3f}" for a in attrs) + " |", "",
        "Validation (held-out rendered scenes) during training:", "",
        "| step | score | 1 attr | 2 attr | 3 attr | kind | count | R@1 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(f"| {h['step']} | {h['score']:.3f} | {h['p@10_1attr']:.3f} | {h['p@10_2attr']:.3f} | {h['p@10_3attr']:.3f} "
          f"| {h['p@10_kind']:.3f} | {h['p@10_count']:.3f} | {h['R@1']:.3f} |" for h in record.history),
    ]
    path.write_text("\n".join(lines) + "\n" + notes)

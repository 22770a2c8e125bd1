"""Train the bundled demo CLIP on CPU within a wall-clock budget, then evaluate it on the demo split.

    python -m indexer.demo.train [--seed 0] [--minutes 22] [--out data/model/demo-clip.pt]

``--minutes`` bounds the WHOLE run (pool rendering, training, saving, evaluation). The LR
schedule runs on the share of the time budget spent, so a slower (shared) machine trains fewer
steps but always a complete warmup + cosine schedule; pass ``--steps`` for a run that is
reproducible step for step.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from pathlib import Path

import torch

from indexer.demo.evaluate import evaluate
from indexer.demo.make_data import load_demo_hashes
from indexer.demo.model import DEMO_CHECKPOINT, DEMO_MODEL_NAME, register_demo_config
from indexer.demo.trainset import ScenePool, TokenCache, make_batch, multi_positive_clip_loss, to_model_input

EVAL_RESERVE_S = 150  # saving, reloading and the full demo evaluation
WARMUP = 0.05
MAX_LOGIT_SCALE = math.log(100)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--minutes", type=float, default=22.0, help="wall budget for the whole run")
    p.add_argument("--out", type=Path, default=DEMO_CHECKPOINT)
    p.add_argument("--demo", type=Path, default=Path("data/demo"))
    p.add_argument("--steps", type=int, default=None, help="fixed step count (skips calibration)")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--hard-negatives", action="store_true", help="batches of one-attribute variations")
    p.add_argument("--pool", type=int, default=16_000, help="training scenes rendered up front")
    # 1 torch thread: on the shared 2-core box, 2 OpenMP threads ran 3-7x SLOWER per step than one
    # (threads spin at barriers while the other core is busy with someone else's tests).
    p.add_argument("--threads", type=int, default=1, help="torch threads (pool rendering uses 2 processes)")
    return p.parse_args(argv)


def lr_at(progress: float, peak: float) -> float:
    """Linear warmup over the first 5% of training, then cosine decay to zero (progress in [0, 1])."""
    if progress < WARMUP:
        return peak * max(progress, 0.002) / WARMUP
    return 0.5 * peak * (1 + math.cos(math.pi * min(1.0, (progress - WARMUP) / (1 - WARMUP))))


def make_optimizer(model: torch.nn.Module, lr: float) -> torch.optim.Optimizer:
    # No weight decay on gains, biases, embeddings' scale and logit_scale, as in open_clip.
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and "logit_scale" not in n]
    rest = [p for n, p in model.named_parameters() if not (p.ndim >= 2 and "logit_scale" not in n)]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": rest, "weight_decay": 0.0}],
                             lr=lr, betas=(0.9, 0.98), eps=1e-6)


def train_step(model, opt, batch, lr: float) -> float:
    images, tokens, match = batch
    for group in opt.param_groups:
        group["lr"] = lr
    img, txt, scale = model(images, tokens)[:3]
    loss = multi_positive_clip_loss(img, txt, scale, match)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    with torch.no_grad():
        model.logit_scale.clamp_(0, MAX_LOGIT_SCALE)
    return loss.item()


def progress_at(args: argparse.Namespace, step: int, t_start: float, deadline: float) -> float:
    """Share of training done: by steps with --steps, else by wall time.

    The CPU is shared and its speed drifts by 5x within minutes, so a step count planned up front
    either overruns the budget or wastes it; scheduling on elapsed time always ends on time with a
    complete warmup + cosine schedule.
    """
    if args.steps is not None:
        return step / args.steps
    return (time.monotonic() - t_start) / max(1e-9, deadline - t_start)


def train(args: argparse.Namespace, start: float) -> tuple[torch.nn.Module, dict[str, float]]:
    import open_clip

    deadline = start + args.minutes * 60 - EVAL_RESERVE_S
    model = open_clip.create_model(DEMO_MODEL_NAME)
    tokenizer = TokenCache(open_clip.get_tokenizer(DEMO_MODEL_NAME))
    side = model.visual.image_size[0]
    pool = ScenePool(args.seed, args.pool, side, load_demo_hashes(args.demo), workers=2)
    inputs = to_model_input(pool.images, model.visual.image_mean, model.visual.image_std)
    print(f"pool: {len(pool)} scenes ({pool.dropped} dropped as demo duplicates) "
          f"in {time.monotonic() - start:.0f}s", flush=True)
    rng, opt = random.Random(f"batches:{args.seed}"), make_optimizer(model, args.lr)
    model.train()
    step, losses, t0 = 0, [], time.monotonic()
    while (progress := progress_at(args, step, t0, deadline)) < 1.0:
        lr = lr_at(progress, args.lr)
        batch = make_batch(pool, inputs, rng, args.batch, tokenizer, args.hard_negatives)
        losses.append(train_step(model, opt, batch, lr))
        step += 1
        if step % 50 == 0:
            print(f"step {step} progress {progress:.2f} loss {sum(losses[-50:]) / 50:.3f} "
                  f"scale {model.logit_scale.exp().item():.1f} t={time.monotonic() - start:.0f}s", flush=True)
    return model, {"steps": float(step), "pool": float(len(pool)),
                   "final_loss": sum(losses[-50:]) / max(1, len(losses[-50:]))}


def save_fp16(model: torch.nn.Module, out: Path) -> None:
    """Plain state_dict in fp16 (half the size); open_clip's loader copies it into fp32 params."""
    out.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.half() if v.is_floating_point() else v for k, v in model.state_dict().items()}
    torch.save(state, out)


def write_report(path: Path, args: argparse.Namespace, stats: dict[str, float], metrics: dict[str, float],
                 minutes: float) -> None:
    lines = [
        "# Demo CLIP training run", "",
        f"Command: `python -m indexer.demo.train --seed {args.seed} --minutes {args.minutes:g}"
        f" --out {args.out}`", "",
        f"- seed: {args.seed}; batch {args.batch}; peak lr {args.lr:g}; pool {int(stats['pool'])} scenes",
        f"- steps: {int(stats['steps'])}; final loss "
        f"{stats['final_loss']:.3f}",
        f"- wall time including evaluation: {minutes:.1f} min on {torch.get_num_threads()} CPU threads", "",
        "Evaluation on the full demo split (brute-force cosine):", "",
        "| metric | value |", "| --- | --- |",
        *(f"| {k} | {v:.3f} |" if not k.startswith("n_") else f"| {k} | {int(v)} |" for k, v in metrics.items()),
        "",
    ]
    path.write_text("\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    start = time.monotonic()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    register_demo_config()
    model, stats = train(args, start)
    save_fp16(model, args.out)
    import open_clip  # reload through the public path, as the product will

    loaded, _, preprocess = open_clip.create_model_and_transforms(DEMO_MODEL_NAME, pretrained=str(args.out))
    metrics = evaluate(loaded, preprocess, open_clip.get_tokenizer(DEMO_MODEL_NAME), args.demo)
    minutes = (time.monotonic() - start) / 60
    for k, v in metrics.items():
        print(f"{k}: {v:.3f}")
    print(f"steps: {int(stats['steps'])}  training+eval time: {minutes:.1f} min")
    write_report(args.out.with_name("TRAINING.md"), args, stats, metrics, minutes)


if __name__ == "__main__":
    main()

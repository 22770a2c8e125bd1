"""Train the bundled demo CLIP, in one sitting or several, then report it on the demo split.

    python -m indexer.demo.train --steps 4000              # a new run (writes data/model/demo-clip.pt)
    python -m indexer.demo.train --resume                  # go on with a stopped run
    python -m indexer.demo.train --steps 4000 --minutes 10 # stop (resumably) after 10 minutes

The schedule (warmup, cosine decay) is fixed by ``--steps``, so a run stopped by ``--minutes``, Ctrl-C
or a kill and resumed later trains exactly as one that never stopped. Every ``--eval-every`` steps the
model is scored on held-out rendered scenes (never the demo split); the best one is written to ``--out``.
CUDA is used when present; everything also runs on a CPU.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import torch

from indexer.demo import checkpoint as ck
from indexer.demo.evaluate import evaluate, score_features
from indexer.demo.make_data import load_demo_hashes
from indexer.demo.model import DEMO_CHECKPOINT, DEMO_CONFIG, DEMO_MODEL_NAME, register_demo_config
from indexer.demo.scenes import caption
from indexer.demo.trainset import (
    AttributeHeads,
    ScenePool,
    TokenCache,
    make_batch,
    multi_positive_clip_loss,
    out_of_domain_loss,
    to_model_input,
)

WARMUP = 0.05
MAX_LOGIT_SCALE = math.log(100)
UNKNOWN = "unk</w>"  # the vocabulary entry that stands for every word the demo texts never use
SOT = 49406  # open_clip's start- and end-of-text ids (49406, 49407) and padding (0) are never words
STATE = Path("artifacts/demo-train/state.pt")
SCORE_KEYS = ("p@10_1attr", "p@10_2attr", "p@10_3attr", "p@10_kind", "p@10_count", "R@1")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--steps", type=int, default=4000, help="length of the schedule")
    p.add_argument("--minutes", type=float, default=None, help="stop after this long (resume later)")
    p.add_argument("--until", type=int, default=None, help="stop at this step (resume later)")
    p.add_argument("--resume", action="store_true", help="continue the run saved in --state")
    p.add_argument("--state", type=Path, default=STATE, help=f"training state file (default {STATE})")
    p.add_argument("--out", type=Path, default=DEMO_CHECKPOINT, help="best checkpoint, fp16")
    p.add_argument("--config", type=Path, default=DEMO_CONFIG, help="open_clip model config (JSON)")
    p.add_argument("--demo", type=Path, default=Path("data/demo"))
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--aux", type=float, default=0.5, help="weight of the attribute read-out loss (0: off)")
    p.add_argument("--hard-from", type=float, default=0.5,
                   help="share of the run after which half the batches are hard negatives (1: never)")
    p.add_argument("--pool", type=int, default=24_000, help="training scenes rendered up front")
    p.add_argument("--val", type=int, default=800, help="held-out scenes that pick the best checkpoint")
    p.add_argument("--eval-every", type=int, default=500)
    p.add_argument("--save-every", type=int, default=200)
    p.add_argument("--threads", type=int, default=2, help="torch threads on a CPU (1 if the machine is busy)")
    p.add_argument("--device", default="auto", help="auto (CUDA when present), cpu or cuda")
    return p.parse_args(argv)


def lr_at(progress: float, peak: float) -> float:
    """Linear warmup over the first 5% of training, then cosine decay to zero (progress in [0, 1])."""
    if progress < WARMUP:
        return peak * max(progress, 0.002) / WARMUP
    return 0.5 * peak * (1 + math.cos(math.pi * min(1.0, (progress - WARMUP) / (1 - WARMUP))))


def make_optimizers(model: torch.nn.Module, heads: torch.nn.Module, lr: float) -> list[torch.optim.Optimizer]:
    """AdamW as in open_clip (no decay on gains, biases and logit_scale), except the 49k-row token table:
    a batch touches a few dozen rows, so it takes sparse gradients and SparseAdam (a dense AdamW step over
    6.3M parameters was a fifth of a CPU step)."""
    model.token_embedding.sparse = True
    named = [*model.named_parameters(), *heads.named_parameters()]
    params = [(n, p) for n, p in named if n != "token_embedding.weight"]
    decay = [p for n, p in params if p.ndim >= 2 and "logit_scale" not in n]
    rest = [p for n, p in params if not (p.ndim >= 2 and "logit_scale" not in n)]
    dense = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": rest, "weight_decay": 0.0}],
                              lr=lr, betas=(0.9, 0.98), eps=1e-6)
    sparse = torch.optim.SparseAdam([model.token_embedding.weight], lr=lr, betas=(0.9, 0.98), eps=1e-6)
    return [dense, sparse]


def train_step(model, heads, optimizers, batch: dict[str, torch.Tensor], lr: float, aux: float) -> float:
    for opt in optimizers:
        for group in opt.param_groups:
            group["lr"] = lr
    img, txt, scale = model(batch["images"], batch["tokens"])[:3]
    match = batch["match"]
    loss = multi_positive_clip_loss(img, txt, scale, match) + out_of_domain_loss(img, txt, match)
    if aux:
        described = match.sum(1) > 0
        loss = loss + aux * (heads.loss(img, batch["codes"]) + heads.loss(txt[described], batch["wanted"][described]))
    for opt in optimizers:
        opt.zero_grad(set_to_none=True)
    loss.backward()
    for opt in optimizers:
        opt.step()
    with torch.no_grad():
        model.logit_scale.clamp_(0, MAX_LOGIT_SCALE)
    return loss.item()


@torch.no_grad()
def validate(model: torch.nn.Module, tokenizer, val: ScenePool, val_inputs: torch.Tensor) -> dict[str, float]:
    model.eval()
    images = torch.cat([model.encode_image(val_inputs[i:i + 256], normalize=True)
                        for i in range(0, len(val_inputs), 256)]).cpu()
    scenes = [val.scene(i) for i in range(len(val))]
    metrics = score_features(_OnDevice(model, val_inputs.device), tokenizer, images,
                             [vars(s) for s in scenes], [caption(s) for s in scenes], n_queries=60)
    model.train()
    known = [metrics[k] for k in SCORE_KEYS if not math.isnan(metrics[k])]  # nan: no query had enough support
    metrics["score"] = sum(known) / len(known)
    return metrics


class _OnDevice(torch.nn.Module):
    """encode_text on the model's device, results back on the CPU (score_features works on CPU tensors)."""

    def __init__(self, model: torch.nn.Module, device: torch.device) -> None:
        super().__init__()
        self.model, self.device = model, device

    def encode_text(self, tokens: torch.Tensor, normalize: bool = True) -> torch.Tensor:
        return self.model.encode_text(tokens.to(self.device), normalize=normalize).cpu()


def _device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def _record(args: argparse.Namespace) -> ck.RunRecord:
    return ck.RunRecord(seed=args.seed, steps=args.steps, batch=args.batch, lr=args.lr, pool=args.pool,
                        aux=args.aux, hard_from=args.hard_from, config=json.loads(args.config.read_text()))


class Run:
    """One sitting of a run: the data, model and optimisers, restored from the state file on --resume."""

    def __init__(self, args: argparse.Namespace) -> None:
        import open_clip

        self.args, self.device = args, _device(args.device)
        state = ck.load_state(args.state) if args.resume else None
        self.record = ck.RunRecord(**state["record"]) if state else _record(args)
        torch.manual_seed(self.record.seed)
        open_clip.add_model_config(_config_file(self.record.config, args.state))
        self.model = open_clip.create_model(DEMO_MODEL_NAME).to(self.device)
        self.heads = AttributeHeads(self.model.text_projection.shape[1]).to(self.device)
        self.tokenizer = TokenCache(open_clip.get_tokenizer(DEMO_MODEL_NAME))
        self.vocabulary = tuple(w[:-4] for w in self.tokenizer.tokenizer.encoder if w.endswith("</w>"))
        self.unknown = int(self.tokenizer.tokenizer.encoder[UNKNOWN])
        self.optimizers = make_optimizers(self.model, self.heads, self.record.lr)
        self.batch_rng = random.Random(f"batches:{self.record.seed}")
        vocab_size = self.model.token_embedding.num_embeddings
        # which tokens training texts held: domain texts, out-of-domain texts (see checkpoint.save_fp16)
        self.seen = {name: torch.zeros(vocab_size, dtype=torch.bool) for name in ("domain", "ood")}
        if state:
            self.record = ck.restore(state, self.model, self.heads, self.optimizers, self.batch_rng, self.seen)

    def render(self) -> None:
        """The training pool and the validation scenes (a minute or two of PIL on two processes)."""
        side = self.model.visual.image_size
        side = side[0] if isinstance(side, tuple) else side
        hashes = load_demo_hashes(self.args.demo)
        self.pool = ScenePool(self.record.seed, self.record.pool, side, hashes)
        self.val = ScenePool(self.record.seed, self.args.val, side, hashes, stream="val")
        mean, std = self.model.visual.image_mean, self.model.visual.image_std
        self.inputs = to_model_input(self.pool.images, mean, std).to(self.device)
        self.val_inputs = to_model_input(self.val.images, mean, std).to(self.device)
        print(f"pool {len(self.pool)} scenes, validation {len(self.val)}; device {self.device}; "
              f"step {self.record.step} of {self.record.steps}", flush=True)

    def batch(self, step: int) -> dict[str, torch.Tensor]:
        r = self.record
        hard = step >= r.hard_from * r.steps and self.batch_rng.random() < 0.5
        b = make_batch(self.pool, self.inputs, self.batch_rng, r.batch, self.tokenizer, self.vocabulary, hard)
        described = b["match"].sum(1) > 0
        self.seen["domain"][b["tokens"][described].flatten()] = True
        self.seen["ood"][b["tokens"][~described].flatten()] = True
        b["tokens"] = self._unknown_words(b["tokens"], ~described)
        return {k: v.to(self.device) for k, v in b.items()}

    def _unknown_words(self, tokens: torch.Tensor, ood: torch.Tensor) -> torch.Tensor:
        """In half the out-of-domain texts, every word no demo text uses becomes the one UNKNOWN token. The
        shipped checkpoint maps every such word to it (checkpoint.save_fp16), so whatever a person types
        that the demo never saw reads like the nonsense trained here."""
        rows = [i for i in ood.nonzero().flatten().tolist() if self.batch_rng.random() < 0.5]
        if not rows:
            return tokens
        out = tokens.clone()
        foreign = ~self.seen["domain"][out[rows]] & (out[rows] > 0) & (out[rows] < SOT)
        out[rows] = torch.where(foreign, torch.full_like(out[rows], self.unknown), out[rows])
        return out

    def save(self) -> None:
        ck.save_state(self.args.state, self.record, self.model, self.heads, self.optimizers, self.batch_rng, self.seen)

    def evaluate(self) -> None:
        metrics = validate(self.model, self.tokenizer, self.val, self.val_inputs)
        r = self.record
        r.history.append({"step": r.step, **{k: round(v, 4) for k, v in metrics.items()}})
        print("val " + " ".join(f"{k} {metrics[k]:.3f}" for k in ("score", *SCORE_KEYS)), flush=True)
        if metrics["score"] > r.best_score:
            r.best_score, r.best_step = metrics["score"], r.step
            ck.save_fp16(self.model, self.args.out, self.seen["domain"], self.unknown)

    def train(self) -> bool:
        """Train until the schedule ends (True) or the time budget is spent (False); state saved either way."""
        r, args = self.record, self.args
        if r.step >= r.steps:
            return True
        stop_at = time.monotonic() + args.minutes * 60 if args.minutes else math.inf
        sitting = {"hardware": ck.hardware(self.device), "from": r.step, "to": r.step}
        r.sittings.append(sitting)
        self.model.train()
        losses: list[float] = []
        try:
            last = min(r.steps, args.until or r.steps)
            while r.step < last and time.monotonic() < stop_at:
                t0 = time.monotonic()
                losses.append(train_step(self.model, self.heads, self.optimizers, self.batch(r.step),
                                         lr_at(r.step / r.steps, r.lr), r.aux))
                r.step += 1
                r.train_seconds += time.monotonic() - t0
                sitting["to"] = r.step
                if r.step % 50 == 0:
                    print(f"step {r.step}/{r.steps} loss {sum(losses[-50:]) / 50:.3f} "
                          f"scale {self.model.logit_scale.exp().item():.1f} "
                          f"{r.train_seconds / 60:.1f} min", flush=True)
                if r.step % args.eval_every == 0 or r.step == r.steps:
                    self.evaluate()
                if r.step % args.save_every == 0:
                    self.save()
        finally:  # Ctrl-C and the time budget alike leave a state to resume from
            self.save()
        return r.step >= r.steps


def _config_file(config: dict, state: Path) -> Path:
    """The run's model config as a file named demo-clip.json, for open_clip.add_model_config."""
    path = state.parent / f"{DEMO_MODEL_NAME}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(config, indent=4) + "\n")
    return path


def report(args: argparse.Namespace, record: ck.RunRecord) -> dict[str, float]:
    """Load the shipped checkpoint through open_clip's public path and score it on the demo split."""
    import open_clip

    model, _, preprocess = open_clip.create_model_and_transforms(DEMO_MODEL_NAME, pretrained=str(args.out))
    metrics = evaluate(model, preprocess, open_clip.get_tokenizer(DEMO_MODEL_NAME), args.demo)
    ck.write_report(args.out.with_name("TRAINING.md"), record, metrics)
    return metrics


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    register_demo_config()
    try:
        run = Run(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if run.record.step < run.record.steps:
            run.render()
        finished = run.train()
    except KeyboardInterrupt:
        print(f"stopped at step {run.record.step}; continue with --resume", file=sys.stderr)
        return 130
    if not finished:
        print(f"stopped at step {run.record.step} of {run.record.steps}; continue with --resume", flush=True)
        return 0
    for k, v in report(args, run.record).items():
        print(f"{k}: {v:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

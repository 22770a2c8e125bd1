"""Training data for the demo CLIP: a freshly rendered pool of scenes and (image, text) batches.

The pool is rendered once per run from ``train:{seed}:{i}`` streams (never the demo streams) and
any scene whose pixels hash like a demo image is dropped. Images go through the same JPEG round
trip and the same bicubic resize as open_clip's val transform applies to a demo image at search
time, so train and test pixels come from one distribution; per step only cheap tensor
augmentation is added (the CPU budget cannot afford a PIL transform per sample).
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from multiprocessing import Pool

import numpy as np
import torch
from PIL import Image

from indexer.demo.make_data import IMAGE_SIZE, jpeg_bytes, pixel_hash
from indexer.demo.phrasing import natural_phrase, out_of_domain_phrase
from indexer.demo.scenes import ATTRIBUTES, Scene, caption, render, sample_scene, scene_attributes

ATTR_NAMES = tuple(ATTRIBUTES)
VALUE_INDEX = {a: {v: i for i, v in enumerate(vals)} for a, vals in ATTRIBUTES.items()}
FULL_CAPTION_SHARE = 0.3  # the rest are partial phrases, like the queries users type
# Partial phrases name kind and count more often: colour, setting and time are learned first and
# alone already tell most scenes apart, so without this the loss barely needs the subject's shape.
PARTIAL_WEIGHTS = {"kind": 3, "count": 3, "size": 1, "color": 1, "setting": 1, "time": 1}
OOD_PER_BATCH = 16  # out-of-domain texts added to each batch (they match no image)
OOD_MARGIN = 0.1  # cosine an out-of-domain text may reach with an image before it is penalised


def train_rng(seed: int, index: int, stream: str = "train") -> random.Random:
    return random.Random(f"{stream}:{seed}:{index}")


def encode_attrs(attrs: dict[str, str]) -> list[int]:
    """Attribute values as indices; -1 marks an attribute a text leaves unconstrained."""
    return [VALUE_INDEX[a][attrs[a]] if a in attrs else -1 for a in ATTR_NAMES]


_DEMO_HASHES: set[str] = set()  # set once per worker process, not pickled with every job


def _init_worker(demo_hashes: set[str]) -> None:
    global _DEMO_HASHES
    _DEMO_HASHES = demo_hashes


def _render_one(args: tuple[int, int, int, str]) -> tuple[list[int], np.ndarray] | None:
    seed, index, side, stream = args
    rng = train_rng(seed, index, stream)
    scene = sample_scene(rng)
    img = render(scene, rng, IMAGE_SIZE)
    if pixel_hash(img) in _DEMO_HASHES:
        return None
    # JPEG round trip + open_clip's eval resize: the exact pixels search will see for a demo image
    jpeg = Image.open(io.BytesIO(jpeg_bytes(img))).convert("RGB")
    small = jpeg.resize((side, side), Image.Resampling.BICUBIC)
    return encode_attrs(scene_attributes(scene)), np.asarray(small, dtype=np.uint8)


class ScenePool:
    """Rendered scenes: attribute codes (N x 6) and images (N x side x side x 3).

    ``stream`` names the random streams: "train" for the training pool, "val" for the held-out scenes
    that pick the best checkpoint (the demo split itself is only ever used to report).
    """

    def __init__(self, seed: int, n: int, side: int, demo_hashes: set[str], workers: int = 2,
                 stream: str = "train") -> None:
        jobs = [(seed, i, side, stream) for i in range(n)]
        with Pool(workers, initializer=_init_worker, initargs=(demo_hashes,)) as pool:
            done = [r for r in pool.map(_render_one, jobs, chunksize=256) if r is not None]
        self.dropped = n - len(done)
        self.codes = np.array([c for c, _ in done], dtype=np.int64)
        self.images = np.stack([im for _, im in done])
        self.by_codes: dict[tuple[int, ...], list[int]] = {}
        for i, codes in enumerate(self.codes.tolist()):
            self.by_codes.setdefault(tuple(codes), []).append(i)

    def __len__(self) -> int:
        return len(self.codes)

    def scene(self, i: int) -> Scene:
        return Scene(**{a: ATTRIBUTES[a][c] for a, c in zip(ATTR_NAMES, self.codes[i], strict=True)})


def sample_text(scene: Scene, rng: random.Random) -> tuple[str, dict[str, str]]:
    """A full caption (all attributes) or a phrase naming 1-3 of them, worded as people type."""
    attrs = scene_attributes(scene)
    if rng.random() < FULL_CAPTION_SHARE:
        return caption(scene, rng), attrs
    names, weights = list(PARTIAL_WEIGHTS), list(PARTIAL_WEIGHTS.values())
    chosen: set[str] = set()
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        chosen.add(rng.choices(names, weights)[0])
    sub = {a: attrs[a] for a in ATTR_NAMES if a in chosen}
    return natural_phrase(sub, rng), sub


class TokenCache:
    """Memoises the open_clip tokenizer: the phrase space is small and tokenising is slow."""

    def __init__(self, tokenizer: Callable) -> None:
        self.tokenizer = tokenizer
        self.cache: dict[str, torch.Tensor] = {}

    def __call__(self, texts: list[str]) -> torch.Tensor:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.tokenizer(missing), strict=True))
        return torch.stack([self.cache[t] for t in texts])


def to_model_input(images: np.ndarray, mean: tuple[float, ...], std: tuple[float, ...]) -> torch.Tensor:
    """uint8 N x H x W x 3 -> normalised float N x 3 x H x W, i.e. open_clip's ToTensor + Normalize
    on images already at model resolution (tests check it equals open_clip's val transform)."""
    x = torch.from_numpy(np.require(images, requirements="W")).permute(0, 3, 1, 2).float().div_(255)
    return (x - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)


def augment(x: torch.Tensor, rng: random.Random, shift: int = 3) -> torch.Tensor:
    """Small random translations and horizontal flips. No rescaling: size is an attribute."""
    padded = torch.nn.functional.pad(x, (shift,) * 4, mode="replicate")
    side = x.shape[-1]
    out = torch.empty_like(x)
    for i in range(len(x)):
        dx, dy = rng.randint(0, 2 * shift), rng.randint(0, 2 * shift)
        crop = padded[i, :, dy:dy + side, dx:dx + side]
        out[i] = crop.flip(-1) if rng.random() < 0.5 else crop
    return out


# How often each attribute is the one varied inside a hard-negative group: shape (kind) and count
# are what random batches teach worst (colour, setting and time alone already single out an image).
VARY_WEIGHTS = {"kind": 4, "count": 3, "size": 1, "color": 1, "setting": 1, "time": 1}
GROUP = 4


def sample_indices(pool: ScenePool, rng: random.Random, batch: int) -> list[int]:
    """Groups of GROUP scenes equal in all attributes but one, so the loss must look at it."""
    idx: list[int] = []
    names, weights = list(VARY_WEIGHTS), list(VARY_WEIGHTS.values())
    while len(idx) < batch:
        anchor = rng.randrange(len(pool))
        idx.append(anchor)
        a = ATTR_NAMES.index(rng.choices(names, weights)[0])
        values = [v for v in range(len(ATTRIBUTES[ATTR_NAMES[a]])) if v != pool.codes[anchor][a]]
        for v in rng.sample(values, min(GROUP - 1, len(values))):
            codes = list(pool.codes[anchor])
            codes[a] = v
            same = pool.by_codes.get(tuple(codes))
            idx.append(rng.choice(same) if same else rng.randrange(len(pool)))
    return idx[:batch]


def make_batch(pool: ScenePool, inputs: torch.Tensor, rng: random.Random, batch: int, tokenizer: Callable,
               vocabulary: tuple[str, ...], hard: bool = False) -> dict[str, torch.Tensor]:
    """Images, their attribute codes, texts (one per image, then OOD_PER_BATCH out-of-domain ones), each
    text's constraints (-1 = any) and the text->image match matrix (text i describes image j).

    ``hard`` uses hard-negative groups (scenes that differ in one attribute).
    """
    idx = sample_indices(pool, rng, batch) if hard else [rng.randrange(len(pool)) for _ in range(batch)]
    texts, constraints = map(list, zip(*(sample_text(pool.scene(i), rng) for i in idx), strict=True))
    texts += [out_of_domain_phrase(rng, vocabulary) for _ in range(OOD_PER_BATCH)]
    want = torch.tensor([encode_attrs(c) for c in constraints] + [[-2] * len(ATTR_NAMES)] * OOD_PER_BATCH)
    have = torch.from_numpy(pool.codes[idx])  # B x 6
    match = ((want[:, None, :] == -1) | (want[:, None, :] == have[None, :, :])).all(dim=2)
    return {"images": augment(inputs[idx], rng), "codes": have, "tokens": tokenizer(texts),
            "wanted": want.clamp(min=-1), "match": match}


def multi_positive_clip_loss(img: torch.Tensor, txt: torch.Tensor, scale: torch.Tensor,
                             match: torch.Tensor) -> torch.Tensor:
    """Symmetric InfoNCE (CLIP loss) whose targets spread over every matching pair.

    With full captions ``match`` is essentially the identity and this is open_clip's ClipLoss;
    partial phrases ("red car") match several images in a batch, which plain ClipLoss would
    wrongly push apart. Texts that match no image only serve as negatives for the images.
    """
    logits = scale * txt @ img.T  # texts x images
    m = match.float()
    rows = m.sum(1) > 0
    t2i = -(m[rows] / m[rows].sum(1, keepdim=True) * logits[rows].log_softmax(1)).sum(1).mean()
    i2t = -(m.T / m.T.sum(1, keepdim=True) * logits.T.log_softmax(1)).sum(1).mean()
    return (t2i + i2t) / 2


def out_of_domain_loss(img: torch.Tensor, txt: torch.Tensor, match: torch.Tensor) -> torch.Tensor:
    """Squared hinge on the cosine between texts that match nothing and every image: absolute scores,
    which the softmax loss leaves free, are what a relevance floor compares."""
    ood = match.sum(1) == 0
    if not ood.any():
        return txt.new_zeros(())
    return torch.relu(txt[ood] @ img.T - OOD_MARGIN).pow(2).mean()


class AttributeHeads(torch.nn.Module):
    """Linear read-outs of every attribute from an embedding, shared by the image and the text tower.

    Training aid only (not saved with the model): a direct signal that the embedding must say which
    kind and how many, and the same read-out for both towers pulls "car" and car images together.
    """

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.heads = torch.nn.ModuleList(torch.nn.Linear(dim, len(ATTRIBUTES[a])) for a in ATTR_NAMES)

    def loss(self, features: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        """Mean cross-entropy over attributes; code -1 (a text leaves it open) is ignored."""
        losses = [torch.nn.functional.cross_entropy(head(features) * 10, codes[:, a], ignore_index=-1)
                  for a, head in enumerate(self.heads) if (codes[:, a] >= 0).any()]
        return torch.stack(losses).mean()

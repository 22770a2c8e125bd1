"""CLIP embeddings behind LangChain's `Embeddings` interface.

This is the only module that imports torch. Everything leaves it as L2-normalised float32 numpy arrays
(or plain lists, where LangChain wants them), so the rest of the code never sees a tensor.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from indexer.errors import ConfigError, ModelLoadError

if TYPE_CHECKING:
    from PIL import Image

ImageInput = "str | Path | Image.Image"


@dataclass(frozen=True)
class ModelIdentity:
    """What a collection records about the model that filled it; two identities must match to mix."""

    name: str
    weights: str  # pretrained tag, or "sha256:<hex>" of a local checkpoint, or "random"
    dim: int
    # where a local checkpoint was loaded from, so a later run can load it again; not part of the identity
    # (the same file copied elsewhere is the same model)
    source: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.name} [{self.weights}] ({self.dim}-d)"

    def to_json(self) -> str:
        data = {"model": self.name, "weights": self.weights, "dim": self.dim}
        return json.dumps(data | ({"source": self.source} if self.source else {}), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ModelIdentity:
        data = json.loads(text)
        return cls(str(data["model"]), str(data["weights"]), int(data["dim"]), str(data.get("source") or ""))


def recorded_weights(identity: ModelIdentity) -> tuple[str, str]:
    """(model name, pretrained) that load the model a collection records: its hub tag as recorded, or its
    local checkpoint from the recorded path once the checksum says it is still the same file."""
    if not identity.weights.startswith("sha256:"):
        return identity.name, identity.weights  # a hub tag, or "random"
    from indexer.demo.model import DEMO_CHECKPOINT, DEMO_MODEL_NAME

    legacy = str(DEMO_CHECKPOINT) if identity.name == DEMO_MODEL_NAME else ""  # recorded before paths were
    path = Path(identity.source or legacy)
    fix = f"pass --pretrained PATH (or set IMGSEARCH_PRETRAINED) to the checkpoint with {identity.weights}"
    if not (identity.source or legacy) or not path.is_file():
        where = identity.source or "a path that was not recorded"
        raise ModelLoadError(f"the collection was indexed with {identity} from {where}, which is not there; {fix}")
    if f"sha256:{file_sha256(path)[: len(identity.weights) - 7]}" != identity.weights:
        raise ModelLoadError(
            f"the collection was indexed with {identity} from {path}, which has changed since; {fix}, "
            "or name the model to use (--model, --pretrained) and re-index with --on-model-change rebuild"
        )
    return identity.name, str(path)


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _resolve_weights(model_name: str, pretrained: str | None) -> tuple[str | None, str]:
    """Return (what to pass open_clip as `pretrained`, the identity string of the weights)."""
    from indexer.demo.model import DEMO_CHECKPOINT, DEMO_MODEL_NAME

    if pretrained is None and model_name == DEMO_MODEL_NAME:
        pretrained = str(DEMO_CHECKPOINT)
    if not pretrained or pretrained == "random":
        return None, "random"
    path = Path(pretrained).expanduser()
    if path.is_file():
        return str(path), f"sha256:{file_sha256(path)[:16]}"
    if any(sep in pretrained for sep in ("/", "\\")) or path.suffix in {".pt", ".bin", ".safetensors"}:
        raise ConfigError(f"checkpoint file not found: {pretrained} (pass an existing file to --pretrained)")
    return pretrained, pretrained


def _pick_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ConfigError(f"device {device!r} asked for but CUDA is not available; use --device cpu or auto")
    return device


def set_threads(n: int) -> None:
    """torch's intra-op threads for this process (0: torch's default). The bot's forwards are a few short texts:
    on a busy machine two threads meeting at every layer wait on each other's time slices (demo text forward
    175 ms median with 2 threads, 27 ms with 1, on the 2-core VM under load)."""
    if n > 0:
        import torch

        torch.set_num_threads(n)


class ClipEmbeddings(Embeddings):
    """open_clip model as a LangChain embedding model, for text (queries, captions) and images.

    Thread-safe for preprocessing; forwards are serialised by a lock because one model instance is shared
    by the Streamlit sessions.
    """

    def __init__(
        self,
        model_name: str = "demo-clip",
        pretrained: str | None = None,
        *,
        device: str = "auto",
        batch_size: int = 64,
    ) -> None:
        self.model_name = model_name
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._load(model_name, pretrained, device)

    def _load(self, model_name: str, pretrained: str | None, device: str) -> None:
        import open_clip
        import torch

        from indexer.demo.model import register_demo_config

        register_demo_config()
        if not model_name.startswith(("hf-hub:", "local-dir:")) and model_name not in open_clip.list_models():
            raise ConfigError(f"unknown model {model_name!r}; see open_clip.list_models() for valid names")
        weights_arg, weights_id = _resolve_weights(model_name, pretrained)
        self.device = _pick_device(device)
        precision = "fp16" if self.device.startswith("cuda") else "fp32"
        try:
            model, _, preprocess = open_clip.create_model_and_transforms(
                model_name, pretrained=weights_arg, device=self.device, precision=precision
            )
        except Exception as exc:  # noqa: BLE001 - hub, file and config errors all become ModelLoadError
            raise ModelLoadError(_load_failure_message(model_name, weights_arg, exc)) from exc
        model.eval()
        self._model = model
        self._pil_stage, self._tensor_stage = _split_transform(preprocess)
        self._tokenizer = open_clip.get_tokenizer(model_name)
        self._dtype = torch.float16 if precision == "fp16" else torch.float32
        dim = int(model.text_projection.shape[1]) if _has_tensor(model, "text_projection") else None
        source = str(Path(weights_arg).resolve()) if weights_id.startswith("sha256:") and weights_arg else ""
        self.identity = ModelIdentity(model_name, weights_id, dim or self._probe_dim(), source)
        size = getattr(model.visual, "image_size", 224)
        self.image_size = int(max(size) if isinstance(size, tuple | list) else size)  # the tower's input side
        self._unknown = _shared_unknown_rows(model, self._tokenizer)

    def _probe_dim(self) -> int:
        return len(self.embed_query("a photo"))

    # -- images ---------------------------------------------------------------------------------------
    def preprocess(self, image: Image.Image) -> np.ndarray:
        """The PIL half of open_clip's eval transform (resize, crop, RGB) as an HWC uint8 array.

        Safe to call from worker threads; PIL releases the GIL while resizing. The tensor half (scale to
        [0, 1], normalise) runs in `embed_pixels` on the whole batch: one vectorised op instead of a torch
        call per image from every decode thread, each of which would compete with the forward for cores.
        """
        return np.asarray(self._pil_stage(image))

    def pil_preprocess(self) -> PilPreprocess:
        """`preprocess` without the model: small and picklable, for decode tasks in other processes."""
        return PilPreprocess(self.image_size, self._pil_stage)

    def embed_pixels(self, batch: np.ndarray) -> np.ndarray:
        """Embed a stack of `preprocess` outputs (N, H, W, C) → (N, D) normalised float32."""
        import torch

        with self._lock, torch.inference_mode():
            pixels = self._tensor_stage(torch.from_numpy(batch).to(self.device))
            feats = self._model.encode_image(pixels.to(self._dtype), normalize=True)
        return feats.float().cpu().numpy()

    def embed_image(self, images: Sequence[str | Path | Image.Image]) -> list[list[float]]:
        """Embed image files or PIL images; files are decoded with the same safe loader as the indexer."""
        from indexer.imageio import load_image

        out: list[np.ndarray] = []
        for start in range(0, len(images), self.batch_size):
            chunk = images[start : start + self.batch_size]
            pils = [img if not isinstance(img, str | Path) else load_image(img) for img in chunk]
            out.append(self.embed_pixels(np.stack([self.preprocess(im) for im in pils])))
        return np.concatenate(out).tolist() if out else []

    # -- text -----------------------------------------------------------------------------------------
    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """(N, D) normalised float32. Text longer than the model's context is truncated by the tokenizer."""
        import torch

        chunks = []
        for start in range(0, len(texts), self.batch_size):
            tokens = self._tokenizer(list(texts[start : start + self.batch_size])).to(self.device)
            with self._lock, torch.inference_mode():
                chunks.append(self._encode_tokens(tokens).float().cpu().numpy())
        return np.concatenate(chunks) if chunks else np.zeros((0, self.identity.dim), np.float32)

    def _encode_tokens(self, tokens: Any) -> Any:
        """encode_text on only the columns up to the last end-of-text token in the batch.

        A CLIP text tower is causal and pools at the end-of-text token, so the padding after it cannot
        change the output; a typical query is ~10 of the 77 tokens, and skipping the rest makes the
        query-time text forward several times cheaper (measured in bench/RESULTS.md). Any other tower
        (non-causal, other pooling) takes the full open_clip path.
        """
        import torch
        import torch.nn.functional as F

        m = self._model
        if getattr(m, "text_pool_type", None) != "argmax" or getattr(m, "attn_mask", None) is None:
            return m.encode_text(tokens, normalize=True)
        n = int(tokens.argmax(dim=-1).max()) + 1  # argmax pooling: the end-of-text id is the largest id
        tokens = tokens[:, :n]
        cast = m.transformer.get_cast_dtype()
        x = m.token_embedding(tokens).to(cast) + m.positional_embedding[:n].to(cast)
        x = m.ln_final(m.transformer(x, attn_mask=m.attn_mask[:n, :n]))
        x = x[torch.arange(x.shape[0], device=x.device), tokens.argmax(dim=-1)]
        proj = m.text_projection
        x = proj(x) if isinstance(proj, torch.nn.Linear) else x @ proj
        return F.normalize(x, dim=-1)

    def knows(self, word: str) -> bool:
        """Whether the text tower learned `word`. Only a model that gives every word it never saw one shared
        embedding (the demo model's UNKNOWN token, indexer.demo.checkpoint) can say no; any other knows all."""
        if self._unknown is None:
            return True
        ids = self._tokenizer.encode(word.lower())
        return bool(ids) and not any(self._unknown[i] for i in ids)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_texts(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_texts([text])[0].tolist()


@dataclass(frozen=True)
class PilPreprocess:
    """The PIL half of a model's eval transform (see ClipEmbeddings.preprocess)."""

    image_size: int
    transform: Any

    def preprocess(self, image: Image.Image) -> np.ndarray:
        return np.asarray(self.transform(image))


def _split_transform(preprocess: Any) -> tuple[Any, Any]:
    """open_clip's eval transform cut where it becomes a tensor: (PIL stage, batched tensor stage).

    The tensor stage is exactly ToTensor's arithmetic (HWC bytes → CHW floats / 255) followed by the
    transform's own remaining steps (Normalize), applied to an (N, H, W, C) uint8 batch.
    """
    from torchvision import transforms

    steps = list(getattr(preprocess, "transforms", []))
    cut = next((i for i, step in enumerate(steps) if isinstance(step, transforms.ToTensor)), None)  # MaybeToTensor too
    if cut is None:
        raise ModelLoadError(f"unexpected open_clip preprocessing (no ToTensor step): {preprocess!r}")
    rest = transforms.Compose(steps[cut + 1 :])

    def tensor_stage(batch: Any) -> Any:
        return rest(batch.permute(0, 3, 1, 2).float().div(255))

    return transforms.Compose(steps[:cut]), tensor_stage


UNKNOWN_WORD = "unk</w>"
MIN_SHARED_ROWS = 1000  # a real tokenizer table never repeats a row this often; a collapsed one always does


def _shared_unknown_rows(model: Any, tokenizer: Any) -> np.ndarray | None:
    """A mask over the token table of the rows equal to the UNKNOWN token's, when many are (else None)."""
    import torch

    table = getattr(getattr(model, "token_embedding", None), "weight", None)
    encoder = getattr(tokenizer, "encoder", None)
    if table is None or not isinstance(encoder, dict) or UNKNOWN_WORD not in encoder \
            or not hasattr(tokenizer, "encode"):
        return None
    with torch.no_grad():
        same = (table == table[encoder[UNKNOWN_WORD]]).all(dim=1).cpu().numpy()
    return same if same.sum() >= MIN_SHARED_ROWS else None


def _has_tensor(model: Any, name: str) -> bool:
    return getattr(model, name, None) is not None and hasattr(getattr(model, name), "shape")


def _load_failure_message(model_name: str, weights: str | None, exc: Exception) -> str:
    if weights and not Path(weights).is_file():
        return (
            f"could not fetch pretrained weights {weights!r} for {model_name} ({exc.__class__.__name__}: "
            f"{str(exc)[:200]}). Without network, download the checkpoint elsewhere (e.g. the open_clip "
            f"model's .bin/.safetensors file) and pass its path: --pretrained /path/to/checkpoint"
        )
    return f"could not load {model_name} with weights {weights or 'random'}: {str(exc)[:300]}"

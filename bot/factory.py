"""Wiring the real parts of the bot in one place (the page caches the result with st.cache_resource)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.catalog import Catalog
from bot.chat import ChatBot, Conversation
from bot.expr import PHOTO_FILTERS
from bot.llm_plan import planner_from_settings
from bot.planner import words
from bot.scope import Context
from bot.search import SearchConfig, Searcher
from bot.timing import TimedEncoder, TimedStore
from indexer.collection import CollectionInfo
from indexer.commands import load_embeddings, open_store
from indexer.embedding import ClipEmbeddings, set_threads
from indexer.settings import Settings
from indexer.store import ImageStore
from indexer.thumbs import Thumbnails, folder_for

DEFAULT_MIN_SCORE = 0.2  # typical CLIP ViT-B cosine for an unrelated image is ~0.1-0.15, a good match ~0.3


@dataclass
class BotParts:
    bot: ChatBot
    store: ImageStore
    embeddings: ClipEmbeddings
    image_root: Path | None
    info: CollectionInfo
    catalog: Catalog | None = None  # the collection's dates, places and cameras (None: not recorded)
    thumbs: Thumbnails | None = None


def min_score_for(settings: Settings, model_name: str) -> float:
    if settings.min_score >= 0:
        return settings.min_score
    from indexer.demo import model as demo

    return demo.DEMO_MIN_SCORE if model_name == demo.DEMO_MODEL_NAME else DEFAULT_MIN_SCORE


def build_bot(settings: Settings, secrets: Mapping[str, str] | None = None) -> BotParts:
    set_threads(settings.query_threads)
    embeddings = load_embeddings(settings)
    store = open_store(settings, embeddings, create=False)
    fields = {"path": "path", "caption": "caption"}
    fields.update({name: f'attrs["{name}"]' for name in store.attribute_names() if name.isidentifier()})
    catalog = None
    if store.has_photo_fields:  # dates, places and cameras (indexer.schema); older collections lack them
        fields |= PHOTO_FILTERS
        catalog = Catalog.from_summary(store.summary())  # stored counts: constant time at any size
    floor = min_score_for(settings, embeddings.identity.name)
    config = SearchConfig(k=settings.k, min_score=floor, filter_fields=fields)
    keys = dict(os.environ) | dict(secrets or {})
    planner = planner_from_settings(settings.llm or None, keys, Context(catalog, known=embeddings.knows))
    root = settings.images or store.root()
    image_root = Path(root).resolve() if root else None
    searcher = Searcher(TimedStore(store), TimedEncoder(embeddings), config)  # the page shows where time goes
    thumbs = Thumbnails(folder_for(settings.db, settings.collection, settings.thumbs))
    bot = ChatBot(planner, searcher)
    if not settings.llm:  # an LLM planner would be asked (and billed) for a turn nobody typed
        warm_up(bot)
    return BotParts(bot, store, embeddings, image_root, store.info(), catalog, thumbs)


WARM_UP = ("red cars", "only at night")  # a search by words with a plural noun, then a refinement of it


def warm_up(bot: ChatBot) -> None:
    """A throwaway dialog while the model loads, so the first person's first turns do not pay one-off costs:
    the planner's first use and lemminflect's tables (0.55 s), the text tower's first forward, the
    store's first vector search (pymilvus's first check of search data, 0.2 s) and its sample of image vectors
    (bench/turn_latency.py). Each turn must take the path a typed request takes: "a photo" alone is browsing."""
    words.load()
    conv = Conversation()
    for text in WARM_UP:
        bot.reply(conv, text)


def image_path(root: Path | None, rel: str) -> Path | None:
    """The file for a stored relative path, only if it lies inside the indexed root (never trust a path)."""
    if root is None or not rel or "\x00" in rel:
        return None
    candidate = (root / rel).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate

"""The CLI's commands: where the real parts (model, store, indexer) are built and wired together."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from tqdm import tqdm

from indexer.collection import describe, drop, ping
from indexer.collection import summary as collection_summary
from indexer.demo.model import DEMO_MODEL_NAME
from indexer.embedding import ClipEmbeddings, ModelIdentity, recorded_weights
from indexer.errors import CollectionMissing, ModelMismatch
from indexer.ingest import Listing, read_source
from indexer.logsetup import DECODER, decoder_output_to
from indexer.ocr import rapid_reader
from indexer.photometa import file_meta, with_places
from indexer.pipeline import Indexer
from indexer.settings import Settings
from indexer.store import ImageStore
from indexer.thumbs import Thumbnails, folder_for


def load_embeddings(settings: Settings) -> ClipEmbeddings:
    """The model asked for; without --model/--pretrained, the one the collection was indexed with (hub tag,
    or local checkpoint at its recorded path), and for a new collection the bundled demo model."""
    name, pretrained = settings.model, settings.pretrained or None
    if not name:
        recorded = _recorded_identity(settings)
        if recorded is not None:
            name, pretrained = recorded_weights(recorded) if pretrained is None else (recorded.name, pretrained)
    return ClipEmbeddings(name or DEMO_MODEL_NAME, pretrained, device=settings.device, batch_size=settings.batch_size)


def _recorded_identity(settings: Settings) -> ModelIdentity | None:
    if settings.is_local and not Path(settings.db).expanduser().exists():
        return None  # nothing indexed here yet (and describing would create the Lite dir)
    try:
        return describe(settings.db, settings.collection, settings.token).identity
    except CollectionMissing:
        return None


def open_store(settings: Settings, embeddings: ClipEmbeddings, *, create: bool) -> ImageStore:
    return ImageStore(
        settings.db,
        settings.collection,
        embeddings.identity,
        token=settings.token,
        embeddings=embeddings,
        create=create,
    )


def index(
    settings: Settings,
    source_path: Path,
    *,
    prune: bool = False,
    quiet: bool = False,
    rebuild_on_model_change: bool = False,
    decoder_log: logging.Logger | None = None,
    thumbnails: bool = True,
    engine: str = "local",
    ray_address: str | None = None,
    ocr: bool = False,
) -> dict[str, object]:
    source = Listing(source_path)  # usage errors surface before the slow model load
    if engine == "ray":
        from indexer.engine_ray import import_ray

        import_ray()  # not installed: say so now, not after the model load
    reader = rapid_reader() if ocr else None  # a missing OCR engine too
    if not settings.is_local:
        ping(settings.db, settings.token)  # a server that is down fails in seconds, not after the model load
    embeddings = load_embeddings(settings)
    try:
        store = open_store(settings, embeddings, create=True)
    except ModelMismatch as exc:
        if not rebuild_on_model_change:
            raise
        print(f"rebuilding: {exc.stored} -> {exc.requested}", file=sys.stderr)
        drop(settings.db, settings.collection, settings.token)
        store = open_store(settings, embeddings, create=True)
    if not store.has_photo_fields:
        _add_photo_fields(store, source.root)
    store.begin_writing(bar=True)  # a collection from an older version gets its summary first, once
    with (
        decoder_output_to(decoder_log or logging.getLogger(DECODER)),
        tqdm(unit="img", desc="indexing", disable=None, file=sys.stderr) as bar,
    ):
        thumbs = Thumbnails(folder_for(settings.db, settings.collection, settings.thumbs)) if thumbnails else None
        if engine == "ray":
            from indexer.engine_ray import RayIndexer

            report = RayIndexer(store, embeddings, batch_size=settings.batch_size, address=ray_address,
                                thumbs=thumbs, progress=bar.update, ocr=ocr).run(source, prune=prune)
        else:
            job = Indexer(store, embeddings, batch_size=settings.batch_size, workers=settings.workers,
                          progress=bar.update, thumbs=thumbs, reader=reader)
            report = job.run(source, prune=prune)
    result = report.as_dict() | {"collection": settings.collection, "model": str(embeddings.identity)}
    if not quiet:
        _print_summary(result, store.count())
    store.close()
    return result


def _add_photo_fields(store: ImageStore, root: Path) -> None:
    """A collection indexed before dates, cameras and places were recorded: add them from the files, keeping
    every stored vector (the stored paths are relative to the folder recorded with the collection)."""
    base = Path(store.root() or root)
    what = "text search fields" if "taken" not in store.missing_fields else "photo dates, cameras and places"
    print(f"adding {what} to the {store.count()} stored images (no re-embedding)…",
          file=sys.stderr)
    store.upgrade(lambda paths: with_places([file_meta(str(base / p)) for p in paths]))


def _print_summary(result: dict[str, object], stored: int) -> None:
    rate = result["indexed"] / result["seconds"] if result["seconds"] else 0.0  # type: ignore[operator]
    print(
        f"indexed {result['indexed']}, unchanged {result['unchanged']}, skipped {result['skipped']}, "
        f"removed {result['removed']} of {result['total']} files in {result['seconds']} s "
        f"({rate:.1f} new images/s); collection {result['collection']} now holds {stored} images "
        f"[{result['model']}]"
    )
    if result["ocr_images"]:
        per = result["ocr_seconds"] / result["ocr_images"]  # type: ignore[operator]
        print(f"  read the text of {result['ocr_images']} images in {result['ocr_seconds']} s of OCR "
              f"({per:.2f} s per image, summed over the decode threads)")
    for entry in result["skipped_files"]:  # type: ignore[attr-defined]
        print(f"  skipped {entry['path']}: {entry['reason']}")
    if result["not_images"]:
        print(f"  {result['not_images']} other files are not images (videos, sidecars, notes) and were left alone")


def info(settings: Settings, *, quiet: bool) -> dict[str, object]:
    described = describe(settings.db, settings.collection, settings.token)
    photos = collection_summary(settings.db, settings.collection, settings.token).facts()
    result = {
        "collection": described.name,
        "db": settings.db,
        "model": described.identity.name if described.identity else None,
        "weights": described.identity.weights if described.identity else None,
        "dim": described.identity.dim if described.identity else None,
        "count": described.count,
        "photos": photos,
    }
    if not quiet:
        print(f"{described.name} at {settings.db}: {described.count} images, model {described.identity}")
        _print_photos(photos)
    return result


def _print_photos(photos: dict[str, object]) -> None:
    if photos["dated"]:
        others = f"; {photos['by_file_time']} more by file time only" if photos["by_file_time"] else ""
        print(f"  taken {photos['first']} to {photos['last']} ({photos['dated']} dated by EXIF{others})")
    for title, key in (("cameras", "cameras"), ("places", "places")):
        top = photos[key]
        if top:
            print(f"  {title}: " + ", ".join(f"{name} ({n})" for name, n in top))  # type: ignore[union-attr]


def evaluate(settings: Settings, manifest: Path, *, ks: tuple[int, ...], quiet: bool) -> dict[str, object]:
    from indexer.evaluate import run_eval

    embeddings = load_embeddings(settings)
    store = open_store(settings, embeddings, create=False)
    result = run_eval(store, embeddings, read_source(manifest), ks=ks)
    if not quiet:
        from indexer.evaluate import format_table

        print(format_table(result))
    store.close()
    return result

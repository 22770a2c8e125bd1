"""`python -m indexer`: index a collection, show what is stored, score retrieval.

The only place that turns library errors into messages and exit codes: 0 done, 1 a runtime failure
(store down, model cannot load, model mismatch), 2 a usage error (bad flag, bad source, bad setting).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from indexer.errors import ConfigError, SearchBotError, exit_status
from indexer.logsetup import decoder_log, quiet_third_party
from indexer.settings import Settings


def _store_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="Milvus Lite path, http(s)://host:port, or a Zilliz Cloud URI (env IMGSEARCH_DB)")
    p.add_argument("--token", help="Milvus/Zilliz token (env IMGSEARCH_TOKEN)")
    p.add_argument("--collection", help="collection name (default: images; env IMGSEARCH_COLLECTION)")
    p.add_argument("--json", action="store_true", help="print one JSON object as the last line")


def _model_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="open_clip model name, e.g. demo-clip (default) or ViT-B-32")
    p.add_argument(
        "--pretrained", help="pretrained tag (e.g. laion2b_s34b_b79k) or a local checkpoint path; 'random' for none"
    )
    p.add_argument("--device", help="auto (default), cpu or cuda")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    index = sub.add_parser("index", help="embed a folder or manifest of images into a collection")
    index.add_argument("source", type=Path, help="a folder (recursive) or a .csv/.jsonl manifest with a path column")
    _store_flags(index)
    _model_flags(index)
    index.add_argument("--batch-size", type=int, help="images per model forward (default 64)")
    index.add_argument("--workers", type=int, help="decode threads (default 2)")
    index.add_argument("--prune", action="store_true", help="remove stored images whose files are gone")
    index.add_argument("--no-thumbnails", action="store_true",
                       help="write no grid/strip thumbnails (the page then makes each on its first view)")
    index.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local (default): this process; ray: Ray Data, on this machine or a cluster")
    index.add_argument("--ray-address", metavar="ADDRESS",
                       help="with --engine ray: 'auto' (a running cluster) or ray://HOST:PORT; default: a local Ray")
    index.add_argument("--ocr", action="store_true",
                       help="read the words in each picture (signs, receipts, screenshots) so they can be searched; "
                            "needs the [ocr] extra; images already stored get their text without re-embedding")
    index.add_argument("-v", "--verbose", action="store_true", help="show what image decoders said (libtiff ...)")
    index.add_argument("--log", type=Path, metavar="FILE", help="write what image decoders said to FILE")
    index.add_argument(
        "--on-model-change",
        choices=("error", "rebuild"),
        default="error",
        help="when the collection was built with another model: stop (default) or drop and rebuild it",
    )
    info = sub.add_parser("info", help="collection, model and image count")
    _store_flags(info)
    ev = sub.add_parser("eval", help="text-to-image recall@k (and attribute precision on the demo set)")
    ev.add_argument("manifest", type=Path, help="a captioned .csv/.jsonl manifest that was indexed")
    _store_flags(ev)
    _model_flags(ev)
    ev.add_argument("-k", default="1,5,10", help="comma-separated cut-offs (default 1,5,10)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(
        db=args.db,
        token=args.token,
        collection=args.collection,
        model=getattr(args, "model", None),
        pretrained=getattr(args, "pretrained", None),
        device=getattr(args, "device", None),
        batch_size=getattr(args, "batch_size", None),
        workers=getattr(args, "workers", None),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    quiet_third_party()
    try:
        settings = _settings(args)
        result = _dispatch(args, settings)
    except SearchBotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exit_status(exc)
    except KeyboardInterrupt:
        print("interrupted: re-run the same command to finish (nothing is lost or duplicated)", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    return 0


def _dispatch(args: argparse.Namespace, settings: Settings) -> dict[str, object]:
    from indexer import commands

    if args.command == "index":
        return commands.index(
            settings,
            args.source,
            prune=args.prune,
            quiet=args.json,
            rebuild_on_model_change=args.on_model_change == "rebuild",
            decoder_log=decoder_log(args.verbose, args.log),
            thumbnails=not args.no_thumbnails,
            engine=args.engine,
            ray_address=args.ray_address,
            ocr=args.ocr,
        )
    if args.command == "info":
        return commands.info(settings, quiet=args.json)
    return commands.evaluate(settings, args.manifest, ks=_parse_ks(args.k), quiet=args.json)


def _parse_ks(text: str) -> tuple[int, ...]:
    try:
        ks = tuple(sorted({int(x) for x in text.split(",") if x.strip()}))
    except ValueError as exc:
        raise ConfigError(f"-k takes comma-separated whole numbers like 1,5,10, got {text!r}") from exc
    if not ks or ks[0] < 1:
        raise ConfigError(f"-k values must be at least 1, got {text!r}")
    return ks

"""`python -m bot`: the chat in a terminal, one user turn per stdin line (the contract tests use)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from bot.chat import Conversation
from bot.search import Answer, Result
from indexer.errors import SearchBotError, exit_status
from indexer.logsetup import quiet_third_party
from indexer.settings import Settings


def answer_json(answer: Answer) -> dict[str, object]:
    plan = answer.plan
    return {
        "phrase": plan.phrase,
        "text": plan.text,  # the words the pictures should say (the text search), "" for none
        "negatives": list(plan.negatives),
        "action": str(plan.action),
        "headline": answer.headline,
        "note": answer.note,
        "results": [_result_json(r) for r in answer.results],
    }


def _result_json(r: Result) -> dict[str, object]:
    when = r.photo.taken_date()
    return {"path": r.path, "score": r.score, "caption": r.caption, "why": r.why,
            "taken": when.isoformat(timespec="seconds").removesuffix("+00:00") if when else None,
            "place": ", ".join(p for p in (r.photo.city, r.photo.region, r.photo.country) if p),
            "camera": r.photo.camera}


def _print_text(answer: Answer, out: TextIO) -> None:
    print(answer.headline, file=out)
    if answer.note:
        print(f"  ({answer.note})", file=out)
    for r in answer.results:
        photo = f"  ({r.photo.describe()})" if r.photo.describe() else ""
        why = f"  [{r.why}]" if r.why else ""
        print(f"  #{r.rank} {r.score:.3f} {r.path}  {r.caption}{why}{photo}", file=out)


def main(argv: Sequence[str] | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="Milvus URI (env IMGSEARCH_DB)")
    parser.add_argument("--collection", help="collection name (env IMGSEARCH_COLLECTION)")
    parser.add_argument("-k", type=int, help="results per answer (default 10)")
    parser.add_argument("--json", action="store_true", help="one JSON object per turn")
    args = parser.parse_args(argv)
    quiet_third_party()
    try:
        from bot.factory import build_bot

        parts = build_bot(Settings.load(db=args.db, collection=args.collection, k=args.k))
    except SearchBotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exit_status(exc)
    conv = Conversation()
    for line in stdin:
        try:
            answer = parts.bot.reply(conv, line.rstrip("\n"))
        except SearchBotError as exc:  # store down: say so and keep serving the next line
            print(json.dumps({"error": str(exc)}) if args.json else f"error: {exc}", file=stdout, flush=True)
            continue
        if args.json:
            print(json.dumps(answer_json(answer), ensure_ascii=False), file=stdout, flush=True)
        else:
            _print_text(answer, stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

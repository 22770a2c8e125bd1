"""One conversation: each user turn → a plan (from the planner) → an answer (from the searcher).

Problems a person causes by what they type (a rank that was never shown, a filter that cannot be built,
an upload that is not an image) are answered in the conversation. Failures of the system itself
(the store is down) are raised as typed errors for the page or terminal to show.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from PIL import Image

from bot.commands import shown_position
from bot.expr import FilterError
from bot.plan import HELP, Action, Planner, SearchPlan
from bot.search import Answer, NoSuchResult, NothingToSearch, Result, Searcher
from bot.timing import phase
from indexer.errors import UnreadableImage
from indexer.imageio import load_image

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PICTURE_SIDES = 4  # an upload is kept at most this many model input sides long: the model sees no more
PREVIEW_PX = 240  # the upload's preview kept in its turn (drawn at 120 px: sharp on a 2x screen)
KEPT_PREVIEWS = 8  # older turns keep b"" (there was a picture) instead: a session's memory stays bounded


class Turn(NamedTuple):
    text: str
    answer: Answer
    upload: bytes | None = None  # a JPEG preview of the picture attached to this turn (never the file itself)


class Upload(NamedTuple):
    """What is kept of an uploaded file: the picture at the size the model needs, and a small preview."""

    picture: Image.Image
    preview: bytes


@dataclass
class Conversation:
    """What the bot remembers between turns; the page keeps one per browser session."""

    plan: SearchPlan | None = None
    results: tuple[Result, ...] = ()
    turns: list[Turn] = field(default_factory=list)
    picture: object | None = None  # the last upload, decoded: refinements keep searching with it


class ChatBot:
    def __init__(self, planner: Planner, searcher: Searcher) -> None:
        self.planner = planner
        self.searcher = searcher

    def reply(self, conv: Conversation, text: str, image: bytes | None = None, k: int | None = None) -> Answer:
        upload: Upload | UnreadableImage | None = None
        if image is not None:  # shrunk at once: neither the file nor its full-size decode outlives this call
            try:
                upload = shrink_upload(image, self.searcher.encoder.image_size)
            except UnreadableImage as exc:
                upload = exc
        answer = self._answer(conv, text or "", upload, k)
        conv.turns.append(Turn(text, answer, upload.preview if isinstance(upload, Upload) else None))
        _forget_old_previews(conv.turns)
        if answer.plan.action is Action.RESET:
            conv.plan, conv.results, conv.picture = None, (), None
        elif answer.plan.searchable or answer.results:
            conv.plan = answer.plan
            if answer.results:
                conv.results = answer.results
        return answer

    def _answer(self, conv: Conversation, text: str, image: Upload | UnreadableImage | None, k: int | None) -> Answer:
        with phase("plan"):
            plan = self.planner.plan(conv.plan, text, [t.answer.plan for t in conv.turns])
        if plan.action is Action.RESET:
            return Answer(plan, plan.describe())
        if isinstance(image, UnreadableImage):
            return Answer(plan, "I couldn't use that upload.", note=f"The file is not a usable image: {image.reason}.")
        if image is not None:
            conv.picture = image.picture
            if not plan.searchable:
                plan = SearchPlan(action=Action.NEW, filters=plan.filters, source=plan.source)
        elif plan.action is Action.NEW:
            conv.picture = None  # a new thing named in words: the last upload no longer applies
        plan = replace(plan, like=_printed_rank(plan.like, conv.results),
                       unlike=_printed_rank(plan.unlike, conv.results))
        if plan.action is Action.MORE_LIKE:  # which picture, once: "show more" pages keep looking like it
            target = next((r for r in conv.results if r.rank == plan.like), None)
            plan = replace(plan, like_id=target.id if target else "")
        if plan.unlike is not None:  # "not like #3" / "Not this": remember which image, not its rank
            target = next((r for r in conv.results if r.rank == plan.unlike), None)
            if target is None:
                return Answer(plan, "I can't find that one.", note=str(NoSuchResult(plan.unlike, len(conv.results))))
            plan = replace(plan, avoid=(*plan.avoid, target.id), unlike=None)
        if not plan.searchable and (conv.picture is None or image is None):
            return Answer(plan, plan.describe())  # the help, or what the planner has to say ("No photos taken in")
        try:
            answer = self.searcher.search(plan, conv.results, conv.picture, k)
        except NoSuchResult as exc:
            return Answer(plan, "I can't find that one.", note=str(exc))
        except FilterError as exc:
            return Answer(plan, "I can't apply that filter.", note=str(exc))
        except NothingToSearch:
            return Answer(plan, HELP)
        if answer.plan.left_out and not answer.note:  # never silently: say which words the model cannot see
            words = ", ".join(f"'{w}'" for w in answer.plan.left_out)
            answer = replace(answer, note=f"Left out {words}: the search model has not learned "
                                          f"{'that word' if len(answer.plan.left_out) == 1 else 'those words'}.")
        if conv.picture is not None:  # the headline names the picture the search still uses
            words = answer.plan.describe().removeprefix("Searching for: ") if answer.plan.phrase else ""
            scope = [f.describe() for f in answer.plan.filters] if not answer.plan.phrase else []
            headline = ", ".join(["Searching for: images like your upload", *filter(None, [words]), *scope])
            answer = replace(answer, headline=headline)
        return answer


def _printed_rank(rank: int | None, shown: tuple[Result, ...]) -> int | None:
    """"the 2nd one" after "show more" is #10: an ordinal counts the last answer's pictures (bot.commands)."""
    position = shown_position(rank) if rank is not None else None
    if position is None:
        return rank
    if position == 0:  # "the last one"
        return shown[-1].rank if shown else 1
    return shown[position - 1].rank if position <= len(shown) else position


def shrink_upload(data: bytes, model_side: int) -> Upload:
    """The picture decoded as the indexer decodes (JPEG draft at the model's input side, the same pixel limit),
    so a picture that is in the collection gets its stored vector back, then bounded to PICTURE_SIDES model
    sides; and its preview. Raises UnreadableImage."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableImage("upload", f"larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    picture = load_image(data, draft_size=model_side)
    side = max(PICTURE_SIDES * model_side, PREVIEW_PX)
    picture.thumbnail((side, side), Image.Resampling.LANCZOS)
    small = picture.copy()
    small.thumbnail((PREVIEW_PX, PREVIEW_PX), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=85)
    return Upload(picture, out.getvalue())


def _forget_old_previews(turns: list[Turn]) -> None:
    """Keep the previews of the last KEPT_PREVIEWS uploads; older ones become b"" (still: a picture was there)."""
    with_preview = [i for i, turn in enumerate(turns) if turn.upload]
    for i in with_preview[:-KEPT_PREVIEWS]:
        turns[i] = turns[i]._replace(upload=b"")

"""What the commands of :mod:`counterclaim.cli` share: the input options and how inputs are
read, the filter options, the guards that turn every failure into one line, the file written
only once whole, and ``--quiet`` / ``--verbose`` on every command."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from .console import EXIT_FAILED, log, set_level, with_progress
from ..errors import CounterclaimError, LedgerExists, NotALedger
from ..extraction.nlp import DEFAULT_MODEL
from ..knowledge.resources import Resources
from ..ledger import check_ledger, is_url
from ..export.views import VIEW_FORMATS
from ..pipeline import DEFAULT_TIME_BUDGET, Extractor, Result
from ..read.formats import CsvColumns
from ..read.inputs import DEFAULT_MAX_BYTES, count_inputs, read_inputs
from ..scale.jobs import run_jobs, usable_cores

F = TypeVar("F", bound=Callable[..., Any])

#: An incident id given on the command line may be shortened to this many characters.
MIN_ID_PREFIX = 6
#: What --db takes, where the ledger must already exist.
LEDGER_HELP = "Ledger file, or a postgresql://user@host/dbname URL."


class LedgerTarget(click.ParamType):
    """What ``--db`` takes: a ledger file (which must exist when ``exists``), or a URL
    (``postgresql://...``), passed on as it is for :func:`~counterclaim.ledger.open_ledger`."""

    name = "ledger"

    def __init__(self, exists: bool = False) -> None:
        self._path = click.Path(exists=exists, dir_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and is_url(value):
            return value
        return self._path.convert(value, param, ctx)


def input_options(fn: F) -> F:
    """Options shared by every command that reads articles."""
    opts = [
        click.option("--manifest", type=click.Path(dir_okay=False), help="JSONL of `path` + metadata (outlet, url, published, title, id) for the inputs."),
        click.option("--published", metavar="YYYY-MM-DD", help="Publication date for every input (overrides metadata)."),
        click.option("--text-column", default=CsvColumns().text, show_default=True, help="CSV column holding the article text."),
        click.option("--id-column", default=CsvColumns().id, show_default=True, help="CSV column holding the record id."),
        click.option("--title-column", default=CsvColumns().title, show_default=True, help="CSV column holding the title."),
        click.option("--outlet-column", default=CsvColumns().outlet, show_default=True, help="CSV column holding the outlet."),
        click.option("--date-column", default=CsvColumns().published, show_default=True, help="CSV column holding the publication date."),
        click.option("--url-column", default=CsvColumns().url, help="CSV column holding the URL."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse input files larger than this (bytes, at least 1)."),
        click.option("--time-budget", type=click.FloatRange(min=0), default=DEFAULT_TIME_BUDGET, show_default=True,
                     help="Seconds of reading per document (per 100,000 characters of a longer one); then it keeps the claims read so far, with a note (0: no limit)."),
        click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (name or path)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes reading documents, each loading the pipeline once (default: the usable cores); the output is the same for any number."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress on stderr (default: a bar on a terminal, else a line every few seconds; none with --quiet)."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


@dataclass(frozen=True)
class InputSettings:
    """What the shared input options say: how to read the inputs and which pipeline to use."""

    manifest: str | None = None
    published: str | None = None
    columns: CsvColumns = CsvColumns()
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str = DEFAULT_MODEL
    progress: bool | None = None
    time_budget: float | None = DEFAULT_TIME_BUDGET
    #: worker processes reading documents (1: this process only)
    jobs: int = 1

    @classmethod
    def from_options(cls, kw: dict[str, Any]) -> InputSettings:
        columns = CsvColumns(
            text=kw["text_column"], id=kw["id_column"], title=kw["title_column"], url=kw["url_column"],
            outlet=kw["outlet_column"], published=kw["date_column"],
        )
        budget = kw["time_budget"] or None
        jobs = kw["jobs"] or usable_cores()
        return cls(kw["manifest"], kw["published"], columns, kw["max_bytes"], kw["model"], kw["progress"], budget, jobs)


def require_inputs(paths: tuple[str, ...], settings: InputSettings) -> None:
    if not paths and not settings.manifest:
        raise click.UsageError("give at least one PATH (a file, a directory, or - for stdin) or --manifest")


def results(paths: tuple[str, ...], settings: InputSettings, known: Callable[[str], bool] | None = None
             ) -> Iterator[Result]:
    """The results of reading ``paths``; ``known`` doc ids are cleaned but not read again."""
    require_inputs(paths, settings)
    records = read_inputs(
        list(paths), manifest=settings.manifest, published=settings.published, csv_columns=settings.columns,
        max_bytes=settings.max_bytes, stdin=sys.stdin,
    )
    show = settings.progress
    total = count_inputs(list(paths), manifest=settings.manifest, max_bytes=settings.max_bytes) \
        if show is not False else None
    extractor = Extractor(model=settings.model, time_budget=settings.time_budget)
    yield from with_progress(run_jobs(extractor, records, jobs=settings.jobs, known=known), show, total)


def _set_level(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--quiet`` / ``--verbose``, given to the group or to the command (either counts)."""
    assert param.name is not None
    ctx.meta[param.name] = ctx.meta.get(param.name, False) or value
    set_level(quiet=ctx.meta.get("quiet", False), verbose=ctx.meta.get("verbose", False))


def talk_options() -> list[click.Option]:
    return [
        click.Option(["--quiet", "-q"], is_flag=True, expose_value=False, callback=_set_level,
                     help="Say only errors (no warnings, summaries or progress)."),
        click.Option(["--verbose", "-v"], is_flag=True, expose_value=False, callback=_set_level,
                     help="Say more: a line per document, and the traceback of an unexpected failure."),
    ]


def governorate_name(name: str | None) -> str | None:
    """A governorate as the ledger names it, from any spelling or ISO code."""
    if name is None:
        return None
    entry = Resources.default().gazetteer.admin1(name)
    if entry is None:
        raise click.BadParameter(f"{name!r} is not a governorate this gazetteer knows", param_hint="--governorate")
    return entry.admin1 or entry.name


def date_option(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


def filter_options(fn: F) -> F:
    """Filters shared by the commands that list incidents and contradictions."""
    opts = [
        click.option("--db", required=True, type=LedgerTarget(exists=True), help=LEDGER_HELP),
        click.option("--format", "fmt", type=click.Choice(VIEW_FORMATS), default="table", show_default=True),
        click.option("--governorate", help="Only incidents in this governorate (any spelling, or an ISO code such as SY-ID)."),
        click.option("--since", metavar="YYYY-MM-DD", help="Only incidents whose window ends on or after this date."),
        click.option("--until", metavar="YYYY-MM-DD", help="Only incidents whose window starts on or before this date."),
        click.option("--claimant", help="Only where this claimant speaks (normalised name, any case)."),
        click.option("--limit", type=int, help="At most this many."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def make_room(db: str, force: bool) -> None:
    """Make way for a new ledger at ``db``: nothing there, an empty file, or (with ``force``) a
    ledger, which is replaced; anything else is refused."""
    if not os.path.lexists(db):
        return
    if os.path.isdir(db):
        raise LedgerExists(f"{db} is a folder")
    if os.path.getsize(db) > 0:
        found = check_ledger(db)
        if found.schema_version is None:  # not a ledger, or one too damaged to tell: never replaced
            raise NotALedger(f"{db}: will not replace it (give --db a new file name)")
        if not force:
            docs = found.counts.get("documents")
            held = f" of {docs} documents" if docs is not None else ""
            raise LedgerExists(f"{db} is a ledger{held}; --force replaces it, or give --db another name")
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)


T = TypeVar("T")


def guard(fn: Callable[[], T]) -> T:
    """Run ``fn``; a counterclaim error stops the command with one line and exit code 2."""
    try:
        return fn()
    except CounterclaimError as exc:
        log.error(exc.message)
        sys.exit(EXIT_FAILED)
    except BrokenPipeError:  # `counterclaim extract ... | head`
        sys.stderr.close()
        sys.exit(0)


@contextlib.contextmanager
def replacing(output: str, newline: str | None = None) -> Iterator[Any]:
    """A file to write that takes the name ``output`` only once it is whole: it is written as
    ``output.part``, which any failure removes."""
    tmp = Path(output + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline=newline) as out:
            yield out
        tmp.replace(output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def add_talk_options(group: click.Group) -> None:
    """Every command (and the group) takes --quiet and --verbose."""
    group.params.extend(talk_options())
    for command in group.commands.values():
        if isinstance(command, click.Group):
            add_talk_options(command)
        else:
            command.params.extend(talk_options())

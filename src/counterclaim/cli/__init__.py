"""The ``counterclaim`` command: a thin click layer over the library.

Exit codes: 0 all inputs read; 1 some inputs failed (each said in one line on stderr, the rest
of the batch went on); 2 usage error or a failure that stopped the command.  Every command
takes ``--quiet`` and ``--verbose`` (:mod:`.console`); no failure ends in a traceback (an
unexpected one is one line, with the traceback under ``--verbose``).
"""

from __future__ import annotations

import contextlib
import importlib.resources
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from .. import __version__
from .console import EXIT_FAILED, EXIT_PARTIAL, Tally, log, set_level, with_progress
from ..errors import CounterclaimError
from ..export.records import FORMATS, write_claims
from ..export.registry import EXPORT_FORMATS, formats_help, write_export
from ..export.selection import ExportStats
from ..model import CONTRADICTION_KINDS, EVENT_TYPES
from ..export.views import VIEW_FORMATS, write_contradictions, write_demo_summary, write_incidents, write_show
from ..knowledge.resources import Resources
from ..extraction.nlp import DEFAULT_MODEL
from ..pipeline import Extractor
from ..read.inputs import count_inputs, read_inputs
from ..ledger import Ledger, check_ledger, open_ledger, rescue_ledger, shown
from .support import (
    MIN_ID_PREFIX,
    LEDGER_HELP,
    InputSettings,
    LedgerTarget,
    add_talk_options,
    date_option,
    filter_options,
    governorate_name,
    guard,
    input_options,
    make_room,
    replacing,
    require_inputs,
    results,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="counterclaim")
def cli() -> None:
    """counterclaim: a ledger of who claims what happened in conflict reporting.

    Reads articles (.txt, .html, .jsonl, .csv, directories, - for stdin) and writes every claim
    in them: the claimant as a canonical actor, stance, event, quantities with bounds, the place
    (geocoded, with its precision) and the time (a calendar window), each with the sentence it
    came from.  Groups the claims of many outlets into incidents, lists where claimants
    contradict each other, exports the ledger (ACLED, UCDP, GeoJSON, ...) and shows it in a local
    web app or a one-file report.
    """


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@input_options
def extract(paths: tuple[str, ...], fmt: str, **kw: Any) -> None:
    """Print the claims of PATHS to stdout (no database)."""
    tally = Tally()

    def claims() -> Iterator[Any]:
        for r in results(paths, InputSettings.from_options(kw)):
            if tally.see(r):
                tally.counted(r)
                yield from r.claims

    guard(lambda: write_claims(claims(), sys.stdout, fmt))
    if tally.failed or tally.skipped or tally.unread:
        log.info(tally.extract_line())
    sys.exit(tally.exit_code)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--db", required=True, type=LedgerTarget(), help="Ledger file (created if missing), or a postgresql:// URL.")
@input_options
@click.option("--dask", "use_dask", is_flag=True,
              help="Read on a Dask LocalCluster of --jobs worker processes, each writing to the ledger itself.")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="Read on the Dask cluster of this scheduler (its workers must reach --db: a postgresql:// URL).")
def ingest(paths: tuple[str, ...], db: str, use_dask: bool, scheduler: str | None, **kw: Any) -> None:
    """Read PATHS and store their documents and claims in the ledger --db.

    One transaction per document: a killed run leaves every document whole or absent, and
    running the same command again adds only what is missing, without reading again the
    documents the ledger already has.
    """
    settings = InputSettings.from_options(kw)
    require_inputs(paths, settings)  # before the ledger file is made
    if use_dask or scheduler:
        tally = guard(lambda: _ingest_dask(paths, db, settings, scheduler))
    else:
        tally = guard(lambda: _ingest(paths, db, settings))
    sys.exit(tally.exit_code)


def _ingest_dask(paths: tuple[str, ...], db: str, settings: InputSettings, scheduler: str | None) -> Tally:
    """Ingest on a Dask cluster: the workers write the ledger; here only their summaries."""
    from ..scale.cluster import ingest_on_dask
    from ..scale.jobs import WorkerSettings

    tally = Tally()
    started = time.perf_counter()
    records = read_inputs(
        list(paths), manifest=settings.manifest, published=settings.published, csv_columns=settings.columns,
        max_bytes=settings.max_bytes, stdin=sys.stdin,
    )
    worker = WorkerSettings(settings.model, 16, True, settings.time_budget, None)
    for report in ingest_on_dask(records, db, worker, scheduler=scheduler, workers=settings.jobs):
        tally.partition(report)
    log.info(tally.ingest_line(time.perf_counter() - started, shown(db)))
    _group(db)
    return tally


def _group(db: str) -> None:
    """Group what an ingest stored, and say so."""
    from ..group.update import update

    started = time.perf_counter()
    with open_ledger(db) as ledger:
        report = update(ledger)
    log.info(f"{report.line()}; {time.perf_counter() - started:.1f} s")


def _ingest(paths: tuple[str, ...], db: str, settings: InputSettings) -> Tally:
    from ..group.update import update

    tally = Tally()
    started = time.perf_counter()
    with open_ledger(db, verify=True) as ledger:
        for r in results(paths, settings, known=ledger.has_document):
            if tally.see(r):
                assert r.document is not None
                tally.stored(r, ledger.add(r.document, r.claims))
        log.info(tally.ingest_line(time.perf_counter() - started, shown(db)))
        started = time.perf_counter()
        report = update(ledger)
        log.info(f"{report.line()}; {time.perf_counter() - started:.1f} s")
    return tally


@contextlib.contextmanager
def _grouped(db: str) -> Iterator[Ledger]:
    """The ledger with every claim grouped: claims no run has grouped yet (an older ledger, an
    ingest killed before grouping) are grouped first.  A ledger that cannot be written is read
    as it is."""
    from ..group.update import update

    with open_ledger(db, readonly=None, verify=True) as ledger:
        if ledger.writable and ledger.pending_grouping():
            log.info(update(ledger).line())
        yield ledger


@cli.command("group")
@click.option("--db", required=True, type=LedgerTarget(exists=True), help=LEDGER_HELP)
@click.option("--rebuild", is_flag=True, help="Forget the incidents and group every claim again from scratch.")
def group_cmd(db: str, rebuild: bool) -> None:
    """Group the ledger's claims into incidents and find contradictions.

    `ingest` already does this for what it stores, incrementally; --rebuild starts over, e.g.
    after upgrading counterclaim.
    """
    from ..group.update import update

    def run() -> None:
        with open_ledger(db, verify=True) as ledger:
            if rebuild:
                ledger.clear_grouping()
            started = time.perf_counter()
            report = update(ledger)
            stats = ledger.stats()
        log.info(f"{report.line()}; {time.perf_counter() - started:.1f} s")
        click.echo(f"{stats.incidents} incidents, {stats.contradictions} contradictions, "
                   f"{stats.corroborations} corroborations")

    guard(run)


@cli.command()
@filter_options
@click.option("--kind", type=click.Choice(EVENT_TYPES), help="Only incidents of this event type.")
@click.option("--contradicted", is_flag=True, help="Only incidents with contradictions.")
def incidents(db: str, fmt: str, governorate: str | None, since: str | None, until: str | None,
              claimant: str | None, limit: int | None, kind: str | None, contradicted: bool) -> None:
    """List incidents: claims across outlets that speak of the same happening, newest first."""

    def run() -> None:
        admin1 = governorate_name(governorate)
        with _grouped(db) as ledger:
            write_incidents(ledger.incidents(
                admin1=admin1, since=date_option(since, "--since"), until=date_option(until, "--until"),
                claimant=claimant, event_type=kind, contradicted=contradicted, limit=limit,
            ), sys.stdout, fmt)

    guard(run)


@cli.command()
@filter_options
@click.option("--kind", type=click.Choice(CONTRADICTION_KINDS), help="Only contradictions of this kind.")
@click.option("--self/--others", "selfish", default=None,
              help="Only a claimant contradicting itself (--self), or only between claimants (--others).")
@click.option("--incident", "incident_id", help="Only the contradictions of this incident.")
def contradictions(db: str, fmt: str, governorate: str | None, since: str | None, until: str | None,
                   claimant: str | None, limit: int | None, kind: str | None, selfish: bool | None,
                   incident_id: str | None) -> None:
    """List contradictions: denials, counts that cannot both hold, different perpetrators, the
    same dead called militants and civilians.  Each with a sentence and both evidence sentences."""

    def run() -> None:
        admin1 = governorate_name(governorate)
        with _grouped(db) as ledger:
            write_contradictions(ledger.contradictions(
                incident_id=incident_id, kind=kind, admin1=admin1, since=date_option(since, "--since"),
                until=date_option(until, "--until"), claimant=claimant, same_claimant=selfish, limit=limit,
            ), sys.stdout, fmt)

    guard(run)


@cli.command()
@click.argument("incident_id")
@click.option("--db", required=True, type=LedgerTarget(exists=True), help=LEDGER_HELP)
@click.option("--format", "fmt", type=click.Choice(VIEW_FORMATS), default="table", show_default=True)
def show(incident_id: str, db: str, fmt: str) -> None:
    """One incident whole: who says what, its claims and why each is there (the link scores),
    its contradictions and corroborations, republished copies and the summaries covering it.
    INCIDENT_ID may be shortened to its first 6 or more characters."""
    from ..group.update import covered_by

    def run() -> None:
        if len(incident_id) < MIN_ID_PREFIX:
            raise click.BadParameter(
                f"{incident_id!r} is too short: give at least {MIN_ID_PREFIX} characters of the incident id",
                param_hint="INCIDENT_ID")
        with _grouped(db) as ledger:
            inc = ledger.incident(incident_id)
            if inc is None:
                raise click.BadParameter(f"no incident {incident_id!r} in {shown(db)}", param_hint="INCIDENT_ID")
            found = ledger.claims_by_id(list(inc.claim_ids))
            claims = [found[i] for i in inc.claim_ids if i in found]
            dup_links = ledger.duplicates_in(inc.incident_id)
            dup_claims = ledger.claims_by_id([lk.claim_id for lk in dup_links])
            duplicates = [(dup_claims[lk.claim_id], lk) for lk in dup_links if lk.claim_id in dup_claims]
            write_show(inc, claims, list(ledger.contradictions(incident_id=inc.incident_id)),
                       ledger.corroborations(incident_id=inc.incident_id), covered_by(ledger, inc.incident_id),
                       duplicates, sys.stdout, fmt)

    guard(run)


@cli.command()
@click.option("--db", required=True, type=LedgerTarget(exists=True), help=LEDGER_HELP)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--actor", help="Only claims by this claimant (normalised name, any case).")
@click.option("--actor-type", type=click.Choice(["state_military", "government", "monitor", "ngo", "un", "media", "armed_group", "unknown"]))
@click.option("--stance", type=click.Choice(["asserts", "denies"]))
@click.option("--event-type", type=click.Choice(["airstrike", "shelling", "ground_attack", "explosion", "sorties", "territory", "weapon_use", "other"]))
@click.option("--doc", "doc_id", help="Only claims of this document id.")
@click.option("--search", help="Only claims with these words (every one; \"double quotes\" for a phrase, word* for a prefix).")
@click.option("--fts", is_flag=True, help="Read --search as a query in SQLite FTS5 syntax (AND, OR, NOT, NEAR, columns).")
@click.option("--limit", type=int, help="At most this many claims.")
def claims(db: str, fmt: str, actor: str | None, actor_type: str | None, stance: str | None,
           event_type: str | None, doc_id: str | None, search: str | None, fts: bool, limit: int | None) -> None:
    """List the claims stored in a ledger."""

    def run() -> None:
        with open_ledger(db, readonly=True, verify=True) as ledger:
            if search is not None:
                hits = ledger.search_claims(search, limit=limit or 1000, syntax="fts" if fts else "words")
                found = [c for c in hits
                         if (actor is None or (c.claimant.actor or "").lower() == actor.lower())
                         and (actor_type is None or c.claimant.actor_type == actor_type)
                         and (stance is None or c.stance == stance)
                         and (event_type is None or c.event_type == event_type)
                         and (doc_id is None or c.doc_id == doc_id)]
                write_claims(found, sys.stdout, fmt)
            else:
                write_claims(ledger.claims(doc_id=doc_id, actor=actor, actor_type=actor_type, stance=stance,
                                           event_type=event_type, limit=limit), sys.stdout, fmt)

    guard(run)


@cli.command()
@click.option("--db", default="counterclaim-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the demo ledger (a new file, or an existing ledger with --force).")
@click.option("--force", is_flag=True, help="Replace the ledger --db if it exists (never a file that is not a ledger).")
@click.option("--seeds-only", is_flag=True, help="Only the five seed articles, not FA-KES (a few seconds instead of about a minute).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (name or path).")
def demo(db: str, force: bool, seeds_only: bool, model: str) -> None:
    """Ingest the bundled corpus (five seed articles and FA-KES) into a fresh ledger and summarise it."""
    corpus = importlib.resources.files("counterclaim.data.corpus")
    seeds = Path(str(corpus / "seeds"))
    fakes = Path(str(corpus / "fakes" / "FA-KES-Dataset.csv"))
    guard(lambda: make_room(db, force))
    paths = (str(seeds),) if seeds_only else (str(seeds), str(fakes))
    tally = guard(lambda: _ingest(paths, db, InputSettings(model=model)))
    guard(lambda: _summary(db, seeds))
    sys.exit(tally.exit_code)


def _summary(db: str, seeds: Path) -> None:
    with open_ledger(db, readonly=True) as ledger:
        write_demo_summary(ledger, db, seeds, sys.stdout)


@cli.command("export")
@click.option("--db", required=True, type=LedgerTarget(exists=True), help=LEDGER_HELP)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help=formats_help())
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.option("--governorate", help="Only incidents in this governorate (any spelling, or an ISO code such as SY-ID).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only incidents whose window ends on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only incidents whose window starts on or before this date.")
@click.option("--claimant", help="Only incidents where this claimant speaks (normalised name, any case).")
def export_cmd(db: str, fmt: str, output: str | None, governorate: str | None, since: str | None,
               until: str | None, claimant: str | None) -> None:
    """Export the ledger for other tools: jsonl, csv, geojson, acled or ucdp.

    ACLED and UCDP rows are one per incident (events, not reports); an incident whose claims
    only deny is not an event and is left out.  What was left out, and why, is said on stderr.
    """

    def run() -> None:
        admin1 = governorate_name(governorate)
        stats = ExportStats()
        with _grouped(db) as ledger:
            kwargs = dict(admin1=admin1, since=date_option(since, "--since"), until=date_option(until, "--until"),
                          claimant=claimant, stats=stats)
            if output:
                with replacing(output, newline="") as out:
                    write_export(ledger, out, fmt, **kwargs)  # type: ignore[arg-type]
            else:
                write_export(ledger, sys.stdout, fmt, **kwargs)  # type: ignore[arg-type]
        log.info(stats.line())

    guard(run)


@cli.command()
@click.option("--db", default="counterclaim-demo.db", show_default=True, type=LedgerTarget(exists=True),
              help="Ledger file (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8321, show_default=True, type=int, help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Browse a ledger in the browser: a map and a timeline of incidents, the claimants side by
    side, contradictions with their evidence, and each article with its claims highlighted.

    Read-only: the ledger is opened read-only and nothing can be written through the app.  The
    JSON API is under /api/.
    """
    from ..web import create_app

    def start() -> Any:
        with open_ledger(db, readonly=True, verify=True) as ledger:
            try:
                pending = ledger.pending_grouping()
            except CounterclaimError:
                pending = -1
        if pending:
            log.warning(f"{shown(db)} has claims not grouped into incidents yet; run `counterclaim group --db {shown(db)}` "
                        "to see them on the map")
        return create_app(db)

    app = guard(start)
    log.info(f"counterclaim: serving {shown(db)} (read-only) at http://{host}:{port}/  (Ctrl+C stops)")
    app.run(host=host, port=port, debug=False, use_reloader=False)


@cli.command()
@click.option("--db", default="counterclaim-demo.db", show_default=True, type=LedgerTarget(exists=True),
              help="Ledger file (opened read-only).")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True), help="The HTML file to write.")
@click.option("--governorate", help="Only incidents in this governorate (any spelling, or an ISO code such as SY-ID).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only incidents whose window ends on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only incidents whose window starts on or before this date.")
@click.option("--claimant", help="Only incidents where this claimant speaks (normalised name, any case).")
@click.option("--contested", is_flag=True, help="Only incidents with contradictions.")
def report(db: str, output: str, governorate: str | None, since: str | None, until: str | None,
           claimant: str | None, contested: bool) -> None:
    """Write one self-contained HTML file (to send by email): the map, the timeline and every
    contradiction with its evidence.  It opens with no network."""
    from ..web import Filters
    from ..web.report import write_report

    def run() -> int:
        f = Filters(claimant=claimant, governorate=governorate_name(governorate), since=date_option(since, "--since"),
                    until=date_option(until, "--until"), contested=contested)
        with open_ledger(db, readonly=True, verify=True) as ledger, replacing(output) as out:
            return write_report(ledger, out, f)

    n = guard(run)
    log.info(f"wrote {output}: {n} contradictions, with the map and the timeline; it opens with no network")


@cli.command()
@click.option("--db", required=True, type=LedgerTarget(), help="Ledger file (only read), or a postgresql:// URL.")
@click.option("--rescue", "rescue_to", type=click.Path(dir_okay=False),
              help="Copy every document and claim that still reads back into this new ledger, and group them.")
def check(db: str, rescue_to: str | None) -> None:
    """Check a ledger without changing it: whole or damaged, its schema version, what it holds,
    and when something is wrong, what it is and how to recover.  Exit code 1 when it is damaged."""
    found = guard(lambda: check_ledger(db))
    for line in found.lines():
        click.echo(line)
    if rescue_to:
        guard(lambda: _rescue(db, rescue_to))
    sys.exit(0 if found.ok else EXIT_PARTIAL)


def _rescue(db: str, new: str) -> None:
    from ..group.update import update

    make_room(new, force=False)
    docs = n_claims = lost = 0
    with open_ledger(new) as ledger:
        for item in rescue_ledger(db):
            if isinstance(item, str):
                lost += 1
                log.warning(f"lost: {item}")
                continue
            document, doc_claims = item
            ledger.add(document, doc_claims)
            docs, n_claims = docs + 1, n_claims + len(doc_claims)
        log.info(f"rescued {docs} documents and {n_claims} claims into {new}; {lost} rows lost")
        log.info(update(ledger).line())


@cli.group()
def gazetteer() -> None:
    """The gazetteer places are resolved against (GeoNames extract, governorates, curated places)."""


@gazetteer.command("import")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("--into", type=click.Path(file_okay=False), help="Where to keep it (default: the user data folder, which every run reads).")
def gazetteer_import(dump: str, into: str | None) -> None:
    """Add a GeoNames country or allCountries dump (DUMP, .txt or .zip) to the gazetteer.

    This gets place resolution to village level, or to another country.
    """
    from ..knowledge.gazetteer import import_geonames
    from ..knowledge.gazetteer import user_dir as default_dir

    report = guard(lambda: import_geonames(Path(dump), Path(into) if into else None))
    click.echo(report.summary())
    for line in report.errors:
        log.warning(line)
    if into:
        click.echo(f"Not in the default folder: pass it with Gazetteer.load(extra=[...]) or move it to {default_dir()}")


@cli.group("eval")
def evaluate() -> None:
    """Measure how well places, dates and spans are read."""


@evaluate.command("fakes")
@click.option("--limit", type=int, help="Only the first N credible rows.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (name or path).")
@click.option("--dates", is_flag=True, help="Only the article's date: with the date column withheld, then given.")
def eval_fakes_cmd(limit: int | None, model: str, dates: bool) -> None:
    """Governorate accuracy on FA-KES's credible rows, with a confusion table.

    For each article: the governorate most of its claims point to, against the row's label
    ("damascus" accepts Damascus or Rif Dimashq).  A baseline that counts governorate names in
    the text is printed beside it, and the first answer: the main event's governorate and the
    article's date (the main event's window, +-1 day), the row's date withheld from the
    extractor.  With --dates, only the date, withheld and then given as publication date.
    """
    from ..evaluate.fakes import eval_fakes, eval_fakes_dates, format_dates, format_fakes
    corpus = Path(str(importlib.resources.files("counterclaim.data.corpus") / "fakes" / "FA-KES-Dataset.csv"))
    res = Resources.default()
    extractor = Extractor(model=model, resources=res)
    if dates:
        for given, how in ((False, "date column withheld"), (True, "date column given")):
            score = guard(lambda: eval_fakes_dates(extractor, corpus, given=given, limit=limit))
            click.echo(format_dates(score, how))
        return
    report = guard(lambda: eval_fakes(extractor, corpus, res.gazetteer, limit=limit))
    click.echo(format_fakes(report))


@evaluate.command("re3d")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (name or path).")
def eval_re3d_cmd(model: str) -> None:
    """Places, times and quantities of the claims against re3d's analysts' spans.

    The openly licensed part of re3d (CENTCOM strike reports, UK and US government and
    Australian statements, bundled): recall and precision per kind, and the documents that give
    no claim.  No publication date is given: real inputs mostly come without one.
    """
    from ..evaluate.re3d import eval_re3d, format_re3d
    report = guard(lambda: eval_re3d(Extractor(model=model)))
    click.echo(format_re3d(report))


@evaluate.command("places")
@click.argument("paths", nargs=-1)
@click.option("--db", type=LedgerTarget(exists=True), help="Report on a ledger's claims instead of reading PATHS.")
@click.option("--top", type=int, default=40, show_default=True, help="How many unknown names to list.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (name or path).")
def eval_places_cmd(paths: tuple[str, ...], db: str | None, top: int, model: str) -> None:
    """Place-resolution report: mentions by precision, and the names that stayed unknown.

    Reads PATHS (default: the bundled corpus) or the claims of a ledger (--db).
    """
    from ..evaluate.fakes import format_places, places_report

    def run() -> str:
        if db:
            with open_ledger(db, readonly=True, verify=True) as ledger:
                return format_places(places_report(ledger.claims()), top)
        corpus = Path(str(importlib.resources.files("counterclaim.data.corpus")))
        inputs = list(paths) or [str(corpus / "seeds"), str(corpus / "fakes" / "FA-KES-Dataset.csv")]
        results = with_progress(Extractor(model=model).run(read_inputs(inputs)), None, count_inputs(inputs))
        return format_places(places_report(r for r in results if r.ok), top)

    click.echo(guard(run))


add_talk_options(cli)


def main() -> None:
    """The console script: no failure ends in a traceback."""
    set_level()
    try:
        cli(standalone_mode=True)
    except Exception as exc:  # noqa: BLE001 -- the last guard: one line, the traceback under --verbose
        log.debug("traceback of the unexpected failure", exc_info=True)
        log.error(f"unexpected failure: {type(exc).__name__}: {exc} (please report it; --verbose shows the traceback)")
        sys.exit(EXIT_FAILED)


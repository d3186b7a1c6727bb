"""Issue 12, inputs refused for the wrong reason or quietly (items 4, 11, 12 and 13): each input
the red team tried, what the user sees, and that the rest of the batch goes on."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim import errors
from counterclaim.cli import cli
from counterclaim.model import RawRecord
from counterclaim.pipeline import Extractor
from counterclaim.read.formats import read_html
from counterclaim.read.inputs import read_inputs

from .helpers import ARTICLE, as_user

# ---------------------------------------------------------------------- 4. permissions

_READ = (
    "import sys\n"
    "from counterclaim.read.inputs import read_inputs\n"
    "for item in read_inputs(sys.argv[1:]):\n"
    "    print(getattr(item, 'message', None) or 'record ' + item.source_path)\n"
)


def _read_as_user(*paths: Path) -> list[str]:
    """What reading ``paths`` gives, one line an item, in a child that cannot ignore permissions."""
    out = subprocess.run(as_user([sys.executable, "-c", _READ, *map(str, paths)]), capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    return out.stdout.splitlines()


@pytest.fixture()
def locked(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder with a readable article and a subfolder nobody may enter, holding another."""
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked").chmod(0o000)
    yield tmp_path
    (tmp_path / "locked").chmod(0o755)


def test_a_file_under_a_folder_that_cannot_be_entered_is_one_line(locked: Path) -> None:
    # before: a PermissionError traceback from the path check, and the batch was lost
    out = _read_as_user(locked / "locked" / "b.txt", locked / "ok" / "a.txt")
    assert out == [f"{locked / 'locked' / 'b.txt'}: cannot read the input (permission denied)",
                   f"record {locked / 'ok' / 'a.txt'}"]


def test_an_unreadable_subfolder_met_in_a_walk_is_said_and_the_walk_goes_on(locked: Path) -> None:
    # before: skipped in silence
    out = _read_as_user(locked)  # sorted: "locked" before "ok"
    assert out == [f"{locked / 'locked'}: cannot read the input (permission denied)",
                   f"record {locked / 'ok' / 'a.txt'}"]


def test_an_unreadable_folder_named_directly_is_permission_denied_not_empty(locked: Path) -> None:
    # before: "empty input: nothing to read"
    out = _read_as_user(locked / "locked")
    assert out == [f"{locked / 'locked'}: cannot read the input (permission denied)"]


# ---------------------------------------------------------------------- 11. encodings, NUL, nesting


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_read(tmp_path: Path, encoding: str) -> None:
    # Notepad's "Unicode" and Excel's "Unicode text" (with a BOM), and UTF-16 without one:
    # before, each was "binary file, not text"
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode(encoding))
    (rec,) = read_inputs([str(f)])
    assert isinstance(rec, RawRecord) and rec.raw == ARTICLE and rec.warnings == ()


def test_a_utf16_csv_is_read_row_by_row(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_bytes((f'article_content,unit_id\n"{ARTICLE.strip()}",r1\n"{ARTICLE.strip()}",r2\n').encode("utf-16"))
    recs = list(read_inputs([str(f)]))
    assert [r.source_id for r in recs if isinstance(r, RawRecord)] == ["r1", "r2"]


def test_a_nul_byte_in_a_csv_row_refuses_that_row_only(tmp_path: Path) -> None:
    # before: "binary file, not text (NUL bytes in the first 8 KB)", the good rows lost with it
    f = tmp_path / "a.csv"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["article_content", "unit_id"])
    text = ARTICLE.strip()
    w.writerows([[text, "r1"], [text.replace("airstrikes", "air\x00strikes"), "r2"], [text, "r3"]])
    f.write_text(buf.getvalue(), encoding="utf-8")
    out = list(read_inputs([str(f)]))
    assert [r.source_id if isinstance(r, RawRecord) else type(r).__name__ for r in out] == ["r1", "BadRecord", "r3"]
    assert out[1].message == f"{f}:3: malformed record (a NUL byte in the row (a damaged file?); the other rows are read)"


def test_a_stray_nul_byte_in_a_text_file_is_removed_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode().replace(b"airstrikes", b"air\x00strikes"))
    (rec,) = read_inputs([str(f)])
    assert isinstance(rec, RawRecord) and rec.raw == ARTICLE and rec.warnings == ("1 NUL byte removed",)


def test_real_binary_files_are_still_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "a.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + ARTICLE.encode() * 3)
    (err,) = read_inputs([str(pdf)])
    assert isinstance(err, errors.BinaryInput) and err.message == f"{pdf}: binary file, not text (a PDF document)"


def _nested(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + f"<p>{ARTICLE}</p>" + "</div>" * depth + "</body></html>").encode()


@pytest.mark.parametrize("depth", [300, 10_000])
def test_deeply_nested_pages_are_read(depth: int) -> None:
    # before: "no article text found" from depth 256 on (the HTML parser's limit)
    rec = read_html("deep.html", _nested(depth))
    assert isinstance(rec, RawRecord) and rec.raw.strip() == ARTICLE.strip()
    assert rec.warnings == (f"the page nests {depth + 3} levels deep: elements below 200 levels flattened",)


def test_a_shallow_page_is_read_as_before() -> None:
    rec = read_html("flat.html", _nested(20))
    assert isinstance(rec, RawRecord) and rec.warnings == ()


# ---------------------------------------------------------------------- 12. silent outcomes get a note


ARABIC = ("قال المرصد السوري لحقوق الإنسان إن 26 شخصا قتلوا في غارات جوية على إدلب يوم الاثنين. "
          "وأضاف أن بين القتلى عشرة مدنيين.")


def test_an_arabic_only_article_is_said_and_counted_and_not_stored(tmp_path: Path) -> None:
    # before: read as English, 0 claims stored, and nothing said; now its language is read from
    # the script of its letters, and a language no lexicon reads is one line naming it and a
    # count in the summary.  It is not stored: a document stored unread would never be read
    # again (the ledger keeps one document per text), even once a lexicon for it exists.
    f = tmp_path / "ar.txt"
    f.write_text(ARABIC, encoding="utf-8")
    g = tmp_path / "en.txt"
    g.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "l.db"
    result = CliRunner().invoke(cli, ["ingest", str(f), str(g), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert (f"error: {f}: no lexicon for the text's language ('ar' (known: en), read from the script of its "
            "letters)") in result.stderr
    assert "1 documents read (1 new, 0 already in the ledger), 1 claims; 1 not read (language ar: 1); " \
        "1 inputs failed;" in result.stderr
    from counterclaim.ledger import open_ledger
    with open_ledger(db, readonly=True) as led:
        assert [d.source_path for d in led.documents()] == [str(g)]


def test_a_language_the_metadata_gives_wins_over_the_script(extractor: Extractor) -> None:
    (r,) = extractor.run([RawRecord(raw=ARTICLE, language="EN-GB")])  # read as "en"
    assert r.document is not None and r.document.language == "en" and r.claims
    (r,) = extractor.run([RawRecord(raw=ARABIC, source_path="a.txt", language="en")])
    assert r.document is not None and r.document.language == "en"  # the metadata is believed
    (r,) = extractor.run([RawRecord(raw=ARTICLE, source_path="fr.txt", language="fr")])
    assert isinstance(r.error, errors.UnsupportedLanguage) and r.error.language == "fr"
    assert r.error.message == "fr.txt: no lexicon for the text's language ('fr' (known: en))"


def test_bidi_controls_around_a_figure_are_removed_and_the_figure_is_read(extractor: Extractor) -> None:
    raw = "The Syrian Observatory said \u2067\u200f26\u200f\u2069 people were killed in Idlib on Monday."
    (r,) = extractor.run([RawRecord(raw=raw, published="2017-02-07")])
    assert r.document is not None and "\u2067" not in r.document.text
    assert [q.value for c in r.claims for q in c.quantities] == [26]
    assert r.document.warnings == ("4 bidirectional control characters removed for reading",)


def test_a_symlink_loop_in_a_walk_is_one_warning_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "a" / "self.txt").symlink_to("self.txt")
    out = list(read_inputs([str(tmp_path)]))
    assert [getattr(o, "message", None) or o.source_path for o in out] == [
        f"{tmp_path / 'a' / 'self.txt'}: skipped (symlink loop: it leads back to itself)",
        str(tmp_path / "a" / "x.txt"),
        f"{tmp_path / 'a' / 'up'}: skipped (symlink loop: it leads back to {tmp_path})",
    ]
    assert all(not o.failed for o in out if isinstance(o, errors.InputError))
    # a warning, not a failure: the exit code stays 0
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0 and "warning: " in result.stderr and "0 inputs failed, 2 skipped" in result.stderr


def test_a_symlink_to_a_folder_is_followed_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "zlink").symlink_to("real")
    out = list(read_inputs([str(tmp_path)]))
    assert [getattr(o, "message", None) or o.source_path for o in out] == [
        str(tmp_path / "real" / "x.txt"),
        f"{tmp_path / 'zlink'}: skipped (the same folder as {tmp_path / 'real'}, read once)",
    ]


# ---------------------------------------------------------------------- 13. small ones


def test_max_bytes_must_be_positive(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(f), "--max-bytes", "-5"])
    assert result.exit_code == 2 and "--max-bytes" in result.stderr and "-5" in result.stderr
    with pytest.raises(ValueError):
        read_inputs([str(f)], max_bytes=0)


def test_a_small_size_is_said_once(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x" * 222, encoding="utf-8")
    (err,) = read_inputs([str(f)], max_bytes=100)
    assert err.message == f"{f}: file too large (222 bytes, limit 100 bytes; --max-bytes raises it)"
    big = tmp_path / "b.txt"
    big.write_text("x" * 2048, encoding="utf-8")
    (err,) = read_inputs([str(big)], max_bytes=1024)
    assert "2.0 KB (2048 bytes), limit 1.0 KB (1024 bytes)" in err.message


def test_ingest_with_no_path_makes_no_ledger(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db)])
    assert result.exit_code == 2 and "give at least one PATH" in result.stderr
    assert not db.exists()


def test_duplicates_in_one_batch_are_not_already_in_the_ledger(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    db = tmp_path / "l.db"
    result = CliRunner().invoke(cli, ["ingest", str(a), str(b), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 documents read (1 new, 0 already in the ledger, 1 repeated in this batch)" in result.stderr


def test_the_readme_says_what_the_web_app_answers_besides_get() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "HEAD and OPTIONS" in readme


def test_every_command_takes_quiet_and_verbose() -> None:
    runner = CliRunner()
    commands = [["extract"], ["ingest"], ["claims"], ["group"], ["incidents"], ["contradictions"], ["show"],
                ["export"], ["serve"], ["report"], ["demo"], ["check"], ["gazetteer", "import"], ["eval", "fakes"],
                ["eval", "places"]]
    for command in commands:
        out = runner.invoke(cli, [*command, "--help"]).output
        assert "--quiet" in out and "--verbose" in out, command


def test_quiet_says_only_errors_and_verbose_a_line_per_document(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    odd = tmp_path / "b.txt"
    odd.write_bytes(ARTICLE.encode().replace(b"airstrikes", b"air\x00strikes"))
    missing = tmp_path / "none.txt"
    runner = CliRunner()
    paths = [str(good), str(odd), str(missing)]
    normal = runner.invoke(cli, ["extract", *paths])
    quiet = runner.invoke(cli, ["extract", *paths, "--quiet"])
    verbose = runner.invoke(cli, ["extract", *paths, "-v"])
    assert quiet.exit_code == normal.exit_code == verbose.exit_code == 1
    assert quiet.stderr.splitlines() == [f"error: {missing}: no such file or directory"]
    assert f"warning: {odd}: 1 NUL byte removed" in normal.stderr and "claims" in normal.stderr.splitlines()[-1]
    assert f"{good}: 1 claims" in verbose.stderr and f"{good}: 1 claims" not in normal.stderr
    assert quiet.stdout == normal.stdout == verbose.stdout


def test_progress_is_a_plain_line_with_total_and_time_left_when_stderr_is_no_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from counterclaim.cli import console

    monkeypatch.setattr(console, "PLAIN_EVERY", 0.0)
    f = tmp_path / "a.jsonl"
    f.write_text("".join(json.dumps({"text": ARTICLE.replace("26", str(n))}) + "\n" for n in range(3)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(f)])
    assert result.exit_code == 0
    progress = [ln for ln in result.stderr.splitlines() if ln.startswith("reading: ")]
    assert progress and progress[-1].startswith("reading: 3 of 3 inputs (100%)"), result.stderr
    # the first input comes back after the model has loaded: no rate is timed from it, so no
    # time left is guessed (it used to say "about 2 h 21 min left" for the demo's first input)
    assert progress[0] == "reading: 1 of 3 inputs (33%)"
    assert "a second, about" in progress[1] and progress[1].endswith(" s left")
    assert not CliRunner().invoke(cli, ["extract", str(f), "--quiet"]).stderr


def test_the_time_left_is_the_inputs_left_at_the_rate_timed_since_the_first() -> None:
    from counterclaim.cli.console import progress_line

    # 2 inputs in the 4 s after the first: 0.5 a second; 7 left take 14 s
    assert progress_line(3, 10, 4.0, timed=2) == "reading: 3 of 10 inputs (30%), 0.5 a second, about 14 s left"
    assert progress_line(1, 10, 0.0, timed=0) == "reading: 1 of 10 inputs (10%)"
    # no total known (a folder still being walked): a count and a rate, never a time left
    assert progress_line(5, None, 2.0) == "reading: 5 inputs, 2.5 a second"
    assert progress_line(150, 1000, 60.0) == "reading: 150 of 1000 inputs (15%), 2.5 a second, about 5 min 40 s left"


def test_a_failure_nobody_expected_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # the last guard of the console script: a bug becomes one line (the traceback under --verbose)
    code = ("import counterclaim.cli as c\n"
            "def boom(*a, **k):\n    raise RuntimeError('boom')\n"
            "c.check_ledger = boom\nc.main()\n")
    db = tmp_path / "x.db"
    db.write_bytes(b"")
    out = subprocess.run([sys.executable, "-c", code, "check", "--db", str(db)], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip() == "error: unexpected failure: RuntimeError: boom (please report it; --verbose shows the traceback)"
    verbose = subprocess.run([sys.executable, "-c", code, "check", "--db", str(db), "-v"], capture_output=True,
                             text=True, timeout=120)
    assert "Traceback" in verbose.stderr and verbose.returncode == 2

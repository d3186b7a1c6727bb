"""Reading inputs: files, directories, manifests, stdin, and bad inputs one by one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from counterclaim import errors
from counterclaim.model import RawRecord
from counterclaim.read.inputs import DEFAULT_MAX_BYTES, read_inputs

from .helpers import ARTICLE, bundled, kinds, records, run

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_txt_file_is_one_text_record(tmp_path: Path) -> None:
    # the simplest input: one file, one article, raw text untouched, kind "text"
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    (rec,) = run([str(f)])
    assert isinstance(rec, RawRecord)
    assert rec.raw == ARTICLE
    assert rec.kind == "text"
    assert rec.source_path == str(f)
    assert rec.source_id is None and rec.published is None and rec.warnings == ()


def test_explicit_file_with_other_suffix_is_read_as_text(tmp_path: Path) -> None:
    # "any other explicitly named file that is not binary" is text (only directory walks filter)
    f = tmp_path / "article.md"
    f.write_text(ARTICLE, encoding="utf-8")
    (rec,) = run([str(f)])
    assert isinstance(rec, RawRecord) and rec.kind == "text" and rec.raw == ARTICLE


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    # Windows editors write a BOM; it must not become the first character of the article
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (rec,) = run([str(f)])
    assert isinstance(rec, RawRecord) and rec.raw == ARTICLE and rec.warnings == ()


def test_invalid_utf8_is_yielded_with_a_warning(tmp_path: Path) -> None:
    # a Latin-1 byte in a UTF-8 file is not an error: decoded with U+FFFD, counted in a warning
    f = tmp_path / "latin1.txt"
    f.write_bytes("Strikes hit Idlib, caf\xe9 destroyed, a monitor said on Tuesday.".encode("latin-1")
                  + b" Another \xff\xfe pair.")
    (rec,) = run([str(f)])
    assert isinstance(rec, RawRecord)
    assert "\ufffd" in rec.raw and "Strikes hit Idlib" in rec.raw
    assert rec.warnings == ("invalid UTF-8 decoded with replacement characters (3 bytes)",)


def test_directory_is_walked_recursively_sorted_with_automatic_manifest(tmp_path: Path) -> None:
    # recursion, sorted order, hidden files/folders skipped, unknown suffixes skipped, and a
    # manifest.jsonl inside a folder is that folder's metadata, not an article file
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(ARTICLE + "c", encoding="utf-8")
    (tmp_path / "b" / "deep" / "d.jsonl").write_text(json.dumps({"id": "d1", "text": ARTICLE}) + "\n",
                                                     encoding="utf-8")
    (tmp_path / "b" / "manifest.jsonl").write_text(
        json.dumps({"path": "c.txt", "outlet": "TASS", "published": "2015-12-23", "url": None}) + "\n"
        + json.dumps({"path": "deep/d.jsonl", "outlet": "Press TV"}) + "\n",
        encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE, encoding="utf-8")
    out = run([str(tmp_path)])
    recs = records(out)
    assert len(out) == len(recs) == 3
    assert [Path(r.source_path or "").relative_to(tmp_path).as_posix() for r in recs] == [
        "a.txt", "b/c.txt", "b/deep/d.jsonl"]
    a, c, d = recs
    assert a.outlet is None and a.published is None
    assert (c.outlet, c.published, c.url) == ("TASS", "2015-12-23", None)  # null means unknown
    # a manifest entry for a JSONL file fills what its records lack; the records keep their ids
    assert d.outlet == "Press TV" and d.source_id == "d1"


def test_bundled_seeds_directory_uses_its_manifest() -> None:
    # the five seed articles: the manifest is read automatically and not yielded as articles
    with bundled("seeds") as seeds:
        out = run([str(seeds)])
    recs = records(out)
    assert len(out) == len(recs) == 5
    assert [Path(r.source_path or "").name[:3] for r in recs] == ["000", "001", "002", "003", "004"]
    assert [r.outlet for r in recs] == ["The Moscow Times", None, "TASS", None, "Press TV"]
    assert [r.published for r in recs] == ["2021-04-20", "2017-09-26", "2015-12-23", "2018-09-06", "2017-02-07"]
    assert recs[0].url == ("https://www.themoscowtimes.com/2021/04/20/"
                           "russian-army-says-killed-up-to-200-militants-in-syria-bombing-a73665")
    assert all(r.kind == "text" for r in recs)


def test_empty_directory_is_empty_input(tmp_path: Path) -> None:
    # a folder with nothing readable says so instead of silently producing nothing
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    (out,) = run([str(tmp_path)])
    assert isinstance(out, errors.EmptyInput)
    assert str(tmp_path) in out.message


def test_manifest_with_no_paths_reads_every_listed_file(tmp_path: Path) -> None:
    # --manifest alone: every file it lists, in manifest order, paths relative to its folder
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (sub / "two.txt").write_text(ARTICLE + "two", encoding="utf-8")
    m = tmp_path / "list.jsonl"
    m.write_text(
        json.dumps({"path": "articles/two.txt", "outlet": "TASS", "published": "2015-12-23", "id": "t2",
                    "title": "Two"}) + "\n"
        + json.dumps({"path": "articles/one.txt", "url": "https://x.test/1", "published": "4/20/2021"}) + "\n",
        encoding="utf-8")
    out = run([], manifest=str(m))
    recs = records(out)
    assert len(out) == len(recs) == 2
    two, one = recs
    assert two.source_path == str(tmp_path / "articles" / "two.txt")
    assert (two.outlet, two.published, two.source_id, two.title) == ("TASS", "2015-12-23", "t2", "Two")
    assert (one.url, one.published) == ("https://x.test/1", "2021-04-20")


def test_manifest_applies_to_inputs_by_resolved_path(tmp_path: Path) -> None:
    # the input is named by another spelling of the same path; metadata still applies, and
    # inputs the manifest does not list get none
    sub = tmp_path / "d"
    sub.mkdir()
    (sub / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (sub / "y.txt").write_text(ARTICLE, encoding="utf-8")
    m = tmp_path / "m.jsonl"
    m.write_text(json.dumps({"path": "d/x.txt", "outlet": "TASS"}) + "\n", encoding="utf-8")
    out = records(run([str(sub / ".." / "d" / "x.txt"), str(sub / "y.txt")], manifest=str(m)))
    assert [r.outlet for r in out] == ["TASS", None]


def test_published_overrides_every_date(tmp_path: Path) -> None:
    # --published beats the manifest, the JSONL field and the text
    with bundled("seeds") as seeds:
        recs = records(run([str(seeds)], published="2020-01-02"))
    assert [r.published for r in recs] == ["2020-01-02"] * 5
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": ARTICLE, "published": "2017-02-07"}) + "\n", encoding="utf-8")
    (rec,) = records(run([str(f)], published="2020-01-02"))
    assert rec.published == "2020-01-02"


@pytest.mark.parametrize("bad", ["02/07/2017", "2017-2-7", "2017-02-30", "yesterday", ""])
def test_bad_published_raises_at_call_time(bad: str) -> None:
    # a usage error, so it raises -- and at once, not on the first next() of the generator
    with pytest.raises(errors.BadDate):
        read_inputs(["whatever.txt"], published=bad)


def test_stdin_text_stream() -> None:
    # "-" reads stdin; no source path, labelled <stdin>
    (rec,) = run(["-"], stdin=io.StringIO(ARTICLE))
    assert isinstance(rec, RawRecord)
    assert rec.raw == ARTICLE and rec.source_path is None and rec.label == "<stdin>" and rec.kind == "text"


def test_stdin_binary_stream_is_decoded() -> None:
    # sys.stdin.buffer gives bytes: BOM stripped, invalid UTF-8 replaced with a warning
    (rec,) = run(["-"], stdin=io.BytesIO(b"\xef\xbb\xbf" + ARTICLE.encode() + b"\xff"))
    assert isinstance(rec, RawRecord)
    assert rec.raw == ARTICLE + "\ufffd"
    assert rec.warnings == ("invalid UTF-8 decoded with replacement characters (1 bytes)",)


def test_stdin_empty_and_too_large() -> None:
    # the same guards as files
    (empty,) = run(["-"], stdin=io.StringIO("  \n"))
    assert isinstance(empty, errors.EmptyInput) and empty.source == "<stdin>"
    (big,) = run(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    assert isinstance(big, errors.TooLarge)


def test_each_bad_input_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    # a batch alternating bad inputs with good ones: every bad one is one yielded error naming
    # the input and the reason; every good one still comes, in order
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n", encoding="utf-8")
    nul = tmp_path / "image.txt"
    nul.write_bytes(b"GIF89a\x00\x01\x02" + bytes(range(256)))
    noisy = tmp_path / "noise.txt"  # no NUL, but control bytes everywhere
    noisy.write_bytes(bytes([1, 2, 3, 4, 5, 6, 0x0e, 0x0f, 0x10, 0x11, 65]) * 40)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    inputs = [empty, good, blank, good, nul, good, noisy, good, big, good, missing, good]
    out = run([str(p) for p in inputs], max_bytes=len(ARTICLE) * 5)
    assert kinds(out) == ["EmptyInput", "RawRecord", "EmptyInput", "RawRecord", "BinaryInput", "RawRecord",
                          "BinaryInput", "RawRecord", "TooLarge", "RawRecord", "MissingPath", "RawRecord"]
    errs = [o for o in out if isinstance(o, errors.InputError)]
    assert [e.source for e in errs] == [str(empty), str(blank), str(nul), str(noisy), str(big), str(missing)]
    assert errs[0].message == f"{empty}: empty input: nothing to read"
    assert errs[2].message == f"{nul}: binary file, not text (NUL bytes in the first 8 KB)"
    assert "mostly non-text" in errs[3].message
    assert errs[5].message == f"{missing}: no such file or directory"
    # TooLarge says the size, the limit and how to raise it
    too = errs[4].message
    assert str(len(ARTICLE) * 10) in too and str(len(ARTICLE) * 5) in too and "--max-bytes" in too


def test_sparse_50mb_file_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the size check uses stat, before any read: a 50 MB file (sparse, so cheap to create) is
    # rejected with the default limit and is never opened
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.write(ARTICLE.encode())
        fh.truncate(50 * 1024 * 1024)
    assert f.stat().st_size == 50 * 1024 * 1024 > DEFAULT_MAX_BYTES
    opened: list[str] = []
    real_open = Path.open

    def spy_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self}"))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = run([str(f), str(good)])
    assert kinds(out) == ["TooLarge", "RawRecord"]
    assert str(f) not in opened and str(good) in opened
    msg = out[0].message  # type: ignore[union-attr]
    assert "50.0 MB" in msg and "20.0 MB" in msg and "--max-bytes" in msg


def test_missing_manifest_is_reported_and_paths_still_read(tmp_path: Path) -> None:
    # a wrong --manifest path is one error; the named inputs are still read
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = run([str(good)], manifest=str(tmp_path / "nope.jsonl"))
    assert kinds(out) == ["MissingPath", "RawRecord"]


def test_malformed_manifest_line_is_reported(tmp_path: Path) -> None:
    # a manifest line without "path" is a BadRecord naming manifest:LINE; other entries apply
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    m = tmp_path / "m.jsonl"
    m.write_text('{"outlet": "X"}\n' + json.dumps({"path": "a.txt", "outlet": "TASS"}) + "\n", encoding="utf-8")
    out = run([], manifest=str(m))
    assert kinds(out) == ["BadRecord", "RawRecord"]
    assert out[0].message == f'{m}:1: malformed record (manifest entry has no "path")'  # type: ignore[union-attr]
    assert out[1].outlet == "TASS"  # type: ignore[union-attr]


def test_language_comes_from_the_metadata_and_defaults_to_english(tmp_path: Path) -> None:
    # a manifest or a JSONL field may say which language a text is in; the document carries it,
    # and a text whose metadata says nothing is read as English (detection is a later step)
    from counterclaim.read.clean import to_document

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    m = tmp_path / "m.jsonl"
    m.write_text(json.dumps({"path": "a.txt", "language": "ar"}) + "\n", encoding="utf-8")
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"text": ARTICLE, "language": "ru"}) + "\n", encoding="utf-8")
    out = records(run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(f)], manifest=str(m)))
    assert [r.language for r in out] == ["ar", None, "ru"]
    assert [to_document(r, EN).language for r in out] == ["ar", "en", "ru"]

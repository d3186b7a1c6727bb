"""The formats one file can hold: HTML, JSON lines, CSV."""

from __future__ import annotations

import json
import re
from pathlib import Path

from counterclaim import errors
from counterclaim.model import RawRecord
from counterclaim.read.formats import CsvColumns, iso_date

from .helpers import ARTICLE, bundled, kinds, records, run

HTML_ARTICLE = """<!doctype html>
<html><head>
<title>Strikes hit Idlib | Example News</title>
<meta property="og:title" content="Strikes hit Idlib">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2017-02-07">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Strikes hit Idlib</h1>
<p>Airstrikes hit the city of Idlib on Tuesday, leaving fatalities and destruction, a monitor said.</p>
<p>The Syrian Observatory for Human Rights said 26 people were killed, including 10 civilians, in the strikes.</p>
</article>
<div class="comments" id="comments"><h3>Comments</h3>
<p>Great article, thanks for sharing this with all of us here today.</p></div>
</body></html>
"""


HTML_NO_ARTICLE = """<html><head><title>Example News - Home</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<footer><p>Copyright 2024 Example News.</p></footer></body></html>"""


def test_html_article_is_extracted_with_metadata(tmp_path: Path) -> None:
    # trafilatura isolates the article; title/date/site name come from the page's metadata;
    # the reader comment block is excluded (include_comments=False)
    f = tmp_path / "page.html"
    f.write_text(HTML_ARTICLE, encoding="utf-8")
    (rec,) = run([str(f)])
    assert isinstance(rec, RawRecord)
    assert rec.kind == "extracted"
    assert "26 people were killed" in rec.raw
    assert "Great article" not in rec.raw
    assert "World" not in rec.raw.split("\n")  # the nav menu is not article text
    assert rec.title == "Strikes hit Idlib"
    assert rec.published == "2017-02-07"
    assert rec.outlet == "Example News"


def test_htm_suffix_and_uppercase_suffix_are_html(tmp_path: Path) -> None:
    # .htm and .HTML are HTML too (suffix match is case-insensitive)
    for name in ("page.htm", "PAGE.HTML"):
        f = tmp_path / name
        f.write_text(HTML_ARTICLE, encoding="utf-8")
        (rec,) = run([str(f)])
        assert isinstance(rec, RawRecord) and rec.kind == "extracted"


def test_html_without_article_is_no_article(tmp_path: Path) -> None:
    # a home page with only a menu: trafilatura's fallback returns the menu words, which is
    # not an article -> NoArticle, and the next input is still read
    bad = tmp_path / "home.html"
    bad.write_text(HTML_NO_ARTICLE, encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = run([str(bad), str(good)])
    assert kinds(out) == ["NoArticle", "RawRecord"]
    assert isinstance(out[0], errors.NoArticle)
    assert out[0].message == f"{bad}: no article text found in the page"


def test_lxml_html_clean_is_importable() -> None:
    # trafilatura needs it for HTML; pip has been seen to skip it silently
    import lxml_html_clean  # noqa: F401


def test_jsonl_records_and_malformed_lines(tmp_path: Path) -> None:
    # one article a line; each bad line is one BadRecord naming path:LINE and the reason,
    # and the good lines around it still come, in order
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "title": "Strikes hit Idlib", "url": "https://x.test/a1",
                    "outlet": "Press TV", "published": "2017-02-07"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        "",  # blank lines are skipped silently
        json.dumps({"id": 7, "text": "   "}),
        json.dumps({"id": 8, "text": ARTICLE, "published": "2/7/2017"}),
        json.dumps({"text": ARTICLE, "published": "someday"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run([str(f)])
    assert kinds(out) == ["RawRecord", "BadRecord", "BadRecord", "BadRecord", "BadRecord", "RawRecord", "RawRecord"]
    first, bad_json, not_obj, no_text, empty, second, third = out
    assert isinstance(first, RawRecord)
    assert (first.source_id, first.title, first.url, first.outlet, first.published, first.kind) == (
        "a1", "Strikes hit Idlib", "https://x.test/a1", "Press TV", "2017-02-07", "extracted")
    assert first.source_path == str(f) and first.label == f"{f}#a1"
    assert bad_json.message.startswith(f"{f}:2: malformed record (invalid JSON")
    assert not_obj.message == f"{f}:3: malformed record (not a JSON object but list)"
    assert no_text.message == f'{f}:4: malformed record (no "text" field)'
    assert empty.message == f'{f}:6: malformed record ("text" is empty)'
    # ids may be numbers in JSON; M/D/YYYY dates are normalised to ISO
    assert isinstance(second, RawRecord) and second.source_id == "8" and second.published == "2017-02-07"
    # no id: the line number keeps records of one file apart; a bad date is a warning, not an error
    assert isinstance(third, RawRecord) and third.source_id == "line 8" and third.published is None
    assert third.warnings == ("published 'someday' is not a date; ignored",)


def test_fakes_csv_reads_with_no_flags() -> None:
    # the bundled FA-KES file: default CsvColumns are its columns; 804 rows, M/D/YYYY -> ISO
    with bundled("fakes", "FA-KES-Dataset.csv") as path:
        out = run([str(path)])
    recs = records(out)
    assert len(out) == len(recs) == 804
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.published or "") for r in recs)
    first = recs[0]
    assert first.source_id == "1914947530"
    assert first.published == "2017-04-05"  # "4/5/2017" in the file
    assert first.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert first.outlet == "nna"
    assert first.kind == "extracted"
    assert first.raw.startswith("Wed 05 Apr 2017 Syria attack symptoms")


def test_csv_with_configured_columns_and_iso_dates(tmp_path: Path) -> None:
    # any CSV works once the columns are named; ISO dates pass through; quoted newlines stay
    f = tmp_path / "news.csv"
    f.write_text('body,when,link\n"Line one of the story.\nLine two.",2021-04-20,https://x.test/1\n'
                 ',2021-04-21,https://x.test/2\n', encoding="utf-8")
    cols = CsvColumns(text="body", id=None, title=None, url="link", outlet=None, published="when")
    out = run([str(f)], csv_columns=cols)
    assert kinds(out) == ["RawRecord", "BadRecord"]
    rec, bad = out
    assert isinstance(rec, RawRecord)
    assert rec.raw == "Line one of the story.\nLine two."
    assert (rec.published, rec.url, rec.source_id) == ("2021-04-20", "https://x.test/1", "row 2")
    # the empty text is one BadRecord naming the line of the row (the first row spans 2 lines)
    assert bad.message == f"{f}:4: malformed record (empty 'body')"


def test_csv_without_text_column_is_missing_column(tmp_path: Path) -> None:
    # the message names the file, the column wanted and the columns the file has; batch goes on
    f = tmp_path / "other.csv"
    f.write_text("headline,content\nA,B\n", encoding="utf-8")
    good = tmp_path / "z.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = run([str(f), str(good)])
    assert kinds(out) == ["MissingColumn", "RawRecord"]
    msg = out[0].message  # type: ignore[union-attr]
    assert msg.startswith(f"{f}: CSV has no text column")
    assert "'article_content'" in msg and "'headline'" in msg and "'content'" in msg


def test_csv_large_fields_are_accepted(tmp_path: Path) -> None:
    # the csv module's default field limit is 128 KB; articles may be longer
    f = tmp_path / "big.csv"
    body = "Strikes hit Idlib. " * 20000  # ~380 KB in one field
    f.write_text(f'article_content\n"{body}"\n', encoding="utf-8")
    (rec,) = run([str(f)])
    assert isinstance(rec, RawRecord) and rec.raw == body


def test_iso_date() -> None:
    # FA-KES dates are M/D/YYYY; ISO (optionally with a time) is accepted too; impossible
    # dates and other forms are None
    assert iso_date("4/5/2017") == "2017-04-05"
    assert iso_date("12/31/2016") == "2016-12-31"
    assert iso_date("2017-02-07") == "2017-02-07"
    assert iso_date("2017-02-07T10:30:00+00:00") == "2017-02-07"
    assert iso_date("2/30/2017") is None
    assert iso_date("07.02.2017") is None
    assert iso_date("2017-02-07x") is None

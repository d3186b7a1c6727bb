"""Tests for counterclaim.read.clean: what each seed loses (and why), what it keeps, and the
invariants every later offset relies on (Removed.text is a verbatim raw slice, ``at`` lies in
the cleaned text, same input -> same text and doc_id)."""

from __future__ import annotations

import csv
import io
import re
import sys
from importlib.resources import files

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterclaim.model import RawRecord, doc_id_for
from counterclaim.read.clean import REASONS, Cleaned, clean_text, to_document

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")

SEEDS = files("counterclaim.data.corpus") / "seeds"
SEED_NAMES = {
    0: "000_964f226c451e7d5d.txt",
    1: "001_ae5fab7fd22fd5ed.txt",
    2: "002_dabbd2e2701e5da0.txt",
    3: "003_c0eae9af2d589f25.txt",
    4: "004_cf4b3b3e72b76428.txt",
}


def seed(n: int) -> str:
    return (SEEDS / SEED_NAMES[n]).read_text(encoding="utf-8")


def fakes_rows() -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    data = (files("counterclaim.data.corpus") / "fakes" / "FA-KES-Dataset.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(data, newline="")))


def check_invariants(raw: str, c: Cleaned) -> None:
    """What every later stage relies on, for any input."""
    for r in c.removed:
        assert r.text == raw[r.start:r.end]  # verbatim raw slice
        assert 0 <= r.start < r.end <= len(raw)
        assert 0 <= r.at <= len(c.text)
        assert r.reason in REASONS
    # removals are reported in raw order, do not overlap, and their `at` never goes back
    for a, b in zip(c.removed, c.removed[1:]):
        assert a.end <= b.start and a.at <= b.at
    assert c.text == c.text.strip()
    assert "\n\n\n" not in c.text and "\r" not in c.text and "\xa0" not in c.text
    if c.byline is not None:
        assert c.text[c.byline.start:c.byline.end] == c.byline.text


def removed_by(c: Cleaned, reason: str) -> list[str]:
    return [r.text for r in c.removed if r.reason == reason]


# --------------------------------------------------------------------------- seed 000


def test_seed_000_moscow_times() -> None:
    raw = seed(0)
    c = clean_text(raw, EN)
    check_invariants(raw, c)
    # the caption paragraph ending in the bold credit "**Anas Alkharboutli / dpa / TASS**"
    (caption,) = removed_by(c, "caption")
    assert caption.startswith("Russia entered Syria's war in 2015") and caption.endswith("/ dpa / TASS**")
    assert "Anas Alkharboutli" not in c.text and "Russia entered Syria's war" not in c.text
    # the "Related article:" link with its linked headline
    (related,) = removed_by(c, "related link")
    assert related.startswith("**Related article:**") and "Former Japanese PM Abe" in related
    assert "Abe Says" not in c.text
    # the "Original url:" note and its <https://...> autolink
    (src,) = removed_by(c, "source url")
    assert src.startswith("Original url:") and src.endswith("-a73665>")
    assert "themoscowtimes" not in c.text
    # markdown: heading mark and link syntax go, the visible words stay
    assert c.text.startswith("Russian Army Says Killed 'Up to 200 Militants' in Syria Bombing\n")
    assert "#" not in c.text and "**" not in c.text and "](#)" not in c.text
    assert "\nBy AFP\n" in c.text
    # the body stays, first and last paragraph included
    assert "Russia's Defense Ministry said Monday it had killed \"up to 200 fighters\"" in c.text
    assert c.text.endswith("no plans to ever leave the country.")
    assert "The vote, set to be held on May 26," in c.text  # the paragraph after the related link
    # the headline and the byline (a span over "AFP" in the cleaned text)
    assert c.title == "Russian Army Says Killed 'Up to 200 Militants' in Syria Bombing"
    assert c.byline is not None and c.byline.text == "AFP"


# --------------------------------------------------------------------------- seed 001


def test_seed_001_has_nothing_to_remove() -> None:
    # a clean wire text: nothing removed, no headline (the first line is a sentence), no byline
    raw = seed(1)
    c = clean_text(raw, EN)
    check_invariants(raw, c)
    assert c.removed == ()
    assert c.text == raw.strip()
    assert c.title is None and c.byline is None


# --------------------------------------------------------------------------- seed 002


def test_seed_002_tass() -> None:
    raw = seed(2)
    c = clean_text(raw, EN)
    check_invariants(raw, c)
    # only the "All news" navigation link goes
    assert [(r.reason, r.text, r.at) for r in c.removed] == [("navigation", "All news", 0)]
    # subheads are content, not boilerplate
    for kept in ("Coordination among various forces in Syria stays at zero despite Russia’s efforts",
                 "\nRussian military operation in Syria\n",
                 "\nIslamic State extremist organization\n",
                 "MOSCOW, December 23. /TASS/. Russian Aerospace Defense Forces made 302 sorties"):
        assert kept in c.text
    assert c.title == "Russian forces deliver 1,093 airstrikes at targets in 5 Syrian provinces over last 5 days"
    # the dateline's /TASS/ is the wire credit
    assert c.byline is not None and c.byline.text == "TASS"
    assert c.text[c.byline.start - 1:c.byline.end + 1] == "/TASS/"


# --------------------------------------------------------------------------- seed 003


def test_seed_003_comments_and_photo_credit() -> None:
    raw = seed(3)
    c = clean_text(raw, EN)
    check_invariants(raw, c)
    assert removed_by(c, "photo credit") == ["Mikhail Pochuev/TASS"]
    # the bulleted reader comments run to the end of the text, as one removal
    (comments,) = removed_by(c, "comments")
    assert comments.lstrip().startswith("• You can call me Al")
    assert raw.endswith(comments)
    for gone in ("God bless you Russia", "AM Hants", "kalext79", "Make it round", "USA-NATO-Israel"):
        assert gone not in c.text
    # the relay line and the whole article body stay
    assert "The Russian news agency TASS reports (source):" in c.text
    assert c.text.endswith("as well as over 19,000 buildings and 1,500 km of roads.")
    assert c.title == "About 87,000 Militants Eliminated With Assistance Of Russian Forces In Syria: Kremlin"
    # "TASS reports" in the body is a relay for extraction, not a byline
    assert c.byline is None


# --------------------------------------------------------------------------- seed 004


def test_seed_004_press_tv() -> None:
    raw = seed(4)
    c = clean_text(raw, EN)
    check_invariants(raw, c)
    assert [r.reason for r in c.removed] == [
        "navigation", "caption", "caption", "caption", "footer", "share bar", "footer"]
    assert removed_by(c, "navigation") == ["News \xa0 / \xa0 Russia"]
    captions = removed_by(c, "caption")
    assert captions[0].startswith("This photo provided by") and captions[0].endswith("(Photo via AP)")
    assert captions[1].startswith("In this photo provided by") and captions[1].endswith("(Photo by AP)")
    assert captions[2].startswith("People inspect the damage") and captions[2].endswith("(Photo by Reuters)")
    footer = removed_by(c, "footer")
    assert footer[0].startswith("Press TV’s website can also be accessed") and footer[0].endswith("www.presstv.co.uk")
    assert footer[1] == "Press TV News Roku"
    assert removed_by(c, "share bar") == ["SHARE THIS ARTICLE"]
    for gone in ("Photo", "Hmeimim", "People inspect", "presstv", "SHARE", "Roku"):
        assert gone not in c.text
    # the statistic subhead is content
    assert "\n5,500 militant positions hit since start of 2017\n" in c.text
    assert c.title == "Russia rejects accusations of airstrikes on Syria’s Idlib"
    # NBSPs became plain spaces and doubled spaces collapsed
    assert 'adding, "Any information' in c.text
    assert c.text.endswith("have made sweeping gains against Takfiri elements.")
    # every footer piece sits at the very end of the cleaned text
    assert all(r.at == len(c.text) for r in c.removed[-3:])


# --------------------------------------------------------------------------- all seeds


@pytest.mark.parametrize("n", sorted(SEED_NAMES))
def test_seed_cleaning_is_deterministic_and_idempotent(n: int) -> None:
    # same input -> same text, removals and doc_id; cleaning clean text changes nothing
    raw = seed(n)
    a, b = clean_text(raw, EN), clean_text(raw, EN)
    assert a == b
    again = clean_text(a.text, EN)
    assert again.text == a.text and again.removed == ()
    rec = RawRecord(raw=raw, source_path=SEED_NAMES[n])
    assert to_document(rec, EN).doc_id == to_document(rec, EN).doc_id == doc_id_for(a.text)


@pytest.mark.parametrize("n", sorted(SEED_NAMES))
def test_at_points_where_the_removed_text_stood(n: int) -> None:
    # cutting the cleaned text at `at` splits it into what came before and after the removal
    raw = seed(n)
    c = clean_text(raw, EN)
    for r in c.removed:
        before = clean_text(raw[:r.start], EN).text
        assert c.text[:r.at].rstrip() == before[:r.at].rstrip()


def test_line_endings_and_spaces_do_not_change_the_document() -> None:
    # CRLF, CR and NBSP spellings of one article are one document (doc_id hashes cleaned text)
    raw = seed(0)
    variants = [raw.replace("\n", "\r\n"), raw.replace("\n", "\r"), raw.replace(" ", "\xa0"),
                "\n\n  " + raw + "  \n\n\n"]
    base = clean_text(raw, EN)
    for v in variants:
        c = clean_text(v, EN)
        check_invariants(v, c)
        assert c.text == base.text
        assert [r.reason for r in c.removed] == [r.reason for r in base.removed]


# --------------------------------------------------------------------------- FA-KES


def test_fakes_rows_invariants_and_what_is_removed() -> None:
    # the rules run on 804 one-paragraph articles: slices stay verbatim, and only small,
    # unambiguous pieces go (a credit, a share bar, a site footer, a repeated headline)
    rows = fakes_rows()
    assert len(rows) == 804
    lost = 0
    captions = 0
    for row in rows:
        raw = row["article_content"]
        c = clean_text(raw, EN, title=row["article_title"])
        check_invariants(raw, c)
        lost += sum(r.end - r.start for r in c.removed if r.reason not in ("footer", "caption"))
        for r in c.removed:
            if r.reason == "caption":
                # TRT's dated captions closed by its "and Agencies" credit, or a photo caption
                # sentence that ends with the date the picture was taken
                assert r.text.endswith("(TRT World and Agencies)") or re.search(r" \d{4}\.$", r.text)
                assert len(r.text) < 400
                captions += 1
        assert len(c.text) > 0.5 * len(raw.strip())
    assert lost < 2000  # a handful of credits and share bars in the whole corpus
    assert captions < 70


def test_fakes_dated_photo_captions() -> None:
    # a picture's caption that a page ran into the story goes; a date in prose stays
    rows = {row["unit_id"]: row for row in fakes_rows()}

    def removed(unit: str) -> list[str]:
        row = rows[unit]
        return [r.text for r in clean_text(row["article_content"], EN, title=row["article_title"]).removed if r.reason == "caption"]

    assert (
        "Residents inspect a damaged site after airstrikes on a market in the rebel controlled city of Idlib September 10 2016."
        in removed("1924058092")
    )
    # "Published July 19 2016" before the caption is the article's date header, and stays
    assert removed("1918398799")[0].startswith("A Syria Democratic Forces (SDF) fighter walks")
    # "... with completion of destruction not later than 30 June 2014." is the OPCW's timetable
    assert removed("1926479298") == []
    row = rows["1926479298"]
    assert "not later than 30 June 2014." in clean_text(row["article_content"], EN, title=row["article_title"]).text


def test_fakes_inline_boilerplate() -> None:
    # "(AFP Photo)" credits, "Print Tweet Views N" and the TRT footer inside one-line texts
    rows = fakes_rows()
    by_reason: dict[str, list[str]] = {}
    for row in rows:
        for r in clean_text(row["article_content"], EN, title=row["article_title"]).removed:
            by_reason.setdefault(r.reason, []).append(r.text)
    assert "(AFP Photo)" in by_reason["photo credit"]
    assert "(Reuters Photo)" in by_reason["photo credit"]
    assert "Print Tweet Views 729" in by_reason["share bar"]
    assert "Our Standards:The Thomson Reuters Trust Principles." in by_reason["footer"]
    assert any(f.startswith("Follow us on Instagram.") and f.endswith("Cookie Policy") for f in by_reason["footer"])
    assert "Double bomb attack kills 31 in Syrian Kurdish city state TV" in by_reason["repeated headline"]


# --------------------------------------------------------------------------- generic rules


BODY = ("Airstrikes killed 12 people in Idlib on Monday, the Syrian Observatory for Human Rights said.\n\n"
        "The ministry denied the report, saying its jets had not flown over the province.")


@pytest.mark.parametrize(("line", "reason"), [
    # share bars in their usual spellings
    ("SHARE THIS ARTICLE", "share bar"),
    ("Share this:", "share bar"),
    ("Share on Facebook Share on Twitter", "share bar"),
    ("Tweet", "share bar"),
    ("Follow us on Telegram", "share bar"),
    # captions and credits
    ("Photo: Reuters", "photo credit"),
    ("(AFP Photo)", "photo credit"),
    ("Getty Images", "photo credit"),
    ("Reuters/Omar Sanadiki", "photo credit"),
    ("AFP / Getty Images", "photo credit"),
    ("A picture taken on April 5, 2017 shows smoke rising over Khan Sheikhoun.", "caption"),
    ("Syrian civil defence workers search the rubble in Idlib. (AFP Photo)", "caption"),
    ("Photo: Syrian civil defence workers search the rubble of a building in Idlib.", "caption"),
    # related links
    ("Read more: Russia denies strikes on Idlib", "related link"),
    ("READ MORE: Russia denies strikes on Idlib", "related link"),
    ("See also: Who is fighting whom in Syria", "related link"),
    ("Related articles", "related link"),
    # footers
    ("© 2021 Example News. All rights reserved.", "footer"),
    ("Copyright 2018 TRT World.", "footer"),
    ("Sign up for our newsletter", "footer"),
    ("This site can also be accessed at the following mirror sites:", "footer"),
    # navigation
    ("Home › World › Middle East", "navigation"),
    ("News / Syria", "navigation"),
    ("Latest news", "navigation"),
])
def test_generic_boilerplate_line(line: str, reason: str) -> None:
    # each pattern is generic: the same line between two article paragraphs is removed
    raw = BODY.replace("\n\n", f"\n\n{line}\n\n")
    c = clean_text(raw, EN)
    check_invariants(raw, c)
    assert [(r.reason, r.text) for r in c.removed] == [(reason, line)]
    assert c.text == BODY


@pytest.mark.parametrize("line", [
    # article sentences that only look like boilerplate must stay
    "Photos show the destroyed building, activists said on Tuesday.",
    "The photo was taken in 2015 (the ministry said) and shows a Su-25 jet.",
    "Comments by the minister drew an angry response from Damascus on Monday.",
    "By Friday all but one of the villages had been recaptured by the rebels.",
    "Russia shared the footage on Twitter, saying the strikes hit militant positions.",
    "Follow-up strikes hit the same area on Tuesday, the monitor said.",
    "5,500 militant positions hit since start of 2017",
    "Russian military operation in Syria",
    "Subscribers to the group's channel said 26 people had been killed in the strikes.",
    "Source: the Syrian Observatory for Human Rights",
])
def test_body_lines_are_kept(line: str) -> None:
    raw = BODY.replace("\n\n", f"\n\n{line}\n\n")
    c = clean_text(raw, EN)
    assert c.removed == ()
    assert line in c.text


def test_comments_heading_removes_everything_after_it() -> None:
    # "N comments" after the article starts the comment section: it and all that follows go
    raw = BODY + "\n\n12 comments\n\nGreat piece, thanks for writing it, everyone should read this.\n\nAgreed."
    c = clean_text(raw, EN)
    assert [r.reason for r in c.removed] == ["comments"]
    assert c.removed[0].text.startswith("12 comments") and raw.endswith(c.removed[0].text)
    assert c.text == BODY


def test_comments_link_before_the_article_does_not_swallow_it() -> None:
    # a "Leave a comment" link at the top is only that line, never the article below it
    raw = "Leave a comment\n\n" + BODY
    c = clean_text(raw, EN)
    assert [(r.reason, r.text) for r in c.removed] == [("comments", "Leave a comment")]
    assert c.text == BODY


def test_bulleted_list_in_the_body_is_not_a_comment_section() -> None:
    # bullets with no indented comment under them are an article list
    raw = BODY + "\n\nFigures reported on Monday:\n\n• 26 killed\n• 10 civilians\n• 30 wounded"
    c = clean_text(raw, EN)
    assert c.removed == ()
    assert "• 10 civilians" in c.text


def test_repeated_headline_keeps_the_first() -> None:
    # pages often print the headline twice (title bar and article): keep the first only
    raw = "Strikes kill 12 in Idlib\n\nBy AFP\n\n# Strikes kill 12 in Idlib\n\n" + BODY
    c = clean_text(raw, EN)
    assert [(r.reason, r.text) for r in c.removed] == [("repeated headline", "# Strikes kill 12 in Idlib")]
    assert c.text.count("Strikes kill 12 in Idlib") == 1
    assert c.title == "Strikes kill 12 in Idlib"


def test_given_title_is_used_and_its_repeat_removed() -> None:
    # a reader's title (HTML metadata, CSV column) wins; its later repeat goes
    raw = "Strikes kill 12 in Idlib\n\n" + BODY + "\n\nStrikes kill 12 in Idlib"
    c = clean_text(raw, EN, title="Strikes  kill 12 in Idlib")
    assert c.title == "Strikes kill 12 in Idlib"
    assert [r.reason for r in c.removed] == ["repeated headline"]


def test_normalisation() -> None:
    # CRLF/CR -> LF, odd spaces -> space, 3+ blank lines -> one, edges stripped, not recorded
    raw = "\r\n\r\n  First\u2009paragraph\xa0here.\r\n\r\n\r\n\r\nSecond\u3000one.\rThird line.  \n\n"
    c = clean_text(raw, EN)
    assert c.text == "First paragraph here.\n\nSecond one.\nThird line."
    assert c.removed == ()


def test_markdown_visible_text_is_kept() -> None:
    # heading marks, bold, [text](url) links and <url> autolinks keep their visible text
    raw = "## Strikes in Idlib\n\nThe **Defense Ministry** said [in a statement](https://x.test/s) that " \
          "details are at <https://mil.ru/report>."
    c = clean_text(raw, EN)
    assert c.text == "Strikes in Idlib\n\nThe Defense Ministry said in a statement that details are at " \
                     "https://mil.ru/report."
    assert c.removed == ()


def test_inline_credit_in_a_long_paragraph_removes_only_the_credit() -> None:
    # a one-paragraph text with a credit inside: the credit goes, the sentences stay
    raw = ("A boy cries on the rubble in Aleppo on July 21 2015. (AFP Photo) At least 18 civilians were "
           "killed on Tuesday when a missile struck a rebel-held neighborhood, a monitoring group said.")
    c = clean_text(raw, EN)
    assert [(r.reason, r.text) for r in c.removed] == [("photo credit", "(AFP Photo)")]
    assert c.text == raw.replace(" (AFP Photo)", "")
    assert c.text[c.removed[0].at - 1:c.removed[0].at + 3] == ". At"


@pytest.mark.parametrize(("first", "agency"), [
    ("By AFP", "AFP"),
    ("By [AFP](#)", "AFP"),
    ("By Reuters", "Reuters"),
    ("(AFP)", "AFP"),
    ("By Tom Perry, Reuters", "Reuters"),
    ("BEIRUT (Reuters) - Airstrikes hit Idlib on Monday.", "Reuters"),
])
def test_byline(first: str, agency: str) -> None:
    # a wire agency in a byline line near the top, as a span of the cleaned text
    raw = f"Strikes kill 12 in Idlib\n\n{first}\n\n{BODY}"
    c = clean_text(raw, EN)
    assert c.byline is not None
    assert c.byline.text == agency == c.text[c.byline.start:c.byline.end]


def test_no_byline_without_a_byline_line() -> None:
    # an agency named inside a sentence is not a byline
    c = clean_text("Strikes kill 12 in Idlib\n\nThe Syrian Arab News Agency (SANA) said 12 were killed, AFP reported.", EN)
    assert c.byline is None


# --------------------------------------------------------------------------- to_document


def test_to_document_copies_metadata() -> None:
    rec = RawRecord(raw=seed(0), source_path="seeds/000.txt", source_id="s0", url="https://x.test/0",
                    outlet="The Moscow Times", published="2021-04-20", title=None,
                    warnings=("invalid UTF-8 decoded with replacement characters (1 bytes)",))
    doc = to_document(rec, EN)
    c = clean_text(rec.raw, EN)
    assert doc.text == c.text and doc.doc_id == doc_id_for(c.text)
    assert doc.removed == c.removed and doc.byline == c.byline and doc.title == c.title
    assert (doc.source_path, doc.source_id, doc.url, doc.outlet, doc.published) == (
        "seeds/000.txt", "s0", "https://x.test/0", "The Moscow Times", "2021-04-20")
    assert doc.published_from == "metadata"
    assert doc.warnings == rec.warnings


def test_to_document_without_date_and_with_title() -> None:
    doc = to_document(RawRecord(raw=BODY, title="Strikes kill 12 in Idlib", kind="extracted"), EN)
    assert doc.published is None and doc.published_from is None
    assert doc.title == "Strikes kill 12 in Idlib"


def test_to_document_of_pure_boilerplate_has_empty_text() -> None:
    # nothing left after cleaning: to_document does not raise (the pipeline reports the record
    # as EmptyInput); what was dropped is still accounted for in `removed`
    raw = "SHARE THIS ARTICLE\n\nGetty Images\n"
    doc = to_document(RawRecord(raw=raw, source_path="x.txt"), EN)
    assert doc.text == ""
    assert [(r.reason, r.text) for r in doc.removed] == [("share bar", "SHARE THIS ARTICLE"),
                                                        ("photo credit", "Getty Images")]


# --------------------------------------------------------------------------- property


FRAGMENTS = st.sampled_from([
    "\n", "\r\n", "\r", "\n\n\n", " ", "\xa0", "\u2009", "\u200b", "\ufeff", "\t", "# ", "**", "[", "](#)",
    "<https://x.test/a>", "(AFP Photo)", "(Photo via AP)", "Getty Images", "Mikhail Pochuev/TASS",
    "SHARE THIS ARTICLE", "Related article:", "Original url:", "© 2021", "  • Name\n\n    comment\n",
    "12 comments", "News / Russia", "By AFP", "MOSCOW, December 23. /TASS/.", "Print Tweet Views 12",
    "Follow us on Instagram. Copyright 2018 X.", "Strikes kill 12 in Idlib",
    "Airstrikes killed 12 people in Idlib on Monday, the monitor said.", ".", "/", "(", ")",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=40), st.one_of(st.none(), st.text(max_size=40)))
def test_clean_never_crashes_and_removals_are_verbatim(parts: list[str], title: str | None) -> None:
    # arbitrary text, salted with boilerplate and markup: no exception, and every invariant
    raw = "".join(parts)
    c = clean_text(raw, EN, title=title)
    check_invariants(raw, c)
    assert clean_text(raw, EN, title=title) == c  # deterministic


def test_every_agency_of_the_one_list_names_a_byline() -> None:
    # NNA (Lebanon's National News Agency) was known to dateline reading but not to bylines;
    # the agencies are one list now, and a dateline crediting NNA names the byline
    c = clean_text("BEIRUT (NNA) - Jets struck the outskirts of the town on Monday.", EN)
    assert c.byline is not None and c.byline.text == "NNA"

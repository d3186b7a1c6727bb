"""No module outside knowledge/ keeps a word list of its own: the words of a language live in its
lexicon (knowledge/lexicon), and the stages are handed them.

A word list is a tuple, list, set or frozenset of three or more lower-case words, a dict with three
or more such keys, a ``"...".split()`` of three or more words, or a regex alternation of three or
more words ("north|south|east").  Not words: spaCy's labels ("nsubj", "pobj"), the values of a
``Literal`` type anywhere in the package (names such as event types, measures, reasons: the same
in every language), ``__all__``, docstrings, the tuples and dicts of the modules that write
formats (columns of an export, members of a JSON record) and a few schema tuples listed below
with the reason.  The check reads the source, so it is
only as good as these rules; it fails with every offending line listed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from spacy import glossary

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "counterclaim"
#: the modules that hold the words (the lexicon) or the spelling rules of Arabic place names
KNOWLEDGE = ("knowledge/lexicon/", "knowledge/gazetteer/")
#: the modules that write formats: their tuples and dicts name columns, members and tables, not
#: words of a language (their regexes are still checked)
FORMATS = ("export/", "web/", "ledger/", "cli.py")
#: tuples of names, not of words, elsewhere: (module, first name) and why
SCHEMA = {
    ("evaluate/fakes.py", "aleppo"): "FA-KES's location labels (values of the data set)",
    ("group/dedup.py", "jaccard"): "parameter names",
    ("group/states.py", "time"): "grouping key names",
    ("group/states.py", "incident_id"): "state field names",
    ("group/states.py", "types"): "state field names",
    ("group/states.py", "compare"): "parameter names",
    ("read/inputs.py", "outlet"): "metadata field names",
    ("resolve/times.py", "num"): "the slot names of a time template",
    ("resolve/places.py", "city"): "gazetteer entry kinds",
    ("resolve/places.py", "neighbourhood"): "curated gazetteer features",
}

_WORD = re.compile(r"^[a-z][a-z'’.-]*(?: [a-z][a-z'’.-]*)*$")
#: one alternative of a regex that is a word or phrase: "north", "north-?east", "countr(?:y|ies)"
#: are caught by their plain alternatives; "per\s+cent", "suburbs?" count as words
_ALT_WORD = re.compile(r"^[a-z][a-z'’-]*\??(?:(?:\\s[+*]|\s)[a-z][a-z'’-]*\??)*$", re.I)
_ALTERNATIVES = re.compile(r"(?<![\\])[(|]((?:[^()|\\]|\\.)*)(?=[|)])")


def _exempt_words() -> set[str]:
    words = {k for k in glossary.GLOSSARY} | {k.lower() for k in glossary.GLOSSARY}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
                words |= {c.value for c in ast.walk(node.slice) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return words


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            out.add(id(body[0].value))
    return out


def _words(values: list[object], exempt: set[str]) -> list[str]:
    return [v for v in values if isinstance(v, str) and len(v) > 1 and _WORD.match(v) and v not in exempt]


def _alternation_words(text: str) -> list[str]:
    """The plain-word alternatives of the regex alternations in ``text``."""
    if "|" not in text:
        return []
    flat = re.sub(r"\(\?(?:[:=!]|<[=!]|[aiLmsux-]+:)", "(", text)  # groups as plain parentheses
    flat = flat.replace(r"\b", "")
    return [a for a in _ALTERNATIVES.findall("(" + flat + ")") if _ALT_WORD.match(a.strip()) and len(a.strip()) > 1]


def _offences(rel: str, tree: ast.AST, exempt: set[str]) -> list[str]:
    docs = _docstrings(tree)
    found: list[str] = []

    def report(node: ast.AST, kind: str, words: list[str], first: object = None) -> None:
        if (rel, first) in SCHEMA or (first is not None and rel.startswith(FORMATS)):
            return
        found.append(f"{rel}:{getattr(node, 'lineno', '?')}: {kind} {words[:6]}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            for c in ast.walk(node.value):
                docs.add(id(c))
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
            continue
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant) and id(e) not in docs]
            words = _words(values, exempt)
            if len(words) >= 3:
                report(node, "word list", words, values[0])
        elif isinstance(node, ast.Dict):
            values = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            words = _words(values, exempt)
            if len(words) >= 3:
                report(node, "word table", words, values[0])
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
        ):
            values = node.func.value.value.split()
            words = _words(values, exempt)
            if len(words) >= 3:
                report(node, "word list", words, values[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            words = [w for w in _alternation_words(node.value) if w.lower() not in exempt]
            if len(words) >= 3:
                report(node, "regex alternation of words", words)
    return sorted(found, key=lambda f: int(f.split(":")[1]))


def test_no_module_outside_knowledge_keeps_a_word_list() -> None:
    exempt = _exempt_words()
    offences: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(KNOWLEDGE):
            continue
        offences += _offences(rel, ast.parse(path.read_text(encoding="utf-8")), exempt)
    assert not offences, "word lists outside knowledge/lexicon:\n" + "\n".join(offences)


def test_the_check_finds_a_word_list_and_a_word_alternation() -> None:
    """The rules themselves: a word list, a split, a word table and a word alternation are found;
    digits, punctuation, spaCy labels and Literal names are not."""
    exempt = _exempt_words()
    source = '''
WORDS = ("north", "south", "east")
SPLIT = frozenset("kill die wound".split())
TABLE = {"one": 1, "two": 2, "three": 3}
RX = r"\\b(?:province|governorate|countryside)\\b"
DEPS = ("nsubj", "dobj", "pobj")
DIGITS = r"(?:[12]\\d|3[01]|0?[1-9])"
PUNCT = r"\\s*[-–—|]\\s*"
NAMES = ("killed", "wounded", "destroyed")
'''
    found = _offences("x.py", ast.parse(source), exempt)
    assert [f.split(":")[1] for f in found] == ["2", "3", "4", "5"]

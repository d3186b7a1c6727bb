"""Hand-checked sets of who did it and how many: how often the tool's first answer is right.

``hand_checked/perpetrators.toml``: sentences quoted from the bundled corpora, each with the
perpetrator a careful reader codes from the sentence alone (or none).  Each sentence is read as a
document of its own; the answer is the perpetrator of its first claim.  It is right when its
actors stand for the same sides as the coded ones (the registry's :meth:`Registry.side`, a state's
bodies and forces being one side), and wrong when it answers otherwise (or answers where the coded
answer is none).

``hand_checked/tolls.toml``: FA-KES articles, each with the killed figure of its main event as a
coder reads it in the title and lead.  The answer is the first killed figure of the article in
reading order; it is right when the figure is the coded number (or the coded vague word, or no
figure where the coded answer is "none").

Run ``python -m tests.accuracy.hand_scoring`` to print both, with every miss.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from counterclaim.group.tolls import quantity_reading
from counterclaim.knowledge.actors import Registry
from counterclaim.knowledge.lexicon import DEFAULT_LANGUAGE, lexicon_for
from counterclaim.model import Claim, Quantity, RawRecord
from counterclaim.pipeline import Extractor

HERE = Path(__file__).parent / "hand_checked"


@dataclass
class Score:
    cases: int = 0
    right: int = 0
    answered: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def right_share(self) -> float:
        return self.right / self.cases if self.cases else 0.0

    @property
    def wrong_share(self) -> float:
        """Of the answers given, the share that is wrong."""
        return self.wrong / self.answered if self.answered else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: right {self.right}/{self.cases} = {self.right_share:.3f}; "
                f"wrong {self.wrong}/{self.answered} answers = {self.wrong_share:.3f}")


def _cases(name: str) -> list[dict[str, object]]:
    return list(tomllib.loads((HERE / name).read_text(encoding="utf-8"))["case"])


def _sides(registry: Registry, names: list[str]) -> frozenset[str]:
    return frozenset(registry.side(n) for n in names)


def perpetrator_names(claim: Claim | None) -> list[str]:
    p = claim.perpetrator if claim is not None else None
    if p is None:
        return []
    if p.actors:
        return list(p.actors)
    return [p.actor or p.text]


def score_perpetrators(extractor: Extractor) -> Score:
    registry = extractor.resources.registry
    cases = _cases("perpetrators.toml")
    records = [RawRecord(raw=str(c["text"]), source_id=str(i), kind="extracted") for i, c in enumerate(cases)]
    got: dict[int, list[str]] = {}
    for result in extractor.run(records):
        i = int(result.label.rsplit("#", 1)[1])
        got[i] = perpetrator_names(result.claims[0] if result.claims else None)
    score = Score()
    for i, case in enumerate(cases):
        expected = [str(a) for a in case["actors"]]  # type: ignore[attr-defined]
        answer = got.get(i, [])
        score.cases += 1
        if answer:
            score.answered += 1
        ok = _sides(registry, answer) == _sides(registry, expected)
        if ok and answer:
            score.right += 1
        elif ok:
            score.right += not expected
        if answer and not ok:
            score.wrong += 1
        if not ok:
            score.misses.append(f"{case['source']}: want {expected or 'none'}, got {answer or 'none'}: {case['text']}")
    return score


def first_killed(claims: list[Claim]) -> Quantity | None:
    """The killed figure of the first claim that gives one, in reading order: its largest
    ("six civilians including a child were among at least 22 people killed" is 22, as the
    claim's toll is), never a total over a wider window (no event's toll)."""
    lex = lexicon_for(DEFAULT_LANGUAGE)
    for c in claims:
        killed = [(quantity_reading(q, lex), q) for q in c.quantities if q.measure == "killed" and not q.aggregate]
        read = [(r[1], -k, q) for k, (r, q) in enumerate(killed) if r is not None]
        if read:
            return max(read, key=lambda x: (x[0], x[1]))[2]
        if killed:
            return killed[0][1]
    return None


def _matches(q: Quantity | None, want: str) -> bool:
    if want == "none":
        return q is None
    if q is None:
        return False
    if want.isdigit():
        return q.value is not None and q.value == float(want)
    return q.bound == "vague" and want in q.text.lower()


def score_tolls(extractor: Extractor, fakes: Path) -> Score:
    cases = {str(c["unit_id"]): c for c in _cases("tolls.toml")}
    records: list[RawRecord] = []
    with open(fakes, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["unit_id"] in cases:
                records.append(RawRecord(raw=row["article_content"], source_path=str(fakes), source_id=row["unit_id"],
                                         title=row.get("article_title") or None, outlet=row.get("source") or None,
                                         kind="extracted"))
    score = Score()
    for result in extractor.run(records):
        uid = result.label.rsplit("#", 1)[1]
        want = str(cases[uid]["killed"])
        q = first_killed(list(result.claims))
        score.cases += 1
        if q is not None:
            score.answered += 1
        if _matches(q, want):
            score.right += 1
        else:
            score.wrong += q is not None
            score.misses.append(f"{uid}: want {want}, got {q.text if q else 'none'} ({cases[uid]['note']})")
    return score


def main() -> None:
    from ..conftest import FAKES

    extractor = Extractor()
    for name, score in (("perpetrator", score_perpetrators(extractor)), ("first killed figure", score_tolls(extractor, FAKES))):
        print(score.line(name))
        for m in score.misses:
            print("   ", m)


if __name__ == "__main__":
    main()

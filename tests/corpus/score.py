"""Score kg's extractor against the hand-annotated article corpus in this folder.

Run ``.venv/bin/python tests/corpus/score.py`` (``-v`` lists every failed check) for per-article and overall
counts of expectations met; ``tests/test_extract_corpus.py`` runs the same checks one by one under pytest.

Each article ``NN_name.txt`` (front matter + body, all synthetic: the people, quotes and events are written
for this corpus, with real public figures in half of the pieces) has ``NN_name.expected.json`` beside it::

    {"actors":      [{"label": "Jerome Powell", "type": "Person",
                      "also_labels": ["…"],          # other labels a registry may use; any one matches
                      "aliases_seen": ["Powell"]}],  # surface forms that must be mentions of this actor
     "not_actors":  ["Read More"],                   # no actor may carry this label
     "statements":  [{"speaker": "Jerome Powell",    # label (or also_label) of the speaker's actor
                      "contains": "inflation remains", "kind": "quote" | "kind_in": [...],
                      "date": "2024-03-20", "medium": "press-conference"}],
     "not_statements": ["down payment"],             # no statement text may contain this
     "meetings":    [{"participants_include": ["…"], "kind_in": ["visit", "meeting"],
                      "status": "planned" | "status_in": [...],
                      "start": "2024-04-02" | "start_prefix": "2024-04", "place": "Oslo"}],
     "predictions": [{"contains": "raise rates", "predictor": "author" | "Label" | ["author", "Label"],
                      "probability_between": [0.55, 0.8],
                      "deadline": "2024-03-31" | "deadline_prefix": "2024-03", "polarity": "positive"}],
     "not_predictions": ["Will the Fed blink?"]}    # no prediction text may contain (or be part of) this

Every field but the matching key (label, contains, participants_include) is optional. Text is compared
case-insensitively, with curly quotes folded to straight ones and runs of white space to one space.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
SECTIONS = ("actors", "statements", "meetings", "predictions")
TRAPS = ("not_actors", "not_statements", "not_predictions")
KEYS = {
    "actors": {"label", "type", "also_labels", "aliases_seen"},
    "statements": {"speaker", "contains", "kind", "kind_in", "date", "medium"},
    "meetings": {"participants_include", "kind_in", "status", "status_in", "start", "start_prefix", "place"},
    "predictions": {
        "contains",
        "predictor",
        "probability_between",
        "deadline",
        "deadline_prefix",
        "polarity",
    },
}


@dataclass(frozen=True)
class Check:
    """One expectation about one article."""

    article: Path
    section: str  # one of SECTIONS or TRAPS
    index: int
    expected: Any
    expectations: dict[str, Any]

    @property
    def id(self) -> str:
        key = self.expected if isinstance(self.expected, str) else _key(self.section, self.expected)
        return f"{self.article.stem}:{self.section}[{self.index}]:{key[:40]}"


@dataclass
class Outcome:
    """Whether a check passed, and why not."""

    ok: bool
    message: str = ""


def articles() -> list[Path]:
    """The corpus articles, in order."""
    return sorted(CORPUS.glob("[0-9][0-9]_*.txt"))


def expectations(article: Path) -> dict[str, Any]:
    """The expectations file next to ``article``."""
    return json.loads(article.with_name(article.stem + ".expected.json").read_text(encoding="utf-8"))


def checks(article: Path) -> list[Check]:
    """Every check of one article: the expected records, then the traps."""
    exp = expectations(article)
    return [
        Check(article, section, i, item, exp)
        for section in (*SECTIONS, *TRAPS)
        for i, item in enumerate(exp.get(section, []))
    ]


_FOLD = str.maketrans("‘’“”—–", "''\"\"--")


def norm(text: str) -> str:
    """Fold case, curly quotes and white space, for robust containment tests."""
    text = text.translate(_FOLD)
    return re.sub(r"\s+", " ", text).strip().casefold()


def extract(article: Path) -> Any:
    """Read one corpus article and run kg's extractor on it (imported here, so its absence is reported)."""
    from kg.articles import read_article
    from kg.extract import extract as run  # the extractor under test

    return run(read_article(article))


def evaluate(check: Check, records: Any) -> Outcome:
    """Judge one check against the records extracted from its article."""
    judge: Callable[[Check, Any], Outcome] = _JUDGES[check.section]
    return judge(check, records)


# -- judges -------------------------------------------------------------------------------------------------


def _labels(name: str, exp: dict[str, Any]) -> set[str]:
    """Labels that count as the actor an expectation names."""
    for a in exp.get("actors", []):
        if norm(a["label"]) == norm(name):
            return {norm(x) for x in [a["label"], *a.get("also_labels", [])]}
    return {norm(name)}


def _label_of(records: Any, actor_id: str | None) -> str:
    if actor_id is None:
        return "(nobody)"
    if actor_id == "author":
        return "author"
    actor = records.actor(actor_id)
    return actor.label if actor else f"(unknown id {actor_id})"


def _is(records: Any, actor_id: str | None, name: str, exp: dict[str, Any]) -> bool:
    if name == "author":
        return actor_id == "author" or (
            actor_id is not None
            and records.article.author is not None
            and norm(_label_of(records, actor_id)) == norm(records.article.author)
        )
    return norm(_label_of(records, actor_id)) in _labels(name, exp)


def _actor(check: Check, records: Any) -> Outcome:
    e = check.expected
    wanted = _labels(e["label"], check.expectations)
    found = [a for a in records.actors if norm(a.label) in wanted]
    if not found:
        labels = ", ".join(sorted(a.label for a in records.actors)) or "none"
        return Outcome(False, f"no actor labelled {e['label']!r} (actors found: {labels})")
    problems = []
    if "type" in e and not any(a.type == e["type"] for a in found):
        problems.append(f"type is {found[0].type}, expected {e['type']}")
    mentions = {norm(m.text).removesuffix("'s") for a in found for m in a.mentions}
    missing = [alias for alias in e.get("aliases_seen", []) if norm(alias) not in mentions]
    if missing:
        problems.append(f"mention(s) {missing} not resolved to it (its mentions: {sorted(mentions)})")
    return _verdict(f"actor {e['label']!r}", problems)


def _contains(phrase: str, *texts: str) -> bool:
    return any(norm(phrase) in norm(t) for t in texts)


def _statement(check: Check, records: Any) -> Outcome:
    e = check.expected
    hits = [s for s in records.statements if _contains(e["contains"], s.text, s.span.text)]
    if not hits:
        return Outcome(
            False, f"no statement contains {e['contains']!r} ({len(records.statements)} statements)"
        )
    by_speaker = [s for s in hits if _is(records, s.speaker, e["speaker"], check.expectations)]
    if not by_speaker:
        speakers = sorted({_label_of(records, s.speaker) for s in hits})
        return Outcome(
            False, f"statement {e['contains']!r} is attributed to {speakers}, not {e['speaker']!r}"
        )
    return _best(f"statement {e['contains']!r}", by_speaker, lambda s: _statement_problems(e, s))


def _statement_problems(e: dict[str, Any], s: Any) -> list[str]:
    problems = []
    if "kind" in e and s.kind != e["kind"]:
        problems.append(f"kind is {s.kind}, expected {e['kind']}")
    if "kind_in" in e and s.kind not in e["kind_in"]:
        problems.append(f"kind is {s.kind}, expected one of {e['kind_in']}")
    if "date" in e and s.date != e["date"]:
        problems.append(f"date is {s.date}, expected {e['date']}")
    if "medium" in e and _medium(s.medium) != _medium(e["medium"]):
        problems.append(f"medium is {s.medium}, expected {e['medium']}")
    return problems


def _medium(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r"[\s_]+", "-", value.strip().lower()).removeprefix("kgc:").removeprefix("medium-")


def _meeting(check: Check, records: Any) -> Outcome:
    e = check.expected
    names = e["participants_include"]

    def has_all(m: Any) -> bool:
        ids = [*m.participants, *([m.host] if m.host else [])]
        return all(any(_is(records, i, n, check.expectations) for i in ids) for n in names)

    hits = [m for m in records.meetings if has_all(m)]
    if not hits:
        seen = [sorted(_label_of(records, i) for i in m.participants) for m in records.meetings]
        return Outcome(False, f"no meeting with participants {names} (meetings found: {seen or 'none'})")
    return _best(f"meeting of {names}", hits, lambda m: _meeting_problems(e, m))


def _meeting_problems(e: dict[str, Any], m: Any) -> list[str]:
    problems = []
    if "kind_in" in e and m.kind not in e["kind_in"]:
        problems.append(f"kind is {m.kind}, expected one of {e['kind_in']}")
    if "status" in e and m.status != e["status"]:
        problems.append(f"status is {m.status}, expected {e['status']}")
    if "status_in" in e and m.status not in e["status_in"]:
        problems.append(f"status is {m.status}, expected one of {e['status_in']}")
    if "start" in e and m.start != e["start"]:
        problems.append(f"start is {m.start}, expected {e['start']}")
    if "start_prefix" in e and not (m.start or "").startswith(e["start_prefix"]):
        problems.append(f"start is {m.start}, expected {e['start_prefix']}…")
    if "place" in e and not (m.place and norm(e["place"]) in norm(m.place)):
        problems.append(f"place is {m.place}, expected {e['place']}")
    return problems


def _prediction(check: Check, records: Any) -> Outcome:
    e = check.expected
    hits = [p for p in records.predictions if _contains(e["contains"], p.text, p.span.text)]
    if not hits:
        return Outcome(
            False, f"no prediction contains {e['contains']!r} ({len(records.predictions)} predictions)"
        )
    return _best(f"prediction {e['contains']!r}", hits, lambda p: _prediction_problems(check, records, p))


def _prediction_problems(check: Check, records: Any, p: Any) -> list[str]:
    e = check.expected
    problems = []
    if "predictor" in e:
        names = e["predictor"] if isinstance(e["predictor"], list) else [e["predictor"]]
        if not any(_is(records, p.predictor, n, check.expectations) for n in names):
            problems.append(f"predictor is {_label_of(records, p.predictor)!r}, expected {e['predictor']!r}")
    if "probability_between" in e:
        lo, hi = e["probability_between"]
        if p.probability is None or not lo <= p.probability <= hi:
            problems.append(f"probability is {p.probability}, expected within [{lo}, {hi}]")
    if "deadline" in e and p.deadline != e["deadline"]:
        problems.append(f"deadline is {p.deadline}, expected {e['deadline']}")
    if "deadline_prefix" in e and not (p.deadline or "").startswith(e["deadline_prefix"]):
        problems.append(f"deadline is {p.deadline}, expected {e['deadline_prefix']}…")
    if "polarity" in e and p.polarity != e["polarity"]:
        problems.append(f"polarity is {p.polarity}, expected {e['polarity']}")
    return problems


def _trap(texts: Callable[[Any], Iterable[str]], what: str) -> Callable[[Check, Any], Outcome]:
    def judge(check: Check, records: Any) -> Outcome:
        phrase = norm(check.expected).rstrip("?.!")
        bad = [t for t in texts(records) if phrase in norm(t) or (len(norm(t)) >= 15 and norm(t) in phrase)]
        return Outcome(not bad, f"{what} {check.expected!r} was extracted: {bad[:2]}" if bad else "")

    return judge


def _best(what: str, candidates: list[Any], problems_of: Callable[[Any], list[str]]) -> Outcome:
    """Pass when one candidate meets every field; else report the closest one."""
    problems = min((problems_of(c) for c in candidates), key=len)
    return _verdict(what, problems)


def _verdict(what: str, problems: list[str]) -> Outcome:
    return Outcome(not problems, f"{what}: {'; '.join(problems)}" if problems else "")


def _key(section: str, item: dict[str, Any]) -> str:
    if section == "meetings":
        return "+".join(item["participants_include"])
    return str(item.get("label") or item.get("contains"))


def _trap_actor(check: Check, records: Any) -> Outcome:
    """Actor traps match labels exactly (a label merely containing "Home" is fine)."""
    bad = [a.label for a in records.actors if norm(a.label) == norm(check.expected)]
    return Outcome(not bad, f"non-actor {check.expected!r} was extracted as an actor" if bad else "")


_JUDGES: dict[str, Callable[[Check, Any], Outcome]] = {
    "actors": _actor,
    "statements": _statement,
    "meetings": _meeting,
    "predictions": _prediction,
    "not_actors": _trap_actor,
    "not_statements": _trap(lambda rec: [s.text for s in rec.statements], "non-statement"),
    "not_predictions": _trap(lambda rec: [p.text for p in rec.predictions], "non-prediction"),
}


# -- report -------------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    """Print per-article and overall matched/expected counts; exit 1 when the extractor cannot run."""
    verbose = "-v" in argv
    try:
        from kg.extract import extract as _  # noqa: F401  (fail before printing a table)
    except ImportError as e:
        print(f"kg.extract.extract is not available yet: {e}", file=sys.stderr)
        return 1
    columns = (*SECTIONS, "traps")
    totals = {c: [0, 0] for c in columns}
    extracted = dict.fromkeys(SECTIONS, 0)
    print(f"{'article':34} " + " ".join(f"{c:>12}" for c in columns))
    failures: list[str] = []
    for article in articles():
        records = extract(article)
        row = {c: [0, 0] for c in columns}
        for check in checks(article):
            column = "traps" if check.section in TRAPS else check.section
            outcome = evaluate(check, records)
            row[column][0] += outcome.ok
            row[column][1] += 1
            if not outcome.ok:
                failures.append(f"{check.id}: {outcome.message}")
        for section in SECTIONS:
            extracted[section] += len(getattr(records, section))
        for c in columns:
            totals[c][0] += row[c][0]
            totals[c][1] += row[c][1]
        print(f"{article.stem[:34]:34} " + " ".join(f"{row[c][0]:>5}/{row[c][1]:<6}" for c in columns))
    print(f"{'TOTAL':34} " + " ".join(f"{totals[c][0]:>5}/{totals[c][1]:<6}" for c in columns))
    print(f"{'share met':34} " + " ".join(f"{_share(*totals[c]):>12}" for c in columns))
    print(f"{'records extracted':34} " + " ".join(f"{extracted[s]:>12}" for s in SECTIONS))
    met = sum(totals[c][0] for c in SECTIONS)
    expected = sum(totals[c][1] for c in SECTIONS)
    print(
        f"\nexpected records found with every listed field right: {met}/{expected} ({_share(met, expected)})"
    )
    print(f"traps avoided (non-actors, statements, predictions): {totals['traps'][0]}/{totals['traps'][1]}")
    if verbose:
        print("\nfailed checks:")
        print("\n".join(f"  {f}" for f in failures) or "  none")
    return 0


def _share(met: int, expected: int) -> str:
    return f"{100 * met / expected:.0f}%" if expected else "-"


if __name__ == "__main__":
    sys.path.insert(0, str(CORPUS.parent.parent))  # run from a checkout without installing kg
    raise SystemExit(main(sys.argv[1:]))

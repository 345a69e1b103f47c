"""Predictions: forward-looking claims, one per clause, with hedge, probability, deadline and polarity.

A clause is a prediction when it holds a trigger phrase of the estimative scheme (``ontology/hedges.ttl``:
will, won't, likely, poised to, expected to, set to, may, might, could, plans to, look forward to, …), an
estimate verb with an infinitive ("expects the Fed to raise", "forecast sales to reach") or an explicit
probability ("82% chance", "the odds … at one in five"). The most specific trigger of the clause wins (a
percentage, then a hedge word, then may/might/could, then a bare will): "will likely" is "likely".

Not predictions: questions (also indirect: "asked whether …"); counterfactuals ("Had X gone, he'd have …";
"would have"); triggers in a leading subordinate clause ("Even as talks might stall, …"); attributive
adjectives ("a likely visit"); "will" as a noun; "due to"/"set to" before a noun phrase; comparisons ("than
expected"); past expectations ("was expected to"); "would", except in the speech of a named actor about a
dated future ("she said she would travel on March 21"): elsewhere it is sequence of tense or politeness.

- predictor: the speaker of the statement the clause sits in (quote or reported speech), else the actor of
  an estimate verb ("She put the chance at 30%"), else ``"author"`` (also for the outlet's own forecasts);
  ``statement`` that statement's id and ``made`` its date.
- hedge: the trigger as written; ``probability_interval``/``probability`` from its concept
  (:func:`kg.extract.hedges.lookup`), or the percentage itself.
- polarity: negative for "will not", "won't", "may not", "not expected to", …; concepts that already state a
  low probability ("unlikely", "probably not") keep a positive polarity.
- deadline: the end of the first future time expression of the clause, else of its sentence, else (for a
  main clause, not a relative one) of the previous sentence of the paragraph ("September 2018 is poised …
  Kim will host …" -> 2018-09-30).
- event: the meeting whose words lie in the clause; a clause opening with "It"/"This" inherits the event of
  the prediction just before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from kg.extract import clauses, dates, hedges
from kg.extract.document import Document
from kg.extract.registry import trie_regex
from kg.extract.statements import speaker_at
from kg.records import Prediction, Span, Statement

_PERCENT = re.compile(
    r"\b(?P<pct>\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent))\s+(?:chance|probability|likelihood|odds|risk)\b"
    r"|\b(?:chances?|probability|likelihood|odds|risk)\b[^.;]{0,70}?\b(?:at|of|is|was|as|to)\s+"
    r"(?:about\s+|around\s+|roughly\s+|no\s+better\s+than\s+|no\s+more\s+than\s+|less\s+than\s+|at\s+least\s+|"
    r"only\s+|just\s+)?(?P<pct2>\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)|"
    r"(?:one|two|three|four|\d+)\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))",
    re.I,
)
_ODDS_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_EXPECT = re.compile(
    r"\b(?P<verb>expects?|expected|expecting|forecasts?|forecast|predicts?|predicted|anticipates?|anticipated)"
    r"\s+(?:[\w’'$,.%-]+\s+){0,7}?to\s+(?=[a-z])"
)
_WOULD = re.compile(r"\b(?:would|[’']d)\b(?!\s+have\b)(?!\s+like\b)", re.I)
_INDIRECT_QUESTION = re.compile(r"\b(?:whether|asked if|wondered if|ask if)\b", re.I)
_ESTIMATE_VERB = re.compile(
    r"\b(?:put|puts|expects?|expected|sees?|saw|gives?|gave|estimates?|estimated|"
    r"forecasts?|predicts?|predicted|thinks?|believes?|reckons?)\b"
)
_NEG_AFTER = re.compile(r"\s*(?:not|never|n[’']t)\b", re.I)
_NEG_BEFORE = re.compile(r"\b(?:not|never|no longer|n[’']t)\s+(?:be\s+)?$", re.I)
_SUBORDINATE = re.compile(
    r"(?:Even as|Even if|Even though|Although|Though|While|Whereas|As long as|Unless|If|"
    r"Because|Since|When|Whether)\b"
)
_COUNTERFACTUAL = re.compile(r"\b(?:would|could|might|should)\s+have\s+\w+ed\b|[’']d\s+have\b")
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|most|more)\s+$", re.I)
_PAST_COPULA = re.compile(r"\b(?:was|were|had been)\s+$", re.I)
_NOUN_PHRASE_NEXT = re.compile(r"\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my)\b", re.I)
_ADJECTIVE_TRIGGERS = frozenset({"likely", "unlikely", "anticipated", "possible", "probable", "expected"})
_WEAK = ("https://w3id.org/kg/concept/wep-will", "https://w3id.org/kg/concept/wep-may")
_NAMES_MONTH = re.compile(r"[A-Z][a-z]+\.? \d|\d \w*\s*[A-Z][a-z]+")
_LEADING = re.compile(r"^(?:is|are|was|were|am|be|will)\s+(?!not\b)(?=\S+)", re.I)
_ANAPHOR = re.compile(r"(?:It|it|This|That|Such a meeting|Such a summit)\b")


@cache
def _trigger_pattern(*, lowered: bool = False) -> re.Pattern[str]:
    """Every trigger phrase of the scheme; *lowered* for scanning lower-cased text (case-sensitive, faster)."""
    phrases = [p for p in hedges.trigger_phrases() if not p.startswith("'") and p != "would"]
    words = {p.replace("'", "’") for p in phrases} | set(phrases)
    alternation = trie_regex(words).replace("\\ ", r"\s+")
    return re.compile(rf"\b(?<![\w'’])(?:{alternation})(?![\w])|[’']ll\b", 0 if lowered else re.I)


@dataclass(frozen=True)
class _Trigger:
    """A trigger found in text: offsets, the words as written and the phrase to look its concept up by."""

    start: int
    end: int
    text: str
    phrase: str


class _Scan:
    """The trigger matches of the whole content, found once and looked up by clause."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], lowered: str | None = None) -> None:
        self.found: dict[str, list[re.Match[str]]] = {}
        self.starts: dict[str, list[int]] = {}
        main = (_trigger_pattern(lowered=True), lowered) if lowered is not None else (_trigger_pattern(), text)
        for name, (pattern, scanned) in (("expect", (_EXPECT, text)), ("would", (_WOULD, text)), ("main", main)):
            self.found[name] = [m for ps, pe in paragraphs for m in pattern.finditer(scanned, ps, pe)]
            self.starts[name] = [m.start() for m in self.found[name]]

    def between(self, name: str, start: int, end: int) -> list[re.Match[str]]:
        """Matches of *name* inside ``[start, end)``."""
        starts = self.starts[name]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [m for m in self.found[name][lo:hi] if m.end() <= end]


def _triggers(text: str, start: int, end: int, scan: _Scan) -> list[_Trigger]:
    out = [
        _Trigger(m.start(), m.end(), m.group("verb"), "expected to")
        for m in scan.between("expect", start, end)
        if not _PAST_COPULA.search(text, max(start, m.start() - 12), m.start())
    ]
    out += [
        _Trigger(m.start(), m.end(), m.group(), "would")
        for m in scan.between("would", start, end)
        if not _INDIRECT_QUESTION.search(text, start, m.start())
    ]
    for m in scan.between("main", start, end):
        if any(t.start <= m.start() < t.end for t in out if t.phrase == "expected to"):
            continue
        word = m.group().lower().replace("’", "'")
        before = text[max(start, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 12]
        if word in _ADJECTIVE_TRIGGERS and _ATTRIBUTIVE.search(before) and re.match(r"\s+[a-z]", after):
            continue  # "a likely visit", "the anticipated summit"
        if re.search(r"\b(?:than|as)\s+$", before):
            continue  # "longer than anticipated", "as expected"
        if _INDIRECT_QUESTION.search(text, start, m.start()):
            continue  # "Asked whether Halvorsen would raise its offer": a question
        if word == "will" and re.search(r"\b(?:the|political|good|free|his|her|their|popular)\s+$", before, re.I):
            continue
        if word.endswith(" to") and _NOUN_PHRASE_NEXT.match(text, m.end()):
            continue  # "due to the storm", "set to the …"
        if _PAST_COPULA.search(before) and not re.search(r"likely|probabl|certain", word):
            continue  # "was expected to": a past expectation
        if word.startswith("plan") and _ATTRIBUTIVE.search(before):
            continue  # "the plans to …": a noun
        written = text[m.start() : m.end()]
        out.append(_Trigger(m.start(), m.end(), written, written))
    return sorted(out, key=lambda t: t.start)


def _rank(trigger: _Trigger) -> int:
    if trigger.phrase == "would":
        return 0
    iri = hedges.concept_for(trigger.phrase)
    if iri is None:
        return 3
    if iri == _WEAK[0]:
        return 1
    return 2 if iri == _WEAK[1] else 3


def find_predictions(
    doc: Document,
    statements: list[Statement],
    anchors: dict[str, list[int]],
    statuses: dict[str, str],
    *,
    outlet: str | None = None,
) -> list[Prediction]:
    """Every prediction of the article, ids p1, p2, … in text order."""
    text = doc.text
    out: list[Prediction] = []
    scan = _Scan(text, doc.paragraphs, doc.lowered)
    hits = {doc.sentence_index(m.start()) for found in scan.found.values() for m in found}
    if "%" in text or "percent" in text or "per cent" in text:
        hits |= {doc.sentence_index(m.start()) for ps, pe in doc.paragraphs for m in _PERCENT.finditer(text, ps, pe)}
    for si in sorted(hits):
        ss, se = doc.sentences[si]
        sentence = text[ss:se].rstrip('”"’ )')
        if sentence.endswith("?") or _COUNTERFACTUAL.search(text, ss, se) or re.match(r"(?:Had|Were)\b", sentence):
            continue
        parts = doc.clauses(si)
        for ci, c in enumerate(parts):
            pred = _clause_prediction(
                doc, si, c, ci, parts, statements, anchors, statuses, outlet.casefold() if outlet else None, scan
            )
            if pred is not None:
                if pred.event is None and out and _ANAPHOR.match(text, c.start) and out[-1].event:
                    pred.event = out[-1].event
                out.append(pred)
    for i, p in enumerate(out, 1):
        p.id = f"p{i}"
    return out


def _odds(phrase: str) -> float | None:
    """A probability written as a percentage ("30%") or as odds ("one in five")."""
    value = hedges.percentage(phrase)
    if value is not None:
        return value
    m = re.match(r"(\w+)\s+in\s+(\w+)$", phrase.strip().lower())
    if not m:
        return None
    num, den = (int(w) if w.isdigit() else _ODDS_WORDS.get(w, 0) for w in m.groups())
    return num / den if den and 0 < num <= den else None


def _clause_prediction(
    doc: Document,
    si: int,
    c: clauses.Clause,
    ci: int,
    parts: list[clauses.Clause],
    statements: list[Statement],
    anchors: dict[str, list[int]],
    statuses: dict[str, str],
    outlet: str | None,
    scan: _Scan,
) -> Prediction | None:
    text = doc.text
    start = c.start
    if _SUBORDINATE.match(text, c.start):
        comma = text.find(",", c.start, c.end)
        start = comma + 1 if comma != -1 else c.start
    pct = _PERCENT.search(text, start, c.end)
    found = _triggers(text, start, c.end, scan)
    negative = False
    probability: float | None
    interval: tuple[float, float] | None
    if pct and (value := _odds(pct.group("pct") or pct.group("pct2"))) is not None:
        hedge_text = (pct.group("pct") or pct.group("pct2")).strip()
        probability, interval = value, (value, value)
        rule, conf = "prediction.percentage", 0.8
        best: _Trigger | None = None
    else:
        if not found and c.coordinated and ci > 0:
            prev = _triggers(text, parts[ci - 1].start, parts[ci - 1].end, scan)
            found = [t for t in prev if not _in_parenthetical(text, parts[ci - 1].start, t.start)][:1]
            coordinated = True
        else:
            coordinated = False
        if not found:
            return None
        best = max(found, key=lambda t: (_rank(t), -t.start))
        hedge = hedges.lookup(best.phrase)
        if hedge is None:
            return None
        hedge_text, probability, interval = best.text, hedge.point, hedge.interval
        concept = hedge.iri.rsplit("/", 1)[-1].removeprefix("wep-")
        rule = f"prediction.{'coordinated.' if coordinated else ''}{concept}"
        conf = 0.6 if concept == "will" or coordinated else 0.7
        if not coordinated:
            negative = any(_is_negated(text, t) for t in found if _rank(t) <= 2) or _is_negated(text, best)
        if concept in ("probably-not", "almost-certainly-not", "unlikely", "very-unlikely"):
            negative = False
    statement = next(
        (s for s in statements if s.span.start <= c.start < s.span.end or c.start <= s.span.start < c.end), None
    )
    predictor = statement.speaker if statement and statement.speaker else None
    predictor = predictor or _estimator(doc, c.sentence_start, start, c.end) or "author"
    if predictor != "author" and outlet and _label(doc, predictor) == outlet:
        predictor = "author"  # the outlet's own forecast
    deadline = _deadline(doc, si, c)
    if (
        best is not None
        and best.phrase == "would"
        and (predictor == "author" or deadline is None or not doc.times(c.sentence_start, c.end, future=True))
    ):
        return None  # "would" forecasts only in reported speech about a dated future
    event = next(
        (
            mid
            for mid, offs in anchors.items()
            if any(c.start <= o < c.end for o in offs) and statuses.get(mid) != "held"
        ),
        None,
    )
    ps, pe = start, c.end
    if text.startswith(("and ", "or "), ps):
        ps = text.index(" ", ps) + 1
    while pe > ps and text[pe - 1] in '.!?”"’ ,;—':
        pe -= 1
    while ps < pe and text[ps] in '“"‘ ':
        ps += 1
    return Prediction(
        id="",
        predictor=predictor,
        text=text[ps:pe],
        span=Span(ps, pe, text[ps:pe]),
        hedge=_as_written(hedge_text),
        probability=probability,
        probability_interval=interval,
        deadline=deadline,
        polarity="negative" if negative else "positive",
        event=event,
        statement=statement.id if statement else None,
        made=statement.date if statement else None,
        rule=rule,
        confidence=conf,
    )


def _label(doc: Document, actor_id: str) -> str | None:
    entry = doc.actors.entry(actor_id)
    return entry.label.casefold() if entry else None


def _estimator(doc: Document, sentence_start: int, start: int, end: int) -> str | None:
    """The actor who puts, expects, sees or forecasts in the clause ("She put the chance at 30%")."""
    m = _ESTIMATE_VERB.search(doc.text, max(sentence_start, start - 40), end)
    if not m:
        return None
    return speaker_at(doc, max(sentence_start, m.start() - 60), m.start())


def _as_written(trigger: str | None) -> str | None:
    """The trigger without a leading copula or a "will" before another hedge ("will likely" -> "likely")."""
    if trigger is None:
        return None
    return _LEADING.sub("", trigger) or trigger


def _in_parenthetical(text: str, start: int, pos: int) -> bool:
    return text.count("—", start, pos) % 2 == 1


def _is_negated(text: str, t: _Trigger) -> bool:
    word = t.text.lower().replace("’", "'")
    if "n't" in word or word.endswith(" not"):
        return True
    if _NEG_AFTER.match(text, t.end):
        return True
    return bool(_NEG_BEFORE.search(text, max(0, t.start - 15), t.start))


def _deadline(doc: Document, si: int, c: clauses.Clause) -> str | None:
    if doc.published is None:
        return None
    ss, se = doc.sentences[si]
    for lo, hi in ((c.start, c.end), (ss, se)):
        found = _future_expressions(doc, lo, hi)
        if found is None:
            return None  # the clause is dated, in the past
        if found:
            return found[0].last.isoformat()
    if si > 0 and not c.relative:  # a relative clause describes its noun, not the time frame before it
        ps, pe = doc.sentences[si - 1]
        if doc.same_paragraph(ps, c.start):
            found = _future_expressions(doc, ps, pe)
            if found:
                return found[0].last.isoformat()
    return None


def _future_expressions(doc: Document, start: int, end: int) -> list[dates.TimeExpr] | None:
    """Time expressions of the span that end after publication; None when the span is dated only in the
    past ("the June 12 summit": a calendar date nearest to publication that already passed)."""
    assert doc.published is not None
    pub = doc.published
    ahead = doc.times(start, end, future=True)
    nearest = doc.times(start, end, future=None)
    out = [
        a
        for a, n in zip(ahead, nearest, strict=False)
        if a.last >= pub and not (n.last < pub and _NAMES_MONTH.search(n.text))
    ]
    return out if out or not ahead else None

"""Judging what a prediction claims against the events later sources report (verdicts only on matching evidence).

An event *matches* a claim when every field agrees:

- **family**: the event's reports are of the claim's kind family (``ontology/outcomes.ttl``);
- **subject**: a claimed subject is among the event's subjects (for *presence*, every claimed participant and the
  object take part);
- **object**: for *presence* and *contest* claims with an object ("meet X", "beat X"), X is in the event;
- **window**: the event's days meet the claim's window (made-on .. deadline, inclusive; for a contest two days
  more, as results come after the vote); an undated report stands at its article's published day and the day
  before.

The earliest matching event decides:

- **confirmed** when a report of it states the claimed kind happened and, for a numeric claim, every reported
  value in a comparable unit satisfies the claimed comparison (``50 bp`` against "at least 25 bp");
- **refuted** when its reports state a contrary kind (a hold against a raise, a loss against a win, a
  postponement against a launch), the claimed kind negated ("did not approve"), or values that all fail the
  comparison (a 50 bp raise against "25 bp"). A claim without an end to its window is refuted only for the
  families decided once by the next occurrence (contest, decision, change, quantity): the first such event after
  the prediction settles it; a presence or action claim without a deadline can only be confirmed.

Mixed reports (the kind and a contrary one, values on both sides) or a numeric claim whose event reports no
comparable value leave the claim open, with the event as a ranked candidate for a person. Negative claims swap
confirmed and refuted. Evidence is the event's reports from later sources, counted once per event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from kg.extract.form_themes import form_nouns
from kg.extract.known_results import only_confirmed
from kg.extract.no_majority import only_refuted
from kg.outcome_scheme import convert, scheme
from kg.resolve.agreements import same_agreement
from kg.resolve.contests import claim_concepts, held_once
from kg.resolve.decisions import reports_decision
from kg.resolve.events import EventFact, Report
from kg.resolve.failure_spans import covers
from kg.resolve.majority import in_claimed_unit
from kg.resolve.reports import ClaimFact
from kg.resolve.sizes import size_verdict
from kg.resolve.themes import report_concepts
from kg.resolve.titles import rival_title, title_event

__all__ = ["Match", "compare", "judge_claim"]

#: families whose claims are settled by their next occurrence even without a deadline
ONCE = frozenset({"decision", "change", "quantity"})
#: families where one actor has many outcomes of a kind (matches, bills): the theme must be shared too
THEMED = frozenset({"contest", "decision"})


@dataclass(frozen=True)
class Match:
    """The outcome of comparing one claim with one event."""

    event: EventFact
    outcome: str  # confirmed | refuted | open (the claim as worded, before polarity)
    fields: tuple[str, ...]  # the fields that matched: family, subject, object, window, value
    why: str
    reports: tuple[Report, ...]


def compare(claim: ClaimFact, value: float, unit: str | None) -> bool | None:
    """Does a reported *value* in *unit* satisfy the claimed value and comparison? None: not comparable.

    >>> c = ClaimFact("raise", frozenset(), value=25, unit="bp", comparison="ge")
    >>> compare(c, 50, "bp"), compare(c, 0.1, "percent"), compare(c, 3, "seats")
    (True, False, None)
    """
    if claim.value is None or not claim.unit or not unit:
        return None
    v = convert(value, unit, claim.unit)
    if v is None:
        return None
    lo, hi, cmp = claim.value, claim.value_high, claim.comparison or "eq"
    if cmp == "between" and hi is not None:
        return lo <= v <= hi
    return {
        "eq": abs(v - lo) <= 1e-9 * max(1.0, abs(lo)),
        "ge": v >= lo,
        "gt": v > lo,
        "le": v <= lo,
        "lt": v < lo,
    }.get(cmp, False)


#: results of a contest are known after its day: a report this many days after the window still counts
RESULT_DAYS = dt.timedelta(days=2)


def _in_window(claim: ClaimFact, e: EventFact) -> bool:
    end = claim.end + RESULT_DAYS if claim.end is not None and claim.family == "contest" else claim.end
    inside = (claim.start is None or e.last >= claim.start) and (end is None or e.first <= end)
    return inside or covers(claim, e)  # an undated failure reported just after the window (failure_spans)


def _fields(claim: ClaimFact, e: EventFact) -> tuple[str, ...] | None:
    """The matching fields, or None when one required field differs."""
    if not claim.subjects or e.family != claim.family:
        return None
    held = [r for r in e.reports if r.status in ("held", "negated", "cancelled")]
    subjects = frozenset().union(*(r.actors for r in held)) if held else frozenset()
    everyone = subjects | frozenset().union(*(r.objects for r in held)) if held else frozenset()
    if claim.family == "presence":
        if not claim.subjects | ({claim.object} if claim.object else set()) <= everyone:
            return None
    elif not claim.subjects & subjects:
        return None
    out = ["family", "subject"]
    if claim.object and claim.family in ("presence", "contest"):
        if claim.object not in everyone:
            return None
        out.append("object")
    if not _in_window(claim, e):
        return None
    if not same_agreement(claim, held):
        return None
    if claim.family in THEMED and not scheme().kinds[claim.predicate].theme_in_label:
        words = claim_concepts(claim)  # the theme's and the outcome words' ("take government")
        reported = {w for r in held for w in report_concepts(r)}
        reported |= {w for r in held for w in form_nouns(r.words)}  # "rescinded the order": the order
        if words & reported:
            out.append("theme")
        elif claim.value is None or not any(r.value is not None for r in held):
            return None  # "win the cup" is not "won a group match"; a number may stand in for the theme
    if not title_event(claim, held, e):
        return None  # a title claim is settled by the title only (kg.resolve.titles)
    return (*out, "window")


def _judge_event(claim: ClaimFact, e: EventFact, fields: tuple[str, ...]) -> Match:
    s = scheme()
    done = [r for r in e.reports if r.status == "held"]
    # any held presence report (a summit, a visit, "met") fulfils a presence claim; other kinds must agree
    positive = done if claim.family == "presence" else [
        r for r in done if r.kind == claim.predicate or reports_decision(claim, r)]
    contrary = [r for r in done if s.contrary(r.kind, claim.predicate)]
    contrary += [r for r in e.reports if r.status in ("negated", "cancelled") and
                 (r.kind == claim.predicate or claim.family == "presence")]
    if positive and contrary:
        return Match(e, "open", fields, "reports of this event disagree", tuple(positive + contrary))
    if contrary:
        kinds = ", ".join(sorted({r.kind if r.status == "held" else f"{r.kind} {r.status}" for r in contrary}))
        return Match(e, "refuted", fields, f"the event reported is {kinds}, contrary to {claim.predicate}",
                     tuple(contrary))
    if not positive:
        return Match(e, "open", fields, f"no report says {claim.predicate} happened", tuple(e.reports))
    if claim.value is None and claim.family == "contest" and (sized := size_verdict(claim.theme, positive)):
        return Match(e, sized[0], fields, sized[1], tuple(positive))  # "a small majority" (kg.resolve.sizes)
    if claim.value is None:
        return Match(e, "confirmed", fields, f"{claim.predicate} reported", tuple(positive))
    judged = [(r, compare(claim, *in_claimed_unit(r, claim.unit))) for r in positive if r.value is not None]
    judged = [(r, ok) for r, ok in judged if ok is not None]
    want = _value_text(claim)
    if not judged:
        return Match(e, "open", fields, f"no report gives a value comparable with {want}", tuple(positive))
    got = "; ".join(sorted({_got(r, claim) for r, _ in judged if r.value is not None}))
    if all(ok for _, ok in judged):
        return Match(e, "confirmed", (*fields, "value"), f"reported {got} satisfies {want}",
                     tuple(r for r, _ in judged))
    if not any(ok for _, ok in judged):
        return Match(e, "refuted", (*fields, "value"), f"reported {got} does not satisfy {want}",
                     tuple(r for r, _ in judged))
    return Match(e, "open", fields, f"reported values {got} disagree on {want}", tuple(r for r, _ in judged))


def _got(r: Report, claim: ClaimFact) -> str:
    value, unit = in_claimed_unit(r, claim.unit)
    return f"{_num(value)} {unit}"


def _num(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:g}"


def _value_text(c: ClaimFact) -> str:
    if c.value is None:
        return ""
    if c.comparison == "between" and c.value_high is not None:
        return f"between {_num(c.value)} and {_num(c.value_high)} {c.unit}"
    words = {"eq": "", "ge": "at least ", "gt": "more than ", "le": "at most ", "lt": "less than "}
    return f"{words.get(c.comparison or 'eq', '')}{_num(c.value)} {c.unit}"


def judge_claim(claim: ClaimFact, events: list[EventFact]) -> tuple[Match | None, list[Match]]:
    """The deciding match of *claim* among *events* (reports from later sources only), and the rest as
    candidates (events matching family and subject, best first)."""
    decided: Match | None = None
    candidates: list[Match] = []
    for e in sorted(events, key=lambda e: (e.first, e.iri)):
        fields = _fields(claim, e)
        if fields is None and (won := rival_title(claim, e)):
            decided = Match(e, "refuted", ("family", "contest", "rival", "window"), "a rival won the title", won)
            break
        if fields is None:
            if claim.subjects and e.family == claim.family and claim.subjects & e.actors:
                candidates.append(Match(e, "open", ("family", "subject"), "outside the window or another object",
                                        tuple(e.reports)))
            continue
        m = _judge_event(claim, e, fields)
        if m.outcome == "open":
            candidates.append(m)
            if claim.end is None and (claim.family in ONCE or held_once(claim)) and decided is None:
                break  # the next occurrence was not decisive: later ones do not settle this claim
            continue
        if m.outcome == "refuted" and only_confirmed(claim.words):  # "the result will be known": a loss is one
            m = replace(m, outcome="confirmed", why=f"a result was reported ({m.why})")
        if m.outcome == "refuted" and only_refuted(claim.words):  # a hung parliament: another party may have won
            candidates.append(m)
            continue
        if m.outcome == "refuted" and claim.end is None and claim.family not in ONCE and not held_once(claim):
            candidates.append(m)
            continue
        decided = m
        break
    return decided, candidates


def window_text(claim: ClaimFact) -> str:
    """The claim's window in words."""
    a = claim.start.isoformat() if claim.start else "…"
    b = claim.end.isoformat() if claim.end else "open-ended"
    return f"{a} to {b}"


def days(e: EventFact) -> str:
    """The event's days in words."""
    a, b = e.first.isoformat(), e.last.isoformat()
    return a if a == b else f"{a} to {b}"


"""The judgement rules: one prediction plus the facts of later sources gives one :class:`Verdict`.

Pure functions over the dataclasses of :mod:`kg.resolve.evidence`; nothing here reads or writes a store.

Which sources count: articles published strictly after the prediction was made (``kg:madeOn``, else its own
article's date) and not after the as-of day; the prediction's own article never counts. Articles without a
published date cannot be placed in time and are ignored.

Meeting predictions (``kg:predictedEvent``), positive polarity:

- **confirmed** by a *held* meeting of the same kind family (:data:`FAMILIES`) whose participants (host
  included) contain every predicted participant, dated inside the predicted window (the predicted event's
  dates, else made-on .. deadline, else open-ended) and not at another place. Places are compared as
  countries: ``kg:placeCountry``, else the country whose registry ``kg:capital`` the place names, else the
  host's country; so "A visits B's country" matches "A at B's side in B's capital". Evidence: the first event
  that fulfils the prediction (every later report of it).
- **refuted** by negative evidence in the window: (a) an announced non-event, a *negated* or *cancelled*
  meeting of predicted participants only, or of their countries ("X will not attend", "the visit was called
  off"); (b) a stand-in,
  a *planned* or *held* meeting at the predicted place where someone of the missing participant's country
  takes their place ("China will send Li Zhanshu instead"); (c) the event held without a predicted
  participant when a source says who attended (same kind, same place, a predicted participant present, someone
  else named) and the predicted window is at most a week, so that another meeting of the month is not taken
  for the predicted one. A held meeting that fulfils the prediction wins over announcements. A prediction
  with an open-ended window (no dates, no deadline) is never refuted: a denial only says "not yet".
- **expired** when the window ended before the as-of day and neither kind of evidence was found.
- otherwise **open**.

Negative polarity ("X will not visit Y") swaps confirmed and refuted; it is still only judged with evidence.

Predictions whose words give a claim (:mod:`kg.resolve.claims`) are judged by it when they are not about a
meeting, or when they name a meeting but claim another kind of outcome ("end negative rates at its meeting")
and the meeting rules leave them undecided. The other predictions are not decided by rule: later statements
and meetings are ranked by similarity (shared actors, shared content words, inside the time window) and
recorded as candidates with the outcome **open** ("needs review"); without candidates they expire like the
others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.extract.company import KIND as COMPANY
from kg.extract.presupposed_claims import presupposed
from kg.resolve.claims import days, judge_claim, window_text
from kg.resolve.company import judge_company
from kg.resolve.durations import names_duration
from kg.resolve.events import EventFact
from kg.resolve.evidence import Facts, MeetingFact, PredictionFact, StatementFact
from kg.resolve.lengths import judge_length
from kg.resolve.offers import KIND as OFFER
from kg.resolve.offers import judge_offer
from kg.resolve.quantity_words import without_dates
from kg.resolve.reports import ClaimFact, is_belief

FAMILIES: dict[str, str] = {
    "visit": "attendance",
    "summit": "attendance",
    "meeting": "attendance",
    "talks": "attendance",
    "ceremony": "attendance",
    "call": "call",
}
"""Meeting kinds that fulfil one another: being somewhere with someone (visit, summit, meeting, talks,
ceremony) is one family; a phone call is its own."""

SHORT_WINDOW = dt.timedelta(days=7)
"""Rule (c) applies only to predicted events dated within this many days."""

MAX_CANDIDATES = 5
MIN_SCORE = 0.3

_NEGATIVE = ("negated", "cancelled")
_WORD = re.compile(r"[a-z][a-z'\-]+")
_STOP_WORDS = """the and for with that this from will would could should may might can shall not his her its their
    our your who whom what which when where why how about into over after before than then there here also
    just only more most some any all each both either neither other another such very much many few
    likely unlikely probably possibly perhaps expected expects expect poised set going seems seem appear
    appears said says say told tell has have had was were been being are is did does doing done
    one two three first second last next new week weeks month months year years day days time times
    toward towards against between during while until since under again still even already yet"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class Window:
    """A day range; ``None`` at either end means open."""

    first: dt.date | None
    last: dt.date | None

    def overlaps(self, first: dt.date | None, last: dt.date | None) -> bool:
        """True when [first, last] (None = open) meets this window."""
        return (self.last is None or first is None or first <= self.last) and (
            self.first is None or last is None or last >= self.first
        )

    def text(self) -> str:
        a = self.first.isoformat() if self.first else "…"
        b = self.last.isoformat() if self.last else "…"
        return a if a == b else f"{a} to {b}"


@dataclass(frozen=True)
class Candidate:
    """A later statement or meeting that may bear on a prediction no rule decides."""

    iri: str
    article: str
    score: float
    text: str
    actors: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """What the rules conclude about one prediction."""

    outcome: str  # confirmed | refuted | expired | open
    rationale: str
    evidence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def needs_review(self) -> bool:
        """Open with candidate evidence that a person should look at."""
        return self.outcome == "open" and bool(self.candidates)


def window(p: PredictionFact) -> Window:
    """The days in which the predicted event must happen: its dates, else made-on .. deadline."""
    e = p.event
    if e is not None and e.start is not None:
        last = e.end or e.start
        return Window(e.start, min(last, p.deadline) if p.deadline else last)
    return Window(p.made_on, p.deadline)


def later(p: PredictionFact, facts: Facts, article: str, as_of: dt.date) -> bool:
    """True when *article* is a later source for *p*, published after it was made and by *as_of*."""
    if article == p.article:
        return False
    published = facts.published(article)
    if published is None or published > as_of:
        return False
    made = p.made_on or facts.published(p.article)
    return made is None or published > made


def judge(
    p: PredictionFact,
    facts: Facts,
    as_of: dt.date,
    *,
    claim: ClaimFact | None = None,
    events: list[EventFact] | None = None,
) -> Verdict:
    """Judge one prediction against the later sources known on *as_of* (see the module docstring); with its
    *claim* and the *events* of the store, a prediction that is not about a meeting is judged by
    :mod:`kg.resolve.claims`."""
    if p.event is not None and p.event.people:
        v = _judge_meeting(p, p.event, facts, as_of)
        if v.needs_review and names_duration(p.text) and events:
            v = _by_length(p, facts, as_of, events) or v  # "a 90-minute meeting": the length reported for it
        if v.outcome in ("confirmed", "refuted") or claim is None or claim.family == "presence":
            return v
        # a prediction that names a meeting but claims another outcome ("end negative rates at its meeting")
        return (_judge_claim(p, claim, events, facts, as_of) if events else None) or v
    if claim is not None and claim.predicate == OFFER and events:  # an offer made, or taken up in an agreement
        return _by_offer(p, claim, facts, as_of, events) or _judge_words(p, facts, as_of)
    if claim is not None and claim.predicate == COMPANY:  # who else is in the room: only its own reports decide
        return _by_company(p, claim, facts, as_of, events or []) or _judge_words(p, facts, as_of)
    if claim is not None and events:
        by_claim = _judge_claim(p, claim, events, facts, as_of)
        if by_claim is not None:
            return by_claim
    return _judge_words(p, facts, as_of)


_QUANTITY = re.compile(r"\d|\b(?:points?|per ?cent|percent|half|quarter|double|triple)\b|%", re.I)


def unread_quantity(text: str, claim: ClaimFact) -> bool:
    """True when a change or quantity claim read no value from words that name one ("a quarter point lift"):
    the kind alone must not confirm what may be a numeric claim.

    >>> unread_quantity("a quarter point lift", ClaimFact("raise", frozenset()))
    True
    """
    named = bool(_QUANTITY.search(without_dates(text)))  # a date's digits name no quantity
    return claim.value is None and claim.family in ("change", "quantity") and named


def reported_after(p: PredictionFact, facts: Facts, article: str, as_of: dt.date) -> bool:
    """A source that reports an outcome counts from the day the prediction was made (same day included: a
    report of a completed outcome cannot precede a forecast of it), never its own article."""
    if article == p.article:
        return False
    published = facts.published(article)
    made = p.made_on or facts.published(p.article)
    return published is not None and published <= as_of and (made is None or published >= made)


def _judge_claim(
    p: PredictionFact, claim: ClaimFact, events: list[EventFact], facts: Facts, as_of: dt.date
) -> Verdict | None:
    """A verdict from the events later sources report, or None (no event bears on the claim)."""
    if claim.start is None and claim.end is None and p.made_on is not None:
        claim = ClaimFact(**{**claim.__dict__, "start": p.made_on})
    later_events = []
    for e in events:
        kept = [r for r in e.reports if reported_after(p, facts, r.article, as_of)]
        if kept:
            later_events.append(EventFact(kept))
    decided, candidates = judge_claim(claim, later_events)
    what = f"{claim.predicate} by {_names(claim.subjects, facts)}"
    if decided is not None and decided.outcome == "confirmed" and unread_quantity(p.text, claim):
        candidates, decided = [decided, *candidates], None  # the words name a number the claim did not read
    if decided is not None and decided.outcome == "confirmed" and presupposed(claim.words):
        candidates, decided = [decided, *candidates], None  # a government formed is not yet one as predicted
    if decided is not None:
        reports = decided.reports
        sources = _sources(reports, facts)  # type: ignore[arg-type]
        outcome = decided.outcome
        if claim.polarity == "negative":  # the claim carries the prediction's polarity (kg.extract.claims)
            outcome = {"confirmed": "refuted", "refuted": "confirmed"}[outcome]
        return Verdict(
            outcome,
            f"claim {what} in {window_text(claim)}: one event ({days(decided.event)}), {len(reports)} report(s) "
            f"from {len(sources)} later source(s); matching fields: {', '.join(decided.fields)}; {decided.why}.",
            tuple(r.iri for r in reports),
            sources,
        )
    if not candidates:
        return None
    found = tuple(
        Candidate(r.iri, r.article, round(len(m.fields) / 5, 3), r.text, tuple(sorted(claim.subjects)), ())
        for m in candidates[:MAX_CANDIDATES]
        for r in m.reports[:1]
    )
    listed = "; ".join(
        f"{c.iri} ({m.why}; matching fields: {', '.join(m.fields)})" for c, m in zip(found, candidates, strict=False)
    )
    w_end = claim.end
    status = "expired" if w_end is not None and w_end < as_of else "open"
    return Verdict(
        status,
        f"needs review: claim {what} in {window_text(claim)}; no event matches every field; candidates: {listed}.",
        tuple(c.iri for c in found) if status == "open" else (),
        _sources(found, facts) if status == "open" else (),
        found if status == "open" else (),
    )


# -- meetings ---------------------------------------------------------------------------------------------
def _span(m: MeetingFact, facts: Facts) -> tuple[dt.date | None, dt.date | None]:
    """The days a meeting took (or takes) place; undated reports are placed at their article's date."""
    if m.start is not None:
        return m.start, m.end or m.start
    published = facts.published(m.article)
    if m.status == "held":
        return published, published
    return published, None  # an undated plan or denial speaks about the time after it was published


def _country(m: MeetingFact, facts: Facts) -> str | None:
    return (
        m.country
        or facts.places.country_of_place(m.place)
        or (facts.places.person_country.get(m.host) if m.host else None)
    )


def same_place(predicted: MeetingFact, m: MeetingFact, facts: Facts) -> bool | None:
    """True / False when the two places are known to agree / differ, None when one is unknown."""
    a, b = _country(predicted, facts), _country(m, facts)
    if a and b:
        return a == b
    if predicted.place and m.place and predicted.place.casefold() == m.place.casefold():
        return True
    return None


def _names(iris: Iterable[str], facts: Facts) -> str:
    names = sorted(facts.label(i) for i in iris)
    if len(names) < 2:
        return names[0] if names else "nobody"
    return ", ".join(names[:-1]) + " and " + names[-1]


def _stand_ins(e: MeetingFact, m: MeetingFact, facts: Facts) -> list[tuple[str, str]]:
    """(missing predicted participant, someone of the same country present instead) pairs."""
    countries = facts.places.person_country
    pairs = []
    for missing in sorted(e.people - m.people):
        home = countries.get(missing)
        if not home:
            continue
        pairs += [(missing, s) for s in sorted(m.people - e.people) if countries.get(s) == home]
    return pairs


def _home_countries(e: MeetingFact, facts: Facts) -> set[str]:
    """Countries that may be named for the predicted people: the place's and each participant's country."""
    found = {facts.places.person_country.get(x, "") for x in e.people} | {_country(e, facts) or ""}
    return found - {""}


def _negative(e: MeetingFact, m: MeetingFact, w: Window, facts: Facts) -> str | None:
    """Why meeting *m* shows the predicted event *e* did not (or will not) happen as predicted, else None."""
    if w.last is None or FAMILIES.get(m.kind) != FAMILIES.get(e.kind) or not w.overlaps(*_span(m, facts)):
        return None  # without an end, a denial only says "not yet": the event may still come
    place = same_place(e, m, facts)
    if place is False:
        return None
    source = facts.sources.get(m.article)
    day = source.published.isoformat() if source and source.published else "undated"
    if place is None and m.place and e.place:
        return None  # a report elsewhere (or where we cannot tell) is about another event
    if m.status in ("negated", "cancelled", "planned") and is_belief(m.text):
        return None  # what someone believes will (not) happen is no report of it
    if m.status in _NEGATIVE and m.people & e.people and m.people <= e.people | _home_countries(e, facts):
        return f"{day}: a source reports the {m.kind} of {_names(m.people, facts)} as {m.status}"
    if m.status in ("planned", "held") and place:
        pairs = _stand_ins(e, m, facts)
        if pairs:
            subs = "; ".join(f"{facts.label(s)} instead of {facts.label(x)}" for x, s in pairs)
            return f"{day}: a source reports a {m.status} {m.kind} at the predicted place with {subs}"
    if (
        m.status == "held"
        and m.kind == e.kind
        and place
        and m.people & e.people
        and e.people - m.people
        and m.people - e.people
        and w.first is not None
        and w.last - w.first <= SHORT_WINDOW
    ):
        return (
            f"{day}: the {m.kind} was held with {_names(m.people, facts)}, "
            f"without {_names(e.people - m.people, facts)}"
        )
    return None


def _confirms(e: MeetingFact, m: MeetingFact, w: Window, facts: Facts, *, strict: bool = False) -> bool:
    """*m* is the predicted event *e* held. *strict* (a negative prediction with no end to its window) asks
    for the same kind, not only the same family, so an undated "X will not attend the celebrations" is not
    undone by a state visit a year later."""
    return (
        m.status == "held"
        and (m.kind == e.kind if strict else FAMILIES.get(m.kind) == FAMILIES.get(e.kind))
        and _absent(e, m, facts) == frozenset()
        and w.overlaps(*_span(m, facts))
        and same_place(e, m, facts) is not False
    )


def _absent(e: MeetingFact, m: MeetingFact, facts: Facts) -> frozenset[str]:
    """The predicted people of *e* not in *m*; a host country is present when *m* took place in it."""
    missing = e.people - m.people
    if e.host in missing and e.host == _country(e, facts) and same_place(e, m, facts):
        missing -= {e.host}
    return missing


def _first_event(found: list[MeetingFact], facts: Facts) -> list[MeetingFact]:
    """The reports of the earliest event among *found* (reports whose days meet the earliest one's)."""
    dated = sorted(found, key=lambda m: (_span(m, facts)[0] or dt.date.max, m.iri))
    first, last = _span(dated[0], facts)
    return [m for m in dated if Window(first, last).overlaps(*_span(m, facts))]


def _sources(nodes: Iterable[MeetingFact | StatementFact | Candidate], facts: Facts) -> tuple[str, ...]:
    arts = {n.article for n in nodes}
    return tuple(sorted(arts, key=lambda a: (facts.published(a) or dt.date.min, a)))


def _judge_meeting(p: PredictionFact, e: MeetingFact, facts: Facts, as_of: dt.date) -> Verdict:
    w = window(p)
    who = _names(e.people, facts)
    pool = [m for m in facts.meetings if m.iri != e.iri and later(p, facts, m.article, as_of)]
    strict = w.last is None and p.polarity == "negative"
    held = [m for m in same_day_held(p, e, facts, as_of, pool) if _confirms(e, m, w, facts, strict=strict)]
    if held and names_duration(p.text):
        return _length_open(p, held, facts)
    negative = [(m, why) for m in pool if (why := _negative(e, m, w, facts)) is not None]
    claim_true = "confirmed" if p.polarity == "positive" else "refuted"
    claim_false = "refuted" if p.polarity == "positive" else "confirmed"
    if held:
        first = _first_event(held, facts)
        start, end = _span(first[0], facts)
        days = Window(start, end).text()
        text = f"the {e.kind} of {who} was held ({days}), reported by {len(_sources(first, facts))} later source(s)"
        if negative:
            text += "; it outweighs earlier reports that it would not happen"
        verb = "as predicted" if p.polarity == "positive" else "which the prediction said would not happen"
        return Verdict(claim_true, f"{text}, {verb}.", tuple(m.iri for m in first), _sources(first, facts))
    if negative:
        nodes = sorted((m for m, _ in negative), key=lambda m: (facts.published(m.article) or dt.date.min, m.iri))
        reasons = "; ".join(why for _, why in sorted(negative, key=lambda x: nodes.index(x[0])))
        if p.polarity == "positive":
            head = f"the predicted {e.kind} of {who} in {w.text()} did not happen as predicted"
        else:
            head = f"as predicted, the {e.kind} of {who} did not happen in {w.text()}"
        return Verdict(claim_false, f"{head}: {reasons}.", tuple(m.iri for m in nodes), _sources(nodes, facts))
    if w.last is not None and w.last < as_of:
        return Verdict(
            "expired",
            f"the window {w.text()} has passed and no later source reports the {e.kind} of {who} "
            "as held or as not happening.",
        )
    return Verdict("open", f"no later source yet reports the {e.kind} of {who} in {w.text()}.")


# -- predictions that are not about a meeting ---------------------------------------------------------------
def words(text: str) -> frozenset[str]:
    """Content words of *text*: lowercase, three letters or more, without stop words and hedges.

    >>> sorted(words("Trump will likely meet Kim for another summit"))
    ['kim', 'meet', 'summit', 'trump']
    """
    return frozenset(w.strip("'-") for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP)


def _score(
    p: PredictionFact, pw: frozenset[str], actors: frozenset[str], text: str, day: dt.date | None, w: Window
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    shared_actors = tuple(sorted(p.actors & actors))
    shared_words = tuple(sorted(pw & words(text)))
    actor_part = len(shared_actors) / len(p.actors) if p.actors else 0.0
    word_part = min(1.0, len(shared_words) / min(len(pw), 6)) if pw else 0.0
    time_part = 1.0 if day is None or Window(w.first, w.last).overlaps(day, day) else 0.0
    return round(0.5 * actor_part + 0.4 * word_part + 0.1 * time_part, 3), shared_actors, shared_words


def candidates(p: PredictionFact, facts: Facts, as_of: dt.date) -> list[Candidate]:
    """Later statements and meetings ranked by similarity to *p* (best first, at most MAX_CANDIDATES)."""
    pw = words(p.text)
    w = window(p)
    found = []
    items: list[tuple[str, str, frozenset[str], str, dt.date | None]] = [
        (s.iri, s.article, s.actors, s.text, s.said_on or facts.published(s.article)) for s in facts.statements
    ]
    items += [
        (m.iri, m.article, m.people, m.text, _span(m, facts)[0]) for m in facts.meetings if m.status != "predicted"
    ]
    for iri, article, actors, text, day in items:
        if not later(p, facts, article, as_of):
            continue
        score, shared_actors, shared_words = _score(p, pw, actors, text, day, w)
        if score >= MIN_SCORE and (shared_actors or len(shared_words) >= 2):
            found.append(Candidate(iri, article, score, text, shared_actors, shared_words))
    found.sort(key=lambda c: (-c.score, c.iri))
    return found[:MAX_CANDIDATES]


def _judge_words(p: PredictionFact, facts: Facts, as_of: dt.date) -> Verdict:
    found = candidates(p, facts, as_of)
    w = window(p)
    if found:
        listed = "; ".join(
            f"{c.iri} (score {c.score:.2f}; actors: {_names(c.actors, facts) if c.actors else '-'}; "
            f"words: {', '.join(c.words) or '-'})"
            for c in found
        )
        return Verdict(
            "open",
            "needs review: no rule decides a prediction that is not about a meeting; candidate evidence "
            f"ranked by shared actors, shared words and time window: {listed}.",
            tuple(c.iri for c in found),
            _sources(found, facts),
            tuple(found),
        )
    if w.last is not None and w.last < as_of:
        return Verdict("expired", f"the deadline {w.last.isoformat()} has passed and no later source bears on it.")
    return Verdict("open", "no later source bears on it yet.")


def same_day_held(
    p: PredictionFact, e: MeetingFact, facts: Facts, as_of: dt.date, pool: list[MeetingFact]
) -> list[MeetingFact]:
    """*pool* and the held meetings reported on the day the prediction was made (a report of a meeting that
    took place cannot precede the forecast of it: the window still has to contain the meeting's days)."""
    same_day = [
        m for m in facts.meetings
        if m.iri != e.iri and m.status == "held" and m not in pool and reported_after(p, facts, m.article, as_of)
    ]
    return pool + same_day


def _length_open(p: PredictionFact, held: list[MeetingFact], facts: Facts) -> Verdict:
    """A held meeting does not settle a predicted length: open, with the meeting as candidate evidence."""
    found = tuple(Candidate(m.iri, m.article, 1.0, m.text, tuple(sorted(m.people)), ()) for m in held)
    return Verdict(
        "open",
        "needs review: the meeting was held, but the prediction names how long it lasts and no rule compares "
        f"lengths; candidates: {', '.join(c.iri for c in found)}.",
        tuple(c.iri for c in found),
        _sources(found, facts),
        found,
    )


def _by_length(p: PredictionFact, facts: Facts, as_of: dt.date, events: list[EventFact]) -> Verdict | None:
    """A prediction of a meeting's length judged by the length later sources report (kg.resolve.lengths)."""
    w = window(p)
    found = judge_length(p, events, first=w.first, last=w.last, later=lambda a: reported_after(p, facts, a, as_of))
    if found is None:
        return None
    return _found_verdict(found, facts)


def _by_company(p: PredictionFact, claim: ClaimFact, facts: Facts, as_of: dt.date, events: list[EventFact]
                ) -> Verdict | None:
    """A claim of who else is in the room judged by later reports of that company (kg.resolve.company)."""
    if claim.start is None and claim.end is None and p.made_on is not None:
        claim = ClaimFact(**{**claim.__dict__, "start": p.made_on})
    found = judge_company(claim, events, later=lambda a: reported_after(p, facts, a, as_of))
    if found is None:
        return None
    return _found_verdict(found, facts)


def _by_offer(p: PredictionFact, claim: ClaimFact, facts: Facts, as_of: dt.date, events: list[EventFact]
              ) -> Verdict | None:
    """An offer claim judged by a later report of the offer or of an agreement on it (kg.resolve.offers)."""
    if claim.start is None and claim.end is None and p.made_on is not None:
        claim = ClaimFact(**{**claim.__dict__, "start": p.made_on})
    found = judge_offer(claim, p.text, events, countries=facts.places.person_country,
                        later=lambda a: reported_after(p, facts, a, as_of))
    if found is None:
        return None
    return _found_verdict(found, facts)


def _found_verdict(found: Any, facts: Facts) -> Verdict:
    """The verdict of a judge that returns ``outcome``, ``why`` and the ``reports`` it rests on (kg.resolve.lengths,
    company, offers)."""
    reports = found.reports
    return Verdict(found.outcome, f"{found.why}.", tuple(r.iri for r in reports), _sources(reports, facts))

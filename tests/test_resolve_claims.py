"""Propositions and reported outcomes: one test per outcome kind, numeric comparisons, event identity, beliefs,
other events, as-of look-backs and the status history. Every text here is written for these tests (fictional
actors); actors and predictions are given, claims and outcomes are read from the words by kg.extract."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.extract.claims import base_forms, read_claim, read_value, with_claims
from kg.extract.outcomes import find_outcomes, with_outcomes
from kg.ingest import ingest
from kg.mapping import to_graph
from kg.namespaces import KG, OUTCOME_KINDS, STATUS_AS_OF_PREFIX, STATUS_GRAPH, concept
from kg.outcome_scheme import scheme
from kg.queries import load_queries, run_query
from kg.records import Actor, ArticleRecord, Meeting, Prediction, Records, Span
from kg.resolve import resolve
from kg.resolve.claims import compare
from kg.resolve.events import Report, cluster
from kg.resolve.reports import ClaimFact, is_belief
from kg.store import MemoryStore
from kg.validate import validate


@dataclass
class Who:
    id: str
    label: str
    type: str = "Organization"
    forms: tuple[str, ...] = ()


def mentioned(text: str, actors: list[Who]) -> list[Actor]:
    """The actors with a mention at every place one of their forms is written (the first form found wins)."""
    found = []
    for w in actors:
        spans: list[Span] = []
        for form in (w.label, *w.forms):
            i = text.find(form)
            while i != -1:
                if not any(s.start <= i < s.end for s in spans):
                    spans.append(Span(i, i + len(form), form))
                i = text.find(form, i + 1)
        found.append(Actor(w.id, w.label, w.type, mentions=sorted(spans, key=lambda s: s.start), rule="test"))
    return found


def records(text: str, published: str, url: str, actors: list[Who], predictions: dict[str, str | None]) -> Records:
    """Records of *text*: the actors' mentions found by their forms, one prediction per given words (with its
    deadline), then claims and outcomes read by the extractor."""
    found = mentioned(text, actors)
    preds = []
    for n, (words, deadline) in enumerate(predictions.items(), 1):
        i = text.index(words)
        preds.append(Prediction(f"p{n}", "author", words, Span(i, i + len(words), words), hedge="will",
                                probability=0.7, deadline=deadline))
    r = Records(ArticleRecord(text=text, url=url, title=url, outlet="Test Desk", published=published), found,
                predictions=preds)
    return with_outcomes(with_claims(r))


def load(store: MemoryStore, tmp_path: Path, *docs: Records) -> MemoryStore:
    paths = []
    for i, r in enumerate(docs):
        p = tmp_path / f"r{i}.json"
        p.write_text(json.dumps(r.to_dict()), encoding="utf-8")
        paths.append(p)
    result = ingest(store, paths, force=True)
    assert not result.failed, [o.message for o in result.failed]
    return store


def at(day: str) -> dict[str, object]:
    d = dt.date.fromisoformat(day)
    return {"as_of": d, "now": dt.datetime.combine(d, dt.time(12), tzinfo=dt.UTC)}


ACME = Who("acme", "Acme Corp", forms=("Acme",))
GLOBEX = Who("globex", "Globex")
BANK = Who("bank", "Central Bank of Ruritania", forms=("the Central Bank", "The Central Bank"))
SENATE = Who("senate", "Senate of Freedonia", forms=("The Senate", "the Senate"))
BERG = Who("berg", "Anna Berg", "Person", ("Berg",))
DORN = Who("dorn", "Carl Dorn", "Person", ("Dorn",))
RURITANIA = Who("ruritania", "Ruritania", "Country")
GREENS = Who("greens", "Green Party", forms=("The Greens", "the Greens"))
ORBITAL = Who("orbital", "Orbital Corp", forms=("Orbital",))

# kind: (actors, what a prediction says, what a later report says)
KINDS: dict[str, tuple[list[Who], str, str]] = {
    "meet": ([BERG, DORN], "Anna Berg will meet Carl Dorn in Vienna.", "Anna Berg met Carl Dorn in Vienna on Monday."),
    "visit": ([BERG, RURITANIA], "Anna Berg will visit Ruritania.", "Anna Berg visited Ruritania on Monday."),
    "attend": ([BERG], "Anna Berg will attend the forum.", "Anna Berg attended the forum on Monday."),
    "win": ([GREENS], "The Greens will win the vote.", "The Greens won the vote on Monday."),
    "lose": ([GREENS], "The Greens will lose the vote.", "The Greens lost the vote on Monday."),
    "lead": ([ACME], "Acme Corp will lead the rankings.", "Acme Corp led the rankings on Monday."),
    "pass": ([SENATE], "The Senate will pass the budget.", "The Senate passed the budget on Monday."),
    "reject": ([SENATE], "The Senate will reject the treaty.", "The Senate rejected the treaty on Monday."),
    "approve": ([SENATE], "The Senate will approve the merger.", "The Senate approved the merger on Monday."),
    "dissolve": ([SENATE], "The Senate will dissolve itself.", "The Senate voted to dissolve itself on Monday."),
    "raise": ([BANK], "The Central Bank will raise rates.", "The Central Bank raised rates on Monday."),
    "cut": ([BANK], "The Central Bank will cut rates.", "The Central Bank cut rates on Monday."),
    "hold": ([BANK], "The Central Bank will hold rates.", "The Central Bank left rates unchanged on Monday."),
    "announce": ([ACME], "Acme Corp will announce a buyback.", "Acme Corp announced a buyback on Monday."),
    "sign": ([ACME, GLOBEX], "Acme Corp and Globex will sign a pact.", "Acme Corp and Globex signed a pact on Monday."),
    "agree": ([ACME, GLOBEX], "Acme Corp and Globex will agree terms.", "Acme Corp and Globex agreed terms on Monday."),
    "withdraw": ([RURITANIA], "Ruritania will pull out of the pact.", "Ruritania withdrew from the pact on Monday."),
    "release": ([RURITANIA], "Ruritania will release the sailors.", "Ruritania released the sailors on Monday."),
    "launch": ([ORBITAL], "Orbital Corp will launch its rocket.", "Orbital Corp launched its rocket on Monday."),
    "return": ([DORN], "Carl Dorn will return home.", "Carl Dorn returned home on Monday."),
    "end": ([BANK], "The Central Bank will end bond buying.", "The Central Bank ended bond buying on Monday."),
    "postpone": ([ORBITAL], "Orbital Corp will postpone the flight.", "Orbital Corp postponed the flight on Monday."),
    "reach": ([ACME], "Acme Corp shares will reach $50.", "Acme Corp shares reached $50 on Monday."),
    "price": ([ACME], "Acme Corp will price its shares at $45.", "Acme Corp priced its shares at $45 on Monday."),
    "form-government": ([GREENS], "The Greens will form a coalition.", "The Greens formed a coalition on Monday."),
    "stay": ([RURITANIA], "Ruritania will stay in the pact.", "Ruritania stayed in the pact on Monday."),
    "accompany": ([BERG, DORN], "Anna Berg and Carl Dorn will be joined by interpreters.",
                  "Anna Berg and Carl Dorn were joined by interpreters on Monday."),
    "offer": ([ACME], "Acme Corp will offer to buy the plant.", "Acme Corp offered to buy the plant on Monday."),
    "dock": ([ORBITAL], "Orbital Corp will dock with the station.", "Orbital Corp docked with the station on Monday."),
}


def test_every_outcome_kind_has_a_test_and_a_concept() -> None:
    assert sorted(KINDS) == sorted(OUTCOME_KINDS) == sorted(scheme().kinds)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_outcome_kind_is_claimed_reported_and_confirmed(kind: str, store: MemoryStore, tmp_path: Path) -> None:
    actors, said, happened = KINDS[kind]
    before = records(said, "2031-03-01", "https://example.org/before", actors, {said: "2031-03-31"})
    claim = before.predictions[0].claim
    assert claim is not None and claim.predicate == kind and actors[0].id in claim.subjects
    after = records(happened, "2031-03-11", "https://example.org/after", actors, {})
    assert [o.claim.predicate for o in after.outcomes] == [kind]
    assert after.outcomes[0].date == "2031-03-10"  # "on Monday", read towards the past
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == "confirmed", j.rationale
    assert j.evidence and "matching fields: family, subject" in j.rationale


def test_claim_reads_subjects_object_value_and_comparison() -> None:
    text = "Acme Corp and Globex are expected to raise prices by at least 25 basis points."
    c = read_claim(text, 0, len(text), actors=records(text, "2031-01-01", "https://e.org/x", [ACME, GLOBEX], {}).actors,
                   forms=base_forms())
    assert c is not None
    assert (c.predicate, sorted(c.subjects), c.value, c.unit, c.comparison) == ("raise", ["acme", "globex"], 25.0,
                                                                                 "bp", "ge")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("at $45 a share", (45.0, None, "usd", "eq")),
        ("about $3 billion to $5 billion", (3e9, 5e9, "usd", "between")),
        ("by 50bps", (50.0, None, "bp", "eq")),
        ("339 seats or more", (339.0, None, "seats", "ge")),
        ("below 2%", (2.0, None, "percent", "lt")),
        ("10 million barrels per day", (1e7, None, "barrels-per-day", "eq")),
    ],
)
def test_values_with_units_and_comparisons(words: str, expected: tuple[object, ...]) -> None:
    found = read_value(words, 0, len(words))
    assert found is not None and found[:4] == expected


def test_numeric_comparisons_convert_units() -> None:
    at_least = ClaimFact("raise", frozenset({"b"}), value=25, unit="bp", comparison="ge")
    exactly = ClaimFact("raise", frozenset({"b"}), value=25, unit="bp", comparison="eq")
    assert compare(at_least, 0.5, "percent") is True
    assert compare(exactly, 0.5, "percent") is False
    assert compare(exactly, 0.25, "percent") is True
    assert compare(exactly, 25, "seats") is None  # another unit never decides
    ranged = ClaimFact("reach", frozenset({"a"}), value=311, value_high=367, unit="seats", comparison="between")
    assert compare(ranged, 365, "seats") is True and compare(ranged, 370, "seats") is False


@pytest.mark.parametrize(
    ("said", "happened", "outcome"),
    [
        ("The Central Bank will raise rates by 25 basis points.", "The Central Bank raised rates by 50bps on Monday.",
         "refuted"),
        ("The Central Bank will raise rates by at least 25 basis points.",
         "The Central Bank raised rates by 0.5 percentage points on Monday.", "confirmed"),
        ("The Central Bank will raise rates by 25 basis points.", "The Central Bank left rates unchanged on Monday.",
         "refuted"),
        ("The Central Bank will raise rates by 25 basis points.", "The Central Bank raised rates on Monday.", "open"),
    ],
)
def test_numeric_claims_compare_values_with_their_units(
    said: str, happened: str, outcome: str, store: MemoryStore, tmp_path: Path
) -> None:
    before = records(said, "2031-03-01", "https://example.org/before", [BANK], {said: "2031-03-31"})
    after = records(happened, "2031-03-11", "https://example.org/after", [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == outcome, j.rationale
    if outcome != "open":
        assert ("value" in j.rationale or "contrary" in j.rationale) and j.evidence


def test_contrary_kind_refutes_and_negative_claim_is_swapped(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens will win the vote. The Greens will not lose the vote."
    deadlines = {"The Greens will win the vote.": "2031-03-31", "The Greens will not lose the vote.": "2031-03-31"}
    before = records(said, "2031-03-01", "https://example.org/before", [GREENS], deadlines)
    assert [p.claim.polarity for p in before.predictions if p.claim] == ["positive", "negative"]
    after = records("The Greens lost the vote on Monday.", "2031-03-11", "https://example.org/after", [GREENS], {})
    js = {j.text: j for j in resolve(load(store, tmp_path, before, after), **at("2031-03-12"))}
    assert js["The Greens will win the vote."].outcome == "refuted"
    assert js["The Greens will not lose the vote."].outcome == "refuted"


def test_scrubbed_launch_refutes_a_launch_on_that_day(store: MemoryStore, tmp_path: Path) -> None:
    said = "Orbital Corp will launch its rocket on Wednesday."
    before = records(said, "2031-03-10", "https://example.org/before", [ORBITAL], {said: "2031-03-12"})
    after = records("Orbital Corp scrubbed the launch on Wednesday because of the weather.", "2031-03-12",
                    "https://example.org/after", [ORBITAL], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-13"))
    assert j.outcome == "refuted" and "postpone" in j.rationale


def test_report_of_another_subject_or_outside_the_window_never_decides(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank will raise rates by 25 basis points."
    before = records(said, "2031-03-01", "https://example.org/before", [BANK, ACME], {said: "2031-03-31"})
    other = records("Acme Corp raised prices by 50bps on Monday.", "2031-03-11", "https://example.org/other",
                    [BANK, ACME], {})
    late = records("The Central Bank raised rates by 50bps on Monday.", "2031-05-13", "https://example.org/late",
                   [BANK, ACME], {})
    (j,) = resolve(load(store, tmp_path, before, other, late), **at("2031-06-01"))
    assert j.outcome == "expired" and not j.evidence


def test_beliefs_and_plans_are_not_reported_outcomes() -> None:
    text = ("An adviser said he did not believe Anna Berg would attend the forum. Anna Berg will attend the "
            "summit. If the Greens won, Anna Berg would resign. Anna Berg attended the forum on Monday.")
    r = records(text, "2031-03-11", "https://example.org/x", [BERG, GREENS], {})
    assert [o.span.text for o in find_outcomes(r)] == ["Anna Berg attended the forum on Monday."]
    assert is_belief("an adviser did not believe she would attend") and not is_belief("she will not attend")


def test_adviser_belief_about_another_event_never_refutes(store: MemoryStore, tmp_path: Path) -> None:
    """A belief that a leader would not attend an assembly elsewhere says nothing about the predicted summit."""
    text = "Anna Berg will host Carl Dorn for a summit in Ruritania in September."
    before = Records(
        ArticleRecord(text=text, url="https://example.org/before", title="t", published="2031-08-27"),
        [Actor("berg", "Anna Berg", "Person", mentions=[Span(0, 9, "Anna Berg")]),
         Actor("dorn", "Carl Dorn", "Person", mentions=[Span(text.index("Carl"), text.index("Carl") + 9,
                                                             "Carl Dorn")])],
        meetings=[_meeting("m1", ["dorn"], "predicted", text, host="berg", place="Ruritania", start="2031-09")],
        predictions=[Prediction("p1", "author", text, Span(0, len(text), text), hedge="will", probability=0.7,
                                deadline="2031-09-30", event="m1")],
    )
    belief = "An adviser said he did not believe Anna Berg would attend the assembly in New York."
    later = Records(
        ArticleRecord(text=belief, url="https://example.org/belief", title="t", published="2031-09-12"),
        [Actor("berg", "Anna Berg", "Person", mentions=[Span(belief.index("Anna"), belief.index("Anna") + 9,
                                                               "Anna Berg")])],
        meetings=[_meeting("m1", ["berg"], "negated", belief, place="New York", start="2031-09")],
    )
    js = resolve(load(store, tmp_path, before, later), **at("2031-09-20"))
    assert [j.outcome for j in js] == ["open"]


def _meeting(mid: str, who: list[str], status: str, text: str, **kw: str) -> Meeting:
    return Meeting(mid, "summit", who, status, Span(0, len(text), text), rule="test", **kw)


def _report(iri: str, day: str, actors: set[str], kind: str = "summit") -> Report:
    return Report(iri, f"kgd:{iri}", "presence", kind, "held", frozenset(actors), dt.date.fromisoformat(day))


def test_two_reports_of_one_summit_are_one_event_and_months_apart_two() -> None:
    events = cluster([
        _report("a", "2031-02-27", {"x", "y"}),
        _report("b", "2031-02-28", {"x", "y"}, "meeting"),
        _report("c", "2031-06-30", {"x", "y"}),
        _report("d", "2031-02-28", {"x", "z"}),  # another pair the same day
    ])
    assert [sorted(r.iri for r in e.reports) for e in events] == [["a", "b"], ["d"], ["c"]]
    assert events[0].status == "held" and events[0].iri != events[2].iri


def test_event_status_from_all_reports() -> None:
    plan = Report("p", "kgd:p", "presence", "visit", "planned", frozenset({"x"}), dt.date(2031, 5, 1),
                  published=dt.date(2031, 4, 1))
    off = Report("c", "kgd:c", "presence", "visit", "cancelled", frozenset({"x"}), dt.date(2031, 5, 1),
                 published=dt.date(2031, 4, 20))
    held = Report("h", "kgd:h", "presence", "visit", "held", frozenset({"x"}), dt.date(2031, 5, 2))
    assert [e.status for e in cluster([plan, off])] == ["cancelled"]
    assert [e.status for e in cluster([plan, off, held])] == ["held"]


def test_evidence_from_several_sources_counts_once_per_event(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank will raise rates."
    before = records(said, "2031-03-01", "https://example.org/before", [BANK], {said: "2031-03-31"})
    one = records("The Central Bank raised rates on Monday.", "2031-03-11", "https://example.org/one", [BANK], {})
    two = records("The Central Bank raised rates on Tuesday.", "2031-03-12", "https://example.org/two", [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, one, two), **at("2031-03-13"))
    assert j.outcome == "confirmed" and "one event" in j.rationale and len(j.sources) == 2
    events = store.query("SELECT ?e WHERE { GRAPH kgg:events { ?e a kg:Event } }")
    assert len(list(events)) == 1


def test_as_of_in_the_past_leaves_current_status_and_history_is_queryable(
    store: MemoryStore, tmp_path: Path
) -> None:
    said = "The Central Bank will raise rates."
    before = records(said, "2031-03-01", "https://example.org/before", [BANK], {said: "2031-03-31"})
    after = records("The Central Bank raised rates on Monday.", "2031-03-11", "https://example.org/after", [BANK], {})
    load(store, tmp_path, before, after)
    (now,) = resolve(store, **at("2031-04-02"))
    assert now.outcome == "confirmed"
    status = store.graph(str(STATUS_GRAPH))
    (back,) = resolve(store, as_of=dt.date(2031, 3, 5), now=dt.datetime(2031, 4, 3, tzinfo=dt.UTC))
    assert back.outcome == "open"  # the report was not published yet
    assert set(store.graph(str(STATUS_GRAPH))) == set(status)  # current status untouched
    looked = store.graph(STATUS_AS_OF_PREFIX + "2031-03-05")
    assert looked.value(URIRef(now.prediction), KG.status) == concept("status", "open")
    result = run_query(store, load_queries()["status-history"], {"prediction": now.prediction})
    status_at, record_at = result.variables.index("status"), result.variables.index("record")
    rows = [(str(r[status_at].value).rsplit("-", 1)[-1], str(r[record_at].value)) for r in result.rows]  # type: ignore[union-attr]
    assert rows == [
        ("open", "as-of"), ("confirmed", "resolution")]


def test_claims_and_outcomes_round_trip_and_conform() -> None:
    said = "The Central Bank will raise rates by 25 basis points."
    r = records(said + " The Central Bank raised rates by 50bps on Monday.", "2031-03-11",
                "https://example.org/x", [BANK], {said: "2031-03-31"})
    assert Records.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    g = to_graph(r)
    claims = list(g.subjects(KG.predicate, concept("outcome", "raise")))
    assert len(claims) == 2 and any(str(c).endswith("/claim") for c in claims)
    assert validate(g).conforms


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("won 260 of the 500 seats", (260.0, "seats")),
        ("a solid majority of 44 seats", (44.0, "seat-majority")),
        ("a 28-seat majority", (28.0, "seat-majority")),
    ],
)
def test_a_part_of_a_whole_and_a_majority_are_read_as_such(words: str, expected: tuple[float, str]) -> None:
    found = read_value(words, 0, len(words))
    assert found is not None and (found[0], found[2]) == expected


def test_a_number_the_claim_did_not_read_blocks_confirmation(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank will raise rates by several points."
    before = records(said, "2031-03-01", "https://example.org/before", [BANK], {said: "2031-03-31"})
    after = records("The Central Bank raised rates by 50bps on Monday.", "2031-03-11", "https://example.org/after",
                    [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-12"))
    assert j.outcome == "open" and j.candidates


def test_a_decision_reports_the_outcome_it_names() -> None:
    text = "Central Bank of Ruritania policymakers voted on Tuesday to end bond buying."
    r = records(text, "2031-03-12", "https://example.org/x", [BANK], {})
    assert [(o.claim.predicate, o.claim.subjects, o.date) for o in r.outcomes] == [("end", ["bank"], "2031-03-11")]


def test_a_prediction_naming_a_meeting_is_judged_by_its_claim(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Central Bank will end bond buying at its meeting on Tuesday."
    before = records(said, "2031-03-06", "https://example.org/before", [BANK], {said: "2031-03-11"})
    before.predictions[0].event = "m1"
    before.meetings.append(_meeting("m1", ["bank"], "predicted", said, start="2031-03-11"))
    after = records("The Central Bank ended bond buying on Tuesday.", "2031-03-12", "https://example.org/after",
                    [BANK], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-13"))
    assert j.outcome == "confirmed" and "end reported" in j.rationale


def test_an_agreement_to_cut_is_an_agreement_and_a_cut() -> None:
    text = "Acme Corp and Globex agreed on Monday to cut output by 10 million barrels per day."
    r = records(text, "2031-03-14", "https://example.org/x", [ACME, GLOBEX], {})
    assert [(o.claim.predicate, o.claim.value) for o in r.outcomes] == [("cut", 1e7), ("agree", None)]
    assert len({str(s) for s in to_graph(r).subjects(KG.claim, None)}) == 2


def test_contest_results_known_the_day_after_the_vote_count(store: MemoryStore, tmp_path: Path) -> None:
    said = "The Greens will win 40 seats in the vote."
    before = records(said, "2031-03-01", "https://example.org/before", [GREENS], {said: "2031-03-10"})
    after = records("The Greens won 35 seats in the vote, final results showed on Tuesday.", "2031-03-12",
                    "https://example.org/after", [GREENS], {})
    (j,) = resolve(load(store, tmp_path, before, after), **at("2031-03-13"))
    assert j.outcome == "refuted" and "35 seats does not satisfy 40 seats" in j.rationale

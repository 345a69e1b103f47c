"""Predictions checked against later sources: rule judgements (:func:`resolve`) and a person's (:func:`judge`).

Each judgement is a ``kg:Resolution`` in its own named graph (docs/model.md); :mod:`kg.resolve.rules` says
what the rules conclude and why, :mod:`kg.resolve.record` how judgements are hashed, chained and turned into
the ``kgg:status`` graph, :mod:`kg.resolve.evidence` what is read from the store.

>>> from kg.store import MemoryStore
>>> resolve(MemoryStore())
[]
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import XSD, Graph, Literal, URIRef

from kg.errors import UsageError
from kg.extract.slugs import slug
from kg.namespaces import ACTOR, EVENTS_GRAPH, KG, PREFIXES, STATUS_AS_OF_PREFIX, STATUS_GRAPH, concept
from kg.resolve.aliases import identity_map, unify
from kg.resolve.bodies import bodies, with_bodies
from kg.resolve.crews import crew_agencies, with_crews
from kg.resolve.events import cluster, events_graph
from kg.resolve.evidence import load_facts
from kg.resolve.first_person import with_speakers
from kg.resolve.groups import members, with_members
from kg.resolve.implicit import article_actors, with_implicit_subjects
from kg.resolve.office_holders import office_holders, with_offices
from kg.resolve.party_leaders import party_leaders, with_leaders
from kg.resolve.record import (
    RESOLVER_AGENT,
    RESOLVER_VERSION,
    Content,
    ResolutionRecord,
    current,
    graph_name,
    head,
    load_resolutions,
    resolution_graph,
    status_graph,
)
from kg.resolve.reports import load_claims, load_outcomes, reports
from kg.resolve.rules import FAMILIES, Candidate
from kg.resolve.rules import judge as judge_rule
from kg.resolve.short_names import short_names, with_short_names
from kg.resolve.titles import with_rivals
from kg.store.base import Store
from kg.store.terms import to_oxigraph

__all__ = [
    "FAMILIES",
    "HUMAN_OUTCOMES",
    "RESOLVER_VERSION",
    "Candidate",
    "Judgement",
    "ResolutionRecord",
    "history",
    "judge",
    "resolve",
]

HUMAN_OUTCOMES = ("confirmed", "refuted", "ambiguous", "annulled")
"""Outcomes a person may record with :func:`judge` (``expired`` and ``open`` are the rules' own)."""


@dataclass
class Judgement:
    """The judgement of one prediction, and the Resolution that records it."""

    prediction: str
    text: str
    outcome: str  # a prediction status: open, confirmed, refuted, expired, ambiguous, annulled
    rationale: str
    as_of: dt.date
    method: str = "rule"  # rule | human
    agent: str = RESOLVER_AGENT
    evidence: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    resolution: str | None = None  # the IRI of the Resolution holding it (None: nothing to record)
    revises: str | None = None
    written: bool = False  # True when this run wrote the Resolution

    @property
    def needs_review(self) -> bool:
        """Open, with candidate evidence for a person to look at."""
        return self.outcome == "open" and bool(self.candidates)


def _now(now: dt.datetime | None) -> dt.datetime:
    now = now or dt.datetime.now(dt.UTC)
    return now if now.tzinfo else now.replace(tzinfo=dt.UTC)


def expand(name: str) -> str:
    """A full IRI from ``<iri>``, ``prefix:local`` (kg's prefixes) or an IRI.

    >>> expand("kgd:abc/p1")
    'https://w3id.org/kg/id/article/abc/p1'
    """
    name = name.strip().removeprefix("<").removesuffix(">")
    prefix, _, local = name.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return name


def _from_record(r: ResolutionRecord, text: str, as_of: dt.date) -> Judgement:
    c = r.content
    return Judgement(
        c.prediction, text, c.outcome, c.rationale, r.as_of or as_of, c.method, c.agent,
        list(c.evidence), list(c.sources), resolution=r.iri, revises=r.revises,
    )


def resolve(
    store: Store,
    *,
    as_of: dt.date | None = None,
    prediction: str | None = None,
    now: dt.datetime | None = None,
) -> list[Judgement]:
    """Judge every prediction (or one) by rule against the sources published by *as_of* (default: today).

    Predictions a person has judged keep that judgement (returned, not re-judged). New or changed rule
    judgements are written as Resolutions, and ``kgg:status`` is rewritten, in one transaction; a judgement
    equal to the latest one writes nothing.

    Raises:
        UsageError: *prediction* is not a prediction in the store.
    """
    now = _now(now)
    as_of = as_of or now.date()
    past = as_of < now.date()
    # one organisation named differently in different articles is one subject (kg.resolve.aliases)
    ids = with_bodies(identity_map(store), bodies(store))  # "the <Bank> Policy Board" stands for the bank
    ids = with_short_names(ids, short_names(store, ids))  # "Acme" of one article, "Acme Holdings Inc." of another
    facts, claims, outcomes = unify(load_facts(store), load_claims(store), load_outcomes(store), ids)
    facts = with_members(facts, members(store, ids))  # a group's held meeting: its members take part
    claims = with_speakers(claims, facts.predictions)  # "I will …": the predictor
    claims, outcomes = with_offices(claims, outcomes, office_holders(store, ids))  # "<Org> Chair <Name>" acts for it
    claims, outcomes = with_leaders(claims, outcomes, party_leaders(store, ids))  # "<Party> leader <Name>" too
    claims, outcomes = with_crews(claims, outcomes, crew_agencies(store, ids, outcomes))  # "<Agency> astronaut <Name>"
    events = cluster(reports(facts, outcomes, as_of))
    named = {a: ids.all(x) for a, x in article_actors(store).items()}
    claims = with_implicit_subjects(claims, facts.predictions, events, named)  # "launch tomorrow": its doer
    claims = with_rivals(claims, facts.predictions)  # contenders for one title (kg.resolve.titles)
    predictions = facts.predictions
    if prediction is not None:
        predictions = [p for p in predictions if p.iri == expand(prediction)]
        if not predictions:
            raise UsageError(f"no prediction {prediction} in the store", hint="list them with 'kg predictions'")
    resolutions = load_resolutions(store)
    graphs: dict[str, Graph] = {}
    out = []
    for p in predictions:
        records = resolutions.setdefault(p.iri, [])
        human = head(records, "human")
        if human is not None:
            out.append(_from_record(human, p.text, as_of))
            continue
        v = judge_rule(p, facts, as_of, claim=claims.get(p.iri), events=events)
        content = Content(p.iri, v.outcome, "rule", RESOLVER_AGENT, v.rationale, v.evidence, v.sources)
        j = Judgement(
            p.iri, p.text, v.outcome, v.rationale, as_of, evidence=list(v.evidence), sources=list(v.sources),
            candidates=list(v.candidates),
        )
        if past:
            out.append(j)  # a look back: recorded in kgg:status/as-of/D only, the chain stays as it is
            continue
        last = head(records, "rule")
        if last is not None and last.content.key() == content.key():
            j.resolution, j.revises = last.iri, last.revises
        elif last is not None or v.outcome != "open" or v.evidence:
            j.revises = last.iri if last else None
            j.resolution, g = resolution_graph(content, as_of=as_of, now=now, revises=j.revises)
            graphs[graph_name(j.resolution)] = g
            records.append(ResolutionRecord(j.resolution, content, as_of, now, j.revises))
            j.written = True
        out.append(j)
    if past:
        store.replace_graphs({as_of_graph(as_of): as_of_status_graph(out, as_of)})
    else:
        graphs[str(EVENTS_GRAPH)] = events_graph(events)
        _write(store, graphs, resolutions)
    return out


def as_of_graph(day: dt.date) -> str:
    """The graph holding the statuses as of *day*: ``kgg:status/as-of/<day>``."""
    return STATUS_AS_OF_PREFIX + day.isoformat()


def as_of_status_graph(judgements: Sequence[Judgement], day: dt.date) -> Graph:
    """``?prediction kg:status ?s`` as of *day*, each with its evidence and rationale (no Resolution is written)."""
    g = Graph()
    node = URIRef(as_of_graph(day))
    g.add((node, KG.asOf, Literal(day.isoformat(), datatype=XSD.date)))
    for j in judgements:
        p = URIRef(j.prediction)
        g.add((p, KG.status, concept("status", j.outcome)))
        if j.outcome != "open" or j.evidence:
            g.add((p, KG.rationale, Literal(j.rationale)))
        for e in j.evidence:
            g.add((p, KG.evidence, URIRef(e)))
    return g


def _write(store: Store, graphs: dict[str, Graph], resolutions: dict[str, list[ResolutionRecord]]) -> None:
    status = status_graph(resolutions)
    old = {(q.subject, q.predicate, q.object) for q in store.quads(str(STATUS_GRAPH))}
    new = {tuple(to_oxigraph(t) for t in triple) for triple in status}
    events = graphs.pop(str(EVENTS_GRAPH), None)
    if events is not None:
        old_events = {(q.subject, q.predicate, q.object) for q in store.quads(str(EVENTS_GRAPH))}
        if old_events != {tuple(to_oxigraph(t) for t in triple) for triple in events}:
            graphs[str(EVENTS_GRAPH)] = events
    if graphs or old != new:
        store.replace_graphs({**graphs, str(STATUS_GRAPH): status})


def _prediction(store: Store, name: str) -> str:
    iri = expand(name)
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        node = None
    if node is not None and store.query("ASK { ?p a kg:Prediction }", substitutions={"p": node}):
        return iri
    raise UsageError(f"no prediction {name} in the store", hint="list them with 'kg predictions --format json'")


def _source(store: Store, name: str) -> str:
    """The article IRI of *name*, an article IRI or URL in the store."""
    iri = expand(name)
    try:
        node = ox.NamedNode(iri)
        if store.query("ASK { ?a a kg:Article }", substitutions={"a": node}):
            return iri
    except ValueError:
        pass
    rows = store.query("SELECT ?a ?s WHERE { ?a a kg:Article ; kg:url ?u FILTER(STR(?u) = ?s) }",
                       substitutions={"s": ox.Literal(name.strip())})
    for row in rows:
        return str(row["a"].value)
    raise UsageError(f"no article {name} in the store", hint="give the IRI or URL of an ingested article")


def judge(
    store: Store,
    prediction: str,
    *,
    outcome: str,
    evidence: Sequence[str] = (),
    note: str | None = None,
    by: str | None = None,
    now: dt.datetime | None = None,
) -> Judgement:
    """Record a person's judgement of *prediction*; it wins over rule judgements from now on.

    *evidence* are articles (IRIs or URLs) in the store; *by* names the person (default ``$USER``), or is
    their IRI. The new Resolution revises the current one, so the history stays queryable.

    Raises:
        UsageError: unknown outcome, prediction or source; no evidence for confirmed/refuted; no name.
    """
    if outcome not in HUMAN_OUTCOMES:
        raise UsageError(f"unknown outcome '{outcome}'", hint=f"choose {', '.join(HUMAN_OUTCOMES)}")
    by = by or os.environ.get("USER")
    if not by:
        raise UsageError("who is judging is unknown", hint="pass --by NAME")
    now = _now(now)
    iri = _prediction(store, prediction)
    sources = tuple(dict.fromkeys(_source(store, s) for s in evidence))
    if outcome in ("confirmed", "refuted") and not sources:
        raise UsageError(f"a {outcome} judgement needs evidence", hint="pass --evidence SOURCE (article IRI or URL)")
    is_iri = by.startswith(("http://", "https://"))
    agent = by if is_iri else str(ACTOR[slug(by)])
    # the judged article itself is the evidence a person points to
    content = Content(iri, outcome, "human", agent, note or f"judged {outcome} by {by}", sources, sources)
    resolutions = load_resolutions(store)
    records = resolutions.setdefault(iri, [])
    text = _text(store, iri)
    last = head(records, "human")
    if last is not None and last.content.key() == content.key():
        return _from_record(last, text, now.date())
    was = current(records)
    revises = was.iri if was else None
    res, g = resolution_graph(content, as_of=now.date(), now=now, revises=revises, agent_label=None if is_iri else by)
    records.append(ResolutionRecord(res, content, now.date(), now, revises))
    _write(store, {graph_name(res): g}, resolutions)
    return Judgement(
        iri, text, outcome, content.rationale, now.date(), "human", agent, [], list(sources),
        resolution=res, revises=revises, written=True,
    )


def _text(store: Store, iri: str) -> str:
    for row in store.query("SELECT ?p ?t WHERE { ?p kg:text ?t }", substitutions={"p": ox.NamedNode(iri)}):
        return str(row["t"].value)
    return ""


def history(store: Store, prediction: str) -> list[ResolutionRecord]:
    """Every resolution of *prediction*, oldest first (rule and human, revised ones included)."""
    return load_resolutions(store).get(expand(prediction), [])

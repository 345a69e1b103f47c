"""Resolutions as RDF: one named graph ``kgg:resolution/<hash>`` per judgement, and the ``kgg:status`` graph.

The hash is taken over what was judged (prediction, outcome, evidence, sources, rationale, method, agent,
resolver version) and the resolution it revises, never over the time: judging again with the same evidence
gives the same content, which is then not written again. A changed judgement is a new resolution that
``kg:revises`` the previous head of its chain.

Chains: rule resolutions revise the latest rule resolution of the prediction; a person's resolution revises
whatever was current. The current status of a prediction is the outcome of its latest human resolution,
else of its latest rule resolution (human judgements win).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg import __version__
from kg.namespaces import GRAPH, KG, RESOLUTION, RESOLUTION_GRAPH_PREFIX, concept, concept_value
from kg.store.base import Store

RESOLVER_VERSION = f"kg {__version__} resolver 1"
"""Written as ``kg:resolverVersion``; bump the resolver number when the rules change what they conclude."""

RESOLVER_AGENT = "https://w3id.org/kg/id/actor/kg-resolver"

_RESOLUTIONS = """
SELECT ?g ?r ?p ?o ?m ?agent ?rat ?ver ?asof ?t ?ev ?src ?rev WHERE {
  GRAPH ?g { ?r a kg:Resolution ; kg:resolves ?p ; kg:outcome ?o ; kg:method ?m .
    OPTIONAL { ?r prov:wasAssociatedWith ?agent } OPTIONAL { ?r kg:rationale ?rat }
    OPTIONAL { ?r kg:resolverVersion ?ver } OPTIONAL { ?r kg:asOf ?asof } OPTIONAL { ?r prov:endedAtTime ?t }
    OPTIONAL { ?r kg:evidence ?ev } OPTIONAL { ?r kg:evidenceSource ?src } OPTIONAL { ?r kg:revises ?rev } }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""


@dataclass(frozen=True)
class Content:
    """What a judgement says, independent of when it was made: the part that is hashed."""

    prediction: str
    outcome: str  # a prediction status value: confirmed, refuted, ...
    method: str  # rule | human
    agent: str
    rationale: str
    evidence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    version: str = RESOLVER_VERSION

    def key(self) -> str:
        """A canonical JSON form (evidence and sources sorted)."""
        d = {
            "prediction": self.prediction, "outcome": self.outcome, "method": self.method, "agent": self.agent,
            "rationale": self.rationale, "evidence": sorted(self.evidence), "sources": sorted(self.sources),
            "version": self.version,
        }
        return json.dumps(d, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class ResolutionRecord:
    """A resolution as stored."""

    iri: str
    content: Content
    as_of: dt.date | None
    ended: dt.datetime | None
    revises: str | None

    @property
    def graph(self) -> str:
        """The named graph holding it."""
        return RESOLUTION_GRAPH_PREFIX + self.iri.rsplit("/", 1)[-1]


def resolution_iri(content: Content, revises: str | None) -> str:
    """``kgr:<16 hex digits>`` of the content and the resolution it revises."""
    digest = hashlib.sha256((content.key() + "\n" + (revises or "")).encode("utf-8")).hexdigest()[:16]
    return str(RESOLUTION[digest])


def load_resolutions(store: Store) -> dict[str, list[ResolutionRecord]]:
    """Every stored resolution, grouped by the prediction it resolves, oldest first."""
    rows: dict[str, dict[str, object]] = {}
    multi: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"ev": set(), "src": set()})
    for r in store.query(_RESOLUTIONS.replace("{prefix}", RESOLUTION_GRAPH_PREFIX)):
        iri = r["r"].value
        if iri not in rows:
            rows[iri] = {k: (r[k].value if r[k] is not None else None)
                         for k in ("p", "o", "m", "agent", "rat", "ver", "asof", "t", "rev")}
        for k in ("ev", "src"):
            if r[k] is not None:
                multi[iri][k].add(r[k].value)
    out: dict[str, list[ResolutionRecord]] = defaultdict(list)
    for iri, v in rows.items():
        content = Content(
            prediction=str(v["p"]),
            outcome=concept_value(str(v["o"]), "status") or str(v["o"]),
            method=concept_value(str(v["m"]), "method") or str(v["m"]),
            agent=str(v["agent"] or ""),
            rationale=str(v["rat"] or ""),
            evidence=tuple(sorted(multi[iri]["ev"])),
            sources=tuple(sorted(multi[iri]["src"])),
            version=str(v["ver"] or ""),
        )
        out[content.prediction].append(
            ResolutionRecord(
                iri, content,
                dt.date.fromisoformat(str(v["asof"])[:10]) if v["asof"] else None,
                dt.datetime.fromisoformat(str(v["t"])) if v["t"] else None,
                str(v["rev"]) if v["rev"] else None,
            )
        )
    for records in out.values():
        records.sort(key=_order)
    return dict(out)


def _order(r: ResolutionRecord) -> tuple[dt.datetime, str]:
    ended = r.ended or dt.datetime.min.replace(tzinfo=dt.UTC)
    return (ended if ended.tzinfo else ended.replace(tzinfo=dt.UTC), r.iri)


def head(records: list[ResolutionRecord], method: str | None = None) -> ResolutionRecord | None:
    """The latest resolution (of one method, when given): the end of its chain."""
    chain = [r for r in records if method is None or r.content.method == method]
    if not chain:
        return None
    revised = {r.revises for r in chain if r.revises}
    ends = [r for r in chain if r.iri not in revised] or chain
    return max(ends, key=_order)


def current(records: list[ResolutionRecord]) -> ResolutionRecord | None:
    """The resolution that sets the status: the latest human one, else the latest rule one."""
    return head(records, "human") or head(records, "rule")


def resolution_graph(
    content: Content, *, as_of: dt.date, now: dt.datetime, revises: str | None, agent_label: str | None = None
) -> tuple[str, Graph]:
    """The IRI and named-graph content of a new resolution (docs/model.md, "Resolution graph")."""
    iri = resolution_iri(content, revises)
    r = URIRef(iri)
    g = Graph()
    g.add((r, RDF.type, KG.Resolution))
    g.add((r, KG.resolves, URIRef(content.prediction)))
    g.add((r, KG.outcome, concept("status", content.outcome)))
    for e in sorted(content.evidence):
        g.add((r, KG.evidence, URIRef(e)))
    for s in sorted(content.sources):
        g.add((r, KG.evidenceSource, URIRef(s)))
    g.add((r, KG.rationale, Literal(content.rationale)))
    g.add((r, KG.method, concept("method", content.method)))
    g.add((r, KG.resolverVersion, Literal(content.version)))
    g.add((r, KG.asOf, Literal(as_of.isoformat(), datatype=XSD.date)))
    g.add((r, PROV.endedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)))
    g.add((r, PROV.wasAssociatedWith, URIRef(content.agent)))
    if agent_label is not None:
        g.add((URIRef(content.agent), RDF.type, KG.Person))
        g.add((URIRef(content.agent), RDFS.label, Literal(agent_label)))
    if revises:
        g.add((r, KG.revises, URIRef(revises)))
    return iri, g


def graph_name(iri: str) -> str:
    """The named graph of the resolution *iri*."""
    return str(GRAPH[f"resolution/{iri.rsplit('/', 1)[-1]}"])


def status_graph(resolutions: dict[str, list[ResolutionRecord]]) -> Graph:
    """The ``kgg:status`` content: ``?prediction kg:status kgc:status-…`` from each current resolution."""
    g = Graph()
    for prediction, records in sorted(resolutions.items()):
        now = current(records)
        if now is not None:
            g.add((URIRef(prediction), KG.status, concept("status", now.content.outcome)))
    return g

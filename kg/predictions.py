"""The predictions in the store with their current status and the evidence it rests on (``kg predictions``).

>>> from kg.store import MemoryStore
>>> list_predictions(MemoryStore())
[]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kg.errors import UsageError
from kg.namespaces import PREDICTION_STATUSES, concept_value
from kg.resolve.evidence import Facts, load_facts
from kg.resolve.record import current, load_resolutions
from kg.store.base import Store

JSON_KEYS = ("iri", "text", "predictor", "hedge", "probability", "deadline", "status", "article", "evidence")
"""The keys of each object of ``kg predictions --format json``, in order."""

_HEDGE_PROBABILITY = "SELECT ?h ?p WHERE { GRAPH kgg:ontology { ?h kg:probability ?p } }"


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence: the source (URL, else IRI), its published date and the exact words."""

    source: str
    published: str | None
    text: str


@dataclass
class PredictionRow:
    """One prediction as listed; :meth:`to_json` gives exactly :data:`JSON_KEYS`."""

    iri: str
    text: str
    predictor: str
    hedge: str | None
    probability: float | None
    deadline: str | None
    status: str
    article: str | None
    evidence: list[EvidenceItem] = field(default_factory=list)
    outlet: str | None = None
    made_on: str | None = None
    polarity: str = "positive"

    def to_json(self) -> dict[str, Any]:
        """The JSON object of this row (only the documented keys)."""
        d = {k: getattr(self, k) for k in JSON_KEYS}
        d["evidence"] = [{"source": e.source, "published": e.published, "text": e.text} for e in self.evidence]
        return d


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _evidence(iri: str, facts: Facts, texts: dict[str, tuple[str, str]]) -> EvidenceItem:
    article, text = texts.get(iri, (iri, ""))
    src = facts.sources.get(article)
    if src is None:
        return EvidenceItem(iri, None, text)
    return EvidenceItem(src.url or src.iri, _iso(src.published), text or src.title or "")


def list_predictions(store: Store, *, status: str | None = None) -> list[PredictionRow]:
    """Every prediction (or those with *status*), oldest first, with the evidence of its current judgement.

    Raises:
        UsageError: *status* is not a prediction status.
    """
    if status is not None and status not in PREDICTION_STATUSES:
        raise UsageError(f"unknown status '{status}'", hint=f"choose {', '.join(PREDICTION_STATUSES)}")
    facts = load_facts(store)
    resolutions = load_resolutions(store)
    hedge_p = {str(r["h"].value): float(r["p"].value) for r in store.query(_HEDGE_PROBABILITY)}
    texts: dict[str, tuple[str, str]] = {m.iri: (m.article, m.text) for m in facts.meetings}
    texts.update({s.iri: (s.article, s.exact or s.text) for s in facts.statements})
    rows = []
    for p in facts.predictions:
        now = current(resolutions.get(p.iri, []))
        state = now.content.outcome if now else "open"
        if status is not None and state != status:
            continue
        evidence = list(now.content.evidence) if now else []
        if now and not evidence:
            evidence = list(now.content.sources)
        src = facts.sources.get(p.article)
        hedge = p.hedge_text or (concept_value(p.hedge, "wep") if p.hedge else None)
        probability = p.probability if p.probability is not None else hedge_p.get(p.hedge or "")
        rows.append(
            PredictionRow(
                iri=p.iri, text=p.text, predictor=facts.label(p.predictor), hedge=hedge, probability=probability,
                deadline=_iso(p.deadline), status=state, article=(src.url or src.iri) if src else p.article,
                evidence=sorted(
                    (_evidence(e, facts, texts) for e in evidence), key=lambda e: (e.published or "", e.source)
                ),
                outlet=src.outlet if src else None, made_on=_iso(p.made_on), polarity=p.polarity,
            )
        )
    rows.sort(key=lambda r: (r.made_on or "", r.iri))
    return rows

"""Counts of what the store holds: articles, actors, statements, meetings, predictions by status, triples."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.namespaces import ARTICLE_GRAPH_PREFIX, KG, RESOLUTION_GRAPH_PREFIX, concept_value
from kg.store.base import Store

# The class and graph prefix are kg's own constants, written into the text (pyoxigraph substitutions must be
# projected, which an aggregate query cannot do); nothing a user types reaches these strings.
_COUNT = """
SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{cls}> }} FILTER(STRSTARTS(STR(?g), "{prefix}")) }}
"""

#: actors named by the articles: every actor an article graph refers to (their facts live in kgg:actors)
_ACTORS = """
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?m kg:refersTo ?a }} FILTER(STRSTARTS(STR(?g), "{prefix}")) }}
"""

_STATUS = """
SELECT ?status (COUNT(DISTINCT ?p) AS ?n) WHERE {{
  GRAPH ?g {{ ?p a kg:Prediction }} FILTER(STRSTARTS(STR(?g), "{prefix}"))
  OPTIONAL {{ GRAPH kgg:status {{ ?p kg:status ?s }} }}
  BIND(COALESCE(?s, kgc:status-open) AS ?status)
}} GROUP BY ?status
"""


@dataclass
class Stats:
    """What the store holds."""

    articles: int = 0
    actors: int = 0
    statements: int = 0
    meetings: int = 0
    predictions: int = 0
    predictions_by_status: dict[str, int] = field(default_factory=dict)
    resolutions: int = 0
    graphs: int = 0
    triples: int = 0


def stats(store: Store) -> Stats:
    """Count the store's content (article graphs; actors: those the articles refer to, not the whole registry)."""
    def count(cls: str) -> int:
        rows = store.query(_COUNT.format(cls=cls, prefix=ARTICLE_GRAPH_PREFIX))
        return int(next(iter(rows))["n"].value)

    s = Stats(
        articles=count(str(KG.Article)),
        actors=int(next(iter(store.query(_ACTORS.format(prefix=ARTICLE_GRAPH_PREFIX))))["n"].value),
        statements=count(str(KG.Statement)),
        meetings=count(str(KG.Meeting)),
        predictions=count(str(KG.Prediction)),
        triples=len(store),
    )
    for row in store.query(_STATUS.format(prefix=ARTICLE_GRAPH_PREFIX)):
        s.predictions_by_status[concept_value(row["status"].value, "status") or row["status"].value] = int(
            row["n"].value
        )
    names = store.graph_names()
    s.graphs = len(names)
    s.resolutions = sum(1 for n in names if n.startswith(RESOLUTION_GRAPH_PREFIX))
    return s

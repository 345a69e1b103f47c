"""Implicit subjects: a prediction that names what will happen but not who does it ("the weather is 60%
favourable for launch tomorrow", "the launch is set for Saturday") takes its doer from its own article.

A claim without subjects gets as subjects the actors its article names that later (or earlier) sources report
doing the claimed kind of thing: a report of that kind, or a report whose theme names the kind ("scrubbed the
launch" names a launch). Only claims with a deadline (a closed window) get one, and only for the *action*
family, where an article is about one operation of a named actor; without a doer named anywhere, the claim
keeps no subject and is never judged by rule. Words with a condition ("if the launch slips …") get none.

>>> from kg.resolve.events import Report
>>> import datetime as dt
>>> c = ClaimFact("launch", frozenset(), end=dt.date(2020, 1, 2))
>>> r = Report("o1", "kgd:b", "action", "postpone", "held", frozenset({"kga:acme"}), dt.date(2020, 1, 2),
...            theme="launch")
>>> sorted(doers(c, frozenset({"kga:acme", "kga:other"}), [r]))
['kga:acme']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from kg.namespaces import ARTICLE_GRAPH_PREFIX
from kg.outcome_scheme import scheme
from kg.resolve.events import EventFact, Report
from kg.resolve.evidence import PredictionFact
from kg.resolve.reports import ClaimFact
from kg.store.base import Store

__all__ = ["article_actors", "doers", "with_implicit_subjects"]

#: families whose subjectless claims may take their doer from the article
IMPLICIT_FAMILIES = frozenset({"action"})
#: kinds of other families that one named actor of an article does once, like an action ("set to price Thursday")
IMPLICIT_KINDS = frozenset({"price"})

#: a condition in the words ("if the launch slips to Saturday, …") makes the claimed kind a premise, not the claim
_CONDITION = re.compile(r"\b(?:if|unless|in case)\b", re.I)

_ARTICLE_ACTORS = """
SELECT ?a ?actor WHERE {
  GRAPH ?g { ?a a kg:Article ; schema:mentions ?actor }
  FILTER(STRSTARTS(STR(?g), "{prefix}"))
}
"""


def article_actors(store: Store) -> dict[str, frozenset[str]]:
    """The actors each article names (``schema:mentions``), by article IRI."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_ARTICLE_ACTORS.replace("{prefix}", ARTICLE_GRAPH_PREFIX)):
        out[str(r["a"].value)].add(str(r["actor"].value))
    return {a: frozenset(x) for a, x in out.items()}


def _names_kind(theme: str | None, kind: str) -> bool:
    forms = scheme().kinds[kind].forms if kind in scheme().kinds else (kind,)
    words = f" {theme or ''} ".lower()
    return any(f" {f.lower()} " in words for f in forms)


def doers(claim: ClaimFact, named: frozenset[str], reports: Iterable[Report]) -> frozenset[str]:
    """The actors of *named* that *reports* show doing (or calling off) the claimed kind of thing."""
    found: set[str] = set()
    for r in reports:
        if r.family == claim.family and (r.kind == claim.predicate or _names_kind(r.theme, claim.predicate)):
            found |= r.actors & named
    return frozenset(found)


def with_implicit_subjects(
    claims: dict[str, ClaimFact],
    predictions: Iterable[PredictionFact],
    events: Iterable[EventFact],
    named: dict[str, frozenset[str]],
) -> dict[str, ClaimFact]:
    """*claims* where every subjectless action claim with a deadline has its doers from its article."""
    all_reports = [r for e in events for r in e.reports]
    out = dict(claims)
    for p in predictions:
        c = claims.get(p.iri)
        if c is None or c.subjects or c.end is None or _CONDITION.search(p.text):
            continue
        if c.family not in IMPLICIT_FAMILIES and c.predicate not in IMPLICIT_KINDS:
            continue
        found = doers(c, named.get(p.article, frozenset()), (r for r in all_reports if r.article != p.article))
        if found:
            out[p.iri] = replace(c, subjects=found)
    return out

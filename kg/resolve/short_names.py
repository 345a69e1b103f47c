"""Organisations named by one word in one article and in full in another: "Uber" and "Uber Technologies Inc.".

An article that names an organisation in full usually writes it by a short name afterwards ("Acme Holdings
Inc. … Acme said"): that mention is stored with the full-named actor. Another article that only ever writes
the short name mints its own actor for it. When resolving, an organisation whose label is one word (not an
acronym: those are :mod:`kg.resolve.aliases`' job) is taken for the one full-named organisation some article
writes by exactly that word (full names that differ only by a legal form, ``lexicon/legal_forms.txt``: "Acme
Holdings" and "Acme Holdings Inc.", are one company). Conservative: a word that stands alone too generically
("National", ``lexicon/generic_org_words.txt``) joins nothing, nor does a word two companies are written by.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import load
from kg.namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX
from kg.resolve.aliases import IdentityMap, full_key, is_acronym
from kg.store.base import Store

__all__ = ["short_names", "with_short_names"]

_ORGS = "SELECT ?x ?label WHERE { GRAPH <{actors}> { ?x a kg:Organization ; rdfs:label ?label } }"
#: one-word mentions of organisations (filtered again in Python)
_WORD_MENTIONS = """
SELECT DISTINCT ?x ?s WHERE { GRAPH ?g { ?m a kg:Mention ; kg:refersTo ?x ; oa:exact ?s }
  FILTER(STRSTARTS(STR(?g), "{prefix}") && REGEX(STR(?s), "^[A-Z][A-Za-z-]{2,}$")) }
"""


def _one_word(label: str) -> str | None:
    text = label.strip()
    if " " in text or is_acronym(text) or text in _generic() or not text[:1].isupper():
        return None
    return text.casefold()


def _generic() -> frozenset[str]:
    return frozenset(load("generic_org_words"))


def _company(label: str) -> str:
    """A company's name without its legal form ("Acme Holdings Inc." -> "acme holdings").

    >>> _company("Acme Holdings, Inc.") == _company("Acme Holdings")
    True
    """
    words = label.replace(",", " ").split()
    while len(words) > 1 and words[-1] in _legal_forms():
        words.pop()
    return " ".join(words).casefold()


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(load("legal_forms"))


def short_names(store: Store, ids: IdentityMap) -> dict[str, str]:
    """One-word organisation IRI -> the canonical IRI of the one full-named organisation written by that word
    (and the full names of that company that differ by a legal form -> the same IRI)."""
    rows = store.query(_ORGS.replace("{actors}", str(ACTORS_GRAPH)))
    labels = {str(r["x"].value): str(r["label"].value) for r in rows}
    written: dict[str, set[str]] = defaultdict(set)  # word -> full-named organisations written by it
    for r in store.query(_WORD_MENTIONS.replace("{prefix}", ARTICLE_GRAPH_PREFIX)):
        x, word = str(r["x"].value), str(r["s"].value)
        if x in labels and full_key(labels[x]) and _one_word(word):
            written[word.casefold()].add(ids(x))
    out = {}
    for x, label in labels.items():
        key = _one_word(label)
        owners = written.get(key, set()) - {ids(x)} if key else set()
        if owners and len({_company(labels.get(o, o)) for o in owners}) == 1:  # one company, "Inc." or not
            head = min(owners)
            out.update({o: head for o in owners if o != head})
            out[x] = head
    return out


def with_short_names(ids: IdentityMap, found: dict[str, str]) -> IdentityMap:
    """*ids* where each one-word organisation stands for the full-named one (and every actor of its group)."""
    if not found:
        return ids
    canonical = dict(ids.canonical)
    for short, full in found.items():
        for x, head in list(canonical.items()):
            if head == short:
                canonical[x] = full
        canonical[short] = full
    return replace(ids, canonical=canonical)

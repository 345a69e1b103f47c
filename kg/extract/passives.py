"""Claims worded in the passive: "the hostages will be freed on Monday" claims a release of the hostages.

A prediction whose words name no outcome kind in the active may name one in the passive: "be" or "been" before a
reported form of an *action* kind (``kg:reportedLabel`` in ``ontology/outcomes.ttl``: "be released", "be handed
over", "be signed"). The claim's subject is then the actor the passive is about (mentioned before it), as for a
report of the same outcome in the passive ("has been handed over"), so that the two compare field by field.
Only the action family is read this way: in the other families the subject of an active report is the agent
("the regulator approved …"), which a passive subject must not be taken for.

>>> from kg.records import Actor, Span
>>> text = "Officials said Ravi Solberg will be released after the talks."
>>> ravi = Actor("a1", "Ravi Solberg", "Person", mentions=[Span(15, 27, "Ravi Solberg")])
>>> c = passive_claim(text, 0, len(text), actors=[ravi])
>>> c.predicate, c.subjects, c.span.text
('release', ['a1'], 'be released')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.extract.claims import read_claim
from kg.extract.outcomes import reported_forms
from kg.outcome_scheme import scheme
from kg.records import Actor, Claim, Records

__all__ = ["passive_claim", "passive_forms", "with_passive_claims"]

_AUXILIARY = ("was ", "were ", "has ", "have ", "had ", "to ", "is ", "are ", "decision ", "voted ", "agreed ")


@cache
def passive_forms() -> dict[str, str]:
    """"be released" / "been released" -> kind, for the reported forms of action kinds that are participles."""
    out: dict[str, str] = {}
    s = scheme()
    for form, kind in reported_forms().items():
        if s.family(kind) != "action" or form.startswith(_AUXILIARY):
            continue
        for aux in ("be", "been"):
            out.setdefault(f"{aux} {form}", kind)
    return out


def passive_claim(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> Claim | None:
    """The claim of a passive outcome in ``text[start:end]`` (see the module docstring), else None."""
    return read_claim(text, start, end, actors=actors, forms=passive_forms())


def with_passive_claims(records: Records) -> Records:
    """*records* with a passive claim on the predictions that got none from their active words."""
    text = records.article.text
    predictions = []
    for p in records.predictions:
        if p.claim is None:
            claim = passive_claim(text, p.span.start, p.span.end, actors=records.actors)
            if claim is not None:
                polarity = p.polarity if claim.polarity == "positive" else "negative"
                p = replace(p, claim=replace(claim, polarity=polarity))
        predictions.append(p)
    return replace(records, predictions=predictions)

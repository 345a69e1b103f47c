"""Descriptor subjects of claims: "the central bank", "the regulator", "the company" standing for an
organisation the article named before, so that "The central bank is considering abolishing …" claims an
outcome of that bank.

Only organisations are resolved (people and governments keep the reading of :mod:`.coreference`), and only
to an organisation named in the article before the descriptor (within :data:`REACH` characters): one whose
label holds the descriptor's noun ("the bank" -> "Bank of Japan"), else for public-body nouns ("the agency",
"the regulator") one whose label ends in a public-body word ("… Administration", "… Authority"), else for
company nouns ("the company", "the firm") the last organisation named. A descriptor nothing fits gives
nothing.

>>> from kg.records import Actor, Span
>>> text = "The Bank of Lorien met on Monday. The central bank is considering a cut."
>>> bank = Actor("a1", "Bank of Lorien", "Organization", mentions=[Span(4, 18, "Bank of Lorien")])
>>> descriptor_subject(text, 34, 68, [bank])
'a1'
>>> descriptor_subject(text, 34, 68, [])
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.coreference import DESCRIPTOR, ORG_HEADS, PERSON_NOUNS
from kg.records import Actor

__all__ = ["REACH", "descriptor_subject"]

#: how far back (characters) the organisation a descriptor stands for may be named
REACH = 1500
#: nouns of public bodies, and the label words such bodies carry
_BODY_NOUNS = frozenset({"agency", "regulator", "administration", "authority"})
_BODY_HEADS = ("Administration", "Authority", "Bureau", "Agency", "Commission", "Service", "Directorate")
#: nouns of companies: the last organisation named
_COMPANY_NOUNS = frozenset({"company", "firm", "group", "carrier", "airline", "lender"})


def descriptor_subject(text: str, start: int, end: int, actors: Sequence[Actor]) -> str | None:
    """The organisation a descriptor in ``text[start:end]`` (the last one) stands for, else None."""
    found = list(DESCRIPTOR.finditer(text, start, end))
    if not found:
        return None
    m = found[-1]
    noun = m.group("noun").lower()
    if noun in PERSON_NOUNS or noun == "government":
        return None
    named = sorted(
        (mention.end, a)
        for a in actors
        if a.type == "Organization"
        for mention in a.mentions
        if m.start() - REACH <= mention.start and mention.end <= m.start()
    )
    named.reverse()
    if noun in ORG_HEADS:
        return next((a.id for _, a in named if noun in a.label.lower()), None)
    if noun in _BODY_NOUNS:
        return next((a.id for _, a in named if a.label.split()[-1:] and a.label.split()[-1] in _BODY_HEADS), None)
    if noun in _COMPANY_NOUNS:
        return named[0][1].id if named else None
    return None

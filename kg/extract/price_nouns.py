"""Offering prices reported as nouns: "the IPO price of $45", "the pricing, $27 per share".

A report that an offering was priced often names the price without the verb: "the stock slid under its IPO price
of $45", "we liked the pricing, $27 per share". Each such phrase reports a *price* outcome with the amount in
US dollars. Only the offer price counts ("IPO price", "offering price", "listing price", "issue price", "the
pricing"), never a share or market price (that moves every day). Its subject is the owner written before it
("Acme's IPO price"), else the organisation the article is about: the one it writes as the owner of an
offering ("Acme's IPO"), else the one it mentions most often (at least twice, and more often than any other
organisation); without one the phrase reports nothing.

>>> from kg.records import Actor, Span
>>> text = "Acme Corp listed on Friday. Acme shares slid under the IPO price of $45."
>>> acme = Actor("a1", "Acme Corp", "Organization", mentions=[Span(0, 9, "Acme Corp"), Span(28, 32, "Acme")])
>>> [(c.predicate, c.subjects, c.value, c.unit) for c, at in noun_prices(text, 28, len(text), actors=[acme])]
[('price', ['a1'], 45.0, 'usd')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.records import Actor, Claim, Span

__all__ = ["noun_prices"]

_PRICE = re.compile(
    r"\b(?:(?:IPO|offering|listing|issue)\s+price|(?<=the\s)pricing)(?:\s+(?:of|was|is|at|came\s+in\s+at)|,)?\s+"
    r"(?:US|U\.S\.)?\$\s?(?P<n>\d+(?:\.\d+)?)(?![\d.]*\s*(?:billion|million|bn|m)\b)",
    re.I,
)
_OFFERING = re.compile(
    r"['’]s\s+(?:IPO|initial\s+public\s+offering|share\s+offering|stock\s+market\s+debut|listing)\b", re.I
)
_OWNER = re.compile(r"['’]s\s+(?:initial\s+public\s+offering\s+|\w+\s+)?$")


def _offerer(text: str, actors: Sequence[Actor]) -> str | None:
    """The one organisation the article (its headline included) writes as the owner of an offering ("Acme's
    IPO"), by any name it gives it, else None."""
    found = set()
    for a in actors:
        if a.type == "Organization":
            names = sorted({a.label, *(m.text for m in a.mentions)}, key=len, reverse=True)
            owner = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + ")" + _OFFERING.pattern, re.I)
            if owner.search(text):
                found.add(a.id)
    return found.pop() if len(found) == 1 else None


def _main_organisation(actors: Sequence[Actor]) -> str | None:
    counts = sorted(((len(a.mentions), a.id) for a in actors if a.type == "Organization"), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def _owner(text: str, at: int, actors: Sequence[Actor]) -> str | None:
    """The organisation written as owner right before *at* ("Acme's IPO price")."""
    for a in actors:
        for m in a.mentions:
            if at - 40 <= m.end <= at and _OWNER.fullmatch(text[m.end:at]):
                return a.id
    return None


def noun_prices(text: str, start: int, end: int, *, actors: Sequence[Actor]) -> list[tuple[Claim, int]]:
    """The price outcomes ``text[start:end]`` (one sentence) names as nouns, each with its offset."""
    out = []
    for m in _PRICE.finditer(text, start, end):
        who = _owner(text, m.start(), actors) or _offerer(text, actors) or _main_organisation(actors)
        if who is None:
            continue
        claim = Claim("price", Span(m.start(), m.end(), m.group()), subjects=[who], value=float(m.group("n")),
                      unit="usd", comparison="eq", theme="offering")
        out.append((claim, m.start()))
    return out

"""Claims the plain reader of :mod:`kg.extract.claims` leaves incomplete: a pronoun subject, the "by" agent of a
nominal outcome, a coalition built by persuading parties, and the event a countdown counts to.

- pronoun subject: "Prime Minister Jane Roe. On these figures she would need a miracle to win"
  claims a win of Jane Roe: a "he"/"she" opening the clause before the outcome word stands
  for the person named last before it (in the two sentences before, outside quotations' speakers).
- agent: "the first rate increase by the reserve bank since 2029" claims a rise of that bank: a "by" phrase
  right after the outcome word names its subject (an actor, or a descriptor of an organisation named before).
- coalition: "X could win over three smaller parties to join her own in a coalition" claims that X
  forms a government (``kgc:outcome-form-government``), as "X failed to form a coalition" reports.
- group: "The leaders of the alliance, A for one side and B for the other, are ready to cut output" claims a cut
  by the alliance, not by the member named last in the apposition.
- same kind: a claim without a subject takes those of the last earlier claim of the article of its kind and
  head noun ("The bank's rate increase is due on Monday. … First increase in eight years to be decided").
- countdown (:mod:`.countdowns`): "we have two days left to launch of the probe" claims the launch itself; the
  speaker's "we" and the people named before it are not its subjects.

>>> from kg.records import Actor, Span
>>> text = "Prime Minister Jane Roe. She would need a miracle to win the vote."
>>> roe = Actor("a1", "Jane Roe", "Person", mentions=[Span(15, 23, "Jane Roe")])
>>> pronoun_subject(text, text.index("She"), text.index("win "), [roe])
'a1'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.claim_descriptors import descriptor_subject
from kg.extract.claims import read_claim
from kg.records import Actor, Claim, Prediction, Records

__all__ = ["agent_subject", "coalition_claim", "group_head", "pronoun_subject", "with_relayed_claims"]

_PRONOUN = re.compile(
    r"(?:(?<![\w,;:])\s*|[,;:]\s+|\b(?:that|and|but)\s+)(?P<p>[Hh]e|[Ss]he)\s+(?!said\b|says\b|told\b)"
)
#: how far back (characters) the person a pronoun stands for may be named
_PRONOUN_REACH = 300
_AGENT = re.compile(
    r"\s+by\s+(?P<np>(?:the\s+)?(?:[\w’'.&+-]+\s+){0,3}?[\w’'.&+-]+)"
    r"(?=\s+(?:in|on|at|since|for|after|this|next|$)|[,.;]|$)"
)
#: "The leaders of the alliance, A and B, are …": the members listed in apposition to the group's leaders
_GROUP_HEAD = re.compile(
    r"\s*(?:The\s+)?(?:leaders|heads|members|chiefs)\s+of\s+(?:the\s+)?(?P<np>[^,.;]{2,40}),\s+[^,.;]{3,80},\s+"
    r"(?:are|is|were|have|has|will|would|could|may|might)\b"
)
_NOUN_BEFORE = re.compile(r"\b([a-z]{3,})\s+$")
_NOT_NOUN = frozenset({"the", "and", "for", "with", "will", "would", "could", "may", "might", "its", "their", "his",
                       "her", "our", "new", "first", "another", "further", "more", "big", "large", "small", "possible",
                       "likely", "expected", "potential", "massive", "global", "deliver", "announce", "make",
                       "bps", "basis", "points", "point", "percent", "cent", "pct", "seats", "barrels", "dollars"})
_COALITION = re.compile(
    r"\b(?:persuade|persuading|convince|convincing|get|bring|win\s+over|lure)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:parties|partners|factions|allies)\s+to\s+join\s+(?:[\w’'-]+\s+){1,3}?(?:in\s+an?\s+(?:[\w-]+\s+){0,2})?"
    r"(?:coalition|government)\b"
)


def pronoun_subject(text: str, clause_start: int, at: int, actors: Sequence[Actor]) -> str | None:
    """The person a "he"/"she" subject between *clause_start* and the outcome word at *at* stands for: the
    person named last before the pronoun, within reach; else None."""
    m = None
    for found in _PRONOUN.finditer(text, clause_start, at):
        m = found
    if m is None:
        return None
    pos = m.start("p")
    people = [
        (mention.end, a.id)
        for a in actors
        if a.type == "Person"
        for mention in a.mentions
        if pos - _PRONOUN_REACH <= mention.start and mention.end <= pos
    ]
    return max(people)[1] if people else None


def agent_subject(text: str, at: int, end: int, actors: Sequence[Actor]) -> str | None:
    """The actor of a "by" phrase right after the outcome word ending at *at* ("increase by the reserve bank")."""
    m = _AGENT.match(text, at, end)
    if m is None or m.group("np")[:1].isdigit():
        return None
    s, e = m.start("np"), m.end("np")
    named = [a.id for a in actors for mention in a.mentions if s <= mention.start and mention.end <= e]
    return named[0] if named else descriptor_subject(text, s, e, actors)


def coalition_claim(text: str, start: int, end: int, actors: Sequence[Actor]) -> Claim | None:
    """A claim that the actor before "persuade … parties to join … coalition" forms a government, else None."""
    m = _COALITION.search(text, start, end)
    if m is None:
        return None
    forms = {m.group().lower(): "form-government"}
    claim = read_claim(text, m.start(), m.end(), actors=actors, forms=forms)
    return replace(claim, theme="coalition") if claim is not None and claim.subjects else None


def group_head(text: str, start: int, at: int, actors: Sequence[Actor]) -> str | None:
    """The group whose leaders or members, listed in an apposition, are the subject of the clause before *at*
    ("The leaders of the alliance, A for one side and B for the other, are ready to …": the alliance)."""
    m = _GROUP_HEAD.match(text, start)
    if m is None or m.end() > at:
        return None
    named = [a.id for a in actors for x in a.mentions if m.start("np") <= x.start and x.end <= m.end("np")]
    return named[0] if len(set(named)) == 1 else None


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)


def _relayed(text: str, p: Prediction, actors: Sequence[Actor]) -> Claim | None:
    claim = p.claim
    if p.rule == "prediction.countdown" and claim is not None:
        return replace(claim, subjects=[], object=None)  # the speaker's "we": the event, not who counts
    if claim is None:
        return coalition_claim(text, p.span.start, p.span.end, actors)
    ss = _sentence_start(text, claim.span.start)
    if (head := group_head(text, ss, claim.span.start, actors)) is not None:
        return replace(claim, subjects=[head], object=None if claim.object == head else claim.object)
    if claim.subjects:
        return claim
    who = pronoun_subject(text, max(p.span.start, _sentence_start(text, claim.span.start)), claim.span.start, actors)
    who = who or agent_subject(text, claim.span.end, p.span.end, actors)
    return replace(claim, subjects=[who]) if who else claim


def _same_kind(text: str, claim: Claim, earlier: dict[tuple[str, str], list[str]]) -> Claim:
    """A claim without a subject takes those of the last earlier claim of its kind and head noun ("The bank's
    rate increase is due on Monday. … First increase in eight years to be decided.")."""
    key = (claim.predicate, _head_noun(text, claim))
    if claim.subjects or not key[1] or key not in earlier:
        return claim
    return replace(claim, subjects=list(earlier[key]))


def _head_noun(text: str, claim: Claim) -> str:
    """The noun right before the outcome word ("rate" of "rate hike"), else ""."""
    m = _NOUN_BEFORE.search(text, max(0, claim.span.start - 20), claim.span.start)
    return m.group(1).lower() if m is not None and m.group(1).lower() not in _NOT_NOUN else ""


def with_relayed_claims(records: Records) -> Records:
    """*records* with the claims of their predictions completed as the module docstring says."""
    text = records.article.text
    predictions = []
    earlier: dict[tuple[str, str], list[str]] = {}
    for p in records.predictions:
        claim = _relayed(text, p, records.actors)
        if claim is not None:
            claim = _same_kind(text, claim, earlier)
            if claim.subjects and (noun := _head_noun(text, claim)):
                earlier[(claim.predicate, noun)] = claim.subjects
        if claim is not None and claim is not p.claim and claim.polarity == "positive" and p.polarity == "negative":
            claim = replace(claim, polarity="negative")
        predictions.append(p if claim is p.claim else replace(p, claim=claim))
    return replace(records, predictions=predictions)


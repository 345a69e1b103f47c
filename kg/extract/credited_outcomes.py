"""Outcomes reported as the reason for praise: "The coach praised her squad for winning the final on Sunday"
reports that the squad won the final (praise is for what was done).

The deed is the -ing form after "<praise verb> <whom> for" (:data:`kg.extract.verbal_gerunds.PRAISE`), read as a
claim (:func:`kg.extract.claims.read_claim`); its subject is the actor named in *whom*, or, for "his / her /
their (young) team / side / squad / players", the team of the person praising, when the article writes that
person as "<Team> coach / manager / captain <Name>" (``lexicon/team_roles.txt``). Praise in a hedged or planned
clause ("will praise") reports nothing, nor praise for anything but a contest (:data:`CREDITED_FAMILIES`).
The day is the sentence's date nearest the deed.

>>> from kg.records import Actor, ArticleRecord, Records, Span
>>> text = "Ruritania coach Ann Lee praised her young side for winning the Harbour Cup final on Sunday."
>>> team = Actor("a1", "Ruritania", "Country", mentions=[Span(0, 9, "Ruritania")])
>>> coach = Actor("a2", "Ann Lee", "Person", mentions=[Span(16, 23, "Ann Lee")])
>>> r = Records(ArticleRecord(text=text, published="2030-07-15"), actors=[team, coach])
>>> [(o.claim.predicate, o.claim.subjects, o.claim.theme, o.date) for o in credited_outcomes(r)]
[('win', ['a1'], 'harbour cup', '2030-07-14')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.extract import dates, sentences
from kg.extract.boilerplate import content_paragraphs
from kg.extract.claims import base_forms, read_claim
from kg.extract.lexicon import alternation, load
from kg.extract.outcomes import _day_near
from kg.extract.verbal_gerunds import PRAISE
from kg.outcome_scheme import scheme
from kg.records import Outcome, Records, Span

__all__ = ["CREDITED_FAMILIES", "credited_outcomes", "with_credited_outcomes"]

#: one scan of the text before the sentences are read: praise, then "for" and an -ing word
_GATE = re.compile(
    r"\b(?:praise|congratulat|hail|thank|applaud|laud|salut|commend|credit)\w*\s+[^,.;:]{1,50}?\s+for\s+[a-z]+ing\b",
    re.I,
)
#: the verbs _GATE starts with, in lower case; the only characters other than ASCII letters that re.I matches
#: with ASCII letters (İ, ı, ſ, K): without them, a text whose lower case lacks every verb cannot match _GATE
_GATE_WORDS = ("praise", "congratulat", "hail", "thank", "applaud", "laud", "salut", "commend", "credit")
_FOLDING = "\u0130\u0131\u017f\u212a"
_DEED = re.compile(r"(?:(?:[\w’'-]+\s+){1,6}?)for\s+(?P<ger>[a-z]+ing)\b")
_OWN_TEAM = re.compile(r"^(?:his|her|their)\s+(?:[a-z]+\s+){0,2}(?:team|side|squad|players|club|crew)$", re.I)
_HEDGED = re.compile(r"\b(?:will|would|could|may|might|should|shall|expects?|if|unless|plans?|hopes?)\b|['’]ll\b", re.I)
#: the outcome families praise reports
CREDITED_FAMILIES = frozenset({"contest"})
#: the most characters between a team's name and the coach's ("  head coach  ")
_GAP = 24


@cache
def _role() -> re.Pattern[str]:
    return re.compile(rf"^\s+(?:{alternation(load('team_roles'))})\s+$", re.I)


def credited_outcomes(records: Records, first: int = 1) -> list[Outcome]:
    """The outcomes *records*' article reports as the reason for praise, ids from ``o<first>``."""
    text = records.article.text
    low = text.lower()
    if not any(c in text for c in _FOLDING) and not any(w in low for w in _GATE_WORDS):
        return []  # no praising verb: the regex cannot match
    if _GATE.search(text) is None:
        return []
    published = dates.published_date(records.article.published, text)
    out: list[Outcome] = []
    for p_start, p_end in content_paragraphs(text, title=records.article.title):
        for s, e in sentences.split(text, p_start, p_end):
            for m in _DEED.finditer(text, s, e):
                praise = PRAISE.search(text[max(s, m.start("ger") - 80) : m.start("ger")])
                if praise is None:
                    continue
                at = max(s, m.start("ger") - 80) + praise.start()
                if _HEDGED.search(text, s, at):
                    continue
                who = _whom(records, s, at, at + len(praise.group()) - len(" for "), praise.group("obj"))
                claim = read_claim(text, m.start("ger"), e, actors=records.actors, forms=base_forms(), sentence=(s, e))
                if who is None or claim is None or claim.span.start != m.start("ger") or not _credited(claim.predicate):
                    continue
                claim = replace(claim, subjects=[who], object=claim.object if claim.object != who else None)
                day = _day_near(text, published, s, e, claim.span.start)
                out.append(Outcome(f"o{first + len(out)}", claim, Span(s, e, text[s:e]), date=day,
                                   rule="outcome.credited", confidence=0.6))
    return out


def _credited(kind: str) -> bool:
    """Praise is read as a report for contests only ("for winning"): "thanked supporters for putting her back in office"
    names no return."""
    return scheme().family(kind) in CREDITED_FAMILIES


def _whom(records: Records, s: int, at: int, end: int, obj: str) -> str | None:
    """The actor praised: named in the object, else the team of the praising coach ("praised his side")."""
    text = records.article.text
    start = end - len(obj)
    named = sorted((m.start, a.id) for a in records.actors for m in a.mentions if start <= m.start and m.end <= end)
    if named:
        return named[0][1]
    if not _OWN_TEAM.match(obj.strip()):
        return None
    people = [(m.start, m.end, a) for a in records.actors for m in a.mentions if a.type == "Person" and s <= m.start
              and m.end <= at]
    if not people:
        return None
    p_start = max(people, key=lambda x: x[0])[0]
    teams = [(m.end, a.id) for a in records.actors for m in a.mentions
             if a.type != "Person" and p_start - _GAP <= m.end <= p_start and _role().match(text[m.end : p_start])]
    return max(teams)[1] if teams else None


def with_credited_outcomes(records: Records) -> Records:
    """*records* with the outcomes reported as the reason for praise added after the others."""
    found = credited_outcomes(records, len(records.outcomes) + 1)
    return replace(records, outcomes=[*records.outcomes, *found]) if found else records

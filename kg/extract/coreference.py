"""Coreference: which actor a pronoun ("she", "he", "they") or a descriptor ("the minister", "the bank", "the
agency") stands for, read from the actors and sentences of a :class:`~kg.extract.document.Document`.

How each is resolved, and how sure that is (:attr:`Antecedent.confidence`):

- ``pronoun``     the person subject earlier in the sentence, else of the nearest of the four sentences before;
                  else the last person named before it. Names inside quotations are passed over (the speaker
                  quotes them) and so are people whose known given name does not fit the pronoun's gender.
                  Sure when the subject is found in its own sentence (0.9 of a named speaker), less when it
                  was found further back (0.8), least as the last person named (0.7).
- ``descriptor``  "the minister", "the spokeswoman": the last person named before it; "the government": the
                  last country; "the bank", "the agency": the last organisation whose label holds the noun,
                  else the last organisation (never the agency of a wire dateline).

>>> from kg.extract.document import Document
>>> from kg.extract.actors import find_actors
>>> from kg.extract.registry import load_registry
>>> from kg.extract.sentences import split
>>> text = "Finance Minister Jane Doe spoke on Monday. She said prices would rise."
>>> doc = Document(text=text, published=None, paragraphs=[(0, len(text))], sentences=split(text),
...                actors=find_actors(text, [(0, len(text))], load_registry()))
>>> ante = Coreference(doc).pronoun(text.index("She"))
>>> doc.actors.entry(ante.actor).label, ante.how
('Jane Doe', 'pronoun.previous-sentence')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.actors import Mention
from kg.extract.document import Document

PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
#: "the bank", "the minister", "the central bank": a descriptor standing for an actor named before
DESCRIPTOR = re.compile(
    r"\b[Tt]he\s+(?:(?:central|state|national|foreign|finance|defen[cs]e|news|aviation|energy)\s+)?"
    r"(?P<noun>(?i:bank|company|firm|ministry|agency|government|group|party|organi[sz]ation|fund|council|"
    r"commission|committee|office|department|regulator|minister|president|spokesperson|spokesman|"
    r"spokeswoman|official|chief executive|ceo|chairman|governor|premier|chancellor|administrator|coach|"
    r"manager|captain|club|team|carrier|airline|lender|administration))\b"
)
_FEMALE = frozenset({"she", "She", "her", "Her"})
#: descriptors of a person
PERSON_NOUNS = frozenset(
    {
        "minister",
        "president",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "chief executive",
        "ceo",
        "chairman",
        "governor",
        "premier",
        "chancellor",
        "administrator",
        "coach",
        "manager",
        "captain",
    }
)
#: descriptors whose noun must appear in the organisation's label ("the bank" -> "Bank of Japan")
ORG_HEADS = frozenset(
    {"bank", "ministry", "agency", "commission", "council", "committee", "party", "fund", "department", "office"}
)
#: label words of public bodies that news calls "the agency"
_AGENCY_HEADS = ("Administration", "Authority", "Bureau", "Service", "Commission", "Office", "Directorate")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|for|to|with|by|from|about|against|at|in|on|told|met|meet|called|"
    r"counterpart)\s+(?:[\w’'-]+\s+){0,3}$"
)


@dataclass(frozen=True)
class Antecedent:
    """The actor a pronoun or descriptor refers to and how it was found."""

    actor: str
    how: str
    confidence: float


class Coreference:
    """Pronoun and descriptor resolution over one document (read only)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text

    def pronoun(self, pos: int) -> Antecedent | None:
        """The person the he/she at *pos* refers to (see module doc)."""
        doc = self.doc
        word = self.text[pos : pos + 3].rstrip()
        gender = "female" if word in _FEMALE else "male" if word.lower() == "he" else None
        i = doc.sentence_index(pos)
        found = self.subject(doc.sentences[i][0], pos, gender)
        if found:
            return Antecedent(found, "pronoun.same-sentence", 0.9)
        j = i - 1
        while j >= 0 and i - j <= 4:
            found = self.subject(*doc.sentences[j], gender)
            if found:
                return Antecedent(found, "pronoun.previous-sentence", 0.85 if i - j == 1 else 0.8)
            j -= 1
        last = doc.actors.last_person_before(
            pos, floor=max(0, doc.sentences[i][0] - 2000), skip=lambda m: self.unfit(m, gender)
        )
        return Antecedent(last, "pronoun.last-named", 0.7) if last else None

    def descriptor(self, m: re.Match[str]) -> Antecedent | None:
        """The actor a :data:`DESCRIPTOR` match stands for (see module doc)."""
        idx = self.doc.actors
        noun = m.group("noun").lower()
        if noun in PERSON_NOUNS:
            found = idx.last_person_before(m.start())
            return Antecedent(found, "descriptor.person", 0.75) if found else None
        if noun in ("government", "administration"):
            found = idx.last_of_type(m.start(), "Country")
            return Antecedent(found, "descriptor.government", 0.7) if found else None
        head = noun if noun in ORG_HEADS else None
        found = idx.last_of_type(m.start(), "Organization", head, skip=self.in_dateline)
        if found is None and noun == "agency":  # "the agency" for "… Administration", "… Authority", "… Bureau"
            found = next(
                (
                    x
                    for h in _AGENCY_HEADS
                    if (x := idx.last_of_type(m.start(), "Organization", h, skip=self.in_dateline))
                ),
                None,
            )
        if found:
            return Antecedent(found, "descriptor.organisation", 0.75 if head else 0.7)
        found = idx.last_of_type(m.start(), "Organization", skip=self.in_dateline)
        return Antecedent(found, "descriptor.organisation", 0.65) if found else None

    def in_dateline(self, m: Mention) -> bool:
        """True for a mention in a wire dateline ("LONDON (Reuters) -")."""
        return bool(self.doc.datelines) and self.doc.in_dateline(m.start)

    def unfit(self, m: Mention, gender: str | None) -> bool:
        """True when mention *m* cannot be the antecedent of a pronoun of *gender*."""
        if self.doc.quoted and self.doc.in_quote(m.start):
            return True
        if gender is None:
            return False
        known = self.doc.actors.gender(self.doc.actors.ids[m.key])
        return known is not None and known != gender

    def subject(self, start: int, end: int, gender: str | None = None) -> str | None:
        """The first person of ``[start, end)`` that is neither a possessor nor inside a prepositional phrase
        (nor inside a quotation, nor of the wrong *gender*)."""
        for m in self.doc.actors.within(start, end):
            if self.doc.actors.entries[m.key].type != "Person" or m.possessive or self.unfit(m, gender):
                continue
            if _PREPOSITION_BEFORE.search(self.text, max(start, m.start - 12), m.start):
                continue
            return self.doc.actors.ids[m.key]
        return None


def resolve_pronoun(doc: Document, pos: int) -> str | None:
    """The person a he/she at *pos* refers to, if any."""
    found = Coreference(doc).pronoun(pos)
    return found.actor if found else None

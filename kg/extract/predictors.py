"""Who makes a forecast that no statement attributes: the source named in its sentence or above it.

Tried in order after the statement that holds the trigger (:mod:`.predictions`):

1. "according to X" in the sentence: the first actor named in that phrase ("…, according to the latest survey";
   "according to the forecast" -> the owner of the forecast, see 3).
2. A source as the subject of a source verb in the sentence (``lexicon/forecast_verbs.txt``): the actor
   just before the verb ("…, CNN reports"; "She expects …"), or the owner of a source document
   (``lexicon/forecast_sources.txt``: "YouGov's final model shows …", "the poll suggests …"). Never a
   passive ("Xi is expected to …": Xi is what is forecast, not who forecasts).
3. The owner of a definite source document ("the poll", "the forecast"): the actor whose document of that kind
   was named last before ("YouGov's … poll", "the forecast from the Weather Squadron").
4. A header line ending in a colon that names an actor ("This via the Bank:", "Deutsche:"), for the next few
   paragraphs under it: research notes quoted as bullets.

Each rule returns an actor id or None; the caller falls back to the author.

>>> from kg.records import ArticleRecord
>>> from kg.extract import extract
>>> text = "Acme Research expects prices to rise in May. The central bank will cut rates, according to Acme Research."
>>> [p.predictor for p in extract(ArticleRecord(text=text, published="2024-01-10")).predictions]
['a1', 'a1']
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract import lexicon
from kg.extract.document import Document
from kg.extract.statements import resolve_pronoun

#: how many paragraphs a header line ("Deutsche:") covers at most
HEADER_REACH = 5


def _load(kind: str) -> tuple[str, ...]:
    """The entries of ``lexicon/<kind>.txt`` (:func:`kg.extract.lexicon.load`)."""
    return lexicon.load(kind)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(sorted(_load("forecast_sources"), key=len, reverse=True))
    verbs = "|".join(sorted(_load("forecast_verbs"), key=len, reverse=True))
    # after an actor mention: optional possessive document, then the verb ("Acme Research's latest survey suggests")
    after = re.compile(
        rf"(?:\s*\([^()]{{1,12}}\))?(?:(?:[’']s|(?<=s)[’'])\s+(?:[\w-]+\s+){{0,5}}?(?:{nouns})s?\b"
        rf"(?:\s+(?:before|of|for|from|on|in|after)\s+(?:[\w-]+\s+){{0,3}}?[\w-]+)?)?,?\s+"
        rf"(?:(?:also|now|still|again|further|increasingly)\s+)?"
        rf"(?:{verbs})\b"
    )
    # a definite document as the subject of a source verb, or after "according to"
    document = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{nouns})s?\b")
    owned = re.compile(rf"(?:(?:[’']s|(?<=s)[’'])\s+(?:[\w-]+\s+){{0,5}}?(?P<noun>{nouns})s?\b)")
    return after, document, owned


_CLAUSE_BREAK = re.compile(r",?\s+but\s+|;")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_PHRASE_END = re.compile(r"[,;.—]|\s[-–]\s")
_FROM_OWNER = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


def source(doc: Document, sentence: tuple[int, int], pos: int) -> str | None:
    """The actor a forecast at *pos* is attributed to inside its *sentence* (rules 1-3), else None. The
    subject of a source verb comes first ("The agency expects to approve …, according to sources": the
    agency), then "according to", then a source document."""
    return _subject(doc, sentence, pos) or _according(doc, sentence, pos) or _document(doc, sentence)


def _subject(doc: Document, sentence: tuple[int, int], pos: int) -> str | None:
    """The actor named (or the he/she) just before a source verb of the sentence, nearest to *pos*."""
    ss, se = sentence
    text = doc.text
    after = _patterns()[0]
    best: tuple[int, str] | None = None
    for mention in doc.actors.within(ss, se):
        if after.match(text, mention.end, se):
            actor = doc.actors.id_of(mention.key)
            if actor is not None and (best is None or abs(pos - mention.start) < best[0]):
                best = (abs(pos - mention.start), actor)
    if best is not None:
        return best[1]
    for m in _PRONOUN.finditer(text, ss, min(se, pos + 1)):
        if after.match(text, m.end(), se):
            return resolve_pronoun(doc, m.start())
    return None


#: an actor (with an acronym in brackets) right before an estimate verb: "The agency (FAA) expects to …"
_RIGHT_BEFORE = re.compile(r"(?:\s*\([^()]{1,12}\))?\s+(?:(?:also|now|still)\s+)?$")


def estimator(doc: Document, sentence: tuple[int, int], verb: int) -> str | None:
    """The actor named right before the estimate verb at *verb* ("The Civil Maritime Office (CMO)
    expects to approve …"): the forecaster, even when the sentence is relayed "according to" someone else."""
    ss, _ = sentence
    for mention in reversed(doc.actors.within(max(ss, verb - 80), verb)):
        if _RIGHT_BEFORE.fullmatch(doc.text, mention.end, verb) and not mention.possessive:
            return doc.actors.id_of(mention.key)
    return None


def _according(doc: Document, sentence: tuple[int, int], pos: int) -> str | None:
    ss, se = sentence
    text = doc.text
    if "ccording to" not in text[ss:se]:
        return None
    for m in _ACCORDING.finditer(text, ss, se):
        if _CLAUSE_BREAK.search(text, min(pos, m.start()), max(pos, m.start())):
            continue  # "X is set to launch, but conditions improved, according to Y": Y sources the other clause
        end = _PHRASE_END.search(text, m.end(), se)
        stop = end.start() if end else se
        found = _first_actor(doc, m.end(), stop)
        if found is None:
            doc_m = _patterns()[1].match(text, m.end(), stop)
            found = _owner(doc, doc_m.group("noun"), m.start()) if doc_m else None
        if found is not None:
            return found
    return None


def _document(doc: Document, sentence: tuple[int, int]) -> str | None:
    ss, se = sentence
    after, document, _ = _patterns()
    for m in document.finditer(doc.text, ss, se):
        if after.match(doc.text, m.end(), se):
            found = _owner(doc, m.group("noun"), m.start())
            if found is not None:
                return found
    return None


def _first_actor(doc: Document, start: int, end: int) -> str | None:
    for mention in doc.actors.within(start, end):
        actor = doc.actors.id_of(mention.key)
        if actor is not None:
            return actor
    return None


def _owner(doc: Document, noun: str, before: int) -> str | None:
    """The actor whose document of kind *noun* was named last before *before* ("YouGov's final poll", "the
    forecast from the city's weather office")."""
    text = doc.text
    owned = _patterns()[2]
    best: tuple[int, str] | None = None
    for mention in doc.actors.within(0, before):
        actor = doc.actors.id_of(mention.key)
        if actor is None:
            continue
        m = owned.match(text, mention.end, before)
        if m and m.group("noun").lower() == noun.lower():
            best = (mention.start, actor)
            continue
        lead = text[max(0, mention.start - 40) : mention.start]
        if _FROM_OWNER.search(lead) and re.search(
            rf"\b{re.escape(noun)}s?\s+(?:from|by|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}$", lead, re.I
        ):
            best = (mention.start, actor)
    return best[1] if best else None


_HEADER = re.compile(r"^[^\n:]{2,60}:[ \t]*$", re.M)
_HEADER_LEAD = re.compile(r"^(?:this|that|here'?s?|via|from|and|more|also|per|according\s+to|the)\b\s*", re.I)


def header(doc: Document, pos: int) -> str | None:
    """The actor named by a header line ending in a colon at most :data:`HEADER_REACH` paragraphs above
    *pos* ("This from Acme Bank:" over the bullets of its note), when no other header is between."""
    text = doc.text
    para = doc.paragraph_at(pos)
    index = doc.paragraphs.index(para)
    floor = doc.paragraphs[max(0, index - HEADER_REACH)][0] if index >= HEADER_REACH else 0
    last = None
    for m in _HEADER.finditer(text, floor, para[0]):
        last = m
    if last is None or len(last.group().split()) > 8:
        return None
    found = _first_actor(doc, last.start(), last.end())
    if found is not None:
        return found
    name = last.group().rstrip(": \t")
    while _HEADER_LEAD.match(name):
        name = _HEADER_LEAD.sub("", name, count=1)
    return _named(doc, name.strip())


def _named(doc: Document, name: str) -> str | None:
    """The actor whose label or a mention equals *name*, or whose label starts with it ("Deutsche")."""
    if len(name) < 3 or not name[0].isupper():
        return None
    key = name.casefold()
    for mention in doc.actors.mentions:
        entry = doc.actors.entries.get(mention.key)
        actor = doc.actors.id_of(mention.key)
        if entry is None or actor is None:
            continue
        label = entry.label.casefold()
        if mention.text.casefold() == key or label == key or label.startswith(key + " "):
            return actor
    return None

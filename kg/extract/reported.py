"""Reported speech: sentences that tell what an actor said without quoting it.

Rules (the ``rule`` field names the one that fired):

- ``reported.said-that``    X said (that) … / X announced … / X called for … / X told Y that … (the actor must
                            be the verb's subject; "… and said …" keeps it). An anonymous subject ("people
                            familiar with the matter said", "many observers believe") gives a statement
                            without a speaker.
- ``reported.trailing``     "…, Jane Doe said (on Monday)(, adding that …)." — the attribution after the content.
- ``reported.according-to`` "According to (a statement from) X, …" and "…, according to X."

>>> from kg.extract.pipeline import run
>>> from kg.records import ArticleRecord
>>> a = run(ArticleRecord(text="Prices will rise next year, according to people familiar with the plans."))
>>> [(s.text, s.speaker, s.rule) for s in a.statements]
[('Prices will rise next year', None, 'reported.according-to')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.lexicon import SPEECH_VERBS, medium_of, words
from kg.extract.quotes import word_count as _words

if TYPE_CHECKING:
    from kg.extract.statements import Finder

#: a verb the speech verb depends on ("decided to announce"): the subject stands before it
_LEAD = re.compile(r"\b(?:decided|went on|moved|agreed|wanted|appeared|continued|chose)\s+to\s+$")
_REPORTED = re.compile(
    r"\b(?P<verb>said|says|announced|announces|announce|expressed|expresses|called\s+for|calls\s+for|urged|"
    r"urges|warned|warns|insisted|insists|argued|argues|claimed|claims|stressed|stresses|noted|notes|added|"
    r"pledged|pledges|promised|promises|vowed|vows|predicted|predicts|confirmed|confirms|denied|denies|"
    r"acknowledged|acknowledges|told|tells|adding|wrote|writes|posted|explained|stated|declared|cautioned|"
    r"conceded|admitted|suggested|reiterated|maintained|tweeted|tweets|revealed|accused|accuses|assessed|"
    r"believe|believes|judged|repeated|insisting|warning|reported|reports|thanked|thanks|congratulated|"
    r"praised|saying|shows|showed|suggests|finds|found|projects|projected|sees|puts|gives)\b"
    r"(?:(?P<between>(?:\s+[\w’'.-]+){1,8}?)\s+that\s+"
    r"|(?:\s+(?P<when>(?:on|last|this|earlier)\s+[\w’'-]+(?:\s+(?:morning|afternoon|evening|night))?))?"
    r"(?:\s+that)?\s+)"
)


def _verb_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """The first words of the alternatives of *pattern*'s ``verb`` group: a text none of whose words is one of
    them cannot match (each verb stands between word boundaries, case as written)."""
    source = pattern.pattern.split("(?P<verb>", 1)[1]
    depth, alternatives, current = 0, [], ""
    for ch in source:  # the group's top-level alternatives, up to its closing parenthesis
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        if ch == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += ch
    alternatives.append(current)
    return frozenset(re.split(r"\\s\+|\(", alt, maxsplit=1)[0] for alt in alternatives)


_REPORTED_WORDS = _verb_words(_REPORTED)
_TOKEN = re.compile(r"\w+")
_NOUN_USE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their|our|repeated|recent|earlier|latest))\s+$")
_SUBJECT_GAP = re.compile(
    r"^(?:[’']s(?:\s+[\w-]+){0,5}?\s+(?:poll|survey|model|study|report|analysis|statement|forecast|data|"
    r"research|note|projection|figures|estimate)s?)?"
    r"(?:\s*,\s+[^,;]{1,80},|\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;.]{0,80}?)?\s*,?"
    r"\s*(?:(?:also|later|then|has|had|have|is|are|was|were|previously|again|repeatedly|separately|once|will|"
    r"would|still|now|\w+ly)\s+)*"
    r"(?:(?:on|last|this|earlier)\s+\w+\s+)?$"
)
_TRAILING = re.compile(
    r",\s+(?P<who>[^,;:“”\"]{1,70}?)\s+(?P<verb>said|says|told\s+reporters|told\s+journalists|"
    r"told\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|added|wrote|noted|warned|estimated|predicted|"
    r"reported|reports|confirmed|announced|shows|showed|suggests|suggested|found|finds|projects)\b"
    r"(?P<rest>[^.;]*)$"
)
_TRAILING_WORDS = _verb_words(_TRAILING)
_TRAILING_REST = re.compile(
    r"^(?:\s+(?:on|in|at|last|this|earlier|late|during|after|before|from|via|"
    r"to|on\s+the)\b[^,]*)*\s*(?:,.*)?$"
)
#: "…, according to X." closing the sentence
_ACCORDING_TAIL = re.compile(r",?\s+according\s+to\s+(?P<who>[^,.;:“”\"]{2,80}?)\s*[.!]?\s*$")
#: sources kept anonymous: a statement without a speaker ("officials said", "people familiar with the matter")
_ANONYMOUS = re.compile(
    r"(?:(?:one|two|three|four|several|some|many|other|\w+)\s+)?(?:(?:senior|western|european|us|u\.s\.|"
    r"government|industry|administration)\s+)?(?:sources?|officials?|diplomats?|people|persons?|analysts|"
    r"observers|insiders)(?:\s+(?:familiar|close|briefed|with\s+knowledge)\b[^,;]*)?(?:\s+(?:have|had))?",
    re.I,
)
#: an anonymous subject right before a speech verb ("many observers believe", "sources close to the talks said")
_ANONYMOUS_BEFORE = re.compile(
    r"\b(?:sources?|officials|diplomats|observers|analysts|insiders|people\s+familiar\s+with\s+[\w\s]{3,30}?|"
    r"reports)(?:\s+(?:close\s+to|briefed\s+on|familiar\s+with)\s+the\s+\w+)?(?:\s+(?:on\s+)?\w+day)?"
    r"(?:\s+(?:still|also|have|had|now))*\s*$",
    re.I,
)
_ADDING = re.compile(r",\s+adding\s+(?:that\s+)?")
_ACCORDING_LEAD = re.compile(
    r"(?:According|according)\s+to\s+(?:(?:a|an|the|its|his|her|their)\s+)?"
    r"(?:(?:written|joint|new|recent|brief)\s+)?(?:(?:statement|note|report|post|release|filing)\s+"
    r"(?:from|by|of|issued\s+by)\s+)?(?P<who>[^,]{2,80}),\s+"
)
_PARTICIPLE_LEAD = re.compile(r"(?:Addressing|Speaking|Talking|Appearing|Writing)\b")
#: speech verbs that report a clause only with "that" ("conceded that …", not "conceded defeat")
_THAT_VERBS = words(
    "wrote writes posted explained stated declared cautioned conceded admitted suggested reiterated maintained"
)
_COORDINATION = re.compile(rf",?\s+(?:and|but)\s+(?=(?:{SPEECH_VERBS}|expressed|called\s+for|announced)\b)")


def lead_medium(text: str, ss: int, verb: int) -> str | None:
    """The medium of a participial lead opening the sentence ("Addressing supporters in Lagos, Roe said …")."""
    return medium_of(text[ss:verb]) if _PARTICIPLE_LEAD.match(text, ss, verb) else None


def according(f: Finder, ss: int, se: int) -> None:
    """ "According to (a statement from) X, CONTENT." — reported speech of X."""
    m = _ACCORDING_LEAD.match(f.text, ss, se)
    if m is None:
        tail = _ACCORDING_TAIL.search(f.text, ss, se)
        if tail is None or tail.start() - ss < 20:
            return
        speaker = f.speaker_near(tail.start("who"), tail.end("who"), tail.start("who"), side="right")
        if speaker is None and not _ANONYMOUS.search(tail.group("who")):
            return
        medium = medium_of(tail.group())
        f.add(speaker, ss, tail.start(), "reported", "reported.according-to", 0.65, f.when(ss, se), medium)
        return
    speaker = f.speaker_near(m.start("who"), m.end("who"), m.start("who"), side="right")
    end = se - 1 if f.text[se - 1 : se] in ".!" else se
    if speaker and _words(f.text[m.end() : end]) >= 3:
        lead = f.text[ss : m.end()]
        f.add(speaker, m.end(), end, "reported", "reported.according-to", 0.65, f.when(ss, se), medium_of(lead))


def reported(f: Finder, ss: int, se: int, quoted: list[tuple[int, int]]) -> bool:
    text = f.text
    if text[ss:se].rstrip().endswith("?") or re.match(r"(?:Had|If|Were)\b", text[ss:se]):
        return False
    found = False
    prev_speaker: str | None = None
    prev_end = ss
    if _REPORTED_WORDS.isdisjoint(_TOKEN.findall(text, ss, se)):
        return False  # no reporting verb: the long pattern cannot match
    for m in _REPORTED.finditer(text, ss, se):
        if any(qs <= m.start() < qe for qs, qe in quoted):
            continue
        lead = _LEAD.search(text, max(ss, m.start() - 24), m.start())
        vstart = lead.start() if lead else m.start("verb")
        if m.group("verb") in ("told", "tells") and m.group("between") is None:
            continue  # "told reporters …" without a reported clause
        if m.group("verb") in _THAT_VERBS and not m.group().rstrip().endswith("that"):
            continue  # "conceded defeat": a noun object, not a reported clause
        if _NOUN_USE.search(text, max(ss, vstart - 30), vstart):
            continue  # "the minister's repeated calls for": a noun, not a verb
        coordinated = re.search(r"\b(?:and|but)\s*$", text[max(ss, vstart - 6) : vstart]) or m.group("verb") == "adding"
        if coordinated and prev_speaker:
            speaker: str | None = prev_speaker
        elif m.group("verb") == "saying":  # "The board approved the plan, saying …": the sentence's subject
            speaker = _sentence_subject(f, ss, vstart)
        elif coordinated:
            continue
        else:
            clause_start = max(ss, vstart - 80)
            speaker = f.speaker_near(clause_start, vstart, vstart, side="left")
            if speaker and not _SUBJECT_GAP.match(text[f.speaker_end : vstart]):
                continue  # the actor before the verb is not its subject ("… Tamm instead, her office said")
        anonymous = not speaker and _ANONYMOUS_BEFORE.search(text, max(ss, vstart - 60), vstart) is not None
        if not speaker and not anonymous:
            continue
        cstart = m.end()
        stop = _COORDINATION.search(text, cstart, se)
        cend = stop.start() if stop else se
        if text[cend - 1 : cend] in ".!":
            cend -= 1
        if _words(text[cstart:cend]) < 3:
            continue
        medium = medium_of(text[max(ss, vstart - 40) : m.end()]) or lead_medium(text, ss, vstart)
        st = f.add(
            speaker,
            cstart,
            cend,
            "reported",
            "reported.said-that",
            0.7,
            f.when(max(ss, prev_end, vstart - 80), m.end()),
            medium,
        )
        if st:
            prev_speaker, prev_end, found = speaker, cend, True
    return found


def trailing(f: Finder, ss: int, se: int, quoted: list[tuple[int, int]]) -> bool:
    """ "CONTENT, Jane Doe said (on Monday)(, adding that …)." — the attribution after the content."""
    text = f.text
    end = se - 1 if text[se - 1 : se] in ".!" else se
    if any(qs < se and ss < qe and qe - qs > 40 for qs, qe in quoted):
        return False
    adding = _ADDING.search(text, ss, end)
    stop = adding.start() if adding else end
    if _TRAILING_WORDS.isdisjoint(_TOKEN.findall(text, ss, stop)):
        return False  # no reporting verb: the pattern cannot match
    m = _last(_TRAILING.finditer(text, ss, stop))
    if m is None or m.start() - ss < 20 or len(m.group("who").split()) > 8 or not _TRAILING_REST.match(m.group("rest")):
        return False
    speaker = f.speaker_near(m.start("who"), m.start("verb"), m.start("verb"), side="left")
    if not speaker and not _ANONYMOUS.fullmatch(m.group("who")):
        return False
    comma = text.find(",", m.end("verb"), stop)
    window = text[m.start() : comma if comma != -1 else stop]
    date = f.when(m.start(), m.start() + len(window))
    f.add(speaker, ss, m.start(), "reported", "reported.trailing", 0.7, date, medium_of(window))
    if adding:
        f.add(speaker, adding.end(), end, "reported", "reported.trailing", 0.65, date, medium_of(window))
    return True


def _sentence_subject(f: Finder, ss: int, end: int) -> str | None:
    """The first actor named in ``[ss, end)`` that is not a possessor or a country used as a place."""
    for m in f.doc.actors.within(ss, end):
        entry = f.doc.actors.entries[m.key]
        if m.possessive or m.kind == "demonym" or (entry.type == "Country" and not m.actor_position):
            continue
        return f.doc.actors.ids[m.key]
    return None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of *matches*, or None."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last

"""The shortcuts extraction takes for speed give what the plain computations give.

Each test compares a shortcut with the computation it replaces, on text written for the test: names found by
``str.find`` against the compiled pattern, the claim reader's sorted list of mentions against a list whose
actors change between calls, the bisection over prediction spans and quotations against a scan, and the
lazily read time expressions of a document against reading them all at once.
"""

from __future__ import annotations

import datetime as dt
import itertools

from kg.extract import dates
from kg.extract.claims import base_forms, read_claim
from kg.extract.mentions import word_pattern, word_spans
from kg.extract.outcome_clauses import Overlaps
from kg.extract.pipeline import run
from kg.extract.statements import _overlapping
from kg.records import Actor, ArticleRecord, Prediction, Span

_TEXTS = [
    "Lee, Leeds, Lee-Ann, Lee. -Lee _Lee Lee_ 3Lee Lee3 éLee Leeé 'Lee ’Lee .Lee Lee.",
    "LeeLee Lee Lee\nLee\u00a0Lee",
    "Ana Ana-Maria Anand ANA Ana’s Ana's Ana",
    "",
    "Lee",
]


def test_word_spans_find_what_the_word_pattern_finds() -> None:
    for text, word in itertools.product(_TEXTS, ["Lee", "Ana", "e", "Le", "Lee Lee"]):
        for start, end in [(0, len(text)), (1, len(text)), (0, max(0, len(text) - 1)), (5, 20)]:
            if start > len(text):
                continue
            for dot in (False, True):
                expected = [m.span() for m in word_pattern(word, dot=dot).finditer(text, start, end)]
                assert word_spans(text, word, start, end, before="-." if dot else "-") == expected, (text, word)


def test_word_spans_with_other_characters_before() -> None:
    text = "Ravi, 'Ravi, ’Ravi, -Ravi, Ravi’s"
    assert word_spans(text, "Ravi", before="'’-") == [(0, 4), (27, 31)]  # not after an apostrophe or hyphen


def test_claim_subjects_follow_a_changed_actor_list() -> None:
    text = "Acme and Birch will raise prices next year."
    acme = Actor("a1", "Acme", "Organization", mentions=[Span(0, 4, "Acme")])
    birch = Actor("a2", "Birch", "Organization", mentions=[])
    actors = [acme, birch]
    first = read_claim(text, 0, len(text), actors=actors, forms=base_forms())
    assert first is not None and first.subjects == ["a1"]
    birch.mentions.append(Span(9, 14, "Birch"))  # the same list, one mention more: the reader sees it
    second = read_claim(text, 0, len(text), actors=actors, forms=base_forms())
    assert second is not None and second.subjects == ["a2", "a1"]  # the nearest first
    other = [Actor("a3", "Birch", "Organization", mentions=[Span(9, 14, "Birch")])]  # another list
    third = read_claim(text, 0, len(text), actors=other, forms=base_forms())
    assert third is not None and third.subjects == ["a3"]


def _prediction(start: int, end: int) -> Prediction:
    return Prediction("p", "author", "x", Span(start, end, "x"))


def test_overlaps_agree_with_a_scan() -> None:
    spans = [(10, 20), (2, 4), (15, 40), (50, 51), (30, 32), (0, 100), (60, 60)]
    for chosen in (spans, spans[:-2], spans[:3], []):
        preds = [_prediction(s, e) for s, e in chosen]
        overlaps = Overlaps(preds)
        near = _overlapping(list(chosen))
        for start in range(0, 110, 3):
            for end in range(start, 115, 7):
                expected = [p for p in preds if p.span.start < end and start < p.span.end]
                assert overlaps.within(start, end) == expected
                assert overlaps.any(start, end) == bool(expected)
                assert near(start, end) == sorted(s for s in chosen if s[0] < end and start < s[1])


def test_document_times_read_lazily_are_the_times_read_at_once() -> None:
    text = (
        "The council met on Monday and will vote on March 3. Its chair said in 2019 that the plan would be ready "
        "by the end of the year.\n\nThe next session is due in two weeks, and a review follows in the spring of "
        "2027. Last week's hearing ran late."
    )
    doc = run(ArticleRecord(text=text, published="2026-02-10")).need("document")
    published = dt.date(2026, 2, 10)
    for future in (None, True, False):
        for start, end in [(0, len(text)), (0, 60), (40, 200), (100, len(text)), (61, 62)]:
            expected = [
                e for e in dates.find(text, published, 0, len(text), future=future) if start <= e.start and e.end <= end
            ]
            assert doc.times(start, end, future=future) == expected, (future, start, end)
            doc.times(start, end, future=future).clear()  # an answer given again is a copy: changing one is harmless
            assert doc.times(start, end, future=future) == expected, (future, start, end)
    assert doc.times(0, len(text), future=True)  # the text has dates: the comparison is not of empty lists


def test_written_lower_is_membership_in_the_lowered_words() -> None:
    from kg.extract.mentions import Builder
    from kg.extract.registry import load_registry

    text = (
        "The pilot said pilot-led crews and the Pilot's co-pilot flew; pilots' pay, pilot’s log, x-pilot, "
        "PILOT pilotage 3pilot pilot3 pilot_x _pilot café Café naïve rôle harbour"
    )
    every = frozenset(Builder(text, load_registry()).lowered_words())
    asked = {w.lower() for w in text.replace(";", " ").replace(",", " ").split()} | {"pilot", "pilots", "harbour",
                                                                                      "crews", "café", "", "log"}
    for word in sorted(asked):
        assert Builder(text, load_registry()).written_lower(word) == (word in every), word
    assert "pilot" in every and "harbour" in every  # the comparison covers words that are there


def test_reporting_verb_gates_hold_every_verb_of_their_patterns() -> None:
    from kg.extract import reported

    assert {"said", "says", "told", "added", "adding", "warned", "urged"} <= reported._REPORTED_WORDS
    assert {"said", "says", "told", "added", "wrote", "projects"} <= reported._TRAILING_WORDS
    for verbs in (reported._REPORTED_WORDS, reported._TRAILING_WORDS):
        assert all(w.isalpha() for w in verbs)  # plain words: a token test can stand in for the pattern
    text = "Prices will rise in March, the minister told reporters on Monday"  # read up to the full stop
    m = reported._TRAILING.search(text)
    assert m is not None and m.group("verb") == "told reporters"
    assert not reported._TRAILING_WORDS.isdisjoint(reported._TOKEN.findall(text))
    assert reported._REPORTED_WORDS.isdisjoint(reported._TOKEN.findall("Prices will rise in March."))


def test_capital_first_patterns_match_as_their_look_behind_first_forms() -> None:
    import re

    from kg.extract import acronyms, actors, names
    from kg.extract.registry import guarded_trie_regex, trie_regex

    plain = {
        names._CAP_RUN: r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:[ \u00a0]+(?:(?:de|van|von|der|bin|al|da|dos|del|la|le)"
        r"[ \u00a0]+)?[A-Z][\w’'.-]*)*",
        acronyms._ACRONYM: r"(?<![\w.-])[A-Z][A-Z&]{1,6}\+?(?![\w-])",
        acronyms._CAMEL: r"(?<![\w.’'-])[A-Z][a-z]+[A-Z][A-Za-z]*(?![\w-])",
        acronyms._WORD: r"(?<![\w.’'-])[A-Z][a-z]{2,}(?![\w-])",
        actors._THE_HEAD: r"\b[Tt]he[ \u00a0]+([A-Z][a-z]+)\b",
        actors._DEMONYM_TITLE: r"\b(?P<d>[A-Z][a-z]{3,}(?:ian|an|ese|ish))[ \u00a0]+(?P<t1>[A-Za-z]+)"
        r"(?:[ \u00a0]+(?P<t2>[A-Za-z]+))?",
    }
    words = ["Ames", "Amesbury", "A&B", "Bell", "B", "Bells Inc"]
    plain[re.compile("(?:" + guarded_trie_regex(words, r"[\w&]") + r")(?![\w&+])")] = (  # as Registry has it
        r"(?<![\w&])(?:" + trie_regex(words) + r")(?![\w&+])"
    )
    texts = [
        "The Velorian President said. xThe Bank, the Bank; Nathe Fund. MacLeod and McKinsey met NATO-led IMF+ staff.",
        "AB&C, .NATO, U.N. Secretary, O’Neill's Jean de la Croix, Van der Berg, -Ames, Ames-Bell, Amesbury&Bell, "
        "A&B Bells Inc, xBell, _Bell, Bell+",
        "Kestrian Foreign Minister, Norwegian envoy Olsen, the Commission and The Council met.\u00a0The Board",
    ]
    for pattern, source in plain.items():
        before = re.compile(source)
        for text in texts:
            for start in (0, 1, 4, 17):
                found = [(m.span(), m.groups()) for m in pattern.finditer(text, start)]
                assert found == [(m.span(), m.groups()) for m in before.finditer(text, start)], (source, text)
        assert any(before.search(t) for t in texts)  # each pattern finds something in the texts

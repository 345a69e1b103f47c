"""Predictions that an actor will succeed or fail at an outcome named just before: "The mayor is asked to form a
new cabinet. Few doubt that Ms Berg will succeed." The second claims that Berg forms the cabinet.

A prediction without a claim of its own whose words say that a named actor "will succeed" (or "prevail",
"fail") with nothing after the verb takes the kind of the nearest outcome named within :data:`REACH`
characters before it. The outcome may be named loosely there ("the job of forming of a fresh cabinet"): the
verb of a form "verb article noun" of the kind (``ontology/outcomes.ttl``), up to three words, and its noun. The
subject is the actor named right before the modal; "fail" claims the outcome negated.

>>> from kg.records import Actor, Prediction, Span
>>> text = "Ms Berg was asked to form a new government. Few doubt that Ms Berg will succeed."
>>> berg = Actor("a1", "Berg", "Person", mentions=[Span(59, 66, "Ms Berg")])
>>> p = Prediction("p1", "author", text[44:], Span(44, 81, text[44:]))
>>> c = succeeded(text, p, [berg])
>>> c.predicate, c.subjects, c.polarity
('form-government', ['a1'], 'positive')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.outcome_scheme import scheme
from kg.records import Actor, Claim, Prediction, Records, Span

__all__ = ["REACH", "succeeded", "with_success_claims"]

#: how far (characters) before the prediction the outcome it speaks of may have been named
REACH = 400

_VERB = re.compile(
    r"\s+(?:will|would|could|should|is\s+(?:likely|expected)\s+to)\s+(?:(?:not|ultimately|eventually)\s+)?"
    r"(?P<verb>succeed|prevail|fail)\b(?!\s+(?:to|in|at|with|on|by)\b)",
    re.I,
)
_POSITIVE = {"succeed", "prevail"}


@cache
def _loose_forms() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, kind, noun) for every form "verb article noun": its verb (-s, -ed, -ing), up to three words, its
    noun."""
    out: dict[str, tuple[re.Pattern[str], str, str]] = {}
    for kind in scheme().kinds.values():
        for form in kind.forms:
            words = form.lower().split()
            if len(words) != 3 or words[1] not in {"a", "an", "the"} or not words[-1].isalpha():
                continue
            stem = re.escape(words[0][:-1] if words[0].endswith("e") else words[0])
            noun = re.escape(words[-1])
            pattern = re.compile(rf"\b{stem}(?:e|es|s|ed|d|ing)?\s+(?:[\w’'-]+\s+){{0,3}}?{noun}\b", re.I)
            out.setdefault(pattern.pattern, (pattern, kind.name, words[-1]))
    return tuple(out.values())


def _named_before(text: str, start: int, end: int) -> tuple[re.Match[str], str] | None:
    """The outcome named last in ``text[start:end]`` and its kind."""
    best: tuple[re.Match[str], str] | None = None
    for pattern, kind, _ in _loose_forms():
        for m in pattern.finditer(text, start, end):
            if best is None or m.start() > best[0].start():
                best = (m, kind)
    return best


def succeeded(text: str, p: Prediction, actors: Sequence[Actor]) -> Claim | None:
    """The claim of *p* if it says an actor will succeed or fail at an outcome named before (module docstring)."""
    for v in _VERB.finditer(text, p.span.start, p.span.end):
        subjects = [a.id for a in actors for m in a.mentions
                    if p.span.start <= m.start and m.end <= v.start() and not text[m.end : v.start()].strip()]
        named = _named_before(text, max(0, p.span.start - REACH), p.span.start)
        if not subjects or named is None:
            continue
        m, kind = named
        negated = (v.group("verb").lower() not in _POSITIVE) != bool(re.search(r"\bnot\b", v.group(), re.I))
        polarity = p.polarity if not negated else ("negative" if p.polarity == "positive" else "positive")
        word = Span(v.start("verb"), v.end("verb"), v.group("verb"))
        return Claim(kind, word, subjects=subjects[:1], polarity=polarity, theme=m.group().split()[-1].lower())
    return None


def with_success_claims(records: Records) -> Records:
    """*records* with the claims of predictions that an actor will succeed or fail at an outcome named before."""
    text = records.article.text
    out = []
    for p in records.predictions:
        if p.claim is None and (claim := succeeded(text, p, records.actors)) is not None:
            p = replace(p, claim=claim)
        out.append(p)
    return replace(records, predictions=out)

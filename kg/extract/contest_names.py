"""The tournament an article is about, for win forecasts that do not name it ("gives the team a 20 percent
probability of winning" in an article about the "Harbour Cup" claims a win of the Harbour Cup).

A tournament is named by a capitalised word and a last word of ``lexicon/tournament_words.txt`` ("World Cup",
"Champions League"); the one named most often in the title and the text is the article's (the first named wins
a tie). Only contest claims (win, lose) without a theme or an object of their own take it, and only when the
title or the prediction's own paragraph names it (an election article mentioning a cup in passing keeps its
win claims about the election).

>>> contest_name("Harbour Cup preview", "The Harbour Cup starts in May. The Delta League is over.")
'harbour cup'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import load
from kg.outcome_scheme import scheme
from kg.records import Records

__all__ = ["contest_name", "with_contest_themes"]


@cache
def _name() -> re.Pattern[str]:
    last = "|".join(re.escape(w) for w in load("tournament_words"))
    return re.compile(rf"(?<![\w-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:{last})(?![\w-])")


def contest_name(title: str | None, text: str) -> str | None:
    """The tournament named most often in *title* and *text* (lower case), else None."""
    counts: Counter[str] = Counter()
    for source in (title or "", text):
        for m in _name().finditer(source):
            counts[" ".join(m.group().lower().split())] += 1
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])  # Counter keeps first-seen order: a tie goes to the first named


def with_contest_themes(records: Records) -> Records:
    """*records* where every contest claim of a prediction without a theme or an object is about the article's
    tournament (when it names one)."""
    todo = [
        p for p in records.predictions
        if p.claim is not None and p.claim.theme is None and p.claim.object is None
        and scheme().family(p.claim.predicate) == "contest"
    ]
    if not todo:
        return records
    name = contest_name(records.article.title, records.article.text)
    if name is None:
        return records
    text, title = records.article.text, (records.article.title or "").lower()
    predictions = [
        replace(p, claim=replace(p.claim, theme=name))
        if p in todo and p.claim is not None and (name in title or name in _paragraph(text, p.span.start).lower())
        else p
        for p in records.predictions
    ]
    return replace(records, predictions=predictions)


def _paragraph(text: str, at: int) -> str:
    """The paragraph around *at* (between blank lines)."""
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return text[start + 1 if start != -1 else 0 : end if end != -1 else len(text)]

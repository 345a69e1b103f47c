"""Title contests: a tournament has one winner, so the win of one contender settles every contender's claim.

A *title claim* is a win claim without an object about a tournament: its theme ends with a word of
``lexicon/tournament_words.txt`` ("world cup", "champions league"). A *title report* is a reported win whose
words name the whole contest right after the win word ("winning the Cup final", "won the title"; the words
of ``lexicon/title_words.txt``) and no round before it ("won the semi-final", "won their group match").

- A title claim is matched only by an event with a title report: a contender's group-match win settles nothing.
- A title report by a *rival* refutes the claim: another contender won. kg knows two actors compete for one
  title only when the prediction's own article gives the other a title claim on the same tournament ("A is given
  a 20 percent chance, with B next best placed on 12 percent"): :func:`with_rivals`.
- A title claim without a deadline is about the coming edition: reports more than :data:`TITLE_REACH` after
  the prediction are about another one and settle nothing.

>>> import datetime as dt
>>> from kg.resolve.events import Report
>>> r = Report("o1", "kgd:b", "contest", "win", "held", frozenset({"kga:b"}), dt.date(2030, 7, 14),
...            text="B were praised for winning the Harbour Cup final on Sunday.", words="winning", theme="harbour cup")
>>> is_title_report(r), is_title_claim(ClaimFact("win", frozenset({"kga:a"}), theme="harbour cup"))
(True, True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from kg.extract.lexicon import load
from kg.resolve.events import EventFact, Report
from kg.resolve.evidence import PredictionFact
from kg.resolve.reports import ClaimFact

__all__ = ["TITLE_REACH", "is_title_claim", "is_title_report", "rival_title", "title_event", "with_rivals"]

TITLE_REACH = dt.timedelta(days=400)
"""How long after an undated title forecast its tournament may end (a season is under a year)."""

_AFTER = 48  # characters after the win word in which the title words stand


@cache
def _tournament_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load("tournament_words"))


@cache
def _title_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    entries = load("title_words")
    title = [w for w in entries if not w.startswith("-")]
    rounds = [w[1:] for w in entries if w.startswith("-")]
    return (re.compile(r"\b(?:" + "|".join(map(re.escape, title)) + r")s?\b", re.I),
            re.compile(r"\b(?:" + "|".join(map(re.escape, rounds)) + r")s?\b", re.I))


@cache
def _named_tournament() -> re.Pattern[str]:
    """A tournament's name right after the win word: "the Harbour Cup", "the 2030 Harbour Cup"."""
    last = "|".join(re.escape(w) for w in load("tournament_words"))
    return re.compile(rf"\s+(?:the\s+)?(?:\d{{4}}\s+)?(?:[A-Z][\w’'-]*\s+){{1,3}}?(?:{last})\b")


def _tournament(theme: str | None) -> str | None:
    words = (theme or "").lower().split()
    return " ".join(words) if words and words[-1] in _tournament_words() else None


def is_title_claim(claim: ClaimFact) -> bool:
    """A win claim without an object whose theme is a tournament."""
    return claim.predicate == "win" and claim.object is None and _tournament(claim.theme) is not None


def is_title_report(r: Report) -> bool:
    """A held win report whose words name the whole contest (a final, the title, the trophy) right after the
    win word, and no round before the final."""
    if r.kind != "win" or r.status != "held" or not r.words:
        return False
    at = r.text.find(r.words)
    if at == -1:
        return False
    after = re.split(r"[,.;:]", r.text[at + len(r.words) : at + len(r.words) + _AFTER])[0]
    title, rounds = _title_words()
    named = _named_tournament().match(after) is not None  # "won the Harbour Cup" is the title
    return (named or title.search(after) is not None) and rounds.search(after) is None


def _same_tournament(claim: ClaimFact, r: Report) -> bool:
    name = _tournament(claim.theme)
    return name is not None and (name in (r.theme or "").lower() or name in r.text.lower())


def _reachable(claim: ClaimFact, e: EventFact) -> bool:
    return claim.end is not None or claim.start is None or e.first <= claim.start + TITLE_REACH


def title_event(claim: ClaimFact, held: Iterable[Report], e: EventFact) -> bool:
    """For a title claim: does event *e* (its *held* reports) report the title won? Other claims: True."""
    if not is_title_claim(claim):
        return True
    return _reachable(claim, e) and any(is_title_report(r) and _same_tournament(claim, r) for r in held)


def rival_title(claim: ClaimFact, e: EventFact) -> tuple[Report, ...]:
    """The title reports of *e* in which a rival of the claim's subjects won the tournament (empty: none)."""
    if not is_title_claim(claim) or not claim.rivals or not _reachable(claim, e):
        return ()
    if claim.start is not None and e.last < claim.start:
        return ()
    return tuple(
        r for r in e.reports
        if is_title_report(r) and _same_tournament(claim, r)
        and r.actors & claim.rivals and not r.actors & claim.subjects
    )


def with_rivals(claims: dict[str, ClaimFact], predictions: Iterable[PredictionFact]) -> dict[str, ClaimFact]:
    """*claims* where each title claim knows its rivals: the subjects of the other title claims of its article
    on the same tournament."""
    by_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    titled = []
    for p in predictions:
        c = claims.get(p.iri)
        if c is not None and is_title_claim(c):
            by_article[(p.article, _tournament(c.theme) or "")] |= c.subjects
            titled.append((p, c))
    out = dict(claims)
    for p, c in titled:
        rivals = frozenset(by_article[(p.article, _tournament(c.theme) or "")] - c.subjects)
        if rivals:
            out[p.iri] = replace(c, rivals=rivals)
    return out

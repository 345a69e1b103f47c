"""What a prediction claims: a structured proposition read from its words (docs/model.md, "Propositions").

A claim is read from one stretch of text by :func:`read_claim`: the first word of an outcome kind
(``ontology/outcomes.ttl``; "announce", "confirm" and "declare" give way to a kind that follows them, since
announcing a withdrawal claims the withdrawal), the actors mentioned before it in its sentence (subjects, the
nearest first) and after it (object), and a number with its unit and comparison after it ("by at least 25 bp",
"between $8 billion and $10 billion", "339 seats"). :func:`with_claims` gives every prediction its claim;
:mod:`kg.extract.outcomes` reads what later sources report with the same reader.

>>> from kg.records import Actor, Span
>>> text = "The bank is expected to raise rates by at least 25 basis points."
>>> bank = Actor("a1", "The Bank", "Organization", mentions=[Span(0, 8, "The bank")])
>>> c = read_claim(text, 0, len(text), actors=[bank], forms=base_forms())
>>> c.predicate, c.subjects, c.value, c.unit, c.comparison
('raise', ['a1'], 25.0, 'bp', 'ge')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from kg.extract.amount_words import point_value
from kg.extract.claim_descriptors import descriptor_subject
from kg.extract.claim_frames import settle
from kg.extract.claim_speakers import without_speakers
from kg.extract.conditions import until_condition
from kg.extract.form_themes import form_theme
from kg.extract.gerund_clauses import gerund_verb, main_subject
from kg.extract.lexicon import words
from kg.extract.range_points import at_range_point
from kg.extract.verbal_gerunds import verbal_ing
from kg.outcome_scheme import Scheme, scheme
from kg.records import Actor, Claim, Records, Span

__all__ = ["base_forms", "read_claim", "read_value", "with_claims"]

#: kinds that only frame another one ("announce that it will withdraw" claims the withdrawal, "agreed to cut"
#: the cut)
_FRAMING = ("announce", "agree")
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|n[’']t|fail(?:s|ed)? to|refus(?:e|es|ed) to)\s+(?:\w+\s+){0,2}$", re.I
)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|whereas|although|though|which|who)\b|\b(?:but|while|whereas)\b")
_NUMBER = r"(?P<N#>(?:(?<=\s)[-−])?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))"
_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
_SCALE_RE = r"(?:\s*(?P<S#>thousand|million|billion|trillion|mn|bn|m|b)\b)?"


def _inflect(form: str) -> set[str]:
    """A base form and its -s, -ing forms (the first word inflected: "pull out" -> "pulling out")."""
    head, _, rest = form.partition(" ")
    tail = f" {rest}" if rest else ""
    out = {head, head + "s", head + "es"}
    if head.endswith("e") and not head.endswith("ee"):
        out.add(head[:-1] + "ing")
    elif len(head) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", head):
        out.add(head + head[-1] + "ing")
    else:
        out.add(head + "ing")
    if head.endswith("y"):
        out.add(head[:-1] + "ies")
    return {w + tail for w in out}


@cache
def base_forms() -> dict[str, str]:
    """Words of a claimed outcome (base, -s and -ing forms) -> kind."""
    out: dict[str, str] = {}
    for kind in scheme().kinds.values():
        for form in kind.forms:
            for w in _inflect(form.lower()):
                out.setdefault(w, kind.name)
    return out


@cache
def _pattern(forms: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    words = sorted((re.escape(w).replace(r"\ ", r"\s+") for w, _ in forms), key=len, reverse=True)
    return re.compile(r"(?<![\w$-])(?:" + _by_first_letter(words) + r")(?![\w-])", re.I)


def _by_first_letter(words: list[str]) -> str:
    """The alternation of *words* (regex texts) with those of one first ASCII letter grouped: the same matches
    (words of other first letters never match where these do, and each group keeps their order), but the
    engine tries one group at a position instead of every word (the trigger scan was ~7% of extraction).

    >>> _by_first_letter(["cuts", "cut", "raise", "c"])
    '(?:c(?:uts|ut|))|(?:r(?:aise))'
    """
    groups: dict[str, list[str]] = {}  # a lower-case ASCII letter -> the rest of its words; else a word alone
    for w in words:
        if w[:1].isascii() and w[:1].isalpha():
            groups.setdefault(w[0].lower(), []).append(w[1:])
        else:
            groups.setdefault("\0" + w, []).append(w)
    return "|".join(f"(?:{h}(?:{'|'.join(rest)}))" if len(h) == 1 else f"(?:{rest[0]})" for h, rest in groups.items())


_PATTERNS: dict[int, tuple[dict[str, str], re.Pattern[str]]] = {}


def _pattern_of(forms: dict[str, str]) -> re.Pattern[str]:
    """The pattern of a forms table, built once per table (the tables are cached, so this is per process)."""
    held = _PATTERNS.get(id(forms))
    if held is None or held[0] is not forms:
        held = (forms, _pattern(tuple(sorted(forms.items()))))
        _PATTERNS[id(forms)] = held
    return held[1]


def _trigger(text: str, start: int, end: int, forms: dict[str, str]) -> tuple[re.Match[str], str] | None:
    pattern = _pattern_of(forms)
    found: list[tuple[re.Match[str], str]] = []
    for m in pattern.finditer(text, start, end):  # only the first two kept matches are ever read
        if not _noun_ing(text, m):
            found.append((m, forms[" ".join(m.group().lower().split())]))
            if len(found) == 2 or found[0][1] not in _FRAMING:
                break
    if not found:
        return None
    first = found[0]
    if first[1] in _FRAMING and len(found) > 1:
        return found[1]
    return first


_BE = re.compile(r"\b(?:is|are|was|were|be|been|am|'s|'re|’s|’re)\s+$", re.I)


def _noun_ing(text: str, m: re.Match[str]) -> bool:
    """An -ing form not after a form of "be" is a noun or gerund ("the meeting"), not the claimed outcome."""
    head = m.group().split()[0].lower()
    before = text[max(0, m.start() - 16) : m.start()]
    return head.endswith("ing") and not (
        _BE.search(before[-8:]) or _DELIBERATE.search(before) or gerund_verb(text, m.start()) or _named_doer(text, m)
        or verbal_ing(text, m.start())  # "probability of winning", "praised … for winning" (kg.extract.verbal_gerunds)
    )


#: a step deliberated is the claimed outcome: "is considering abolishing", "weighing cutting"
_DELIBERATE = re.compile(r"\b(?:consider|considers|considering|weighing|mulling|contemplating|chances?\s+of)\s+$", re.I)


_DOER = re.compile(r"(?<![\w'’])(?!(?:The|A|An|This|That|Its|His|Her|Their|Our|Of|In|On|For)\s)[A-Z][a-z]+\s+$")


def _named_doer(text: str, m: re.Match[str]) -> bool:
    """An -ing form with its object ("keeping the deal") right after a name is a verb with its subject ("the
    chances of Smith keeping the deal"), not a noun."""
    return len(m.group().split()) >= 3 and bool(_DOER.search(text[max(0, m.start() - 30) : m.start()]))


def read_value(text: str, start: int, end: int) -> tuple[float, float | None, str, str, Span] | None:
    """The first number with a unit in ``text[start:end]``: (value, high, unit, comparison, span).

    >>> read_value("priced at $45 a share", 0, 21)[:4]
    (45.0, None, 'usd', 'eq')
    >>> read_value("between $8 billion and $10 billion", 0, 34)[:4]
    (8000000000.0, 10000000000.0, 'usd', 'between')
    >>> read_value("a hike of 50bps or more", 0, 23)[:4]
    (50.0, None, 'bp', 'ge')
    """
    s = scheme()
    pattern = _value_pattern(tuple(s.units))
    m = pattern.search(text, start, end)
    if m is None:
        return None
    part = _PART_OF.search(text, max(start, m.start() - 20), m.start())
    if part is not None and part.end() == m.start():
        whole = m
        m = pattern.search(f"{part.group(1)} {whole.group('unit1') or ''}")  # "210 of the 400 seats": 210 seats
        if m is None:
            return None
        found = _read_match(m, s)
        return None if found is None else (*found[:4], Span(part.start(), whole.end(), text[part.start():whole.end()]))
    found = _read_match(m, s, text=text, start=start, end=end)
    return None if found is None else (*found[:4], Span(m.start(), m.end(), m.group()))


@cache
def _value_pattern(scheme_units: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of a number with a unit (or a range of two), built once per set of units."""
    units = sorted(scheme_units, key=len, reverse=True)
    unit_re = "|".join(re.escape(u) for u in units if not u.startswith(("$", "€", "us$")))
    money = "|".join(re.escape(u) for u in units if u.startswith(("$", "€", "us$")) or u == "US$")
    one = (
        rf"(?:(?P<cur#>{money})\s?{_NUMBER.replace('N#', 'num#')}{_SCALE_RE.replace('S#', 'sc#')}"
        rf"|{_NUMBER.replace('N#', 'n#')}{_SCALE_RE.replace('S#', 's#')}\s?(?:-\s?)?(?P<unit#>{unit_re})(?![\w]))"
    )
    lo_re, hi_re = one.replace("#", "1"), one.replace("#", "2")
    return re.compile(rf"(?:(?P<between>between|from)\s+)?{lo_re}(?:\s*(?:and|to|-|–)\s*{hi_re})?", re.I)


_PART_OF = re.compile(r"\b(\d+(?:\.\d+)?)\s+(?:out\s+)?of\s+(?:the\s+)?$")


def _read_match(
    m: re.Match[str], s: Scheme, *, text: str = "", start: int = 0, end: int = 0
) -> tuple[float, float | None, str, str] | None:
    """(value, high, unit, comparison) of one match of the value pattern; *text* gives the words around it."""

    def number(i: int) -> tuple[float, str] | None:
        raw = m.group(f"num{i}") or m.group(f"n{i}")
        if raw is None:
            return None
        scale = (m.group(f"sc{i}") or m.group(f"s{i}") or "").lower()
        unit = s.unit_of(m.group(f"cur{i}") or "") if m.group(f"cur{i}") else s.unit_of(m.group(f"unit{i}") or "")
        return float(raw.replace(",", "").replace("−", "-")) * _SCALE.get(scale, 1.0), unit or ""

    low, high = number(1), number(2)
    if low is None:
        return None
    unit = low[1] or (high[1] if high else "")
    comparison = "eq"
    before = text[max(start, m.start() - 16) : m.start()].lower()
    after = text[m.end() : min(end, m.end() + 12)].lower()
    if re.search(r"majority(?:\s+of)?\s*$", before) or re.match(r"\s*(?:-\s*)?(?:seat\s+)?majority", after):
        unit = "seat-majority"  # a margin over all others, not a count of seats
    for phrase, cmp in sorted(s.comparisons.items(), key=lambda x: -len(x[0])):
        if phrase.startswith("or ") and re.match(rf"\s*{re.escape(phrase)}\b", after):
            comparison = cmp
            break
        if not phrase.startswith("or ") and re.search(rf"\b{re.escape(phrase)}\s+$", before) and cmp != "eq":
            comparison = cmp
            break
    if high is not None and high[0] > low[0]:
        return low[0], high[0], unit, "between"
    return low[0], None, unit, comparison


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)`` (to the previous and next full stop or line break)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return (left + 1 if left >= 0 else 0), max(right, end)


def _mentions(actors: Sequence[Actor], start: int, end: int) -> list[tuple[int, int, str]]:
    spans = _sorted_mentions(actors)
    lo, hi = bisect.bisect_left(spans, (start,)), bisect.bisect_left(spans, (end + 1,))  # start <= m.start <= end
    return [x for x in spans[lo:hi] if x[1] <= end]


_SORTED: list[tuple[Sequence[Actor], int, list[tuple[int, int, str]]]] = []


def _sorted_mentions(actors: Sequence[Actor]) -> list[tuple[int, int, str]]:
    """``(start, end, actor id)`` of every mention of *actors*, sorted; kept for the last list of actors asked
    about (one article's post-processing asks about the same list hundreds of times), made again when that list
    or the number of its mentions changed."""
    count = sum(len(a.mentions) for a in actors)
    held = _SORTED[-1] if _SORTED else None  # one read: another thread may replace it meanwhile
    if held is not None and held[0] is actors and held[1] == count:
        return held[2]
    spans = sorted((m.start, m.end, a.id) for a in actors for m in a.mentions)
    _SORTED[:] = [(actors, count, spans)]
    return spans


def read_claim(
    text: str,
    start: int,
    end: int,
    *,
    actors: Sequence[Actor],
    forms: dict[str, str],
    sentence: tuple[int, int] | None = None,
) -> Claim | None:
    """The claim of ``text[start:end]`` with trigger words *forms* (word -> kind), or None without a kind.

    Subjects are the actors mentioned between the start of the clause (in *sentence*, default: the sentence
    around the words) and the trigger, the nearest one and those joined to it by "and"; the object is the first
    actor mentioned after the trigger.
    """
    found = _trigger(text, start, end, forms)
    if found is None:
        return None
    m, kind = found
    s_start, s_end = sentence or _sentence(text, start, end)
    clause_start = s_start
    for b in _CLAUSE_BREAK.finditer(text, s_start, m.start()):
        clause_start = b.end()
    before = [x for x in _mentions(actors, clause_start, m.start()) if m.start() - x[1] <= _SUBJECT_REACH]
    subjects = _subjects(text, before)
    if not subjects and (described := descriptor_subject(text, clause_start, m.start(), actors)) is not None:
        subjects = [described]  # "the central bank is considering …": the bank named before
    if not subjects and gerund_verb(text, m.start()) and (main := main_subject(text, m.end(), s_end, actors)):
        subjects = [main]  # "In addition to lifting the ban, the agency …": the main clause's subject
    after = [a for _, _, a in _mentions(actors, m.end(), max(end, m.end())) if a not in subjects]
    if not subjects and after and scheme().family(kind) == "change":
        subjects, after = after[:1], after[1:]  # "raise the bank's rates": a rate's owner sets it
    value = read_value(text, m.end(), min(end, m.end() + _VALUE_REACH)) or _value_before(text, m.start(), clause_start)
    value = value or point_value(text, m.end(), min(end, m.end() + _VALUE_REACH), max(clause_start, m.start()))
    polarity = "negative" if _NEGATION.search(text[max(clause_start, m.start() - 30) : m.start()]) else "positive"
    if polarity == "negative" and until_condition(text, m.end(), s_end):
        polarity = "positive"  # "will not approve it until …": the approval, once the condition is met
    theme = form_theme(text, m.start(), m.end()) or _theme(text, m.end(), end)
    claim = Claim(kind, Span(m.start(), m.end(), m.group()), subjects=subjects, object=after[0] if after else None,
                  polarity=polarity, theme=theme)
    if value is not None:
        claim = replace(claim, value=value[0], value_high=value[1], unit=value[2] or None, comparison=value[3])
    return claim


_JOIN = re.compile(r"^[’'s]*\s*(?:,|and|&|,\s*and)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)


#: how far (characters) before the outcome word its subject may stand, and after it its value
_SUBJECT_REACH = 80
_VALUE_REACH = 45


def _value_before(text: str, at: int, floor: int) -> tuple[float, float | None, str, str, Span] | None:
    """A value in the noun phrase just before the outcome word ("a 25 bps hike", "a 28-seat majority")."""
    found = read_value(text, max(floor, at - 30), at)
    return found if found is not None and not text[found[4].end : at].strip(" -") else None


_MODIFIER = re.compile(r"^\s*(?:[A-Z][\w.-]*\s+){0,2}$")


def _subjects(text: str, before: list[tuple[int, int, str]]) -> list[str]:
    """The nearest actor before the trigger, with those joined to it by "and" / ","."""
    if not before:
        return []
    out = [before[-1][2]]
    head = len(before) - 1  # the mention the chain is at
    for i in range(len(before) - 2, -1, -1):
        gap = text[before[i][1] : before[head][0]]
        if before[i][1] > before[head][0] or _MODIFIER.match(gap):
            continue  # nested in, or a modifier of, the next mention ("Chinese President Xi")
        if not _JOIN.match(gap):
            break
        head = i
        if before[i][2] not in out:
            out.append(before[i][2])
    return out


_THEME_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}|\S+")
_THEME_SKIP = words(
    "the a an its their his her our this that these those of from on in to at by for with into over out up "
    "new next first second final only just also even then soon again"
)


_THEME_END = words("on in at by for with during after before since until")


def _theme(text: str, start: int, end: int) -> str | None:
    """Up to three words of what the outcome is about, read after the outcome word to the end of its phrase
    ("won the World Cup final" -> "world cup"): the words a report of the same outcome will share."""
    out: list[str] = []
    for m in _THEME_WORD.finditer(text, start, min(len(text), max(end, start) + 40)):
        w = m.group().lower()
        if out and w in _THEME_END:
            break
        if not w[0].isalpha() or w in ("and", "but", "after", "before", "while", "because", "as", "with"):
            if out or not w[0].isalpha() and not w[0].isdigit():
                break
            continue
        if w not in _THEME_SKIP:
            out.append(w)
        if len(out) == 3:
            break
    return " ".join(out) or None


def _reread(text: str, start: int, end: int, records: Records) -> Callable[[int, int], Claim | None]:
    sentence = _sentence(text, start, end)
    return lambda s, e: read_claim(text, s, e, actors=records.actors, forms=base_forms(), sentence=sentence)


def with_claims(records: Records) -> Records:
    """*records* with a claim on every prediction whose words name an outcome kind (others keep None)."""
    from kg.extract.company import company_claim
    from kg.extract.known_results import known_result_claim
    from kg.extract.majority_claims import majority_claim  # it reads with read_claim: imported when used
    from kg.extract.no_majority import no_majority_claim
    from kg.extract.office_claims import office_claim
    from kg.extract.party_majority import party_majority_claim
    from kg.extract.presupposed_claims import presupposed_claim
    from kg.extract.residence_claims import residence_claim

    text = records.article.text
    forms = base_forms()
    predictions = []
    for p in records.predictions:
        claim = read_claim(text, p.span.start, p.span.end, actors=records.actors, forms=forms)
        claim = claim or majority_claim(text, p.span.start, p.span.end, actors=records.actors)
        claim = claim or office_claim(text, p.span.start, p.span.end, actors=records.actors)  # "become President"
        claim = claim or no_majority_claim(text, p.span.start, p.span.end, actors=records.actors)  # "hung parliament"
        claim = claim or party_majority_claim(text, p.span.start, p.span.end, actors=records.actors)
        claim = claim or known_result_claim(text, p.span.start, p.span.end, actors=records.actors)
        claim = claim or residence_claim(text, p.span.start, p.span.end, actors=records.actors)
        claim = claim or presupposed_claim(text, p.span.start, p.span.end, actors=records.actors)
        if claim is None or not claim.subjects:  # "joined only by interpreters": who else is in the room
            claim = company_claim(text, p.span.start, p.span.end, actors=records.actors,
                                  meetings=records.meetings) or claim
        if claim is not None:
            claim = settle(text, p.span.start, p.span.end, claim, _reread(text, p.span.start, p.span.end, records))
        if claim is not None:
            polarity = p.polarity if claim.polarity == "positive" else "negative"
            if until_condition(text, claim.span.end, p.span.end):
                polarity = "positive"  # "will not X until …" claims X (kg.extract.conditions)
            claim = without_speakers(text, replace(claim, polarity=polarity), records.actors)
            claim = at_range_point(text, p.span.start, p.span.end, claim)  # "at the middle of its target range"
        predictions.append(replace(p, claim=claim))
    return replace(records, predictions=predictions)

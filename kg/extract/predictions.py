"""Predictions: forward-looking claims, one per clause, with hedge, probability, deadline and polarity.

A clause is a prediction when it holds a trigger phrase of the estimative scheme (``ontology/hedges.ttl``:
will, won't, likely, poised to, expected to, set to, may, might, could, plans to, look forward to, confident,
would be surprised if, …), an estimate verb with an infinitive ("expects the Fed to raise", "forecast sales to
reach") or a counted noun phrase ("She expects three cuts", "forecasts a rebound to 1.7%"), "is expected by /
on …", a present progressive dated ahead ("this strike is not ending this week") or an explicit probability
("82% chance", "the odds … at no better than one in five"). The most specific trigger of the clause wins (a
percentage, then a hedge word, then may/might/could, then a bare will): "will likely" is "likely".

Not predictions: questions (also indirect: "asked whether …"); counterfactuals ("Had X gone, he'd have …";
"would have"); triggers in a leading subordinate clause ("Even as talks might stall, …"); attributive
adjectives ("a likely visit"); "will" as a noun; "due to"/"set to" before a noun phrase; comparisons ("than
expected"); past expectations ("was expected to"); "would", except in the speech of a named actor about a
dated future ("she said she would travel on March 21") or reported by a speech or estimate verb ("Holm said the
bill would go ahead", "predicted it would pass"), never inside a direct quote nor next to "if": elsewhere it is
sequence of tense, politeness or a condition. Also not: past counterfactuals ("could have had", "would have
been"), first-person speech acts ("I will not pretend", "I won't comment"), generic possibility ("Anything is
possible"), present ability ("could not afford"), the month "May", and clauses dated only before publication
("rates fell in June"; a date of the speech act, "said at a conference in June", is not the clause's date).

- predictor: the speaker of the statement whose span holds the trigger (quote or reported speech, from
  :mod:`.statements`), else of a statement the clause overlaps, else the source named in the sentence
  (:mod:`.predictors`: "according to X", "X's model shows"), else the actor of an estimate verb ("She put the
  chance at 30%"), else, for a later clause of the sentence, the speaker of a statement earlier in it ("…, he
  said, and the deficit will probably …"), else the actor of a header line above ("This via X:"), else
  ``"author"`` (also for the outlet's own forecasts). An agency's own "expects to" names it first, even
  inside relayed speech;
  ``statement`` that statement's id and ``made`` its date.
- hedge: the trigger as written; ``probability_interval``/``probability`` from its concept
  (:func:`kg.extract.hedges.lookup`), or the percentage itself.
- polarity (convention, also in the scopeNote of ``ontology/hedges.ttl``): a negation inside the hedge itself
  ("unlikely", "almost certainly not", "probably won't") is part of the probability, so the polarity stays
  positive with that low probability; a negation on the verb or on a belief verb ("will not", "won't", "may
  not", "not expected to", "there will be no", "I don't expect / think / believe") makes it negative and keeps
  the hedge's probability. "I would be surprised if X did not …" is "unlikely" with a negative polarity. A
  negation stops at the clause: "but", "though", "although", ";" start a new one.
- deadline: the end of the first future time expression of the clause, else of its sentence, else (for a
  main clause, not a relative one) of the previous sentence of the paragraph ("September 2018 is poised …
  Kim will host …" -> 2018-09-30). Dates of the speech act and "since …" spans are left out. Periods end on
  their last day (:mod:`.dates`): "by year-end", "later in the year" -> 31 December; "next summer" -> 31
  August; "by the autumn" -> 30 November (meteorological seasons); "by Thursday" -> that Thursday. "During
  the trip / visit / summit" ends with that meeting (when the caller passes the article's meetings), as does
  a prediction about a dated meeting of the article; a clock time alone ("at 2pm") is the publication day;
  past points of comparison ("up from 40 in 2019") and dates of a past verb before the trigger ("on Friday,
  decided to …") are left out; an undated forecast takes the article's focus date (:mod:`.deadlines`).
- how strongly and whether at all: :mod:`.modality` (belief and "little doubt" modifiers, "set to" as a
  calendar entry, assessments, purpose clauses, indirect questions, future-in-the-past, stage directions).
- confidence: 0.7 for a hedged clause, 0.6 for a bare "will" or a coordinated clause, 0.8 for a percentage;
  0.3 for a habitual stance ("has spent a year telling markets that he will not be rushed").
- event: the meeting the clause predicts to take place: named in its predicate, after its first hedge or
  modal ("X will visit Y", "likely with Xi by his side"), or its subject when the predicate is that it takes
  place ("the summit will likely be held in May"; "It will take place in May" inherits the event of the
  prediction before). A meeting that is only the subject or topic of another predicate ("a summit might be
  the only way to …", "It won't bring the capital nearer to …") is no event.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from kg.extract import clauses, deadlines, forecast_events, hedges, modality, predictors, would_forecasts
from kg.extract.document import Document
from kg.extract.lexicon import SPEECH_VERBS
from kg.extract.registry import trie_regex
from kg.extract.statements import speaker_at
from kg.records import Meeting, Prediction, Span, Statement

_PERCENT = re.compile(
    r"\b(?P<pct>\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent))\s+(?:chance|probability|likelihood|odds|risk|favou?rable)\b"
    r"|\b(?:chances?|probability|likelihood|odds|risk)\b[^.;]{0,70}?\b(?:at|of|is|was|as|to)\s+"
    r"(?:about\s+|around\s+|roughly\s+|no\s+better\s+than\s+|no\s+more\s+than\s+|less\s+than\s+|at\s+least\s+|"
    r"only\s+|just\s+)?(?P<pct2>\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)|"
    r"(?:one|two|three|four|\d+)\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))",
    re.I,
)
_EXPECT = re.compile(
    r"\b(?P<verb>expects?|expected|expecting|forecasts?|forecast|predicts?|predicted|anticipates?|anticipated)"
    r"\s+(?:[\w’'$,.%-]+\s+){0,7}?to\s+(?=[a-z])"
    # "She expects three cuts", "forecasts a rebound to 1.7%": an estimate verb before a counted noun phrase
    r"|\b(?P<verb_np>expects|forecasts|predicts|projects|anticipates|sees)\s+(?=(?:a|an|another|further|"
    r"more|no|one|two|three|four|five|six|several|\d[\d.,]*%?)\s)"
    # "Final results are expected by Thursday"
    r"|\b(?:is|are|’s|'s)\s+(?P<verb_by>expected)\s+(?=(?:by|on|in|at|within|later|next|before|early|this)\b)"
)
_WOULD_SOURCE = r"\b(?:would|[’']d)\b(?!\s+have\b)(?!\s+like\b)"
_WOULD = re.compile(_WOULD_SOURCE, re.I)
_WOULD_LOWER = re.compile(_WOULD_SOURCE)  # on the lower-cased text: same matches, faster
_INDIRECT_QUESTION = re.compile(r"\b(?:whether|asked if|wondered if|ask if)\b", re.I)
_ESTIMATE_VERB = re.compile(
    r"\b(?:put|puts|expects?|expected|sees?|saw|gives?|gave|estimates?|estimated|"
    r"forecasts?|predicts?|predicted|thinks?|believes?|reckons?)\b"
)
_NEG_AFTER = re.compile(r"\s*(?:not|never|n[’']t|be\s+no\b(?!\s+(?:doubt|surprise|stranger|different)))\b", re.I)
_NEG_BEFORE = re.compile(r"(?:\b(?:not|never|no longer)|n[’']t)\s+(?:be\s+)?$", re.I)
#: "I don't expect / think / believe": a negated belief turns what follows in its clause negative
_NEG_BELIEF = re.compile(
    r"(?:\b(?:do|does|did)\s+not|\b(?:do|does|did)n[’']t|\bnever)\s+(?:really\s+)?"
    r"(?:expect|think|believe|see|anticipate|foresee|predict|imagine)\b",
    re.I,
)
#: "I would be surprised if the board did not engage": the negation sits in the if-clause
_NEG_ANY = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)
#: generic possibility, not about an event ("Anything is possible")
_GENERIC = re.compile(r"\b(?:[Aa]nything|[Ee]verything|[Aa]ll\s+things)\s+(?:is|are|seems?)\s+(?:\w+\s+)?$")
#: present ability in reported speech ("told the Post the city could not afford more")
_ABILITY = re.compile(
    r"\s+(?:not\s+|n[’']t\s+)?(?:afford|understand|believe|imagine|remember|recall|hear|tell|explain|accept|"
    r"comment|confirm|say|see\s+why|find)\b"
)
_LOWER_NEXT = re.compile(r"\s+[a-z]")
#: a noun right after an adjective ("possible Labour losses"), not "possible that/to/for/in/by/,"
_NOUN_NEXT = re.compile(r"\s+(?!(?:that|to|for|in|by|if|at|on|this|next|now|again|soon|before|after)\b)[A-Za-z][\w-]*")
_ALL_BEFORE = re.compile(r"\b(?:everything|anything|all|whatever|as\s+\w+\s+as)\s+$", re.I)
_THAN_BEFORE = re.compile(r"\b(?:than|as)\s+$")
_WILL_NOUN_BEFORE = re.compile(r"\b(?:the|political|good|free|his|her|their|popular)\s+$", re.I)
_LIKELY_WORD = re.compile(r"likely|probabl|certain")
_DIGIT_NEXT = re.compile(r"\s+\d")
_HAD_WERE = re.compile(r"(?:Had|Were)\b")
_IF = re.compile(r"\bif\b|\bunless\b")
_CONFIDENT_OF = re.compile(r"\s+(?:that|of|we|it|they|he|she|the|this|our|I)\b")
#: a present progressive with a future time ("this strike is not ending this week")
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|[’']s|[’']re|[’']m)\s+(?P<neg>not\s+)?(?P<verb>[a-z]+ing)\b")
_PROGRESSIVE_TIMES = ("next", "tomorrow", "this week", "this month", "this year", "later", "coming", " by ")
_FUTURE_WORDS = re.compile(r"\b(?:next|tomorrow|this\s+(?:week|month|year)|later|coming|by)\b", re.I)
#: speech and estimate verbs that put a "would" clause in reported speech ("said the bill would pass")
_REPORTING = re.compile(
    rf"\b(?:{SPEECH_VERBS})\b(?:\s+(?:on|last|this|earlier|in)\s+\w+)?(?:\s+that)?\s+(?:[\w’'-]+\s+){{0,6}}$"
)
_SUBORDINATE = re.compile(
    r"(?:Even as|Even if|Even though|Although|Though|While|Whereas|As long as|Unless|If|"
    r"Because|Since|When|Whether)\b"
)
_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|might|should|must)(?:\s+not|n[’']t)?\s+have\s+(?:\w+ed|been|had|done|made|gone|got|seen|"
    r"won|lost|come|become|taken|given|known|kept|sent|spent|held|met|put|cut|let|run|told|said|brought|"
    r"bought|thought|paid|left|chosen|fallen|risen|grown|shown|begun|\w+en)\b|[’']d\s+have\b"
)
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|most|more)\s+(?:\w+ly\s+)?$", re.I)
#: "the chances of a deal were very small": a chance qualified in words (the concept is "<word> chance")
_QUALITATIVE = re.compile(
    r"\bchances?\b[^.;?]{0,80}?\b(?:is|was|are|were|remains?|remained|looked|looks|seem|seems|seemed)\s+[\"“]?"
    r"(?P<q>(?:very\s+)?(?:small|slim|low|good|high|strong))\b",
    re.I,
)
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|[’']s|[’']re)\s+(?:\w+\s+)?$", re.I)
#: the main verb after a relative clause closed by a comma ("X, who was captured on Monday, will be freed")
_RESUMED = re.compile(r",\s+(?=(?:will|won[’']t|would|could|may|might|is|are|has|have)\s)")
#: a possessed thing as the subject right before an estimate verb ("X's decisive victory puts …")
_OWNED_SUBJECT = re.compile(r"[’']s\s+(?:[\w-]+\s+){1,3}$")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|[’']s|[’']re)\s+(?:\w+ly\s+)?$", re.I)
_PAST_COPULA = re.compile(r"\b(?:was|were|had been)\s+$", re.I)
_NOUN_PHRASE_NEXT = re.compile(r"\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my)\b", re.I)
_ADJECTIVE_TRIGGERS = frozenset({"likely", "unlikely", "anticipated", "possible", "probable", "expected"})
_WEAK = ("https://w3id.org/kg/concept/wep-will", "https://w3id.org/kg/concept/wep-may")
_POISED = "https://w3id.org/kg/concept/wep-poised"
_LEADING = re.compile(r"^(?:is|are|was|were|am|be|will)\s+(?!not\b)(?=\S+)", re.I)
_HABITUAL = re.compile(
    r"\b(?:has|have)\s+(?:spent\s+(?:\w+\s+){1,3}|long\s+|repeatedly\s+|consistently\s+)"
    r"(?:telling|saying|insisting|arguing|warning|signalling|signaling|said|insisted|argued|warned)\b"
)


@cache
def _trigger_pattern(*, lowered: bool = False) -> re.Pattern[str]:
    """Every trigger phrase of the scheme; *lowered* for scanning lower-cased text (case-sensitive, faster)."""
    phrases = [
        p
        for p in hedges.trigger_phrases()
        if not p.startswith(("'", "to ")) and p not in ("would", "to", "is to", "are to")
    ]
    words = {p.replace("'", "’") for p in phrases} | set(phrases)
    alternation = trie_regex(words).replace("\\ ", r"\s+")
    return re.compile(rf"\b(?<![\w'’])(?:{alternation})(?![\w])|[’']ll\b", 0 if lowered else re.I)


#: per scan, groups of substrings (lower case): a paragraph is scanned only if it holds one of each group
_SCAN_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "expect": (("expect", "forecast", "predict", "anticipat", "project", "sees"),),
    "would": (("would", "’d", "'d"),),
    "is_to": (("is to", "are to", "is now to", "are now to", "is also to"),),
}
#: words that make the subject of "is to" a clause, an extraposition or a question, not a noun phrase
_NOT_IS_TO_SUBJECT = frozenset(("to", "for", "it", "what", "this", "that", "which", "there", "how", "why"))


def _arranged_subject(text: str, start: int, pos: int) -> bool:
    """True when "is to" at *pos* follows a short noun phrase ("The two leaders are to meet"), not a clause
    ("The right way for X to act is to …") nor "it"/"what" ("how pleasing it is to have …")."""
    subject = re.split(r"[,;:—]", text[start:pos])[-1].split()
    return 0 < len(subject) <= 8 and not (_NOT_IS_TO_SUBJECT & {w.lower() for w in subject})


#: a coordinated verb phrase in the past does not share the future trigger before it ("… and was the subject")
_PAST_COORDINATE = re.compile(r"(?:and|or)\s+(?:then\s+|also\s+)?(?:was|were|had|did|[a-z]+ed)\b")
#: "The fund is to be opened", "X is to meet Y today": an arrangement, read as "scheduled to"
_IS_TO = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|also\s+)?to(?=\s+(?:be\s+[a-z]+(?:ed|en|wn|ld|nt)\b|(?!be\b|do\b)[a-z]+\b))"
)


@dataclass(frozen=True)
class _Trigger:
    """A trigger found in text: offsets, the words as written and the phrase to look its concept up by."""

    start: int
    end: int
    text: str
    phrase: str


class _Scan:
    """The trigger matches of the whole content, found once and looked up by clause."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], lowered: str | None = None) -> None:
        self.found: dict[str, list[re.Match[str]]] = {}
        self.starts: dict[str, list[int]] = {}
        main = (_trigger_pattern(lowered=True), lowered) if lowered is not None else (_trigger_pattern(), text)
        low = lowered if lowered is not None else text.lower()
        would = (_WOULD_LOWER, lowered) if lowered is not None else (_WOULD, text)
        scans = (("expect", (_EXPECT, text)), ("would", would), ("is_to", (_IS_TO, text)), ("main", main))
        for name, (pattern, scanned) in scans:
            gates = _SCAN_GATES.get(name)
            self.found[name] = [
                m
                for ps, pe in paragraphs
                if gates is None or all(any(low.find(g, ps, pe) != -1 for g in alternatives) for alternatives in gates)
                for m in pattern.finditer(scanned, ps, pe)
            ]
            self.starts[name] = [m.start() for m in self.found[name]]

    def between(self, name: str, start: int, end: int) -> list[re.Match[str]]:
        """Matches of *name* inside ``[start, end)``."""
        starts = self.starts[name]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [m for m in self.found[name][lo:hi] if m.end() <= end]


def _triggers(text: str, start: int, end: int, scan: _Scan) -> list[_Trigger]:
    clause = text[start:end].lower()
    question = ("whether" in clause or " if" in clause) and _INDIRECT_QUESTION.search(text, start, end) is not None
    out = [
        _Trigger(m.start(), m.end(), m.group("verb") or m.group("verb_np") or m.group("verb_by"), "expected to")
        for m in scan.between("expect", start, end)
        if not _PAST_COPULA.search(text, max(start, m.start() - 12), m.start())
    ]
    out += [
        _Trigger(m.start(), m.end(), m.group(), "would")
        for m in scan.between("would", start, end)
        if not (question and _INDIRECT_QUESTION.search(text, start, m.start()))
        and not modality.not_forecast(text, start, end, m.start(), m.end())
    ]
    out += [
        _Trigger(m.start(), m.end(), m.group(), "is to")
        for m in scan.between("is_to", start, end)
        if not modality.purpose(text, start, m.start())
        and _arranged_subject(text, start, m.start())
        and not (question and _INDIRECT_QUESTION.search(text, start, m.start()))
    ]
    for m in scan.between("main", start, end):
        if any(t.start <= m.start() < t.end for t in out if t.phrase == "expected to"):
            continue
        word = m.group().lower().replace("’", "'")
        before = text[max(start, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 12]
        if word in _ADJECTIVE_TRIGGERS and _ATTRIBUTIVE.search(before) and _LOWER_NEXT.match(after):
            continue  # "a likely visit", "the anticipated summit"
        if word == "possible" and (_NOUN_NEXT.match(after) or _ALL_BEFORE.search(before)):
            continue  # "about possible Labour losses", "do everything possible": no claim about the future
        if _THAN_BEFORE.search(before):
            continue  # "longer than anticipated", "as expected"
        if question and _INDIRECT_QUESTION.search(text, start, m.start()):
            continue  # "Asked whether Halvorsen would raise its offer": a question
        if word == "will" and _WILL_NOUN_BEFORE.search(before):
            continue
        if word.endswith(" to") and _NOUN_PHRASE_NEXT.match(text, m.end()):
            continue  # "due to the storm", "set to the …"
        if word == "due to" and not _COPULA_BEFORE.search(before):
            continue  # "unwilling to buy due to high costs": a cause, not a schedule
        if _PAST_COPULA.search(before) and not _LIKELY_WORD.search(word):
            continue  # "was expected to": a past expectation
        if word.startswith("plan") and _ATTRIBUTIVE.search(before):
            continue  # "the plans to …": a noun
        if not _is_forecast(text, start, m, word) or modality.not_forecast(text, start, end, m.start(), m.end()):
            continue
        written = text[m.start() : m.end()]
        out.append(_Trigger(m.start(), m.end(), written, written))
    return sorted(out, key=lambda t: t.start)


def _is_forecast(text: str, start: int, m: re.Match[str], word: str) -> bool:
    """False for trigger words that do not forecast here: the month "May", a first-person speech act ("I will
    not pretend"), generic possibility ("Anything is possible"), present ability ("could not afford") and a
    bare "confident" that is not about what will happen."""
    if word == "may" and text[m.start()] == "M" and (m.start() > start or _DIGIT_NEXT.match(text, m.end())):
        return False  # "due in May": the month
    if word == "possible" and _GENERIC.search(text, max(start, m.start() - 30), m.start()):
        return False
    if word in ("could", "can") and _ABILITY.match(text, m.end()):
        return False
    return word != "confident" or bool(_CONFIDENT_OF.match(text, m.end()))


def _rank(trigger: _Trigger) -> int:
    if trigger.phrase == "would":
        return 0
    iri = hedges.concept_for(trigger.phrase)
    if iri is None:
        return 3
    if iri == _WEAK[0]:
        return 1
    return 2 if iri == _WEAK[1] else 3


def find_predictions(
    doc: Document,
    statements: list[Statement],
    anchors: dict[str, list[int]],
    statuses: dict[str, str],
    *,
    outlet: str | None = None,
    meetings: list[Meeting] | None = None,
) -> list[Prediction]:
    """Every prediction of the article, ids p1, p2, … in text order; *meetings* (the article's) date
    "during the trip"."""
    text = doc.text
    out: list[Prediction] = []
    scan = _Scan(text, doc.paragraphs, doc.lowered)
    hits = {doc.sentence_index(m.start()) for found in scan.found.values() for m in found}
    hits |= _progressive_sentences(doc, hits)
    if "%" in text or "percent" in text or "per cent" in text or "odds" in text or "chance" in text:
        hits |= {doc.sentence_index(m.start()) for ps, pe in doc.paragraphs for m in _PERCENT.finditer(text, ps, pe)}
        hits |= {
            doc.sentence_index(m.start()) for ps, pe in doc.paragraphs for m in _QUALITATIVE.finditer(text, ps, pe)
        }
    for si in sorted(hits):
        ss, se = doc.sentences[si]
        sentence = text[ss:se].rstrip('”"’ )')
        if sentence.endswith("?") or _COUNTERFACTUAL.search(text, ss, se) or _HAD_WERE.match(sentence):
            continue
        parts = doc.clauses(si)
        for ci, c in enumerate(parts):
            pred = _clause_prediction(
                doc, si, c, ci, parts, statements, anchors, statuses, outlet.casefold() if outlet else None, scan
            )
            if pred is not None:
                if pred.event == forecast_events.ANAPHOR_EVENT:
                    pred.event = out[-1].event if out else None
                out.append(pred)
    for i, p in enumerate(out, 1):
        p.id = f"p{i}"
        if p.deadline is None and meetings:
            p.deadline = deadlines.during_meeting(p, meetings) or deadlines.event_end(p, meetings, doc.published)
        if _HABITUAL.search(text, doc.sentence_at(p.span.start)[0], p.span.end):
            p.confidence = 0.3  # "has spent a year telling markets that he will not be rushed": a stance
    lead = deadlines.focus(doc, out)
    for p in out:
        if p.deadline is None and lead is not None:
            p.deadline = lead  # an undated forecast of an article written before an event: that event's date
    return out


def _progressive_sentences(doc: Document, hits: set[int]) -> set[int]:
    """Sentences without a trigger that may hold a present progressive dated ahead ("is not ending this
    week"): a cheap word test first, the regex only then."""
    low = doc.lowered if doc.lowered is not None else doc.text.lower()
    out = set()
    for si, (ss, se) in enumerate(doc.sentences):
        if si in hits or "ing" not in low[ss:se]:
            continue
        sentence = low[ss:se]
        if any(w in sentence for w in _PROGRESSIVE_TIMES) and _PROGRESSIVE.search(doc.text, ss, se):
            out.add(si)
    return out


def _clause_prediction(
    doc: Document,
    si: int,
    c: clauses.Clause,
    ci: int,
    parts: list[clauses.Clause],
    statements: list[Statement],
    anchors: dict[str, list[int]],
    statuses: dict[str, str],
    outlet: str | None,
    scan: _Scan,
) -> Prediction | None:
    text = doc.text
    dated = c
    resumed = _RESUMED.search(text, c.start, c.end) if c.relative and ci > 0 else None
    if resumed is not None:
        # "Pilot X, who was captured on Wednesday, will be released tomorrow": the main clause resumes after
        # the relative clause; its date is read after the resumption only
        dated = replace(c, start=resumed.end(), relative=False)
        c = replace(c, start=parts[ci - 1].start, relative=False)
    start = c.start
    if _SUBORDINATE.match(text, c.start):
        comma = text.find(",", c.start, c.end)
        start = comma + 1 if comma != -1 else c.start
    pct = _PERCENT.search(text, start, c.end)
    found = _triggers(text, start, c.end, scan)
    if (q := _QUALITATIVE.search(text, start, c.end)) is not None:
        found.append(_Trigger(q.start("q"), q.end("q"), q.group("q"), f"{q.group('q').lower()} chance"))
    if any(t.phrase.lower() == "should" for t in found) and not doc.times(start, c.end, future=True):
        found = [t for t in found if t.phrase.lower() != "should"]  # a deontic "should": nothing dated ahead
    negative = False
    probability: float | None
    interval: tuple[float, float] | None
    if pct and (value := hedges.odds(pct.group("pct") or pct.group("pct2"))) is not None:
        hedge_text = (pct.group("pct") or pct.group("pct2")).strip()
        probability, interval = value, (value, value)
        rule, conf = "prediction.percentage", 0.8
        best: _Trigger | None = None
    else:
        if not found and c.coordinated and ci > 0 and not _PAST_COORDINATE.match(text, c.start):
            prev = _triggers(text, parts[ci - 1].start, parts[ci - 1].end, scan)
            found = [t for t in prev if not _in_parenthetical(text, parts[ci - 1].start, t.start)][:1]
            coordinated = True
        else:
            coordinated = False
        if not found:
            found = _progressive(doc, start, c.end)
        if not found:
            return None
        best = max(found, key=lambda t: (_rank(t), -t.start))
        hedge = hedges.lookup(best.phrase)
        if hedge is None:
            return None
        hedge_text = best.text
        if hedge.iri == _WEAK[0] and not coordinated and (mod := modality.modifier(text, c.sentence_start, best.start)):
            hedge_text, hedge = mod  # "analysts believe she will need …": the belief, not the plain future
        elif hedge.iri == _POISED and modality.calendar(best.text, _day_dated(doc, best.end, c.end)):
            hedge = hedges.lookup("scheduled to") or hedge  # "set to price Thursday": a calendar entry
        probability, interval = hedge.point, hedge.interval
        concept = hedge.iri.rsplit("/", 1)[-1].removeprefix("wep-")
        rule = f"prediction.{'coordinated.' if coordinated else ''}{concept}"
        conf = 0.6 if concept == "will" or coordinated else 0.7
        if not coordinated:
            negative = (
                any(_is_negated(text, t) for t in found if _rank(t) <= 2)
                or _is_negated(text, best)
                or bool(_NEG_BELIEF.search(text, start, best.start + 1))
            )
        if concept in ("probably-not", "almost-certainly-not", "unlikely", "very-unlikely"):
            negative = False
        if not coordinated and best.text.lower().endswith(" if"):  # "would be surprised if the board did not …"
            negative = bool(_NEG_ANY.search(text, best.end, c.end))
    pos = best.start if best is not None else pct.start() if pct else start
    statement = next((s for s in statements if s.span.start <= pos < s.span.end), None) or next(
        (s for s in statements if s.span.start <= c.start < s.span.end or c.start <= s.span.start < c.end), None
    )
    predictor = None
    if best is not None and best.phrase == "expected to" and best.text[:1].islower():
        predictor = predictors.estimator(doc, doc.sentences[si], best.start)  # "The agency expects to …"
    if predictor is None and statement is not None:
        predictor = statement.speaker
    predictor = predictor or predictors.source(doc, doc.sentences[si], pos)
    predictor = predictor or _estimator(doc, c.sentence_start, start, c.end)
    if predictor is None and ci > 0:
        # "…, he said, and the deficit will …" / "… and said the cuts were unlikely …": the sentence's speaker
        statement = next((s for s in statements if s.speaker and c.sentence_start <= s.span.start < c.start), statement)
        predictor = statement.speaker if statement else None
    predictor = predictor or predictors.header(doc, pos) or "author"
    if predictor != "author" and outlet and _label(doc, predictor) == outlet:
        predictor = "author"  # the outlet's own forecast
    deadline = deadlines.deadline(doc, si, dated, pos=pos)
    if deadline == deadlines.PAST:
        deadline = None
        if doc.published and any(e.start > pos and e.last < doc.published for e in doc.times(pos, c.end, future=None)):
            return None  # what the trigger says is dated before publication: a report, not a forecast
    reported = best is None or best.phrase != "would" or _reported_would(doc, c, best, predictor, statement, deadline)
    if not reported:
        return None  # "would" forecasts only in reported speech
    spans = [(t.start, t.end) for t in found]
    event = forecast_events.event_of(text, c, start, spans, pct.start() if pct else None, anchors, statuses)
    ps, pe = start, c.end
    if (
        ci + 1 < len(parts)
        and text[c.end : parts[ci + 1].start].strip() == "that"
        and not _IF.search(text, c.start, c.end)
    ):
        pe = parts[ci + 1].end  # "The mayor will announce that she is stepping down …": announcement and content
    if text.startswith(("and ", "or "), ps):
        ps = text.index(" ", ps) + 1
    while pe > ps and text[pe - 1] in '.!?”"’ ,;—':
        pe -= 1
    while ps < pe and text[ps] in '“"‘ ':
        ps += 1
    return Prediction(
        id="",
        predictor=predictor,
        text=text[ps:pe],
        span=Span(ps, pe, text[ps:pe]),
        hedge=_as_written(hedge_text),
        probability=probability,
        probability_interval=interval,
        deadline=deadline,
        polarity="negative" if negative else "positive",
        event=event,
        statement=statement.id if statement else None,
        made=statement.date if statement else None,
        rule=rule,
        confidence=conf,
    )


def _reported_would(
    doc: Document, c: clauses.Clause, t: _Trigger, predictor: str, statement: Statement | None, deadline: str | None
) -> bool:
    """True when "would" is the future-in-past of a named actor's reported speech: "she said she would travel
    on March 21", "Holm said the bill would go ahead as planned", "predicted it would pass" (not inside a
    direct quote, where "would" is mostly conditional or polite, nor next to an "if")."""
    if predictor == "author":
        return would_forecasts.relayed(doc, c.sentence_start, t.start)  # unnamed sources, a consequence
    text = doc.text
    if deadline is not None and doc.times(c.sentence_start, c.end, future=True):
        return True
    if _IF.search(text, c.sentence_start, c.end):
        return False
    if statement is not None and statement.kind == "quote":
        return False
    return bool(_REPORTING.search(text, max(c.sentence_start, t.start - 90), t.start)) or bool(
        statement is not None and statement.kind == "reported"
    )


def _progressive(doc: Document, start: int, end: int) -> list[_Trigger]:
    """A present progressive dated in the future is a plain forecast ("this strike is not ending this week")."""
    text = doc.text
    m = _PROGRESSIVE.search(text, start, end)
    if m is None or m.group("verb") in ("going", "being", "something", "nothing", "everything"):
        return []
    if not any(_FUTURE_WORDS.search(e.text) for e in doc.times(m.end(), end, future=True)):
        return []
    phrase = "will not" if m.group("neg") else "will"
    return [_Trigger(m.start(), m.end("verb"), text[m.start() : m.end("verb")], phrase)]


def _day_dated(doc: Document, start: int, end: int) -> bool:
    """True when a day-precision date lies in ``[start, end)``."""
    return any(e.precision == "day" for e in doc.times(start, end, future=True))


def _label(doc: Document, actor_id: str) -> str | None:
    entry = doc.actors.entry(actor_id)
    return entry.label.casefold() if entry else None


def _estimator(doc: Document, sentence_start: int, start: int, end: int) -> str | None:
    """The actor who puts, expects, sees or forecasts in the clause ("She put the chance at 30%")."""
    m = _ESTIMATE_VERB.search(doc.text, max(sentence_start, start - 40), end)
    if not m or _PASSIVE_BEFORE.search(doc.text, max(sentence_start, m.start() - 12), m.start()):
        return None  # "Xi is expected to …": Xi is what is forecast, not who forecasts
    if _OWNED_SUBJECT.search(doc.text, max(sentence_start, m.start() - 60), m.start()):
        return None  # "The party's win puts the city on course to …": a thing, not a forecaster, estimates
    return speaker_at(doc, max(sentence_start, m.start() - 60), m.start())


def _as_written(trigger: str | None) -> str | None:
    """The trigger without a leading copula or a "will" before another hedge ("will likely" -> "likely")."""
    if trigger is None:
        return None
    stripped = _LEADING.sub("", trigger)
    return trigger if stripped.lower() in ("to", "now to", "also to") else stripped or trigger


def _in_parenthetical(text: str, start: int, pos: int) -> bool:
    return text.count("—", start, pos) % 2 == 1


def _is_negated(text: str, t: _Trigger) -> bool:
    word = t.text.lower().replace("’", "'")
    if "n't" in word or word.endswith(" not") or " not " in word:
        return True
    if _NEG_AFTER.match(text, t.end):
        return True
    return bool(_NEG_BEFORE.search(text, max(0, t.start - 15), t.start))

"""Whether a trigger of :mod:`.predictions` forecasts here, and how strongly: the readings that depend on the
words around it rather than on the trigger itself.

- Modifiers (members of ``kgc:EstimativeModifiers`` in ``ontology/hedges.ttl``): a belief verb or "little
  doubt" governing a plain future replaces its probability ("analysts believe she will need two months" is
  "believes", 0.70, not "will", 0.90).
- Calendar reading: "set to" / "set for" forecasts an outcome ("the party is set to gain votes"), but with a
  day-precision date after it in the clause it is a calendar entry ("set to vote Monday").
- Not forecasts: "is to" after a purpose noun ("the goal is to sit down"; ``lexicon/purpose_nouns.txt``);
  an assessment ("it may be wise to pause", "the vote will be a key moment";
  ``lexicon/evaluative_adjectives.txt``); a hedging adverb in a clause with nothing ahead of it ("it's
  probably cheaper than it looks": a judgement of the present; "Surveys foresaw a close contest, possibly a
  runoff": a past expectation); a trigger inside an indirect question that is the subject ("When the envoys
  will leave is not yet known"); a "would" that is the future of a past moment ("said that she would
  be freed the next morning"); a first-person stage direction ("we'll now turn to the panel";
  ``lexicon/performative_verbs.txt``).

>>> not_forecast("When the envoys will leave is not yet known.", 0, 44, 16, 20)
'indirect-question'
>>> not_forecast("It is probably cheaper than it looks.", 0, 37, 6, 14)
'adverb-without-future'
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract import hedges, lexicon


def _load(kind: str) -> tuple[str, ...]:
    """The entries of ``lexicon/<kind>.txt`` (:func:`kg.extract.lexicon.load`)."""
    return lexicon.load(kind)


def _alternation(entries: tuple[str, ...] | list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in sorted(entries, key=len, reverse=True))


@cache
def _modifier_pattern() -> re.Pattern[str]:
    phrases = [p for p in hedges.modifier_phrases() if "(" not in p]
    return re.compile(rf"\b(?:{_alternation(phrases)})\b", re.I)


@cache
def performative() -> re.Pattern[str]:
    """First-person speech acts and stage directions: "I will not pretend", "we'll hear from …"."""
    verbs = _alternation(_load("performative_verbs"))
    return re.compile(
        rf"\b(?:I|[Ww]e)(?:\s+(?:will|won[’']t|shall|would)|[’']ll)\s+(?:not\s+|never\s+)?(?:now\s+|also\s+)?"
        rf"(?:{verbs})\b"
    )


@cache
def _purpose() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(_load('purpose_nouns'))})s?\s+(?:of\s+[\w\s]{{1,30}}?)?$", re.I)


def purpose(text: str, clause_start: int, trigger_start: int) -> bool:
    """True when "is to" at *trigger_start* follows a purpose noun ("The goal of the talks is to …")."""
    return _purpose().search(text, max(clause_start, trigger_start - 60), trigger_start) is not None


#: "…, so she could test the steering": a purpose clause of a past action
_SO_THAT = re.compile(r"\bso(?:\s+that)?\s+(?:[\w’'-]+\s+){1,3}$")
#: "Both councils stay committed to …": a stated position, not an event
_REMAIN = re.compile(r"\b(?:remain|remains|remained|stay|stays|are|is)\s+(?:fully\s+|firmly\s+)?$", re.I)
_BOUNDARY = re.compile(r"[.;:!?]\s")


def modifier(text: str, sentence_start: int, trigger_start: int) -> tuple[str, hedges.Hedge] | None:
    """The modifier governing a plain future at *trigger_start* in its sentence, as written with its concept
    ("most analysts believe she will" -> ("believe", wep-belief)); the nearest one before the trigger, at most
    80 characters away."""
    lo = max(sentence_start, trigger_start - 80)
    found = None
    for m in _modifier_pattern().finditer(text, lo, trigger_start):
        found = m
    if found is None or _BOUNDARY.search(text, found.end(), trigger_start):
        return None
    hedge = hedges.lookup(found.group())
    return (found.group(), hedge) if hedge is not None else None


_SET = re.compile(r"\bset\s+(?:to|for)\b", re.I)


def calendar(trigger_text: str, day_dated: bool) -> bool:
    """True when a "set to / set for" trigger reads as a calendar entry: a day-precision date follows it in
    its clause."""
    return day_dated and _SET.search(trigger_text) is not None


_ADVERBS = frozenset({"probably", "possibly", "perhaps", "maybe", "presumably"})
#: something in the clause that looks ahead: a modal, an infinitive, a future time word
_AHEAD = re.compile(
    r"\b(?:will|won[’']t|would|could|may|might|shall|should|going\s+to|(?:likely|set|due|poised)\s+to|[’']ll|next|tomorrow|"
    r"soon|later|coming|upcoming|by\s+(?:the\s+)?(?:end|year)|in\s+(?:the\s+)?(?:future|months|weeks|years))\b",
    re.I,
)
_WH_SUBJECT = re.compile(r"(?:How|When|Whether|What|Where|Why|Who|Which)\b")
_STILL_OPEN = re.compile(
    r"\b(?:is|are|remains?|was)\s+(?:still\s+|yet\s+|not\s+yet\s+)?(?:unclear|uncertain|unknown|undecided|"
    r"to\s+be\s+(?:decided|determined|seen|confirmed|announced|worked\s+out)|not\s+(?:yet\s+)?(?:clear|known|"
    r"decided|certain))\b"
)
#: a time counted from a past moment ("the following day", "the next week", "later that day")
_PAST_ANCHORED = re.compile(
    r"\b(?:the\s+(?:following|next)\s+(?:day|week|month|morning|evening|year)|the\s+day\s+after|"
    r"later\s+that\s+(?:day|week|month|year)|that\s+(?:evening|night|afternoon))\b",
    re.I,
)


@cache
def _evaluation() -> re.Pattern[str]:
    adjectives = _alternation(_load("evaluative_adjectives"))
    return re.compile(
        rf"\s+(?:well\s+)?be\s+(?:(?:a|an|the)\s+)?(?:\w+ly\s+|more\s+|most\s+)?(?:{adjectives})\b"
        r"(?:\s+(?:for|to|that|if)\b|\s+\w+\s+(?:for|in|to|of)\b)",
        re.I,
    )


def not_forecast(text: str, clause_start: int, clause_end: int, trigger_start: int, trigger_end: int) -> str | None:
    """Why the trigger at ``[trigger_start, trigger_end)`` forecasts nothing in its clause, else None."""
    word = text[trigger_start:trigger_end].lower().replace("’", "'")
    if word in ("is to", "are to", "is to be", "are to be") and _purpose().search(
        text, max(clause_start, trigger_start - 60), trigger_start
    ):
        return "purpose"
    if word in ("may", "might", "could", "will", "would") and _evaluation().match(text, trigger_end, clause_end):
        return "evaluation"
    if word in ("could", "would", "might", "may") and _SO_THAT.search(
        text, max(clause_start, trigger_start - 40), trigger_start
    ):
        return "purpose-clause"
    if word.startswith("committed") and _REMAIN.search(text, max(clause_start, trigger_start - 20), trigger_start):
        return "stance"
    if word in _ADVERBS and not _AHEAD.search(text, clause_start, clause_end):
        return "adverb-without-future"
    if _WH_SUBJECT.match(text, clause_start) and _STILL_OPEN.search(text, trigger_end, clause_end):
        return "indirect-question"
    if word in ("would", "'d") and _PAST_ANCHORED.search(text, trigger_end, clause_end):
        return "future-in-the-past"
    if word in ("will", "won't", "will not", "shall", "would", "'ll") and performative().search(
        text, max(clause_start, trigger_start - 4), trigger_end + 40
    ):
        return "performative"
    return None

"""The statement rules as data: each has an id (the ``rule`` field of the records), the kind of statement it
makes, the confidence of a statement it finds with the speaker named in the same clause, and an example that
the tests run (``tests/test_extract_rules.py``). A speaker found through a pronoun or a descriptor lowers the
confidence (:mod:`kg.extract.coreference`); a rule may also give less for a weaker form of its cue.

>>> RULES["quote.after-said"].confidence
0.9
>>> sorted({r.kind for r in RULES.values()})
['quote', 'reported']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Rule:
    """One way a statement is found."""

    id: str
    kind: Literal["quote", "reported"]
    confidence: float
    #: an example in our own words, and the speaker the rule finds in it (None: an anonymous source)
    example: str
    speaker: str | None
    #: words of the statement the example yields
    says: str
    title: str | None = None


_ALL = (
    Rule("quote.after-said", "quote", 0.9, "“Exports will grow,” Trade Minister Jane Doe said.", "Jane Doe", "Exports"),
    Rule(
        "quote.after-said.sentence",
        "reported",
        0.85,
        "The bank judged that its inflation goal “is finally in sight,” Governor Mara Lind said.",
        "Mara Lind",
        "inflation goal",
    ),
    Rule(
        "quote.before-said", "quote", 0.85, "Mayor Ilse Varga said: “The bridge opens in May.”", "Ilse Varga", "bridge"
    ),
    Rule(
        "quote.according-to",
        "quote",
        0.75,
        "According to Mayor Ilse Varga, the plan is “the best we could do in one year.”",
        "Ilse Varga",
        "best we could do",
    ),
    Rule(
        "quote.after-intro",
        "quote",
        0.75,
        "Coach Enzo Maranta was asked about the loss.\n\n“We were unlucky in the last minute of the match.”",
        "Enzo Maranta",
        "unlucky",
    ),
    Rule(
        "quote.continuation",
        "quote",
        0.8,
        "“We won,” Coach Enzo Maranta said. “Next year we will fight for the title again.”",
        "Enzo Maranta",
        "fight for the title",
    ),
    Rule(
        "quote.calls-for",
        "reported",
        0.8,
        "Mayor Ilse Varga’s repeated calls for “a fair share” went unheard.",
        "Ilse Varga",
        "fair share",
    ),
    Rule(
        "quote.called",
        "reported",
        0.7,
        "Mayor Ilse Varga called the ruling “a disgrace.”",
        "Ilse Varga",
        "disgrace",
    ),
    Rule(
        "quote.transcript",
        "quote",
        0.8,
        "Host Pia Rand spoke with Mayor Ilse Varga.\n\nVarga: The bridge will open in May.\n\nRand: Thank you.",
        "Ilse Varga",
        "bridge will open",
    ),
    Rule(
        "quote.transcript.turn",
        "quote",
        0.7,
        "VARGA: The bridge will open in May.\n\nThe ferries will stop then.\n\nRAND: Will fares rise?\n\n"
        "VARGA: No fare will rise this year.\n\nMayor Ilse Varga and host Pia Rand spoke on Monday.",
        "Ilse Varga",
        "ferries will stop",
    ),
    Rule(
        "quote.block",
        "quote",
        0.65,
        "Traders expect a busy week.\n\nThis via Harrow Lane Research:\n\nRates will rise by a quarter point.",
        "Harrow Lane Research",
        "Rates will rise",
    ),
    Rule(
        "quote.issued-statement",
        "quote",
        0.6,
        "The Coastal Rail Authority (CRA) has approved the new timetable after a long review.",
        "Coastal Rail Authority",
        "approved the new timetable",
        title="CRA Issues Statement on New Timetable",
    ),
    Rule(
        "reported.said-that",
        "reported",
        0.7,
        "Finance Minister Jane Doe said on Monday that prices would fall by the summer.",
        "Jane Doe",
        "prices would fall",
    ),
    Rule(
        "reported.trailing",
        "reported",
        0.7,
        "Prices will fall by the summer, Finance Minister Jane Doe said on Monday.",
        "Jane Doe",
        "Prices will fall",
    ),
    Rule(
        "reported.according-to",
        "reported",
        0.65,
        "Velmart will list its shares in June, according to people familiar with the plans.",
        None,
        "list its shares",
    ),
)
#: every statement rule by id
RULES: dict[str, Rule] = {r.id: r for r in _ALL}
#: rules of other statement forms, without an example of their own here (covered by their module's tests)
OTHER_RULES = frozenset({"quote.fragment.source"})

"""Claims that a decision will be made known (:mod:`kg.extract.decision_claims`) and the reports that fulfil
them: a held report by the claim's subject whose words say a decision was taken or announced ("the decision to
withdraw", "decided to", "announced"), whatever was decided; a postponement never fulfils it.

>>> from kg.resolve.events import Report
>>> import datetime as dt
>>> claim = ClaimFact("announce", frozenset({"x"}), theme=DECISION_THEME)
>>> r = Report("r", "kgd:a", "action", "withdraw", "held", frozenset({"x"}), dt.date(2031, 1, 2),
...            text="They regret X's decision to withdraw from the pact.")
>>> reports_decision(claim, r), reports_decision(ClaimFact("announce", frozenset({"x"})), r)
(True, False)
"""

from __future__ import annotations

import re

from kg.resolve.events import Report
from kg.resolve.reports import ClaimFact

__all__ = ["DECISION_THEME", "announces_decision", "reports_decision"]

#: the theme of a claim that a decision will be made known
DECISION_THEME = "decision"

_DECIDED = re.compile(r"\b(?:decision|decided|decides|announced|announces)\b", re.I)


def announces_decision(claim: ClaimFact) -> bool:
    """True for a claim that its subject will make a decision known."""
    return claim.predicate == "announce" and claim.theme == DECISION_THEME


def reports_decision(claim: ClaimFact, r: Report) -> bool:
    """True when *r* reports a decision taken or announced, which fulfils a decision claim."""
    return announces_decision(claim) and r.kind != "postpone" and bool(_DECIDED.search(r.text))

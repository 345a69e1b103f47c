"""Every statement rule of kg.extract.rules fires on its own example, finds its speaker and stays within its
confidence; every rule the extractor writes is catalogued."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.rules import OTHER_RULES, RULES, Rule
from kg.records import ArticleRecord


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.id)
def test_rule_fires_on_its_example(rule: Rule) -> None:
    rec = extract(ArticleRecord(text=rule.example, title=rule.title))
    found = [s for s in rec.statements if s.rule == rule.id and rule.says in s.text]
    assert found, [(s.rule, s.text) for s in rec.statements]
    st = found[0]
    speaker = next((a.label for a in rec.actors if a.id == st.speaker), None)
    assert speaker == rule.speaker
    assert st.kind == rule.kind and st.confidence <= rule.confidence


def test_statement_rules_written_by_the_extractor_are_catalogued() -> None:
    text = " ".join(r.example for r in RULES.values())
    rec = extract(ArticleRecord(text=text.replace("\n\n", " ")))
    assert {s.rule for s in rec.statements} <= set(RULES) | OTHER_RULES

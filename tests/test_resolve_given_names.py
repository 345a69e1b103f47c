"""Bare given names of text-found people are mentions of them, so that a claim about "Ravi" has its subject.
Texts written for this test (fictional people)."""

from __future__ import annotations

from kg.extract import extract
from kg.records import ArticleRecord


def _labels_at(text: str, word: str) -> list[str | None]:
    r = extract(ArticleRecord(text=text, published="2031-03-01"))
    out = []
    i = text.find(word)
    while i != -1:
        out.append(next((a.label for a in r.actors for m in a.mentions if m.start == i),
                        None))
        i = text.find(word, i + 1)
    return out


def test_a_given_name_alone_after_the_full_name_is_that_person() -> None:
    text = ("Navy pilot Ravindra Solberg was detained near the border on Monday, officials said. "
            "Officials said Ravindra will return home on Friday.")
    assert _labels_at(text, "Ravindra") == ["Ravindra Solberg", "Ravindra Solberg"]


def test_a_given_name_shared_by_two_people_or_followed_by_a_surname_is_left_alone() -> None:
    shared = ("Ravindra Solberg met Ravindra Kettleby in Oslo on Monday, the ministry said. "
              "Ravindra will return home on Friday.")
    assert _labels_at(shared, "Ravindra")[-1] is None
    other = ("Navy pilot Ravindra Solberg was detained on Monday, officials said. "
             "Officials said Ravindra Pendleford will visit him on Friday.")
    assert "Ravindra Solberg" not in _labels_at(other, "Ravindra")[1:]

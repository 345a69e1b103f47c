"""Extraction as a chain of components, each reading an immutable :class:`Analysis` and adding to a new one.

A component declares what it ``requires`` (fields of the analysis that must be set before it runs) and what it
``assigns`` (the fields it returns), the way spaCy pipeline components do; :func:`run` checks both, so a chain
in the wrong order fails at once with the missing field named. No component writes into another's result:
each returns new values, and the :class:`~kg.extract.document.Document` the later components read is rebuilt
(``with_speakers``) rather than changed.

>>> [c.name for c in PIPELINE]  # doctest: +NORMALIZE_WHITESPACE
['paragraphs', 'sentences', 'blocks', 'actors', 'published', 'quotes', 'document', 'statements', 'speakers',
 'meetings', 'predictions']
>>> from kg.records import ArticleRecord
>>> a = run(ArticleRecord(text="Jane Doe, the club's chairman, said the team will win."))
>>> [x.label for x in a.actors.records()], a.statements[0].speaker
(['Jane Doe'], 'a1')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from kg.errors import KgError
from kg.extract import sentences as sentence_split
from kg.extract import would_forecasts
from kg.extract.actors import ActorIndex, find_actors
from kg.extract.blocks import Block, source_blocks
from kg.extract.boilerplate import content_paragraphs
from kg.extract.dates import published_date
from kg.extract.document import Document
from kg.extract.forecast_forms import with_forecast_forms
from kg.extract.meetings import MeetingResult, find_meetings
from kg.extract.predictions import find_predictions
from kg.extract.quotes import Quote, quotations
from kg.extract.registry import Registry, load_registry
from kg.extract.statements import find_statements
from kg.records import ArticleRecord, Prediction, Statement

Span2 = tuple[int, int]


@dataclass(frozen=True)
class Analysis:
    """What is known about one article so far; every field but ``article`` and ``registry`` starts unset."""

    article: ArticleRecord
    registry: Registry
    paragraphs: tuple[Span2, ...] | None = None
    sentences: tuple[Span2, ...] | None = None
    blocks: tuple[Block, ...] | None = None
    actors: ActorIndex | None = None
    published: dt.date | None = None
    quotes: tuple[Quote, ...] | None = None
    document: Document | None = None
    statements: tuple[Statement, ...] | None = None
    meetings: MeetingResult | None = None
    predictions: tuple[Prediction, ...] | None = None

    def need(self, name: str) -> Any:
        """The value of field *name*, which a component required."""
        value = getattr(self, name)
        if value is None and name != "published":
            raise KgError(f"extraction component needs {name!r} before it is computed")
        return value


@dataclass(frozen=True)
class Component:
    """One step of extraction: a function of the analysis returning the fields it assigns.

    ``confidence`` notes are not kept here: each rule of a component records its own id and confidence in
    the records it makes (``rule``, ``confidence``)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Analysis], Mapping[str, Any]]
    doc: str = ""


def _paragraphs(a: Analysis) -> Mapping[str, Any]:
    return {"paragraphs": tuple(content_paragraphs(a.article.text, title=a.article.title))}


def _sentences(a: Analysis) -> Mapping[str, Any]:
    text = a.article.text
    return {
        "sentences": tuple(s for start, end in a.need("paragraphs") for s in sentence_split.split(text, start, end))
    }


def _blocks(a: Analysis) -> Mapping[str, Any]:
    return {"blocks": tuple(source_blocks(a.article.text, list(a.need("paragraphs"))))}


def _actors(a: Analysis) -> Mapping[str, Any]:
    paragraphs = list(a.need("paragraphs"))
    return {"actors": find_actors(a.article.text, paragraphs, a.registry, blocks=a.need("blocks"))}


def _published(a: Analysis) -> Mapping[str, Any]:
    return {"published": published_date(a.article.published, a.article.text)}


def _quotes(a: Analysis) -> Mapping[str, Any]:
    return {"quotes": quotations(a.article.text, list(a.need("paragraphs")))}


def _document(a: Analysis) -> Mapping[str, Any]:
    doc = Document(
        text=a.article.text,
        published=a.published,
        paragraphs=list(a.need("paragraphs")),
        sentences=list(a.need("sentences")),
        actors=a.need("actors"),
        blocks=a.need("blocks"),
        quotes=a.need("quotes"),
        title=a.article.title,
    )
    return {"document": doc}


def _statements(a: Analysis) -> Mapping[str, Any]:
    return {"statements": tuple(find_statements(a.need("document")))}


def _speakers(a: Analysis) -> Mapping[str, Any]:
    quotes = [(s.span.start, s.span.end, s.speaker) for s in a.need("statements") if s.kind == "quote" and s.speaker]
    return {"document": a.need("document").with_speakers(quotes)}


def _meetings(a: Analysis) -> Mapping[str, Any]:
    return {"meetings": find_meetings(a.need("document"), a.registry)}


def _predictions(a: Analysis) -> Mapping[str, Any]:
    meetings = a.need("meetings")
    statuses = {m.id: m.status for m in meetings.meetings}
    found = find_predictions(
        a.need("document"),
        list(a.need("statements")),
        meetings.anchors,
        statuses,
        outlet=a.article.outlet,
        meetings=meetings.meetings,
    )
    found = would_forecasts.with_sources(a.need("document"), found)  # "Most analysts assessed that X would …"
    found = with_forecast_forms(a.need("document"), list(a.need("statements")), found)  # countdowns, headlines, tips
    return {"predictions": tuple(found)}


#: the extraction chain, in order
PIPELINE: tuple[Component, ...] = (
    Component("paragraphs", ("article",), ("paragraphs",), _paragraphs, "content paragraphs, boilerplate left out"),
    Component("sentences", ("paragraphs",), ("sentences",), _sentences, "sentences of the content paragraphs"),
    Component("blocks", ("paragraphs",), ("blocks",), _blocks, "paragraphs introduced by a line naming a source"),
    Component("actors", ("paragraphs", "blocks", "registry"), ("actors",), _actors, "actors and their mentions"),
    Component("published", ("article",), ("published",), _published, "the publication date"),
    Component("quotes", ("paragraphs",), ("quotes",), _quotes, "quotations that may be statements"),
    Component(
        "document",
        ("paragraphs", "sentences", "actors", "blocks", "quotes"),
        ("document",),
        _document,
        "the read-only view later components share",
    ),
    Component("statements", ("document",), ("statements",), _statements, "quotes and reported speech"),
    Component("speakers", ("document", "statements"), ("document",), _speakers, "who speaks in each quote"),
    Component("meetings", ("document", "registry"), ("meetings",), _meetings, "meetings and their status"),
    Component("predictions", ("document", "statements", "meetings"), ("predictions",), _predictions, "predictions"),
)


def run(
    article: ArticleRecord, *, registry: Registry | None = None, components: Sequence[Component] = PIPELINE
) -> Analysis:
    """Run *components* in order on *article*; each one's ``requires`` must be set before it runs and it must
    return exactly its ``assigns``."""
    analysis = Analysis(article=article, registry=registry or load_registry())
    known = {"article", "registry"}
    names = {f.name for f in fields(Analysis)}
    for c in components:
        missing = [r for r in c.requires if r not in known]
        if missing:
            raise KgError(f"extraction component {c.name!r} needs {', '.join(missing)} first")
        out = c.run(analysis)
        if set(out) != set(c.assigns) or not set(out) <= names:
            raise KgError(f"extraction component {c.name!r} returned {sorted(out)}, not {list(c.assigns)}")
        analysis = replace(analysis, **out)
        known |= set(out)
    return analysis

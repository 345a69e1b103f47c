"""Rule-based extraction: one article in, its :class:`~kg.records.Records` out.

Deterministic and fast (no models): boilerplate is dropped (:mod:`.boilerplate`), the content is split into
sentences (:mod:`.sentences`) and clauses (:mod:`.clauses`), actors are found and resolved against the
registry (:mod:`.actors`, :mod:`.registry`, IRIs by :mod:`.slugs`), then statements (:mod:`.statements`),
meetings (:mod:`.meetings` with :mod:`.participants`, :mod:`.places`, :mod:`.schedule`) and predictions
(:mod:`.predictions`) are read, with dates normalised against the publication date (:mod:`.dates`) and hedges
mapped to probabilities (:mod:`.hedges`). Shared English news vocabulary lives in :mod:`.lexicon`; domain
knowledge is data: ``seeds/actors.ttl`` and ``ontology/hedges.ttl``.

>>> from kg.records import ArticleRecord, check
>>> art = ArticleRecord(text="Finance Minister Jane Doe said prices will rise in March.", published="2024-01-10")
>>> rec = extract(art)
>>> [a.label for a in rec.actors], rec.predictions[0].deadline
(['Jane Doe'], '2024-03-31')
>>> check(rec)
"""

from __future__ import annotations

from kg.extract import sentences
from kg.extract.actors import find_actors
from kg.extract.boilerplate import content_paragraphs
from kg.extract.claims import with_claims
from kg.extract.dates import published_date
from kg.extract.document import Document
from kg.extract.hedges import concept_for
from kg.extract.meetings import find_meetings
from kg.extract.outcomes import with_outcomes
from kg.extract.predictions import find_predictions
from kg.extract.registry import Registry, load_registry
from kg.extract.slugs import actor_iri, slug
from kg.extract.statements import find_statements
from kg.records import ArticleRecord, Records

__all__ = ["extract", "Registry", "load_registry", "concept_for", "actor_iri", "slug", "EXTRACTOR"]

#: the ``extractor`` name written into the records
EXTRACTOR = "kg-rules/1"


def extract(article: ArticleRecord, *, registry: Registry | None = None) -> Records:
    """Extract actors, statements, meetings and predictions from *article*.

    Offsets in every span index into ``article.text``; the result passes :func:`kg.records.check`.
    *registry* defaults to the shipped actor registry (``seeds/actors.ttl``, loaded once).
    """
    registry = registry or load_registry()
    text = article.text
    paragraphs = content_paragraphs(text, title=article.title)
    sents = [s for start, end in paragraphs for s in sentences.split(text, start, end)]
    actors = find_actors(text, paragraphs, registry)
    published = published_date(article.published, text)
    doc = Document(text=text, published=published, paragraphs=paragraphs, sentences=sents, actors=actors)
    statements = find_statements(doc)
    doc.speakers = [(s.span.start, s.span.end, s.speaker) for s in statements if s.kind == "quote" and s.speaker]
    meetings = find_meetings(doc, registry)
    statuses = {m.id: m.status for m in meetings.meetings}
    predictions = find_predictions(
        doc, statements, meetings.anchors, statuses, outlet=article.outlet, meetings=meetings.meetings
    )
    records = Records(
        article=article,
        actors=actors.records(),
        statements=statements,
        meetings=meetings.meetings,
        predictions=predictions,
        extractor=EXTRACTOR,
    )
    return with_outcomes(with_claims(records))

"""Rule-based extraction: one article in, its :class:`~kg.records.Records` out.

Deterministic and fast (no models), run as a chain of components with declared inputs and outputs
(:mod:`.pipeline`): boilerplate is dropped (:mod:`.boilerplate`), the content is split into
sentences (:mod:`.sentences`) and clauses (:mod:`.clauses`), actors are found and resolved against the
registry (:mod:`.actors`, :mod:`.names`, :mod:`.acronyms`, :mod:`.registry`, IRIs by :mod:`.slugs`), then
statements (:mod:`.statements`, :mod:`.quotes`, :mod:`.interviews`, :mod:`.blocks`, with pronouns and
descriptors resolved by :mod:`.coreference`),
meetings (:mod:`.meetings` with :mod:`.participants`, :mod:`.places`, :mod:`.schedule`) and predictions
(:mod:`.predictions`) are read, with dates normalised against the publication date (:mod:`.dates`) and hedges
mapped to probabilities (:mod:`.hedges`). Shared English news vocabulary is data in ``lexicon/``
(read by :mod:`.lexicon`); domain knowledge is data: ``seeds/actors.ttl`` and ``ontology/hedges.ttl``.

>>> from kg.records import ArticleRecord, check
>>> art = ArticleRecord(text="Finance Minister Jane Doe said prices will rise in March.", published="2024-01-10")
>>> rec = extract(art)
>>> [a.label for a in rec.actors], rec.predictions[0].deadline
(['Jane Doe'], '2024-03-31')
>>> check(rec)
"""

from __future__ import annotations

from kg.extract.claims import with_claims
from kg.extract.contest_names import with_contest_themes
from kg.extract.credited_outcomes import with_credited_outcomes
from kg.extract.deadlines import without_past_deadlines
from kg.extract.decision_claims import with_decision_claims
from kg.extract.first_to import with_first_outcomes
from kg.extract.hedges import concept_for
from kg.extract.outcome_anaphora import with_anaphoric_claims
from kg.extract.outcome_success import with_success_claims
from kg.extract.outcomes import with_outcomes
from kg.extract.passives import with_passive_claims
from kg.extract.pipeline import PIPELINE, Analysis, Component, run
from kg.extract.ranked_odds import split_ranked_odds, with_ranked_claims
from kg.extract.registry import Registry, load_registry
from kg.extract.relayed_claims import with_relayed_claims
from kg.extract.slugs import actor_iri, slug
from kg.records import ArticleRecord, Records

__all__ = [
    "extract",
    "run",
    "Analysis",
    "Component",
    "PIPELINE",
    "Registry",
    "load_registry",
    "concept_for",
    "actor_iri",
    "slug",
    "EXTRACTOR",
]

#: the ``extractor`` name written into the records
EXTRACTOR = "kg-rules/1"


def extract(article: ArticleRecord, *, registry: Registry | None = None) -> Records:
    """Extract actors, statements, meetings and predictions from *article*.

    Offsets in every span index into ``article.text``; the result passes :func:`kg.records.check`.
    *registry* defaults to the shipped actor registry (``seeds/actors.ttl``, loaded once). The work is done by
    the chain of components of :mod:`kg.extract.pipeline`.
    """
    a = run(article, registry=registry)
    records = Records(
        article=article,
        actors=a.need("actors").records(),
        statements=list(a.need("statements")),
        meetings=a.need("meetings").meetings,
        predictions=list(a.need("predictions")),
        extractor=EXTRACTOR,
    )
    records = without_past_deadlines(records)  # due before it was made: the date was misread
    records = split_ranked_odds(records)  # "A 20%, with B the next best placed with 12%": two forecasts
    claimed = with_success_claims(with_anaphoric_claims(with_passive_claims(with_claims(records))))
    claimed = with_relayed_claims(claimed)  # pronoun, agent and group subjects, coalitions, countdowns
    claimed = with_contest_themes(with_ranked_claims(claimed))
    return with_first_outcomes(with_credited_outcomes(with_outcomes(with_decision_claims(claimed))))

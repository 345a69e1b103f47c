"""Closed RDF namespaces of kg and the one prefix table every serializer and query uses.

The vocabulary (``kg:``, ``kgc:``) is fixed under ``https://w3id.org/kg/`` and shared by every installation.
The **instance base** (actors, articles, events, resolutions, graphs) is configurable: ``KG_BASE`` in the
environment when kg is imported (the CLI's ``--base`` sets it), default ``https://w3id.org/kg/``. A store
remembers the base it was made with (``kgg:meta``, see :mod:`kg.store.meta`) and refuses another one.
The table below shows the default base.

- ``kg:``  ``https://w3id.org/kg/ontology#``      classes and properties (ontology/kg.ttl)
- ``kgc:`` ``https://w3id.org/kg/concept/``       SKOS concepts: meeting kinds, statuses, hedges, media
- ``kga:`` ``https://w3id.org/kg/id/actor/``      actors (registry and text-found), one node across articles
- ``kgd:`` ``https://w3id.org/kg/id/article/``    articles and the nodes extracted from them
- ``kgr:`` ``https://w3id.org/kg/id/resolution/`` resolutions (judgements of predictions)
- ``kgg:`` ``https://w3id.org/kg/graph/``         named graphs

Accessing a term that is not declared raises ``AttributeError`` (``_fail = True``), so a typo in code fails
at once instead of writing a wrong IRI.

>>> str(KG.Prediction)
'https://w3id.org/kg/ontology#Prediction'
"""

from __future__ import annotations

import os

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: the vocabulary base: fixed, published
VOCAB = "https://w3id.org/kg/"
#: the default instance base
DEFAULT_BASE = VOCAB


def _instance_base() -> str:
    base = os.environ.get("KG_BASE", "").strip() or DEFAULT_BASE
    return base if base.endswith(("/", "#")) else base + "/"


#: the instance base of this process (``KG_BASE``, else the default)
BASE = _instance_base()


class KG(DefinedNamespace):
    """The kg ontology (classes and properties)."""

    _fail = True
    _NS = Namespace(VOCAB + "ontology#")

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Article: URIRef
    Statement: URIRef
    Meeting: URIRef
    Prediction: URIRef
    Resolution: URIRef
    TextSpan: URIRef
    Mention: URIRef
    EstimativeTerm: URIRef

    # article
    url: URIRef
    title: URIRef
    outlet: URIRef
    author: URIRef
    published: URIRef
    estimatedPublished: URIRef
    estimatedFrom: URIRef
    retrieved: URIRef
    contentHash: URIRef
    articleBody: URIRef

    # provenance of extracted nodes
    extractedFrom: URIRef
    span: URIRef
    rule: URIRef
    confidence: URIRef
    refersTo: URIRef

    # actors (registry)
    wikidata: URIRef
    role: URIRef
    country: URIRef
    capital: URIRef
    demonym: URIRef
    memberOf: URIRef

    # statements
    speaker: URIRef
    text: URIRef
    saidOn: URIRef
    medium: URIRef
    statementKind: URIRef

    # meetings
    participant: URIRef
    host: URIRef
    place: URIRef
    placeCountry: URIRef
    startDate: URIRef
    endDate: URIRef
    datePrecision: URIRef
    meetingKind: URIRef
    meetingStatus: URIRef
    cameoCode: URIRef

    # predictions
    predictor: URIRef
    hedge: URIRef
    hedgeText: URIRef
    probability: URIRef
    probabilityLow: URIRef
    probabilityHigh: URIRef
    deadline: URIRef
    madeOn: URIRef
    polarity: URIRef
    predictedEvent: URIRef
    fromStatement: URIRef
    status: URIRef

    # resolutions
    resolves: URIRef
    outcome: URIRef
    evidence: URIRef
    evidenceSource: URIRef
    method: URIRef
    rationale: URIRef
    resolverVersion: URIRef
    asOf: URIRef
    revises: URIRef
    needsReview: URIRef

    # actors graph and store metadata
    firstSeenIn: URIRef
    baseIRI: URIRef
    modelVersion: URIRef

    # web pages and followed feeds (kg.follow)
    WebPage: URIRef
    Feed: URIRef
    pageUrl: URIRef
    feedUrl: URIRef
    canonicalUrl: URIRef
    etag: URIRef
    lastModified: URIRef
    textHash: URIRef
    fetched: URIRef
    becameArticle: URIRef
    every: URIRef
    added: URIRef
    lastChecked: URIRef
    lastResult: URIRef

    # propositions, reported outcomes and events (ontology/outcomes.ttl, shapes/claim.ttl)
    Proposition: URIRef
    Outcome: URIRef
    Event: URIRef
    claim: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    value: URIRef
    valueHigh: URIRef
    unit: URIRef
    comparison: URIRef
    theme: URIRef
    windowStart: URIRef
    windowEnd: URIRef
    occurredOn: URIRef
    eventKind: URIRef
    eventStatus: URIRef
    report: URIRef
    reportedLabel: URIRef
    contrary: URIRef
    labelTheme: URIRef
    baseUnit: URIRef
    factor: URIRef

    # the summary graph (kg.summary)
    Tie: URIRef
    actor: URIRef
    other: URIRef
    mentionedIn: URIRef
    metIn: URIRef


class KGC(DefinedNamespace):
    """SKOS concepts and concept schemes shipped in ontology/ (kinds, statuses, media, hedges)."""

    _fail = True
    _NS = Namespace(VOCAB + "concept/")

    # schemes
    MeetingKindScheme: URIRef
    CameoScheme: URIRef
    MeetingStatusScheme: URIRef
    PredictionStatusScheme: URIRef
    StatementKindScheme: URIRef
    MediumScheme: URIRef
    PolarityScheme: URIRef
    MethodScheme: URIRef
    EstimativeProbabilityScheme: URIRef
    OutcomeKindScheme: URIRef
    UnitScheme: URIRef
    ComparisonScheme: URIRef


# Concept local names contain hyphens, which DefinedNamespace attributes cannot, so they are built here
# from the controlled value lists below (the same lists the records validate against).
CONCEPT = Namespace(VOCAB + "concept/")
ACTOR = Namespace(BASE + "id/actor/")
ARTICLE = Namespace(BASE + "id/article/")
EVENT = Namespace(BASE + "id/event/")
RESOLUTION = Namespace(BASE + "id/resolution/")
GRAPH = Namespace(BASE + "graph/")

OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SDO = Namespace("http://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

#: graphs that are not articles
ONTOLOGY_GRAPH = GRAPH["ontology"]
REGISTRY_GRAPH = GRAPH["registry"]
STATUS_GRAPH = GRAPH["status"]
META_GRAPH = GRAPH["meta"]
ACTORS_GRAPH = GRAPH["actors"]
EVENTS_GRAPH = GRAPH["events"]
SUMMARY_GRAPH = GRAPH["summary"]
ARTICLE_GRAPH_PREFIX = str(GRAPH) + "article/"
#: web pages kg fetched, and the feeds it follows (kg.follow)
PAGES_GRAPH = GRAPH["pages"]
FOLLOW_GRAPH = GRAPH["follow"]
PAGE = Namespace(BASE + "id/page/")
FEED = Namespace(BASE + "id/feed/")


def page_iri(url: str) -> URIRef:
    """The node recording one fetched URL: ``{base}id/page/<sha256(url)[:16]>``."""
    import hashlib

    return PAGE[hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]]


def feed_iri(url: str) -> URIRef:
    """The node of one followed feed or sitemap: ``{base}id/feed/<sha256(url)[:16]>``."""
    import hashlib

    return FEED[hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]]
RESOLUTION_GRAPH_PREFIX = str(GRAPH) + "resolution/"

MEETING_KINDS = ("summit", "talks", "visit", "meeting", "ceremony", "call")
MEETING_STATUSES = ("held", "planned", "cancelled", "predicted", "negated")
PREDICTION_STATUSES = ("open", "confirmed", "refuted", "expired", "ambiguous", "annulled")
STATEMENT_KINDS = ("quote", "reported")
POLARITIES = ("positive", "negative")
METHODS = ("rule", "human")
OUTCOME_KINDS = (
    "meet", "visit", "attend", "win", "lose", "lead", "pass", "reject", "approve", "dissolve", "raise", "cut",
    "hold", "announce", "sign", "agree", "withdraw", "release", "launch", "return", "end", "postpone", "reach",
    "price", "form-government", "stay", "accompany", "offer", "dock",
)
COMPARISONS = ("eq", "ge", "le", "gt", "lt", "between")
STATUS_AS_OF_PREFIX = str(GRAPH) + "status/as-of/"


def rebase(turtle: str) -> str:
    """Turtle or SPARQL text written for the default base, with the instance namespaces of this process's base.

    Data files shipped with kg (seeds/actors.ttl) name their instances under the default base.

    >>> rebase("<https://w3id.org/kg/id/actor/x>") == f"<{ACTOR}x>"
    True
    """
    if BASE == DEFAULT_BASE:
        return turtle
    return turtle.replace(DEFAULT_BASE + "id/", BASE + "id/").replace(DEFAULT_BASE + "graph/", BASE + "graph/")


def concept(group: str, value: str) -> URIRef:
    """The IRI of a controlled value, e.g. ``concept("kind", "summit")`` -> ``kgc:kind-summit``.

    >>> str(concept("status", "held"))
    'https://w3id.org/kg/concept/status-held'
    """
    return CONCEPT[f"{group}-{value.replace(' ', '-')}"]


def concept_value(iri: str, group: str) -> str | None:
    """Inverse of :func:`concept`: the value of a controlled IRI of *group*, else None.

    >>> concept_value("https://w3id.org/kg/concept/kind-visit", "kind")
    'visit'
    """
    prefix = f"{CONCEPT}{group}-"
    return iri[len(prefix):] if iri.startswith(prefix) else None


PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgc": str(CONCEPT),
    "kga": str(ACTOR),
    "kgd": str(ARTICLE),
    "kge": str(EVENT),
    "kgr": str(RESOLUTION),
    "kgg": str(GRAPH),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": str(SDO),
    "oa": str(OA),
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": str(WD),
}

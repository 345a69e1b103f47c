"""Records -> RDF: one article's records become pyoxigraph triples (docs/model.md), no rdflib on the way.

:func:`map_records` returns a :class:`Mapped`: the triples of the article's named graph (the article, its
mentions, statements, meetings, predictions and their spans) and the facts it contributes to the actors graph
``kgg:actors`` (type, label, Wikidata id of each actor found only in the text, with ``prov:wasDerivedFrom``
the article). Registry actors contribute no facts: the registry is loaded into ``kgg:actors`` once.
Node IRIs come from :mod:`kg.identity` (kind + words), never from positions or record ids.

Other modules add their own triples to an article graph through :data:`EXTENSIONS` (see the end of the module).

>>> from kg.records import ArticleRecord, Records
>>> m = map_records(Records(article=ArticleRecord(text="x", url="https://example.org/a", title="A")))
>>> m.article.value == article_iri(ArticleRecord(text="x", url="https://example.org/a"))
True
>>> len(m.triples), m.actor_facts  # type, URL, title, content hash, text
(5, [])
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg import identity
from kg import ntriples as nt
from kg.extract.hedges import concept_for
from kg.extract.registry import load_registry
from kg.extract.slugs import slug
from kg.extract.source_dates import estimate_triples
from kg.namespaces import ACTORS_GRAPH, KG, OA, PROV, SDO, WD, concept
from kg.ontology import cameo_code
from kg.propositions import proposition_graph
from kg.records import Actor, ArticleRecord, Records, Span

# Terms are written as their N-Triples text (kg.ntriples): an article's ~1,900 triples become lines, not
# pyoxigraph objects; the store, the SHACL engine and the worker processes all take the lines as they are.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = nt.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = nt.iri("http://www.w3.org/2000/01/rdf-schema#label")
_DERIVED = nt.iri(str(PROV.wasDerivedFrom))
_MENTIONS = nt.iri(str(SDO.mentions))
_DATE = _XSD + "date"
_ANYURI = _XSD + "anyURI"
_DATETIME = _XSD + "dateTime"
_DECIMAL = f"^^<{_XSD}decimal>"
_NNI = f"^^<{_XSD}nonNegativeInteger>"
_TIES = (_MENTIONS, nt.iri(str(KG.participant)))  # the predicates kg.summary.ties reads
ACTORS = ox.NamedNode(str(ACTORS_GRAPH))

iri = nt.iri  # an IRI's N-Triples text, checked once by pyoxigraph (cached)
Term = str  # a term's N-Triples text


class _K:
    """``K.speaker`` -> the N-Triples text of ``kg:speaker`` (names checked by the kg namespace)."""

    def __getattr__(self, name: str) -> Term:
        node = iri(str(getattr(KG, name)))
        setattr(self, name, node)
        return node


K = _K()
_O = {name: iri(str(OA[name])) for name in ("start", "end", "exact")}
_TYPES = {"Person": K.Person, "Organization": K.Organization, "Country": K.Country}


def article_key(article: ArticleRecord) -> str:
    """16 hex digits naming the article: from its canonical URL, else its normalised text (kg.identity)."""
    return identity.article_key(url=article.url, text=article.text)


def article_iri(article: ArticleRecord) -> str:
    """The IRI of the article node, ``kgd:<key>``."""
    return identity.article_iri(article_key(article))


def graph_iri(article: ArticleRecord) -> str:
    """The IRI of the named graph holding the article and what was extracted from it."""
    return identity.article_graph(article_key(article))


_DESK = re.compile(r"\b(staff|desk|board|team|editors?|newsroom|agency|agencies|bureau|press|news|wire)\b", re.I)


def author_type(author: str, outlet: str | None) -> str:
    """A byline is a Person, unless it is the outlet itself or a desk ("Reuters Staff", "Editorial Board").

    >>> author_type("Editorial Board", "The Times")
    'Organization'
    """
    if (outlet and slug(author) == slug(outlet)) or _DESK.search(author):
        return "Organization"
    return "Person"


def named_actor_iri(label: str, actor_type: str) -> tuple[str, bool]:
    """The IRI of an actor named *label* (an author, an outlet): the registry's when it has one (True), else
    ``kga:<type>/<slug>`` (False)."""
    known = load_registry().actors.get(slug(label))
    if known is not None and known.type == actor_type:
        return known.iri, True
    return identity.text_actor_iri(label, actor_type), False


def actor_iri(actor: Actor) -> str:
    """The registry IRI of an actor record, else its name-and-type IRI ``kga:<type>/<slug>``."""
    return actor.iri or identity.text_actor_iri(actor.label, actor.type)


@dataclass(frozen=True)
class Window:
    """A day range with its precision: ``2018-09`` is 2018-09-01 .. 2018-09-30, precision month."""

    first: dt.date
    last: dt.date
    precision: str


def window(value: str) -> Window:
    """Parse an ISO date or YYYY-MM into the day range it covers.

    >>> window("2018-02")
    Window(first=datetime.date(2018, 2, 1), last=datetime.date(2018, 2, 28), precision='month')
    """
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return Window(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")
    day = dt.date.fromisoformat(value)
    return Window(day, day, "day")


def _date(value: str | dt.date) -> Term:
    return nt.literal(value if isinstance(value, str) else value.isoformat(), datatype=_DATE)


def _decimal(value: float) -> Term:
    return f'"{f"{value:.4f}".rstrip("0").rstrip(".") if value else "0"}"{_DECIMAL}'


def _int(value: int) -> Term:
    return f'"{int(value)}"{_NNI}'


def _text(value: str) -> Term:
    return nt.quoted(value)


Packed = tuple[bytes, bytes, list[str], int, list[tuple[tuple[str, str, str], int]]]


@dataclass
class Mapped:
    """One article's triples, ready to store: its graph, and its facts for the actors graph.

    Mapping writes them as N-Triples (``_packed``: the graph's lines, the facts' lines, the text-found actors,
    the count, the ties); ``triples`` and ``actor_facts`` (pyoxigraph triples) are parsed from them when
    first asked for, and from then on they are what the article holds (a caller may add to them).
    """

    key: str
    article: ox.NamedNode
    graph: ox.NamedNode
    iris: dict[str, str] = field(default_factory=dict)  # record id -> node IRI
    registry_actors: set[str] = field(default_factory=set)  # registry IRIs the article refers to
    published: str | None = None  # the article's kg:published (for kg:firstSeenIn of its actors)
    _packed: Packed | None = field(default=None, repr=False, compare=False)
    triples: list[ox.Triple] = field(init=False, repr=False, compare=False)  # parsed on first use
    actor_facts: list[ox.Triple] = field(init=False, repr=False, compare=False)  # for kgg:actors

    def __post_init__(self) -> None:
        if self._packed is None:  # built without lines: the terms are the data
            self.triples, self.actor_facts = [], []

    def quads(self) -> list[ox.Quad]:
        """The article graph's quads followed by its actor facts in ``kgg:actors``."""
        g = self.graph
        return [ox.Quad(t.subject, t.predicate, t.object, g) for t in self.triples] + [
            ox.Quad(t.subject, t.predicate, t.object, ACTORS) for t in self.actor_facts
        ]

    def ntriples(self) -> tuple[bytes, bytes]:
        """The article graph's triples and the actor facts as N-Triples (serialized once)."""
        packed = self._still_packed()
        if packed is not None:
            return bytes(packed[0]), bytes(packed[1])
        return _ntriples(self.triples), _ntriples(self.actor_facts)

    def nquads(self) -> bytes:
        """:meth:`quads` as N-Quads: what the writer loads in one transaction, without Python terms."""
        graph, facts = self.ntriples()
        return _in_graph(graph, self.graph) + _in_graph(facts, ACTORS)

    def update_data(self) -> bytes:
        """:meth:`quads` as the ``GRAPH`` blocks of a SPARQL ``INSERT DATA`` (N-Triples is valid there)."""
        graph, facts = self.ntriples()
        return b"GRAPH %s {\n%s}\nGRAPH %s {\n%s}\n" % (str(self.graph).encode(), graph, str(ACTORS).encode(), facts)

    def actor_subjects(self) -> set[str]:
        """The IRIs of the text-found actors whose facts this article contributes."""
        packed = self._still_packed()
        if packed is not None:
            return set(packed[2])
        return {t.subject.value for t in self.actor_facts if isinstance(t.subject, ox.NamedNode)}

    def ties(self) -> Counter[tuple[str, str, str]]:
        """The actor ties this article makes (:func:`kg.summary.ties`), counted where it was mapped."""
        packed = self._still_packed()
        if packed is not None:
            return Counter(dict(packed[4]))
        from kg.summary import ties  # kg.summary reads stores; mapping must not import them at load

        return Counter(ties(self.triples))

    def _still_packed(self) -> Packed | None:
        """The lines this article was mapped to, unless its terms were parsed (and so may have changed)."""
        if "triples" in self.__dict__ or "actor_facts" in self.__dict__:
            return None
        return self.__dict__.get("_packed")

    def __len__(self) -> int:
        packed = self._still_packed()
        if packed is not None:
            return int(packed[3])
        return len(self.triples) + len(self.actor_facts)

    # Between processes a Mapped travels as N-Triples bytes (pickling pyoxigraph terms one by one costs ~10x
    # more); the receiving side parses them back only when asked for terms (the writer needs only the bytes).
    def __getstate__(self) -> dict[str, Any]:
        state = {k: v for k, v in self.__dict__.items() if k not in ("triples", "actor_facts", "_packed")}
        packed = self._still_packed()
        if packed is None:
            packed = (*self.ntriples(), sorted(self.actor_subjects()), len(self), sorted(self.ties().items()))
        state["_packed"] = packed
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        packed = self.__dict__.get("_packed")
        if name not in ("triples", "actor_facts") or packed is None:
            raise AttributeError(name)
        graph, facts = ([q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)] for data in packed[:2])
        self.__dict__.update(triples=graph, actor_facts=facts)
        return self.__dict__[name]


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _in_graph(data: bytes, graph: ox.NamedNode) -> bytes:
    """N-Quads of N-Triples *data* in *graph*: each line (a literal's line breaks are escaped) gets the graph."""
    return data.replace(b" .\n", f" {graph} .\n".encode())


class _Mapper:
    def __init__(self, records: Records) -> None:
        self.r = records
        key = article_key(records.article)
        article, graph = identity.article_iri(key), identity.article_graph(key)
        self.art = nt.minted(article)  # kgd:<16 hex digits>: nodes under it need no IRI check
        self.out = Mapped(key=key, article=ox.NamedNode(article), graph=ox.NamedNode(graph),
                          published=records.article.published or None)
        self.t: list[str] = []  # the article graph's N-Triples lines
        self.more: list[str] = []  # lines written elsewhere (estimated date, propositions, extensions)
        self.tie_lines: list[str] = []  # the lines kg.summary.ties reads (schema:mentions, kg:participant)
        self.facts: list[str] = []  # the actor facts' lines (kgg:actors)
        self.text_actors: set[str] = set()  # IRIs of the text-found actors whose facts this article gives
        self.actors = {a.id: iri(actor_iri(a)) for a in records.actors}
        self._mint = identity.NodeMinter(article)
        self._mint_ids()

    def _mint_ids(self) -> None:
        """IRIs of statements, meetings and predictions, minted in text order (so repeats number in order)."""
        nodes: list[tuple[int, str, identity.NodeKind, str]] = []
        nodes += [(s.span.start, s.id, "s", s.span.text) for s in self.r.statements]
        nodes += [(m.span.start, m.id, "m", m.span.text) for m in self.r.meetings]
        nodes += [(p.span.start, p.id, "p", p.span.text) for p in self.r.predictions]
        for _start, rid, kind, words in sorted(nodes, key=lambda n: (n[0], n[2])):
            self.out.iris[rid] = self._mint(kind, words)

    def node(self, record_id: str) -> Term:
        return nt.minted(self.out.iris[record_id])

    def add(self, s: Term, p: Term, o: Term | None) -> None:
        if o is not None:
            self.t.append(line := f"{s} {p} {o} .\n")
            if p in _TIES:
                self.tie_lines.append(line)

    def fact(self, s: Term, p: Term, o: Term) -> None:
        self.facts.append(f"{s} {p} {o} .\n")

    def text_actor(self, node: Term, actor_type: str, label: str, wikidata: str | None = None) -> None:
        """The facts of an actor found only in the text, for kgg:actors, derived from this article."""
        self.text_actors.add(node[1:-1])
        self.fact(node, _RDF_TYPE, _TYPES[actor_type])
        self.fact(node, _LABEL, _text(label))
        if wikidata:
            self.fact(node, K.wikidata, iri(str(WD[wikidata])))
        self.fact(node, _DERIVED, self.art)

    def provenance(self, node: Term, span: Span, rule: str, confidence: float) -> None:
        span_node = f"{node[:-1]}-span>"
        add = self.add
        add(node, K.extractedFrom, self.art)
        add(node, K.span, span_node)
        add(node, K.rule, _text(rule or "unspecified"))
        add(node, K.confidence, _decimal(confidence))
        self.text_span(span_node, K.TextSpan, span)

    def text_span(self, node: Term, cls: Term, span: Span) -> None:
        self.t += (
            f"{node} {_RDF_TYPE} {cls} .\n",
            f"{node} {K.extractedFrom} {self.art} .\n",
            f"{node} {_O['start']} {_int(span.start)} .\n",
            f"{node} {_O['end']} {_int(span.end)} .\n",
            f"{node} {_O['exact']} {_text(span.text)} .\n",
        )

    def named(self, label: str, actor_type: str) -> Term:
        """An author or outlet: the registry actor of that name, else a text-found actor."""
        value, registered = named_actor_iri(label, actor_type)
        node = iri(value)
        if registered:
            self.out.registry_actors.add(value)
        else:
            self.text_actor(node, actor_type, label)
        return node

    def article(self) -> None:
        a, art = self.r.article, self.art
        self.add(art, _RDF_TYPE, K.Article)
        if a.url:
            self.add(art, K.url, nt.literal(a.url, datatype=_ANYURI))
        if a.title:
            self.add(art, K.title, _text(a.title))
        if a.outlet:
            self.add(art, K.outlet, self.named(a.outlet, "Organization"))
        if a.author:
            self.add(art, K.author, self.named(a.author, author_type(a.author, a.outlet)))
        if a.published:
            self.add(art, K.published, _date(a.published))
        else:  # an undated page: the date its text reports, as an estimate (kg.extract.source_dates)
            self.more += map(nt.from_oxigraph, estimate_triples(self.out.article.value, a.text, title=a.title))
        if a.retrieved:
            self.add(art, K.retrieved, nt.literal(a.retrieved, datatype=_DATETIME))
        self.add(art, K.contentHash, _text(a.content_hash or ""))
        if a.text:  # the offsets of every span count in this text (the claims browser shows it)
            self.add(art, K.articleBody, _text(a.text))

    @cached_property
    def author_agent(self) -> Term:
        """Who 'author' predictions are attributed to: the author, else the outlet, else the article."""
        a = self.r.article
        if a.author:
            return iri(named_actor_iri(a.author, author_type(a.author, a.outlet))[0])
        if a.outlet:
            return iri(named_actor_iri(a.outlet, "Organization")[0])
        return self.art

    def actor_records(self) -> None:
        """Actor facts (text-found actors) and one kg:Mention per mention, mentions minted in text order."""
        mentions: list[tuple[Span, Actor]] = []
        for actor in self.r.actors:
            node = self.actors[actor.id]
            if actor.iri:
                self.out.registry_actors.add(actor.iri)
            else:
                self.text_actor(node, actor.type, actor.label, actor.wikidata)
            mentions += [(m, actor) for m in actor.mentions]
        for span, actor in sorted(mentions, key=lambda x: (x[0].start, x[0].end)):
            mention = nt.minted(self._mint("n", span.text))
            self.text_span(mention, K.Mention, span)  # with its kg:extractedFrom (once: each triple is paid)
            self.add(mention, K.refersTo, self.actors[actor.id])
            self.add(mention, K.rule, _text(actor.rule or "unspecified"))
            self.add(mention, K.confidence, _decimal(actor.confidence))
        # one triple per actor the article names: what co-mention reports join on (kg:Mention is per mention)
        for node in dict.fromkeys(self.actors[a.id] for _span, a in mentions):
            self.add(self.art, _MENTIONS, node)

    def statements(self) -> None:
        for s in self.r.statements:
            if s.speaker is None:
                continue  # the shapes require a speaker; unattributed quotes stay in the records JSON only
            n = self.node(s.id)
            self.add(n, _RDF_TYPE, K.Statement)
            self.add(n, K.speaker, self.actors[s.speaker])
            self.add(n, K.text, _text(s.text))
            self.add(n, K.statementKind, iri(str(concept("statementkind", s.kind))))
            if s.date:
                self.add(n, K.saidOn, _date(s.date))
            if s.medium:
                self.add(n, K.medium, iri(str(concept("medium", s.medium))))
            self.provenance(n, s.span, s.rule, s.confidence)

    def meetings(self) -> None:
        for m in self.r.meetings:
            n = self.node(m.id)
            self.add(n, _RDF_TYPE, K.Meeting)
            for p in m.participants:
                self.add(n, K.participant, self.actors[p])
            if m.host:
                self.add(n, K.host, self.actors[m.host])
            if m.place:
                self.add(n, K.place, _text(m.place))
                self.add(n, K.placeCountry, self.place_country(m.place))
            start = window(m.start) if m.start else None
            end = window(m.end) if m.end else start
            if start:
                self.add(n, K.startDate, _date(start.first))
                self.add(n, K.datePrecision, _text(start.precision))
            if end:
                self.add(n, K.endDate, _date(end.last))
            self.add(n, K.meetingKind, iri(str(concept("kind", m.kind))))
            code = cameo_code(m.kind)
            if code:
                self.add(n, K.cameoCode, _text(code))
            self.add(n, K.meetingStatus, iri(str(concept("status", m.status))))
            self.provenance(n, m.span, m.rule, m.confidence)

    def place_country(self, place: str) -> Term | None:
        """The country actor a place names, when the article's actors say so (the place is a country)."""
        for a in self.r.actors:
            if a.type == "Country" and (a.label == place or any(x.text == place for x in a.mentions)):
                return self.actors[a.id]
        return None

    def predictions(self) -> None:
        statements = {s.id: s for s in self.r.statements}
        for p in self.r.predictions:
            n = self.node(p.id)
            self.add(n, _RDF_TYPE, K.Prediction)
            predictor = self.author_agent if p.predictor == "author" else self.actors[p.predictor]
            self.add(n, K.predictor, predictor)
            self.add(n, K.text, _text(p.text))
            if p.hedge:
                self.add(n, K.hedgeText, _text(p.hedge))
                hedge = concept_for(p.hedge)
                if hedge is not None:
                    self.add(n, K.hedge, iri(hedge))
            if p.probability is not None:
                self.add(n, K.probability, _decimal(p.probability))
            if p.probability_interval is not None:
                self.add(n, K.probabilityLow, _decimal(p.probability_interval[0]))
                self.add(n, K.probabilityHigh, _decimal(p.probability_interval[1]))
            if p.deadline:
                self.add(n, K.deadline, _date(p.deadline))
            statement = statements.get(p.statement) if p.statement else None
            made = p.made or (statement.date if statement else None) or self.r.article.published
            if made:
                self.add(n, K.madeOn, _date(made))
            self.add(n, K.polarity, iri(str(concept("polarity", p.polarity))))
            if p.event and p.event in self.out.iris:
                self.add(n, K.predictedEvent, self.node(p.event))
            if statement is not None and statement.speaker is not None:
                self.add(n, K.fromStatement, self.node(statement.id))
            self.provenance(n, p.span, p.rule, p.confidence)

    def pack(self) -> Mapped:
        """The article as its N-Triples lines (and what the writer and the summary need from them)."""
        from kg.summary import ties  # kg.summary reads stores; mapping must not import them at load

        graph = "".join(self.t + self.more).encode()
        more = [line for line in self.more if any(p in line for p in _TIES)]  # parsed: the predicate decides
        candidates = "".join(self.tie_lines + more).encode()
        found = ties(q.triple for q in ox.parse(candidates, format=ox.RdfFormat.N_TRIPLES)) if candidates else {}
        for name in ("triples", "actor_facts"):  # the lines are the data: terms are parsed when asked for
            self.out.__dict__.pop(name, None)
        self.out._packed = (graph, "".join(self.facts).encode(), sorted(self.text_actors),
                            len(self.t) + len(self.more) + len(self.facts), sorted(found.items()))
        return self.out


# --- extension point -------------------------------------------------------------------------------------
#: Functions that add triples to an article graph: ``fn(records, mapped) -> triples``, called after the core
#: mapping with ``mapped.iris`` (record id -> node IRI) filled. Modules register themselves here (e.g. the
#: propositions of predictions, ``<p-node>/claim``) instead of editing the mapper.
Extension = Callable[[Records, Mapped], Iterable[ox.Triple]]
EXTENSIONS: list[Extension] = []


def map_records(records: Records) -> Mapped:
    """The triples of one article's records: its named graph and its facts for ``kgg:actors``."""
    m = _Mapper(records)
    m.article()
    m.actor_records()
    m.statements()
    m.meetings()
    m.predictions()
    m.more += _propositions(records, m)
    for extension in EXTENSIONS:
        m.more += map(nt.from_oxigraph, extension(records, m.out))
    return m.pack()


def _propositions(records: Records, m: _Mapper) -> list[str]:
    """The claims of the predictions and the reported outcomes (kg.propositions), as N-Triples lines."""
    from rdflib import URIRef

    claims = [p.claim for p in records.predictions if p.claim is not None] + [o.claim for o in records.outcomes]
    if not claims:
        return []
    named = {a for c in claims for a in (*c.subjects, *([c.object] if c.object else []))}
    collected = _Collector()
    proposition_graph(
        records, article=URIRef(m.out.article.value), prediction_node=lambda rid: URIRef(m.out.iris[rid]),
        actors={k: URIRef(m.actors[k][1:-1]) for k in named if k in m.actors},  # the actors the claims name
        into=collected,  # type: ignore[arg-type]
    )
    term: dict[Any, str] = {}  # each term written once (predicates and nodes repeat)

    def write(t: Any) -> str:
        text = term.get(t)
        if text is None:
            text = term[t] = nt.from_rdflib(t)
        return text

    return [f"{write(s)} {write(p)} {write(o)} .\n" for s, p, o in collected.triples]


class _Collector:
    """Where :func:`kg.propositions.proposition_graph` adds its triples: each once, in order (no rdflib graph
    and its indexes for triples that go straight to pyoxigraph)."""

    def __init__(self) -> None:
        self.triples: dict[tuple[Any, Any, Any], None] = {}

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        self.triples[triple] = None


def to_graph(records: Records) -> Graph:
    """The article graph and its actor facts as one rdflib Graph (for SHACL, tests and RDF tools)."""
    from kg.store.terms import to_graph as as_rdflib

    mapped = map_records(records)
    return as_rdflib([*mapped.triples, *mapped.actor_facts])

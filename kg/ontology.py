"""OWL consistency check of the kg ontology (and optionally of instance data) with the HermiT reasoner.

HermiT runs in Java through owlready2, so this needs a Java runtime; without one :func:`check_ontology`
raises :class:`~kg.errors.ReasonerError`. owlready2 reads RDF/XML, N-Triples and OWL/XML but not Turtle,
so the Turtle files are parsed with rdflib and handed over as N-Triples in a temporary file.

Instance data (``data=``) is cut down to what can contradict the ontology: ``rdf:type`` triples with kg
classes and kg object-property triples between IRIs (speaker, participant, predictor, refersTo, ...).
Literals are left out on purpose: dates are ``xsd:date``, which OWL 2 (and so HermiT) does not support.
Above ``max_triples`` such triples only the typing triples are kept, which still catches an actor typed
both Person and Organization.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral

from kg.errors import ReasonerError
from kg.namespaces import KG, MEETING_KINDS, concept
from kg.paths import data_dir
from kg.store.base import Store
from kg.store.terms import to_graph

REASONER = "HermiT"
_KG = str(KG._NS)


@dataclass
class OntologyReport:
    """What the reasoner found."""

    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)  # IRIs of classes that can have no member
    reasoner: str = REASONER
    message: str = ""

    @property
    def ok(self) -> bool:
        """Consistent and without unsatisfiable classes."""
        return self.consistent and not self.unsatisfiable


@cache
def _ontology_triples() -> Graph:
    graph = Graph()
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


_MATCHES = ("exactMatch", "closeMatch", "broadMatch")


@cache
def cameo_codes() -> dict[str, str]:
    """The CAMEO code of each meeting kind, read from the concept schemes (ontology/concepts.ttl).

    A kind's code is the ``skos:notation`` of the CAMEO concept it matches: its ``skos:exactMatch``, else its
    ``skos:closeMatch``, else its ``skos:broadMatch`` (the lowest code when one level names several).

    >>> cameo_codes()["call"], cameo_codes()["visit"], cameo_codes()["ceremony"]
    ('041', '042', '040')
    """
    graph = _ontology_triples()
    skos = "http://www.w3.org/2004/02/skos/core#"
    codes: dict[str, str] = {}
    for kind in MEETING_KINDS:
        iri = concept("kind", kind)
        for match in _MATCHES:
            found = sorted(
                str(code)
                for target in graph.objects(iri, URIRef(skos + match))
                for code in graph.objects(target, URIRef(skos + "notation"))
            )
            if found:
                codes[kind] = found[0]
                break
    return codes


def cameo_code(kind: str) -> str | None:
    """The CAMEO code of a meeting kind (``"summit"`` -> ``"044"``), None for a kind without one."""
    return cameo_codes().get(kind)


def check_ontology(*, data: Graph | Dataset | None = None, max_triples: int = 200_000) -> OntologyReport:
    """Run HermiT on ontology/*.ttl (plus the relevant part of *data*) and report consistency.

    Raises :class:`ReasonerError` when Java is missing or the reasoner fails for another reason.
    """
    if shutil.which("java") is None:
        raise ReasonerError(
            "Java not found; install a JRE (apt-get install default-jre-headless) to run the reasoner"
        )
    import owlready2  # slow to import (sqlite set-up); only needed here

    graph = Graph()
    graph += _ontology_triples()
    onto_size = len(graph)
    if data is not None:
        graph += _relevant(data, _ontology_triples(), max_triples)
    what = f"{onto_size} ontology triples" + (f" + {len(graph) - onto_size} data triples" if data is not None else "")

    with tempfile.TemporaryDirectory(prefix="kg-owl-") as tmp:
        path = Path(tmp) / "input.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            unsat = sorted(
                c.iri for c in world.inconsistent_classes() if getattr(c, "iri", str(OWL.Nothing)) != str(OWL.Nothing)
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return OntologyReport(consistent=False, message=f"{REASONER}: inconsistent ({what})")
        except owlready2.OwlReadyJavaError as e:
            raise ReasonerError(f"{REASONER} failed: {str(e).strip()[:500]}") from None
        finally:
            world.close()
    message = f"{REASONER}: consistent, {len(unsat)} unsatisfiable class(es) ({what})"
    return OntologyReport(consistent=True, unsatisfiable=unsat, message=message)


Reasoner = Literal["owlrl", "hermit"]
_NOT_TYPES = {OWL.Thing, OWL.NamedIndividual, RDFS.Resource, OWL.Class}
_OWL_DATATYPES = {  # literal datatypes OWL 2 (and so HermiT) knows; xsd:date is not one of them
    XSD.string, XSD.decimal, XSD.integer, XSD.nonNegativeInteger, XSD.double, XSD.boolean, XSD.anyURI,
    XSD.dateTime, RDF.langString,
}


def inferred_types(data: Graph, nodes: Iterable[URIRef], *, reasoner: Reasoner = "owlrl") -> dict[URIRef, set[URIRef]]:
    """Every type of each of *nodes* that a reasoner derives from ontology/*.ttl plus *data*.

    ``owlrl`` computes the OWL 2 RL closure in rdflib; ``hermit`` runs HermiT (Java) through owlready2 on the
    part of *data* OWL 2 can read (literals of OWL 2 datatypes only). ``owl:Thing`` and the like are left out.
    A test lists these for a sample of every kind of node, so that an unintended inference shows.
    """
    graph = Graph()
    graph += _ontology_triples()
    nodes = list(nodes)
    if reasoner == "owlrl":
        import owlrl

        graph += data
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
        return {n: {t for t in graph.objects(n, RDF.type) if isinstance(t, URIRef)} - _NOT_TYPES for n in nodes}
    graph += _owl_readable(data)
    return _hermit_types(graph, nodes)


def _owl_readable(data: Graph) -> Graph:
    out = Graph()
    for s, p, o in data:
        if isinstance(o, RdfLiteral) and (o.datatype or XSD.string) not in _OWL_DATATYPES:
            continue
        out.add((s, p, o))
    return out


def _hermit_types(graph: Graph, nodes: list[URIRef]) -> dict[URIRef, set[URIRef]]:
    if shutil.which("java") is None:
        raise ReasonerError("Java not found; install a JRE (apt-get install default-jre-headless) to run HermiT")
    import owlready2

    with tempfile.TemporaryDirectory(prefix="kg-owl-") as tmp:
        path = Path(tmp) / "input.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            found: dict[URIRef, set[URIRef]] = {}
            for n in nodes:
                entity = world[str(n)]
                classes = getattr(entity, "INDIRECT_is_a", []) if entity is not None else []
                found[n] = {URIRef(c.iri) for c in classes if getattr(c, "iri", None)} - _NOT_TYPES
            return found
        except owlready2.OwlReadyInconsistentOntologyError:
            raise ReasonerError("HermiT: the ontology and the data are inconsistent") from None
        except owlready2.OwlReadyJavaError as e:
            raise ReasonerError(f"{REASONER} failed: {str(e).strip()[:500]}") from None
        finally:
            world.close()


def store_instances(store: Store) -> Graph:
    """The part of *store* worth reasoning over: kg typing triples and kg object-property links (all graphs)."""
    query = """
        CONSTRUCT { ?s ?p ?o } WHERE {
            ?s ?p ?o .
            FILTER (isIRI(?s) && isIRI(?o))
            FILTER ((?p = rdf:type && STRSTARTS(STR(?o), STR(kg:))) || STRSTARTS(STR(?p), STR(kg:)))
        }
        """
    return to_graph(store.query(query))


def _relevant(data: Graph | Dataset, ontology: Graph, max_triples: int) -> Graph:
    """Typing triples with kg classes and kg object-property triples between IRIs."""
    object_properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    source = data.quads((None, None, None, None)) if isinstance(data, Dataset) else data
    typing = Graph()
    links = Graph()
    for triple in source:
        s, p, o = triple[0], triple[1], triple[2]
        if not (isinstance(s, URIRef) and isinstance(o, URIRef)):
            continue
        if p == RDF.type and str(o).startswith(_KG):
            typing.add((s, p, o))
        elif p in object_properties and str(p).startswith(_KG):
            links.add((s, p, o))
    if len(typing) + len(links) <= max_triples:
        typing += links
    return typing

"""The HTML documentation of the kg ontology, generated from ontology/*.ttl (``make docs``).

One self-contained page (no scripts, no remote assets): the ontology's metadata, then every class and
property of ``kg:`` with label, IRI, definition, super-terms, domain, range and characteristics, cross-linked
by anchors (``#Prediction``, ``#predictor``), then every SKOS concept scheme with its concepts. The anchors
are the local names, so ``https://w3id.org/kg/ontology#Prediction`` lands on its entry once w3id redirects
the ontology IRI to this page (docs/ontology.md).

pyLODE was the first choice; its releases either need Python 3.12 or do not import when installed
(3.4.1 reads a pyproject.toml it does not ship), so kg renders the page itself with rdflib and Jinja2.

>>> html = render_page()
>>> 'id="Prediction"' in html and 'href="#predictor"' in html
True
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from kg.namespaces import KG, PREFIXES
from kg.paths import data_dir

_KG = str(KG._NS)
ONTOLOGY_IRI = URIRef(_KG.rstrip("#"))


@dataclass
class Term:
    """One class or property as the page shows it."""

    iri: str
    name: str  # the local name: the anchor
    label: str
    comment: str
    kind: str  # Class | ObjectProperty | DatatypeProperty
    rows: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, HTML links)


@dataclass
class Concept:
    iri: str
    label: str
    notation: str
    definition: str
    matches: list[str]


@dataclass
class Scheme:
    iri: str
    label: str
    definition: str
    concepts: list[Concept]


def load_ontology() -> Graph:
    """ontology/*.ttl in one graph."""
    g = Graph()
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def _text(g: Graph, node: Node, *props: URIRef) -> str:
    for p in props:
        for value in g.objects(node, p):
            if isinstance(value, Literal) and value.language in (None, "en"):
                return str(value)
    return ""


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and prefix != "kgd":
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _link(g: Graph, node: Node) -> str:
    """An HTML link to a term: an anchor on this page for kg terms, the IRI otherwise."""
    from markupsafe import escape

    if isinstance(node, BNode):
        members = g.value(node, OWL.unionOf)
        if members is not None:
            return " or ".join(_link(g, m) for m in Collection(g, members))
        return "(anonymous)"
    iri = str(node)
    for local_ns in (_KG, PREFIXES["kgc"]):  # terms of this page link to their entry
        if iri.startswith(local_ns):
            return f'<a href="#{escape(iri[len(local_ns):])}"><code>{escape(_curie(iri))}</code></a>'
    return f'<a href="{escape(iri)}"><code>{escape(_curie(iri))}</code></a>'


def _links(g: Graph, nodes: object) -> list[str]:
    return sorted(_link(g, n) for n in nodes)  # type: ignore[attr-defined]


def _term(g: Graph, iri: URIRef, kind: str) -> Term:
    t = Term(
        iri=str(iri), name=str(iri)[len(_KG):], label=_text(g, iri, RDFS.label), comment=_text(g, iri, RDFS.comment),
        kind=kind,
    )
    if kind == "Class":
        rows = [
            ("Subclass of", _links(g, g.objects(iri, RDFS.subClassOf))),
            ("Superclass of", _links(g, g.subjects(RDFS.subClassOf, iri))),
            ("Disjoint with", _links(g, {*g.objects(iri, OWL.disjointWith), *g.subjects(OWL.disjointWith, iri)})),
            ("In the domain of", _links(g, g.subjects(RDFS.domain, iri))),
            ("In the range of", _links(g, g.subjects(RDFS.range, iri))),
        ]
    else:
        traits = [c[len(str(OWL)):] for c in map(str, g.objects(iri, RDF.type)) if c.endswith("FunctionalProperty")]
        rows = [
            ("Subproperty of", _links(g, g.objects(iri, RDFS.subPropertyOf))),
            ("Domain", _links(g, g.objects(iri, RDFS.domain))),
            ("Range", _links(g, g.objects(iri, RDFS.range))),
            ("Characteristics", [f"<code>owl:{c}</code>" for c in traits]),
        ]
    t.rows = [(head, links) for head, links in rows if links]
    return t


def _terms(g: Graph, cls: URIRef, kind: str) -> list[Term]:
    found = [s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef) and str(s).startswith(_KG)]
    return sorted((_term(g, s, kind) for s in found), key=lambda t: t.name.lower())


def _schemes(g: Graph) -> list[Scheme]:
    out = []
    for s in sorted(g.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        concepts = [
            Concept(
                iri=str(c), label=_text(g, c, SKOS.prefLabel), notation=str(g.value(c, SKOS.notation) or ""),
                definition=_text(g, c, SKOS.definition, RDFS.comment),
                matches=[
                    f"{m.fragment or str(m).rsplit('/', 1)[-1]} {_link(g, o)}"
                    for m in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
                    for o in sorted(g.objects(c, m), key=str)
                ],
            )
            for c in sorted(g.subjects(SKOS.inScheme, s), key=str)
        ]
        out.append(Scheme(str(s), _text(g, s, SKOS.prefLabel), _text(g, s, SKOS.definition), concepts))
    return out


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<link rel="alternate" type="text/turtle" href="kg.ttl">
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
section.term { border-left: 3px solid #8ab; padding: .2rem 1rem; margin: 1.2rem 0; }
section.term h3 { margin: .2rem 0; } .iri { color: #555; font-size: 90%; }
table { border-collapse: collapse; } td, th { text-align: left; vertical-align: top; padding: .15rem .6rem .15rem 0; }
nav a { margin-right: .5rem; } code { font-size: 92%; } .kind { color: #777; font-weight: normal; font-size: 80%; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="iri"><code>{{ iri }}</code> &middot; version {{ version }} &middot; {{ license|safe }}</p>
<p>{{ comment }}</p>
<p>Generated by <code>make docs</code> from <code>ontology/*.ttl</code>. How the IRIs resolve, and how a
deployment sets its own instance base with <code>KG_BASE</code>: <code>docs/ontology.md</code>.</p>
<table>
<tr><th>prefix</th><th>namespace</th></tr>
{% for p, ns in prefixes %}<tr><td><code>{{ p }}:</code></td><td><code>{{ ns }}</code></td></tr>
{% endfor %}</table>
{% for heading, terms in groups %}
<h2 id="{{ heading|lower|replace(' ', '-') }}">{{ heading }}</h2>
<nav>{% for t in terms %}<a href="#{{ t.name }}">{{ t.name }}</a> {% endfor %}</nav>
{% for t in terms %}
<section class="term" id="{{ t.name }}">
<h3>{{ t.label or t.name }} <span class="kind">{{ t.kind }}</span></h3>
<p class="iri"><code>{{ t.iri }}</code></p>
<p>{{ t.comment }}</p>
{% if t.rows %}<table>{% for head, links in t.rows %}
<tr><th>{{ head }}</th><td>{{ links|join(', ')|safe }}</td></tr>{% endfor %}
</table>{% endif %}
</section>
{% endfor %}{% endfor %}
<h2 id="concepts">Concept schemes</h2>
{% for s in schemes %}
<section class="term" id="{{ s.iri.rsplit('/', 1)[-1] }}">
<h3>{{ s.label }} <span class="kind">skos:ConceptScheme</span></h3>
<p class="iri"><code>{{ s.iri }}</code></p>
<p>{{ s.definition }}</p>
<table><tr><th>concept</th><th>label</th><th>notation</th><th>definition</th><th>matches</th></tr>
{% for c in s.concepts %}{% set local = c.iri.rsplit('/', 1)[-1] %}
<tr id="{{ local }}"><td><code>kgc:{{ local }}</code></td><td>{{ c.label }}</td><td>{{ c.notation }}</td>
<td>{{ c.definition }}</td><td>{{ c.matches|join('<br>')|safe }}</td></tr>
{% endfor %}</table>
</section>
{% endfor %}
</body>
</html>
"""


def render_page(graph: Graph | None = None) -> str:
    """The HTML page of the ontology in *graph* (default: ontology/*.ttl)."""
    from jinja2 import Environment

    g = graph if graph is not None else load_ontology()
    license_iri = g.value(ONTOLOGY_IRI, DCTERMS.license)
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(TEMPLATE).render(
        title=_text(g, ONTOLOGY_IRI, RDFS.label) or "kg ontology",
        iri=str(ONTOLOGY_IRI),
        version=str(g.value(ONTOLOGY_IRI, OWL.versionInfo) or ""),
        license=f'license: <a href="{license_iri}">{license_iri}</a>' if license_iri else "",
        comment=_text(g, ONTOLOGY_IRI, RDFS.comment),
        prefixes=[(p, ns) for p, ns in PREFIXES.items() if p in ("kg", "kgc", "kga", "kgd", "kgg", "kgr")],
        groups=[
            ("Classes", _terms(g, OWL.Class, "Class")),
            ("Object properties", _terms(g, OWL.ObjectProperty, "ObjectProperty")),
            ("Datatype properties", _terms(g, OWL.DatatypeProperty, "DatatypeProperty")),
        ],
        schemes=_schemes(g),
    )


def write_page(output: str | Path) -> Path:
    """Render the page and write it to *output* atomically (parent folders made); returns the path."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(render_page())
    os.chmod(tmp, 0o644)
    os.replace(tmp, output)
    return output


if __name__ == "__main__":
    import sys

    print(f"wrote {write_page(sys.argv[1] if len(sys.argv) > 1 else 'docs/ontology/index.html')}")

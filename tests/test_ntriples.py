"""kg.ntriples writes each term as pyoxigraph's own N-Triples writer does (mapping writes lines, not terms)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import XSD, BNode, Literal, URIRef

from kg import ntriples as nt

NNI = ox.NamedNode(str(XSD.nonNegativeInteger))
S, P = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
TEXTS = [
    "",
    "plain words",
    'a "quoted" \\ backslash',
    "every control: " + "".join(chr(i) for i in range(0x20)) + "\x7f",
    "tab\tline\nreturn\r feed\f back\b",
    "non-ASCII: é ü ø \u2028 \ufeff 😀 \x80\xa0",
]


def _engine(o: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    return (ox.serialize([ox.Triple(S, P, o)], format=ox.RdfFormat.N_TRIPLES) or b"").decode()


@pytest.mark.parametrize("text", TEXTS)
def test_literals_are_written_as_the_engine_writes_them(text: str) -> None:
    s, p = nt.iri(S.value), nt.iri(P.value)
    assert nt.line(s, p, nt.literal(text)) == _engine(ox.Literal(text))
    date = str(XSD.date)
    assert nt.line(s, p, nt.literal(text, datatype=date)) == _engine(ox.Literal(text, datatype=ox.NamedNode(date)))
    assert nt.literal(text, datatype=str(XSD.string)) == nt.literal(text)


def test_rdflib_and_pyoxigraph_terms_are_written_as_the_engine_writes_them() -> None:
    s, p = nt.iri(S.value), nt.iri(P.value)
    pairs = [
        (URIRef("https://example.org/o"), ox.NamedNode("https://example.org/o")),
        (Literal("5", datatype=XSD.nonNegativeInteger), ox.Literal("5", datatype=NNI)),
        (Literal('He said "no"\n', lang="EN-gb"), ox.Literal('He said "no"\n', language="en-gb")),
        (BNode("b1"), ox.BlankNode("b1")),
    ]
    for rdflib_term, ox_term in pairs:
        assert nt.line(s, p, nt.from_rdflib(rdflib_term)) == _engine(ox_term)
        assert nt.from_oxigraph(ox.Triple(S, P, ox_term)) == _engine(ox_term)


def test_an_iri_from_outside_is_checked() -> None:
    with pytest.raises(ValueError):
        nt.iri("not an iri with spaces")


def test_a_mapped_article_parses_back_to_the_lines_it_was_written_as() -> None:
    """The lines of a mapped article are N-Triples the engine reads, and write back byte for byte."""
    from kg.mapping import map_records
    from kg.records import Actor, ArticleRecord, Records, Span

    text = 'The minister said "we will\tsee" today.'
    records = Records(
        article=ArticleRecord(text=text, url="https://example.org/news/1", title='A "title"\nwith a break'),
        actors=[Actor(id="a1", label="Jo Q. Public", type="Person", mentions=[Span(start=4, end=12, text="minister")])],
    )
    mapped = map_records(records)
    graph, facts = mapped.ntriples()
    for data in (graph, facts):
        parsed = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        assert sorted((ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines()) == sorted(
            data.splitlines()
        )
    assert len(mapped) == len(mapped.triples) + len(mapped.actor_facts) > 5
    mapped.triples.append(ox.Triple(mapped.article, P, ox.Literal("added")))  # the terms are the data from now on
    assert b'"added"' in mapped.ntriples()[0] and len(mapped) == len(graph.splitlines()) + len(facts.splitlines()) + 1

"""SPARQL text for SHACL: terms, property paths, and the condition each value-level constraint puts on a node.

Everything here turns part of a shapes graph (rdflib terms) into SPARQL text; :mod:`kg.shacl.compile` puts
the pieces together into queries. Anything this module cannot express raises
:class:`~kg.errors.ShapesUnsupported`, never a query that would pass silently.

>>> from rdflib import Literal, URIRef
>>> term(URIRef("https://example.org/a")), term(Literal("it's"))
('<https://example.org/a>', '"it\\'s"')
>>> string('a "b" \\\\d')
'"a \\\\"b\\\\" \\\\\\\\d"'
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import RDF, RDFS, SH, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import ShapesUnsupported

# Datatypes whose lexical form SPARQL can check with a cast (an ill-formed literal fails the cast, as it
# fails rdflib's parsing in pySHACL).
_CASTS = {XSD[t] for t in ("date", "dateTime", "time", "decimal", "integer", "double", "float", "boolean")}
_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "(isBlank({x}) || isIRI({x}))",
    SH.BlankNodeOrLiteral: "(isBlank({x}) || isLiteral({x}))",
    SH.IRIOrLiteral: "(isIRI({x}) || isLiteral({x}))",
}
_COMPARE = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=", SH.maxExclusive: "<"}
INSTANCE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"  # SHACL's "SHACL instance": rdf:type then subclasses


def string(text: str) -> str:
    """*text* as a SPARQL string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def term(node: Node) -> str:
    """An IRI or literal of the shapes graph as SPARQL text (blank nodes have no SPARQL constant)."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{string(str(node))}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string:
            return f"{string(str(node))}^^<{node.datatype}>"
        return string(str(node))
    raise ShapesUnsupported(f"a blank node ({node.n3()}) used as a value in the shapes has no SPARQL form")


def path(shapes: Graph, node: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if (node, RDF.first, None) in shapes:
        return "(" + "/".join(path(shapes, p) for p in Collection(shapes, node)) + ")"
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                      (SH.zeroOrOnePath, "{}?")):
        inner = shapes.value(node, pred)
        if inner is not None:
            return "(" + fmt.format(path(shapes, inner)) + ")"
    alt = shapes.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(path(shapes, p) for p in Collection(shapes, alt)) + ")"
    raise ShapesUnsupported(f"property path {node.n3()} is not a SHACL path")


def items(shapes: Graph, node: Node) -> list[Node]:
    """The members of an RDF list of the shapes graph."""
    return list(Collection(shapes, node))


def one(shapes: Graph, shape: Node, param: URIRef) -> Node:
    """The one value of *param* on *shape* (SHACL allows one per shape for most parameters)."""
    values = list(shapes.objects(shape, param))
    if len(values) != 1:
        raise ShapesUnsupported(f"{shape.n3()} has {len(values)} values of {param.n3()}, one is supported")
    return values[0]


def integer(shapes: Graph, shape: Node, param: URIRef) -> int:
    """The one integer value of *param* (sh:minCount, sh:maxLength, ...)."""
    value = one(shapes, shape, param)
    if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
        raise ShapesUnsupported(f"{shape.n3()} {param.n3()} is not an integer")
    return int(value.toPython())


def datatype(dt: Node, x: str) -> str:
    """True when *x* is a well-formed literal of datatype *dt* (pySHACL's sh:datatype)."""
    if not isinstance(dt, URIRef):
        raise ShapesUnsupported(f"sh:datatype {dt.n3()} is not an IRI")
    if dt == RDFS.Literal:
        return f"isLiteral({x})"
    if dt == XSD.string:
        return f'(isLiteral({x}) && datatype({x}) = <{XSD.string}> && lang({x}) = "")'
    if dt == RDF.langString:
        return f'(isLiteral({x}) && lang({x}) != "")'
    check = f"(isLiteral({x}) && datatype({x}) = <{dt}>"
    if dt in _CASTS:
        check += f" && COALESCE(isLiteral(<{dt}>({x})), false)"
    return check + ")"


# A value-level constraint: (shapes graph, the parameter's value, SPARQL variable) -> condition on the variable.
Condition = Callable[[Graph, Node, str], str]


def _class(shapes: Graph, value: Node, x: str) -> str:
    return f"EXISTS {{ {x} {INSTANCE} {term(value)} }}"


def _kind(shapes: Graph, value: Node, x: str) -> str:
    if not isinstance(value, URIRef) or value not in _KINDS:
        raise ShapesUnsupported(f"sh:nodeKind {value.n3()} is not a node kind")
    return _KINDS[value].format(x=x)


def _compare(op: str) -> Condition:
    return lambda shapes, value, x: f"COALESCE({x} {op} {term(value)}, false)"


def _length(op: str) -> Condition:
    def cond(shapes: Graph, value: Node, x: str) -> str:
        if not isinstance(value, Literal) or not isinstance(value.toPython(), int):
            raise ShapesUnsupported(f"string length {value.n3()} is not an integer")
        return f"(!isBlank({x}) && STRLEN(STR({x})) {op} {int(value.toPython())})"

    return cond


def pattern(regex: Node, flags: Node | None, x: str) -> str:
    """True when *x* (not a blank node) matches *regex* (sh:pattern with its sh:flags)."""
    args = f"STR({x}), {string(str(regex))}" + (f", {string(str(flags))}" if flags is not None else "")
    return f"(!isBlank({x}) && REGEX({args}))"


def _in(shapes: Graph, value: Node, x: str) -> str:
    members = items(shapes, value)
    if not members:
        return "false"
    return "(" + " || ".join(f"sameTerm({x}, {term(m)})" for m in members) + ")"


def _languages(shapes: Graph, value: Node, x: str) -> str:
    tags = items(shapes, value)
    if not tags:
        return "false"
    return f"(isLiteral({x}) && (" + " || ".join(f"langMatches(lang({x}), {term(t)})" for t in tags) + "))"


VALUE_CONDITIONS: dict[URIRef, Condition] = {
    SH["class"]: _class,
    SH.datatype: lambda shapes, value, x: datatype(value, x),
    SH.nodeKind: _kind,
    **{param: _compare(op) for param, op in _COMPARE.items()},
    SH.minLength: _length(">="),
    SH.maxLength: _length("<="),
    SH["in"]: _in,
    SH.languageIn: _languages,
}


class Fresh:
    """Fresh SPARQL variable names, so that nested conditions never capture each other's variables."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, stem: str = "v") -> str:
        self.n += 1
        return f"?_{stem}{self.n}"


def distinct(names: list[str]) -> str:
    """A filter saying the variables are pairwise different terms (``true`` for fewer than two)."""
    pairs = [f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1 :]]
    return " && ".join(pairs) or "true"


def is_blank(node: Node) -> bool:
    """True for a blank node of the shapes graph."""
    return isinstance(node, BNode)

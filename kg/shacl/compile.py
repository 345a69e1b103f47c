"""A SHACL shapes graph compiled into SPARQL SELECT queries, one per constraint of each targeted shape.

Each :class:`Check` is a query that returns the violations of one constraint: the focus node (``?this``) and,
where SHACL reports one, the value node (``?value``); the check carries what every result of it reports
(source shape, constraint component, severity, messages, path). A shape's focus nodes come from its targets
(``sh:targetClass`` with subclasses, ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, a
shape that is also an ``rdfs:Class``) and, for a property shape under ``sh:property``, from the node shape
holding it. Shapes used inside others (``sh:node``, ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``,
``sh:qualifiedValueShape``) become one SPARQL condition, true when a node conforms to them.

Supported: SHACL Core but ``sh:closed`` and ``sh:uniqueLang``, and SHACL-SPARQL constraints (``sh:sparql``
with ``sh:select`` and ``sh:prefixes``) on targeted shapes. ``$this`` is joined with the focus nodes rather
than pre-bound: the same results whenever the query binds ``$this`` in its top-level pattern, as SHACL's
own examples do. Anything else (a construct above, SHACL-AF, custom constraint components, a recursive shape)
raises :class:`~kg.errors.ShapesUnsupported` when compiling, never a check that would pass silently.

>>> from rdflib import Graph
>>> shapes = Graph().parse(format="turtle", data='''
...   @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
...   ex:S a sh:NodeShape ; sh:targetClass ex:Person ;
...     sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "Person has no name" ] .''')
>>> [(c.component.split("#")[1], str(c.messages[0])) for c in compile_shapes(shapes).checks]
[('MinCountConstraintComponent', 'Person has no name')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rdflib import OWL, RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import ShapesUnsupported
from kg.shacl import sparql
from kg.shacl.sparql import INSTANCE, VALUE_CONDITIONS, Fresh, distinct, integer, items, one, term

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_NOT_CONSTRAINTS = {SH.path, *_TARGETS, SH.message, SH.severity, SH.deactivated, SH.name, SH.description,
                    SH.group, SH.order, SH.defaultValue, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                    SH.qualifiedValueShapesDisjoint}
_SHAPE_VALUES = (SH.node, SH["not"], SH["and"], SH["or"], SH.xone)
_PAIRS = {SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals}
_COUNTS = {SH.minCount, SH.maxCount}
_MAX_PAIRWISE = 4  # nested cardinalities are written as n pairwise-different values
_MAX_DEPTH = 16
_PLAIN = re.compile(r"<[^<>\s]*>")  # a property path that is one IRI


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a query returning its violations (``?this``, maybe ``?value``)."""

    query: str
    shape: Node  # sh:sourceShape
    component: URIRef  # sh:sourceConstraintComponent
    severity: URIRef
    messages: tuple[Literal, ...]
    path: Node | None  # the shape's sh:path (reported as sh:resultPath)
    constraint: Node | None = None  # sh:sourceConstraint (SPARQL-based constraints)
    focus_is_value: bool = False  # a node shape's value-level constraint: the value is the focus node


@dataclass(frozen=True)
class Screen:
    """Shapes that share their focus nodes, with for each the condition a conforming focus node meets."""

    focus: str
    shapes: tuple[Node, ...]
    conditions: tuple[str, ...]  # on ?this, one per shape
    all_met: str = ""  # on ?this: true when every condition is (the same test, one lookup per path)
    probe: str = ""  # a query on the focus nodes: ?_k<k> is false where a node breaks requirement k
    shared: tuple[tuple[int, str], ...] = ()  # (k, pattern): requirements on a property, whatever the focus
    flags: tuple[tuple[int, ...], ...] = ()  # for each k, the shapes (indexes) it may fail


@dataclass(frozen=True)
class Program:
    """Every check of a shapes graph, the screens that skip most of them, and the shapes graph (for paths)."""

    checks: tuple[Check, ...]
    shapes: Graph
    screens: tuple[Screen, ...] = ()


def component(param: URIRef) -> URIRef:
    """The constraint component a parameter belongs to: ``sh:minCount`` -> ``sh:MinCountConstraintComponent``."""
    name = param[len(str(SH)) :]
    return SH[name[0].upper() + name[1:] + "ConstraintComponent"]


def compile_shapes(shapes: Graph) -> Program:
    """Compile every targeted shape of *shapes*; raises :class:`ShapesUnsupported` on what it cannot do."""
    if (None, RDF.type, SH.ConstraintComponent) in shapes:
        raise ShapesUnsupported("the shapes declare their own constraint components (SHACL-SPARQL components)")
    for bad in (SH.target, SH.rule, SH.closed, SH.uniqueLang):
        for s, o in shapes.subject_objects(bad):
            if not (bad in (SH.closed, SH.uniqueLang) and o == Literal(False)):
                raise ShapesUnsupported(f"{s.n3()} uses {bad.n3()}, which kg's SPARQL engine does not compile")
    compiler = _Compiler(shapes)
    checks: list[Check] = []
    screened: dict[str, list[tuple[Node, str, list[Part]]]] = {}
    for shape in compiler.targeted():
        checks.extend(compiler.checks(shape))
        try:  # a shape whose own constraints all fit in one condition (no SPARQL, no qualified counts)
            condition = compiler.conforms(shape, "?this", 0, properties=False)
        except ShapesUnsupported:
            continue
        parts = compiler.parts(shape, "?this")
        screened.setdefault(compiler.focus(shape), []).append((shape, condition, parts))
    screens = tuple(
        Screen(focus=focus, shapes=tuple(s for s, _, _ in found), conditions=tuple(c for _, c, _ in found),
               all_met=compiler.all_met([p for _, _, parts in found for p in parts]),
               **compiler.probe(focus, [parts for _, _, parts in found]))
        for focus, found in screened.items()
    )
    return Program(checks=tuple(checks), shapes=shapes, screens=screens)


# One requirement of a shape on its focus node ?this, as :meth:`_Compiler.parts` splits a shape's condition:
# ("some", path) a value exists, ("one", path) no two different values, ("each", path, condition) every value
# meets the condition, ("raw", condition) anything else.
Part = tuple[str, str] | tuple[str, str, Callable[[str], str]]


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.fresh = Fresh()

    # --- focus nodes -----------------------------------------------------------------------------------

    def targeted(self) -> list[Node]:
        """Shapes with focus nodes: targeted ones and the property shapes of targeted node shapes."""
        found: dict[Node, None] = {}
        roots = {s for t in _TARGETS for s in self.g.subjects(t, None)}
        for cls in (RDFS.Class, OWL.Class):
            for s in self.g.subjects(RDF.type, cls):
                if self._is_shape(s):
                    roots.add(s)
        stack = sorted(roots, key=str)
        while stack:
            shape = stack.pop()
            if shape in found or self._deactivated(shape):
                continue
            found[shape] = None
            if (shape, SH.path, None) in self.g and (shape, SH.property, None) in self.g:
                raise ShapesUnsupported(f"sh:property on a property shape ({shape.n3()})")
            stack.extend(self.g.objects(shape, SH.property))
        return sorted(found, key=lambda s: (str(self.g.value(s, SH.group) or ""), s.n3()))

    def _is_shape(self, node: Node) -> bool:
        types = set(self.g.objects(node, RDF.type))
        return bool(types & {SH.NodeShape, SH.PropertyShape}) or (node, SH.path, None) in self.g

    def _deactivated(self, shape: Node) -> bool:
        return (shape, SH.deactivated, Literal(True)) in self.g

    def _target_patterns(self, shape: Node, seen: frozenset[Node] = frozenset()) -> list[str]:
        if shape in seen:
            return []
        pats = [f"?this {INSTANCE} {term(c)} ." for c in self.g.objects(shape, SH.targetClass)]
        if any((shape, RDF.type, cls) in self.g for cls in (RDFS.Class, OWL.Class)):
            pats.append(f"?this {INSTANCE} {term(shape)} .")
        nodes = [term(n) for n in self.g.objects(shape, SH.targetNode)]
        if nodes:
            pats.append(f"VALUES ?this {{ {' '.join(nodes)} }}")
        pats += [f"?this {term(p)} [] ." for p in self.g.objects(shape, SH.targetSubjectsOf)]
        pats += [f"[] {term(p)} ?this ." for p in self.g.objects(shape, SH.targetObjectsOf)]
        for parent in self.g.subjects(SH.property, shape):
            if not self._deactivated(parent):
                pats += self._target_patterns(parent, seen | {shape})
        return sorted(set(pats))

    def focus(self, shape: Node) -> str:
        pats = self._target_patterns(shape)
        if len(pats) == 1 and pats[0].startswith("?this <"):
            return pats[0]
        union = " UNION ".join(f"{{ {p} }}" for p in pats)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    # --- checks of one targeted shape ------------------------------------------------------------------

    def checks(self, shape: Node) -> list[Check]:
        focus = self.focus(shape)
        path_node = self.g.value(shape, SH.path)
        p = sparql.path(self.g, path_node) if path_node is not None else None
        severity = self.g.value(shape, SH.severity) or SH.Violation
        if not isinstance(severity, URIRef):
            raise ShapesUnsupported(f"{shape.n3()} has a severity that is not an IRI")
        messages = tuple(m for m in self.g.objects(shape, SH.message) if isinstance(m, Literal))
        out: list[Check] = []

        def add(query: str, param: URIRef, *, focus_is_value: bool = False, comp: URIRef | None = None) -> None:
            out.append(Check(query=query, shape=shape, component=comp or component(param), severity=severity,
                             messages=messages, path=path_node, focus_is_value=focus_is_value))

        for param in self._params(shape):
            cond = self._value_condition(shape, param)
            if cond is not None:
                if p is None:  # an error (an incomparable value) is a violation, as in pySHACL
                    add(f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER(!COALESCE({cond('?this')}, false)) }}", param,
                        focus_is_value=True)
                else:
                    ok = f"COALESCE({cond('?value')}, false)"
                    add(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value . FILTER(!{ok}) }}", param)
            elif param in _COUNTS:
                add(self._count_query(shape, param, focus, p), param)
            elif param == SH.hasValue:
                v = term(one(self.g, shape, param))
                if p is None:  # pySHACL reports no value here
                    add(f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER(!sameTerm(?this, {v})) }}", param)
                else:
                    add(f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} {v} }} }}", param)
            elif param in _PAIRS:
                pair = self._pair(shape, param, "?this", "?value", p)
                add(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {pair} }}", param)
            elif param == SH.qualifiedValueShape:
                for bound, query in self._qualified(shape, focus, p):
                    add(query, bound, comp=component(bound))
            elif param == SH.sparql:
                out.extend(self._sparql(shape, focus, p, path_node, severity, messages))
        return out

    def _params(self, shape: Node) -> list[URIRef]:
        """The SHACL constraint parameters on *shape* (sh:property is followed apart)."""
        preds = {pr for pr in self.g.predicates(shape, None) if isinstance(pr, URIRef) and pr.startswith(str(SH))}
        return sorted(preds - _NOT_CONSTRAINTS - {SH.property})

    def _value_condition(self, shape: Node, param: URIRef, depth: int = 0) -> Callable[[str], str] | None:
        """The condition a value node meets under *param*, or None when *param* is not value-level."""
        g = self.g
        if param in VALUE_CONDITIONS:
            cond = VALUE_CONDITIONS[param]
            value = one(g, shape, param)
            return lambda x: cond(g, value, x)
        if param == SH.pattern:
            regex, flags = one(g, shape, SH.pattern), g.value(shape, SH.flags)
            return lambda x: sparql.pattern(regex, flags, x)
        if param in _SHAPE_VALUES:
            values = list(g.objects(shape, param))
            if param == SH.node or param == SH["not"]:
                neg = "!" if param == SH["not"] else ""
                return lambda x: " && ".join(f"{neg}({self.conforms(s, x, depth + 1)})" for s in values)
            lists = [items(g, v) for v in values]
            if param == SH["and"]:
                return lambda x: " && ".join(f"({self.conforms(s, x, depth + 1)})" for ls in lists for s in ls)
            if param == SH["or"]:
                return lambda x: " && ".join(
                    "(" + (" || ".join(f"({self.conforms(s, x, depth + 1)})" for s in ls) or "false") + ")"
                    for ls in lists)
            return lambda x: " && ".join(
                "(" + (" + ".join(f"IF({self.conforms(s, x, depth + 1)}, 1, 0)" for s in ls) or "0") + " = 1)"
                for ls in lists)
        if param in _COUNTS | _PAIRS | {SH.hasValue, SH.qualifiedValueShape, SH.sparql}:
            return None
        raise ShapesUnsupported(f"{shape.n3()} uses {param.n3()}, which kg's SPARQL engine does not compile")

    def _count_query(self, shape: Node, param: URIRef, focus: str, p: str | None) -> str:
        if p is None:
            raise ShapesUnsupported(f"{shape.n3()} has {param.n3()} but no sh:path")
        n = integer(self.g, shape, param)
        if param == SH.minCount:
            if n <= 1:
                return (f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} ?_any }} }}"
                        if n == 1 else "SELECT ?this WHERE { FILTER(false) }")
            return (f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?_v }} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?_v) < {n})")
        # Subjects with too many values first (one grouped pass over the property), then the focus nodes among
        # them: Oxigraph answers that several times faster than grouping the values of every focus node.
        return (f"SELECT ?this WHERE {{ {{ SELECT ?this WHERE {{ ?this {p} ?_v }} GROUP BY ?this "
                f"HAVING (COUNT(DISTINCT ?_v) > {n}) }} {focus} }}")

    def _pair(self, shape: Node, param: URIRef, x: str, v: str, p: str | None) -> str:
        """A pattern matching a violation of a property-pair constraint, binding the value to *v*."""
        if p is None:
            raise ShapesUnsupported(f"{shape.n3()} uses {param.n3()} on a node shape")
        other = one(self.g, shape, param)
        if not isinstance(other, URIRef):
            raise ShapesUnsupported(f"{shape.n3()} {param.n3()} is not a property IRI")
        q = term(other)
        if param == SH.equals:
            return (f"{{ {x} {p} {v} FILTER NOT EXISTS {{ {x} {q} {v} }} }} UNION "
                    f"{{ {x} {q} {v} FILTER NOT EXISTS {{ {x} {p} {v} }} }}")
        if param == SH.disjoint:
            return f"{x} {p} {v} . {x} {q} {v} ."
        w = self.fresh("w")
        op = "<" if param == SH.lessThan else "<="
        return f"{x} {p} {v} . {x} {q} {w} . FILTER(!COALESCE({v} {op} {w}, false))"

    def _qualified(self, shape: Node, focus: str, p: str | None) -> list[tuple[URIRef, str]]:
        if p is None:
            raise ShapesUnsupported(f"{shape.n3()} has sh:qualifiedValueShape but no sh:path")
        if (shape, SH.qualifiedValueShapesDisjoint, Literal(True)) in self.g:
            raise ShapesUnsupported(f"{shape.n3()} uses sh:qualifiedValueShapesDisjoint")
        q = one(self.g, shape, SH.qualifiedValueShape)
        ok = self.conforms(q, "?_q", 1)
        out = []
        if (shape, SH.qualifiedMinCount, None) in self.g:
            n = integer(self.g, shape, SH.qualifiedMinCount)
            out.append((SH.qualifiedMinCount,
                        f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?_q FILTER({ok}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?_q) < {n})"))
        if (shape, SH.qualifiedMaxCount, None) in self.g:
            n = integer(self.g, shape, SH.qualifiedMaxCount)
            out.append((SH.qualifiedMaxCount,
                        f"SELECT ?this WHERE {{ {focus} ?this {p} ?_q FILTER({ok}) }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?_q) > {n})"))
        return out

    def _sparql(self, shape: Node, focus: str, p: str | None, path_node: Node | None, severity: URIRef,
                messages: tuple[Literal, ...]) -> list[Check]:
        out = []
        for constraint in self.g.objects(shape, SH.sparql):
            if self._deactivated(constraint):
                continue
            select = self.g.value(constraint, SH.select)
            if select is None:
                raise ShapesUnsupported(f"SPARQL constraint {constraint.n3()} has no sh:select")
            text = str(select)
            if re.search(r"^\s*(PREFIX|BASE)\b", text, re.IGNORECASE | re.MULTILINE):
                raise ShapesUnsupported(f"SPARQL constraint {constraint.n3()} declares prefixes in its text")
            for var in ("$currentShape", "$shapesGraph", "?currentShape", "?shapesGraph"):
                if var in text:
                    raise ShapesUnsupported(f"SPARQL constraint {constraint.n3()} uses {var}")
            if "$PATH" in text:
                if p is None:
                    raise ShapesUnsupported(f"SPARQL constraint {constraint.n3()} uses $PATH on a node shape")
                text = text.replace("$PATH", p)
            own = tuple(m for m in self.g.objects(constraint, SH.message) if isinstance(m, Literal))
            query = (f"{self._prefixes(constraint)}SELECT * WHERE {{ {{ SELECT DISTINCT ?this WHERE {{ "
                     f"{focus} }} }} {{ {text} }} }}")
            out.append(Check(query=query, shape=shape, component=SH.SPARQLConstraintComponent, severity=severity,
                             messages=own or messages, path=path_node, constraint=constraint))
        return out

    def _prefixes(self, constraint: Node) -> str:
        decls = []
        for holder in self.g.objects(constraint, SH.prefixes):
            for decl in self.g.objects(holder, SH.declare):
                prefix, ns = self.g.value(decl, SH.prefix), self.g.value(decl, SH.namespace)
                if prefix is None or ns is None:
                    raise ShapesUnsupported(f"prefix declaration {decl.n3()} lacks sh:prefix or sh:namespace")
                decls.append(f"PREFIX {prefix}: <{ns}>\n")
        return "".join(sorted(set(decls)))

    # --- nested shapes as one condition ----------------------------------------------------------------

    def conforms(self, shape: Node, x: str, depth: int, *, properties: bool = True) -> str:
        """A SPARQL condition true when the node in variable *x* conforms to *shape* (targets ignored); with
        ``properties=False``, to the constraints of *shape* itself, not those of its sh:property shapes."""
        if depth > _MAX_DEPTH:
            raise ShapesUnsupported(f"shape {shape.n3()} is nested too deeply (a recursive shape?)")
        if self._deactivated(shape):
            return "true"
        g = self.g
        path_node = g.value(shape, SH.path)
        p = sparql.path(g, path_node) if path_node is not None else None
        parts: list[str] = []
        params = self._params(shape)
        # exactly one value (minCount 1, maxCount 1), the commonest property shape: one EXISTS for the count
        # and the value conditions together ("a value that meets them, and no other value"), not three
        single = p is not None and all(c in params and integer(g, shape, c) == 1 for c in _COUNTS)
        meets: list[str] = []
        one_value = self.fresh() if single else ""
        for param in params:
            cond = self._value_condition(shape, param, depth)
            if single and (cond is not None or param in _COUNTS):
                if cond is not None:
                    meets.append(f"COALESCE({cond(one_value)}, false)")
                continue
            if cond is not None:
                if p is None:
                    parts.append(f"COALESCE({cond(x)}, false)")
                else:
                    v = self.fresh()
                    parts.append(f"NOT EXISTS {{ {x} {p} {v} . FILTER(!COALESCE({cond(v)}, false)) }}")
            elif param in _COUNTS:
                parts.append(self._nested_count(shape, param, x, p))
            elif param == SH.hasValue:
                v = term(one(g, shape, param))
                parts.append(f"EXISTS {{ {x} {p} {v} }}" if p is not None else f"sameTerm({x}, {v})")
            elif param in _PAIRS:
                parts.append(f"NOT EXISTS {{ {self._pair(shape, param, x, self.fresh(), p)} }}")
            else:
                raise ShapesUnsupported(f"{param.n3()} inside a nested shape ({shape.n3()}) is not compiled")
        if single:
            other = self.fresh()
            parts.append(f"EXISTS {{ {x} {p} {one_value} FILTER({' && '.join(meets) or 'true'}) "
                         f"FILTER NOT EXISTS {{ {x} {p} {other} FILTER(!sameTerm({one_value}, {other})) }} }}")
        for prop in g.objects(shape, SH.property) if properties else ():
            if p is not None:
                raise ShapesUnsupported(f"sh:property on a property shape ({shape.n3()})")
            parts.append(self.conforms(prop, x, depth + 1))
        return " && ".join(f"({part})" for part in parts) or "true"

    def parts(self, shape: Node, x: str) -> list[Part]:
        """The requirements of :meth:`conforms` (``properties=False``, on a shape it compiled), split so that a
        screen can test the requirements of all its shapes on one path together (:meth:`all_met`)."""
        g = self.g
        path_node = g.value(shape, SH.path)
        p = sparql.path(g, path_node) if path_node is not None else None
        out: list[Part] = []
        for param in self._params(shape):
            cond = self._value_condition(shape, param, 0)
            if cond is not None:
                out.append(("each", p, cond) if p is not None else ("raw", f"COALESCE({cond(x)}, false)"))
            elif param in _COUNTS and p is not None and integer(g, shape, param) == 1:
                out.append(("some", p) if param == SH.minCount else ("one", p))
            elif param in _COUNTS:
                out.append(("raw", self._nested_count(shape, param, x, p)))
            elif param == SH.hasValue:
                v = term(one(g, shape, param))
                out.append(("raw", f"EXISTS {{ {x} {p} {v} }}" if p is not None else f"sameTerm({x}, {v})"))
            elif param in _PAIRS:
                out.append(("raw", f"NOT EXISTS {{ {self._pair(shape, param, x, self.fresh(), p)} }}"))
            else:
                raise ShapesUnsupported(f"{param.n3()} inside a nested shape ({shape.n3()}) is not compiled")
        return out

    def all_met(self, parts: list[Part]) -> str:
        """One condition on ?this, true when every part is met: per path one lookup for "a value", one for "no
        two values" and one for "every value meets all the conditions" (not one per shape and constraint)."""
        some: dict[str, None] = {}
        one_: dict[str, None] = {}
        each: dict[str, list[Callable[[str], str]]] = {}
        raw: list[str] = []
        for part in parts:
            if part[0] == "some":
                some[part[1]] = None
            elif part[0] == "one":
                one_[part[1]] = None
            elif len(part) == 3:
                each.setdefault(part[1], []).append(part[2])
            else:
                raw.append(part[1])
        out = []
        for p in some.keys() & one_.keys():  # exactly one value, meeting the conditions: one lookup, as conforms
            v, w = self.fresh(), self.fresh()
            meets = " && ".join(f"COALESCE({c(v)}, false)" for c in each.pop(p, [])) or "true"
            out.append(f"EXISTS {{ ?this {p} {v} FILTER({meets}) "
                       f"FILTER NOT EXISTS {{ ?this {p} {w} FILTER(!sameTerm({v}, {w})) }} }}")
        out += [f"EXISTS {{ ?this {p} {self.fresh()} }}" for p in some if p not in one_]
        for p in one_.keys() - some.keys():
            a, b = self.fresh(), self.fresh()
            out.append(f"!EXISTS {{ ?this {p} {a} . ?this {p} {b} FILTER(!sameTerm({a}, {b})) }}")
        for p, conds in each.items():
            v = self.fresh()
            fails = " || ".join(f"!COALESCE({c(v)}, false)" for c in conds)
            out.append(f"NOT EXISTS {{ ?this {p} {v} . FILTER({fails}) }}")
        out += raw
        return " && ".join(f"({c})" for c in out) or "true"

    def probe(self, focus: str, parts: list[list[Part]]) -> dict[str, Any]:
        """The probe of a screen whose shapes have *parts*: one UNION branch per requirement and property, each
        matching where the requirement may be broken (``?_k``), and which shapes each branch may fail.

        On a plain property the branches look at every subject, not only the focus nodes (one pass over the
        property instead of one lookup per focus node): a subject that is no focus node may flag a shape
        whose checks then run and find nothing. A shape is never passed that one of its nodes breaks.
        """
        keys: dict[tuple[str, str], list[int]] = {}
        each: dict[str, list[Callable[[str], str]]] = {}
        raw: list[tuple[int, str]] = []
        for i, shape_parts in enumerate(parts):
            for part in shape_parts:
                if part[0] == "raw":
                    raw.append((i, part[1]))
                    continue
                keys.setdefault((part[0], part[1]), []).append(i)
                if len(part) == 3:
                    each.setdefault(part[1], []).append(part[2])
        per_focus: list[str] = []  # conditions on ?this, tested in one pass over the focus nodes
        shared: list[tuple[int, str]] = []
        flags: list[tuple[int, ...]] = []
        for (kind, p), shapes in keys.items():
            plain = _PLAIN.fullmatch(p) is not None
            v, w = ("?_a", "?_b") if plain else (self.fresh(), self.fresh())  # shared patterns: the same text
            if kind == "some":
                per_focus.append(f"EXISTS {{ ?this {p} {v} }}")
            elif kind == "one" and plain:
                shared.append((len(flags), f"{{ SELECT ?this WHERE {{ ?this {p} {v} }} GROUP BY ?this "
                                           f"HAVING (COUNT(DISTINCT {v}) > 1) }}"))
            elif kind == "one":
                per_focus.append(f"!EXISTS {{ ?this {p} {v} . ?this {p} {w} FILTER(!sameTerm({v}, {w})) }}")
            else:
                if p not in each:
                    continue  # every condition on this path is in the one written already
                fails = " || ".join(f"!COALESCE({c(v)}, false)" for c in each.pop(p))
                shapes = [i for (k, q), ss in keys.items() if k == "each" and q == p for i in ss]
                if plain:
                    shared.append((len(flags), f"?this {p} {v} FILTER({fails})"))
                else:
                    per_focus.append(f"NOT EXISTS {{ ?this {p} {v} FILTER({fails}) }}")
            if len(per_focus) + len(shared) > len(flags):
                flags.append(tuple(sorted(set(shapes))))
        if raw:
            per_focus.append(" && ".join(f"COALESCE({c}, false)" for _, c in raw))
            flags.append(tuple(sorted({i for i, _ in raw})))
        probe = ""
        if per_focus:  # the k of each condition is its place among the flags
            ks = [k for k in range(len(flags)) if k not in {k for k, _ in shared}]
            oks = [f"COALESCE({c}, false)" for c in per_focus]
            projections = " ".join(f"({ok} AS ?_k{k})" for k, ok in zip(ks, oks, strict=True))
            probe = f"SELECT ?this {projections} WHERE {{ {focus} FILTER(!({' && '.join(oks)})) }}"
        return {"probe": probe, "shared": tuple(shared), "flags": tuple(flags)}

    def _nested_count(self, shape: Node, param: URIRef, x: str, p: str | None) -> str:
        if p is None:
            raise ShapesUnsupported(f"{shape.n3()} has {param.n3()} but no sh:path")
        n = integer(self.g, shape, param)
        k = n if param == SH.minCount else n + 1
        if k == 0:
            return "true" if param == SH.minCount else "false"
        if k > _MAX_PAIRWISE:
            raise ShapesUnsupported(f"{param.n3()} {n} inside a nested shape is not compiled")
        vs = [self.fresh() for _ in range(k)]
        found = f"EXISTS {{ {' . '.join(f'{x} {p} {v}' for v in vs)} FILTER({distinct(vs)}) }}"
        return found if param == SH.minCount else f"!{found}"

"""A kg store on a SPARQL 1.1 server: the Protocol for query and update, the Graph Store Protocol for graphs.

Chosen by URL (``--store http://HOST:PORT/…`` or ``KG_STORE``). Two server families are known and others are
reached with explicit endpoint URLs:

========================  ====================  ====================  ==========================  ============
server                    query                 update                graph store                 graph param
========================  ====================  ====================  ==========================  ============
Oxigraph server (default) ``/query``            ``/update``           ``/store``                  ``graph``
Virtuoso (URL ends        ``/sparql``           ``/sparql``           ``/sparql-graph-crud``      ``graph-uri``
``/sparql``)
========================  ====================  ====================  ==========================  ============

How kg writes: each graph is replaced by one GSP ``PUT`` of its N-Triples with a Content-Length (Virtuoso answers
chunked uploads with 201 and stores nothing), so each graph is replaced atomically; an empty graph is dropped with
``DROP SILENT GRAPH``. A batch of graphs is **not** atomic on a remote store: if the connection breaks half-way,
some graphs of the batch are new and others old. Re-running the same ingest repairs it, since every graph is
replaced whole.

How kg reads: queries go to the query endpoint with kg's prefixes prepended and bound parameters written into
the text (:mod:`kg.store.sparql_text`); results come back as SPARQL JSON (or N-Triples for CONSTRUCT) and are
parsed by pyoxigraph, so callers see the same result objects as with the embedded store. The default graph is
the union of the named graphs (Oxigraph: ``union-default-graph``; Virtuoso's default). Where a server caps the
rows of a result (Virtuoso's ``ResultSetMaxRows``, signalled by its ``X-SPARQL-MaxRows`` header), kg pages with
LIMIT/OFFSET. Graph names are filtered to kg's own graphs, so a server's system graphs never show.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError, StoreError
from kg.namespaces import GRAPH, PREFIXES
from kg.store.sparql_text import prologue_split, substitute, with_prefixes
from kg.store.terms import to_graph, triples

__all__ = ["Endpoints", "RemoteStore", "endpoints_for"]


def _name_blank_nodes(doc: dict[str, Any]) -> None:
    """Blank node labels a server writes that are no SPARQL labels (Virtuoso's ``nodeID://b10000``) made valid."""
    for row in (doc.get("results") or {}).get("bindings") or []:
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = "b" + hashlib.sha1(term["value"].encode("utf-8")).hexdigest()[:16]

_JSON = "application/sparql-results+json"
_NT = "application/n-triples"
_GRAPH_FORM = re.compile(r"\s*(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
PAGE_ROWS = 10_000
"""Rows asked for per page when a server caps results."""


@dataclass(frozen=True)
class Endpoints:
    """Where a server answers queries, updates and Graph Store Protocol requests."""

    query: str
    update: str
    gsp: str
    graph_param: str = "graph"
    union_param: bool = True  # send Oxigraph's union-default-graph


def endpoints_for(url: str, *, query_url: str | None = None, update_url: str | None = None,
                  gsp_url: str | None = None) -> Endpoints:
    """The endpoints of the server at *url* (Oxigraph server layout unless the URL ends in ``/sparql``).

    >>> endpoints_for("http://127.0.0.1:7878").query
    'http://127.0.0.1:7878/query'
    >>> endpoints_for("http://127.0.0.1:8890/sparql").gsp
    'http://127.0.0.1:8890/sparql-graph-crud'
    """
    parts = urlsplit(url.rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"store URL {url} is not an http(s) URL")
    root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    if parts.path.endswith("/sparql"):
        base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        ep = Endpoints(base, base, root + parts.path[: -len("/sparql")] + "/sparql-graph-crud", "graph-uri", False)
    else:
        base = root + parts.path
        ep = Endpoints(base + "/query", base + "/update", base + "/store")
    return Endpoints(query_url or ep.query, update_url or ep.update, gsp_url or ep.gsp, ep.graph_param,
                     ep.union_param)


class RemoteStore:
    """A kg store on a SPARQL 1.1 server (see the module docstring)."""

    def __init__(self, url: str, *, query_url: str | None = None, update_url: str | None = None,
                 gsp_url: str | None = None, auth: tuple[str, str] | None = None, digest: bool = False,
                 timeout: float = 60.0, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self.endpoints = endpoints_for(url, query_url=query_url, update_url=update_url, gsp_url=gsp_url)
        credentials: httpx.Auth | None = None
        if auth is not None:
            credentials = httpx.DigestAuth(*auth) if digest else httpx.BasicAuth(*auth)
        self._http = httpx.Client(timeout=timeout, auth=credentials, headers={"User-Agent": "kg remote store"})
        self._ping()

    # -- plumbing ------------------------------------------------------------------------------------------

    def _send(self, method: str, url: str, **kw: Any) -> httpx.Response:
        try:
            r = self._http.request(method, url, **kw)
        except httpx.HTTPError as e:
            raise StoreError(f"store {self.url} cannot be reached ({type(e).__name__}: {e})",
                             hint="check that the server runs and the URL is right") from None
        if r.status_code in (401, 403):
            raise StoreError(f"store {self.url} refused access ({r.status_code})",
                             hint="pass --user/--password, or grant the rights for SPARQL updates")
        return r

    def _ping(self) -> None:
        r = self._send("POST", self.endpoints.query, data={"query": "ASK {}"}, headers={"Accept": _JSON})
        if r.status_code >= 400:
            raise StoreError(f"store {self.url}: the query endpoint {self.endpoints.query} answered "
                             f"{r.status_code}", hint="pass --query-url")

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("store is open read-only")

    def _update(self, sparql: str) -> None:
        self._writable()
        r = self._send("POST", self.endpoints.update, data={"update": with_prefixes(sparql, PREFIXES)})
        if r.status_code >= 400:
            raise StoreError(f"store {self.url}: update failed ({r.status_code}: {r.text.strip()[:200]})")

    def _gsp(self, method: str, graph: str, body: bytes | None = None) -> httpx.Response:
        params = {self.endpoints.graph_param: graph}
        headers = {"Accept": _NT}
        if body is not None:
            headers = {"Content-Type": "text/turtle", "Content-Length": str(len(body))}
        return self._send(method, self.endpoints.gsp, params=params, content=body, headers=headers)

    # -- the Store interface ---------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Mapping[str, Graph | Iterable[ox.Triple]]) -> None:
        """Replace each graph with one GSP PUT (atomic per graph; not across the batch, see the module doc)."""
        self._writable()
        for name, content in graphs.items():
            body = ox.serialize(list(triples(content)), format=ox.RdfFormat.N_TRIPLES) or b""
            if not body.strip():
                self._update(f"DROP SILENT GRAPH {ox.NamedNode(name)}")
                continue
            r = self._gsp("PUT", name, body)
            if r.status_code >= 400:
                raise StoreError(f"store {self.url}: cannot write graph <{name}> ({r.status_code}: "
                                 f"{r.text.strip()[:200]})")

    def apply(self, *, drop: Iterable[str] = (), delete: str | None = None, add: Iterable[ox.Quad] = (),
              after: str | None = None) -> None:
        """Drop graphs and run *delete* (one update), write the added quads, then run *after* (one update).

        A graph that was dropped, or is new, is written whole by one GSP PUT; quads for a graph that stays
        (the actors graph) are appended by GSP POST. Not one transaction on a server (see the module doc).
        """
        self._writable()
        dropped = list(drop)
        first = [f"DROP SILENT GRAPH {ox.NamedNode(n)}" for n in dropped] + ([delete] if delete else [])
        if first:
            self._update(" ;\n".join(first))
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in add:
            name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else str(GRAPH["default"])
            by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
        for name, ts in by_graph.items():
            body = ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) or b""
            whole = name in dropped or not self.has_graph(name)
            r = self._gsp("PUT" if whole else "POST", name, body)
            if r.status_code >= 400:
                raise StoreError(f"store {self.url}: cannot write graph <{name}> ({r.status_code}: "
                                 f"{r.text.strip()[:200]})")
        if after:
            self._update(after)

    def remove_graphs(self, names: Iterable[str]) -> None:
        """Drop these graphs (one update)."""
        drops = [f"DROP SILENT GRAPH {ox.NamedNode(n)}" for n in names]
        if drops:
            self._update(" ;\n".join(drops))

    def graph_names(self) -> list[str]:
        """kg's named graphs on the server, sorted (a server's own system graphs are left out)."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?base)) }"
                          .replace("?base", str(ox.Literal(str(GRAPH)))))
        return sorted(r["g"].value for r in rows)

    def has_graph(self, name: str) -> bool:
        """True when the graph holds at least one triple."""
        return bool(self.query(f"ASK {{ GRAPH {ox.NamedNode(name)} {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                               f"FILTER(STRSTARTS(STR(?g), {ox.Literal(str(GRAPH))})) }}"))
        return int(rows[0]["n"].value) if rows else 0

    def query(self, sparql: str, *, substitutions: Mapping[str, Any] | None = None, union: bool = True,
              default_graph: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None) -> Any:
        """Run a read query on the server; results as pyoxigraph objects (CONSTRUCT: a list of triples).

        *default_graph* / *named_graphs* become the protocol's ``default-graph-uri`` / ``named-graph-uri``.
        """
        text = substitute(sparql, substitutions or {})
        body = with_prefixes(text, PREFIXES)
        data: dict[str, Any] = {"query": body}
        if default_graph is not None or named_graphs is not None:
            data["default-graph-uri"] = list(default_graph or [])
            data["named-graph-uri"] = list(named_graphs or [])
        elif union and self.endpoints.union_param:
            data["union-default-graph"] = ""
        graph_form = _GRAPH_FORM.match(prologue_split(text)[1]) is not None
        r = self._send("POST", self.endpoints.query, data=data, headers={"Accept": _NT if graph_form else _JSON})
        if r.status_code >= 400:
            raise QueryError(f"query failed on {self.url} ({r.status_code}: {r.text.strip()[:300]})")
        ctype = r.headers.get("content-type", "").split(";")[0].strip()
        if graph_form or ctype in (_NT, "text/turtle", "text/plain"):
            fmt = ox.RdfFormat.TURTLE if ctype == "text/turtle" else ox.RdfFormat.N_TRIPLES
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(r.content, format=fmt)]
        cap = r.headers.get("x-sparql-maxrows")
        if not cap and b'"bnode"' not in r.content:
            return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)
        doc = json.loads(r.content)
        if cap and "results" in doc:
            doc["results"]["bindings"] += self._more_rows(body, data, len(doc["results"]["bindings"]), int(cap))
        _name_blank_nodes(doc)
        return ox.parse_query_results(json.dumps(doc).encode("utf-8"), format=ox.QueryResultsFormat.JSON)

    def _more_rows(self, body: str, data: dict[str, Any], offset: int, cap: int) -> list[Any]:
        """The rows of a SELECT after the first *offset*, page by page, for a server that caps answers."""
        rows: list[Any] = []
        prologue, rest = prologue_split(body)
        size = min(cap, PAGE_ROWS)
        while True:
            page_query = f"{prologue}SELECT * WHERE {{ {rest} }} LIMIT {size} OFFSET {offset}"
            r = self._send("POST", self.endpoints.query, data={**data, "query": page_query},
                           headers={"Accept": _JSON})
            if r.status_code >= 400:
                raise QueryError(f"query failed on {self.url} ({r.status_code}: {r.text.strip()[:300]})")
            page = json.loads(r.content)["results"]["bindings"]
            rows += page
            offset += len(page)
            if len(page) < size:
                return rows

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """All quads of kg's graphs (one GSP GET per graph: no row caps), or of one graph."""
        names = [graph] if graph else self.graph_names()
        for name in names:
            g = ox.NamedNode(name)
            if not self.endpoints.union_param:  # Virtuoso caps GSP answers like query answers: page a SELECT
                q = f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o"
                for row in self.query(q, union=False):
                    yield ox.Quad(row["s"], row["p"], row["o"], g)
                continue
            r = self._gsp("GET", name)
            if r.status_code == 404:
                continue
            if r.status_code >= 400:
                raise StoreError(f"store {self.url}: cannot read graph <{name}> ({r.status_code})")
            ctype = r.headers.get("content-type", "").split(";")[0].strip()
            fmt = ox.RdfFormat.N_TRIPLES if ctype == _NT else ox.RdfFormat.TURTLE
            for t in ox.parse(r.content, format=fmt):
                yield ox.Quad(t.subject, t.predicate, t.object, g)

    def graph(self, name: str) -> Graph:
        """One named graph as an rdflib Graph."""
        return to_graph(self.quads(name))

    def dump(self, output: Path | None, fmt: ox.RdfFormat, *, graph: str | None = None) -> bytes | None:
        """Serialize kg's graphs (or one graph), read graph by graph through the Graph Store Protocol."""
        items: list[Any] = list(self.quads(graph))
        if not fmt.supports_datasets:
            items = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in items))
        prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        return ox.serialize(items, str(output) if output is not None else None, fmt, prefixes=prefixes)

    def bulk_load(self, path: Path, fmt: ox.RdfFormat) -> None:
        """Load an RDF file: its quads go to their graphs by GSP POST, one request per graph."""
        self._writable()
        by_graph: dict[str, list[ox.Triple]] = {}
        try:
            for q in ox.parse(path=str(path), format=fmt):
                g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else str(GRAPH["default"])
                by_graph.setdefault(g, []).append(ox.Triple(q.subject, q.predicate, q.object))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"cannot load {path}: {e}") from None
        for name, ts in by_graph.items():
            buf = io.BytesIO()
            ox.serialize(ts, buf, ox.RdfFormat.N_TRIPLES)
            r = self._gsp("POST", name, buf.getvalue())
            if r.status_code >= 400:
                raise StoreError(f"store {self.url}: cannot load into <{name}> ({r.status_code})")

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __del__(self) -> None:  # a store dropped without close() must not leak its sockets
        http = getattr(self, "_http", None)
        if http is not None:
            http.close()

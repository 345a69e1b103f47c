"""The read-only SPARQL 1.1 endpoint as a starlette app (``kg serve`` runs it with uvicorn).

Routes::

    GET  /sparql?query=…                     a query in the URL (SPARQL 1.1 Protocol)
    POST /sparql                             a form (query=…) or an application/sparql-query body
    GET  /sparql                             without a query: the Service Description
    GET  /store?graph=IRI | /store?default   Graph Store Protocol reads
    GET  /queries                            the stored queries as JSON
    GET  /queries/NAME?param=value&…         run one stored query
    GET  /query                              the query page (also at / until the web app takes /)
    GET  /context.jsonld                     kg's JSON-LD context, when the package ships one

``default-graph-uri`` / ``named-graph-uri`` set the dataset (replacing a query's FROM); a query without them
and without FROM reads the union of every graph. Every query runs in a worker process of a
:class:`kg.querypool.QueryPool`, under the time, row and memory limits of :class:`kg.querylimits.QueryLimits`.
Status codes: 400 malformed request or query, 403 update or SERVICE, 404 unknown stored query or graph,
406 no acceptable format, 413/414 body/URL too large, 503 a query stopped at a limit or every worker busy.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from kg.endpoint import protocol
from kg.endpoint.description import description_triples
from kg.endpoint.guard import Guard, allowed_hosts
from kg.errors import InputError, KgError, QueryError, QueryLimitExceeded, QueryRefused, StoreError, UsageError
from kg.namespaces import PREFIXES
from kg.paths import data_dir
from kg.queries import (
    WHOLE_STORE,
    Dataset,
    QueryResult,
    StoredQuery,
    get_query,
    load_queries,
    parse_query,
    query_form,
)
from kg.querylimits import QueryLimits
from kg.querypool import QueryPool, ServerPool
from kg.queryworker import StoreSource
from kg.results import GRAPH_FORMATS, media_type, serialize, stream_serialize
from kg.store import is_remote, open_store
from kg.store.base import Store
from kg.web import routes as web_routes

_GRAPH_QUERY = parse_query(
    "# title: one graph\n# param: g IRI required\nCONSTRUCT { ?s ?p ?o } WHERE { GRAPH $g { ?s ?p ?o } }", "graph"
)
_DEFAULT_GRAPH_QUERY = parse_query("# title: the default graph\nCONSTRUCT WHERE { ?s ?p ?o }", "default-graph")


@dataclass(frozen=True)
class EndpointSettings:
    """How the endpoint runs: query limits, worker processes, browser origins, Host names, request sizes."""

    limits: QueryLimits = QueryLimits()
    workers: int = 4
    cors: Sequence[str] = ()
    host: str = "127.0.0.1"
    allow_hosts: Sequence[str] = ()
    max_url: int = 256 * 1024
    max_body: int = 1024 * 1024


def _status(e: KgError) -> int:
    if isinstance(e, QueryRefused):
        return 403
    if isinstance(e, QueryLimitExceeded):
        return 503
    if isinstance(e, UsageError | QueryError | InputError):
        return 400
    return 500


def _error(e: KgError) -> Response:
    return PlainTextResponse(" ".join(str(e).split()) + "\n", status_code=_status(e))


def _context_file() -> Path | None:
    """kg's JSON-LD context, where the package ships one."""
    candidates = [resources.files("kg") / "context.jsonld", resources.files("kg") / "data" / "context.jsonld"]
    with contextlib.suppress(KgError):
        candidates.append(data_dir("ontology") / "context.jsonld")
    for c in candidates:
        if c.is_file():
            return Path(str(c))
    return None


class _Reopening:
    """The store of a pool's source, opened read-only afresh for each call, so pages see later ingests."""

    def __init__(self, source: StoreSource) -> None:
        self.source = source

    def __getattr__(self, name: str) -> Any:
        if self.source.path is None:
            raise StoreError("the claims browser needs a store on disk")
        return getattr(open_store(self.source.path, read_only=True), name)


def _web_store(store: Store | QueryPool | ServerPool, pool: QueryPool | ServerPool) -> Any:
    """What the claims browser reads: the server's store, the store given, or a pool's store reopened per call."""
    if isinstance(pool, ServerPool):
        return pool.store
    if isinstance(pool, QueryPool) and store is pool:
        return _Reopening(pool.source)
    return store


def create_app(store: Store | QueryPool | ServerPool, *, settings: EndpointSettings | None = None,
               timeout: float | None = None, cors: Sequence[str] | None = None) -> Starlette:
    """The endpoint over *store* (or over the workers of a pool made for it).

    *timeout* and *cors* are short-hands for the same fields of *settings*.
    """
    settings = settings or EndpointSettings()
    if timeout is not None:
        settings = dataclasses.replace(settings, limits=settings.limits.with_(timeout=timeout))
    if cors is not None:
        settings = dataclasses.replace(settings, cors=tuple(cors))
    pool: QueryPool | ServerPool
    if isinstance(store, QueryPool | ServerPool):
        pool = store
    elif is_remote(getattr(store, "url", None)):  # a SPARQL server: queries pass to it
        pool = ServerPool(store, limits=settings.limits)
    else:
        pool = QueryPool.over(store, limits=settings.limits, workers=settings.workers)
    page = resources.files("kg.endpoint") / "static" / "query.html"

    async def run(query: StoredQuery, values: dict[str, str], dataset: Dataset = WHOLE_STORE,
                  limits: QueryLimits | None = None) -> QueryResult:
        return await run_in_threadpool(pool.run, query, values, dataset=dataset, limits=limits)

    def answer(request: Request, result: QueryResult, req: protocol.SparqlRequest) -> Response:
        accept = request.headers.get("accept")
        fmt = protocol.choose_format(req, accept, graph=result.is_graph)
        if fmt is None and protocol.negotiate(accept, graph=not result.is_graph):
            # a SPARQL client that asked only for the other kind of result (rdflib's SPARQLStore sends a
            # CONSTRUCT with Accept: application/sparql-results+json): the default format, not a 406
            fmt = "turtle" if result.is_graph else "json"
        if fmt is None:
            kinds = ", ".join(protocol.kinds(result.is_graph))
            return PlainTextResponse(f"not acceptable; this result can be sent as {kinds}\n", status_code=406)
        headers = {"x-kg-note": result.note} if result.note else {}
        return Response(serialize(result, fmt), media_type=media_type(result, fmt), headers=headers)

    async def respond(request: Request, query: StoredQuery, values: dict[str, str], req: protocol.SparqlRequest,
                      dataset: Dataset = WHOLE_STORE) -> Response:
        """The answer to *query*: a SELECT of more than one part is streamed as its rows come."""
        if query_form(query.text) != "SELECT":
            return answer(request, await run(query, values, dataset), req)
        parts = pool.stream(query, values, dataset=dataset)
        first = await run_in_threadpool(next, parts, None)
        second = await run_in_threadpool(next, parts, None) if first is not None else None
        if first is None or second is None:  # one part: the whole result, its note in a header
            return answer(request, first or QueryResult(form="SELECT"), req)
        accept = request.headers.get("accept")
        fmt = protocol.choose_format(req, accept, graph=False)
        if fmt is None and protocol.negotiate(accept, graph=True):
            fmt = "json"
        if fmt is None:
            parts.close()
            kinds = ", ".join(protocol.kinds(False))
            return PlainTextResponse(f"not acceptable; this result can be sent as {kinds}\n", status_code=406)
        cap = settings.limits.max_rows
        headers = {"x-kg-max-rows": str(cap)} if cap is not None else {}  # a cut stream ends at this many rows
        body = _cut_on_error(stream_serialize(itertools.chain([first, second], parts), fmt))
        return StreamingResponse(body, media_type=media_type(first, fmt), headers=headers)

    async def read(request: Request) -> protocol.SparqlRequest:
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        if request.method == "GET":
            return protocol.from_params(params)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return protocol.SparqlRequest(query=None, update=True)
        if ctype == "application/sparql-query":
            return protocol.from_params(params, body_query=protocol.decode_query(await request.body()))
        if ctype == "application/x-www-form-urlencoded":
            form = protocol.parse_form(await request.body())
            return protocol.from_params({**params, **form})
        raise _Unsupported

    async def sparql(request: Request) -> Response:
        try:
            req = await read(request)
        except _Unsupported:
            return PlainTextResponse("POST a query as application/sparql-query or a form with query=\n",
                                     status_code=415)
        except KgError as e:
            return _error(e)
        if req.update:
            return PlainTextResponse("this endpoint is read-only; SPARQL Update is refused\n", status_code=403)
        if req.query is None and request.method == "GET":
            return describe(request, req)
        if not req.query:
            return PlainTextResponse("missing query= parameter\n", status_code=400)
        try:
            query = parse_query(req.query, "query", strict=False)
            return await respond(request, query, {}, req, Dataset(req.default_graphs, req.named_graphs))
        except KgError as e:
            return _error(e)

    def describe(request: Request, req: protocol.SparqlRequest) -> Response:
        accept = request.headers.get("accept", "")
        if "text/html" in accept and not req.formats:
            return Response(status_code=303, headers={"location": "/query"})
        fmt = protocol.choose_format(req, accept, graph=True) or "turtle"
        body = ox.serialize(description_triples(str(request.url_for("sparql"))), None, GRAPH_FORMATS[fmt])
        return Response(body or b"", media_type=GRAPH_FORMATS[fmt].media_type)

    async def graph_store(request: Request) -> Response:
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        req = protocol.from_params(params)
        whole = dataclasses.replace(settings.limits, max_rows=None)
        try:
            if "default" in params and "graph" not in params:
                result = await run(_DEFAULT_GRAPH_QUERY, {}, limits=whole)
            elif len(params.get("graph", [])) == 1:
                result = await run(_GRAPH_QUERY, {"g": params["graph"][0]}, limits=whole)
                if not result.triples:
                    return PlainTextResponse(f"no graph <{params['graph'][0]}> in this store\n", status_code=404)
            else:
                raise UsageError("give ?graph=IRI or ?default")
            return answer(request, result, req)
        except KgError as e:
            return _error(e)

    async def list_queries(request: Request) -> Response:
        return JSONResponse([
            {
                "name": q.name, "title": q.title, "description": q.description, "form": q.form,
                "params": [
                    {"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                     "description": p.description}
                    for p in q.params
                ],
                "examples": q.examples,
                "text": q.text,
            }
            for q in load_queries().values()
        ])

    async def stored(request: Request) -> Response:
        try:
            q = get_query(request.path_params["name"])
        except UsageError as e:
            return PlainTextResponse(str(e) + "\n", status_code=404)
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        values = {k: v[-1] for k, v in params.items() if k not in protocol.FORMAT_PARAMS}
        try:
            return await respond(request, q, values, protocol.from_params(params))
        except KgError as e:
            return _error(e)

    html = page.read_text(encoding="utf-8").replace("/*PREFIXES*/{}", json.dumps(PREFIXES))

    async def query_page(request: Request) -> Response:
        return HTMLResponse(html)

    async def context(request: Request) -> Response:
        found = _context_file()
        if found is None:
            return PlainTextResponse("this kg ships no JSON-LD context\n", status_code=404)
        return FileResponse(found, media_type="application/ld+json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    middleware = [Middleware(Guard, hosts=allowed_hosts(settings.host, settings.allow_hosts),
                             max_url=settings.max_url, max_body=settings.max_body)]
    if settings.cors:
        middleware.append(Middleware(
            CORSMiddleware, allow_origins=list(settings.cors), allow_methods=["GET", "POST"], allow_headers=["*"]
        ))
    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/store", graph_store, methods=["GET"]),
        Route("/queries", list_queries, methods=["GET"]),
        Route("/queries/{name}", stored, methods=["GET"]),
        Route("/query", query_page, methods=["GET"]),
        Route("/context.jsonld", context, methods=["GET"]),
        # the claims browser (kg.web): / and its pages, after the endpoint's routes
        *web_routes(_web_store(store, pool)),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


class _Unsupported(Exception):
    pass


def _cut_on_error(body: Iterator[bytes]) -> Iterator[bytes]:
    """A streamed result whose query fails after its first parts were sent (out of time, out of memory) ends
    there, its document left unclosed, as Fuseki and Blazegraph do: the status line is gone, and a result
    parser sees it incomplete instead of taking a well-formed prefix for the answer."""
    try:
        yield from body
    except KgError:
        return

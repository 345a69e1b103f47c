"""A read-only SPARQL 1.1 Protocol endpoint over a kg store (starlette; ``kg serve`` runs it with uvicorn).

Routes::

    GET  /sparql?query=…                          a query in the URL
    POST /sparql  (application/x-www-form-urlencoded, query=…)
    POST /sparql  (application/sparql-query body)
    GET  /queries                                 the stored queries as JSON
    GET  /queries/NAME?param=value&…              run one stored query

Results follow the Accept header: SELECT/ASK as SPARQL results JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE
as Turtle (default), N-Triples or JSON-LD. ``?format=csv`` (a name from ``kg.results.FORMATS``) overrides Accept.
Updates (``update=`` or application/sparql-update) are refused with 403, malformed queries and bad parameters
get 400, an unsatisfiable Accept 406, a query over the time limit 503. Every query goes through
:func:`kg.queries.run_query`, so it is read-only whatever the store; open the store read-only as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route

from kg.errors import KgError, QueryError, UsageError
from kg.queries import QueryResult, StoredQuery, get_query, load_queries, run_query
from kg.results import GRAPH_FORMATS, SOLUTION_FORMATS, media_type, serialize
from kg.store.base import Store
from kg.web import routes as web_routes

_SOLUTION_TYPES = {SOLUTION_FORMATS[f].media_type.split(";")[0]: f for f in SOLUTION_FORMATS} | {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml", "text/plain": "tsv",
}
_GRAPH_TYPES = {GRAPH_FORMATS[f].media_type.split(";")[0]: f for f in GRAPH_FORMATS} | {
    "application/json": "jsonld", "text/plain": "ntriples", "application/x-turtle": "turtle",
}


def negotiate(accept: str | None, result: QueryResult) -> str | None:
    """The format name to answer *accept* with, or None when nothing offered is acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", QueryResult(form="SELECT"))
    'xml'
    >>> negotiate(None, QueryResult(form="CONSTRUCT"))
    'turtle'
    """
    offered = _GRAPH_TYPES if result.is_graph else _SOLUTION_TYPES
    default = "turtle" if result.is_graph else "json"
    if not accept or not accept.strip():
        return default
    ranges = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0 and media:
            ranges.append((-q, i, media.lower()))
    for _, _, media in sorted(ranges):
        if media in offered:
            return offered[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            kind = media[:-1]
            match = next((f for m, f in offered.items() if m.startswith(kind)), None)
            if match:
                return match
    return None


def _error(e: KgError) -> Response:
    if isinstance(e, QueryError) and "read-only" in e.message:
        status = 403
    elif isinstance(e, QueryError) and "timed out" in e.message:
        status = 503
    elif isinstance(e, QueryError | UsageError):
        status = 400
    else:
        status = 500
    return PlainTextResponse(str(e) + "\n", status_code=status)


def create_app(store: Store, *, timeout: float | None = 30.0, cors: Sequence[str] = ()) -> Starlette:
    """The endpoint as an ASGI app over *store*; *cors* lists the browser origins allowed (none by default)."""

    async def answer(request: Request, query: StoredQuery | str, values: dict[str, str]) -> Response:
        try:
            result = await run_in_threadpool(run_query, store, query, values, timeout=timeout)
        except KgError as e:
            return _error(e)
        fmt = request.query_params.get("format") or negotiate(request.headers.get("accept"), result)
        if fmt is None:
            kinds = ", ".join(_GRAPH_TYPES if result.is_graph else _SOLUTION_TYPES)
            return PlainTextResponse(f"not acceptable; this result can be sent as {kinds}\n", status_code=406)
        try:
            body = serialize(result, fmt)
        except UsageError as e:
            return _error(e)
        return Response(body, media_type=media_type(result, "jsonld" if fmt == "json" and result.is_graph else fmt))

    async def sparql(request: Request) -> Response:
        text: str | None
        if request.method == "GET":
            if "update" in request.query_params:
                return _refuse()
            text = request.query_params.get("query")
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                return _refuse()
            if ctype == "application/sparql-query":
                text = (await request.body()).decode("utf-8", errors="replace")
            elif ctype == "application/x-www-form-urlencoded":
                # parsed here rather than with request.form(), which needs python-multipart
                form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
                if "update" in form:
                    return _refuse()
                text = form.get("query", [None])[0]
            else:
                return PlainTextResponse(
                    "POST a query as application/sparql-query or a form with query=\n", status_code=415
                )
        if not text:
            return PlainTextResponse("missing query= parameter\n", status_code=400)
        return await answer(request, text, {})

    async def list_queries(request: Request) -> Response:
        return JSONResponse([
            {
                "name": q.name, "title": q.title, "description": q.description, "form": q.form,
                "params": [
                    {"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                     "description": p.description}
                    for p in q.params
                ],
            }
            for q in load_queries().values()
        ])

    async def stored(request: Request) -> Response:
        try:
            q = get_query(request.path_params["name"])
        except UsageError as e:
            return PlainTextResponse(str(e) + "\n", status_code=404)
        values = {k: v for k, v in request.query_params.items() if k != "format"}
        return await answer(request, q, values)

    middleware = []
    if cors:
        middleware.append(Middleware(
            CORSMiddleware, allow_origins=list(cors), allow_methods=["GET", "POST"], allow_headers=["*"]
        ))
    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", list_queries, methods=["GET"]),
        Route("/queries/{name}", stored, methods=["GET"]),
        Mount("/", routes=web_routes(store)),  # the claims browser (kg.web); last: it answers every other path
    ]
    return Starlette(routes=routes, middleware=middleware)


def _refuse() -> Response:
    return PlainTextResponse("this endpoint is read-only; SPARQL Update is refused\n", status_code=403)

"""The claims browser as a Starlette app: routes, URL scheme and request handlers (templates under ``templates/``).

Pages (every one a stable URL, all GET, read-only)::

    /articles                     the article list (?outlet=IRI &actor=IRI &since=DATE &until=DATE)
    /articles/<key>               one article with its claims highlighted     (any IRI: /articles?iri=IRI)
    /predictions                  the prediction table (?sort=made|status|predictor|deadline|probability &desc=1
                                  &status=open|confirmed|…)
    /predictions/<key>/<id>       one prediction, its claim, history and evidence  (any IRI: /predictions?iri=IRI)
    /actors                       the actor list
    /actors/<id>                  one actor                                   (any IRI: /actors?iri=IRI)
    /scorecard                    scores by predictor and by outlet, with the calibration and timeline plots
    /rdf?iri=IRI&format=turtle|jsonld   the triples of a node, as a download

A page path is the entity's IRI with its kg namespace (``kgd:``, ``kga:``) taken off: a compact form of the IRI, not
a reading of it; an IRI outside those namespaces is passed whole as ``?iri=``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from kg.errors import KgError, UsageError
from kg.namespaces import ACTOR, ARTICLE, KG, PREDICTION_STATUSES
from kg.queries import to_term
from kg.results import media_type, serialize
from kg.store.base import Store
from kg.web import data, forecasts
from kg.web.fields import fields, number, tooltip
from kg.web.highlight import anchor, highlight

HERE = Path(__file__).parent
ACTOR_CHOICES = 300
"""The most involved actors offered by the article filter (any actor: ``/articles?actor=IRI``)."""
PAGE_SIZE = 100
"""Rows per page of the article and prediction lists (``?page=N``)."""
T = TypeVar("T")
DOWNLOADS = {"turtle": "ttl", "jsonld": "jsonld"}
_NAMESPACES = {"articles": str(ARTICLE), "predictions": str(ARTICLE), "actors": str(ACTOR)}


def page_url(section: str, iri: str) -> str:
    """The stable URL of an entity's page in *section* (articles, predictions, actors).

    >>> page_url("actors", "https://w3id.org/kg/id/actor/donald-trump")
    '/actors/donald-trump'
    >>> page_url("actors", "https://example.org/x?y")
    '/actors?iri=https%3A%2F%2Fexample.org%2Fx%3Fy'
    """
    ns = _NAMESPACES[section]
    rest = iri[len(ns):] if iri.startswith(ns) else ""
    if rest and quote(rest, safe="/-._~") == rest and "//" not in rest and not rest.endswith("/"):
        return f"/{section}/{rest}"
    return f"/{section}?{urlencode({'iri': iri})}"


def rdf_url(iri: str, fmt: str) -> str:
    """The download URL of a node's triples."""
    return "/rdf?" + urlencode({"iri": iri, "format": fmt})


def wikidata_url(iri: str) -> str | None:
    """The human page of a Wikidata entity IRI (``/entity/Q1`` -> ``/wiki/Q1``), None if it is not a web link."""
    return web_link(iri.replace("http://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/", 1))


def web_link(url: str | None) -> str | None:
    """*url* when it is safe to put in an ``href`` (http or https), else None: an article's URL is untrusted.

    >>> web_link("https://example.org/a"), web_link("javascript:alert(1)//https://x"), web_link(" JAVASCRIPT:x")
    ('https://example.org/a', None, None)
    """
    if url and urlsplit(url).scheme.lower() in ("http", "https") and url == url.strip():
        return url
    return None


@dataclass(frozen=True)
class Pager:
    """One page of a long list: which items it shows and the links to the pages around it."""

    first: int  # 1-based index of the first item shown
    last: int
    total: int
    previous: str | None
    next: str | None


def paginate(items: Sequence[T], request: Request, *, size: int | None = None) -> tuple[Sequence[T], Pager]:
    """The items of the page ``?page=N`` (1-based, :data:`PAGE_SIZE` items) and its pager; a page past the end
    shows the last one."""
    size = size or PAGE_SIZE
    try:
        number = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        raise UsageError("page must be a whole number") from None
    pages = max(1, -(-len(items) // size))
    number = min(number, pages)

    def link(n: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"] + [("page", str(n))]
        return f"{request.url.path}?{urlencode(params)}"

    start = (number - 1) * size
    shown = items[start:start + size]
    return shown, Pager(
        start + 1 if shown else 0, start + len(shown), len(items),
        link(number - 1) if number > 1 else None, link(number + 1) if number < pages else None,
    )


def _iri(request: Request, section: str) -> str | None:
    """The IRI a page request names: ``?iri=`` or the path under the section's namespace."""
    if "iri" in request.query_params:
        return request.query_params["iri"]
    rest = request.path_params.get("rest")
    return _NAMESPACES[section] + rest if rest else None


def _checked(name: str, value: str | None, kind: str) -> str | None:
    """A query parameter checked like a stored-query parameter (UsageError when it is malformed)."""
    if not value:
        return None
    from kg.queries import Param

    return str(to_term(Param(name, kind), value).value)


class Pages:
    """The handlers, over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
        self.templates = Jinja2Templates(env=env)
        env.globals.update(
            page_url=page_url, rdf_url=rdf_url, wikidata_url=wikidata_url, web_link=web_link, anchor=anchor,
            number=number, KG=KG, statuses=PREDICTION_STATUSES, sorts=forecasts.SORTS, downloads=DOWNLOADS,
        )

    async def render(self, request: Request, template: str, build: Callable[[], dict[str, Any]]) -> Response:
        """Build the page context off the event loop; a bad parameter is a 400, an unknown entity a 404."""
        try:
            context = await run_in_threadpool(build)
        except UsageError as e:
            return PlainTextResponse(f"{e}\n", status_code=400)
        except KgError as e:
            return PlainTextResponse(f"{e}\n", status_code=500)
        if context.get("missing"):
            return self.templates.TemplateResponse(request, "missing.html", context, status_code=404)
        return self.templates.TemplateResponse(request, template, context)

    def labels(self) -> data.Labels:
        return data.labels(self.store)

    # -- articles
    async def articles(self, request: Request) -> Response:
        iri = _iri(request, "articles")
        if iri:
            return await self.article(request, iri)
        q = request.query_params

        def build() -> dict[str, Any]:
            filters = {
                "outlet": _checked("outlet", q.get("outlet"), "IRI"), "actor": _checked("actor", q.get("actor"), "IRI"),
                "since": _checked("since", q.get("since"), "date"), "until": _checked("until", q.get("until"), "date"),
            }
            name = self.labels()
            shown, pager = paginate(data.articles(self.store, **filters), request)
            return {
                "name": name, "articles": shown, "pager": pager, "filters": filters,
                "outlets": data.outlets(self.store), "actors": data.actors(self.store, name)[:ACTOR_CHOICES],
            }

        return await self.render(request, "articles.html", build)

    async def article(self, request: Request, iri: str) -> Response:
        def build() -> dict[str, Any]:
            page = data.article(self.store, _checked("iri", iri, "IRI") or "")
            if page is None:
                return {"missing": iri, "section": "articles"}
            name = self.labels()
            tips = {c.iri: tooltip(c, name) for c in page.claims}
            return {
                "name": name, "page": page, "text": highlight(page.body, data.marks(page.claims, tips)),
                "cards": [(c, fields(c, name)) for c in page.claims],
            }

        return await self.render(request, "article.html", build)

    # -- predictions
    async def predictions(self, request: Request) -> Response:
        iri = _iri(request, "predictions")
        if iri:
            return await self.prediction(request, iri)
        q = request.query_params

        def build() -> dict[str, Any]:
            sort, desc = q.get("sort", "made"), q.get("desc") == "1"
            status = q.get("status") or None
            lines = forecasts.predictions(self.store, sort=sort, descending=desc, status=status)
            shown, pager = paginate(lines, request)
            return {"name": self.labels(), "lines": shown, "pager": pager, "sort": sort, "desc": desc, "status": status}

        return await self.render(request, "predictions.html", build)

    async def prediction(self, request: Request, iri: str) -> Response:
        def build() -> dict[str, Any]:
            page = forecasts.prediction(self.store, _checked("iri", iri, "IRI") or "")
            if page is None:
                return {"missing": iri, "section": "predictions"}
            name = self.labels()
            claim = data.Claim(iri, page.props, "prediction", status=page.status, review=page.review)
            return {"name": name, "page": page, "fields": fields(claim, name)}

        return await self.render(request, "prediction.html", build)

    # -- actors
    async def actors(self, request: Request) -> Response:
        iri = _iri(request, "actors")
        if iri:
            return await self.actor(request, iri)

        def build() -> dict[str, Any]:
            name = self.labels()
            shown, pager = paginate(data.actors(self.store, name), request)
            return {"name": name, "actors": shown, "pager": pager}

        return await self.render(request, "actors.html", build)

    async def actor(self, request: Request, iri: str) -> Response:
        def build() -> dict[str, Any]:
            page = data.actor(self.store, _checked("iri", iri, "IRI") or "")
            if page is None:
                return {"missing": iri, "section": "actors"}
            lines = forecasts.predictions(self.store, predictor=page.iri)
            cards = forecasts.scorecards([line.row for line in lines]) if lines else None
            return {"name": self.labels(), "page": page, "lines": lines, "cards": cards}

        return await self.render(request, "actor.html", build)

    # -- scorecard and downloads
    async def scorecard(self, request: Request) -> Response:
        def build() -> dict[str, Any]:
            lines = forecasts.predictions(self.store)
            name = self.labels()
            predictors = {line.row.predictor: line.predictor for line in lines}
            outlets = {name(o): o for o in data.outlets(self.store)}
            return {
                "name": name, "cards": forecasts.scorecards([line.row for line in lines]),
                "predictors": predictors, "outlets": outlets, "count": len(lines),
            }

        return await self.render(request, "scorecard.html", build)

    async def rdf(self, request: Request) -> Response:
        fmt = request.query_params.get("format", "turtle")
        if fmt not in DOWNLOADS:
            return PlainTextResponse(f"format must be one of {', '.join(DOWNLOADS)}\n", status_code=400)
        try:
            iri = _checked("iri", request.query_params.get("iri"), "IRI")
            if not iri:
                raise UsageError("missing iri= parameter")
            result = await run_in_threadpool(data.describe, self.store, iri)
        except UsageError as e:
            return PlainTextResponse(f"{e}\n", status_code=400)
        except KgError as e:
            return PlainTextResponse(f"{e}\n", status_code=500)
        if not result.triples:
            return PlainTextResponse(f"nothing is known about <{iri}>\n", status_code=404)
        body = serialize(result, fmt)
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in iri.split("://", 1)[-1])[-80:]
        headers = {"Content-Disposition": f'attachment; filename="{stem}.{DOWNLOADS[fmt]}"'}
        return Response(body, media_type=media_type(result, fmt), headers=headers)


def routes(store: Store) -> list[BaseRoute]:
    """The routes of the claims browser over *store* (mount them at ``/``)."""
    pages = Pages(store)

    async def home(request: Request) -> Response:
        return RedirectResponse("/articles", status_code=307)

    return [
        Route("/", home),
        Route("/articles", pages.articles),
        Route("/articles/{rest:path}", pages.articles),
        Route("/predictions", pages.predictions),
        Route("/predictions/{rest:path}", pages.predictions),
        Route("/actors", pages.actors),
        Route("/actors/{rest:path}", pages.actors),
        Route("/scorecard", pages.scorecard),
        Route("/rdf", pages.rdf),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]


def create_app(store: Store) -> Starlette:
    """The claims browser as an ASGI app of its own (``kg serve`` mounts :func:`routes` next to the endpoint)."""
    return Starlette(routes=routes(store))


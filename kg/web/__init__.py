"""The claims browser: a small read-only web app over a kg store (server-rendered HTML, no client-side code).

``kg serve`` mounts :func:`routes` at ``/`` next to the SPARQL endpoint; :func:`create_app` serves it alone.
"""

from kg.web.app import create_app, page_url, routes

__all__ = ["create_app", "page_url", "routes"]

"""The read-only SPARQL 1.1 endpoint of ``kg serve``: the app (:mod:`kg.endpoint.app`), what a request asks
(:mod:`kg.endpoint.protocol`), the Host and size checks (:mod:`kg.endpoint.guard`), the Service Description
(:mod:`kg.endpoint.description`) and the query page (``static/query.html``)."""

from kg.endpoint.app import EndpointSettings, create_app
from kg.endpoint.server import serve

__all__ = ["EndpointSettings", "create_app", "serve"]

"""kg: a knowledge graph of who said, met and predicted what in news articles.

The library is the product; ``kg.cli`` is a thin command line over it. The API (docs/api.md):

- :func:`open_store` opens the on-disk store (or one in memory),
- :func:`extract` reads one article's records without storing them,
- :func:`ingest` extracts, validates and stores articles given as text, records or files,
- :func:`load` loads RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into named graphs,
- :func:`query` runs a stored query by name, or SPARQL, with parameters bound as RDF terms,
- :func:`resolve` judges predictions against later sources; :func:`scorecard` scores the judged ones,
- :func:`dataset` is an rdflib Dataset view of the store.

>>> import kg
>>> kg.__version__
'0.1.0'

``kg.extract``, ``kg.ingest`` and ``kg.resolve`` are these functions even though modules of the same names
exist (``kg/extract/``, ``kg/ingest.py``, ``kg/resolve/``): import those with ``from kg.extract import ...``.
"""

import sys
import types

__version__ = "0.1.0"

from typing import Any  # noqa: E402

from kg.errors import KgError  # noqa: E402

__all__ = [
    "ArticleRecord",
    "KgError",
    "Records",
    "__version__",
    "dataset",
    "extract",
    "ingest",
    "load",
    "open_store",
    "query",
    "resolve",
    "scorecard",
]

_API_NAMES = frozenset(__all__) - {"KgError", "__version__", "ArticleRecord", "Records"}


def __getattr__(name: str) -> Any:
    # imported on first use, so that the instance base (KG_BASE, ``kg --base``) can still be set before
    # kg.namespaces builds its namespaces
    if name in ("Records", "ArticleRecord"):
        import kg.records

        return getattr(kg.records, name)
    if name in _API_NAMES:
        import kg.api

        return getattr(kg.api, name)
    raise AttributeError(name)


class _Package(types.ModuleType):
    """The ``kg`` package, whose API functions win over its same-named submodules.

    Importing a submodule sets it as an attribute of its package; for ``kg.extract``, ``kg.ingest`` and
    ``kg.resolve`` that would replace the API function with the module, so such assignments are skipped (the
    modules stay importable by name: ``sys.modules`` and ``from kg.ingest import ...`` are unaffected).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _API_NAMES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

"""kg: a knowledge graph of who said, met and predicted what in news articles.

The library is the product; ``kg.cli`` is a thin command line over it.
"""

__version__ = "0.1.0"

from typing import Any  # noqa: E402

from kg.errors import KgError  # noqa: E402

__all__ = ["KgError", "Records", "__version__"]


def __getattr__(name: str) -> Any:
    # imported on first use, so that the instance base (KG_BASE, ``kg --base``) can still be set before
    # kg.namespaces builds its namespaces
    if name == "Records":
        from kg.records import Records

        return Records
    raise AttributeError(name)

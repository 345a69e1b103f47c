"""kg: a knowledge graph of who said, met and predicted what in news articles.

The library is the product; ``kg.cli`` is a thin command line over it.
"""

__version__ = "0.1.0"

from kg.errors import KgError  # noqa: E402
from kg.records import Records  # noqa: E402

__all__ = ["KgError", "Records", "__version__"]

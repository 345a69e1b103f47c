"""The one error tree of kg. The CLI catches ``KgError`` at one place and prints one line.

::

    KgError                      base; ``exit_code`` says how the CLI ends (3 unless said otherwise)
    ├── InputError               a file or value a user gave cannot be read (missing, empty, binary, not UTF-8,
    │   │                        malformed JSON/HTML/RDF, too large)                               exit 3
    │   └── RecordsError         an article-records JSON document breaks the contract                 exit 3
    ├── UsageError               options that do not fit together, unknown parameter or format         exit 2
    ├── StoreError               the store cannot be opened or written (locked, corrupt, read-only)    exit 3
    ├── QueryError               a SPARQL query is malformed, too large or too deeply nested           exit 3
    │   ├── QueryRefused         an update, or a federated query (SERVICE): kg only reads its store    exit 3
    │   └── QueryLimitExceeded   the query ran out of time or memory, or every worker was busy         exit 3
    ├── ValidationFailed         data violates the SHACL shapes (carries the report)                   exit 1
    ├── ShapesUnsupported        a shapes graph uses a construct kg's SPARQL engine cannot compile      exit 3
    └── ReasonerError            the OWL reasoner could not run (no Java, ...)                         exit 3
"""

from __future__ import annotations

from typing import Any


class KgError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code: int = 3

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class InputError(KgError):
    """A file or value given by the user cannot be read."""


class RecordsError(InputError):
    """An article-records JSON document does not follow the contract (docs/records.md)."""


class UsageError(KgError):
    """Options or parameters that do not fit together."""

    exit_code = 2


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed, refused or timed out."""


class QueryRefused(QueryError):
    """A query kg will not run: SPARQL Update, or a federated query (SERVICE)."""


class QueryLimitExceeded(QueryError):
    """A query ran past its time or memory limit (it was stopped), or no worker was free in time."""


class ValidationFailed(KgError):
    """Data violates the SHACL shapes; ``report`` holds the details."""

    exit_code = 1

    def __init__(self, message: str, *, report: Any = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.report = report


class ShapesUnsupported(KgError):
    """A shapes graph uses a SHACL construct that kg.shacl cannot compile to SPARQL (callers use pySHACL)."""


class ReasonerError(KgError):
    """The OWL reasoner could not be run."""

"""Where kg finds its data folders (ontology/, shapes/, queries/, seeds/, lexicon/), resolved in this one place.

Order: the ``KG_HOME`` environment variable (a folder holding them), then the source checkout this package
sits in (editable installs and ``python -m kg`` from a clone), then the copy a regular install puts under
``<prefix>/share/kg`` (pyproject.toml's data-files).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from kg.errors import KgError

_FOLDERS = ("ontology", "shapes", "queries", "seeds", "lexicon")


@cache
def home() -> Path:
    """The folder holding ontology/, shapes/, queries/ and seeds/."""
    candidates = []
    if os.environ.get("KG_HOME"):
        candidates.append(Path(os.environ["KG_HOME"]))
    here = Path(__file__).resolve().parent
    candidates += [here.parent, Path(sys.prefix) / "share" / "kg"]
    for c in candidates:
        if (c / "ontology").is_dir() and (c / "shapes").is_dir():
            return c
    raise KgError("kg data folders (ontology/, shapes/) not found", hint="set KG_HOME to a kg checkout")


def data_dir(name: str) -> Path:
    """One of the data folders: ``data_dir("queries")``."""
    if name not in _FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    return home() / name

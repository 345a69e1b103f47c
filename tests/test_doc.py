"""The doctests of every kg module (the examples in docstrings are documentation: they must run)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import kg

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(kg.__path__, prefix="kg.") if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", ["kg", *MODULES])
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) of {name} failed (run pytest --doctest-modules {name})"


def test_api_is_documented() -> None:
    for name in kg.__all__:
        obj = getattr(kg, name)
        if callable(obj) and not isinstance(obj, type):
            assert obj.__doc__ and obj.__module__ == "kg.api", name


def test_api_document() -> None:
    """The examples of docs/api.md run as written."""
    path = Path(__file__).parents[1] / "docs" / "api.md"
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 10 and result.failed == 0

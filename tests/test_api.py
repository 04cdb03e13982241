"""Conventions that hold for the whole package (DESIGN.md): every module declares __all__,
everything it exports exists, and every public function has a docstring with an example."""

import importlib
import inspect
import pkgutil

import pytest

import coalitions as co

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(co.__path__, prefix="coalitions.")
    if not name.startswith("coalitions.cli") and name != "coalitions.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_module_declares_all(name):
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    for exported in module.__all__:
        assert hasattr(module, exported), f"{name}.__all__ names missing {exported!r}"


def test_top_level_exports_exist():
    for exported in co.__all__:
        assert hasattr(co, exported), exported


@pytest.mark.parametrize("name", [n for n in co.__all__ if inspect.isfunction(getattr(co, n))])
def test_public_functions_are_documented(name):
    doc = inspect.getdoc(getattr(co, name)) or ""
    assert len(doc.splitlines()) >= 1 and doc[0].isupper() or doc[0] in "`", name

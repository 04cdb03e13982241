"""Conventions that hold for the whole package (DESIGN.md): every module declares __all__,
everything it exports exists, and every public function has a docstring that opens with a
one-sentence summary (its numpydoc sections are checked by test_docstring_ratchet.py)."""

import importlib
import inspect
import pkgutil

import pytest

import coalitions as co

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(co.__path__, prefix="coalitions.")
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
    assert doc, f"{name} has no docstring"
    summary = doc.split("\n\n")[0].replace("\n", " ").strip()
    assert summary[0].isupper() or summary[0] == "`", f"{name}: {summary!r}"
    assert summary.endswith((".", ":", "?")), f"{name}: the summary is a sentence: {summary!r}"

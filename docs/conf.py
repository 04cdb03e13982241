"""Sphinx configuration of the coalitions documentation site (``make docs``).

The site is built the way numpy, scipy and networkx build theirs: the PyData theme, numpydoc
for the docstrings, MyST (through MyST-NB) for the Markdown pages and the committed notebooks.
The API reference is generated from ``__all__`` (``coalitions.__all__`` and the subpackages'):
:func:`write_api_pages` writes one page per subpackage into ``docs/api/`` (not committed) when
the build starts, and autosummary writes one stub per object from those pages.

Importing this file has no side effects (pytest's ``--doctest-modules`` imports it, as it is
under the test paths; it has no doctest): the pages are written only by the ``config-inited``
hook that :func:`setup` connects. pytest ignores ``docs/_build`` and ``docs/api``
(``addopts`` in pyproject.toml).
"""

from __future__ import annotations

import importlib
import pkgutil
import types
from pathlib import Path

import coalitions

DOCS = Path(__file__).resolve().parent
API_DIR = DOCS / "api"

project = "coalitions"
author = "The coalitions developers"
copyright = "the coalitions developers"
version = release = coalitions.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_nb",
    # MathJax 3 served from _static/mathjax instead of a CDN, so that math renders offline
    # (the machines of this project have no network beyond the package registries); the
    # package is a wheel of the MathJax 3.2.2 distribution plus a 10-line hook that copies it
    # into the build and points ``mathjax_path`` at ``mathjax/tex-chtml.js``.
    "sphinx-mathjax-offline",
]

# --- sources ------------------------------------------------------------------------------
root_doc = "index"
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "_tools", "**.ipynb_checkpoints", "conftest.py"]
templates_path = ["_templates"]

# The notebooks are committed with their outputs (figures included) and executed by the test
# suite (tests/docs/test_notebooks.py); the site renders them as they are, never runs them.
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]
# "#heading" links inside and across the Markdown pages resolve to these anchors.
myst_heading_anchors = 3

# --- API reference --------------------------------------------------------------------------
autosummary_generate = True  # the list of API pages, set by write_api_pages
autosummary_imported_members = True
autodoc_default_options = {"members": True}
# numpydoc's own member tables would list every method twice (the class template lists them).
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
# Type annotations live in the signature; numpydoc's "Parameters" gives the prose types.
autodoc_typehints = "none"

# --- HTML -----------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"coalitions {release}"
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "header_links_before_dropdown": 7,
    # no version switcher, no remote icons: the site works offline
    "icon_links": [],
}
html_static_path: list[str] = []
html_last_updated_fmt = None

# --- warnings -------------------------------------------------------------------------------
# The build runs with -W (warnings are errors) and silences no warning class: a warning is
# fixed where it arises (a docstring, a page). Not nitpicky: a cross-reference to an object
# outside the documented API (numpy's ndarray, a private helper) stays plain text, as in the
# docstrings' ``help()`` view.

# Sections of the API reference: (title, modules whose ``__all__`` is listed, intro). An object
# is documented once, under the first section whose modules list it, with the name a user
# writes: ``coalitions.X`` when ``coalitions.X`` is that object, else its subpackage's name.
API_SECTIONS: list[tuple[str, str, tuple[str, ...]]] = [
    ("games", "Games", ("coalitions.games", "coalitions.games.simple", "coalitions.games.io")),
    ("solutions", "Solutions: values, core, nucleolus", ("coalitions.solutions",)),
    ("power", "Voting power", ("coalitions.power",)),
    (
        "approx",
        "Value oracles and sampling estimators",
        ("coalitions.games.oracle", "coalitions.approx"),
    ),
    ("bargaining", "Bargaining under veto", ("coalitions.bargaining",)),
    ("formation", "Coalition formation", ("coalitions.formation",)),
    ("results", "Results", ("coalitions.results",)),
    ("exceptions", "Exceptions", ("coalitions.exceptions",)),
    ("plot", "Plots", ("coalitions.plot",)),
    ("datasets", "Datasets", ("coalitions.datasets",)),
    ("examples", "Worked examples (registry)", ("coalitions.examples",)),
]


# Subpackages that are not an API of objects (the command line is documented in its own page).
NOT_API = {"coalitions.cli"}


def api_sections() -> list[tuple[str, str, tuple[str, ...]]]:
    """:data:`API_SECTIONS`, then one section for each public subpackage they do not name.

    A new subpackage with an ``__all__`` thus appears in the reference without an edit here,
    titled by the first line of its docstring.
    """
    sections = list(API_SECTIONS)
    named = {module for _slug, _title, modules in sections for module in modules} | NOT_API
    for info in pkgutil.iter_modules(coalitions.__path__, "coalitions."):
        if info.name in named or info.name.rsplit(".", 1)[1].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        if hasattr(module, "__all__"):
            title = (module.__doc__ or info.name).strip().splitlines()[0].rstrip(".")
            sections.append((info.name.rsplit(".", 1)[1], title, (info.name,)))
    return sections


def api_entries() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The title and the documented names of each API section (from ``__all__``)."""
    seen: set[int] = set()
    titles: dict[str, str] = {}
    entries: dict[str, list[str]] = {}
    for slug, title, modules in api_sections():
        titles[slug] = title
        names: list[str] = []
        for module_name in modules:
            module = importlib.import_module(module_name)
            for name in module.__all__:
                obj = getattr(module, name)
                if isinstance(obj, types.ModuleType) or id(obj) in seen:
                    continue
                seen.add(id(obj))
                top = name in coalitions.__all__ and getattr(coalitions, name, None) is obj
                names.append(f"coalitions.{name}" if top else f"{module_name}.{name}")
        entries[slug] = names
    # Whatever the top level exports that no subpackage lists (kept in one last section).
    rest = [
        f"coalitions.{name}"
        for name in coalitions.__all__
        if not name.startswith("__")
        and not isinstance(getattr(coalitions, name), types.ModuleType)
        and id(getattr(coalitions, name)) not in seen
    ]
    if rest:
        titles["other"] = "Other top-level names"
        entries["other"] = rest
    return titles, entries


def _write_if_changed(path: Path, text: str) -> None:
    # Rewriting an unchanged page would make Sphinx re-read it (and every stub) on each build.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_api_pages(app=None, config=None) -> None:
    """Write ``docs/api/index.rst`` and one autosummary page per section of the API."""
    API_DIR.mkdir(exist_ok=True)
    titles, entries = api_entries()
    if config is not None:
        # The stubs of exactly these pages (a page new since the last build is not yet among
        # the documents Sphinx found, so ``True`` would miss it).
        config.autosummary_generate = [f"api/{slug}.rst" for slug in entries]
    index = [
        "API reference",
        "=============",
        "",
        "Generated from the docstrings of everything in ``coalitions.__all__`` and the",
        "subpackages' ``__all__``. Everything in ``coalitions.__all__`` is importable from the",
        "top level (``import coalitions as co``); the guide to the API is",
        ":doc:`../reference/api`.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
        *(f"   {slug}" for slug in entries),
        "",
    ]
    _write_if_changed(API_DIR / "index.rst", "\n".join(index))
    for slug, names in entries.items():
        title = titles[slug]
        page = [
            title,
            "=" * len(title),
            "",
            ".. autosummary::",
            "   :toctree: generated",
            "",
            *(f"   {name}" for name in names),
            "",
        ]
        _write_if_changed(API_DIR / f"{slug}.rst", "\n".join(page))


def setup(app):
    app.connect("config-inited", write_api_pages)
    return {"parallel_read_safe": True}

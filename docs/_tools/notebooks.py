"""Build the Jupyter notebooks in ``docs/notebooks/`` from their one source each.

The tutorials are Markdown pages whose ``pycon`` blocks the test suite runs as doctests; their
notebooks are the same pages cut into cells: prose becomes Markdown cells, each ``>>>``
statement (with its ``...`` lines) joins a code cell that ends at the first statement with
printed output. The worked cases are modules of :mod:`coalitions.examples`; their notebooks
run ``compute()`` and ``report()`` and show the report and its figure. Nothing is typed twice:
change the page or the case, then run ``make notebooks``.

Each notebook is executed (``nbclient``) when it is written, so the committed file carries the
outputs a reader sees. ``tests/docs/test_notebooks.py`` checks that the committed notebooks are
what this script makes of today's sources, executes them again and compares every text output.

Usage: ``python docs/_tools/notebooks.py [--check]`` (``--check`` writes nothing and exits 1
when a committed notebook differs from its source).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

DOCS = Path(__file__).resolve().parent.parent
OUT = DOCS / "notebooks"
TUTORIALS = ("first-steps", "glove-to-cyprus")
# three cases with a figure each
CASES = ("security-council", "eu-council", "cyprus-belarus")
TIMEOUT = 600
_FENCE = re.compile(r"^```pycon\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
# relative links of a tutorial page, seen from docs/notebooks/
_LINK = re.compile(r"\]\((?!https?:|#)(\.\./)?")


def _statements(block: str) -> list[tuple[list[str], bool]]:
    """The ``>>>`` statements of a doctest block, each with whether it prints output."""
    statements: list[tuple[list[str], bool]] = []
    for line in block.splitlines():
        if line.startswith(">>> "):
            statements.append(([line[4:]], False))
        elif line.startswith("... ") or line == "...":
            statements[-1][0].append(line[4:])
        elif line.strip() and statements:
            statements[-1] = (statements[-1][0], True)
    return statements


def _code_cells(block: str) -> list[str]:
    cells, pending = [], []
    for lines, prints in _statements(block):
        pending += lines
        if prints:
            cells.append("\n".join(pending))
            pending = []
    if pending:
        cells.append("\n".join(pending))
    return cells


def _prose(text: str, page: Path) -> str:
    folder = page.parent.name
    return _LINK.sub(lambda m: "](../" + ("" if m.group(1) else folder + "/"), text.strip())


def tutorial_notebook(name: str) -> nbformat.NotebookNode:
    """The notebook of the tutorial page ``docs/tutorials/<name>.md``."""
    page = DOCS / "tutorials" / f"{name}.md"
    text = page.read_text(encoding="utf-8")
    cells, start = [], 0
    for match in _FENCE.finditer(text):
        prose = _prose(text[start : match.start()], page)
        if prose:
            cells.append(nbformat.v4.new_markdown_cell(prose))
        cells += [nbformat.v4.new_code_cell(code) for code in _code_cells(match.group(1))]
        start = match.end()
    tail = _prose(text[start:], page)
    if tail:
        cells.append(nbformat.v4.new_markdown_cell(tail))
    source = f"*This notebook is made from [the tutorial page](../tutorials/{name}.md).*"
    cells.insert(1, nbformat.v4.new_markdown_cell(source))
    return _notebook(cells)


def case_notebook(name: str) -> nbformat.NotebookNode:
    """The notebook of the worked case ``name`` (``coalitions examples run NAME``)."""
    from coalitions.examples import get_case

    case = get_case(name)
    module_name = case.compute.__module__.rsplit(".", 1)[-1]
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# {case.title}\n\n{case.summary}\n\n"
            f"*This notebook runs the worked case `{name}` "
            f"(`src/coalitions/examples/{module_name}.py`): `compute()` makes the library calls and "
            "returns the results, `report(results)` lays them out; every number below is "
            f"computed. The same report: `coalitions examples run {name}`.*"
        ),
        nbformat.v4.new_code_cell(
            f"from coalitions.examples import {module_name} as case\n\n"
            "results = case.compute()\nreport = case.report(results)\nprint(report.to_text())"
        ),
    ]
    cells += [
        nbformat.v4.new_markdown_cell(
            "The case's figure (`coalitions examples run NAME --plot FILE`):"
        ),
        nbformat.v4.new_code_cell("%matplotlib inline\nreport.plot()"),
    ]
    return _notebook(cells)


def _notebook(cells: list) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.metadata["language_info"] = {"name": "python"}
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"
    return notebook


def sources() -> dict[str, nbformat.NotebookNode]:
    """Every notebook this script makes, by file name, not yet executed."""
    made = {f"{name}.ipynb": tutorial_notebook(name) for name in TUTORIALS}
    made |= {f"case-{name}.ipynb": case_notebook(name) for name in CASES}
    return made


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel; drop the execution counts, which change every run."""
    NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(OUT)}},
    ).execute()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.execution_count = None
            for output in cell.get("outputs", []):
                output.pop("execution_count", None)
    notebook.metadata.pop("widgets", None)
    return notebook


def cell_sources(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source) for cell in notebook.cells]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    check = parser.parse_args(argv).check
    OUT.mkdir(exist_ok=True)
    stale = []
    for file, notebook in sources().items():
        path = OUT / file
        if check:
            if not path.exists() or cell_sources(nbformat.read(path, 4)) != cell_sources(notebook):
                stale.append(file)
            continue
        nbformat.write(execute(notebook), path)
        print(f"wrote {path.relative_to(DOCS.parent)}")
    if stale:
        print(f"out of date (run `make notebooks`): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

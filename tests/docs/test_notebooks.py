"""The notebooks in docs/notebooks/: made from today's sources, and they run to the outputs
they show.

Each notebook is executed in a fresh kernel and every text output (printed text and the plain
text of each result) must equal the committed one, up to white space; a committed figure must
be drawn again. Rebuild them with ``make notebooks`` after changing a tutorial or a case.
"""

from __future__ import annotations

import copy
import importlib.util
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("notebooks", ROOT / "docs/_tools/notebooks.py")
notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(notebooks)

NAMES = sorted(notebooks.sources())
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _texts(cell) -> tuple[list[str], bool]:
    texts, figure = [], False
    for output in cell.get("outputs", []):
        assert output.output_type != "error", f"cell {cell.id} raised: {output.get('evalue')}"
        if output.output_type == "stream":
            texts.append(output.text)
        elif "data" in output:
            texts.append(output.data.get("text/plain", ""))
            figure |= "image/png" in output.data
    return [" ".join(re.split(r"\s+", t.strip())) for t in texts], figure


def test_every_notebook_is_committed_and_made_from_its_source():
    committed = sorted(p.name for p in notebooks.OUT.glob("*.ipynb"))
    assert committed == NAMES
    assert notebooks.main(["--check"]) == 0


def test_the_tutorial_notebooks_hold_every_doctest_statement():
    for name in notebooks.TUTORIALS:
        page = (notebooks.DOCS / "tutorials" / f"{name}.md").read_text(encoding="utf-8")
        statements = [line[4:] for line in page.splitlines() if line.startswith(">>> ")]
        nb = nbformat.read(notebooks.OUT / f"{name}.ipynb", 4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code").splitlines()
        assert statements == [line for line in code if line in statements]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_to_the_outputs_it_shows(name):
    committed = nbformat.read(notebooks.OUT / name, 4)
    fresh = copy.deepcopy(committed)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    notebooks.execute(fresh)
    for old, new in zip(committed.cells, fresh.cells):
        if old.cell_type != "code":
            continue
        (old_texts, old_figure), (new_texts, new_figure) = _texts(old), _texts(new)
        assert new_texts == old_texts, f"{name}, cell {old.id}: outputs changed"
        assert new_figure == old_figure, f"{name}, cell {old.id}: figure missing"

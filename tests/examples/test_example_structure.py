"""Each worked example is ``compute()`` (library calls, returns results) and
``report(results)`` (layout and prose whose numbers come from the results).

The check reads the source with :mod:`ast`: ``report`` and every module function it reaches
may hold no numeric literal other than 0, 1 and 100 (for percentages; an index such as
``x[2]`` and a format width such as ``:.3f`` or ``round(x, 3)`` are not figures), and no
string literal with a figure in it. A string may name a year, a treaty article
(``Art. 31(1)``), a resolution, a folio (``Ketubot 93a``) or a name with digits (``G7``,
``q_i^2``), write a formula ``1/r``, and hold the digits 0 and 1 alone; any other number in
prose must be formatted from the results or from a named input of the case. ``test_the_check_catches_hard_coded_figures``
runs the check on a report that writes "2/3" and 0.65 by hand.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import coalitions.examples as ex

FOLDER = Path(ex.__file__).parent
MODULES = sorted(p.stem for p in FOLDER.glob("*.py") if not p.stem.startswith("_"))

#: Digits a string may hold: years and year ranges, treaty articles and resolutions, names
#: glued to letters, powers and subscripts in formulas, the digits 0 and 1 alone.
ALLOWED = re.compile(
    r"""
    \b(1[89]|20)\d\d(-(1[89]|20)\d\d)?\b      # a year, or a range of years
  | Art\.\s*\d+(\(\d+\))?                    # a treaty article
  | A/RES/\d+/\d+                            # a UN resolution
  | [A-Za-z_^]+\d+                           # G7, q_i^2, V1
  | \b\d+[a-z]\b                              # a folio: Ketubot 93a
  | \b1/(?=[a-z(])                           # a formula: 1/r, 1/(1 + delta)
  | (?<![\d./])[01](?![\d./])                # 0 or 1 alone
""",
    re.VERBOSE,
)
#: Numbers allowed in code: 0 and 1, and 100 to turn a share into a percentage.
NUMBERS = (0, 1, 100)


def _reached(tree: ast.Module, start: str) -> list[ast.FunctionDef]:
    """``start`` and every module-level function it calls, directly or not."""
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    seen, todo = [], [start]
    while todo:
        name = todo.pop()
        if name in seen or name not in functions:
            continue
        seen.append(name)
        todo += [
            n.id
            for statement in functions[name].body
            for n in ast.walk(statement)
            if isinstance(n, ast.Name)
        ]
    return [functions[name] for name in seen]


def _skipped(function: ast.FunctionDef) -> set[int]:
    """Ids of the nodes that are indices or format specifications, not figures."""
    skip = set()
    for node in ast.walk(function):
        parts = []
        if isinstance(node, ast.Subscript):
            parts.append(node.slice)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            parts.append(node.format_spec)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "round":
            parts += node.args[1:]  # round(x, 3): digits, a format width
        for part in parts:
            skip |= {id(n) for n in ast.walk(part)}
    return skip


def hard_coded_figures(source: str) -> list[str]:
    """Every numeric literal or figure in a string literal that ``report`` reaches."""
    tree = ast.parse(source)
    found = []
    for function in _reached(tree, "report"):
        skip = _skipped(function)
        docstring = ast.get_docstring(function, clean=False)
        for node in (n for statement in function.body for n in ast.walk(statement)):
            if id(node) in skip or not isinstance(node, ast.Constant):
                continue
            if isinstance(node.value, bool):
                continue
            if isinstance(node.value, (int, float, complex)) and node.value not in NUMBERS:
                found.append(f"{function.name}:{node.lineno}: the number {node.value!r}")
            if isinstance(node.value, str) and node.value != docstring:
                rest = ALLOWED.sub("", node.value)
                if re.search(r"\d", rest):
                    found.append(f"{function.name}:{node.lineno}: a figure in {node.value!r}")
    return found


@pytest.mark.parametrize("module", MODULES)
def test_each_case_is_compute_then_report(module):
    case_module = importlib.import_module(f"coalitions.examples.{module}")
    assert callable(getattr(case_module, "compute", None)), f"{module} has no compute()"
    assert callable(getattr(case_module, "report", None)), f"{module} has no report()"
    registered = [c for c in ex.list_cases() if c.report is case_module.report]
    assert len(registered) == 1 and registered[0].compute is case_module.compute
    assert {"compute", "report"} <= set(case_module.__all__)


@pytest.mark.parametrize("module", MODULES)
def test_report_numbers_come_from_the_results(module):
    source = (FOLDER / f"{module}.py").read_text(encoding="utf-8")
    found = hard_coded_figures(source)
    assert not found, "hard-coded figures in the report:\n" + "\n".join(found)


def test_the_check_catches_hard_coded_figures():
    bad = '''
def compute():
    return {"share": 2}

def _note(results):
    return f"a left owner gets 2/3 and then {results['share']:.3f}"

def report(results):
    """Layout (the docstring may say 2/3)."""
    x = results["rows"][2]
    return [_note(results), 0.65 * x, f"{x:.2f} in Art. 31(1) TEU, 2020, G7", "1 of 1"]
'''
    found = hard_coded_figures(bad)
    assert any("_note" in f and "2/3" in f for f in found)
    assert any("0.65" in f for f in found)
    assert len(found) == 2, found


def test_a_case_runs_as_report_of_compute():
    case = ex.get_case("glove")
    results = case.compute()
    assert case.report(results).to_dict() == case.run().to_dict()

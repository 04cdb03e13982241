"""The import rules of the package, checked on the syntax tree of every module.

The package has three layers of modules:

* the **private core**, the top-level modules ``coalitions/_*.py`` (``_bits``, ``_numbers``,
  ``_checks``, ``_lp``, ``_exact_linalg``, ...): shared machinery that any module may import,
  and that imports no subpackage (only the standard library, numpy/scipy/sympy, the other core
  modules and ``coalitions.exceptions``);
* the other top-level modules (``exceptions``, ``results``, ``demo``, ``__init__``);
* the **subpackages** (``games``, ``solutions``, ``power``, ``approx``, ``bargaining``,
  ``formation``, ``datasets``, ``plot``, ``examples``, ``cli``).

The rules enforced here:

1. **No private reach across packages.** A module never imports a private module (a module
   whose name starts with ``_``, such as ``solutions/_lp.py``) of another subpackage, and never
   uses a private (``_name``) attribute of a module outside its own subpackage: neither
   ``from ..power.indices import _helper`` nor ``from .. import _numbers as nb`` followed by
   ``nb._classify``. The private core modules themselves may be imported by anyone; their
   private names may not. What two packages share belongs in the private core (or is public).
2. **The private core imports no subpackage**, so it can never take part in a cycle.
3. **No import cycle between subpackages.** The graph has an edge P -> Q when a module of P
   imports a module of Q, counting imports inside functions (a lazy import is still a
   dependency; Python merely tolerates the cycle). ``import coalitions`` or ``from coalitions
   import name`` from inside a subpackage counts as an import of the package root, which
   imports every subpackage.
4. **The data layer computes nothing**: ``datasets`` imports no algorithm package
   (``solutions``, ``power``, ``approx``, ``bargaining``, ``formation``), apart from the
   listed exceptions below, which only shrink.
5. **Read-only arrays have one home**: only ``_numbers.read_only`` calls
   ``setflags(write=False)``; every other module freezes its arrays through it.

The rules are documented for contributors in ``docs/contributing/conventions.md``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import coalitions

ROOT = Path(coalitions.__file__).parent
PACKAGE = "coalitions"
#: Where ``_numbers.INT64_SUMS`` is defined (the one place that writes 2**62 out).
_INT64_SUMS_LINE = next(
    number
    for number, line in enumerate(
        (Path(coalitions.__file__).parent / "_numbers.py").read_text(encoding="utf-8").splitlines(),
        start=1,
    )
    if line.startswith("INT64_SUMS = ")
)
ALGORITHMS = {"solutions", "power", "approx", "bargaining", "formation"}

#: Imports of an algorithm package by ``datasets`` that are known and scheduled to go. Empty
#: since the Cyprus-Belarus analysis moved to ``bargaining/cases.py`` (issue 12, deliverable
#: 6); keep it empty.
DATASETS_EXCEPTIONS: set[tuple[str, str]] = set()  # empty: datasets hold data loaders only


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


MODULES = _modules()


def _is_package(name: str) -> bool:
    return name in MODULES and MODULES[name].name == "__init__.py"


def _unit(name: str) -> str:
    """The subpackage of a module (``solutions``), or the top-level module itself
    (``_bits``, ``results``, ``__init__`` for the package root)."""
    parts = name.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def _is_core(name: str) -> bool:
    parts = name.split(".")
    return (
        len(parts) == 2
        and parts[1].startswith("_")
        and not _is_package(name)
        and parts[1] != "__main__"
    )


def _is_private_module(name: str) -> bool:
    last = name.split(".")[-1]
    return last.startswith("_") and not last.startswith("__")


def _private(attribute: str) -> bool:
    return attribute.startswith("_") and not attribute.startswith("__")


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """Absolute name of the module an ``ImportFrom`` reads from."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not _is_package(module):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


class Import:
    """One import found in a module: what it reads (a module, and maybe one of its names)."""

    def __init__(self, importer: str, target: str, name: str | None, line: int) -> None:
        self.importer, self.target, self.name, self.line = importer, target, name, line

    def where(self) -> str:
        return f"{MODULES[self.importer].relative_to(ROOT)}:{self.line}"


def _imports(module: str) -> tuple[list[Import], list[tuple[str, str, int]]]:
    """The project imports of a module, and its uses ``alias._name`` of private attributes of
    project modules bound to an alias (as ``(target module, attribute, line)``)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[Import] = []
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    found.append(Import(module, alias.name, None, node.lineno))
                    if alias.asname:
                        aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            if source.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in MODULES:  # from package import module
                    found.append(Import(module, submodule, None, node.lineno))
                    aliases[alias.asname or alias.name] = submodule
                else:  # from module import name
                    found.append(Import(module, source, alias.name, node.lineno))
    uses = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
        ):
            uses.append((aliases[node.value.id], node.attr, node.lineno))
    return found, uses


IMPORTS = {m: _imports(m) for m in MODULES}


def test_the_scanner_sees_the_package():
    """A guard against a scanner that finds nothing and so passes everything."""
    assert {"coalitions._bits", "coalitions.games.tu", "coalitions.solutions.shapley"} <= set(
        MODULES
    )
    edges = {(_unit(i.importer), _unit(i.target)) for found, _ in IMPORTS.values() for i in found}
    assert ("solutions", "games") in edges and ("solutions", "_numbers") in edges
    lazy = [i for i in IMPORTS["coalitions.cli.power"][0] if i.target == "coalitions.datasets"]
    assert lazy, "imports inside functions are part of the graph"


def test_no_private_module_or_name_of_another_package():
    bad = []
    for module, (found, uses) in IMPORTS.items():
        unit = _unit(module)
        for imp in found:
            if _unit(imp.target) == unit:
                continue
            if _is_private_module(imp.target) and not _is_core(imp.target):
                bad.append(f"{imp.where()} imports the private module {imp.target}")
            elif imp.name is not None and _private(imp.name):
                bad.append(f"{imp.where()} imports the private name {imp.target}.{imp.name}")
        for target, attribute, line in uses:
            if _unit(target) != unit:
                bad.append(
                    f"{MODULES[module].relative_to(ROOT)}:{line} uses the private name "
                    f"{target}.{attribute}"
                )
    assert not bad, "\n".join(bad)


def test_the_private_core_imports_no_subpackage():
    bad = []
    for module, (found, _uses) in IMPORTS.items():
        if not _is_core(module):
            continue
        for imp in found:
            target_unit = _unit(imp.target)
            if target_unit == "__init__" or _is_package(f"{PACKAGE}.{target_unit}"):
                bad.append(f"{imp.where()} imports {imp.target}")
    assert not bad, "\n".join(bad)


def _subpackage_graph() -> dict[str, dict[str, list[str]]]:
    """Edges between subpackages (and the package root), each with where it is made."""
    units = {u for u in map(_unit, MODULES) if u == "__init__" or _is_package(f"{PACKAGE}.{u}")}
    graph: dict[str, dict[str, list[str]]] = {u: {} for u in units}
    for module, (found, _uses) in IMPORTS.items():
        source = _unit(module)
        if source not in units:
            continue
        for imp in found:
            target = _unit(imp.target)
            if target in units and target != source:
                graph[source].setdefault(target, []).append(imp.where())
    return graph


def _cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph[node]:
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_no_import_cycle_between_subpackages():
    graph = _subpackage_graph()
    report = []
    for component in _cycles(graph):
        report.append(" <-> ".join(component))
        for a in component:
            for b in component:
                if b in graph[a]:
                    report.append(f"  {a} -> {b}: {', '.join(graph[a][b][:3])}")
    assert not report, "\n".join(report)


def test_the_cycle_check_finds_a_cycle():
    graph = {"a": {"b": ["x"]}, "b": {"c": ["y"]}, "c": {"a": ["z"]}, "d": {"a": ["w"]}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_datasets_imports_no_algorithm_package():
    seen = set()
    bad = []
    for module, (found, _uses) in IMPORTS.items():
        if _unit(module) != "datasets":
            continue
        for imp in found:
            target = _unit(imp.target)
            if target in ALGORITHMS or target == "__init__":
                key = (str(MODULES[module].relative_to(ROOT)), target)
                if key in DATASETS_EXCEPTIONS:
                    seen.add(key)
                else:
                    bad.append(f"{imp.where()} imports {imp.target}")
    assert not bad, "\n".join(bad)
    gone = DATASETS_EXCEPTIONS - seen
    assert not gone, f"remove these fixed entries from DATASETS_EXCEPTIONS: {sorted(gone)}"


def test_read_only_arrays_have_one_home():
    """Only ``_numbers.read_only`` writes the read-only idiom out (rule 5)."""
    idiom = "setflags(write" + "=False)"  # split, so that this file is no copy of it
    homes = [name for name, path in MODULES.items() if idiom in path.read_text(encoding="utf-8")]
    assert homes == [f"{PACKAGE}._numbers"], (
        f"{idiom} outside coalitions._numbers in {homes}: build or freeze the array with "
        "_numbers.read_only(values, kind) instead."
    )


def test_the_int64_headroom_has_one_home():
    """Integer paths choose int64 or Python integers through ``_numbers.int_dtype`` and
    ``_numbers.INT64_SUMS``: no module writes the 2**62 bound out in its code (comments and
    messages may name it)."""
    bound = {ast.unparse(ast.parse(text, mode="eval").body) for text in ("1 << 62", "2 ** 62")}
    homes = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and ast.unparse(node) in bound:
                homes.append(f"{name}:{node.lineno}")
    assert homes == [f"{PACKAGE}._numbers:{_INT64_SUMS_LINE}"], (
        f"the 2**62 headroom written out in {homes}: use _numbers.INT64_SUMS or "
        "_numbers.int_dtype(bound)."
    )


def test_the_public_api_loads_without_the_heavy_scipy_modules():
    """The first ``co.TUGame`` loads the public API; scipy.optimize and sympy (each 0.2-0.4 s
    to import) wait for the first function that needs them."""
    import subprocess
    import sys

    probe = (
        "import sys, coalitions as co; co.TUGame; "
        "print(' '.join(m for m in ('scipy.optimize', 'sympy', 'scipy.spatial') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []

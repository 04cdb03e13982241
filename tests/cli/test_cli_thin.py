"""The CLI is thin: every command parses its options, makes ONE library call and renders.

The rule is read from the source with :mod:`ast` (DESIGN §7, issue 12 item 6):

1. **One analysis call per path.** A command body calls at most one *analysis* function of
   the library on any path through it (the branches of an ``if`` are alternatives, so they
   count as the larger of the two). Readers and builders of the *parse* step do not count:
   names imported from ``games.io``, ``bargaining.io``, ``formation.io``, ``datasets``, ``_checks``,
   ``games.simple``, ``games.ternary``, ``games.jk``, ``games.tu``, ``exceptions`` and
   ``results``, and the model builders in ``BUILDERS``. Everything else imported from ``coalitions`` is analysis.
2. **Helpers compute nothing.** A function of ``cli/`` that is not a command makes no
   analysis call: helpers parse, render or draw.
3. **No loops in a command.** A command body has no ``for`` or ``while`` statement, and a
   comprehension only inside the arguments of a renderer (``print_table``, ``emit_json``,
   ``typer.echo``, or a helper whose name starts with ``_print``/``_render``/``render``).
4. **No arrays and no bitmasks.** No module of ``cli/`` imports numpy or shifts, ands or
   xors integers (the bitmask idiom); ``|`` is allowed because type hints use it.

``test_the_rule_catches_computation`` runs the checker on a module that breaks each rule, so
the rule cannot pass by accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

import coalitions.cli as cli_package

CLI = Path(cli_package.__file__).parent

#: Modules whose names are parse-step readers and builders, not analyses.
READER_MODULES = (
    "games.io",
    "bargaining.io",
    "formation.io",
    "datasets",
    "games.simple",
    "games.ternary",
    "games.jk",
    "games.interop",
    "games.tu",
    "exceptions",
    "results",
    "_checks",
)
#: Modules whose names only draw or format (the render step): figures are prepared in
#: :mod:`coalitions.plot`, which the CLI only calls to draw.
RENDER_MODULES = ("plot",)
#: Formatters and registries of the library the render step may use.
RENDER_NAMES = {"format_number", "__version__"}
#: Model builders from analysis packages that only assemble a model from parameters.
BUILDERS = {"linear_quadratic_model", "PartitionFunctionGame"}
#: Calls whose arguments may hold comprehensions in a command body (rendering).
RENDERERS = {"print_table", "emit_json", "echo", "_table"}
#: Exemptions: ``"module.function": reason``. Empty: every command follows the rule.
EXEMPT: dict[str, str] = {}


def _library_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> 'analysis' or 'reader' for every name imported from the package."""
    names = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = node.module or ""
        if node.level == 1 or module.startswith("coalitions.cli") or module in ("typer",):
            continue  # siblings in cli/ and third parties
        if node.level == 0 and not module.startswith("coalitions"):
            continue
        module = module.removeprefix("coalitions").lstrip(".")
        for alias in node.names:
            full = f"{module}.{alias.name}".strip(".")
            reader = (
                any(
                    full == m or full.startswith(m + ".") or module.startswith(m)
                    for m in READER_MODULES + RENDER_MODULES
                )
                or alias.name in BUILDERS | RENDER_NAMES
                or module == ""
                and alias.name == "datasets"
            )
            names[alias.asname or alias.name] = "reader" if reader else "analysis"
    return names


def _callee(call: ast.Call) -> str | None:
    """The local name a call goes through: ``f(...)`` -> f, ``mod.f(...)`` -> mod."""
    func = call.func
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


def _analysis_calls(node: ast.AST, library: dict[str, str]) -> int:
    """The largest number of analysis calls on one path through ``node``."""
    if isinstance(node, (ast.If, ast.IfExp)):
        branches = (
            [node.body, node.orelse] if isinstance(node, ast.If) else [[node.body], [node.orelse]]
        )
        return _analysis_calls(node.test, library) + max(
            sum(_analysis_calls(s, library) for s in branch) for branch in branches
        )
    if isinstance(node, (ast.FunctionDef, ast.Lambda)) and not isinstance(node, ast.Module):
        return 0  # a lambda passed on is called elsewhere
    own = int(
        isinstance(node, ast.Call)
        and library.get(_callee(node) or "") == "analysis"
        and not (isinstance(node.func, ast.Attribute) and node.func.attr[:1].isupper())
    )
    return own + sum(_analysis_calls(child, library) for child in ast.iter_child_nodes(node))


def _is_command(function: ast.FunctionDef) -> bool:
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in ("command", "callback"):
            return True
    return function.name.endswith("_command")  # registered by app.command(...)(f)


def _renderer(call: ast.Call) -> bool:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    return name in RENDERERS or name.startswith(("_print", "_render", "render"))


def _loose_loops(body: list[ast.stmt]) -> list[str]:
    """Loops of a command body outside the arguments of a renderer."""
    found = []

    def visit(node: ast.AST, rendering: bool) -> None:
        if isinstance(node, (ast.For, ast.While, ast.AsyncFor)):
            found.append(f"line {node.lineno}: a {type(node).__name__.lower()} loop")
        if (
            isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
            and not rendering
        ):
            found.append(f"line {node.lineno}: a comprehension outside a renderer")
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            return
        inside = rendering or (isinstance(node, ast.Call) and _renderer(node))
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    for statement in body:
        visit(statement, False)
    return found


def violations(source: str, module: str) -> list[str]:
    """Every breach of the rule in one module's source."""
    tree = ast.parse(source)
    library = _library_names(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            if any(m == "numpy" or m.startswith("numpy.") for m in modules):
                out.append(f"{module}:{node.lineno}: imports numpy")
        if isinstance(node, ast.BinOp) and isinstance(
            node.op, (ast.LShift, ast.RShift, ast.BitAnd, ast.BitXor)
        ):
            out.append(f"{module}:{node.lineno}: bit operation (bitmask computation)")
    for function in tree.body:
        if not isinstance(function, ast.FunctionDef):
            continue
        label = f"{module}.{function.name}"
        if label in EXEMPT:
            continue
        calls = sum(_analysis_calls(s, library) for s in function.body)
        if _is_command(function):
            if calls > 1:
                out.append(f"{label}: {calls} analysis calls on one path (at most one)")
            out += [f"{label}: {loop}" for loop in _loose_loops(function.body)]
        elif calls:
            out.append(f"{label}: a helper makes {calls} analysis call(s)")
    return out


def test_every_command_is_parse_one_call_render():
    found = []
    for path in sorted(CLI.glob("*.py")):
        found += violations(path.read_text(encoding="utf-8"), path.stem)
    assert not found, "computation in the CLI:\n" + "\n".join(found)


def test_the_rule_catches_computation():
    bad = """
import numpy as np
import typer
from ..solutions import shapley_value, core
from ..games.io import read_game
from ._common import print_table

app = typer.Typer()

def _helper(game):
    return core(game)

@app.command("one")
def one(file):
    game = read_game(file)
    phi = shapley_value(game)
    c = core(game)
    print_table("t", ["p"], [(p,) for p in phi.players])

@app.command("two")
def two(file):
    game = read_game(file)
    for p in game.players:
        print(p)
    alone = [game.value([p]) for p in game.players]
    mask = 1 << 3

@app.command("three")
def three(file, pre):
    game = read_game(file)
    result = shapley_value(game) if pre else core(game)
    print_table("t", ["p"], [(p, number_cell(v)) for p, v in result.items()])
"""
    found = violations(bad, "bad")
    assert any("imports numpy" in f for f in found)
    assert any("bit operation" in f for f in found)
    assert any(f.startswith("bad._helper: a helper makes 1") for f in found)
    assert any(f.startswith("bad.one: 2 analysis calls") for f in found)
    assert any(f.startswith("bad.two:") and "for loop" in f for f in found)
    assert any(f.startswith("bad.two:") and "comprehension outside" in f for f in found)
    # alternatives on two branches are one call per path; rendering comprehensions are fine
    assert not any(f.startswith("bad.three") for f in found)
    assert not any(f.startswith("bad.one:") and "comprehension" in f for f in found)


def test_every_cli_module_is_checked():
    """The command groups are found (a rename cannot silently skip the check)."""
    commands = 0
    for path in CLI.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        commands += sum(isinstance(f, ast.FunctionDef) and _is_command(f) for f in tree.body)
    assert commands >= 30

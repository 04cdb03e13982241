"""The whitelist formula parser (coalitions/_formula.py): an injection corpus through the API and
the CLI, and a property test against expressions built directly."""

import ast
import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sympy.parsing.sympy_parser import parse_expr, rationalize, standard_transformations
from typer.testing import CliRunner

from coalitions._formula import MAX_BITS, MAX_DEPTH, MAX_EXPONENT, parse_formula
from coalitions.bargaining import BargainingProblem
from coalitions.bargaining.io import negotiation_from_json
from coalitions.cli.app import app
from coalitions.exceptions import CoalitionsError, InvalidProblemError

# {S} is replaced by a sentinel path: each payload would create that file if it were evaluated.
PAYLOADS = [
    "__import__('pathlib').Path('{S}').touch()",
    '__import__("os").system("touch {S}")',
    "__import__",
    "__builtins__",
    "().__class__.__base__.__subclasses__()",
    "x.__class__",
    "x.func",
    "x.subs(x, 1)",
    "getattr(x, 'func')",
    "(lambda: __import__('os').system('touch {S}'))()",
    "lambda x: x",
    "[__import__('os').system('touch {S}') for _ in (1,)]",
    "{x for x in (1,)}",
    "(x for x in (1,))",
    "open('{S}', 'w')",
    "exec(\"open('{S}', 'w')\")",
    "eval('1')",
    "globals()",
    "Symbol('y')",
    "S('x')",
    "Integer(5)",
    "sqrt(x, evaluate=False)",
    "sqrt(*[x])",
    "x[0]",
    "'x'",
    "b'x'",
    "f'{x}'",
    "[x, 1]",
    "(x, 1)",
    "{x: 1}",
    "x if x else 1",
    "x < 1",
    "x and 1",
    "not x",
    "~x",
    "(y := 1)",
    "x @ x",
    "x ^ 2",
    "x // 2",
    "x % 2",
    "x; import os",
    "import os",
    "9**9**9",
    "10**10**10",
    "2**(2**100)",
    f"x**{MAX_EXPONENT + 1}",
    "x**1000000",
    "1e99999",
    "1e-99999 + x",
    "x+" * 600 + "x",
    "(" * 300 + "x" + ")" * 300,
    "-" * 500 + "x",
    "sqrt(" * 60 + "x" + ")" * 60,
    "\uff58",  # fullwidth x: NFKC would make it x
    "\u00e9 + x",
    "x\x00",
    "pi",
    "y",
    "foo(x)",
    "sqrt",
    "min(x)",
    "log()",
    "1/0",
    "min(1/0, x)",
    "max(x, log(0))",
    "log(0)",
    "sqrt(-1)",
    "True",
    "None",
    "...",
    "",
    "   ",
]


def _payloads(sentinel):
    return [text.replace("{S}", str(sentinel)) for text in PAYLOADS]


@pytest.fixture
def sentinel(tmp_path):
    path = tmp_path / "PWNED"
    yield path
    assert not path.exists(), "an injected formula ran"


def test_corpus_is_refused_by_the_parser(sentinel):
    for text in _payloads(sentinel):
        with pytest.raises(InvalidProblemError) as caught:
            parse_formula(text, ["x"], where="utilities[1]")
        message = str(caught.value)
        assert message.startswith("utilities[1]: ") and "a formula may use numbers" in message
        assert "Traceback" not in message


@pytest.mark.parametrize("value", [b"x", 1, 2.5, None, ["x"], {"x": 1}, True])
def test_non_strings_are_refused(value):
    with pytest.raises(InvalidProblemError, match=r"utilities\[0\]: expected a formula string"):
        parse_formula(value, ["x"], where="utilities[0]")


def test_corpus_through_the_api_and_documents(sentinel):
    for text in _payloads(sentinel):
        with pytest.raises(InvalidProblemError, match=r"utilities\[0\]"):
            BargainingProblem.from_surplus([text, "x"])
        with pytest.raises(InvalidProblemError, match=r"feasible\.utilities\[1\]"):
            negotiation_from_json(
                {"type": "bargaining", "feasible": {"surplus": 1, "utilities": ["x", text]}}
            )
        frontier = text.replace("x", "u1")
        with pytest.raises(InvalidProblemError, match=r"feasible\.frontier"):
            negotiation_from_json(
                {
                    "type": "bargaining",
                    "disagreement": [0, 0],
                    "feasible": {"frontier": frontier, "upper": [1]},
                }
            )


def _documents(sentinel):
    """Hostile documents: formulas, and payloads where numbers, names or rules belong."""
    for text in _payloads(sentinel):
        yield (
            "bargain",
            {"type": "bargaining", "feasible": {"surplus": 1, "utilities": [text, "sqrt(x)"]}},
        )
        yield (
            "bargain",
            {
                "type": "bargaining",
                "disagreement": [0, 0],
                "feasible": {"frontier": text.replace("x", "u1"), "upper": [1]},
            },
        )
    payload = PAYLOADS[0].replace("{S}", str(sentinel))
    yield (
        "bargain",
        {"type": "bargaining", "feasible": {"surplus": payload, "utilities": ["x", "x"]}},
    )
    yield (
        "bargain",
        {
            "type": "bargaining",
            "disagreement": [payload, 0],
            "feasible": {"vertices": [[0, 0], [1, 0], [0, 1]]},
        },
    )
    yield "negotiate", {"type": "spatial", "ideal_points": {"A": 1, "B": payload}, "status_quo": 0}
    yield (
        "negotiate",
        {
            "type": "spatial",
            "ideal_points": {"A": 1, "B": 2},
            "status_quo": 0,
            "decision_rule": payload,
        },
    )
    yield (
        "negotiate",
        {
            "type": "linkage",
            "status_quo": {"A": 0},
            "utilities": {"C": {"A": {"type": "linear", "slope": payload}}},
        },
    )
    # a bargaining file given to negotiate is read (and refused) before it is redirected
    yield (
        "negotiate",
        {"type": "bargaining", "feasible": {"surplus": 1, "utilities": [payload, "x"]}},
    )


def test_corpus_through_the_cli(sentinel, tmp_path):
    runner = CliRunner()
    for k, (command, document) in enumerate(_documents(sentinel)):
        path = tmp_path / f"hostile{k}.json"
        path.write_text(json.dumps(document))
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code in (1, 2), (document, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), document
        assert result.stderr.startswith("error: "), (document, result.stderr)
        assert "Traceback" not in result.output
        assert not sentinel.exists(), document


@pytest.mark.slow
def test_injection_through_the_installed_command(sentinel, tmp_path):
    """The real entry point, in a subprocess: stderr, exit code 1, no traceback."""
    payload = PAYLOADS[1].replace("{S}", str(sentinel))
    for command, document in [
        (
            "bargain",
            {"type": "bargaining", "feasible": {"surplus": 1, "utilities": [payload, "x"]}},
        ),
        (
            "bargain",
            {
                "type": "bargaining",
                "disagreement": [0, 0],
                "feasible": {"frontier": "9**9**9 - u1", "upper": [1]},
            },
        ),
        ("negotiate", {"type": "bargaining", "feasible": {"frontier": payload, "upper": [1]}}),
    ]:
        path = tmp_path / "hostile.json"
        path.write_text(json.dumps(document))
        done = subprocess.run(
            [sys.executable, "-m", "coalitions", command, str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
        assert done.stdout == ""


# ------------------------------------------------------------------ valid formulas
X, Y = sp.Symbol("x"), sp.Symbol("y")


def test_numbers_are_exact_and_functions_map_to_sympy():
    assert parse_formula("0.1", ["x"], where="f") == sp.Rational(1, 10)
    assert parse_formula("1e-3 * x", ["x"], where="f") == X / 1000
    assert parse_formula("2/3", ["x"], where="f") == sp.Rational(2, 3)
    assert parse_formula("log(x, 2)", ["x"], where="f") == sp.log(X, 2)
    assert parse_formula("max(x, y, 1)", ["x", "y"], where="f") == sp.Max(X, Y, 1)
    assert parse_formula("abs(-x)**2", ["x"], where="f") == sp.Abs(X) ** 2
    assert parse_formula(" (x\n + 1) ", ["x"], where="f") == X + 1
    assert parse_formula(f"x**{MAX_EXPONENT}", ["x"], where="f") == X**MAX_EXPONENT
    nonnegative = sp.Symbol("x", nonnegative=True)
    assert parse_formula("sqrt(x**2)", {"x": nonnegative}, where="f") == nonnegative


def test_parsed_utilities_solve_as_before():
    """The documented example: the square-root pie, exactly."""
    from coalitions.bargaining import nash_solution

    pie = BargainingProblem.from_surplus(["x", "sqrt(x)"])
    assert nash_solution(pie, symbolic=True).shares.tolist() == [
        sp.Rational(2, 3),
        sp.Rational(1, 3),
    ]


LEAVES = st.one_of(
    st.integers(0, 1000).map(lambda k: (str(k), sp.Integer(k))),
    st.decimals(
        min_value=Decimal("0.001"),
        max_value=Decimal("1000"),
        places=3,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: (str(d), sp.Rational(Fraction(d).numerator, Fraction(d).denominator))),
    st.sampled_from([("x", X), ("y", Y)]),
)

UNARY = {"sqrt": sp.sqrt, "exp": sp.exp, "log": sp.log, "abs": sp.Abs}
BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
INVALID = sp.nan  # a part is infinite, undefined or not real: the parser must refuse


def _safe(operation, *arguments):
    """The expected expression, or INVALID as soon as any part is (as the parser decides
    node by node)."""
    if any(a is INVALID for a in arguments):
        return INVALID
    try:
        result = operation(*arguments)
    except (TypeError, ValueError, ArithmeticError):
        return INVALID
    if result.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.I):
        return INVALID
    return result


def _extend(children):
    return st.one_of(
        st.tuples(st.sampled_from(["-", "+"]), children).map(
            lambda t: (f"{t[0]}({t[1][0]})", _safe(lambda e: -e if t[0] == "-" else e, t[1][1]))
        ),
        st.tuples(children, st.sampled_from(sorted(BINARY)), children).map(
            lambda t: (f"({t[0][0]}) {t[1]} ({t[2][0]})", _safe(BINARY[t[1]], t[0][1], t[2][1]))
        ),
        st.tuples(children, st.integers(-4, 4)).map(
            lambda t: (f"({t[0][0]})**({t[1]})", _safe(lambda e: e ** sp.Integer(t[1]), t[0][1]))
        ),
        st.tuples(children, st.sampled_from([(1, 2), (1, 3), (-3, 2)])).map(
            lambda t: (
                f"({t[0][0]})**({t[1][0]}/{t[1][1]})",
                _safe(lambda e: e ** sp.Rational(*t[1]), t[0][1]),
            )
        ),
        st.tuples(st.sampled_from(sorted(UNARY)), children).map(
            lambda t: (f"{t[0]}({t[1][0]})", _safe(UNARY[t[0]], t[1][1]))
        ),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(children, min_size=2, max_size=3)).map(
            lambda t: (
                f"{t[0]}({', '.join(c[0] for c in t[1])})",
                _safe(sp.Min if t[0] == "min" else sp.Max, *[c[1] for c in t[1]]),
            )
        ),
    )


TREES = st.recursive(LEAVES, _extend, max_leaves=12)


def _huge(expression) -> bool:
    """Constants near the parser's size limit (it estimates powers before computing them)."""
    return any(
        max(int(r.p).bit_length(), int(r.q).bit_length()) > MAX_BITS // 2
        for r in expression.atoms(sp.Rational)
    )


@settings(max_examples=300, deadline=None)
@given(TREES)
@example(("(x) / ((y) - (y))", INVALID))  # 1/0: refused, never zoo
@example(("sqrt(-(1))", INVALID))  # not real: refused
@example(("min((1) / (0), x)", INVALID))  # was a ValueError from sympy's Min
def test_parser_matches_expressions_built_directly(tree):
    text, expected = tree
    if expected is INVALID:
        with pytest.raises(InvalidProblemError):
            parse_formula(text, ["x", "y"], where="f")
        return
    if _depth(ast.parse(text, mode="eval").body) > MAX_DEPTH:
        with pytest.raises(InvalidProblemError, match="levels deep"):
            parse_formula(text, ["x", "y"], where="f")
        return
    if _huge(expected):
        return
    parsed = parse_formula(text, ["x", "y"], where="f")
    assert parsed == expected
    # an independent reading of the same (test-generated, trusted) text by sympy's parser
    oracle = parse_expr(
        text,
        local_dict={
            "x": X,
            "y": Y,
            "min": sp.Min,
            "max": sp.Max,
            "abs": sp.Abs,
            "sqrt": sp.sqrt,
            "exp": sp.exp,
            "log": sp.log,
        },
        transformations=standard_transformations + (rationalize,),
    )
    assert parsed == oracle or sp.simplify(parsed - oracle) == 0


def _depth(node) -> int:
    children = [
        c
        for c in ast.iter_child_nodes(node)
        if not isinstance(c, (ast.operator, ast.unaryop, ast.expr_context))
    ]
    return 1 + max((_depth(c) for c in children), default=0)


def test_errors_are_coalitions_errors():
    with pytest.raises(CoalitionsError):
        parse_formula("x.y", ["x"], where="f")
    with pytest.raises(ValueError):  # InvalidProblemError is also a ValueError
        parse_formula("x.y", ["x"], where="f")

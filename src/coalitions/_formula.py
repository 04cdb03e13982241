"""A whitelist parser for the formulas in problem files: text in, a sympy expression out.

Formulas such as ``"sqrt(x)"`` or ``"1 - u1**2"`` come from files and command lines, so they
are hostile input. They are never given to ``eval``, ``sympify`` or ``parse_expr``: the text is
parsed by Python's :mod:`ast` (which only builds a syntax tree and runs nothing), every node is
checked against a small grammar, and the sympy expression is built node by node.

Grammar (the same text is in docs/reference/negotiation-file-formats.md)::

    expression := number | variable | "(" expression ")"
                | ("+" | "-") expression
                | expression ("+" | "-" | "*" | "/" | "**") expression
                | function "(" expression ["," expression ...] ")"
    number     := an integer or a decimal such as 2, 0.5, 1e-3 (read exactly: 0.1 is 1/10)
    variable   := one of the names the field declares (x; or u1, ..., u(n-1))
    function   := sqrt | exp | log | abs (one argument; log(a, b) is the logarithm of a
                  to base b) | min | max (two or more arguments)

Limits: at most ``MAX_LENGTH`` characters of ASCII text, ``MAX_DEPTH`` levels of nesting,
exponents whose value is at most ``MAX_EXPONENT`` in size, and constants of at most
``MAX_BITS`` bits. Anything else (attribute access, subscripts, strings, lists, lambdas,
comprehensions, comparisons, keywords, other names) is refused with an error that names the
field and restates the grammar.

This module imports no subpackage of :mod:`coalitions`.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from ._numbers import import_sympy
from .exceptions import InvalidProblemError

__all__ = [
    "parse_formula",
    "GRAMMAR",
    "FUNCTIONS",
    "MAX_LENGTH",
    "MAX_DEPTH",
    "MAX_EXPONENT",
    "MAX_BITS",
]

MAX_LENGTH = 1000
"""Longest formula accepted, in characters."""
MAX_DEPTH = 40
"""Deepest nesting of operations accepted (``-(-(-x))`` has depth 4)."""
MAX_EXPONENT = 100
"""Largest size of a numeric exponent: ``x**100`` is accepted, ``x**101`` and ``9**9**9`` not."""
MAX_BITS = 4096
"""Largest number of bits of a numeric constant, literal or computed (``10**1000`` is ~3322)."""

# name -> (sympy attribute, smallest and largest number of arguments)
FUNCTIONS: dict[str, tuple[str, int, int | None]] = {
    "sqrt": ("sqrt", 1, 1),
    "exp": ("exp", 1, 1),
    "log": ("log", 1, 2),
    "abs": ("Abs", 1, 1),
    "min": ("Min", 2, None),
    "max": ("Max", 2, None),
}

GRAMMAR = (
    "a formula may use numbers (2, 0.5, 1e-3), the variables {variables}, the "
    "operators + - * / ** (powers: ** with an exponent of size at most "
    f"{MAX_EXPONENT}), parentheses and the functions sqrt, exp, log, abs (one "
    "argument), min and max (two or more); nothing else"
)

_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
_UNARY = {ast.UAdd: "+", ast.USub: "-"}
_HINTS = {
    ast.BitXor: "use ** for powers, not ^",
    ast.FloorDiv: "use / for division",
    ast.Mod: "% is not allowed",
    ast.MatMult: "@ is not allowed",
}


class _Refused(Exception):
    """Internal: the reason a formula is refused (turned into the caller's error)."""


def parse_formula(
    text: Any,
    variables: Mapping[str, Any] | Sequence[str],
    *,
    where: str,
    error: type[Exception] = InvalidProblemError,
):
    """Parse a formula into a sympy expression, accepting only the documented grammar.

    Parameters
    ----------
    text : str
        The formula, e.g. ``"sqrt(x)"``.
    variables : mapping name -> sympy.Symbol, or sequence of names
        The names the formula may use (plain symbols are created for a sequence).
    where : str
        The field the formula comes from (``"utilities[1]"``), named in every error.
    error : exception class
        Raised on refusal (default :class:`~coalitions.exceptions.InvalidProblemError`).

    Returns
    -------
    sympy.Expr
        A finite expression (no ``zoo``, ``nan`` or ``oo``) in the declared variables.

    Raises
    ------
    InvalidProblemError (or ``error``)
        If the text is not a string of the grammar, too long, too deep, has a huge exponent
        or constant, or evaluates to an infinite or undefined constant (``1/0``).

    Examples
    --------
    >>> parse_formula("sqrt(x) + 0.5*x**2", ["x"], where="utility")
    sqrt(x) + x**2/2
    >>> parse_formula("__import__('os')", ["x"], where="utility")
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidProblemError: utility: cannot call '__import__'; a formula may use ...
    """
    sp = import_sympy()
    if isinstance(variables, Mapping):
        symbols = dict(variables)
    else:
        symbols = {name: sp.Symbol(name) for name in variables}
    grammar = GRAMMAR.format(variables=", ".join(symbols) or "(none)")
    try:
        expression = _parse(text, symbols, sp)
    except _Refused as reason:
        raise error(f"{where}: {reason}; {grammar}.") from None
    return expression


def _parse(text: Any, symbols: dict, sp):
    if not isinstance(text, str):
        raise _Refused(
            f'expected a formula string such as "sqrt(x)", got {type(text).__name__} {_shown(text)}'
        )
    if len(text) > MAX_LENGTH:
        raise _Refused(f"the formula has {len(text)} characters, more than {MAX_LENGTH}")
    if not text.isascii():
        bad = next(c for c in text if not c.isascii())
        raise _Refused(f"the formula contains the non-ASCII character {bad!r}")
    source = text.strip()
    if not source:
        raise _Refused("the formula is empty")
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as problem:
        detail = getattr(problem, "msg", None) or type(problem).__name__
        raise _Refused(f"cannot parse {_shown(text)} ({detail})") from None
    _check_depth(tree.body)
    return _Builder(source, symbols, sp).build(tree.body)


def _shown(text: Any) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _check_depth(root: ast.AST) -> None:
    """Refuse trees deeper than MAX_DEPTH (iteratively, so that no recursion limit is hit)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _Refused(f"the formula nests more than {MAX_DEPTH} levels deep")
        stack.extend(
            (child, depth + 1)
            for child in ast.iter_child_nodes(node)
            if not isinstance(child, (ast.operator, ast.unaryop, ast.expr_context))
        )


def _bits(value) -> int:
    """Bits of the larger of numerator and denominator of a sympy rational."""
    return max(int(value.p).bit_length(), int(value.q).bit_length())


_NOT_ALLOWED = {
    ast.Attribute: "attribute access (a.b)",
    ast.Subscript: "subscripts (a[i])",
    ast.List: "lists",
    ast.Tuple: "tuples",
    ast.Set: "sets",
    ast.Dict: "dicts",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.Compare: "comparisons",
    ast.BoolOp: "and/or",
    ast.IfExp: "if/else",
    ast.NamedExpr: ":=",
    ast.JoinedStr: "f-strings",
    ast.Starred: "starred arguments",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
}


class _Builder:
    """Builds the sympy expression of a checked syntax tree, one whitelisted node at a time."""

    def __init__(self, source: str, symbols: dict, sp) -> None:
        self.source, self.symbols, self.sp = source, symbols, sp

    def build(self, node: ast.AST):
        """The expression of ``node``, refused as soon as a part is infinite, undefined or
        not real (so that ``min(1/0, x)`` never reaches sympy's comparisons)."""
        expression = self.node(node)
        if not isinstance(expression, self.sp.Expr):
            raise _Refused(
                f"{_shown(ast.get_source_segment(self.source, node))} is not an expression"
            )
        if expression.has(self.sp.zoo, self.sp.nan, self.sp.oo, -self.sp.oo):
            raise _Refused(
                f"{_shown(ast.get_source_segment(self.source, node))} is infinite "
                "or undefined (a division by zero?)"
            )
        if expression.has(self.sp.I):
            raise _Refused(
                f"{_shown(ast.get_source_segment(self.source, node))} is not real "
                "(a square root of a negative number?)"
            )
        return expression

    def node(self, node: ast.AST):
        if isinstance(node, ast.Constant):
            return self.number(node)
        if isinstance(node, ast.Name):
            if node.id in self.symbols:
                return self.symbols[node.id]
            if node.id in FUNCTIONS:
                raise _Refused(f"the function {node.id!r} must be called, e.g. {node.id}(x)")
            raise _Refused(f"cannot use the name {node.id!r}")
        if isinstance(node, ast.UnaryOp):
            if type(node.op) not in _UNARY:
                raise _Refused(f"the operator {type(node.op).__name__} is not allowed")
            operand = self.build(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp):
            return self.binary(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise _Refused(f"{_NOT_ALLOWED.get(type(node), type(node).__name__)} not allowed")

    def number(self, node: ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = "strings are" if isinstance(value, (str, bytes)) else f"{value!r} is"
            raise _Refused(f"{kind} not allowed (only numbers)")
        if isinstance(value, int):
            if value.bit_length() > MAX_BITS:
                raise _Refused(f"the number {_shown(str(value))} has more than {MAX_BITS} bits")
            return self.sp.Integer(value)
        # a decimal literal: read exactly from its text (0.1 is 1/10), not from the float
        literal = ast.get_source_segment(self.source, node) or repr(value)
        try:
            exact = Decimal(literal.replace("_", ""))
        except InvalidOperation:
            exact = Decimal(repr(value))
        if not exact.is_finite() or abs(exact.adjusted()) > MAX_BITS // 4:
            raise _Refused(f"the number {literal} is out of range")
        fraction = Fraction(exact)
        return self.sp.Rational(fraction.numerator, fraction.denominator)

    def binary(self, node: ast.BinOp):
        if type(node.op) not in _BINARY:
            raise _Refused(
                _HINTS.get(type(node.op), f"the operator {type(node.op).__name__} is not allowed")
            )
        left, right = self.build(node.left), self.build(node.right)
        if isinstance(node.op, ast.Pow):
            result = self.power(left, right)
        elif isinstance(node.op, ast.Add):
            result = left + right
        elif isinstance(node.op, ast.Sub):
            result = left - right
        elif isinstance(node.op, ast.Mult):
            result = left * right
        else:
            result = left / right
        if result.is_Rational and _bits(result) > MAX_BITS:
            raise _Refused(f"a constant of the formula has more than {MAX_BITS} bits")
        return result

    def power(self, base, exponent):
        """``base ** exponent``, refused before sympy computes a huge number."""
        if exponent.is_number:
            if exponent.is_real is not True:
                raise _Refused("complex exponents are not allowed")
            size = float(abs(exponent).evalf(15))
            if not size <= MAX_EXPONENT:
                raise _Refused(
                    f"the exponent {_shown(str(exponent))} is larger than {MAX_EXPONENT} in size"
                )
            if base.is_Rational and _bits(base) * size > MAX_BITS:
                raise _Refused(f"a power of the formula has more than {MAX_BITS} bits")
        return base**exponent

    def call(self, node: ast.Call):
        if isinstance(node.func, ast.Attribute):
            raise _Refused("attribute access (a.b) not allowed")
        if not isinstance(node.func, ast.Name):
            raise _Refused("only the functions sqrt, exp, log, abs, min and max may be called")
        name = node.func.id
        if name not in FUNCTIONS:
            raise _Refused(f"cannot call {name!r}")
        if node.keywords:
            raise _Refused(f"{name}() takes no keyword arguments")
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            raise _Refused(f"{name}() takes no starred arguments")
        attribute, low, high = FUNCTIONS[name]
        count = len(node.args)
        if count < low or (high is not None and count > high):
            wanted = (
                "one argument"
                if high == 1
                else "one or two arguments"
                if high == 2
                else "two or more arguments"
            )
            raise _Refused(f"{name}() takes {wanted}, got {count}")
        arguments = [self.build(arg) for arg in node.args]
        try:
            return getattr(self.sp, attribute)(*arguments)
        except (TypeError, ValueError, ArithmeticError) as problem:
            raise _Refused(f"{name}() is undefined here ({problem})") from None

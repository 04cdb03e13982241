"""The one reader of tests/data/reference_cases.csv: every published answer, parsed exactly.

Each row has ``id, model, quantity, exact, decimal, primary_source, independent_check``. The
``exact`` column is written for people, in a few shapes, all parsed here:

* one number or a list: ``421/2145``, ``2/3;1/6;1/6``, ``(50;75;75)``;
* groups separated by `` / `` (spaces around the slash): ``848 / 84``, ``16/25 / 9/50``;
* a named quantity: ``x1=2/3 (u2=1/sqrt3)`` (two groups: x1, then u2), ``x1=(sqrt5-1)/2``
  (surds, read by the small arithmetic parser below into sympy numbers: no string from the
  file reaches ``sympify``);
* ``1/3 each; core empty``.

``expected(row)`` returns the groups as lists of exact numbers (``Fraction`` where rational,
a sympy expression for surds); ``decimals(row)`` the ``decimal`` column the same way.
"""

from __future__ import annotations

import csv
import re
from fractions import Fraction
from pathlib import Path

import sympy

PATH = Path(__file__).parent / "data" / "reference_cases.csv"
COLUMNS = ("id", "model", "quantity", "exact", "decimal", "primary_source", "independent_check")

__all__ = ["PATH", "rows", "cases", "expected", "decimals", "fractions"]


def rows() -> list[dict[str, str]]:
    """Every row of the file, in order (none dropped: a malformed row raises)."""
    with PATH.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{PATH}: columns {reader.fieldnames}, expected {COLUMNS}")
        out = list(reader)
    for row in out:
        if None in row or any(row[c] is None for c in COLUMNS):
            raise ValueError(f"{PATH}: row {row.get('id')!r} has the wrong number of fields")
        if not row["exact"].strip() or not row["primary_source"].strip():
            raise ValueError(f"{PATH}: row {row['id']!r} lacks an exact answer or a source")
    ids = [row["id"] for row in out]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{PATH}: duplicate ids")
    return out


def cases() -> dict[str, dict[str, str]]:
    """The rows by id."""
    return {row["id"]: row for row in rows()}


_TOKEN = re.compile(r"\s*(?:(\d+)|(sqrt)|([-+*/()]))")


def _number(text: str):
    """An exact number from ``2/3``, ``(sqrt5-1)/2``, ``1/sqrt3``: integers, + - * /,
    parentheses and ``sqrtN`` (the square root of the integer N)."""
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ValueError(f"cannot read {text!r} at {text[position:]!r}")
        tokens.append(match.group(match.lastindex))
        position = match.end()
    tokens.append(None)
    index = 0

    def peek():
        return tokens[index]

    def take():
        nonlocal index
        index += 1
        return tokens[index - 1]

    def atom():
        token = take()
        if token == "(":
            value = expression()
            if take() != ")":
                raise ValueError(f"unbalanced parentheses in {text!r}")
            return value
        if token == "-":
            return -atom()
        if token == "sqrt":
            radicand = take()
            if radicand is None or not radicand.isdigit():
                raise ValueError(f"sqrt needs an integer in {text!r}")
            return sympy.sqrt(sympy.Integer(int(radicand)))
        if token is not None and token.isdigit():
            return sympy.Integer(int(token))
        raise ValueError(f"unexpected {token!r} in {text!r}")

    def term():
        value = atom()
        while peek() in ("*", "/"):
            value = value * atom() if take() == "*" else value / atom()
        return value

    def expression():
        value = term()
        while peek() in ("+", "-"):
            value = value + term() if take() == "+" else value - term()
        return value

    value = expression()
    if peek() is not None:
        raise ValueError(f"trailing {peek()!r} in {text!r}")
    return Fraction(int(value.p), int(value.q)) if value.is_Rational else sympy.simplify(value)


def _groups(text: str) -> list[list]:
    text = text.strip()
    text = re.sub(r"\s*\(u\d=(.*)\)$", r" / \1", text)  # 'a (u2=b)': groups a and b
    text = re.sub(r"^x\d=", "", text)  # 'x1=...': the value of x1
    text = re.sub(r"\s+each;.*$", "", text)  # '1/3 each; core empty'
    if text.startswith("(") and text.endswith(")") and ";" in text:
        text = text[1:-1]
    return [[_number(part) for part in group.split(";")] for group in text.split(" / ")]


def expected(row: dict[str, str]) -> list[list]:
    """The ``exact`` column as groups of exact numbers."""
    return _groups(row["exact"])


def decimals(row: dict[str, str]) -> list[list[float]]:
    """The ``decimal`` column as groups of floats ([] when the column is empty)."""
    text = row["decimal"].strip()
    if not text:
        return []
    return [[float(part) for part in group.split(";")] for group in text.split(" / ")]


def fractions(text: str) -> list[Fraction]:
    """One group of an ``exact`` cell as Fractions: ``'(1/3;5/6;11/6)'`` -> three numbers."""
    (group,) = _groups(text)
    return group

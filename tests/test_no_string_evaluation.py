"""The two places that hand values to ``sympy.sympify`` (``_numbers.as_number`` and
``_numbers.coerce_values`` for symbolic input) accept only numbers and sympy objects: a string,
even next to a sympy symbol, is refused before sympify could evaluate it."""

from __future__ import annotations

import pytest
import sympy

import coalitions as co
from coalitions import _numbers as nb


@pytest.fixture
def payload(tmp_path):
    sentinel = tmp_path / "ran"
    return sentinel, f"__import__('pathlib').Path({str(sentinel)!r}).touch()"


@pytest.mark.parametrize("kind", [nb.FLOAT, nb.EXACT, nb.SYMBOLIC])
def test_as_number_never_parses_a_string(payload, kind):
    sentinel, text = payload
    with pytest.raises((co.CoalitionsError, ValueError)):
        nb.as_number(text, kind)
    assert not sentinel.exists()


def test_symbolic_tables_never_parse_a_string(payload):
    sentinel, text = payload
    a = sympy.Symbol("a")
    for values in ([0, a, text, 1], [0, text]):
        with pytest.raises(co.InvalidGameError, match="is not a number"):
            nb.coerce_values(values)
        with pytest.raises(co.CoalitionsError):
            co.TUGame(values)
    assert not sentinel.exists()

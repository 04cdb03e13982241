"""Numbers and values in JSON documents, as every reader of :mod:`coalitions.games.io` sees them.

``parse_number`` is the one number parser of the file formats (game and negotiation
documents); ``describe`` shows a JSON value in an error message.
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction
from typing import Any

from ..exceptions import InvalidGameError

__all__ = ["parse_number", "describe", "NUMBER_PATTERN", "NUMBER_HELP"]

#: Strings holding numbers longer than this are refused (int() of huge strings is slow).
_MAX_NUMBER_CHARS = 1000

NUMBER_PATTERN = re.compile(
    r"^\s*[+-]?([0-9]+/[0-9]+|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?)\s*$"
)
NUMBER_HELP = (
    "a number: a JSON number, or a string holding an integer, a fraction such as "
    '"2/3" or a decimal such as "0.1"'
)


def describe(value: Any) -> str:
    """A JSON value as a reader sees it, for error messages."""
    if isinstance(value, bool):
        return f"{json.dumps(value)} (a boolean)"
    if value is None:
        return "null"
    if isinstance(value, str):
        text = json.dumps(value)
        return (text if len(text) <= 60 else text[:57] + '..."') + " (a string)"
    if isinstance(value, (int, float)):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    if isinstance(value, list):
        return f"a list of {len(value)} entr{'y' if len(value) == 1 else 'ies'}"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def parse_number(value: Any, where: str) -> Any:
    """A JSON number, or a string holding an integer, a fraction ``"p/q"`` or a decimal.

    Integers and strings give exact numbers (``int`` or ``Fraction``), JSON floats stay
    floats. Booleans, null, NaN, infinities and anything else raise
    :class:`InvalidGameError` naming ``where``.

    Examples
    --------
    >>> from coalitions.games.io import parse_number
    >>> parse_number("2/3", "quota"), parse_number("0.1", "w"), parse_number(4, "w")
    (Fraction(2, 3), Fraction(1, 10), 4)
    """
    if isinstance(value, bool) or value is None:
        raise InvalidGameError(f"{where} must be {NUMBER_HELP}, got {describe(value)}.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidGameError(f"{where} is {value}; every number must be finite.")
        return value
    if isinstance(value, str):
        if len(value) <= _MAX_NUMBER_CHARS and NUMBER_PATTERN.match(value):
            try:
                return Fraction(value.strip())
            except ZeroDivisionError:
                raise InvalidGameError(
                    f"{where} is {json.dumps(value)}, a fraction with denominator 0; write "
                    "a non-zero denominator."
                ) from None
            except ValueError:  # more digits than int() converts
                pass
    raise InvalidGameError(f"{where} must be {NUMBER_HELP}, got {describe(value)}.")

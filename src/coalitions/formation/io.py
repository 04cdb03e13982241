"""Files for coalition formation: the CSV table of a club frontier.

A club table has a header with the columns ``player``, ``probability`` (the chance that the
member supports acting, in (0, 1]) and ``coverage`` (its weight in what the club covers);
each number is an integer, a fraction ``p/q`` or a decimal, read by the whitelist number
reader of :func:`coalitions.games.io.parse_number` (never evaluated as code).
"""

from __future__ import annotations

import csv
from typing import Any

from ..exceptions import InvalidProblemError
from ..games.io import parse_number

__all__ = ["read_club_csv", "CLUB_COLUMNS"]

#: The columns a club table needs.
CLUB_COLUMNS = ("player", "probability", "coverage")


def read_club_csv(path: Any) -> tuple[list[str], list[Any], list[Any]]:
    """Read a club table: member names, support probabilities and coverage weights.

    Parameters
    ----------
    path : str or os.PathLike
        A CSV file with a header naming the columns ``player``, ``probability`` and
        ``coverage`` (other columns are ignored).

    Returns
    -------
    players : list of str
    probabilities : list of numbers
    coverage : list of numbers
        In the order of the rows, exact (``Fraction``: a cell is text); ready for
        :func:`coalitions.formation.club_frontier`.

    Raises
    ------
    InvalidProblemError
        If the file does not exist, is not text, or lacks a column.
    InvalidGameError
        If a cell is not a number (the message names the member and the column).

    References
    ----------
    RFC 4180, *Common Format and MIME Type for Comma-Separated Values (CSV) Files* (2005).

    Examples
    --------
    >>> import os, tempfile
    >>> from fractions import Fraction
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "clubs.csv")
    ...     with open(path, "w") as handle:
    ...         _ = handle.write("player,probability,coverage\\na,0.9,3\\nb,1/2,1\\n")
    ...     read_club_csv(path)
    (['a', 'b'], [Fraction(9, 10), Fraction(1, 2)], [Fraction(3, 1), Fraction(1, 1)])
    """
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        raise InvalidProblemError(f"no such file: {path}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise InvalidProblemError(f"{path} is not a readable CSV file ({error}).") from None
    if not rows or not set(CLUB_COLUMNS) <= set(rows[0]):
        raise InvalidProblemError(f"{path} needs a header with columns {', '.join(CLUB_COLUMNS)}.")
    names = [row["player"] for row in rows]
    probabilities = [
        parse_number(row["probability"], f"probability of {row['player']}") for row in rows
    ]
    coverage = [parse_number(row["coverage"], f"coverage of {row['player']}") for row in rows]
    return names, probabilities, coverage

"""Rich display: compact HTML tables for Jupyter and the optional pandas bridge.

Part of the private core (it imports nothing from the package but the exceptions): results
(:mod:`coalitions.results`) and the game classes build their ``_repr_html_`` from
:func:`html_block` and their ``to_frame()`` on :func:`require_pandas`.

Every string that reaches the HTML passes through :func:`html.escape`; exact fractions are
shown as ``2/3 (0.666667)``; a table longer than :data:`MAX_ROWS` rows shows its first rows
and says how many there are in all.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .exceptions import CoalitionsError

__all__ = [
    "MAX_ROWS",
    "MAX_ITEMS",
    "cell_text",
    "number_text",
    "listing",
    "html_block",
    "Table",
    "require_pandas",
    "coalition_label",
]

#: Rows an HTML table shows before it states how many it left out.
MAX_ROWS = 20
#: Items a cell shows from a list (players of a coalition, entries of an array).
MAX_ITEMS = 10
#: Characters a cell shows from a long text.
_MAX_TEXT = 120

_PANDAS_HINT = "install it with `pip install coalitions-toolkit[frames]` (or `pip install pandas`)"


def cell_text(value: Any) -> str:
    """A value as a reader wants it in a table cell (plain text, not yet escaped).

    Exact fractions show the fraction with its float beside it (``2/3 (0.666667)``), floats
    six significant digits, lists and arrays their first :data:`MAX_ITEMS` entries and their
    length, long texts their beginning.

    Examples
    --------
    >>> cell_text(Fraction(2, 3)), cell_text(Fraction(4, 2)), cell_text(0.1 + 0.2)
    ('2/3 (0.666667)', '2', '0.3')
    >>> cell_text(list(range(12)))
    '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... (12 in all)]'
    """
    if value is None:
        return ""
    number = number_text(value, fraction=True)
    if number is not None:
        return number
    if isinstance(value, str):
        text = value
    elif isinstance(value, (np.ndarray, list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        bracket = "()" if isinstance(value, tuple) else "[]"
        text = f"{bracket[0]}{listing(items, cell_text, MAX_ITEMS)}{bracket[1]}"
    elif isinstance(value, Mapping):
        entries = list(value.items())
        text = f"{{{listing(entries, lambda kv: f'{kv[0]}: {cell_text(kv[1])}', MAX_ITEMS)}}}"
    else:
        text = str(value)
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 3] + "..."


def number_text(value: Any, *, fraction: bool = False) -> str | None:
    """A bool, integer, exact fraction or float as text, None for anything else.

    Integers (and integral fractions) stay as they are; floats and the other fractions show six
    significant digits, with the fraction itself before them when ``fraction`` is set.

    Examples
    --------
    >>> number_text(Fraction(2, 3)), number_text(Fraction(2, 3), fraction=True), number_text("a")
    ('0.666667', '2/3 (0.666667)', None)
    """
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value} ({float(value):.6g})" if fraction else f"{float(value):.6g}"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return None


def listing(items: Sequence[Any], text: Callable[[Any], str], limit: int) -> str:
    """The first ``limit`` items as ``text`` gives them, joined by commas, and how many there
    are in all when some are left out: ``1, 2, ... (12 in all)``."""
    more = f", ... ({len(items)} in all)" if len(items) > limit else ""
    return ", ".join(text(v) for v in items[:limit]) + more


def coalition_label(members: Iterable[str]) -> str:
    """``{A, B}`` for a coalition (``{}`` for the empty one), plain text."""
    return "{" + ", ".join(members) + "}"


#: A table of :func:`html_block`: column names, rows (any iterable; only the first
#: :data:`MAX_ROWS` are read), how many rows there are in all (None: count the rows given) and
#: what a row is (``"players"``, ``"coalitions"``), for the note under a truncated table.
Table = tuple[Sequence[str], Iterable[Sequence[Any]], "int | None", str]


def html_block(title: str, summary: Sequence[tuple[str, Any]], tables: Sequence[Table] = ()) -> str:
    """A compact HTML block: a caption, a two-column summary and tables, every string escaped.

    Examples
    --------
    >>> html_block("G", [("quota", Fraction(1, 2))], [(["player"], [["<A>"]], None, "players")])
    '<div class="coalitions-display"><table class="coalitions-summary"><caption>G</caption><tr><th>quota</th><td>1/2 (0.5)</td></tr></table><table class="coalitions-table"><thead><tr><th>player</th></tr></thead><tbody><tr><td>&lt;A&gt;</td></tr></tbody></table></div>'
    """
    esc = html.escape
    parts = [
        '<div class="coalitions-display">',
        f'<table class="coalitions-summary"><caption>{esc(title)}</caption>',
    ]
    for name, value in summary:
        parts.append(f"<tr><th>{esc(str(name))}</th><td>{esc(cell_text(value))}</td></tr>")
    parts.append("</table>")
    for header, rows, n_rows, what in tables:
        shown: list[Sequence[Any]] = []
        for row in rows:
            if len(shown) == MAX_ROWS:
                break
            shown.append(row)
        parts.append('<table class="coalitions-table"><thead><tr>')
        parts.extend(f"<th>{esc(str(h))}</th>" for h in header)
        parts.append("</tr></thead><tbody>")
        for row in shown:
            cells = "".join(f"<td>{esc(cell_text(v))}</td>" for v in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
        total = n_rows if n_rows is not None else len(shown)
        if total > len(shown):
            parts.append(f"<p>Showing {len(shown)} of {total} {esc(what)}.</p>")
    parts.append("</div>")
    return "".join(parts)


def require_pandas() -> Any:
    """The pandas module, or a :class:`~coalitions.exceptions.CoalitionsError` saying how to
    install it (pandas is the optional ``frames`` extra)."""
    try:
        import pandas
    except ImportError:
        raise CoalitionsError(f"to_frame() and to_series() need pandas; {_PANDAS_HINT}.") from None
    return pandas

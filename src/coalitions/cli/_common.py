"""Shared CLI plumbing: errors on stderr, option parsing and checks, JSON output, tables.

No analysis logic lives here. Usage errors (a malformed or out-of-range option) exit with code
2, bad input (a malformed file, a game the library refuses) with code 1; both print one line
on stderr, never a traceback. Text printed through rich is escaped, so ``[plot]`` or a player
called ``[bold]`` is shown as written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ..exceptions import CoalitionsError, InvalidArgumentError, InvalidGameError
from ._format import current as current_format
from ._format import write_table

__all__ = [
    "fail",
    "errors_to_stderr",
    "emit_json",
    "print_table",
    "console",
    "number_cell",
    "split_items",
    "option_number",
    "option_numbers",
    "level_weights",
    "count_or_names",
    "tolerance_option",
    "budget_option",
    "check_seed",
    "at_least",
    "choice",
    "print_sections",
    "render",
    "DefaultCommandGroup",
    "NUMBER_KINDS",
    "Json",
    "Atol",
    "GameFile",
]


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, emoji=False, highlight=False)


def fail(message: str, code: int = 1) -> None:
    """Print ``error: message`` on stderr and exit with ``code`` (no traceback)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def errors_to_stderr() -> Iterator[None]:
    """Turn the library's errors into a one-line message: exit code 2 for a bad option value
    (:class:`InvalidArgumentError`), 1 for bad input (any other error of the library, a
    ``ValueError`` or an ``OSError`` such as a missing file)."""
    try:
        yield
    except InvalidArgumentError as error:
        fail(str(error), code=2)
    except (CoalitionsError, ValueError, OSError) as error:
        fail(str(error))


def emit_json(payload: Any) -> None:
    from ..results import jsonable

    typer.echo(json.dumps(jsonable(payload), indent=2))


class DefaultCommandGroup(TyperGroup):
    """A command group with a default command: the first argument names a command, or else
    it belongs to ``default_command`` (``coalitions bargain FILE`` runs ``bargain solve
    FILE``).

    With ``group_options`` the group has options of its own and the name stands first after
    them; without, the name is the first argument that is not an option (so the default
    command's options may come before it).
    """

    default_command = ""
    group_options = False

    def _routed(self, args: list[str], first: str) -> list[str]:
        return args if first in self.commands else [self.default_command, *args]

    def parse_args(self, ctx, args):
        positional = [a for a in args if not a.startswith("-")]
        if not self.group_options and positional and "--help" not in args[:1]:
            args = self._routed(args, positional[0])
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        if self.group_options and args and not args[0].startswith("-"):
            args = self._routed(args, args[0])
        return super().resolve_command(ctx, args)


# ----------------------------------------------------------------------------- option values
def item_lists(texts: Sequence[str], option: str) -> list[list[str]]:
    """A repeated option of comma-separated items (``-u A,B -u C,D``), each split by
    :func:`split_items`."""
    return [split_items(text, option) for text in texts]


def split_items(text: str, option: str) -> list[str]:
    """Comma-separated items, each stripped; an empty item (``1,2,`` or ``1,,2``) is a usage
    error, not silently dropped."""
    items = [part.strip() for part in str(text).split(",")]
    if not any(items):
        raise typer.BadParameter(f"{option}: give at least one comma-separated value.")
    for position, item in enumerate(items, start=1):
        if not item:
            raise typer.BadParameter(
                f"{option}: item {position} of {text!r} is empty; write comma-separated "
                "values without empty items, e.g. 4,4,2."
            )
    return items


#: How :func:`option_number` returns a number: every number exact; decimals as floats but
#: integers and fractions exact; every number a float.
NUMBER_KINDS = ("exact", "mixed", "float")


def option_number(text: str, option: str, *, kind: str = "exact") -> int | Fraction | float:
    """The one number parser of the CLI: an integer, a fraction ``2/3`` or a decimal ``0.25``
    / ``1e18`` (never evaluated as code). NaN and infinities are refused (usage error).

    ``kind="exact"``: every number exact (``0.25`` is ``1/4``). ``kind="mixed"``: a decimal
    stays a float, integers and fractions are exact (``--discount 0.9`` computes in floats,
    ``--discount 9/10`` exactly). ``kind="float"``: every number a float.
    """
    from ..games.io import parse_number

    stripped = str(text).strip()
    try:
        value = parse_number(stripped, option)
    except InvalidGameError:
        raise typer.BadParameter(
            f"{option}: {text!r} is not a number (write an integer, a fraction such "
            "as 2/3, or a finite decimal such as 0.25)."
        ) from None
    if kind == "float" or (
        kind == "mixed" and "/" not in stripped and any(c in stripped for c in ".eE")
    ):
        try:
            return float(value)
        except OverflowError:
            raise typer.BadParameter(
                f"{option}: {text!r} is too large for a float; write it as an integer or "
                "a fraction for exact arithmetic, or rescale it."
            ) from None
    return value.numerator if value.denominator == 1 else value


def option_numbers(text: str, option: str, *, kind: str = "exact") -> list[int | Fraction | float]:
    """Comma-separated numbers (see :func:`option_number`)."""
    return [option_number(item, option, kind=kind) for item in split_items(text, option)]


def level_weights(
    texts: Sequence[str], option: str, levels: int | None = None
) -> list[list[int | Fraction | float]]:
    """A repeated option of comma-separated numbers, one list per member (``-w 0,1,3 -w
    0,1,2``), each read by :func:`option_numbers`; with ``levels``, every list must give that
    many numbers (a usage error names the first that does not)."""
    rows = [option_numbers(text, option) for text in texts]
    wrong = next(
        (k for k, row in enumerate(rows) if levels is not None and len(row) != levels), None
    )
    if wrong is not None:
        count = len(rows[wrong])
        raise typer.BadParameter(
            f"{option} number {wrong + 1} ({texts[wrong]!r}) gives {count} "
            f"weight{'s' if count > 1 else ''}, but --levels {levels} needs one weight per "
            "level of approval, lowest level first."
        )
    return rows


def count_or_names(text: str, option: str, *, minimum: int = 1) -> int | list[str]:
    """A number of players (a whole number >= ``minimum``) or comma-separated distinct
    names. ``-3`` or ``2.5`` is a usage error, not a player called "-3"."""
    stripped = str(text).strip()
    try:
        number = Fraction(stripped)
    except (ValueError, ZeroDivisionError):
        number = None
    if number is not None:
        if number.denominator != 1 or number < minimum:
            raise typer.BadParameter(
                f"{option}: {text!r} is not a number of players; give a whole number of at "
                f"least {minimum}, or comma-separated names."
            )
        return int(number)
    names = split_items(stripped, option)
    if len(set(names)) != len(names):
        repeated = sorted({n for n in names if names.count(n) > 1})
        raise typer.BadParameter(f"{option}: the names {repeated} appear twice.")
    return names


def tolerance_option(value: float) -> float:
    """``--atol``: a finite tolerance >= 0."""
    if value is not None and not (math.isfinite(value) and value >= 0):
        raise typer.BadParameter(
            f"{value} is not a tolerance; give a finite number >= 0, e.g. 1e-9."
        )
    return value


def budget_option(value: int | None) -> int | None:
    """``--budget``: a positive number of value evaluations."""
    if value is not None and value < 1:
        raise typer.BadParameter(
            f"{value} is not a budget; give a positive number of value evaluations, e.g. 100000."
        )
    return value


def check_seed(value: int | None) -> int | None:
    """``--seed``: a non-negative integer."""
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value} is not a seed; give an integer >= 0.")
    return value


def at_least(minimum: int, option: str) -> Callable[[int], int]:
    """A callback refusing whole numbers below ``minimum`` (usage error)."""

    def check(value):
        if value is not None and value < minimum:
            raise typer.BadParameter(
                f"{value} is too small: {option} must be a whole number >= {minimum}."
            )
        return value

    return check


def choice(valid: Sequence[str], option: str) -> Callable[[str], str]:
    """A callback refusing any value of ``option`` outside ``valid`` (usage error)."""

    def check(value: str) -> str:
        if value is not None and value not in valid:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(valid)}.")
        return value

    check.__name__ = f"check_{option.strip('-').replace('-', '_')}"
    return check


# The options many commands share, declared once (``as_json: Json = False``).
Json = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]
Atol = Annotated[
    float,
    typer.Option(
        "--atol", callback=tolerance_option, help="Tolerance for float games (a number >= 0)."
    ),
]
GameFile = Annotated[
    Path,
    typer.Argument(
        help="A game file: a JSON document, or an .npz archive with a binary table "
        "(see docs/reference/file-format.md)."
    ),
]


# ----------------------------------------------------------------------------- tables
def render(
    payload: Any,
    as_json: bool,
    title: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    caption: str | None = None,
) -> None:
    """The render step of a command: ``payload`` as JSON (a result is its ``to_dict()``), or
    the table of ``rows`` (pass a generator: it is not read for JSON)."""
    if as_json:
        emit_json(payload)
    else:
        print_table(title, columns, rows, caption)


def print_table(
    title: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    caption: str | None = None,
    footnote: str | None = None,
) -> None:
    """A rich table on stdout, every cell printed in full (never cut with an ellipsis), with a
    ``caption`` under it or a ``footnote`` line after it; csv or markdown with ``--format``.

    Cells wrap only between words. A table too wide for the terminal is split into several
    tables of fewer columns, each repeating the first column; if even one column does not
    fit beside the first, each row is printed as a block of ``column: value`` lines.
    """
    rows = [[_cell(v) for v in row] for row in rows]
    columns = [str(c) for c in columns]
    if (fmt := current_format()) != "table":
        write_table(fmt, title, columns, rows, caption or footnote)
        return
    if footnote:
        print_table(title, columns, rows, caption)
        typer.echo(f"  {footnote}")
        return
    out = console()
    cells = [
        [column, *(row[i] for row in rows if i < len(row))] for i, column in enumerate(columns)
    ]
    # a column can be as narrow as its longest word and needs no more than its longest cell;
    # each also takes one space of padding on both sides and the rule on its right
    narrow = [
        max(len(word) for cell in column for word in cell.split() or [""]) or 1 for column in cells
    ]
    wide = [max(max(len(cell) for cell in column), 1) for column in cells]
    room = out.width - 1
    if 3 + narrow[0] + 3 + max(narrow[1:], default=0) > room:
        _print_records(title, columns, rows, caption)
        return
    groups: list[list[int]] = []
    current: list[int] = []
    used = 3 + narrow[0]
    for i in range(1, len(columns)):
        if current and used + 3 + narrow[i] > room:
            groups.append(current)
            current, used = [], 3 + narrow[0]
        current.append(i)
        used += 3 + narrow[i]
    groups.append(current)
    for k, group in enumerate(groups):
        part = f" ({k + 1}/{len(groups)})" if len(groups) > 1 else ""
        chosen = [0, *group]
        _rich_table(
            out,
            title + part,
            [columns[i] for i in chosen],
            [[row[i] if i < len(row) else "" for i in chosen] for row in rows],
            _widths([narrow[i] for i in chosen], [wide[i] for i in chosen], room),
            caption if k == len(groups) - 1 else None,
        )


def print_sections(sections: Iterable[Any], cell: Callable[[Any], str] | None = None) -> None:
    """Print report sections (title, columns, rows, notes, assumptions) as tables, each
    cell formatted by ``cell`` (default :func:`number_cell`)."""
    format_cell = number_cell if cell is None else cell
    for section in sections:  # print_table escapes: text is data, never rich markup
        print_table(
            section.title, section.columns, [[format_cell(v) for v in row] for row in section.rows]
        )
        typer.echo(
            "".join(
                [
                    *(f"  * {note}\n" for note in section.notes),
                    *(f"  ASSUMPTION: {a}\n" for a in section.assumptions),
                ]
            )
        )


def _widths(narrow: list[int], wide: list[int], room: int) -> list[int]:
    """Column widths from at least ``narrow`` to at most ``wide``, sharing the spare room
    of the line one character at a time with the columns that can still grow."""
    widths = list(narrow)
    spare = room - sum(w + 3 for w in widths)
    while spare > 0:
        growing = [i for i, w in enumerate(widths) if w < wide[i]]
        if not growing:
            break
        for i in growing[:spare]:
            widths[i] += 1
        spare -= min(spare, len(growing))
    return widths


def _rich_table(
    out,
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    caption: str | None,
) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title), caption=None if caption is None else escape(caption))
    for i, (column, width) in enumerate(zip(columns, widths)):
        table.add_column(
            escape(column), justify="left" if i == 0 else "right", overflow="fold", width=width
        )
    for row in rows:
        table.add_row(*[escape(cell) for cell in row])
    out.print(table)


def _print_records(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None
) -> None:
    """The narrow layout: the title, then per row its first cell and one line per column."""
    typer.echo(title)
    for row in rows:
        typer.echo(f"- {row[0]}" if row else "-")
        for column, cell in zip(columns[1:], row[1:]):
            typer.echo(f"    {column}: {cell}")
    if caption:
        typer.echo(caption)


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else number_cell(value)


#: Fractions with a larger denominator are shown as a decimal only.
_LARGEST_SHOWN_DENOMINATOR = 10**5


def number_cell(value: Any, digits: int = 6) -> str:
    """The one number formatter of the CLI.

    An exact fraction is shown as ``p/q (decimal)`` (a decimal alone when ``q`` is past
    100000; ``p/q`` alone in csv), an integer as itself, a float with ``digits`` significant
    digits (all of them in csv), a boolean as
    ``True``/``False``, None as ``-``; tuples and lists as ``(a, b)`` and dictionaries as
    ``key=value`` pairs, each entry formatted the same way.
    """
    if hasattr(value, "tolist") and not isinstance(value, (Fraction, int, float)):
        value = value.tolist()  # a numpy scalar or array: its Python value
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (Fraction, float)) and current_format() == "csv":
        return str(value)  # data, not display: the exact fraction, every digit of a float
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        if value.denominator > _LARGEST_SHOWN_DENOMINATOR:
            return f"{float(value):.{digits}g}"
        return f"{value} ({float(value):.{digits}g})"
    if isinstance(value, float):
        return f"{value:.{digits}g}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(number_cell(v, digits) for v in value) + ")"
    if isinstance(value, dict):
        return ", ".join(f"{k}={number_cell(v, digits)}" for k, v in value.items())
    return str(value)


def assignments(values: list[str] | None, option: str) -> dict[str, str]:
    """Repeated ``NAME=VALUE`` options as a mapping (a usage error otherwise)."""
    out: dict[str, str] = {}
    for text in values or []:
        name, sep, value = str(text).partition("=")
        if not (sep and name.strip() and value.strip()):
            raise typer.BadParameter(f"{option}: write NAME=VALUE, got {text!r}.")
        if name.strip() in out:
            raise typer.BadParameter(f"{option}: {name.strip()!r} is given twice.")
        out[name.strip()] = value.strip()
    return out


def policy_option(text: str, option: str):
    """A policy point: a number, or ``x,y`` in two dimensions (exact numbers)."""
    numbers = option_numbers(text, option)
    if len(numbers) > 2:
        raise typer.BadParameter(f"{option}: a point is one number or a pair x,y, got {text!r}.")
    return numbers[0] if len(numbers) == 1 else tuple(numbers)


def named_points(values: list[str] | None, option: str, example: str) -> dict:
    """Repeated ``NAME=POINT`` options (each point as :func:`policy_option` reads it) as a
    mapping; none at all is a usage error that asks for ``example``."""
    points = {
        name: policy_option(point, option) for name, point in assignments(values, option).items()
    }
    if not points:
        raise typer.BadParameter(f"give {example} (repeat).")
    return points

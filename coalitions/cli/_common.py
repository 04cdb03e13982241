"""Shared CLI plumbing: errors on stderr, JSON output, tables. No analysis logic lives here."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Sequence

import typer

from ..exceptions import CoalitionsError
from ..results import jsonable

__all__ = ["fail", "errors_to_stderr", "emit_json", "print_table", "console", "JSON_OPTION"]

JSON_OPTION = typer.Option(False, "--json", help="Print the result as JSON on stdout.")


def console():
    from rich.console import Console

    return Console()


def fail(message: str, code: int = 1) -> None:
    """Print ``error: message`` on stderr and exit with ``code`` (no traceback)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def errors_to_stderr() -> Iterator[None]:
    """Turn the library's errors (and bad values) into a one-line message and exit code 1."""
    try:
        yield
    except (CoalitionsError, ValueError, OSError) as error:
        fail(str(error))


def emit_json(payload: Any) -> None:
    typer.echo(json.dumps(jsonable(payload), indent=2))


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                caption: str | None = None) -> None:
    """A rich table on stdout (plain text when stdout is not a terminal)."""
    from rich.table import Table

    table = Table(title=title, caption=caption)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*[_cell(v) for v in row])
    console().print(table)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    if value is None:
        return "-"
    return str(value)


def number_cell(value: Any) -> str:
    """An exact value shown as fraction and decimal, a float as a decimal."""
    from fractions import Fraction

    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value} ({float(value):.6g})"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()

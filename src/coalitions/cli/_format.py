"""``--format table|json|csv|markdown``: the one formatter of the CLI's table output.

A table command takes the option through :func:`formats`; ``json`` is ``--json`` (the result's
``to_dict()``), ``table`` is today's rich table, and ``csv`` and ``markdown`` render the same
rows: every table a command prints goes through :func:`~coalitions.cli._common.print_table`,
which asks :func:`current` for the format and hands csv and markdown to :func:`write_table`.
CSV holds the header and the rows of each table (titles and captions are left out, tables are
separated by an empty line); Markdown gives each table its title, a header separator row and
its caption. Imports nothing from the library.
"""

from __future__ import annotations

import contextvars
import csv
import functools
import inspect
import io
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

import typer

__all__ = ["FORMATS", "Format", "formats", "current", "write_table"]

FORMATS = ("table", "json", "csv", "markdown")
_CURRENT: contextvars.ContextVar[str] = contextvars.ContextVar("format", default="table")
_F = TypeVar("_F", bound=Callable[..., Any])


def _check(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(FORMATS)}.")
    return value


Format = Annotated[
    str,
    typer.Option("--format", callback=_check, help="table | json (as --json) | csv | markdown."),
]


def current() -> str:
    """The format of the command running now (``table`` outside one)."""
    return _CURRENT.get()


def formats(command: _F) -> _F:
    """Give a table command ``--format``: the wrapper sets :func:`current` while the command
    runs, and ``--format json`` passes ``as_json=True``."""
    signature = inspect.signature(command, eval_str=True)
    option = inspect.Parameter(
        "output_format", inspect.Parameter.KEYWORD_ONLY, default="table", annotation=Format
    )

    @functools.wraps(command)
    def run(*args: Any, output_format: str = "table", **kwargs: Any) -> Any:
        if output_format == "json":
            kwargs["as_json"] = True
        token = _CURRENT.set(output_format)
        try:
            return command(*args, **kwargs)
        finally:
            _CURRENT.reset(token)

    run.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), option]
    )
    return run  # type: ignore[return-value]


def write_table(
    fmt: str, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None
) -> None:
    """One table in ``csv`` or ``markdown`` on stdout (cells already formatted)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        typer.echo(buffer.getvalue())
        return

    def line(cells: Sequence[str]) -> str:
        return (
            "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"
        )

    text = [f"**{title}**", "", line(columns), "|" + "---|" * len(columns), *map(line, rows)]
    typer.echo("\n".join([*text, *([f"\n{caption}"] if caption else []), ""]))

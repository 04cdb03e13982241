"""``--plot FILE`` for the CLI commands: one option and one call per command.

Each helper draws with :mod:`coalitions.plot`, writes PNG or SVG by suffix and prints where it
went (on stderr when the command prints JSON on stdout). Without matplotlib the command
fails with a one-line message saying how to install the plot extra.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import errors_to_stderr

__all__ = ["Plot", "write_plot"]

Plot = Annotated[
    Path | None,
    typer.Option(
        "--plot",
        metavar="FILE",
        help="Also draw the result to FILE (.png or .svg); needs the plot extra: "
        "pip install coalitions-toolkit[plot].",
    ),
]


def write_plot(path: Path | None, draw: Callable[[], Any], *, quiet: bool = False) -> None:
    """If ``path`` is given, draw the figure and save it there; errors go to stderr."""
    if path is None:
        return
    from ..plot import save_figure

    with errors_to_stderr():
        written = save_figure(draw(), path)
    typer.echo(f"figure written to {written}", err=quiet)

"""The matplotlib boundary: lazy import, headless backend, saving figures.

matplotlib is the optional extra ``plot``. Nothing in :mod:`coalitions` imports it until a
plotting function is called, and then the non-interactive Agg backend is forced so that
figures render the same on a laptop, a server and CI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..exceptions import CoalitionsError, InvalidArgumentError

__all__ = ["PlotDependencyError", "pyplot", "save_figure", "as_float"]

SUFFIXES = (".png", ".svg")


class PlotDependencyError(CoalitionsError, ImportError):
    """matplotlib is needed for plotting and is not installed."""


def pyplot() -> Any:
    """Return ``matplotlib.pyplot`` with the Agg backend, or raise PlotDependencyError."""
    try:
        import matplotlib
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise PlotDependencyError(
            "plotting needs matplotlib, which is not installed; install the plot extra with "
            "`pip install coalitions-toolkit[plot]` (or `pip install matplotlib`)") from error
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def new_figure(width: float = 6.4, height: float = 4.8, ncols: int = 1) -> tuple[Any, Any]:
    """A fresh figure with ``ncols`` axes (never the global pyplot state)."""
    plt = pyplot()
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.subplots(1, ncols)
    del plt
    return figure, axes


def save_figure(figure: Any, path: str | Path, *, dpi: int = 150) -> Path:
    """Write ``figure`` to ``path`` as PNG or SVG, chosen by the file's suffix.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    path : str or pathlib.Path
        Ends in ``.png`` or ``.svg``.
    dpi : int
        Resolution of PNG files.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        If the suffix is neither ``.png`` nor ``.svg``.
    PlotDependencyError
        If matplotlib is not installed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidArgumentError(f"cannot tell the image format of {str(path)!r}: the file name must "
                         "end in .png or .svg")
    pyplot()
    figure.savefig(path, format=suffix[1:], dpi=dpi)
    return path


def as_float(value: Any) -> float:
    """A number of any kind (float, Fraction, sympy) as a Python float."""
    try:
        return float(value)
    except TypeError as error:
        raise InvalidArgumentError(f"cannot plot {value!r}: it is not a number (a symbolic value with "
                         "free symbols must be substituted first)") from error

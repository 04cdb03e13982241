"""The matplotlib boundary: lazy import, headless backend, saving figures.

matplotlib is the optional extra ``plot``. Nothing in :mod:`coalitions` imports it until a
plotting function is called, and then the non-interactive Agg backend is forced so that
figures render the same on a laptop, a server and CI.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .._checks import as_list, as_path, check_integer
from .._docstrings import fill_doc
from ..exceptions import CoalitionsError, InvalidArgumentError

__all__ = [
    "PlotDependencyError",
    "pyplot",
    "save_figure",
    "plot_doc",
    "point_text",
    "mark",
    "shade",
    "as_float",
    "as_mapping",
    "as_floats",
    "as_pair",
    "as_labels",
    "as_text",
]

SUFFIXES = (".png", ".svg")
#: Marker cycle for named points (solutions, allocations).
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")

_T = TypeVar("_T")

#: Docstring text that every plotting function shares, placed by ``{{name}}`` marker lines.
DOCS = {
    "figure": """Returns
-------
matplotlib.figure.Figure
    A new figure, not pyplot's current one: write it with :func:`save_figure`.""",
    "result_title": """title : str
    The figure's title (the CLI passes what the command analysed).""",
    "no_matplotlib": """PlotDependencyError
    If matplotlib is not installed.""",
}
#: Returns and Raises of a function whose only error is a missing matplotlib.
DOCS["figure_raises"] = f"{DOCS['figure']}\n\nRaises\n------\n{DOCS['no_matplotlib']}"


def plot_doc(*names: str) -> Callable[[_T], _T]:
    """:func:`coalitions._docstrings.fill_doc` with the fragments ``names`` of :data:`DOCS`."""
    return fill_doc(**{name: DOCS[name] for name in names})


class PlotDependencyError(CoalitionsError, ImportError):
    """matplotlib is needed for plotting and is not installed."""


def pyplot() -> Any:
    """Return ``matplotlib.pyplot`` with the Agg backend, or raise PlotDependencyError."""
    try:
        import matplotlib
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise PlotDependencyError(
            "plotting needs matplotlib, which is not installed; install the plot extra with "
            "`pip install coalitions-toolkit[plot]` (or `pip install matplotlib`)"
        ) from error
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
    InvalidArgumentError
        If the suffix is neither ``.png`` nor ``.svg``, ``figure`` is not a figure or ``dpi``
        is not a positive integer.
    PlotDependencyError
        If matplotlib is not installed.

    Examples
    --------
    >>> import tempfile
    >>> from coalitions.plot import power_index_bars
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = save_figure(power_index_bars({"SS": {"a": 1}}), Path(folder) / "bars.svg")
    ...     path.name, path.read_text()[:5]
    ('bars.svg', '<?xml')
    """
    path = as_path(path, "save_figure", expected="a file name ending in .png or .svg")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidArgumentError(
            f"cannot tell the image format of {str(path)!r}: the file name must end in .png or .svg"
        )
    if not callable(getattr(figure, "savefig", None)):
        raise InvalidArgumentError(
            f"figure must be a matplotlib figure (as returned by the "
            f"coalitions.plot functions), got {type(figure).__name__}."
        )
    dpi = check_integer(dpi, "dpi", "save_figure", low=1, high=2400)
    pyplot()
    figure.savefig(path, format=suffix[1:], dpi=dpi)
    return path


def point_text(values: Sequence[float]) -> str:
    """``(a, b, ...)`` to three significant digits, for legends and labels."""
    return "(" + ", ".join(f"{v:.3g}" for v in values) + ")"


def mark(ax: Any, point: Sequence[float], label: str | None, **style: Any) -> Any:
    """One marker at the plane ``point`` with a legend ``label`` (``style``: matplotlib's
    ``marker``, ``ms``, ``color``, ``zorder``); returns the line."""
    (line,) = ax.plot(*point, linestyle="none", label=label, **{"marker": "o", **style})
    return line


def shade(ax: Any, polygon: Sequence[Sequence[float]], colour: str, **style: Any) -> None:
    """Fill ``polygon`` (its vertices in order) in ``colour`` with an edge of that colour
    (``style``: matplotlib's ``alpha``, ``lw``, ``label``)."""
    ax.fill(*zip(*polygon), facecolor=colour, edgecolor=colour, **style)


def as_float(value: Any) -> float:
    """A number of any kind (float, Fraction, sympy) as a finite Python float."""
    try:
        number = float(value) if not isinstance(value, (str, bytes)) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise InvalidArgumentError(
            f"cannot plot {value!r}: it is not a finite number (a "
            "symbolic value with free symbols must be substituted "
            "first)"
        )
    return number


def as_mapping(value: Any, what: str) -> dict:
    """A mapping argument (``None`` means empty) as a dict."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            f"{what} must be a mapping {{name: values}}, got {type(value).__name__}."
        )
    return dict(value)


def as_floats(values: Any, what: str) -> list[float]:
    """A sequence of finite numbers as floats."""
    items = as_list(values, what, expected="a sequence of numbers")
    return [as_float(v) for v in items]


def as_pair(
    value: Any, what: str, error: type[CoalitionsError] = InvalidArgumentError
) -> tuple[float, float]:
    """A point of the plane as two floats."""
    try:
        numbers = as_floats(value, what)
    except InvalidArgumentError:
        numbers = []
    if len(numbers) != 2:
        raise error(f"{what} must be a point in the plane (x, y), got {value!r}")
    return numbers[0], numbers[1]


def as_labels(value: Any, what: str, count: int) -> tuple[str, ...]:
    """``count`` strings (axis labels, player names)."""
    labels = as_list(value, what, expected=f"{count} strings")
    if len(labels) != count or not all(isinstance(label, str) for label in labels):
        raise InvalidArgumentError(f"{what} must be {count} strings, got {value!r}.")
    return tuple(labels)


def as_text(value: Any, what: str) -> str | None:
    """An optional label: None or a string."""
    if value is not None and not isinstance(value, str):
        raise InvalidArgumentError(f"{what} must be a string, got {value!r}.")
    return value

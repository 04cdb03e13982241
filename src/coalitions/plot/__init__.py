"""Plots (the optional extra ``plot``): imputation simplex, the core and Weber set of a
4-player game in 3-D, bargaining frontier, power-index bars, legitimacy-efficiency curves,
the two-dimensional win-set, Lorenz curves, claims-rule paths and the policy functions of
dynamic bargaining.

Every function takes plain data, returns a :class:`matplotlib.figure.Figure` and never shows
a window; write it with :func:`save_figure` (PNG or SVG by suffix). matplotlib is imported
only when a function is called; without it a :class:`PlotDependencyError` says how to
install it.
"""

from ._geometry import clip_half_plane, convex_hull, core_vertices_3, imputation_vertices_3
from ._mpl import PlotDependencyError, save_figure
from .bargaining import bargaining_frontier
from .claims import claims_paths, lorenz_curves, lorenz_points
from .core3d import core_3d, polytope_faces
from .dynamic import policy_function_diagram
from .legitimacy import legitimacy_efficiency_curves
from .power import power_index_bars
from .sensitivity import scenario_bars, tornado
from .simplex import imputation_simplex
from .winset import acceptance_sets_diagram, win_set_diagram

__all__ = [
    "PlotDependencyError",
    "save_figure",
    "imputation_simplex",
    "core_3d",
    "lorenz_curves",
    "claims_paths",
    "bargaining_frontier",
    "power_index_bars",
    "legitimacy_efficiency_curves",
    "win_set_diagram",
    "acceptance_sets_diagram",
    "policy_function_diagram",
    "tornado",
    "scenario_bars",
    "core_vertices_3",
    "imputation_vertices_3",
    "convex_hull",
    "clip_half_plane",
    "lorenz_points",
    "polytope_faces",
]

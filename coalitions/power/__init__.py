"""Voting power of simple games: indices, structural checks, decision-rule sweeps, blocs.

Games are built in :mod:`coalitions.games.simple`; real bodies are in
:mod:`coalitions.datasets`; a priori unions (Owen) in :mod:`coalitions.solutions.owen`.
"""

from . import checks, indices
from .checks import *
from .indices import *

__all__ = [*indices.__all__, *checks.__all__]

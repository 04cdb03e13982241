"""Coalition formation: structures, hedonic stability, self-enforcing clubs, winning coalitions."""

from .structures import *  # noqa: F401,F403
from .structures import __all__ as _structures_all

__all__ = [*_structures_all]

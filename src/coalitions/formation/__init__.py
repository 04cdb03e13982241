"""Coalition formation: structures, hedonic stability, self-enforcing clubs, winning coalitions,
formation with externalities (partition-function games)."""

from .structures import *  # noqa: F401,F403
from .structures import __all__ as _structures_all

from .hedonic import *  # noqa: F401,F403
from .hedonic import __all__ as _hedonic_all
from .agreements import *  # noqa: F401,F403
from .agreements import __all__ as _agreements_all
from .winning import *  # noqa: F401,F403
from .winning import __all__ as _winning_all
from .clubs import *  # noqa: F401,F403
from .clubs import __all__ as _clubs_all
from .externalities import *  # noqa: F401,F403
from .externalities import __all__ as _externalities_all
from .blocs import bloc_gains, bloc_structure_stability, stable_bloc_structures

__all__ = [
    *_structures_all,
    *_hedonic_all,
    *_agreements_all,
    *_winning_all,
    *_clubs_all,
    *_externalities_all,
    "bloc_gains",
    "stable_bloc_structures",
    "bloc_structure_stability",
]

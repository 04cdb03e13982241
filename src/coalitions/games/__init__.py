"""What you analyse: TU games, their families, properties, transforms and file format."""

from .classes import *  # noqa: F401,F403
from .classes import __all__ as _classes_all
from .properties import *  # noqa: F401,F403
from .properties import __all__ as _properties_all
from .more_properties import *  # noqa: F401,F403
from .more_properties import __all__ as _more_properties_all
from .transforms import *  # noqa: F401,F403
from .transforms import __all__ as _transforms_all
from .partition_function import PartitionFunctionGame
from .tu import TUGame

__all__ = [
    "TUGame",
    "PartitionFunctionGame",
    *_classes_all,
    *_properties_all,
    *_more_properties_all,
    *_transforms_all,
]

"""Immutable objects: what every model of :mod:`coalitions.games` shares.

Part of the private core (it imports nothing from the package). A class deriving from
:class:`Frozen` refuses attribute assignment and deletion after construction; its
constructor sets its attributes with :func:`assign`. Equality and hashing on content are
each class's own (they depend on what the content is).
"""

from __future__ import annotations

from typing import Any

__all__ = ["Frozen", "assign"]


def assign(obj: Any, **attributes: Any) -> None:
    """Set attributes of a :class:`Frozen` object (in its constructor, or to fill a cache);
    see the example of :class:`Frozen`."""
    for name, value in attributes.items():
        object.__setattr__(obj, name, value)


class Frozen:
    """Mixin: instances are immutable (assignment and deletion raise ``AttributeError``).

    Examples
    --------
    >>> class Point(Frozen):
    ...     __slots__ = ("x",)
    ...     def __init__(self, x):
    ...         assign(self, x=x)
    >>> Point(1).x
    1
    >>> Point(1).x = 2
    Traceback (most recent call last):
    ...
    AttributeError: Point is immutable: build a new one (its replace() method, where it has one, or its constructor) instead of setting 'x'.
    """

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(
            f"{type(self).__name__} is immutable: build a new one (its replace() method, "
            f"where it has one, or its constructor) instead of setting {name!r}."
        )

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: {name!r} cannot be deleted.")

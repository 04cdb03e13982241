"""Immutable objects: what every model of :mod:`coalitions.games` shares.

Part of the private core (it imports nothing from the package). A class deriving from
:class:`Frozen` refuses attribute assignment and deletion after construction; its
constructor sets its attributes with :func:`assign`. A class that defines ``_key()`` (a
tuple of hashable values that identifies its content) gets equality and hashing on that
content; with a ``_hash`` slot the hash is computed once.
"""

from __future__ import annotations

import operator
from typing import Any

__all__ = ["Frozen", "assign", "field_property"]


def assign(obj: Any, **attributes: Any) -> None:
    """Set attributes of a :class:`Frozen` object (in its constructor, or to fill a cache);
    see the example of :class:`Frozen`."""
    for name, value in attributes.items():
        object.__setattr__(obj, name, value)


def field_property(name: str, doc: str) -> Any:
    """A read-only property that returns the attribute ``name`` (a field the constructor set),
    documented by ``doc``: one line for what would be a four-line getter.

    Examples
    --------
    >>> class Box(Frozen):
    ...     size = field_property("_size", "The size, as given.")
    ...     def __init__(self, size):
    ...         assign(self, _size=size)
    >>> Box(3).size, Box.size.__doc__
    (3, 'The size, as given.')
    """
    return property(operator.attrgetter(name), doc=doc)


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

    def _key(self) -> tuple:
        """The content that decides equality and the hash (classes override it)."""
        return (id(self),)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)) and not isinstance(self, type(other)):
            return NotImplemented
        return self is other or (type(self) is type(other) and self._key() == other._key())

    def __hash__(self) -> int:
        cached = getattr(self, "_hash", None)
        if cached is None:
            cached = hash((type(self).__name__, *self._key()))
            if hasattr(type(self), "_hash"):  # a ``_hash`` slot: keep it for the next call
                assign(self, _hash=cached)
        return cached

"""Shared docstring fragments: one home for text that several docstrings must say alike.

Part of the private core (it imports nothing from the package). Sibling front doors that take
the same parameters (the ``game``/``method``/``callback`` block of two index functions, say)
write the description once here and place it with a marker line ``{{name}}`` in their
docstrings; :func:`fill_doc` replaces each marker by the fragment, indented as the marker is.
The text a reader gets from ``help()``, the doctests and the API pages is the filled text.

Use it for a block that is *genuinely* the same in every place; a parameter whose meaning
differs between functions keeps its own words.

Examples
--------
>>> @fill_doc(game="game : TUGame\\n    The game.")
... def f(game):
...     '''Do something.
...
...     Parameters
...     ----------
...     {{game}}
...     '''
>>> print(f.__doc__.splitlines()[4])
    game : TUGame
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import TypeVar

__all__ = ["fill_doc", "PROPERTY_DOC"]

_T = TypeVar("_T")
_MARKER = re.compile(r"^(?P<indent>[ \t]*)\{\{(?P<name>\w+)\}\}[ \t]*$", re.MULTILINE)


def fill_doc(**fragments: str) -> Callable[[_T], _T]:
    """Return a decorator that replaces each ``{{name}}`` marker line by ``fragments[name]``.

    A marker with no fragment raises :class:`RuntimeError` when the module is imported, so a typo
    fails every test that imports it instead of reaching a reader; a fragment that no marker
    uses raises too. Under ``python -OO`` (no docstrings) the object is returned as it is.
    """
    texts = {name: textwrap.dedent(text).strip("\n") for name, text in fragments.items()}

    def apply(obj: _T) -> _T:
        doc = obj.__doc__
        if doc is None:  # stripped by python -OO
            return obj
        used: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            name = match.group("name")
            if name not in texts:
                raise RuntimeError(
                    f"docstring of {getattr(obj, '__qualname__', obj)!r}: no fragment {name!r}"
                )
            used.add(name)
            return textwrap.indent(texts[name], match.group("indent"))

        filled = _MARKER.sub(replace, doc)
        unused = set(texts) - used
        if unused:
            raise RuntimeError(
                f"docstring of {getattr(obj, '__qualname__', obj)!r}: no marker for {sorted(unused)}"
            )
        obj.__doc__ = filled
        return obj

    return apply


#: What every property check says of its arguments and answer.
PROPERTY_DOC = """Parameters
----------
game : TUGame
    A numeric game (a symbolic game has no order: substitute its symbols first).
atol : float
    Tolerance of the comparisons in a float game; an exact game is compared exactly.

Returns
-------
bool"""

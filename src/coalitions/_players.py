"""Players by name and by bit: the part every game-like object shares.

Part of the private core (it imports nothing from the package but the exceptions): the game
classes of :mod:`coalitions.games` and the hedonic games of :mod:`coalitions.formation` both
build on :class:`PlayerSet`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .exceptions import CoalitionsError, InvalidGameError

__all__ = ["PlayerSet", "as_names", "unknown_player", "mask_of", "names_of"]


def as_names(coalition: Any, error: type[CoalitionsError] = InvalidGameError) -> tuple:
    """Names in a coalition given as one name (str) or an iterable of names."""
    if isinstance(coalition, str):
        return (coalition,)
    try:
        return tuple(coalition)
    except TypeError:
        raise error(
            f"a coalition must be an iterable of player names (or a bitmask), got {coalition!r}."
        ) from None


def unknown_player(
    name: Any,
    players: Iterable[Any],
    *,
    where: str = "",
    error: type[CoalitionsError] = InvalidGameError,
    limit: int | None = None,
) -> CoalitionsError:
    """The error for ``name``, which is not one of ``players``: it lists the players (the
    first ``limit`` of them), after ``where`` (the place in the input) when given.

    Examples
    --------
    >>> str(unknown_player("z", ["a", "b"], where="coalition ['a', 'z']"))
    "coalition ['a', 'z']: unknown player 'z'; the players are 'a', 'b'."
    """
    players = list(players)
    shown = players if limit is None else players[:limit]
    listed = ", ".join(map(repr, shown)) + (", ..." if len(shown) < len(players) else "")
    prefix = f"{where}: " if where else ""
    return error(f"{prefix}unknown player {name!r}; the players are {listed}.")


def mask_of(
    coalition: Any,
    index: Mapping[Any, int],
    *,
    where: str = "",
    error: type[CoalitionsError] = InvalidGameError,
) -> int:
    """Bitmask of a coalition given as one name or an iterable of names; ``index`` maps each
    name to its bit. An unknown (or unhashable) name raises ``error`` (see
    :func:`unknown_player`).

    Examples
    --------
    >>> mask_of(["c", "a"], {"a": 0, "b": 1, "c": 2})
    5
    """
    mask = 0
    for name in as_names(coalition, error):
        try:
            mask |= 1 << index[name]
        except (KeyError, TypeError):  # TypeError: an unhashable "name", such as a list
            raise unknown_player(name, index, where=where, error=error) from None
    return mask


def names_of(mask: int, players: Sequence[Any]) -> tuple:
    """Names of the players in ``mask``, in player order.

    Examples
    --------
    >>> names_of(0b101, ["a", "b", "c"])
    ('a', 'c')
    """
    return tuple(p for i, p in enumerate(players) if mask >> i & 1)


class PlayerSet:
    """Mixin for objects with ``_players`` (a tuple of names; player i is bit i).

    Gives ``players``, ``n_players``, ``grand_coalition_mask``, ``player_index``, ``mask`` and
    ``coalition``. The name -> bit map is built once and kept in ``_index``.
    """

    __slots__ = ()
    _players: tuple

    @property
    def players(self) -> tuple[str, ...]:
        """Player names; ``players[i]`` is bit ``i`` of a coalition mask."""
        return self._players

    @property
    def n_players(self) -> int:
        """Number of players."""
        return len(self._players)

    @property
    def grand_coalition_mask(self) -> int:
        """Bitmask of the grand coalition, ``2**n - 1``."""
        return (1 << len(self._players)) - 1

    def _name_index(self) -> dict:
        index = getattr(self, "_index", None)
        if index is None:
            index = {name: i for i, name in enumerate(self._players)}
            object.__setattr__(self, "_index", index)
        return index

    def player_index(self, player: str) -> int:
        """Position (bit) of a player by name."""
        try:
            return self._name_index()[player]
        except (KeyError, TypeError):
            raise unknown_player(player, self._players) from None

    def mask(self, coalition: Any) -> int:
        """Bitmask of a coalition given as a mask, one name, or an iterable of names."""
        if isinstance(coalition, (int, np.integer)) and not isinstance(coalition, bool):
            mask = int(coalition)
            if not 0 <= mask <= self.grand_coalition_mask:
                raise InvalidGameError(
                    f"coalition mask {mask} is out of range for {self.n_players} players "
                    f"(0 .. {self.grand_coalition_mask})."
                )
            return mask
        return mask_of(coalition, self._name_index())

    def coalition(self, mask: int) -> frozenset:
        """Names of the players in a coalition mask."""
        mask = self.mask(mask)
        return frozenset(names_of(mask, self._players))

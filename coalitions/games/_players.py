"""Players by name and by bit: the part every game-like object shares."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..exceptions import InvalidGameError

__all__ = ["PlayerSet", "as_names"]


def as_names(coalition: Any) -> tuple:
    """Names in a coalition given as one name (str) or an iterable of names."""
    if isinstance(coalition, str):
        return (coalition,)
    try:
        return tuple(coalition)
    except TypeError:
        raise InvalidGameError(
            f"a coalition must be an iterable of player names (or a bitmask), got "
            f"{coalition!r}."
        ) from None


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
            raise InvalidGameError(
                f"unknown player {player!r}; the players are "
                f"{', '.join(map(repr, self._players))}."
            ) from None

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
        mask = 0
        for name in as_names(coalition):
            mask |= 1 << self.player_index(name)
        return mask

    def coalition(self, mask: int) -> frozenset:
        """Names of the players in a coalition mask."""
        mask = self.mask(mask)
        return frozenset(p for i, p in enumerate(self._players) if mask >> i & 1)

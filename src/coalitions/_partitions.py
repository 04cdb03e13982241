"""Coalitions and partitions of named players as bitmasks (private core: shared by
:mod:`coalitions.games` and :mod:`coalitions.formation`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from ._players import as_names, mask_of, names_of
from .exceptions import InvalidProblemError

__all__ = [
    "partition_masks",
    "partition_names",
    "named_coalition_mask",
    "mask_partitions",
    "integer_partitions",
    "consecutive_blocks",
    "bell",
    "partition_labels",
]


def named_coalition_mask(coalition: Any, index: dict, *, what: str = "coalition") -> int:
    """Bitmask of a coalition of names; an unknown player raises InvalidProblemError."""
    return mask_of(coalition, index, where=f"{what} {_show(coalition)}", error=InvalidProblemError)


def partition_masks(
    partition: Iterable[Any], players: Sequence[str], *, what: str = "coalition structure"
) -> list[int]:
    """Masks of the blocks of a partition of ``players``; raise if it is not one.

    Every block must be non-empty, blocks must be disjoint, and together they must contain
    every player exactly once.
    """
    if isinstance(partition, str):
        raise InvalidProblemError(
            f"a {what} is a list of coalitions (lists of player names), got the string "
            f"{partition!r}."
        )
    index = {name: i for i, name in enumerate(players)}
    masks: list[int] = []
    seen = 0
    try:
        blocks = list(partition)
    except TypeError:
        raise InvalidProblemError(
            f"a {what} is a list of coalitions (lists of player names), got "
            f"{type(partition).__name__}."
        ) from None
    for block in blocks:
        mask = named_coalition_mask(block, index, what=f"{what} block")
        if mask == 0:
            raise InvalidProblemError(f"a {what} may not contain an empty coalition.")
        if len(as_names(block, InvalidProblemError)) != bin(mask).count("1"):
            raise InvalidProblemError(f"{what} block {_show(block)} lists a player twice.")
        if mask & seen:
            twice = names_of(mask & seen, players)
            raise InvalidProblemError(
                f"{what} blocks overlap: {', '.join(map(repr, twice))} appear(s) in two "
                "coalitions; each player belongs to exactly one."
            )
        seen |= mask
        masks.append(mask)
    full = (1 << len(players)) - 1
    if seen != full:
        missing = names_of(full & ~seen, players)
        raise InvalidProblemError(
            f"the {what} leaves out {', '.join(map(repr, missing))}; every player must belong "
            "to one coalition (put a player alone as a singleton [name])."
        )
    return masks


def partition_names(masks: Iterable[int], players: Sequence[str]) -> tuple:
    """Canonical form of a partition: blocks as name tuples, ordered by first player."""
    return tuple(names_of(m, players) for m in sorted(masks, key=lambda m: m & -m))


def _show(coalition: Any) -> str:
    if isinstance(coalition, str):
        return repr(coalition)
    try:
        return repr(list(coalition))
    except TypeError:
        return repr(coalition)


def mask_partitions(mask: int) -> Iterator[tuple[int, ...]]:
    """Every partition of the players in ``mask`` into non-empty blocks (bitmasks), each once.

    Restricted growth: the lowest player of what is left opens a block and chooses its
    partners among the others. Blocks come in increasing order of their lowest player.

    Examples
    --------
    >>> list(mask_partitions(0b111))
    [(7,), (5, 2), (3, 4), (1, 6), (1, 2, 4)]
    """
    if mask == 0:
        yield ()
        return
    low = mask & -mask
    rest = mask ^ low
    sub = rest
    while True:  # every subset ``sub`` of ``rest`` joins ``low``: the block ``low | sub``
        block = low | sub
        for tail in mask_partitions(rest ^ sub):
            yield (block, *tail)
        if sub == 0:
            return
        sub = (sub - 1) & rest


def integer_partitions(n: int, largest: int | None = None) -> Iterator[tuple[int, ...]]:
    """Every partition of the integer ``n`` as a non-increasing tuple of positive parts.

    Examples
    --------
    >>> list(integer_partitions(4))
    [(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)]
    """
    largest = n if largest is None else largest
    if n == 0:
        yield ()
        return
    for part in range(min(n, largest), 0, -1):
        for tail in integer_partitions(n - part, part):
            yield (part, *tail)


def consecutive_blocks(sizes: Iterable[int]) -> tuple[int, ...]:
    """The partition of players ``0, 1, ...`` into consecutive blocks of the given sizes, as
    masks: the representative of a partition type.

    Examples
    --------
    >>> consecutive_blocks((2, 1))
    (3, 4)
    """
    masks, start = [], 0
    for size in sizes:
        masks.append(((1 << size) - 1) << start)
        start += size
    return tuple(masks)


def bell(n: int) -> int:
    """The Bell number ``B_n`` (unchecked ``n >= 0``), by the Bell triangle: each row starts
    with the last entry of the row before, and each entry adds its left neighbour to the entry
    above that neighbour.

    Examples
    --------
    >>> [bell(n) for n in range(8)]
    [1, 1, 2, 5, 15, 52, 203, 877]
    """
    row = [1]
    for _ in range(n):
        new = [row[-1]]
        for value in row:
            new.append(new[-1] + value)
        row = new
    return row[0]


def partition_labels(n: int) -> np.ndarray:
    """Every partition of players ``0..n-1`` as a row of labels: ``labels[k, i]`` is the lowest
    player in player i's block. ``bell(n)`` rows (int8), built player by player from the
    restricted growth strings: player i joins a block opened before it or opens the next one.

    Examples
    --------
    >>> partition_labels(3).tolist()
    [[0, 0, 0], [0, 0, 2], [0, 1, 0], [0, 1, 1], [0, 1, 2]]
    """
    if n == 0:
        return np.zeros((1, 0), dtype=np.int8)
    labels = np.zeros((1, n), dtype=np.int8)
    opener = np.zeros((1, n), dtype=np.int8)  # opener[k, b]: the lowest player of block b
    highest = np.zeros(1, dtype=np.int8)  # the number of the last block opened
    for i in range(1, n):
        choices = highest.astype(np.int64) + 2  # an open block or the next new one
        rows = np.repeat(np.arange(len(labels)), choices)
        starts = np.cumsum(choices) - choices
        block = (np.arange(len(rows)) - np.repeat(starts, choices)).astype(np.int8)
        highest = highest[rows]
        opens = block > highest
        opener = opener[rows]
        opener[opens, block[opens]] = i
        labels = labels[rows]
        labels[:, i] = opener[np.arange(len(rows)), block]
        highest = np.maximum(highest, block)
    return labels

"""Exceptions raised by coalitions.

Every error the library raises on bad input derives from :class:`CoalitionsError`, so a caller
can catch them all at once. Each subclass also derives from the matching built-in exception
(``ValueError``, ``MemoryError``, ``RuntimeError``) so that generic handlers keep working.
"""

__all__ = [
    "CoalitionsError",
    "InvalidGameError",
    "InvalidProblemError",
    "InvalidArgumentError",
    "TooLargeError",
    "SolverError",
]


class CoalitionsError(Exception):
    """Base class of every error raised by coalitions."""


class InvalidGameError(CoalitionsError, ValueError):
    """A game is malformed: wrong table length, NaN values, v(empty) != 0, bad player names..."""


class InvalidProblemError(CoalitionsError, ValueError):
    """A bargaining, negotiation or formation problem is malformed or infeasible."""


class InvalidArgumentError(CoalitionsError, ValueError):
    """A keyword argument or option is invalid: an unknown ``method``, a negative budget, a bad
    seed, an unknown rule, body or executor. The message lists the valid choices."""


class TooLargeError(CoalitionsError, MemoryError):
    """The requested exact computation would need more memory or time than is sensible.

    The message names the memory that would be needed and the method to use instead.
    """


class SolverError(CoalitionsError, RuntimeError):
    """A numerical solver failed in a way that cannot be reported as a result."""

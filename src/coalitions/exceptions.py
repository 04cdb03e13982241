"""Exceptions raised by coalitions.

Every error the library raises on bad input derives from :class:`CoalitionsError`, so a caller
can catch them all at once. Each subclass also derives from the matching built-in exception,
so that generic handlers keep working::

    CoalitionsError(Exception)
    ├── InvalidGameError(ValueError)      a malformed game or game file
    ├── InvalidProblemError(ValueError)   a malformed bargaining / negotiation / formation input
    ├── InvalidArgumentError(ValueError)  a bad keyword argument or option: unknown method,
    │                                     rule, body, index or executor; bad budget or seed
    ├── UnknownNameError(KeyError)        a lookup by name found nothing (a report section)
    │   └── UnknownPlayerError            ``result["X"]`` for a player not in the result
    ├── TooLargeError(MemoryError)        an exact method would need too much memory or time
    │                                     (the message names the method to use instead)
    └── SolverError(RuntimeError)         a numerical solver failed in a way no result reports

Every message says what is wrong and how to fix it; messages of argument errors list the valid
choices. The command line prints the message on stderr: exit code 2 for an
:class:`InvalidArgumentError` (a bad option), 1 for the others.
"""

__all__ = [
    "CoalitionsError",
    "InvalidGameError",
    "InvalidProblemError",
    "InvalidArgumentError",
    "UnknownNameError",
    "UnknownPlayerError",
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


class UnknownNameError(CoalitionsError, KeyError):
    """A lookup by name found nothing. A ``KeyError`` too, so mapping-style code (``except
    KeyError``, ``dict.get``-like helpers) keeps working; the message lists the valid names."""

    def __str__(self) -> str:  # the message itself, not KeyError's repr of it
        return str(self.args[0]) if self.args else ""


class UnknownPlayerError(UnknownNameError):
    """``result[player]`` for a name that is not one of the result's players."""


class TooLargeError(CoalitionsError, MemoryError):
    """The requested exact computation would need more memory or time than is sensible.

    The message names the memory that would be needed and the method to use instead.
    """


class SolverError(CoalitionsError, RuntimeError):
    """A numerical solver failed in a way that cannot be reported as a result."""

"""The registry of worked examples: each case has a name, a title, a one-line summary, a
``compute()`` that calls the library and returns its results, and a ``report(results)`` that
lays them out as a :class:`~coalitions.examples.Report`; ``run()`` is
``report(compute())``."""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._checks import check_choice
from ..exceptions import InvalidArgumentError
from ._claims import CLAIMS
from ._report import Report

__all__ = ["Case", "register", "get_case", "list_cases", "run_case", "CASES"]

CASES: dict[str, Case] = {}


@dataclass(frozen=True)
class Case:
    """A registered example."""

    name: str
    title: str
    summary: str
    compute: Callable[[], Any]
    report: Callable[[Any], Report]
    #: The case's labelled assumptions with ranges (a function returning
    #: :class:`~coalitions.analysis.Assumption` objects), or None.
    assumptions: Callable[[], list] | None = None
    #: ``outcomes(**values)``: the case's headline quantities and conclusions for the given
    #: assumption values (what :func:`coalitions.sensitivity` varies), or None.
    outcomes: Callable[..., Any] | None = None

    def run(self) -> Report:
        """The case's report: ``report(compute())``."""
        return self.report(self.compute())

    def __call__(self) -> Report:
        return self.run()


def register(name: str) -> Callable[[Callable[[Any], Report]], Callable[[Any], Report]]:
    """Decorator: register the case ``name`` whose ``report(results)`` it decorates.

    A case is one module with one anatomy, which the registry reads from the module that
    defines ``report``: ``TITLE`` and ``SUMMARY`` (strings), ``compute()`` (library calls
    only, returning the results), and, for ``coalitions examples run NAME --sensitivity``,
    optionally ``_assumption_ranges()`` (the labelled assumptions with ranges) and
    ``_outcomes(**values)`` (the headline quantities under given assumption values).
    Names are unique.
    """

    def decorate(layout: Callable[[Any], Report]) -> Callable[[Any], Report]:
        if name in CASES:
            raise InvalidArgumentError(f"an example named {name!r} is already registered")
        anatomy = getattr(layout, "__globals__", {})  # the namespace of the case's module
        missing = [a for a in ("TITLE", "SUMMARY", "compute") if a not in anatomy]
        if missing:
            raise InvalidArgumentError(
                f"the case {name!r} in {anatomy.get('__name__', '?')} needs "
                f"{', '.join(missing)} defined before its report"
            )
        claim, caveats = CLAIMS.get(name, ("", ()))

        @functools.wraps(layout)
        def report(results: Any) -> Report:
            # every case opens with the paper's claim it tests and closes with its caveats
            made = layout(results)
            return dataclasses.replace(made, claim=claim, caveats=list(caveats))

        CASES[name] = Case(
            name,
            anatomy["TITLE"],
            anatomy["SUMMARY"],
            anatomy["compute"],
            report,
            anatomy.get("_assumption_ranges"),
            anatomy.get("_outcomes"),
        )
        return report

    return decorate


def list_cases() -> list[Case]:
    """Every registered case, in the order of the tour."""
    return list(CASES.values())


def get_case(name: str) -> Case:
    """The case called ``name``; an unknown name raises InvalidArgumentError (a ValueError)
    listing the valid ones."""
    return CASES[check_choice(name, CASES, what="example")]


def run_case(name: str) -> Report:
    """Run the case called ``name`` and return its report."""
    return get_case(name).run()


def _timed(name: str) -> tuple[Report, float]:  # used by the smoke tests and the demo
    start = time.perf_counter()
    report = run_case(name)
    return report, time.perf_counter() - start

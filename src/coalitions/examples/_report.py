"""What an example returns: a report made of sections, each a table with notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..exceptions import UnknownNameError
from ..results import jsonable

__all__ = ["Section", "Report", "format_number"]


def format_number(value: Any) -> str:
    """An exact value as ``fraction (decimal)``, a float as a short decimal."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value} ({float(value):.4g})"
    if isinstance(value, float):
        return f"{value:.4g}"
    if value is None:
        return "-"
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return format_number(value.item())
    return str(value)


@dataclass
class Section:
    """One titled table of a report, with what it means.

    Attributes
    ----------
    title : str
    columns : list of str
    rows : list of list
        Cells may be numbers of any kind (float, Fraction), strings or booleans.
    notes : list of str
        What was computed and what it means, in plain words.
    assumptions : list of str
        Numbers or choices that are assumed rather than observed; printed with the label
        ``ASSUMPTION``.
    data : dict
        Machine-readable results for ``--json`` (optional).
    """

    title: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    @property
    def note(self) -> str:
        """All notes as one paragraph."""
        return " ".join(self.notes)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "columns": list(self.columns),
            "rows": jsonable(self.rows),
            "notes": list(self.notes),
            "assumptions": list(self.assumptions),
            "data": jsonable(self.data),
        }

    def to_text(self) -> str:
        cells = [[str(c) for c in self.columns]]
        cells += [[format_number(v) for v in row] for row in self.rows]
        widths = [
            max(len(row[k]) for row in cells if k < len(row)) for k in range(len(self.columns))
        ]
        # text columns are aligned left, number columns right
        left = [
            k == 0 or any(isinstance(row[k], str) for row in self.rows if k < len(row))
            for k in range(len(self.columns))
        ]
        lines = [self.title, "-" * len(self.title)]
        for i, row in enumerate(cells):
            parts = [
                c.ljust(w) if left[k] else c.rjust(w) for k, (c, w) in enumerate(zip(row, widths))
            ]
            lines.append("  ".join(parts).rstrip())
            if i == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines += [f"* {note}" for note in self.notes]
        lines += [f"ASSUMPTION: {a}" for a in self.assumptions]
        return "\n".join(lines)


@dataclass
class Report:
    """The result of running an example: sections, labelled assumptions, references and an
    optional plot.

    Attributes
    ----------
    name : str
        The registry name, e.g. ``"glove"``.
    title : str
    summary : str
        One line: what the case asks.
    sections : list of Section
    assumptions : list of str
        Assumptions that concern the whole case.
    references : list of str
        The papers or documents behind the case.
    plot : callable or None
        ``plot()`` returns a matplotlib Figure (needs the ``plot`` extra).
    claim : str
        The claim of the paper the case tests (Kortunov 2022), or that it is a textbook
        foundation; the report opens with it.
    caveats : list of str
        What the case's model leaves out; the report closes with them.
    """

    name: str
    title: str
    summary: str
    sections: list[Section]
    assumptions: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    plot: Callable[[], Any] | None = field(default=None, repr=False)
    claim: str = ""
    caveats: list[str] = field(default_factory=list)

    def section(self, title_start: str) -> Section:
        """The first section whose title starts with ``title_start``."""
        for section in self.sections:
            if section.title.startswith(title_start):
                return section
        raise UnknownNameError(
            f"no section starting with {title_start!r}; sections: "
            f"{[s.title for s in self.sections]}"
        )

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "sections": [s.to_dict() for s in self.sections],
            "assumptions": list(self.assumptions),
            "references": list(self.references),
            "has_plot": self.plot is not None,
            "claim": self.claim,
            "caveats": list(self.caveats),
        }

    def to_text(self) -> str:
        head = [self.title, "=" * len(self.title), self.summary, ""]
        if self.claim:
            head += [f"The claim tested: {self.claim}", ""]
        body = [s.to_text() + "\n" for s in self.sections]
        tail = []
        if self.caveats:
            tail += ["Caveats"] + [f"- {c}" for c in self.caveats] + [""]
        if self.assumptions:
            tail += ["Assumptions"] + [f"ASSUMPTION: {a}" for a in self.assumptions] + [""]
        if self.references:
            tail += ["References"] + [f"- {r}" for r in self.references]
        return "\n".join(head + body + tail).rstrip() + "\n"


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> tuple[list, list]:
    return list(columns), [list(r) for r in rows]

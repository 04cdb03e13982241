"""Self-contained exports of a worked case: Markdown, HTML or JSON with the tables, the figure
embedded, the labelled assumptions with their sources, the package version and the shipped
data's provenance, and a section on what would change the conclusion."""

from __future__ import annotations

import base64
import html
import io
import json
from importlib import resources
from typing import Any

from .._checks import check_choice
from ..results import jsonable
from ._registry import get_case
from ._report import Report, Section, format_number
from ._sensitivity import case_sensitivity

__all__ = ["export_case", "EXPORT_FORMATS"]

#: The formats of :func:`export_case`.
EXPORT_FORMATS = ("markdown", "html", "json")
#: Draws of the sensitivity run behind "what would change this conclusion".
EXPORT_SAMPLES = 64


def _figure_png(report: Report) -> str | None:
    """The case's figure as base64 PNG, or None when it has none or matplotlib is missing."""
    if report.plot is None:
        return None
    try:
        figure = report.plot()
    except ImportError:
        return None
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _what_would_change(name: str) -> Section:
    case = get_case(name)
    if case.assumptions is None or case.outcomes is None:
        return Section(
            "What would change this conclusion",
            [],
            [],
            [
                "This case labels no assumption with a range, so no sensitivity was run; its "
                "assumptions are listed with the sections they concern."
            ],
        )
    result = case_sensitivity(name, samples=EXPORT_SAMPLES, sweep_points=11, rng=0)
    rows = [
        [b.conclusion, b.assumption, b.at, str(b.below), str(b.above)] for b in result.breakpoints
    ]
    notes = [
        f"{conclusion}: "
        + ", ".join(f"{label} in {share:.0%} of draws" for label, share in s.items())
        for conclusion, s in result.shares.items()
    ]
    notes += [
        f"{q} ranges from {r['min']:.4g} to {r['max']:.4g} (baseline {r['baseline']:.4g}) and is "
        f"most sensitive to {result.most_sensitive[q]}"
        for q, r in result.ranges.items()
    ]
    return Section(
        "What would change this conclusion",
        ["conclusion", "assumption", "flips at", "below", "above"],
        rows,
        notes,
        assumptions=[
            f"{a.name} in [{a.low:g}, {a.high:g}] (baseline {a.value:g}): {a.source}"
            for a in result.assumptions
        ],
    )


def _provenance() -> str:
    return resources.files("coalitions.datasets").joinpath("SOURCES.md").read_text("utf-8")


def export_case(name: str, format: str = "markdown") -> str:
    """The report of the case ``name`` as one self-contained document.

    Parameters
    ----------
    name : str
        A registered case (``coalitions examples list``).
    format : {"markdown", "html", "json"}
        Markdown (GitHub flavour, the figure as a data URI), a standalone HTML page, or JSON
        (the report's ``to_dict()`` with the figure as base64 PNG).

    Returns
    -------
    str
        The document: every table and note of the report, the labelled assumptions with
        their sources, the package version, the provenance of the shipped data, and a section
        on what would change the conclusion (the case's breakpoints and shares of draws when
        it labels ranges).

    Examples
    --------
    >>> text = export_case("glove", "markdown")
    >>> text.splitlines()[0]
    '# The glove game: scarcity is power'
    >>> "## What would change this conclusion" in text
    True
    """
    from .. import __version__

    format = check_choice(format, EXPORT_FORMATS, what="format")
    case = get_case(name)
    report = case.run()
    sections = [*report.sections, _what_would_change(name)]
    figure = _figure_png(report)
    if format == "json":
        payload = report.to_dict()
        payload["sections"] = [s.to_dict() for s in sections]
        payload["version"] = __version__
        payload["figure_png_base64"] = figure
        payload["data_provenance"] = _provenance()
        return json.dumps(jsonable(payload), indent=2)
    if format == "markdown":
        return _markdown(report, sections, figure, __version__)
    return _html(report, sections, figure, __version__)


def _cell_md(value: Any) -> str:
    return format_number(value).replace("|", "\\|").replace("\n", " ")


def _markdown(report: Report, sections: list[Section], figure: str | None, version: str) -> str:
    lines = [f"# {report.title}", "", report.summary, "", f"*coalitions {version}*", ""]
    if report.claim:
        lines += [f"**The claim tested:** {report.claim}", ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        if section.columns:
            lines.append("| " + " | ".join(_cell_md(c) for c in section.columns) + " |")
            lines.append("|" + "---|" * len(section.columns))
            lines += ["| " + " | ".join(_cell_md(v) for v in row) + " |" for row in section.rows]
            lines.append("")
        lines += [f"- {note}" for note in section.notes]
        lines += [f"- **ASSUMPTION:** {a}" for a in section.assumptions]
        lines.append("")
    if figure is not None:
        lines += ["## Figure", "", f"![{report.title}](data:image/png;base64,{figure})", ""]
    if report.caveats:
        lines += ["## Caveats", ""] + [f"- {c}" for c in report.caveats] + [""]
    if report.assumptions:
        lines += ["## Assumptions", ""] + [f"- **ASSUMPTION:** {a}" for a in report.assumptions]
        lines.append("")
    if report.references:
        lines += ["## References", ""] + [f"- {r}" for r in report.references] + [""]
    lines += ["## Data provenance", "", _provenance().split("\n", 1)[1].strip(), ""]
    return "\n".join(lines)


def _html(report: Report, sections: list[Section], figure: str | None, version: str) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(report.title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .5em}"
        ".assumption{color:#8a4b00}</style></head><body>",
        f"<h1>{e(report.title)}</h1>",
        f"<p>{e(report.summary)}</p>",
        f"<p><em>coalitions {e(version)}</em></p>",
    ]
    if report.claim:
        parts.append(f"<p><strong>The claim tested:</strong> {e(report.claim)}</p>")
    for section in sections:
        parts.append(f"<h2>{e(section.title)}</h2>")
        if section.columns:
            parts.append(
                "<table><tr>" + "".join(f"<th>{e(str(c))}</th>" for c in section.columns) + "</tr>"
            )
            for row in section.rows:
                parts.append(
                    "<tr>" + "".join(f"<td>{e(format_number(v))}</td>" for v in row) + "</tr>"
                )
            parts.append("</table>")
        items = [f"<li>{e(n)}</li>" for n in section.notes]
        items += [f'<li class="assumption">ASSUMPTION: {e(a)}</li>' for a in section.assumptions]
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
    if figure is not None:
        parts += [
            "<h2>Figure</h2>",
            f'<img id="figure" alt="{e(report.title)}" src="data:image/png;base64,{figure}">',
        ]
    if report.caveats:
        parts.append(
            "<h2>Caveats</h2><ul>" + "".join(f"<li>{e(c)}</li>" for c in report.caveats) + "</ul>"
        )
    if report.assumptions:
        parts.append("<h2>Assumptions</h2><ul>")
        parts += [f'<li class="assumption">ASSUMPTION: {e(a)}</li>' for a in report.assumptions]
        parts.append("</ul>")
    if report.references:
        parts.append(
            "<h2>References</h2><ul>"
            + "".join(f"<li>{e(r)}</li>" for r in report.references)
            + "</ul>"
        )
    parts += ["<h2>Data provenance</h2>", f"<pre>{e(_provenance())}</pre>", "</body></html>"]
    return "\n".join(parts)

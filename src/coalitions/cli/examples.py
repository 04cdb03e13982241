"""``coalitions examples``: list and run the worked examples."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import Json, emit_json, errors_to_stderr, fail, print_sections

app = typer.Typer(no_args_is_help=True, add_completion=False)

from ._plotting import Plot  # noqa: E402


def render_report(report) -> None:
    """Print a report: tables, notes and labelled assumptions."""
    from ..examples import format_number

    typer.echo(f"{report.title}\n{report.summary}\n")
    if report.claim:
        typer.echo(f"The claim tested: {report.claim}\n")
    print_sections(report.sections, format_number)
    if report.caveats:
        typer.echo("Caveats:\n" + "".join(f"  - {c}\n" for c in report.caveats), nl=False)
    typer.echo("".join(f"ASSUMPTION: {a}\n" for a in report.assumptions), nl=False)
    if report.references:
        typer.echo("References:\n" + "\n".join(f"  - {r}" for r in report.references))


def save_example_plot(report, path: Path) -> Path:
    from ..plot import save_figure

    if report.plot is None:
        fail(f"the example {report.name!r} has no plot")
    return save_figure(report.plot(), path)


@app.command("list")
def list_examples(as_json: Json = False) -> None:
    """List the worked examples: name, title and what each asks."""
    from ..examples import list_cases

    cases = list_cases()
    if as_json:
        emit_json([{"name": c.name, "title": c.title, "summary": c.summary} for c in cases])
        return
    typer.echo("Worked examples (run one with: coalitions examples run NAME)\n")
    typer.echo("\n".join(f"{case.name:<28}{case.title}\n{'':<28}{case.summary}" for case in cases))


@app.command("run")
def run_example(
    name: str = typer.Argument(..., help="The example's name (see `list`)."),
    as_json: Json = False,
    plot: Plot = None,
    sensitivity: bool = typer.Option(
        False,
        "--sensitivity",
        help="Instead of the report: how its headline numbers and conclusions move over the "
        "ranges of its labelled assumptions (cases with ranges only).",
    ),
    vary: list[str] = typer.Option(
        [], "--vary", help="With --sensitivity: a range NAME=LO:HI for one assumption (repeat)."
    ),
    samples: int = typer.Option(
        200, "--samples", help="With --sensitivity: Monte Carlo draws (at least 8)."
    ),
    export: str = typer.Option(
        None,
        "--format",
        help="Export a self-contained report instead: markdown, html or json (tables, the "
        "figure embedded, assumptions with sources, version, data provenance, and what would "
        "change the conclusion).",
    ),
    output: Path = typer.Option(None, "--output", "-o", help="With --format: write to this file."),
) -> None:
    """Run one worked example and print its report (or, with --sensitivity, its
    sensitivity to its labelled assumptions)."""
    from ..examples import export_case, run_case, sensitivity_report

    if export is not None:
        if sensitivity or vary or plot is not None or as_json:
            fail("--format exports the whole report; use it without the other options")
        with errors_to_stderr():
            document = export_case(name, export)
        if output is None:
            typer.echo(document)
        else:
            output.write_text(document, encoding="utf-8")
            typer.echo(f"report written to {output}")
    else:
        if output is not None:
            fail("--output goes with --format")
        if vary and not sensitivity:
            fail("--vary goes with --sensitivity")
        with errors_to_stderr():
            if sensitivity:
                report = sensitivity_report(name, vary=vary, samples=samples)
            else:
                report = run_case(name)
            written = save_example_plot(report, plot) if plot is not None else None
        show_report(report, as_json, written)


def show_report(report, as_json: bool, written: Path | None) -> None:
    """Print the report (or its JSON), and where its figure was written."""
    if as_json:
        payload = report.to_dict()
        if written is not None:
            payload["plot_file"] = str(written)
        emit_json(payload)
        return
    render_report(report)
    if written is not None:
        typer.echo(f"figure written to {written}")

"""Every worked example runs, explains itself, survives a JSON round trip and has a script."""

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import reference
from _tables import column
from typer.testing import CliRunner

import coalitions as co
import coalitions.examples as ex
from coalitions.cli.app import app
from coalitions.exceptions import InvalidProblemError

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "examples"
NAMES = [case.name for case in ex.list_cases()]
runner = CliRunner()


# one worker runs every case once for the shared ``reports`` (make test runs --dist loadgroup)
pytestmark = pytest.mark.xdist_group("case-reports")


@pytest.fixture(scope="module")
def reports():
    return {name: ex.run_case(name) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_report_is_complete(reports, name):
    report = reports[name]
    case = ex.get_case(name)
    assert report.name == name and report.title == case.title and report.summary
    assert report.sections and report.references
    for section in report.sections:
        assert section.rows and section.notes, section.title
        assert all(len(row) == len(section.columns) for row in section.rows), section.title
    text = report.to_text()
    assert report.title in text and all(s.title in text for s in report.sections)
    for assumption in report.assumptions + [a for s in report.sections for a in s.assumptions]:
        assert f"ASSUMPTION: {assumption}" in text


@pytest.mark.parametrize("name", NAMES)
def test_json_round_trip(reports, name):
    document = reports[name].to_dict()
    assert json.loads(json.dumps(document)) == document
    result = runner.invoke(app, ["examples", "run", name, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == document


@pytest.mark.parametrize("name", NAMES)
def test_cli_table_output(name):
    result = runner.invoke(app, ["examples", "run", name])
    assert result.exit_code == 0, result.output
    assert ex.get_case(name).title in result.stdout


STORIES = sorted(p.name for p in SCRIPTS.glob("*.py"))


@pytest.mark.parametrize("script", STORIES)
def test_story_runs_on_compute(script):
    """Each story in examples/ is built on a case's compute() and runs from a clone."""
    text = (SCRIPTS / script).read_text(encoding="utf-8")
    assert ".compute()" in text and "script_main" not in text
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / script)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_every_story_is_a_registered_case():
    names = {p.stem.replace("_", "-") for p in SCRIPTS.glob("*.py")}
    assert names and names <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_plot_renders(name, tmp_path):
    pytest.importorskip("matplotlib")
    path = tmp_path / f"{name}.png"
    result = runner.invoke(app, ["examples", "run", name, "--plot", str(path)])
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 1000


def test_list():
    result = runner.invoke(app, ["examples", "list"])
    assert result.exit_code == 0 and all(name in result.stdout for name in NAMES)
    listed = json.loads(runner.invoke(app, ["examples", "list", "--json"]).stdout)
    assert [c["name"] for c in listed] == NAMES


def test_unknown_example_and_bad_plot_suffix(tmp_path):
    result = runner.invoke(app, ["examples", "run", "atlantis"])
    assert result.exit_code == 2 and "unknown example 'atlantis'" in result.stderr
    assert "glove" in result.stderr and "Traceback" not in result.stderr
    pytest.importorskip("matplotlib")
    result = runner.invoke(app, ["examples", "run", "glove", "--plot", str(tmp_path / "x.gif")])
    assert result.exit_code == 2 and ".png or .svg" in result.stderr


def test_case_without_plot(monkeypatch, tmp_path):
    report = ex.run_case("glove")
    report.plot = None
    monkeypatch.setattr(ex._registry, "run_case", lambda name: report)
    monkeypatch.setattr(ex, "run_case", lambda name: report)
    result = runner.invoke(app, ["examples", "run", "glove", "--plot", str(tmp_path / "a.png")])
    assert result.exit_code == 1 and "has no plot" in result.stderr


def test_register_twice_is_refused():
    with pytest.raises(ValueError, match="already registered"):
        ex.register("glove")(lambda results: None)


def test_register_needs_the_case_anatomy():
    # a report whose module lacks TITLE, SUMMARY and compute is refused, naming what is missing
    with pytest.raises(ValueError, match="needs TITLE, SUMMARY, compute"):
        ex.register("no-such-case")(lambda results: None)
    assert "no-such-case" not in {case.name for case in ex.list_cases()}


# --- known answers -----------------------------------------------------------------------


def test_glove_answers(reports):
    table = reports["glove"].sections[0]
    cases = reference.cases()
    assert column(table, "Shapley value") == reference.fractions(cases["GLOVE_SV"]["exact"])
    core = reference.fractions(cases["GLOVE_CORE"]["exact"])
    assert column(table, "core (the only point)") == core
    assert column(table, "nucleolus") == core
    # L swings in all 3 coalitions of the others, each R only in {L}: 3/(3 + 1 + 1)
    assert column(table, "Banzhaf (normalised)") == [Fraction(3, 5), Fraction(1, 5), Fraction(1, 5)]


def test_security_council_answers(reports):
    power, acting = reports["security-council"].sections[:2]
    assert power.rows[0][1] == Fraction(421, 2145) and power.rows[1][1] == Fraction(4, 2145)
    assert power.rows[0][4] == 1
    assert acting.rows[0][2] == Fraction(53, 2048)


def test_burden_sharing_answers(reports):
    runway, estate = reports["burden-sharing"].sections[:2]
    assert [row[2] for row in runway.rows] == [row[3] for row in runway.rows]
    assert [row[4] for row in runway.rows] == [4, 4, 6, 14]
    assert runway.data["shapley_in_core"] is True
    assert estate.data["nucleolus_equals_talmud"] is True
    nucleolus_rows = [row[2:] for row in estate.rows if row[1] == "nucleolus of the game"]
    assert nucleolus_rows == [[Fraction(100, 3)] * 3, [50, 75, 75], [50, 100, 150]]


def _capped(*args):
    return list(co.capped_proportional_rule(*args).x)


def test_capped_proportional_rule():
    assert _capped(100, [50, 30, 20], [40, 100, 100]) == [40, 36, 24]
    shares = _capped(1.0, [0.6, 0.3, 0.1], [0.22, 1, 1])
    assert shares[0] == 0.22 and sum(shares) == pytest.approx(1.0)
    with pytest.raises(InvalidProblemError, match="less than the total"):
        _capped(100, [1, 1], [10, 10])
    with pytest.raises(InvalidProblemError, match="2 bases and 1 caps"):
        _capped(100, [1, 1], [100])


# --- the demo and the whole CLI ----------------------------------------------------------


def test_demo_is_built_from_the_examples():
    from coalitions.demo import DEMO_CASES, DEMO_SKIP, tour

    titles = [s.title for s in tour()]
    for name in DEMO_CASES:
        shown = [
            f"{name} | {s.title}"
            for s in ex.run_case(name).sections
            if not s.title.startswith(DEMO_SKIP.get(name, ()))
        ]
        assert shown and all(title in titles for title in shown)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0 and "examples list" in result.stdout


def test_coalitions_of_the_willing_answers(reports):
    sizes, scale, second, externalities = reports["coalitions-of-the-willing"].sections
    assert set(column(second, "stable sizes")) > {"3"}  # the concave specification differs
    assert [row[0] for row in sizes.rows if row[5]] == [3]
    assert set(column(scale, "stable sizes")) == {"3"}
    assert set(column(scale, "stable sizes (indifferent stay out)")) == {"2, 3"}

    def welfare(n, k):  # Barrett (1994): k signatories of n, b = c = 1
        return k * (Fraction(k * k, 2) + n - k) + (n - k) * (k * k + n - k - Fraction(1, 2))

    for n, share in zip(
        column(scale, "countries n"), column(scale, "share of the full-cooperation gain captured")
    ):
        assert share == (welfare(n, 3) - welfare(n, 0)) / (welfare(n, n) - welfare(n, 0))


def test_coalitions_of_the_willing_with_externalities(reports):
    """The partition-function version of the same model: each row is the library's answer
    (Yi's rules, Bloch's sequential game) for the case's countries."""
    from coalitions.examples.coalitions_of_the_willing import BENEFIT, COST, COUNTRIES

    section = reports["coalitions-of-the-willing"].sections[3]
    game = co.PartitionFunctionGame.climate(COUNTRIES, b=BENEFIT, c=COST)
    rows = {row[0]: row for row in section.rows}
    for rule in co.MEMBERSHIP_RULES:
        assert rows[rule][1] == len(co.stable_partitions(game, rule=rule).types)
    assert rows["open-membership"][4] == 3  # small clubs only
    assert rows["coalition-unanimity"][4] == COUNTRIES  # the grand coalition is stable
    expected = " + ".join(map(str, co.sequential_formation(game).sizes))
    assert rows["sequential (Bloch)"][2] == expected


def test_un_scale_section(reports):
    from coalitions.datasets import un_scale_2019_2021

    scale = un_scale_2019_2021()
    assert len(scale) == 20 and scale[0] == ("United States", 22)
    assert scale[1] == ("China", Fraction("12.005"))
    un = reports["burden-sharing"].section("The UN regular budget")
    assert un.rows[0][:3] == ["United States", 22.0, 24.5]
    assert sum(row[1] for row in un.rows) == pytest.approx(100)
    assert un.assumptions


def test_reference_page_lists_every_case():
    page = (ROOT / "docs" / "reference" / "examples.md").read_text(encoding="utf-8")
    listed = [line.split("`")[1] for line in page.splitlines() if line.startswith("| `")]
    assert listed == NAMES

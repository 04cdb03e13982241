"""CLI: `coalitions bargain ...` and `coalitions negotiate ...` (exit codes, stderr, --json)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalitions.cli.app import app

DATA = Path(__file__).parent / "data"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def test_bargain_file_solutions(run):
    out = run("bargain", DATA / "sqrt_pie.json", "--json")
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["concept"] == "nash"
    assert result["shares"][0] == pytest.approx(2 / 3, abs=1e-7)
    out = run("bargain", DATA / "sqrt_pie.json", "--solution", "kalai-smorodinsky")
    assert out.exit_code == 0 and "0.618034" in out.stdout
    out = run("bargain", DATA / "sqrt_pie.json", "--exact", "--json")
    assert json.loads(out.stdout)["shares"] == ["2/3", "1/3"]
    out = run("bargain", DATA / "triangle.json", "--exact")
    assert out.exit_code == 1 and "formulas in x" in out.stderr
    for solution in ("egalitarian", "utilitarian"):
        assert run("bargain", DATA / "triangle.json", "--solution", solution).exit_code == 0


def test_bargain_errors_go_to_stderr(run, tmp_path):
    out = run("bargain", DATA / "sqrt_pie.json", "--solution", "raiffa")
    assert out.exit_code == 2 and "valid solutions" in out.stderr and "Traceback" not in out.output
    out = run("bargain", tmp_path / "missing.json")
    assert out.exit_code == 1 and out.stderr.startswith("error:")
    out = run("bargain", DATA / "setter.json")
    assert out.exit_code == 1 and "negotiate" in out.stderr


def test_rubinstein_cli(run):
    out = run("bargain", "rubinstein", "-d", "9/10", "--json")
    assert out.exit_code == 0 and json.loads(out.stdout)["x"]["1"] == "10/19"
    out = run("bargain", "rubinstein", "-r", "1", "-r", "3", "--json")
    assert json.loads(out.stdout)["x"]["1"] == "3/4"
    out = run("bargain", "rubinstein")
    assert out.exit_code == 1 and "either" in out.stderr


def test_baron_ferejohn_cli(run):
    out = run("bargain", "baron-ferejohn", "--players", "5", "-d", "9/10", "--json")
    data = json.loads(out.stdout)
    assert data["proposer_shares"][0] == "16/25" and data["prices"][1] == "9/50"
    out = run("bargain", "baron-ferejohn", "--quota", "unanimity", "-d", "0.9", "--symbolic")
    assert out.exit_code == 0 and "proposer_share" in out.stdout
    out = run("bargain", "baron-ferejohn", "--quota", "9")
    assert out.exit_code == 1 and "quota" in out.stderr


def test_baron_ferejohn_cli_veto_and_weights(run):
    out = run("bargain", "baron-ferejohn", "-d", "9/10", "--veto", "1", "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["x"]["1"] == "11/19" and data["veto"] == ["1"] and data["method"] == "threshold"
    out = run("bargain", "baron-ferejohn", "--veto", "1", "-d", "9/10")
    assert out.exit_code == 0 and "veto: 1" in out.stdout
    args = ["-w", "40", "-w", "25", "-w", "22", "-w", "21", "--quota", "61", "--json"]
    recognition = ["-p", "2/5", "-p", "1/5", "-p", "1/5", "-p", "1/5"]
    out = run("bargain", "baron-ferejohn", "--players", "4", *recognition, *args)
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert (
        list(data["x"].values()) == ["2/5", "1/5", "1/5", "1/5"] and data["method"] == "coalitions"
    )
    out = run("bargain", "baron-ferejohn", "--veto", "nobody")
    assert out.exit_code == 1 and "not a player" in out.stderr
    out = run("bargain", "baron-ferejohn", "-w", "1", "-w", "2")
    assert out.exit_code == 1 and "weights" in out.stderr


def test_negotiate_files(run):
    out = run("negotiate", DATA / "setter.json", "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["setter"]["outcome"] == 4.0 and data["lcd"]["binding"] == ["A"]
    out = run("negotiate", DATA / "linkage.json")
    assert out.exit_code == 0 and "capped by" in out.stdout
    data = json.loads(run("negotiate", DATA / "linkage.json", "--json").stdout)
    assert data["linkage"]["capped_by"] == ["D"] and not data["counterfactual"]["can_block"]


def test_bimatrix_and_plane_files(run):
    data = json.loads(run("bargain", DATA / "prisoners.json", "--json").stdout)
    assert data["x"] == pytest.approx({"row": 3.0, "column": 3.0})
    assert data["disagreement"] == [1.0, 1.0]
    out = run("negotiate", DATA / "plane.json")
    assert out.exit_code == 0 and "area" in out.stdout
    data = json.loads(run("negotiate", DATA / "plane.json", "--json").stdout)
    assert data["lcd"]["binding"] == ["A", "B"] and data["win_set"]["method"] == "exact"


def test_negotiate_cyprus_belarus(run):
    out = run("negotiate", "cyprus-belarus", "--no-timeline")
    assert out.exit_code == 0
    assert "ASSUMPTION" in out.stdout and "capped by" in out.stdout
    data = json.loads(run("negotiate", "cyprus-belarus", "--json").stdout)
    assert data["unanimity"]["capped_by"] == ["DE"]
    assert all(row["label"].startswith("ASSUMPTION") for row in data["assumptions"])
    assert data["qmv"]["can_block"] is False


def test_negotiate_two_level(run):
    out = run(
        "negotiate",
        "two-level",
        "-n",
        "US=4",
        "-n",
        "EU=10",
        "-r",
        "US=1",
        "-r",
        "US=2",
        "-r",
        "US=3",
        "--rule",
        "US=2/3",
        "--outcome",
        "setter",
        "--setter",
        "EU",
        "--json",
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["intervals"] == [[0, 4]] and data["outcome"] == 4
    assert data["constrained_by"] == ["US"] and data["rules"]["US"] == "2 of 3"
    table = run("negotiate", "two-level", "-n", "US=4", "-n", "EU=10", "-r", "US:Senate=2")
    assert table.exit_code == 0 and "constrained by US" in table.stdout
    assert run("negotiate", "two-level", "-n", "US=4", "-r", "bad").exit_code == 2
    assert run("negotiate", "two-level", "-n", "US=4", "--outcome", "best").exit_code == 2
    bad = run("negotiate", "two-level", "-n", "US=4", "-r", "EU=1")
    assert bad.exit_code == 1 and "no negotiator" in bad.stderr


def test_bargain_veto_threat(run):
    out = run("bargain", "veto-threat", "-t", "0", "-t", "1/4", "-t", "1/2", "-t", "1", "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["threat_credible"] and data["selected"]["threat_offer"] == "1/2"
    assert data["babbling"]["offer"] == "1/2" and data["babbling"]["veto_probability"] == "1/4"
    assert run("bargain", "veto-threat").exit_code == 2
    bad = run("bargain", "veto-threat", "-t", "0:1/2", "-t", "1:1/3")
    assert bad.exit_code == 1 and "sum to 1" in bad.stderr

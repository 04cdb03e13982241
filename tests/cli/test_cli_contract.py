"""The command line's contract, for every command (issue 11, item 8): help; a hostile option
is a usage error (exit 2); a bad file is bad input (exit 1); messages on stderr, never a
traceback (not even under ``| head``); rich markup is shown as written; no number in a table
is cut short with an ellipsis at 80 or 40 columns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_commands import command_paths, leaf_paths
from typer.testing import CliRunner

import coalitions as co
import coalitions.examples as ex
from coalitions.cli.app import app

BARGAINING_DATA = Path(__file__).resolve().parents[1] / "bargaining" / "data"
runner = CliRunner()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-files")
    glove = folder / "glove.json"
    co.write_game(co.glove_game(["L"], ["R1", "R2"]), glove)
    positive = folder / "positive.json"  # every coalition worth > 0 (the proportional value)
    co.write_game(co.TUGame([0, 1, 1, 4, 2, 4, 4, 10], players=["L", "R1", "R2"]), positive)
    hedonic = folder / "hedonic.json"
    hedonic.write_text(
        json.dumps({"type": "hedonic", "players": ["a", "b"], "values": [[0, 1], [1, 0]]})
    )
    voting = folder / "voting.json"
    voting.write_text(json.dumps({"type": "weighted", "quota": 12, "weights": [4, 4, 4, 2, 2, 1]}))
    clubs = folder / "clubs.csv"
    clubs.write_text("player,probability,coverage\nUS,0.5,4\nEU,0.9,6\n")
    vector = folder / "vector.txt"
    vector.write_text("c(0, 0, 0, 1, 1, 0, 1)\n")
    garbage = folder / "garbage.json"
    garbage.write_text("{ this is not json")
    wrong = folder / "wrong.json"
    wrong.write_text("[1, 2, 3]")
    return {
        "GLOVE": glove,
        "POSITIVE": positive,
        "VECTOR": vector,
        "FOLDER": folder,
        "HEDONIC": hedonic,
        "VOTING": voting,
        "CLUBS": clubs,
        "BARGAIN": BARGAINING_DATA / "triangle.json",
        "NEGOTIATE": BARGAINING_DATA / "setter.json",
        "GARBAGE": garbage,
        "WRONG": wrong,
        "MISSING": folder / "missing.json",
    }


# A valid call of every command; "FILE" marks the input file (replaced by a bad one below).
VALID = {
    ("core",): ["FILE:GLOVE"],
    ("least-core",): ["FILE:GLOVE"],
    ("set-solution",): ["FILE:GLOVE"],
    ("nucleolus",): ["FILE:GLOVE"],
    ("demo",): [],
    ("value", "shapley"): ["FILE:GLOVE"],
    ("value", "banzhaf"): ["FILE:GLOVE"],
    ("value", "least-squares"): ["FILE:GLOVE"],
    ("value", "chi"): ["FILE:GLOVE"],
    ("value", "proportional"): ["FILE:POSITIVE"],
    ("value", "lorenz"): ["FILE:GLOVE"],
    ("value", "sensitivity"): ["FILE:GLOVE", "--spread", "1/10", "-i", "L,R1=0:2", "--seed", "0"],
    ("value", "interaction"): ["FILE:GLOVE", "--kind", "faith-shap"],
    ("game", "check"): ["FILE:GLOVE"],
    ("game", "import"): ["FILE:VECTOR", "OUT:imported.json", "--from", "coopgame"],
    ("game", "export"): ["FILE:GLOVE", "OUT:exported.txt", "--to", "mattugames"],
    ("form", "partitions"): ["a", "b", "c"],
    ("form", "structure"): ["FILE:GLOVE"],
    ("form", "aumann-dreze"): ["FILE:GLOVE", "-s", "L,R1|R2"],
    ("form", "stability"): ["FILE:GLOVE", "-s", "L,R1|R2"],
    ("form", "hedonic"): ["FILE:HEDONIC", "-p", "a,b"],
    ("form", "dynamics"): ["FILE:HEDONIC"],
    ("form", "agreement"): ["--n", "5"],
    ("form", "externalities"): ["cournot", "--n", "4"],
    ("form", "winning"): ["--file", "FILE:VOTING"],
    ("form", "blocs"): ["--file", "FILE:VOTING"],
    ("form", "stable-blocs"): ["--file", "FILE:VOTING", "--model", "gamma"],
    ("form", "clubs"): ["--file", "FILE:CLUBS"],
    ("form", "myerson"): ["FILE:GLOVE", "--edges", "L-R1,L-R2"],
    ("power",): ["--quota", "12", "--weights", "4,4,4,2,2,1"],
    ("power", "file"): ["FILE:VOTING"],
    ("power", "eu-council"): [],
    ("power", "un-security-council"): [],
    ("power", "eec-council"): [],
    ("power", "sweep"): ["--body", "un-security-council"],
    ("power", "pivotal"): ["--no", "Cyprus", "--body", "eu-council-unanimity"],
    ("power", "shapley-owen"): ["-i", "A=0,0", "-i", "B=4,0", "-i", "C=1,3"],
    ("power", "jk"): ["-w", "-3,0,1", "-w", "-2,0,1", "-w", "-1,0,2", "--quotas", "1,2,3"],
    ("power", "design", "weightedness"): ["FILE:VOTING"],
    ("power", "design", "desirability"): ["FILE:VOTING"],
    ("power", "design", "inverse"): ["--target", "0.4,0.3,0.2,0.1"],
    ("bargain", "solve"): ["FILE:BARGAIN"],
    ("bargain", "rubinstein"): ["-d", "9/10"],
    ("bargain", "outside-options"): ["-d", "9/10", "-w", "0", "-w", "3/5"],
    ("bargain", "baron-ferejohn"): [],
    ("bargain", "dynamic"): ["-i", "A=0.2", "-i", "B=0.8", "--points", "11"],
    ("bargain", "veto-threat"): ["-t", "0", "-t", "1/2", "-t", "1"],
    ("negotiate", "solve"): ["FILE:NEGOTIATE"],
    ("negotiate", "cyprus-belarus"): [],
    ("negotiate", "two-level"): ["-n", "US=4", "-n", "EU=10", "-r", "US:Senate=2"],
    ("examples", "list"): [],
    ("examples", "run"): ["glove"],
}


def _args(path, template, files, bad_file=None):
    out = []
    for item in template:
        if item.startswith("FILE:"):
            item = str(files[bad_file] if bad_file else files[item[5:]])
        elif item.startswith("OUT:"):  # a file the command writes (never replaced)
            item = str(files["FOLDER"] / item[4:])
        out.append(item)
    return [*path, *out]


def _clean(result):
    """No traceback, on either stream, whatever the exit code."""
    text = result.stdout + result.stderr
    assert "Traceback" not in text and "Exception" not in result.stderr, text[-2000:]


def test_every_command_is_in_the_table():
    assert {tuple(p) for p in leaf_paths()} | {("power",)} == set(VALID)


def _registered(typer_app, path):
    """Command paths from Typer's own registry (not from the Click objects it builds)."""
    yield path
    for command in typer_app.registered_commands:
        yield [*path, command.name or command.callback.__name__.replace("_", "-")]
    for group in typer_app.registered_groups:
        yield from _registered(
            group.typer_instance, [*path, group.name or group.typer_instance.info.name]
        )


def test_the_command_walk_finds_every_registered_command():
    walked = sorted(map(tuple, command_paths()))
    assert walked == sorted(map(tuple, _registered(app, [])))
    assert len(walked) == len(set(walked)) and len(walked) >= 38  # 38 on 2026-12-01


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "root")
def test_every_command_has_help(path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout, result.output
    assert len(result.stdout) > 100, result.stdout
    _clean(result)


@pytest.mark.parametrize("path", sorted(VALID), ids=" ".join)
def test_every_command_runs_and_refuses_a_hostile_option(path, files):
    template = VALID[path]
    result = runner.invoke(app, _args(path, template, files))
    assert result.exit_code == 0, result.output
    _clean(result)
    hostile = runner.invoke(app, _args(path, template, files) + ["--no-such-option", "1"])
    assert hostile.exit_code == 2 and "--no-such-option" in hostile.stderr
    _clean(hostile)


@pytest.mark.parametrize(
    "path",
    sorted(p for p, t in VALID.items() if any(a.startswith("FILE:") for a in t)),
    ids=" ".join,
)
@pytest.mark.parametrize("bad", ["MISSING", "GARBAGE", "WRONG"])
def test_every_bad_file_is_bad_input(path, bad, files):
    if path == ("game", "import") and bad == "WRONG":
        pytest.skip("[1, 2, 3] is a valid MATLAB value vector (a 2-player game) for game import")
    result = runner.invoke(app, _args(path, VALID[path], files, bad_file=bad))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    assert result.stdout == ""
    _clean(result)


# hostile option values: usage errors, with a message naming what is wrong
HOSTILE = [
    (["bargain", "baron-ferejohn", "--players", "-3"], "number of players"),
    (["bargain", "baron-ferejohn", "--players", "2.5"], "number of players"),
    (["power", "--quota", "3", "--weights", "1,2,"], "is empty"),
    (["power", "--quota", "3", "--weights", "1,,2"], "is empty"),
    (["power", "--quota", "3", "--weights", "1,nan"], "not a number"),
    (["power", "--quota", "3", "--weights", "1,2", "--players", "a,"], "is empty"),
    (["power", "--quota", "3", "--weights", "1,2", "--method", "magic"], "magic"),
    (["power", "--quota", "3", "--weights", "1,2", "--index", "magic"], "unknown index"),
    (["power", "--quota", "3", "--weights", "1,2", "-u", "1,,2"], "is empty"),
    (["power", "eu-council", "--rule", "magic"], "unknown rule"),
    (["power", "sweep", "--body", "magic"], "unknown body"),
    (["power", "pivotal", "--body", "magic", "--yes", "x"], "unknown body"),
    (["power", "pivotal", "--body", "eu-council"], "--yes or --no"),
    (["power", "jk", "-w", "0,1,", "--quotas", "1"], "is empty"),
    (["power", "jk", "-w", "0,x", "--quotas", "1"], "not a number"),
    (["power", "jk", "-w", "0,1", "--quotas", "1,nan"], "not a number"),
    (["power", "jk", "-w", "0,1,2", "-w", "0,1", "--quotas", "1", "--levels", "3"], "--levels 3"),
    (["power", "jk", "-w", "0,1", "--quotas", "1", "--levels", "1"], ">= 2"),
    (["power", "jk", "-w", "0,1", "--quotas", "1", "--method", "bdd"], "'bdd' is not one of"),
    (["power", "jk", "--quotas", "1"], "--weights"),
    (["core", "FILE:GLOVE", "--atol", "-1"], "tolerance"),
    (["core", "FILE:GLOVE", "--atol", "nan"], "tolerance"),
    (["least-core", "FILE:GLOVE", "--atol", "-1"], "tolerance"),
    (["set-solution", "FILE:GLOVE", "--set", "kernel"], "is not one of"),
    (["nucleolus", "FILE:GLOVE", "--atol", "inf"], "tolerance"),
    (["game", "check", "FILE:GLOVE", "--atol", "-1"], "tolerance"),
    (["form", "stability", "FILE:GLOVE", "-s", "L,R1|R2", "--atol", "-1"], "tolerance"),
    (["value", "shapley", "FILE:GLOVE", "--method", "permutation", "--budget", "0"], "budget"),
    (
        [
            "value",
            "shapley",
            "FILE:GLOVE",
            "--method",
            "permutation",
            "--budget",
            "100",
            "--seed",
            "-1",
        ],
        "seed",
    ),
    (["value", "shapley", "FILE:GLOVE", "--method", "magic"], "valid methods"),
    (["value", "banzhaf", "FILE:GLOVE", "--method", "magic"], "valid methods"),
    (["form", "structure", "FILE:GLOVE", "--method", "magic"], "valid methods"),
    (["form", "agreement", "--n", "-3"], ">= 2"),
    (["form", "agreement", "--n", "2.5"], "integer"),
    (["form", "externalities", "cournot", "--n", "1"], ">= 2"),
    (["form", "externalities", "climate", "--n", "4", "--concept", "core"], "--concept"),
    (["form", "dynamics", "FILE:HEDONIC", "--max-rounds", "0"], ">= 1"),
    (["form", "dynamics", "FILE:HEDONIC", "--rule", "magic"], "valid rules"),
    (["form", "clubs", "--probabilities", "0.5,", "--coverage", "1,1"], "is empty"),
    (["form", "winning", "--quota", "x", "--weights", "1,2"], "not a number"),
    (["examples", "run", "atlantis"], "unknown example"),
]


@pytest.mark.parametrize("args, message", HOSTILE, ids=[" ".join(a) for a, _ in HOSTILE])
def test_hostile_option_values_are_usage_errors(args, message, files):
    result = runner.invoke(app, _args([], args, files))
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert result.stdout == ""
    _clean(result)


# --- rich markup is data -----------------------------------------------------------------


def test_help_shows_brackets_as_written():
    result = runner.invoke(app, ["core", "--help"], env={"COLUMNS": "200"})
    assert "pip install coalitions-toolkit[plot]" in result.stdout


def test_names_that_look_like_markup_are_printed_as_written(tmp_path):
    path = tmp_path / "markup.json"
    co.write_game(co.TUGame([0, 1, 1, 3], players=["[bold]x[/bold]", "[plot]"]), path)
    result = runner.invoke(app, ["value", "shapley", str(path)], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "[bold]x[/bold]" in result.stdout and "[plot]" in result.stdout


# --- tables are never cut short --------------------------------------------------------

TABLE_COMMANDS = sorted(VALID) + [
    ("power", "eu-council", "--index", "all"),
    ("power", "un-security-council", "--index", "all"),
    ("power", "eec-council", "--index", "all"),
]


@pytest.mark.parametrize("columns", ["80", "40"])
@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=" ".join)
def test_no_number_is_cut_short(command, columns, files):
    template = VALID.get(command, [])
    result = runner.invoke(app, _args(list(command), template, files), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout, result.stdout


@pytest.mark.parametrize("columns", ["80", "40"])
@pytest.mark.parametrize("name", [case.name for case in ex.list_cases()])
def test_no_example_is_cut_short(name, columns):
    result = runner.invoke(app, ["examples", "run", name], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout


def test_narrow_tables_keep_every_value():
    wide = runner.invoke(app, ["power", "un-security-council", "--index", "all", "--json"])
    values = json.loads(wide.stdout)["indices"]["shapley-shubik"]
    for columns in ("80", "40", "20"):
        text = runner.invoke(
            app, ["power", "un-security-council", "--index", "all"], env={"COLUMNS": columns}
        ).stdout
        assert "0.19627" in text and "0.0018648" in text
        assert all(
            line.rstrip() == line.rstrip()[: int(columns)]
            for line in text.splitlines()
            if line.startswith(("┃", "│", "┏", "└"))
        )
    assert len(values) == 15


# --- a closed pipe ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["demo"],
        ["power", "eu-council", "--index", "all"],
        ["examples", "run", "eu-council"],
        ["examples", "list"],
    ],
)
def test_a_closed_pipe_prints_no_traceback(command):
    script = (
        f"import sys; sys.argv = ['coalitions', *{command!r}]; "
        "from coalitions.cli.app import main; main()"
    )
    pipeline = f'{sys.executable} -c "{script}" | head -1'
    result = subprocess.run(
        pipeline,
        shell=True,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        timeout=300,
    )
    assert result.stdout.strip()  # head got its line
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr

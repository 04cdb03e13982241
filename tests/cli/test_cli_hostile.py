"""Every CLI command, walked from the typer app, with hostile files and option values.

Each command first runs once with valid arguments. Then its file argument is replaced by each
hostile file (missing, a directory, empty, not JSON, a list, an unknown type, strings for
numbers, a formula that tries to run code, huge numbers, binary junk), and each option in
turn by each hostile value (negative, zero, fractional, NaN, infinite, huge, empty, malformed
lists, rich markup). A run passes when it exits 0, or exits 1 or 2 with a
message on stderr; it fails on any other exit code, on a traceback in the output, on an
exception escaping the command, on an error exit with nothing on stderr, or on a hang.

``KNOWN_FAILURES`` is a strict ratchet like the one in ``tests/test_hostile_inputs.py``:
``"command[option]": (owner, failing values)``; more failures than counted fail the test, and
fewer ask for the count to be lowered.
"""

from __future__ import annotations

import json

import pytest
import typer.main
from hostile import Hang, alarm, hostile_files, ratchet_report
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

try:
    runner = CliRunner(mix_stderr=False)
except TypeError:  # click >= 8.2 always separates stderr
    runner = CliRunner()

#: Seconds one command may take before it counts as a hang.
RUN_SECONDS = 6

HOSTILE_VALUES = {
    "neg": "-3",
    "zero": "0",
    "half": "2.5",
    "nan": "nan",
    "inf": "inf",
    "huge": "1e400",
    "bigint": "9" * 40,
    "empty": "",
    "word": "abc",
    "trailing-comma": "1,2,",
    "markup": "[bold]x[/bold]",
}


def walk(command, path=()):
    subcommands = getattr(command, "commands", None)
    if subcommands:
        for name, sub in sorted(subcommands.items()):
            yield from walk(sub, (*path, name))
    else:
        yield path, command


COMMANDS = {" ".join(path): command for path, command in walk(typer.main.get_command(app))}


def _files(tmp):
    """Valid input files by kind, and the hostile ones."""
    tmp.mkdir(exist_ok=True)
    tu = tmp / "tu.json"
    co.write_game(co.TUGame([0, 1, 1, 4, 1, 3, 3, 6], players=["A", "B", "C"]), tu)
    weighted = tmp / "weighted.json"
    weighted.write_text(
        json.dumps(
            {"type": "weighted", "quota": 2, "weights": [1, 1, 1], "players": ["A", "B", "C"]}
        )
    )
    hedonic = tmp / "hedonic.json"
    hedonic.write_text(
        json.dumps({"type": "hedonic", "players": ["A", "B"], "values": [[0, 1], [-1, 0]]})
    )
    bargaining = tmp / "bargaining.json"
    bargaining.write_text(
        json.dumps(
            {
                "type": "bargaining",
                "players": ["A", "B"],
                "disagreement": [0, 0],
                "feasible": {"vertices": [[0, 0], [4, 0], [0, 2]]},
            }
        )
    )
    spatial = tmp / "spatial.json"
    spatial.write_text(
        json.dumps(
            {
                "type": "spatial",
                "players": ["A", "B", "C"],
                "ideal_points": [[0.0], [1.0], [0.5]],
                "status_quo": [0.8],
            }
        )
    )
    vector = tmp / "vector.txt"
    vector.write_text("0 0 0 1 1 0 1\n")
    clubs = tmp / "clubs.csv"
    clubs.write_text("player,probability,coverage\nUS,0.5,4\nEU,0.9,6\nCN,0.6,18\n")
    valid = {
        "tu": tu,
        "weighted": weighted,
        "hedonic": hedonic,
        "bargaining": bargaining,
        "spatial": spatial,
        "clubs": clubs,
        "vector": vector,
    }
    return {k: str(v) for k, v in valid.items()}, hostile_files(tmp / "hostile")


#: A valid invocation of each command: its arguments, with ``{kind}`` for a valid file.
BASE = {
    "core": ["{tu}"],
    "least-core": ["{tu}"],
    "set-solution": ["{tu}"],
    "nucleolus": ["{tu}"],
    "demo": None,
    "value shapley": ["{tu}"],
    "value banzhaf": ["{tu}"],
    "value least-squares": ["{tu}"],
    "value chi": ["{tu}"],
    "value proportional": ["{tu}"],
    "value lorenz": ["{tu}"],
    "value interaction": ["{tu}", "--kind", "faith-shap"],
    "value sensitivity": ["{tu}", "--spread", "0.1", "--samples", "20", "--seed", "0"],
    "game check": ["{tu}"],
    "game import": ["{vector}", "imported.json", "--from", "coopgame"],
    "game export": ["{tu}", "exported.txt", "--to", "coopgame"],
    "form partitions": ["a", "b", "c"],
    "form structure": ["{tu}"],
    "form aumann-dreze": ["{tu}", "--structure", "A,B|C"],
    "form stability": ["{tu}", "--structure", "A,B|C"],
    "form hedonic": ["{hedonic}", "--partition", "A,B"],
    "form dynamics": ["{hedonic}"],
    "form agreement": ["--n", "5"],
    "form externalities": ["cournot", "--n", "4"],
    "form winning": ["--quota", "51", "--weights", "20,35,10,30,5"],
    "form blocs": ["--quota", "51", "--weights", "20,35,10,30,5"],
    "form stable-blocs": ["--quota", "51", "--weights", "20,35,10,30,5"],
    "form clubs": ["--probabilities", "0.5,0.9,0.6", "--coverage", "4,6,18"],
    "form myerson": ["{tu}", "--edges", "A-B,B-C"],
    "power file": ["{weighted}"],
    "power eu-council": [],
    "power un-security-council": [],
    "power eec-council": [],
    "power sweep": ["--weights", "3,2,1"],
    "power pivotal": ["--yes", "China,France"],
    "power shapley-owen": ["-i", "A=0,0", "-i", "B=4,0", "-i", "C=1,3"],
    "power jk": ["-w", "0,1,3", "-w", "0,1,2", "--quotas", "3"],
    "power design weightedness": ["{weighted}"],
    "power design desirability": ["{weighted}"],
    "power design inverse": ["--target", "0.4,0.3,0.2,0.1", "--budget", "50"],
    "bargain solve": ["{bargaining}"],
    "bargain rubinstein": ["--discount", "0.9,0.8"],
    "bargain outside-options": ["--discount", "0.9", "--breakdown-risk", "0.1"],
    "bargain baron-ferejohn": ["--players", "3"],
    "bargain dynamic": ["-i", "A=0.2", "-i", "B=0.8", "--points", "11"],
    "negotiate solve": ["{spatial}"],
    "negotiate cyprus-belarus": [],
    "negotiate two-level": ["-n", "US=4", "-n", "EU=10", "-r", "US:Senate=2"],
    "bargain veto-threat": ["-t", "0", "-t", "1/2", "-t", "1"],
    "examples list": [],
    "examples run": ["glove"],
}


def verdict(args) -> str | None:
    """None if the run exits 0, or 1/2 with a message on stderr and no traceback."""
    try:
        with alarm(RUN_SECONDS):
            result = runner.invoke(app, args, catch_exceptions=True)
    except Hang:
        return "hang"
    output = result.stdout + (result.stderr or "")
    if "Traceback (most recent call last)" in output:
        return "traceback: " + output.strip().splitlines()[-1][:120]
    if isinstance(result.exception, Hang):
        return "hang"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"exception {type(result.exception).__name__}: {str(result.exception)[:100]}"
    if result.exit_code not in (0, 1, 2):
        return f"exit {result.exit_code}"
    if result.exit_code and not (result.stderr or "").strip():
        return f"exit {result.exit_code} with nothing on stderr"
    return None


def _options(command):
    """Options that take a value (not flags), by their first spelling."""
    return [
        p.opts[0]
        for p in command.params
        if p.param_type_name == "option"
        and not getattr(p, "is_flag", False)
        and p.opts[0].startswith("--")
    ]


def runs(name: str, tmp_path):
    """``(case, args)`` for the base run and every hostile variant of one command."""
    valid, hostile = _files(tmp_path / "files")
    base = BASE.get(name)
    words = name.split()
    args = [a.format(**valid) for a in base] if base is not None else []
    yield "base", [*words, *args]
    file_positions = [k for k, a in enumerate(base or []) if a.startswith("{")]
    for position in file_positions:
        for key, path in hostile.items():
            changed = list(args)
            changed[position] = path
            yield f"file={key}", [*words, *changed]
    for option in _options(COMMANDS[name]):
        for key, value in HOSTILE_VALUES.items():
            changed = list(args)
            if option in changed:
                changed[changed.index(option) + 1] = value
            else:
                changed += [option, value]
            if option == "--plot":
                value = str(tmp_path / f"plot-{key}.png") if key != "word" else "plot.jpg"
                changed[changed.index(option) + 1] = value
            yield f"{option}={key}", [*words, *changed]


#: ``"command[option]": (owner, how many hostile values fail, first failure)``. Empty since
#: issue 11 was finished; keep it empty.
KNOWN_FAILURES: dict[str, tuple[str, int, str]] = {}


def test_every_command_has_a_base_run():
    assert set(COMMANDS) <= set(BASE), sorted(set(COMMANDS) - set(BASE))
    assert len(COMMANDS) >= 25


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_hostile_options_and_files_exit_cleanly(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    failures: dict[str, dict[str, str]] = {}
    for case, args in runs(name, tmp_path):
        problem = verdict(args)
        if case == "base":
            assert problem is None, f"the valid run {args} fails: {problem}"
            continue
        if problem is not None:
            failures.setdefault(f"{name}[{case.split('=')[0]}]", {})[case] = problem
    report = ratchet_report(name, failures, KNOWN_FAILURES)
    assert not report, "commands that fail on hostile input:\n" + "\n".join(report)

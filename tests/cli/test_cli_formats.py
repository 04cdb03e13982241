"""``--format table|json|csv|markdown`` on every table command (issue 18, item 5).

Each command runs with its valid arguments of :data:`test_cli_contract.VALID` in each format:
``table`` is the default output unchanged, ``json`` is exactly ``--json``, csv parses with the
csv module into a header and rows of its width, and markdown has a header separator row
under a header of the same width.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import test_cli_contract as contract
from cli_commands import leaf_paths
from typer.testing import CliRunner

from coalitions.cli.app import app

runner = CliRunner()
VALID, files = contract.VALID, contract.files  # the valid calls and their input files (a fixture)

#: Commands whose output is a report of prose and tables, or a sentence: no --format.
REPORTS = {
    ("demo",),
    ("power", "pivotal"),
    ("negotiate", "solve"),
    ("negotiate", "cyprus-belarus"),
    ("examples", "list"),
    ("examples", "run"),
    ("game", "import"),  # these two write a file and say so in one sentence
    ("game", "export"),
}
TABLES = sorted({*map(tuple, leaf_paths()), ("power",)} - REPORTS)


def _run(path, files, *extra):
    result = runner.invoke(app, [*contract._args(path, VALID[path], files), *extra])
    assert result.exit_code == 0, (path, extra, result.output[-2000:])
    return result.stdout


def test_every_table_command_is_covered():
    assert len(TABLES) >= 25
    assert set(TABLES) <= set(VALID)


@pytest.mark.parametrize("path", TABLES, ids=" ".join)
def test_table_is_the_default_and_json_is_the_json_flag(path, files):
    assert _run(path, files, "--format", "table") == _run(path, files)
    assert json.loads(_run(path, files, "--format", "json")) == json.loads(
        _run(path, files, "--json")
    )


@pytest.mark.parametrize("path", TABLES, ids=" ".join)
def test_csv_parses_into_tables(path, files):
    text = _run(path, files, "--format", "csv")
    blocks = [b for b in text.strip().split("\n\n") if b]
    assert blocks, text
    for block in blocks:
        header, *rows = list(csv.reader(io.StringIO(block)))
        assert header and header[0], block
        assert all(len(row) == len(header) for row in rows), block
    assert "│" not in text and "(0." not in text  # no rich box, no display decimals


@pytest.mark.parametrize("path", TABLES, ids=" ".join)
def test_markdown_has_a_header_separator_row(path, files):
    lines = _run(path, files, "--format", "markdown").splitlines()
    separators = [k for k, line in enumerate(lines) if re.fullmatch(r"\|(---\|)+", line)]
    assert separators, lines
    for k in separators:
        width = lines[k].count("---")
        assert lines[k - 1].startswith("| ") and lines[k - 1].count(" | ") == width - 1
        assert lines[k - 2] == "" and lines[k - 3].startswith("**")  # the title above


def test_csv_is_exact_and_unknown_formats_are_usage_errors(files):
    text = _run(("power", "eec-council"), files, "--format", "csv")
    assert text.splitlines()[:2] == ["member,Shapley-Shubik,Banzhaf", "France,7/30,5/21"]
    result = runner.invoke(app, ["power", "eec-council", "--format", "xml"])
    assert result.exit_code == 2 and "table, json, csv, markdown" in result.output

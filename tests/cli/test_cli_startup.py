"""The root's help and completion start fast: they import no numeric library (issue 18).

Structural checks, not timings: the modules a fresh interpreter imports are read back.
``benchmarks``-style timings are in the report of the change, not here.
"""

from __future__ import annotations

import os
import subprocess
import sys

NUMERIC = {"numpy", "scipy", "sympy"}


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def _imported(importtime: str) -> set[str]:
    """Top-level packages named in ``-X importtime`` output."""
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in importtime.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_help_imports_no_numeric_library():
    result = _run(["-X", "importtime", "-m", "coalitions", "--help"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Commands:" in result.stdout and "power" in result.stdout
    imported = _imported(result.stderr)
    assert "typer" in imported  # the check reads the import log at all
    assert not imported & NUMERIC, sorted(imported & NUMERIC)


def test_a_command_still_imports_the_library():
    """The opposite case, so the check above cannot pass by reading nothing."""
    result = _run(["-X", "importtime", "-m", "coalitions", "power", "eec-council", "--json"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "numpy" in _imported(result.stderr)


COMPLETE = """
import sys
sys.argv = ["coalitions"]
from coalitions.cli.app import main
try:
    main()
except SystemExit:
    pass
print("MODULES", *sorted({m.split(".")[0] for m in sys.modules}))
"""


def _complete(words: str) -> tuple[list[str], set[str]]:
    """The completions bash gets for ``words`` (the last one is being typed), and the
    top-level packages imported to find them."""
    env = {
        "_COALITIONS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = _run(["-c", COMPLETE], env)
    assert result.returncode == 0, result.stderr[-2000:]
    *lines, modules = result.stdout.splitlines()
    return lines, set(modules.split()[1:])


def test_completion_of_the_commands_imports_no_numeric_library():
    completions, modules = _complete("coalitions po")
    assert completions == ["power"]
    assert not modules & NUMERIC, sorted(modules & NUMERIC)


def test_completion_inside_a_family_loads_it():
    completions, modules = _complete("coalitions power e")
    assert {"eu-council", "eec-council"} <= set(completions) and "numpy" in modules


def test_show_completion_prints_a_bash_script():
    result = _run(
        ["-c", COMPLETE.replace('["coalitions"]', '["coalitions", "--show-completion", "bash"]')],
        {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "complete -o default -F _coalitions_completion coalitions" in result.stdout
    assert "_COALITIONS_COMPLETE=complete_bash" in result.stdout

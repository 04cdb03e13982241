"""Start-up cost of the command line and of the package: CPU and wall time of
``coalitions --help``, ``import coalitions`` and the first real use, against an empty
interpreter, each the best of several fresh processes (issue 18: under 0.3 s of CPU).

    python benchmarks/cli_startup.py            # 15 runs each
    python benchmarks/cli_startup.py --small    # 5 runs each

Writes benchmarks/results/cli_startup.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
PYTHON = sys.executable
COMMANDS = {
    "python -c pass (the floor)": [PYTHON, "-c", "pass"],
    "import coalitions": [PYTHON, "-c", "import coalitions"],
    "coalitions --help": [PYTHON, "-m", "coalitions", "--help"],
    "coalitions power --help": [PYTHON, "-m", "coalitions", "power", "--help"],
    "first use: co.shapley_value": [
        PYTHON,
        "-c",
        "import coalitions as co; co.shapley_value(co.majority_game(3))",
    ],
}


def _run(command: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "COLUMNS": "100"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def run(repeat: int) -> list[dict]:
    best = {name: [float("inf"), float("inf")] for name in COMMANDS}
    for _ in range(repeat):  # the commands take turns, so background load falls on all alike
        for name, command in COMMANDS.items():
            cpu, wall = _run(command)
            best[name] = [min(best[name][0], cpu), min(best[name][1], wall)]
    floor = best["python -c pass (the floor)"][0]
    return [
        {"command": name, "cpu_s": cpu, "wall_s": wall, "cpu_over_floor_s": cpu - floor}
        for name, (cpu, wall) in best.items()
    ]


def markdown(rows: list[dict]) -> str:
    lines = ["| command | CPU (best) | wall (best) | CPU above the floor |", "|---|---|---|---|"]
    lines += [
        f"| {r['command']} | {r['cpu_s']:.3f} s | {r['wall_s']:.3f} s | {r['cpu_over_floor_s']:.3f} s |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="5 runs of each command")
    parser.add_argument("--repeat", type=int, default=15, help="runs of each (best is kept)")
    args = parser.parse_args(argv)
    rows = run(5 if args.small else args.repeat)
    report = {
        "benchmark": "cli_startup",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cli_startup.json").write_text(json.dumps(report, indent=2))
    table = markdown(rows)
    (RESULTS / "cli_startup.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()

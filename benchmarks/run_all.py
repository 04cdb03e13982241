"""Run every benchmark script and write one summary (``make bench`` / ``make bench-full``).

A benchmark is any ``benchmarks/*.py`` (not starting with ``_``) that defines ``main(argv)``;
they are found by reading the files, so scripts added later are picked up without editing this
one. Each runs in its own subprocess (``main(["--small"])`` with ``--small``), with a timeout;
a failure is reported, never hidden, and the expected scripts that are missing are listed.

    python benchmarks/run_all.py --small     # CI-sized
    python benchmarks/run_all.py             # full sizes
    python benchmarks/run_all.py --only sampling concepts

Writes benchmarks/results/summary.md (every table, with status and time) and summary.json.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
#: Benchmarks the project plans; a missing one is noted in the summary.
EXPECTED = (
    "shapley_exact",
    "power",
    "nucleolus",
    "sampling",
    "concepts",
    "coalition_structure",
    "bargaining_baron_ferejohn",
    "io",
    "interaction",
)

RUNNER = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location({name!r}, {path!r})
module = importlib.util.module_from_spec(spec)
sys.modules[{name!r}] = module
spec.loader.exec_module(module)
report = module.main({argv!r})
with open({out!r}, "w") as handle:
    json.dump(report if isinstance(report, dict) else {{"returned": repr(report)}}, handle,
              default=str)
"""


def discover(folder: Path = HERE) -> list[Path]:
    """Scripts in ``folder`` that define a top-level ``main`` taking an argument."""
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_") or path.stem == "run_all":
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in tree.body:
            if (
                isinstance(node, ast.FunctionDef)
                and node.name == "main"
                and (node.args.args or node.args.vararg)
            ):
                found.append(path)
                break
    return found


def run_one(path: Path, argv: list[str], timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        # A private module name: a script named like a stdlib module (io.py) must not
        # replace that module in sys.modules.
        code = RUNNER.format(
            name=f"_benchmark_{path.stem}", path=str(path), argv=argv, out=str(out)
        )
        start = time.perf_counter()
        try:
            result = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=str(HERE.parent),
                env=dict(os.environ),
            )
        except subprocess.TimeoutExpired as expired:
            return {
                "status": "timeout",
                "seconds": time.perf_counter() - start,
                "stdout": (expired.stdout or b"").decode(errors="replace")
                if isinstance(expired.stdout, bytes)
                else (expired.stdout or ""),
                "error": f"timed out after {timeout:.0f} s",
            }
        seconds = time.perf_counter() - start
        entry = {"seconds": seconds, "stdout": result.stdout}
        if result.returncode:
            tail = result.stderr.strip().splitlines()[-3:] or ["no output"]
            entry.update(status="failed", error=" / ".join(tail)[:500])
        else:
            entry["status"] = "ok"
            try:
                entry["report"] = json.loads(out.read_text())
            except (OSError, json.JSONDecodeError):
                entry["report"] = None
        return entry


def summary_markdown(entries: dict, missing: list[str], small: bool) -> str:
    lines = [
        f"# Benchmark summary ({'small' if small else 'full'} sizes)",
        "",
        f"{platform.platform()}, Python {platform.python_version()}.",
        "",
        "| benchmark | status | seconds |",
        "|---|---|---|",
    ]
    for name, entry in entries.items():
        lines.append(f"| {name} | {entry['status']} | {entry['seconds']:.1f} |")
    for name in missing:
        lines.append(f"| {name} | not present on this branch (skipped) | - |")
    for name, entry in entries.items():
        lines += ["", f"## {name}", ""]
        if entry["status"] != "ok":
            lines.append(f"**{entry['status']}**: {entry.get('error', '')}")
            lines.append("")
        lines += entry.get("stdout", "").rstrip().splitlines() or ["(no table printed)"]
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="CI-sized runs")
    parser.add_argument("--only", nargs="*", help="run only these benchmarks (by name)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds per benchmark (default 600 small, 7200 full)",
    )
    args = parser.parse_args(argv)
    scripts = discover()
    if args.only:
        scripts = [p for p in scripts if p.stem in args.only]
    names = [p.stem for p in scripts]
    missing = [
        name for name in EXPECTED if name not in names and (not args.only or name in args.only)
    ]
    for name in missing:
        print(f"[run_all] {name}.py is not present: skipped", file=sys.stderr)
    timeout = args.timeout or (600.0 if args.small else 7200.0)
    entries = {}
    total_start = time.perf_counter()
    for path in scripts:
        print(f"[run_all] {path.stem} ...", file=sys.stderr, flush=True)
        entries[path.stem] = run_one(path, ["--small"] if args.small else [], timeout)
        print(
            f"[run_all] {path.stem}: {entries[path.stem]['status']} in "
            f"{entries[path.stem]['seconds']:.1f} s",
            file=sys.stderr,
            flush=True,
        )
    RESULTS.mkdir(exist_ok=True)
    text = summary_markdown(entries, missing, args.small)
    (RESULTS / "summary.md").write_text(text)
    summary = {
        "small": args.small,
        "machine": platform.platform(),
        "total_seconds": time.perf_counter() - total_start,
        "missing": missing,
        "benchmarks": {
            name: {k: v for k, v in entry.items() if k != "stdout"}
            for name, entry in entries.items()
        },
    }
    (RESULTS / "summary.json").write_text(json.dumps(summary, indent=2, default=str))
    print(text)
    failed = [name for name, entry in entries.items() if entry["status"] != "ok"]
    if failed:
        print(f"[run_all] failed: {', '.join(failed)}", file=sys.stderr)
    return summary


if __name__ == "__main__":
    outcome = main()
    sys.exit(1 if any(e["status"] != "ok" for e in outcome["benchmarks"].values()) else 0)

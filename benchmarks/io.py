"""Writing and reading game files, against numpy.save + numpy.load of the same table.

For each n it times, in one process and on the same random float game of 2**n values, the
round trip ``write_game(game, path)`` + ``read_game(path)`` in each file format (one ``.npz``
archive; a JSON document with a ``.npy`` table beside it; plain JSON, for n <= 23) and the
floor ``numpy.save`` + ``numpy.load`` of the bare table, and reports the ratios. Every file is
written afresh (the old one removed first, for every side), the binary formats and numpy take
turns in each of ``--repeat`` rounds (the best time is kept: the machine may be shared), and
every game read back is compared with the original. Plain JSON is timed once.

    python benchmarks/io.py            # n = 20, 23, 24, 25
    python benchmarks/io.py --small    # n = 16, 20, for CI-sized runs

Prints a Markdown table and writes benchmarks/results/io.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"
#: Plain JSON is timed up to this many players (a 24-player table is a 300 MB text).
JSON_MAX = 23


def _fresh(*paths: Path) -> None:
    for path in paths:
        if path.exists():
            path.unlink()


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    out = function()
    return time.perf_counter() - start, out


def run(sizes: list[int], repeat: int) -> list[dict]:
    rows = []
    rng = np.random.default_rng(2024)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        co.read_game(
            co.write_game(co.TUGame([0.0, 1.0]), tmp / "warm.npz") or tmp / "warm.npz"
        )  # import jsonschema and compile the schema once
        for n in sizes:
            values = rng.random(1 << n)
            values[0] = 0.0
            game = co.TUGame(values)
            table = tmp / "table.npy"
            # name: (write, read, files written); the methods take turns in every round, so
            # that the background load of a shared machine falls on all of them alike.
            methods = {
                "numpy": (
                    lambda: np.save(table, values),
                    lambda: np.load(table, allow_pickle=False),
                    [table],
                ),
                "npz": (
                    lambda: co.write_game(game, tmp / "game.npz"),
                    lambda: co.read_game(tmp / "game.npz"),
                    [tmp / "game.npz"],
                ),
                "json+npy": (
                    lambda: co.write_game(game, tmp / "game.json", format="json+npy"),
                    lambda: co.read_game(tmp / "game.json"),
                    [tmp / "game.json", tmp / "game.values.npy"],
                ),
            }
            best = {name: [float("inf"), float("inf")] for name in methods}
            sizes_on_disk = {}
            for _ in range(repeat):
                for name, (write, read, files) in methods.items():
                    _fresh(*files)
                    write_s, _ = _timed(write)
                    read_s, back = _timed(read)
                    best[name] = [min(best[name][0], write_s), min(best[name][1], read_s)]
                    same = np.array_equal(back, values) if name == "numpy" else back == game
                    if not same:
                        raise AssertionError(f"{name} did not round-trip the {n}-player game")
                    sizes_on_disk[name] = sum(f.stat().st_size for f in files)
                    _fresh(*files)
            floor = sum(best["numpy"])
            row = {
                "n": n,
                "table_bytes": values.nbytes,
                "numpy_save_s": best["numpy"][0],
                "numpy_load_s": best["numpy"][1],
            }
            for name in ("npz", "json+npy"):
                row[name] = {
                    "write_s": best[name][0],
                    "read_s": best[name][1],
                    "ratio": sum(best[name]) / floor,
                    "file_bytes": sizes_on_disk[name],
                }
            if n <= JSON_MAX:
                path = tmp / "plain.json"
                write_s, _ = _timed(lambda: co.write_game(game, path))
                read_s, back = _timed(lambda: co.read_game(path))
                if back != game:
                    raise AssertionError(f"JSON did not round-trip the {n}-player game")
                row["json"] = {
                    "write_s": write_s,
                    "read_s": read_s,
                    "ratio": (write_s + read_s) / floor,
                    "file_bytes": path.stat().st_size,
                }
                _fresh(path)
            else:
                row["json"] = {"skipped": f"n > {JSON_MAX}: use the binary formats"}
            game = values = back = None  # free the tables before the next n
            rows.append(row)
            print(f"n={n} done", file=sys.stderr, flush=True)
    return rows


def markdown(rows: list[dict]) -> str:
    def cell(entry: dict) -> str:
        if "skipped" in entry:
            return entry["skipped"]
        return (
            f"{entry['write_s'] * 1e3:.3g} + {entry['read_s'] * 1e3:.3g} ms ({entry['ratio']:.2f}x)"
        )

    lines = [
        "| n | table | numpy.save + load | .npz (ratio) | JSON + .npy (ratio) | JSON (ratio) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['table_bytes'] / 2**20:.3g} MiB | "
            f"{r['numpy_save_s'] * 1e3:.3g} + {r['numpy_load_s'] * 1e3:.3g} ms | "
            f"{cell(r['npz'])} | {cell(r['json+npy'])} | {cell(r['json'])} |"
        )
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="n = 16, 20 only (quick)")
    parser.add_argument("--sizes", type=int, nargs="*", help="override the player counts")
    parser.add_argument("--repeat", type=int, default=7, help="rounds (best time is kept)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([16, 20] if args.small else [20, 23, 24, 25])
    rows = run(sizes, args.repeat)
    report = {
        "benchmark": "io",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "cpus": os.cpu_count(),
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "io.json").write_text(json.dumps(report, indent=2))
    table = markdown(rows)
    (RESULTS / "io.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()

"""What the hostile-input sweeps share: a corpus of malformed files and the strict
allow-list ("ratchet").

A sweep groups its failures by ``"name[argument]"``; the allow-list maps such keys to
``(owner, how many hostile values may fail, first failure)``. More failures than allowed is a
regression, and fewer means a fix landed: both are reported, so the list can only shrink.
"""

from __future__ import annotations

import json
import signal
from contextlib import contextmanager
from pathlib import Path


class Hang(Exception):
    """Raised by :func:`alarm` when a call runs past its time."""


@contextmanager
def alarm(seconds: float):
    """Raise :class:`Hang` in the main thread after ``seconds`` (a per-call timeout)."""

    def handler(signum, frame):
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def hostile_files(folder: Path) -> dict[str, str]:
    """Malformed game files written into ``folder``: missing, a directory, empty, not JSON, a
    list, no or an unknown type, strings for numbers, numbers past float range, NaN, binary
    junk, a formula that tries to run code, bad TOML and an unknown suffix."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "empty.json": "",
        "bad.json": "{not json",
        "list.json": "[1, 2, 3]",
        "no-type.json": '{"values": [0, 1]}',
        "bad-type.json": '{"type": "nonsense", "values": [0, 1]}',
        "strings.json": '{"type": "tu", "players": ["a"], "values": ["x", "y"]}',
        "huge.json": '{"type": "weighted", "quota": 1e400, "weights": [1e400, 1]}',
        "nan.json": '{"type": "tu", "players": ["a"], "values": [0, NaN]}',
        "formula.json": json.dumps(
            {
                "type": "bargaining",
                "players": ["a", "b"],
                "disagreement": [0, 0],
                "frontier": {"formula": "__import__('os').system('echo pwned')", "variable": "x"},
            }
        ),
        "bad.toml": "[[[ not toml",
        "game.exe": "{}",
    }
    for name, text in texts.items():
        (folder / name).write_text(text)
    (folder / "binary.json").write_bytes(b"\x00\xff\xfe" * 10)
    files = {name.replace(".", "-"): folder / name for name in [*texts, "binary.json"]}
    files.update({"missing": folder / "missing.json", "directory": folder})
    return {key: str(path) for key, path in files.items()}


def ratchet_report(
    name: str, failures: dict[str, dict[str, str]], known: dict[str, tuple[str, int, str]]
) -> list[str]:
    """Lines describing every difference between ``failures`` of ``name`` and ``known``."""
    known = {key: entry for key, entry in known.items() if key.split("[")[0] == name}
    report = []
    for key, cases in sorted(failures.items()):
        allowed = known.get(key, (None, 0, ""))[1]
        if len(cases) > allowed:
            report.append(f"  {key}: {len(cases)} hostile values fail (allowed {allowed}):")
            report += [f"    {case}: {problem}" for case, problem in sorted(cases.items())]
    for key, (owner, allowed, _) in sorted(known.items()):
        actual = len(failures.get(key, {}))
        if actual < allowed:
            report.append(
                f"  {key}: only {actual} of the {allowed} known failures remain "
                f"({owner}); lower the count in KNOWN_FAILURES"
                + (" (delete the entry)" if actual == 0 else "")
            )
    return report

"""Peer libraries for side-by-side benchmarks, each run in its own virtual environment.

The peers are never dependencies of coalitions: they are installed on first use into
``benchmarks/.peers/venv`` (ignored by git) at the versions of ../shared/peers.txt, and timed in
a subprocess that reads its input from files and prints JSON. A peer that cannot be installed
or crashes is reported as such, never silently skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEER_DIR = HERE / ".peers"
VENV = PEER_DIR / "venv"

#: Versions that install and run on Python 3.11 here (see ../shared/peers.txt).
PEERS = {
    "shapiq": "shapiq==1.4.1",
    "coopgame": "coopgame-py==0.3.0",
    "powerindex": "powerindex==0.3.5",
    "powerindices": "powerindices==1.0.2",
    "tucoopy": "tucoopy==0.1.0",
    "shapley_numba": "shapley-numba==0.1.5",
}


def peer_python(*names: str) -> Path | None:
    """Python of the peer environment with ``names`` installed, or None if that fails."""
    python = VENV / "bin" / "python"
    if not python.exists():
        PEER_DIR.mkdir(exist_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True
        )
        if result.returncode:
            print(f"[peers] cannot create {VENV}: {result.stderr.strip()}", file=sys.stderr)
            return None
    missing = [n for n in names if not (PEER_DIR / f".ok-{n}").exists()]
    for name in missing:
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "numpy", PEERS[name]],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            print(
                f"[peers] cannot install {PEERS[name]}: {result.stderr.strip()[-400:]}",
                file=sys.stderr,
            )
            return None
        (PEER_DIR / f".ok-{name}").touch()
    return python


def run_peer(name: str, script: str, payload: dict, *, timeout: float = 600.0) -> dict:
    """Run ``script`` in the peer environment of ``name``.

    The script reads ``PAYLOAD`` (a dict, already loaded from JSON) and must print one JSON
    object on its last line of stdout. Returns that object, or ``{"error": message}``.
    """
    python = peer_python(name)
    if python is None:
        return {"error": f"{PEERS[name]} could not be installed"}
    with tempfile.TemporaryDirectory() as tmp:
        payload_path = Path(tmp) / "payload.json"
        payload_path.write_text(json.dumps(payload))
        prelude = f"import json, sys\nPAYLOAD = json.loads(open({str(payload_path)!r}).read())\n"
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        try:
            result = subprocess.run(
                [str(python), "-c", prelude + textwrap.dedent(script)],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
                cwd=tmp,
            )
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout:.0f} s"}
    if result.returncode:
        tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {result.returncode}: {tail[:300]}"}
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return {"error": f"unreadable output: {result.stdout[-300:]!r}"}

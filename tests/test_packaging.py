"""The published package: build the sdist and the wheel, check them, install the wheel outside
the source tree and run the demo and one worked case from it.

The wheel is built from the sdist (what ``python -m build`` does by default), so a file missing
from the sdist fails here too. The fresh environment has no pip and no source tree: the wheel is
installed into it with ``--no-deps`` by the test environment's pip, and the run-time
dependencies come from the test environment's ``site-packages`` through a plain path line in a
``.pth`` file (a path line does not run the other ``.pth`` files of that directory, so the
editable install of the source tree stays invisible). ``pip check`` then proves that the
wheel's declared requirements are met there. Set ``COALITIONS_TEST_FULL_INSTALL=1`` to install
the dependencies from the package index instead (slower, needs the network).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("build", reason="needs the release extra: pip install -e '.[release]'")
pytest.importorskip("twine", reason="needs the release extra: pip install -e '.[release]'")

# one worker builds and installs the wheel once (make test runs --dist loadgroup)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.xdist_group("wheel"),
]


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _tracked_copy(where: Path) -> Path:
    """The files git tracks, copied to ``where``: the build then works in a tree of its own
    (setuptools assembles the sdist in the source directory, where the other test workers
    write caches and the site) holding what a clean clone holds. Outside a git checkout (an
    unpacked sdist) the source tree itself."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, timeout=60
    )
    if listed.returncode != 0 or not listed.stdout:
        return ROOT
    for name in listed.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            target = where / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((ROOT / name).read_bytes())
    return where


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    source = _tracked_copy(tmp_path_factory.mktemp("source"))
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)])
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """A fresh virtual environment outside the source tree with only the wheel installed."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    full = os.environ.get("COALITIONS_TEST_FULL_INSTALL") == "1"
    _run([sys.executable, "-m", "venv", *([] if full else ["--without-pip"]), str(venv)])
    python = venv / "bin" / "python"
    if full:
        _run([str(python), "-m", "pip", "install", "--quiet", str(dist["wheel"])])
        return venv
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    site = Path(purelib.stdout.strip())
    (site / "_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    _run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(dist["wheel"])])
    _run([*pip, "check"])
    return venv


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["MPLBACKEND"] = "Agg"
    return env


def test_twine_accepts_both_distributions(dist):
    result = _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.values())])
    assert result.stdout.count("PASSED") == 2


def test_wheel_ships_data_provenance_schema_and_type_marker(dist):
    names = set(zipfile.ZipFile(dist["wheel"]).namelist())
    assert "coalitions/py.typed" in names
    assert "coalitions/games/schemas/game.schema.json" in names
    datasets = {Path(n).name for n in names if n.startswith("coalitions/datasets/")}
    assert "SOURCES.md" in datasets
    # every data file travels with its provenance
    for csv in (ROOT / "src" / "coalitions" / "datasets").glob("*.csv"):
        assert csv.name in datasets, f"{csv.name} is missing from the wheel"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "benchmarks/", "examples/")) for n in names)


def test_sdist_holds_the_tests_and_the_license(dist):
    with tarfile.open(dist["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "pyproject.toml", "README.md", "tests/conftest.py"} <= names


def test_installed_package_is_the_wheel_not_the_source_tree(installed, tmp_path):
    code = (
        "import json, coalitions, importlib.resources as r;"
        "print(json.dumps({'file': coalitions.__file__,"
        " 'typed': r.files('coalitions').joinpath('py.typed').is_file(),"
        " 'sources': r.files('coalitions.datasets').joinpath('SOURCES.md').is_file()}))"
    )
    result = _run([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path, env=_clean_env())
    found = json.loads(result.stdout)
    assert Path(found["file"]).is_relative_to(installed)
    assert found["typed"] and found["sources"]


def test_demo_and_a_worked_case_run_from_the_wheel(installed, tmp_path):
    command = str(installed / "bin" / "coalitions")
    demo = _run([command, "demo"], cwd=tmp_path, env=_clean_env())
    assert "Shapley" in demo.stdout
    case = _run([command, "examples", "run", "security-council"], cwd=tmp_path, env=_clean_env())
    assert "Security Council" in case.stdout

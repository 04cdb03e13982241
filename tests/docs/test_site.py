"""The documentation site: it builds with warnings as errors, and a browser shows it.

The session fixture runs the same ``sphinx-build -W --keep-going`` as ``make docs``, from
scratch into a temporary directory (a fresh build, so no warning hides in a cached page), and
serves the result on localhost. Headless Chromium (the system's ``chromium`` and
``chromium-driver``, driven by selenium) then opens three pages: the index, an API page whose
formula MathJax must have typeset (``mjx-container`` elements appear only after MathJax ran:
MathJax is served from the site itself, so this works offline), and a worked case whose
figure must load (an ``<img>`` with ``naturalWidth > 0``).

Without the docs extra or Chromium the tests skip and say which is missing; under CI (``CI``
set, as in ``.ci/run``, which installs both) they fail instead, so a green CI never hides a
site that was not checked.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from browser import chromium, require, wait_for

ROOT = Path(__file__).resolve().parents[2]

# one worker builds the site once (make test runs pytest-xdist with --dist loadgroup)
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]


def _require_docs_extra() -> None:
    for module in ("sphinx", "pydata_sphinx_theme", "numpydoc", "myst_nb", "selenium"):
        try:
            __import__(module)
        except ImportError:
            require(False, f"the docs extra is not installed ({module} is missing): make docs")
    for distribution in ("sphinx-mathjax-offline", "matplotlib"):
        try:
            from importlib.metadata import distribution as find

            find(distribution)
        except Exception:
            require(False, f"{distribution} is not installed: pip install -e '.[docs,plot]'")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built from scratch with warnings as errors (the ``make docs`` command)."""
    _require_docs_extra()
    out = tmp_path_factory.mktemp("site")
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-W",
        "--keep-going",
        "-q",
        "-d",
        str(out / "doctrees"),
        str(ROOT / "docs"),
        str(out / "html"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, f"sphinx-build failed:\n{done.stdout}\n{done.stderr}"
    return out / "html"


def test_site_has_the_pages_the_browser_opens(site):
    for page in ("index.html", "api/index.html", "api/generated/coalitions.shapley_value.html"):
        assert (site / page).is_file(), page
    # every committed notebook, and the API of every section, is on the site
    for notebook in sorted((ROOT / "docs/notebooks").glob("*.ipynb")):
        assert (site / "notebooks" / f"{notebook.stem}.html").is_file(), notebook.name
    assert (site / "_static/mathjax/tex-chtml.js").is_file(), "MathJax is not shipped locally"


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the base class names it format
        pass


@pytest.fixture(scope="session")
def browser(server, tmp_path_factory):
    _require_docs_extra()
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def test_index_page(browser, server):
    browser.get(f"{server}/index.html")
    assert "coalitions" in browser.title
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))"
    )
    for target in ("tutorials/first-steps.html", "api/index.html", "reference/bibliography.html"):
        assert any(href and href.startswith(target) for href in links), target


def test_api_page_renders_its_math(browser, server):
    browser.get(f"{server}/api/generated/coalitions.shapley_value.html")
    assert "shapley_value" in browser.title
    # MathJax replaces each formula by an mjx-container once its script has typeset the page
    count = wait_for(
        browser,
        "const n = document.querySelectorAll('mjx-container').length; return n > 0 ? n : false;",
    )
    assert count >= 1
    # ... and no formula is left as raw TeX source
    raw = browser.execute_script(
        "return Array.from(document.querySelectorAll('div.math, span.math'))"
        ".filter(e => !e.querySelector('mjx-container')).length"
    )
    assert raw == 0


def test_case_page_shows_its_figure(browser, server):
    browser.get(f"{server}/notebooks/case-security-council.html")
    assert "Security Council" in browser.title
    widths = wait_for(
        browser,
        "const imgs = Array.from(document.querySelectorAll('article img, main img'));"
        "const w = imgs.filter(i => i.complete).map(i => i.naturalWidth);"
        "return w.some(x => x > 0) ? w : false;",
    )
    assert max(widths) > 100

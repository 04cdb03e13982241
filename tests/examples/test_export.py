"""Self-contained exports of the worked cases: every case exports, the HTML parses and embeds
its figure, the JSON carries the sections, the version and the provenance, and the section on
what would change the conclusion holds the case's breakpoints where it labels ranges."""

import base64
import json
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app
from coalitions.examples import export_case, list_cases

pytest.importorskip("matplotlib")


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.images = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs)["src"])


@pytest.mark.slow
@pytest.mark.parametrize("name", [case.name for case in list_cases()])
def test_every_case_exports_a_standalone_page(name):
    page = export_case(name, "html")
    parser = _Collect()
    parser.feed(page)
    assert {"html", "h1", "table"} <= set(parser.tags)
    assert "What would change this conclusion" in page and co.__version__ in page
    assert "Data provenance" in page
    for src in parser.images:  # the figures are embedded, not linked
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_cyprus_exports_its_breakpoints_and_shares():
    text = export_case("cyprus-belarus", "markdown")
    assert "## What would change this conclusion" in text
    assert "binding member: DE in" in text
    assert "![" in text and "data:image/png;base64," in text
    data = json.loads(export_case("cyprus-belarus", "json"))
    assert data["version"] == co.__version__ and data["figure_png_base64"]
    titles = [s["title"] for s in data["sections"]]
    assert titles[-1] == "What would change this conclusion"
    assert any(t.startswith("Rival predictions") for t in titles)


def test_a_case_without_ranges_says_so():
    text = export_case("glove", "markdown")
    assert "labels no assumption with a range" in text


def test_the_cli_writes_the_file(tmp_path):
    target = tmp_path / "cyprus.html"
    out = CliRunner().invoke(
        app, ["examples", "run", "cyprus-belarus", "--format", "html", "-o", str(target)]
    )
    assert out.exit_code == 0, out.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "args",
    [
        ["examples", "run", "glove", "--format", "pdf"],
        ["examples", "run", "glove", "--format", "html", "--json"],
        ["examples", "run", "glove", "-o", "x.html"],
        ["examples", "run", "nowhere", "--format", "html"],
    ],
)
def test_bad_export_requests_exit_with_a_message(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, args)
    assert out.exit_code != 0 and "Traceback" not in out.output


@pytest.mark.slow
@pytest.mark.parametrize(
    "name,heading",
    [
        ("cyprus-belarus", "Rival predictions"),
        ("nagorno-karabakh", "Speed against legitimacy"),
        ("nato-russia-council", "Power in the NRC"),
        ("unsc-reform", "Power of a seat"),
    ],
)
def test_the_exported_html_opens_in_a_browser_with_its_figure(name, heading, tmp_path):
    from browser import chromium, wait_for

    from coalitions.examples import get_case

    page = tmp_path / f"{name}.html"
    page.write_text(export_case(name, "html"), encoding="utf-8")
    with chromium(tmp_path / "profile") as driver:
        driver.get(page.as_uri())
        assert driver.title == get_case(name).title
        width = wait_for(
            driver,
            "const i = document.getElementById('figure');"
            "return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth : false;",
        )
        assert width > 100
        headings = driver.execute_script(
            "return Array.from(document.querySelectorAll('h2')).map(h => h.textContent)"
        )
        assert "What would change this conclusion" in headings
        assert any(h.startswith(heading) for h in headings)

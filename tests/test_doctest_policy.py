"""Doctests mean what a reader sees: no option flag may hide the digits of a number.

pytest's ``NUMBER`` flag compares floats only to the precision written, so ``[0.4, 0.6]``
matched ``[0.5, 0.5]`` and a wrong weighted Nash solution sat in a how-to for months. These
tests fail if ``NUMBER`` (or another flag that loosens comparisons) comes back, in the
configuration or as an inline ``# doctest: +...`` directive, and if ``ELLIPSIS`` ever stands
for digits of a number in an expected output.
"""

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Flags that change only whitespace, or elide text that the policy below keeps away from
#: numbers. ``NUMBER``, ``IGNORE_EXCEPTION_DETAIL``, ``SKIP`` and the like are not allowed.
ALLOWED_FLAGS = {"NORMALIZE_WHITESPACE", "ELLIPSIS"}
DIRECTIVE = re.compile(r"#\s*doctest:\s*(?P<options>[^\n]*)")
#: An ellipsis touching a digit: ``0.33...``, ``...67``, ``1....``.
ELLIPSIS_IN_NUMBER = re.compile(r"\d\.\.\.|\.\.\.\d")


def documented_files():
    files = sorted((ROOT / "src" / "coalitions").rglob("*.py"))
    files += [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    assert len(files) > 50, "the package and the docs were not found"
    return files


def test_configured_flags_hide_no_number(request):
    flags = set(request.config.getini("doctest_optionflags"))
    assert flags <= ALLOWED_FLAGS, f"doctest flags not allowed: {flags - ALLOWED_FLAGS}"


def test_pyproject_flags_hide_no_number():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: read the one line
        line = re.search(r"^doctest_optionflags\s*=\s*\[(.*?)\]", text, re.M | re.S)
        flags = set(re.findall(r"[\"']([A-Z_]+)[\"']", line.group(1))) if line else set()
    else:
        ini = tomllib.loads(text)["tool"]["pytest"]["ini_options"]
        flags = set(ini.get("doctest_optionflags", []))
    assert flags <= ALLOWED_FLAGS, f"doctest flags not allowed: {flags - ALLOWED_FLAGS}"
    for name in ("setup.cfg", "pytest.ini", "tox.ini"):  # no second place to set them
        other = ROOT / name
        assert not other.exists() or "doctest_optionflags" not in other.read_text(), name


def test_no_inline_directive_hides_a_number():
    offences = []
    for path in documented_files():
        for match in DIRECTIVE.finditer(path.read_text(encoding="utf-8")):
            options = {
                o.strip().lstrip("+-").split(" ")[0]
                for o in match.group("options").split(",")
                if o.strip()
            }
            if not options <= ALLOWED_FLAGS:
                offences.append(f"{path.relative_to(ROOT)}: # doctest: {match.group('options')}")
    assert not offences, (
        "inline doctest directives that are not allowed (write the digits "
        "the code prints, or round explicitly: round(x, 4), f'{x:.4f}'):\n" + "\n".join(offences)
    )


def test_no_ellipsis_stands_for_digits():
    offences = []
    for path in documented_files():
        for example in doctest.DocTestParser().get_examples(path.read_text(encoding="utf-8")):
            if ELLIPSIS_IN_NUMBER.search(example.want):
                offences.append(
                    f"{path.relative_to(ROOT)}:{example.lineno + 1}: {example.want.strip()!r}"
                )
    assert not offences, "'...' stands for digits (round explicitly):\n" + "\n".join(offences)


def test_the_checks_can_fail():
    assert ELLIPSIS_IN_NUMBER.search("[0.333..., 0.5]")
    assert ELLIPSIS_IN_NUMBER.search("...67")
    assert not ELLIPSIS_IN_NUMBER.search("<TUGame ...>")
    options = DIRECTIVE.search("x  # doctest: +NUMBER").group("options")
    assert options.strip().lstrip("+") not in ALLOWED_FLAGS

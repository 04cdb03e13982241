"""Headless Chromium for the tests that look at pages: the system's ``chromium`` and
``chromium-driver`` driven by selenium (the docs extra), with the flags this closed machine
needs. Without them a test skips and says what is missing; under CI (``CI`` set, as in
``.ci/run``, which installs them) it fails instead."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
WAIT_SECONDS = 30
#: As root on a machine whose network is closed: no sandbox, and no background traffic.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def require(condition: bool, reason: str) -> None:
    """Skip (or, under CI, fail) with ``reason`` unless ``condition``."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it: see .ci/run)")
    pytest.skip(reason)


@contextmanager
def chromium(profile: Path):
    """A selenium driver of headless Chromium with its profile in ``profile``."""
    require(CHROMIUM is not None, "Chromium is not installed: apt-get install chromium")
    require(CHROMEDRIVER is not None, "ChromeDriver is missing: apt-get install chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require(False, "selenium is not installed (the docs extra): make docs")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # the system driver, so that selenium never tries to download one
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, script: str):
    """The first truthy value of ``script`` in the page, within :data:`WAIT_SECONDS`."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.execute_script(script))

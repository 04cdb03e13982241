"""Test configuration: hypothesis profiles and the seeded ``rng`` fixture.

Four hypothesis profiles, chosen by ``COALITIONS_TEST_PROFILE`` (else ``ci`` when ``CI`` is
set, else ``default``):

- ``default`` (local ``make test``): 60 examples per property, random seeds, so local runs
  explore new examples;
- ``ci``: the same examples every run (``derandomize``), so that a green main stays green;
- ``deep`` (``make test-deep``): ten times the examples of every property, including those
  whose ``@settings`` fix ``max_examples``, from the seed ``COALITIONS_TEST_SEED`` (which
  ``make test-deep`` draws at random, prints, and passes to ``--hypothesis-seed``), so that a
  failure is replayed by ``make test-deep SEED=<seed>``. The ``rng`` fixture is seeded with it
  too. A failing example is also kept in ``.hypothesis/`` and replayed first by later runs.
- ``fast`` (``make test-fast``, the inner loop): a sixth of the examples of every property
  (at least :data:`FAST_MIN_EXAMPLES`), and the tests marked ``slow`` (building and installing
  the wheel, the largest sizes) are deselected. It is a quick smoke run, never a substitute for
  ``make test``.
"""

import os
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

DEEP_FACTOR = 10
FAST_DIVISOR = 6
FAST_MIN_EXAMPLES = 5
PROFILE = os.environ.get("COALITIONS_TEST_PROFILE") or ("ci" if os.environ.get("CI") else "default")
SEED = os.environ.get("COALITIONS_TEST_SEED")

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI replays the same examples every run, so that a green main stays green; local runs explore.
settings.register_profile(
    "ci", parent=settings.get_profile("default"), derandomize=True, print_blob=True
)
settings.register_profile(
    "deep",
    parent=settings.get_profile("default"),
    max_examples=DEEP_FACTOR * 60,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
settings.register_profile(
    "fast", parent=settings.get_profile("default"), max_examples=60 // FAST_DIVISOR
)
if PROFILE not in ("default", "ci", "deep", "fast"):
    raise pytest.UsageError(f"COALITIONS_TEST_PROFILE={PROFILE!r}: use default, ci, deep or fast.")
if SEED is not None and not SEED.isdigit():
    raise pytest.UsageError(f"COALITIONS_TEST_SEED={SEED!r}: use a non-negative integer.")
settings.load_profile(PROFILE)


def pytest_report_header(config):
    line = f"hypothesis profile: {PROFILE}"
    if PROFILE == "deep":
        line += f" ({DEEP_FACTOR}x examples), seed {SEED}; replay: make test-deep SEED={SEED}"
    elif PROFILE == "fast":
        line += f" (1/{FAST_DIVISOR} of the examples, slow tests deselected: not a full run)"
    return line


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: a test of more than a few seconds; deselected by `make test-fast`"
    )
    config.addinivalue_line(  # pytest-xdist's marker, declared for runs without it
        "markers", "xdist_group(name): run these tests on one worker under --dist loadgroup"
    )


def _scaled(examples: int) -> int:
    if PROFILE == "deep":
        return examples * DEEP_FACTOR
    return max(FAST_MIN_EXAMPLES, examples // FAST_DIVISOR)


def pytest_collection_modifyitems(config, items):
    """In the deep and fast profiles, scale the examples of properties that fix
    ``max_examples`` (those that inherit it already have the profile's count); the fast profile
    also deselects the tests marked ``slow``."""
    if PROFILE == "fast":
        slow = [item for item in items if item.get_closest_marker("slow")]
        if slow:
            config.hook.pytest_deselected(items=slow)
            items[:] = [item for item in items if not item.get_closest_marker("slow")]
    if PROFILE not in ("deep", "fast"):
        return
    inherited = settings.get_profile(PROFILE).max_examples
    done = set()
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is None or id(test) in done:
            continue
        done.add(id(test))
        if own.max_examples != inherited:
            test._hypothesis_internal_use_settings = settings(
                own, max_examples=_scaled(own.max_examples)
            )


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if PROFILE == "deep":
        terminalreporter.write_line(
            f"deep run with seed {SEED}: replay it with `make test-deep SEED={SEED}`"
        )


@pytest.fixture
def rng():
    return np.random.default_rng(int(SEED) if PROFILE == "deep" and SEED else 12345)

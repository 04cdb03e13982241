import pytest

import coalitions.examples as ex


@pytest.fixture(scope="module")
def run():
    """Run a worked example once per test module and hand out its report by name."""
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = ex.run_case(name)
        return cache[name]

    return get

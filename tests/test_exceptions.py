"""One exception hierarchy (issue 11, item 6): every bad call through a front door raises a
CoalitionsError whose message names the argument to change; argument errors are ValueErrors
too, lookups by name KeyErrors too."""

from __future__ import annotations

import pytest

import coalitions as co
from coalitions import exceptions
from coalitions.exceptions import (
    CoalitionsError,
    InvalidArgumentError,
    UnknownNameError,
    UnknownPlayerError,
)

GLOVE = co.glove_game(["L"], ["R1", "R2"])
UNSC = co.datasets.un_security_council()
HEDONIC = co.formation.HedonicGame.additively_separable([[0, 1], [1, 0]], players=["a", "b"])


def _sampling(**options):
    return lambda: co.shapley_value(GLOVE, method="permutation", **options)


# (front door and kind of bad argument, call, the word the message must contain)
BAD_CALLS = [
    ("shapley_value: unknown method", lambda: co.shapley_value(GLOVE, method="magic"), "method"),
    ("shapley_value: negative budget", _sampling(budget=-5), "budget"),
    ("shapley_value: fractional budget", _sampling(budget=10.5), "budget"),
    ("shapley_value: no budget", _sampling(), "budget"),
    ("shapley_value: negative seed", _sampling(budget=100, rng=-1), "seed"),
    ("shapley_value: a string seed", _sampling(budget=100, rng="x"), "rng"),
    ("shapley_value: not an executor", _sampling(budget=100, executor="threads"), "executor"),
    ("shapley_value: confidence above 1", _sampling(budget=100, confidence=2.0), "confidence"),
    (
        "shapley_value: budget with an exact method",
        lambda: co.shapley_value(GLOVE, budget=100),
        "budget",
    ),
    ("banzhaf_value: unknown method", lambda: co.banzhaf_value(GLOVE, method="magic"), "method"),
    ("nucleolus: unknown method", lambda: co.nucleolus(GLOVE, method="magic"), "method"),
    (
        "shapley_shubik_index: unknown method",
        lambda: co.shapley_shubik_index(UNSC, method="magic"),
        "method",
    ),
    (
        "banzhaf_index: a sampler with normalized=True",
        lambda: co.banzhaf_index(UNSC, method="sampling", budget=1000),
        "normalized",
    ),
    (
        "shapley_shubik_index: a budget with a counting method",
        lambda: co.shapley_shubik_index(UNSC, budget=10),
        "budget",
    ),
    (
        "banzhaf_index: a seed with a counting method",
        lambda: co.banzhaf_index(UNSC, normalized=False, rng=1),
        "rng",
    ),
    ("power_indices: unknown index", lambda: co.power_indices(UNSC, ["magic"]), "index"),
    ("compound game: unknown operator", lambda: co.CompoundGame("xor", [UNSC, UNSC]), "operator"),
    ("eu_council: unknown rule", lambda: co.datasets.eu_council(rule="magic"), "rule"),
    ("claims_rule: unknown rule", lambda: co.claims_rule(10, [5, 10], "magic"), "rule"),
    ("random_game: unknown kind", lambda: co.random_game(3, kind="magic"), "kind"),
    (
        "optimal_coalition_structure: unknown method",
        lambda: co.formation.optimal_coalition_structure(GLOVE, method="magic"),
        "method",
    ),
    (
        "club_frontier: unknown method",
        lambda: co.formation.club_frontier([0.5, 0.5], [1, 1], method="magic"),
        "method",
    ),
    (
        "best_response_dynamics: unknown rule",
        lambda: co.formation.best_response_dynamics(HEDONIC, rule="magic"),
        "rule",
    ),
    (
        "agreement_stability: unknown indifference rule",
        lambda: co.formation.agreement_stability(
            co.formation.linear_quadratic_model(4), indifferent="magic"
        ),
        "indifferent",
    ),
    ("examples: unknown example", lambda: co.examples.run_case("magic"), "example"),
]


@pytest.mark.parametrize("label, call, word", BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_raise_invalid_argument_errors_naming_the_argument(label, call, word):
    with pytest.raises(InvalidArgumentError) as caught:
        call()
    assert isinstance(caught.value, CoalitionsError) and isinstance(caught.value, ValueError)
    assert word in str(caught.value), str(caught.value)


def test_unknown_player_of_a_result_is_a_key_error_and_a_coalitions_error():
    result = co.shapley_value(GLOVE)
    with pytest.raises(UnknownPlayerError) as caught:
        result["nobody"]
    assert isinstance(caught.value, KeyError) and isinstance(caught.value, CoalitionsError)
    # the message itself, not KeyError's quoted repr of it
    assert str(caught.value).startswith("unknown player 'nobody'; the players are 'L'")


def test_unknown_section_of_a_report_is_an_unknown_name_error():
    report = co.examples.run_case(co.examples.list_cases()[0].name)
    with pytest.raises(UnknownNameError, match="no section starting with 'magic'"):
        report.section("magic")


def test_every_exception_is_exported_and_derives_from_coalitions_error():
    for name in exceptions.__all__:
        cls = getattr(exceptions, name)
        assert issubclass(cls, CoalitionsError) and getattr(co, name) is cls
        assert name in exceptions.__doc__  # the hierarchy is documented


def test_no_bare_builtin_raise_in_the_package():
    """A raise of a plain ValueError, TypeError or KeyError would escape `except
    CoalitionsError`; the only ones left are control flow caught on the next lines."""
    import re
    from pathlib import Path

    root = Path(co.__file__).parent
    allowed = {
        ("bargaining/spatial.py", "raise ValueError\n"),  # caught two lines below
        ("_exact_linalg.py", 'raise ValueError("cannot infer the dimension'),
        # json.loads hooks: games/io._parse_json turns them into InvalidGameError
        ("games/io.py", 'raise ValueError(f"{name} is not a number'),
        ("games/io.py", 'raise ValueError(f"{text} is too large for a float'),
    }
    found = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"raise (ValueError|TypeError|KeyError)\b[^\n]*\n?", text):
            where = str(path.relative_to(root))
            if not any(where == a and match.group(0).startswith(b[:40]) for a, b in allowed):
                found.append(f"{where}: {match.group(0).strip()}")
    assert not found, found

"""Bargaining problems from bimatrix games, and the JSON file formats."""

import json

import pytest

from coalitions.bargaining import (
    bargaining_problem_from_game,
    kalai_smorodinsky,
    maxmin_values,
    nash_solution,
)
from coalitions.bargaining.io import negotiation_from_json, read_negotiation
from coalitions.exceptions import InvalidGameError, InvalidProblemError

PD_A, PD_B = [[3, 0], [5, 1]], [[3, 5], [0, 1]]


def test_prisoners_dilemma():
    problem = bargaining_problem_from_game(PD_A, PD_B)
    assert problem.disagreement.tolist() == [1.0, 1.0]
    assert nash_solution(problem).x == pytest.approx([3, 3], abs=1e-9)


def test_battle_of_the_sexes_equilibria_and_maxmin():
    a, b = [[2, 0], [0, 1]], [[1, 0], [0, 2]]
    low = bargaining_problem_from_game(a, b, equilibrium=0)
    assert low.disagreement == pytest.approx([2 / 3, 2 / 3])  # the mixed equilibrium
    assert maxmin_values(a, b) == pytest.approx([2 / 3, 2 / 3])
    ks = kalai_smorodinsky(bargaining_problem_from_game(a, b, disagreement="maxmin"))
    assert ks.x == pytest.approx([1.5, 1.5], abs=1e-9)
    with pytest.raises(InvalidProblemError, match="equilibrium payoff pairs"):
        bargaining_problem_from_game(a, b, equilibrium=7)


def test_bimatrix_bad_inputs():
    with pytest.raises(InvalidProblemError, match="same shape"):
        bargaining_problem_from_game([[1, 2]], [[1], [2]])
    with pytest.raises(InvalidProblemError, match="disagreement must be"):
        bargaining_problem_from_game(PD_A, PD_B, disagreement="threat")
    with pytest.raises(InvalidProblemError, match="strictly more"):
        bargaining_problem_from_game([[1, 0], [0, 0]], [[1, 0], [0, 0]], equilibrium=1)
    # a negative index is refused, not read from the end of the list of equilibria
    with pytest.raises(InvalidProblemError, match="pass an index from 0 to 1"):
        bargaining_problem_from_game([[1, 0], [0, 0]], [[1, 0], [0, 0]], equilibrium=-1)


def test_documents(tmp_path):
    kind, problem, _ = negotiation_from_json(
        {
            "type": "bargaining",
            "feasible": {"frontier": "sqrt(1 - u1)", "upper": [1]},
            "disagreement": [0, 0],
        }
    )
    assert kind == "bargaining" and problem.kind == "frontier"
    kind, problem, _ = negotiation_from_json(
        {"type": "bargaining", "feasible": {"game": {"row": PD_A, "column": PD_B}}}
    )
    assert problem.disagreement.tolist() == [1.0, 1.0]
    kind, model, _ = negotiation_from_json(
        {
            "type": "spatial",
            "ideal_points": {"A": 1, "B": 2, "C": 3},
            "status_quo": 0,
            "decision_rule": {"type": "weighted", "quota": 3, "weights": {"A": 2, "B": 1, "C": 1}},
        }
    )
    assert model.is_winning(frozenset({"A", "B"})) and not model.is_winning(frozenset({"B", "C"}))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"type": "poker"}))
    with pytest.raises(InvalidProblemError, match="unknown document type"):
        read_negotiation(path)
    with pytest.raises(InvalidGameError, match="no such file"):
        read_negotiation(tmp_path / "missing.json")
    with pytest.raises(InvalidProblemError, match="cannot use the name .y."):
        negotiation_from_json({"type": "bargaining", "feasible": {"utilities": ["y", "x"]}})
    with pytest.raises(InvalidProblemError, match="weights"):
        negotiation_from_json(
            {
                "type": "spatial",
                "ideal_points": {"A": 1},
                "status_quo": 0,
                "decision_rule": {"type": "weighted", "quota": 1},
            }
        )

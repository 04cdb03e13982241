"""Rich display: ``_repr_html_`` on every result and game, ``to_frame()``/``to_series()``.

The result instances come from the factories of ``tests/test_results_contract.py``, so a new
result class is covered here as soon as it has a factory there.
"""

import html
import math
import re
import sys
from fractions import Fraction

import numpy as np
import pytest
from test_results_contract import FACTORIES, _hedonic, _spatial

import coalitions as co
from coalitions.exceptions import CoalitionsError
from coalitions.formation import HedonicGame
from coalitions.results import AllocationResult

EEC = co.datasets.eec_council_1958()

GAMES = {
    "TUGame": lambda: co.glove_game(["L"], ["R1", "R2"]),
    "SimpleGame": lambda: co.SimpleGame(["a", "b", "c"], minimal_winning=[["a", "b"], ["a", "c"]]),
    "WeightedVotingGame": lambda: EEC,
    "CompoundGame": lambda: EEC & EEC.with_quota(10),
    "OracleGame": lambda: co.OracleGame(len, ["a", "b", "c"]),
    "HedonicGame": _hedonic,
    "BargainingProblem": lambda: co.BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]]),
    "SpatialModel": _spatial,
    "IssueLinkageModel": lambda: co.bargaining.cases.cyprus_belarus_model(),
}

#: Names that must be escaped: a raw one in the HTML would be markup.
HOSTILE = ["<b>x</b>", "a&b", '"q"']


def _assert_valid_html(text, names):
    assert text.startswith('<div class="coalitions-display">') and text.endswith("</div>")
    for tag in ("div", "table", "tr", "td", "th", "thead", "tbody"):
        opened = len(re.findall(rf"<{tag}[ >]", text))
        assert opened == text.count(f"</{tag}>"), tag
    for name in names:
        assert html.escape(name) in text, name


@pytest.fixture(params=sorted(FACTORIES))
def result(request):
    return FACTORIES[request.param]()


@pytest.fixture(params=sorted(GAMES))
def game(request):
    return GAMES[request.param]()


def test_every_game_class_is_covered():
    assert {type(GAMES[name]()).__name__ for name in GAMES} == set(GAMES)


def test_result_html(result):
    text = result._repr_html_()
    _assert_valid_html(text, result.players)
    assert f"<caption>{type(result).__name__}</caption>" in text


def test_game_html(game):
    text = game._repr_html_()
    _assert_valid_html(text, game.players)
    assert f"<caption>{type(game).__name__}</caption>" in text


def test_exact_numbers_show_the_fraction_and_its_float():
    text = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]))._repr_html_()
    assert "<td>2/3 (0.666667)</td>" in text and "<td>1/6 (0.166667)</td>" in text


@pytest.mark.parametrize(
    "build",
    [
        lambda names: co.TUGame([0, 1, 1, 3, 1, 3, 3, 6], names),
        lambda names: co.shapley_value(co.TUGame([0, 1, 1, 3, 1, 3, 3, 6], names)),
        lambda names: co.WeightedVotingGame(2, [1, 1, 1], names),
        lambda names: co.SpatialModel(dict(zip(names, [1, 2, 3])), status_quo=0),
        lambda names: HedonicGame.additively_separable(np.zeros((3, 3)), players=names),
    ],
)
def test_hostile_names_are_escaped(build):
    text = build(HOSTILE)._repr_html_()
    _assert_valid_html(text, HOSTILE)
    assert "<b>" not in text and "a&b" not in text and '"q"' not in text


def test_large_tables_state_what_they_leave_out():
    n = 30
    players = [f"p{i}" for i in range(n)]
    value = co.shapley_shubik_index(co.WeightedVotingGame(16, [1] * n, players))
    assert "Showing 20 of 30 players." in value._repr_html_()
    table = co.TUGame(np.arange(64.0), [f"q{i}" for i in range(6)])._repr_html_()
    assert "Showing 20 of 64 coalitions." in table
    assert table.count("<tr>") == 3 + 2 + 6 + 20  # summary, two headers, players, coalitions


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(np.all(a == b))


def test_to_frame_round_trips_the_entries(result):
    pytest.importorskip("pandas")
    frame = result.to_frame()
    kind, columns, _ = result._table()
    if kind == "players":
        assert list(frame.index) == list(result.players)
        assert frame.index.name == "player"
    if isinstance(result, AllocationResult):
        for player in result.players:
            assert _same(frame.loc[player, "x"], result[player])
    for name, column in columns.items():
        assert all(_same(a, b) for a, b in zip(frame[name].tolist(), column, strict=True))
    if not columns:
        assert len(frame) == 1 and _same(frame["value"][0], co.results.jsonable(result.value))


def test_to_frame_keeps_exact_numbers():
    pytest.importorskip("pandas")
    phi = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]))
    assert phi.to_frame().loc["L", "x"] == Fraction(2, 3)
    series = phi.to_series()
    assert series.name == "shapley" and list(series.index) == ["L", "R1", "R2"]
    assert series["L"] == Fraction(2, 3) and series.sum() == 1
    table = co.power_indices(EEC, ["shapley_shubik", "banzhaf"]).to_frame()
    assert table.loc["Luxembourg", "shapley-shubik"] == 0
    assert table.loc["France", "banzhaf"] == Fraction(5, 21)


def test_to_series_of_a_float_result_is_float():
    pytest.importorskip("pandas")
    phi = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]).to_float())
    assert phi.to_series().dtype == np.float64


def test_missing_pandas_gives_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    phi = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]))
    for call in (phi.to_frame, phi.to_series, co.core(co.majority_game(3)).to_frame):
        with pytest.raises(
            CoalitionsError, match=re.escape("pip install coalitions-toolkit[frames]")
        ):
            call()

"""One document format: every ``"type"`` is read through one static table, games.io.READERS
(issue 12, item 2; docs/contributing/conventions.md, "One document format")."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import coalitions as co
from coalitions.bargaining import BargainingProblem, IssueLinkageModel, SpatialModel
from coalitions.exceptions import InvalidGameError, InvalidProblemError
from coalitions.games import io as game_io
from coalitions.games.io import (
    GAME_TYPES,
    NEGOTIATION_TYPES,
    READERS,
    game_from_json,
    negotiation_from_json,
)

PACKAGE = Path(co.__file__).parent

#: One small document of every type, and the class of what it reads to.
DOCUMENTS = {
    "tu": ({"type": "tu", "players": ["a", "b"], "values": [0, 1, 1, 3]}, co.TUGame),
    "simple": (
        {"type": "simple", "players": ["a", "b"], "minimal_winning": [["a", "b"]]},
        co.SimpleGame,
    ),
    "weighted": ({"type": "weighted", "quota": 2, "weights": [1, 1, 1]}, co.WeightedVotingGame),
    "compound": (
        {
            "type": "compound",
            "rules": [
                {"quota": 2, "weights": [1, 1, 1]},
                {"quota": 1, "weights": [1, 0, 0]},
            ],
        },
        co.CompoundGame,
    ),
    "ternary": (
        {"type": "ternary", "players": ["a"], "outcomes": [0, 1, 1]},
        co.TernaryVotingGame,
    ),
    "weighted-ternary": (
        {"type": "weighted-ternary", "quota": 2, "yes": [2, 2], "abstain": [1, 1]},
        co.WeightedTernaryGame,
    ),
    "jk": (
        {"type": "jk", "players": ["a"], "levels": 3, "outputs": 3, "outcomes": [0, 1, 2]},
        co.JKSimpleGame,
    ),
    "weighted-jk": (
        {"type": "weighted-jk", "weights": [[0, 1, 3], [0, 1, 2]], "quotas": [3]},
        co.WeightedJKGame,
    ),
    "hedonic": ({"type": "hedonic", "values": [[0, 1], [1, 0]]}, co.HedonicGame),
    "partition-function": (
        {
            "type": "partition-function",
            "players": ["a"],
            "types": [{"size": 1, "partition_type": [1], "value": 1}],
        },
        co.PartitionFunctionGame,
    ),
    "bargaining": (
        {"type": "bargaining", "feasible": {"vertices": [[0, 1], [1, 0]]}},
        BargainingProblem,
    ),
    "spatial": (
        {"type": "spatial", "ideal_points": {"A": 1, "B": 3}, "status_quo": 0},
        SpatialModel,
    ),
    "linkage": (
        {
            "type": "linkage",
            "utilities": {"A": {"x": {"type": "linear", "slope": 1}}},
            "status_quo": {"x": 0},
        },
        IssueLinkageModel,
    ),
}


def test_one_table_covers_every_document_type():
    assert set(GAME_TYPES).isdisjoint(NEGOTIATION_TYPES)
    assert set(READERS) == set(GAME_TYPES) | set(NEGOTIATION_TYPES) == set(DOCUMENTS)
    schema_types = game_io.schema()["properties"]["type"]["enum"]
    assert tuple(schema_types) == GAME_TYPES


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_each_type_is_read_by_one_front_door(kind):
    document, cls = DOCUMENTS[kind]
    if kind in NEGOTIATION_TYPES:
        read_kind, model, options = negotiation_from_json(document)
        assert read_kind == kind and isinstance(model, cls) and isinstance(options, dict)
        with pytest.raises(InvalidGameError, match="negotiation document, not a game"):
            game_from_json(document)
    else:
        assert isinstance(game_from_json(document), cls)
        with pytest.raises(InvalidProblemError, match="unknown document type"):
            negotiation_from_json(document)


def test_the_models_are_defined_in_games():
    for cls in (BargainingProblem, SpatialModel, IssueLinkageModel, co.bargaining.IssueUtility):
        assert cls.__module__.startswith("coalitions.games."), cls
    assert co.bargaining.bargaining_problem_from_game.__module__ == "coalitions.games.bimatrix"


def _type_tables(path: Path) -> list[int]:
    """Lines of dict literals keyed by two or more document types (a reader table)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if len(keys & set(READERS)) >= 2:
                found.append(node.lineno)
    return found


def test_no_other_module_holds_a_table_of_document_types():
    tables = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _type_tables(path))
    }
    assert tables == {"games/io.py": [tables["games/io.py"][0]]}, tables
    bargaining = PACKAGE / "bargaining"
    for path in bargaining.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "load_document" not in text and "_from_document" not in text, path


def test_read_negotiation_reads_a_file(tmp_path):
    path = tmp_path / "pie.json"
    path.write_text(json.dumps(DOCUMENTS["bargaining"][0]), encoding="utf-8")
    assert game_io.read_negotiation(path)[0] == "bargaining"
    assert co.bargaining.io.read_negotiation is game_io.read_negotiation

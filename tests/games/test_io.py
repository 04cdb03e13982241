"""Game files: round trips of every game kind in every format, strict documents, safe tables.

Oracles: a game read back equals the game written (its own ``==``, or the utility table for
hedonic games); every document ``write_game`` writes is valid under the published JSON Schema,
checked with plain ``jsonschema`` (no reader code involved); bad documents are refused with
the key named.
"""

import json
import math
import zipfile
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import compound_games, games, hedonic_games, rational_weighted_games, simple_games

import coalitions as co
from coalitions.games.io import schema, validate_document

FORMATS = ["json", "npz", "json+npy"]


def same_hedonic(a, b):
    n = a.n_players
    member = ((np.arange(1 << n)[None, :] >> np.arange(n)[:, None]) & 1).astype(bool)
    return (
        a.players == b.players
        and a.is_additively_separable == b.is_additively_separable
        and np.array_equal(a.utilities[member], b.utilities[member])
    )


def round_trip(game, folder: Path, format: str):
    path = folder / ("game.npz" if format == "npz" else "game.json")
    co.write_game(game, path, format=format)
    return co.read_game(path)


def written_documents(folder: Path) -> list[dict]:
    documents = []
    for path in folder.iterdir():
        if path.suffix == ".json":
            documents.append(json.loads(path.read_text()))
        elif path.suffix == ".npz":
            documents.append(json.loads(zipfile.ZipFile(path).read("document.json")))
    return documents


_ORACLE = []


def schema_valid(document: dict) -> None:
    """The independent oracle: the published schema, checked by plain jsonschema."""
    import jsonschema

    if not _ORACLE:
        _ORACLE.append(jsonschema.Draft202012Validator(schema()))
    _ORACLE[0].validate(document)


# ----------------------------------------------------------------------------- round trips
@pytest.mark.parametrize("format", FORMATS)
@given(game=games(max_players=5))
def test_tu_round_trip(tmp_path_factory, format, game):
    folder = tmp_path_factory.mktemp("io")
    back = round_trip(game, folder, format)
    assert back == game and back.kind == game.kind
    for document in written_documents(folder):
        schema_valid(document)


@pytest.mark.parametrize("format", FORMATS)
@given(data=st.data())
def test_simple_weighted_compound_round_trip(tmp_path_factory, format, data):
    game = data.draw(st.one_of(rational_weighted_games(), compound_games(), simple_games()))
    folder = tmp_path_factory.mktemp("io")
    back = round_trip(game, folder, format)
    assert type(back) is type(game) and back == game and back.players == game.players
    for document in written_documents(folder):
        schema_valid(document)


@pytest.mark.parametrize("format", FORMATS)
@given(game=hedonic_games())
def test_hedonic_round_trip(tmp_path_factory, format, game):
    folder = tmp_path_factory.mktemp("io")
    assert same_hedonic(round_trip(game, folder, format), game)
    for document in written_documents(folder):
        schema_valid(document)


@pytest.mark.parametrize("format", FORMATS)
def test_float_bits_survive(tmp_path, format):
    values = np.array([0.0, 5e-324, -1.7976931348623157e308, 0.1, 1 / 3, -0.0, 2.0**60, math.pi])
    game = co.TUGame(values)
    back = round_trip(game, tmp_path, format)
    assert back.values.tobytes() == values.tobytes()


@pytest.mark.parametrize(
    "values, encoding",
    [
        ([0, Fraction(1, 3), Fraction(-5, 6), 7], "int64"),
        ([0, Fraction(1, 3) ** 45, 1, 2], "fraction-text"),  # denominator over 2**63
        ([0, 10**30, 1, 2], "fraction-text"),  # numerator over 2**63
    ],
)
def test_exact_binary_encodings(tmp_path, values, encoding):
    game = co.TUGame(values)
    path = tmp_path / "g.npz"
    co.write_game(game, path)
    document = json.loads(zipfile.ZipFile(path).read("document.json"))
    assert document["values"]["encoding"] == encoding
    assert co.read_game(path) == game
    co.write_game(game, tmp_path / "g.json", format="json+npy")
    assert co.read_game(tmp_path / "g.json") == game


def test_npz_is_a_numpy_archive(tmp_path):
    game = co.random_game(6, rng=3)
    co.write_game(game, tmp_path / "g.npz")
    with np.load(tmp_path / "g.npz", allow_pickle=False) as archive:
        assert np.array_equal(archive["values"], game.values)


def test_sidecar_layout(tmp_path):
    game = co.random_game(4, rng=0)
    co.write_game(game, tmp_path / "g.json", format="json+npy")
    document = json.loads((tmp_path / "g.json").read_text())
    assert document["values"] == {"encoding": "float64", "file": "g.values.npy"}
    assert np.array_equal(np.load(tmp_path / "g.values.npy"), game.values)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "g.values.npy"]


def test_big_endian_sidecar_is_read(tmp_path):
    values = np.array([0.0, 1.5, 2.5, 4.0], dtype=">f8")
    np.save(tmp_path / "t.npy", values)
    (tmp_path / "g.json").write_text(
        json.dumps({"players": ["a", "b"], "values": {"encoding": "float64", "file": "t.npy"}})
    )
    assert co.read_game(tmp_path / "g.json").values.tolist() == [0.0, 1.5, 2.5, 4.0]


def test_written_json_is_readable_text(tmp_path):
    co.write_game(co.glove_game(["L"], ["R1", "R2"]), tmp_path / "glove.json")
    text = (tmp_path / "glove.json").read_text()
    assert text.startswith('{\n  "type": "tu",\n  "version": 1,') and text.endswith("}\n")
    assert '    {"members": ["L", "R1"], "value": 1},' in text


def test_coalition_form_and_fractions(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(
        json.dumps(
            {
                "type": "tu",
                "players": ["a", "b"],
                "coalitions": [
                    {"members": ["a"], "value": "1/3"},
                    {"members": ["b", "a"], "value": 2},
                ],
            }
        )
    )
    game = co.read_game(path)
    assert game.value("a") == Fraction(1, 3) and game.value({"a", "b"}) == 2 and game.exact


def test_number_kind_from_values_and_kind(tmp_path):
    base = {"players": ["a", "b"]}
    assert co.game_from_json({**base, "values": [0, 1, 2, 3]}).kind == "exact"
    assert co.game_from_json({**base, "values": [0, 1, 2.5, "1/2"]}).kind == "float"
    assert (
        co.game_from_json({**base, "kind": "float", "values": [0, 1, 2, "1/3"]}).values[3] == 1 / 3
    )
    sparse = {
        "players": [f"p{i}" for i in range(23)],
        "kind": "float",
        "coalitions": [{"members": ["p0", "p22"], "value": 1}],
    }
    game = co.game_from_json(sparse)
    assert game.kind == "float" and game.value(["p0", "p22"]) == 1.0
    with pytest.raises(co.TooLargeError, match='"kind": "float"'):
        co.game_from_json({**sparse, "kind": "exact"})


def test_tugame_decides_the_kind_before_the_size_check():
    floats = [0.0] + [1.0] * ((1 << 23) - 1)
    assert co.TUGame(floats).kind == "float"
    with pytest.raises(co.TooLargeError, match="give float values"):
        co.TUGame([0] + [1] * ((1 << 23) - 1))
    assert (
        co.TUGame.from_dict({("1", "2"): 0.5}, players=[str(i) for i in range(1, 24)]).kind
        == "float"
    )


def test_write_refuses_what_a_file_cannot_hold(tmp_path):
    import sympy

    a = sympy.Symbol("a")
    with pytest.raises(co.InvalidGameError, match="symbols a; substitute"):
        co.write_game(co.TUGame([0, a, 1, a + 1]), tmp_path / "s.json")
    with pytest.raises(co.InvalidGameError, match="irrational"):
        co.write_game(co.TUGame([0, sympy.sqrt(2)]), tmp_path / "s.npz")
    oracle = co.OracleGame(lambda s: len(s), ["a", "b"])
    with pytest.raises(co.InvalidGameError, match="tabulate"):
        co.write_game(oracle, tmp_path / "o.json")
    with pytest.raises(co.InvalidArgumentError, match="write_game writes a TUGame"):
        co.write_game({"players": ["a"]}, tmp_path / "d.json")
    with pytest.raises(co.InvalidArgumentError, match="valid formats are 'json'"):
        co.write_game(co.TUGame([0, 1]), tmp_path / "g.json", format="yaml")
    assert sorted(tmp_path.iterdir()) == []  # nothing half-written


def test_the_schema_is_a_valid_json_schema():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema())


# ----------------------------------------------------------------------------- strict documents
GLOVE = {"type": "tu", "players": ["L", "R"], "values": [0, 0, 0, 1]}
BAD_DOCUMENTS = [
    ({"player": ["a"], "values": [0, 1]}, r'unknown key "player"; did you mean "players"\?'),
    ({**GLOVE, "Values": [0, 0, 0, 1]}, r'unknown key "Values"; did you mean "values"\?'),
    ({**GLOVE, "version": 2}, r"unknown format version 2; .* reads version 1"),
    ({**GLOVE, "version": "1"}, r'unknown format version "1" \(a string\)'),
    ({**GLOVE, "kind": "floats"}, r'kind must be "exact" or "float", got "floats"'),
    ({"players": [], "values": [0]}, r"players is empty; a game needs at least one player"),
    ({"values": [0]}, r"values has 1 entry.*0 players; a game needs at least one player"),
    (
        {"players": ["a", "b", "a"], "values": [0] * 8},
        r'players\[2\]: "a" appears twice \(also at players\[0\]\); player names must be unique',
    ),
    ({"players": ["a", " "], "values": [0, 1, 2, 3]}, r"players\[1\] must be a player name"),
    ({"players": ["a", 2], "values": [0, 1, 2, 3]}, r"players\[1\] must be a player name"),
    ({"players": "ab", "values": [0, 1]}, r"players must be the list of player names"),
    (
        {"players": ["a", "b"], "coalitions": [{"members": ["a", "a"], "value": 1}]},
        r'coalitions\[0\]\.members\[1\]: "a" appears twice.*each member once',
    ),
    (
        {"players": ["a"], "coalitions": [{"members": ["z"], "value": 1}]},
        r"coalitions\[0\]\.members\[0\]: unknown player 'z'; the players are 'a'",
    ),
    (
        {
            "players": ["a"],
            "coalitions": [{"members": ["a"], "value": 1}, {"members": ["a"], "value": 1}],
        },
        r"coalitions\[1\] lists the same coalition as coalitions\[0\]",
    ),
    (
        {"players": ["a"], "coalitions": [{"members": ["a"], "valeu": 1}]},
        r'coalitions\[0\]: unknown key "valeu"; did you mean "value"\?',
    ),
    ({"players": ["a"], "coalitions": ["a"]}, r"coalitions\[0\] must be an object"),
    ({"players": ["a"], "coalitions": [{"value": 1}]}, r'coalitions\[0\] needs "members"'),
    ({"coalitions": [{"members": ["a"], "value": 1}]}, r'"coalitions" needs "players"'),
    ({"players": ["a"]}, r'exactly one of "values" .* or "coalitions"'),
    ({"players": ["a"], "values": [0, "x"]}, r'values\[1\] must be a number: .* got "x"'),
    ({"players": ["a"], "values": [0, True]}, r"values\[1\] must be a number.*true \(a boolean"),
    ({"players": ["a"], "values": [0, None]}, r"values\[1\] must be a number.*got null"),
    ({"players": ["a"], "values": [0, [1]]}, r"values\[1\] must be a number.*got a list"),
    ({"players": ["a"], "values": [0, "1/0"]}, r"values\[1\] .* denominator 0"),
    ({"players": ["a"], "values": [0, "1e99999"]}, r"values\[1\] must be a number"),
    ({"players": ["a"], "values": [0, "9" * 5000]}, r"values\[1\] must be a number"),
    (
        {"players": ["a"], "kind": "exact", "values": [0, 0.5]},
        r"values\[1\] = 0.5 is a float in a game declared \"kind\": \"exact\"",
    ),
    (
        {"players": ["a", "b"], "values": [0, 1, 2]},
        r"values has 3 entries; a game of 2 players needs 2\*\*n values, 2\*\*2 = 4",
    ),
    ({"players": ["a", "b"], "values": [0] * 8}, r"values has 8 entries; .* 2\*\*2 = 4"),
    ({"values": [0, 1, 2]}, r"values has 3 entries; a table needs 2\*\*n values"),
    ({"players": ["a"], "values": [1, 1]}, r"v\(empty coalition\) must be 0, got 1"),
    ({"players": ["a"], "values": "abc"}, r"values must be a list of numbers, or a binary"),
    ({"type": "martian"}, r"unknown game type 'martian'; known types are \"tu\""),
    ({"type": "tuu", "values": [0, 1]}, r'did you mean "tu"\?'),
    ({"type": "spatial"}, r"negotiation document, not a game; .*read_negotiation"),
    ({"type": 3}, r"type must be a string"),
    (
        {"type": "weighted", "quota": 2, "weight": [1, 1]},
        r'unknown key "weight"; did you mean "weights"\?',
    ),
    ({"type": "weighted", "weights": [1]}, r'needs "quota"'),
    ({"type": "weighted", "quota": 2, "weights": [1, "a"]}, r"weights\[1\] must be a number"),
    ({"type": "weighted", "quota": True, "weights": [1, 1]}, r"quota must be a number.*boolean"),
    (
        {"type": "weighted", "quota": 2, "weights": [1, 1], "players": ["a"]},
        r"weights has 2 entries for 1 player; give one weight per player",
    ),
    (
        {"type": "weighted", "quota": 5, "weights": [1, 1]},
        r"the quota must lie in \(0, total weight\] = \(0, 2\]",
    ),
    ({"type": "weighted", "quota": 1, "weights": [-1, 2]}, r"weights must be non-negative"),
    (
        {"type": "compound", "rules": [{"quota": 1, "weights": [1]}]},
        r"rules must have at least 2 entries, got 1",
    ),
    (
        {
            "type": "compound",
            "operator": "xor",
            "rules": [{"quota": 1, "weights": [1]}, {"quota": 1, "weights": [1]}],
        },
        r'operator must be "and" or "or", got "xor"',
    ),
    (
        {"type": "compound", "rules": [{"quota": 1, "weights": [1]}, {"quota": 1, "weight": [1]}]},
        r'rules\[1\]: unknown key "weight"',
    ),
    (
        {
            "type": "compound",
            "rules": [
                {"quota": 1, "weights": [1]},
                {"rules": [{"quota": 1}, {"quota": 1, "weights": [1]}]},
            ],
        },
        r'rules\[1\]\.rules\[0\] needs "weights"',
    ),
    (
        {
            "type": "compound",
            "rules": [{"quota": 1, "weights": [1]}, {"quota": 1, "weights": [1, 1]}],
        },
        r"rules\[1\]\.weights has 2 entries for 1 player",
    ),
    (
        {"type": "compound", "rules": [{"quota": 1, "weights": [1]}, "and"]},
        r"rules\[1\] must be a rule",
    ),
    ({"type": "simple", "players": ["a", "b"]}, r'exactly one of "winning" .* "minimal_winning"'),
    ({"type": "simple", "minimal_winning": [["a"]]}, r'needs "players"'),
    (
        {"type": "simple", "players": ["a", "b"], "minimal_winning": [["a", "c"]]},
        r"minimal_winning\[0\]\[1\]: unknown player 'c'",
    ),
    (
        {"type": "simple", "players": ["a", "b"], "winning": [["b", "b"]]},
        r'winning\[0\]\[1\]: "b" appears twice',
    ),
    ({"type": "simple", "players": ["a", "b"], "winning": [["a"]]}, r"not monotone"),
    ({"type": "hedonic", "players": ["a", "b"]}, r'exactly one of "values" .* "rankings"'),
    (
        {"type": "hedonic", "players": ["a", "b"], "values": [[0, 1], [1]]},
        r"values\[1\] has 1 entry; the matrix of values is n x n",
    ),
    (
        {"type": "hedonic", "players": ["a"], "values": [[0, 1], [1, 0]]},
        r"values is a 2 x 2 matrix for 1 players",
    ),
    ({"type": "hedonic", "values": [[0, "x"], [1, 0]]}, r"values\[0\]\[1\] must be a JSON number"),
    (
        {"type": "hedonic", "players": ["a", "b"], "rankings": {"c": [["c"]]}},
        r"rankings\.c: unknown player 'c'",
    ),
    (
        {"type": "hedonic", "players": ["a", "b"], "rankings": {"a": [["a", "z"]]}},
        r"rankings\.a\[0\]\[1\]: unknown player 'z'",
    ),
    (
        {"type": "hedonic", "players": ["a", "b"], "rankings": {"a": "ab"}},
        r"rankings\.a must be a list of coalitions",
    ),
    (
        {
            "type": "hedonic",
            "players": ["a", "b"],
            "utilities": {
                "a": [{"members": ["b"], "utility": 1}, {"members": ["a", "b"], "utility": 2}]
            },
        },
        r"utilities\.a\[1\]\.members: the coalition \('a', 'b'\) is listed twice",
    ),
    (
        {"type": "hedonic", "players": ["a", "b"], "values": [[0, 1], [1, 0]], "default": 1},
        r'"default" needs "utilities"',
    ),
]


@pytest.mark.parametrize(
    "document, message", BAD_DOCUMENTS, ids=[str(i) for i in range(len(BAD_DOCUMENTS))]
)
def test_bad_documents_are_refused_by_name(tmp_path, document, message):
    with pytest.raises((co.InvalidGameError, co.TooLargeError), match=message):
        co.game_from_json(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    with pytest.raises(co.CoalitionsError, match=message):
        co.read_game(path)


@pytest.mark.parametrize("document", [d for d, _ in BAD_DOCUMENTS])
def test_the_schema_alone_never_accepts_less(document):
    """What the schema refuses, the reader refuses (the converse needs semantic checks)."""
    import jsonschema

    try:
        schema_valid(document)
    except jsonschema.ValidationError:
        with pytest.raises(co.CoalitionsError):
            co.game_from_json(document)


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", r"not valid JSON: .* line 1, column 2"),
        ("[1, 2]", r"must hold a JSON object"),
        ('{"players": ["a"], "values": [0, NaN]}', r"NaN is not a number"),
        ('{"players": ["a"], "values": [0, Infinity]}', r"Infinity is not a number"),
        ('{"players": ["a"], "values": [0, -Infinity]}', r"-Infinity is not a number"),
        ('{"players": ["a"], "values": [0, 1e999]}', r"1e999 is too large for a float"),
        ('{"players": ["a"], "values": [0, ' + "9" * 5000 + "]}", r"holds a bad number"),
        ("[" * 100000 + "]" * 100000, r"nests lists or objects too deeply"),
    ],
)
def test_bad_json_text(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_game(path)


def test_deeply_nested_rules_are_refused_cleanly():
    rule = {"quota": 1, "weights": [1]}
    for _ in range(2000):
        rule = {"rules": [rule, {"quota": 1, "weights": [1]}]}
    with pytest.raises(co.InvalidGameError, match="too deeply"):
        co.game_from_json({"type": "compound", **rule})


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(co.InvalidGameError, match="no such file"):
        co.read_game(tmp_path / "missing.json")
    with pytest.raises(co.InvalidGameError, match="cannot read"):
        co.read_game(tmp_path)


def test_a_table_reference_needs_read_game():
    document = {"players": ["a"], "values": {"encoding": "float64", "file": "t.npy"}}
    with pytest.raises(co.InvalidGameError, match=r"read the document with .*read_game\(path\)"):
        co.game_from_json(document)


def test_validate_document_reports_the_type():
    assert validate_document({"type": "simple", "players": ["a"], "winning": [["a"]]}) == "simple"


def test_oracle_game_needs_v_empty_zero():
    with pytest.raises(co.InvalidGameError, match=r"v\(empty coalition\) = 1.0; it must be 0"):
        co.OracleGame(lambda s: len(s) + 1, ["a", "b"])
    with pytest.raises(co.InvalidGameError, match=r"v\(empty coalition\) = 3.0"):
        co.OracleGame(lambda m: m.sum(axis=1) + 3.0, 4, vectorized=True)
    game = co.OracleGame(lambda s: len(s), ["a", "b"])
    assert game.n_evaluations == 0 and game.value(set()) == 0.0


def test_hedonic_reader_raises_invalid_game_error():
    from coalitions.games.hedonic import hedonic_game_from_json

    with pytest.raises(co.InvalidGameError, match="exactly one of"):
        hedonic_game_from_json({"type": "hedonic", "players": ["a"]})
    with pytest.raises(co.InvalidGameError, match='reads documents with "type": "hedonic"'):
        hedonic_game_from_json({"type": "tu", "values": [0, 1]})


KEYS = [
    "type",
    "version",
    "kind",
    "players",
    "values",
    "coalitions",
    "members",
    "value",
    "quota",
    "weights",
    "operator",
    "rules",
    "winning",
    "minimal_winning",
    "rankings",
    "utilities",
    "utility",
    "default",
    "encoding",
    "file",
    "array",
    "denominator",
    "a",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(-3, 3),
    st.sampled_from(
        [
            "tu",
            "simple",
            "weighted",
            "compound",
            "hedonic",
            "a",
            "b",
            "and",
            "or",
            "float",
            "exact",
            "1/2",
            "float64",
            "int64",
            "t.npy",
            "",
        ]
    ),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300)
@given(document=st.dictionaries(st.sampled_from(KEYS), JSON_VALUES, max_size=6))
def test_random_documents_raise_only_coalitions_errors(document):
    """Hostile input: any JSON object is a game or a CoalitionsError, never a traceback."""
    try:
        co.game_from_json(document)
    except co.CoalitionsError:
        pass


VALID_DOCUMENTS = [
    {"type": "tu", "players": ["a", "b"], "values": [0, 1, "1/2", 2]},
    {
        "type": "tu",
        "kind": "float",
        "players": ["a", "b"],
        "coalitions": [{"members": ["a"], "value": 1}, {"members": ["a", "b"], "value": 2.5}],
    },
    {"type": "simple", "players": ["a", "b", "c"], "minimal_winning": [["a", "b"], ["c"]]},
    {"type": "weighted", "players": ["a", "b"], "quota": "3/2", "weights": [1, 1]},
    {
        "type": "compound",
        "operator": "or",
        "rules": [
            {"quota": 2, "weights": [1, 1, 1]},
            {
                "operator": "and",
                "rules": [{"quota": 1, "weights": [1, 0, 0]}, {"quota": 1, "weights": [0, 1, 1]}],
            },
        ],
    },
    {"type": "hedonic", "players": ["a", "b"], "values": [[0, 1], [-1, 0]]},
    {
        "type": "hedonic",
        "players": ["a", "b"],
        "rankings": {"a": [["a", "b"], ["a"]], "b": [["b"]]},
    },
    {
        "type": "hedonic",
        "players": ["a", "b"],
        "default": -1,
        "utilities": {"a": [{"members": ["a", "b"], "utility": 2}], "b": []},
    },
]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


@settings(max_examples=300)
@given(data=st.data())
def test_perturbed_documents_raise_only_coalitions_errors(data):
    """Hostile input one edit away from a valid document: a game or a CoalitionsError."""
    import copy

    document = copy.deepcopy(data.draw(st.sampled_from(VALID_DOCUMENTS)))
    assert co.game_from_json(copy.deepcopy(document)) is not None
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(document) if p]
        path = data.draw(st.sampled_from(paths))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()):
            parent[path[-1]] = data.draw(JSON_VALUES)
        elif isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.pop(path[-1])
    try:
        co.game_from_json(document)
    except co.CoalitionsError:
        pass

"""Partition-function games as documents: ``"type": "partition-function"`` (issue 15, item 5).

Round trips through every write format, a hand-written document checked against the worth
function it lists (an oracle that shares no code with the writer), random games with
hypothesis (any order of the entries and of the blocks reads to the same game), and hostile
documents, each refused with a message that names the place and the fix."""

from __future__ import annotations

import itertools
import json
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError

PFG = co.PartitionFunctionGame


def _set_partitions(items):
    """Every partition of ``items`` (a list), by the textbook recursion: the first item
    joins a block of a partition of the rest, or stands alone."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in _set_partitions(rest):
        yield [[first], *partition]
        for k in range(len(partition)):
            yield [*partition[:k], [first, *partition[k]], *partition[k + 1 :]]


def _document(players, worth, **extra):
    """A document listing ``worth(coalition, partition)`` for every embedded coalition."""
    worths = [
        {"coalition": block, "partition": partition, "value": worth(block, partition)}
        for partition in _set_partitions(list(players))
        for block in partition
    ]
    return {"type": "partition-function", "players": list(players), "worths": worths, **extra}


def _read(document):
    return co.game_from_json(json.loads(json.dumps(document)))


def test_a_hand_written_document_reads_to_its_worths():
    """The oracle: each listed worth is what value() answers, for all Bell(4) - Bell(3) = 10
    embedded coalitions of three players."""

    def worth(block, partition):
        return f"{len(block)}/{len(partition) + 1}"

    document = _document("abc", worth)
    assert len(document["worths"]) == 10
    game = _read(document)
    assert game.exact and not game.is_symmetric and game.has_externalities
    for entry in document["worths"]:
        assert game.value(entry["coalition"], entry["partition"]) == Fraction(entry["value"])


@pytest.mark.parametrize(
    "game",
    [
        PFG.cournot(4),
        PFG.cournot(5, intercept=Fraction(7, 2), cost=1),
        PFG.climate(4, b=[1, 2, 3, 4]),
        PFG.climate(3, b=[1.5, 1.0, 0.5], c=2.0),
        PFG.from_function(lambda s, p: len(s) / len(p), ["x", "y", "z"]),
        PFG.symmetric(lambda s, sizes: s - 0.25 * len(sizes), 6),
    ],
    ids=["cournot", "cournot-fraction", "climate-weights", "climate-float", "float", "sym"],
)
@pytest.mark.parametrize("suffix", ["json", "npz"])
def test_write_game_round_trips(game, suffix, tmp_path):
    path = tmp_path / f"game.{suffix}"
    co.write_game(game, path)
    back = co.read_game(path)
    assert back == game and hash(back) == hash(game)
    assert (back.is_symmetric, back.exact, back.name, back.weights) == (
        game.is_symmetric,
        game.exact,
        game.name,
        game.weights,
    )
    assert co.mpw_value(back).to_dict() == co.mpw_value(game).to_dict()


def test_a_file_reproduces_bloch_cournot_structure(tmp_path):
    """Bloch (1996): in the linear Cournot oligopoly of 6 firms one firm stays alone and five
    merge (r = 5, the smallest r with r (n - r + 2)**2 < (n + 1)**2)."""
    path = tmp_path / "cournot.json"
    co.write_game(PFG.cournot(6), path)
    assert json.loads(path.read_text())["types"][0] == {
        "size": 6,
        "partition_type": [6],
        "value": "1/4",
    }
    assert co.sequential_formation(co.read_game(path)).sizes == (1, 5)


def test_a_symmetric_document_by_types():
    document = {
        "type": "partition-function",
        "players": ["a", "b", "c"],
        "types": [
            {"size": 3, "partition_type": [3], "value": 9},
            {"size": 2, "partition_type": [1, 2], "value": 4},
            {"size": 1, "partition_type": [2, 1], "value": "1/2"},
        ],
        "default": 1,
    }
    game = _read(document)
    assert game.is_symmetric
    assert game.value(["c"], [["a", "b"], ["c"]]) == Fraction(1, 2)
    assert game.value(["a", "c"], [["a", "c"], ["b"]]) == 4
    assert game.type_worth(1, (1, 1, 1)) == 1  # the default


def _random_game(draw_worths, players):
    worths = iter(draw_worths)
    return PFG.from_function(lambda s, p: next(worths), players)


@settings(max_examples=25, deadline=None)
@given(
    worths=st.lists(
        st.fractions(min_value=-5, max_value=5, max_denominator=7), min_size=37, max_size=37
    ),
    n=st.integers(1, 4),
    seed=st.randoms(use_true_random=False),
)
def test_random_games_round_trip_in_any_order(worths, n, seed):
    """Bell(n + 1) - Bell(n) <= 37 worths; the entries, the blocks of each partition and the
    members of each block may come in any order."""
    game = _random_game(worths, [f"p{i}" for i in range(n)])
    document = game.to_json()
    assert co.game_from_json(document) == game
    entries = document["worths"]
    seed.shuffle(entries)
    for entry in entries:
        seed.shuffle(entry["coalition"])
        seed.shuffle(entry["partition"])
        for block in entry["partition"]:
            seed.shuffle(block)
    assert _read(document) == game
    assert len(entries) == sum(len(p) for p in _set_partitions(list(range(n))))


def _three(**changes):
    document = _document("abc", lambda block, partition: len(block))
    document.update(changes)
    return document


def _entry(document, k, **changes):
    document["worths"][k] = {**document["worths"][k], **changes}
    return document


HOSTILE = [
    (_entry(_three(), 0, coalition=["a", "z"]), r"worths\[0\]\.coalition\[1\]: unknown player 'z'"),
    (
        _entry(_three(), 1, coalition=["a"], partition=[["a", "b"], ["c"]]),
        r"worths\[1\]: the coalition \['a'\] is not a block of its partition",
    ),
    (
        _entry(_three(), 1, coalition=["a"], partition=[["a"], ["b"]]),
        r"worths\[1\]\.partition: the partition leaves out 'c'; every player must belong",
    ),
    (
        _entry(_three(), 1, coalition=["a"], partition=[["a", "b"], ["b", "c"]]),
        r"worths\[1\]\.partition: partition blocks overlap: 'b'",
    ),
    (
        _entry(_three(), 1, coalition=["a"], partition=[["a"], ["q", "b", "c"]]),
        r"worths\[1\]\.partition: partition block \['q', 'b', 'c'\]: unknown player 'q'",
    ),
    (
        _entry(_three(), 1, coalition=["a", "a"]),
        r"worths\[1\]\.coalition\[1\].*appears twice",
    ),
    (
        {**_three(), "worths": [*_three()["worths"], _three()["worths"][3]]},
        r"worths\[10\] gives the worth of .* again \(first at worths\[3\]\)",
    ),
    (
        {**_three(), "worths": _three()["worths"][:-1]},
        r"gives 9 of the 10 worths; the first missing is .* give \"default\"",
    ),
    (_entry(_three(), 2, value="ten"), r"worths\[2\]\.value must be a number"),
    (_entry(_three(), 2, value=True), r"worths\[2\]\.value must be a number"),
    (_entry(_three(), 2, value=None), r"worths\[2\]\.value must be a number"),
    (_entry(_three(), 2, value="2**99"), r"worths\[2\]\.value must be a number"),
    (_entry(_three(), 2, value="__import__('os')"), r"worths\[2\]\.value must be a number"),
    (
        _entry(_three(kind="exact"), 2, value=0.5),
        r"worths\[2\]\.value = 0\.5 is a float in a game declared \"kind\": \"exact\"",
    ),
    (_three(worth=[]), r'unknown key "worth"; did you mean "worths"\?'),
    (_three(types=[]), r'exactly one of "worths" .* or "types"'),
    ({"type": "partition-function", "players": ["a"]}, r'exactly one of "worths"'),
    ({"type": "partition-function", "worths": []}, r'needs "players"'),
    ({**_three(), "type": "partition_function"}, r'did you mean "partition-function"\?'),
    (
        {"type": "partition-function", "players": [str(i) for i in range(11)], "worths": []},
        r"11 players; a general partition-function game has at most 10 .* \"types\"",
    ),
    (
        {
            "type": "partition-function",
            "players": ["a", "b"],
            "types": [{"size": 1, "partition_type": [1, 2], "value": 1}],
        },
        r"types\[0\]\.partition_type \[1, 2\] has block sizes summing to 3; .* sums to 2",
    ),
    (
        {
            "type": "partition-function",
            "players": ["a", "b"],
            "types": [{"size": 2, "partition_type": [1, 1], "value": 1}],
        },
        r"types\[0\]\.size 2 is not a block size of its partition_type \[1, 1\]",
    ),
    (
        {
            "type": "partition-function",
            "players": ["a", "b"],
            "default": 0,
            "types": [
                {"size": 1, "partition_type": [1, 1], "value": 1},
                {"size": 1, "partition_type": [1, 1], "value": 2},
            ],
        },
        r"types\[1\] gives the worth of a block of 1 in the partition type \[1, 1\] again \(first at types\[0\]\)",
    ),
    (
        {
            "type": "partition-function",
            "players": ["a", "b"],
            "default": 0,
            "types": [{"size": 0, "partition_type": [1, 1], "value": 1}],
        },
        r"types\[0\]\.size must be",
    ),
    (_three(weights=[1, 0]), r"weights has 2 entries; give one weight per player \(3\)"),
    (_three(weights=["1/2", "1/2", "1/2"]), r"weights must be non-negative and sum to one"),
    (_three(weights=[2, -1, 0]), r"weights\[1\] is negative"),
]


@pytest.mark.parametrize("document, message", HOSTILE)
def test_hostile_documents_are_refused(document, message):
    with pytest.raises((InvalidGameError, TooLargeError), match=message):
        _read(document)


def test_a_default_fills_the_unlisted_worths():
    document = {
        "type": "partition-function",
        "players": ["a", "b"],
        "default": "3/2",
        "worths": [{"coalition": ["a", "b"], "partition": [["b", "a"]], "value": 5}],
    }
    game = _read(document)
    assert game.value(["a", "b"], [["a", "b"]]) == 5
    assert game.value(["a"], [["a"], ["b"]]) == Fraction(3, 2)
    assert not game.has_externalities


def test_the_writer_lists_each_embedded_coalition_once():
    """Bell(n + 1) - Bell(n) entries for n = 4 (52 - 15 = 37), each key once."""
    document = PFG.climate(4, b=[1, 1, 2, 2]).to_json()
    keys = {
        (tuple(sorted(e["coalition"])), tuple(sorted(tuple(sorted(b)) for b in e["partition"])))
        for e in document["worths"]
    }
    assert len(document["worths"]) == len(keys) == 37
    assert math.isclose(sum(Fraction(w) for w in document["weights"]), 1)
    assert all(
        list(itertools.chain(*e["partition"])).count(m) == 1
        for e in document["worths"]
        for m in e["coalition"]
    )


@pytest.fixture(scope="module")
def long_documents():
    """More than 2048 entries: the reader, not the schema, checks each (3263 and 5604)."""
    general = PFG.from_function(lambda s, p: len(s) - len(p), 7).to_json()
    symmetric = PFG.symmetric(lambda s, sizes: s, 25).to_json()
    assert len(general["worths"]) == 3263 and len(symmetric["types"]) > 2048
    return general, symmetric


@pytest.mark.parametrize(
    "field, entry, message",
    [
        ("worths", [1], r"worths\[3000\] must be an object with \"coalition\""),
        ("worths", {"members": ["1"]}, r'worths\[3000\]: unknown key "members"'),
        ("worths", {"coalition": "1", "partition": [], "value": 1}, r"coalition must be a list"),
        (
            "worths",
            {"coalition": ["1"], "partition": ["1", "2"], "value": 1},
            r"worths\[3000\]\.partition must be a list of coalitions",
        ),
        (
            "worths",
            {"value": "x"},  # the entry at 3000 with its value replaced
            r"worths\[3000\]\.value must be",
        ),
        ("types", {"size": "2", "partition_type": [25], "value": 1}, r"size must be a positive"),
        ("types", {"size": 1, "partition_type": [0, 25], "value": 1}, r"partition_type must be a"),
        ("types", {"size": 1, "partition_type": [25]}, r'types\[3000\]: "value" is missing'),
    ],
)
def test_long_documents_are_checked_entry_by_entry(long_documents, field, entry, message):
    general, symmetric = long_documents
    document = json.loads(json.dumps(general if field == "worths" else symmetric))
    document[field][3000] = {**document[field][3000], **entry} if set(entry) == {"value"} else entry
    with pytest.raises(InvalidGameError, match=message):
        co.game_from_json(document)


def test_long_documents_round_trip(long_documents):
    general, symmetric = long_documents
    assert co.game_from_json(general).to_json() == general
    assert co.game_from_json(symmetric).to_json() == symmetric

"""Binary tables are read safely: no pickle, headers checked before memory is allocated,
sidecar files only by plain name in the document's own folder."""

import json
import os
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co


def document(tmp_path: Path, values: dict, players=("a", "b"), **extra) -> Path:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"players": list(players), "values": values, **extra}))
    return path


def sidecar(tmp_path: Path, array: np.ndarray, name: str = "t.npy", **extra) -> Path:
    np.save(tmp_path / name, array, allow_pickle=True)
    return document(tmp_path, {"encoding": "float64", "file": name}, **extra)


def npy_bytes(header: dict, data: bytes) -> bytes:
    from io import BytesIO

    from numpy.lib import format as npy

    buffer = BytesIO()
    npy.write_array_header_1_0(buffer, header)
    return buffer.getvalue() + data


def archive(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return path


class Payload:
    """Unpickling this creates a file: it must never happen."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_object_arrays_are_never_unpickled(tmp_path):
    marker = tmp_path / "pwned"
    evil = np.empty(4, dtype=object)
    evil[:] = [Payload(str(marker))] * 4
    path = sidecar(tmp_path, evil)
    with pytest.raises(co.InvalidGameError, match=r"dtype \|O, .*\"encoding\": \"float64\""):
        co.read_game(path)
    raw = (tmp_path / "t.npy").read_bytes()
    npz = archive(
        tmp_path / "evil.npz",
        {
            "document.json": json.dumps(
                {"players": ["a", "b"], "values": {"encoding": "float64", "array": "values"}}
            ),
            "values.npy": raw,
        },
    )
    with pytest.raises(co.InvalidGameError, match="dtype"):
        co.read_game(npz)
    assert not marker.exists()
    assert pickle.dumps  # the module is only used to build the payload


@pytest.mark.parametrize(
    "array, message",
    [
        (
            np.zeros(4, dtype=np.float32),
            r"dtype <f4, but the document says \"encoding\": \"float64\"",
        ),
        (np.zeros(4, dtype=np.int64), r"dtype <i8"),
        (np.zeros((2, 2)), r"shape \(2, 2\); a table is one-dimensional"),
        (np.zeros(8), r"has 8 entries; a game of 2 players needs 2\*\*n values, 2\*\*2 = 4"),
        (np.zeros(2), r"has 2 entries; a game of 2 players"),
        (np.array([0.0, 1.0, np.nan, 2.0]), r"NaN or infinite"),
        (np.array([1.0, 1.0, 1.0, 2.0]), r"v\(empty coalition\) must be 0"),
        (np.zeros(4, dtype=[("x", "<f8")]), r"dtype"),
    ],
)
def test_bad_sidecar_arrays(tmp_path, array, message):
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_game(sidecar(tmp_path, array))


def test_a_huge_header_is_refused_before_allocating(tmp_path):
    header = {"descr": "<f8", "fortran_order": False, "shape": (1 << 40,)}
    (tmp_path / "t.npy").write_bytes(npy_bytes(header, b"\0" * 64))
    path = document(tmp_path, {"encoding": "float64", "file": "t.npy"})
    with pytest.raises(co.InvalidGameError, match=r"has 1099511627776 entries"):
        co.read_game(path)
    (tmp_path / "g.json").write_text(
        json.dumps({"values": {"encoding": "float64", "file": "t.npy"}})
    )
    with pytest.raises(co.TooLargeError, match="40 players"):
        co.read_game(tmp_path / "g.json")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\0" * 24, r"holds 3 values' worth of data for a table of 4"),
        (b"\0" * 40, r"holds 5 values' worth of data for a table of 4"),
    ],
)
def test_truncated_and_padded_tables(tmp_path, data, message):
    header = {"descr": "<f8", "fortran_order": False, "shape": (4,)}
    (tmp_path / "t.npy").write_bytes(npy_bytes(header, data))
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_game(document(tmp_path, {"encoding": "float64", "file": "t.npy"}))


def test_not_an_npy_file(tmp_path):
    (tmp_path / "t.npy").write_text("hello")
    with pytest.raises(co.InvalidGameError, match=r"t.npy is not a valid .npy array"):
        co.read_game(document(tmp_path, {"encoding": "float64", "file": "t.npy"}))


@pytest.mark.parametrize(
    "name",
    [
        "../t.npy",
        "/etc/t.npy",
        "sub/t.npy",
        "sub\\t.npy",
        "C:t.npy",
        ".t.npy",
        "t.npy\u0000",
        "t.txt",
        "",
        "..",
    ],
)
def test_sidecar_names_are_plain(tmp_path, name):
    (tmp_path / "sub").mkdir()
    np.save(tmp_path / "sub" / "t.npy", np.zeros(4))
    path = document(tmp_path, {"encoding": "float64", "file": name})
    with pytest.raises(co.InvalidGameError, match=r"values.file must be a plain file name"):
        co.read_game(path)


def test_a_sidecar_link_may_not_leave_the_folder(tmp_path):
    outside, inside = tmp_path / "outside", tmp_path / "doc"
    outside.mkdir(), inside.mkdir()
    np.save(outside / "t.npy", np.zeros(4))
    os.symlink(outside / "t.npy", inside / "t.npy")
    path = document(inside, {"encoding": "float64", "file": "t.npy"})
    with pytest.raises(co.InvalidGameError, match="a link that leads out of the document's"):
        co.read_game(path)
    np.save(inside / "real.npy", np.array([0.0, 1.0, 2.0, 3.0]))
    os.symlink(inside / "real.npy", inside / "alias.npy")  # a link within the folder is fine
    path = document(inside, {"encoding": "float64", "file": "alias.npy"})
    assert co.read_game(path).grand_value == 3.0


def test_missing_sidecar(tmp_path):
    path = document(tmp_path, {"encoding": "float64", "file": "gone.npy"})
    with pytest.raises(co.InvalidGameError, match=r"gone.npy does not exist; it must lie in"):
        co.read_game(path)


@pytest.mark.parametrize(
    "values, extra, message",
    [
        ({"encoding": "int64", "file": "t.npy"}, {}, r'values needs "denominator"'),
        (
            {"encoding": "float64", "file": "t.npy", "denominator": 3},
            {},
            r'"denominator" belongs to the "int64" encoding only',
        ),
        ({"encoding": "float64"}, {}, r'exactly one of "file" .* or "array"'),
        (
            {"encoding": "float64", "file": "t.npy", "array": "values"},
            {},
            r'exactly one of "file" .* or "array"',
        ),
        ({"encoding": "float32", "file": "t.npy"}, {}, r'values.encoding must be "float64"'),
        ({"encoding": "float64", "file": "t.npy", "path": "x"}, {}, r'unknown key "path"'),
        (
            {"encoding": "float64", "file": "t.npy"},
            {"kind": "exact"},
            r'"kind": "exact" does not match "encoding": "float64"',
        ),
        (
            {"encoding": "float64", "array": "values"},
            {},
            r'"array" names an array of an .npz archive, but this document is a plain JSON file',
        ),
    ],
)
def test_bad_table_references(tmp_path, values, extra, message):
    np.save(tmp_path / "t.npy", np.array([0.0, 1.0, 2.0, 3.0]))
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_game(document(tmp_path, values, **extra))


def test_fraction_text_entries_are_checked(tmp_path):
    np.save(tmp_path / "t.npy", np.array([b"0", b"1/2", b"x", b"3"]))
    path = document(tmp_path, {"encoding": "fraction-text", "file": "t.npy"})
    with pytest.raises(co.InvalidGameError, match=r"t.npy\[2\] must be a number"):
        co.read_game(path)
    np.save(tmp_path / "t.npy", np.array([b"0", b"1/2", b"\xff", b"3"]))
    with pytest.raises(co.InvalidGameError, match=r"t.npy\[2\] is not ASCII"):
        co.read_game(path)
    np.save(tmp_path / "t.npy", np.array([b"0", b"1/2", b"-2", b"3"]))
    assert co.read_game(path).values.tolist()[1:] == [co.TUGame([0, 1]).values[1] / 2, -2, 3]


DOCUMENT = json.dumps({"players": ["a", "b"], "values": {"encoding": "float64", "array": "values"}})
VALUES = npy_bytes(
    {"descr": "<f8", "fortran_order": False, "shape": (4,)},
    np.array([0.0, 1.0, 2.0, 4.0]).tobytes(),
)


def test_a_handmade_archive_is_read(tmp_path):
    path = archive(tmp_path / "g.npz", {"document.json": DOCUMENT, "values.npy": VALUES})
    assert co.read_game(path).values.tolist() == [0.0, 1.0, 2.0, 4.0]


def test_a_compressed_archive_is_read_and_its_crc_checked(tmp_path):
    path = tmp_path / "g.npz"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("document.json", DOCUMENT)
        out.writestr("values.npy", VALUES)
    assert co.read_game(path).grand_value == 4.0
    raw = bytearray(path.read_bytes())
    # Flip the CRC of values.npy in the central directory: zipfile notices at the end.
    entry = raw.rindex(b"PK\x01\x02")
    assert raw[entry + 46 : entry + 56] == b"values.npy"
    raw[entry + 16] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(co.InvalidGameError, match="damaged: Bad CRC-32"):
        co.read_game(path)
    # Damage the compressed data itself.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("document.json", DOCUMENT)
        out.writestr("values.npy", VALUES)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("values.npy")
    start = info.header_offset + 30 + len("values.npy")
    raw[start + 5 : start + 25] = bytes(20)
    path.write_bytes(bytes(raw))
    with pytest.raises(co.InvalidGameError):
        co.read_game(path)


@pytest.mark.parametrize(
    "members, message",
    [
        ({"values.npy": VALUES}, r"has no document.json; a game archive holds"),
        (
            {"document.json": DOCUMENT, "values.npy": VALUES, "extra.npy": VALUES},
            r"holds members its document does not use: 'extra.npy'",
        ),
        ({"document.json": DOCUMENT}, r"has no array 'values' \(values.npy\)"),
        ({"document.json": "{oops", "values.npy": VALUES}, r"document.json is not valid JSON"),
        ({"document.json": b"\xff\xfe", "values.npy": VALUES}, r"document.json is not UTF-8"),
        (
            {
                "document.json": json.dumps(
                    {"players": ["a", "b"], "values": {"encoding": "float64", "file": "t.npy"}}
                ),
                "values.npy": VALUES,
            },
            r"inside an .npz archive a table is an array of the archive",
        ),
    ],
)
def test_bad_archives(tmp_path, members, message):
    path = archive(tmp_path / "g.npz", members)
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_game(path)


def test_a_member_listed_twice(tmp_path):
    path = tmp_path / "g.npz"
    with pytest.warns(UserWarning):
        archive(path, {"document.json": DOCUMENT, "values.npy": VALUES})
        with zipfile.ZipFile(path, "a") as out:
            out.writestr("values.npy", VALUES)
    with pytest.raises(co.InvalidGameError, match="lists a member twice"):
        co.read_game(path)


def test_a_truncated_archive(tmp_path):
    path = tmp_path / "g.npz"
    co.write_game(co.random_game(8, rng=0), path)
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(co.InvalidGameError, match="not a valid .npz archive"):
        co.read_game(path)


def test_a_bare_npy_file(tmp_path):
    np.save(tmp_path / "t.npy", np.zeros(4))
    with pytest.raises(co.InvalidGameError, match=r"bare .npy array, not a game file"):
        co.read_game(tmp_path / "t.npy")


@pytest.fixture(scope="module")
def valid_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("valid")
    game = co.random_game(3, rng=4)
    co.write_game(game, folder / "g.npz")
    co.write_game(game.to_exact(), folder / "e.npz")
    co.write_game(game, folder / "g.json", format="json+npy")
    co.write_game(co.glove_game(["L"], ["R1", "R2"]), folder / "glove.json")
    return {
        name: (folder / name).read_bytes()
        for name in ("g.npz", "e.npz", "g.values.npy", "glove.json")
    }


@settings(max_examples=300)
@given(data=st.data())
def test_damaged_files_raise_only_coalitions_errors(tmp_path_factory, valid_files, data):
    """Hostile input: any mutation of a valid file is read or refused with a CoalitionsError."""
    name = data.draw(st.sampled_from(sorted(valid_files)))
    raw = bytearray(valid_files[name])
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    folder = tmp_path_factory.mktemp("damaged")
    if name == "g.values.npy":
        (folder / "g.json").write_text(
            json.dumps(
                {
                    "players": ["1", "2", "3"],
                    "values": {"encoding": "float64", "file": "g.values.npy"},
                }
            )
        )
        (folder / name).write_bytes(bytes(raw))
        target = folder / "g.json"
    else:
        target = folder / name
        target.write_bytes(bytes(raw))
    try:
        co.read_game(target)
    except co.CoalitionsError:
        pass

"""The shared-fragment filler: markers are replaced, typos fail at import."""

import pytest

from coalitions._docstrings import fill_doc


def test_marker_is_replaced_with_the_marker_indentation():
    @fill_doc(block="a : int\n    First.\nb : int\n    Second.")
    def f(a, b):
        """Sum.

        Parameters
        ----------
        {{block}}
        """

    lines = f.__doc__.splitlines()
    assert lines[4:8] == [
        "        a : int",
        "            First.",
        "        b : int",
        "            Second.",
    ]
    assert "{{" not in f.__doc__


def test_unknown_marker_raises():
    with pytest.raises(RuntimeError, match="no fragment 'missing'"):

        @fill_doc()
        def f():
            """{{missing}}"""


def test_unused_fragment_raises():
    with pytest.raises(RuntimeError, match="no marker"):

        @fill_doc(extra="text")
        def f():
            """Nothing to fill."""


def test_stripped_docstring_is_left_alone():
    def f():
        pass

    assert fill_doc(extra="text")(f) is f and f.__doc__ is None

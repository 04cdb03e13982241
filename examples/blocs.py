"""Worked example `blocs`: see `coalitions examples run blocs`.

Run: python examples/blocs.py [--json] [--plot FILE]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a clone too

from coalitions.examples import script_main  # noqa: E402

if __name__ == "__main__":
    sys.exit(script_main("blocs"))

"""Cyprus, the Belarus sanctions and Turkey (2020): what could a veto extract?

The story computes the case with ``compute()`` (the library's issue-linkage model, with
illustrative preferences that every output labels as assumptions) and reads the answers off
the results. Run: python examples/cyprus_belarus.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a clone too

from coalitions.examples import cyprus_belarus

case = cyprus_belarus.compute()
hold_up = case.unanimity
print(f"Can Cyprus block under unanimity? {hold_up.can_block}; under QMV? {case.qmv.can_block}.")
print(
    f"Linking the listing to Turkey, it can extract a response up to "
    f"{hold_up.max_concession:.2f}, capped by {', '.join(hold_up.capped_by)}."
)
print(
    f"Is the threat credible without commitment? {hold_up.credible} "
    f"(carrying it out costs {hold_up.commitment_cost:.2f})."
)
for note in case.assumption_notes:
    print(f"  ASSUMPTION: {note}")

"""The EU Council and the Belarus vote of September 2020, in a few lines.

Who holds power under qualified majority, and who decided a vote of 26 against one under
unanimity? The story computes the case with ``compute()`` and reads the answers off the
results. Run: python examples/eu_council.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a clone too

from coalitions.examples import eu_council

results = eu_council.compute()
ss = results["shapley_shubik"]
strongest = sorted(ss.players, key=lambda p: -ss[p])[:3]
print(
    "Largest Shapley-Shubik indices under QMV: "
    + ", ".join(f"{p} {float(ss[p]):.3f}" for p in strongest)
)
unanimity, qmv = results["vote_unanimity"], results["vote_qmv"]
print(
    f"Under unanimity the vote {'passes' if unanimity.passed else 'fails'}; pivotal: "
    f"{', '.join(unanimity.pivotal)}."
)
print(
    f"Under qualified majority it {'passes' if qmv.passed else 'fails'}; pivotal: "
    f"{', '.join(qmv.pivotal) or 'nobody'}."
)
print(f"To block under QMV, Cyprus would need {', '.join(results['blockers'])} as well.")

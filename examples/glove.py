"""The glove game in a few lines: who gets what from a pair worth 1?

One left glove (L) and two right gloves (R1, R2). The story computes the case with
``compute()`` and reads the answers off the results; ``report(results)`` prints the full
tables. Run: python examples/glove.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a clone too

from coalitions.examples import glove

results = glove.compute()
phi, core = results["shapley"], results["core"]

print(f"Shapley value: L gets {phi['L']}, each right glove {phi['R1']}.")
print(
    f"The core is the single point ({', '.join(str(v) for v in core[0])}): the scarce side "
    "takes everything once the right gloves compete."
)
for market in results["markets"]:
    print(
        f"  {market['left']} left, {market['right']} right: a left owner's Shapley share "
        f"is {float(market['shapley']['L0']):.3f}"
    )
print()
print(glove.report(results).to_text())

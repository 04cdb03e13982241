"""Sampling estimators for games too large for a 2**n table, reached through ``method=``.

``coalitions.shapley_value(game, method="permutation", budget=...)`` and
``coalitions.banzhaf_value(game, method="sampling", budget=...)`` dispatch here. The estimators
take any value oracle (:func:`as_oracle`: a TUGame read by table look-ups, an OracleGame, or an
object with ``to_oracle()`` / ``to_tu_game()``), so power indices reuse them unchanged.
"""

from ._dispatch import SAMPLING_OPTIONS, dispatch
from ._engine import FunctionOracle, TableOracle, ValueOracle, as_oracle
from .banzhaf import BANZHAF_SAMPLERS, banzhaf_estimate
from .shapley import SHAPLEY_SAMPLERS, shapley_estimate

__all__ = [
    "shapley_estimate",
    "banzhaf_estimate",
    "as_oracle",
    "ValueOracle",
    "TableOracle",
    "FunctionOracle",
    "SHAPLEY_SAMPLERS",
    "BANZHAF_SAMPLERS",
    "SAMPLING_OPTIONS",
]

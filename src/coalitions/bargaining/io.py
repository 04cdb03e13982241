"""JSON files for bargaining problems, spatial models and linkage models.

The formats are documented in docs/reference/negotiation-file-formats.md. Their readers are
entries of the one table of document types, :data:`coalitions.games.io.READERS`, next to the
models they build (in :mod:`coalitions.games`); the front doors are re-exported here.
"""

from ..games.io import (
    FORMAT_VERSION,
    decision_rule_from_json,
    negotiation_from_json,
    read_negotiation,
)

__all__ = ["read_negotiation", "negotiation_from_json", "decision_rule_from_json", "FORMAT_VERSION"]

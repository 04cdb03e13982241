"""What the negotiation models with a decision rule share (spatial and linkage models)."""

from __future__ import annotations

from typing import Any

from .._frozen import Frozen, assign
from .simple import decision_rule_game

__all__ = ["RuledModel"]


class RuledModel(Frozen):
    """Mixin: a model whose coalitions of players win or lose under a decision rule, kept as a
    simple game (``decision_rule``) with its label (``rule_label``)."""

    __slots__ = ()
    decision_rule: Any
    rule_label: str

    def _set_rule(self, decision_rule: Any, players: tuple) -> None:
        """Keep ``decision_rule`` as a simple game over ``players``, and its label."""
        rule, label = decision_rule_game(decision_rule, players)
        assign(self, decision_rule=rule, rule_label=label)

    def is_winning(self, coalition) -> bool:
        """Whether a coalition (names) wins under the decision rule."""
        return self.decision_rule.is_winning(coalition)

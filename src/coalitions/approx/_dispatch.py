"""How ``shapley_value`` / ``banzhaf_value`` route ``method=`` to the sampling estimators."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._checks import check_options, unknown_choice
from ..exceptions import InvalidArgumentError, InvalidGameError
from ..games.oracle import OracleGame

__all__ = ["dispatch", "SAMPLING_OPTIONS"]

#: The options only a sampling method takes (``callback`` and ``confidence`` are harmless
#: elsewhere: an exact method reports no progress and has no interval).
SAMPLING_OPTIONS = ("budget", "rng", "executor")


def dispatch(
    game: Any,
    method: str | None,
    function: str,
    default: str,
    samplers: Sequence[str],
    methods: Sequence[str] = (),
    *,
    budget=None,
    rng=None,
    executor=None,
    callback=None,
    confidence: float = 0.95,
    normalized: bool = False,
):
    """The estimate when ``method`` is a sampler (or the game is an oracle), else None.

    None means: run the exact path of ``function``. ``method="auto"`` (or None) samples an
    oracle and computes a table exactly. Sampling-only keywords given with an exact method are
    an error rather than silently ignored (a progress callback is just unused).
    """
    if method == "auto":
        method = None
    if method is not None and methods and method not in methods:
        unknown_choice(method, methods)
    is_oracle = isinstance(game, OracleGame) or (
        callable(getattr(game, "to_oracle", None))
        and not callable(getattr(game, "to_tu_game", None))
    )
    if method is None and is_oracle:
        if budget is None:
            raise InvalidArgumentError(
                f"{function} of an OracleGame is estimated by sampling: choose a method and a "
                f"budget, e.g. {function}(game, method={default!r}, budget=100_000) "
                f"(sampling methods: {', '.join(map(repr, samplers))})."
            )
        method = default
    if method not in samplers:
        streamed = method == "exact" and isinstance(game, OracleGame)
        if is_oracle and not streamed:
            raise InvalidGameError(
                f"method={method!r} needs the 2**n table of values, which an OracleGame does "
                f"not have; use a sampling method ({', '.join(map(repr, samplers))}) with a "
                "budget, method='exact', which streams all 2**n coalitions (n <= 40), or "
                "game.tabulate() for small n."
            )
        check_options(
            method or "exact",
            # the stream runs its blocks on an executor; the table has nothing to run
            {"budget": budget, "rng": rng, "executor": None if streamed else executor},
            dict.fromkeys(samplers, SAMPLING_OPTIONS),
            function=function,
            takers="sampling methods",
        )
        return None
    if normalized:
        raise InvalidArgumentError(
            "normalized=True is not available with sampling methods; estimate the raw values "
            "and divide by their sum (the standard errors then no longer apply)."
        )
    from .banzhaf import banzhaf_estimate
    from .shapley import shapley_estimate

    estimator = shapley_estimate if function.startswith("shapley") else banzhaf_estimate
    return estimator(
        game,
        method=method,
        budget=budget,
        rng=rng,
        executor=executor,
        callback=callback,
        confidence=confidence,
    )

"""Cross-check the power indices against EPIC, the C++ power-index tool of Staudacher et al.

EPIC (https://github.com/jhstaudacher/EPIC) computes about fifty indices of weighted voting
games by dynamic programming. This script runs its binary on seeded random weighted games
(2 to 12 members, weights 0..30 with a few zeros, quotas anywhere in ``1 .. T`` including
the 80-100 % band where counting "from above" is cheaper) and compares each of its indices
with the toolkit's counterpart: the "from below" variants (``SHB``, ``BZB``, ``RBZB``,
``RSHB``, ``OB``, ``BOB``, ``SCBB``) with the same indices as the plain ones, the
null-player-free indices (``PIF``, ``PIG`` and their raw and absolute forms, run with
EPIC's ``-f``), and every other index both have. EPIC prints six significant digits, so
values agree when they match to a relative 1e-5. A disagreement is judged by the brute-force
oracle of ``tests/oracles.py`` where one exists.

    python benchmarks/crosscheck_epic.py                 # 300 games
    python benchmarks/crosscheck_epic.py --games 50      # a quick run
    EPIC=/path/to/epic python benchmarks/crosscheck_epic.py

The binary is looked up in ``$EPIC`` then ``/tmp/pgi14_epic/epic``; without it the script
says so and exits 0. Writes ``benchmarks/results/crosscheck_epic.json`` and ``.md``.

Measured (300 games, seed 14; 200 with positive weights, 100 with some weights zero): SH,
SHB, RSH, RSHB, BZ, BZB, RBZ, RBZB, ABZ, CC, CP, CI, PG, RPG, APG, KB, N, PHX, RA, W, WM,
O, BO, SCB agree in every game; PIF, PIG and their raw and absolute forms agree whenever
EPIC answers (it crashes in 4-51 % of the games); DP, J agree when EPIC answers. Every
disagreement is decided for us by the brute-force oracle: EPIC's FT, WS, OB, BOB and SCBB
go wrong when several members win alone or members weigh 0 (WS counts memberships, not
coalitions), its union, solidarity and threat PGIs give the unions' shares to the wrong
members unless the unions are listed in decreasing weight, its KBPH, NPH, PHT and RPHT drop
the members of weight 0 from the winning coalitions, and its T mistakes the members who win
alone for veto players. RSH and RJ differ in scale only when members weigh 0 (EPIC counts
orders and vulnerable coalitions of the other members).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from fractions import Fraction
from math import factorial
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from crosscheck import oracles, write_report  # noqa: E402

import coalitions as co  # noqa: E402
from coalitions.exceptions import CoalitionsError  # noqa: E402

DEFAULT_BINARY = "/tmp/pgi14_epic/epic"
RTOL = 1e-5
KEEP = 5


def _ss(g):
    return co.shapley_shubik_index(g)


def _f(g):
    return co.null_player_free_f_index(g)


def _g(g):
    return co.null_player_free_g_index(g)


def _minimal_total(g):
    return co.coalition_counts(g, "minimal-winning").denominator


def _table(g):
    n = g.n_players
    weights = g.int_weights
    return n, oracles.winning_masks(n, lambda s: sum(weights[i] for i in s) >= g.int_quota)


#: EPIC shortcut -> (our values of a game, needs -f, concept). Values are lists of numbers
#: (one per player) or a single number.
PLAIN = {
    "SH": (lambda g: _ss(g).x, False, "shapley-shubik"),
    "SHB": (lambda g: _ss(g).x, False, "shapley-shubik"),
    "RSH": (lambda g: _ss(g).counts, False, "shapley-shubik-raw (in proportion)"),
    "RSHB": (lambda g: _ss(g).counts, False, "shapley-shubik-raw (in proportion)"),
    "BZ": (lambda g: co.banzhaf_index(g).x, False, "banzhaf"),
    "BZB": (lambda g: co.banzhaf_index(g).x, False, "banzhaf"),
    "RBZ": (lambda g: co.banzhaf_index(g).counts, False, "swings"),
    "RBZB": (lambda g: co.banzhaf_index(g).counts, False, "swings"),
    "ABZ": (lambda g: co.banzhaf_index(g, normalized=False).x, False, "banzhaf-absolute"),
    "CC": (lambda g: [co.coleman_power_to_act(g).value] * g.n_players, False, "coleman-act"),
    "CP": (lambda g: co.coleman_power_to_prevent(g).x, False, "coleman-prevent"),
    "CI": (lambda g: co.coleman_power_to_initiate(g).x, False, "coleman-initiate"),
    "DP": (lambda g: co.deegan_packel_index(g).x, False, "deegan-packel"),
    "RDP": (
        lambda g: [v * _minimal_total(g) for v in co.deegan_packel_index(g).x],
        False,
        "deegan-packel-raw",
    ),
    "PG": (lambda g: co.holler_index(g).x, False, "holler"),
    "RPG": (lambda g: co.holler_index(g).counts, False, "holler-raw"),
    "APG": (
        lambda g: [Fraction(c, _minimal_total(g)) for c in co.holler_index(g).counts],
        False,
        "holler-absolute",
    ),
    "J": (lambda g: co.johnston_index(g).x, False, "johnston"),
    "RJ": (
        lambda g: [v * co.johnston_index(g).denominator for v in co.johnston_index(g).x],
        False,
        "johnston-raw",
    ),
    "FT": (lambda g: co.felsenthal_index(g).x, False, "felsenthal"),
    "RFT": (lambda g: co.felsenthal_index(g).counts, False, "felsenthal-raw"),
    "KB": (lambda g: co.koenig_braeuninger_index(g).x, False, "koenig-braeuninger"),
    "KBPH": (lambda g: co.koenig_braeuninger_index(g).x, False, "koenig-braeuninger"),
    "N": (lambda g: co.nevison_index(g).x, False, "nevison"),
    "NPH": (lambda g: co.nevison_index(g).x, False, "nevison"),
    "PHT": (lambda g: co.public_help_index(g).x, False, "public-help"),
    "PHTPH": (lambda g: co.public_help_index(g).x, False, "public-help"),
    "RPHT": (lambda g: co.coalition_counts(g).counts, False, "winning-containing"),
    "RPHTSD": (lambda g: co.coalition_counts(g).counts, False, "winning-containing"),
    "PHX": (lambda g: co.public_help_xi_index(g).x, False, "public-help-xi"),
    "RA": (lambda g: co.rae_index(g).x, False, "rae"),
    "T": (lambda g: co.tijs_index(g).x, False, "tijs"),
    "W": (lambda g: co.coalition_counts(g).denominator, False, "winning-count"),
    "WM": (_minimal_total, False, "minimal-winning-count"),
    "WS": (
        lambda g: co.coalition_counts(g, "least-minimal-winning").denominator,
        False,
        "least-minimal-winning-count",
    ),
    "PIF": (lambda g: _f(g).x, True, "null-player-free-f"),
    "RPIF": (lambda g: [v * _f(g).denominator for v in _f(g).x], True, "null-player-free-f-raw"),
    "PIG": (lambda g: _g(g).x, True, "null-player-free-g"),
    "RPIG": (lambda g: _g(g).counts, True, "null-player-free-g-raw"),
    "APIG": (
        lambda g: [Fraction(c, _f(g).denominator) for c in _g(g).counts],
        True,
        "null-player-free-g-absolute",
    ),
}

#: EPIC shortcut -> our values of a game with unions (lists of player names).
UNIONS = {
    "O": (lambda g, u: co.owen_index(g, u).x, "owen"),
    "OB": (lambda g, u: co.owen_index(g, u).x, "owen"),
    "BO": (lambda g, u: co.banzhaf_owen_index(g, u).x, "banzhaf-owen"),
    "BOB": (lambda g, u: co.banzhaf_owen_index(g, u).x, "banzhaf-owen"),
    "SCB": (
        lambda g, u: co.symmetric_coalitional_banzhaf_index(g, u).x,
        "symmetric-coalitional-banzhaf",
    ),
    "SCBB": (
        lambda g, u: co.symmetric_coalitional_banzhaf_index(g, u).x,
        "symmetric-coalitional-banzhaf",
    ),
    "UPGI": (lambda g, u: co.union_public_good_index(g, u).x, "union-public-good"),
    "SPGI": (lambda g, u: co.solidarity_public_good_index(g, u).x, "solidarity-public-good"),
    "TPGI1": (lambda g, u: co.threat_public_good_index(g, u, threat=1).x, "threat-public-good-1"),
    "TPGI2": (lambda g, u: co.threat_public_good_index(g, u, threat=2).x, "threat-public-good-2"),
    "TPGI3": (lambda g, u: co.threat_public_good_index(g, u, threat=3).x, "threat-public-good-3"),
}

#: Brute-force oracles (tests/oracles.py) by concept, for the verdict on a disagreement.
ORACLES = {
    "shapley-shubik": oracles.shapley_shubik_by_swings,
    "banzhaf-absolute": lambda n, w: oracles.banzhaf_index_by_definition(n, w, normalized=False),
    "banzhaf": lambda n, w: oracles.banzhaf_index_by_definition(n, w, normalized=True),
    "swings": oracles.swing_counts,
    "holler": oracles.holler_by_definition,
    "deegan-packel": oracles.deegan_packel_by_definition,
    "johnston": oracles.johnston_by_definition,
    "felsenthal": oracles.felsenthal_by_definition,
    "public-help": oracles.public_help_by_definition,
    "public-help-xi": oracles.public_help_xi_by_definition,
    "koenig-braeuninger": oracles.koenig_braeuninger_by_definition,
    "nevison": oracles.nevison_by_definition,
    "rae": oracles.rae_by_definition,
    "coleman-prevent": oracles.coleman_prevent_by_definition,
    "coleman-initiate": oracles.coleman_initiate_by_definition,
    "null-player-free-f": oracles.null_player_free_f_by_definition,
    "null-player-free-g": oracles.null_player_free_g_by_definition,
    "least-minimal-winning-count": lambda n, w: _least_size_count(n, w),
}


def _least_size_count(n, winning) -> int:
    """How many minimal winning coalitions have the least size (EPIC's documented WS)."""
    sizes = [bin(m).count("1") for m in oracles.minimal_winning_by_definition(n, winning)]
    return sizes.count(min(sizes))


def _values(quota, weights):
    n = len(weights)
    return [int(sum(weights[i] for i in range(n) if m >> i & 1) >= quota) for m in range(1 << n)]


def _quotient_pgi(quota, weights, blocks):
    """Holler's index of the quotient game of ``blocks``, by listing its coalitions."""
    m = len(blocks)
    bw = [sum(weights[i] for i in b) for b in blocks]
    wins = [sum(bw[k] for k in range(m) if r >> k & 1) >= quota for r in range(1 << m)]
    minimal = [
        r
        for r in range(1 << m)
        if wins[r] and all(not wins[r & ~(1 << k)] for k in range(m) if r >> k & 1)
    ]
    counts = [sum(1 for r in minimal if r >> k & 1) for k in range(m)]
    total = sum(counts)
    return counts, [Fraction(c, total) if total else Fraction(0) for c in counts]


def _union_oracle(concept, quota, weights, unions):
    """The union indices by their definitions (None where no oracle is written)."""
    n, m = len(weights), len(unions)
    values = _values(quota, weights)
    if concept == "owen":
        return oracles.owen_by_orders(values, unions) if n <= 9 else None
    if concept == "banzhaf-owen":
        return oracles.banzhaf_owen_by_definition(values, unions)
    out = [Fraction(0)] * n
    if concept == "symmetric-coalitional-banzhaf":
        # Banzhaf's weight between the unions, the Shapley weights inside them
        for k, union in enumerate(unions):
            others = [u for j, u in enumerate(unions) if j != k]
            s = len(union)
            for i in union:
                partners = [j for j in union if j != i]
                total = Fraction(0)
                for r in range(m):
                    for chosen in itertools.combinations(others, r):
                        base = sum(1 << j for u in chosen for j in u)
                        for t in range(len(partners) + 1):
                            inside = Fraction(factorial(t) * factorial(s - t - 1), factorial(s))
                            for group in itertools.combinations(partners, t):
                                mask = base | sum(1 << j for j in group)
                                total += inside * (values[mask | 1 << i] - values[mask])
                out[i] = total / 2 ** (m - 1)
        return out
    counts, pgi = _quotient_pgi(quota, weights, unions)
    if concept == "union-public-good":
        total = sum(len(u) * c for u, c in zip(unions, counts))
        for u, c in zip(unions, counts):
            for i in u:
                out[i] = Fraction(c, total)
        return out
    if concept == "solidarity-public-good":
        for u, p in zip(unions, pgi):
            for i in u:
                out[i] = p / len(u)
        return out
    if concept.startswith("threat-public-good-"):
        threat = int(concept[-1])
        for k, u in enumerate(unions):
            if len(u) == 1:
                out[u[0]] = pgi[k]
                continue
            rest = [b for j, b in enumerate(unions) if j != k]
            if threat == 1:
                alone = _quotient_pgi(quota, weights, [[i] for i in range(n)])[1]
                tau = [alone[i] for i in u]
            elif threat == 2:
                tau = _quotient_pgi(quota, weights, [[i] for i in u] + rest)[1][: len(u)]
            else:
                tau = [
                    _quotient_pgi(quota, weights, [[i], [j for j in u if j != i], *rest])[1][0]
                    for i in u
                ]
            total = sum(tau)
            for i, t in zip(u, tau):
                out[i] = pgi[k] * t / total if total else pgi[k] / len(u)
        return out
    return None


_VALUE = re.compile(r"^P(\d+):\s*(\S+)\s*$")


def epic_binary() -> str | None:
    for candidate in (os.environ.get("EPIC"), DEFAULT_BINARY):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def run_epic(binary, code, quota, weights_file, *, filter_null=False, unions=None):
    """EPIC's values (a list, or one number), or the reason it gave none."""
    args = [binary, "-i", code]
    if unions is not None:
        args += ["-p", ",".join("+".join(str(i + 1) for i in u) for u in unions)]
    args += ["-w", weights_file, "-q", str(quota), "--quiet"]
    if filter_null:
        args.append("-f")
    out = subprocess.run(args, capture_output=True, text=True, timeout=60)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    values = {}
    for line in lines:
        match = _VALUE.match(line.strip())
        if match:
            values[int(match.group(1))] = float(match.group(2))
    if values:
        return [values[k] for k in sorted(values)], None
    numbers = [line for line in lines if re.fullmatch(r"[-+0-9.eE]+", line.strip())]
    if len(numbers) == 1 and out.returncode == 0:
        return float(numbers[0]), None
    message = (out.stdout + out.stderr).strip().splitlines()
    return None, (message[-1] if message else f"exit {out.returncode}")[:120]


def agree(ours, theirs, *, proportional=False) -> bool:
    a = np.atleast_1d(np.asarray([float(v) for v in np.atleast_1d(ours)]))
    b = np.atleast_1d(np.asarray(theirs, dtype=float))
    if proportional and a.shape == b.shape and a.sum() > 0 and b.sum() > 0:
        a, b = a / a.sum(), b / b.sum()
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=1e-9))


#: The families of games: every weight positive, or some members of weight zero (EPIC
#: removes those before counting, which changes the indices that count coalitions with them).
FAMILIES = ("positive weights", "zero weights")


def random_game(rng, k: int, family: str):
    n = int(rng.integers(2, 13))
    weights = [int(w) for w in rng.integers(1, 31, n)]
    if family == "zero weights":
        for i in rng.choice(n, size=int(rng.integers(1, max(2, n // 3) + 1)), replace=False):
            weights[int(i)] = 0
        if sum(weights) == 0:
            weights[0] = 1
    total = sum(weights)
    if k % 3 == 0:  # the band where the winning side is the shorter
        quota = int(rng.integers(max(1, (8 * total) // 10), total + 1))
    else:
        quota = int(rng.integers(1, total + 1))
    labels = rng.integers(0, max(1, (n + 1) // 2), n)
    unions: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        unions.setdefault(int(label), []).append(i)
    return quota, weights, list(unions.values())


def _seconds(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def side_timings(binary: str, tmp: str) -> list[str]:
    """Exact Shapley-Shubik and Banzhaf of one 60-member body with a small and a large quota:
    ours on the cheaper side (``method="exact"``), ours forced onto the losing side (the
    tables up to the quota), and EPIC's plain and "from below" variants."""
    from coalitions.power import _engines as en

    rng = np.random.default_rng(3)
    weights = [int(w) for w in rng.integers(1, 2000, 60)]
    total = sum(weights)
    path = str(Path(tmp) / "body.csv")
    Path(path).write_text("".join(f"{w}\n" for w in weights))
    lines = []
    for label, quota in (("10 %", total // 10), ("90 %", total * 9 // 10)):
        game = co.WeightedVotingGame(quota, weights)
        cells = []
        for index, by_size in (("shapley-shubik", True), ("banzhaf", False)):
            function = co.shapley_shubik_index if by_size else co.banzhaf_index
            en._cached_counts.cache_clear()
            cheaper = _seconds(lambda: function(game, method="exact"))
            below = _seconds(lambda: en._one_side_counts(en.reduced(game), by_size))
            codes = ("SH", "SHB") if by_size else ("BZ", "BZB")
            epic = [_seconds(lambda c=c: run_epic(binary, c, quota, path)) for c in codes]
            cells.append(
                f"{index}: ours {cheaper:.3f} s (losing side only {below:.3f} s), EPIC "
                f"{codes[0]} {epic[0]:.3f} s, {codes[1]} {epic[1]:.3f} s"
            )
        lines.append(
            f"60 members, total weight {total}, quota {quota} ({label}; tables of length "
            f"{en.side_quota(game)}): " + "; ".join(cells)
        )
    return lines


def main(argv=None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=300)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    binary = epic_binary()
    if binary is None:
        print(f"EPIC binary not found ($EPIC or {DEFAULT_BINARY}): nothing to cross-check.")
        return None
    rng = np.random.default_rng(args.seed)
    rows: dict[tuple[str, str], Counter] = defaultdict(Counter)
    verdicts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    disagreements: list[dict] = []
    kept: Counter = Counter()
    notes: list[str] = []
    families: Counter = Counter()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        weights_file = str(Path(tmp) / "weights.csv")
        for k in range(args.games):
            family = FAMILIES[0] if k < args.games * 2 // 3 else FAMILIES[1]
            quota, weights, unions = random_game(rng, k, family)
            families[family] += 1
            families["quota >= 80 % of the total"] += k % 3 == 0
            Path(weights_file).write_text("".join(f"{w}\n" for w in weights))
            game = co.WeightedVotingGame(quota, weights)
            names = [[game.players[i] for i in u] for u in unions]
            cases = [(code, spec[0], spec[1], spec[2], None) for code, spec in PLAIN.items()]
            cases += [(code, spec[0], False, spec[1], unions) for code, spec in UNIONS.items()]
            for code, ours_of, filter_null, concept, blocs in cases:
                key = (code, f"{concept} [{family}]")
                theirs, why = run_epic(
                    binary, code, quota, weights_file, filter_null=filter_null, unions=blocs
                )
                try:
                    ours = ours_of(game, names) if blocs is not None else ours_of(game)
                except CoalitionsError as error:
                    ours, ours_error = None, str(error)[:120]
                else:
                    ours_error = None
                rows[key]["cases"] += 1
                if theirs is None and ours is None:
                    rows[key]["both refuse"] += 1
                    verdicts[key][f"both refuse ({why})"] += 1
                    continue
                if theirs is None or ours is None:
                    rows[key]["failed"] += 1
                    verdict = f"epic: {why}" if theirs is None else f"ours: {ours_error}"
                    if concept == "tijs":  # the index exists iff some member has a veto
                        n, winning = _table(game)
                        veto = any(all(m >> i & 1 for m in winning) for i in range(n))
                        refused_right = not veto  # refusing is right without a veto player
                        verdict = ("EPIC" if theirs is None else "ours") + (
                            " refuses" if refused_right else " refuses, wrongly"
                        )
                        verdict += f" ({'a' if veto else 'no'} veto player by definition)"
                    verdicts[key][verdict] += 1
                    continue
                if agree(ours, theirs, proportional="proportion" in concept):
                    rows[key]["agree"] += 1
                    continue
                rows[key]["disagree"] += 1
                oracle = ORACLES.get(concept)
                verdict = "no oracle"
                expected = None
                if blocs is not None:
                    expected = _union_oracle(concept, quota, weights, blocs)
                elif oracle is not None:
                    expected = oracle(*_table(game))
                if expected is not None:
                    verdict = {
                        (True, False): "ours matches the oracle",
                        (False, True): "EPIC matches the oracle",
                        (True, True): "both match the oracle",
                    }.get(
                        (
                            agree(ours, [float(v) for v in np.atleast_1d(expected)]),
                            agree(expected, theirs),
                        ),
                        "neither matches the oracle",
                    )
                verdicts[key][verdict] += 1
                if kept[key] < KEEP:
                    kept[key] += 1
                    disagreements.append(
                        {
                            "concept": code,
                            "source": concept,
                            "case": k,
                            "verdict": verdict,
                            "game": {"quota": quota, "weights": weights, "unions": blocs},
                            "coalitions": [str(v) for v in np.atleast_1d(ours)],
                            "peer": theirs,
                            "oracle": None
                            if expected is None
                            else [str(v) for v in np.atleast_1d(expected)],
                        }
                    )
        elapsed = time.perf_counter() - start
        notes.extend(side_timings(binary, tmp))
    notes.append(
        f"EPIC binary {binary}; {args.games} games (seed {args.seed}) in {elapsed:.0f} s; "
        f"values agree at a relative {RTOL:g} (EPIC prints six significant digits)."
    )
    notes.append(
        "'source' names our concept; 'peer failed' counts cases where exactly one side "
        "refused (the verdict says which, with its message); both refusing is not counted "
        "as a failure."
    )
    report = {
        "rows": [
            {
                "concept": code,
                "source": concept,
                "cases": c["cases"],
                "agree": c["agree"] + c["both refuse"],
                "disagree": c["disagree"],
                "failed": c["failed"],
                "verdicts": dict(verdicts[(code, concept)]),
            }
            for (code, concept), c in rows.items()
        ],
        "n_games": args.games,
        "families": dict(families),
        "disagreements": disagreements,
        "notes": notes,
        "peer_errors": {},
    }
    return write_report(report, "crosscheck_epic", games=args.games, seed=args.seed)


if __name__ == "__main__":
    main()

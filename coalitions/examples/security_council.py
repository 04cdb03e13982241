"""The UN Security Council: the veto, not the vote, is what counts."""

from __future__ import annotations

from fractions import Fraction
from math import comb

from ..games.classes import veto_council
from ._registry import register
from ._report import Report, Section

__all__ = ["run", "PERMANENT", "ELECTED_2020"]

# UN Charter Art. 23 and 27(3); elected members of 2020 (UN press release GA/12152)
PERMANENT = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
ELECTED_2020 = ["Belgium", "Dominican Republic", "Germany", "Indonesia", "South Africa",
                "Estonia", "Niger", "Saint Vincent and the Grenadines", "Tunisia", "Viet Nam"]

TITLE = "The UN Security Council: power of permanent and elected members"
SUMMARY = ("Nine votes out of fifteen and no veto from the five permanent members: how much "
           "power does each seat hold, how often can the Council act, and what would "
           "enlargement change?")


def _council_game(permanent, elected, quota):
    from ..games.tu import TUGame

    veto = frozenset(permanent)
    return TUGame.from_function(lambda s: int(veto <= s and len(s) >= quota),
                                list(permanent) + list(elected))


def _enlargement_section() -> tuple[Section, dict]:
    from ..power import coleman_power_to_act, shapley_shubik_index, banzhaf_index

    scenarios = [("today: 15 seats, 9 votes, 5 vetoes", 5, 10, 9),
                 ("25 seats, 14 votes, 5 vetoes (new permanent seats without veto)", 5, 20, 14),
                 ("25 seats, 14 votes, 11 vetoes (six new permanent seats with veto)", 11, 14,
                  14)]
    rows, data, today = [], {}, None
    for label, v, m, k in scenarios:
        game = veto_council(v, m, k)
        ss = shapley_shubik_index(game)
        bz = banzhaf_index(game)
        act = coleman_power_to_act(game).value
        today = act if today is None else today
        rows.append([label, ss["V1"], ss["S1"], bz["V1"], bz["S1"], act, today / act])
        data[label] = {"shapley_shubik_veto": ss["V1"], "shapley_shubik_other": ss["S1"],
                       "banzhaf_veto": bz["V1"], "banzhaf_other": bz["S1"],
                       "power_to_act": act}
    section = Section(
        "Enlargement scenarios: how the power to act falls",
        ["design", "Shapley-Shubik: a veto holder", "Shapley-Shubik: another seat",
         "Banzhaf: a veto holder", "Banzhaf: another seat", "power to act A",
         "today's A / this A"],
        [[r[0], *[float(v) for v in r[1:5]], r[5], float(r[6])] for r in rows],
        ["A permanent seat without a veto carries exactly the a priori power of an elected "
         "seat: in the second design the new permanent members sit among the 'other seats'.",
         f"Enlarging to 25 seats with a 14-vote quota and the same five vetoes leaves the "
         f"Council about as able to act (A = {float(rows[1][5]):.4f} against "
         f"{float(rows[0][5]):.4f}); giving the six new permanent members a veto divides the "
         f"power to act by {float(rows[2][6]):.0f}: every added veto is one more member that "
         "must be on board, and enlargement makes consensus harder."],
        assumptions=["the seat numbers and quotas of the enlarged designs are illustrative; "
                     "they are not the text of any reform proposal"],
        data=data)
    return section, data


@register("security-council", TITLE, SUMMARY)
def run() -> Report:
    from ..solutions import banzhaf_value, shapley_value

    game = _council_game(PERMANENT, ELECTED_2020, 9)
    n = game.n_players
    ss = shapley_value(game)
    bz = banzhaf_value(game, normalized=True)
    absolute = banzhaf_value(game)
    winning = int(sum(game.values))
    act = Fraction(winning, 2 ** n)
    swings = {p: int(absolute[p] * 2 ** (n - 1)) for p in game.players}
    p, e = "United States", "Germany"
    rows = []
    for label, member, count in (("a permanent member", p, 1), ("an elected member", e, 1),
                                 ("the five permanent together", p, 5),
                                 ("the ten elected together", e, 10)):
        rows.append([label, count * ss[member], count * bz[member],
                     absolute[member] if count == 1 else None,
                     Fraction(swings[member], winning) if count == 1 else None])
    power = Section(
        "UN Security Council: a priori power of a seat (Shapley-Shubik, Banzhaf, Coleman)",
        ["seat", "Shapley-Shubik", "Banzhaf (normalised)", "Penrose-Banzhaf (absolute)",
         "power to prevent action"], rows,
        [f"A permanent member holds {float(ss[p] / ss[e]):.0f} times the Shapley-Shubik "
         f"power of an elected member and {float(bz[p] / bz[e]):.1f} times its Banzhaf "
         "power. The veto, not the vote, is what counts.",
         "Power to prevent action (Coleman) is the share of winning coalitions a member can "
         "turn into losing ones by leaving: 1 for every veto holder.",
         "The core of this game gives everything to the five veto holders: elected members "
         "have no claim any coalition can enforce."],
        data={"shapley-shubik": ss.to_dict(), "banzhaf": bz.to_dict(),
              "penrose_banzhaf": absolute.to_dict(), "swings": swings})

    without_veto = sum(comb(n, k) for k in range(9, n + 1))
    act_rows = [["today: 9 of 15, P5 veto", winning, act],
                ["9 of 15, no veto", without_veto, Fraction(without_veto, 2 ** n)],
                ["unanimity of 15", 1, Fraction(1, 2 ** n)]]
    acting = Section(
        "How often can the Council act? (Coleman's power of the collectivity to act)",
        ["rule", "winning coalitions", "power to act A"], act_rows,
        [f"Of the 2^15 = {2 ** n:,} ways the members can vote, {winning:,} pass a resolution: "
         f"A = {act} = {float(act):.2%} of proposals drawn at random pass.",
         "Without the veto the same nine-vote threshold would let "
         f"{float(act_rows[1][2]):.0%} pass: the veto is what makes the Council hard to move."],
        data={"winning": winning, "power_to_act": act})

    def plot():
        from ..plot import power_index_bars
        return power_index_bars({"Shapley-Shubik": dict(ss),
                                 "Banzhaf (normalised)": dict(bz)}, log=True,
                                title="UN Security Council 2020: power per seat")

    enlargement, _ = _enlargement_section()
    return Report("security-council", TITLE, SUMMARY, [power, acting, enlargement],
                  references=["Shapley, L. S. and Shubik, M. (1954). APSR 48(3), 787-792.",
                              "Banzhaf, J. F. (1965). Rutgers Law Review 19, 317-343.",
                              "Coleman, J. S. (1971). Control of collectivities and the power "
                              "of a collectivity to act. In Lieberman (ed.), Social Choice.",
                              "UN Charter, Art. 23 and 27(3)."],
                  plot=plot)

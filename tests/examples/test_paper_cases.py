"""The three cases the paper names on shipped membership data: nagorno-karabakh,
nato-russia-council and unsc-reform. Their figures are checked against closed forms computed
here by hand (products of support probabilities, the Rubinstein share delta/(1+delta), the
Owen value of a two-union consensus game, the Shapley-Shubik and Banzhaf counts of a veto
council, and the published Security Council values), their prose against their results, and
their CLI runs, sensitivity and exports (the headless-browser test of their pages is in test_export.py)."""

import json
import math
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app
from coalitions.examples import case_sensitivity, export_case, get_case, run_case

NEW_CASES = ["nagorno-karabakh", "nato-russia-council", "unsc-reform"]
runner = CliRunner()


# --- nagorno-karabakh -------------------------------------------------------------------


def test_formats_act_with_the_product_of_their_members_support():
    from coalitions.examples import nagorno_karabakh as nk

    results = get_case("nagorno-karabakh").compute()
    trio, group, osce = results["clubs"]
    assert len(trio["members"]) == 3 and len(group["members"]) == 11 and len(osce["members"]) == 57
    p, m, o = nk.PARTY_SUPPORT, nk.MEDIATOR_SUPPORT, nk.OTHERS_SUPPORT
    # by hand: two parties and the mediator in every format, the others one factor each
    assert trio["efficiency"] == p * p * m
    assert group["efficiency"] == p * p * m * o**8
    assert osce["efficiency"] == p * p * m * o**54
    assert (trio["coverage"], group["coverage"], osce["coverage"]) == (
        Fraction(3, 57),
        Fraction(11, 57),
        1,
    )


def test_the_outside_option_binds_above_the_rubinstein_share():
    results = get_case("nagorno-karabakh").compute()
    d = results["patience"]
    threshold = d / (1 + d)  # the responder's Rubinstein share
    for option, bargain in results["bargains"]:
        assert bargain.inside_shares[1] == threshold
        assert bargain.binding[1] == (option > threshold)
        assert bargain.x[1] == max(option, threshold)
        assert bargain.forum_value[1] == max(option, threshold) - threshold
    result = case_sensitivity("nagorno-karabakh", samples=16, sweep_points=5)
    (flip,) = [b for b in result.breakpoints if b.assumption == "azerbaijan_option"]
    assert flip.at == pytest.approx(float(threshold), abs=1e-4)


def test_nagorno_karabakh_prose_reports_its_results():
    report = run_case("nagorno-karabakh")
    results = get_case("nagorno-karabakh").compute()
    trio, _, osce = results["clubs"]
    text = report.section("Speed against legitimacy").note
    assert f"{float(trio['efficiency']):.3f}" in text
    assert f"{float(trio['efficiency'] / osce['efficiency']):.0f} times" in text
    assert "9/10 November 2020" in text
    bargain = report.section("The faster format").note
    assert f"{float(results['baseline'].forum_value[1]):+.3f}" in bargain


# --- nato-russia-council ----------------------------------------------------------------


@pytest.mark.parametrize("year,n", [(2002, 19), (2019, 29), (2020, 30)])
def test_nrc_shares_against_closed_forms(year, n):
    results = get_case("nato-russia-council").compute()
    (entry,) = [e for e in results["years"] if e["year"] == year]
    assert len(entry["members"]) == n
    consensus, majority = entry["rules"]["consensus"], entry["rules"]["simple majority"]
    # without blocs the n + 1 participants are symmetric
    assert consensus["shapley_shubik"]["Russia"] == Fraction(1, n + 1)
    assert majority["shapley_shubik"]["Germany"] == Fraction(1, n + 1)
    # two unions that each can block: half each, the bloc's half split n ways
    assert consensus["owen_russia"] == Fraction(1, 2)
    assert consensus["owen_member"] == Fraction(1, 2 * n)
    assert consensus["banzhaf_owen_russia"] == Fraction(1, 2)
    # under a majority the bloc decides alone
    assert majority["owen_russia"] == 0 and majority["owen_member"] == Fraction(1, n)


def test_nrc_quotient_route_equals_the_direct_owen_index():
    results = get_case("nato-russia-council").compute()
    founding = results["years"][0]
    for rule, direct in results["direct"].items():
        quotient = founding["rules"][rule]
        assert direct["owen_russia"] == quotient["owen_russia"]
        assert direct["owen_member"] == quotient["owen_member"]
        assert direct["banzhaf_owen_russia"] == quotient["banzhaf_owen_russia"]
    n = len(founding["members"])
    # Banzhaf-Owen of a member: over Russia in or out (1/2 each) and the 2^(n-1) sets T of
    # its partners, it is decisive when |T| = q - 2 with Russia, |T| = q - 1 without; under
    # consensus (q = n + 1) only the first case exists
    for rule, quota in (("consensus", n + 1), ("simple majority", (n + 1) // 2 + 1)):
        swings = math.comb(n - 1, quota - 2) + math.comb(n - 1, quota - 1)
        assert results["direct"][rule]["banzhaf_owen_member"] == Fraction(swings, 2**n)


def test_nrc_breakpoint_is_where_nato_alone_would_carry_a_decision():
    result = case_sensitivity("nato-russia-council", samples=16, sweep_points=11)
    assert result.baseline["the forum"].startswith("bilateral")
    flips = {b.conclusion: b for b in result.breakpoints if b.assumption == "quota_share"}
    # 30 of 31 still lets NATO pass alone; Russia blocks once the quota exceeds 30/31
    assert flips["Russia can block"].at == pytest.approx(30 / 31, abs=1e-4)
    assert flips["the forum"].below == "the caucus decides alone"


def test_nrc_prose_reports_its_results():
    report = run_case("nato-russia-council")
    text = report.section("Power in the NRC").note
    assert "Russia gets 1/2" in text and "each of the 30 NATO members 1/60" in text
    assert "Russia weighs 30 NATO members" in text


# --- unsc-reform ------------------------------------------------------------------------


def _veto_council_by_hand(v, m, k):
    """Shapley-Shubik, normalised Banzhaf and power to act of a council with v vetoes, m
    other seats and k votes needed, from counting (no library call)."""
    n = v + m
    # an other seat is pivotal when it comes k-th after all v vetoes and k-v-1 other seats
    ss_other = Fraction(math.comb(m - 1, k - v - 1), n * math.comb(n - 1, k - 1))
    ss_veto = (1 - m * ss_other) / v
    swings_other = math.comb(m - 1, k - v - 1)
    swings_veto = sum(math.comb(m, j) for j in range(k - v, m + 1))
    total = v * swings_veto + m * swings_other
    act = Fraction(swings_veto, 2**n)  # winning coalitions: all vetoes and k-v others or more
    return ss_veto, ss_other, Fraction(swings_veto, total), Fraction(swings_other, total), act


@pytest.mark.parametrize(
    "design,v,m,k", [("today", 5, 10, 9), ("G4", 5, 20, 14), ("Ezulwini", 11, 15, 15)]
)
def test_unsc_reform_against_counting(design, v, m, k):
    from coalitions.examples import unsc_reform

    table = get_case("unsc-reform").compute()["table"]
    column = unsc_reform.DESIGNS[design]
    ss_veto, ss_other, bz_veto, bz_other, act = _veto_council_by_hand(v, m, k)

    def value(metric, seat):
        return table.row(metric, seat)["values"][column]

    assert value("Shapley-Shubik", "a P5 member") == ss_veto
    assert value("Shapley-Shubik", "an elected member") == ss_other
    assert value("Banzhaf (normalised)", "a P5 member") == bz_veto
    assert value("Banzhaf (normalised)", "an elected member") == bz_other
    assert value("power to act", "") == act
    new = value("Shapley-Shubik", "a new permanent member")
    assert new == {"today": None, "G4": ss_other, "Ezulwini": ss_veto}[design]


def test_unsc_today_matches_the_published_values():
    table = get_case("unsc-reform").compute()["table"]
    today = "today's Council"
    assert table.row("Shapley-Shubik", "a P5 member")["values"][today] == Fraction(421, 2145)
    assert table.row("Shapley-Shubik", "an elected member")["values"][today] == Fraction(4, 2145)
    assert table.row("Banzhaf (normalised)", "a P5 member")["values"][today] == Fraction(848, 5080)
    assert table.row("power to act", "")["values"][today] == Fraction(53, 2048)


def test_unsc_reform_quotas_are_labelled_and_swept():
    drafts = {d["design"]: d for d in co.datasets.unsc_reform_drafts()}
    assert drafts["today"]["votes_needed_verified"]
    assert (
        not drafts["G4"]["votes_needed_verified"]
        and not drafts["Ezulwini"]["votes_needed_verified"]
    )
    names = {a.name: a for a in get_case("unsc-reform").assumptions()}
    assert names["g4_votes_needed"].value == drafts["G4"]["votes_needed"]
    assert "NOT VERIFIED" in names["au_votes_needed"].source
    result = case_sensitivity("unsc-reform", samples=16, sweep_points=9)
    assert result.shares["a new permanent member weighs more under"] == {"Ezulwini": 1.0}
    (flip,) = [b for b in result.breakpoints if b.assumption == "g4_votes_needed"]
    assert flip.below is True and flip.above is False  # only at 13 votes does G4 act as easily
    sweep = run_case("unsc-reform").section("What the unverified quotas change")
    assert [r[1] for r in sweep.rows] == [13, 14, 15, 16, 17, 14, 15, 16, 17, 18]
    assert all(r[3] == r[4] for r in sweep.rows if r[0] == "the G4 draft")


# --- all three: registry, CLI, sensitivity, exports --------------------------------------


def test_the_new_cases_are_listed():
    out = runner.invoke(app, ["examples", "list", "--json"])
    assert out.exit_code == 0
    assert set(NEW_CASES) <= {c["name"] for c in json.loads(out.stdout)}


@pytest.mark.parametrize("name", NEW_CASES)
def test_cli_runs_json_and_sensitivity(name):
    out = runner.invoke(app, ["examples", "run", name, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["claim"] and data["caveats"] and data["has_plot"]
    out = runner.invoke(app, ["examples", "run", name, "--sensitivity", "--samples", "16"])
    assert out.exit_code == 0, out.output
    assert "How often each conclusion holds" in out.stdout


@pytest.mark.parametrize(
    "name,vary",
    [
        ("nagorno-karabakh", "patience=0.8:0.95"),
        ("nato-russia-council", "cohesion=0.5:1"),
        ("unsc-reform", "g4_votes_needed=13:15"),
    ],
)
def test_cli_vary_replaces_a_range(name, vary):
    out = runner.invoke(
        app, ["examples", "run", name, "--sensitivity", "--vary", vary, "--samples", "16"]
    )
    assert out.exit_code == 0, out.output
    assert "range given by --vary" in out.stdout


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs)["src"])


@pytest.mark.parametrize("name", NEW_CASES)
def test_exports(name):
    pytest.importorskip("matplotlib")
    page = export_case(name, "html")
    parser = _Images()
    parser.feed(page)
    assert {"html", "table"} <= set(parser.tags) and parser.images
    assert parser.images[0].startswith("data:image/png;base64,")
    assert "What would change this conclusion" in page and "Caveats" in page
    text = export_case(name, "markdown")
    assert text.startswith(f"# {get_case(name).title}")
    data = json.loads(export_case(name, "json"))
    assert data["sections"][-1]["title"] == "What would change this conclusion"
    assert data["sections"][-1]["rows"]  # each case has a breakpoint within its ranges


@pytest.mark.parametrize(
    "name,vary,message",
    [
        ("nato-russia-council", "cohesion=-1:2", "cohesion is a share"),
        ("nagorno-karabakh", "party_support=0:1", "support probability"),
        ("nagorno-karabakh", "patience=0.9:1", "discount factors must lie in [0, 1)"),
        ("unsc-reform", "g4_votes_needed=1:20", "votes_needed must lie between"),
    ],
)
def test_a_range_outside_the_model_exits_with_a_message(name, vary, message):
    out = runner.invoke(
        app, ["examples", "run", name, "--sensitivity", "--vary", vary, "--samples", "8"]
    )
    assert out.exit_code in (1, 2) and message in out.output
    assert "Traceback" not in out.output

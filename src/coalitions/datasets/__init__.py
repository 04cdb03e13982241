"""Shipped real data: voting bodies ready for the power indices.

Every function returns a game object (or the rows of a shipped file) and says where its
numbers come from; the data files and their provenance are in this folder (``SOURCES.md``).
Datasets hold data loaders only: analyses built on them live in the algorithm packages (the
Cyprus-Belarus linkage model is :func:`coalitions.bargaining.cases.cyprus_belarus_model`).

``BODIES`` is the one registry of named voting bodies; ``body(name)`` builds one. Every
command of the CLI that names a body (``--body``) reads this registry.
"""

from __future__ import annotations

import csv
import math
from importlib import resources
from dataclasses import dataclass
from fractions import Fraction
from typing import Any
from collections.abc import Callable

from .._checks import check_choice
from ..exceptions import InvalidArgumentError, InvalidGameError
from ..games.simple import CompoundGame, WeightedVotingGame

__all__ = [
    "un_security_council",
    "eu_council",
    "eec_council_1958",
    "eu_population",
    "load_csv",
    "Body",
    "BODIES",
    "body",
    "aosis_members",
    "un_scale_2019_2021",
    "osce_participating_states",
    "nato_members",
    "unsc_reform_drafts",
]


def _shipped_files() -> list[str]:
    """Names of the CSV files shipped in this package."""
    return sorted(
        entry.name for entry in resources.files(__name__).iterdir() if entry.name.endswith(".csv")
    )


def load_csv(name: str) -> list[dict[str, str]]:
    """Rows of a shipped CSV file as dictionaries.

    Only the files of this folder can be read (a plain file name ending in ``.csv``, never a
    path).

    Raises
    ------
    InvalidArgumentError
        If ``name`` is not the name of a shipped CSV file; the message lists them.

    Examples
    --------
    >>> from coalitions.datasets import load_csv
    >>> load_csv("unsc_composition_2020.csv")[0]["country"]
    'China'
    """
    files = _shipped_files()
    if not isinstance(name, str) or name not in files:
        raise InvalidArgumentError(
            f"no shipped data file {name!r}; the files are {', '.join(files)}."
        )
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def un_security_council(abstention: bool = False) -> Any:
    """The UN Security Council in 2020 as the weighted game ``[39; 7 x 5, 1 x 10]``, or with
    ``abstention=True`` as the ternary game of its real rule.

    A substantive resolution needs nine of the fifteen votes including all five permanent
    members (Art. 27(3) of the UN Charter; abstentions counted as votes against). With
    weight 7 for each permanent member and 1 for each elected one, the quota 39 reproduces
    exactly this rule: the five permanent members (35) need four elected votes, and without
    one permanent member the other 38 weights fall short.

    With ``abstention=True``: a :class:`~coalitions.WeightedTernaryGame` (yes, abstain, no)
    in which a resolution passes with nine affirmative votes and no permanent member voting
    no; a permanent member's abstention does not block (the Council's practice since 1946,
    upheld by the ICJ's Namibia advisory opinion of 1971), built by
    :func:`~coalitions.abstention_veto_game`.

    Source: UN Charter Art. 23 and 27(3); composition in 2020 from UN press release GA/12152
    (``unsc_composition_2020.csv``); ICJ Reports 1971, p. 16, para. 22.

    Examples
    --------
    >>> import coalitions as co
    >>> unsc = co.datasets.un_security_council()
    >>> unsc.n_players, unsc.quota, unsc.players[:2]
    (15, 39, ('China', 'France'))
    >>> real = co.datasets.un_security_council(abstention=True)
    >>> real.passes(yes=real.players[5:14], abstain=real.players[:5])
    True
    """
    rows = load_csv("unsc_composition_2020.csv")
    players = [r["country"] for r in rows]
    if abstention:
        from ..games.ternary import abstention_veto_game

        vetoes = [r["country"] for r in rows if r["veto"] == "yes"]
        return abstention_veto_game(9, vetoes, players)
    weights = [7 if r["veto"] == "yes" else 1 for r in rows]
    return WeightedVotingGame(39, weights, players)


def eu_population(year: int = 2020) -> dict[str, int]:
    """Population of each EU member state on 1 January of ``year`` (Eurostat).

    Only 2020 is shipped (``eu27_population_2020.csv``).
    """
    if year != 2020:
        raise InvalidGameError(
            f"EU populations are shipped for 2020 only, not {year}; build "
            "the game yourself with coalitions.WeightedVotingGame."
        )
    return {
        r["country"]: int(r["population_1jan2020"]) for r in load_csv("eu27_population_2020.csv")
    }


def eu_council(year: int = 2020, rule: str = "qmv") -> Any:
    """The Council of the EU with 27 members and their 2020 populations.

    ``rule="qmv"``: qualified majority (Art. 16(4) TEU, Art. 238(3) TFEU): at least 55 % of
    the states (15 of 27) representing at least 65 % of the EU population, or at least 24
    states (a blocking minority needs four members). As a compound game:
    ``(states >= 15 AND population >= 65 %) OR states >= 24``.

    ``rule="unanimity"``: every state must agree (Art. 31(1) TEU, e.g. sanctions under the
    common foreign and security policy).

    Source: Eurostat population on 1 January 2020 (``eu27_population_2020.csv``, total
    447,319,916); not the legal annex of Council Decision (EU) 2019/2209, which differs
    slightly.

    Examples
    --------
    >>> import coalitions as co
    >>> eu = co.datasets.eu_council()
    >>> eu.n_players, eu.is_winning(eu.players[:15])   # the 15 largest states
    (27, True)
    >>> eu.is_winning(eu.players[12:])                  # the 15 smallest: 15 % of the people
    False
    """
    population = eu_population(year)
    players = list(population)
    n = len(players)
    if rule == "unanimity":
        return WeightedVotingGame(n, [1] * n, players)
    check_choice(rule, ("qmv", "unanimity"), what="rule")
    pops = [population[p] for p in players]
    total = sum(pops)
    states = WeightedVotingGame(math.ceil(55 * n / 100), [1] * n, players)
    people = WeightedVotingGame(-(-65 * total // 100), pops, players)
    clause = WeightedVotingGame(n - 3, [1] * n, players)
    return CompoundGame("or", [CompoundGame("and", [states, people]), clause])


def eec_council_1958() -> WeightedVotingGame:
    """The Council of the European Economic Community in 1958: ``[12; 4, 4, 4, 2, 2, 1]``.

    France, Germany and Italy 4 votes, Belgium and the Netherlands 2, Luxembourg 1; 12 of
    17 votes for a qualified majority (Art. 148(2) of the Treaty of Rome). Luxembourg is a
    dummy: no coalition ever needs its vote.

    Source: Treaty establishing the European Economic Community (1957), Art. 148(2);
    Felsenthal and Machover (1998), *The Measurement of Voting Power*, ch. 2.

    Examples
    --------
    >>> import coalitions as co
    >>> co.datasets.eec_council_1958().weights
    (4, 4, 4, 2, 2, 1)
    """
    return WeightedVotingGame(
        12,
        [4, 4, 4, 2, 2, 1],
        ["France", "Germany", "Italy", "Belgium", "Netherlands", "Luxembourg"],
    )


def aosis_members(un_members_only: bool = True) -> list[str]:
    """The Alliance of Small Island States in 2017 (CIA World Factbook list, 39 members;
    37 of them UN members).

    Source: CIA World Factbook 2017 (``aosis_members_factbook2017.csv``, see
    ``aosis_members_factbook2017.md``).

    Examples
    --------
    >>> from coalitions.datasets import aosis_members
    >>> len(aosis_members()), len(aosis_members(un_members_only=False))
    (37, 39)
    """
    return [
        row["member"]
        for row in load_csv("aosis_members_factbook2017.csv")
        if row["un_member"] == "yes" or not un_members_only
    ]


def un_scale_2019_2021() -> list[tuple[str, Fraction]]:
    """The 20 largest rates (percent) of the UN regular-budget scale 2019-2021, exact, in
    rank order.

    Source: UN General Assembly resolution A/RES/73/271 (2018)
    (``un_scale_of_assessments_2019_2021_top.csv``, provenance in
    ``un_scale_of_assessments_2019_2021_top.md``).

    Examples
    --------
    >>> from coalitions.datasets import un_scale_2019_2021
    >>> un_scale_2019_2021()[0]
    ('United States', Fraction(22, 1))
    """
    return [
        (row["member_state"], Fraction(row["rate_pct"]))
        for row in load_csv("un_scale_of_assessments_2019_2021_top.csv")
    ]


def osce_participating_states() -> list[dict[str, str]]:
    """The 57 participating States of the OSCE in 2020, each with its role in the Minsk Group
    (``"co-chair"``, ``"member"``, ``"party"`` or ``""``) and whether it signed the
    Nagorno-Karabakh trilateral statement of 9/10 November 2020 (``"yes"``/``"no"``).

    Source: osce.org, participating States; the Minsk Group's composition in 2020
    (``osce_participating_states_2020.csv``, provenance in
    ``osce_participating_states_2020.md``).

    Examples
    --------
    >>> from coalitions.datasets import osce_participating_states
    >>> rows = osce_participating_states()
    >>> len(rows), sorted(r["state"] for r in rows if r["minsk_group"] == "co-chair")
    (57, ['France', 'Russian Federation', 'United States'])
    """
    return [
        {
            "state": row["state"],
            "minsk_group": row["minsk_group"],
            "trilateral_statement_2020": row["trilateral_statement_2020"],
        }
        for row in load_csv("osce_participating_states_2020.csv")
    ]


def nato_members(year: int) -> list[str]:
    """NATO's member countries in ``year`` (those that joined in that year or before), in
    order of accession.

    Source: NATO, member countries and accession years (``nato_members_accession.csv``,
    provenance in ``nato_members_accession.md``).

    Raises
    ------
    InvalidArgumentError
        If ``year`` is not an integer from 1949 on.

    Examples
    --------
    >>> from coalitions.datasets import nato_members
    >>> len(nato_members(2002)), len(nato_members(2019)), len(nato_members(2020))
    (19, 29, 30)
    """
    if isinstance(year, bool) or not isinstance(year, int) or year < 1949:
        raise InvalidArgumentError(
            f"nato_members: year must be an integer from 1949 (the North Atlantic Treaty) on, "
            f"got {year!r}."
        )
    return [
        row["member"]
        for row in load_csv("nato_members_accession.csv")
        if int(row["accession_year"]) <= year
    ]


def unsc_reform_drafts() -> list[dict[str, Any]]:
    """The Security Council today and under the two reform drafts of July 2005: the G4's
    A/59/L.64 and the African Union's A/59/L.67 (the Ezulwini Consensus).

    Each row: ``design``, ``document``, ``date``, ``seats``, ``permanent_with_veto``,
    ``permanent_without_veto``, ``elected``, ``votes_needed`` (affirmative votes for a
    substantive decision), ``votes_needed_verified`` (bool) and ``source``. The drafts'
    quotas are not verified (see ``unsc_reform_drafts_2005.md``): treat them as assumptions.

    Examples
    --------
    >>> from coalitions.datasets import unsc_reform_drafts
    >>> [(d["design"], d["seats"], d["votes_needed_verified"]) for d in unsc_reform_drafts()]
    [('today', 15, True), ('G4', 25, False), ('Ezulwini', 26, False)]
    """
    counts = ("seats", "permanent_with_veto", "permanent_without_veto", "elected", "votes_needed")
    rows = []
    for row in load_csv("unsc_reform_drafts_2005.csv"):
        out: dict[str, Any] = dict(row)
        for key in counts:
            out[key] = int(row[key])
        out["votes_needed_verified"] = row["votes_needed_verified"] == "yes"
        rows.append(out)
    return rows


@dataclass(frozen=True)
class Body:
    """A named voting body of the registry: its name, a title saying what it is, and the
    loader that builds its game."""

    name: str
    title: str
    build: Callable[[], Any]


#: The named voting bodies, by name (the ``--body`` values of the CLI).
BODIES: dict[str, Body] = {
    entry.name: entry
    for entry in (
        Body(
            "eu-council",
            "Council of the EU, 2020 populations, rule=qmv",
            lambda: eu_council(rule="qmv"),
        ),
        Body(
            "eu-council-unanimity",
            "Council of the EU, 2020 populations, rule=unanimity",
            lambda: eu_council(rule="unanimity"),
        ),
        Body(
            "un-security-council",
            "UN Security Council 2020 [39; 7 x 5, 1 x 10]",
            un_security_council,
        ),
        Body("eec-council", "EEC Council 1958 [12; 4, 4, 4, 2, 2, 1]", eec_council_1958),
    )
}


def body(name: str) -> Any:
    """The game of the voting body called ``name`` in :data:`BODIES`.

    Parameters
    ----------
    name : str
        One of ``eu-council`` (qualified majority), ``eu-council-unanimity``,
        ``un-security-council``, ``eec-council``.

    Returns
    -------
    WeightedVotingGame or CompoundGame
        The body's decision rule as a simple game, built by its loader (see each loader for
        the sources of its numbers).

    Raises
    ------
    InvalidArgumentError
        If ``name`` is not a registered body; the message lists them.

    References
    ----------
    UN Charter Art. 23 and 27(3); Art. 16(4) TEU and Art. 238(3) TFEU; Treaty establishing the
    European Economic Community (1957), Art. 148(2).

    Examples
    --------
    >>> from coalitions.datasets import BODIES, body
    >>> list(BODIES)
    ['eu-council', 'eu-council-unanimity', 'un-security-council', 'eec-council']
    >>> body("eec-council").quota
    12
    """
    return BODIES[check_choice(name, BODIES, what="body", plural="bodies")].build()


# The Cyprus-Belarus sanctions data; imported last because its loaders use load_csv.
from .eu_sanctions import (
    ASSUMPTION_LABEL,
    belarus_sanctions_timeline,  # noqa: E402
    cyprus_belarus_assumptions,
    eu_qualified_majority,
)

__all__ += [
    "ASSUMPTION_LABEL",
    "belarus_sanctions_timeline",
    "cyprus_belarus_assumptions",
    "eu_qualified_majority",
]

"""`coalitions power ...` from the shell."""

import json

from typer.testing import CliRunner

from coalitions.cli.app import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["power", *args])


def test_option_form_table_and_json():
    result = run("--quota", "12", "--weights", "4,4,4,2,2,1", "--players", "FR,DE,IT,BE,NL,LU")
    assert result.exit_code == 0, result.output
    assert "Shapley-Shubik" in result.output and "LU" in result.output
    result = run("--quota", "12", "--weights", "4,4,4,2,2,1", "--index", "banzhaf", "--json")
    document = json.loads(result.stdout)
    assert document["indices"]["banzhaf"] == {
        "1": "5/21",
        "2": "5/21",
        "3": "5/21",
        "4": "1/7",
        "5": "1/7",
        "6": 0,
    }
    assert document["exact"] is True


def test_file_form(tmp_path):
    path = tmp_path / "eec.json"
    path.write_text(json.dumps({"type": "weighted", "quota": 12, "weights": [4, 4, 4, 2, 2, 1]}))
    result = run(str(path), "--index", "all", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["indices"]["holler"]["6"] == 0


def test_real_bodies():
    result = run("un-security-council", "--json")
    document = json.loads(result.stdout)
    assert document["indices"]["shapley-shubik"]["China"] == "421/2145"
    assert document["power_to_act"] == "53/2048"
    result = run("eu-council", "--index", "ss")
    assert result.exit_code == 0 and "Germany" in result.output
    result = run("eec-council", "--json")
    assert json.loads(result.stdout)["indices"]["banzhaf"]["Luxembourg"] == 0


def test_sweep_and_pivotal():
    result = run("sweep", "--body", "un-security-council", "--json")
    rows = json.loads(result.stdout)["rows"]
    assert rows[0]["quota"] == 23 and rows[-1]["power_to_act"] == "1/32768"
    result = run("sweep", "--weights", "1,1,1")
    assert result.exit_code == 0 and "power to act" in result.output
    result = run("pivotal", "--no", "Cyprus", "--body", "eu-council-unanimity", "--json")
    assert json.loads(result.stdout)["pivotal"] == ["Cyprus"]


def test_errors_go_to_stderr_without_traceback():
    result = run("--quota", "20", "--weights", "4,4")
    assert result.exit_code == 1
    assert "error: the quota must lie in (0, total weight]" in result.stderr
    assert "Traceback" not in result.output
    result = run("--quota", "2", "--weights", "1,-1,3")
    assert result.exit_code == 1 and "non-negative" in result.stderr
    result = run("--quota", "2", "--weights", "1,x")
    assert result.exit_code == 2
    result = run("--weights", "1,2")
    assert result.exit_code == 2
    result = run("missing.json")
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = run("--quota", "2", "--weights", "1,1,1", "--index", "magic")
    assert result.exit_code == 2 and "unknown index 'magic'" in result.stderr
    result = run("sweep", "--body", "nowhere")
    assert result.exit_code == 2 and "unknown body" in result.stderr


def test_no_arguments_prints_help():
    result = run()
    assert result.exit_code == 0 and "Usage" in result.output


def test_abstention():
    """``--abstention``: the Security Council's real rule, and a weighted body whose members
    may abstain; the ternary measures (tests/power/test_ternary.py checks their values)."""
    result = run("un-security-council", "--abstention", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["indices"]["shapley-shubik"]["China"] == "118525786/725416965"
    assert document["indices"]["block"]["China"] == 1
    assert document["power_to_act"] == "48932/4782969"
    table = run("un-security-council", "--abstention")
    assert table.exit_code == 0 and "block" in table.output and "Niger" in table.output
    result = run("--quota", "2", "--weights", "1,1,1", "--abstention", "no", "--json")
    assert json.loads(result.stdout)["indices"]["banzhaf-absolute"]["1"] == "4/9"
    bad = run("--quota", "2", "--weights", "1,1,1", "--abstention", "maybe")
    assert bad.exit_code == 2 and "abstention" in bad.output
    bad = run("un-security-council", "--abstention", "--method", "bdd")
    assert bad.exit_code == 2 and "ternary" in bad.output


def test_every_classical_index_and_count_is_reached_from_the_shell():
    import coalitions as co

    names = {
        "felsenthal": co.felsenthal_index,
        "colomer-martinez": co.colomer_martinez_index,
        "public-help": co.public_help_index,
        "public-help-xi": co.public_help_xi_index,
        "koenig-braeuninger": co.koenig_braeuninger_index,
        "nevison": co.nevison_index,
        "barua-chakravarty-sarkar": co.barua_chakravarty_sarkar_index,
        "winning-count": lambda g: co.coalition_counts(g, "winning"),
        "minimal-winning-count": lambda g: co.coalition_counts(g, "minimal-winning"),
        "swing-count": lambda g: co.coalition_counts(g, "swing"),
    }
    game = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])
    result = run("--quota", "12", "--weights", "4,4,4,2,2,1", "--index", ",".join(names), "--json")
    assert result.exit_code == 0, result.output
    indices = json.loads(result.stdout)["indices"]
    for name, function in names.items():
        expected = function(game).to_dict()["x"]
        assert indices[name] == expected, name
    assert indices["colomer-martinez"]["4"] == "1/8" and indices["swing-count"]["1"] == 10
    table = run("--quota", "12", "--weights", "4,4,4,2,2,1", "--index", "xi,bcs,kb")
    assert table.exit_code == 0 and "PHI xi" in table.output and "BCS" in table.output
    everything = json.loads(run("eec-council", "--index", "all", "--json").stdout)["indices"]
    assert {"felsenthal", "public-help", "nevison"} <= set(everything)
    assert "winning-count" not in everything  # counts are asked for by name


def test_unions_give_the_indices_with_a_priori_unions():
    g8 = "US,JP,DE,FR,UK,IT,CA,RU"
    result = run(
        "--quota", "8", "--weights", "1,1,1,1,1,1,1,1", "--players", g8,
        "-u", "US,JP,DE,FR,UK,IT,CA", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document["indices"]) == {"owen", "banzhaf-owen"}
    assert document["indices"]["owen"]["RU"] == "1/2"  # seven against one
    result = run(
        "un-security-council", "-u", "China,Russian Federation", "--index", "all", "--json"
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert len(document["indices"]) == 8 and "threat-public-good-3" in document["indices"]


def test_unions_are_refused_with_abstention():
    result = runner.invoke(
        app, ["power", "--quota", "3", "--weights", "1,1,1", "--abstention", "half", "-u", "1,2"]
    )
    assert result.exit_code == 2 and "--union goes with yes/no votes" in result.output

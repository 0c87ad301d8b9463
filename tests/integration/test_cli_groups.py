"""``karsaz groups list`` and ``karsaz groups shareout`` on a demo office."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.services.demo import make_demo_office


def test_groups_list_and_shareout_as_json(db, fixed_clock, capsys) -> None:
    make_demo_office(db, clients=400, groups=3)
    url = ["--database-url", db.engine.url.render_as_string(hide_password=False)]
    assert main([*url, "groups", "list", "--kind", "microfinance", "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert [g["code"] for g in groups] == ["MF-0707-0001", "MF-0707-0002", "MF-0707-0003"]
    assert set(groups[0]) >= {"code", "name", "members", "savings", "grade"}
    assert all(g["grade"] in "ABC" and g["savings"] > 0 for g in groups)
    assert main([*url, "groups", "shareout", "mf-0707-0002", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    payouts = [m["payout"] for m in preview["members"]]
    assert sum(payouts) == preview["distributable"] and min(payouts) >= 0
    assert abs(preview["value_per_share"] * sum(m["shares"] for m in preview["members"])
               - preview["distributable"]) < sum(m["shares"] for m in preview["members"])
    assert all(len(m["national_code"]) in (0, 10) for m in preview["members"])


def test_an_unknown_group_is_explained(db, fixed_clock, capsys) -> None:
    make_demo_office(db, clients=100, groups=1)
    url = ["--database-url", db.engine.url.render_as_string(hide_password=False)]
    assert main([*url, "groups", "shareout", "MF-0000-9999"]) != 0
    assert "گروه وجود ندارد" in capsys.readouterr().err


def test_womens_groups_list_as_json(db, fixed_clock, capsys, tmp_path) -> None:
    make_demo_office(db, clients=400, groups=2, cases=False)
    url = ["--database-url", db.engine.url.render_as_string(hide_password=False)]
    assert main([*url, "groups", "list", "--kind", "womens", "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert [g["code"] for g in groups] == ["CO-0707-0001", "CO-0707-0002", "MH-0707-0001",
                                           "MH-0707-0002"]
    assert {g["kind"] for g in groups} == {"mutual_help", "client_cooperative",
                                           "women_cooperative"}
    assert all(g["members"] >= g["female_heads"] > 0 and g["sales_12m"] > g["income_paid_12m"]
               > 0 and "grade" not in g for g in groups)
    assert main([*url, "groups", "list", "--kind", "mutual_help", "--json"]) == 0
    assert [g["code"] for g in json.loads(capsys.readouterr().out)] == [
        "MH-0707-0001", "MH-0707-0002"]
    assert main([*url, "groups", "list", "--json"]) == 0
    assert [g["code"] for g in json.loads(capsys.readouterr().out)] == [
        "MF-0707-0001", "MF-0707-0002"]
    assert main([*url, "groups", "list", "--kind", "womens"]) == 0
    assert "گروه همیار بانوان" in capsys.readouterr().out
    assert main([*url, "groups", "shareout", "MH-0707-0001"]) != 0
    assert "تأمین مالی خرد نیست" in capsys.readouterr().err
    out = tmp_path / "register.pdf"
    assert main([*url, "groups", "print", "CO-0707-0001", "--document", "register",
                 "--out", str(out)]) != 0
    assert "CO-0707-0001" in capsys.readouterr().err and not out.exists()

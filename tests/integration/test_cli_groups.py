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

"""Thresholds are settings: an installation changes a rule without touching code."""
from datetime import date

import pytest

from devparty_admin.config import load_config
from devparty_admin.testing.workflow import reasons, vote
from devparty_admin.workflow.rules import Rules, current_rules


def test_rules_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DEVPARTY_RULES", '{"max_age_years": 65}')
    assert load_config(str(tmp_path))["DEVPARTY_RULES"] == {"max_age_years": 65}
    monkeypatch.setenv("DEVPARTY_RULES", "{not json")
    with pytest.raises(SystemExit, match="DEVPARTY_RULES is not valid JSON"):
        load_config(str(tmp_path))


@pytest.mark.parametrize("overrides, message", [
    ({"max_age_year": 65}, "unknown rule max_age_year; the rules are "),
    ({"max_age_years": "65"}, "max_age_years must be whole numbers"),
])
def test_a_wrong_rule_setting_stops_the_start(overrides, message, tmp_path):
    from devparty_admin import create_app
    with pytest.raises(SystemExit, match=message):
        create_app({"TESTING": True, "SECRET_KEY": "x", "DEVPARTY_RULES": overrides,
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})


def test_a_changed_threshold_changes_the_guard(branch, db, app, monkeypatch):
    branch.candidate.date_of_birth = date(1962, 1, 1)  # 63 on the vote date
    db.session.commit()
    assert any("văn bản đồng ý" in r for r in reasons(branch, vote(branch.unit)))
    monkeypatch.setitem(app.config, "DEVPARTY_RULES", {"max_age_years": 65})
    assert current_rules() == Rules(max_age_years=65)
    assert not any("tuổi" in r for r in reasons(branch, vote(branch.unit)))


@pytest.mark.parametrize("vote_day, regulation", [
    (date(2025, 6, 30), "Quy định 232-QĐ/TW"),   # the last day of 232-QĐ/TW …
    (date(2025, 7, 1), "Quy định 294-QĐ/TW"),    # … the first of 294-QĐ/TW
    (date(2024, 12, 2), "Quy định 24-QĐ/TW"),
])
def test_a_step_is_judged_by_the_rule_set_of_its_date(branch, db, vote_day, regulation):
    from devparty_admin.workflow.rules import rules_on

    branch.candidate.date_of_birth = date(1960, 1, 1)  # above 60 on every one of these days
    db.session.commit()
    assert rules_on(vote_day).regulation == regulation
    found = [r for r in reasons(branch, vote(branch.unit, day=vote_day)) if "60 tuổi" in r]
    assert found and found[0].endswith(f"({regulation}).")


def test_installation_overrides_apply_to_every_rule_set(app, monkeypatch):
    from devparty_admin.workflow.rules import rules_on

    monkeypatch.setitem(app.config, "DEVPARTY_RULES", {"max_age_years": 65})
    with app.app_context():
        assert {rules_on(day).max_age_years for day in (date(2024, 1, 1), date(2026, 1, 1))} == {65}

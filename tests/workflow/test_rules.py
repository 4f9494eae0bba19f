"""Thresholds are settings: an installation changes a rule without touching code."""
from datetime import date

import pytest

from devparty_admin.config import load_config
from devparty_admin.workflow.rules import Rules, current_rules
from tests.workflow_fixtures import reasons, vote


def test_rules_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DEVPARTY_RULES", '{"max_age_years": 65, "unknown": 1}')
    assert load_config(str(tmp_path))["DEVPARTY_RULES"] == {"max_age_years": 65, "unknown": 1}
    monkeypatch.setenv("DEVPARTY_RULES", "{not json")
    with pytest.raises(SystemExit, match="DEVPARTY_RULES is not valid JSON"):
        load_config(str(tmp_path))


def test_a_changed_threshold_changes_the_guard(branch, db, app, monkeypatch):
    branch.candidate.date_of_birth = date(1962, 1, 1)  # 63 on the vote date
    db.session.commit()
    assert any("văn bản đồng ý" in r for r in reasons(branch, vote(branch.unit)))
    monkeypatch.setitem(app.config, "DEVPARTY_RULES", {"max_age_years": 65})
    assert current_rules() == Rules(max_age_years=65)
    assert not any("tuổi" in r for r in reasons(branch, vote(branch.unit)))

"""The procuracy plugin: its fields, and last year's evaluation at least 'hoàn thành tốt'."""
import re

import pytest

from devparty_admin.testing.workflow import in_sector, reasons, vote

RULE = "Kết quả đánh giá, xếp loại năm trước phải từ “Hoàn thành tốt nhiệm vụ” trở lên"


@pytest.fixture
def procuracy(branch, db):
    return in_sector(branch, db, "procuracy")


@pytest.mark.parametrize("evaluation,passes", [
    (None, False), ("done", False), ("good", True), ("excellent", True)])
def test_last_years_evaluation(procuracy, db, evaluation, passes):
    from plugins.procuracy.models import ProcuracyProfile
    if evaluation:
        db.session.add(ProcuracyProfile(candidate=procuracy.candidate, evaluation=evaluation))
        db.session.commit()
    found = [r for r in reasons(procuracy, vote(procuracy.unit)) if RULE in r]
    assert (found == []) == passes


def test_the_minimum_is_a_setting(procuracy, db, app, monkeypatch):
    from plugins.procuracy.models import ProcuracyProfile
    db.session.add(ProcuracyProfile(candidate=procuracy.candidate, evaluation="done"))
    db.session.commit()
    monkeypatch.setitem(app.extensions["devparty_plugin_settings"]["procuracy"],
                        "min_evaluation", "done")
    assert not any("đánh giá, xếp loại" in r for r in reasons(procuracy, vote(procuracy.unit)))


def test_procuracy_fields_on_the_form(procuracy, login_as):
    html = login_as(procuracy.branch_user).get(
        f"/admin/candidate/edit/?id={procuracy.candidate.id}").get_data(as_text=True)
    assert set(re.findall(r'name="(procuracy__\w+)"', html)) == {
        "procuracy__position", "procuracy__evaluation", "procuracy__evaluation_year",
        "procuracy__emulation_title", "procuracy__campaign"}
    assert "Kiểm sát viên trung cấp" in html and "Chiến sĩ thi đua cơ sở" in html

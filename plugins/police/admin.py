"""The vetting screen: recorded only by holders of the plugin's vetting permission."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from devparty_admin.admin.base import CandidateNameSearch, ScopedModelView
from devparty_admin.admin.development import CANDIDATE_PICKER
from devparty_admin.admin.forms import NotBlank

from . import VETTING
from .models import PoliceVetting
from .rules import VETTING_RESULTS


class VettingView(CandidateNameSearch, ScopedModelView):
    resource = VETTING
    choice_columns = {"result": VETTING_RESULTS}
    column_list = ["candidate", "result", "vetted_on", "document_number", "recorded_by"]
    column_labels = {"candidate": _l("Quần chúng"), "result": _l("Kết quả"), "vetted_on": _l("Ngày thẩm tra"),
                     "document_number": _l("Số văn bản"), "recorded_by": _l("Người ghi nhận")}
    form_columns = ["candidate", "result", "vetted_on", "document_number"]
    form_ajax_refs = {"candidate": CANDIDATE_PICKER}
    form_args = {"candidate": {"validators": [NotBlank(_l("Vui lòng chọn quần chúng thuộc đơn vị."))]},
                 "vetted_on": {"validators": [NotBlank(_l("Vui lòng nhập ngày thẩm tra."))]}}

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [PoliceVetting.candidate, PoliceVetting.recorded_by]
        super().__init__(model, **kwargs)

    def on_model_change(self, form, vetting, is_created):
        vetting.recorded_by_id = current_user.id


def views() -> list[ScopedModelView]:
    return [VettingView(PoliceVetting, name=_l("Thẩm tra chính trị"), endpoint="police_vetting")]

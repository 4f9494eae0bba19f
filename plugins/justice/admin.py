"""The monthly reviews screen: each justice branch records the meeting that reviewed its
sympathizers; a month without one raises an alert."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from devparty_admin.admin.base import ScopedModelView
from devparty_admin.admin.forms import NotBlank
from devparty_admin.admin.people import ORGANIZATION_PICKER

from . import REVIEW
from .models import JusticeMonthlyReview


def _month(view, context, review, name):
    return review.month.strftime("%m/%Y")


class MonthlyReviewView(ScopedModelView):
    resource = REVIEW
    column_list = ["organization", "month", "reviewed_on", "note"]
    column_labels = {"organization": _l("Chi bộ"), "month": _l("Tháng"),
                     "reviewed_on": _l("Ngày họp xem xét"), "note": _l("Nội dung, kết quả")}
    column_formatters = {"month": _month}
    column_default_sort = [("month", True)]
    form_columns = ["organization", "reviewed_on", "note"]
    form_ajax_refs = {"organization": ORGANIZATION_PICKER}
    form_args = {"organization": {"validators": [NotBlank(_l("Vui lòng chọn chi bộ thuộc đơn vị."))]},
                 "reviewed_on": {"validators": [NotBlank(_l("Vui lòng nhập ngày họp xem xét."))]}}

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [JusticeMonthlyReview.organization]
        super().__init__(model, **kwargs)

    def on_model_change(self, form, review, is_created):
        """The review counts for the month of its meeting (one per branch and month)."""
        review.month = review.reviewed_on.replace(day=1)


def views() -> list[ScopedModelView]:
    return [MonthlyReviewView(JusticeMonthlyReview, name=_l("Xem xét cảm tình Đảng hằng tháng"),
                              endpoint="justice_review")]

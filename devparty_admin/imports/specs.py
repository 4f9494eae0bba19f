"""What each kind of import holds: its model, its columns and the permission it needs."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from flask_babel import force_locale
from sqlalchemy import Date, String

from ..models import Candidate, Member
from ..models.choices import (
    EDUCATION_LEVELS,
    GENDERS,
    MEMBER_STATUSES,
    OCCUPATIONS,
    QUALIFICATIONS,
    SOURCES,
)
from ..plugins.extension import CandidateExtension
from .columns import Column, as_text, birth_date, coded, national_id, past_date, phone, text, yes_no

NAME = Column("Họ và tên", "full_name", text(200), required=True, sample="Nguyễn Văn An")
GENDER = coded("Giới tính", "gender", GENDERS, "male")
BIRTH = Column("Ngày sinh", "date_of_birth", birth_date, required=True, sample=date(1998, 5, 17))
CCCD = Column("Số CCCD", "national_id", national_id, required=True, sample="001098012345")
UNIT = Column("Mã tổ chức đảng", "organization", text(50), required=True, sample="STP-01")


@dataclass(frozen=True)
class ImportSpec:
    kind: str
    model: type
    title: str
    columns: tuple[Column, ...]
    extensions: tuple[CandidateExtension, ...] = ()  # a sector's fields, after the core's

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def sample_cells(self) -> list[str]:
        """The template's example row as the importer reads it back."""
        return [as_text(column.sample_text()) for column in self.columns]

    def is_sample(self, cells: list[str], sample: list[str]) -> bool:
        """A row left from the template: its name and CCCD are the example's."""
        fields = [column.field for column in self.columns]
        return all(cells[fields.index(name)].strip() == sample[fields.index(name)]
                   for name in ("full_name", "national_id"))


SPECS = {
    "candidate": ImportSpec("candidate", Candidate, "Quần chúng", (
        NAME, GENDER, BIRTH, CCCD, UNIT,
        Column("Dân tộc", "ethnicity", text(50), sample="Kinh"),
        Column("Tôn giáo", "religion", text(50), sample="Không"),
        Column("Điện thoại", "phone", phone, sample="0912345678"),
        Column("Nơi ở hiện nay", "residence_address", text(300), sample="Thôn 1, xã Trường Sơn"),
        coded("Giáo dục phổ thông", "education_level", EDUCATION_LEVELS, "upper_secondary"),
        coded("Trình độ chuyên môn", "qualification", QUALIFICATIONS, "bachelor"),
        coded("Nghề nghiệp", "occupation", OCCUPATIONS, "civil_servant"),
        coded("Nguồn", "source", SOURCES, "youth_union"),
        Column("Đoàn viên", "youth_union_member", yes_no, sample="Có"),
        Column("Ghi chú", "notes", text(2000)),
    )),
    "member": ImportSpec("member", Member, "Đảng viên", (
        NAME, GENDER, BIRTH, CCCD, UNIT,
        coded("Tình trạng", "status", MEMBER_STATUSES, "official", required=True),
        Column("Ngày quyết định kết nạp", "admission_date", past_date, sample=date(2020, 3, 2)),
        Column("Ngày kết nạp (lễ)", "ceremony_date", past_date, sample=date(2020, 3, 16)),
        Column("Ngày công nhận chính thức", "official_date", past_date, sample=date(2021, 3, 16)),
        Column("Số thẻ đảng viên", "party_card_number", text(20), sample="12345678"),
    )),
}


def sector_columns(extension: CandidateExtension) -> list[Column]:
    """A sector plugin's fields as import columns: coded ones by their labels, dates, text.
    Headers are Vietnamese like the core's, whatever the interface language."""
    columns = []
    for name in extension.fields:
        with force_locale("vi"):
            header = str(extension.labels.get(name, name))
        field = extension.form_name(name)
        kind = extension.model.__table__.c[name].type
        if name in extension.choices:
            choices = extension.choices[name]
            columns.append(coded(header, field, choices, choices.codes[0]))
        elif isinstance(kind, Date):
            columns.append(Column(header, field, past_date))
        else:
            columns.append(Column(header, field, text(getattr(kind, "length", None) or 200
                                                       if isinstance(kind, String) else 200)))
    return columns


def spec_for(kind: str, sector: str | None, extensions: list[CandidateExtension]) -> ImportSpec:
    """The import of ``kind`` for a user of ``sector``: candidates of a sector carry its
    enabled plugin's fields too (a user above the sectors imports the core's columns)."""
    spec = SPECS[kind]
    mine = tuple(e for e in extensions if kind == "candidate" and sector is not None
                 and e.sector == sector)
    if not mine:
        return spec
    return replace(spec, columns=spec.columns + tuple(c for e in mine for c in sector_columns(e)),
                   extensions=mine)

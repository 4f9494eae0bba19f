"""Papers printed from the record (.docx, filled by docxtpl from Word templates).

Each paper has a code (its KNĐ form number where it has one), what it is about (a person, an
act or a class) and a builder in ``records`` that reads its context from the database. The
template is looked up by code, first in the installation's override folder
(``DEVPARTY_PAPER_DIR``), then in the plugin's folder for a plugin's paper, then among the
shipped templates: an office changes a paper's wording by dropping a ``<code>.docx`` there.
Papers are always in Vietnamese, whatever the user's interface language.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate
from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from . import records
from .layout import TEMPLATES

PERSON, ACT, CLASS, TRANSFER = "candidate", "act", "class", "transfer"


@dataclass(frozen=True)
class Paper:
    """One printable paper. ``build(subject)`` returns its context, or None when the record
    does not hold it yet. ``reached`` is the stage a person must have reached for it (None:
    always offered); ``folder`` is a plugin's own templates folder."""

    code: str
    label: object
    about: str
    build: Callable[[object], dict | None]
    reached: str | None = None
    folder: Path | None = None

    @property
    def file_name(self) -> str:
        return f"{self.code}.docx"


CORE_PAPERS = (
    Paper("1-KND", _l("Application for admission (1-KNĐ), pre-filled"), PERSON, records.application),
    Paper("2-KND", _l("Biography (2-KNĐ), pre-filled"), PERSON, records.biography),
    Paper("6-KND", _l("Branch resolution proposing admission (6-KNĐ)"), PERSON,
          records.admission_proposal, reached="proposed"),
    Paper("8-KND", _l("Grassroots committee resolution (8-KNĐ)"), PERSON,
          records.grassroots_resolution, reached="proposed"),
    Paper("9-KND", _l("Admission decision (9-KNĐ)"), PERSON, records.admission_decision,
          reached="admitted"),
    Paper("BB-KN", _l("Record of the admission ceremony"), PERSON, records.ceremony_record,
          reached="probationary"),
    Paper("13-KND", _l("Branch resolution proposing recognition (13-KNĐ)"), PERSON,
          records.recognition_proposal, reached="recognition_proposed"),
    Paper("QD-CT", _l("Decision recognizing the official member"), PERSON,
          records.recognition_decision, reached="official"),
    Paper("NQ-CB", _l("Monthly branch resolution on the sympathizer list"), ACT,
          records.monthly_resolution),
    Paper("DS-LOP", _l("Class enrolment list"), CLASS, records.class_list),
    Paper("GT-CSH", _l("Introduction of a transferred person"), TRANSFER,
          records.transfer_introduction),
)


class PaperUnavailable(LookupError):
    """The record does not hold this paper (yet), or no such paper exists."""


def all_papers() -> dict[str, Paper]:
    """The core's papers and those of the enabled plugins (``papers`` hook), by code."""
    from ..plugins.loader import plugins

    found = {paper.code: paper for paper in CORE_PAPERS}
    for provided in plugins().hook("papers")():
        found.update({paper.code: paper for paper in provided or []})
    return found


def papers_about(about: str) -> list[Paper]:
    return [paper for paper in all_papers().values() if paper.about == about]


def template_of(paper: Paper) -> Path:
    override = Path(current_app.config["DEVPARTY_PAPER_DIR"]) / paper.file_name
    if override.is_file():
        return override
    if paper.folder is not None and (paper.folder / paper.file_name).is_file():
        return paper.folder / paper.file_name
    return TEMPLATES / paper.file_name


def render(paper: Paper, subject) -> bytes:
    """The filled .docx, or PaperUnavailable when the record does not hold it."""
    with force_locale("vi"):
        context = paper.build(subject)
    if context is None:
        raise PaperUnavailable(paper.code)
    document = DocxTemplate(str(template_of(paper)))
    document.render(context, autoescape=True)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def find(code: str, about: str) -> Paper:
    paper = all_papers().get(code)
    if paper is None or paper.about != about:
        raise PaperUnavailable(code)
    return paper

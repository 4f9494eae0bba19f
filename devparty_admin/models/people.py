"""People on the development path (Candidate) and party members (Member)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text, insert, text
from sqlalchemy.orm import (
    Mapped,
    declared_attr,
    mapped_column,
    query_expression,
    relationship,
    validates,
)

from ..extensions import db
from ..vietnamese import SORT_KEY_LENGTH, fold, name_sort_key, normalize_spaces
from .organizations import Organization
from .types import BinaryString


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def name_columns(full_name: str) -> dict[str, str]:
    """The stored forms of a name: itself tidied, folded from the family name and from the given
    name (both searched by prefix), and the Vietnamese sort key. Bulk inserts use this too."""
    name = normalize_spaces(full_name)
    words = fold(name).split(" ")
    return {
        "full_name": name,
        "name_folded": " ".join(words),
        "given_folded": " ".join([words[-1], *words[:-1]]),
        "sort_key": name_sort_key(name),
    }


def middle_rotations(full_name: str) -> list[str]:
    """The folded name read from each middle word ("thanh an nguyen" for "Nguyễn Thành An"):
    with ``name_folded`` (from the family name) and ``given_folded`` (from the given name), a
    prefix of one of them finds a person by any word of the name."""
    words = fold(normalize_spaces(full_name)).split(" ")
    return [" ".join([*words[i:], *words[:i]]) for i in range(1, len(words) - 1)]


class Person:
    """Columns every person record has; the name keeps its folded and sortable forms in step."""

    full_name: Mapped[str] = mapped_column(String(200))
    # "nguyen van an" and "an nguyen van": a prefix of either finds the person, through an
    # index that also holds the sort key and the unit (``name_indexes``).
    name_folded: Mapped[str] = mapped_column(BinaryString(200), default="")
    given_folded: Mapped[str] = mapped_column(BinaryString(200), default="")
    sort_key: Mapped[str] = mapped_column(BinaryString(SORT_KEY_LENGTH), default="")
    gender: Mapped[str | None] = mapped_column(String(10))
    date_of_birth: Mapped[date | None] = mapped_column(Date, index=True)
    national_id: Mapped[str | None] = mapped_column(BinaryString(12), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    @declared_attr
    def organization_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("organization.id"), index=True)

    @declared_attr
    def organization(cls) -> Mapped[Organization]:
        return relationship(Organization)

    @validates("full_name")
    def _keep_name_forms(self, _key: str, value: str) -> str:
        forms = name_columns(value)
        if (forms["name_folded"], forms["sort_key"]) != (self.name_folded, self.sort_key):
            word = name_word_model(type(self))
            self.name_words = [word(words=words, sort_key=forms["sort_key"])
                               for words in middle_rotations(value)]
        self.name_folded, self.given_folded = forms["name_folded"], forms["given_folded"]
        self.sort_key = forms["sort_key"]
        return forms["full_name"]

    @validates("national_id")
    def _strip_national_id(self, _key: str, value: str | None) -> str | None:
        value = (value or "").strip()
        return value or None

    def __str__(self) -> str:
        return self.full_name


HEAD_LETTERS = 2  # the first letters of a folded name that ``head_index`` files people by


def head_of(column: str) -> str:
    """SQL of the first ``HEAD_LETTERS`` letters of a folded name column, written the same in
    the index and in the search (SQLite matches an indexed expression by its text)."""
    return f"substr({column}, 1, {HEAD_LETTERS})"


def head_index(table: str, column: str, *carried: str) -> Index:
    """People whose folded ``column`` starts with the same two letters, in list order: a
    search for a common name ("lan", "nguyen") reads its first page of matches here, in
    order, instead of ordering every match of its range (``admin.search``)."""
    return Index(f"ix_{table}_{column}_head", text(head_of(column)), "sort_key", *carried, column)


def name_indexes(table: str, *grouped: str) -> tuple[Index, ...]:
    """A search's prefix ranges on the folded name, each holding what the list needs to order
    and scope the matches without reading the people's rows (``admin.search``); the id too,
    which PostgreSQL's indexes do not hold otherwise. ``grouped``: columns put after the
    family-name form, so that the data health report groups a candidate's records by name and
    birth date in this index's order (one index instead of two, each costing imports time).
    Each range also has its ``head_index``."""
    return (Index(f"ix_{table}_name_folded_sort", "name_folded", *grouped, "sort_key",
                  "organization_id", "id"),
            Index(f"ix_{table}_given_folded_sort", "given_folded", "sort_key", "organization_id",
                  "id"),
            *(head_index(table, column, "id", "organization_id")
              for column in ("name_folded", "given_folded")))


class Candidate(Person, db.Model):
    """A person on the development path, from quần chúng ưu tú to đảng viên chính thức."""

    __tablename__ = "candidate"
    __table_args__ = (
        *name_indexes("candidate", "date_of_birth", "stage"),
        Index("ix_candidate_org_sort", "organization_id", "sort_key", "id"),
        Index("ix_candidate_sort_unit", "sort_key", "organization_id", "id"),
        Index("ix_candidate_stage_sort", "stage", "sort_key"),
        # The dashboard counts each kind of alert over a range of this one (and the candidates
        # by stage with the narrower index on the stage alone).
        Index("ix_candidate_stage_dates", "stage", "stage_entered_on", "certified_on",
              "organization_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    place_of_birth: Mapped[str | None] = mapped_column(String(200))
    hometown: Mapped[str | None] = mapped_column(String(200))
    ethnicity: Mapped[str | None] = mapped_column(String(50), default="Kinh")
    religion: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(20))
    residence_address: Mapped[str | None] = mapped_column(String(300))
    education_level: Mapped[str | None] = mapped_column(String(30))
    qualification: Mapped[str | None] = mapped_column(String(30))
    theory_level: Mapped[str | None] = mapped_column(String(30))
    occupation: Mapped[str | None] = mapped_column(String(30))
    position: Mapped[str | None] = mapped_column(String(200))
    workplace: Mapped[str | None] = mapped_column(String(200))
    youth_union_member: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str | None] = mapped_column(String(30), index=True)
    introducing_organization: Mapped[str | None] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(20), default="source", index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # Written exceptions the rules allow (age above 60; primary education in listed areas).
    # Exceptions the rules allow only in writing: the document (number), who issued it, when.
    # Above 60: the provincial standing committee's consent; primary education: the areas the
    # rules list (mountains, borders, islands, ethnic-minority areas).
    # A second record of the same person, merged into this one (its history stays on it and is
    # read with the kept record's).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"), index=True)
    # Whether a step or a field change is recorded for the person: read only with a list
    # page's rows (``workflow.history.history_recorded``), None otherwise.
    history_recorded: Mapped[bool | None] = query_expression()
    age_exception: Mapped[str | None] = mapped_column(String(300))
    age_exception_by: Mapped[str | None] = mapped_column(String(200))
    age_exception_on: Mapped[date | None] = mapped_column(Date)
    education_exception: Mapped[str | None] = mapped_column(String(300))
    education_exception_by: Mapped[str | None] = mapped_column(String(200))
    education_exception_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(default=1)
    # The dates the deadline alerts are decided by, derived from the steps and the classes and
    # written only by ``workflow.alert_dates`` (never a form field): when the candidate entered
    # its current stage, and its latest awareness-class certificate.
    stage_entered_on: Mapped[date | None] = mapped_column(Date)
    certified_on: Mapped[date | None] = mapped_column(Date)

    name_words: Mapped[list[CandidateNameWord]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class Member(Person, db.Model):
    """A party member (đảng viên) of a unit; helpers and introducers are members."""

    __tablename__ = "member"
    __table_args__ = (
        *name_indexes("member"),
        Index("ix_member_org_sort", "organization_id", "sort_key", "id"),
        Index("ix_member_sort_unit", "sort_key", "organization_id", "id"),
        Index("ix_member_status_sort", "status", "sort_key"),
        Index("ix_member_status_unit", "status", "organization_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="official")
    admission_date: Mapped[date | None] = mapped_column(Date)
    ceremony_date: Mapped[date | None] = mapped_column(Date)
    official_date: Mapped[date | None] = mapped_column(Date)
    party_card_number: Mapped[str | None] = mapped_column(String(20))
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"), unique=True)
    # Whether the member helps or introduces someone: read only with a list page's rows
    # (``admin.people.MemberView.list_options``), None otherwise.
    sponsoring: Mapped[bool | None] = query_expression()

    candidate: Mapped[Candidate | None] = relationship()
    name_words: Mapped[list[MemberNameWord]] = relationship(cascade="all, delete-orphan")


class NameWord:
    """One middle-word reading of a person's folded name (see ``middle_rotations``), with the
    person's sort key, indexed so that a prefix search over it is an index range already
    holding the order of the list."""

    id: Mapped[int] = mapped_column(primary_key=True)
    words: Mapped[str] = mapped_column(BinaryString(200))
    # The person's own sort key, rewritten with the words whenever the name changes.
    sort_key: Mapped[str] = mapped_column(BinaryString(SORT_KEY_LENGTH), default="")


def name_word_indexes(table: str) -> tuple[Index, ...]:
    """A wide search reads a prefix range of words already holding the sort key and the
    person; a narrow one asks, person by person, whether one of their words matches."""
    return (Index(f"ix_{table}_words_sort", "words", "sort_key", "person_id"),
            Index(f"ix_{table}_person_words", "person_id", "words"),
            head_index(table, "words", "person_id"))


class CandidateNameWord(NameWord, db.Model):
    __tablename__ = "candidate_name_word"
    __table_args__ = name_word_indexes("candidate_name_word")

    person_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))


class MemberNameWord(NameWord, db.Model):
    __tablename__ = "member_name_word"
    __table_args__ = name_word_indexes("member_name_word")

    person_id: Mapped[int] = mapped_column(ForeignKey("member.id"))


def name_word_model(model):
    """The table of ``model``'s middle-word readings (``CandidateNameWord``, ``MemberNameWord``)."""
    return model.name_words.property.mapper.class_


def name_word_rows(pk: int, name: str) -> list[dict]:
    """A person's middle-word readings as rows for a bulk insert (imports, the benchmark)."""
    key = name_sort_key(name)
    return [{"person_id": pk, "words": words, "sort_key": key}
            for words in middle_rotations(name)]


def insert_name_words(model, people: list[tuple[int, str]]) -> None:
    """The middle-word readings of people written by bulk inserts (imports), not the ORM."""
    word = name_word_model(model)
    rows = sorted((row for pk, name in people for row in name_word_rows(pk, name)),
                  key=lambda row: row["words"])  # into the words' index side by side
    if rows:
        db.session.execute(insert(word), rows)

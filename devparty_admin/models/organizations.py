"""The party organization tree, with a materialized path so a subtree is one prefix range."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, bindparam, event, func, select, update
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship, validates
from sqlalchemy.orm.attributes import get_history, set_committed_value
from sqlalchemy.sql.elements import BindParameter

from ..extensions import db
from ..vietnamese import fold, normalize_spaces, prefix_upper_bound
from .types import BinaryString

PATH_DIGITS = 7  # ten million organizations; 255 characters hold 31 levels


class TreeError(ValueError):
    """Raised when a move would put an organization under itself or its own descendant."""


class Organization(db.Model):
    """A node of the tree: Đảng bộ tỉnh, Đảng bộ cơ sở, Chi bộ …; levels are data, not code."""

    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(BinaryString(200), default="")
    code: Mapped[str | None] = mapped_column(String(50), unique=True)
    level: Mapped[str] = mapped_column(String(100), default="")
    sector: Mapped[str | None] = mapped_column(String(50), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    # "/0000001/0000007/0000042/": ids from the root down to this node, zero-padded so that
    # ordering by path lists the tree depth-first with siblings in creation order.
    # Maintained by the flush events below.
    path: Mapped[str] = mapped_column(BinaryString(255), default="", index=True)
    staff_count: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    # Who decides admission and recognition (cấp ủy có thẩm quyền) is data on the tree: the
    # nearest committee above a branch that decides, or that the deciding committee delegated
    # to (from the delegation's date). A đảng bộ cơ sở that does not decide adopts its own
    # resolution (8-KNĐ) between its branch's proposal and the decision.
    decides_admission: Mapped[bool] = mapped_column(default=False)
    grassroots: Mapped[bool] = mapped_column(default=False)
    delegated_on: Mapped[date | None] = mapped_column(Date)
    delegation_act: Mapped[str | None] = mapped_column(String(100))
    # The place name printed before the date of its papers ("Thanh Hóa, ngày …"); a unit
    # without one uses its nearest ancestor's.
    place: Mapped[str | None] = mapped_column(String(100))
    # A unit's life: ended (merged into another, …) on a date by a recorded change; an ended
    # unit keeps its history and holds no one.
    ended_on: Mapped[date | None] = mapped_column(Date)
    established_on: Mapped[date | None] = mapped_column(Date)
    # Whether every unit of the tree lies under this one, when it was loaded with
    # ``security.scoping.whole_tree`` (a signed-in user's home unit); None otherwise.
    whole_tree: Mapped[bool | None] = query_expression()

    parent: Mapped[Organization | None] = relationship(
        remote_side=[id], back_populates="children"
    )
    children: Mapped[list[Organization]] = relationship(back_populates="parent")

    def __str__(self) -> str:
        return self.name

    @validates("name")
    def _keep_folded_name(self, _key: str, value: str) -> str:
        value = normalize_spaces(value)
        self.name_folded = fold(value)
        return value

    @property
    def depth(self) -> int:
        """0 for a root, 1 for its children, …"""
        return max(self.path.count("/") - 2, 0)

    def path_segment(self) -> str:
        return f"{self.id:0{PATH_DIGITS}d}/"

    def contains(self, other: Organization | None) -> bool:
        """True when ``other`` is this organization or one of its descendants."""
        return other is not None and bool(self.path) and other.path.startswith(self.path)


def subtree_condition(path, column=None, bound=None):
    """SQL condition "organization path lies under ``path``", as an index-friendly range
    (on ``column``, a path column; default the organization's own). ``path`` and ``bound``
    (the range's end, worked out from ``path`` by default) may be SQL parameters; a path
    given as parameter ``key`` without its end has it as parameter ``key_bound``."""
    column = Organization.path if column is None else column
    if bound is None:
        bound = (bindparam(f"{path.key}_bound", type_=String) if isinstance(path, BindParameter)
                 else prefix_upper_bound(path))
    return (column >= path) & (column < bound)


def subtree_ids(path: str):
    """Sub-select of the ids of the organizations under ``path`` (itself included)."""
    return select(Organization.id).where(subtree_condition(path))


def _parent_path(connection, parent_id: int | None) -> str:
    if parent_id is None:
        return "/"
    return connection.execute(
        select(Organization.path).where(Organization.id == parent_id)
    ).scalar_one()


@event.listens_for(Organization, "after_insert")
def _set_path_on_insert(_mapper, connection, org: Organization) -> None:
    """The path needs the new id, so it is written right after the INSERT."""
    path = _parent_path(connection, org.parent_id) + org.path_segment()
    connection.execute(update(Organization).where(Organization.id == org.id).values(path=path))
    set_committed_value(org, "path", path)


@event.listens_for(Organization, "before_update")
def _refuse_cycles(_mapper, connection, org: Organization) -> None:
    if org.parent_id is None or not org.path:
        return
    parent_path = _parent_path(connection, org.parent_id)
    if parent_path.startswith(org.path):
        raise TreeError(org.name)


@event.listens_for(Organization, "after_update")
def _move_subtree(_mapper, connection, org: Organization) -> None:
    """On a move, rewrite the path of the node and of all its descendants in one UPDATE."""
    if not get_history(org, "parent_id").has_changes():
        return
    old = org.path
    new = _parent_path(connection, org.parent_id) + org.path_segment()
    if old == new:
        return
    connection.execute(
        update(Organization)
        .where(subtree_condition(old))
        .values(path=new + func.substr(Organization.path, len(old) + 1))
    )
    set_committed_value(org, "path", new)

"""How typed words find records: the list's search box, pickers, and a search's page of people.

Names are matched on stored folded columns (accents optional) by prefix ranges, which both
engines answer from an index. Within a wide scope (a province) a search's page of people is
ordered and limited inside those indexes (``FoldedSearch.ordered_matches``): the folded-name
indexes hold the sort key and the unit, each middle-word reading its person's sort key, so only
the page's rows are read however many people match.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import Select, bindparam, exists, func, literal_column, or_, select, union

from ..extensions import db
from ..models import Candidate
from ..models.people import HEAD_LETTERS, name_word_model
from ..security.scoping import narrow_scope, scope_shape
from ..vietnamese import fold, prefix_upper_bound
from .counting import count_union

# A kept statement's search (``ScopedModelView._kept_page``): the folded term and its range's
# end as parameters (``search_values``).
SEARCH_TERM, SEARCH_BOUND = bindparam("search_term"), bindparam("search_term_bound")
SEARCH_HEAD = bindparam("search_head")  # its first letters (``filed_under``)


def folded_prefix(column, term, bound=None):
    """``column`` (stored folded) starts with ``term``: an index range, not a LIKE. ``term``
    and ``bound`` (the range's end, from ``term`` by default) may be parameters."""
    return (column >= term) & (column < (prefix_upper_bound(term) if bound is None else bound))


def search_values(search: str) -> dict:
    """The parameters of a name condition written with ``placeholders`` (none for a search
    with no letters or digits, which has no condition)."""
    term = fold(search)
    if not term:
        return {}
    return {SEARCH_TERM.key: term, SEARCH_BOUND.key: prefix_upper_bound(term),
            SEARCH_HEAD.key: term[:HEAD_LETTERS]}


def name_condition(model, search: str, narrow: bool = False, placeholders: bool = False):
    """A person found by words of the name, accents optional, starting at any word ("nguyen
    thanh", "thanh an", "an"), or by the CCCD's first digits; None for an empty search. Each
    part is a prefix range on an indexed folded column. Within a ``narrow`` scope (a chi bộ's
    few hundred rows) the middle words are looked up row by row instead of listing every
    person in the country whose middle word matches. With ``placeholders`` the term is left
    as parameters (``search_values``); whether it is digits still decides the form."""
    term = fold(search)
    if not term:
        return None
    written = (SEARCH_TERM, SEARCH_BOUND) if placeholders else (term, None)
    word = name_word_model(model)
    columns = [model.name_folded, model.given_folded, *([model.national_id] if term.isdigit()
                                                        else [])]
    if narrow:
        return or_(*(folded_prefix(column, *written) for column in columns),
                   exists().where(word.person_id == model.id,
                                  folded_prefix(word.words, *written)))
    # Wide: the matching ids from each index range, so the database (PostgreSQL's planner
    # included) starts from the few matches rather than from the whole list.
    matches = union(*(select(model.id).where(folded_prefix(column, *written))
                      for column in columns),
                    select(word.person_id).where(folded_prefix(word.words, *written)))
    return model.id.in_(matches)


HEAD_FROM = 5_000  # matches of a range from which its first page is read in list order


@dataclass(frozen=True)
class NameRange:
    """The (sort_key, id) of the people in one prefix range of a folded name, and the same
    read from the range's ``head_index`` (None for a term shorter than its two letters)."""

    matches: Select
    in_order: Select | None


def filed_under(column, length: int):
    """``column`` starts with the search's term (``length`` letters), written so that the
    database reads it from the column's head index (``models.people.head_index``), in list
    order: the first letters as the index writes them (SQLite matches an indexed expression
    by its text, so the numbers are written in, not bound), then the whole term checked in
    the index entry. Not as a range: PostgreSQL, multiplying the range's estimate by the
    head's, expected four matches and ordered the 15,000 of "lan" instead. The letters are
    parameters (``search_values``); the term's length is written in."""
    def start(length: int):
        return func.substr(column, literal_column("1"), literal_column(str(length)))
    return (start(HEAD_LETTERS) == SEARCH_HEAD) & (start(length) == SEARCH_TERM)


def ordered_name_matches(model, search: str, conditions: list) -> list | None:
    """The people matching ``search`` by a word of their name, as one ``NameRange`` per
    prefix range (family name, given name, middle words), among the rows meeting
    ``conditions`` (the scope; columns of ``model``); ``matched_page`` pages through their
    union, ``count_matches`` counts it. Read from the indexes alone when there are no
    conditions or only the unit's; a middle-word match is checked against its person's row
    only when there are conditions. None for a CCCD (digits), which ``name_condition`` finds.
    The term is left as parameters (``search_values``): the ranges serve every term of its
    length."""
    term = fold(search)
    if not term or term.isdigit():
        return None
    word = name_word_model(model)
    headed = len(term) >= HEAD_LETTERS

    def name_range(query, column):
        return NameRange(query.where(folded_prefix(column, SEARCH_TERM, SEARCH_BOUND)),
                         query.where(filed_under(column, len(term))) if headed else None)
    ranges = [name_range(select(model.sort_key, model.id).where(*conditions), column)
              for column in (model.name_folded, model.given_folded)]
    middle = select(word.sort_key, word.person_id)
    if conditions:
        middle = middle.join(model, model.id == word.person_id).where(*conditions)
    return [*ranges, name_range(middle, word.words)]


def count_matches(ranges: list):
    """The statement counting (capped) the people ``ranges`` find, and each range's own: how
    many it has, or at least whether it has ``HEAD_FROM`` once the total is past the cap
    (``counting.read_union_count``)."""
    return count_union([range_.matches for range_ in ranges], HEAD_FROM)


# A page of matches ends at its offset plus its size, a parameter of its own.
PAGE_END = bindparam("page_end")


def matched_page(ranges: list, offset, limit, counts: list | None = None):
    """Rows ``offset`` to ``offset + limit`` (parameters; ``PAGE_END`` holds their sum) of the
    union of ``ranges`` (each person once) in the list's order. Each range gives only its own
    first ``offset + limit``: the union's first rows are among them. A range with few
    matches is read whole and the database keeps that many ("lan" has 45,000 matches;
    PostgreSQL hashed and sorted them all, past its memory for sorting); one with at least
    ``HEAD_FROM`` (``counts``, as counted for the list's total) is read in list order from
    its head index, stopping at the page's end."""
    matches = union(*(_first(range_, PAGE_END, in_order)
                      for range_, in_order in zip(ranges, read_in_order(counts, len(ranges)))))
    # Ordered as the union's own columns, so SQLite merges the ranges instead of sorting them.
    return matches.order_by(*matches.selected_columns).limit(limit).offset(offset)


def read_in_order(counts: list | None, ranges: int) -> tuple[bool, ...]:
    """Which of the ``ranges`` are read in list order from their head index: those of at
    least ``HEAD_FROM`` matches (``counts``; none when the list is not counted)."""
    return tuple(number >= HEAD_FROM for number in counts) if counts else (False,) * ranges


def _first(range_: NameRange, count: int, wide: bool):
    """A range's first ``count`` matches in the list's order: read in order from its head
    index when it is ``wide``, else read whole (``_read_as_a_range``), then ordered."""
    if wide and range_.in_order is not None:
        ordered = range_.in_order.order_by(*range_.in_order.selected_columns).limit(count)
    else:
        whole = _read_as_a_range(range_.matches).subquery()
        ordered = select(*whole.c).order_by(*whole.c).limit(count)
    first = ordered.subquery()
    return select(*first.c)


def _read_as_a_range(part):
    """A name range to be read from its own index, then ordered. Asked for its first rows in
    the list's order, PostgreSQL may walk the list's order instead, expecting the matches
    spread evenly: they sit together (names are ordered by the given name), and it read
    400,000 members before the first "lan" (1 s). "OFFSET 0" makes it plan the range apart.
    SQLite reads the range from its index either way, and only materializes it needlessly."""
    return part.offset(0) if db.session.get_bind().dialect.name == "postgresql" else part


def text_condition(model, search: str, narrow: bool = False):
    """How typed text finds rows of ``model``, in list searches and pickers alike: people by
    their name (``name_condition``); organizations by the start of their code or any part of
    their name; other records with a folded name by any part of it. Accents are optional."""
    term = fold(search)
    if not term:
        return None
    if hasattr(model, "given_folded"):
        return name_condition(model, search, narrow)
    contains = model.name_folded.contains(term, autoescape=True)
    if hasattr(model, "code"):
        code = search.strip().lower()
        return or_(contains, func.lower(model.code).startswith(code, autoescape=True))
    return contains


class FoldedSearch:
    """Search on stored folded columns (``text_condition``), not Flask-Admin's ILIKE over every
    searchable column; what the box finds is said in its placeholder."""

    search_hint = _l("Name, without accents if you like, or CCCD")

    def init_search(self) -> bool:
        self._search_fields = []
        return True

    def _apply_search(self, query, count_query, joins, count_joins, search):
        condition = self.search_condition(search)
        if condition is not None:
            query = query.filter(condition)
            if count_query is not None:
                count_query = count_query.filter(condition)
        return query, count_query, joins, count_joins

    def search_condition(self, search: str, placeholders: bool = False):
        if placeholders:
            return name_condition(self.model, search, narrow_scope(current_user), True)
        return text_condition(self.model, search, narrow_scope(current_user))

    def search_shape(self, search: str) -> tuple | None:
        """People are found with the term as parameters (``search_condition`` with
        ``placeholders``): the condition's form depends on whether the term is digits and
        the scope's width. Other records are matched by part of their name, written in."""
        if not hasattr(self.model, "given_folded"):
            return None
        term = fold(search)
        return (bool(term), term.isdigit(), narrow_scope(current_user))

    def ordered_shape(self, search: str) -> tuple | None:
        """A search of people in a wide scope is paged inside the name indexes
        (``ordered_matches``): what the form of its statements depends on, or None where the
        search is a plain condition on the list."""
        term = fold(search)
        shape = scope_shape(self.model, current_user)
        if (not hasattr(self.model, "name_words") or shape is None or narrow_scope(current_user)
                or not term or term.isdigit()):
            return None
        return shape, len(term)

    def ordered_matches(self, search: str) -> list | None:
        """The search's matches per name index in the list's order (``ordered_name_matches``),
        for ``ScopedModelView.get_list`` to page through, with the scope and the term as
        parameters."""
        return ordered_name_matches(self.model, search, self.row_conditions(True))

    def search_placeholder(self) -> str:
        return str(self.search_hint)


class CandidateNameSearch(FoldedSearch):
    """For rows that belong to a candidate (a ``candidate_id``): found by the person's name."""

    search_hint = _l("The person's name, without accents if you like")

    def search_condition(self, search: str):
        condition = name_condition(Candidate, search)
        if condition is None:
            return None
        return self.model.candidate_id.in_(select(Candidate.id).where(condition))

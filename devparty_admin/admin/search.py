"""How typed words find records: the list's search box, pickers, and a search's page of people.

Names are matched on stored folded columns (accents optional) by prefix ranges, which both
engines answer from an index. Within a wide scope (a province) a search's page of people is
ordered and limited inside those indexes (``FoldedSearch.ordered_matches``): the folded-name
indexes hold the sort key and the unit, each middle-word reading its person's sort key, so only
the page's rows are read however many people match.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import exists, func, or_, select, union

from ..extensions import db
from ..models import Candidate
from ..models.people import name_word_model
from ..security.scoping import narrow_scope
from ..vietnamese import fold, prefix_upper_bound


def folded_prefix(column, term: str):
    """``column`` (stored folded) starts with ``term``: an index range, not a LIKE."""
    return (column >= term) & (column < prefix_upper_bound(term))


def name_condition(model, search: str, narrow: bool = False):
    """A person found by words of the name, accents optional, starting at any word ("nguyen
    thanh", "thanh an", "an"), or by the CCCD's first digits; None for an empty search. Each
    part is a prefix range on an indexed folded column. Within a ``narrow`` scope (a chi bộ's
    few hundred rows) the middle words are looked up row by row instead of listing every
    person in the country whose middle word matches."""
    term = fold(search)
    if not term:
        return None
    word = name_word_model(model)
    columns = [model.name_folded, model.given_folded, *([model.national_id] if term.isdigit()
                                                        else [])]
    if narrow:
        return or_(*(folded_prefix(column, term) for column in columns),
                   exists().where(word.person_id == model.id, folded_prefix(word.words, term)))
    # Wide: the matching ids from each index range, so the database (PostgreSQL's planner
    # included) starts from the few matches rather than from the whole list.
    matches = union(*(select(model.id).where(folded_prefix(column, term)) for column in columns),
                    select(word.person_id).where(folded_prefix(word.words, term)))
    return model.id.in_(matches)


def ordered_name_matches(model, search: str, conditions: list) -> list | None:
    """The people matching ``search`` by a word of their name, as one (sort_key, id) query per
    prefix range (family name, given name, middle words), among the rows meeting
    ``conditions`` (the scope; columns of ``model``); ``matched_page`` pages through their
    union, ``counting.count_union`` counts it. Read from the indexes alone when there are no
    conditions or only the unit's; a middle-word match is checked against its person's row
    only when there are conditions. None for a CCCD (digits), which ``name_condition`` finds."""
    term = fold(search)
    if not term or term.isdigit():
        return None
    word = name_word_model(model)
    parts = [select(model.sort_key, model.id).where(folded_prefix(column, term), *conditions)
             for column in (model.name_folded, model.given_folded)]
    middle = select(word.sort_key, word.person_id).where(folded_prefix(word.words, term))
    if conditions:
        middle = middle.join(model, model.id == word.person_id).where(*conditions)
    return [*parts, middle]


def matched_page(parts: list, offset: int, limit: int | None):
    """Rows ``offset`` to ``offset + limit`` of the union of ``parts`` (each once) in the
    list's order. Each part gives only its own first ``offset + limit``: the union's first
    rows are among them, so the database keeps that many per range instead of ordering every
    match ("lan" has 45,000; PostgreSQL hashed and sorted them all, past its memory for
    sorting)."""
    if limit:
        parts = [select(*head.c) for head in (
            select(*range_.c).order_by(*range_.c).limit(offset + limit).subquery()
            for range_ in (_read_as_a_range(part).subquery() for part in parts))]
    matches = union(*parts)
    # Ordered as the union's own columns, so SQLite merges the ranges instead of sorting them.
    ordered = matches.order_by(*matches.selected_columns)
    return ordered.limit(limit).offset(offset) if limit else ordered


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

    def search_condition(self, search: str):
        return text_condition(self.model, search, narrow_scope(current_user))

    def ordered_matches(self, search: str) -> list | None:
        """A search of people in a wide scope: its matches per name index in the list's order
        (``ordered_name_matches``), for ``ScopedModelView.get_list`` to page through; None
        where the search is a plain condition on the list."""
        if not hasattr(self.model, "name_words") or narrow_scope(current_user):
            return None
        return ordered_name_matches(self.model, search, self.row_conditions())

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

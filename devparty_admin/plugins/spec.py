"""The written plugin contract: the hooks a plugin may implement (pluggy hook specifications).

A plugin module marks its functions with ``@hookimpl`` and names them as below; it implements
only the hooks it needs. The core calls each hook only for enabled plugins.
"""
from __future__ import annotations

import pluggy

PROJECT = "devparty_admin"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def transition_guards(proposal, rules) -> list[str]:
    """Reasons to refuse ``proposal`` (a workflow.guards.Proposal), in the user's language,
    each naming its rule; an empty list lets it pass. Called only for candidates whose
    organization is in the plugin's sector."""


@hookspec
def candidate_extension():
    """A ``plugins.CandidateExtension``: the plugin's one-to-one table for candidates, the
    fields of it shown on the candidate form (a section of its own, in this order) and details
    page, their labels and coded values. The table is named ``<plugin>_…``, has
    ``candidate_id`` as primary and foreign key, and a ``uselist=False`` backref on Candidate
    named ``<plugin>_profile``. Shown and saved only for candidates of the plugin's sector."""


@hookspec
def admin_views() -> list:
    """Flask-Admin views (subclasses of admin.base.ScopedModelView) the plugin adds."""


@hookspec
def demo_units():
    """``(unit, users)``: the plugin's part of the demo tree (a ``demo.tree.Unit``, attached
    under the province) and its demo logins as ``(username, display name, role, unit code)``."""


@hookspec
def demo_candidate(candidate, target, first_day) -> None:
    """The demo walks ``candidate`` (of the plugin's sector) to stage ``target`` (``source``:
    left in the pool), its first step on ``first_day``: record what the plugin's rules ask for
    on the way (a vetting result, a union comment …), dated on or before ``first_day``. The
    plugin's own guards judge the demo's steps like any other. An implementation may take only
    the arguments it needs."""


@hookspec
def reports() -> list:
    """Reports (subclasses of ``reports.catalog.Report``) the plugin adds to the reports screen;
    like the core's, each runs a fixed number of grouped queries limited to the subtree."""


@hookspec
def unit_alerts(user, today) -> list:
    """Alerts about units of ``user``'s subtree (``workflow.deadlines.Alert`` with
    ``candidate_id=None`` and a ``kind_label``), e.g. a review that was due and not held. Limit
    every query with ``security.scoped``."""


@hookspec
def case_file_records(candidate) -> list:
    """The plugin's own records about ``candidate`` for the case file's sector section, as
    ``(title, [(label, shown value), …])`` pairs. Called only for candidates of the plugin's
    sector, while it is enabled."""


@hookspec
def papers() -> list:
    """Papers (``devparty_admin.papers.Paper``) the plugin prints, each with its builder and
    its own templates ``folder``; a paper with a core code replaces the core's."""


@hookspec
def demo_reorganizations() -> list:
    """The plugin's demo history of reorganizations (``demo.tree.Reorganization``: units
    established, merged into others, dissolved, by a decision), applied through the
    reorganization service after the demo's people have walked the path in the old tree."""


@hookspec
def demo_records() -> None:
    """Called once the plugin's demo units, people and walks exist (when its part is loaded,
    with the province or later into an existing demo): add the plugin's own records (reviews,
    registers …) to ``db.session``; the core commits."""

"""Who may do what: permissions are (action, resource) pairs granted to roles.

Views and templates ask these functions; they never compare role names themselves.
"""
from __future__ import annotations

from flask import current_app, g, has_app_context, has_request_context
from werkzeug.local import LocalProxy

READ, CREATE, EDIT, DELETE, EXPORT = "read", "create", "edit", "delete", "export"
ALL_ACTIONS = (READ, CREATE, EDIT, DELETE, EXPORT)

# Seeing every unit is itself a permission, so a plugin role could be granted it too.
ALL_UNITS = ("read", "all_units")


def _grant(actions: tuple[str, ...], *resources: str) -> set[tuple[str, str]]:
    return {(action, resource) for action in actions for resource in resources}


# Moving candidates: a branch records its own resolutions, a committee decides for units below it.
PROPOSE, DECIDE = ("propose", "candidate"), ("decide", "candidate")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    "admin": _grant(ALL_ACTIONS, "candidate", "member", "organization", "user", "plan", "calendar")
    | {ALL_UNITS, PROPOSE, DECIDE},
    "committee": _grant(ALL_ACTIONS, "candidate", "member", "plan")
    | _grant((READ,), "calendar")
    | _grant((READ, EXPORT), "organization")
    | {DECIDE},
    "branch": _grant(ALL_ACTIONS, "candidate", "member")
    | _grant((READ,), "calendar")
    | _grant((READ, EXPORT), "organization", "plan")
    | {PROPOSE},
    "viewer": _grant((READ, EXPORT), "candidate", "member", "organization", "plan")
    | _grant((READ,), "calendar"),
}


def role_choices() -> list[tuple[str, str]]:
    """(code, label) of every role: the core's and those of the enabled plugins."""
    from ..models.choices import ROLES

    extra = []
    if has_app_context() and "devparty_plugins" in current_app.extensions:
        extra = current_app.extensions["devparty_plugins"].roles()
    return [*((code, str(label)) for code, label in ROLES), *extra]


def role_label(role: str) -> str:
    return str(dict(role_choices()).get(role, role))


def role_grants(role: str) -> set[tuple[str, str]]:
    """The core's grants for ``role`` plus what enabled plugins grant it. A page asks for
    every menu entry and button, so the answer is kept for the request, as the enabled
    plugins are (``plugins.loader.PluginRegistry.enabled``)."""
    if not has_request_context():
        return _role_grants(role)
    kept = g.setdefault("role_grants", {})
    if role not in kept:
        kept[role] = _role_grants(role)
    return kept[role]


def _role_grants(role: str) -> set[tuple[str, str]]:
    grants = ROLE_PERMISSIONS.get(role, set())
    if has_app_context() and "devparty_plugins" in current_app.extensions:
        grants = grants | current_app.extensions["devparty_plugins"].role_grants(role)
    return grants


def _itself(user):
    """The user behind ``current_user``, looked up once: a list page asks a few dozen
    permissions, and every attribute read through the proxy looks the user up again."""
    return user._get_current_object() if isinstance(user, LocalProxy) else user


def has_permission(user, action: str, resource: str) -> bool:
    """True when an active, logged-in user's role grants ``action`` on ``resource``."""
    user = _itself(user)
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return (action, resource) in role_grants(user.role)


def sees_all_units(user) -> bool:
    return has_permission(user, *ALL_UNITS)


def role_sees_all_units(role: str) -> bool:
    """Whether accounts of ``role`` work across all units (and so need no home organization)."""
    return ALL_UNITS in ROLE_PERMISSIONS.get(role, set())


def can_transition(user, candidate, target: str) -> bool:
    """Whether ``user`` may move ``candidate`` to ``target`` from where it stands.

    Branch-level steps need the propose permission and the candidate inside the user's unit;
    decisions need the decide permission at a unit strictly above the candidate's branch.
    """
    from ..workflow.stages import find_transition

    transition = find_transition(candidate.stage, target)
    return transition is not None and _has_authority(user, candidate, transition)


def can_annul(user, candidate, event) -> bool:
    """Whether ``user`` may annul ``event`` (a step of ``candidate``): who may record that step."""
    from ..workflow.stages import find_transition

    transition = find_transition(event.from_stage, event.to_stage)
    return transition is not None and _has_authority(user, candidate, transition)


def _has_authority(user, candidate, transition) -> bool:
    from ..workflow.stages import BRANCH

    needed = PROPOSE if transition.authority == BRANCH else DECIDE
    if not has_permission(user, *needed):
        return False
    from .scoping import reaches

    unit = candidate.organization
    if unit is None or not reaches(user, unit):
        return False
    if sees_all_units(user):
        return True
    if transition.authority == BRANCH:
        return True
    from ..workflow.authority import competent_committee

    committee = competent_committee(unit)
    if committee is not None:  # the tree says who decides: that committee only
        return user.organization.id == committee.id
    return user.organization.id != unit.id

"""Who may do what: permissions are (action, resource) pairs granted to roles.

Views and templates ask these functions; they never compare role names themselves.
"""
from __future__ import annotations

READ, CREATE, EDIT, DELETE, EXPORT = "read", "create", "edit", "delete", "export"
ALL_ACTIONS = (READ, CREATE, EDIT, DELETE, EXPORT)

# Seeing every unit is itself a permission, so a plugin role could be granted it too.
ALL_UNITS = ("read", "all_units")


def _grant(actions: tuple[str, ...], *resources: str) -> set[tuple[str, str]]:
    return {(action, resource) for action in actions for resource in resources}


ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    "admin": _grant(ALL_ACTIONS, "candidate", "member", "organization", "user") | {ALL_UNITS},
    "committee": _grant(ALL_ACTIONS, "candidate", "member") | _grant((READ, EXPORT), "organization"),
    "branch": _grant(ALL_ACTIONS, "candidate", "member") | _grant((READ, EXPORT), "organization"),
    "viewer": _grant((READ, EXPORT), "candidate", "member", "organization"),
}


def has_permission(user, action: str, resource: str) -> bool:
    """True when an active, logged-in user's role grants ``action`` on ``resource``."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return (action, resource) in ROLE_PERMISSIONS.get(user.role, set())


def sees_all_units(user) -> bool:
    return has_permission(user, *ALL_UNITS)


def role_sees_all_units(role: str) -> bool:
    """Whether accounts of ``role`` work across all units (and so need no home organization)."""
    return ALL_UNITS in ROLE_PERMISSIONS.get(role, set())

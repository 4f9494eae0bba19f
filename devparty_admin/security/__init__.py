"""Log-in, roles and unit scoping."""
from .permissions import has_permission, sees_all_units
from .scoping import register_scope, scope_condition, scoped

__all__ = ["has_permission", "register_scope", "scope_condition", "scoped", "sees_all_units"]

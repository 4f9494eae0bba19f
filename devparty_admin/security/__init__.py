"""Log-in, roles and unit scoping."""
from .permissions import has_permission, sees_all_units
from .scoping import reaches, register_scope, scope_condition, scoped

__all__ = ["has_permission", "reaches", "register_scope", "scope_condition", "scoped",
           "sees_all_units"]

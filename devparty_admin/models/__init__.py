"""Core tables. Plugins own their own tables and never alter these."""
from .organizations import Organization, TreeError, subtree_condition, subtree_ids
from .people import Candidate, Member
from .users import User

__all__ = [
    "Candidate",
    "Member",
    "Organization",
    "TreeError",
    "User",
    "subtree_condition",
    "subtree_ids",
]

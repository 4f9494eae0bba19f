"""Core tables. Plugins own their own tables and never alter these."""
from . import audit  # noqa: F401,E402 - registers the field-change listener
from .access import AccessLog
from .acts import Act, FieldChange, StageEvent, in_force
from .calendar import CalendarChange
from .development import DossierItem, Enrollment, Sponsor, TrainingClass
from .imports import ImportJob, ImportRow
from .organizations import Organization, TreeError, subtree_condition, subtree_ids
from .people import Candidate, CandidateNameWord, Member, MemberNameWord
from .plans import Plan
from .plugins import PluginState
from .reorganization import Transfer, UnitChange, UnitSuccession
from .users import LoginThrottle, User

__all__ = [
    "AccessLog",
    "Act",
    "CalendarChange",
    "Candidate",
    "CandidateNameWord",
    "DossierItem",
    "Enrollment",
    "FieldChange",
    "ImportJob",
    "ImportRow",
    "LoginThrottle",
    "Sponsor",
    "StageEvent",
    "TrainingClass",
    "Member",
    "MemberNameWord",
    "Organization",
    "Plan",
    "PluginState",
    "Transfer",
    "TreeError",
    "UnitChange",
    "UnitSuccession",
    "User",
    "in_force",
    "subtree_condition",
    "subtree_ids",
]

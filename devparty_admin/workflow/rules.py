"""Thresholds of the rules (docs/rules.md), each a setting with the regulation's default.

An installation overrides any of them with ``DEVPARTY_RULES = {"max_age_years": 65, …}``.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from flask import current_app, has_app_context


@dataclass(frozen=True)
class Rules:
    min_age_years: int = 18
    max_age_years: int = 60
    certificate_max_months: int = 60
    sponsor_min_months: int = 12
    introducers_required: int = 2
    youth_age_max_years: int = 30
    vote_numerator: int = 2
    vote_denominator: int = 3
    decision_due_working_days: int = 60
    ceremony_due_working_days: int = 30
    probation_months: int = 12
    recognition_review_working_days: int = 30
    probation_warning_days: int = 30


def current_rules() -> Rules:
    """The installation's rules: defaults, overridden by ``DEVPARTY_RULES``."""
    overrides = current_app.config.get("DEVPARTY_RULES", {}) if has_app_context() else {}
    known = {f.name for f in fields(Rules)}
    return replace(Rules(), **{k: v for k, v in overrides.items() if k in known})

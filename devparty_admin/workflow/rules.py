"""Thresholds of the rules (docs/rules.md), each a setting with the regulation's default, in
rule sets that take effect on a date: a step is judged by the set in force on its date, and
its messages name that set's texts.

An installation overrides any threshold with ``DEVPARTY_RULES = {"max_age_years": 65, …}``
(in every set).
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

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
    # The texts the messages cite: the Central Committee's regulation carrying out the Charter
    # and the Secretariat's guide to it.
    regulation: str = "Quy định 294-QĐ/TW"
    guide: str = "Hướng dẫn 06-HD/TW"


# (first day in force, rule set). The thresholds the product checks are the same in the three
# sets; what changed between them (the district level, the recognition procedure's wording)
# does not move a threshold, so each set differs by the texts its messages cite.
RULE_SETS: tuple[tuple[date, Rules], ...] = (
    (date.min, Rules(regulation="Quy định 24-QĐ/TW", guide="Hướng dẫn 01-HD/TW")),
    (date(2025, 1, 20), Rules(regulation="Quy định 232-QĐ/TW", guide="Hướng dẫn 01-HD/TW")),
    (date(2025, 7, 1), Rules(regulation="Quy định 294-QĐ/TW", guide="Hướng dẫn 06-HD/TW")),
)
THRESHOLDS = {f.name for f in fields(Rules)} - {"regulation", "guide"}


def check_overrides(overrides: dict) -> None:
    """DEVPARTY_RULES may name only the thresholds, each a whole number; anything else stops
    the start with the list of what it accepts (a misspelt name is never silently ignored)."""
    unknown = sorted(set(overrides) - THRESHOLDS)
    if unknown:
        raise SystemExit(f"DEVPARTY_RULES: unknown rule {', '.join(unknown)}; the rules are "
                         f"{', '.join(sorted(THRESHOLDS))}.")
    wrong = sorted(k for k, v in overrides.items() if not isinstance(v, int) or isinstance(v, bool))
    if wrong:
        raise SystemExit(f"DEVPARTY_RULES: {', '.join(wrong)} must be whole numbers.")


def rules_on(day: date | None = None) -> Rules:
    """The rule set in force on ``day`` (today's without one), with the installation's
    overrides of its thresholds."""
    day = day or date.today()
    in_force = [rules for starts, rules in RULE_SETS if starts <= day][-1]
    overrides = current_app.config.get("DEVPARTY_RULES", {}) if has_app_context() else {}
    return replace(in_force, **overrides)


def current_rules() -> Rules:
    """Today's rules (deadlines, alerts)."""
    return rules_on()

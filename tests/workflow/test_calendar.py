from datetime import date

import holidays

from devparty_admin.workflow.calendar import (
    add_months,
    add_working_days,
    is_working_day,
    whole_months_between,
    working_days_between,
)


def test_whole_months():
    assert whole_months_between(date(2007, 6, 16), date(2025, 6, 16)) == 18 * 12
    assert whole_months_between(date(2007, 6, 17), date(2025, 6, 16)) == 18 * 12 - 1
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2020, 6, 16), 60) == date(2025, 6, 16)


def test_working_days_skip_tet_from_the_holidays_calendar():
    calendar = holidays.country_holidays("VN", years=2025)
    tet = [day for day, name in calendar.items() if "Lunar New Year" in name]
    assert tet and all(not is_working_day(day) for day in tet)
    # Friday 24/01/2025 + 5 working days crosses Tết Ất Tỵ (27/01–31/01 off): 07/02/2025.
    assert add_working_days(date(2025, 1, 24), 5) == date(2025, 2, 7)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 7)) == 5


def test_working_days_skip_national_day():
    calendar = holidays.country_holidays("VN", years=2025)
    assert date(2025, 9, 2) in calendar and date(2025, 9, 1) in calendar
    # Friday 29/08/2025 + 1 working day: Mon 1/9 and Tue 2/9 are off, so Wednesday 3/9.
    assert add_working_days(date(2025, 8, 29), 1) == date(2025, 9, 3)

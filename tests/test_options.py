"""Active hours, including windows that run past midnight."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from custom_components.desk_coach.quiet import next_boundary, within_active_hours

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = {"active_from": "09:00:00", "active_until": "17:00:00", "active_days": ["mon", "tue"]}
NIGHT = {"active_from": "22:00:00", "active_until": "06:00:00", "active_days": ["mon"]}


@pytest.mark.parametrize(
    ("options", "local", "active"),
    [
        (OFFICE, datetime(2026, 3, 10, 9, 0), True),  # Tuesday
        (OFFICE, datetime(2026, 3, 10, 17, 0), False),
        (OFFICE, datetime(2026, 3, 11, 10, 0), False),  # Wednesday
        (NIGHT, datetime(2026, 3, 9, 23, 0), True),  # Monday night
        (NIGHT, datetime(2026, 3, 10, 5, 59), True),  # ...into Tuesday morning
        (NIGHT, datetime(2026, 3, 10, 23, 0), False),  # Tuesday night is not active
        (NIGHT, datetime(2026, 3, 9, 5, 0), False),  # Monday morning belongs to Sunday
    ],
)
def test_within_active_hours(options: dict[str, object], local: datetime, active: bool) -> None:
    assert within_active_hours(local.replace(tzinfo=BERLIN), options) is active


def test_next_boundary_is_the_next_start_or_end() -> None:
    local = datetime(2026, 3, 10, 12, 0, tzinfo=BERLIN)
    assert next_boundary(local, OFFICE) == datetime(2026, 3, 10, 17, 0, tzinfo=BERLIN)
    evening = datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)
    assert next_boundary(evening, OFFICE) == datetime(2026, 3, 11, 9, 0, tzinfo=BERLIN)

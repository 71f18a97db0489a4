"""A desk's options as typed records: defaults, parsing, active hours."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, strategies as st
import pytest

from custom_components.desk_coach.const import WEEKDAYS
from custom_components.desk_coach.model import Settings
from custom_components.desk_coach.options import (
    AnnounceTargets,
    DeskOptions,
    QuietHours,
    StandOptions,
    SummarySchedule,
)

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = QuietHours.from_options(
    {"active_from": "09:00:00", "active_until": "17:00:00", "active_days": ["mon", "tue"]}
)
NIGHT = QuietHours.from_options(
    {"active_from": "22:00:00", "active_until": "06:00:00", "active_days": ["mon"]}
)


def test_a_fresh_desk_has_the_documented_defaults() -> None:
    options = DeskOptions.from_options({})
    assert options.tracking == Settings(
        break_interval=timedelta(minutes=30),
        break_duration=timedelta(seconds=30),
        away_reset=timedelta(minutes=2),
        presence_debounce=timedelta(seconds=30),
        escalation_delay=timedelta(minutes=5),
        escalation_count=2,
        daily_limit=timedelta(hours=8),
    )
    assert options.announce == AnnounceTargets()
    assert options.announce.channels == []
    assert options.message is None
    assert options.snooze_minutes == 5
    assert options.streak_target == 80
    assert options.quiet == QuietHours(
        start=time(9), end=time(17), days=frozenset(range(5)), dnd_entities=()
    )
    assert options.summary == SummarySchedule(targets=(), weekday=4, at=time(17))
    assert options.routines == ()


def test_stored_options_are_parsed_once_into_types() -> None:
    options = DeskOptions.from_options(
        {
            "break_interval": 45,
            "daily_sitting_limit": 0,
            "snooze_minutes": 10,
            "message": "",
            "lights": ["light.desk"],
            "mobile_app_services": ["notify.mobile_app_pixel", "mobile_app_other"],
            "volume": 40.0,
            "light_color": [255, 0, 0],
            "active_days": ["sat", "sun"],
            "do_not_disturb_entities": ["calendar.work"],
            "weekly_summary_targets": ["notify.me"],
            "weekly_summary_day": "mon",
            "weekly_summary_time": "08:30:00",
            "routines": [{"id": "mine", "name": "Mine", "exercises": []}],
        }
    )
    assert options.tracking.break_interval == timedelta(minutes=45)
    assert options.tracking.daily_limit is None  # 0: no limit
    assert options.snooze_minutes == 10
    assert options.message is None  # an empty template is the default
    assert options.announce.lights == ("light.desk",)
    assert options.announce.mobile_apps == ("mobile_app_pixel", "mobile_app_other")
    assert options.announce.volume == 40
    assert options.announce.light_color == (255, 0, 0)
    assert options.announce.channels == ["mobile_app", "lights"]
    assert options.quiet.days == frozenset({5, 6})
    assert options.quiet.dnd_entities == ("calendar.work",)
    assert options.summary == SummarySchedule(targets=("notify.me",), weekday=0, at=time(8, 30))
    assert options.routines == ({"id": "mine", "name": "Mine", "exercises": []},)


def test_announce_entities_are_listed_once_and_a_legacy_engine_is_no_entity() -> None:
    targets = AnnounceTargets(
        media_players=("media_player.a",), tts_engine="tts.piper", lights=("media_player.a",)
    )
    assert targets.entities() == ["media_player.a", "tts.piper"]
    assert AnnounceTargets(tts_engine="google_translate").entities() == []


@pytest.mark.parametrize(
    ("quiet", "local", "active"),
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
def test_active_hours(quiet: QuietHours, local: datetime, active: bool) -> None:
    assert quiet.active_at(local.replace(tzinfo=BERLIN)) is active


def test_next_boundary_is_the_next_start_or_end() -> None:
    local = datetime(2026, 3, 10, 12, 0, tzinfo=BERLIN)
    assert OFFICE.next_boundary(local) == datetime(2026, 3, 10, 17, 0, tzinfo=BERLIN)
    evening = datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)
    assert OFFICE.next_boundary(evening) == datetime(2026, 3, 11, 9, 0, tzinfo=BERLIN)


clocks = st.times().map(lambda clock: clock.replace(microsecond=0))


@given(
    start=clocks,
    end=clocks,
    days=st.frozensets(st.sampled_from(WEEKDAYS), min_size=1),
    moment=st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31)),
    fraction=st.floats(0, 1, exclude_max=True),
)
def test_law_activity_changes_only_at_a_boundary(
    start: time, end: time, days: frozenset[str], moment: datetime, fraction: float
) -> None:
    """Between now and the next boundary the coach is active, or quiet, throughout."""
    quiet = QuietHours.from_options(
        {"active_from": start.isoformat(), "active_until": end.isoformat(), "active_days": days}
    )
    local = moment.replace(tzinfo=ZoneInfo("UTC"))
    boundary = quiet.next_boundary(local)
    assert local < boundary <= local + timedelta(days=1)
    # strictly before the boundary (the product is rounded to whole microseconds)
    between = min(local + (boundary - local) * fraction, boundary - timedelta(microseconds=1))
    assert quiet.active_at(between) is quiet.active_at(local)


def test_the_standing_desk_options_are_read_once_typed() -> None:
    """The Standing desk page's options, with their defaults, as the desk's runtime reads them."""
    assert DeskOptions.from_options({}).stand == StandOptions(
        raising=False,
        control=None,
        raise_to=None,
        lower_to=None,
        warning_seconds=10,
        stand_minutes=5,
        lower_after=False,
    )
    stand = DeskOptions.from_options(
        {
            "break_action": "raise",
            "desk_control": "number.desk_height",
            "raise_to": "110",
            "lower_to": 72.5,
            "raise_warning": 20,
            "stand_minutes": 8,
            "lower_after": True,
        }
    ).stand
    assert stand == StandOptions(
        raising=True,
        control="number.desk_height",
        raise_to=110.0,
        lower_to=72.5,
        warning_seconds=20,
        stand_minutes=8,
        lower_after=True,
    )
    assert StandOptions.from_options({"raise_to": "nan", "lower_to": "high"}).raise_to is None
    # the long stand's cue and the day's upright target, in minutes
    assert (stand.cue_after, stand.upright_target) == (50, 120)
    guard = StandOptions.from_options({"standing_cue_after": 45, "upright_target": 90.0})
    assert (guard.cue_after, guard.upright_target) == (45, 90)


@given(
    days=st.frozensets(st.integers(0, 6)),
    start=st.times(),
    local=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
)
def test_law_until_tomorrow_is_the_first_start_of_the_active_hours_on_a_later_date(
    days: frozenset[int], start: time, local: datetime
) -> None:
    """A pause "until tomorrow": the soonest later date with active hours (with none, the
    next date), at their start, in the local zone; never today, never a week or more on."""
    quiet = QuietHours(start=start, end=start, days=days)
    local = local.replace(tzinfo=BERLIN)
    until = quiet.first_start_after(local)
    ahead = (until.date() - local.date()).days
    assert 1 <= ahead <= 7
    assert until.time() == start
    assert until.tzinfo is BERLIN
    assert until.weekday() in days or (not days and ahead == 1)
    skipped = (local.date() + timedelta(days=offset) for offset in range(1, ahead))
    assert all(day.weekday() not in days for day in skipped)

"""The benchmark's seeded workday traces, their ground truth, and the hand-made package."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
import logging
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config import merge_packages_config
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from hypothesis import HealthCheck, given, settings, strategies as st
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from benchmarks import diy
from benchmarks.replay import RECORDER_TABLES, async_compile_statistics, async_recorder_bytes
from benchmarks.traces import (
    Change,
    Period,
    Trace,
    debounced,
    ground_truth,
    workday_trace,
)
from custom_components.desk_coach.model import Activity, DeskTracker, activity_from
from tests.helpers import TRACKING, pass_time, set_presence, value

BERLIN = ZoneInfo("Europe/Berlin")
ZONES = [ZoneInfo(name) for name in ("Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata")]
DAY = date(2026, 3, 10)
# Days around the 2026 daylight-saving changes in Europe and the US, and ordinary ones.
DAYS = st.sampled_from(
    [DAY, date(2026, 3, 8), date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1)]
) | st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
SEEDS = st.integers(min_value=0, max_value=2**32)
DEBOUNCE = timedelta(seconds=30)
T0 = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Replace the shared fixture: it would set up ``hass`` before the recorder can come first.

    Nothing here loads a custom integration.
    """


def _local(instant: datetime, tz: ZoneInfo) -> time:
    return instant.astimezone(tz).time()


def _presence(trace: Trace) -> list[Period]:
    """Presence periods with the flicker debounced away."""
    changes = debounced(trace.changes, DEBOUNCE)
    return [(changes[i][0], changes[i + 1][0]) for i in range(0, len(changes), 2)]


def _periods(changes: tuple[Change, ...]) -> list[Period]:
    return [(changes[i][0], changes[i + 1][0]) for i in range(0, len(changes), 2)]


def _trace(*presence: tuple[float, float], standing: tuple[tuple[float, float], ...] = ()) -> Trace:
    """A trace from (on, off) pairs in minutes after ``T0``."""

    def changes(pairs: tuple[tuple[float, float], ...]) -> tuple[Change, ...]:
        out: list[Change] = []
        for on, off in pairs:
            out += [(T0 + on * MIN, True), (T0 + off * MIN, False)]
        return tuple(out)

    return Trace(changes=changes(presence), standing=changes(standing))


# --- the generator -------------------------------------------------------------------------


def test_same_seed_same_trace_and_seeds_differ() -> None:
    assert workday_trace(7, DAY, BERLIN) == workday_trace(7, DAY, BERLIN)
    assert workday_trace(7, DAY, BERLIN, standing_desk=True) == workday_trace(
        7, DAY, BERLIN, standing_desk=True
    )
    traces = {workday_trace(seed, DAY, BERLIN).changes for seed in range(20)}
    assert len(traces) == 20


def test_standing_variant_shares_presence_and_stands() -> None:
    plain = workday_trace(3, DAY, BERLIN)
    standing = [workday_trace(seed, DAY, BERLIN, standing_desk=True) for seed in range(10)]
    assert standing[3].changes == plain.changes
    assert plain.standing == ()
    assert all(trace.standing for trace in standing)


@settings(max_examples=150, deadline=None)
@given(seed=SEEDS, day=DAYS, tz=st.sampled_from(ZONES), standing_desk=st.booleans())
def test_trace_shape(seed: int, day: date, tz: ZoneInfo, standing_desk: bool) -> None:
    """Sorted, alternating, UTC, and within the realism bounds of the issue."""
    trace = workday_trace(seed, day, tz, standing_desk=standing_desk)
    for changes in (trace.changes, trace.standing):
        instants = [at for at, _ in changes]
        assert instants == sorted(set(instants))
        assert all(at.utcoffset() == timedelta(0) for at in instants)
        assert [on for _, on in changes] == [True, False] * (len(changes) // 2)
    assert len(trace.changes) >= 4
    assert time(8) <= _local(trace.start, tz) <= time(9, 30)
    assert time(16, 30) <= _local(trace.end, tz) <= time(18, 30)
    assert trace.start.astimezone(tz).date() == day == trace.end.astimezone(tz).date()

    raw = _periods(trace.changes)
    flicker = [on - off for (_, off), (on, _) in pairwise(raw)]
    blips = [gap for gap in flicker if gap < DEBOUNCE]
    assert all(timedelta(seconds=2) <= gap <= timedelta(seconds=20) for gap in blips)

    stretches = _presence(trace)
    for start, end in stretches:
        assert timedelta(minutes=10) <= end - start <= timedelta(minutes=90)
    gaps = [(end, start) for (_, end), (start, _) in pairwise(stretches)]
    lunches = [(off, on) for off, on in gaps if on - off > timedelta(minutes=20)]
    assert len(lunches) == 1
    lunch_start, lunch_end = lunches[0]
    assert timedelta(minutes=30) <= lunch_end - lunch_start <= timedelta(minutes=60)
    assert time(12) <= _local(lunch_start, tz) <= time(13, 30)
    assert all(
        MIN <= on - off <= timedelta(minutes=20) for off, on in gaps if (off, on) not in lunches
    )

    for stand_start, stand_end in _periods(trace.standing):
        assert timedelta(minutes=5) <= stand_end - stand_start <= timedelta(minutes=30)
        assert any(start < stand_start and stand_end < end for start, end in stretches)


# --- debounce and ground truth on hand-built traces ----------------------------------------


def test_debounce_drops_short_changes_and_back_dates_long_ones() -> None:
    changes = [
        (T0, True),
        (T0 + 2 * MIN, False),  # reverts after 5 s: ignored with its revert
        (T0 + 2 * MIN + 5 * SEC, True),
        (T0 + 3 * MIN, False),  # lasts 2 min: takes effect at T0 + 3 min
        (T0 + 5 * MIN, True),
        (T0 + 5 * MIN + 29 * SEC, False),  # a return of 29 s never happened
    ]
    assert debounced(changes, DEBOUNCE) == [(T0, True), (T0 + 3 * MIN, False)]
    # The last change always takes effect: nothing reverts it.
    assert debounced([(T0, True)], DEBOUNCE) == [(T0, True)]
    # An arrival that reverts within the debounce never happened.
    assert debounced([(T0, True), (T0 + 10 * SEC, False)], DEBOUNCE) == []


def test_sit_45_minutes_straight() -> None:
    truth = ground_truth(_trace((0, 45)))
    assert truth.sitting == timedelta(minutes=45)
    assert truth.breaks_due == (T0 + 30 * MIN,)
    assert truth.stretches == 1


def test_flicker_changes_nothing() -> None:
    trace = Trace(
        changes=(
            (T0, True),
            (T0 + 20 * MIN, False),
            (T0 + 20 * MIN + 10 * SEC, True),
            (T0 + 45 * MIN, False),
        )
    )
    assert ground_truth(trace) == ground_truth(_trace((0, 45)))


def test_short_absence_is_a_break_but_keeps_the_stretch() -> None:
    truth = ground_truth(_trace((0, 20), (21, 60)))
    assert truth.sitting == timedelta(minutes=59)
    assert truth.breaks_due == (T0 + 51 * MIN,)
    assert truth.stretches == 1


def test_long_absence_ends_the_stretch() -> None:
    truth = ground_truth(_trace((0, 20), (25, 60)))
    assert truth.sitting == timedelta(minutes=55)
    assert truth.breaks_due == (T0 + 55 * MIN,)
    assert truth.stretches == 2


def test_standing_is_not_sitting() -> None:
    truth = ground_truth(_trace((0, 60), standing=((20, 30),)))
    assert truth.sitting == timedelta(minutes=50)
    assert truth.sitting_periods == ((T0, T0 + 20 * MIN), (T0 + 30 * MIN, T0 + 60 * MIN))
    assert truth.breaks_due == ()  # the standing break restarted the count at +30 min
    assert truth.stretches == 2


def test_due_break_ignored_stays_due_until_a_real_break() -> None:
    truth = ground_truth(_trace((0, 100), (105, 140)))
    assert truth.breaks_due == (T0 + 30 * MIN, T0 + 135 * MIN)


def test_missed_breaks_restart_the_countdown() -> None:
    truth = ground_truth(_trace((0, 100)), missed_after=timedelta(minutes=15))
    assert truth.breaks_due == (T0 + 30 * MIN, T0 + 75 * MIN)


def test_gap_shorter_than_break_duration_neither_breaks_nor_counts() -> None:
    """With a longer break_duration a 1-minute gap is not a break: the count runs on."""
    truth = ground_truth(_trace((0, 29.5), (30.5, 45)), break_duration=timedelta(minutes=2))
    assert truth.sitting == timedelta(minutes=44)
    assert truth.breaks_due == (T0 + 30.5 * MIN,)  # due while away: falls due on return


# --- ground truth on generated traces ------------------------------------------------------


def _step_oracle(
    periods: tuple[Period, ...], interval: timedelta, missed_after: timedelta | None
) -> list[datetime]:
    """Breaks due, found by walking the day second by second (defaults otherwise)."""
    if not periods:
        return []
    sitting = {
        int((start - periods[0][0]).total_seconds()) + offset
        for start, end in periods
        for offset in range(int((end - start).total_seconds()))
    }
    due: list[datetime] = []
    countdown: int | None = 0
    away = 0
    last = int((periods[-1][1] - periods[0][0]).total_seconds())
    for second in range(last):
        if second not in sitting:
            away += 1
            continue
        if away >= 30:  # a gap of at least break_duration ended just now
            countdown = second
        away = 0
        if countdown is not None and second >= countdown + interval.total_seconds():
            due.append(periods[0][0] + second * SEC)
            countdown = None if missed_after is None else second + int(missed_after.total_seconds())
    return due


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=SEEDS,
    tz=st.sampled_from(ZONES),
    standing_desk=st.booleans(),
    missed_after=st.sampled_from([None, timedelta(minutes=15)]),
)
def test_ground_truth_properties(
    seed: int, tz: ZoneInfo, standing_desk: bool, missed_after: timedelta | None
) -> None:
    trace = workday_trace(seed, DAY, tz, standing_desk=standing_desk)
    truth = ground_truth(trace, missed_after=missed_after)
    assert timedelta(0) < truth.sitting <= trace.end - trace.start
    presence = sum((end - start for start, end in _presence(trace)), timedelta(0))
    standing = sum((end - start for start, end in _periods(trace.standing)), timedelta(0))
    # presence minus standing, except where a presence blip meets a standing change: the
    # blip is then a departure from sitting, which moves the total by less than a debounce
    assert abs(truth.sitting - (presence - standing)) <= len(trace.standing) * 30 * SEC
    assert list(truth.breaks_due) == sorted(set(truth.breaks_due))
    for due in truth.breaks_due:
        assert any(start <= due < end for start, end in truth.sitting_periods)
    assert truth.breaks_due == tuple(
        _step_oracle(truth.sitting_periods, timedelta(minutes=30), missed_after)
    )


def test_seed_one_summary() -> None:
    """The sample quoted in the benchmark's notes: seed 1 on a Tuesday in Berlin."""
    trace = workday_trace(1, DAY, BERLIN)
    truth = ground_truth(trace)
    assert len(_presence(trace)) == 8
    assert len(trace.changes) == 34  # 8 presence periods with 9 flickers
    assert truth.stretches == 7  # 14:28:39-14:30:37 is shorter than away_reset
    assert truth.sitting == timedelta(hours=6, minutes=37, seconds=50)
    assert [due.astimezone(BERLIN).strftime("%H:%M:%S") for due in truth.breaks_due] == [
        "08:48:20",
        "09:38:10",
        "11:12:08",
        "13:42:03",
        "15:00:37",
    ]


# --- the hand-made package -----------------------------------------------------------------


def test_package_rejects_bad_desk_names() -> None:
    with pytest.raises(ValueError, match="slug"):
        diy.diy_package(["Office 1"])
    with pytest.raises(ValueError, match="repeat"):
        diy.diy_package(["a", "a"])


def test_package_scales_per_desk_and_example_is_current() -> None:
    package = diy.diy_package([f"desk_{n}" for n in range(3)])
    assert len(package["automation"]) == 9
    assert len(package["timer"]) == len(package["input_boolean"]) == len(package["sensor"]) == 3
    assert "input_boolean" not in diy.diy_package(["a"], include_presence=False)
    assert diy.EXAMPLE.read_text(encoding="utf-8") == diy.example_text()


async def test_package_loads_in_home_assistant(
    recorder_mock: Any,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Home Assistant's own validation accepts the package, and it counts down."""
    config: dict[str, Any] = {"homeassistant": {}}
    await merge_packages_config(hass, config, {"diy": diy.diy_package(["office"])})
    for domain in ("input_boolean", "timer", "sensor", "template", "automation"):
        assert await async_setup_component(hass, domain, config), domain
    await hass.async_block_till_done()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors

    automations = hass.states.async_entity_ids("automation")
    assert len(automations) == 3
    assert all(value(hass, entity_id) == "on" for entity_id in automations)
    assert value(hass, "timer.office_sitting") == "idle"
    assert value(hass, "sensor.office_next_break") == "unavailable"
    assert value(hass, "sensor.office_sitting_today") == "0.0"

    await set_presence(hass, "input_boolean.office_presence", True)
    await hass.async_block_till_done()  # the template follows the timer one step later
    assert value(hass, "timer.office_sitting") == "active"
    next_break = dt_util.parse_datetime(value(hass, "sensor.office_next_break"))
    assert next_break is not None
    assert next_break is not None
    assert abs(next_break - (dt_util.utcnow() + 30 * MIN)) <= SEC

    await set_presence(hass, "input_boolean.office_presence", False)
    await pass_time(hass, freezer, timedelta(seconds=31))
    assert value(hass, "timer.office_sitting") == "idle"


async def test_recorder_bytes_grow_with_what_is_written(
    recorder_mock: Any, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """SQLite's dbstat answers: states and their statistics add pages to their tables."""
    assert await async_setup_component(hass, "sensor", {})
    start = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    freezer.move_to(start)
    await async_wait_recording_done(hass)
    before = await async_recorder_bytes(hass)
    assert set(before) == set(RECORDER_TABLES)
    for second in range(0, 30 * 60, 60):  # 40 sensors, each changing every minute
        freezer.move_to(start + timedelta(seconds=second))
        for number in range(40):
            hass.states.async_set(
                f"sensor.power_{number}",
                str(second + number),
                {"state_class": "measurement", "unit_of_measurement": "W"},
            )
    await async_compile_statistics(hass, start, start + 30 * MIN)  # 240 rows
    after = await async_recorder_bytes(hass)
    assert after["states"] - before["states"] >= 1200 * 20  # 1200 rows of at least 20 bytes
    assert after["statistics_short_term"] > before["statistics_short_term"]
    assert after["state_attributes"] >= before["state_attributes"]


def test_presence_blip_while_standing_starts_is_a_departure() -> None:
    """Away for 17 s, the desk raised meanwhile: sitting ended when the person got up."""
    at = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    trace = Trace(
        changes=(
            (at, True),
            (at + 10 * MIN, False),
            (at + 10 * MIN + 17 * SEC, True),
            (at + 40 * MIN, False),
        ),
        standing=((at + 10 * MIN + 15 * SEC, True), (at + 40 * MIN, False)),
    )
    assert ground_truth(trace).sitting == 10 * MIN


@pytest.mark.parametrize("seed", range(1, 31))
def test_the_integrations_model_agrees_with_the_reference(seed: int) -> None:
    """Desk Coach's tracking model counts every seeded standing-desk day to the second."""
    trace = workday_trace(seed, DAY, BERLIN, standing_desk=True)
    start = datetime.combine(DAY, time(6, 30), tzinfo=BERLIN)
    tracker = DeskTracker(TRACKING, BERLIN, start, Activity.AWAY)
    present = standing = False
    changes = [(at, "presence", on) for at, on in trace.changes]
    changes += [(at, "standing", on) for at, on in trace.standing]
    for at, which, on in sorted(changes):
        if which == "presence":
            present = on
        else:
            standing = on
        tracker.observe(at, activity_from(present, standing))
    tracker.advance(datetime.combine(DAY, time(20, 0), tzinfo=BERLIN))
    assert tracker.snapshot().sitting_today == ground_truth(trace).sitting

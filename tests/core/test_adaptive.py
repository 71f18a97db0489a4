"""An interval that adapts (adaptive.py): the rule as examples and as laws."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.adaptive import (
    HIGH,
    LOW,
    STEP,
    WINDOW,
    Adapted,
    Reason,
    adapt,
    bounds,
)
from custom_components.desk_coach.tracking_types import DaySummary

M = timedelta(minutes=1)
D = timedelta(days=1)
TODAY = date(2026, 3, 16)
SETTING = 30 * M
TARGET = 80.0

# a fortnight's days, each the same: what the person does
SNOOZER = DaySummary(  # snoozes most due breaks, gets up after 40 minutes
    breaks_taken=4,
    compliance_taken=2,
    compliance_due=4,
    breaks_snoozed=3,
    sat_before_breaks=160 * M,
)
EARLY_RISER = DaySummary(  # gets up by themselves after 20 minutes
    breaks_taken=2,
    natural_breaks=6,
    compliance_taken=1,
    compliance_due=2,
    breaks_skipped=1,
    sat_before_breaks=160 * M,
)
ON_TARGET = DaySummary(  # takes every break when it is due
    breaks_taken=5, compliance_taken=5, compliance_due=5, sat_before_breaks=150 * M
)


def fortnight(day: DaySummary, today: date = TODAY, days: int = WINDOW) -> dict[date, DaySummary]:
    """The ``days`` finished days before ``today``, each like ``day``."""
    return {today - n * D: day for n in range(1, days + 1)}


def run(
    day: DaySummary,
    days: int,
    current: Adapted | None = None,
    setting: timedelta = SETTING,
) -> list[Adapted]:
    """Adapt on ``days`` days in a row, each after a fortnight like ``day``."""
    results = []
    for n in range(days):
        today = TODAY + n * D
        current = adapt(
            setting=setting,
            current=current,
            today=today,
            history=fortnight(day, today),
            target=TARGET,
        )
        results.append(current)
    return results


def test_snoozed_breaks_move_the_interval_later_a_step_a_day() -> None:
    first, second, third = run(SNOOZER, 3)
    assert first == Adapted(interval=35 * M, reason=Reason.SNOOZED, changed_on=TODAY)
    assert second == Adapted(interval=40 * M, reason=Reason.SNOOZED, changed_on=TODAY + D)
    assert third == Adapted(interval=40 * M, reason=Reason.HELD, changed_on=TODAY + D)


def test_the_interval_moves_no_further_than_45_minutes() -> None:
    late = DaySummary(
        breaks_taken=4, compliance_due=4, breaks_snoozed=4, sat_before_breaks=4 * 70 * M
    )
    assert [result.interval for result in run(late, 5)] == [35 * M, 40 * M, 45 * M, 45 * M, 45 * M]
    assert run(late, 5)[-1].reason == Reason.HELD


def test_natural_breaks_well_before_the_interval_move_it_earlier() -> None:
    first, second = run(EARLY_RISER, 2)
    assert first == Adapted(interval=25 * M, reason=Reason.EARLY, changed_on=TODAY)
    # 20 minutes is not more than 5 before 25: it stays
    assert second == Adapted(interval=25 * M, reason=Reason.HELD, changed_on=TODAY)


def test_a_week_on_target_moves_the_interval_back_toward_the_setting() -> None:
    current = Adapted(interval=40 * M, reason=Reason.SNOOZED, changed_on=TODAY - 9 * D)
    results = run(ON_TARGET, 3, current)
    assert results == [
        Adapted(interval=35 * M, reason=Reason.ON_TARGET, changed_on=TODAY),
        Adapted(interval=SETTING, reason=Reason.ON_TARGET, changed_on=TODAY + D),
        Adapted(interval=SETTING, reason=Reason.SETTING, changed_on=TODAY + D),
    ]


def test_on_target_does_not_undo_what_early_breaks_call_for() -> None:
    """Early risers meet the target too: moving back would swing back and forth daily."""
    on_target_early = DaySummary(
        breaks_taken=2,
        natural_breaks=6,
        compliance_taken=2,
        compliance_due=2,
        sat_before_breaks=160 * M,
    )
    assert [(result.interval, result.reason) for result in run(on_target_early, 4)] == [
        (25 * M, Reason.EARLY),
        (25 * M, Reason.HELD),
        (25 * M, Reason.HELD),
        (25 * M, Reason.HELD),
    ]


@pytest.mark.parametrize(
    ("why", "history"),
    [
        ("4 of the last 7 days had a break due", fortnight(ON_TARGET, days=4)),
        ("one day missed the target", fortnight(ON_TARGET) | {TODAY - 3 * D: SNOOZER}),
        (
            "the week was on vacation",
            fortnight(replace(ON_TARGET, vacation=True)),
        ),
    ],
)
def test_no_week_on_target(why: str, history: dict[date, DaySummary]) -> None:
    current = Adapted(interval=40 * M, reason=Reason.SNOOZED, changed_on=TODAY - 9 * D)
    result = adapt(setting=SETTING, current=current, today=TODAY, history=history, target=TARGET)
    assert result == Adapted(interval=40 * M, reason=Reason.HELD, changed_on=TODAY - 9 * D), why


@pytest.mark.parametrize(
    ("why", "history"),
    [
        ("only 4 breaks due", fortnight(SNOOZER, days=1)),
        ("half the due breaks snoozed", fortnight(replace(SNOOZER, breaks_snoozed=2))),
        ("breaks 2 minutes late", fortnight(replace(SNOOZER, sat_before_breaks=128 * M))),
        (
            "natural breaks fewer than breaks due",
            fortnight(replace(EARLY_RISER, compliance_due=7)),
        ),
        ("breaks 5 minutes early", fortnight(replace(EARLY_RISER, sat_before_breaks=200 * M))),
        ("nothing due, no break", fortnight(DaySummary(sitting=300 * M, breaks_snoozed=3))),
    ],
)
def test_no_change(why: str, history: dict[date, DaySummary]) -> None:
    result = adapt(setting=SETTING, current=None, today=TODAY, history=history, target=TARGET)
    assert result == Adapted(interval=SETTING, reason=Reason.SETTING, changed_on=None), why


def test_without_history_the_interval_is_the_setting_or_stays() -> None:
    assert adapt(setting=SETTING, current=None, today=TODAY, history={}, target=TARGET) == Adapted(
        interval=SETTING, reason=Reason.SETTING
    )
    current = Adapted(interval=38 * M, reason=Reason.SNOOZED, changed_on=TODAY - 2 * D)
    assert adapt(
        setting=SETTING, current=current, today=TODAY, history={}, target=TARGET
    ) == Adapted(interval=38 * M, reason=Reason.HELD, changed_on=TODAY - 2 * D)


def test_only_the_fortnight_before_today_is_read() -> None:
    history = {TODAY + n * D: SNOOZER for n in range(5)} | {
        TODAY - n * D: SNOOZER for n in range(WINDOW + 1, WINDOW + 20)
    }
    assert adapt(
        setting=SETTING, current=None, today=TODAY, history=history, target=TARGET
    ) == Adapted(interval=SETTING, reason=Reason.SETTING)


def test_a_change_today_is_the_last_today() -> None:
    current = Adapted(interval=35 * M, reason=Reason.SNOOZED, changed_on=TODAY)
    again = adapt(
        setting=SETTING, current=current, today=TODAY, history=fortnight(SNOOZER), target=TARGET
    )
    assert again is current


def test_a_new_setting_starts_again_from_it() -> None:
    """Bounds of 20 to 45 minutes widen to take in the setting; one that drops the interval
    out of them restarts from the setting."""
    assert bounds(30 * M) == (LOW, HIGH)
    assert bounds(10 * M) == (10 * M, HIGH)
    assert bounds(60 * M) == (LOW, 60 * M)
    current = Adapted(interval=45 * M, reason=Reason.SNOOZED, changed_on=TODAY)
    assert (
        adapt(setting=60 * M, current=current, today=TODAY, history={}, target=TARGET) == current
    )  # 45 minutes lies within 20 to 60
    longer = Adapted(interval=55 * M, reason=Reason.SNOOZED, changed_on=TODAY - D)
    assert adapt(
        setting=SETTING, current=longer, today=TODAY, history={}, target=TARGET
    ) == Adapted(interval=SETTING, reason=Reason.SETTING)  # 55 minutes from a setting of 60


def test_steps_fall_on_whole_minutes() -> None:
    """A setting of 30.5 minutes: steps end on whole minutes within 5 minutes of it."""
    later = run(SNOOZER, 3, setting=30 * M + 30 * timedelta(seconds=1))
    assert [result.interval for result in later] == [35 * M, 40 * M, 40 * M]
    earlier = run(EARLY_RISER, 1, setting=30 * M + 30 * timedelta(seconds=1))
    assert earlier[0].interval == 26 * M


COUNT = st.integers(0, 8)
MOSTLY_NONE = st.sampled_from([0, 0, 0, 0, 1, 2, 3])  # skipped or missed: weeks on target too
DAYS = st.builds(
    lambda taken, natural, skipped, missed, snoozed, sat_share, met, vacation: DaySummary(
        breaks_taken=taken,
        natural_breaks=natural,
        breaks_skipped=skipped,
        breaks_missed=missed,
        compliance_taken=min(met, taken),
        compliance_due=min(met, taken) + skipped + missed,
        breaks_snoozed=snoozed,
        sat_before_breaks=(taken + natural) * 90 * M * sat_share,
        vacation=vacation,
    ),
    COUNT,
    COUNT,
    MOSTLY_NONE,
    MOSTLY_NONE,
    st.integers(0, 12),
    st.floats(0, 1),
    COUNT,
    st.integers(0, 5).map(lambda roll: roll == 0),  # a vacation day, now and then
)
SETTINGS = st.integers(1, 120).map(lambda minutes: minutes * M)


@settings(max_examples=200, deadline=None)
@given(
    setting=SETTINGS,
    days=st.lists(st.none() | DAYS, min_size=WINDOW, max_size=WINDOW + 14),
    target=st.sampled_from([50.0, 80.0, 100.0]),
)
def test_law_day_after_day_the_interval_stays_in_bounds_and_moves_a_step_at_most(
    setting: timedelta, days: list[DaySummary | None], target: float
) -> None:
    """A fortnight and more lived day by day: each day's result is the next day's current."""
    low, high = bounds(setting)
    first = TODAY - len(days) * D
    history = {first + n * D: day for n, day in enumerate(days) if day is not None}
    current: Adapted | None = None
    for n in range(len(days) + 1):
        today = first + n * D
        result = adapt(
            setting=setting, current=current, today=today, history=history, target=target
        )
        assert low <= result.interval <= high
        before = setting if current is None else current.interval
        assert abs(result.interval - before) <= STEP
        if result.interval != before:
            assert result.changed_on == today
            assert result.reason in {Reason.SNOOZED, Reason.EARLY, Reason.ON_TARGET}
            assert result.interval % M == timedelta(0) or result.interval == setting
        else:
            assert result.changed_on == (None if current is None else current.changed_on)
            assert result.reason in {Reason.SETTING, Reason.HELD}
        again = adapt(setting=setting, current=result, today=today, history=history, target=target)
        assert again == result  # once a day
        assert again == adapt(
            setting=setting, current=current, today=today, history=history, target=target
        )  # deterministic
        current = result


@settings(max_examples=200, deadline=None)
@given(setting=SETTINGS, fortnight_days=st.lists(DAYS, min_size=WINDOW, max_size=WINDOW))
def test_law_the_same_fortnight_every_day_settles_the_interval(
    setting: timedelta, fortnight_days: list[DaySummary]
) -> None:
    """No back and forth: behaving alike day after day, the interval comes to rest."""
    current: Adapted | None = None
    seen = []
    for n in range(60):
        today = TODAY + n * D
        history = {today - (k + 1) * D: day for k, day in enumerate(fortnight_days)}
        current = adapt(
            setting=setting, current=current, today=today, history=history, target=TARGET
        )
        seen.append(current.interval)
    assert len(set(seen[-10:])) == 1


@given(setting=SETTINGS, minutes=st.integers(1, 120))
def test_law_without_history_the_interval_is_the_setting_or_stays(
    setting: timedelta, minutes: int
) -> None:
    low, high = bounds(setting)
    current = Adapted(interval=minutes * M, reason=Reason.HELD, changed_on=TODAY - 3 * D)
    result = adapt(setting=setting, current=current, today=TODAY, history={}, target=TARGET)
    if low <= current.interval <= high:
        assert result.interval == current.interval
        assert result.changed_on == current.changed_on
    else:
        assert result == Adapted(interval=setting, reason=Reason.SETTING)
    assert result.reason == (Reason.SETTING if result.interval == setting else Reason.HELD)

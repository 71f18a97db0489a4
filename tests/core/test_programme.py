"""The strength programme: spacing in hours, levels up and down, the pause after pain."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.exercises import read_library
from custom_components.desk_coach.programme import (
    PAIN_PAUSE,
    Level,
    Programme,
    ProgrammeSettings,
    dosed,
    level_up,
)
from custom_components.desk_coach.routine_history import Effort, Finished, Outcome
from custom_components.desk_coach.routine_plan import plan_routine

ZONE = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 3, 9, 17, tzinfo=ZONE)  # Monday 17:00
TOP = 5
SETTINGS = ProgrammeSettings()


def session(
    start: datetime,
    outcome: Outcome = Outcome.COMPLETED,
    *,
    effort: Effort | None = None,
    extra: bool = False,
    level: int | None = 2,
    strength: bool = True,
    minutes: int = 8,
) -> Finished:
    """A routine started at ``start`` that ended ``minutes`` later."""
    ended = (start + timedelta(minutes=minutes)).astimezone(UTC)
    return Finished(
        ended=ended,
        day=start.astimezone(ZONE).date(),
        routine="strengthening" if strength else "stretching",
        outcome=outcome,
        strength=strength,
        started=start.astimezone(UTC),
        extra=extra,
        level=level if strength else None,
        effort=effort,
    )


def test_the_spacing_is_hours_from_the_last_start() -> None:
    """Monday 17:00 to Wednesday 08:00 is 39 hours: extra; the plan says Wednesday 17:00."""
    programme, entries = Programme(), [session(MONDAY)]
    earliest = programme.earliest(entries, SETTINGS, ZONE)
    assert earliest == (MONDAY + timedelta(hours=48)).astimezone(UTC)
    wednesday_8 = MONDAY + timedelta(hours=39)
    assert programme.is_extra(entries, SETTINGS, wednesday_8, ZONE)
    assert not programme.is_extra(entries, SETTINGS, MONDAY + timedelta(hours=48), ZONE)
    plan = programme.plan(entries, SETTINGS, wednesday_8, ZONE)
    assert plan.next_day == date(2026, 3, 11)
    assert plan.earliest == earliest
    # an extra session plans nothing: the next planned one is still due from Monday's
    entries.append(session(wednesday_8, extra=True))
    assert programme.earliest(entries, SETTINGS, ZONE) == earliest
    plan = programme.plan(entries, SETTINGS, wednesday_8, ZONE)
    assert (plan.done_this_week, plan.extra_this_week) == (1, 1)


def test_a_longer_spacing_from_the_options() -> None:
    """72 hours: Monday 17:00 plans Thursday 17:00, and every third day that week."""
    three_days = ProgrammeSettings.from_options({"strength_spacing": 72})
    assert three_days.spacing == timedelta(hours=72)
    plan = Programme().plan([session(MONDAY)], three_days, MONDAY + timedelta(hours=1), ZONE)
    assert plan.next_day == date(2026, 3, 12)
    assert (plan.done_this_week, plan.planned_this_week) == (1, 3)  # Mon, Thu, Sun


def test_two_minutes_daily_plans_every_day() -> None:
    """Daily: the next session is tomorrow from midnight on, seven a week."""
    daily = ProgrammeSettings.from_options({"two_minutes_daily": True})
    entries = [session(MONDAY, minutes=2)]
    programme = Programme()
    earliest = programme.earliest(entries, daily, ZONE)
    assert earliest == datetime(2026, 3, 10, tzinfo=ZONE).astimezone(UTC)
    plan = programme.plan(entries, daily, MONDAY + timedelta(hours=1), ZONE)
    assert plan.next_day == date(2026, 3, 10)
    assert (plan.done_this_week, plan.planned_this_week) == (1, 7)


def test_a_pain_stop_moves_the_plan_48_hours_and_lowers_the_level() -> None:
    """Even in daily mode, a pain stop keeps the next session two days away."""
    daily = ProgrammeSettings(daily=True)
    entries = [session(MONDAY), session(MONDAY + timedelta(hours=20), Outcome.PAIN)]
    programme = Programme()
    earliest = programme.earliest(entries, daily, ZONE)
    assert earliest == entries[-1].ended + PAIN_PAUSE
    assert programme.progress(entries, TOP) == (1, 0)
    # a pain stop in a stretching routine counts too: pain is pain
    stretch = [session(MONDAY, Outcome.PAIN, strength=False)]
    assert programme.progress(stretch, TOP) == (1, 0)


def test_the_level_rises_exactly_after_two_good_sessions_in_a_row() -> None:
    """Weeks of sessions every other day, scripted ratings: where the level stands."""
    programme, entries = Programme(), []
    script: list[tuple[Outcome, Effort | None, int]] = [
        (Outcome.COMPLETED, None, 2),  # unrated counts as fine: one in a row
        (Outcome.COMPLETED, Effort.HARD, 2),  # hard: the row starts again
        (Outcome.COMPLETED, Effort.EASY, 2),
        (Outcome.COMPLETED, Effort.FINE, 3),  # two in a row: up to 2 x 12
        (Outcome.DONE, None, 3),  # stopped early: the row starts again
        (Outcome.COMPLETED, Effort.FINE, 3),
        (Outcome.COMPLETED, Effort.FINE, 4),  # up: 2 x 12, slower
        (Outcome.PAIN, None, 3),  # a pain stop: one down
        (Outcome.COMPLETED, Effort.EASY, 3),
        (Outcome.COMPLETED, Effort.EASY, 4),
        (Outcome.COMPLETED, Effort.EASY, 4),
        (Outcome.COMPLETED, Effort.EASY, 5),  # the top: 2 x 15
        (Outcome.COMPLETED, Effort.EASY, 5),
        (Outcome.COMPLETED, Effort.EASY, 5),  # stays at the top
    ]
    start = MONDAY
    for outcome, effort, level in script:
        entries.append(session(start, outcome, effort=effort))
        assert programme.progress(entries, TOP)[0] == level, (len(entries), outcome, effort)
        start += timedelta(hours=48)


def test_extra_and_custom_sessions_never_move_the_level() -> None:
    """Neither an extra session nor a custom routine (no level) counts towards a rise."""
    programme = Programme()
    entries = [
        session(MONDAY, extra=True),
        session(MONDAY + timedelta(days=1), level=None),
        session(MONDAY + timedelta(days=2), extra=True),
    ]
    assert programme.progress(entries, TOP) == (2, 0)


def test_rising_pain_holds_the_level() -> None:
    """Two good sessions while pain is rising: no rise."""
    entries = [session(MONDAY), session(MONDAY + timedelta(days=2))]
    assert Programme().progress(entries, TOP, rising=True) == (2, 0)
    assert Programme().progress(entries, TOP) == (3, 0)


def test_two_pain_stops_in_14_days_pause_the_programme_until_turned_on() -> None:
    """The second pain stop turns it off; nothing is planned; on again, stops before don't count."""
    programme = Programme()
    first = session(MONDAY, Outcome.PAIN)
    assert not programme.pause_after_pain([first], first.ended)
    second = session(MONDAY + timedelta(days=13), Outcome.PAIN)
    entries = [first, second]
    assert programme.pause_after_pain(entries, second.ended)
    assert not programme.enabled
    assert programme.paused_at == second.ended
    plan = programme.plan(entries, SETTINGS, second.ended, ZONE)
    assert (plan.next_day, plan.earliest) == (None, None)
    assert programme.is_extra(entries, SETTINGS, second.ended, ZONE)
    assert not programme.pause_after_pain(entries, second.ended)  # said once
    back = second.ended + timedelta(days=1)
    programme.turn(True, back)
    assert programme.enabled
    assert programme.paused_at is None
    third = session(back + timedelta(days=1), Outcome.PAIN)
    assert not programme.pause_after_pain([*entries, third], third.ended)  # one since then
    plan = programme.plan([*entries, third], SETTINGS, third.ended, ZONE)
    assert plan.earliest == third.ended + PAIN_PAUSE


def test_pain_stops_15_days_apart_do_not_pause() -> None:
    """Two pain stops more than 14 days apart: the programme goes on."""
    first = session(MONDAY, Outcome.PAIN)
    second = session(MONDAY + timedelta(days=15), Outcome.PAIN)
    assert not Programme().pause_after_pain([first, second], second.ended)


def test_dosed_follows_the_level_and_keeps_one_set_routines_short() -> None:
    """The built-in routines at a level: sets up to the level's, its reps, slower reps."""
    library = read_library()
    assert library.levels[library.start_level - 1] == Level(sets=2, reps=10)
    assert [(lvl.sets, lvl.reps, lvl.slower) for lvl in library.levels] == [
        (1, 10, 0),
        (2, 10, 0),
        (2, 12, 0),
        (2, 12, 2),
        (2, 15, 0),
    ]
    slow = library.levels[3]
    strengthening = dosed(library.routines["strengthening"], slow, library.exercises)
    steps = plan_routine(strengthening, library.exercises, library.timing)
    work = [step for step in steps if step.kind.value == "work"]
    assert {(step.sets, step.reps, step.slower) for step in work} == {(2, 12, 2)}
    chin = next(step for step in work if step.exercise == "chin_tucks")
    tempo = library.exercises["chin_tucks"].tempo
    assert chin.seconds - chin.listen == 12 * (tempo + 2)
    two = dosed(library.routines["two_minutes"], library.levels[4], library.exercises)
    assert {(item.sets, item.reps) for item in two.items} == {(1, 15)}
    # a routine of holds is left as it is
    stretching = library.routines["stretching"]
    held = dosed(stretching, slow, library.exercises)
    assert [i for i in held.items if i.hold is not None] == [
        i for i in stretching.items if i.hold is not None
    ]


def test_the_programme_round_trips_as_stored() -> None:
    """As JSON and back, the same programme; nothing stored is a fresh one."""
    programme = Programme(level=4, row=1, settled=MONDAY.astimezone(UTC))
    programme.turn(False, MONDAY)
    assert Programme.from_dict(programme.as_dict()) == programme
    assert Programme.from_dict(None) == Programme()
    with pytest.raises((TypeError, ValueError)):
        Programme.from_dict({"level": "high"})


OUTCOMES = st.sampled_from(list(Outcome))
EFFORTS = st.sampled_from([None, *Effort])
ENTRY = st.tuples(OUTCOMES, EFFORTS, st.booleans(), st.integers(min_value=1, max_value=72))


@settings(max_examples=200, deadline=None)
@given(st.lists(ENTRY, max_size=40), st.integers(min_value=0, max_value=60))
def test_law_settling_never_changes_the_level(
    script: list[tuple[Outcome, Effort | None, bool, int]], days: int
) -> None:
    """Folding old entries into the checkpoint gives the level the whole history gives.

    And the level stays within the levels whatever happens.
    """
    entries, start = [], MONDAY
    for outcome, effort, extra, hours in script:
        entries.append(session(start, outcome, effort=effort, extra=extra))
        start += timedelta(hours=hours)
    whole = Programme().progress(entries, TOP)
    assert 1 <= whole[0] <= TOP
    settled = Programme()
    settled.settle(entries, start + timedelta(days=days), TOP)
    assert settled.progress(entries, TOP) == whole
    # forgetting what was settled (the history's cap) changes nothing either
    if settled.settled is not None:
        kept = [entry for entry in entries if entry.ended > settled.settled]
        assert settled.progress(kept, TOP) == whole


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=TOP),
    st.integers(min_value=0, max_value=1),
    OUTCOMES,
    EFFORTS,
    st.booleans(),
)
def test_law_one_entry_moves_the_level_by_one_at_most(
    level: int, row: int, outcome: Outcome, effort: Effort | None, extra: bool
) -> None:
    """A pain stop lowers by one (never below 1); a good session raises by one at most."""
    entry = session(MONDAY, outcome, effort=effort, extra=extra)
    after, row_after = level_up(level, row, entry, TOP, rising=False)
    assert abs(after - level) <= 1
    assert 1 <= after <= TOP
    if outcome is Outcome.PAIN:
        assert (after, row_after) == (max(1, level - 1), 0)
    if after > level:
        assert outcome is Outcome.COMPLETED
        assert effort is not Effort.HARD
        assert not extra


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=96), min_size=1, max_size=10))
def test_law_a_planned_session_is_never_sooner_than_the_spacing(gaps: list[int]) -> None:
    """Whatever was done, a session not extra starts at least 48 h after the last planned."""
    programme, entries, start = Programme(), [], MONDAY
    for gap in gaps:
        extra = programme.is_extra(entries, SETTINGS, start, ZONE)
        entries.append(session(start, extra=extra))
        start += timedelta(hours=gap)
    planned = [entry.started for entry in entries if not entry.extra]
    assert all(
        later - earlier >= timedelta(hours=48)
        for earlier, later in pairwise(planned)
        if earlier is not None and later is not None
    )

"""The routine history: what it keeps, how long, the pain advice (the plan: test_programme)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
import json

from hypothesis import given, settings, strategies as st

from custom_components.desk_coach.programme import Programme, ProgrammeSettings
from custom_components.desk_coach.routine_history import (
    HISTORY_DAYS,
    HISTORY_ENTRIES,
    PAIN_ADVICE_FOR,
    Answer,
    Finished,
    Outcome,
    RoutineHistory,
)
from custom_components.desk_coach.stored_data import STORAGE_MINOR_VERSION, STORAGE_VERSION


def finished(day: date, outcome: Outcome = Outcome.COMPLETED, *, strength: bool = True) -> Finished:
    """A history entry on ``day``."""
    ended = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
    return Finished(ended=ended, day=day, routine="x", outcome=outcome, strength=strength)


MONDAY = date(2026, 3, 9)


def test_pain_advice_shows_for_a_while_after_a_pain_stop() -> None:
    """Five minutes after a routine stopped for pain; a later routine ends it."""
    history = RoutineHistory()
    pain = finished(MONDAY, Outcome.PAIN)
    assert history.pain_advice_until(pain.ended) is None
    history.record(pain)
    until = pain.ended + PAIN_ADVICE_FOR
    assert timedelta(minutes=5) == PAIN_ADVICE_FOR
    assert history.pain_advice_until(pain.ended) == until
    assert history.pain_advice_until(until - timedelta(seconds=1)) == until
    assert history.pain_advice_until(until) is None
    history.record(replace(finished(MONDAY), ended=pain.ended + timedelta(minutes=1)))
    assert history.pain_advice_until(pain.ended + timedelta(minutes=2)) is None


def test_history_counts_and_forgets() -> None:
    """Completed per day, pain stops kept, old entries dropped, data round trip."""
    history = RoutineHistory()
    history.record(finished(MONDAY))
    history.record(finished(MONDAY, Outcome.PAIN))
    history.record(finished(MONDAY, Outcome.DONE))
    assert history.completed_on(MONDAY) == 1
    assert [entry.outcome for entry in history.pain_stops()] == [Outcome.PAIN]
    assert RoutineHistory.from_list(history.as_list()) == history
    much_later = MONDAY + timedelta(days=500)
    history.record(finished(much_later))
    assert [entry.day for entry in history.entries] == [much_later]
    assert RoutineHistory.from_list(None).entries == []


@settings(max_examples=300)
@given(
    limit=st.integers(min_value=1, max_value=8),
    records=st.lists(
        st.tuples(st.integers(min_value=0, max_value=250), st.sampled_from(list(Outcome))),
        max_size=40,
    ),
)
def test_law_the_history_keeps_the_newest_within_its_days_and_count(
    limit: int, records: list[tuple[int, Outcome]]
) -> None:
    """After any routines, in the order they ended: at most ``limit`` entries, none older
    than HISTORY_DAYS before the newest, and exactly the newest that fit both caps."""
    history, recorded, day = RoutineHistory(limit=limit), [], MONDAY
    for number, (gap, outcome) in enumerate(records):
        day += timedelta(days=gap)
        entry = replace(
            finished(day, outcome), ended=finished(day).ended + timedelta(seconds=number)
        )
        history.record(entry)
        recorded.append(entry)
        kept = history.entries
        assert 1 <= len(kept) <= limit
        assert all(entry.day - old.day < timedelta(days=HISTORY_DAYS) for old in kept)
        assert kept == recorded[len(recorded) - len(kept) :]  # the newest, in order
        dropped = recorded[: len(recorded) - len(kept)]
        assert (
            not dropped
            or len(kept) == limit
            or entry.day - dropped[-1].day >= timedelta(days=HISTORY_DAYS)
        )  # none dropped that fits both caps
        if outcome is Outcome.PAIN:  # the advice after a pain stop survives the caps
            assert history.pain_advice_until(entry.ended) == entry.ended + PAIN_ADVICE_FOR
            assert history.pain_stops()[-1] == entry
    assert RoutineHistory.from_list(history.as_list()) == history


def test_history_stored_before_the_count_cap_is_trimmed_on_loading() -> None:
    """More entries than the cap (a file written before it): the newest are kept."""
    stored = [
        replace(finished(MONDAY), ended=finished(MONDAY).ended + timedelta(seconds=n)).as_dict()
        for n in range(HISTORY_ENTRIES + 25)
    ]
    loaded = RoutineHistory.from_list(stored)
    assert loaded.as_list() == stored[25:]


# The routine history of 400 days of heavy use, as the store writes it, stays under 1 MB
# (938,030 bytes measured, the README says so).
STORED_HISTORY_BOUND = 1_000_000  # bytes


def test_400_days_of_heavy_use_stay_under_the_stored_size_bound() -> None:
    """12 routines a day for 400 days (above the 10 a day the cap allows for): the oldest go,
    every figure read from the history still holds, and the stored size stays bounded."""
    history, first = RoutineHistory(), date(2026, 1, 5)
    steps = ("chin_tuck", "wall_angel", "doorway_stretch")
    last = first
    for offset in range(400):
        last = first + timedelta(days=offset)
        start = datetime(last.year, last.month, last.day, 8, 3, 17, 123456, tzinfo=UTC)
        for number in range(12):
            ended = start + timedelta(minutes=47 * number, microseconds=number)
            strength = offset % 2 == 0 and number == 0
            outcome, step = Outcome.COMPLETED, None
            if number == 11 and offset % 5 == 4:
                outcome, step = Outcome.PAIN, steps[offset % 3]
            elif number == 10:
                outcome, step = Outcome.INTERRUPTED, steps[number % 3]
            history.record(
                Finished(
                    ended=ended,
                    day=last,
                    routine="strengthen" if strength else "stretch",
                    outcome=outcome,
                    strength=strength,
                    step=step,
                )
            )
            if outcome is Outcome.COMPLETED and number % 2:
                history.answer(ended, Answer.YES)
    assert last - first == timedelta(days=HISTORY_DAYS - 1)  # within the days: the count bites
    assert len(history.entries) == HISTORY_ENTRIES
    assert history.entries[-1].day == last
    assert history.entries[0].day == first + timedelta(days=(400 * 12 - HISTORY_ENTRIES) // 12)
    assert history.completed_on(last) == 10  # the whole newest day is kept
    assert history.strength_days()[-1] == last - timedelta(days=1)
    plan = Programme().plan(history.entries, ProgrammeSettings(), ended, UTC)
    assert plan.next_day == last + timedelta(days=2)  # the last day's pain stop: 48 h later
    assert history.pain_advice_until(history.entries[-1].ended) is not None  # day 399 hurt
    assert history.pain_stops()[-1].ended == history.entries[-1].ended
    assert len(history.pain_stops()) == len(
        {entry.day for entry in history.entries if (entry.day - first).days % 5 == 4}
    )
    # as the store writes it: Home Assistant's JSON with a two-space indent (the same bytes
    # as its prepare_save_json for these plain values), in the Store's envelope
    envelope = {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
        "key": "desk_coach.01JDESKCOACHENTRY000000000",
        "data": {"routine_history": history.as_list()},
    }
    stored = json.dumps(envelope, indent=2).encode()
    assert len(stored) < STORED_HISTORY_BOUND
    assert RoutineHistory.from_list(json.loads(stored)["data"]["routine_history"]) == history

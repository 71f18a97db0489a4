"""Two phases (tracking_core.py): a gentle cue when a break falls due, spoken at a natural
pause or at the ceiling; reminders and *missed* count from the spoken call."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, strategies as st

from custom_components.desk_coach.model import Activity, Announcement, BreakEvent, DeskTracker
from tests.helpers import TRACKING

M = timedelta(minutes=1)
START = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
TWO_PHASES = replace(TRACKING, cue_first=10 * M)


def sitting(settings: object = TWO_PHASES) -> DeskTracker:
    return DeskTracker(settings, UTC, START, Activity.SITTING)  # type: ignore[arg-type]


def calls(tracker: DeskTracker) -> list[tuple[int, int, bool]]:
    """Each announcement: minutes since the start, reminder number, cue or spoken."""
    _, announcements = tracker.drain()
    return [(round((a.at - START) / M), a.reminder, a.cue) for a in announcements]


def test_off_a_due_break_is_spoken_at_once() -> None:
    tracker = sitting(TRACKING)
    tracker.advance(START + 30 * M)
    assert calls(tracker) == [(30, 0, False)]


def test_cued_then_spoken_at_the_ceiling_and_reminded_from_there() -> None:
    tracker = sitting()
    tracker.advance(START + 30 * M)
    assert calls(tracker) == [(30, 0, True)]
    tracker.advance(START + 39 * M)
    assert calls(tracker) == []
    tracker.advance(START + 40 * M)
    assert calls(tracker) == [(40, 0, False)]  # the ceiling: spoken
    tracker.advance(START + 54 * M)
    assert calls(tracker) == [(45, 1, False), (50, 2, False)]
    assert tracker.snapshot().break_due  # not missed 15 minutes after it fell due...
    tracker.advance(START + 55 * M)
    out = tracker.drain_all()
    assert [event for _, event in out.events] == [BreakEvent.MISSED]  # ...but after 25
    assert tracker.snapshot().today.breaks_missed == 1


def test_a_natural_pause_speaks_it_before_the_ceiling() -> None:
    tracker = sitting()
    tracker.advance(START + 30 * M)
    tracker.drain()
    tracker.speak_now(START + 33 * M)
    assert calls(tracker) == [(33, 0, False)]
    tracker.speak_now(START + 34 * M)  # spoken already: nothing more
    tracker.advance(START + 38 * M)
    assert calls(tracker) == [(38, 1, False)]


def test_a_pause_before_anything_is_due_says_nothing() -> None:
    tracker = sitting()
    tracker.speak_now(START + 10 * M)
    assert calls(tracker) == []


def test_the_end_of_a_quiet_time_speaks_a_due_break_at_once() -> None:
    tracker = sitting()
    tracker.set_quiet(START + 20 * M, True)
    tracker.advance(START + 35 * M)
    assert calls(tracker) == []
    tracker.set_quiet(START + 36 * M, False)  # a meeting ended: a natural pause
    assert calls(tracker) == [(36, 0, False)]


@given(
    ceiling=st.integers(1, 30),
    pause=st.one_of(st.none(), st.integers(0, 40)),
)
def test_law_spoken_once_by_the_ceiling_or_the_pause_whichever_is_first(
    ceiling: int, pause: int | None
) -> None:
    """Law: one cue at due, then the first spoken call at min(pause, ceiling)."""
    tracker = sitting(replace(TRACKING, cue_first=ceiling * M, escalation_count=0))
    tracker.advance(START + 30 * M)
    if pause is not None:
        tracker.speak_now(START + (30 + pause) * M)
    tracker.advance(START + 80 * M)
    _, announcements = tracker.drain()
    assert announcements[0] == Announcement(at=START + 30 * M, reminder=0, cue=True)
    spoken = [a for a in announcements if not a.cue]
    first = min(ceiling, pause) if pause is not None and pause > 0 else ceiling
    if pause == 0:
        first = 0
    assert spoken[0].at == START + (30 + first) * M

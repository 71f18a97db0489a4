"""Traces for the tracking model: what a desk observes and what the user commands, over time.

Shared by the model's laws (core) and the storage's (runtime).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from custom_components.desk_coach.model import Activity, DeskTracker, Settings, Snapshot
from custom_components.desk_coach.refusal import Refusal

from .helpers import TRACKING

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 10, 9, 0, tzinfo=BERLIN).astimezone(UTC)  # an ordinary Tuesday
DEFAULT = TRACKING
S = SECOND = timedelta(seconds=1)
M = timedelta(minutes=1)

SITTING, STANDING, AWAY, UNKNOWN = (
    Activity.SITTING,
    Activity.STANDING,
    Activity.AWAY,
    Activity.UNKNOWN,
)


def run(
    trace: list[tuple[timedelta, Action]],
    until: timedelta,
    *,
    start: datetime = START,
    config: Settings = DEFAULT,
) -> DeskTracker:
    """Feed a trace of (offset from start, activity) and let time run to ``until``."""
    start = start.astimezone(UTC)  # offsets are real durations, not wall-clock moves
    tracker = DeskTracker(config, BERLIN, start)
    for offset, action in trace:
        apply(tracker, start + offset, action)
    tracker.advance(start + until)
    return tracker


def snap(trace: list[tuple[timedelta, Activity]], until: timedelta, **kwargs: object) -> Snapshot:
    return run(trace, until, **kwargs).snapshot()  # type: ignore[arg-type]


ACTIVITIES = st.sampled_from([SITTING, STANDING, AWAY, UNKNOWN])
SETTINGS = st.builds(
    lambda **tuned: replace(TRACKING, **tuned),
    break_interval=st.integers(5, 90).map(lambda m: m * M),
    break_duration=st.integers(10, 300).map(lambda s: s * S),
    away_reset=st.integers(1, 20).map(lambda m: m * M),
    presence_debounce=st.integers(0, 90).map(lambda s: s * S),
)
STARTS = st.sampled_from(
    [
        START,
        datetime(2026, 3, 28, 22, 30, tzinfo=BERLIN).astimezone(UTC),  # clocks go forward
        datetime(2026, 10, 24, 23, 15, tzinfo=BERLIN).astimezone(UTC),  # clocks go back
        datetime(2026, 12, 31, 23, 50, tzinfo=BERLIN).astimezone(UTC),
    ]
)


COMMANDS = st.sampled_from(["take", "snooze", "skip", "quiet", "loud"])
Action = Activity | str


def apply(tracker: DeskTracker, at: datetime, action: Action) -> None:
    """An observation, or a command the user gives."""
    if isinstance(action, Activity):
        tracker.observe(at, action)
    elif action in ("take", "snooze", "skip"):
        with suppress(Refusal):  # nobody sitting, no break due: the user was refused
            if action == "take":
                tracker.take_break(at)
            elif action == "snooze":
                tracker.snooze(at, 5 * M)
            else:
                tracker.skip(at)
    else:
        tracker.set_quiet(at, action == "quiet")


@st.composite
def traces(draw: st.DrawFn, max_gap: int = 3 * 3600) -> list[tuple[timedelta, Action]]:
    """Observations and commands with gaps from one second to hours between them."""
    actions = st.one_of(ACTIVITIES, ACTIVITIES, COMMANDS)
    steps = draw(st.lists(st.tuples(st.integers(1, max_gap), actions), max_size=40))
    offset = timedelta(0)
    trace = []
    for gap, action in steps:
        offset += gap * S
        trace.append((offset, action))
    return trace

"""Seeded workday presence traces for one desk, and the ground truth they imply.

Pure Python on purpose: no Home Assistant import, and nothing from ``custom_components``. The
ground truth is written from the shared specification (``BEHAVIOUR.md``), independently of the
integration's code, so the integration can be measured against it.

A trace is a list of presence changes (and, for a standing desk, standing changes) at
timezone-aware UTC instants. All arithmetic is done in UTC so that days with a daylight-saving
change come out right; only the anchors (arrival, lunch, leaving) are chosen in local time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
import random

MINUTE = timedelta(minutes=1)
SECOND = timedelta(seconds=1)

# Realism bounds of the generator (the tests hold the generator to them).
ARRIVAL_EARLIEST = time(8, 0)
ARRIVAL_LATEST = time(9, 30)
LUNCH_EARLIEST = time(12, 0)
LUNCH_LATEST = time(13, 30)
LEAVING_EARLIEST = time(16, 30)
LEAVING_LATEST = time(18, 30)
STRETCH_MIN = timedelta(minutes=10)
STRETCH_MAX = timedelta(minutes=90)
ABSENCE_MIN = timedelta(minutes=1)
ABSENCE_MAX = timedelta(minutes=20)
LUNCH_MIN = timedelta(minutes=30)
LUNCH_MAX = timedelta(minutes=60)
FLICKER_MIN = timedelta(seconds=2)
FLICKER_MAX = timedelta(seconds=20)
STANDING_MIN = timedelta(minutes=5)
STANDING_MAX = timedelta(minutes=30)
# A flicker or a standing period keeps this far from the edges of its stretch and from
# each other, so that no two changes are closer than a debounce by accident.
MARGIN = timedelta(minutes=1)
# Chances per stretch: each minute of sitting carries this chance of one flicker ...
FLICKER_PER_MINUTE = 0.02
# ... and a long enough stretch carries this chance of one standing period.
STANDING_CHANCE = 0.4

Change = tuple[datetime, bool]
Period = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class Trace:
    """One desk's day: presence changes and, for a standing desk, standing changes.

    ``changes`` alternate on/off starting with on and ending with off; ``standing`` alternate
    standing/not standing (``True``/``False``), starting with ``True`` and ending with
    ``False``, always while present. All instants are timezone-aware UTC and strictly
    increasing within each tuple.
    """

    changes: tuple[Change, ...]
    standing: tuple[Change, ...] = ()

    @property
    def start(self) -> datetime:
        """Arrival: the first presence change."""
        return self.changes[0][0]

    @property
    def end(self) -> datetime:
        """Leaving: the last presence change."""
        return self.changes[-1][0]


@dataclass(frozen=True, slots=True)
class Truth:
    """What Desk Coach should report for a trace.

    ``sitting`` is the total sitting time of the trace; ``breaks_due`` the instants at which a
    break falls due. ``sitting_periods`` are the debounced sitting periods (half-open
    ``[start, end)``) and ``stretches`` counts stretches as ended by ``away_reset``.
    """

    sitting: timedelta
    breaks_due: tuple[datetime, ...]
    sitting_periods: tuple[Period, ...]
    stretches: int


def _utc(day: date, at: time, tz: tzinfo) -> datetime:
    """A local wall-clock time on ``day`` as a UTC instant."""
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def _uniform(rng: random.Random, low: timedelta, high: timedelta) -> timedelta:
    """A duration between ``low`` and ``high`` inclusive, in whole seconds."""
    return timedelta(seconds=rng.randint(int(low.total_seconds()), int(high.total_seconds())))


def _sit_until(
    rng: random.Random, start: datetime, target: datetime
) -> tuple[list[Period], datetime]:
    """Alternate stretches and absences from ``start`` until a stretch reaches ``target``.

    The stretch that reaches ``target`` is cut there, but never below the shortest stretch, so
    the run ends between ``target`` and ``target`` plus the longest absence plus the shortest
    stretch.
    """
    stretches: list[Period] = []
    at = start
    while True:
        end = at + _uniform(rng, STRETCH_MIN, STRETCH_MAX)
        if end >= target:
            end = max(target, at + STRETCH_MIN)
            stretches.append((at, end))
            return stretches, end
        stretches.append((at, end))
        at = end + _uniform(rng, ABSENCE_MIN, ABSENCE_MAX)


def _inner_periods(
    rng: random.Random,
    period: Period,
    count: int,
    low: timedelta,
    high: timedelta,
) -> list[Period]:
    """Up to ``count`` disjoint sub-periods of ``period``, each ``MARGIN`` clear of the rest."""
    start, end = period
    placed: list[Period] = []
    for _ in range(count):
        length = _uniform(rng, low, high)
        room = (end - MARGIN) - (start + MARGIN) - length
        if room < timedelta(0):
            continue
        begin = start + MARGIN + _uniform(rng, timedelta(0), room)
        candidate = (begin, begin + length)
        if all(
            candidate[1] + MARGIN <= other[0] or other[1] + MARGIN <= candidate[0]
            for other in placed
        ):
            placed.append(candidate)
    return sorted(placed)


def workday_trace(seed: int, day: date, tz: tzinfo, *, standing_desk: bool = False) -> Trace:
    """A realistic, seeded workday at one desk.

    Arrival between 08:00 and 09:30 local; sitting stretches of 10-90 minutes separated by
    absences of 1-20 minutes; the stretch that reaches a lunch target (12:00-13:00) ends the
    morning, and lunch (30-60 minutes) starts between 12:00 and 13:30; the afternoon goes the
    same way until a leaving target (16:30-18:00), so the day ends between 16:30 and 18:30.
    Within stretches the sensor flickers: off-blips of 2-20 seconds, shorter than a 30-second
    debounce. With ``standing_desk`` some stretches hold one standing period of 5-30 minutes.

    Only ``random.Random(seed)`` is used, so a seed and a day always give the same trace. The
    presence part of a standing-desk trace equals the plain trace for the same seed.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible, not secret

    def local(earliest: time, latest: time) -> datetime:
        low = _utc(day, earliest, tz)
        return low + _uniform(rng, timedelta(0), _utc(day, latest, tz) - low)

    arrival = local(ARRIVAL_EARLIEST, ARRIVAL_LATEST)
    lunch_target = local(LUNCH_EARLIEST, time(13, 0))
    leaving_target = local(LEAVING_EARLIEST, time(18, 0))
    morning, lunch_start = _sit_until(rng, arrival, lunch_target)
    afternoon, _ = _sit_until(
        rng, lunch_start + _uniform(rng, LUNCH_MIN, LUNCH_MAX), leaving_target
    )
    stretches = morning + afternoon

    changes: list[Change] = []
    for stretch in stretches:
        minutes = (stretch[1] - stretch[0]) / MINUTE
        blips = sum(rng.random() < FLICKER_PER_MINUTE for _ in range(int(minutes)))
        changes.append((stretch[0], True))
        for blip_start, blip_end in _inner_periods(rng, stretch, blips, FLICKER_MIN, FLICKER_MAX):
            changes += [(blip_start, False), (blip_end, True)]
        changes.append((stretch[1], False))

    standing: list[Change] = []
    if standing_desk:
        for stretch in stretches:
            if rng.random() < STANDING_CHANCE:
                for stand in _inner_periods(rng, stretch, 1, STANDING_MIN, STANDING_MAX):
                    standing += [(stand[0], True), (stand[1], False)]
    return Trace(changes=tuple(changes), standing=tuple(standing))


def debounced(
    changes: Iterable[Change], delay: timedelta, *, initial: bool = False
) -> list[Change]:
    """The changes that take effect after ``delay``, back-dated to when they began.

    A change takes effect when the signal keeps its new value for at least ``delay`` (the last
    change always does); a change that reverts sooner is ignored entirely, and so is its revert.
    """
    listed = list(changes)
    effective: list[Change] = []
    current = initial
    for index, (at, value) in enumerate(listed):
        if value == current:
            continue
        following = listed[index + 1][0] if index + 1 < len(listed) else None
        if following is None or following - at >= delay:
            effective.append((at, value))
            current = value
    return effective


SITTING, STANDING, AWAY = "sitting", "standing", "away"


def activity_changes(trace: Trace) -> list[tuple[datetime, str]]:
    """The raw activity (sitting, standing, away) each time an input changes."""
    events = sorted(
        [(at, 0, on) for at, on in trace.changes] + [(at, 1, on) for at, on in trace.standing]
    )
    present = standing = False
    changes: list[tuple[datetime, str]] = []
    for at, which, on in events:
        if which == 0:
            present = on
        else:
            standing = on
        activity = AWAY if not present else STANDING if standing else SITTING
        if changes and changes[-1][0] == at:
            changes[-1] = (at, activity)  # both inputs changed at once
        else:
            changes.append((at, activity))
    return changes


def debounced_activity(
    changes: Sequence[tuple[datetime, str]], delay: timedelta, *, initial: str = AWAY
) -> list[tuple[datetime, str]]:
    """The activity changes that take effect, back-dated to when they began.

    A departure from the confirmed activity takes effect once it has lasted ``delay``
    (through any further changes that do not return to the confirmed activity); one that
    returns sooner is ignored entirely. A presence blip while the standing input turns on
    is therefore a departure from sitting: the person never sat again. The last change
    always takes effect (the day ends after it).
    """
    confirmed, pending = initial, list[tuple[datetime, str]]()
    effective: list[tuple[datetime, str]] = []
    for at, activity in changes:
        if pending and at - pending[0][0] >= delay:
            effective += pending
            confirmed, pending = pending[-1][1], []
        latest = pending[-1][1] if pending else confirmed
        if activity == latest:
            continue
        if activity == confirmed:
            pending = []
        else:
            pending.append((at, activity))
    return effective + pending


def _periods(changes: Sequence[Change]) -> list[Period]:
    """The ``[on, off)`` periods of an alternating, debounced signal starting off."""
    periods: list[Period] = []
    began: datetime | None = None
    for at, value in changes:
        if value and began is None:
            began = at
        elif not value and began is not None:
            if at > began:
                periods.append((began, at))
            began = None
    if began is not None:  # pragma: no cover - traces end with off; kept for safety
        msg = "a signal must end off"
        raise ValueError(msg)
    return periods


def _subtract(periods: Sequence[Period], holes: Sequence[Period]) -> list[Period]:
    """``periods`` minus ``holes``; both sorted and disjoint; adjacent pieces are merged."""
    result: list[Period] = []
    for start, end in periods:
        at = start
        for hole_start, hole_end in holes:
            if hole_end <= at or hole_start >= end:
                continue
            if hole_start > at:
                result.append((at, hole_start))
            at = max(at, hole_end)
        if at < end:
            result.append((at, end))
    merged: list[Period] = []
    for period in result:
        if merged and merged[-1][1] == period[0]:
            merged[-1] = (merged[-1][0], period[1])
        else:
            merged.append(period)
    return merged


def ground_truth(
    trace: Trace,
    *,
    interval: timedelta = timedelta(minutes=30),
    break_duration: timedelta = timedelta(seconds=30),
    away_reset: timedelta = timedelta(minutes=2),
    debounce: timedelta = timedelta(seconds=30),
    missed_after: timedelta | None = None,
) -> Truth:
    """Sitting time and due breaks that Desk Coach should report for ``trace``.

    The rules, in order:

    1. **Debounce.** Presence and standing make the activity (sitting = present and not
       standing, standing, away); its changes are debounced with ``debounce`` (see
       :func:`debounced_activity`): a departure lasting at least ``debounce`` takes effect
       back-dated to its start; one that returns sooner is ignored with its return.
    2. **Sitting** is the debounced activity's sitting periods. ``sitting`` is the
       total length of the sitting periods (the trace lies within one local day, so no
       midnight split is needed). A *gap* is the time between two sitting periods.
    3. **Stretches.** The first sitting period starts a stretch; a gap of at least
       ``away_reset`` ends it, and the next sitting period starts a new one.
    4. **Countdown.** The countdown starts at the first sitting instant. A gap of at least
       ``break_duration`` (a break taken), or of at least ``away_reset`` (a new stretch),
       restarts it from the gap's end, i.e. the instant sitting resumes. Shorter gaps leave
       it running (wall-clock time, gap included).
    5. **Due.** A break falls due at the first sitting instant at or after countdown start +
       ``interval``, unless the countdown is restarted before that. If that instant falls in
       a short gap, the break falls due when sitting resumes.
    6. **Ignored announcements.** No break is taken by a button. Once due, a break stays due
       and nothing else falls due until a gap restarts the countdown (rule 4) — unless
       ``missed_after`` is given: then the due break is *missed* ``missed_after`` after it
       fell due (if no gap restarted the countdown by then) and the countdown restarts at that
       instant. Desk Coach with its announcer active misses a break after
       ``escalation_delay * (escalation_count + 1)`` (15 minutes by default); with the
       announcer quiet, or without escalation, use ``None``.
    """
    settled = debounced_activity(activity_changes(trace), debounce)
    sitting_periods = _periods([(at, activity == SITTING) for at, activity in settled])
    total = sum((end - start for start, end in sitting_periods), timedelta(0))

    breaks_due: list[datetime] = []
    stretches = 0
    countdown: datetime | None = None  # None: nothing counts down (a break is due)
    previous_end: datetime | None = None
    for start, end in sitting_periods:
        gap = None if previous_end is None else start - previous_end
        if gap is None or gap >= away_reset:
            stretches += 1
        if gap is None or gap >= break_duration or gap >= away_reset:
            countdown = start
        # Walk this sitting period: breaks fall due, and with missed_after restart the count.
        while countdown is not None:
            due = max(countdown + interval, start)
            if due >= end:
                break
            breaks_due.append(due)
            countdown = None if missed_after is None else due + missed_after
        previous_end = end
    return Truth(
        sitting=total,
        breaks_due=tuple(breaks_due),
        sitting_periods=tuple(sitting_periods),
        stretches=stretches,
    )

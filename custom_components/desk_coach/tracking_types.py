"""The tracking model's values: what goes in, what comes out, and the user's settings.

Pure Python, no Home Assistant import. The tracker (``model.py``, ``DeskTracker``) takes
activities and settings and answers with snapshots, break events and announcements, all
defined here; ``streak`` reads the compliance streak off the days' summaries. ``model.py``
re-exports every name, so what imports them from ``.model`` need not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from enum import StrEnum


class Activity(StrEnum):
    """What the desk's inputs say about the person."""

    SITTING = "sitting"
    STANDING = "standing"
    AWAY = "away"
    UNKNOWN = "unknown"


class BreakEvent(StrEnum):
    """What happened to a break (the types of the desk_coach_break event)."""

    DUE = "due"
    TAKEN = "taken"
    NATURAL = "natural"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    MISSED = "missed"
    DAILY_LIMIT = "daily_limit"  # sitting today reached the daily limit (once a day)
    # the standing desk (stand.py): the runtime reports these, the tracker never does
    DESK_RAISED = "desk_raised"
    DESK_LOWERED = "desk_lowered"
    OFFERED = "offered"  # desk_meetings.py: the break offered before a meeting
    GRADED = "graded"  # a break's grade was raised afterwards (steps read late, a longer gap)


class Grade(StrEnum):
    """What a taken or natural break's evidence proves, weakest first (compare by ``rank``)."""

    SELF_REPORTED = "self_reported"  # a button, action, voice, phone or routine, no evidence
    DESK_ONLY = "desk_only"  # the desk's own inputs only (its height rose, a short away)
    STOOD = "stood"  # a standing input that is not the desk's height, for the break length
    MOVED = "moved"  # away from the desk for the moved length
    WALKED = "walked"  # the step count rose by the walked steps

    @property
    def rank(self) -> int:
        """0 for the weakest grade, 4 for ``walked``."""
        return _GRADE_ORDER.index(self)

    @property
    def proven(self) -> bool:
        """Whether sensors prove the person moved (``walked``, ``moved``, ``stood``)."""
        return self.rank >= _GRADE_ORDER.index(Grade.STOOD)


_GRADE_ORDER = tuple(Grade)


class MinuteCount(StrEnum):
    """The sitting (and standing) counts a display may show to the minute."""

    TODAY = "today"
    STRETCH = "stretch"
    STRETCH_TODAY = "stretch_today"
    STANDING_TODAY = "standing_today"


ALL_MINUTE_COUNTS = frozenset(MinuteCount)


class Status(StrEnum):
    """The one word that says where the desk stands."""

    SITTING = "sitting"
    DUE = "due"
    SNOOZED = "snoozed"
    STANDING = "standing"
    AWAY = "away"
    QUIET = "quiet"
    ROUTINE = "routine"


def activity_from(present: bool | None, standing: bool | None) -> Activity:
    """Combine presence and standing evidence into one activity.

    Presence decides; unknown presence is no evidence. Standing without evidence counts
    as sitting, because a standing input is optional and most desks have none.
    """
    if present is None:
        return Activity.UNKNOWN
    if not present:
        return Activity.AWAY
    return Activity.STANDING if standing else Activity.SITTING


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The user's tuning of the tracker (the integration's options; defaults: options.py)."""

    break_interval: timedelta
    break_duration: timedelta
    away_reset: timedelta
    presence_debounce: timedelta
    escalation_delay: timedelta
    escalation_count: int
    daily_limit: timedelta | None  # sitting a day may add up to; None: no limit
    # what proves a break (grading.py)
    moved_after: timedelta | None = None  # away this long proves moving; None: break_duration
    standing_grade: Grade = Grade.STOOD  # DESK_ONLY where standing is the desk's own height
    walked_steps: int = 100  # steps within a break that prove walking
    count_unproven: bool = False  # desk_only and self_reported breaks count in compliance too
    # two phases: a due break is first cued (lights, a silent phone), spoken at a natural
    # pause or this long after the cue at the latest; None: spoken at once
    cue_first: timedelta | None = None


@dataclass(frozen=True, kw_only=True)
class DaySummary:
    """What one local day added up to (finished days are kept in the history)."""

    sitting: timedelta = timedelta(0)
    longest_stretch: timedelta = timedelta(0)
    breaks_taken: int = 0
    natural_breaks: int = 0
    breaks_skipped: int = 0
    breaks_missed: int = 0
    # announced breaks taken with a proven grade (any grade where the desk counts unproven
    # breaks; days before grading: every announced break taken)
    compliance_taken: int = 0
    compliance_due: int = 0  # announced breaks that were taken, skipped or missed
    standing: timedelta = timedelta(0)  # at the desk and standing (needs a standing input)
    limit_reached: bool = False  # sitting reached the daily limit this day
    vacation: bool = False  # the vacation switch was on at some time this day
    # the taken and natural breaks by grade (days before grading: all 0)
    walked: int = 0
    moved: int = 0
    stood: int = 0
    desk_only: int = 0
    self_reported: int = 0
    breaks_snoozed: int = 0  # snoozes of a due break
    sat_before_breaks: timedelta = timedelta(0)  # summed: sitting from countdown to each break
    # away from the desk on walked and moved breaks: each gap less the standing in it
    moved_away: timedelta = timedelta(0)

    @property
    def upright(self) -> timedelta:
        """Standing at the desk, and away from it on breaks that prove moving."""
        return self.standing + self.moved_away

    @property
    def proven(self) -> int:
        """Taken and natural breaks that sensors prove (walked, moved or stood)."""
        return self.walked + self.moved + self.stood

    def graded(self, grade: Grade) -> int:
        """The day's taken and natural breaks of ``grade``."""
        count: int = getattr(self, grade.value)
        return count

    @property
    def compliance(self) -> float | None:
        """Share of announced breaks that were taken (None when none was due)."""
        if not self.compliance_due:
            return None
        return self.compliance_taken / self.compliance_due

    def meets(self, target: float) -> bool | None:
        """Tell whether compliance reached ``target`` percent (None when no break was due).

        Compared in whole numbers, so 4 of 5 meets 80 % exactly.
        """
        if not self.compliance_due:
            return None
        return 100 * self.compliance_taken >= target * self.compliance_due


def streak(history: Mapping[date, DaySummary], day: date, today: DaySummary, target: float) -> int:
    """Consecutive days, up to ``day`` (described by ``today``), meeting ``target`` percent.

    A day on which no break was due (a weekend, a day off, only quiet breaks) and a
    vacation day neither count nor break the streak: they are passed over. Today counts
    once it meets the target and, being unfinished, never breaks the streak. Days missing
    from the history (Home Assistant was off) are passed over like days without breaks.
    """
    count = 1 if not today.vacation and today.meets(target) else 0
    for past in sorted((d for d in history if d < day), reverse=True):
        summary = history[past]
        if summary.vacation:
            continue
        met = summary.meets(target)
        if met is None:
            continue
        if not met:
            break
        count += 1
    return count


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """Everything the tracker answers, as of its settled time ``as_of``."""

    as_of: datetime = field(compare=False)  # equal snapshots say the same, whenever read
    activity: Activity
    status: Status
    sitting: bool
    quiet: bool
    stretch_start: datetime | None
    sitting_time: timedelta
    next_break: datetime | None
    break_due: bool
    snoozed_until: datetime | None
    reminders: int
    today: DaySummary
    daily_limit: timedelta | None = None
    over_daily_limit: bool = False  # sitting today is at or above the daily limit
    vacation: bool = False

    @property
    def sitting_today(self) -> timedelta:
        """Sitting in the local day."""
        return self.today.sitting

    @property
    def standing_today(self) -> timedelta:
        """Standing at the desk in the local day."""
        return self.today.standing

    @property
    def sitting_left_today(self) -> timedelta | None:
        """Sitting left before the daily limit, never below zero (None: no limit)."""
        if self.daily_limit is None:
            return None
        return max(self.daily_limit - self.today.sitting, timedelta(0))

    @property
    def longest_stretch_today(self) -> timedelta:
        """Today's part of the longest stretch."""
        return self.today.longest_stretch

    def same_but_time(self, other: Snapshot) -> bool:
        """Equal apart from the sitting durations adding up (nothing happened)."""
        return all(
            getattr(self, item.name) == getattr(other, item.name)
            for item in fields(self)
            if item.name not in _DURATIONS
        ) and all(
            getattr(self.today, item.name) == getattr(other.today, item.name)
            for item in fields(self.today)
            if item.name not in _DAY_DURATIONS
        )


_DURATIONS = frozenset({"as_of", "sitting_time", "today"})
_DAY_DURATIONS = frozenset({"sitting", "longest_stretch", "standing"})


class Topic(StrEnum):
    """What an announcement is about."""

    BREAK = "break"
    DAILY_LIMIT = "daily_limit"


@dataclass(frozen=True, kw_only=True)
class Announcement:
    """The coach should speak: ``reminder`` 0 is the first call, 1.. the reminders."""

    at: datetime
    reminder: int
    about: Topic = Topic.BREAK
    cue: bool = False  # the gentle first cue of two phases: lights and a silent phone only


@dataclass(kw_only=True)
class Stretch:
    """Sitting at the desk with only short gaps, and its coming break (stored as it is)."""

    start: datetime
    countdown_from: datetime  # the stretch start or the end of the last break
    sitting: timedelta = timedelta(0)
    sitting_today: timedelta = timedelta(0)
    gap_start: datetime | None = None  # set while the stretch is interrupted
    gap_evidence: timedelta = timedelta(0)  # away or standing time within the gap
    gap_standing: timedelta = timedelta(0)  # the standing part of it
    gap_is_break: bool = False
    snoozed_until: datetime | None = None  # the coming break, postponed (or snoozed)
    due: bool = False
    due_at: datetime | None = None  # when the due break fell due
    announced: bool = False  # the due break was announced (so it counts in compliance)
    last_call: datetime | None = None  # when the due break was last spoken
    cued_at: datetime | None = None  # cued, not spoken yet (two phases)
    reminders: int = 0

    @property
    def gap_away(self) -> timedelta:
        """Away from the desk within the gap: its evidence less the standing in it."""
        return self.gap_evidence - self.gap_standing


@dataclass(kw_only=True)
class Drained:
    """The break events and announcements not handed over yet."""

    events: list[tuple[datetime, BreakEvent]] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    grades: dict[int, Grade] = field(default_factory=dict)  # by event: its break's grade

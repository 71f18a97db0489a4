"""The tracker's core: the settled state of one desk and what the passing of time does to it.

Pure Python, no Home Assistant import. ``TrackerCore`` holds what is confirmed up to its
clock (the activity, the stretch and its coming break, quiet, routine and vacation, the
days in ``tracking_day.py``) and integrates it over time, stopping at every instant where
something happens (midnight, a break falling due, a reminder, a gap becoming a break, a gap
ending the stretch, the daily limit). ``DeskTracker`` (``model.py``) builds on it: the
debounced inputs, the commands, the answers and the stored form. All instants are
timezone-aware and handled in UTC.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from .grading import Grading, OpenBreak, gap_grade
from .tracking_day import Days
from .tracking_types import (
    Activity,
    Announcement,
    BreakEvent,
    Drained,
    Grade,
    Settings,
    Status,
    Stretch,
    Topic,
)

_GRADED_OUTCOMES = frozenset({BreakEvent.TAKEN, BreakEvent.NATURAL})


class TrackerCore:
    """What is confirmed of one desk up to its clock, and time integrated over it."""

    _unwatched = False  # integrating time nobody watched (see ``DeskTracker.unobserved``)
    activity_since: datetime | None = None  # the confirmed activity's start (not stored)

    def __init__(self, settings: Settings, time_zone: tzinfo, now: datetime) -> None:
        """Nothing confirmed yet (unknown activity, no stretch) at ``now``, in UTC."""
        self.settings = settings
        self._clock = now
        self._confirmed = Activity.UNKNOWN
        self._stretch: Stretch | None = None
        self._days = Days.starting(time_zone, now)
        self._quiet = False
        self._routine = False
        self._vacation = False
        self._grading = Grading()
        self._out = Drained()

    @property
    def _silent(self) -> bool:
        return self._quiet or self._routine

    def _speak_again_if_due(self, was_silent: bool) -> None:
        stretch = self._stretch
        if was_silent and not self._silent and stretch is not None and stretch.due:
            self._announce(stretch, self._clock, spoken=True)  # quiet's end: a natural pause
        self._say_limit_if_pending()

    def _status(self) -> Status:
        stretch = self._stretch
        if self._routine:
            return Status.ROUTINE
        if self._confirmed is Activity.STANDING:
            return Status.STANDING
        if self._confirmed is not Activity.SITTING:
            return Status.AWAY
        if self._quiet:
            return Status.QUIET
        if stretch is not None and stretch.due:
            return Status.DUE
        if stretch is not None and stretch.snoozed_until is not None:
            return Status.SNOOZED
        return Status.SITTING

    def _next_break(self, stretch: Stretch) -> datetime:
        if stretch.due:  # shows when it fell due, never a time still to come
            return stretch.due_at or min(self._clock, self._countdown_end(stretch))
        if stretch.snoozed_until is not None:
            return stretch.snoozed_until
        return self._countdown_end(stretch)

    def _countdown_end(self, stretch: Stretch) -> datetime:
        return stretch.countdown_from + self.settings.break_interval

    # ---- the accounting -----------------------------------------------------------

    def _next_event_after_clock(self) -> datetime:
        """The earliest instant after the clock where the integration must stop."""
        events = [self._days.next_midnight(self._clock)]
        limit = self.settings.daily_limit
        sitting = self._days.today.totals.sitting
        if self._confirmed is Activity.SITTING and limit is not None and sitting < limit:
            events.append(self._clock + limit - sitting)  # reached (again, if it was raised)
        stretch = self._stretch
        if stretch is not None:
            if stretch.due:
                if stretch.last_call is not None and not (self._silent or self._unwatched):
                    events.append(stretch.last_call + self.settings.escalation_delay)
                ceiling = self.settings.cue_first
                if stretch.cued_at is not None and ceiling is not None and not self._silent:
                    events.append(stretch.cued_at + ceiling)
            elif self._confirmed is Activity.SITTING:
                events.append(self._next_break(stretch))
            if stretch.gap_start is not None:
                events.append(stretch.gap_start + self.settings.away_reset)
                if not stretch.gap_is_break and self._confirmed is not Activity.UNKNOWN:
                    left = self.settings.break_duration - stretch.gap_evidence
                    events.append(self._clock + left)
        return max(min(events), self._clock)

    def _integrate_to(self, until: datetime) -> None:
        while self._clock < until:
            event = self._next_event_after_clock()
            step_end = min(until, event)
            self._accumulate(step_end - self._clock)
            self._clock = step_end
            if step_end == event:
                self._handle_events()

    def _accumulate(self, elapsed: timedelta) -> None:
        stretch = self._stretch
        if self._confirmed is Activity.SITTING:
            if stretch is not None:
                stretch.sitting += elapsed
                stretch.sitting_today += elapsed
            self._days.add_sitting(elapsed, None if stretch is None else stretch.sitting_today)
            return
        if self._confirmed is Activity.STANDING:
            self._days.add_standing(elapsed)
        if stretch is not None and self._confirmed is not Activity.UNKNOWN:
            stretch.gap_evidence += elapsed
            if self._confirmed is Activity.STANDING:
                stretch.gap_standing += elapsed

    def _handle_events(self) -> None:
        """Act on whatever happens exactly at the clock."""
        now = self._clock
        if self._days.roll_over(now, self._vacation) and self._stretch is not None:
            self._stretch.sitting_today = timedelta(0)
        self._check_daily_limit()
        stretch = self._stretch
        if stretch is None:
            return
        if stretch.due:
            self._escalate(stretch, now)
        elif self._confirmed is Activity.SITTING and self._next_break(stretch) <= now:
            stretch.due_at = self._next_break(stretch)
            stretch.due = True
            stretch.snoozed_until = None
            self._emit(BreakEvent.DUE)
            if not self._silent:
                self._announce(stretch, now)
        if stretch.gap_start is None:
            return
        if (
            not stretch.gap_is_break
            and self._confirmed is not Activity.UNKNOWN
            and stretch.gap_evidence >= self.settings.break_duration
        ):
            stretch.gap_is_break = True
            # confirmed by hand already (while the departure was not yet confirmed, or just
            # before getting up): this gap is that break's, not another one
            by_hand = stretch.countdown_from > stretch.gap_start
            claimed = self._grading.claim_gap(stretch.gap_start, confirmed_in_it=by_hand)
            if not (by_hand or claimed):
                self._resolve(stretch, BreakEvent.TAKEN if stretch.due else BreakEvent.NATURAL)
        if now - stretch.gap_start >= self.settings.away_reset:
            self._gap_over(stretch)
            self._stretch = None

    def _escalate(self, stretch: Stretch, now: datetime) -> None:
        ceiling = self.settings.cue_first
        if stretch.cued_at is not None and not (self._silent or self._unwatched):
            if ceiling is None or now >= stretch.cued_at + ceiling:
                self._announce(stretch, now, spoken=True)  # no natural pause came: speak
            return
        if self._silent or self._unwatched or stretch.last_call is None:
            return
        if now - stretch.last_call < self.settings.escalation_delay:
            return
        if stretch.reminders < self.settings.escalation_count:
            stretch.reminders += 1
            self._announce(stretch, now)
            return
        self._resolve(stretch, BreakEvent.MISSED)
        stretch.countdown_from = now

    def _check_daily_limit(self) -> None:
        """Report the day's first reach of the limit, and say it when someone can hear."""
        if self._days.reach(self.settings.daily_limit):
            self._emit(BreakEvent.DAILY_LIMIT)
        self._say_limit_if_pending()

    def _say_limit_if_pending(self) -> None:
        """Say the reached limit once a day, to someone sitting, outside quiet.

        Reached while quiet, it is said when the quiet ends, or when the person sits
        down again that day; not once the limit was raised above the day's sitting.
        """
        heard = not self._silent and self._confirmed is Activity.SITTING
        if self._days.say_limit(self.settings.daily_limit, heard):
            self._out.announcements.append(
                Announcement(at=self._clock, reminder=0, about=Topic.DAILY_LIMIT)
            )

    def advance(self, now: datetime) -> None:
        """Let time pass up to ``now`` (the tracker's inputs are in ``DeskTracker``)."""
        raise NotImplementedError

    def speak_now(self, now: datetime) -> None:
        """A natural pause (the PC or the music went idle): a cued break is spoken now."""
        self.advance(now)
        stretch = self._stretch
        if stretch is not None and stretch.cued_at is not None and not self._silent:
            self._announce(stretch, self._clock, spoken=True)

    def _announce(self, stretch: Stretch, now: datetime, *, spoken: bool = False) -> None:
        """Speak the due break; its first call is only cued where two phases are set.

        Reminders and *missed* count from the spoken call.
        """
        stretch.announced = True
        first = stretch.last_call is None and stretch.cued_at is None
        if first and self.settings.cue_first is not None and not spoken:
            stretch.cued_at = now
            self._out.announcements.append(Announcement(at=now, reminder=0, cue=True))
            return
        stretch.cued_at = None
        stretch.last_call = now
        self._out.announcements.append(Announcement(at=now, reminder=stretch.reminders))

    def _resolve(self, stretch: Stretch, outcome: BreakEvent, *, by_hand: bool = False) -> None:
        """Count a break's outcome (graded, if taken or natural) and clear its due state.

        ``by_hand``: a person confirmed it; without evidence it is ``self_reported``.
        """
        grade, sat = None, timedelta(0)
        if outcome in _GRADED_OUTCOMES:
            grade, start = self._open_break(stretch, outcome, by_hand=by_hand)
            sat = max(start - stretch.countdown_from, timedelta(0))
        settings = self.settings
        self._days.count(
            outcome, stretch.announced, grade, sat=sat, count_unproven=settings.count_unproven
        )
        self._clear_due(stretch)
        stretch.snoozed_until = None
        self._emit(outcome, grade)

    def _open_break(
        self, stretch: Stretch, outcome: BreakEvent, *, by_hand: bool
    ) -> tuple[Grade, datetime]:
        """The break's grade as its evidence stands, kept open to a raise; and its start."""
        in_gap = stretch.gap_start is not None
        start, grade = self._clock, Grade.SELF_REPORTED
        if stretch.gap_start is not None:
            start = stretch.gap_start
            floor = Grade.SELF_REPORTED if by_hand else Grade.DESK_ONLY
            grade = self._gap_grade(stretch, floor)
        taken = outcome is BreakEvent.TAKEN and stretch.announced
        open_break = OpenBreak(
            start=start, day=self._days.today.day, grade=grade, in_compliance=taken, in_gap=in_gap
        )
        self._grading.prune(self._clock)
        return self._grading.add(open_break, self.settings.walked_steps), start

    def _gap_grade(self, stretch: Stretch, floor: Grade) -> Grade:
        return gap_grade(stretch.gap_away, stretch.gap_standing, self.settings, floor)

    def _gap_over(self, stretch: Stretch) -> None:
        """The gap ended: its break, if any, is judged by the whole gap; its time away counted."""
        if stretch.gap_is_break:
            judged = self._grading.gap_ended(self._gap_grade(stretch, Grade.SELF_REPORTED))
            if judged is not None:
                open_break, before = judged
                if open_break.grade is not before:
                    self._raise(open_break, before)
                self._days.add_away(open_break.grade, stretch.gap_away)

    def _raise(self, open_break: OpenBreak, before: Grade) -> None:
        """A break's grade rose from ``before``: the day's counts follow, and it is told."""
        self._days.regrade(
            open_break.day,
            before,
            open_break.grade,
            in_compliance=open_break.in_compliance,
            count_unproven=self.settings.count_unproven,
        )
        self._emit(BreakEvent.GRADED, open_break.grade)

    @staticmethod
    def _clear_due(stretch: Stretch) -> None:
        """No break is due any more; its reminders start over."""
        stretch.due = False
        stretch.due_at = None
        stretch.announced = False
        stretch.last_call = stretch.cued_at = None
        stretch.reminders = 0

    @staticmethod
    def _new_gap(stretch: Stretch, start: datetime | None) -> None:
        """A gap starts at ``start`` (None: the person sits again)."""
        stretch.gap_start = start
        stretch.gap_evidence = stretch.gap_standing = timedelta(0)
        stretch.gap_is_break = False

    def _emit(self, event: BreakEvent, grade: Grade | None = None) -> None:
        if grade is not None:
            self._out.grades[len(self._out.events)] = grade
        self._out.events.append((self._clock, event))

    def _set_confirmed(self, activity: Activity, at: datetime) -> None:
        """Make ``activity`` the confirmed one from ``at`` (the clock is at ``at``)."""
        previous = self._confirmed
        self._confirmed, self.activity_since = activity, at
        stretch = self._stretch
        if activity is Activity.SITTING:
            if stretch is None:
                self._stretch = Stretch(start=at, countdown_from=at)
                self._say_limit_if_pending()  # reached while nobody could hear it
                return
            if stretch.gap_is_break:
                stretch.countdown_from = max(stretch.countdown_from, at)
            if stretch.gap_start is not None:
                self._gap_over(stretch)
            self._new_gap(stretch, None)
        elif stretch is not None and previous is Activity.SITTING:
            self._new_gap(stretch, at)
        self._handle_events()

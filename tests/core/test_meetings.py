"""Breaks planned around meetings (meetings.py): the rule as examples and as laws."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, strategies as st
import pytest

from custom_components.desk_coach.meetings import (
    LOOK_EVERY,
    OFFER_LEAD,
    SAT_AT_LEAST,
    Meeting,
    meeting_to_offer,
    next_look,
    next_offer_check,
)

M = timedelta(minutes=1)
NOW = datetime(2026, 3, 10, 10, 52, tzinfo=UTC)
STANDUP = Meeting(start=NOW + 8 * M, end=NOW + 68 * M, summary="Planning")  # 11:00-12:00


def offer(**changes: object) -> Meeting | None:
    """The rule on a person who sat down at 10:30 with the break due at 11:10."""
    case: dict[str, object] = {
        "sitting_since": NOW - 22 * M,
        "next_break": NOW + 18 * M,
        "meetings": [STANDUP],
        "offered": frozenset(),
    } | changes
    return meeting_to_offer(NOW, **case)  # type: ignore[arg-type]


def test_a_break_due_in_a_meeting_starting_soon_is_offered_now() -> None:
    assert offer() == STANDUP


@pytest.mark.parametrize(
    ("why", "changes"),
    [
        ("offered before", {"offered": frozenset({STANDUP.start})}),
        ("sat only 14 minutes", {"sitting_since": NOW - 14 * M}),
        ("nobody sits", {"sitting_since": None, "next_break": None}),
        ("the break comes before the meeting", {"next_break": NOW + 7 * M}),
        ("the break comes after it", {"next_break": STANDUP.end}),
        (
            "a meeting of 20 minutes",
            {"meetings": [Meeting(start=STANDUP.start, end=STANDUP.start + 20 * M)]},
        ),
        (
            "an all-day event",
            {
                "meetings": [
                    Meeting(start=STANDUP.start, end=STANDUP.start + 24 * 60 * M, all_day=True)
                ]
            },
        ),
        (
            "a meeting in 11 minutes",
            {"meetings": [Meeting(start=NOW + 11 * M, end=NOW + 71 * M)]},
        ),
        ("a meeting in progress", {"meetings": [Meeting(start=NOW - M, end=NOW + 59 * M)]}),
    ],
)
def test_no_offer(why: str, changes: dict[str, object]) -> None:
    assert offer(**changes) is None, why


def test_calendars_are_read_while_sitting_at_most_every_five_minutes() -> None:
    assert next_look(NOW, None, sitting=True) == NOW
    assert next_look(NOW, NOW - 2 * M, sitting=True) == NOW + 3 * M
    assert next_look(NOW, NOW - 9 * M, sitting=True) == NOW
    assert next_look(NOW, None, sitting=False) is None
    assert next_look(NOW, NOW - 2 * M, sitting=False) is None


MINUTES = st.integers(-120, 120).map(lambda minutes: NOW + minutes * M)
MEETINGS = st.builds(
    lambda start, length, all_day: Meeting(
        start=start, end=start + length * M, summary="x", all_day=all_day
    ),
    MINUTES,
    st.integers(1, 180),
    st.booleans(),
)


@given(
    since=st.none() | MINUTES,
    next_break=st.none() | MINUTES,
    meetings=st.lists(MEETINGS, max_size=5),
    offered_some=st.data(),
)
def test_law_an_offer_meets_every_condition_and_one_that_does_is_made(
    since: datetime | None,
    next_break: datetime | None,
    meetings: list[Meeting],
    offered_some: st.DataObject,
) -> None:
    offered = frozenset(
        offered_some.draw(st.lists(st.sampled_from([m.start for m in meetings] or [NOW])))
    )

    def fits(meeting: Meeting) -> bool:
        return (
            since is not None
            and next_break is not None
            and NOW - since >= SAT_AT_LEAST
            and not meeting.all_day
            and meeting.end - meeting.start >= 30 * M
            and meeting.start not in offered
            and NOW < meeting.start <= NOW + OFFER_LEAD
            and meeting.start <= next_break < meeting.end
        )

    chosen = meeting_to_offer(
        NOW, sitting_since=since, next_break=next_break, meetings=meetings, offered=offered
    )
    candidates = [meeting for meeting in meetings if fits(meeting)]
    if chosen is None:
        assert candidates == []
    else:
        assert fits(chosen)
        assert chosen.start == min(meeting.start for meeting in candidates)  # the soonest
        again = meeting_to_offer(
            NOW,
            sitting_since=since,
            next_break=next_break,
            meetings=meetings,
            offered=offered | {chosen.start},
        )
        assert again is None or again.start != chosen.start  # each meeting once


@given(now=MINUTES, looked=st.none() | MINUTES, sitting=st.booleans())
def test_law_looking_is_never_polling(
    now: datetime, looked: datetime | None, sitting: bool
) -> None:
    """Never while nobody sits; never in the past; never sooner than 5 minutes after a look."""
    planned = next_look(now, looked, sitting=sitting)
    if not sitting:
        assert planned is None
        return
    assert planned is not None
    assert planned >= now
    if looked is not None:
        assert planned >= looked + LOOK_EVERY
        assert planned == now or planned == looked + LOOK_EVERY


def test_the_desk_wakes_when_an_offer_may_become_due() -> None:
    meetings = [STANDUP, Meeting(start=NOW + 40 * M, end=NOW + 100 * M)]
    woke = next_offer_check(
        NOW - 20 * M, sitting_since=NOW - 30 * M, meetings=meetings, offered=frozenset()
    )
    assert woke == NOW - 15 * M  # 15 minutes sat
    assert (
        next_offer_check(
            NOW, sitting_since=NOW - 22 * M, meetings=meetings, offered=frozenset({STANDUP.start})
        )
        == NOW + 30 * M
    )  # the next meeting, 10 minutes before it
    assert next_offer_check(NOW, sitting_since=None, meetings=meetings, offered=frozenset()) is None


@given(
    now=MINUTES,
    since=st.none() | MINUTES,
    meetings=st.lists(MEETINGS, max_size=4),
    later=st.integers(1, 120),
    next_break=MINUTES,
)
def test_law_no_offer_comes_due_before_the_desk_wakes(
    now: datetime, since: datetime | None, meetings: list[Meeting], later: int, next_break: datetime
) -> None:
    """An offer due at an instant before the wake-up was already due now: waking at
    ``next_offer_check`` (and on every change) misses none."""
    wake = next_offer_check(now, sitting_since=since, meetings=meetings, offered=frozenset())
    instant = now + later * M
    if wake is not None and instant >= wake:
        return
    found = meeting_to_offer(
        instant, sitting_since=since, next_break=next_break, meetings=meetings, offered=frozenset()
    )
    if found is not None:
        already = meeting_to_offer(
            now, sitting_since=since, next_break=next_break, meetings=meetings, offered=frozenset()
        )
        assert already is not None

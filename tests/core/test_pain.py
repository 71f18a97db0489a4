"""The weekly pain: one answer a week, the trend, and when it counts as rising."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.desk_coach.pain import (
    KEEP_WEEKS,
    PainAnswer,
    Trend,
    answered,
    pain_attributes,
    pain_now,
    rising,
    this_week,
    trend,
    week_of,
)
from custom_components.desk_coach.programme import Programme

FRIDAY = date(2026, 3, 13)
AT = datetime(2026, 3, 13, 16, tzinfo=UTC)


def weeks(*scores: int) -> tuple[PainAnswer, ...]:
    """One answer a week, the last on ``FRIDAY``'s week."""
    answers: tuple[PainAnswer, ...] = ()
    for back, score in enumerate(reversed(scores)):
        answers = answered(answers, FRIDAY - timedelta(weeks=back), score, AT)
    return answers


def test_one_answer_a_week_the_later_replaces_the_earlier() -> None:
    """Monday's 5 and Friday's 3 are one week: 3."""
    answers = answered((), FRIDAY - timedelta(days=4), 5, AT)
    answers = answered(answers, FRIDAY, 3, AT)
    assert [(a.week, a.score) for a in answers] == [(week_of(FRIDAY), 3)]
    assert this_week(answers, FRIDAY + timedelta(days=2)) == 3  # Sunday: the same week
    assert this_week(answers, FRIDAY + timedelta(days=3)) is None  # Monday: a new week
    with pytest.raises(ValueError, match="between 0 and 10"):
        answered(answers, FRIDAY, 11, AT)


def test_rising_is_two_points_between_the_means_of_two_answers() -> None:
    """3, 3 then 5, 5: rising (2 points); 3, 3 then 4, 5: not yet (1.5)."""
    assert rising(weeks(3, 3, 5, 5))
    assert not rising(weeks(3, 3, 4, 5))
    assert not rising(weeks(3, 6, 6))  # three answers: too few to say
    assert trend(weeks(3, 3, 4, 5)) is Trend.RISING  # the trend shows it already
    assert trend(weeks(5, 5, 3, 3)) is Trend.FALLING
    assert trend(weeks(4, 4)) is Trend.STEADY
    assert trend(weeks(4)) is None


def test_the_sensor_shows_the_last_answer_its_week_and_trend() -> None:
    answers = weeks(6, 4)
    assert pain_now(answers) == 4
    assert pain_now(()) is None
    assert pain_attributes(answers) == {
        "week": week_of(FRIDAY),
        "trend": "falling",
        "rising": False,
    }


def test_rising_is_said_once_until_it_stops_rising() -> None:
    """The programme says "rising" at the answer that makes it rise, then not again."""
    programme = Programme()
    said = [
        programme.answer_pain(FRIDAY + timedelta(weeks=week), score, AT)
        for week, score in enumerate([2, 2, 4, 5, 6, 1, 1, 4, 4])
    ]
    # weeks 4 (4, 5 over 2, 2) rises: said; week 5 still rising: not again; week 6 (6, 1
    # over 4, 5) no longer; week 9 (4, 4 over 1, 1) rises again: said again
    assert said == [False, False, False, True, False, False, False, False, True]


def test_stored_answers_round_trip_and_out_of_range_is_damage() -> None:
    programme = Programme()
    programme.answer_pain(FRIDAY, 7, AT)
    assert Programme.from_dict(programme.as_dict()) == programme
    damaged = programme.as_dict()
    damaged["pain"][0]["score"] = 12
    with pytest.raises(ValueError, match="between 0 and 10"):
        Programme.from_dict(damaged)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=800), st.integers(min_value=0, max_value=10))
    )
)
def test_law_one_answer_per_week_in_order_and_bounded(answers: list[tuple[int, int]]) -> None:
    """Whatever is answered when: weeks unique, in order, the newest kept, at most 104."""
    kept: tuple[PainAnswer, ...] = ()
    for days, score in answers:
        kept = answered(kept, FRIDAY + timedelta(days=days), score, AT)
    weeks_kept = [answer.week for answer in kept]
    assert weeks_kept == sorted(set(weeks_kept))
    assert len(kept) <= KEEP_WEEKS
    assert all(week.weekday() == 0 for week in weeks_kept)
    if answers:
        last_day = FRIDAY + timedelta(days=max(days for days, _ in answers))
        assert kept[-1].week == week_of(last_day)

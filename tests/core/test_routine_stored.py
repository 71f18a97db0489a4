"""The stored routine data across versions: what is written stays the same, byte for byte.

``fixtures/routine_stored.json`` was written by the code before routine.py was split and
its serialisations were moved onto the shared codec (commit f9ca1dc): the running routine
(running, paused) and the routine history as the Store writes them (Home Assistant's
``prepare_save_json``), and what that code made of older data (fields added later
missing). The code of today writes the same bytes and reads the old data the same.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
from typing import Any

from homeassistant.helpers.json import prepare_save_json
import pytest

from custom_components.desk_coach.routine import (
    Answer,
    Exercise,
    ExerciseKind,
    Finished,
    Outcome,
    Routine,
    RoutineHistory,
    RoutineItem,
    RoutineRunner,
    Timing,
    plan_routine,
)
from custom_components.desk_coach.stored_data import DECODE_ERRORS

FIXTURE = Path(__file__).parents[1] / "fixtures" / "routine_stored.json"
T0 = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
LIBRARY = {
    "tuck": Exercise(
        id="tuck", kind=ExerciseKind.STRENGTH, area="neck", sets=2, reps=10, tempo=5, rest=30
    ),
    "trap": Exercise(id="trap", kind=ExerciseKind.STRETCH, area="neck", hold=30, sides=2),
    "roll": Exercise(id="roll", kind=ExerciseKind.MOBILITY, area="shoulders", hold=15),
}
STEPS = plan_routine(
    Routine(
        id="desk",
        items=(
            RoutineItem(exercise="trap"),
            RoutineItem(exercise="tuck"),
            RoutineItem(exercise="roll", reps=4),
        ),
    ),
    LIBRARY,
    Timing(start=4),
)


def running() -> RoutineRunner:
    """A strength session, announced, in the listening of its second step."""
    runner = RoutineRunner()
    runner.start(T0, "desk", STEPS, speak=True, strength=True)
    runner.advance(T0 + timedelta(seconds=45, microseconds=250000))
    return runner


def paused() -> RoutineRunner:
    """A silent run paused in the work of its third step, half a second into a second."""
    runner = RoutineRunner()
    runner.start(T0, "stretch", STEPS, speak=False)
    runner.pause(T0 + timedelta(seconds=100, microseconds=500000))
    return runner


def history() -> RoutineHistory:
    """Every outcome and answer, with and without the step stopped at."""
    kept = RoutineHistory()
    ended = T0
    for outcome, strength, step, answer in (
        (Outcome.COMPLETED, True, None, Answer.YES),
        (Outcome.PAIN, False, "trap", None),
        (Outcome.DONE, True, "tuck", Answer.NO),
        (Outcome.INTERRUPTED, False, "roll", Answer.NONE),
        (Outcome.COMPLETED, False, None, None),
    ):
        ended += timedelta(hours=5, microseconds=123)
        day = (ended - timedelta(hours=1)).date()
        kept.record(
            Finished(
                ended=ended,
                day=day,
                routine="custom_1a2b",
                outcome=outcome,
                strength=strength,
                step=step,
            )
        )
        if answer is not None:
            kept.answer(ended, answer)
    return kept


def older_runner() -> dict[str, Any]:
    """A running routine stored before ``strength`` and ``listening`` were."""
    stored = paused().as_dict()
    assert stored is not None
    return {key: value for key, value in stored.items() if key not in {"strength", "listening"}}


def older_history() -> list[dict[str, Any]]:
    """Routines stored before ``answer`` was, and one with an empty answer."""
    entries = history().as_list()
    entries[0] = {key: value for key, value in entries[0].items() if key != "answer"}
    entries[1] = {**entries[1], "answer": ""}
    return entries


def written() -> dict[str, Any]:
    """What the code writes: the stored sections, and what it makes of older data."""
    return {
        "routine_running": running().as_dict(),
        "routine_paused": paused().as_dict(),
        "routine_idle": RoutineRunner().as_dict(),
        "routine_history": history().as_list(),
        "older_routine": older_runner(),
        "older_routine_read": RoutineRunner.from_dict(older_runner()).as_dict(),
        "older_history": older_history(),
        "older_history_read": RoutineHistory.from_list(older_history()).as_list(),
    }


def store_bytes(data: dict[str, Any]) -> bytes:
    """The bytes Home Assistant's Store writes for ``data``."""
    _, dumped = prepare_save_json(data)
    return dumped if isinstance(dumped, bytes) else dumped.encode()


def plain(value: Any) -> bool:
    """JSON data of plain types only (no enum member posing as its text)."""
    if isinstance(value, dict):
        return all(type(key) is str and plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(plain(item) for item in value)
    return type(value) in {str, int, float, bool, type(None)}


def test_the_stored_routine_data_is_written_byte_for_byte_as_before() -> None:
    """The running, paused and idle routine and the history: the bytes of the old code."""
    assert store_bytes(written()) == FIXTURE.read_bytes()
    assert plain(written())


def test_data_stored_by_the_old_code_reads_back_the_same() -> None:
    """What the old code stored loads and is written again unchanged."""
    old = json.loads(FIXTURE.read_bytes())
    for section in ("routine_running", "routine_paused", "routine_idle", "older_routine_read"):
        assert RoutineRunner.from_dict(old[section]).as_dict() == old[section]
    assert RoutineRunner.from_dict(old["older_routine"]).as_dict() == old["older_routine_read"]
    assert RoutineHistory.from_list(old["routine_history"]).as_list() == old["routine_history"]
    assert RoutineHistory.from_list(old["older_history"]).as_list() == old["older_history_read"]
    assert RoutineHistory.from_list(old["routine_history"]) == history()
    restored = RoutineRunner.from_dict(old["routine_running"])
    assert restored.snapshot() == running().snapshot()
    assert restored.steps == STEPS


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.pop("steps"),
        lambda data: data.update(steps={}),
        lambda data: data.update(steps="steps"),
        lambda data: data.update(steps=[]),
        lambda data: data.update(steps=[*data["steps"], None]),
        lambda data: data["steps"][0].update(kind="sprint"),
        lambda data: data["steps"][1].pop("seconds"),
        lambda data: data.update(index=len(data["steps"])),
        lambda data: data.update(index=-1),
        lambda data: data.update(index=True),
        lambda data: data.update(speak="yes"),
        lambda data: data.update(remaining=-1),
        lambda data: data.update(step_end="tomorrow"),
        lambda data: data.pop("routine"),
    ],
)
def test_a_damaged_stored_routine_is_refused(damage: Any) -> None:
    """A missing or mistyped field of a stored running routine raises a decode error."""
    data = json.loads(FIXTURE.read_bytes())["routine_running"]
    damage(data)
    with pytest.raises(DECODE_ERRORS):
        RoutineRunner.from_dict(data)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.pop("ended"),
        lambda data: data.update(day="Monday"),
        lambda data: data.update(outcome="finished"),
        lambda data: data.update(answer="maybe"),
        lambda data: data.update(strength=1),
        lambda data: data.update(step=3),
    ],
)
def test_a_damaged_stored_history_entry_is_refused(damage: Any) -> None:
    """A missing or mistyped field of a routine in the history raises a decode error."""
    data = json.loads(FIXTURE.read_bytes())["routine_history"][0]
    damage(data)
    with pytest.raises(DECODE_ERRORS):
        Finished.from_dict(data)

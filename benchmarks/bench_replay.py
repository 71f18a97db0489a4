"""One benchmark case per (setup, desks, variant, run): replay a workday, write the figures.

Small cases run several times (``--repeat``); the report keeps each case's fastest run,
since a fraction of a CPU second per day is otherwise mostly noise.

Run through ``scripts/benchmark`` (which also writes the report). Setups: ``baseline``
(only the inputs: what the replay itself costs), ``A`` (Desk Coach as installed),
``A_all`` (Desk Coach with the entities that are off by default turned on), ``B`` (the
hand-made package). Every case replays the same seeded traces: desk ``i`` uses seed
``i + 1`` on Tuesday 2026-03-10 in Home Assistant's test time zone.
"""

from __future__ import annotations

from collections import Counter
import cProfile
from datetime import date, datetime, time
import gc
import json
from pathlib import Path
import statistics
import time as clock
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from .replay import (
    MISSED_AFTER,
    Recorded,
    async_compile_statistics,
    async_measured,
    async_prepare_world,
    async_recorder_bytes,
    async_replay,
    async_rows_per_entity,
    async_setup_desk_coach,
    async_setup_diy,
    break_errors,
    every_entity_enabled,
    sitting_minutes,
    trace_inputs,
)
from .traces import ground_truth, workday_trace

DAY = date(2026, 3, 10)
START = time(6, 30)
END = time(20, 0)


def local(at: time) -> datetime:
    """``at`` on the benchmark day, in Home Assistant's time zone."""
    zone = dt_util.get_default_time_zone()
    return datetime.combine(DAY, at, tzinfo=zone)


async def test_replay(
    enable_custom_integrations: None,
    recorder_mock: Any,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    case: tuple[str, int, str, int],
    bench_out: Path,
    profile_dir: Path | None,
) -> None:
    """Set a case up, replay the day, and keep what it cost and how right it was."""
    setup, count, variant, run = case
    standing = variant == "standing"
    freezer.move_to(local(START))
    zone = dt_util.get_default_time_zone()
    desks = [f"desk_{number}" for number in range(count)]
    traces = {
        desk: workday_trace(number + 1, DAY, zone, standing_desk=standing)
        for number, desk in enumerate(desks)
    }
    recorded: Recorded = await async_prepare_world(hass, desks, standing)
    before = set(hass.states.async_entity_ids())
    took, memory = 0.0, 0
    if setup in ("A", "A_all"):
        with every_entity_enabled(setup == "A_all"):
            _, took, memory = await async_measured(
                async_setup_desk_coach(hass, desks, standing, recorded)
            )
    elif setup == "B":
        _, took, memory = await async_measured(async_setup_diy(hass, desks, recorded))
    entities = set(hass.states.async_entity_ids()) - before
    await async_wait_recording_done(hass)
    rows_before = await async_rows_per_entity(hass)
    # the database's growth is the same in every run: measured in the first only
    measure_bytes = run == 1
    bytes_before = await async_recorder_bytes(hass) if measure_bytes else {}

    inputs = [change for desk in desks for change in trace_inputs(desk, traces[desk], standing)]
    profiler = cProfile.Profile() if profile_dir is not None else None
    # What was there before the replay is left out of the garbage collector's passes: a
    # full pass walks all of Home Assistant's heap, and whether one fell inside a replay
    # or not would move that replay's figure more than the setups differ.
    gc.collect()
    gc.freeze()
    cpu_began = clock.process_time()
    if profiler is not None:
        profiler.enable()
    steps = await async_replay(hass, freezer, inputs, local(END))
    # the recorder's writes of the day count too (its thread), all of them
    await async_wait_recording_done(hass)
    if profiler is not None:
        profiler.disable()
    cpu = clock.process_time() - cpu_began
    gc.unfreeze()
    if profiler is not None and profile_dir is not None:
        profile_dir.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(profile_dir / f"{setup}-{variant}-{count}.prof")
    rows = await async_rows_per_entity(hass) - rows_before
    recorder_bytes: dict[str, int] | None = None
    if measure_bytes:
        await async_compile_statistics(hass, local(START), local(END))
        after = await async_recorder_bytes(hass)
        recorder_bytes = {table: after[table] - bytes_before[table] for table in after}

    result: dict[str, Any] = {
        "setup": setup,
        "desks": count,
        "variant": variant,
        "run": run,
        "hours": (local(END) - local(START)).total_seconds() / 3600,
        "clock_steps": steps,
        "cpu_seconds": cpu,
        "setup_seconds": took,
        "setup_memory_bytes": memory,
        "entities": len(entities),
        "rows": sum(rows[entity_id] for entity_id in entities),
        "input_rows": sum(rows[entity_id] for entity_id in rows if "_presence" in entity_id),
        "rows_per_entity": _per_entity_kind(rows, entities, desks),
        "recorder_bytes": recorder_bytes,
        "spoken": recorded.spoken,
    }
    if setup != "baseline":
        result |= _accuracy(hass, setup, desks, traces, recorded)
        # each duration sensor at most once a minute: the minimum for minute resolution
        result["sitting_minutes_truth"] = sum(
            ground_truth(trace).sitting.total_seconds() / 60 for trace in traces.values()
        )
    name = f"{setup}-{variant}-{count}-{run}.json"
    (bench_out / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if setup != "baseline" and not result["entities"]:
        pytest.fail(f"{setup} created no entities")


def _per_entity_kind(rows: Counter[str], entities: set[str], desks: list[str]) -> dict[str, float]:
    """Rows per desk for each kind of entity (the desk's name taken out of the id)."""
    kinds: Counter[str] = Counter()
    for entity_id in entities:
        kind = entity_id
        for desk in desks:
            kind = kind.replace(f".{desk}_", ".<desk>_")
        kinds[kind] += rows[entity_id]
    return {kind: total / len(desks) for kind, total in sorted(kinds.items())}


def _accuracy(
    hass: HomeAssistant,
    setup: str,
    desks: list[str],
    traces: dict[str, Any],
    recorded: Recorded,
) -> dict[str, Any]:
    """How far each desk's sitting today and break times are from the truth."""
    sitting_errors: list[float] = []
    break_minutes: list[float] = []
    missing = extra = due = 0
    for desk in desks:
        truth = ground_truth(traces[desk], missed_after=MISSED_AFTER)
        reported = sitting_minutes(hass, setup.startswith("A"), desk)
        sitting_errors.append(abs(reported - truth.sitting.total_seconds() / 60))
        errors, unexplained_truth, unexplained = break_errors(recorded.breaks[desk], truth)
        break_minutes += errors
        missing += unexplained_truth
        extra += unexplained
        due += len(truth.breaks_due)
    return {
        "sitting_error_minutes_mean": statistics.fmean(sitting_errors),
        "sitting_error_minutes_max": max(sitting_errors),
        "break_error_minutes_mean": statistics.fmean(break_minutes) if break_minutes else None,
        "break_error_minutes_max": max(break_minutes) if break_minutes else None,
        "breaks_due_truth": due,
        "breaks_missing": missing,
        "breaks_extra": extra,
    }


@pytest.fixture
def recorder_db_url(tmp_path: Path) -> str:
    """A file-backed SQLite database, as in a real installation."""
    return f"sqlite:///{tmp_path / 'home-assistant_v2.db'}"

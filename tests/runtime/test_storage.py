"""Stored data: today's version migrates, damaged parts start fresh, a newer major is refused."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
from hypothesis import given, settings
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import DOMAIN
from custom_components.desk_coach.model import Activity, DeskTracker, Settings
from custom_components.desk_coach.programme import Programme
from custom_components.desk_coach.routine import Finished, Outcome
from custom_components.desk_coach.storage import DeskStore
from custom_components.desk_coach.stored_data import (
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
    Salvaged,
    Section,
    StorageTooNewError,
    migrate,
    salvage,
)
from tests.helpers import TRACKING, value
from tests.tracker_traces import BERLIN, SETTINGS, STARTS, Action, apply, traces

NOW = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)  # 10:00 in the test instance's US/Pacific
SITTING_TODAY = "sensor.office_desk_sitting_today"


def payload(saved_at: datetime = NOW, tz: Any = UTC) -> dict[str, Any]:
    """Data as today's Desk Coach (storage version 1.4) writes it."""
    tracker = DeskTracker(TRACKING, tz, saved_at - timedelta(minutes=50), Activity.SITTING)
    tracker.advance(saved_at)
    data = tracker.as_dict()
    data["history"] = {"2026-03-09": {**data["today"], "sitting": 300 * 60.0}}
    data["history"]["2026-03-09"].pop("day")
    finished = Finished(
        ended=saved_at,
        day=date(2026, 3, 10),
        routine="stretching",
        outcome=Outcome.COMPLETED,
        strength=False,
    )
    return {
        "reminders_on": False,
        "paused_until": None,
        "adapted": None,
        "tracker": data,
        "routine": None,
        "routine_history": [finished.as_dict()],
        "programme": Programme(level=3, row=1).as_dict(),
        "observed_until": saved_at.isoformat(),
    }


# ---- the pure part ---------------------------------------------------------------------


def test_today_s_version_1_payload_migrates_unchanged_and_has_no_damage() -> None:
    assert (STORAGE_VERSION, STORAGE_MINOR_VERSION) == (1, 4)
    data = payload()
    assert migrate(1, 4, copy.deepcopy(data)) == data
    salvaged = salvage(data, NOW, UTC)
    assert salvaged.damaged == ()
    assert salvaged.data == data
    paused = {**data, "paused_until": (NOW + timedelta(hours=2)).isoformat()}
    assert salvage(paused, NOW, UTC).data == paused  # a pause is kept as it is


def test_version_1_1_gains_no_pause() -> None:
    """1.1 -> 1.2: ``paused_until`` added, as no pause; everything else as it was."""
    old = payload()
    del old["paused_until"]
    migrated = migrate(1, 1, copy.deepcopy(old))
    assert migrated == {**migrate(1, 2, copy.deepcopy(old)), "paused_until": None}
    assert salvage(old, NOW, UTC).damaged == ()  # read as it is, it is no damage either


def version_1_2_payload() -> dict[str, Any]:
    """Data as Desk Coach 1.2 wrote it: no grading, days without grade counts.

    The day before had 3 of 4 announced breaks taken (by hand: nothing graded them).
    """
    data = payload()
    del data["adapted"], data["programme"]
    tracker = data["tracker"]
    del tracker["grading"]
    graded = {"walked", "moved", "stood", "desk_only", "self_reported"}
    graded |= {"breaks_snoozed", "sat_before_breaks"}
    for day in (tracker["today"], *tracker["history"].values()):
        for key in graded:
            del day[key]
    tracker["history"]["2026-03-09"] |= {
        "breaks_taken": 3,
        "breaks_missed": 1,
        "compliance_taken": 3,
        "compliance_due": 4,
    }
    return data


def test_version_1_2_gains_grading_and_keeps_every_day_s_compliance() -> None:
    """1.2 -> 1.3: nothing open to a raise; stored days keep their compliance (75 %)."""
    old = version_1_2_payload()
    migrated = migrate(1, 2, copy.deepcopy(old))
    assert migrated["tracker"] == {**old["tracker"], "grading": None}
    assert migrated["adapted"] is None  # no interval adapted
    assert migrated["programme"] is None  # and the step to 1.4: a fresh programme
    assert {k: v for k, v in migrated.items() if k not in {"tracker", "adapted", "programme"}} == {
        k: v for k, v in old.items() if k != "tracker"
    }
    salvaged = salvage(migrated, NOW, UTC)
    assert salvaged.damaged == ()
    tracker = DeskTracker.from_dict(salvaged.data["tracker"], TRACKING, UTC)
    before = tracker.history[date(2026, 3, 9)]
    assert before.compliance == 0.75
    assert (before.proven, before.self_reported, before.breaks_taken) == (0, 0, 3)
    assert tracker.streak(75) == 1  # the old day still meets its target


def test_version_1_3_gains_a_fresh_programme_and_keeps_its_routines() -> None:
    """1.3 -> 1.4: ``programme`` added as None (fresh, on); the routines kept are unchanged."""
    old = payload()
    del old["programme"]
    migrated = migrate(1, 3, copy.deepcopy(old))
    assert migrated == {**old, "programme": None}
    salvaged = salvage(migrated, NOW, UTC)
    assert salvaged.damaged == ()
    assert salvaged.data["routine_history"] == old["routine_history"]
    assert salvage(old, NOW, UTC).damaged == ()  # read as it is, it is no damage either


def test_a_damaged_programme_starts_fresh_and_nothing_else_does() -> None:
    """A hand-edited programme is its own part: the history and the rest are kept."""
    data = payload()
    damaged = {**data, "programme": {"level": "top", "enabled": "yes"}}
    salvaged = salvage(damaged, NOW, UTC)
    assert salvaged.damaged == (Section.PROGRAMME,)
    assert salvaged.data == {**data, "programme": None}


def test_an_adapted_interval_is_kept_and_a_damaged_one_starts_from_the_setting() -> None:
    data = payload()
    kept = {
        **data,
        "adapted": {"interval": 2100.0, "reason": "snoozed", "changed_on": "2026-03-10"},
    }
    assert salvage(kept, NOW, UTC) == Salvaged(kept, ())
    damaged = {**data, "adapted": {"interval": -5, "reason": "because"}}
    salvaged = salvage(damaged, NOW, UTC)
    assert salvaged.damaged == (Section.ADAPTED,)
    assert salvaged.data == {**damaged, "adapted": None}


def test_damaged_grading_loses_only_the_raises_to_come() -> None:
    data = payload()
    data["tracker"]["grading"] = {"open": "nothing", "odometer": -5}
    salvaged = salvage(data, NOW, UTC)
    assert salvaged.damaged == (Section.GRADING,)
    assert salvaged.data["tracker"]["grading"] is None
    assert salvaged.data["tracker"]["history"] == data["tracker"]["history"]


def test_a_newer_major_version_is_refused_a_newer_minor_loads() -> None:
    with pytest.raises(StorageTooNewError):
        migrate(2, 1, payload())
    newer = {**payload(), "something_new": [1, 2]}
    assert migrate(1, 4, newer) == newer
    assert salvage(newer, NOW, UTC).damaged == ()


def test_a_list_instead_of_the_data_starts_everything_fresh() -> None:
    salvaged = salvage([1, 2, 3], NOW, UTC)
    assert set(salvaged.damaged) == set(Section)
    tracker = DeskTracker.from_dict(salvaged.data["tracker"], TRACKING, UTC)
    assert tracker.snapshot().sitting_today == timedelta(0)


@pytest.mark.parametrize(
    ("damage", "damaged"),
    [
        (lambda d: d["tracker"].pop("clock"), {Section.TRACKER}),  # a missing field
        (lambda d: d["tracker"]["today"].update(breaks_taken="2"), {Section.TODAY}),  # mistyped
        (lambda d: d["tracker"]["today"].update(sitting=True), {Section.TODAY}),
        (lambda d: d["tracker"]["today"].update(sitting=-60), {Section.TODAY}),
        (lambda d: d["tracker"].update(history=[]), {Section.HISTORY}),  # a list for a dict
        (lambda d: d["tracker"]["history"]["2026-03-09"].update(sitting="x"), {Section.HISTORY}),
        (lambda d: d["tracker"].update(quiet="no"), {Section.TRACKER}),
        (lambda d: d.update(reminders_on=1), {Section.REMINDERS}),
        (lambda d: d.update(paused_until="tomorrow"), {Section.PAUSE}),
        (lambda d: d.update(paused_until=5), {Section.PAUSE}),
        (lambda d: d.pop("observed_until"), {Section.OBSERVED_UNTIL}),
        (lambda d: d.update(routine={"routine": "x"}), {Section.ROUTINE}),
        (lambda d: d["routine_history"].append({"ended": 5}), {Section.ROUTINE_HISTORY}),
        (lambda d: d.update(routine_history={}), {Section.ROUTINE_HISTORY}),
    ],
)
def test_each_damaged_section_starts_fresh_and_the_others_are_kept(
    damage: Any, damaged: set[Section]
) -> None:
    data = payload()
    good = copy.deepcopy(data)
    damage(data)
    salvaged = salvage(data, NOW + timedelta(minutes=5), UTC)
    assert set(salvaged.damaged) == damaged
    kept = salvaged.data
    tracker = DeskTracker.from_dict(kept["tracker"], TRACKING, UTC)  # decodes
    if Section.TODAY not in damaged:
        assert kept["tracker"]["today"] == good["tracker"]["today"]
    else:
        assert tracker.snapshot().sitting_today == timedelta(0)
    if Section.HISTORY not in damaged:
        assert kept["tracker"]["history"] == good["tracker"]["history"]
    else:
        assert date(2026, 3, 9) not in tracker.history
    if Section.TRACKER not in damaged:
        assert kept["tracker"]["stretch"] == good["tracker"]["stretch"]
    else:
        assert kept["tracker"]["stretch"] is None
    if Section.ROUTINE_HISTORY not in damaged:
        assert kept["routine_history"] == good["routine_history"]
    else:
        assert kept["routine_history"] in ([], good["routine_history"])
    assert kept["reminders_on"] is (Section.REMINDERS in damaged or False)
    assert kept["paused_until"] is None


def test_a_fresh_tracker_keeps_an_earlier_today_as_history() -> None:
    data = payload()
    del data["tracker"]["clock"]
    data["observed_until"] = (NOW + timedelta(days=1)).isoformat()
    salvaged = salvage(data, NOW + timedelta(days=1), UTC)
    assert salvaged.damaged == (Section.TRACKER,)
    tracker = DeskTracker.from_dict(salvaged.data["tracker"], TRACKING, UTC)
    assert tracker.history[date(2026, 3, 10)].sitting == timedelta(minutes=50)
    assert tracker.history[date(2026, 3, 9)].sitting == timedelta(minutes=300)
    assert tracker.snapshot().sitting_today == timedelta(0)
    assert salvaged.data["tracker"]["today"]["day"] == "2026-03-11"


# ---- in Home Assistant -----------------------------------------------------------------


def envelope(
    entry: MockConfigEntry, data: Any, version: int = 1, minor: int = STORAGE_MINOR_VERSION
) -> dict[str, Any]:
    return {
        "version": version,
        "minor_version": minor,
        "key": f"{DOMAIN}.{entry.entry_id}",
        "data": data,
    }


async def set_up(hass: HomeAssistant, entry: MockConfigEntry) -> bool:
    entry.add_to_hass(hass)
    result = await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return result


def stored_payload(hass: HomeAssistant) -> dict[str, Any]:
    """Today's payload, saved ten minutes ago in the instance's time zone."""
    saved_at = dt_util.utcnow() - timedelta(minutes=10)
    return payload(saved_at, dt_util.get_default_time_zone())


def damaged_copies(config_dir: Path, entry: MockConfigEntry) -> list[Path]:
    return sorted((config_dir / ".storage").glob(f"{DOMAIN}.{entry.entry_id}.damaged-*"))


async def test_version_1_payload_loads_without_an_issue(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}"] = envelope(
        mock_config_entry, stored_payload(hass)
    )
    assert await set_up(hass, mock_config_entry)
    assert value(hass, SITTING_TODAY) == "50"
    assert value(hass, "switch.office_desk_reminders") == "off"
    issue_id = f"damaged_storage_{mock_config_entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


def as_a_list(data: dict[str, Any]) -> Any:
    return [data]  # a list where the object belongs: everything starts fresh


def clock_mistyped(data: dict[str, Any]) -> Any:
    data["tracker"]["clock"] = None
    return data


def raw_missing(data: dict[str, Any]) -> Any:
    del data["tracker"]["raw"]
    return data


def today_mistyped(data: dict[str, Any]) -> Any:
    data["tracker"]["today"]["sitting"] = "50"
    return data


@pytest.mark.parametrize(
    ("damage", "sitting_today", "history_kept"),
    [
        (as_a_list, "0", False),
        (clock_mistyped, "50", True),
        (raw_missing, "50", True),
        (today_mistyped, "0", True),
    ],
)
async def test_damaged_data_keeps_what_decodes_a_copy_and_one_issue(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    config_dir: Path,
    damage: Any,
    sitting_today: str,
    history_kept: bool,
) -> None:
    damaged = damage(stored_payload(hass))
    key = f"{DOMAIN}.{mock_config_entry.entry_id}"
    hass_storage[key] = envelope(mock_config_entry, damaged)
    assert await set_up(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert value(hass, SITTING_TODAY) == sitting_today
    coach = mock_config_entry.runtime_data.coordinator
    assert (date(2026, 3, 9) in coach.tracker.history) is history_kept
    issue = issue_registry.async_get_issue(DOMAIN, f"damaged_storage_{mock_config_entry.entry_id}")
    assert issue is not None
    assert issue.translation_key == "damaged_storage"
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["desk"] == "Office desk"
    copies = damaged_copies(config_dir, mock_config_entry)
    assert [str(path) for path in copies] == [issue.translation_placeholders["copy"]]
    assert json.loads(copies[0].read_text(encoding="utf-8"))["data"] == damaged
    # the repaired data was written at once: a restart finds nothing damaged
    assert salvage(hass_storage[key]["data"], dt_util.utcnow(), UTC).damaged == ()


async def test_the_issue_names_the_parts_in_german(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    hass.config.language = "de"
    data = stored_payload(hass)
    data["tracker"]["today"]["breaks_taken"] = "2"
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}"] = envelope(mock_config_entry, data)
    assert await set_up(hass, mock_config_entry)
    issue = issue_registry.async_get_issue(DOMAIN, f"damaged_storage_{mock_config_entry.entry_id}")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["parts"] == "die heutigen Summen"


async def test_a_newer_major_version_refuses_the_setup_and_leaves_the_file(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    key = f"{DOMAIN}.{mock_config_entry.entry_id}"
    hass_storage[key] = envelope(mock_config_entry, {"whatever": "2.0 keeps"}, version=2, minor=1)
    before = copy.deepcopy(hass_storage[key])
    assert not await set_up(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    assert mock_config_entry.error_reason_translation_key == "storage_too_new"
    assert "stored by a newer Desk Coach (storage version 2.1" in str(mock_config_entry.reason)
    freezer.tick(timedelta(minutes=5))
    await hass.async_block_till_done()
    assert hass_storage[key] == before


async def test_a_newer_minor_version_loads(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    data = {**stored_payload(hass), "added_by_1_2": {"anything": 1}}
    data["tracker"]["today"]["added_by_1_2"] = 3
    key = f"{DOMAIN}.{mock_config_entry.entry_id}"
    hass_storage[key] = envelope(mock_config_entry, data, minor=STORAGE_MINOR_VERSION + 1)
    assert await set_up(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert value(hass, SITTING_TODAY) == "50"
    assert (
        issue_registry.async_get_issue(DOMAIN, f"damaged_storage_{mock_config_entry.entry_id}")
        is None
    )


async def test_the_store_migrates_through_its_own_function(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """An older minor version on disk is loaded through the desk's migration."""
    store = DeskStore(hass, "entry")
    data = payload()
    hass_storage[store.key] = {"version": 1, "minor_version": 0, "key": store.key, "data": data}
    assert await store.async_load() == migrate(1, 0, copy.deepcopy(data))


def test_the_damaged_file_is_copied_byte_for_byte(tmp_path: Path) -> None:
    class Fake:
        path = str(tmp_path / ".storage" / "desk_coach.x")
        version, key = 1, "desk_coach.x"

    Path(Fake.path).parent.mkdir()
    Path(Fake.path).write_text('{"version": 1,  "data": [1]}', encoding="utf-8")
    kept = DeskStore.keep_copy(Fake(), [1])  # type: ignore[arg-type]
    assert Path(kept).read_text(encoding="utf-8") == '{"version": 1,  "data": [1]}'
    assert Path(kept).name.startswith("desk_coach.x.damaged-")


@settings(max_examples=150, deadline=None)
@given(trace=traces(), config=SETTINGS, start=STARTS)
def test_law_what_a_tracker_saves_is_never_taken_for_damage(
    trace: list[tuple[timedelta, Action]], config: Settings, start: datetime
) -> None:
    tracker = DeskTracker(config, BERLIN, start)
    for offset, action in trace:
        apply(tracker, start + offset, action)
    data = {**payload(), "tracker": tracker.as_dict(), "observed_until": start.isoformat()}
    salvaged = salvage(data, start, BERLIN)
    assert salvaged.damaged == ()
    assert salvaged.data == data


async def test_removing_the_desk_withdraws_the_issue(
    hass: HomeAssistant,
    morning: datetime,
    presence_toggle: str,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}"] = envelope(mock_config_entry, [])
    assert await set_up(hass, mock_config_entry)
    issue_id = f"damaged_storage_{mock_config_entry.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

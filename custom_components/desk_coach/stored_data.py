"""What a desk keeps in storage: its version, its migration, and the repair of damaged data.

Pure Python, no Home Assistant import, like ``model.py``; ``storage.py`` wraps it in Home
Assistant's ``Store``. The stored data is one JSON object of sections:

- ``reminders_on``: the Reminders switch;
- ``paused_until``: the end of a pause of the reminders (None: no pause; since 1.2);
- ``observed_until``: until when the inputs were watched (after it: no evidence);
- ``tracker``: the tracker (``DeskTracker.as_dict``), itself three sections: the current
  stretch with what the inputs showed, ``today`` and the per-day ``history``;
- ``routine``: the running routine (None when idle);
- ``routine_history``: the routines that ended;
- ``programme``: the strength programme: on or off, its level as of a checkpoint (since 1.4).

Each section is decoded on its own: a damaged one (a hand edit, a missing or mistyped
field) starts fresh and the others are kept; one damaged day of the history or one
damaged routine of the routine history is dropped, the rest kept.

Versions: a change the older code can read (a new field it may ignore) bumps the minor
version; any other change bumps the major version. Data of a newer major version is
refused, never overwritten; data of a newer minor version loads, as Home Assistant's
``Store`` does. Every change of the stored data bumps the minor version at least and adds
its step to ``migrate``, with a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from .adaptive import Adapted
from .codec import decode_record
from .grading import Grading
from .model import DeskTracker, parse_instant
from .options import DEFAULT_TRACKING
from .programme import Programme
from .routine import Finished, RoutineRunner

STORAGE_VERSION = 1
STORAGE_MINOR_VERSION = 4
# what decoding damaged data raises (the decoders check types; these are their errors)
DECODE_ERRORS = (AttributeError, IndexError, KeyError, OverflowError, TypeError, ValueError)
_TRACKER_PARTS = frozenset({"today", "history"})


class Section(StrEnum):
    """A part of the stored data that is kept or started fresh on its own."""

    REMINDERS = "reminders"
    PAUSE = "pause"
    OBSERVED_UNTIL = "observed_until"
    TRACKER = "tracker"  # the current stretch, what the inputs showed, quiet, vacation
    GRADING = "grading"  # the breaks whose grade may still rise, the step readings
    ADAPTED = "adapted"  # the adapted break interval
    TODAY = "today"
    HISTORY = "history"
    ROUTINE = "routine"
    ROUTINE_HISTORY = "routine_history"
    PROGRAMME = "programme"


class StorageTooNewError(Exception):
    """The stored data was written by a newer Desk Coach with another major version."""

    def __init__(self, version: int, minor_version: int) -> None:
        """Remember the version found."""
        super().__init__(f"stored data of version {version}.{minor_version}")
        self.version = version
        self.minor_version = minor_version


def migrate(version: int, minor_version: int, data: Any) -> Any:
    """Today's data from data of another version; a newer major version is refused.

    1.4 is today's version. 1.1 -> 1.2: ``paused_until`` added (no pause). 1.2 -> 1.3: the
    tracker's ``grading`` added (no break open to a raise) and ``adapted`` (no interval
    adapted); the days stored keep their compliance as counted, and their grade counts start
    at 0 (they were never graded). 1.3 -> 1.4: ``programme`` added (None: a fresh programme,
    on, at the level it starts at); the routines kept get no level, so none of them moves it. A
    newer minor version only added what this version may ignore, so it loads as it is.
    """
    if version > STORAGE_VERSION:
        raise StorageTooNewError(version, minor_version)
    if minor_version < 2 and isinstance(data, dict):  # the step to 1.2
        data = {**data, "paused_until": None}
    if minor_version < 3 and isinstance(data, dict) and isinstance(data.get("tracker"), dict):
        data = {**data, "tracker": {**data["tracker"], "grading": None}}  # the step to 1.3
        data["adapted"] = None
    if minor_version < 4 and isinstance(data, dict):  # the step to 1.4
        data = {**data, "programme": None}
    return data


@dataclass(frozen=True)
class Salvaged:
    """Stored data every part of which decodes, and the sections that started fresh."""

    data: dict[str, Any]
    damaged: tuple[Section, ...]


def salvage(data: Any, now: datetime, time_zone: tzinfo) -> Salvaged:
    """Keep every section of ``data`` that decodes; start the others fresh.

    Sections older data lacks (the routine, the routine history, the Reminders switch, the
    pause) are not damage; a section every version wrote (the tracker, ``observed_until``) is.
    ``now`` places a fresh tracker when the stored one is damaged.
    """
    if not isinstance(data, dict):
        data, damaged = {}, list(Section)
    else:
        damaged = []
    reminders = data.get("reminders_on", True)
    if not isinstance(reminders, bool):
        damaged.append(Section.REMINDERS)
        reminders = True
    paused = data.get("paused_until")
    if paused is not None and _instant(paused) is None:
        damaged.append(Section.PAUSE)
        paused = None
    adapted = data.get("adapted")
    if adapted is not None and not _decodes(lambda: decode_record(Adapted, adapted)):
        damaged.append(Section.ADAPTED)
        adapted = None
    observed = _instant(data.get("observed_until"))
    if observed is None and Section.OBSERVED_UNTIL not in damaged:
        damaged.append(Section.OBSERVED_UNTIL)
    tracker, tracker_damage = _salvage_tracker(data.get("tracker"), observed or now, time_zone)
    routine = data.get("routine")
    if not _decodes(lambda: RoutineRunner.from_dict(routine)):
        damaged.append(Section.ROUTINE)
        routine = None
    programme = data.get("programme")
    if programme is not None and not _decodes(lambda: Programme.from_dict(programme)):
        damaged.append(Section.PROGRAMME)
        programme = None
    history, history_damaged = _salvage_routine_history(data.get("routine_history"))
    if history_damaged:
        damaged.append(Section.ROUTINE_HISTORY)
    salvaged = {
        "reminders_on": reminders,
        "paused_until": paused,
        "adapted": adapted,
        "tracker": tracker,
        "routine": routine,
        "routine_history": history,
        "programme": programme,
        "observed_until": (observed or parse_instant(tracker["clock"])).isoformat(),
    }
    found = [*damaged, *tracker_damage]
    return Salvaged(salvaged, tuple(section for section in Section if section in found))


def _instant(value: Any) -> datetime | None:
    try:
        return parse_instant(value)
    except DECODE_ERRORS:
        return None


def _decodes(decode: Any) -> bool:
    try:
        decode()
    except DECODE_ERRORS:
        return False
    return True


def _tracker_decodes(data: dict[str, Any], time_zone: tzinfo) -> bool:
    return _decodes(lambda: DeskTracker.from_dict(data, DEFAULT_TRACKING, time_zone))


def _salvage_tracker(
    stored: Any, start: datetime, time_zone: tzinfo
) -> tuple[dict[str, Any], list[Section]]:
    """The tracker with each of its three sections kept if it decodes (each tried alone)."""
    fresh = DeskTracker(DEFAULT_TRACKING, time_zone, start).as_dict()
    if not isinstance(stored, dict):
        return fresh, [Section.TRACKER, Section.TODAY, Section.HISTORY]
    damaged: list[Section] = []
    grading = stored.get("grading")
    if not _decodes(lambda: Grading.from_dict(grading)):
        damaged.append(Section.GRADING)  # only raises still to come are lost
        stored = {**stored, "grading": None}
    core = {key: value for key, value in stored.items() if key not in _TRACKER_PARTS}
    if not _tracker_decodes({**core, "today": fresh["today"], "history": {}}, time_zone):
        damaged.append(Section.TRACKER)
        core = {key: value for key, value in fresh.items() if key not in _TRACKER_PARTS}
    clock = parse_instant(core["clock"])
    day_of_clock = DeskTracker(DEFAULT_TRACKING, time_zone, clock).as_dict()["today"]
    today: Any = stored.get("today")
    if not _tracker_decodes({**fresh, "today": today}, time_zone):
        damaged.append(Section.TODAY)
        today = day_of_clock
    history: dict[str, Any] = {}
    days = stored.get("history")
    if not isinstance(days, dict):
        damaged.append(Section.HISTORY)
        days = {}
    for day, summary in days.items():
        if _tracker_decodes({**fresh, "history": {day: summary}}, time_zone):
            history[day] = summary
        elif Section.HISTORY not in damaged:
            damaged.append(Section.HISTORY)
    if Section.TRACKER in damaged and today["day"] != day_of_clock["day"]:
        # a fresh tracker begins on the day of ``start``: an earlier day kept is history
        history.setdefault(today["day"], today)
        today = day_of_clock
    return {**core, "today": today, "history": history}, damaged


def _salvage_routine_history(stored: Any) -> tuple[list[Any], bool]:
    """The routines that ended whose entries decode; and whether any was dropped."""
    if stored is None:
        return [], False
    if not isinstance(stored, list):
        return [], True
    kept = [entry for entry in stored if _decodes(lambda entry=entry: Finished.from_dict(entry))]
    return kept, len(kept) < len(stored)

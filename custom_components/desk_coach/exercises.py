"""The exercise library and its texts, kept as data in ``exercises/``.

Pure Python, no Home Assistant import: the integration reads it in an executor.
``exercises/library.json`` holds the exercises, their dose and the built-in routines;
``exercises/<language>.json`` holds their names, spoken cues, tempo hints, safety lines, what
their picture shows and, for stretches, where the stretch should be felt.
The user's own routines (the entry's options) are built on the same library.
"""

from __future__ import annotations

from dataclasses import dataclass
import json
from pathlib import Path
import re
from typing import Any

from .programme import Level
from .routine import Exercise, ExerciseKind, Routine, RoutineItem, Timing

EXERCISES_DIR = Path(__file__).parent / "exercises"
LIBRARY_FILE = "library.json"
FALLBACK_LANGUAGE = "en"

_LANGUAGE = re.compile(r"[a-z]{2,3}")  # a primary language subtag; never "library"
_LIBRARY_KEYS = frozenset({"timing", "levels", "exercises", "routines"})
_LEVEL_KEYS = frozenset({"sets", "reps", "slower"})
_TIMING_KEYS = frozenset({"start", "intro", "lead_in", "countdown"})
_EXERCISE_KEYS = frozenset({"kind", "area", "sets", "reps", "hold", "tempo", "rest", "sides"})
_ITEM_KEYS = frozenset({"exercise", "sets", "reps", "hold"})


@dataclass(frozen=True, kw_only=True)
class Library:
    """The exercises, the built-in routines and how long the coach talks."""

    exercises: dict[str, Exercise]
    routines: dict[str, Routine]  # the built-ins, name=None: their names are translated
    timing: Timing
    levels: tuple[Level, ...] = (Level(sets=2, reps=10),)  # the strength programme's
    start_level: int = 1  # the level a new programme starts at (1: the first)


@dataclass(frozen=True, kw_only=True)
class ExerciseText:
    """What the coach says about one exercise, in one language."""

    name: str
    cues: tuple[str, ...]
    tempo: str
    safety: str
    felt: str = ""  # stretches: where the stretch should be felt
    picture: str = ""  # what the exercise's picture shows (its alt text)


@dataclass(frozen=True, kw_only=True)
class LibraryTexts:
    """The library's words in one language (English where it lacks any)."""

    exercises: dict[str, ExerciseText]
    routines: dict[str, str]
    kinds: dict[str, str]
    areas: dict[str, str]


class LibraryError(ValueError):
    """The library's data is broken; the message says where."""


def read_library() -> Library:
    """The built-in library, read and checked (blocking: call it in an executor).

    Desk Coach reads it once, into its catalog (``catalog.py``).
    """
    return parse_library(read_object(EXERCISES_DIR / LIBRARY_FILE))


def parse_library(data: dict[str, Any]) -> Library:
    """Build the library from its JSON data; LibraryError says what is wrong with it."""
    _no_unknown_keys(data, _LIBRARY_KEYS, "library")
    timing = _parse_timing(data.get("timing", {}))
    raw_exercises = data.get("exercises")
    if not isinstance(raw_exercises, dict) or not raw_exercises:
        raise LibraryError("library: 'exercises' must be a non-empty object")
    exercises = {
        exercise_id: _parse_exercise(exercise_id, raw) for exercise_id, raw in raw_exercises.items()
    }
    raw_routines = data.get("routines", {})
    if not isinstance(raw_routines, dict):
        raise LibraryError("library: 'routines' must be an object")
    routines = {
        routine_id: _parse_routine(routine_id, raw, exercises)
        for routine_id, raw in raw_routines.items()
    }
    levels, start = _parse_levels(data.get("levels"))
    return Library(
        exercises=exercises, routines=routines, timing=timing, levels=levels, start_level=start
    )


def language_code(language: str) -> str:
    """The texts' language for ``language`` ("de", "de-CH", "de_CH", ...); English if none."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if not _LANGUAGE.fullmatch(code) or not (EXERCISES_DIR / f"{code}.json").is_file():
        return FALLBACK_LANGUAGE
    return code


def read_texts(language: str) -> LibraryTexts:
    """The texts for ``language``, English for what it lacks (blocking: in an executor)."""
    code = language_code(language)
    english = read_object(EXERCISES_DIR / f"{FALLBACK_LANGUAGE}.json")
    own = english if code == FALLBACK_LANGUAGE else read_object(EXERCISES_DIR / f"{code}.json")
    return parse_texts(own, english)


def parse_texts(data: dict[str, Any], fallback: dict[str, Any] | None = None) -> LibraryTexts:
    """Build texts from a language's JSON data, taking what it lacks from ``fallback``."""
    fallback = fallback or {}
    own_exercises = _section(data, "exercises")
    fallback_exercises = _section(fallback, "exercises")
    exercises: dict[str, ExerciseText] = {}
    for exercise_id in {**fallback_exercises, **own_exercises}:
        own, other = own_exercises.get(exercise_id), fallback_exercises.get(exercise_id)
        # a field missing in the language comes from the fallback, exercise by exercise
        merged = {
            **(other if isinstance(other, dict) else {}),
            **(own if isinstance(own, dict) else {}),
        }
        cues = merged.get("cues")
        exercises[exercise_id] = ExerciseText(
            name=str(merged.get("name") or exercise_id),
            cues=tuple(str(cue) for cue in cues) if isinstance(cues, list) else (),
            tempo=str(merged.get("tempo") or ""),
            safety=str(merged.get("safety") or ""),
            felt=str(merged.get("felt") or ""),
            picture=str(merged.get("picture") or ""),
        )
    return LibraryTexts(
        exercises=exercises,
        routines=_strings(fallback, data, "routines"),
        kinds=_strings(fallback, data, "kinds"),
        areas=_strings(fallback, data, "areas"),
    )


def custom_routines(data: list[dict[str, Any]] | None, library: Library) -> dict[str, Routine]:
    """The user's own routines from the options, without what the library cannot run.

    Items naming an exercise the library lacks are dropped, then routines left without
    items; an id taken by a built-in routine (or an earlier custom one) is dropped too.
    """
    routines: dict[str, Routine] = {}
    entries: list[Any] = list(data or [])  # options are user data: expect anything
    for raw in entries:
        if not isinstance(raw, dict):
            continue
        routine_id = raw.get("id")
        if not isinstance(routine_id, str) or not routine_id:
            continue
        if routine_id in library.routines or routine_id in routines:
            continue
        items: list[RoutineItem] = []
        for raw_item in raw.get("items") or []:
            if not isinstance(raw_item, dict):
                continue
            exercise = library.exercises.get(str(raw_item.get("exercise")))
            if exercise is None:
                continue
            reps = _optional_count(raw_item.get("reps"))
            if exercise.tempo <= 0:
                reps = None  # repetitions without a tempo would take no time at all
            items.append(
                RoutineItem(
                    exercise=exercise.id,
                    sets=_optional_count(raw_item.get("sets")),
                    reps=reps,
                    hold=_optional_count(raw_item.get("hold")),
                )
            )
        if items:
            name = raw.get("name")
            routines[routine_id] = Routine(
                id=routine_id,
                name=name if isinstance(name, str) and name else routine_id,
                items=tuple(items),
            )
    return routines


# ---- parsing ------------------------------------------------------------------------


def read_object(path: Path) -> dict[str, Any]:
    """A JSON file of the library or its texts; an error when it is not an object."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise LibraryError(f"{path.name}: must be a JSON object")
    return data


def _parse_timing(raw: Any) -> Timing:
    if not isinstance(raw, dict):
        raise LibraryError("library: 'timing' must be an object")
    _no_unknown_keys(raw, _TIMING_KEYS, "timing")
    return Timing(**{key: _count(raw, key, "timing", minimum=0) for key in raw})


def _parse_levels(raw: Any) -> tuple[tuple[Level, ...], int]:
    """The programme's levels, easiest first, and the one it starts at (counted from 1)."""
    if raw is None:
        return (Level(sets=2, reps=10),), 1
    if not isinstance(raw, dict) or not isinstance(raw.get("steps"), list) or not raw["steps"]:
        raise LibraryError("levels: must be an object with a non-empty list 'steps'")
    levels: list[Level] = []
    for number, step in enumerate(raw["steps"], start=1):
        where = f"level {number}"
        if not isinstance(step, dict):
            raise LibraryError(f"{where}: must be an object")
        _no_unknown_keys(step, _LEVEL_KEYS, where)
        levels.append(
            Level(
                sets=_count(step, "sets", where),
                reps=_count(step, "reps", where),
                slower=_count(step, "slower", where, minimum=0, default=0),
            )
        )
    start = _count(raw, "start", "levels", default=1)
    if start > len(levels):
        raise LibraryError(f"levels: 'start' must be at most {len(levels)}")
    return tuple(levels), start


def _parse_exercise(exercise_id: str, raw: Any) -> Exercise:
    where = f"exercise {exercise_id!r}"
    if not isinstance(raw, dict):
        raise LibraryError(f"{where}: must be an object")
    _no_unknown_keys(raw, _EXERCISE_KEYS, where)
    try:
        kind = ExerciseKind(str(raw.get("kind")))
    except ValueError:
        kinds = ", ".join(kind.value for kind in ExerciseKind)
        raise LibraryError(f"{where}: 'kind' must be one of {kinds}") from None
    area = raw.get("area")
    if not isinstance(area, str) or not area:
        raise LibraryError(f"{where}: 'area' must be a non-empty string")
    has_reps, has_hold = raw.get("reps") is not None, raw.get("hold") is not None
    if has_reps == has_hold:
        raise LibraryError(f"{where}: needs exactly one of 'reps' or 'hold'")
    sides = _count(raw, "sides", where, default=1)
    if sides not in (1, 2):
        raise LibraryError(f"{where}: 'sides' must be 1 or 2")
    return Exercise(
        id=exercise_id,
        kind=kind,
        area=area,
        sets=_count(raw, "sets", where, default=1),
        reps=_count(raw, "reps", where) if has_reps else None,
        hold=_count(raw, "hold", where) if has_hold else None,
        # repetitions last reps x tempo: without a tempo they would take no time
        tempo=_count(raw, "tempo", where, minimum=1 if has_reps else 0, default=0),
        rest=_count(raw, "rest", where, minimum=0, default=0),
        sides=sides,
    )


def _parse_routine(routine_id: str, raw: Any, exercises: dict[str, Exercise]) -> Routine:
    where = f"routine {routine_id!r}"
    if not isinstance(raw, list) or not raw:
        raise LibraryError(f"{where}: must be a non-empty list of items")
    items: list[RoutineItem] = []
    for number, raw_item in enumerate(raw, start=1):
        at = f"{where}, item {number}"
        if not isinstance(raw_item, dict):
            raise LibraryError(f"{at}: must be an object")
        _no_unknown_keys(raw_item, _ITEM_KEYS, at)
        exercise = exercises.get(str(raw_item.get("exercise")))
        if exercise is None:
            raise LibraryError(f"{at}: unknown exercise {raw_item.get('exercise')!r}")
        if "reps" in raw_item and exercise.reps is None:
            raise LibraryError(f"{at}: {exercise.id!r} is held, it has no reps")
        if "hold" in raw_item and exercise.hold is None:
            raise LibraryError(f"{at}: {exercise.id!r} has reps, it is not held")
        items.append(
            RoutineItem(
                exercise=exercise.id,
                sets=_count(raw_item, "sets", at) if "sets" in raw_item else None,
                reps=_count(raw_item, "reps", at) if "reps" in raw_item else None,
                hold=_count(raw_item, "hold", at) if "hold" in raw_item else None,
            )
        )
    return Routine(id=routine_id, items=tuple(items))


def _count(
    raw: dict[str, Any], key: str, where: str, *, minimum: int = 1, default: int | None = None
) -> int:
    value = raw.get(key, default)
    # bool is an int to Python, but true is no count
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise LibraryError(f"{where}: {key!r} must be a whole number of at least {minimum}")
    return value


def _optional_count(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return None


def _no_unknown_keys(raw: dict[str, Any], known: frozenset[str], where: str) -> None:
    # a misspelt key would otherwise silently fall back to its default
    if unknown := sorted(set(raw) - known):
        raise LibraryError(f"{where}: unknown keys {', '.join(unknown)}")


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    section = data.get(key)
    return section if isinstance(section, dict) else {}


def _strings(fallback: dict[str, Any], data: dict[str, Any], key: str) -> dict[str, str]:
    merged = {**_section(fallback, key), **_section(data, key)}
    return {name: str(text) for name, text in merged.items()}

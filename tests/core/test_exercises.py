"""The exercise library as data: its checks, its texts, the built-in and custom routines."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from custom_components.desk_coach import exercises
from custom_components.desk_coach.exercises import (
    EXERCISES_DIR,
    Library,
    LibraryError,
    custom_routines,
    language_code,
    parse_library,
    parse_texts,
    read_library,
    read_texts,
)
from custom_components.desk_coach.routine import (
    ExerciseKind,
    Routine,
    RoutineItem,
    StepKind,
    is_strength,
    plan_routine,
)

BUILT_INS = ("shoulder_rotation", "stretching", "strengthening", "two_minutes")
LANGUAGES = sorted(p.stem for p in EXERCISES_DIR.glob("*.json") if p.name != "library.json")
MAX_CUE = 90


def read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXERCISES_DIR / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture
def library() -> Library:
    return read_library()


@pytest.fixture
def raw_library() -> dict[str, Any]:
    return copy.deepcopy(read("library.json"))


def expected_seconds(routine: Routine, library: Library) -> int:
    """A routine's length worked out from the data, independently of plan_routine."""
    timing, total = library.timing, library.timing.start
    for item in routine.items:
        exercise = library.exercises[item.exercise]
        sets = item.sets or exercise.sets
        if exercise.reps is not None:
            work = (item.reps or exercise.reps) * exercise.tempo
        else:
            assert exercise.hold is not None
            work = item.hold or exercise.hold
        sides = exercise.sides
        talk = timing.intro + (sets * sides - 1) * timing.lead_in
        total += talk + sets * sides * work + (sets - 1) * exercise.rest
    return total


# ---- the library ------------------------------------------------------------------


def test_library_reads_the_same_each_time(library: Library) -> None:
    assert read_library() == library


def test_library_has_the_exercises_the_routines_need(library: Library) -> None:
    assert {
        "shoulder_rolls",
        "chin_tucks",
        "serratus_wall_slides",
        "scapular_push_ups",
        "thoracic_extension_chair",
        "doorway_pec_stretch",
        "upper_trapezius_stretch",
        "foam_roll_upper_back",
        "tennis_ball_release",
    } <= set(library.exercises)
    assert set(library.routines) == set(BUILT_INS)
    assert all(routine.name is None for routine in library.routines.values())


def test_every_exercise_has_exactly_one_of_reps_or_hold(library: Library) -> None:
    for exercise_id, exercise in library.exercises.items():
        assert exercise.id == exercise_id
        assert (exercise.reps is None) != (exercise.hold is None), exercise.id
        assert exercise.sets >= 1
        assert exercise.sides in (1, 2)
        if exercise.reps is not None:
            # slow repetitions, as the coach asks for
            assert 4 <= exercise.tempo <= 6, exercise.id


def test_every_routine_item_is_in_the_library(library: Library) -> None:
    for routine in library.routines.values():
        assert routine.items
        for item in routine.items:
            assert item.exercise in library.exercises, (routine.id, item.exercise)


def test_strength_work_rests_between_sets(library: Library) -> None:
    for exercise in library.exercises.values():
        if exercise.kind is ExerciseKind.STRENGTH:
            assert exercise.rest == 30, exercise.id


def test_the_micro_break_is_thirty_seconds_of_shoulder_rolls(library: Library) -> None:
    rolls = library.exercises["shoulder_rolls"]
    assert rolls.kind is ExerciseKind.MOBILITY
    assert (rolls.sets, rolls.hold, rolls.reps) == (1, 30, None)
    assert library.routines["shoulder_rotation"].items == (RoutineItem(exercise="shoulder_rolls"),)


def test_strengthening_is_one_or_two_sets_of_ten_slow_reps(library: Library) -> None:
    routine = library.routines["strengthening"]
    assert [item.exercise for item in routine.items] == [
        "chin_tucks",
        "serratus_wall_slides",
        "thoracic_extension_chair",
    ]
    steps = plan_routine(routine, library.exercises, library.timing)
    for item in routine.items:
        work = [s for s in steps if s.exercise == item.exercise and s.kind is StepKind.WORK]
        assert 1 <= len(work) <= 2, item.exercise
        assert all(step.reps == 10 and step.hold is None for step in work), item.exercise
        assert all(step.sets == len(work) for step in work)


def test_only_the_strength_routines_count_as_a_strength_session(library: Library) -> None:
    for routine_id, routine in library.routines.items():
        steps = plan_routine(routine, library.exercises, library.timing)
        strength = routine_id in {"strengthening", "two_minutes"}
        assert is_strength(steps, library.exercises) is strength
    kinds = {
        library.exercises[item.exercise].kind for item in library.routines["strengthening"].items
    }
    assert ExerciseKind.STRENGTH in kinds
    assert {"chin_tucks", "serratus_wall_slides"} <= {
        item.exercise
        for item in library.routines["strengthening"].items
        if library.exercises[item.exercise].kind is ExerciseKind.STRENGTH
    }


def test_stretching_needs_no_equipment_and_ends_with_shoulder_rolls(library: Library) -> None:
    routine = library.routines["stretching"]
    assert routine.items[-1].exercise == "shoulder_rolls"
    assert {item.exercise for item in routine.items} >= {
        "upper_trapezius_stretch",
        "doorway_pec_stretch",
        "thoracic_extension_chair",
    }
    kinds = {library.exercises[item.exercise].kind for item in routine.items}
    assert ExerciseKind.RELEASE not in kinds  # roller and ball are equipment
    assert ExerciseKind.STRENGTH not in kinds
    chair = next(i for i in routine.items if i.exercise == "thoracic_extension_chair")
    assert chair.sets == 1


def test_shoulder_rotation_lasts_a_minute(library: Library) -> None:
    routine = library.routines["shoulder_rotation"]
    steps = plan_routine(routine, library.exercises, library.timing)
    total = sum(step.seconds for step in steps)
    hold = library.exercises["shoulder_rolls"].hold
    assert hold is not None
    assert total == library.timing.start + library.timing.intro + hold
    assert total == 60


@pytest.mark.parametrize("routine_id", BUILT_INS)
def test_plans_last_what_the_data_says(library: Library, routine_id: str) -> None:
    routine = library.routines[routine_id]
    steps = plan_routine(routine, library.exercises, library.timing)
    assert sum(step.seconds for step in steps) == expected_seconds(routine, library)


def test_stretching_takes_a_few_minutes_and_strengthening_under_ten(library: Library) -> None:
    def seconds(routine_id: str) -> int:
        routine = library.routines[routine_id]
        return sum(s.seconds for s in plan_routine(routine, library.exercises, library.timing))

    assert 120 <= seconds("stretching") <= 360
    assert 180 <= seconds("strengthening") <= 600


def test_stretching_stretches_the_upper_trapezius_on_both_sides(library: Library) -> None:
    steps = plan_routine(library.routines["stretching"], library.exercises, library.timing)
    sides = [s.side for s in steps if s.exercise == "upper_trapezius_stretch"]
    assert sides == [1, 2]


# ---- checks on broken data --------------------------------------------------------


def test_parse_library_accepts_the_shipped_data(raw_library: dict[str, Any]) -> None:
    parsed = parse_library(raw_library)
    assert parsed.timing.start == 10
    assert parsed.timing.intro == 20
    assert parsed.timing.lead_in == 3
    assert parsed.timing.countdown == 10
    assert parsed.exercises == read_library().exercises


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: d["exercises"]["chin_tucks"].update(hold=30), "exactly one of"),
        (lambda d: d["exercises"]["doorway_pec_stretch"].pop("hold"), "exactly one of"),
        (lambda d: d["routines"]["stretching"].append({"exercise": "cartwheel"}), "cartwheel"),
        (lambda d: d["exercises"]["chin_tucks"].update(kind="cardio"), "kind"),
        (lambda d: d["exercises"]["chin_tucks"].update(hlod=30), "hlod"),
        (lambda d: d["exercises"]["chin_tucks"].update(tempo=0), "tempo"),
        (lambda d: d["exercises"]["chin_tucks"].update(sets=True), "sets"),
        (lambda d: d["exercises"]["upper_trapezius_stretch"].update(sides=3), "sides"),
        (lambda d: d["routines"].update(empty=[]), "routine 'empty'"),
        (lambda d: d["routines"]["strengthening"][0].update(hold=30), "not held"),
        (lambda d: d["timing"].update(intro=-1), "intro"),
        (lambda d: d.update(exercises={}), "exercises"),
        (lambda d: d.update(routines=[]), "routines"),
        (lambda d: d.update(timing=10), "timing"),
        (lambda d: d.update(extra={}), "extra"),
        (lambda d: d["exercises"].update(plank=30), "plank"),
        (lambda d: d["exercises"]["chin_tucks"].pop("area"), "area"),
        (lambda d: d["routines"]["stretching"].append("chin_tucks"), "item 5"),
        (lambda d: d["routines"]["stretching"][0].update(reps=10), "no reps"),
        (lambda d: d["routines"]["stretching"][0].update(side=1), "side"),
    ],
)
def test_parse_library_refuses_broken_data(
    raw_library: dict[str, Any], breakage: Any, message: str
) -> None:
    breakage(raw_library)
    with pytest.raises(ValueError, match=message):
        parse_library(raw_library)


def test_library_error_is_a_value_error(tmp_path: Path) -> None:
    assert issubclass(LibraryError, ValueError)
    not_an_object = tmp_path / "library.json"
    not_an_object.write_text("[]", encoding="utf-8")
    with pytest.raises(LibraryError, match=r"library\.json"):
        exercises.read_object(not_an_object)


# ---- texts ------------------------------------------------------------------------


def test_there_are_english_and_german_texts() -> None:
    assert {"en", "de"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_text(library: Library, language: str) -> None:
    texts = read(f"{language}.json")
    assert set(texts) == {"exercises", "routines", "kinds", "areas"}
    assert set(texts["exercises"]) == set(library.exercises)
    for exercise_id, text in texts["exercises"].items():
        # a stretch also says where it should be felt
        felt = {"felt"} if library.exercises[exercise_id].kind is ExerciseKind.STRETCH else set()
        assert set(text) == {"name", "cues", "tempo", "safety", "picture", *felt}, exercise_id
    assert set(texts["routines"]) == set(library.routines)
    assert set(texts["kinds"]) == {kind.value for kind in ExerciseKind}
    assert set(texts["areas"]) == {exercise.area for exercise in library.exercises.values()} | {
        "chest",
        "neck",
        "shoulders",
        "spine",
        "upper_back",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_are_short_enough_to_speak(language: str) -> None:
    for exercise_id, text in read(f"{language}.json")["exercises"].items():
        assert 2 <= len(text["cues"]) <= 3, exercise_id
        for line in [*text["cues"], text["safety"], text["tempo"], text.get("felt", "")]:
            assert len(line) <= MAX_CUE, (exercise_id, line)
        for cue in text["cues"]:
            assert cue.strip() == cue
            assert cue, exercise_id
            assert cue[-1] == "."  # one sentence per line, spoken with a pause
            assert cue.count(". ") == 0, cue
        assert text["name"]
        assert text["safety"]


def test_repeated_exercises_have_a_tempo_hint(library: Library) -> None:
    for language in LANGUAGES:
        texts = read(f"{language}.json")["exercises"]
        for exercise in library.exercises.values():
            if exercise.reps is not None:
                assert texts[exercise.id]["tempo"], (language, exercise.id)


def test_german_is_german(library: Library) -> None:
    english, german = read_texts("en"), read_texts("de")
    for exercise_id in library.exercises:
        en, de = english.exercises[exercise_id], german.exercises[exercise_id]
        assert en.name != de.name, exercise_id
        assert en.safety != de.safety, exercise_id
        assert not set(en.cues) & set(de.cues), exercise_id
    assert german.routines != english.routines
    everything = json.dumps(read("de.json"), ensure_ascii=False)
    assert set("äöüß") & set(everything)
    assert " Sie " not in everything  # the coach says du


def test_read_texts_picks_the_language() -> None:
    german = read_texts("de-DE")
    assert german == read_texts("de")
    assert german == read_texts("de_CH")
    assert german.exercises["shoulder_rolls"].name == "Schulterkreisen"
    assert german.kinds["strength"] == "Kräftigung"
    english = read_texts("en")
    assert [language_code(code) for code in ("fr", "library", "", "de-AT")] == [
        "en",
        "en",  # the library file is no language
        "en",
        "de",
    ]
    assert read_texts("fr") == english
    assert english.exercises["chin_tucks"].name == "Chin tucks"
    assert english.exercises["chin_tucks"].cues
    assert isinstance(english.exercises["chin_tucks"].cues, tuple)


def test_missing_texts_fall_back_to_english_per_exercise() -> None:
    english = read("en.json")
    partial = {
        "exercises": {"chin_tucks": {"name": "Kinn zurückziehen"}},
        "routines": {"stretching": "Dehnen"},
    }
    texts = parse_texts(partial, english)
    chin = texts.exercises["chin_tucks"]
    assert chin.name == "Kinn zurückziehen"
    assert list(chin.cues) == english["exercises"]["chin_tucks"]["cues"]
    assert chin.safety == english["exercises"]["chin_tucks"]["safety"]
    assert texts.exercises["shoulder_rolls"].name == english["exercises"]["shoulder_rolls"]["name"]
    assert texts.routines["stretching"] == "Dehnen"
    assert texts.routines["strengthening"] == english["routines"]["strengthening"]
    assert texts.kinds == english["kinds"]


def test_texts_without_a_fallback_use_the_id_as_a_name() -> None:
    texts = parse_texts({"exercises": {"chin_tucks": {}}})
    assert texts.exercises["chin_tucks"].name == "chin_tucks"
    assert texts.exercises["chin_tucks"].cues == ()


# ---- custom routines --------------------------------------------------------------


def test_custom_routines_keep_what_the_library_can_run(library: Library) -> None:
    data = [
        {
            "id": "morning",
            "name": "Morning",
            "items": [
                {"exercise": "doorway_pec_stretch", "sets": 1, "reps": None, "hold": 45},
                {"exercise": "cartwheel", "sets": 1, "reps": None, "hold": None},
                {"exercise": "chin_tucks", "sets": 2, "reps": 8, "hold": None},
                {"exercise": "shoulder_rolls"},
            ],
        },
        {"id": "empty", "name": "Empty", "items": []},
        {"id": "unknown", "name": "Unknown only", "items": [{"exercise": "cartwheel"}]},
        {"id": "stretching", "name": "My stretching", "items": [{"exercise": "chin_tucks"}]},
        {"id": "evening", "name": "Evening", "items": [{"exercise": "tennis_ball_release"}]},
        {"id": "morning", "name": "Morning again", "items": [{"exercise": "chin_tucks"}]},
    ]
    routines = custom_routines(data, library)
    assert list(routines) == ["morning", "evening"]
    morning = routines["morning"]
    assert morning.name == "Morning"
    assert morning.items == (
        RoutineItem(exercise="doorway_pec_stretch", sets=1, hold=45),
        RoutineItem(exercise="chin_tucks", sets=2, reps=8),
        RoutineItem(exercise="shoulder_rolls"),
    )
    steps = plan_routine(morning, library.exercises, library.timing)
    assert [s.exercise for s in steps if s.first] == [
        "doorway_pec_stretch",
        "chin_tucks",
        "shoulder_rolls",
    ]
    assert routines["evening"] == Routine(
        id="evening", name="Evening", items=(RoutineItem(exercise="tennis_ball_release"),)
    )


def test_custom_routines_survive_odd_options(library: Library) -> None:
    assert custom_routines(None, library) == {}
    assert custom_routines([], library) == {}
    data: list[Any] = [
        "not a routine",
        {"name": "No id", "items": [{"exercise": "chin_tucks"}]},
        {
            "id": "odd",
            "items": [
                "not an item",
                {"exercise": "chin_tucks", "sets": 0, "reps": True, "hold": "30"},
                # a repetition count on a held exercise would take no time
                {"exercise": "shoulder_rolls", "reps": 10},
            ],
        },
    ]
    routines = custom_routines(data, library)
    assert list(routines) == ["odd"]
    assert routines["odd"].name == "odd"
    assert routines["odd"].items == (
        RoutineItem(exercise="chin_tucks"),
        RoutineItem(exercise="shoulder_rolls"),
    )
    steps = plan_routine(routines["odd"], library.exercises, library.timing)
    assert all(step.seconds > library.timing.lead_in for step in steps)

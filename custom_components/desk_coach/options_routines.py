"""The Routines part of the options: add, change and remove the user's own routines.

A routine is written over several pages (name and exercises, then sets and repetitions
or hold of each exercise); it lands in the dialog's working copy of the options, which
Save and close keeps.
"""

from __future__ import annotations

from collections.abc import Container
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from homeassistant.const import CONF_NAME
from homeassistant.helpers import selector
from homeassistant.helpers.schema_config_entry_flow import (
    SchemaCommonFlowHandler,
    SchemaFlowFormStep,
    SchemaFlowMenuStep,
    SchemaFlowStep,
)
from homeassistant.util import slugify
import voluptuous as vol

from .catalog import async_catalog
from .const import BUILT_IN_ROUTINES, CONF_ROUTINES
from .exercises import Library, LibraryTexts
from .form import NumberField, PageError, check_numbers
from .routine import Exercise

MENU = "init"  # the options' own menu, where every page returns
FIELD_EXERCISES = "exercises"
FIELD_ROUTINE = "routine"
FIELD_SETS = "sets"
FIELD_REPS = "reps"
FIELD_HOLD = "hold"
SETS = NumberField(key=FIELD_SETS, low=1, high=5)
REPS = NumberField(key=FIELD_REPS, low=1, high=50)
HOLD = NumberField(key=FIELD_HOLD, low=5, high=300, unit="s")
ROUTINE_FIELDS = (SETS, REPS, HOLD)


@dataclass
class RoutineDraft:
    """The routine being written in this dialog."""

    editing: str | None = None  # the id of the custom routine being changed
    name: str = ""
    chosen: list[str] = field(default_factory=list)  # its exercises, in order
    items: list[dict[str, Any]] = field(default_factory=list)  # those given their dose


def custom(options: dict[str, Any]) -> list[dict[str, Any]]:
    """A copy of the custom routines in ``options`` (options are user data: skip junk)."""
    saved = options.get(CONF_ROUTINES) or []
    return [
        deepcopy(routine)
        for routine in saved
        if isinstance(routine, dict) and isinstance(routine.get("id"), str)
    ]


class RoutinePages:
    """The routine pages of one options dialog, and the routine being written."""

    def __init__(self) -> None:
        """Start without a routine being written."""
        self.draft = RoutineDraft()
        self._library: Library | None = None
        self._texts: LibraryTexts | None = None

    def steps(self) -> dict[str, SchemaFlowStep]:
        """The pages, by step id."""
        return {
            "routines": SchemaFlowMenuStep(self._menu),
            "routine_add": SchemaFlowFormStep(
                self._add_schema,
                validate_user_input=self._add,
                next_step="routine_exercise",
                suggested_values=self._add_suggested,
            ),
            "routine_exercise": SchemaFlowFormStep(
                self._exercise_schema,
                validate_user_input=self._exercise,
                next_step=self._after_exercise,
                suggested_values=None,
                description_placeholders=self._exercise_placeholders,
            ),
            "routine_edit": SchemaFlowFormStep(
                self._edit_schema,
                validate_user_input=self._edit,
                next_step="routine_add",
                suggested_values=None,
            ),
            "routine_remove": SchemaFlowFormStep(
                self._remove_schema,
                validate_user_input=self._remove,
                next_step=MENU,
                suggested_values=None,
            ),
        }

    async def _load(self, handler: SchemaCommonFlowHandler) -> tuple[Library, LibraryTexts]:
        """The exercise library and its texts in Home Assistant's language."""
        hass = handler.parent_handler.hass
        if self._library is None:
            self._library = (await async_catalog(hass)).library
        if self._texts is None:
            self._texts = await (await async_catalog(hass)).async_library_texts(hass)
        return self._library, self._texts

    def _edited(self, handler: SchemaCommonFlowHandler) -> dict[str, Any] | None:
        """The custom routine being changed (None while adding one)."""
        return next((r for r in custom(handler.options) if r["id"] == self.draft.editing), None)

    async def _menu(self, handler: SchemaCommonFlowHandler) -> Container[str]:
        """Add a routine; change or remove one once there are some; or go back."""
        self.draft = RoutineDraft()  # whatever was begun and left is forgotten
        if custom(handler.options):
            return ["routine_add", "routine_edit", "routine_remove", MENU]
        return ["routine_add", MENU]

    # ---- name and exercises ------------------------------------------------------------

    async def _add_schema(self, handler: SchemaCommonFlowHandler) -> vol.Schema:
        library, texts = await self._load(handler)
        exercises = sorted(
            (
                selector.SelectOptionDict(value=exercise_id, label=_label(exercise, texts))
                for exercise_id, exercise in library.exercises.items()
            ),
            key=lambda option: option["label"].casefold(),
        )
        return vol.Schema(
            {
                vol.Required(CONF_NAME): selector.TextSelector(),
                vol.Optional(FIELD_EXERCISES): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=exercises,
                        multiple=True,
                        # the dropdown keeps the order the exercises were picked in
                        mode=selector.SelectSelectorMode.DROPDOWN,
                    )
                ),
            }
        )

    async def _add_suggested(self, handler: SchemaCommonFlowHandler) -> dict[str, Any]:
        """A blank form, or the routine being changed."""
        if (edited := self._edited(handler)) is None:
            return {}
        library, _ = await self._load(handler)
        return {
            CONF_NAME: edited.get("name", ""),
            FIELD_EXERCISES: [
                item["exercise"]
                for item in _items_of(edited)
                if item.get("exercise") in library.exercises
            ],
        }

    async def _add(
        self, handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
    ) -> dict[str, Any]:
        """Check the name and the exercises; the doses are asked next."""
        library, texts = await self._load(handler)
        errors: dict[str, str] = {}
        name = str(user_input.get(CONF_NAME) or "").strip()
        chosen = [e for e in user_input.get(FIELD_EXERCISES) or [] if e in library.exercises]
        taken = set(BUILT_IN_ROUTINES) | set(library.routines)
        # a built-in's name in Home Assistant's language would start the built-in
        taken |= {slugify(translated) for translated in texts.routines.values()}
        taken |= {r["id"] for r in custom(handler.options) if r["id"] != self.draft.editing}
        if not name:
            errors[CONF_NAME] = "name_required"
        elif slugify(name) in taken:
            errors[CONF_NAME] = "name_taken"
        if not chosen:
            errors[FIELD_EXERCISES] = "no_exercises"
        if errors:
            raise PageError(errors)
        self.draft.name, self.draft.chosen = name, list(dict.fromkeys(chosen))
        self.draft.items = []
        return {}  # nothing of this page is an option itself

    # ---- sets and repetitions (or hold) of one exercise after the other ----------------

    async def _current(self, handler: SchemaCommonFlowHandler) -> tuple[Exercise, LibraryTexts]:
        library, texts = await self._load(handler)
        return library.exercises[self.draft.chosen[len(self.draft.items)]], texts

    async def _exercise_schema(self, handler: SchemaCommonFlowHandler) -> vol.Schema:
        exercise, _ = await self._current(handler)
        defaults = _item_defaults(exercise, self._edited(handler))
        dose = HOLD if _holds(exercise) else REPS
        return vol.Schema(
            {
                vol.Required(FIELD_SETS, default=defaults[FIELD_SETS]): SETS.selector(),
                vol.Required(dose.key, default=defaults[dose.key]): dose.selector(),
            }
        )

    async def _exercise_placeholders(self, handler: SchemaCommonFlowHandler) -> dict[str, str]:
        exercise, texts = await self._current(handler)
        text = texts.exercises.get(exercise.id)
        return {
            "exercise": text.name if text is not None else exercise.id,
            "position": str(len(self.draft.items) + 1),
            "count": str(len(self.draft.chosen)),
        }

    async def _exercise(
        self, handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
    ) -> dict[str, Any]:
        """Keep the exercise's dose; after the last one, the routine."""
        exercise, _ = await self._current(handler)
        holds = _holds(exercise)
        errors, placeholders = check_numbers(user_input, ROUTINE_FIELDS)
        if errors:
            raise PageError(errors, placeholders)
        self.draft.items.append(
            {
                "exercise": exercise.id,
                FIELD_SETS: int(user_input[FIELD_SETS]),
                FIELD_REPS: None if holds else int(user_input[FIELD_REPS]),
                FIELD_HOLD: int(user_input[FIELD_HOLD]) if holds else None,
            }
        )
        if len(self.draft.items) == len(self.draft.chosen):
            self._keep_routine(handler)
        return {}

    async def _after_exercise(self, options: dict[str, Any]) -> str:
        return "routine_exercise" if len(self.draft.items) < len(self.draft.chosen) else MENU

    def _keep_routine(self, handler: SchemaCommonFlowHandler) -> None:
        """The routine written: appended, or in place of the one changed."""
        draft = self.draft
        routine = {"id": slugify(draft.name), "name": draft.name, "items": draft.items}
        routines = custom(handler.options)
        ids = [r["id"] for r in routines]
        if draft.editing in ids:
            routines[ids.index(draft.editing)] = routine
        else:
            routines.append(routine)
        handler.options[CONF_ROUTINES] = routines

    # ---- change and remove -------------------------------------------------------------

    async def _edit_schema(self, handler: SchemaCommonFlowHandler) -> vol.Schema:
        return vol.Schema(
            {
                vol.Required(FIELD_ROUTINE): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=_routine_options(custom(handler.options)),
                        mode=selector.SelectSelectorMode.DROPDOWN,
                    )
                )
            }
        )

    async def _edit(
        self, handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
    ) -> dict[str, Any]:
        self.draft.editing = user_input[FIELD_ROUTINE]
        return {}

    async def _remove_schema(self, handler: SchemaCommonFlowHandler) -> vol.Schema:
        return vol.Schema(
            {
                vol.Required(CONF_ROUTINES, default=[]): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=_routine_options(custom(handler.options)),
                        multiple=True,
                        mode=selector.SelectSelectorMode.LIST,
                    )
                )
            }
        )

    async def _remove(
        self, handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
    ) -> dict[str, Any]:
        removed = set(user_input.get(CONF_ROUTINES) or [])
        if kept := [r for r in custom(handler.options) if r["id"] not in removed]:
            handler.options[CONF_ROUTINES] = kept
        else:
            handler.options.pop(CONF_ROUTINES, None)
        return {}  # the page's field lists what to remove, not the routines to keep


def _label(exercise: Exercise, texts: LibraryTexts) -> str:
    """An exercise as the picker shows it: "Chin tucks (Strength)"."""
    text = texts.exercises.get(exercise.id)
    name = text.name if text is not None else exercise.id
    kind = str(exercise.kind)
    return f"{name} ({texts.kinds.get(kind, kind)})"


def _holds(exercise: Exercise) -> bool:
    """The exercise is held for seconds rather than repeated (as the planner reads it)."""
    return exercise.hold is not None


def _within(value: int | None, number: NumberField, fallback: int) -> int:
    return int(min(max(fallback if value is None else int(value), number.low), number.high))


def _item_defaults(exercise: Exercise, edited: dict[str, Any] | None) -> dict[str, int]:
    """Sets, reps and hold to prefill: what the routine had, else the library's."""
    before: dict[str, Any] = next(
        (item for item in _items_of(edited) if item.get("exercise") == exercise.id),
        {},
    )

    def pick(key: str, default: int | None) -> int | None:
        value = before.get(key)
        return value if isinstance(value, int) else default

    return {
        FIELD_SETS: _within(pick(FIELD_SETS, exercise.sets), SETS, 1),
        FIELD_REPS: _within(pick(FIELD_REPS, exercise.reps), REPS, 10),
        FIELD_HOLD: _within(pick(FIELD_HOLD, exercise.hold), HOLD, 30),
    }


def _items_of(routine: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A saved routine's items (options are user data: skip what is no item)."""
    items = (routine or {}).get("items") or []
    return [item for item in items if isinstance(item, dict)]


def _routine_options(routines: list[dict[str, Any]]) -> list[selector.SelectOptionDict]:
    return [
        selector.SelectOptionDict(value=r["id"], label=str(r.get("name") or r["id"]))
        for r in routines
    ]

"""A desk's routines by id and by name: the built-ins and the user's own.

Pure Python, no Home Assistant import. ``DeskRoutines`` is one of these; the names are in Home Assistant's language, a custom
routine's in whatever language the user wrote it.
"""

from __future__ import annotations

from typing import Any, Protocol

from .exercises import Library, LibraryTexts, custom_routines
from .options import DeskOptions
from .refusal import Refusal
from .routine import Routine


class Desk(Protocol):
    """What the names are read from: the desk's options, library and texts."""

    options: DeskOptions
    library: Library
    library_texts: LibraryTexts


class RoutineNames:
    """The routines a desk can run, found by id or name."""

    def __init__(self, desk: Desk) -> None:
        """Read the routines of ``desk``'s options when first asked."""
        self._source = desk
        self._all: tuple[Any, dict[str, Routine]] | None = None  # for these options' routines

    @property
    def all(self) -> dict[str, Routine]:
        """The built-in routines and the user's own, by id (read once per options change)."""
        options = self._source.options.routines
        if self._all is None or self._all[0] is not options:
            library = self._source.library
            custom = custom_routines(list(options), library)
            self._all = (options, {**library.routines, **custom})
        return self._all[1]

    def name(self, routine_id: str, texts: LibraryTexts | None = None) -> str:
        """A routine's name in the language of ``texts`` (default: Home Assistant's).

        A custom routine has its own name, in whatever language the user wrote it.
        """
        routine = self.all.get(routine_id)
        if routine is not None and routine.name:
            return routine.name
        return (texts or self._source.library_texts).routines.get(routine_id, routine_id)

    def exercise_name(self, exercise_id: str) -> str:
        """An exercise's name in Home Assistant's language."""
        text = self._source.library_texts.exercises.get(exercise_id)
        return text.name if text is not None else exercise_id

    def find(self, wanted: str) -> Routine:
        """A routine by id or by name, any case; refused when there is none."""
        routines = self.all
        if wanted in routines:
            return routines[wanted]
        folded = wanted.strip().casefold()
        for routine_id, routine in routines.items():
            if folded in (routine_id.casefold(), self.name(routine_id).casefold()):
                return routine
        names = ", ".join(self.name(r) for r in routines)
        raise Refusal("unknown_routine", {"routine": wanted, "routines": names})

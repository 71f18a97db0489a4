"""Every text a desk says or writes, rendered from ``speech/<language>.json``.

The texts are data (Home Assistant templates); this renders them with a desk's figures:
breaks, the daily limit, a routine's cues, the phone's buttons. A user's own break
message from the options goes through the same path; a broken one is warned about once
per options change and the default is said instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
import logging
from typing import Any

from homeassistant.core import HomeAssistant

from .exercises import Library, LibraryTexts
from .model import Announcement, Snapshot
from .options import DeskOptions
from .routine import Cue, CueKind, Step, StepKind
from .speech import render

_LOGGER = logging.getLogger(__name__)


class Messages:
    """One desk's texts in Home Assistant's language."""

    def __init__(
        self,
        hass: HomeAssistant,
        desk: str,
        texts: dict[str, str],
        library: Library,
        library_texts: LibraryTexts,
    ) -> None:
        """Render ``texts`` for the desk called ``desk``."""
        self.hass = hass
        self.desk = desk
        self.texts = texts
        self.library = library
        self.library_texts = library_texts
        self._warned_template_for: DeskOptions | None = None  # once per options change

    def text(self, key: str, variables: dict[str, Any] | None = None) -> str:
        """The text ``key`` with the desk's name and ``variables`` filled in."""
        return render(self.hass, self.texts[key], {"desk": self.desk, **(variables or {})}) or ""

    def exercise_name(self, exercise_id: str) -> str:
        """An exercise's name in Home Assistant's language."""
        text = self.library_texts.exercises.get(exercise_id)
        return text.name if text is not None else exercise_id

    def break_variables(self, snapshot: Snapshot, reminder: int, snooze: int) -> dict[str, Any]:
        """What a break's texts (and a user's own template) may use."""
        return {
            "desk": self.desk,
            "sitting_minutes": int(snapshot.sitting_time.total_seconds() // 60),
            "sitting_today_minutes": int(snapshot.sitting_today.total_seconds() // 60),
            "reminder": reminder,
            "snooze_minutes": snooze,
        }

    def break_due(
        self, announcement: Announcement, snapshot: Snapshot, options: DeskOptions
    ) -> str:
        """A due break or a reminder: the user's own message, else the default."""
        variables = self.break_variables(snapshot, announcement.reminder, options.snooze_minutes)
        default = self.texts["break_due" if announcement.reminder == 0 else "break_reminder"]
        message = None
        if custom := options.message:
            message = render(self.hass, custom, variables)
            if message is None and self._warned_template_for is not options:
                self._warned_template_for = options
                _LOGGER.warning(
                    "%s: the message template is broken; using the default (not said again "
                    "until the options change)",
                    self.desk,
                )
        return message or render(self.hass, default, variables) or ""

    def daily_limit(self, snapshot: Snapshot, snooze: int) -> str:
        """The daily sitting limit, reached."""
        variables = self.break_variables(snapshot, 0, snooze) | {
            "sitting_today": self.duration(snapshot.sitting_today),
            "limit": self.duration(snapshot.daily_limit or timedelta(0)),
        }
        return self.text("daily_limit", variables)

    def duration(self, duration: timedelta) -> str:
        """A duration in words, to the completed minute."""
        minutes = int(duration.total_seconds() // 60)
        return self.text("duration", {"hours": minutes // 60, "minutes": minutes % 60})

    def title_and_actions(self, snapshot: Snapshot, snooze: int) -> tuple[str, dict[str, str]]:
        """A notification's title and its Done, Snooze and Skip buttons."""
        variables = self.break_variables(snapshot, 0, snooze)
        actions = {
            "DONE": render(self.hass, self.texts["action_done"], variables) or "Done",
            "SNOOZE": render(self.hass, self.texts["action_snooze"], variables) or "Snooze",
            "SKIP": render(self.hass, self.texts["action_skip"], variables) or "Skip",
        }
        return render(self.hass, self.texts["title"], variables) or self.desk, actions

    def cue(self, cue: Cue, steps: tuple[Step, ...], routine_name: Callable[[str], str]) -> str:
        """What is said for a routine's ``cue``; ``steps``: the routine's."""
        step = cue.step
        variables: dict[str, Any] = {"routine": routine_name(cue.routine)}
        if cue.kind is CueKind.START:
            variables["exercises"] = len({s.exercise for s in steps})
            variables["minutes"] = max(1, round(sum(s.seconds for s in steps) / 60))
        if step is not None:
            text = self.library_texts.exercises.get(step.exercise)
            variables |= step.as_dict() | {
                "slower": step.slower,
                "exercise": self.exercise_name(step.exercise),
                "cues": " ".join(text.cues) if text else "",
                "tempo": text.tempo if text else "",
                "safety": text.safety if text else "",
                "felt": text.felt if text else "",
                "exercise_kind": self.library.exercises[step.exercise].kind.value,
            }
        key = f"routine_{cue.kind.value}"
        if cue.kind is CueKind.STEP and step is not None and step.kind is StepKind.REST:
            key = "routine_rest"
        return self.text(key, variables)

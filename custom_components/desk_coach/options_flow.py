"""The desk's options (⚙ Configure): one dialog, a menu of pages, saved all at once.

Every page returns to the menu; **Save and close** keeps everything changed in the
dialog, and closing the dialog discards it. Built on Home Assistant's schema flow
helpers, so each page is a schema, a check and the step that follows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Container, Mapping
from dataclasses import replace
from typing import Any

from homeassistant.config_entries import ConfigEntry, ConfigFlowResult
from homeassistant.core import callback
from homeassistant.helpers.schema_config_entry_flow import (
    SchemaCommonFlowHandler,
    SchemaFlowFormStep,
    SchemaFlowMenuStep,
    SchemaFlowStep,
    SchemaOptionsFlowHandler,
)
import voluptuous as vol

from .form import PageError
from .options_pages import (
    COACHING_SCHEMA,
    QUIET_SCHEMA,
    SUMMARY_SCHEMA,
    VOICE_SCHEMA,
    announcements_schema,
    check_announcements,
    check_coaching,
    check_quiet,
    check_standing_desk,
    check_summary,
    check_voice,
    standing_desk_page_schema,
    voice_files,
)
from .options_programme import PROGRAMME_SCHEMA, check_programme
from .options_proof import PROOF_SCHEMA, check_proof
from .options_routines import MENU, RoutinePages

SAVE = "done"
PAGES = [
    "coaching",
    "proof",
    "announcements",
    "quiet",
    "standing_desk",
    "routines",
    "programme",
    "summary",
    "voice",
]

type Validator = Callable[[SchemaCommonFlowHandler, dict[str, Any]], Awaitable[dict[str, Any]]]

# ---- the dialog --------------------------------------------------------------------------

OPTIONS_FLOW: dict[str, SchemaFlowStep] = {
    MENU: SchemaFlowMenuStep([*PAGES, SAVE]),
    "coaching": SchemaFlowFormStep(
        COACHING_SCHEMA, validate_user_input=check_coaching, next_step=MENU
    ),
    "proof": SchemaFlowFormStep(PROOF_SCHEMA, validate_user_input=check_proof, next_step=MENU),
    "announcements": SchemaFlowFormStep(
        announcements_schema, validate_user_input=check_announcements, next_step=MENU
    ),
    "quiet": SchemaFlowFormStep(QUIET_SCHEMA, validate_user_input=check_quiet, next_step=MENU),
    "standing_desk": SchemaFlowFormStep(
        standing_desk_page_schema, validate_user_input=check_standing_desk, next_step=MENU
    ),
    "programme": SchemaFlowFormStep(
        PROGRAMME_SCHEMA, validate_user_input=check_programme, next_step=MENU
    ),
    "summary": SchemaFlowFormStep(
        SUMMARY_SCHEMA, validate_user_input=check_summary, next_step=MENU
    ),
    "voice": SchemaFlowFormStep(
        VOICE_SCHEMA,
        validate_user_input=check_voice,
        next_step=MENU,
        description_placeholders=voice_files,
    ),
    SAVE: SchemaFlowFormStep(),  # no form: the dialog ends and its options are kept
}
NAMES_THE_DESK = {MENU, *PAGES}  # the steps whose title names the desk


class DeskCoachOptionsFlow(SchemaOptionsFlowHandler):
    """The options dialog of one desk: its pages work on a copy, saved at the end."""

    def __init__(self, config_entry: ConfigEntry) -> None:
        """Lay out the pages; the routine pages keep the routine being written."""
        self._started = dict(config_entry.options)
        self._refused: PageError | None = None
        steps = {**OPTIONS_FLOW, **RoutinePages().steps()}
        super().__init__(
            config_entry,
            {step_id: self._checked(step) for step_id, step in steps.items()},
        )

    def _checked(self, step: SchemaFlowStep) -> SchemaFlowStep:
        """The page, with its refusal kept so its errors go under their fields."""
        if not isinstance(step, SchemaFlowFormStep) or step.validate_user_input is None:
            return step
        validate: Validator = step.validate_user_input

        async def validate_user_input(
            handler: SchemaCommonFlowHandler, user_input: dict[str, Any]
        ) -> dict[str, Any]:
            try:
                return await validate(handler, user_input)
            except PageError as refused:
                self._refused = refused
                raise

        return replace(step, validate_user_input=validate_user_input)

    def _placeholders(
        self, step_id: str | None, placeholders: Mapping[str, str] | None
    ) -> dict[str, str]:
        shown = dict(placeholders or {})
        if step_id in NAMES_THE_DESK:
            shown["desk"] = self.config_entry.title
        return shown

    @callback
    def async_show_form(
        self,
        *,
        step_id: str | None = None,
        data_schema: vol.Schema | None = None,
        errors: dict[str, str] | None = None,
        description_placeholders: Mapping[str, str] | None = None,
        last_step: bool | None = None,
        preview: str | None = None,
    ) -> ConfigFlowResult:
        """A page, naming the desk; a refused page shows each error under its field."""
        placeholders = self._placeholders(step_id, description_placeholders)
        if errors and self._refused is not None:
            errors = self._refused.errors
            placeholders |= self._refused.placeholders
        self._refused = None
        return super().async_show_form(
            step_id=step_id,
            data_schema=data_schema,
            errors=errors,
            description_placeholders=placeholders,
            last_step=last_step,
            preview=preview,
        )

    @callback
    def async_show_menu(
        self,
        *,
        step_id: str | None = None,
        menu_options: Container[str],
        sort: bool = False,
        description_placeholders: Mapping[str, str] | None = None,
    ) -> ConfigFlowResult:
        """The menu, naming the desk."""
        return super().async_show_menu(
            step_id=step_id,
            menu_options=menu_options,
            sort=sort,
            description_placeholders=self._placeholders(step_id, description_placeholders),
        )

    @callback
    def async_create_entry(self, data: Mapping[str, Any], **kwargs: Any) -> ConfigFlowResult:
        """Save and close: what the dialog changed, over the options as they are now.

        An option changed elsewhere meanwhile (the break interval on the dashboard) stays
        unless the dialog changed it too.
        """
        missing = object()
        options = dict(self.config_entry.options)
        for key in self._started.keys() - data.keys():
            options.pop(key, None)
        options |= {
            key: value for key, value in data.items() if self._started.get(key, missing) != value
        }
        return super().async_create_entry(data=options, **kwargs)

"""Pieces the options pages share: number fields checked in words, suggested values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
import math
from typing import Any

from homeassistant.helpers import selector
from homeassistant.helpers.schema_config_entry_flow import SchemaFlowError
import voluptuous as vol


class NumberBox(selector.NumberSelector):
    """A number selector that shows its range but leaves checking it to the page.

    Home Assistant's own check answers "Value 0.0 is too small" above the form, naming
    neither the field nor the range; the page says both, under the field.
    """

    def __call__(self, data: Any) -> float:
        """Take any number; the page checks the range and whether it is whole."""
        return float(vol.Coerce(float)(data))


@dataclass(frozen=True, kw_only=True)
class NumberField:
    """A number a page asks for: its range, unit, and whether it must be whole.

    Out of range or not whole, the page shows the error ``<key>_range``, whose text names
    the field and its range (placeholders ``<key>_min`` and ``<key>_max``).
    """

    key: str
    low: float
    high: float
    unit: str = ""
    default: float | None = None
    step: float = 1  # what the box's arrows move by
    whole: bool = True
    slider: bool = False

    @property
    def error(self) -> str:
        """The error key of this field."""
        return f"{self.key}_range"

    def selector(self) -> NumberBox:
        """The field's box (or slider), showing the range."""
        return NumberBox(
            selector.NumberSelectorConfig(
                min=self.low,
                max=self.high,
                step=self.step,
                mode=(
                    selector.NumberSelectorMode.SLIDER
                    if self.slider
                    else selector.NumberSelectorMode.BOX
                ),
                unit_of_measurement=self.unit,
            )
        )

    def fits(self, value: float) -> bool:
        """Whether ``value`` is in the range (and whole, where it must be)."""
        if not math.isfinite(value) or not self.low <= value <= self.high:
            return False
        return not self.whole or value.is_integer()

    def placeholders(self) -> dict[str, str]:
        """The range, as the error text shows it."""
        return {f"{self.key}_min": f"{self.low:g}", f"{self.key}_max": f"{self.high:g}"}


def any_number_box() -> selector.NumberSelector:
    """A box for any number (a threshold, a height in the entity's own unit)."""
    return selector.NumberSelector(
        selector.NumberSelectorConfig(mode=selector.NumberSelectorMode.BOX, step="any")
    )


def number_box(low: int, high: int, unit: str) -> NumberBox:
    """A box for whole numbers from ``low`` to ``high`` in ``unit`` (the page checks them)."""
    return NumberField(key="", low=low, high=high, unit=unit).selector()


def check_numbers(
    user_input: Mapping[str, Any], fields: Iterable[NumberField]
) -> tuple[dict[str, str], dict[str, str]]:
    """The errors of the given fields that were filled in, and their texts' placeholders."""
    errors: dict[str, str] = {}
    placeholders: dict[str, str] = {}
    for field in fields:
        value = user_input.get(field.key)
        if value is not None and not field.fits(float(value)):
            errors[field.key] = field.error
            placeholders |= field.placeholders()
    return errors, placeholders


def whole_if_possible(value: float) -> int | float:
    """8.0 is kept as 8, 7.5 as 7.5."""
    return int(value) if float(value).is_integer() else float(value)


class PageError(SchemaFlowError):
    """A page's input refused: errors under their fields, with their texts' placeholders."""

    def __init__(
        self, errors: Mapping[str, str], placeholders: Mapping[str, str] | None = None
    ) -> None:
        """Keep the errors by field."""
        super().__init__(", ".join(errors.values()))
        self.errors = dict(errors)
        self.placeholders = dict(placeholders or {})


def suggested(value: Any) -> dict[str, Any]:
    """Show ``value`` in an optional field without making it a default (nothing if unset)."""
    return {} if value in (None, [], "") else {"description": {"suggested_value": value}}


def clean(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty optional fields so only what was chosen is kept."""
    return {key: value for key, value in user_input.items() if value not in (None, "", [])}

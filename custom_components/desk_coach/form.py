"""Pieces the options pages share: number boxes and suggested values."""

from __future__ import annotations

from typing import Any

from homeassistant.helpers import selector


def number_box(low: int, high: int, unit: str) -> selector.NumberSelector:
    """A box for whole numbers from ``low`` to ``high`` in ``unit``."""
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=low,
            max=high,
            step=1,
            mode=selector.NumberSelectorMode.BOX,
            unit_of_measurement=unit,
        )
    )


def suggested(value: Any) -> dict[str, Any]:
    """Show ``value`` in an optional field without making it a default (nothing if unset)."""
    return {} if value in (None, [], "") else {"description": {"suggested_value": value}}

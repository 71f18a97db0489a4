"""Graded breaks in a real Home Assistant: what each grade needs, and a later raise to walked.

The step sensor is a state the test sets, as the companion app's would change; the
standing mat's state is set the same way, the desk's height is a real input_number. Each break's grade is read where a user sees it: the ``desk_coach_break``
event, the break event entity, *Breaks proven today* and the compliance.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.desk_coach.const import (
    CONF_PRESENCE_ENTITY,
    CONF_STANDING_ENTITY,
    CONF_STANDING_HEIGHT,
    CONF_STEP_ENTITY,
    EVENT_BREAK,
)
from tests.conftest import PRESENCE
from tests.helpers import pass_time, set_presence, value

STEPS = "sensor.phone_steps"
MAT = "binary_sensor.standing_mat"
HEIGHT = "input_number.desk_height"
PROVEN = "sensor.office_desk_breaks_proven_today"
COMPLIANCE = "sensor.office_desk_break_compliance_today"
BREAK_EVENT = "event.office_desk_break"


@pytest.fixture
def desk_options() -> dict[str, Any]:
    """The person's phone counts their steps."""
    return {CONF_STEP_ENTITY: STEPS}


@pytest.fixture
async def helpers(hass: HomeAssistant, presence_toggle: str) -> None:
    """The standing mat and the desk's height, as real helpers; the phone's step count."""
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"standing_mat": {}}}
    )
    assert await async_setup_component(
        hass,
        "input_number",
        {"input_number": {"desk_height": {"min": 0.6, "max": 1.3, "step": 0.01, "initial": 0.7}}},
    )
    hass.states.async_set(STEPS, "3000", {"state_class": "total_increasing"})
    await hass.async_block_till_done()


@pytest.fixture
def breaks(hass: HomeAssistant) -> list[Event]:
    """Every desk_coach_break event."""
    return async_capture_events(hass, EVENT_BREAK)


def graded(events: list[Event]) -> list[tuple[str, str | None]]:
    """Each break event's type with its grade (None: an event that is no break's end)."""
    return [(event.data["type"], event.data.get("grade")) for event in events]


async def sit_until_due(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    await set_presence(hass, PRESENCE, True)
    await pass_time(hass, freezer, timedelta(minutes=31))
    assert value(hass, "sensor.office_desk_break_status") == "due"


async def press_done(hass: HomeAssistant) -> None:
    """The card's "Break done", pressed without getting up."""
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.office_desk_take_break"}, blocking=True
    )


async def steps(hass: HomeAssistant, count: int) -> None:
    hass.states.async_set(STEPS, str(count), {"state_class": "total_increasing"})
    await hass.async_block_till_done()


@pytest.mark.usefixtures("helpers")
async def test_walking_away_is_moved_and_proves_the_break(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    breaks: list[Event],
    freezer: FrozenDateTimeFactory,
) -> None:
    await sit_until_due(hass, freezer)
    await set_presence(hass, PRESENCE, False)
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert graded(breaks) == [("due", None), ("taken", "moved")]
    event = hass.states.get(BREAK_EVENT)
    assert event is not None
    assert (event.attributes["event_type"], event.attributes["grade"]) == ("taken", "moved")
    proven = hass.states.get(PROVEN)
    assert proven is not None
    assert proven.state == "1"
    assert proven.attributes["moved"] == 1
    assert value(hass, COMPLIANCE) == "100"


@pytest.mark.usefixtures("helpers")
async def test_done_without_getting_up_is_self_reported_until_the_steps_come_in(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    breaks: list[Event],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The phone reports its steps 15 minutes late: the break rises to walked then."""
    await sit_until_due(hass, freezer)
    await press_done(hass)
    assert graded(breaks)[-1] == ("taken", "self_reported")
    assert (value(hass, PROVEN), value(hass, COMPLIANCE)) == ("0", "0")
    await pass_time(hass, freezer, timedelta(minutes=15))
    await steps(hass, 3060)  # not yet a walk
    assert graded(breaks)[-1] == ("taken", "self_reported")
    await pass_time(hass, freezer, timedelta(minutes=3))
    await steps(hass, 3180)  # 180 steps within 20 minutes of the break
    assert graded(breaks)[-1] == ("graded", "walked")
    assert (value(hass, PROVEN), value(hass, COMPLIANCE)) == ("1", "100")
    proven = hass.states.get(PROVEN)
    assert proven is not None
    assert (proven.attributes["walked"], proven.attributes["self_reported"]) == (1, 0)
    # a walk reported after the 20 minutes proves nothing more
    await pass_time(hass, freezer, timedelta(minutes=5))
    await steps(hass, 4000)
    assert [t for t, _ in graded(breaks)].count("graded") == 1


@pytest.mark.usefixtures("helpers")
async def test_a_step_count_reset_counts_on_from_the_new_value(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    breaks: list[Event],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The count drops (a new phone, a reset): what was walked after the drop counts."""
    await sit_until_due(hass, freezer)
    await press_done(hass)
    await pass_time(hass, freezer, timedelta(minutes=2))
    await steps(hass, 3050)  # 50 walked
    await steps(hass, 10)  # reset: not 2,990 steps back
    assert graded(breaks)[-1] == ("taken", "self_reported")
    await pass_time(hass, freezer, timedelta(minutes=2))
    await steps(hass, 70)  # 60 more: 110 in all
    assert graded(breaks)[-1] == ("graded", "walked")


@pytest.mark.parametrize(
    ("desk_data", "standing", "grade"),
    [
        ({CONF_PRESENCE_ENTITY: PRESENCE, CONF_STANDING_ENTITY: MAT}, "mat", "stood"),
        (
            {
                CONF_PRESENCE_ENTITY: PRESENCE,
                CONF_STANDING_ENTITY: HEIGHT,
                CONF_STANDING_HEIGHT: 1.0,
            },
            "height",
            "desk_only",
        ),
    ],
)
@pytest.mark.usefixtures("helpers")
async def test_standing_is_stood_on_a_mat_and_desk_only_by_the_desk_s_height(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    breaks: list[Event],
    freezer: FrozenDateTimeFactory,
    standing: str,
    grade: str,
) -> None:
    await sit_until_due(hass, freezer)
    if standing == "mat":
        hass.states.async_set(MAT, "on")
    else:
        await hass.services.async_call(
            "input_number", "set_value", {"entity_id": HEIGHT, "value": 1.1}, blocking=True
        )
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert graded(breaks)[-1] == ("taken", grade)
    assert value(hass, PROVEN) == ("1" if grade == "stood" else "0")
    assert value(hass, COMPLIANCE) == ("100" if grade == "stood" else "0")


@pytest.mark.usefixtures("helpers")
async def test_grades_survive_a_restart_and_a_raise_still_comes(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    breaks: list[Event],
    freezer: FrozenDateTimeFactory,
) -> None:
    await sit_until_due(hass, freezer)
    await press_done(hass)
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(minutes=10))
    await steps(hass, 3150)
    assert graded(breaks)[-1] == ("graded", "walked")
    assert value(hass, PROVEN) == "1"

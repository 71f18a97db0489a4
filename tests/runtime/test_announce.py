"""The announcer against a real Home Assistant: speakers, satellites, phones, lights."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import timedelta
import logging
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.light import (
    ATTR_BRIGHTNESS,
    ATTR_COLOR_TEMP_KELVIN,
    ATTR_EFFECT,
    ATTR_FLASH,
    ATTR_HS_COLOR,
    ATTR_RGB_COLOR,
    ATTR_RGBW_COLOR,
    ATTR_WHITE,
    ATTR_XY_COLOR,
    EFFECT_OFF,
    LightEntity,
)
from homeassistant.components.light.const import ColorMode, LightEntityFeature
from homeassistant.components.tts import Provider, TextToSpeechEntity, TtsAudioType
from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    async_fire_time_changed_exact,
    async_mock_service,
    mock_config_flow,
    mock_integration,
    mock_platform,
    setup_test_component_platform,
)

from custom_components.desk_coach.announce import (
    Announcer,
    async_listen_notification_actions,
    notification_action_id,
)
from custom_components.desk_coach.const import (
    CONF_LIGHT_COLOR,
    CONF_LIGHT_EFFECT,
    CONF_LIGHT_SECONDS,
    CONF_LIGHTS,
    CONF_MEDIA_PLAYERS,
    CONF_MOBILE_APPS,
    CONF_NOTIFY_ENTITIES,
    CONF_SATELLITES,
    CONF_TTS_ENGINE,
    CONF_VOLUME,
    DEFAULT_LIGHT_COLOR,
)
from custom_components.desk_coach.options import AnnounceTargets
from tests.helpers import pass_time

ENTRY_ID = "01DESKENTRY"
DESK = "Office desk"
MESSAGE = "Time to stand up"  # 16 characters: volume back after 5 + 16 / 12 s
TITLE = "Desk Coach"
COLOR = (255, 0, 0)
NO_FEATURES = LightEntityFeature(0)


class FakeLight(LightEntity):
    """A light that keeps what it is told, like a well-behaved bulb."""

    _attr_should_poll = False
    _attr_min_color_temp_kelvin = 2000
    _attr_max_color_temp_kelvin = 6500

    def __init__(
        self,
        name: str,
        modes: set[ColorMode],
        *,
        features: LightEntityFeature = NO_FEATURES,
        on: bool = False,
        brightness: int | None = None,
        color_mode: ColorMode | None = None,
        **attributes: Any,
    ) -> None:
        self._attr_name = name
        self._attr_unique_id = name
        self._attr_supported_color_modes = modes
        self._attr_supported_features = features
        self._attr_is_on = on
        self._attr_brightness = brightness
        self._attr_color_mode = color_mode or next(iter(modes))
        for key, value in attributes.items():
            setattr(self, f"_attr_{key}", value)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.broken = False

    async def async_turn_on(self, **kwargs: Any) -> None:
        self.calls.append(("on", kwargs))
        if self.broken:
            raise HomeAssistantError("bulb does not answer")
        self._attr_is_on = True
        if ATTR_BRIGHTNESS in kwargs:
            self._attr_brightness = kwargs[ATTR_BRIGHTNESS]
        for mode, attribute in (
            (ColorMode.HS, ATTR_HS_COLOR),
            (ColorMode.RGB, ATTR_RGB_COLOR),
            (ColorMode.RGBW, ATTR_RGBW_COLOR),
            (ColorMode.XY, ATTR_XY_COLOR),
            (ColorMode.COLOR_TEMP, ATTR_COLOR_TEMP_KELVIN),
        ):
            if attribute in kwargs:
                setattr(self, f"_attr_{attribute}", kwargs[attribute])
                self._attr_color_mode = mode
                self._attr_effect = EFFECT_OFF if self._attr_effect_list else None
        if ATTR_WHITE in kwargs:
            self._attr_color_mode = ColorMode.WHITE
            self._attr_brightness = kwargs[ATTR_WHITE]
        if ATTR_EFFECT in kwargs:
            self._attr_effect = kwargs[ATTR_EFFECT]
        self.async_write_ha_state()

    async def async_turn_off(self, **kwargs: Any) -> None:
        self.calls.append(("off", kwargs))
        if self.broken:
            raise HomeAssistantError("bulb does not answer")
        self._attr_is_on = False
        self.async_write_ha_state()


def make_lights() -> dict[str, FakeLight]:
    """One light of every kind a desk may have, by entity id."""
    lights = [
        FakeLight(
            "Lamp",  # hs colour, an effect running, cannot flash
            {ColorMode.HS},
            features=LightEntityFeature.EFFECT,
            on=True,
            brightness=120,
            hs_color=(30.0, 70.0),
            effect_list=["rainbow"],
            effect="rainbow",
        ),
        FakeLight(
            "Ceiling",  # colour temperature, can flash
            {ColorMode.COLOR_TEMP, ColorMode.XY},
            features=LightEntityFeature.FLASH,
            on=True,
            brightness=200,
            color_mode=ColorMode.COLOR_TEMP,
            color_temp_kelvin=3000,
        ),
        FakeLight("Strip", {ColorMode.RGB}, features=LightEntityFeature.FLASH),  # off
        FakeLight("Shelf", {ColorMode.BRIGHTNESS}, on=True, brightness=50),
        FakeLight("Bulb", {ColorMode.ONOFF}, on=True),
        FakeLight("Globe", {ColorMode.XY}, on=True, brightness=80, xy_color=(0.3, 0.4)),
        FakeLight(
            "Panel",
            {ColorMode.COLOR_TEMP, ColorMode.WHITE},
            on=True,
            brightness=90,
            color_mode=ColorMode.WHITE,
            color_temp_kelvin=4000,
        ),
        FakeLight("Spot", {ColorMode.RGBW}, on=True, brightness=33, rgbw_color=(1, 2, 3, 4)),
        FakeLight("Accent", {ColorMode.RGB}, on=True, brightness=10, rgb_color=(5, 6, 7)),
    ]
    return {f"light.{light.name.lower()}": light for light in lights}  # type: ignore[union-attr]


@pytest.fixture
async def lights(hass: HomeAssistant) -> dict[str, FakeLight]:
    """Real light entities in the state machine."""
    entities = make_lights()
    setup_test_component_platform(hass, "light", list(entities.values()))
    assert await async_setup_component(hass, "light", {"light": {"platform": "test"}})
    await hass.async_block_till_done()
    for entity_id in entities:
        assert hass.states.get(entity_id) is not None, entity_id
    return entities


@pytest.fixture
def players(hass: HomeAssistant) -> list[str]:
    """Two speakers at their own volume, and one that is off."""
    hass.states.async_set("media_player.kitchen", "idle", {"volume_level": 0.3})
    hass.states.async_set("media_player.office", "playing", {"volume_level": 0.55})
    hass.states.async_set("media_player.garage", "off", {})
    return ["media_player.kitchen", "media_player.office", "media_player.garage"]


@pytest.fixture
def notifiers(hass: HomeAssistant) -> None:
    """Notify entities: one shows titles, one does not; two satellites."""
    hass.states.async_set("notify.desk_pc", "unknown", {"supported_features": 1})
    hass.states.async_set("notify.ticker", "unknown", {"supported_features": 0})
    hass.states.async_set("assist_satellite.kitchen", "idle", {"supported_features": 1})
    hass.states.async_set("assist_satellite.office", "idle", {"supported_features": 1})


@pytest.fixture
async def announcer(hass: HomeAssistant) -> AsyncGenerator[Announcer]:
    """The desk's announcer; shut down (restoring at once) when the test ends."""
    announcer = Announcer(hass, ENTRY_ID, DESK)
    yield announcer
    announcer.async_shutdown()
    await hass.async_block_till_done()


def light_state(hass: HomeAssistant, entity_id: str) -> tuple[str, dict[str, Any]]:
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state, dict(state.attributes)


class FakeSpeech(TextToSpeechEntity):
    """A text-to-speech entity that never has to produce audio here."""

    _attr_name = "Test engine"
    _attr_unique_id = "test_engine"
    _attr_supported_languages = ["en"]  # noqa: RUF012
    _attr_default_language = "en"

    async def async_get_tts_audio(
        self, message: str, language: str, options: dict[str, Any]
    ) -> TtsAudioType:
        return None, None


class FakeProvider(Provider):
    """A legacy text-to-speech provider (like demo or google_translate)."""

    name = "Fake say"
    default_language = "en"

    @property
    def supported_languages(self) -> list[str]:
        return ["en"]

    def get_tts_audio(self, message: str, language: str, options: dict[str, Any]) -> TtsAudioType:
        return None, None


async def setup_tts(hass: HomeAssistant, tmp_path: Path, config: dict[str, Any]) -> None:
    """The real tts component, caching under a temporary config directory."""
    hass.config.config_dir = str(tmp_path)
    assert await async_setup_component(hass, "tts", config)
    await hass.async_block_till_done()


@pytest.fixture
async def tts_entity(hass: HomeAssistant, tmp_path: Path) -> str:
    """Home Assistant's tts with one engine entity, added by a test integration."""

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(entry, ["tts"])
        return True

    async def setup_tts_entry(
        hass: HomeAssistant, entry: ConfigEntry, add: AddConfigEntryEntitiesCallback
    ) -> None:
        add([FakeSpeech()])

    await setup_tts(hass, tmp_path, {})
    mock_integration(hass, MockModule("speechtest", async_setup_entry=setup_entry))
    mock_platform(hass, "speechtest.tts", MockPlatform(async_setup_entry=setup_tts_entry))
    mock_platform(hass, "speechtest.config_flow")
    entry = MockConfigEntry(domain="speechtest")
    entry.add_to_hass(hass)
    with mock_config_flow("speechtest", ConfigFlow):
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("tts.test_engine") is not None
    return "tts.test_engine"


@pytest.fixture
async def tts_legacy(hass: HomeAssistant, tmp_path: Path) -> str:
    """Home Assistant's tts with only a legacy provider, "fakesay"."""

    async def get_engine(*_: Any) -> Provider:
        return FakeProvider()

    platform = MockPlatform()
    platform.async_get_engine = get_engine  # type: ignore[attr-defined]
    mock_integration(hass, MockModule("fakesay"))
    mock_platform(hass, "fakesay.tts", platform)
    await setup_tts(hass, tmp_path, {"tts": [{"platform": "fakesay"}]})
    assert hass.services.has_service("tts", "fakesay_say")
    return "fakesay"


# -- options ---------------------------------------------------------------------------


def test_targets_from_options() -> None:
    targets = AnnounceTargets.from_options(
        {
            CONF_MEDIA_PLAYERS: ["media_player.kitchen"],
            CONF_TTS_ENGINE: "tts.piper",
            CONF_VOLUME: 40.0,
            CONF_SATELLITES: ["assist_satellite.kitchen"],
            CONF_NOTIFY_ENTITIES: "notify.desk_pc",
            CONF_MOBILE_APPS: ["mobile_app_pixel", "notify.mobile_app_iphone"],
            CONF_LIGHTS: ["light.lamp", "media_player.kitchen"],
            CONF_LIGHT_COLOR: [255, 10, 0],
            CONF_LIGHT_EFFECT: "flash",
            CONF_LIGHT_SECONDS: 5,
        }
    )
    assert targets == AnnounceTargets(
        media_players=("media_player.kitchen",),
        tts_engine="tts.piper",
        volume=40,
        satellites=("assist_satellite.kitchen",),
        notify_entities=("notify.desk_pc",),
        mobile_apps=("mobile_app_pixel", "mobile_app_iphone"),
        lights=("light.lamp", "media_player.kitchen"),
        light_color=(255, 10, 0),
        light_effect="flash",
        light_seconds=5.0,
    )
    assert targets.entities() == [
        "media_player.kitchen",
        "tts.piper",
        "assist_satellite.kitchen",
        "notify.desk_pc",
        "light.lamp",
    ]


def test_targets_defaults() -> None:
    targets = AnnounceTargets.from_options({CONF_TTS_ENGINE: "", CONF_MEDIA_PLAYERS: None})
    assert targets == AnnounceTargets()
    assert targets.light_color == DEFAULT_LIGHT_COLOR
    assert targets.light_effect == "pulse"
    assert targets.light_seconds == 3
    assert targets.volume is None
    assert targets.entities() == []
    # a legacy provider is not an entity
    assert AnnounceTargets(tts_engine="demo").entities() == []


# -- speakers --------------------------------------------------------------------------


async def test_speaks_with_the_default_tts_entity(
    hass: HomeAssistant, tts_entity: str, players: list[str], announcer: Announcer
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    result = await announcer.async_announce(
        AnnounceTargets(media_players=tuple(players[:2])), MESSAGE, title=TITLE
    )
    assert result == {"speakers": True}
    assert len(speak) == 1
    assert speak[0].data == {
        "entity_id": tts_entity,
        "media_player_entity_id": ["media_player.kitchen", "media_player.office"],
        "message": MESSAGE,
    }


async def test_speaks_with_a_chosen_tts_entity(
    hass: HomeAssistant, tts_entity: str, players: list[str], announcer: Announcer
) -> None:
    hass.states.async_set("tts.other_engine", "unknown")
    speak = async_mock_service(hass, "tts", "speak")
    targets = AnnounceTargets(
        media_players=("media_player.kitchen",), tts_engine="tts.other_engine"
    )
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    assert speak[0].data["entity_id"] == "tts.other_engine"


async def test_speaks_with_the_only_legacy_provider(
    hass: HomeAssistant, tts_legacy: str, players: list[str], announcer: Announcer
) -> None:
    say = async_mock_service(hass, "tts", f"{tts_legacy}_say")
    speak = async_mock_service(hass, "tts", "speak")
    result = await announcer.async_announce(
        AnnounceTargets(media_players=tuple(players[:2])), MESSAGE, title=TITLE
    )
    assert result == {"speakers": True}
    assert speak == []
    assert [call.data for call in say] == [
        {"entity_id": ["media_player.kitchen", "media_player.office"], "message": MESSAGE}
    ]


async def test_speaks_with_a_named_legacy_provider_without_tts_loaded(
    hass: HomeAssistant, players: list[str], announcer: Announcer
) -> None:
    say = async_mock_service(hass, "tts", "demo_say")
    targets = AnnounceTargets(media_players=("media_player.kitchen",), tts_engine="demo")
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    assert say[0].data == {"entity_id": ["media_player.kitchen"], "message": MESSAGE}


async def test_no_engine_at_all_fails_the_speakers(
    hass: HomeAssistant, players: list[str], announcer: Announcer, caplog: pytest.LogCaptureFixture
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    targets = AnnounceTargets(media_players=("media_player.kitchen",))
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": False}
    assert speak == []
    assert "no text-to-speech engine is set up" in caplog.text


async def test_an_unavailable_engine_fails_the_speakers(
    hass: HomeAssistant, players: list[str], announcer: Announcer, caplog: pytest.LogCaptureFixture
) -> None:
    speak = async_mock_service(hass, "tts", "speak")
    hass.states.async_set("tts.piper", "unavailable")
    for engine in ("tts.piper", "tts.gone"):
        targets = AnnounceTargets(media_players=("media_player.kitchen",), tts_engine=engine)
        assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": False}
    assert speak == []
    assert "tts.piper is unavailable" in caplog.text


async def test_volume_is_set_for_the_announcement_and_put_back(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    players: list[str],
    announcer: Announcer,
) -> None:
    volume = async_mock_service(hass, "media_player", "volume_set")
    say = async_mock_service(hass, "tts", "demo_say")
    targets = AnnounceTargets(media_players=tuple(players), tts_engine="demo", volume=70)
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    # the player that is off reports no volume: it is left alone, but still spoken to
    assert [call.data for call in volume] == [
        {"entity_id": ["media_player.kitchen", "media_player.office"], "volume_level": 0.7}
    ]
    assert say[0].data["entity_id"] == players

    # the players now report the announcement volume; a second announcement keeps the
    # original levels to go back to
    hass.states.async_set("media_player.kitchen", "playing", {"volume_level": 0.7})
    hass.states.async_set("media_player.office", "playing", {"volume_level": 0.7})
    await pass_time(hass, freezer, timedelta(seconds=3))
    assert len(volume) == 1
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    assert len(volume) == 2

    await pass_time(hass, freezer, timedelta(seconds=5))  # 5 + 16 / 12 s not yet over
    assert len(volume) == 2
    await pass_time(hass, freezer, timedelta(seconds=2))
    assert sorted((call.data["entity_id"], call.data["volume_level"]) for call in volume[2:]) == [
        ("media_player.kitchen", 0.3),
        ("media_player.office", 0.55),
    ]
    await pass_time(hass, freezer, timedelta(seconds=30))
    assert len(volume) == 4


async def test_volume_trouble_does_not_stop_the_speech(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    players: list[str],
    announcer: Announcer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async_mock_service(
        hass, "media_player", "volume_set", raise_exception=HomeAssistantError("no volume")
    )
    say = async_mock_service(hass, "tts", "demo_say")
    targets = AnnounceTargets(media_players=("media_player.kitchen",), tts_engine="demo", volume=70)
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    assert len(say) == 1
    assert "speakers volume failed (no volume)" in caplog.text
    await pass_time(hass, freezer, timedelta(seconds=10))
    assert "could not put the volume of media_player.kitchen back: no volume" in caplog.text

    volume = async_mock_service(hass, "media_player", "volume_set")
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    assert len(volume) == 1
    assert "announcing on speakers volume works again" in caplog.text


async def test_volume_only_for_players_that_report_one(
    hass: HomeAssistant, players: list[str], announcer: Announcer
) -> None:
    volume = async_mock_service(hass, "media_player", "volume_set")
    say = async_mock_service(hass, "tts", "demo_say")
    targets = AnnounceTargets(media_players=("media_player.garage",), tts_engine="demo", volume=70)
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": True}
    assert volume == []
    assert len(say) == 1


async def test_shutdown_puts_the_volume_back_at_once(
    hass: HomeAssistant, players: list[str], announcer: Announcer
) -> None:
    volume = async_mock_service(hass, "media_player", "volume_set")
    async_mock_service(hass, "tts", "demo_say")
    targets = AnnounceTargets(media_players=("media_player.kitchen",), tts_engine="demo", volume=70)
    await announcer.async_announce(targets, MESSAGE, title=TITLE)
    announcer.async_shutdown()
    await hass.async_block_till_done()
    assert [call.data for call in volume] == [
        {"entity_id": ["media_player.kitchen"], "volume_level": 0.7},
        {"entity_id": "media_player.kitchen", "volume_level": 0.3},
    ]


async def test_an_unavailable_player_is_skipped_and_reported(
    hass: HomeAssistant, players: list[str], announcer: Announcer
) -> None:
    hass.states.async_set("media_player.office", "unavailable")
    say = async_mock_service(hass, "tts", "demo_say")
    targets = AnnounceTargets(
        media_players=("media_player.kitchen", "media_player.office", "media_player.gone"),
        tts_engine="demo",
    )
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"speakers": False}
    assert say[0].data["entity_id"] == ["media_player.kitchen"]


# -- satellites and notifications ------------------------------------------------------


async def test_satellites_notify_and_phones(
    hass: HomeAssistant, notifiers: None, announcer: Announcer
) -> None:
    announce = async_mock_service(hass, "assist_satellite", "announce")
    send = async_mock_service(hass, "notify", "send_message")
    pixel = async_mock_service(hass, "notify", "mobile_app_pixel")
    targets = AnnounceTargets(
        satellites=("assist_satellite.kitchen", "assist_satellite.office"),
        notify_entities=("notify.desk_pc", "notify.ticker"),
        mobile_apps=("mobile_app_pixel",),
    )
    result = await announcer.async_announce(
        targets, MESSAGE, title=TITLE, actions={"DONE": "Done", "SNOOZE": "Snooze 5 min"}
    )
    assert result == {"satellites": True, "notify": True, "mobile_app": True}
    assert [call.data for call in announce] == [
        {
            "entity_id": ["assist_satellite.kitchen", "assist_satellite.office"],
            "message": MESSAGE,
        }
    ]
    # only the entity with the TITLE feature gets the title
    assert [call.data for call in send] == [
        {"entity_id": ["notify.desk_pc"], "message": MESSAGE, "title": TITLE},
        {"entity_id": ["notify.ticker"], "message": MESSAGE},
    ]
    assert [call.data for call in pixel] == [
        {
            "message": MESSAGE,
            "title": TITLE,
            "data": {
                "actions": [
                    {"action": f"DESK_COACH_DONE_{ENTRY_ID}", "title": "Done"},
                    {"action": f"DESK_COACH_SNOOZE_{ENTRY_ID}", "title": "Snooze 5 min"},
                ]
            },
        }
    ]


async def test_phone_without_actions_and_a_missing_phone(
    hass: HomeAssistant, announcer: Announcer, caplog: pytest.LogCaptureFixture
) -> None:
    pixel = async_mock_service(hass, "notify", "mobile_app_pixel")
    targets = AnnounceTargets(mobile_apps=("mobile_app_pixel", "mobile_app_lost"))
    result = await announcer.async_announce(targets, MESSAGE, title=TITLE)
    assert result == {"mobile_app": False}
    assert [call.data for call in pixel] == [{"message": MESSAGE, "title": TITLE}]
    assert "mobile_app_lost" in caplog.text


async def test_an_unavailable_satellite_and_notifier(
    hass: HomeAssistant, notifiers: None, announcer: Announcer
) -> None:
    hass.states.async_set("assist_satellite.office", "unavailable")
    announce = async_mock_service(hass, "assist_satellite", "announce")
    send = async_mock_service(hass, "notify", "send_message")
    targets = AnnounceTargets(
        satellites=("assist_satellite.kitchen", "assist_satellite.office"),
        notify_entities=("notify.gone",),
    )
    result = await announcer.async_announce(targets, MESSAGE, title=TITLE)
    assert result == {"satellites": False, "notify": False}
    assert announce[0].data["entity_id"] == ["assist_satellite.kitchen"]
    assert send == []


async def test_one_failing_channel_leaves_the_others_and_is_logged_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    notifiers: None,
    players: list[str],
    announcer: Announcer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async_mock_service(hass, "tts", "speak", raise_exception=HomeAssistantError("speaker gone"))
    send = async_mock_service(hass, "notify", "send_message")
    # no assist_satellite integration at all: its service does not exist
    targets = AnnounceTargets(
        media_players=("media_player.kitchen",),
        tts_engine="tts.piper",
        satellites=("assist_satellite.kitchen",),
        notify_entities=("notify.desk_pc",),
        lights=("light.strip",),
    )
    hass.states.async_set("tts.piper", "unknown")
    expected = {
        "lights": True,
        "speakers": False,
        "satellites": False,
        "notify": True,
    }
    for _ in range(2):
        assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == expected
        assert hass.states.get("light.strip").state == "on"  # type: ignore[union-attr]
        await pass_time(hass, freezer, timedelta(seconds=4))
        assert hass.states.get("light.strip").state == "off"  # type: ignore[union-attr]
    assert len(send) == 2

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w for w in warnings if "on speakers failed" in w] == [
        f"Desk {DESK}: announcing on speakers failed (speaker gone); further failures are "
        "not logged until it works again"
    ]
    assert len([w for w in warnings if "on satellites failed" in w]) == 1
    assert len(warnings) == 2

    # the speaker is back: told once, and a new failure is logged again
    speak = async_mock_service(hass, "tts", "speak")
    result = await announcer.async_announce(targets, MESSAGE, title=TITLE)
    assert result["speakers"] is True
    assert len(speak) == 1
    assert "announcing on speakers works again" in caplog.text
    async_mock_service(hass, "tts", "speak", raise_exception=HomeAssistantError("again"))
    await announcer.async_announce(targets, MESSAGE, title=TITLE)
    assert "announcing on speakers failed (again)" in caplog.text
    await pass_time(hass, freezer, timedelta(seconds=4))


async def test_a_speaker_that_never_answers_holds_nothing_and_is_logged_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    notifiers: None,
    players: list[str],
    announcer: Announcer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """tts.speak hangs for ever: the other channels still announce at once, the speakers
    give up after 10 s, and the warning is one line for the whole streak."""
    never = asyncio.Event()
    calls: list[ServiceCall] = []

    async def hang(call: ServiceCall) -> None:
        calls.append(call)
        await never.wait()

    hass.services.async_register("tts", "speak", hang)
    hass.states.async_set("tts.piper", "unknown")
    send = async_mock_service(hass, "notify", "send_message")
    phone = async_mock_service(hass, "notify", "mobile_app_pixel")
    targets = AnnounceTargets(
        media_players=("media_player.kitchen",),
        tts_engine="tts.piper",
        notify_entities=("notify.desk_pc",),
        mobile_apps=("mobile_app_pixel",),
        lights=("light.strip",),
        light_seconds=30,
    )
    for attempt in (1, 2, 3):
        announcing = asyncio.ensure_future(announcer.async_announce(targets, MESSAGE, title=TITLE))
        for _ in range(20):
            await asyncio.sleep(0)
        assert len(calls) == attempt
        assert len(send) == attempt
        assert len(phone) == attempt
        assert light_state(hass, "light.strip")[0] == "on"
        assert not announcing.done()  # waiting for the speaker
        freezer.tick(timedelta(seconds=9))
        async_fire_time_changed_exact(hass)
        await asyncio.sleep(0)
        assert not announcing.done()
        freezer.tick(timedelta(seconds=1))
        async_fire_time_changed_exact(hass)
        result = await announcing
        assert result == {"lights": True, "speakers": False, "notify": True, "mobile_app": True}
        await pass_time(hass, freezer, timedelta(seconds=30))  # the light goes back
        assert light_state(hass, "light.strip")[0] == "off"
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [
        f"Desk {DESK}: announcing on speakers failed (tts.speak did not answer within 10 s); "
        "further failures are not logged until it works again"
    ]


# -- lights ----------------------------------------------------------------------------


async def test_pulse_shows_the_colour_then_restores_every_light_exactly(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    announcer: Announcer,
) -> None:
    before = {entity_id: light_state(hass, entity_id) for entity_id in lights}
    targets = AnnounceTargets(lights=tuple(lights), light_color=COLOR, light_seconds=3)
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"lights": True}

    for entity_id in lights:
        assert light_state(hass, entity_id)[0] == "on", entity_id
    assert light_state(hass, "light.lamp")[1][ATTR_HS_COLOR] == (0.0, 100.0)
    assert light_state(hass, "light.lamp")[1][ATTR_BRIGHTNESS] == 255
    assert light_state(hass, "light.strip")[1][ATTR_RGB_COLOR] == COLOR
    assert light_state(hass, "light.spot")[1]["color_mode"] == ColorMode.RGBW
    assert light_state(hass, "light.ceiling")[1]["color_mode"] == ColorMode.XY
    assert light_state(hass, "light.shelf")[1][ATTR_BRIGHTNESS] == 255
    assert all(ATTR_FLASH not in call for light in lights.values() for _, call in light.calls)

    await pass_time(hass, freezer, timedelta(seconds=2))
    assert light_state(hass, "light.strip")[0] == "on"  # still pulsing
    await pass_time(hass, freezer, timedelta(seconds=1))
    after = {entity_id: light_state(hass, entity_id) for entity_id in lights}
    assert after == before
    assert lights["light.strip"].calls[-1] == ("off", {})
    assert lights["light.lamp"].calls[-1] == (
        "on",
        {ATTR_BRIGHTNESS: 120, ATTR_HS_COLOR: (30.0, 70.0), ATTR_EFFECT: "rainbow"},
    )
    kind, data = lights["light.ceiling"].calls[-1]
    assert kind == "on"
    assert data[ATTR_BRIGHTNESS] == 200
    assert data[ATTR_COLOR_TEMP_KELVIN] == 3000
    assert lights["light.panel"].calls[-1] == ("on", {ATTR_WHITE: 90})
    assert lights["light.bulb"].calls[-1] == ("on", {})
    # nothing left to restore later
    await pass_time(hass, freezer, timedelta(seconds=30))
    assert after == {entity_id: light_state(hass, entity_id) for entity_id in lights}


async def test_flash_where_the_light_can_and_pulse_where_it_cannot(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    announcer: Announcer,
) -> None:
    before = {entity_id: light_state(hass, entity_id) for entity_id in lights}
    targets = AnnounceTargets(
        lights=("light.ceiling", "light.strip", "light.lamp"),
        light_color=COLOR,
        light_effect="flash",
        light_seconds=2,
    )
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"lights": True}
    assert lights["light.ceiling"].calls == [
        ("on", {ATTR_FLASH: "short", ATTR_XY_COLOR: (0.701, 0.299)})
    ]
    assert lights["light.strip"].calls == [("on", {ATTR_FLASH: "short", ATTR_RGB_COLOR: COLOR})]
    # the lamp cannot flash: Home Assistant would drop the flash, so it gets the pulse
    assert lights["light.lamp"].calls == [
        ("on", {ATTR_BRIGHTNESS: 255, ATTR_HS_COLOR: (0.0, 100.0)})
    ]
    await pass_time(hass, freezer, timedelta(seconds=2))
    assert {entity_id: light_state(hass, entity_id) for entity_id in lights} == before


async def test_a_second_announcement_keeps_the_original_snapshot(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    announcer: Announcer,
) -> None:
    before = light_state(hass, "light.lamp")
    targets = AnnounceTargets(lights=("light.lamp",), light_color=COLOR, light_seconds=3)
    await announcer.async_announce(targets, MESSAGE, title=TITLE)
    await pass_time(hass, freezer, timedelta(seconds=2))
    pulsing = light_state(hass, "light.lamp")
    assert pulsing != before
    await announcer.async_announce(targets, MESSAGE, title=TITLE)
    await pass_time(hass, freezer, timedelta(seconds=2))
    assert light_state(hass, "light.lamp") == pulsing  # the pulse runs 3 s from the second
    await pass_time(hass, freezer, timedelta(seconds=1))
    assert light_state(hass, "light.lamp") == before
    assert [kind for kind, _ in lights["light.lamp"].calls] == ["on", "on", "on"]


async def test_shutdown_restores_the_lights_at_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    announcer: Announcer,
) -> None:
    before = {entity_id: light_state(hass, entity_id) for entity_id in lights}
    targets = AnnounceTargets(lights=tuple(lights), light_color=COLOR, light_seconds=30)
    await announcer.async_announce(targets, MESSAGE, title=TITLE)
    assert light_state(hass, "light.strip")[0] == "on"
    announcer.async_shutdown()
    await hass.async_block_till_done()
    assert {entity_id: light_state(hass, entity_id) for entity_id in lights} == before
    calls = sum(len(light.calls) for light in lights.values())
    await pass_time(hass, freezer, timedelta(seconds=60))  # the cancelled restore stays away
    assert sum(len(light.calls) for light in lights.values()) == calls


async def test_unavailable_and_failing_lights(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    announcer: Announcer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hass.states.async_set("light.broken", "unavailable")
    hass.states.async_set("light.group", "unknown")
    targets = AnnounceTargets(
        lights=("light.strip", "light.broken", "light.gone", "light.group"), light_color=COLOR
    )
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"lights": False}
    assert light_state(hass, "light.strip")[0] == "on"  # the reachable light still shows it
    assert light_state(hass, "light.group")[0] == "unknown"  # left alone: no way back
    assert "not reachable: light.broken, light.gone, light.group" in caplog.text

    lights["light.strip"].broken = True  # it stops answering before the restore
    await pass_time(hass, freezer, timedelta(seconds=3))
    assert "could not put the light light.strip back: bulb does not answer" in caplog.text

    lights["light.lamp"].broken = True
    targets = AnnounceTargets(lights=("light.lamp",))
    assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"lights": False}
    lights["light.lamp"].broken = False
    await pass_time(hass, freezer, timedelta(seconds=3))


async def test_a_light_that_cannot_be_put_back_is_logged_once_per_streak(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lights: dict[str, FakeLight],
    announcer: Announcer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Every announcement's put-back fails: one warning; after one that worked, one more."""
    targets = AnnounceTargets(lights=("light.strip",), light_color=COLOR)
    strip = lights["light.strip"]

    async def announce(*, restore_fails: bool) -> None:
        strip.broken = False
        assert await announcer.async_announce(targets, MESSAGE, title=TITLE) == {"lights": True}
        strip.broken = restore_fails
        await pass_time(hass, freezer, timedelta(seconds=3))

    def warnings() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

    for _ in range(3):
        await announce(restore_fails=True)
    assert len(warnings()) == 1
    assert "could not put the light light.strip back: bulb does not answer" in warnings()[0]
    await announce(restore_fails=False)
    await announce(restore_fails=True)
    assert len(warnings()) == 2
    strip.broken = False


# -- notification actions --------------------------------------------------------------


async def test_notification_actions_call_their_handler(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    pressed: list[str] = []
    unsubscribe = async_listen_notification_actions(
        hass,
        ENTRY_ID,
        {"DONE": lambda: pressed.append("done"), "SNOOZE": lambda: pressed.append("snooze")},
    )
    assert notification_action_id(ENTRY_ID, "done") == f"DESK_COACH_DONE_{ENTRY_ID}"
    for action in (
        f"DESK_COACH_DONE_{ENTRY_ID}",
        "DESK_COACH_DONE_other_entry",
        "SOMETHING_ELSE",
        f"DESK_COACH_SNOOZE_{ENTRY_ID}",
    ):
        hass.bus.async_fire("mobile_app_notification_action", {"action": action})
    hass.bus.async_fire("mobile_app_notification_action", {})
    await hass.async_block_till_done()
    assert pressed == ["done", "snooze"]
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]

    unsubscribe()
    hass.bus.async_fire("mobile_app_notification_action", {"action": f"DESK_COACH_DONE_{ENTRY_ID}"})
    await hass.async_block_till_done()
    assert pressed == ["done", "snooze"]


async def test_nothing_configured_announces_nothing(
    hass: HomeAssistant, announcer: Announcer
) -> None:
    assert await announcer.async_announce(AnnounceTargets(), MESSAGE, title=TITLE) == {}

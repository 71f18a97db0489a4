"""Voice commands on and off: the sentence files in the config folder, and whose they are."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import Any

from homeassistant.components import conversation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.desk_coach.const import CONF_PRESENCE_ENTITY, CONF_VOICE_SENTENCES, DOMAIN
from tests.helpers import save_and_close

NOBODY = "Nobody is sitting at Office desk, so no break is counting down."
SHIPPED = Path(__file__).parents[2] / "custom_components" / DOMAIN / "sentences"


@pytest.fixture
async def assist(hass: HomeAssistant) -> None:
    """Assist's default agent."""
    for component in ("homeassistant", "conversation", "intent"):
        assert await async_setup_component(hass, component, {})


def installed(config_dir: Path, language: str) -> Path:
    """Where a language's sentences go."""
    return config_dir / "custom_sentences" / language / f"{DOMAIN}.yaml"


async def set_voice(hass: HomeAssistant, entry: MockConfigEntry, on: bool) -> None:
    """Turn voice commands on or off in the desk's options, as a user would."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "voice"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "voice"
    assert "custom_sentences/de/desk_coach.yaml" in result["description_placeholders"]["files"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_VOICE_SENTENCES: on}
    )
    await save_and_close(hass, result)


async def answer(hass: HomeAssistant, text: str) -> str:
    """What Assist says."""
    result = await conversation.async_converse(hass, text, None, Context(), language="en")
    speech: str = result.response.speech["plain"]["speech"]
    return speech


async def test_off_by_default_and_on_from_the_options(
    hass: HomeAssistant, assist: None, init_integration: MockConfigEntry, config_dir: Path
) -> None:
    """Nothing written until asked; once on, Assist understands at once (reloaded)."""
    assert not (config_dir / "custom_sentences").exists()
    assert await answer(hass, "When is my next break?") != NOBODY
    await set_voice(hass, init_integration, True)
    for language in ("en", "de"):
        shipped = SHIPPED / language / f"{DOMAIN}.yaml"
        assert installed(config_dir, language).read_bytes() == shipped.read_bytes()
    assert init_integration.options[CONF_VOICE_SENTENCES] is True
    assert await answer(hass, "When is my next break?") == NOBODY


async def test_off_again_removes_them_and_assist_forgets(
    hass: HomeAssistant, assist: None, init_integration: MockConfigEntry, config_dir: Path
) -> None:
    """Reversible: turned off, the files go and the sentences are no longer understood."""
    await set_voice(hass, init_integration, True)
    await set_voice(hass, init_integration, False)
    assert not installed(config_dir, "en").exists()
    assert not installed(config_dir, "de").exists()
    assert await answer(hass, "When is my next break?") != NOBODY


async def test_a_users_edit_is_never_overwritten_or_removed(
    hass: HomeAssistant, init_integration: MockConfigEntry, config_dir: Path
) -> None:
    """The user changed the English file: off leaves it, on again keeps their version."""
    await set_voice(hass, init_integration, True)
    edited = installed(config_dir, "en")
    edited.write_text(edited.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    await set_voice(hass, init_integration, False)
    assert edited.read_text(encoding="utf-8").endswith("# mine\n")
    assert not installed(config_dir, "de").exists()  # untouched by the user: removed
    await set_voice(hass, init_integration, True)
    assert edited.read_text(encoding="utf-8").endswith("# mine\n")
    assert installed(config_dir, "de").exists()


async def test_a_deleted_file_stays_deleted_until_asked_for_again(
    hass: HomeAssistant, init_integration: MockConfigEntry, config_dir: Path
) -> None:
    """A restart doesn't bring back what the user deleted; turning voice on again does."""
    await set_voice(hass, init_integration, True)
    installed(config_dir, "de").unlink()
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert not installed(config_dir, "de").exists()
    assert installed(config_dir, "en").exists()
    await set_voice(hass, init_integration, False)
    await set_voice(hass, init_integration, True)
    assert installed(config_dir, "de").exists()


async def test_files_stay_while_any_desk_wants_them(
    hass: HomeAssistant, init_integration: MockConfigEntry, config_dir: Path
) -> None:
    """Shared by all desks; removing the last desk that wanted them takes them away."""
    await set_voice(hass, init_integration, True)
    home = MockConfigEntry(
        domain=DOMAIN,
        title="Home desk",
        data={CONF_PRESENCE_ENTITY: "input_boolean.desk_presence"},
        options={CONF_VOICE_SENTENCES: True},
    )
    home.add_to_hass(hass)
    assert await hass.config_entries.async_setup(home.entry_id)
    await hass.async_block_till_done()
    await set_voice(hass, init_integration, False)
    assert installed(config_dir, "en").exists()  # the home desk still wants them
    await hass.config_entries.async_remove(home.entry_id)
    await hass.async_block_till_done()
    assert not installed(config_dir, "en").exists()
    assert init_integration.state is ConfigEntryState.LOADED


async def test_an_unwritable_config_folder_is_logged_not_fatal(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    config_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A folder that can't be written: a warning, and the desk works all the same."""
    (config_dir / "custom_sentences").write_text("not a folder", encoding="utf-8")
    await set_voice(hass, init_integration, True)
    assert "Could not write" in caplog.text
    assert init_integration.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.office_desk_break_status") is not None


async def test_a_write_cut_short_leaves_the_old_sentences_and_nothing_partial(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    config_dir: Path,
    hass_storage: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rename that would put the new sentences in place fails: the file Desk Coach wrote
    earlier is whole, no temporary file is left beside it, and no half file for German."""
    older = b"language: en\nintents: {}\n"
    installed(config_dir, "en").parent.mkdir(parents=True)
    installed(config_dir, "en").write_bytes(older)
    hass_storage[f"{DOMAIN}.sentences"] = {
        "version": 1,
        "minor_version": 1,
        "key": f"{DOMAIN}.sentences",
        "data": {"custom_sentences/en/desk_coach.yaml": hashlib.sha256(older).hexdigest()},
    }
    real_replace = os.replace

    def replace(source: Any, target: Any) -> None:
        if "custom_sentences" in str(target):
            raise OSError(errno.EIO, "cut short")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    await set_voice(hass, init_integration, True)
    assert installed(config_dir, "en").read_bytes() == older
    assert [path.name for path in installed(config_dir, "en").parent.iterdir()] == [
        f"{DOMAIN}.yaml"
    ]
    assert list(installed(config_dir, "de").parent.iterdir()) == []
    assert init_integration.state is ConfigEntryState.LOADED

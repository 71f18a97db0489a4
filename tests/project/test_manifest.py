"""What hassfest and HACS would check, since hassfest cannot run outside the core repo."""

from __future__ import annotations

import ast
import json
from pathlib import Path
import re
from typing import Any

from awesomeversion import AwesomeVersion

from custom_components.desk_coach.binary_sensor import BINARY_SENSORS
from custom_components.desk_coach.button import BUTTONS
from custom_components.desk_coach.const import DOMAIN
from custom_components.desk_coach.entity_check import ISSUE_NO_CHANNEL, SLOTS
from custom_components.desk_coach.sensor import SENSORS
from custom_components.desk_coach.switch import SWITCHES

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "custom_components" / DOMAIN
KNOWN_MANIFEST_KEYS = {
    "domain", "name", "after_dependencies", "codeowners", "config_flow", "dependencies",
    "documentation", "integration_type", "iot_class", "issue_tracker", "loggers",
    "quality_scale", "requirements", "single_config_entry", "version",
}  # fmt: skip


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def keys(tree: Any, prefix: str = "") -> set[str]:
    if not isinstance(tree, dict):
        return {prefix}
    found: set[str] = set()
    for key, value in tree.items():
        found |= keys(value, f"{prefix}.{key}" if prefix else key)
    return found


def test_manifest_is_what_home_assistant_and_hacs_expect() -> None:
    manifest = load(PACKAGE / "manifest.json")
    assert list(manifest)[:2] == ["domain", "name"]
    assert list(manifest)[2:] == sorted(list(manifest)[2:])
    assert set(manifest) <= KNOWN_MANIFEST_KEYS
    assert manifest["domain"] == DOMAIN
    assert manifest["config_flow"] is True
    assert manifest["iot_class"] == "calculated"
    assert manifest["integration_type"] in {"device", "helper"}
    assert AwesomeVersion(manifest["version"]).valid
    assert manifest["codeowners"]
    assert manifest["documentation"].startswith("https://")
    assert manifest["issue_tracker"].startswith("https://")
    hacs = load(ROOT / "hacs.json")
    assert hacs["homeassistant"] == "2026.2.0"
    assert hacs["name"] == manifest["name"]


def test_every_language_has_every_text() -> None:
    english = keys(load(PACKAGE / "translations" / "en.json"))
    german = keys(load(PACKAGE / "translations" / "de.json"))
    assert english == german


def test_placeholders_match_between_languages() -> None:
    english = load(PACKAGE / "translations" / "en.json")
    german = load(PACKAGE / "translations" / "de.json")

    def walk(en: Any, de: Any, path: str) -> None:
        if isinstance(en, dict):
            for key in en:
                walk(en[key], de[key], f"{path}.{key}")
            return
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", de)), path

    walk(english, german, "")


def test_every_entity_has_a_name_and_an_icon() -> None:
    entities = load(PACKAGE / "translations" / "en.json")["entity"]
    icons = load(PACKAGE / "icons.json")["entity"]
    described = {("sensor", d.translation_key) for d in SENSORS} | {
        ("binary_sensor", d.translation_key) for d in BINARY_SENSORS
    }
    described |= {("switch", d.translation_key) for d in SWITCHES}
    described |= {("button", d.translation_key) for d in BUTTONS}
    described |= {
        ("number", "break_interval"),
        ("number", "pain_this_week"),
        ("event", "break"),
        ("event", "routine"),
    }
    for platform, key in described:
        assert entities[platform][key]["name"], (platform, key)
        assert icons[platform][key]["default"].startswith("mdi:"), (platform, key)
    translated = {(platform, key) for platform, texts in entities.items() for key in texts}
    assert translated == described


def test_every_error_and_issue_the_code_raises_is_translated() -> None:
    english = load(PACKAGE / "translations" / "en.json")
    flow = "".join(
        (PACKAGE / name).read_text(encoding="utf-8")
        # the config flow, and the options' pages (the standing desk's is in its module)
        for name in (
            "config_flow.py",
            "options_pages.py",
            "options_routines.py",
            "standing_desk.py",
        )
    )
    config_errors = set(re.findall(r'errors\[(?:[A-Z_]+|"base")\] = "(\w+)"', flow))
    assert config_errors, "no error keys found: the pattern no longer matches the code"
    assert config_errors <= set(english["config"]["error"]) | set(english["options"]["error"])
    raised = {slot.issue_key for slot in SLOTS} | {ISSUE_NO_CHANNEL, "damaged_storage"}
    assert raised == set(english["issues"])  # none missing, none left over
    for key in raised:
        assert english["issues"][key]["title"]
        assert english["issues"][key]["description"]


def refusal_keys(package: Path = PACKAGE) -> set[str]:
    """Every key a ``Refusal`` is raised with in ``package``'s code.

    A key written in the call (``Refusal("no_desk")``, or either of ``"a" if x else "b"``);
    one a parameter passes on (``Refusal(refusal, ...)``) is read where that parameter is
    given (``refusal="snooze_out_of_range"``). A call with neither fails the test, but for
    the copy ``Refusal.with_placeholders`` makes.
    """
    calls: list[ast.Call] = []
    for path in sorted(package.glob("*.py")):
        calls += [n for n in ast.walk(ast.parse(path.read_bytes())) if isinstance(n, ast.Call)]
    found: set[str] = set()
    for call in calls:
        if not (isinstance(call.func, ast.Name) and call.func.id == "Refusal"):
            continue
        assert call.args, f"a Refusal without a key (line {call.lineno})"
        if ast.unparse(call.args[0]) == "self.key":
            continue  # Refusal.with_placeholders: a copy of a refusal found elsewhere
        written = {
            node.value
            for node in ast.walk(call.args[0])
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        if not written and isinstance(call.args[0], ast.Name):
            parameter = call.args[0].id
            written = {
                keyword.value.value
                for other in calls
                for keyword in other.keywords
                if keyword.arg == parameter
                and isinstance(keyword.value, ast.Constant)
                and isinstance(keyword.value.value, str)
            }
        assert written, f"a Refusal whose key is not found (line {call.lineno})"
        found |= written
    return found


def test_every_refusal_the_code_raises_is_translated() -> None:
    """Each key is an exception message in every language: the action's error, the answer."""
    raised = refusal_keys()
    # the core's, the runtime's, the actions' and voice's: the scan still finds them all
    assert {
        "not_sitting",
        "no_break_due",
        "routine_running",
        "routine_already_paused",
        "no_routine_running",
        "routine_not_paused",
        "unknown_routine",
        "which_desk",
        "snooze_out_of_range",
        "break_interval_out_of_range",
        "which_desk_spoken",
    } <= raised
    for language in ("en", "de"):
        exceptions = load(PACKAGE / "translations" / f"{language}.json")["exceptions"]
        missing = sorted(key for key in raised if not exceptions.get(key, {}).get("message"))
        assert not missing, f"{language}: no exception message for {missing}"


def test_every_action_and_field_is_described() -> None:
    import yaml  # noqa: PLC0415

    services = yaml.safe_load((PACKAGE / "services.yaml").read_text(encoding="utf-8"))
    for language in ("en", "de"):
        texts = load(PACKAGE / "translations" / f"{language}.json")["services"]
        assert set(texts) == set(services), language
        for name, service in services.items():
            assert texts[name]["name"]
            assert texts[name]["description"]
            assert set(texts[name]["fields"]) == set(service["fields"]), (language, name)
    icons = load(PACKAGE / "icons.json")["services"]
    assert set(icons) == set(services)

"""quality_scale.yaml: every current rule listed, each exemption explained, the tier true."""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

import yaml

ROOT = Path(__file__).parents[2]
QUALITY_SCALE = ROOT / "custom_components" / "desk_coach" / "quality_scale.yaml"

# hassfest's rule list (script/hassfest/quality_scale.py, ALL_RULES), tier by tier.
RULES: dict[str, set[str]] = {
    "bronze": {
        "action-setup", "appropriate-polling", "brands", "common-modules", "config-flow",
        "config-flow-test-coverage", "dependency-transparency", "docs-actions",
        "docs-conditions", "docs-high-level-description", "docs-installation-instructions",
        "docs-removal-instructions", "docs-triggers", "entity-event-setup",
        "entity-unique-id", "has-entity-name", "runtime-data", "test-before-configure",
        "test-before-setup", "unique-config-entry",
    },
    "silver": {
        "action-exceptions", "config-entry-unloading", "docs-configuration-parameters",
        "docs-installation-parameters", "entity-unavailable", "integration-owner",
        "log-when-unavailable", "parallel-updates", "reauthentication-flow", "test-coverage",
    },
    "gold": {
        "devices", "diagnostics", "discovery", "discovery-update-info", "docs-data-update",
        "docs-examples", "docs-known-limitations", "docs-supported-devices",
        "docs-supported-functions", "docs-troubleshooting", "docs-use-cases",
        "dynamic-devices", "entity-category", "entity-device-class",
        "entity-disabled-by-default", "entity-translations", "exception-translations",
        "icon-translations", "reconfiguration-flow", "repair-issues", "stale-devices",
    },
    "platinum": {"async-dependency", "inject-websession", "strict-typing"},
}  # fmt: skip
TIERS = ["bronze", "silver", "gold", "platinum"]


def rules() -> dict[str, dict[str, Any]]:
    """Each rule as {"status": ..., "comment": ...}, a bare status made a mapping."""
    raw = yaml.safe_load(QUALITY_SCALE.read_text(encoding="utf-8"))["rules"]
    return {
        name: value if isinstance(value, dict) else {"status": value} for name, value in raw.items()
    }


def reached(statuses: dict[str, str]) -> str | None:
    """The highest tier whose rules, and all lower tiers' rules, are done or exempt."""
    best = None
    for tier in TIERS:
        if any(statuses[rule] not in {"done", "exempt"} for rule in RULES[tier]):
            break
        best = tier
    return best


def test_every_current_rule_is_listed_once_with_a_valid_status() -> None:
    listed = rules()
    assert set(listed) == set().union(*RULES.values())
    for name, rule in listed.items():
        assert rule["status"] in {"done", "todo", "exempt"}, name


def test_new_bronze_documentation_rules_are_listed() -> None:
    """docs-triggers and docs-conditions joined bronze in July 2026; README covers both."""
    listed = rules()
    assert listed["docs-triggers"]["status"] == "done"
    assert listed["docs-conditions"]["status"] == "done"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    automations = readme.split("## Automations", 1)[1].split("\n## ", 1)[0]
    assert "Triggers:" in automations
    assert "Conditions:" in automations


def test_every_exemption_and_todo_says_why() -> None:
    for name, rule in rules().items():
        if rule["status"] != "done":
            assert len(str(rule.get("comment", ""))) > 10, name


def test_the_stated_tier_is_the_one_the_statuses_reach() -> None:
    header = QUALITY_SCALE.read_text(encoding="utf-8")
    stated = re.search(r"reached: (\w+)\.", header)
    assert stated is not None
    statuses = {name: rule["status"] for name, rule in rules().items()}
    assert stated.group(1) == reached(statuses)


def test_reached_tier_needs_every_lower_tier() -> None:
    everything = {rule: "done" for tier in TIERS for rule in RULES[tier]}
    assert reached(everything) == "platinum"
    assert reached(everything | {"diagnostics": "todo"}) == "silver"
    assert reached(everything | {"docs-triggers": "todo"}) is None

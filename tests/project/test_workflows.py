"""The GitHub workflows: valid YAML, the right actions, README's test command in Debian 12.

They can't run here; these tests keep them parseable and pointed at the right things.
"""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

import yaml

ROOT = Path(__file__).parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
# HACS's checks that look only at the GitHub repository's settings, not at its files
REPOSITORY_SETTINGS_CHECKS = {"description", "topics", "issues", "archived"}


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), name
    return data


def triggers(workflow: dict[Any, Any]) -> Any:
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def test_every_workflow_parses_and_runs_on_push_and_pull_request() -> None:
    files = sorted(path.name for path in WORKFLOWS.glob("*.y*ml"))
    assert files == ["test.yml", "validate.yml"]
    for name in files:
        workflow = load(name)
        assert workflow["name"]
        assert set(triggers(workflow)) >= {"push", "pull_request"}, name
        for job_name, job in workflow["jobs"].items():
            assert job["runs-on"] == "ubuntu-latest", (name, job_name)
            assert job["steps"], (name, job_name)


def test_hassfest_runs_on_the_checked_out_repository() -> None:
    job = load("validate.yml")["jobs"]["hassfest"]
    assert [step.get("uses") for step in job["steps"]] == [
        "actions/checkout@v4",
        "home-assistant/actions/hassfest@master",
    ]


def test_hacs_validates_an_integration_ignoring_only_repository_settings() -> None:
    (hacs,) = load("validate.yml")["jobs"]["hacs"]["steps"]
    assert hacs["uses"] == "hacs/action@main"
    assert hacs["with"]["category"] == "integration"
    ignored = hacs["with"].get("ignore", "").split()
    assert set(ignored) <= REPOSITORY_SETTINGS_CHECKS
    text = (WORKFLOWS / "validate.yml").read_text(encoding="utf-8")
    for check in ignored:  # each ignored check says why, in a comment
        assert re.search(rf"^\s*# - {check}: \S", text, re.MULTILINE), check


def test_readme_test_command_runs_in_debian_12_with_node_20() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(scripts/test)\s+# run the whole test suite", readme, re.MULTILINE)
    assert command is not None, "README's test command moved: update this test"
    workflow = load("test.yml")
    (job,) = workflow["jobs"].values()
    container = job["container"]
    assert (container if isinstance(container, str) else container["image"]) == "debian:12"
    assert uses(workflow) == ["actions/checkout@v4", "actions/setup-node@v4"]
    (node,) = [step for step in job["steps"] if step.get("uses") == "actions/setup-node@v4"]
    # scripts/test refuses Node.js older than 20.19; setup-node gives 20's newest
    assert int(str(node["with"]["node-version"]).split(".")[0]) >= 20
    runs = [step["run"].strip() for step in job["steps"] if "run" in step]
    assert runs[-1] == command.group(1)
    # the container runs as root: apt-get without sudo, git for actions/checkout
    (install,) = runs[:-1]
    assert "sudo" not in install
    assert "apt-get update" in install
    assert {"git", "curl", "ca-certificates"} <= set(install.split())


def test_readme_development_names_the_workflows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    development = " ".join(readme.split("\n## Development", 1)[1].split("\n## ", 1)[0].split())
    for name in (
        "`.github/workflows/test.yml`",
        "`.github/workflows/validate.yml`",
        "`debian:12`",
        "hassfest",
        "`hacs/action`",
    ):
        assert name in development, name

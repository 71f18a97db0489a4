"""What HACS's default store checks in the repository itself, beside the manifest."""

from __future__ import annotations

import json
from pathlib import Path
import tomllib

ROOT = Path(__file__).parents[2]


def test_license_file_is_the_mit_license_pyproject_declares() -> None:
    """HACS's license check fails without a LICENSE file at the repository's root."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 Desk Coach maintainers" in text
    assert "Permission is hereby granted, free of charge" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_readme_says_from_which_release_the_local_brand_icon_shows() -> None:
    """Home Assistant reads a custom integration's brand/ folder only from 2026.3.

    While hacs.json still allows 2026.2, README's Installation section has to say that the
    icon is missing there.
    """
    assert (ROOT / "custom_components" / "desk_coach" / "brand" / "icon.png").is_file()
    hacs = json.loads((ROOT / "hacs.json").read_text(encoding="utf-8"))
    minimum = tuple(int(part) for part in hacs["homeassistant"].split(".")[:2])
    if minimum >= (2026, 3):
        return
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    installation = " ".join(readme.split("## Installation", 1)[1].split("\n## ", 1)[0].split())
    assert "`custom_components/desk_coach/brand/`) shows from Home Assistant 2026.3" in installation
    assert "On 2026.2" in installation

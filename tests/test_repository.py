"""What HACS's default store checks in the repository itself, beside the manifest."""

from __future__ import annotations

from pathlib import Path
import tomllib

ROOT = Path(__file__).parent.parent


def test_license_file_is_the_mit_license_pyproject_declares() -> None:
    """HACS's license check fails without a LICENSE file at the repository's root."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 Desk Coach maintainers" in text
    assert "Permission is hereby granted, free of charge" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text

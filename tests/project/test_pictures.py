"""The exercise pictures the integration serves: one per exercise, plain and safe SVG, and PNGs.

`frontend/build.mjs` copies each `frontend/pictures/<id>.svg` and renders it to a PNG next to
the card bundle; `node build.mjs --check` proves the PNGs match their sources. These tests
prove what the card relies on without Node: every exercise has both files, nothing else is
there, and each SVG is only line art that shows the same in a light and a dark theme.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import struct
from typing import Any
from xml.etree import ElementTree as ET

import pytest

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "custom_components" / "desk_coach"
SERVED = PACKAGE / "frontend" / "pictures"
SOURCES = ROOT / "frontend" / "pictures"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
ALLOWED = {
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "title",
    "defs", "marker",
}  # fmt: skip
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
THEMES = ("#ffffff", "#1c1c1c")  # a light and a dark card background


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


EXERCISES = sorted(load(PACKAGE / "exercises" / "library.json")["exercises"])
NAMES = {
    key: value["name"]
    for key, value in load(PACKAGE / "exercises" / "en.json")["exercises"].items()
}


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def parse(exercise: str) -> ET.Element:
    # our own files, read from the repository; no entities or DTDs are involved
    return ET.fromstring((SERVED / f"{exercise}.svg").read_bytes())  # noqa: S314


def test_every_exercise_has_an_svg_and_a_png_and_nothing_else_is_served() -> None:
    """The card can ask for `<id>.svg` or `<id>.png` of any exercise, and no stale file stays."""
    assert EXERCISES
    expected = {f"{exercise}.{kind}" for exercise in EXERCISES for kind in ("svg", "png")}
    assert {path.name for path in SERVED.iterdir()} == expected
    assert {path.name for path in SOURCES.iterdir()} == {f"{e}.svg" for e in EXERCISES}


@pytest.mark.parametrize("exercise", EXERCISES)
def test_served_svg_is_its_source_unchanged(exercise: str) -> None:
    """The build copies the hand-drawn SVG as it is (the PNG is checked by build.mjs --check)."""
    served = (SERVED / f"{exercise}.svg").read_bytes()
    assert served == (SOURCES / f"{exercise}.svg").read_bytes()
    assert len(served) < 6 * 1024


@pytest.mark.parametrize("exercise", EXERCISES)
def test_svg_is_plain_safe_line_art_with_the_exercise_name(exercise: str) -> None:
    """Only drawing elements: no script, foreign objects, images, events or outside links.

    The 2:1 viewBox keeps every picture the same shape, and the title is the English name.
    """
    root = parse(exercise)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 240 120"
    assert root.get("fill") == "none"
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == NAMES[exercise]
    for element in root.iter():
        assert element.tag.startswith(SVG), element.tag
        assert element.tag.removeprefix(SVG) in ALLOWED, element.tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            assert not local.lower().startswith("on"), name
            if local == "href" or name == XLINK_HREF:
                assert value.startswith("#"), (name, value)
            for reference in re.findall(r"url\(([^)]*)\)", value):
                assert reference.strip("'\" ").startswith("#"), value


@pytest.mark.parametrize("exercise", EXERCISES)
def test_svg_colours_read_on_light_and_dark_themes(exercise: str) -> None:
    """Shown as an `<img>`, the picture cannot follow the theme's text colour.

    So every stroke and fill is a fixed colour with at least 3:1 contrast on both a white
    and a near-black background, and the background stays transparent (no filled shapes).
    """
    for element in parse(exercise).iter():
        assert element.get("fill") in {None, "none"}, element.tag
        stroke = element.get("stroke")
        if stroke is None:
            continue
        assert re.fullmatch(r"#[0-9a-f]{6}", stroke), stroke
        for background in THEMES:
            assert contrast(stroke, background) >= 3, (stroke, background)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_png_is_a_480_by_240_rendition(exercise: str) -> None:
    """Twice the viewBox, for places that cannot show SVG, and small enough to load fast."""
    data = (SERVED / f"{exercise}.png").read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (480, 240)
    assert len(data) < 40 * 1024

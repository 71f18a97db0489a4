"""The benchmark report: per-desk figures net of the replay, ratios to B, growth in N."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import report


def case(setup: str, desks: int, **figures: Any) -> dict[str, Any]:
    """A case file's content with round figures."""
    base: dict[str, Any] = {
        "setup": setup,
        "desks": desks,
        "variant": "plain",
        "hours": 10.0,
        "cpu_seconds": 1.0 * desks,
        "setup_seconds": 0.1 * desks,
        "setup_memory_bytes": 2 * report.MIB,
        "entities": 20 * desks,
        "rows": 300 * desks,
        "rows_per_entity": {"sensor.<desk>_sitting_today": 280.0},
        "sitting_minutes_truth": 250.0 * desks,
        "sitting_error_minutes_mean": 0.5,
        "sitting_error_minutes_max": 0.9,
        "break_error_minutes_mean": 0.0,
        "breaks_due_truth": 7 * desks,
        "breaks_missing": 0,
        "breaks_extra": 0,
    }
    return base | figures


@pytest.fixture
def run(tmp_path: Path) -> Path:
    """A run with a baseline, A and B at 1 and 10 desks."""
    cases = [
        case("baseline", 1, cpu_seconds=0.2, entities=0, rows=0),
        case("baseline", 10, cpu_seconds=0.5, entities=0, rows=0),
        case("A", 1, cpu_seconds=1.2, rows=300),
        case("A", 10, cpu_seconds=12.5, rows=3000),
        case("B", 1, cpu_seconds=2.2, rows=400, entities=6),
        case("B", 10, cpu_seconds=30.5, rows=4000, entities=60),
    ]
    cases.append(case("A", 10, cpu_seconds=99.0, rows=3000))  # a disturbed repeat
    for run, each in enumerate(cases):
        name = f"{each['setup']}-{each['variant']}-{each['desks']}-{run}.json"
        (tmp_path / name).write_text(json.dumps(each), encoding="utf-8")
    return tmp_path


def test_figures_per_desk_net_of_the_replay(run: Path) -> None:
    rows = {(r["setup"], r["desks"]): r for r in report.summarise(report.load(run))}
    assert set(rows) == {("A", 1), ("A", 10), ("B", 1), ("B", 10)}  # repeats: the fastest
    a10 = rows[("A", 10)]
    assert a10["cpu_seconds_per_desk_day"] == pytest.approx((12.5 - 0.5) / 10)
    assert a10["rows_per_desk_hour"] == pytest.approx(3000 / 10 / 10)
    assert a10["minimum_rows_per_desk_hour"] == pytest.approx(25.0)
    assert a10["rows_per_desk_hour_vs_B"] == pytest.approx(0.75)
    assert a10["cpu_seconds_per_desk_day_vs_B"] == pytest.approx(1.2 / 3.0)
    assert a10["cpu_seconds_per_desk_day_growth"] == pytest.approx(1.2 / 1.0)
    assert rows[("B", 10)]["cpu_seconds_per_desk_day_growth"] == pytest.approx(3.0 / 2.0)
    assert rows[("B", 1)]["entities_per_desk"] == 6


def test_writes_json_and_markdown(run: Path) -> None:
    text = report.main(run)
    assert json.loads((run / "results.json").read_text(encoding="utf-8"))[0]["setup"] == "A"
    assert (run / "results.md").read_text(encoding="utf-8") == text
    lines = [line for line in text.splitlines() if line.startswith("| plain | 10 | A |")]
    assert len(lines) == 1
    assert "| 30.0 (0.75) |" in lines[0]
    assert "`sensor.<desk>_sitting_today` 28.00" in text

"""The benchmark report: per-desk figures net of the replay, ratios to B, growth in N."""

from __future__ import annotations

import json
from pathlib import Path
import statistics
from typing import Any

import pytest

from benchmarks import report
from benchmarks.conftest import runs_per_count

KIB = 1024


def case(setup: str, desks: int, run: int = 1, **figures: Any) -> dict[str, Any]:
    """A case file's content with round figures."""
    base: dict[str, Any] = {
        "setup": setup,
        "desks": desks,
        "variant": "plain",
        "run": run,
        "hours": 10.0,
        "cpu_seconds": 1.0 * desks,
        "setup_seconds": 0.1 * desks,
        "setup_memory_bytes": 2 * report.MIB,
        "entities": 20 * desks,
        "rows": 300 * desks,
        "rows_per_entity": {"sensor.<desk>_sitting_today": 280.0},
        "recorder_bytes": None,
        "sitting_minutes_truth": 250.0 * desks,
        "sitting_error_minutes_mean": 0.5,
        "sitting_error_minutes_max": 0.9,
        "break_error_minutes_mean": 0.0,
        "breaks_due_truth": 7 * desks,
        "breaks_missing": 0,
        "breaks_extra": 0,
    }
    return base | figures


def tables(states: int, attributes: int, long_term: int, short_term: int) -> dict[str, int]:
    """A case's recorder growth in KiB per table."""
    return {
        "states": states * KIB,
        "state_attributes": attributes * KIB,
        "statistics": long_term * KIB,
        "statistics_short_term": short_term * KIB,
    }


def write(directory: Path, cases: list[dict[str, Any]]) -> Path:
    for each in cases:
        name = f"{each['setup']}-{each['variant']}-{each['desks']}-{each['run']}.json"
        (directory / name).write_text(json.dumps(each), encoding="utf-8")
    return directory


@pytest.fixture
def run(tmp_path: Path) -> Path:
    """Three runs of a baseline, A and B at 1 and 10 desks; the first measured the bytes."""
    cases = [
        case("baseline", 1, cpu_seconds=0.2, entities=0, rows=0, recorder_bytes=tables(8, 0, 0, 0)),
        case(
            "baseline", 10, cpu_seconds=0.5, entities=0, rows=0, recorder_bytes=tables(80, 0, 0, 0)
        ),
        case("A", 1, cpu_seconds=1.2, rows=300, recorder_bytes=tables(40, 0, 4, 40)),
        case("A", 10, cpu_seconds=12.5, rows=3000, recorder_bytes=tables(480, 0, 40, 400)),
        case("B", 1, cpu_seconds=2.2, rows=400, entities=6, recorder_bytes=tables(48, 4, 0, 4)),
        case(
            "B", 10, cpu_seconds=30.5, rows=4000, entities=60, recorder_bytes=tables(560, 0, 0, 40)
        ),
    ]
    for number in (2, 3):  # the same cases again, without the bytes
        cases += [each | {"run": number, "recorder_bytes": None} for each in cases[:6]]
    # run 3 was disturbed: everything took twice the time, A and B alike
    for each in cases:
        if each["run"] == 3:
            each["cpu_seconds"] *= 2
    return write(tmp_path, cases)


def test_figures_per_desk_net_of_the_replay(run: Path) -> None:
    rows = {(r["setup"], r["desks"]): r for r in report.summarise(report.load(run))}
    assert set(rows) == {("A", 1), ("A", 10), ("B", 1), ("B", 10)}
    a10 = rows[("A", 10)]
    # the median of the runs, each net of its own baseline: (12.5 - 0.5) in runs 1 and 2
    assert a10["cpu_seconds_per_desk_day"] == pytest.approx((12.5 - 0.5) / 10)
    assert a10["runs"] == 3
    assert a10["rows_per_desk_hour"] == pytest.approx(3000 / 10 / 10)
    assert a10["minimum_rows_per_desk_hour"] == pytest.approx(25.0)
    assert a10["rows_per_desk_hour_vs_B"] == pytest.approx(0.75)
    # each run's ratio is the same: the disturbance of run 3 cancels within the pair
    assert a10["cpu_seconds_per_desk_day_vs_B"] == pytest.approx(12.0 / 30.0)
    assert a10["cpu_vs_B_pairs"]["n"] == 3
    assert a10["cpu_vs_B_pairs"]["low"] == pytest.approx(a10["cpu_vs_B_pairs"]["high"])
    assert a10["cpu_seconds_per_desk_day_growth"] == pytest.approx(1.2 / 1.0)
    assert rows[("B", 10)]["cpu_seconds_per_desk_day_growth"] == pytest.approx(3.0 / 2.0)
    assert rows[("B", 10)]["cpu_vs_B_pairs"] is None
    assert rows[("B", 1)]["entities_per_desk"] == 6


def test_recorder_bytes_per_desk_day_net_of_the_inputs(run: Path) -> None:
    rows = {(r["setup"], r["desks"]): r for r in report.summarise(report.load(run))}
    a1, a10, b10 = rows[("A", 1)], rows[("A", 10)], rows[("B", 10)]
    assert a1["recorder_bytes_per_desk_day_by_table"] == {
        "state_attributes": 0,
        "states": (40 - 8) * KIB,
        "statistics": 4 * KIB,
        "statistics_short_term": 40 * KIB,
    }
    assert a1["recorder_bytes_per_desk_day"] == 76 * KIB
    assert a10["recorder_bytes_per_desk_day"] == pytest.approx((400 + 40 + 400) * KIB / 10)
    assert b10["recorder_bytes_per_desk_day"] == pytest.approx((480 + 40) * KIB / 10)
    assert a10["recorder_bytes_per_desk_day_vs_B"] == pytest.approx(840 / 520)


def test_pair_ratios_are_taken_run_by_run() -> None:
    net = {
        ("A", "plain", 1, 1): 1.0,
        ("B", "plain", 1, 1): 2.0,
        ("A", "plain", 1, 2): 3.0,
        ("B", "plain", 1, 2): 4.0,
        ("A", "plain", 1, 3): 5.0,  # no B in run 3: no pair
        ("A", "plain", 10, 1): 9.0,  # another desk count
    }
    assert report.pair_ratios(net, "A", "plain", 1) == [0.5, 0.75]


def test_spread_median_quartiles_range_and_confidence() -> None:
    values = [0.9, 0.7, 1.3, 0.8, 0.75, 0.85, 0.95, 0.8, 0.6, 0.82, 0.78, 0.88, 0.9, 0.7, 2.5]
    spread = report.spread(values)
    assert spread is not None
    ordered = sorted(values)
    assert spread.n == 15
    assert spread.median == 0.82 == statistics.median(values)
    assert (spread.low, spread.high) == (0.6, 2.5)
    # inclusive quartiles: a quarter and three quarters of the way along the 14 gaps
    assert spread.q1 == pytest.approx((ordered[3] + ordered[4]) / 2) == 0.765
    assert spread.q3 == pytest.approx((ordered[10] + ordered[11]) / 2) == 0.9
    assert spread.half_width == pytest.approx(0.08)
    # of 15 figures the 4th smallest to the 4th largest hold the median with >= 95 %
    assert (spread.ci_low, spread.ci_high) == (ordered[3], ordered[11]) == (0.75, 0.9)
    one = report.spread([1.25])
    assert one is not None
    assert (one.median, one.q1, one.q3, one.ci_low, one.ci_high) == (1.25,) * 5
    assert report.spread([]) is None


@pytest.mark.parametrize(
    ("n", "rank"), [(1, 0), (5, 0), (6, 0), (8, 0), (9, 1), (10, 1), (15, 3), (20, 5), (30, 9)]
)
def test_median_confidence_rank_against_the_binomial_tables(n: int, rank: int) -> None:
    assert report.median_confidence_rank(n) == rank


def test_writes_json_and_markdown(run: Path) -> None:
    text = report.main(run)
    assert json.loads((run / "results.json").read_text(encoding="utf-8"))[0]["setup"] == "A"
    assert (run / "results.md").read_text(encoding="utf-8") == text
    lines = [line for line in text.splitlines() if line.startswith("| plain | 10 | A |")]
    assert len(lines) == 1
    assert "| 30.0 (0.75) | 84.0 (1.62) | 1.200 (0.40) | 0.40-0.40; 0.40-0.40; 3 |" in lines[0]
    assert "`sensor.<desk>_sitting_today` 28.00" in text
    assert "- plain A: `state_attributes` 0.0, `states` 32.0, `statistics` 4.0, " in text


def test_case_files_without_their_run_take_it_from_the_name(tmp_path: Path) -> None:
    each = case("A", 1, run=4)
    del each["run"]
    (tmp_path / "A-plain-1-4.json").write_text(json.dumps(each), encoding="utf-8")
    assert [c["run"] for c in report.load(tmp_path)] == [4]


def test_runs_per_desk_count() -> None:
    assert runs_per_count("1:15,10:3", [1, 10, 100]) == {1: 15, 10: 3, 100: 1}
    assert runs_per_count("5", [1, 10]) == {1: 5, 10: 5}

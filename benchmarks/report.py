"""Turn the benchmark's case files into one JSON summary and a markdown table.

``python -m benchmarks.report DIR`` reads ``DIR/<setup>-<variant>-<desks>.json`` (written
by ``bench_replay.py``) and writes ``DIR/results.json`` and ``DIR/results.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
import sys
from typing import Any

MIB = 1024 * 1024


def load(directory: Path) -> list[dict[str, Any]]:
    """Every case of a run: of repeated runs, the one with the least CPU.

    The replays are deterministic (same rows, same answers); only the time varies, and the
    least time is the one least disturbed by the machine.
    """
    best: dict[tuple[str, str, int], dict[str, Any]] = {}
    for path in sorted(directory.glob("*-*-*.json")):
        if path.name == "results.json":
            continue
        case = json.loads(path.read_text(encoding="utf-8"))
        key = (case["setup"], case["variant"], case["desks"])
        if key not in best or case["cpu_seconds"] < best[key]["cpu_seconds"]:
            best[key] = case
    return list(best.values())


def summarise(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per variant, desk count and setup: the figures per desk, net of the replay's cost."""
    baseline = {(c["variant"], c["desks"]): c for c in cases if c["setup"] == "baseline"}
    rows: list[dict[str, Any]] = []
    for case in cases:
        if case["setup"] == "baseline":
            continue
        desks, hours = case["desks"], case["hours"]
        base = baseline.get((case["variant"], desks))
        net_cpu = case["cpu_seconds"] - (base["cpu_seconds"] if base else 0.0)
        rows.append(
            {
                "variant": case["variant"],
                "desks": desks,
                "setup": case["setup"],
                "entities_per_desk": case["entities"] / desks,
                "rows_per_desk_hour": case["rows"] / desks / hours,
                "minimum_rows_per_desk_hour": case["sitting_minutes_truth"] / desks / hours,
                "cpu_seconds_per_desk_day": net_cpu / desks,
                "replay_cpu_seconds": base["cpu_seconds"] if base else None,
                "setup_seconds_per_desk": case["setup_seconds"] / desks,
                "setup_seconds": case["setup_seconds"],
                "setup_memory_mib": case["setup_memory_bytes"] / MIB,
                "sitting_error_minutes_mean": case["sitting_error_minutes_mean"],
                "sitting_error_minutes_max": case["sitting_error_minutes_max"],
                "break_error_minutes_mean": case["break_error_minutes_mean"],
                "breaks_due_truth": case["breaks_due_truth"],
                "breaks_missing": case["breaks_missing"],
                "breaks_extra": case["breaks_extra"],
                "rows_per_entity_per_desk_hour": {
                    kind: rows / hours for kind, rows in case["rows_per_entity"].items()
                },
            }
        )
    rows.sort(key=lambda row: (row["variant"], row["desks"], row["setup"]))
    _add_ratios_and_growth(rows)
    return rows


def _add_ratios_and_growth(rows: list[dict[str, Any]]) -> None:
    by_key = {(r["variant"], r["desks"], r["setup"]): r for r in rows}
    smallest = {
        (r["variant"], r["setup"]): by_key[
            (
                r["variant"],
                min(x["desks"] for x in rows if x["variant"] == r["variant"]),
                r["setup"],
            )
        ]
        for r in rows
    }
    for row in rows:
        b = by_key.get((row["variant"], row["desks"], "B"))
        first = smallest[(row["variant"], row["setup"])]
        for figure in ("rows_per_desk_hour", "cpu_seconds_per_desk_day"):
            row[f"{figure}_vs_B"] = _ratio(row[figure], b[figure]) if b else None
            row[f"{figure}_growth"] = _ratio(row[figure], first[figure])


def _ratio(value: float, other: float) -> float | None:
    return None if other == 0 else value / other


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def markdown(rows: list[dict[str, Any]]) -> str:
    """The summary as a markdown table, then rows per entity."""
    lines = [
        "| variant | desks | setup | entities/desk | rows/desk-hour (A/B) | CPU s/desk-day "
        "(A/B) | per desk vs smallest N: rows, CPU | setup s/desk | setup memory MiB | "
        "sitting error min (mean/max) | break error min | breaks missing/extra of due |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {r['variant']} | {r['desks']} | {r['setup']} | {_fmt(r['entities_per_desk'], 0)} "
        f"| {_fmt(r['rows_per_desk_hour'], 1)} ({_fmt(r['rows_per_desk_hour_vs_B'])}) "
        f"| {_fmt(r['cpu_seconds_per_desk_day'], 3)} "
        f"({_fmt(r['cpu_seconds_per_desk_day_vs_B'])}) "
        f"| {_fmt(r['rows_per_desk_hour_growth'])}, "
        f"{_fmt(r['cpu_seconds_per_desk_day_growth'])} "
        f"| {_fmt(r['setup_seconds_per_desk'], 3)} | {_fmt(r['setup_memory_mib'], 1)} "
        f"| {_fmt(r['sitting_error_minutes_mean'])} / "
        f"{_fmt(r['sitting_error_minutes_max'])} "
        f"| {_fmt(r['break_error_minutes_mean'])} "
        f"| {r['breaks_missing']} / {r['breaks_extra']} of {r['breaks_due_truth']} |"
        for r in rows
    )
    lines += [
        "",
        "Rows per entity, per desk-hour (the minimum any design needs for a minute-resolution "
        "sitting-today sensor is the sitting minutes per hour):",
        "",
    ]
    for r in rows:
        if r["desks"] != min(x["desks"] for x in rows):
            continue
        kinds = ", ".join(
            f"`{kind}` {_fmt(value)}"
            for kind, value in r["rows_per_entity_per_desk_hour"].items()
            if value
        )
        lines.append(
            f"- {r['variant']} {r['setup']} (minimum "
            f"{_fmt(r['minimum_rows_per_desk_hour'])}): {kinds}"
        )
    return "\n".join(lines) + "\n"


def main(directory: Path) -> str:
    """Write results.json and results.md into ``directory``; return the markdown."""
    rows = summarise(load(directory))
    (directory / "results.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    text = markdown(rows)
    (directory / "results.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    sys.stdout.write(main(Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results")))

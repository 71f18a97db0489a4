"""Turn the benchmark's case files into one JSON summary and a markdown table.

``python -m benchmarks.report DIR`` reads ``DIR/<setup>-<variant>-<desks>.json`` (written
by ``bench_replay.py``) and writes ``DIR/results.json`` and ``DIR/results.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
import json
import math
from pathlib import Path
import statistics
import sys
from typing import Any

MIB = 1024 * 1024


def load(directory: Path) -> list[dict[str, Any]]:
    """Every case file of a run, repeats included (each knows its run)."""
    cases: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*-*-*.json")):
        if path.name == "results.json":
            continue
        case = json.loads(path.read_text(encoding="utf-8"))
        if "run" not in case:  # <setup>-<variant>-<desks>-<run>.json
            case["run"] = int(path.stem.rsplit("-", 1)[1])
        cases.append(case)
    return cases


@dataclass(frozen=True, slots=True)
class Spread:
    """The median of some figures, their quartiles (inclusive method), their range, and
    where the median itself lies with 95 % confidence (``ci_low`` to ``ci_high``)."""

    median: float
    q1: float
    q3: float
    low: float
    high: float
    ci_low: float
    ci_high: float
    n: int

    @property
    def half_width(self) -> float:
        """How far the quartiles reach from the median: the ``±`` of ``median ± x``."""
        return max(self.median - self.q1, self.q3 - self.median)


def spread(values: Sequence[float]) -> Spread | None:
    """Median, interquartile range and min-max of ``values`` (None when there are none)."""
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    if n == 1:
        q1 = q3 = ordered[0]
    else:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    k = median_confidence_rank(n)
    return Spread(
        median=statistics.median(ordered),
        q1=q1,
        q3=q3,
        low=ordered[0],
        high=ordered[-1],
        ci_low=ordered[k],
        ci_high=ordered[n - 1 - k],
        n=n,
    )


def median_confidence_rank(n: int, level: float = 0.95) -> int:
    """The order statistic (0-based) that bounds the median of ``n`` figures at ``level``.

    Distribution-free: the true median lies below the ``k``-th smallest figure (0-based)
    only if at most ``k`` figures fall below it, a binomial(n, 1/2) tail. The largest
    ``k`` whose tail is within ``(1 - level) / 2`` on each side; 0 (the range) when even
    the range is not that sure (fewer than 6 figures at 95 %).
    """
    tail, below, k = (1 - level) / 2, 0.0, 0
    while True:
        below += math.comb(n, k) / 2**n  # P(at most k figures below the median)
        if below > tail:
            return max(k - 1, 0)
        k += 1


def _net_cpu(cases: list[dict[str, Any]]) -> dict[tuple[str, str, int, int], float]:
    """Each run's CPU net of the replay: minus the baseline of the same run.

    The baseline of the same run was measured next to it, under the same load; a run
    without one takes the median of the baselines.
    """
    baselines: dict[tuple[str, int], dict[int, float]] = defaultdict(dict)
    for case in cases:
        if case["setup"] == "baseline":
            baselines[(case["variant"], case["desks"])][case["run"]] = case["cpu_seconds"]
    net: dict[tuple[str, str, int, int], float] = {}
    for case in cases:
        if case["setup"] == "baseline":
            continue
        runs = baselines.get((case["variant"], case["desks"]), {})
        base = runs.get(case["run"], statistics.median(runs.values()) if runs else 0.0)
        net[(case["setup"], case["variant"], case["desks"], case["run"])] = (
            case["cpu_seconds"] - base
        )
    return net


def pair_ratios(
    net: dict[tuple[str, str, int, int], float], setup: str, variant: str, desks: int
) -> list[float]:
    """``setup``'s CPU over B's, run by run (each run measured the two one after the other)."""
    ratios: list[float] = []
    for (each, each_variant, each_desks, run), cpu in sorted(net.items()):
        if (each, each_variant, each_desks) != (setup, variant, desks):
            continue
        b = net.get(("B", variant, desks, run))
        if b is not None and b > 0:
            ratios.append(cpu / b)
    return ratios


def summarise(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per variant, desk count and setup: the figures per desk, net of the replay's cost.

    CPU: the median over the runs; its ratio to B is the median of the runs' ratios (A
    and B of one run were measured one after the other). The other figures are the same
    in every run: the first run's (the one that measured the database's bytes).
    """
    net = _net_cpu(cases)
    groups: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        groups[(case["variant"], case["desks"], case["setup"])].append(case)
    rows: list[dict[str, Any]] = []
    for (variant, desks, setup), runs in groups.items():
        if setup == "baseline":
            continue
        runs.sort(key=lambda case: case["run"])
        case = runs[0]
        hours = case["hours"]
        base_runs = groups.get((variant, desks, "baseline"), [])
        base_cpu = spread([c["cpu_seconds"] for c in base_runs])
        cpu = spread([net[(setup, variant, desks, c["run"])] / desks for c in runs])
        ratio = spread(pair_ratios(net, setup, variant, desks)) if setup != "B" else None
        rows.append(
            {
                "variant": variant,
                "desks": desks,
                "setup": setup,
                "runs": len(runs),
                "entities_per_desk": case["entities"] / desks,
                "rows_per_desk_hour": case["rows"] / desks / hours,
                "minimum_rows_per_desk_hour": case["sitting_minutes_truth"] / desks / hours,
                "cpu_seconds_per_desk_day": cpu.median if cpu else None,
                "cpu_seconds_per_desk_day_spread": asdict(cpu) if cpu else None,
                "cpu_vs_B_pairs": asdict(ratio) if ratio else None,
                "replay_cpu_seconds": base_cpu.median if base_cpu else None,
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
                **_recorder_bytes(case, runs, base_runs, desks, hours),
            }
        )
    rows.sort(key=lambda row: (row["variant"], row["desks"], row["setup"]))
    _add_ratios_and_growth(rows)
    return rows


def _recorder_bytes(
    case: dict[str, Any],
    runs: list[dict[str, Any]],
    base_runs: list[dict[str, Any]],
    desks: int,
    hours: float,
) -> dict[str, Any]:
    """The database's growth in the day, per desk, net of the replay's own inputs."""
    measured = next((c["recorder_bytes"] for c in runs if c.get("recorder_bytes")), None)
    base: dict[str, int] = next(
        (c["recorder_bytes"] for c in base_runs if c.get("recorder_bytes")), {}
    )
    if measured is None:
        return {"recorder_bytes_per_desk_day": None, "recorder_bytes_per_desk_day_by_table": {}}
    by_table = {
        table: (size - base.get(table, 0)) / desks for table, size in sorted(measured.items())
    }
    return {
        "recorder_bytes_per_desk_day": sum(by_table.values()),
        "recorder_bytes_per_desk_day_by_table": by_table,
        "recorder_bytes_hours": hours,
    }


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
        bytes_b = b["recorder_bytes_per_desk_day"] if b else None
        row["recorder_bytes_per_desk_day_vs_B"] = _ratio(
            row["recorder_bytes_per_desk_day"], bytes_b
        )
        # CPU against B: not the ratio of the medians, the median of the runs' ratios
        pairs = row["cpu_vs_B_pairs"]
        if pairs is not None:
            row["cpu_seconds_per_desk_day_vs_B"] = pairs["median"]


def _ratio(value: float | None, other: float | None) -> float | None:
    return None if value is None or not other else value / other


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _kib(value: float | None) -> str:
    return "-" if value is None else f"{value / 1024:.1f}"


def _pairs(pairs: dict[str, Any] | None) -> str:
    """``q1-q3; ci_low-ci_high; n`` of the runs' CPU ratios to B."""
    if pairs is None:
        return "-"
    return (
        f"{_fmt(pairs['q1'])}-{_fmt(pairs['q3'])}; "
        f"{_fmt(pairs['ci_low'])}-{_fmt(pairs['ci_high'])}; {pairs['n']}"
    )


def markdown(rows: list[dict[str, Any]]) -> str:
    """The summary as a markdown table, then rows and bytes per entity or table."""
    lines = [
        "| variant | desks | setup | entities/desk | rows/desk-hour (A/B) | recorder KiB/desk-day "
        "(A/B) | CPU s/desk-day (A/B: median of pairs) | CPU A/B pairs: IQR; 95 % CI of the "
        "median; pairs "
        "| per desk vs smallest N: rows, CPU | setup s/desk | setup memory MiB | "
        "sitting error min (mean/max) | break error min | breaks missing/extra of due |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {r['variant']} | {r['desks']} | {r['setup']} | {_fmt(r['entities_per_desk'], 0)} "
        f"| {_fmt(r['rows_per_desk_hour'], 1)} ({_fmt(r['rows_per_desk_hour_vs_B'])}) "
        f"| {_kib(r['recorder_bytes_per_desk_day'])} "
        f"({_fmt(r['recorder_bytes_per_desk_day_vs_B'])}) "
        f"| {_fmt(r['cpu_seconds_per_desk_day'], 3)} "
        f"({_fmt(r['cpu_seconds_per_desk_day_vs_B'])}) "
        f"| {_pairs(r['cpu_vs_B_pairs'])} "
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
    lines += [
        "",
        "Recorder KiB per desk-day by table, each with its indexes (SQLite pages, net of the "
        "replay's inputs):",
        "",
    ]
    for r in rows:
        if r["desks"] != min(x["desks"] for x in rows):
            continue
        tables = ", ".join(
            f"`{table}` {_kib(size)}"
            for table, size in r["recorder_bytes_per_desk_day_by_table"].items()
        )
        lines.append(f"- {r['variant']} {r['setup']}: {tables or '-'}")
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

"""Options of the benchmark run: which desk counts and variants, where the figures go."""

from __future__ import annotations

from pathlib import Path

import pytest

# Imported before Home Assistant looks for custom integrations, so ``custom_components``
# is this repository's (the test harness ships a package of the same name).
import custom_components.desk_coach  # noqa: F401

# A and B next to each other in every run: each run gives one pair, A's CPU over B's
SETUPS = ("baseline", "A", "B", "A_all")
# A_all's CPU is not compared run by run: it runs in the first runs only
A_ALL_RUNS = 3
# Runs (A/B pairs) per desk count: one desk's CPU is a fraction of a second a day, and the
# ratio of two such figures needs many pairs to settle; counts not named run once.
REPEAT = "1:15,10:3"


def pytest_addoption(parser: pytest.Parser) -> None:
    """--desks 1,10,100 --variants plain,standing --bench-out DIR."""
    parser.addoption("--desks", default="1,10", help="desk counts, comma-separated")
    parser.addoption("--variants", default="plain", help="plain and/or standing")
    parser.addoption("--bench-out", default="benchmarks/results", help="where to write")
    parser.addoption("--profile", default=None, help="write a cProfile of each replay here")
    parser.addoption(
        "--repeat",
        default=REPEAT,
        help=f"runs per desk count, as count:runs,... or one number for all ({REPEAT})",
    )


def runs_per_count(repeat: str, counts: list[int]) -> dict[int, int]:
    """How many runs each desk count gets: ``"1:15,10:3"`` or one number for every count."""
    if ":" not in repeat:
        return dict.fromkeys(counts, int(repeat))
    named = {
        int(count): int(runs) for count, runs in (item.split(":") for item in repeat.split(","))
    }
    return {count: named.get(count, 1) for count in counts}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One case per setup, desk count and variant."""
    if "case" not in metafunc.fixturenames:
        return
    config = metafunc.config
    counts = [int(n) for n in str(config.getoption("--desks")).split(",")]
    variants = str(config.getoption("--variants")).split(",")
    runs = runs_per_count(str(config.getoption("--repeat")), counts)
    cases = [
        (setup, count, variant, run)
        for variant in variants
        for count in counts
        for run in range(1, runs[count] + 1)
        for setup in SETUPS
        if setup != "A_all" or run <= A_ALL_RUNS
    ]
    metafunc.parametrize("case", cases, ids=["-".join(map(str, case)) for case in cases])


@pytest.fixture
def bench_out(pytestconfig: pytest.Config) -> Path:
    """The directory the case files go to."""
    out = Path(str(pytestconfig.getoption("--bench-out")))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def profile_dir(pytestconfig: pytest.Config) -> Path | None:
    """Where replay profiles go (None: no profiling)."""
    where = pytestconfig.getoption("--profile")
    return None if where is None else Path(str(where))

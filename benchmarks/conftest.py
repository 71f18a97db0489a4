"""Options of the benchmark run: which desk counts and variants, where the figures go."""

from __future__ import annotations

from pathlib import Path

import pytest

# Imported before Home Assistant looks for custom integrations, so ``custom_components``
# is this repository's (the test harness ships a package of the same name).
import custom_components.desk_coach  # noqa: F401

SETUPS = ("baseline", "A", "A_all", "B")


def pytest_addoption(parser: pytest.Parser) -> None:
    """--desks 1,10,100 --variants plain,standing --bench-out DIR."""
    parser.addoption("--desks", default="1,10", help="desk counts, comma-separated")
    parser.addoption("--variants", default="plain", help="plain and/or standing")
    parser.addoption("--bench-out", default="benchmarks/results", help="where to write")
    parser.addoption("--profile", default=None, help="write a cProfile of each replay here")
    parser.addoption(
        "--repeat", default=3, type=int, help="runs of each case up to 10 desks (best counts)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One case per setup, desk count and variant."""
    if "case" not in metafunc.fixturenames:
        return
    config = metafunc.config
    counts = [int(n) for n in str(config.getoption("--desks")).split(",")]
    variants = str(config.getoption("--variants")).split(",")
    repeat = int(config.getoption("--repeat"))
    cases = [
        (setup, count, variant, run)
        for variant in variants
        for count in counts
        for run in range(1, (repeat if count <= 10 else 1) + 1)
        for setup in SETUPS
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

"""scripts/ensure-python and scripts/env: runs at the same time take turns, failures say where.

The tests run the real scripts in a cache directory of their own. For scripts/env that cache
links to the virtual environment these tests run in (built by scripts/env), so nothing is
installed; a failing install is made by pointing pip at a closed port, a failing Python
build by commands on PATH that stand in for apt-get.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
import fcntl
import hashlib
import os
from pathlib import Path
import subprocess
import sys
import time

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV_SCRIPT = ROOT / "scripts" / "env"
ENSURE_PYTHON = ROOT / "scripts" / "ensure-python"
BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable))


def clean_environment(cache: Path, **extra: str) -> dict[str, str]:
    """The environment a fresh shell has, with the cache moved to `cache`."""
    keep = ("HOME", "LANG", "LC_ALL", "TMPDIR", "USER")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    env["DESK_COACH_CACHE"] = str(cache)
    env.update(extra)
    return env


def this_venv_key() -> str:
    """The key scripts/env gives the venv these tests run in, as it computes it."""
    requirements = (ROOT / "requirements_test.txt").read_bytes()
    return hashlib.sha256(sys.version.encode() + b"\n" + requirements).hexdigest()[:12]


@pytest.fixture
def cache_with_this_venv(tmp_path: Path) -> Path:
    """A cache where scripts/env finds this test run's venv complete: it installs nothing."""
    venv = Path(sys.prefix)
    key = this_venv_key()
    requirements = hashlib.sha256((ROOT / "requirements_test.txt").read_bytes()).hexdigest()
    if (
        venv.name != f"venv-{key}"
        or not (venv / "bin" / "uv").exists()
        or not (venv / f".installed-test-{requirements[:12]}").exists()
    ):
        pytest.skip("the tests do not run in an up-to-date venv made by scripts/env")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / venv.name).symlink_to(venv)
    return cache


@contextmanager
def holding(lock: Path) -> Iterator[None]:
    """Hold `lock` as flock(1) takes it, as another run of the script would."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start(script: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 -- this repository's own scripts
        [str(script), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(script: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 -- this repository's own scripts
        [str(script), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def still_running_after(proc: subprocess.Popen[str], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    return True


def test_env_prints_only_the_venv_path(cache_with_this_venv: Path) -> None:
    env = clean_environment(cache_with_this_venv, DESK_COACH_PYTHON=str(BASE_PYTHON))
    done = run(ENV_SCRIPT, env, "test")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{cache_with_this_venv / Path(sys.prefix).name}\n"


def test_two_runs_at_once_both_answer_the_same_venv(cache_with_this_venv: Path) -> None:
    env = clean_environment(cache_with_this_venv, DESK_COACH_PYTHON=str(BASE_PYTHON))
    runs = [start(ENV_SCRIPT, env, "test") for _ in range(2)]
    results = [each.communicate(timeout=60) for each in runs]
    assert [each.returncode for each in runs] == [0, 0], [err for _, err in results]
    assert results[0][0] == results[1][0]
    assert results[0][0].strip().endswith(Path(sys.prefix).name)


def test_env_waits_while_another_run_holds_the_lock(cache_with_this_venv: Path) -> None:
    env = clean_environment(cache_with_this_venv, DESK_COACH_PYTHON=str(BASE_PYTHON))
    with holding(cache_with_this_venv / "env.lock"):
        waiting = start(ENV_SCRIPT, env, "test")
        waited = still_running_after(waiting, 1.5)
    out, err = waiting.communicate(timeout=60)
    assert waited, "scripts/env did not wait for the lock"
    assert "another run is installing" in err
    assert waiting.returncode == 0, err
    assert out.strip().endswith(Path(sys.prefix).name)


def test_env_names_the_failing_step_and_its_log_and_recovers(tmp_path: Path) -> None:
    """No package index: 'install uv' fails, says so; the next run starts the venv over."""
    cache = tmp_path / "cache"
    env = clean_environment(
        cache,
        DESK_COACH_PYTHON=str(BASE_PYTHON),
        PIP_CONFIG_FILE=os.devnull,
        PIP_INDEX_URL="http://127.0.0.1:9/simple",  # nothing listens on the discard port
        PIP_RETRIES="0",
        PIP_TIMEOUT="2",
        PIP_NO_CACHE_DIR="1",
    )
    log = cache / "logs" / f"venv-{this_venv_key()}-uv.log"
    for attempt in range(2):
        done = run(ENV_SCRIPT, env, "test")
        assert done.returncode == 1
        assert done.stdout == ""
        assert f"step 'install uv' failed (exit 1); its log: {log}" in done.stderr
        assert log.is_file()
        assert "uv" in log.read_text(encoding="utf-8")
        if attempt == 1:
            assert "an earlier run did not finish it" in done.stderr


def fake_commands(directory: Path) -> Path:
    """apt-get that fails as without a network, every build dependency installed."""
    directory.mkdir()
    scripts = {
        "apt-get": "echo 'E: Failed to fetch: simulated outage' >&2\nexit 100\n",
        "dpkg-query": "echo 'install ok installed'\n",
        "python3.13": "exit 1\n",  # a Python on PATH that is not good enough
        "sudo": "echo 'sudo must not be needed here' >&2\nexit 1\n",
    }
    for name, body in scripts.items():
        path = directory / name
        path.write_text(f"#!/bin/sh\n{body}", encoding="utf-8")
        path.chmod(0o755)
    return directory


def test_ensure_python_waits_for_a_running_build_and_names_its_failing_step(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    shims = fake_commands(tmp_path / "bin")
    env = clean_environment(cache)
    env["PATH"] = f"{shims}:{env['PATH']}"
    with holding(cache / "python.lock"):
        waiting = start(ENSURE_PYTHON, env)
        waited = still_running_after(waiting, 1.5)
    out, err = waiting.communicate(timeout=60)
    assert waited, "scripts/ensure-python did not wait for the running build"
    assert "another run is building Python" in err
    assert waiting.returncode == 1
    assert out == ""
    log = cache / "logs" / "python-source-index.log"
    assert f"step 'fetch Debian trixie's source index' failed (exit 100); its log: {log}" in err
    assert "simulated outage" in log.read_text(encoding="utf-8")
    assert "simulated outage" in err  # the log's last lines are shown too


def test_a_failing_ensure_python_stops_env_saying_so(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    shims = fake_commands(tmp_path / "bin")
    env = clean_environment(cache)
    env["PATH"] = f"{shims}:{env['PATH']}"
    done = run(ENV_SCRIPT, env, "test")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "step 'fetch Debian trixie's source index' failed" in done.stderr
    assert "env: step 'find or build Python 3.13' failed" in done.stderr

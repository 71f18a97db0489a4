"""A real Home Assistant server and a real browser for the end-to-end test.

Once per module (the server starts once for all the e2e tests):

- a configuration folder in a temporary directory: the development configuration
  (``config/configuration.yaml``: frontend, history, ``demo:``, the toggle
  ``input_boolean.desk_presence``) with the integration linked into its
  ``custom_components``, bound to 127.0.0.1 on a free port;
- ``hass -c <folder> --skip-pip`` in a subprocess of this venv (which has the frontend);
- through Home Assistant's public HTTP API (``scripts/dev_bootstrap.py``, the same code
  ``scripts/develop`` runs): onboarding, the Desk Coach entry "Demo desk" with the demo's
  options and short intervals, and the "Desk Coach" dashboard with the card;
- headless Debian Chromium (``/usr/bin/chromium``, installed by ``scripts/ensure-chromium``)
  driven by Playwright; the walk logs in through Home Assistant's login page.

The server is stopped in the fixture's teardown, also when a test failed; the screenshots,
Home Assistant's log and the browser's console stay in ``e2e-artifacts/``.

pytest-homeassistant-custom-component blocks sockets in tests (pytest-socket: no sockets
but Unix ones, connections only to 127.0.0.1); these fixtures re-enable socket creation,
and every connection still goes to 127.0.0.1 only. Subprocesses are not affected.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any
import urllib.request

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright
import pytest
import pytest_socket

from custom_components.desk_coach.const import (
    CONF_AWAY_RESET,
    CONF_BREAK_DURATION,
    CONF_BREAK_INTERVAL,
    CONF_DAILY_SITTING_LIMIT,
    CONF_ESCALATION_COUNT,
    CONF_ESCALATION_DELAY,
    CONF_PRESENCE_DEBOUNCE,
    CONF_SNOOZE_MINUTES,
    CONF_STREAK_TARGET,
)
from scripts import dev_bootstrap

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "e2e-artifacts"
DOCS_SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM = Path(os.environ.get("DESK_COACH_CHROMIUM", "/usr/bin/chromium"))
# Chromium's flags for this closed network (see ../shared/SETUP.md)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_TIMEOUT = 180  # seconds: the first start compiles Home Assistant's bytecode
STOP_TIMEOUT = 30

# Short intervals, so the walk stays short: a 2-minute break interval (a real option: its
# minimum is 1), no presence debounce (sitting counts from the toggle on), a 1-minute
# snooze, and (as the demo desk has) active hours all day, every day, with the demo's
# speaker and light announcing.
BREAK_MINUTES = 2
SNOOZE_MINUTES = 1
COACHING = {
    CONF_BREAK_INTERVAL: BREAK_MINUTES,
    CONF_BREAK_DURATION: 30,
    CONF_AWAY_RESET: 2,
    CONF_PRESENCE_DEBOUNCE: 0,
    CONF_ESCALATION_DELAY: 5,
    CONF_ESCALATION_COUNT: 2,
    CONF_SNOOZE_MINUTES: SNOOZE_MINUTES,
    CONF_DAILY_SITTING_LIMIT: 8,
    CONF_STREAK_TARGET: 80,
}

_run: dict[str, float] = {}  # when the server was asked to start, for the summary


@dataclass
class Server:
    """The running Home Assistant and what the bootstrap made in it."""

    url: str
    config_dir: Path
    process: subprocess.Popen[bytes]
    tokens: dict[str, Any]
    entry_id: str
    device_id: str
    entities: dict[str, str]  # the desk's entity ids by "domain.translation_key"
    dashboard: dict[str, Any] = field(default_factory=dict)

    @property
    def log_file(self) -> Path:
        return self.config_dir / "home-assistant.log"

    def api(self, method: str, path: str, data: dict[str, Any] | None = None) -> Any:
        """Call the REST API as the onboarded user."""
        request = urllib.request.Request(  # noqa: S310 -- always http://127.0.0.1
            self.url + path,
            method=method,
            data=None if data is None else json.dumps(data).encode(),
            headers={
                "Authorization": f"Bearer {self.tokens['access_token']}",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            body = response.read()
        return json.loads(body) if body else None

    def state(self, entity_id: str) -> dict[str, Any]:
        return dict(self.api("GET", f"/api/states/{entity_id}"))

    def call(self, domain: str, service: str, **data: Any) -> None:
        self.api("POST", f"/api/services/{domain}/{service}", data)

    def set_options(self, step: str, values: dict[str, Any]) -> None:
        """Save one options page as the dialog does (menu → page → Save and close)."""
        flows = "/api/config/config_entries/options/flow"
        flow = self.api("POST", flows, {"handler": self.entry_id})
        self.api("POST", f"{flows}/{flow['flow_id']}", {"next_step_id": step})
        self.api("POST", f"{flows}/{flow['flow_id']}", values)
        self.api("POST", f"{flows}/{flow['flow_id']}", {"next_step_id": "done"})

    def options_shown(self, step: str) -> dict[str, Any]:
        """What an options page shows in its fields now (the dialog is then closed)."""
        flows = "/api/config/config_entries/options/flow"
        flow = self.api("POST", flows, {"handler": self.entry_id})
        page = self.api("POST", f"{flows}/{flow['flow_id']}", {"next_step_id": step})
        self.api("DELETE", f"{flows}/{flow['flow_id']}")
        return {
            field["name"]: (field.get("description") or {}).get("suggested_value")
            for field in page["data_schema"]
        }

    def entity(self, key: str) -> str:
        """The desk's entity with this "domain.translation_key"."""
        assert key in self.entities, f"the desk has no {key} entity: {sorted(self.entities)}"
        return self.entities[key]


def _allow_local_sockets() -> None:
    """Let this process open sockets again; pytest-socket still allows only 127.0.0.1."""
    pytest_socket.enable_socket()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_async[T](coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on a loop of its own (the harness's loop stays untouched)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coroutine)
    finally:
        loop.close()


def _write_config(config_dir: Path) -> None:
    """The development configuration, with the integration linked (not copied)."""
    shutil.copy(REPO / "config" / "configuration.yaml", config_dir / "configuration.yaml")
    (config_dir / "custom_components").mkdir()
    (config_dir / "custom_components" / "desk_coach").symlink_to(
        REPO / "custom_components" / "desk_coach", target_is_directory=True
    )


def _start_hass(config_dir: Path, port: int) -> subprocess.Popen[bytes]:
    try:
        import hass_frontend  # noqa: F401, PLC0415
    except ImportError:
        pytest.fail(
            "home-assistant-frontend is not installed in this venv: build it with "
            "`scripts/env test` (requirements_test.txt has it)"
        )
    env = {
        **os.environ,
        "DESK_COACH_HOST": "127.0.0.1",  # read by configuration.yaml
        "DESK_COACH_PORT": str(port),
        # compiled once next to the venv, shared with scripts/develop (not the work tree)
        "PYTHONPYCACHEPREFIX": str(Path(sys.prefix) / ".pycache-develop"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    output = (config_dir / "hass-output.txt").open("wb")
    with output:
        return subprocess.Popen(  # noqa: S603 -- this venv's own Python
            [sys.executable, "-m", "homeassistant", "-c", str(config_dir), "--skip-pip"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # a Ctrl-C of pytest does not reach it: we stop it
        )


def _stop_hass(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (Home Assistant saves and stops), SIGKILL when it takes too long."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


async def _bootstrap(url: str, process: subprocess.Popen[bytes]) -> dict[str, Any]:
    """What scripts/develop's bootstrap does, plus the desk's short intervals."""
    import aiohttp  # noqa: PLC0415

    deadline = time.monotonic() + STARTUP_TIMEOUT
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        client = dev_bootstrap.HomeAssistantClient(session, url)
        while True:
            if process.poll() is not None:
                raise dev_bootstrap.BootstrapError(
                    f"hass exited with status {process.returncode} during startup"
                )
            try:
                todo = await client.wait_until_answering(time.monotonic())
                break
            except dev_bootstrap.BootstrapError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.5)
        assert "user" in todo, f"a fresh configuration should need onboarding: {todo}"
        await client.create_user()
        await client.wait_until_running(deadline)
        await client.onboard(todo)
        entry = await client.add_desk()
        entry_id = entry["entry_id"]
        # the demo desk's options (as scripts/develop gives them), and the short intervals
        for step, values in {**dev_bootstrap.DEMO_OPTIONS, "coaching": COACHING}.items():
            await client.set_options(entry_id, step, values)
        dashboard = await client.add_dashboard(entry_id)
        assert dashboard is not None, "a fresh configuration has no saved dashboard"
        device_id, entities = await client.desk_entities(entry_id)
        return {
            "tokens": client.tokens,
            "entry_id": entry_id,
            "device_id": device_id,
            "entities": entities,
            "dashboard": dashboard,
        }


def _keep_artifacts(config_dir: Path) -> None:
    for name in ("home-assistant.log", "hass-output.txt"):
        with suppress(OSError):
            shutil.copy(config_dir / name, ARTIFACTS / name)


@pytest.fixture(autouse=True)
def verify_cleanup() -> None:
    """Replace the harness's leftovers check, made for a Home Assistant in this process.

    None runs here; and Playwright's synchronous API keeps its own event loop running
    between calls, which that check would take for the test's loop and try to run.
    """


@pytest.fixture(autouse=True)
def enable_event_loop_debug() -> None:
    """Replace the harness's: it would turn on asyncio's debug mode in Playwright's loop."""


@pytest.fixture(scope="module")
def artifacts() -> Path:
    """``e2e-artifacts/`` at the repository's root, emptied of the previous run's files."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.iterdir():
        if old.is_file() and old.suffix in {".png", ".log", ".txt"}:
            old.unlink()
    return ARTIFACTS


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium; missing it is a failure (never a skip)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: the end-to-end test drives Debian's Chromium. Install "
            "it with scripts/ensure-chromium (scripts/test does), or point "
            "DESK_COACH_CHROMIUM at a Chromium binary."
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> Iterator[Server]:
    """A real Home Assistant on 127.0.0.1, onboarded, with the demo desk and its dashboard."""
    _allow_local_sockets()
    config_dir = tmp_path_factory.mktemp("hass-config")
    _write_config(config_dir)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    _run["started"] = time.monotonic()
    process = _start_hass(config_dir, port)
    try:
        try:
            made = _run_async(_bootstrap(url, process))
        except (dev_bootstrap.BootstrapError, OSError, TimeoutError) as err:
            pytest.fail(
                f"Home Assistant at {url} could not be set up: {err} "
                f"(its log: {ARTIFACTS / 'home-assistant.log'})"
            )
        _run["ready"] = time.monotonic()
        yield Server(url=url, config_dir=config_dir, process=process, **made)
    finally:
        _stop_hass(process)
        _keep_artifacts(config_dir)
        _run["stopped"] = time.monotonic()


@dataclass
class BrowserRun:
    """The browser's page and what it reported."""

    page: Page
    failed: str = ""  # why the card could not be shown, once it could not
    logged_in: bool = False  # through Home Assistant's login page, as a person does
    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    shots: list[Path] = field(default_factory=list)

    def screenshot(self, name: str, docs: str | None = None) -> Path:
        """The page now, in e2e-artifacts/; ``docs``: also the picture README shows.

        README's pictures are written to docs/screenshots/ only when
        DESK_COACH_UPDATE_SCREENSHOTS=1 is set (a test run leaves the work tree alone).
        """
        path = ARTIFACTS / f"{len(self.shots) + 1:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)
        self.shots.append(path)
        if docs is not None:
            publish(path, docs)
        return path


def publish(path: Path, docs: str) -> None:
    """Copy a picture to docs/screenshots/ when DESK_COACH_UPDATE_SCREENSHOTS=1 is set."""
    if os.environ.get("DESK_COACH_UPDATE_SCREENSHOTS") == "1":
        shutil.copy(path, DOCS_SCREENSHOTS / docs)


@pytest.fixture(scope="module")
def browser(server: Server, chromium: Path) -> Iterator[BrowserRun]:
    """Headless Chromium, not logged in yet (the walk logs in through the login page)."""
    _allow_local_sockets()
    playwright: Playwright = sync_playwright().start()
    try:
        launched: Browser = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        context = launched.new_context(
            viewport={"width": 1280, "height": 900}, locale="en-US", color_scheme="light"
        )
        page = context.new_page()
        run = BrowserRun(page)
        page.on("console", lambda message: _console(run, message))
        page.on("pageerror", lambda error: run.page_errors.append(str(error)))
        yield run
        context.close()
        launched.close()
    finally:
        if "run" in locals():
            (ARTIFACTS / "browser-console.txt").write_text(
                "\n".join([*run.console, *(f"[pageerror] {e}" for e in run.page_errors)]) + "\n",
                encoding="utf-8",
            )
        playwright.stop()


def _console(run: BrowserRun, message: ConsoleMessage) -> None:
    run.console.append(f"[{message.type}] {message.text}")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say where the screenshots are and how long the server ran."""
    if "started" not in _run:
        return
    ready = _run.get("ready", _run["started"]) - _run["started"]
    total = _run.get("stopped", time.monotonic()) - _run["started"]
    shots = sorted(ARTIFACTS.glob("*.png"))
    terminalreporter.write_sep("-", "end-to-end test")
    terminalreporter.write_line(
        f"Home Assistant ready in {ready:.0f} s; server and browser ran {total:.0f} s"
    )
    terminalreporter.write_line(f"artifacts (screenshots, logs): {ARTIFACTS}")
    for shot in shots:
        terminalreporter.write_line(f"  {shot.relative_to(REPO)}")

"""Finish onboarding of the development Home Assistant and add the demo desk.

Run by ``scripts/develop`` with the venv's Python once the server answers; safe to run
again at any time (every step is skipped when already done). It only uses Home
Assistant's public HTTP API, the same calls the web UI makes:

1. onboarding: create the user (``POST /api/onboarding/users``), exchange the auth code
   for a token (``POST /auth/token``), set the time zone/country like the UI's location
   step does (websocket ``config/core/update``), then finish the ``core_config``,
   ``analytics`` and ``integration`` steps;
2. when onboarding was already done: log in with the development user through the login
   flow (``/auth/login_flow``) instead;
3. the Desk Coach config entry "Demo desk" on ``input_boolean.desk_presence``, through the
   config-flow API (``/api/config/config_entries/flow``), unless a desk_coach entry
   already exists; a desk added now gets the demo's options through the options flow
   (``/api/config/config_entries/options/flow``): breaks announced on the demo speaker and
   light, active hours all day every day, voice commands on;
4. the dashboard "Desk Coach" (``/desk-coach``, in the sidebar): the Desk Coach card of
   that desk and the demo desk's inputs, and a second view with the same desk in stock
   cards (websockets ``lovelace/dashboards/create`` and ``lovelace/config/save``), unless
   that dashboard exists.

The end-to-end test (tests/e2e) imports this module and runs the same steps against its
own server, so the browser there sees the dashboard ``scripts/develop`` shows.

Usage: dev_bootstrap.py [--url http://127.0.0.1:8123] [--timeout 120]
Exit status 0 when everything is done, 1 (with a message on stderr) otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import locale
import os
from pathlib import Path
import sys
import time
from typing import Any

import aiohttp

NAME = "Desk Coach developer"
USERNAME = "dev"
PASSWORD = "desk-coach-dev"  # noqa: S105 -- local development only
LANGUAGE = "en"
DOMAIN = "desk_coach"
PRESENCE = "input_boolean.desk_presence"
DESK = {"name": "Demo desk", "presence_entity": PRESENCE}
# the demo's speaker and light shown beside the card: the desk's announcement targets
SPEAKER = "media_player.living_room"  # a demo player that can play_media (speech)
LIGHT = "light.office_rgbw_lights"
# The demo desk's options, page by page (options flow step: values). Without a channel a
# due break would only turn the card red; with the default active hours (Monday-Friday
# 09-17) it would be quiet in the evening and at weekends, when people try the demo.
DEMO_OPTIONS: dict[str, dict[str, Any]] = {
    "announcements": {"media_players": [SPEAKER], "lights": [LIGHT]},
    "quiet": {
        "active_from": "00:00:00",
        "active_until": "23:59:59",
        "active_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    },
    # Assist's sentences in config/custom_sentences: "How long have I been sitting?"
    "voice": {"voice_sentences": True},
}
DASHBOARD = "desk-coach"  # its URL path (Home Assistant wants a hyphen in it)
OPTIONS_SAVE = "done"  # the options menu's "Save and close"


class BootstrapError(Exception):
    """A step failed; the message says which and why."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def log(message: str) -> None:
    print(f"dev_bootstrap: {message}", file=sys.stderr, flush=True)


def machine_time_zone() -> str | None:
    """The IANA name of this machine's time zone, if it can be told."""
    if tz := os.environ.get("TZ", "").lstrip(":"):
        return tz if "/" in tz or tz == "UTC" else None
    try:
        tz = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if tz:
            return tz
    except OSError:
        pass
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return None
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def machine_country() -> str | None:
    """A two-letter country code: $DESK_COACH_COUNTRY, else the locale's territory."""
    if country := os.environ.get("DESK_COACH_COUNTRY"):
        return country.upper()
    for value in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        # "en_US.UTF-8" -> "US"
        if value and "_" in value:
            territory = value.split("_", 1)[1][:2]
            if territory.isalpha() and len(territory) == 2:
                return territory.upper()
    return None


class HomeAssistantClient:
    """The few calls onboarding and the config flow need."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url.rstrip("/")
        self.client_id = f"{self.url}/"
        self.token: str | None = None
        self.tokens: dict[str, Any] = {}  # /auth/token's answer (with the refresh token)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        data: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200,),
        auth: bool = True,
    ) -> Any:
        headers = {}
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        async with self.session.request(
            method, self.url + path, json=json, data=data, headers=headers
        ) as response:
            body = await response.text()
            if response.status not in ok:
                raise BootstrapError(
                    f"{method} {path} answered {response.status}: {body[:500]}", response.status
                )
            return await response.json() if body else None

    async def wait_until_answering(self, deadline: float) -> set[str]:
        """Wait for the HTTP server; return the onboarding steps not done yet."""
        while True:
            try:
                status = await self.request("GET", "/api/onboarding", auth=False)
            except BootstrapError as err:
                if err.status == 404:  # onboarding is over: its views are gone
                    return set()
                raise
            except aiohttp.ClientError as err:
                if time.monotonic() > deadline:
                    raise BootstrapError(f"{self.url} does not answer: {err}") from err
            else:
                return {step["step"] for step in status if not step["done"]}
            await asyncio.sleep(0.5)

    async def wait_until_running(self, deadline: float) -> None:
        """Wait until startup is over (every integration of the configuration set up)."""
        while True:
            state = (await self.request("GET", "/api/core/state"))["state"]
            if state == "RUNNING":
                return
            if time.monotonic() > deadline:
                raise BootstrapError(f"Home Assistant still {state!r} after the timeout")
            await asyncio.sleep(0.5)

    async def token_from_code(self, code: str) -> None:
        tokens = await self.request(
            "POST",
            "/auth/token",
            data={"grant_type": "authorization_code", "code": code, "client_id": self.client_id},
            auth=False,
        )
        self.tokens = tokens
        self.token = tokens["access_token"]

    async def create_user(self) -> None:
        log(f"onboarding: creating the user {USERNAME!r}")
        result = await self.request(
            "POST",
            "/api/onboarding/users",
            json={
                "client_id": self.client_id,
                "name": NAME,
                "username": USERNAME,
                "password": PASSWORD,
                "language": LANGUAGE,
            },
            auth=False,
        )
        await self.token_from_code(result["auth_code"])

    async def log_in(self) -> None:
        flow = await self.request(
            "POST",
            "/auth/login_flow",
            json={
                "client_id": self.client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": self.client_id,
            },
            auth=False,
        )
        result = await self.request(
            "POST",
            f"/auth/login_flow/{flow['flow_id']}",
            json={"client_id": self.client_id, "username": USERNAME, "password": PASSWORD},
            auth=False,
        )
        if result.get("type") != "create_entry":
            raise BootstrapError(
                f"cannot log in as {USERNAME!r} with the development password "
                f"({result.get('errors')}); finish the setup in the browser instead"
            )
        await self.token_from_code(result["result"])

    async def websocket_command(self, command: dict[str, Any]) -> Any:
        ws_url = self.url.replace("http", "ws", 1) + "/api/websocket"
        async with self.session.ws_connect(ws_url) as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": self.token})
            if (answer := await ws.receive_json())["type"] != "auth_ok":
                raise BootstrapError(f"websocket authentication failed: {answer}")
            await ws.send_json({"id": 1, **command})
            answer = await ws.receive_json()
            if not answer.get("success"):
                raise BootstrapError(f"{command['type']} failed: {answer.get('error')}")
            return answer.get("result")

    async def onboard(self, todo: set[str]) -> None:
        if "core_config" in todo:
            # What the UI's "Home location" step saves before finishing the step. The demo
            # already placed home in San Diego; keep that, take the machine's time zone.
            core: dict[str, Any] = {"unit_system": "metric"}
            if tz := machine_time_zone():
                core["time_zone"] = tz
            if country := machine_country():
                core["country"] = country
            try:
                await self.websocket_command({"type": "config/core/update", **core})
                log(f"onboarding: core configuration {core}")
            except BootstrapError as err:  # not worth failing the whole setup for
                log(f"onboarding: core configuration not saved ({err}); set it in the UI")
            await self.request("POST", "/api/onboarding/core_config", json={})
        if "analytics" in todo:
            # Analytics stays off (the default); this only marks the step as seen.
            await self.request("POST", "/api/onboarding/analytics", json={})
        if "integration" in todo:
            await self.request(
                "POST",
                "/api/onboarding/integration",
                json={"client_id": self.client_id, "redirect_uri": self.client_id},
            )
        log("onboarding: done")

    async def add_desk(self) -> dict[str, Any]:
        """Add the demo desk unless there is a desk; return the (first) desk's entry.

        A desk added now gets the demo's options (DEMO_OPTIONS); one found is left as it is.
        """
        entries = await self.request("GET", f"/api/config/config_entries/entry?domain={DOMAIN}")
        if entries:
            titles = ", ".join(repr(entry["title"]) for entry in entries)
            log(f"Desk Coach already has {len(entries)} desk(s): {titles}; not adding one")
            return dict(entries[0])
        flow = await self.request(
            "POST",
            "/api/config/config_entries/flow",
            json={"handler": DOMAIN, "show_advanced_options": False},
            ok=(200, 201),
        )
        if flow.get("type") != "form" or flow.get("step_id") != "user":
            raise BootstrapError(f"unexpected start of the Desk Coach config flow: {flow}")
        result = await self.request(
            "POST", f"/api/config/config_entries/flow/{flow['flow_id']}", json=DESK
        )
        if result.get("type") != "create_entry":
            raise BootstrapError(f"the Desk Coach config flow did not create the desk: {result}")
        entry = result["result"]
        log(f"added the desk {entry['title']!r} (entry {entry['entry_id']}, {entry['state']})")
        await self.configure_demo_desk(entry["entry_id"])
        return dict(entry)

    async def configure_demo_desk(self, entry_id: str) -> None:
        """Give the desk the demo's options (DEMO_OPTIONS), page by page."""
        for step, values in DEMO_OPTIONS.items():
            await self.set_options(entry_id, step, values)
        log(
            f"the desk announces on {SPEAKER} and {LIGHT}, all day every day; voice commands are on"
        )

    async def set_options(self, entry_id: str, step: str, values: dict[str, Any]) -> None:
        """Save one page of a config entry's options flow (the menu's ``step``).

        The page goes back to the options menu; its "Save and close" (``done``) saves.
        """
        base = "/api/config/config_entries/options/flow"
        flow = await self.request("POST", base, json={"handler": entry_id}, ok=(200, 201))
        if flow.get("type") == "menu":
            flow = await self.request(
                "POST", f"{base}/{flow['flow_id']}", json={"next_step_id": step}
            )
        if flow.get("type") != "form" or flow.get("step_id") != step:
            raise BootstrapError(f"the options flow did not show the page {step!r}: {flow}")
        result = await self.request("POST", f"{base}/{flow['flow_id']}", json=values)
        if result.get("type") == "menu" and OPTIONS_SAVE in result.get("menu_options", ()):
            result = await self.request(
                "POST", f"{base}/{flow['flow_id']}", json={"next_step_id": OPTIONS_SAVE}
            )
        if result.get("type") != "create_entry":
            raise BootstrapError(f"the options page {step!r} refused {values}: {result}")

    async def desk_entities(self, entry_id: str) -> tuple[str, dict[str, str]]:
        """The desk's device id, and its entities by translation key (as the card finds them)."""
        registry = await self.websocket_command({"type": "config/entity_registry/list"})
        entities: dict[str, str] = {}
        device_id = ""
        for entity in registry:
            if entity.get("config_entry_id") != entry_id or not entity.get("translation_key"):
                continue
            device_id = entity.get("device_id") or device_id
            domain = entity["entity_id"].split(".", 1)[0]
            entities[f"{domain}.{entity['translation_key']}"] = entity["entity_id"]
        if not device_id:
            raise BootstrapError(f"the desk {entry_id} has no device with entities")
        return device_id, entities

    async def add_dashboard(self, entry_id: str) -> dict[str, Any] | None:
        """Add the "Desk Coach" dashboard unless it exists; return its config if added."""
        dashboards = await self.websocket_command({"type": "lovelace/dashboards/list"})
        if any(item.get("url_path") == DASHBOARD for item in dashboards):
            log(f"dashboard: /{DASHBOARD} exists; not replacing it")
            return None
        device_id, entities = await self.desk_entities(entry_id)
        config = dashboard_config(device_id, entities)
        await self.websocket_command(
            {
                "type": "lovelace/dashboards/create",
                "url_path": DASHBOARD,
                "title": "Desk Coach",
                "icon": "mdi:desk",
                "show_in_sidebar": True,
                "require_admin": False,
            }
        )
        await self.websocket_command(
            {"type": "lovelace/config/save", "url_path": DASHBOARD, "config": config}
        )
        log(f"dashboard: the Desk Coach card is on /{DASHBOARD}")
        return config


def dashboard_config(device_id: str, entities: dict[str, str]) -> dict[str, Any]:
    """The dashboard: the card, the demo desk's inputs; and the desk in stock cards.

    ``entities``: the desk's entity ids by "domain.translation_key".
    """

    def rows(*keys: str) -> list[Any]:
        return [entities[key] for key in keys if key in entities]

    inputs = {
        "type": "entities",
        "title": "The demo desk",
        "entities": [PRESENCE, SPEAKER, LIGHT],
    }
    stock = [
        {"type": "tile", "entity": PRESENCE},
        {
            "type": "entities",
            "title": DESK["name"],
            "entities": [
                *(
                    {"entity": entities[key], "format": "relative"}
                    for key in ("sensor.next_break",)
                    if key in entities
                ),
                *rows(
                    "sensor.break_status",
                    "sensor.sitting_today",
                    "sensor.breaks_taken_today",
                    "sensor.breaks_skipped_today",
                    "sensor.breaks_missed_today",
                    "sensor.routine",
                    "button.take_break",
                    "button.snooze",
                    "number.break_interval",
                ),
            ],
        },
    ]
    if "sensor.sitting_today" in entities:
        stock.append(
            {
                "type": "statistics-graph",
                "title": "Sitting per day",
                "entities": [entities["sensor.sitting_today"]],
                "period": "day",
                "days_to_show": 7,
                "stat_types": ["change"],  # total_increasing: a day's change is its sitting
                "chart_type": "bar",
            }
        )
    return {
        "title": "Desk Coach",
        "views": [
            {
                "title": "Desk",
                "path": "desk",
                "cards": [{"type": "custom:desk-coach-card", "device_id": device_id}, inputs],
            },
            {"title": "Stock cards", "path": "stock-cards", "cards": stock},
        ],
    }


async def bootstrap(url: str, wait_seconds: float) -> None:
    deadline = time.monotonic() + wait_seconds
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        client = HomeAssistantClient(session, url)
        todo = await client.wait_until_answering(deadline)
        if "user" in todo:
            await client.create_user()
        else:
            await client.log_in()
        await client.wait_until_running(deadline)
        if todo:
            await client.onboard(todo)
        else:
            log("onboarding: already done")
        entry = await client.add_desk()
        await client.add_dashboard(entry["entry_id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    port = os.environ.get("DESK_COACH_PORT", "8123")
    parser.add_argument("--url", default=f"http://127.0.0.1:{port}")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for startup")
    args = parser.parse_args()
    try:
        asyncio.run(bootstrap(args.url, args.timeout))
    except (BootstrapError, aiohttp.ClientError, TimeoutError) as err:
        log(f"failed: {err}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

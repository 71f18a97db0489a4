"""End to end: the Desk Coach card in a real browser, on a real Home Assistant.

What a person sees on the dashboard, step by step (the tests run in this order and share
one server and one browser page; each makes sure of its own preconditions, so one can also
be run alone with -k):

1. before anyone sits: sitting "0 min", an empty ring, snooze not available;
2. the presence toggle goes on (the REST API, as the desk's sensor would): the ring starts
   filling and "Next break in 5 min" counts down; a real minute later the sitting total
   says "1 min" and the ring is a fifth full;
3. "Snooze" in the card: the next break moves to the snooze length;
4. "Stretch" in the card: the stretching routine's first exercise, then "Stop";
5. neither Home Assistant's log nor the browser reports an error of Desk Coach's.

A screenshot after each step goes to e2e-artifacts/ (see conftest.py for the setup).
"""

from __future__ import annotations

from datetime import datetime, timedelta
import re
import time
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, expect
import pytest

from custom_components.desk_coach.const import MIN_BREAK_INTERVAL, ROUTINE_STRETCHING
from custom_components.desk_coach.exercises import load_library, load_texts
from scripts.dev_bootstrap import DASHBOARD, DESK, PRESENCE

from .conftest import ARTIFACTS, SNOOZE_MINUTES, BrowserRun, Server

# sockets for this test's calls to 127.0.0.1 (the harness blocks them otherwise)
pytestmark = pytest.mark.usefixtures("socket_enabled")

RING_PERCENT = re.compile(r"^(\d+) % of the way to the next break$")
NO_BREAKS_YET = "0 taken 0 skipped 0 missed"  # whitespace is normalized
FIRST_LOAD = 60_000  # ms: the frontend's first load on a busy two-core machine
UPDATE = 15_000  # ms: a state change reaching the card
ONE_MINUTE_SAT = 100  # s: waiting for the first whole minute of sitting


def open_card(server: Server, browser: BrowserRun) -> Locator:
    """The card on the dashboard's Desk view (opened on first use)."""
    if browser.failed:  # once is enough: no waiting for it again in every test
        pytest.fail(browser.failed)
    page = browser.page
    view = f"/{DASHBOARD}/desk"
    if view not in page.url:
        page.goto(server.url + view)
    card = page.locator("desk-coach-card")
    heading = card.get_by_role("heading", name=DESK["name"])
    try:
        expect(heading).to_be_visible(timeout=FIRST_LOAD)
    except AssertionError as err:
        browser.screenshot("card-missing")
        browser.failed = f"the card does not show the desk: {card_diagnosis(page)}"
        raise AssertionError(browser.failed) from err
    return card


def card_diagnosis(page: Page) -> str:
    """Why the card is missing, in words (the frontend only says "Configuration error")."""
    found = page.evaluate(
        """() => {
          const errors = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll("*")) {
              if (el.localName === "hui-error-card" && el._config) errors.push(el._config.message);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return {
            registered: !!customElements.get("desk-coach-card"),
            listed: (window.customCards || []).some((c) => c.type === "desk-coach-card"),
            errors,
          };
        }"""
    )
    if found["listed"] and not found["registered"]:
        return (
            "the card's module ran (window.customCards lists it) but desk-coach-card is not in "
            "the registry the frontend uses: it was defined before Home Assistant's app "
            "replaced window.customElements with its scoped registry (a race of "
            "add_extra_js_url modules, home-assistant/frontend#53890); error cards: "
            f"{found['errors']}"
        )
    if not found["listed"]:
        return f"the card's module did not run (not loaded?); error cards: {found['errors']}"
    return f"registered, but the desk is not shown; error cards: {found['errors']}"


def ring_percent(card: Locator) -> int:
    label = card.get_by_role("img", name=RING_PERCENT).get_attribute("aria-label") or ""
    match = RING_PERCENT.match(label)
    assert match, f"the ring's label: {label!r}"
    return int(match.group(1))


def sitting(card: Locator) -> Locator:
    return card.locator("dd.sitting")


def headline(card: Locator) -> Locator:
    return card.locator(".ring-row .headline")


def breaks(card: Locator) -> Locator:
    return card.get_by_role("group", name="Breaks")


def button(card: Locator, label: str) -> Locator:
    return card.get_by_role("button", name=label, exact=True)


def timestamp(server: Server, key: str) -> datetime:
    return datetime.fromisoformat(server.state(server.entity(key))["state"])


def after_midnight_if_near(server: Server) -> None:
    """Sit after midnight when it is near: the day's sitting starts again at midnight."""
    zone = ZoneInfo(server.api("GET", "/api/config")["time_zone"])
    now = datetime.now(zone)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), zone)
    if (left := (midnight - now).total_seconds()) < ONE_MINUTE_SAT + 10:
        time.sleep(left + 2)


def test_before_anyone_sits(server: Server, browser: BrowserRun) -> None:
    """Nobody sat yet: 0 min, an empty ring, nothing to snooze."""
    card = open_card(server, browser)
    expect(sitting(card)).to_have_text("0 min")
    expect(card.get_by_role("img", name=RING_PERCENT)).to_have_attribute(
        "aria-label", "0 % of the way to the next break"
    )
    expect(headline(card)).not_to_contain_text("Next break")
    expect(breaks(card)).to_have_text(NO_BREAKS_YET)
    expect(button(card, "Snooze the break")).to_be_disabled()
    expect(button(card, "Start the stretching routine")).to_be_enabled()
    browser.screenshot("before-sitting")


def test_sitting_moves_the_ring_and_the_counters(server: Server, browser: BrowserRun) -> None:
    """Presence on: the countdown starts, the ring fills, a minute later 1 min is counted."""
    card = open_card(server, browser)
    after_midnight_if_near(server)
    server.call("input_boolean", "turn_on", entity_id=PRESENCE)
    expect(headline(card)).to_have_text(f"Next break in {MIN_BREAK_INTERVAL} min", timeout=UPDATE)
    expect(button(card, "Snooze the break")).to_be_enabled()
    # 1 % of a 5-minute interval is 3 s: the ring moves by itself (no state change needed)
    expect(card.get_by_role("img", name=RING_PERCENT)).not_to_have_attribute(
        "aria-label", "0 % of the way to the next break", timeout=UPDATE
    )
    browser.screenshot("sitting-started")

    # a real minute of sitting (the sensor counts whole minutes)
    expect(sitting(card)).not_to_have_text("0 min", timeout=ONE_MINUTE_SAT * 1000)
    expect(sitting(card)).to_have_text(re.compile(r"^[1-9]\d* min$"))
    assert float(server.state(server.entity("sensor.sitting_today"))["state"]) >= 1
    expect(headline(card)).to_have_text(
        re.compile(rf"^Next break in [1-{MIN_BREAK_INTERVAL - 1}] min$")
    )
    # a minute of a 5-minute interval: a fifth of the ring (rounded, and a second late)
    assert ring_percent(card) >= 100 // MIN_BREAK_INTERVAL - 1
    expect(breaks(card)).to_have_text(NO_BREAKS_YET)
    browser.screenshot("sitting-one-minute")


def test_snooze_moves_the_next_break(server: Server, browser: BrowserRun) -> None:
    """The card's snooze button: the next break is the snooze length away."""
    card = open_card(server, browser)
    server.call("input_boolean", "turn_on", entity_id=PRESENCE)  # sitting (if run alone)
    snooze = button(card, "Snooze the break")
    expect(snooze).to_be_enabled(timeout=UPDATE)
    expect(headline(card)).to_have_text(
        re.compile(rf"^Next break in [1-{MIN_BREAK_INTERVAL}] min$"), timeout=UPDATE
    )
    before = timestamp(server, "sensor.next_break")

    snooze.click()

    expect(headline(card)).to_have_text(f"Next break in {SNOOZE_MINUTES} min", timeout=UPDATE)
    expect(card.locator(".ring-row .secondary")).to_have_text("Snoozed")
    assert server.state(server.entity("sensor.break_status"))["state"] == "snoozed"
    after = timestamp(server, "sensor.next_break")
    assert after - before >= timedelta(minutes=SNOOZE_MINUTES - MIN_BREAK_INTERVAL)
    browser.screenshot("snoozed")


def test_stretching_shows_the_first_exercise(server: Server, browser: BrowserRun) -> None:
    """The card's stretch button: the routine's first exercise, its name in English."""
    library = load_library()
    texts = load_texts("en")
    first = library.routines[ROUTINE_STRETCHING].items[0].exercise
    card = open_card(server, browser)

    button(card, "Start the stretching routine").click()

    routine = card.locator("section.routine")
    expect(routine.locator(".exercise")).to_have_text(texts.exercises[first].name, timeout=UPDATE)
    expect(routine.locator(".routine-name")).to_have_text(texts.routines[ROUTINE_STRETCHING])
    expect(routine.locator(".routine-head")).to_contain_text(re.compile(r"Step 1 of \d+"))
    expect(button(card, "Start the stretching routine")).to_be_disabled()
    assert server.state(server.entity("sensor.routine"))["state"] == "running"
    browser.screenshot("stretching")

    button(card, "Stop the routine").click()
    expect(routine).to_have_count(0, timeout=UPDATE)
    expect(button(card, "Start the stretching routine")).to_be_enabled()
    browser.screenshot("stretching-stopped")


def card_background(card: Locator) -> str:
    """The card's computed background colour (its ha-card)."""
    return str(
        card.evaluate(
            "(el) => getComputedStyle(el.shadowRoot.querySelector('ha-card') || el).backgroundColor"
        )
    )


def test_the_card_in_light_and_dark_and_at_phone_width(server: Server, browser: BrowserRun) -> None:
    """It follows the theme and fits a phone; pictures of each for the README."""
    card = open_card(server, browser)
    page = browser.page
    button(card, "Start the stretching routine").click()
    expect(card.locator("section.routine .exercise")).to_be_visible(timeout=UPDATE)
    light = card_background(card)
    card.screenshot(path=ARTIFACTS / "card-light.png")
    page.emulate_media(color_scheme="dark")
    deadline = time.monotonic() + UPDATE / 1000
    while card_background(card) == light and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert card_background(card) != light, "the card did not follow the dark theme"
    card.screenshot(path=ARTIFACTS / "card-dark.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)  # the dashboard lays itself out again
    box = card.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390
    page.screenshot(path=ARTIFACTS / "card-phone.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme="light")
    button(card, "Stop the routine").click()
    expect(card.locator("section.routine")).to_have_count(0, timeout=UPDATE)


def test_no_errors_from_desk_coach(server: Server, browser: BrowserRun) -> None:
    """Nothing Desk Coach did was logged as an error, in the server or in the page."""
    log = server.log_file.read_text(encoding="utf-8")
    errors = [
        line
        for line in log.splitlines()
        if re.match(r"^\S+ \S+ (ERROR|CRITICAL) ", line) and "desk_coach" in line
    ]
    assert not errors, "\n".join(errors)
    assert "custom_components/desk_coach/" not in log, "a traceback through Desk Coach's code"
    ours = [
        message
        for message in [*browser.page_errors, *browser.console]
        if re.search(r"desk[-_]coach", message, re.IGNORECASE)
        and (message in browser.page_errors or message.startswith("[error]"))
    ]
    assert not ours, "\n".join(ours)

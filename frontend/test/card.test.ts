import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { DeskCoachCard } from "../src/desk-coach-card";
import {
  DEVICE,
  ENTRY,
  LEVEL_2,
  NOW,
  PREVIEWS,
  STRETCH_STEP,
  entity,
  makeHass,
  withStates,
  type FakeHass,
} from "./fixtures";

const CONFIG = { type: "custom:desk-coach-card", device_id: DEVICE };

async function mount(hass: FakeHass, config: Record<string, unknown> = CONFIG) {
  const card = document.createElement("desk-coach-card") as DeskCoachCard;
  card.setConfig(config as never);
  card.hass = hass;
  document.body.append(card);
  await card.updateComplete;
  return card;
}

const root = (card: DeskCoachCard): ShadowRoot => card.shadowRoot!;
const text = (card: DeskCoachCard, selector: string): string =>
  root(card).querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
const button = (card: DeskCoachCard, action: string): HTMLButtonElement =>
  root(card).querySelector(`button[data-action="${action}"]`)!;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["setInterval", "clearInterval", "Date"] });
});

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  vi.useRealTimers();
});

const at = (ms: number): string => new Date(ms).toISOString();
const withRoutine = (state: string, attributes: Record<string, unknown>) =>
  withStates(makeHass(), entity("sensor.office_desk_routine", state, attributes));

describe("the card", () => {
  it("shows the desk, the countdown and today's totals", async () => {
    const card = await mount(makeHass());
    expect(text(card, "h2")).toBe("Office desk");
    expect(text(card, ".headline")).toBe("Next break in 12 min");
    expect(text(card, ".ring .center")).toBe("12 min");
    expect(text(card, ".secondary")).toBe("Sitting");
    expect(root(card).querySelector(".ring")!.getAttribute("aria-label")).toBe(
      "60 % of the way to the next break",
    );
    expect(text(card, ".today .sitting")).toBe("3 h 10 min");
    expect(text(card, ".today .breaks")).toBe("3 taken 1 skipped 0 missed");
    expect(root(card).querySelector(".today .longest")).toBeNull(); // disabled by default
  });

  it("counts down by itself, without state updates", async () => {
    const hass = makeHass();
    const card = await mount(hass);
    vi.advanceTimersByTime(60_000);
    await card.updateComplete;
    expect(text(card, ".headline")).toBe("Next break in 11 min");
    vi.advanceTimersByTime(11 * 60_000);
    await card.updateComplete;
    expect(text(card, ".headline")).toBe("Time for a break");
    expect(root(card).querySelector(".ring.due")).not.toBeNull();
  });

  it("stops ticking when taken off the page", async () => {
    const card = await mount(makeHass());
    const render = vi.spyOn(card as unknown as { render(): unknown }, "render");
    card.remove();
    vi.advanceTimersByTime(120_000);
    await card.updateComplete;
    expect(render).not.toHaveBeenCalled();
  });

  it("re-renders once a second at most while counting down", async () => {
    const card = await mount(makeHass());
    const render = vi.spyOn(card as unknown as { render(): unknown }, "render");
    vi.advanceTimersByTime(5_000);
    await card.updateComplete;
    expect(render.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it("re-renders once a minute at most while nothing counts down", async () => {
    const hass = withStates(makeHass(), entity("sensor.office_desk_next_break", "unknown"));
    const card = await mount(hass);
    const render = vi.spyOn(card as unknown as { render(): unknown }, "render");
    vi.advanceTimersByTime(59_000);
    await card.updateComplete;
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    await card.updateComplete;
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("follows the break status", async () => {
    const hass = makeHass();
    const card = await mount(hass);
    card.hass = withStates(
      hass,
      entity("sensor.office_desk_break_status", "away"),
      entity("sensor.office_desk_next_break", "unknown"),
    );
    await card.updateComplete;
    expect(text(card, ".headline")).toBe("Away");
    expect(button(card, "take_break").disabled).toBe(true);
    expect(button(card, "snooze").disabled).toBe(true);
  });

  it("ignores updates of other entities", async () => {
    const hass = makeHass();
    const card = await mount(hass);
    const render = vi.spyOn(card as unknown as { render(): unknown }, "render");
    const lampOff = withStates(hass, entity("light.desk_lamp", "off"));
    card.hass = lampOff;
    await card.updateComplete;
    expect(render).not.toHaveBeenCalled();
    card.hass = withStates(lampOff, entity("sensor.office_desk_breaks_taken_today", "4"));
    await card.updateComplete;
    expect(render).toHaveBeenCalledTimes(1);
    expect(text(card, ".today .breaks")).toBe("4 taken 1 skipped 0 missed");
  });

  it("speaks German to German users", async () => {
    const card = await mount(makeHass({ locale: { language: "de" }, language: "de" }));
    expect(text(card, ".headline")).toBe("Nächste Pause in 12 min");
    expect(text(card, ".today h3")).toBe("Heute");
    expect(button(card, "take_break").getAttribute("aria-label")).toBe(
      "Pause gemacht: jetzt eine Pause zählen",
    );
  });

  it("shows names as text, never as HTML", async () => {
    const hass = makeHass();
    hass.devices[DEVICE]!.name_by_user = "<img src=x onerror=alert(1)>";
    const card = await mount(hass);
    expect(text(card, "h2")).toBe("<img src=x onerror=alert(1)>");
    expect(root(card).querySelector("h2 img")).toBeNull();
  });

  it("asks to pick a desk, or says the desk is gone", async () => {
    let card = await mount(makeHass(), { type: "custom:desk-coach-card" });
    expect(text(card, ".message")).toBe("Pick a desk in the card's editor.");
    card = await mount(makeHass(), { type: "custom:desk-coach-card", device_id: "gone" });
    expect(text(card, ".message")).toContain("no longer exists");
  });

  it("hides the sections switched off", async () => {
    const card = await mount(makeHass(), {
      ...CONFIG,
      show_ring: false,
      show_today: false,
      show_buttons: false,
      show_week: false,
    });
    expect(root(card).querySelectorAll("section")).toHaveLength(0);
    expect(card.getCardSize()).toBe(1);
  });

  it("refuses a config of the wrong types", () => {
    const card = document.createElement("desk-coach-card") as DeskCoachCard;
    expect(() => card.setConfig(null as never)).toThrow();
    expect(() => card.setConfig({ type: "x", device_id: 3 } as never)).toThrow(/device_id/);
    expect(() => card.setConfig({ type: "x", show_week: "no" } as never)).toThrow(/show_week/);
  });
});

describe("the buttons", () => {
  it("have labels for screen readers", async () => {
    const card = await mount(makeHass());
    const buttons = [...root(card).querySelectorAll("button")];
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Break done: count a break now",
      "Snooze the break",
      "Start the stretching routine",
      "Start the strengthening routine",
      "Pause the reminders until the active hours start tomorrow",
    ]);
  });

  it("offer Skip only while a break is due", async () => {
    const hass = makeHass();
    const card = await mount(hass);
    expect(root(card).querySelector('[data-action="skip_break"]')).toBeNull();
    card.hass = withStates(
      hass,
      entity("sensor.office_desk_break_status", "due"),
      entity("sensor.office_desk_next_break", new Date(NOW - 60_000).toISOString()),
    );
    await card.updateComplete;
    button(card, "skip_break").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "skip_break", {
      config_entry_id: ENTRY,
    });
  });

  it("pause the reminders until tomorrow, show until when, and resume them", async () => {
    const hass = makeHass();
    const card = await mount(hass);
    expect(root(card).querySelector(".pause-row .paused")).toBeNull();
    button(card, "pause_reminders").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "pause_reminders", {
      config_entry_id: ENTRY,
      until_active_hours: true,
    });
    // Wednesday 09:00 in Los Angeles: the next day, so its weekday is named
    const until = new Date(NOW + 24 * 3_600_000).toISOString();
    card.hass = withStates(
      hass,
      entity("sensor.office_desk_break_status", "quiet", { paused_until: until }),
    );
    await card.updateComplete;
    expect(text(card, ".pause-row .paused")).toMatch(/^Reminders paused until Wed.* 09:00/);
    expect(root(card).querySelector('[data-action="pause_reminders"]')).toBeNull();
    await vi.waitFor(() => expect(button(card, "resume_reminders").disabled).toBe(false));
    button(card, "resume_reminders").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "resume_reminders", {
      config_entry_id: ENTRY,
    });
  });

  it("say a pause in German, without the weekday on the same day", async () => {
    const hass = makeHass({ locale: { language: "de" }, language: "de" });
    const card = await mount(hass);
    card.hass = withStates(
      hass,
      entity("sensor.office_desk_break_status", "quiet", {
        paused_until: new Date(NOW + 2 * 3_600_000).toISOString(),
      }),
    );
    await card.updateComplete;
    expect(text(card, ".pause-row .paused")).toBe("Erinnerungen pausiert bis 11:00");
    expect(button(card, "resume_reminders").textContent?.trim()).toBe("Erinnerungen an");
  });

  it.each([
    ["take_break", "take_break", {}],
    ["snooze", "snooze", {}],
    ["stretching", "start_routine", { routine: "stretching" }],
    ["strengthening", "start_routine", { routine: "strengthening" }],
  ])("%s calls desk_coach.%s for this desk", async (action, service, data) => {
    const hass = makeHass();
    const card = await mount(hass);
    button(card, action).click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", service, {
      config_entry_id: ENTRY,
      ...data,
    });
  });

  it("names the desk by config_entry_id on Home Assistant 2026.8 and later", async () => {
    const hass = makeHass();
    hass.devices[DEVICE] = {
      id: DEVICE,
      name: "Office desk",
      name_by_user: null,
      config_entry_id: ENTRY,
    };
    const card = await mount(hass);
    button(card, "take_break").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "take_break", {
      config_entry_id: ENTRY,
    });
  });

  it("wait while an action runs and survive a refusal", async () => {
    const hass = makeHass();
    let refuse: (error: Error) => void = () => undefined;
    hass.callService.mockImplementation(() => new Promise((_, reject) => (refuse = reject)));
    const card = await mount(hass);
    button(card, "snooze").click();
    await card.updateComplete;
    expect(button(card, "take_break").disabled).toBe(true);
    refuse(new Error("Nobody is sitting at Office desk."));
    await vi.waitFor(() => expect(button(card, "take_break").disabled).toBe(false));
  });
});

describe("a running routine", () => {
  it("shows the exercise, its cues, the set and the hold counting down", async () => {
    const card = await mount(withRoutine("running", STRETCH_STEP));
    expect(text(card, ".routine .exercise")).toBe("Doorway chest stretch");
    expect(text(card, ".routine .routine-name")).toBe("Stretching");
    expect(text(card, ".routine .secondary")).toBe("Set 1 of 2");
    expect(
      [...root(card).querySelectorAll(".routine .cues li")].map((li) => li.textContent),
    ).toEqual(STRETCH_STEP.cues);
    expect(text(card, ".routine .countdown")).toBe("0:25");
    vi.advanceTimersByTime(3_000);
    await card.updateComplete;
    expect(text(card, ".routine .countdown")).toBe("0:22");
    expect(button(card, "stretching").disabled).toBe(true); // one routine at a time
  });

  it.each([
    ["pause_routine", "pause_routine", {}],
    ["next_step", "next_step", {}],
    ["stop_routine", "stop_routine", {}],
    ["pain", "stop_routine", { reason: "pain" }],
  ])("%s calls desk_coach.%s", async (action, service, data) => {
    const hass = withRoutine("running", STRETCH_STEP);
    const card = await mount(hass);
    button(card, action).click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", service, {
      config_entry_id: ENTRY,
      ...data,
    });
  });

  it("lets 'that hurts' through even while another action runs", async () => {
    const hass = withRoutine("running", STRETCH_STEP);
    hass.callService.mockImplementationOnce(() => new Promise(() => undefined));
    const card = await mount(hass);
    button(card, "next_step").click();
    await card.updateComplete;
    expect(button(card, "stop_routine").disabled).toBe(true);
    expect(button(card, "pain").disabled).toBe(false);
    button(card, "pain").click();
    expect(hass.callService).toHaveBeenLastCalledWith("desk_coach", "stop_routine", {
      config_entry_id: ENTRY,
      reason: "pain",
    });
  });

  it("shows Listen… while the step is said, then counts the 30-second hold from 0:30", async () => {
    const card = await mount(
      withRoutine("running", {
        ...STRETCH_STEP,
        phase: "listen",
        phase_ends_at: at(NOW + 12_000),
        step_ends_at: at(NOW + 42_000),
      }),
    );
    expect(text(card, ".routine .task-name")).toBe("Hold");
    expect(text(card, ".routine .listen")).toBe("Listen…");
    expect(root(card).querySelector(".routine .countdown")).toBeNull();
    vi.advanceTimersByTime(11_000);
    await card.updateComplete;
    expect(text(card, ".routine .listen")).toBe("Listen…");
    vi.advanceTimersByTime(1_000); // the words are said: no need to wait for the update
    await card.updateComplete;
    expect(root(card).querySelector(".routine .listen")).toBeNull();
    expect(text(card, ".routine .countdown")).toBe("0:30");
    vi.advanceTimersByTime(1_000);
    await card.updateComplete;
    expect(text(card, ".routine .countdown")).toBe("0:29");
    card.hass = withRoutine("running", {
      ...STRETCH_STEP,
      phase: "hold",
      phase_ends_at: at(NOW + 42_000),
      step_ends_at: at(NOW + 42_000),
    });
    vi.advanceTimersByTime(1_000);
    await card.updateComplete;
    expect(text(card, ".routine .countdown")).toBe("0:28");
  });

  it("renders a state update at the current second, not at the last tick's", async () => {
    const step = { ...STRETCH_STEP, step_ends_at: at(NOW + 25_500) };
    const card = await mount(withRoutine("running", step));
    expect(text(card, ".routine .countdown")).toBe("0:26");
    vi.advanceTimersByTime(600); // no tick yet
    card.hass = withRoutine("running", { ...step, phase: "hold" });
    await card.updateComplete;
    expect(text(card, ".routine .countdown")).toBe("0:25");
  });

  it("shows Listen… while paused before the hold began", async () => {
    const card = await mount(
      withRoutine("paused", {
        ...STRETCH_STEP,
        phase: "listen",
        phase_ends_at: null,
        step_ends_at: null,
        remaining_seconds: 38,
      }),
    );
    expect(text(card, ".routine .listen")).toBe("Listen…");
    expect(root(card).querySelector(".routine .countdown")).toBeNull();
  });

  it("offers resume while paused", async () => {
    const hass = withRoutine("paused", { ...STRETCH_STEP, remaining_seconds: 14 });
    const card = await mount(hass);
    expect(button(card, "pause_routine")).toBeNull();
    expect(text(card, ".routine .countdown")).toBe("0:14");
    button(card, "resume_routine").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "resume_routine", {
      config_entry_id: ENTRY,
    });
    expect(button(card, "pain").getAttribute("aria-label")).toBe(
      "That hurts: stop the routine now",
    );
  });
});

describe("the week", () => {
  it("reads daily sitting from the long-term statistics and draws 7 bars", async () => {
    const hass = makeHass();
    hass.callWS.mockResolvedValue({
      "sensor.office_desk_sitting_today": [
        { start: Date.parse("2026-03-09T00:00:00-07:00"), change: 380 },
      ],
    });
    const card = await mount(hass);
    expect(hass.callWS).toHaveBeenCalledWith(
      expect.objectContaining({
        type: "recorder/statistics_during_period",
        statistic_ids: ["sensor.office_desk_sitting_today"],
        period: "day",
        types: ["change"],
      }),
    );
    await vi.waitFor(() => expect(text(card, ".day:nth-child(6) .value")).toBe("6.3 h"));
    const days = [...root(card).querySelectorAll(".week [role=listitem]")];
    expect(days).toHaveLength(7);
    expect(days[6]!.getAttribute("aria-label")).toBe("Tuesday: 3 h 10 min");
    expect(days[5]!.getAttribute("aria-label")).toBe("Monday: 6 h 20 min");
    expect(root(card).querySelector(".week .note")).toBeNull();
  });

  it("asks again after the next hour's statistics, not on every update", async () => {
    const hass = makeHass();
    const card = await mount(hass);
    card.hass = withStates(hass, entity("sensor.office_desk_breaks_taken_today", "4"));
    await card.updateComplete;
    vi.advanceTimersByTime(60_000);
    expect(hass.callWS).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_600_000);
    expect(hass.callWS).toHaveBeenCalledTimes(2);
  });

  it("says when there is no history yet", async () => {
    const hass = withStates(
      makeHass(),
      entity("sensor.office_desk_sitting_today", "0", { unit_of_measurement: "min" }),
    );
    hass.callWS.mockRejectedValue(new Error("recorder not loaded"));
    const card = await mount(hass);
    await vi.waitFor(() => expect(text(card, ".week .note")).toBe("No history yet."));
  });

  it("does not say 'no history' under today's bar, but why it stands alone", async () => {
    const hass = makeHass(); // 3 h 10 min today, nothing recorded before
    const card = await mount(hass);
    await vi.waitFor(() =>
      expect(text(card, ".week .note")).toBe("Earlier days appear here once they are recorded."),
    );
    expect(text(card, ".day:nth-child(7) .value")).toBe("3.2 h");
  });
});

describe("a desk with a standing input", () => {
  it("shows standing today and in the week", async () => {
    const hass = makeHass();
    const id = "sensor.office_desk_standing_today";
    hass.entities[id] = {
      entity_id: id,
      device_id: DEVICE,
      platform: "desk_coach",
      translation_key: "standing_today",
    };
    hass.states[id] = entity(id, "25", { unit_of_measurement: "min" });
    const card = await mount(hass);
    expect(text(card, ".today .standing")).toBe("25 min");
    expect(hass.callWS).toHaveBeenCalledWith(
      expect.objectContaining({ statistic_ids: ["sensor.office_desk_sitting_today", id] }),
    );
    expect(text(card, ".week h3")).toBe("Sitting and standing, last 7 days");
    expect(root(card).querySelectorAll(".week .bar.standing")).toHaveLength(7);
    const days = [...root(card).querySelectorAll(".week [role=listitem]")];
    expect(days[6]!.getAttribute("aria-label")).toBe(
      "Tuesday: 3 h 10 min sitting, 25 min standing",
    );
  });
});

describe("in the card picker", () => {
  it("is listed and starts with the first desk", () => {
    expect(window.customCards).toContainEqual(
      expect.objectContaining({ type: "desk-coach-card", name: "Desk Coach", preview: true }),
    );
    expect(DeskCoachCard.getStubConfig(makeHass())).toEqual({ device_id: DEVICE });
    expect(DeskCoachCard.getStubConfig(makeHass({ entities: {} }))).toEqual({});
    expect(DeskCoachCard.getConfigElement().tagName).toBe("DESK-COACH-CARD-EDITOR");
  });
});

describe("the current stretch", () => {
  const SINCE = "sensor.office_desk_sitting_since";
  const sittingSince = (since: number, hass: FakeHass = makeHass()): FakeHass => {
    hass.entities[SINCE] = {
      entity_id: SINCE,
      device_id: DEVICE,
      platform: "desk_coach",
      translation_key: "sitting_since",
    };
    return withStates(hass, entity(SINCE, at(since), { device_class: "timestamp" }));
  };

  it("says how long you have sat in completed minutes, as the sensors do, counted here", async () => {
    // nothing else counts down: the card re-renders when the stretch's minute turns
    const hass = sittingSince(
      NOW - (14 * 60 + 20) * 1000,
      withStates(makeHass(), entity("sensor.office_desk_next_break", "unknown")),
    );
    const card = await mount(hass);
    expect(text(card, ".ring-row .stretch")).toBe("Sitting for 14 min");
    vi.advanceTimersByTime(9_000);
    await card.updateComplete;
    expect(text(card, ".ring-row .stretch")).toBe("Sitting for 14 min");
    vi.advanceTimersByTime(1_000); // 14 min 30 s
    await card.updateComplete;
    expect(text(card, ".ring-row .stretch")).toBe("Sitting for 14 min");
    vi.advanceTimersByTime(30_000); // 15 min
    await card.updateComplete;
    expect(text(card, ".ring-row .stretch")).toBe("Sitting for 15 min");
  });

  it("replaces the plain status while sitting and says less than a minute at first", async () => {
    const card = await mount(sittingSince(NOW - 20_000));
    expect(text(card, ".headline")).toBe("Next break in 12 min");
    expect(root(card).querySelector(".ring-row .secondary")).toBeNull(); // "Sitting" is said
    expect(text(card, ".ring-row .stretch")).toBe("Sitting for < 1 min");
  });

  it("stands under any other status", async () => {
    const hass = withStates(
      sittingSince(NOW - 5 * 60_000),
      entity("sensor.office_desk_break_status", "snoozed"),
    );
    const card = await mount(hass);
    expect(text(card, ".ring-row .secondary")).toBe("Snoozed");
    expect(text(card, ".ring-row .stretch")).toBe("Sitting for 5 min");
  });

  it("is not shown once the stretch has ended", async () => {
    const hass = sittingSince(NOW);
    const card = await mount(withStates(hass, entity(SINCE, "unknown")));
    expect(root(card).querySelector(".stretch")).toBeNull();
    expect(text(card, ".ring-row .secondary")).toBe("Sitting");
  });

  it("speaks German", async () => {
    const card = await mount(
      sittingSince(NOW - 65 * 60_000, makeHass({ locale: { language: "de" }, language: "de" })),
    );
    expect(text(card, ".ring-row .stretch")).toBe("Sitzt seit 1 h 5 min");
  });
});

describe("after 'that hurts'", () => {
  const ADVICE =
    "Stopped. Rest now and don't push through pain. If it persists, see a physiotherapist.";
  const stopped = (until: number, hass: FakeHass = makeHass()): FakeHass =>
    withStates(
      hass,
      entity("sensor.office_desk_routine", "idle", { advice: ADVICE, advice_until: at(until) }),
    );

  it("shows the advice that was said, for as long as the sensor offers it", async () => {
    const card = await mount(stopped(NOW + 300_000));
    expect(text(card, ".advice .advice-title")).toBe("Routine stopped");
    expect(text(card, ".advice .advice-text")).toBe(ADVICE);
    expect(root(card).querySelector(".advice")!.getAttribute("role")).toBe("alert");
    expect(root(card).querySelector(".routine")).toBeNull();
    vi.advanceTimersByTime(299_000);
    await card.updateComplete;
    expect(root(card).querySelector(".advice")).not.toBeNull();
    vi.advanceTimersByTime(1_000); // gone on its second, without a state update
    await card.updateComplete;
    expect(root(card).querySelector(".advice")).toBeNull();
  });

  it("hides it with ✕, in this browser, until the next pain stop", async () => {
    const hass = stopped(NOW + 300_000);
    let card = await mount(hass);
    expect(button(card, "dismiss_advice").getAttribute("aria-label")).toBe("Hide this advice");
    button(card, "dismiss_advice").click();
    await card.updateComplete;
    expect(root(card).querySelector(".advice")).toBeNull();
    card.remove();
    card = await mount(hass); // the page reloaded
    expect(root(card).querySelector(".advice")).toBeNull();
    card.hass = stopped(NOW + 400_000); // stopped for pain again
    await card.updateComplete;
    expect(text(card, ".advice .advice-text")).toBe(ADVICE);
  });

  it("does not show advice that has run out, nor during a routine", async () => {
    let card = await mount(stopped(NOW - 1_000));
    expect(root(card).querySelector(".advice")).toBeNull();
    card.remove();
    card = await mount(
      withRoutine("running", { ...STRETCH_STEP, advice: ADVICE, advice_until: at(NOW + 60_000) }),
    );
    expect(root(card).querySelector(".advice")).toBeNull();
  });

  it("has a German title and label", async () => {
    const card = await mount(
      stopped(NOW + 300_000, makeHass({ locale: { language: "de" }, language: "de" })),
    );
    expect(text(card, ".advice .advice-title")).toBe("Übungen beendet");
    expect(button(card, "dismiss_advice").getAttribute("aria-label")).toBe(
      "Diesen Hinweis ausblenden",
    );
  });
});

describe("proven breaks", () => {
  const PROVEN = "sensor.office_desk_breaks_proven_today";
  const graded = { walked: 1, moved: 1, stood: 0, desk_only: 0, self_reported: 1 };

  it("shows how many breaks sensors proved, by grade", async () => {
    const hass = makeHass();
    const card = await mount(withStates(hass, entity(PROVEN, "2", graded)));
    expect(text(card, ".today .proven")).toBe("2: 1 walked, 1 moved, 0 stood");
  });

  it("says it in German", async () => {
    const hass = makeHass({ locale: { language: "de" }, language: "de" });
    const card = await mount(withStates(hass, entity(PROVEN, "2", graded)));
    expect(text(card, ".today .proven")).toBe("2: 1 gegangen, 1 bewegt, 0 gestanden");
  });

  it("shows a plain 0 before any break was proven", async () => {
    const zero = { walked: 0, moved: 0, stood: 0, desk_only: 0, self_reported: 1 };
    const card = await mount(withStates(makeHass(), entity(PROVEN, "0", zero)));
    expect(text(card, ".today .proven")).toBe("0");
  });

  it("shows nothing without the sensor (an older integration)", async () => {
    const card = await mount(makeHass());
    expect(root(card).querySelector(".today .proven")).toBeNull();
  });
});

describe("the exercise's picture", () => {
  it("shows beside the cue, with what it shows as its alt text", async () => {
    const card = await mount(withRoutine("running", STRETCH_STEP));
    const img = root(card).querySelector<HTMLImageElement>(".routine .cue-row img.picture")!;
    expect(img.getAttribute("src")).toBe("/desk_coach/pictures/doorway_pec_stretch.svg");
    expect(img.getAttribute("alt")).toBe(STRETCH_STEP.picture_alt);
    expect(root(card).querySelector(".cue-row .cue .exercise")).not.toBeNull();
  });

  it("shows where the stretch should be felt, with the safety line", async () => {
    const card = await mount(withRoutine("running", STRETCH_STEP));
    expect(text(card, ".routine .felt")).toBe(STRETCH_STEP.felt);
    expect(text(card, ".routine .safety")).toBe(STRETCH_STEP.safety);
  });

  it("is not shown without the attribute (an older integration), nor is an empty felt", async () => {
    const { picture, picture_png, picture_alt, ...older } = STRETCH_STEP;
    expect([picture, picture_png, picture_alt].every(Boolean)).toBe(true);
    const card = await mount(withRoutine("running", { ...older, felt: "" }));
    expect(root(card).querySelector(".routine img")).toBeNull();
    expect(root(card).querySelector(".routine .felt")).toBeNull();
    expect(text(card, ".routine .exercise")).toBe("Doorway chest stretch");
  });

  it("takes its URL and alt text as values, never as HTML", async () => {
    const card = await mount(
      withRoutine("running", {
        ...STRETCH_STEP,
        picture_alt: '"><script>alert(1)</script>',
        felt: "<b>chest</b>",
      }),
    );
    const img = root(card).querySelector<HTMLImageElement>(".routine img")!;
    expect(img.getAttribute("alt")).toBe('"><script>alert(1)</script>');
    expect(root(card).querySelector("script, b")).toBeNull();
    expect(text(card, ".routine .felt")).toBe("<b>chest</b>");
  });
});

describe("the pain check before a strength session", () => {
  const CHECKING = { routine: "strengthening", routine_name: "Strengthening" };

  it("names the routine and asks, with a Stop button", async () => {
    const hass = withRoutine("checking", CHECKING);
    const card = await mount(hass);
    expect(text(card, ".routine.checking .routine-name")).toBe("Strengthening");
    expect(text(card, ".checking .checking-text")).toBe("Checking in first: any sharp pain?");
    expect(root(card).querySelector(".checking [data-action=pain]")).toBeNull();
    expect(button(card, "stretching").disabled).toBe(true); // a routine is about to start
    button(card, "stop_routine").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "stop_routine", {
      config_entry_id: ENTRY,
    });
  });

  it("asks in German", async () => {
    const hass = makeHass({ locale: { language: "de" }, language: "de" });
    const card = await mount(
      withStates(hass, entity("sensor.office_desk_routine", "checking", CHECKING)),
    );
    expect(text(card, ".checking .checking-text")).toBe(
      "Kurz vorab: hast du gerade stechende Schmerzen?",
    );
    expect(button(card, "stop_routine").textContent?.trim()).toBe("Beenden");
  });

  it("is not shown while idle", async () => {
    const card = await mount(makeHass());
    expect(root(card).querySelector(".checking")).toBeNull();
  });
});

describe("a routine's preview", () => {
  const withPreviews = (hass: FakeHass = makeHass()) =>
    withStates(hass, entity("sensor.office_desk_routine", "idle", { previews: PREVIEWS }));
  const items = (card: DeskCoachCard) => [...root(card).querySelectorAll(".preview li")];

  it("opens from Stretch, listing the exercises with their pictures and doses", async () => {
    const hass = withPreviews();
    const card = await mount(hass);
    expect(root(card).querySelector(".preview")).toBeNull();
    expect(button(card, "stretching").getAttribute("aria-label")).toBe(
      "Stretching: see the exercises, then start",
    );
    button(card, "stretching").click();
    await card.updateComplete;
    expect(hass.callService).not.toHaveBeenCalled();
    expect(text(card, ".preview .preview-name")).toBe("Stretching");
    expect(items(card).map((li) => li.querySelector(".exercise-name")!.textContent)).toEqual([
      "Upper trapezius stretch",
      "Doorway chest stretch",
    ]);
    expect(items(card).map((li) => li.querySelector(".dose")!.textContent)).toEqual([
      "1 × 30 s each side",
      "2 × 30 s",
    ]);
    const img = items(card)[1]!.querySelector("img.thumb")!;
    expect(img.getAttribute("src")).toBe("/desk_coach/pictures/doorway_pec_stretch.svg");
    expect(img.getAttribute("alt")).toBe("A person leans gently through a doorway.");
  });

  it("starts the routine with Start and closes", async () => {
    const hass = withPreviews();
    const card = await mount(hass);
    button(card, "stretching").click();
    await card.updateComplete;
    button(card, "start_preview").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "start_routine", {
      config_entry_id: ENTRY,
      routine: "stretching",
    });
    await card.updateComplete;
    expect(root(card).querySelector(".preview")).toBeNull();
  });

  it("closes with Cancel, starting nothing", async () => {
    const hass = withPreviews();
    const card = await mount(hass);
    button(card, "strengthening").click();
    await card.updateComplete;
    expect(text(card, ".preview .preview-name")).toBe("Strengthening");
    expect(items(card).map((li) => li.querySelector(".dose")!.textContent)).toEqual([
      "2 × 10",
      "2 × 10",
    ]);
    button(card, "cancel_preview").click();
    await card.updateComplete;
    expect(root(card).querySelector(".preview")).toBeNull();
    expect(hass.callService).not.toHaveBeenCalled();
  });

  it("previews and starts the routine the strength plan means", async () => {
    const hass = withStates(
      withPreviews(),
      entity("sensor.office_desk_next_strength_session", "2026-03-10", { routine: "two_minutes" }),
    );
    const card = await mount(hass);
    button(card, "strengthening").click();
    await card.updateComplete;
    expect(text(card, ".preview .preview-name")).toBe("2-minute strength");
    expect(items(card)).toHaveLength(1);
    button(card, "start_preview").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "start_routine", {
      config_entry_id: ENTRY,
      routine: "two_minutes",
    });
  });

  it("starts at once without previews (an older integration), the plan's routine too", async () => {
    const hass = withStates(
      makeHass(),
      entity("sensor.office_desk_next_strength_session", "2026-03-10", { routine: "two_minutes" }),
    );
    const card = await mount(hass);
    button(card, "strengthening").click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "start_routine", {
      config_entry_id: ENTRY,
      routine: "two_minutes",
    });
    await card.updateComplete;
    expect(root(card).querySelector(".preview")).toBeNull();
  });

  it("goes once a routine starts elsewhere", async () => {
    const hass = withPreviews();
    const card = await mount(hass);
    button(card, "stretching").click();
    await card.updateComplete;
    card.hass = withRoutine("running", STRETCH_STEP);
    await card.updateComplete;
    expect(root(card).querySelector(".preview")).toBeNull();
    card.hass = hass; // over: the preview stays closed
    await card.updateComplete;
    expect(root(card).querySelector(".preview")).toBeNull();
  });

  it("speaks German", async () => {
    const card = await mount(
      withPreviews(makeHass({ locale: { language: "de" }, language: "de" })),
    );
    button(card, "stretching").click();
    await card.updateComplete;
    expect(button(card, "start_preview").textContent?.trim()).toBe("Starten");
    expect(button(card, "cancel_preview").textContent?.trim()).toBe("Abbrechen");
  });
});

describe("the strength programme", () => {
  const LEVEL = "sensor.office_desk_strength_level";
  const withLevel = (state: string, attributes: Record<string, unknown>, hass = makeHass()) =>
    withStates(hass, entity(LEVEL, state, attributes));

  it("says the level near the routine buttons", async () => {
    const card = await mount(makeHass());
    expect(text(card, ".programme .level")).toBe("Strength level 2 of 5: 2 × 10");
    const slower = await mount(withLevel("4", { ...LEVEL_2, reps: 12, slower: 2 }));
    expect(text(slower, ".programme .level")).toBe("Strength level 4 of 5: 2 × 12, slower");
  });

  it("says when the programme is paused", async () => {
    const card = await mount(withLevel("2", { ...LEVEL_2, programme_on: false }));
    expect(text(card, ".programme .level")).toBe("Strength programme paused");
  });

  it("shows nothing without the level sensor (an older integration)", async () => {
    const hass = makeHass();
    delete hass.entities[LEVEL];
    const card = await mount(hass);
    expect(root(card).querySelector(".programme")).toBeNull();
  });

  it("asks how hard the last session was only while it is unrated", async () => {
    const card = await mount(makeHass());
    expect(root(card).querySelector(".rating")).toBeNull();
    card.hass = withLevel("2", { ...LEVEL_2, unrated: "strengthening" });
    await card.updateComplete;
    expect(text(card, ".rating .rate-question")).toBe("How hard was it?");
    expect(
      [...root(card).querySelectorAll(".rating button")].map((b) => b.textContent?.trim()),
    ).toEqual(["Easy", "Fine", "Hard"]);
  });

  it.each(["easy", "fine", "hard"])("%s calls desk_coach.rate_session", async (effort) => {
    const hass = withLevel("2", { ...LEVEL_2, unrated: "strengthening" });
    const card = await mount(hass);
    button(card, `rate_${effort}`).click();
    expect(hass.callService).toHaveBeenCalledWith("desk_coach", "rate_session", {
      config_entry_id: ENTRY,
      effort,
    });
  });

  it("does not ask while a routine runs", async () => {
    const running = withStates(
      withLevel("2", { ...LEVEL_2, unrated: "strengthening" }),
      entity("sensor.office_desk_routine", "running", STRETCH_STEP),
    );
    const card = await mount(running);
    expect(root(card).querySelector(".rating")).toBeNull();
    expect(text(card, ".programme .level")).toBe("Strength level 2 of 5: 2 × 10");
  });

  it("names the session when the previews know it, and speaks German", async () => {
    const hass = withStates(
      withLevel(
        "2",
        { ...LEVEL_2, unrated: "strengthening" },
        makeHass({ locale: { language: "de" }, language: "de" }),
      ),
      entity("sensor.office_desk_routine", "idle", {
        previews: { strengthening: { ...PREVIEWS.strengthening, name: "Kräftigungsprogramm" } },
      }),
    );
    const card = await mount(hass);
    expect(text(card, ".rating .rate-question")).toBe(
      "Wie anstrengend war es? Kräftigungsprogramm",
    );
    expect(button(card, "rate_fine").getAttribute("aria-label")).toBe(
      "Es war gut: die letzte Kräftigung bewerten",
    );
    expect(text(card, ".programme .level")).toBe("Kräftigungsstufe 2 von 5: 2 × 10");
  });
});

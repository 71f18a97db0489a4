import { describe, expect, it } from "vitest";

import { resolveDesk, type Desk } from "../src/desk";
import { localizer } from "../src/strings";
import { adviceView, breakView, countsDown, routineView, todayView } from "../src/view";
import { DEVICE, NOW, STRETCH_STEP, entity, makeHass, withStates } from "./fixtures";

const t = localizer("en");
const deskOf = (hass: ReturnType<typeof makeHass>): Desk =>
  resolveDesk(hass, { type: "custom:desk-coach-card", device_id: DEVICE })!;

describe("the break", () => {
  it("counts down to the next break while sitting", () => {
    const hass = makeHass();
    const view = breakView(hass, deskOf(hass), NOW, t);
    expect(view).toMatchObject({
      headline: "Next break in 12 min",
      statusText: "Sitting",
      center: "12 min",
      due: false,
      sitting: true,
    });
    expect(view.fraction).toBeCloseTo(0.6);
  });

  it("says a due break in words, with a full ring", () => {
    const hass = withStates(
      makeHass(),
      entity("sensor.office_desk_break_status", "due"),
      entity("sensor.office_desk_next_break", new Date(NOW - 60_000).toISOString()),
    );
    expect(breakView(hass, deskOf(hass), NOW, t)).toMatchObject({
      headline: "Time for a break",
      statusText: "Break due",
      center: "",
      fraction: 1,
      due: true,
    });
  });

  it("says a routine is the break, not 'Time for a break', even with the break due", () => {
    const hass = withStates(
      makeHass(),
      entity("sensor.office_desk_break_status", "routine"),
      entity("sensor.office_desk_next_break", new Date(NOW - 60_000).toISOString()),
    );
    expect(breakView(hass, deskOf(hass), NOW, t)).toMatchObject({
      headline: "This routine is your break",
      statusText: "Routine running",
      center: "",
      due: false,
    });
  });

  it.each([
    ["away", "Away"],
    ["standing", "Standing"],
    ["quiet", "Quiet time"],
    ["routine", "This routine is your break"],
    ["unavailable", "Unknown"],
  ])("shows the status %s in words when there is no countdown", (status, words) => {
    const hass = withStates(
      makeHass(),
      entity("sensor.office_desk_break_status", status),
      entity("sensor.office_desk_next_break", "unknown"),
    );
    expect(breakView(hass, deskOf(hass), NOW, t)).toMatchObject({
      headline: words,
      center: "",
      fraction: 0,
      sitting: false,
    });
  });

  it("keeps counting down while snoozed, saying so", () => {
    const hass = withStates(makeHass(), entity("sensor.office_desk_break_status", "snoozed"));
    expect(breakView(hass, deskOf(hass), NOW, localizer("de"))).toMatchObject({
      headline: "Nächste Pause in 12 min",
      statusText: "Verschoben",
    });
  });
});

describe("today", () => {
  it("shows sitting and the breaks, and hides a disabled longest stretch", () => {
    const hass = makeHass();
    expect(todayView(hass, deskOf(hass), "en", t)).toEqual({
      sitting: "3 h 10 min",
      longest: undefined,
      standing: undefined,
      breaks: { taken: "3", skipped: "1", missed: "0" },
      compliance: undefined,
    });
  });

  it("shows the longest stretch when it is enabled", () => {
    const hass = makeHass();
    hass.entities["sensor.office_desk_longest_stretch_today"] = {
      entity_id: "sensor.office_desk_longest_stretch_today",
      device_id: DEVICE,
      platform: "desk_coach",
      translation_key: "longest_stretch_today",
    };
    hass.states["sensor.office_desk_longest_stretch_today"] = entity(
      "sensor.office_desk_longest_stretch_today",
      "47",
      { unit_of_measurement: "min" },
    );
    expect(todayView(hass, deskOf(hass), "en", t).longest).toBe("47 min");
  });
});

describe("standing and compliance", () => {
  it("show when the desk has them", () => {
    const hass = makeHass();
    for (const [entity_id, translation_key, state] of [
      ["sensor.office_desk_standing_today", "standing_today", "45"],
      ["sensor.office_desk_break_compliance_today", "break_compliance_today", "75"],
    ] as const) {
      hass.entities[entity_id] = {
        entity_id,
        device_id: DEVICE,
        platform: "desk_coach",
        translation_key,
      };
      hass.states[entity_id] = entity(entity_id, state, { unit_of_measurement: "min" });
    }
    expect(todayView(hass, deskOf(hass), "en", t)).toMatchObject({
      standing: "45 min",
      compliance: "75%",
    });
    expect(todayView(hass, deskOf(hass), "de", localizer("de")).compliance).toBe("75\u00a0%");
    hass.states["sensor.office_desk_break_compliance_today"]!.state = "unknown"; // no break due yet
    expect(todayView(hass, deskOf(hass), "en", t).compliance).toBeUndefined();
  });
});

describe("the routine", () => {
  const running = (attributes: Record<string, unknown>, state = "running") => {
    const hass = withStates(makeHass(), entity("sensor.office_desk_routine", state, attributes));
    return routineView(hass, deskOf(hass), NOW, t);
  };

  it("is hidden while idle", () => {
    const hass = makeHass();
    expect(routineView(hass, deskOf(hass), NOW, t)).toBeUndefined();
  });

  it("shows a hold with its countdown from step_ends_at", () => {
    expect(running(STRETCH_STEP)).toEqual({
      paused: false,
      routineName: "Stretching",
      progress: "Step 3 of 9",
      rest: false,
      exerciseName: "Doorway chest stretch",
      side: "",
      set: "Set 1 of 2",
      task: "Hold",
      listening: false,
      countdown: "0:25",
      cues: ["Stand in a doorway.", "Lean forward gently."],
      safety: "Stop if your arm tingles.",
    });
  });

  it("counts a paused hold from the seconds left", () => {
    const view = running({ ...STRETCH_STEP, step_ends_at: null, remaining_seconds: 14 }, "paused");
    expect(view).toMatchObject({ paused: true, countdown: "0:14" });
  });

  it("shows repetitions, sides and rests", () => {
    expect(running({ ...STRETCH_STEP, hold: null, reps: 10, side: 2 })).toMatchObject({
      task: "10 reps",
      countdown: "",
      side: "Right side",
    });
    expect(running({ ...STRETCH_STEP, step_kind: "rest", hold: null })).toMatchObject({
      rest: true,
      task: "Rest",
      countdown: "0:25",
    });
    expect(running({ ...STRETCH_STEP, total_sets: 1 })?.set).toBe("");
  });

  it("listens until phase_ends_at, then counts the hold alone", () => {
    const listen = { ...STRETCH_STEP, phase: "listen" };
    const ends = (ms: number) => new Date(NOW + ms).toISOString();
    expect(running({ ...listen, phase_ends_at: ends(1) })).toMatchObject({
      listening: true,
      countdown: "",
    });
    expect(
      running({ ...listen, phase_ends_at: ends(0), step_ends_at: ends(30_000) }),
    ).toMatchObject({ listening: false, countdown: "0:30" });
    // the hold's update reached a browser whose clock is half a second behind the server's
    expect(running({ ...STRETCH_STEP, phase: "hold", step_ends_at: ends(30_500) })).toMatchObject({
      countdown: "0:30",
    });
    expect(running({ ...STRETCH_STEP, phase: "reps", hold: null, reps: 10 })).toMatchObject({
      listening: false,
      countdown: "",
    });
  });
});

describe("the advice after a pain stop", () => {
  const idle = (attributes: Record<string, unknown>, state = "idle") => {
    const hass = withStates(makeHass(), entity("sensor.office_desk_routine", state, attributes));
    return adviceView(hass, deskOf(hass), NOW);
  };
  const until = new Date(NOW + 1_000).toISOString();

  it("is the sensor's words until advice_until", () => {
    expect(idle({ advice: "Rest now.", advice_until: until })).toEqual({
      text: "Rest now.",
      id: until,
    });
    expect(
      idle({ advice: "Rest now.", advice_until: new Date(NOW).toISOString() }),
    ).toBeUndefined();
    expect(idle({ advice_until: until })).toBeUndefined();
    expect(idle({ advice: "Rest now." })).toBeUndefined();
    expect(idle({ ...STRETCH_STEP, advice: "Rest now.", advice_until: until }, "running")).toBe(
      undefined,
    );
  });

  it("keeps the clock ticking so it goes on its second", () => {
    const hass = withStates(
      makeHass(),
      entity("sensor.office_desk_next_break", "unknown"),
      entity("sensor.office_desk_routine", "idle", { advice: "Rest now.", advice_until: until }),
    );
    expect(countsDown(hass, deskOf(hass), NOW)).toBe(true);
    expect(countsDown(hass, deskOf(hass), NOW + 1_000)).toBe(false);
  });
});

describe("the clock", () => {
  it("ticks by the second only while something counts down", () => {
    const hass = makeHass();
    expect(countsDown(hass, deskOf(hass), NOW)).toBe(true);
    const away = withStates(hass, entity("sensor.office_desk_next_break", "unknown"));
    expect(countsDown(away, deskOf(away), NOW)).toBe(false);
    const routine = withStates(away, entity("sensor.office_desk_routine", "paused", STRETCH_STEP));
    expect(countsDown(routine, deskOf(routine), NOW)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";

import { resolveDesk, type Desk } from "../src/desk";
import { localizer } from "../src/strings";
import {
  adviceView,
  breakView,
  checkingView,
  countsDown,
  doseText,
  levelText,
  previewView,
  ratingView,
  routineBusy,
  routineView,
  strengthRoutine,
  todayView,
} from "../src/view";
import {
  DEVICE,
  LEVEL_2,
  NOW,
  PREVIEWS,
  STRETCH_STEP,
  entity,
  makeHass,
  withStates,
} from "./fixtures";

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
      felt: "You should feel it across the front of your chest.",
      safety: "Stop if your arm tingles.",
      picture: {
        src: "/desk_coach/pictures/doorway_pec_stretch.svg",
        alt: "A person leans gently through a doorway, forearms on the frame.",
      },
    });
  });

  it("has no picture and no felt line from an older integration", () => {
    const { felt, picture, picture_png, picture_alt, ...older } = STRETCH_STEP;
    expect([felt, picture, picture_png, picture_alt].every(Boolean)).toBe(true);
    expect(running(older)).toMatchObject({ felt: "", picture: undefined });
    expect(running({ ...STRETCH_STEP, picture: "", felt: null })).toMatchObject({
      felt: "",
      picture: undefined,
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

describe("the pain check before a strength session", () => {
  const routine = (state: string, attributes: Record<string, unknown>) =>
    withStates(makeHass(), entity("sensor.office_desk_routine", state, attributes));
  const checking = { routine: "strengthening", routine_name: "Strengthening" };

  it("names the routine while the sensor is checking", () => {
    const hass = routine("checking", checking);
    expect(checkingView(hass, deskOf(hass))).toEqual({ routineName: "Strengthening" });
    expect(routineView(hass, deskOf(hass), NOW, t)).toBeUndefined();
    expect(routineBusy(hass, deskOf(hass))).toBe(true);
    const unnamed = routine("checking", { routine: "strengthening" });
    expect(checkingView(unnamed, deskOf(unnamed))?.routineName).toBe("strengthening");
  });

  it("is nothing otherwise", () => {
    for (const hass of [makeHass(), routine("running", STRETCH_STEP)]) {
      expect(checkingView(hass, deskOf(hass))).toBeUndefined();
    }
    expect(routineBusy(makeHass(), deskOf(makeHass()))).toBe(false);
  });
});

describe("a routine's preview", () => {
  const idle = (attributes: Record<string, unknown>) =>
    withStates(makeHass(), entity("sensor.office_desk_routine", "idle", attributes));

  it("says a dose as sets × repetitions or sets × seconds held", () => {
    expect(doseText(2, 12, null, t)).toBe("2 × 12");
    expect(doseText(1, null, 30, t)).toBe("1 × 30 s");
    expect(doseText(undefined, null, 60, localizer("de"))).toBe("1 × 60 s");
    expect(doseText(1, null, null, t)).toBe("");
    expect(doseText(1, null, 30, t, 2)).toBe("1 × 30 s each side");
    expect(doseText(1, null, 30, localizer("de"), 2)).toBe("1 × 30 s je Seite");
  });

  it("lists the routine's exercises in order with their pictures and doses", () => {
    const hass = idle({ previews: PREVIEWS });
    expect(previewView(hass, deskOf(hass), "stretching", t)).toEqual({
      routine: "stretching",
      name: "Stretching",
      exercises: [
        {
          name: "Upper trapezius stretch",
          dose: "1 × 30 s each side",
          picture: {
            src: "/desk_coach/pictures/upper_trapezius_stretch.svg",
            alt: "A person tilts the head toward one shoulder.",
          },
        },
        {
          name: "Doorway chest stretch",
          dose: "2 × 30 s",
          picture: {
            src: "/desk_coach/pictures/doorway_pec_stretch.svg",
            alt: "A person leans gently through a doorway.",
          },
        },
      ],
    });
    expect(previewView(hass, deskOf(hass), "strengthening", t)?.exercises[0]?.dose).toBe("2 × 10");
  });

  it("is nothing without previews (an older integration) or for another routine", () => {
    const hass = makeHass();
    expect(previewView(hass, deskOf(hass), "stretching", t)).toBeUndefined();
    const other = idle({ previews: PREVIEWS });
    expect(previewView(other, deskOf(other), "my_routine", t)).toBeUndefined();
    const odd = idle({ previews: { stretching: { exercises: [null, { exercise: "x" }] } } });
    expect(previewView(odd, deskOf(odd), "stretching", t)).toEqual({
      routine: "stretching",
      name: "stretching",
      exercises: [{ name: "x", dose: "", picture: undefined }],
    });
  });

  it("starts the routine the strength plan means", () => {
    const hass = makeHass();
    expect(strengthRoutine(hass, deskOf(hass))).toBe("strengthening");
    const daily = withStates(
      hass,
      entity("sensor.office_desk_next_strength_session", "2026-03-10", { routine: "two_minutes" }),
    );
    expect(strengthRoutine(daily, deskOf(daily))).toBe("two_minutes");
    const older = makeHass();
    delete older.states["sensor.office_desk_next_strength_session"];
    expect(strengthRoutine(older, deskOf(older))).toBe("strengthening");
  });
});

describe("the strength programme", () => {
  const level = (state: string, attributes: Record<string, unknown>, hass = makeHass()) =>
    withStates(hass, entity("sensor.office_desk_strength_level", state, attributes));

  it("says the level and its dose", () => {
    const hass = makeHass();
    expect(levelText(hass, deskOf(hass), t)).toBe("Strength level 2 of 5: 2 × 10");
    const slower = level("4", { ...LEVEL_2, reps: 12, slower: 2 });
    expect(levelText(slower, deskOf(slower), t)).toBe("Strength level 4 of 5: 2 × 12, slower");
    expect(levelText(slower, deskOf(slower), localizer("de"))).toBe(
      "Kräftigungsstufe 4 von 5: 2 × 12, langsamer",
    );
  });

  it("says the programme is paused while it is off", () => {
    const off = level("2", { ...LEVEL_2, programme_on: false });
    expect(levelText(off, deskOf(off), t)).toBe("Strength programme paused");
    expect(levelText(off, deskOf(off), localizer("de"))).toBe("Kräftigungsprogramm pausiert");
    // without the attribute the switch tells
    const { programme_on, ...noAttribute } = LEVEL_2;
    expect(programme_on).toBe(true);
    const switchedOff = withStates(
      level("2", noAttribute),
      entity("switch.office_desk_strength_programme", "off"),
    );
    expect(levelText(switchedOff, deskOf(switchedOff), t)).toBe("Strength programme paused");
  });

  it("says nothing without the sensor or while it is unavailable", () => {
    const hass = makeHass();
    delete hass.entities["sensor.office_desk_strength_level"];
    expect(levelText(hass, deskOf(hass), t)).toBeUndefined();
    const gone = level("unavailable", {});
    expect(levelText(gone, deskOf(gone), t)).toBeUndefined();
  });

  it("asks to rate the last session only while it is unrated and no routine runs", () => {
    const hass = makeHass();
    expect(ratingView(hass, deskOf(hass), t)).toBeUndefined();
    const unrated = level("2", { ...LEVEL_2, unrated: "strengthening" });
    expect(ratingView(unrated, deskOf(unrated), t)).toEqual({
      routine: "strengthening",
      name: "",
    });
    const named = withStates(
      unrated,
      entity("sensor.office_desk_routine", "idle", { previews: PREVIEWS }),
    );
    expect(ratingView(named, deskOf(named), t)?.name).toBe("Strengthening");
    for (const [state, attributes] of [
      ["running", STRETCH_STEP],
      ["checking", { routine: "strengthening" }],
    ] as const) {
      const busy = withStates(unrated, entity("sensor.office_desk_routine", state, attributes));
      expect(ratingView(busy, deskOf(busy), t)).toBeUndefined();
    }
  });
});

// A Home Assistant as the card sees it: registries, states and recorded calls.
import { vi } from "vitest";

import type { HassEntity, HomeAssistant } from "../src/types";

export const NOW = Date.parse("2026-03-10T16:00:00Z"); // 09:00 in Los Angeles, a Tuesday
export const DEVICE = "device-office";
export const ENTRY = "entry-office";

const DESK_ENTITIES: [string, string][] = [
  ["sensor.office_desk_next_break", "next_break"],
  ["sensor.office_desk_break_status", "break_status"],
  ["sensor.office_desk_sitting_today", "sitting_today"],
  ["sensor.office_desk_breaks_taken_today", "breaks_taken_today"],
  ["sensor.office_desk_breaks_skipped_today", "breaks_skipped_today"],
  ["sensor.office_desk_breaks_missed_today", "breaks_missed_today"],
  ["sensor.office_desk_breaks_proven_today", "breaks_proven_today"],
  ["sensor.office_desk_routine", "routine"],
  ["number.office_desk_break_interval", "break_interval"],
  ["event.office_desk_routine", "routine"],
  ["sensor.office_desk_strength_level", "strength_level"],
  ["sensor.office_desk_next_strength_session", "next_strength_session"],
  ["switch.office_desk_strength_programme", "strength_programme"],
  ["button.office_desk_snooze_break", "snooze"],
];

export function entity(
  entity_id: string,
  state: string,
  attributes: Record<string, unknown> = {},
): HassEntity {
  return { entity_id, state, attributes };
}

export interface FakeHass extends HomeAssistant {
  callService: ReturnType<typeof vi.fn> & HomeAssistant["callService"];
  callWS: ReturnType<typeof vi.fn> & HomeAssistant["callWS"];
}

/** The strength level sensor's attributes at level 2 (2 × 10), nothing to rate. */
export const LEVEL_2 = {
  sets: 2,
  reps: 10,
  slower: 0,
  next_sets: 2,
  next_reps: 12,
  next_slower: 0,
  sessions_to_next: 2,
  programme_on: true,
  unrated: null,
};

/**
 * Office desk, sitting, next break in 12 minutes, strength level 2; plus a lamp of another
 * integration.
 */
export function makeHass(overrides: Partial<HomeAssistant> = {}): FakeHass {
  const entities: HomeAssistant["entities"] = {
    "light.desk_lamp": { entity_id: "light.desk_lamp", device_id: "device-lamp", platform: "hue" },
  };
  for (const [entity_id, translation_key] of DESK_ENTITIES) {
    entities[entity_id] = { entity_id, device_id: DEVICE, platform: "desk_coach", translation_key };
  }
  const states: HomeAssistant["states"] = {};
  for (const state of [
    entity("sensor.office_desk_next_break", new Date(NOW + 12 * 60_000).toISOString()),
    entity("sensor.office_desk_break_status", "sitting"),
    entity("sensor.office_desk_sitting_today", "190", { unit_of_measurement: "min" }),
    entity("sensor.office_desk_breaks_taken_today", "3"),
    entity("sensor.office_desk_breaks_skipped_today", "1"),
    entity("sensor.office_desk_breaks_missed_today", "0"),
    entity("sensor.office_desk_routine", "idle"),
    entity("number.office_desk_break_interval", "30"),
    entity("sensor.office_desk_strength_level", "2", LEVEL_2),
    entity("sensor.office_desk_next_strength_session", "2026-03-11", {
      earliest: "2026-03-11T14:00:00+00:00",
      routine: "strengthening",
    }),
    entity("switch.office_desk_strength_programme", "on"),
    entity("light.desk_lamp", "on"),
  ]) {
    states[state.entity_id] = state;
  }
  return {
    states,
    entities,
    devices: {
      [DEVICE]: {
        id: DEVICE,
        name: "Office desk",
        name_by_user: null,
        config_entries: [ENTRY],
        primary_config_entry: ENTRY,
      },
      "device-lamp": {
        id: "device-lamp",
        name: "Desk lamp",
        name_by_user: null,
        config_entries: ["entry-hue"],
      },
    },
    locale: { language: "en" },
    language: "en",
    config: { time_zone: "America/Los_Angeles" },
    callService: vi.fn(async () => undefined),
    callWS: vi.fn(async () => ({})),
    ...overrides,
  } as FakeHass;
}

/** The same Home Assistant with some states replaced (a new object, as the frontend makes). */
export function withStates(hass: FakeHass, ...states: HassEntity[]): FakeHass {
  const next = { ...hass.states };
  for (const state of states) next[state.entity_id] = state;
  return { ...hass, states: next };
}

export const STRETCH_STEP = {
  routine: "stretching",
  routine_name: "Stretching",
  exercise: "doorway_chest_stretch",
  exercise_name: "Doorway chest stretch",
  cues: ["Stand in a doorway.", "Lean forward gently."],
  safety: "Stop if your arm tingles.",
  felt: "You should feel it across the front of your chest.",
  picture: "/desk_coach/pictures/doorway_pec_stretch.svg",
  picture_png: "/desk_coach/pictures/doorway_pec_stretch.png",
  picture_alt: "A person leans gently through a doorway, forearms on the frame.",
  step_kind: "work",
  set: 1,
  total_sets: 2,
  side: 0,
  reps: null,
  hold: 30,
  step_index: 3,
  steps_total: 9,
  step_ends_at: new Date(NOW + 25_000).toISOString(),
  ends_at: new Date(NOW + 300_000).toISOString(),
  remaining_seconds: null,
};

const picture = (exercise: string, alt: string) => ({
  picture: `/desk_coach/pictures/${exercise}.svg`,
  picture_png: `/desk_coach/pictures/${exercise}.png`,
  picture_alt: alt,
});

/** The idle routine sensor's previews of the built-in routines (level 2). */
export const PREVIEWS = {
  stretching: {
    name: "Stretching",
    exercises: [
      {
        exercise: "upper_trapezius_stretch",
        name: "Upper trapezius stretch",
        sets: 1,
        reps: null,
        hold: 30,
        sides: 2,
        ...picture("upper_trapezius_stretch", "A person tilts the head toward one shoulder."),
      },
      {
        exercise: "doorway_pec_stretch",
        name: "Doorway chest stretch",
        sets: 2,
        reps: null,
        hold: 30,
        ...picture("doorway_pec_stretch", "A person leans gently through a doorway."),
      },
    ],
  },
  strengthening: {
    name: "Strengthening",
    exercises: [
      {
        exercise: "chin_tucks",
        name: "Chin tucks",
        sets: 2,
        reps: 10,
        hold: null,
        ...picture("chin_tucks", "A seated person slides the chin straight back."),
      },
      {
        exercise: "serratus_wall_slides",
        name: "Wall slides",
        sets: 2,
        reps: 10,
        hold: null,
        ...picture("serratus_wall_slides", "A person slides the forearms up a wall."),
      },
    ],
  },
  two_minutes: {
    name: "2-minute strength",
    exercises: [
      {
        exercise: "chin_tucks",
        name: "Chin tucks",
        sets: 1,
        reps: 10,
        hold: null,
        ...picture("chin_tucks", "A seated person slides the chin straight back."),
      },
    ],
  },
};

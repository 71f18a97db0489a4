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

/** Office desk, sitting, next break in 12 minutes; plus a lamp of another integration. */
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

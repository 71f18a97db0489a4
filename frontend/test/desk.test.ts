import { describe, expect, it } from "vitest";

import { deskDevices, resolveDesk } from "../src/desk";
import { DEVICE, ENTRY, makeHass } from "./fixtures";

describe("finding the desk", () => {
  it("lists only devices with Desk Coach entities", () => {
    const hass = makeHass();
    expect(deskDevices(hass).map((d) => d.id)).toEqual([DEVICE]);
  });

  it("finds the desk's entities by translation key, not entity id", () => {
    const hass = makeHass();
    hass.entities["sensor.renamed"] = {
      entity_id: "sensor.renamed",
      device_id: DEVICE,
      platform: "desk_coach",
      translation_key: "longest_stretch_today",
    };
    const desk = resolveDesk(hass, { type: "custom:desk-coach-card", device_id: DEVICE });
    expect(desk).toMatchObject({ deviceId: DEVICE, entryId: ENTRY, name: "Office desk" });
    expect(desk?.entities).toMatchObject({
      next_break: "sensor.office_desk_next_break",
      routine: "sensor.office_desk_routine", // the sensor, not the routine event
      break_interval: "number.office_desk_break_interval",
      longest_stretch: "sensor.renamed",
    });
  });

  it("leaves out entities that are disabled (absent from the registry display list)", () => {
    const desk = resolveDesk(makeHass(), { type: "custom:desk-coach-card", device_id: DEVICE });
    expect(desk?.entities.longest_stretch).toBeUndefined();
  });

  it("finds the desk by its config entry too", () => {
    const desk = resolveDesk(makeHass(), { type: "custom:desk-coach-card", entry_id: ENTRY });
    expect(desk?.deviceId).toBe(DEVICE);
  });

  it("finds nothing for another integration's device or no choice", () => {
    const hass = makeHass();
    expect(resolveDesk(hass, { type: "custom:desk-coach-card", device_id: "device-lamp" })).toBe(
      undefined,
    );
    expect(resolveDesk(hass, { type: "custom:desk-coach-card" })).toBeUndefined();
  });

  it("uses the name the user gave the device", () => {
    const hass = makeHass();
    hass.devices[DEVICE]!.name_by_user = "Home office";
    expect(resolveDesk(hass, { type: "x", device_id: DEVICE })?.name).toBe("Home office");
  });
});

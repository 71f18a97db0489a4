import { describe, expect, it } from "vitest";

import { deskDevices, deviceConfigEntry, resolveDesk } from "../src/desk";
import type { DeviceRegistryEntry } from "../src/types";
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

// Home Assistant 2026.8 gives each device one config entry, `config_entry_id`, and deprecates
// `config_entries` and `primary_config_entry`; older versions send only those two.
describe("the desk's config entry, on old and new Home Assistant", () => {
  const OFFICE = { id: DEVICE, name: "Office desk", name_by_user: null };

  function withDevice(device: DeviceRegistryEntry) {
    const hass = makeHass();
    hass.devices[DEVICE] = device;
    return hass;
  }
  const byDevice = { type: "custom:desk-coach-card", device_id: DEVICE };
  const byEntry = (entry_id: string) => ({ type: "custom:desk-coach-card", entry_id });

  it("reads config_entry_id from a device that has only the new field", () => {
    const hass = withDevice({ ...OFFICE, config_entry_id: ENTRY });
    expect(resolveDesk(hass, byDevice)?.entryId).toBe(ENTRY);
    expect(resolveDesk(hass, byEntry(ENTRY))?.deviceId).toBe(DEVICE);
    expect(resolveDesk(hass, byEntry("entry-other"))).toBeUndefined();
  });

  it("reads config_entries from a device that has only the old list", () => {
    const hass = withDevice({ ...OFFICE, config_entries: [ENTRY] });
    expect(resolveDesk(hass, byDevice)?.entryId).toBe(ENTRY);
    expect(resolveDesk(hass, byEntry(ENTRY))?.deviceId).toBe(DEVICE);
    expect(resolveDesk(hass, byEntry("entry-other"))).toBeUndefined();
  });

  it("prefers the old primary_config_entry to the first of config_entries", () => {
    const hass = withDevice({
      ...OFFICE,
      config_entries: ["entry-helper", ENTRY],
      primary_config_entry: ENTRY,
    });
    expect(resolveDesk(hass, byDevice)?.entryId).toBe(ENTRY);
    expect(resolveDesk(hass, byEntry(ENTRY))?.deviceId).toBe(DEVICE);
  });

  it("reads the new field first when a device has both", () => {
    const both = { ...OFFICE, config_entry_id: ENTRY, config_entries: [ENTRY] };
    expect(resolveDesk(withDevice(both), byDevice)?.entryId).toBe(ENTRY);
    expect(resolveDesk(withDevice(both), byEntry(ENTRY))?.deviceId).toBe(DEVICE);
    // were they ever to disagree, config_entry_id decides
    const hass = withDevice({
      ...OFFICE,
      config_entry_id: ENTRY,
      config_entries: ["entry-stale"],
      primary_config_entry: "entry-stale",
    });
    expect(resolveDesk(hass, byDevice)?.entryId).toBe(ENTRY);
    expect(resolveDesk(hass, byEntry(ENTRY))?.deviceId).toBe(DEVICE);
    expect(resolveDesk(hass, byEntry("entry-stale"))).toBeUndefined();
  });

  it("falls back to the old fields when the new one is null or empty", () => {
    for (const config_entry_id of [null, ""]) {
      expect(deviceConfigEntry({ ...OFFICE, config_entry_id, config_entries: [ENTRY] })).toBe(
        ENTRY,
      );
    }
  });

  it("has no config entry, and still finds the desk by device, when a device has none", () => {
    const hass = withDevice({ ...OFFICE });
    expect(resolveDesk(hass, byDevice)).toMatchObject({ deviceId: DEVICE, entryId: undefined });
    expect(resolveDesk(hass, byEntry(ENTRY))).toBeUndefined();
  });
});

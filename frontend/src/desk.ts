// Finding a desk's device, config entry and entities in the frontend's registries, so the
// user only picks the desk. Entities are found by their translation key, which (unlike the
// entity id) survives renaming.
import type { DeskCoachCardConfig, DeviceRegistryEntry, HomeAssistant } from "./types";

export const DOMAIN = "desk_coach";

/** The entities the card reads: [domain, translation key]. */
export const DESK_ENTITIES = {
  next_break: ["sensor", "next_break"],
  sitting_since: ["sensor", "sitting_since"],
  break_status: ["sensor", "break_status"],
  sitting_today: ["sensor", "sitting_today"],
  longest_stretch: ["sensor", "longest_stretch_today"],
  breaks_taken: ["sensor", "breaks_taken_today"],
  breaks_skipped: ["sensor", "breaks_skipped_today"],
  breaks_missed: ["sensor", "breaks_missed_today"],
  // newer versions of the integration: taken and natural breaks by grade as attributes
  breaks_proven: ["sensor", "breaks_proven_today"],
  // only on desks with a standing input, and only in newer versions of the integration
  standing_today: ["sensor", "standing_today"],
  compliance: ["sensor", "break_compliance_today"],
  routine: ["sensor", "routine"],
  break_interval: ["number", "break_interval"],
  // newer versions of the integration: the strength programme
  strength_level: ["sensor", "strength_level"],
  next_strength_session: ["sensor", "next_strength_session"],
  strength_programme: ["switch", "strength_programme"],
} as const satisfies Record<string, readonly [string, string]>;

export type DeskEntity = keyof typeof DESK_ENTITIES;

export interface Desk {
  deviceId: string;
  entryId: string | undefined;
  name: string;
  entities: Partial<Record<DeskEntity, string>>;
}

function deskDeviceIds(hass: HomeAssistant): Set<string> {
  const ids = new Set<string>();
  for (const entity of Object.values(hass.entities ?? {})) {
    if (entity?.platform === DOMAIN && entity.device_id) ids.add(entity.device_id);
  }
  return ids;
}

function deviceName(device: DeviceRegistryEntry): string {
  return device.name_by_user || device.name || device.id;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/**
 * A device's config entry: `config_entry_id` (Home Assistant 2026.8 and later) first, then
 * the deprecated `primary_config_entry` and `config_entries` of older versions.
 */
export function deviceConfigEntry(device: DeviceRegistryEntry): string | undefined {
  if (nonEmpty(device.config_entry_id)) return device.config_entry_id;
  if (nonEmpty(device.primary_config_entry)) return device.primary_config_entry;
  const entries = Array.isArray(device.config_entries) ? device.config_entries : [];
  return entries.find(nonEmpty);
}

/** Whether a device belongs to a config entry, read the same way as deviceConfigEntry. */
export function deviceHasConfigEntry(device: DeviceRegistryEntry, entryId: string): boolean {
  if (nonEmpty(device.config_entry_id)) return device.config_entry_id === entryId;
  return Array.isArray(device.config_entries) && device.config_entries.includes(entryId);
}

/** Every desk (a device with Desk Coach entities), by name. */
export function deskDevices(hass: HomeAssistant): DeviceRegistryEntry[] {
  const ids = deskDeviceIds(hass);
  return Object.values(hass.devices ?? {})
    .filter((device): device is DeviceRegistryEntry => !!device && ids.has(device.id))
    .sort((a, b) => deviceName(a).localeCompare(deviceName(b)));
}

/** The desk a card shows: by its device, or by its config entry for hand-written YAML. */
export function resolveDesk(hass: HomeAssistant, config: DeskCoachCardConfig): Desk | undefined {
  const desks = deskDevices(hass);
  const device = config.device_id
    ? desks.find((d) => d.id === config.device_id)
    : config.entry_id
      ? desks.find((d) => deviceHasConfigEntry(d, config.entry_id!))
      : undefined;
  if (!device) return undefined;
  const byKey = new Map<string, string>();
  for (const entity of Object.values(hass.entities)) {
    if (entity?.device_id !== device.id || entity.platform !== DOMAIN || !entity.translation_key)
      continue;
    byKey.set(`${entity.entity_id.split(".")[0]}.${entity.translation_key}`, entity.entity_id);
  }
  const entities: Partial<Record<DeskEntity, string>> = {};
  for (const [name, [domain, key]] of Object.entries(DESK_ENTITIES)) {
    const entityId = byKey.get(`${domain}.${key}`);
    if (entityId) entities[name as DeskEntity] = entityId;
  }
  return {
    deviceId: device.id,
    entryId: deviceConfigEntry(device),
    name: deviceName(device),
    entities,
  };
}

// The parts of Home Assistant's frontend objects the card reads (home-assistant/frontend
// src/types.ts and src/data/*_registry.ts), typed only as far as we use them.

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed?: string;
  last_updated?: string;
}

/** An entity registry entry as the frontend keeps it in `hass.entities`. */
export interface EntityRegistryDisplayEntry {
  entity_id: string;
  device_id?: string;
  platform?: string;
  translation_key?: string;
  hidden?: boolean;
}

/**
 * A device registry entry as the frontend keeps it in `hass.devices`. Since Home Assistant
 * 2026.8 a device belongs to one config entry, `config_entry_id`; the older list
 * `config_entries` and `primary_config_entry` are deprecated (removed in a later release).
 * Older versions send only those, so every one of the three may be missing.
 */
export interface DeviceRegistryEntry {
  id: string;
  name: string | null;
  name_by_user: string | null;
  config_entry_id?: string | null;
  /** Deprecated since Home Assistant 2026.8. */
  config_entries?: string[];
  /** Deprecated since Home Assistant 2026.8. */
  primary_config_entry?: string | null;
}

export interface HomeAssistant {
  states: Record<string, HassEntity | undefined>;
  entities: Record<string, EntityRegistryDisplayEntry | undefined>;
  devices: Record<string, DeviceRegistryEntry | undefined>;
  language?: string;
  locale?: { language: string };
  config: { time_zone: string };
  callService(
    domain: string,
    service: string,
    serviceData?: Record<string, unknown>,
  ): Promise<unknown>;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
}

/** The sections a user can show or hide. */
export const SECTIONS = ["ring", "today", "buttons", "routine", "week"] as const;
export type Section = (typeof SECTIONS)[number];

export interface DeskCoachCardConfig {
  type: string;
  /** The desk's device (what the editor's picker sets). */
  device_id?: string;
  /** Or the desk's config entry, for hand-written YAML. */
  entry_id?: string;
  show_ring?: boolean;
  show_today?: boolean;
  show_buttons?: boolean;
  show_routine?: boolean;
  show_week?: boolean;
}

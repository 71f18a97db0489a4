// The card's visual editor: pick the desk, show or hide sections. Built on Home
// Assistant's own <ha-form>, so it looks like every other card editor.
import { LitElement, html, nothing, type TemplateResult } from "lit";

import { DOMAIN, resolveDesk } from "./desk";
import { defineElement } from "./register";
import { languageOf, localizer, type Localize } from "./strings";
import { SECTIONS, type DeskCoachCardConfig, type HomeAssistant } from "./types";

interface SchemaField {
  name: string;
  type?: string;
  required?: boolean;
  selector?: Record<string, unknown>;
  schema?: SchemaField[];
}

/** What <ha-form> draws: a device picker limited to desks, then a switch per section. */
export const EDITOR_SCHEMA: SchemaField[] = [
  { name: "device_id", required: true, selector: { device: { filter: { integration: DOMAIN } } } },
  {
    name: "", // a nameless grid keeps its fields at the top of the data
    type: "grid",
    schema: SECTIONS.map((section) => ({ name: `show_${section}`, selector: { boolean: {} } })),
  },
];

/** The form's values for a config: every section shown unless switched off. */
export function formData(
  config: DeskCoachCardConfig,
  hass: HomeAssistant,
): Record<string, unknown> {
  // a hand-written entry_id shows as its desk
  const device = config.device_id ?? resolveDesk(hass, config)?.deviceId;
  const data: Record<string, unknown> = { device_id: device ?? "" };
  for (const section of SECTIONS) data[`show_${section}`] = config[`show_${section}`] !== false;
  return data;
}

/** The config for the form's values; shown sections are left out, so the YAML stays short. */
export function configFrom(
  config: DeskCoachCardConfig,
  value: Record<string, unknown>,
): DeskCoachCardConfig {
  const next: DeskCoachCardConfig = { ...config };
  const device = value.device_id;
  if (typeof device === "string" && device) {
    next.device_id = device;
    if (device !== config.device_id) delete next.entry_id; // the picked desk wins
  } else {
    delete next.device_id;
  }
  for (const section of SECTIONS) {
    const key = `show_${section}` as const;
    if (value[key] === false) next[key] = false;
    else delete next[key];
  }
  return next;
}

/**
 * Make sure <ha-form> is defined: Home Assistant loads it lazily, with the editors of its
 * own cards, so load one of those if no other editor has yet.
 */
async function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  const helpers = await (
    window as { loadCardHelpers?: () => Promise<{ createCardElement(c: object): unknown }> }
  ).loadCardHelpers?.();
  if (!helpers) return;
  helpers.createCardElement({ type: "entities", entities: [] });
  const entities = (await customElements.whenDefined("hui-entities-card")) as unknown as {
    getConfigElement?: () => Promise<unknown>;
  };
  await entities.getConfigElement?.();
}

/** The label of a form field. */
export function label(name: string, t: Localize): string {
  if (name === "device_id") return t("editor_desk");
  const section = SECTIONS.find((s) => name === `show_${s}`);
  return section ? t(`editor_show_${section}`) : "";
}

export class DeskCoachCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare _config: DeskCoachCardConfig | undefined;

  setConfig(config: DeskCoachCardConfig): void {
    this._config = config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!customElements.get("ha-form")) {
      void loadHaForm().catch(() => undefined);
      void customElements.whenDefined("ha-form").then(() => this.requestUpdate());
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this._config || !customElements.get("ha-form")) return nothing;
    const t = localizer(languageOf(this.hass));
    return html`<ha-form
      .hass=${this.hass}
      .data=${formData(this._config, this.hass)}
      .schema=${EDITOR_SCHEMA}
      .computeLabel=${(field: SchemaField) => label(field.name, t)}
      @value-changed=${this._valueChanged}
    ></ha-form>`;
  }

  private _valueChanged(event: CustomEvent<{ value: Record<string, unknown> }>): void {
    event.stopPropagation();
    if (!this._config) return;
    this._config = configFrom(this._config, event.detail.value);
    this.dispatchEvent(
      new CustomEvent("config-changed", {
        detail: { config: this._config },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

defineElement("desk-coach-card-editor", DeskCoachCardEditor);

declare global {
  interface HTMLElementTagNameMap {
    "desk-coach-card-editor": DeskCoachCardEditor;
  }
}

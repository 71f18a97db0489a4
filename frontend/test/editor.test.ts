import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import {
  DeskCoachCardEditor,
  EDITOR_SCHEMA,
  configFrom,
  formData,
  label,
} from "../src/desk-coach-card-editor";
import { localizer } from "../src/strings";
import { DEVICE, ENTRY, makeHass } from "./fixtures";

// Home Assistant's form, reduced to the properties the editor hands it.
class FakeHaForm extends HTMLElement {
  data: unknown;
  schema: unknown;
  computeLabel: ((field: { name: string }) => string) | undefined;
}

beforeAll(() => {
  customElements.define("ha-form", FakeHaForm);
});

afterEach(() => {
  document.body.replaceChildren();
});

async function mountEditor(config: Record<string, unknown>) {
  const editor = document.createElement("desk-coach-card-editor") as DeskCoachCardEditor;
  editor.hass = makeHass();
  editor.setConfig(config as never);
  document.body.append(editor);
  await editor.updateComplete;
  return { editor, form: editor.shadowRoot!.querySelector("ha-form") as FakeHaForm };
}

describe("the editor", () => {
  it("offers a picker of desks and a switch per section", async () => {
    const { form } = await mountEditor({ type: "custom:desk-coach-card", device_id: DEVICE });
    expect(form.schema).toBe(EDITOR_SCHEMA);
    expect(EDITOR_SCHEMA[0]).toEqual({
      name: "device_id",
      required: true,
      selector: { device: { filter: { integration: "desk_coach" } } },
    });
    expect(EDITOR_SCHEMA[1]!.schema!.map((f) => f.name)).toEqual([
      "show_ring",
      "show_today",
      "show_buttons",
      "show_routine",
      "show_week",
    ]);
    expect(form.data).toEqual({
      device_id: DEVICE,
      show_ring: true,
      show_today: true,
      show_buttons: true,
      show_routine: true,
      show_week: true,
    });
    expect(form.computeLabel!({ name: "device_id" })).toBe("Desk");
    expect(form.computeLabel!({ name: "show_week" })).toBe("Last 7 days");
  });

  it("reports the changed config to the dashboard", async () => {
    const { editor, form } = await mountEditor({
      type: "custom:desk-coach-card",
      device_id: DEVICE,
      grid_options: { columns: 6 },
    });
    const changed = vi.fn();
    editor.addEventListener("config-changed", (e) => changed((e as CustomEvent).detail.config));
    form.dispatchEvent(
      new CustomEvent("value-changed", {
        detail: { value: { ...(form.data as object), show_week: false } },
      }),
    );
    expect(changed).toHaveBeenCalledWith({
      type: "custom:desk-coach-card",
      device_id: DEVICE,
      grid_options: { columns: 6 },
      show_week: false,
    });
  });
});

describe("the config it writes", () => {
  const base = { type: "custom:desk-coach-card" };

  it("leaves shown sections out, so the YAML stays short", () => {
    expect(formData({ ...base, show_today: false }, makeHass())).toMatchObject({
      device_id: "",
      show_today: false,
      show_ring: true,
    });
    expect(
      configFrom(
        { ...base, show_today: false },
        { device_id: "d", show_today: true, show_ring: false },
      ),
    ).toEqual({ ...base, device_id: "d", show_ring: false });
  });

  it("shows a hand-written config entry as its desk", () => {
    expect(formData({ ...base, entry_id: ENTRY }, makeHass()).device_id).toBe(DEVICE);
  });

  it("lets a newly picked desk replace a hand-written config entry", () => {
    expect(configFrom({ ...base, entry_id: "e" }, { device_id: "d" })).toEqual({
      ...base,
      device_id: "d",
    });
    expect(configFrom({ ...base, device_id: "d", entry_id: "e" }, { device_id: "d" })).toEqual({
      ...base,
      device_id: "d",
      entry_id: "e",
    });
    expect(configFrom({ ...base, device_id: "d" }, { device_id: "" })).toEqual(base);
  });

  it("labels fields in the user's language", () => {
    const de = localizer("de");
    expect(label("device_id", de)).toBe("Schreibtisch");
    expect(label("show_routine", de)).toBe("Laufende Übungen");
    expect(label("", de)).toBe("");
  });
});

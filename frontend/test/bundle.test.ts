// The committed bundle itself (what Home Assistant serves) defines a working card.
import { afterEach, expect, it, vi } from "vitest";

import "../../custom_components/desk_coach/frontend/desk-coach-card.js";
import { DEVICE, NOW, makeHass } from "./fixtures";

afterEach(() => {
  vi.useRealTimers();
});

it("defines the card, its editor and its card-picker entry", async () => {
  vi.useFakeTimers({ now: NOW, toFake: ["setInterval", "clearInterval", "Date"] });
  expect(customElements.get("desk-coach-card-editor")).toBeDefined();
  expect(window.customCards?.map((card) => card.type)).toEqual(["desk-coach-card"]);
  const card = document.createElement("desk-coach-card") as HTMLElement & {
    setConfig(config: object): void;
    hass: unknown;
    updateComplete: Promise<unknown>;
  };
  card.setConfig({ type: "custom:desk-coach-card", device_id: DEVICE });
  card.hass = makeHass();
  document.body.append(card);
  await card.updateComplete;
  expect(card.shadowRoot!.querySelector(".headline")!.textContent).toBe("Next break in 12 min");
});

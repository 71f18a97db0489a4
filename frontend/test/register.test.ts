// The card stays defined when Home Assistant's frontend swaps in its scoped registry.
import { afterEach, expect, it, vi } from "vitest";

import { WATCH_EVERY_MS, WATCH_MS, defineElement } from "../src/register";

class Probe extends HTMLElement {}
class Late extends HTMLElement {}

function fakeRegistry(): CustomElementRegistry & {
  defined: Map<string, CustomElementConstructor>;
} {
  const defined = new Map<string, CustomElementConstructor>();
  return {
    defined,
    get: (tag: string) => defined.get(tag),
    define: (tag: string, element: CustomElementConstructor) => void defined.set(tag, element),
  } as unknown as CustomElementRegistry & { defined: Map<string, CustomElementConstructor> };
}

const native = window.customElements;

afterEach(() => {
  Object.defineProperty(window, "customElements", { value: native, configurable: true });
  vi.useRealTimers();
});

it("defines the element again in the registry that replaces the first one", () => {
  vi.useFakeTimers();
  defineElement("probe-element", Probe);
  expect(native.get("probe-element")).toBe(Probe);
  const scoped = fakeRegistry();
  Object.defineProperty(window, "customElements", { value: scoped, configurable: true });
  expect(scoped.defined.get("probe-element")).toBeUndefined();
  vi.advanceTimersByTime(WATCH_EVERY_MS);
  expect(scoped.defined.get("probe-element")).toBe(Probe);
});

it("stops watching after a while", () => {
  vi.useFakeTimers();
  defineElement("late-element", Late);
  vi.advanceTimersByTime(WATCH_MS + WATCH_EVERY_MS);
  const scoped = fakeRegistry();
  Object.defineProperty(window, "customElements", { value: scoped, configurable: true });
  vi.advanceTimersByTime(10 * WATCH_EVERY_MS);
  expect(scoped.defined.size).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
});

// Define a custom element, and keep it defined when Home Assistant swaps the registry.
//
// While it starts, Home Assistant's frontend replaces window.customElements with a scoped
// registry (a polyfill). A card module that runs before that defines its element in the
// browser's own registry only; the frontend then asks its new registry, finds nothing and
// shows "Custom element doesn't exist". So the element is defined again in whatever
// registry window.customElements is once it changes (checked for a while after loading).

export const WATCH_MS = 30_000;
export const WATCH_EVERY_MS = 100;

function defineIn(registry: CustomElementRegistry, tag: string, element: CustomElementConstructor) {
  if (!registry.get(tag)) registry.define(tag, element);
}

export function defineElement(tag: string, element: CustomElementConstructor): void {
  const first = window.customElements;
  defineIn(first, tag, element);
  let waited = 0;
  const timer = setInterval(() => {
    waited += WATCH_EVERY_MS;
    const current = window.customElements;
    if (current !== first) {
      defineIn(current, tag, element);
      clearInterval(timer);
    } else if (waited >= WATCH_MS) {
      clearInterval(timer);
    }
  }, WATCH_EVERY_MS);
}

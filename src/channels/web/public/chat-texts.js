// The chat page's own sentences and the API's limits (GET /api/chat/page-setup, from
// content/responses/web.yml), read once for all the page's modules.

let texts = {};
let limits = null;
let reading = null;

/** Reads the page's sentences and limits once; after a failed read, the next call tries again. */
export function loadPageSetup() {
  reading ??= read().then((ok) => {
    if (!ok) reading = null;
  });
  return reading;
}

async function read() {
  try {
    const res = await fetch('/api/chat/page-setup');
    if (!res.ok) return false;
    const setup = await res.json();
    texts = setup.texts ?? {};
    limits = setup.limits ?? null;
    return true;
  } catch {
    // The help desk cannot be reached right now; the page still works, with its keys as text.
    return false;
  }
}

/** A page sentence with its {placeholders} filled. */
export function t(key, vars = {}) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** What POST /api/chat takes (null while the page setup cannot be read). */
export async function pageLimits() {
  if (!limits) await loadPageSetup();
  return limits;
}

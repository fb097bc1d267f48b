// Spanish and English UI. The language comes from ?lang=, then the user's last choice, then the
// browser; every page offers a switch. Each module keeps its own dictionary next to its code.
//
// One choice per person: a switch anywhere applies at once to every script on the page (the shop's
// own page, the widget, which is a bundle of its own) and to every other window of the same site
// (the console, the phone simulator), through a window event and the storage event.

export type Lang = "es" | "en";
export type Dictionary<K extends string> = Record<Lang, Record<K, string>>;

const storageKey = "pincovisor.lang";
/** Dispatched on window when a script on this page switches language; detail is the Lang. */
export const langEvent = "pincovisor:lang";
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = detect();

function isLang(value: string | null | undefined): value is Lang {
  return value === "es" || value === "en";
}

function detect(): Lang {
  try {
    const fromQuery = new URLSearchParams(location.search).get("lang");
    if (isLang(fromQuery)) return fromQuery;
    const stored = localStorage.getItem(storageKey);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be blocked (third-party contexts); the browser language still decides.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

export function lang(): Lang {
  return current;
}

/** The BCP 47 locale formats use for the UI language. */
export function locale(): string {
  return current === "es" ? "es-ES" : "en-GB";
}

/** Switches this page (every script on it) and the user's other windows of this site to <c>next</c>. */
export function setLang(next: Lang): void {
  if (next === current) return;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
  apply(next);
  window.dispatchEvent(new CustomEvent<Lang>(langEvent, { detail: next }));
}

function apply(next: Lang): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener(next);
}

// Another bundle on this page switched (the shop's page and the widget follow each other)…
window.addEventListener(langEvent, event => {
  const next = (event as CustomEvent<unknown>).detail;
  if (typeof next === "string" && isLang(next)) apply(next);
});
// …or another window of this site did.
window.addEventListener("storage", event => {
  if (event.key === storageKey && isLang(event.newValue)) apply(event.newValue);
});

/** Calls <paramref name="listener"/> whenever the language changes; returns the unsubscribe. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Looks a key up and fills {name} placeholders. */
export function translate<K extends string>(dictionary: Dictionary<K>, key: K, values?: Record<string, string | number>): string {
  return fill(dictionary[current][key], values);
}

function fill(text: string, values?: Record<string, string | number>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A translator bound to one dictionary: <c>const t = translator(dict); t("key")</c>. */
export function translator<K extends string>(dictionary: Dictionary<K>) {
  return (key: K, values?: Record<string, string | number>) => translate(dictionary, key, values);
}

type PluralKey<K extends string> = K extends `${infer Base}.other` ? Base : never;

/**
 * A counted phrase: the dictionary holds <c>key.one</c> and <c>key.other</c> (the CLDR plural
 * categories Spanish and English use), and <c>{count}</c> is filled with the number.
 */
export function translateCount<K extends string>(dictionary: Dictionary<K>, key: PluralKey<K>, count: number, values?: Record<string, string | number>): string {
  const category = new Intl.PluralRules(locale()).select(count);
  const chosen = (category === "one" ? `${key}.one` : `${key}.other`) as K;
  const text = dictionary[current][chosen] ?? dictionary[current][`${key}.other` as K];
  return fill(text, { ...values, count: count.toLocaleString(locale()) });
}

/** A counting translator bound to one dictionary: <c>const tn = pluralTranslator(dict); tn("pages", 3)</c>. */
export function pluralTranslator<K extends string>(dictionary: Dictionary<K>) {
  return (key: PluralKey<K>, count: number, values?: Record<string, string | number>) => translateCount(dictionary, key, count, values);
}

/** Formats a time of day in the UI language. */
export function formatTime(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return date.toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
}

/** Formats a price with its ISO currency in the UI language. */
export function formatPrice(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

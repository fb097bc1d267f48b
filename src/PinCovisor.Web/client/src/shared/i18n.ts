// Spanish and English UI. The language comes from ?lang=, then the user's last choice, then the
// browser; every page offers a switch. Each module keeps its own dictionary next to its code.

export type Lang = "es" | "en";
export type Dictionary<K extends string> = Record<Lang, Record<K, string>>;

const storageKey = "pincovisor.lang";
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

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
  for (const listener of listeners) listener(next);
}

/** Calls <paramref name="listener"/> whenever the language changes; returns the unsubscribe. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Looks a key up and fills {name} placeholders. */
export function translate<K extends string>(dictionary: Dictionary<K>, key: K, values?: Record<string, string | number>): string {
  const text = dictionary[current][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A translator bound to one dictionary: <c>const t = translator(dict); t("key")</c>. */
export function translator<K extends string>(dictionary: Dictionary<K>) {
  return (key: K, values?: Record<string, string | number>) => translate(dictionary, key, values);
}

/** Formats a time of day in the UI language. */
export function formatTime(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return date.toLocaleTimeString(current === "es" ? "es-ES" : "en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** Formats a price with its ISO currency in the UI language. */
export function formatPrice(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(current === "es" ? "es-ES" : "en-GB", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

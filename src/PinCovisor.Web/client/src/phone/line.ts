// Which language the shop's line speaks to a caller. The IVR cannot see the simulator's screen; what
// it gets, as from Twilio, is the country of the caller's number (FromCountry), and the shop may
// answer some countries in another language (Ivr:LanguageByCountry).
import type { SimulatorSetup } from "./types";

// E.164 calling codes of the countries the demo may meet; a number with another code sends no FromCountry.
const callingCodes: [string, string][] = [
  ["1", "US"], ["33", "FR"], ["34", "ES"], ["39", "IT"], ["44", "GB"], ["49", "DE"], ["351", "PT"], ["353", "IE"],
];

// A made-up number per country (from the ranges kept for fiction where there is one), to call from.
const samples: Record<string, string> = { ES: "+34 600 123 456", GB: "+44 7700 900123", US: "+1 202 555 0143" };

/** The ISO country of an E.164 number, as Twilio sends it in FromCountry; null when unknown. */
export function countryOf(e164: string): string | null {
  const digits = e164.startsWith("+") ? e164.slice(1) : "";
  const matches = callingCodes.filter(([code]) => digits.startsWith(code)).sort((a, b) => b[0].length - a[0].length);
  return matches[0]?.[1] ?? null;
}

/** The language tag (es-ES, en-GB…) the line speaks to a caller from <paramref name="e164"/>. */
export function lineLanguage(setup: SimulatorSetup, e164: string): string {
  const country = countryOf(e164);
  return (country ? setup.languageByCountry[country] : undefined) ?? setup.lineLanguage;
}

/**
 * A number to call from so that the line speaks <paramref name="language"/> ("es", "en"): one of the
 * shop's own country when the line speaks it to everyone, else one of a country it speaks it to;
 * null when the line does not speak it.
 */
export function numberSpeaking(setup: SimulatorSetup, language: string): string | null {
  const home = countryOf(setup.shopNumber);
  const countries = [
    ...(setup.lineLanguage.startsWith(language) && home ? [home] : []),
    ...Object.entries(setup.languageByCountry).filter(([, tag]) => tag.startsWith(language)).map(([country]) => country),
  ];
  return countries.map(country => samples[country]).find(sample => sample !== undefined) ?? null;
}

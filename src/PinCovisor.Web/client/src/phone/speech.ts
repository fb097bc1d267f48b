// Speaks <Say> text with the browser's speech synthesis when it has a voice for the language.
// Headless browsers have none, and some voices never fire "end": every wait here is capped, so
// the call always moves on.

export class Speaker {
  enabled = true;
  private voices: SpeechSynthesisVoice[] = [];
  private readonly synth: SpeechSynthesis | null = "speechSynthesis" in window ? window.speechSynthesis : null;

  constructor() {
    if (!this.synth) return;
    const load = () => { this.voices = this.synth?.getVoices() ?? []; };
    load();
    this.synth.addEventListener("voiceschanged", load);
  }

  /** The browser voice for a TwiML language such as es-ES, or the closest one with the same language. */
  voiceFor(language: string): SpeechSynthesisVoice | undefined {
    const wanted = language.replace("_", "-").toLowerCase();
    const primary = wanted.split("-")[0] ?? wanted;
    return this.voices.find(v => v.lang.replace("_", "-").toLowerCase() === wanted)
      ?? this.voices.find(v => v.lang.toLowerCase().startsWith(primary));
  }

  /** Resolves when the text has been said, or after a reading pause when it cannot be spoken. */
  speak(text: string, language: string): Promise<void> {
    const voice = this.enabled ? this.voiceFor(language) : undefined;
    if (!this.synth || !voice) return delay(Math.min(300 + text.length * 12, 1500));
    const synth = this.synth;
    return new Promise(resolve => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      const cap = setTimeout(resolve, 2000 + text.length * 120);
      const done = () => { clearTimeout(cap); resolve(); };
      utterance.addEventListener("end", done);
      utterance.addEventListener("error", done);
      synth.speak(utterance);
    });
  }

  cancel(): void {
    this.synth?.cancel();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

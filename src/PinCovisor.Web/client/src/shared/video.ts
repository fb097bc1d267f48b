// The synced video: the session's latest video state (stamped with the server's clock) decides
// where every member's player should be; a loop keeps it there (seek when far, nudge the rate when
// close), and what the person does with the native controls goes out as ControlVideo.

import type { CovisorConnection, CovisorEvent, VideoState } from "./contracts";
import { api } from "./api";
import type { components } from "../generated/rest";
import { h } from "./dom";
import { translator } from "./i18n";

const t = translator({
  es: { sound: "Toca para activar el sonido", video: "Vídeo compartido", missing: "Este vídeo ya no está disponible." },
  en: { sound: "Tap for sound", video: "Shared video", missing: "This video is no longer available." },
});

type VideoInfo = components["schemas"]["ShopVideo"];

const checkEveryMs = 250;
const seekBeyondS = 0.1;
const settleAfterSeekMs = 800;

export class SyncedVideo {
  readonly video = h("video", { class: "pc-viewer-video", "data-testid": "pc-viewer-video", controls: true, playsinline: true, preload: "auto" });
  readonly sound = h("button", { type: "button", class: "pc-button pc-sound", hidden: true });
  readonly element = h("div", { class: "pc-video", hidden: true }, this.video, this.sound);
  private state: VideoState | null = null;
  private currentId: string | null = null;
  private videos: Promise<VideoInfo[]> | null = null;
  private loop: ReturnType<typeof setInterval>;
  /** Media events this page caused itself (applying the session's state), not the person: not sent back. */
  private readonly expecting = { play: false, pause: false, seeked: false, ratechange: false };
  private settleUntil = 0;
  private ownInFlight = 0;
  private pendingReplay: VideoState | null = null;

  constructor(
    private readonly connection: CovisorConnection,
    private readonly sessionId: string,
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly onError: (message: string) => void,
  ) {
    this.loop = setInterval(() => this.correct(), checkEveryMs);
    this.sound.addEventListener("click", () => {
      this.video.muted = false;
      this.sound.hidden = true;
    });
    for (const type of ["play", "pause", "seeked", "ratechange"] as const) {
      this.video.addEventListener(type, () => this.userAction(type));
    }
    this.video.addEventListener("loadedmetadata", () => this.sync(true));
    this.label();
  }

  label(): void {
    this.sound.textContent = t("sound");
    this.video.setAttribute("aria-label", t("video"));
  }

  apply(event: CovisorEvent, replay: boolean, own: boolean): void {
    if (event.kind !== "video.changed") return;
    const state = event.data as unknown as VideoState;
    // Echoes of what this page sent: the player is already there. The last one brings the server's
    // stamp, which the loop then follows smoothly; an earlier one must not pull the player back.
    if (own && !replay && this.ownInFlight > 0) {
      this.ownInFlight--;
      if (this.ownInFlight === 0 && this.state && state.videoId === this.state.videoId) this.state = state;
      return;
    }
    if (replay) {
      // Only the latest state matters to a late joiner: apply it once the replay is through.
      if (!this.pendingReplay) queueMicrotask(() => { const s = this.pendingReplay; this.pendingReplay = null; if (s) void this.applyState(s); });
      this.pendingReplay = state;
      return;
    }
    void this.applyState(state);
  }

  /**
   * Asks the session to load a video and play it from the start (agents): one action for the
   * person. The click that asked for it lets this page play with sound; a member whose browser
   * refuses autoplay with sound plays muted and is offered the sound (see play()).
   */
  async load(videoId: string): Promise<void> {
    await this.connection.invoke("ControlVideo", this.sessionId, { action: "load", videoId, position: 0, rate: 1, playing: true });
  }

  private list(): Promise<VideoInfo[]> {
    this.videos ??= api<VideoInfo[]>("/api/videos", { baseUrl: this.baseUrl, token: this.token, credentials: this.token ? "omit" : "same-origin" })
      .catch(error => { this.videos = null; throw error; });
    return this.videos;
  }

  private async applyState(state: VideoState): Promise<void> {
    this.state = state;
    this.element.hidden = false;
    if (state.videoId !== this.currentId) {
      this.currentId = state.videoId;
      let info: VideoInfo | undefined;
      try {
        info = (await this.list()).find(v => v.id === state.videoId);
      } catch {
        info = undefined;
      }
      if (this.currentId !== state.videoId) return; // another video was loaded while we looked this one up
      if (!info) {
        this.onError(t("missing"));
        return;
      }
      const absolute = /^https?:\/\//i.test(info.url);
      const url = absolute ? info.url : this.baseUrl + info.url;
      this.video.src = !absolute && this.token ? `${url}${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(this.token)}` : url;
    }
    // The latest state (a play may have arrived while the list loaded) decides where to be.
    this.sync(true);
  }

  /** Where the session's player is now, by the server's clock. */
  private expected(state: VideoState): number {
    if (!state.playing) return state.position;
    const serverNow = Date.now() + this.connection.serverOffsetMs();
    return state.position + ((serverNow - Date.parse(state.serverTime)) / 1000) * state.rate;
  }

  private sync(force: boolean): void {
    const state = this.state;
    if (!state || !this.video.src) return;
    const video = this.video;
    const target = Math.max(0, this.expected(state));
    const drift = target - video.currentTime;
    const now = performance.now();
    if (Math.abs(drift) > seekBeyondS && (force || now > this.settleUntil || !state.playing)) {
      this.settleUntil = now + settleAfterSeekMs;
      this.expecting.seeked = true;
      video.currentTime = target;
    }
    if (state.playing) {
      // Close enough: nudge the rate so the gap closes within a couple of seconds without a jump.
      const nudge = Math.abs(drift) > 0.02 && Math.abs(drift) <= 1 ? Math.max(-0.1, Math.min(0.1, drift * 0.5)) : 0;
      const rate = state.rate * (1 + nudge);
      if (Math.abs(video.playbackRate - rate) > 0.001) this.setRate(rate);
      if (video.paused) this.play();
    } else {
      if (Math.abs(video.playbackRate - state.rate) > 0.001) this.setRate(state.rate);
      if (!video.paused) { this.expecting.pause = true; video.pause(); }
    }
  }

  private setRate(rate: number): void {
    this.expecting.ratechange = true;
    this.video.playbackRate = rate;
  }

  private play(): void {
    this.expecting.play = true;
    this.video.play().catch((error: unknown) => {
      this.expecting.play = false;
      if (error instanceof DOMException && error.name === "NotAllowedError" && !this.video.muted) {
        // Autoplay with sound is blocked until the person touches the page: play muted and offer sound.
        this.video.muted = true;
        this.sound.hidden = false;
        this.expecting.play = true;
        void this.video.play().catch(() => { this.expecting.play = false; });
      }
    });
  }

  private correct(): void {
    if (this.state?.playing && !this.video.seeking && this.video.readyState >= 2) this.sync(false);
  }

  /** The person used the controls: tell the session, unless the event is one we caused. */
  private userAction(type: "play" | "pause" | "seeked" | "ratechange"): void {
    const state = this.state;
    if (this.expecting[type]) {
      this.expecting[type] = false;
      return;
    }
    if (!state) return;
    const video = this.video;
    const position = Math.min(86400, Math.max(0, video.currentTime));
    let command: { action: string; rate: number; playing: boolean } | null = null;
    if (type === "play" && !state.playing) command = { action: "play", rate: state.rate, playing: true };
    else if (type === "pause" && state.playing && !video.ended) command = { action: "pause", rate: state.rate, playing: false };
    else if (type === "seeked" && Math.abs(position - this.expected(state)) > 0.5) command = { action: "seek", rate: state.rate, playing: !video.paused };
    else if (type === "ratechange" && Math.abs(video.playbackRate - state.rate) > 0.15) {
      command = { action: "rate", rate: Math.min(4, Math.max(0.25, video.playbackRate)), playing: !video.paused };
    }
    if (!command) return;
    // Apply locally at once so the loop does not pull the player back while the server answers.
    this.state = { ...state, ...command, action: command.action as VideoState["action"], position, serverTime: new Date(Date.now() + this.connection.serverOffsetMs()).toISOString() };
    this.ownInFlight++;
    this.connection.invoke("ControlVideo", this.sessionId, { ...command, videoId: state.videoId, position })
      .catch(error => { this.ownInFlight = Math.max(0, this.ownInFlight - 1); this.onError(this.connection.humanError(error)); });
  }

  destroy(): void {
    clearInterval(this.loop);
    this.video.pause();
    this.video.removeAttribute("src");
  }
}

// Strokes drawn over the shared image. Points are normalised to the image (0–1), so both sides
// agree whatever their screens; a stroke in progress goes out in batches every ~50 ms under one
// strokeId, so the other side sees the line grow.

import type { CovisorConnection, CovisorEvent } from "./contracts";
import { h } from "./dom";

interface Stroke {
  color: string;
  width: number;
  points: number[];
}

const batchEveryMs = 50;
const maxPointsPerBatch = 1000;

export class Drawing {
  readonly canvas = h("canvas", { class: "pc-viewer-canvas", "data-testid": "pc-viewer-canvas", "data-stroke-count": "0", "aria-hidden": "true" });
  private readonly strokes = new Map<string, Stroke>();
  /** My strokes, oldest first, for undo. */
  private readonly mine: string[] = [];
  /** Strokes drawn here: their echoes carry points this page already has. */
  private readonly local = new Set<string>();
  private active: { id: string; pending: number[]; timer: ReturnType<typeof setInterval> } | null = null;
  color = "#e5484d";
  width = 6;

  constructor(
    private readonly connection: CovisorConnection,
    private readonly sessionId: string,
    private readonly role: string,
    private readonly onError: (message: string) => void,
  ) {}

  get count(): number {
    return this.strokes.size;
  }

  /** Sizes the canvas to the stage (CSS px) and redraws; pixels follow the device ratio and part of the zoom, for crisp lines. */
  resize(cssWidth: number, cssHeight: number, zoom: number): void {
    const scale = Math.min((window.devicePixelRatio || 1) * Math.min(zoom, 3), 4096 / Math.max(cssWidth, cssHeight, 1));
    const width = Math.max(1, Math.round(cssWidth * scale));
    const height = Math.max(1, Math.round(cssHeight * scale));
    if (width === this.canvas.width && height === this.canvas.height) return;
    this.canvas.width = width;
    this.canvas.height = height;
    this.redraw();
  }

  redraw(): void {
    const context = this.canvas.getContext("2d");
    if (!context) return;
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    for (const stroke of this.strokes.values()) this.paint(context, stroke, 0);
    this.canvas.dataset.strokeCount = String(this.strokes.size);
  }

  private paint(context: CanvasRenderingContext2D, stroke: Stroke, fromPoint: number): void {
    const w = this.canvas.width;
    const hgt = this.canvas.height;
    const p = stroke.points;
    if (p.length < 2) return;
    context.strokeStyle = stroke.color;
    context.fillStyle = stroke.color;
    context.lineWidth = Math.max(1, (stroke.width / 1000) * w);
    context.lineCap = "round";
    context.lineJoin = "round";
    const start = Math.max(0, fromPoint - 2);
    if (p.length === 2) {
      context.beginPath();
      context.arc(p[0]! * w, p[1]! * hgt, context.lineWidth / 2, 0, Math.PI * 2);
      context.fill();
      return;
    }
    context.beginPath();
    context.moveTo(p[start]! * w, p[start + 1]! * hgt);
    for (let i = start + 2; i < p.length; i += 2) context.lineTo(p[i]! * w, p[i + 1]! * hgt);
    context.stroke();
  }

  private addPoints(id: string, color: string, width: number, points: number[]): void {
    let stroke = this.strokes.get(id);
    if (!stroke) {
      stroke = { color, width, points: [] };
      this.strokes.set(id, stroke);
    }
    const from = stroke.points.length;
    stroke.points.push(...points);
    const context = this.canvas.getContext("2d");
    if (context) this.paint(context, stroke, from);
    this.canvas.dataset.strokeCount = String(this.strokes.size);
  }

  apply(event: CovisorEvent): void {
    const data = event.data;
    switch (event.kind) {
      case "stroke.added": {
        const id = String(data.strokeId);
        if (event.author.role === this.role && !this.mine.includes(id)) this.mine.push(id);
        if (this.local.has(id)) return;
        this.addPoints(id, String(data.color ?? "#000000"), Number(data.width ?? 4), (data.points as number[]) ?? []);
        break;
      }
      case "stroke.undone":
        this.remove(String(data.strokeId));
        break;
      case "strokes.cleared":
      case "image.shared":
        this.clearLocal();
        break;
      default:
        break;
    }
  }

  clearLocal(): void {
    this.strokes.clear();
    this.mine.length = 0;
    this.redraw();
  }

  private remove(id: string): void {
    this.strokes.delete(id);
    const at = this.mine.indexOf(id);
    if (at >= 0) this.mine.splice(at, 1);
    this.redraw();
  }

  // --- drawing here -------------------------------------------------------------------------

  begin(x: number, y: number): void {
    this.end();
    const id = `s-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
    this.local.add(id);
    this.mine.push(id);
    this.active = { id, pending: [], timer: setInterval(() => this.flush(), batchEveryMs) };
    this.extend(x, y);
  }

  extend(x: number, y: number): void {
    if (!this.active) return;
    const point = [clamp01(x), clamp01(y)];
    this.active.pending.push(...point);
    this.addPoints(this.active.id, this.color, this.width, point);
    if (this.active.pending.length >= maxPointsPerBatch * 2) this.flush();
  }

  end(): void {
    if (!this.active) return;
    clearInterval(this.active.timer);
    this.flush();
    this.active = null;
  }

  private flush(): void {
    const active = this.active;
    if (!active || active.pending.length === 0) return;
    const points = active.pending.map(round4);
    active.pending = [];
    this.connection.invoke("AddStroke", this.sessionId, { strokeId: active.id, points, color: this.color, width: this.width })
      .catch(error => this.onError(this.connection.humanError(error)));
  }

  async undo(): Promise<void> {
    const id = [...this.mine].reverse().find(s => this.strokes.has(s));
    if (!id) return;
    this.remove(id);
    await this.connection.invoke("UndoStroke", this.sessionId, id);
  }

  async clear(): Promise<void> {
    this.clearLocal();
    await this.connection.invoke("ClearStrokes", this.sessionId);
  }

  get drawing(): boolean {
    return this.active !== null;
  }

  destroy(): void {
    this.end();
  }
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

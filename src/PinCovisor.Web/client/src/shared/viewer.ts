// The shared visual area of a session (both sides): the shared image with zoom and pan mirrored
// (SetView), drawing over it (drawing.ts), the other side's pointer, the synced video (video.ts),
// photo upload and, for customers, the link that brings their phone in (upload.ts).

import type { CovisorEvent, CovisorView, CovisorViewOptions, PointerSignal, Product } from "./contracts";
import { h } from "./dom";
import { onLangChange, translator } from "./i18n";
import { resetKind } from "./log";
import { Drawing } from "./drawing";
import { SyncedVideo } from "./video";
import { showDeviceLink, uploadError, uploadMedia } from "./upload";
import { safeUrl } from "./product";

const t = translator({
  es: {
    region: "Imagen compartida", pan: "Mover", draw: "Dibujar", color: "Color", undo: "Deshacer", clear: "Borrar",
    upload: "Subir foto", camera: "Cámara", phone: "Seguir en el móvil", empty: "Aquí verás lo que te enseñemos.",
    emptyAgent: "Comparte un producto, una foto o un vídeo.", image: "Imagen compartida", uploading: "Subiendo foto… {p} %",
    shared: "Foto compartida.", tools: "Herramientas", help: "Rueda o pellizco para ampliar, arrastra para mover, doble clic para restablecer. Teclas + − y flechas.",
    red: "Rojo", yellow: "Amarillo", green: "Verde", blue: "Azul", black: "Negro", white: "Blanco",
  },
  en: {
    region: "Shared image", pan: "Move", draw: "Draw", color: "Colour", undo: "Undo", clear: "Clear",
    upload: "Upload photo", camera: "Camera", phone: "Continue on phone", empty: "What we show you will appear here.",
    emptyAgent: "Share a product, a photo or a video.", image: "Shared image", uploading: "Uploading photo… {p} %",
    shared: "Photo shared.", tools: "Tools", help: "Wheel or pinch to zoom, drag to move, double-click to reset. Keys + − and arrows.",
    red: "Red", yellow: "Yellow", green: "Green", blue: "Blue", black: "Black", white: "White",
  },
});

const colors = [["red", "#e5484d"], ["yellow", "#f5b700"], ["green", "#1f9d55"], ["blue", "#0b5fff"], ["black", "#111111"], ["white", "#ffffff"]] as const;

interface View { zoom: number; centerX: number; centerY: number }

const viewEveryMs = 100;
const pointerEveryMs = 50;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function createCovisorView(options: CovisorViewOptions): CovisorView {
  const { connection, sessionId, baseUrl, token, role } = options;
  let view: View = { zoom: 1, centerX: 0.5, centerY: 0.5 };
  let tool: "pan" | "draw" = "pan";
  let aspect = 0; // width / height of the shared image; 0 = nothing shown
  let stageSize = { width: 0, height: 0 };

  const status = h("p", { class: "pc-viewer-status", role: "status", "aria-live": "polite" });
  const drawing = new Drawing(connection, sessionId, role, message => showStatus(message, true));
  const video = new SyncedVideo(connection, sessionId, baseUrl, token, message => showStatus(message, true));
  const image = h("img", { class: "pc-viewer-image", "data-testid": "pc-viewer-image", alt: "", draggable: "false" });
  const pointer = h("div", { class: "pc-pointer", hidden: true, "aria-hidden": "true" });
  const stage = h("div", { class: "pc-viewer-stage", "data-testid": "pc-viewer-stage", "data-zoom": "1", "data-center-x": "0.5", "data-center-y": "0.5" },
    image, drawing.canvas, pointer);
  const empty = h("p", { class: "pc-viewer-empty" });
  const help = h("p", { class: "visually-hidden", id: `pc-viewer-help-${sessionId}` });
  // pc-viewer is the visible picture area (it clips the zoomed image), so its box is what is on screen.
  const frame = h("div", { class: "pc-viewer-frame pc-tool-pan-active", "data-testid": "pc-viewer", tabindex: "0", role: "group", "aria-describedby": help.id }, stage, empty, help);

  // Toolbar ---------------------------------------------------------------------------------------
  const panButton = h("button", { type: "button", class: "pc-tool", "data-testid": "pc-tool-pan", "aria-pressed": "true" });
  const drawButton = h("button", { type: "button", class: "pc-tool", "data-testid": "pc-tool-draw", "aria-pressed": "false" });
  const colorSelect = h("select", { class: "pc-color", "data-testid": "pc-color" });
  const colorLabel = h("label", { class: "pc-color-label" }, h("span", { class: "pc-swatch", "aria-hidden": "true" }), h("span", { class: "visually-hidden" }), colorSelect);
  // Undo and clear are icons (their words for assistive technology and as a tooltip), so the drawing
  // tools fit one row of the narrowest panel in either language.
  const undoButton = h("button", { type: "button", class: "pc-tool pc-tool-icon pc-icon-undo", "data-testid": "pc-undo" }, h("span", { class: "visually-hidden" }));
  const clearButton = h("button", { type: "button", class: "pc-tool pc-tool-icon pc-icon-clear", "data-testid": "pc-clear" }, h("span", { class: "visually-hidden" }));
  const uploadInput = h("input", { type: "file", accept: "image/*", class: "visually-hidden", "data-testid": "pc-upload-input" });
  const cameraInput = h("input", { type: "file", accept: "image/*", capture: "environment", class: "visually-hidden", "data-testid": "pc-upload-camera" });
  const uploadLabel = h("label", { class: "pc-tool pc-file" }, uploadInput, h("span"));
  // The camera is offered on handheld (touch) devices, "continue on phone" everywhere else (styles).
  const cameraLabel = h("label", { class: "pc-tool pc-file pc-camera" }, cameraInput, h("span"));
  const phoneButton = role === "customer" && token ? h("button", { type: "button", class: "pc-tool pc-handoff", "data-testid": "pc-continue-phone" }) : null;
  const toolbar = h("div", { class: "pc-toolbar", role: "group" },
    h("div", { class: "pc-tool-group" }, panButton, drawButton, colorLabel, undoButton, clearButton),
    h("div", { class: "pc-tool-group" }, uploadLabel, cameraLabel, phoneButton));
  for (const [name, value] of colors) colorSelect.append(h("option", { value, "data-name": name }));

  const element = h("section", { class: "pc-viewer", "data-has-image": "false" }, frame, video.element, toolbar, status);

  function label(): void {
    frame.setAttribute("aria-label", t("region"));
    help.textContent = t("help");
    empty.textContent = role === "agent" ? t("emptyAgent") : t("empty");
    toolbar.setAttribute("aria-label", t("tools"));
    panButton.textContent = t("pan");
    drawButton.textContent = t("draw");
    (colorLabel.children[1] as HTMLElement).textContent = t("color");
    colorSelect.setAttribute("aria-label", t("color"));
    for (const option of colorSelect.options) option.textContent = t(option.dataset.name as (typeof colors)[number][0]);
    undoButton.firstElementChild!.textContent = t("undo");
    undoButton.title = t("undo");
    clearButton.firstElementChild!.textContent = t("clear");
    clearButton.title = t("clear");
    (uploadLabel.lastElementChild as HTMLElement).textContent = t("upload");
    (cameraLabel.lastElementChild as HTMLElement).textContent = t("camera");
    if (phoneButton) phoneButton.textContent = t("phone");
    if (!image.alt || image.dataset.generic) { image.alt = t("image"); image.dataset.generic = "1"; }
    video.label();
  }

  let statusTimer: ReturnType<typeof setTimeout> | null = null;
  function showStatus(message: string, error = false): void {
    status.textContent = message;
    status.classList.toggle("pc-error-text", error);
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { status.textContent = ""; }, error ? 8000 : 3000);
  }

  // Layout and transform ----------------------------------------------------------------------------
  function layout(): void {
    const width = frame.clientWidth;
    const height = frame.clientHeight;
    if (!aspect || !width || !height) return;
    stageSize = width / height > aspect ? { width: height * aspect, height } : { width, height: width / aspect };
    render();
  }

  function render(): void {
    const width = frame.clientWidth;
    const height = frame.clientHeight;
    const tx = width / 2 - view.centerX * stageSize.width * view.zoom;
    const ty = height / 2 - view.centerY * stageSize.height * view.zoom;
    // The stage is laid out at the zoomed size (not scaled), so the browser draws the picture sharp.
    stage.style.width = `${stageSize.width * view.zoom}px`;
    stage.style.height = `${stageSize.height * view.zoom}px`;
    stage.style.transform = `translate(${tx}px, ${ty}px)`;
    stage.dataset.zoom = String(view.zoom);
    stage.dataset.centerX = String(view.centerX);
    stage.dataset.centerY = String(view.centerY);
    drawing.resize(stageSize.width, stageSize.height, view.zoom);
  }

  /** Keeps the image covering the frame where it can: the centre stays where some of it is visible. */
  function bounded(next: View): View {
    const zoom = clamp(next.zoom, 1, 20);
    const halfW = stageSize.width ? frame.clientWidth / (2 * stageSize.width * zoom) : 0.5;
    const halfH = stageSize.height ? frame.clientHeight / (2 * stageSize.height * zoom) : 0.5;
    const cx = halfW >= 0.5 ? 0.5 : clamp(next.centerX, halfW, 1 - halfW);
    const cy = halfH >= 0.5 ? 0.5 : clamp(next.centerY, halfH, 1 - halfH);
    const round = (v: number) => Math.round(v * 10000) / 10000;
    return { zoom: round(zoom), centerX: round(clamp(cx, 0, 1)), centerY: round(clamp(cy, 0, 1)) };
  }

  // Local changes apply at once and go out at most every 100 ms; the last one always goes.
  let viewSentAt = 0;
  let lastLocalView = -Infinity;
  let viewTimer: ReturnType<typeof setTimeout> | null = null;
  function setViewLocal(next: View): void {
    if (!aspect) return;
    lastLocalView = performance.now();
    view = bounded(next);
    render();
    const wait = viewSentAt + viewEveryMs - Date.now();
    if (viewTimer) return;
    viewTimer = setTimeout(() => {
      viewTimer = null;
      viewSentAt = Date.now();
      connection.invoke("SetView", sessionId, view).catch(error => showStatus(connection.humanError(error), true));
    }, Math.max(0, wait));
  }

  /** Image coordinates (0–1) of a point on screen. */
  function toImage(clientX: number, clientY: number): { x: number; y: number } {
    const rect = stage.getBoundingClientRect();
    return { x: (clientX - rect.left) / rect.width, y: (clientY - rect.top) / rect.height };
  }

  function zoomAt(clientX: number, clientY: number, zoom: number): void {
    const rect = frame.getBoundingClientRect();
    const mx = clientX - rect.left - rect.width / 2;
    const my = clientY - rect.top - rect.height / 2;
    const nextZoom = clamp(zoom, 1, 20);
    const px = view.centerX + mx / (stageSize.width * view.zoom);
    const py = view.centerY + my / (stageSize.height * view.zoom);
    setViewLocal({ zoom: nextZoom, centerX: px - mx / (stageSize.width * nextZoom), centerY: py - my / (stageSize.height * nextZoom) });
  }

  // Pointer input: pan/pinch, or draw --------------------------------------------------------------
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch: { distance: number; zoom: number } | null = null;
  let lastTap = 0;

  frame.addEventListener("wheel", event => {
    if (!aspect) return;
    event.preventDefault();
    zoomAt(event.clientX, event.clientY, view.zoom * Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)));
  }, { passive: false });

  frame.addEventListener("pointerdown", event => {
    if (!aspect || event.button > 0) return;
    frame.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      drawing.end();
      const [a, b] = [...pointers.values()];
      pinch = { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y) || 1, zoom: view.zoom };
      return;
    }
    if (tool === "draw" && pointers.size === 1) {
      const p = toImage(event.clientX, event.clientY);
      drawing.begin(p.x, p.y);
      return;
    }
    if (event.pointerType !== "mouse") {
      const now = performance.now();
      if (now - lastTap < 300) setViewLocal({ zoom: 1, centerX: 0.5, centerY: 0.5 });
      lastTap = now;
    }
  });

  frame.addEventListener("pointermove", event => {
    if (aspect) sendPointer(event);
    const previous = pointers.get(event.pointerId);
    if (!previous) return;
    const current = { x: event.clientX, y: event.clientY };
    pointers.set(event.pointerId, current);
    if (pinch && pointers.size >= 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      const midX = (a!.x + b!.x) / 2;
      const midY = (a!.y + b!.y) / 2;
      // Pan by the midpoint's movement (half of this pointer's), then zoom around the midpoint.
      setViewLocal({ ...view, centerX: view.centerX - (current.x - previous.x) / 2 / (stageSize.width * view.zoom), centerY: view.centerY - (current.y - previous.y) / 2 / (stageSize.height * view.zoom) });
      zoomAt(midX, midY, pinch.zoom * (distance / pinch.distance));
      return;
    }
    if (drawing.drawing) {
      const coalesced = typeof event.getCoalescedEvents === "function" ? event.getCoalescedEvents() : [];
      for (const e of coalesced.length ? coalesced : [event]) {
        const p = toImage(e.clientX, e.clientY);
        drawing.extend(p.x, p.y);
      }
      return;
    }
    if (tool === "pan") {
      setViewLocal({ ...view, centerX: view.centerX - (current.x - previous.x) / (stageSize.width * view.zoom), centerY: view.centerY - (current.y - previous.y) / (stageSize.height * view.zoom) });
    }
  });

  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 0) drawing.end();
  };
  frame.addEventListener("pointerup", release);
  frame.addEventListener("pointercancel", release);
  frame.addEventListener("dblclick", () => setViewLocal({ zoom: 1, centerX: 0.5, centerY: 0.5 }));
  frame.addEventListener("keydown", event => {
    if (!aspect) return;
    const step = 0.1 / view.zoom;
    const keys: Record<string, () => View> = {
      "+": () => ({ ...view, zoom: view.zoom * 1.25 }), "=": () => ({ ...view, zoom: view.zoom * 1.25 }),
      "-": () => ({ ...view, zoom: view.zoom / 1.25 }), "_": () => ({ ...view, zoom: view.zoom / 1.25 }),
      ArrowLeft: () => ({ ...view, centerX: view.centerX - step }), ArrowRight: () => ({ ...view, centerX: view.centerX + step }),
      ArrowUp: () => ({ ...view, centerY: view.centerY - step }), ArrowDown: () => ({ ...view, centerY: view.centerY + step }),
      "0": () => ({ zoom: 1, centerX: 0.5, centerY: 0.5 }),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    setViewLocal(action());
  });

  let pointerSentAt = 0;
  function sendPointer(event: PointerEvent): void {
    const now = Date.now();
    if (now - pointerSentAt < pointerEveryMs || pointers.size > 1) return;
    const p = toImage(event.clientX, event.clientY);
    if (p.x < 0 || p.x > 1 || p.y < 0 || p.y > 1) return;
    pointerSentAt = now;
    void connection.invoke("MovePointer", sessionId, Math.round(p.x * 10000) / 10000, Math.round(p.y * 10000) / 10000).catch(() => undefined);
  }

  let pointerHide: ReturnType<typeof setTimeout> | null = null;
  function showPointer(signal: PointerSignal): void {
    if (signal.sessionId !== sessionId || signal.author.role === role || !aspect) return;
    pointer.hidden = false;
    pointer.style.left = `${clamp(signal.x, 0, 1) * 100}%`;
    pointer.style.top = `${clamp(signal.y, 0, 1) * 100}%`;
    if (pointerHide) clearTimeout(pointerHide);
    pointerHide = setTimeout(() => { pointer.hidden = true; }, 3000);
  }

  // Tools -------------------------------------------------------------------------------------------
  function setTool(next: "pan" | "draw"): void {
    tool = next;
    panButton.setAttribute("aria-pressed", String(next === "pan"));
    drawButton.setAttribute("aria-pressed", String(next === "draw"));
    frame.classList.toggle("pc-tool-draw-active", next === "draw");
    frame.classList.toggle("pc-tool-pan-active", next === "pan");
  }
  function setColor(color: string): void {
    drawing.color = color.toLowerCase();
    if (![...colorSelect.options].some(o => o.value === drawing.color)) colorSelect.append(h("option", { value: drawing.color }, drawing.color));
    colorSelect.value = drawing.color;
    colorLabel.style.setProperty("--pc-stroke-color", drawing.color);
  }
  panButton.addEventListener("click", () => setTool("pan"));
  drawButton.addEventListener("click", () => setTool("draw"));
  colorSelect.addEventListener("change", () => { setColor(colorSelect.value); setTool("draw"); });
  const report = (promise: Promise<void>) => promise.catch(error => showStatus(connection.humanError(error), true));
  undoButton.addEventListener("click", () => void report(drawing.undo()));
  clearButton.addEventListener("click", () => void report(drawing.clear()));

  async function uploadAndShare(file: File): Promise<void> {
    showStatus(t("uploading", { p: 0 }));
    try {
      const media = await uploadMedia(baseUrl, token, sessionId, file, fraction => showStatus(t("uploading", { p: Math.round(fraction * 100) })));
      await connection.invoke("ShareImage", sessionId, { mediaId: media.mediaId });
      showStatus(t("shared"));
    } catch (error) {
      showStatus(error instanceof Error && /HubException/.test(error.message) ? connection.humanError(error) : uploadError(error), true);
      throw error;
    }
  }
  for (const input of [uploadInput, cameraInput]) {
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      input.value = "";
      if (file) void uploadAndShare(file).catch(() => undefined);
    });
  }
  phoneButton?.addEventListener("click", () => {
    showDeviceLink(element, baseUrl, token!, sessionId).catch(error => showStatus(uploadError(error), true));
  });

  // Events ------------------------------------------------------------------------------------------
  function showImage(src: string, alt: string | null): void {
    aspect = 0;
    view = { zoom: 1, centerX: 0.5, centerY: 0.5 };
    element.dataset.hasImage = "true";
    image.alt = alt ?? t("image");
    if (alt) delete image.dataset.generic; else image.dataset.generic = "1";
    image.src = src;
    render();
  }

  image.addEventListener("load", () => {
    aspect = image.naturalWidth && image.naturalHeight ? image.naturalWidth / image.naturalHeight : 1;
    layout();
  });

  function apply(event: CovisorEvent, replay: boolean): void {
    const data = event.data;
    drawing.apply(event);
    video.apply(event, replay, event.author.role === role);
    switch (event.kind) {
      case resetKind:
        element.dataset.hasImage = "false";
        image.removeAttribute("src");
        aspect = 0;
        drawing.clearLocal();
        break;
      case "image.shared": {
        const product = data.product as Product | null | undefined;
        if (data.source === "product" && product?.imageUrl) {
          const src = safeUrl(product.imageUrl, baseUrl);
          if (src) showImage(src, product.title);
        } else if (typeof data.url === "string") {
          const url = baseUrl + data.url;
          showImage(token ? `${url}${url.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(token)}` : url, null);
        }
        break;
      }
      case "view.changed":
        // While the person here is zooming or panning, the echoes of their own earlier steps would pull the image back.
        if (!replay && event.author.role === role && performance.now() - lastLocalView < 1000) break;
        view = { zoom: Number(data.zoom), centerX: Number(data.centerX), centerY: Number(data.centerY) };
        render();
        break;
      default:
        break;
    }
  }

  const resizeObserver = new ResizeObserver(() => layout());
  resizeObserver.observe(frame);
  setColor(colors[0][1]);
  label();
  const unsubscribers = [
    onLangChange(label),
    connection.onPointer(showPointer),
    connection.onSessionEvent(sessionId, apply),
  ];

  return {
    element,
    setTool,
    setColor,
    undoLastStroke: () => drawing.undo(),
    clearStrokes: () => drawing.clear(),
    uploadAndShare,
    async shareProduct(productId, withImage) {
      await connection.invoke("ShareProduct", sessionId, productId);
      if (withImage) await connection.invoke("ShareImage", sessionId, { productId });
    },
    loadVideo: videoId => video.load(videoId),
    destroy() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      resizeObserver.disconnect();
      drawing.destroy();
      video.destroy();
      if (viewTimer) clearTimeout(viewTimer);
      element.remove();
    },
  };
}

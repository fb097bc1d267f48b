// The console's icons: 24×24 single-path glyphs drawn for it, inlined so the strict CSP and the
// offline shell need nothing more.

const paths = {
  menu: "M3 6h18v2H3Zm0 5h18v2H3Zm0 5h18v2H3Z",
  close: "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6Z",
  logout: "M5 3h9v2H5v14h9v2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm11.6 4.4L18 6l6 6-6 6-1.4-1.4 3.6-3.6H9v-2h11.2Z",
  bell: "M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Zm-2 1H7v-6a5 5 0 0 1 10 0Z",
  bellOn: "M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z",
  phone: "M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25c1.1.37 2.3.57 3.6.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1Z",
  person: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5Z",
  chat: "M6 4h12a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4V6a2 2 0 0 1 2-2Z",
  eye: "M12 5C7 5 3 9.5 2 12c1 2.5 5 7 10 7s9-4.5 10-7c-1-2.5-5-7-10-7Zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm0-2a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z",
  back: "M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20Z",
  download: "M11 3h2v10.2l3.6-3.6L18 11l-6 6-6-6 1.4-1.4 3.6 3.6ZM4 19h16v2H4Z",
  transfer: "M16 3l5 5-5 5-1.4-1.4L17.2 9H4V7h13.2l-2.6-2.6Zm-8 8 1.4 1.4L6.8 15H20v2H6.8l2.6 2.6L8 21l-5-5Z",
  stop: "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-3 6v8h6V8Z",
  search: "M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z",
  play: "M8 5v14l11-7Z",
  code: "M9 3h2l-.5 4h4l.5-4h2l-.5 4H20v2h-3.75l-.5 4H19v2h-3.5l-.5 4h-2l.5-4h-4l-.5 4H7l.5-4H4v-2h3.75l.5-4H5V7h3.5Zm1.25 6-.5 4h4l.5-4Z",
  check: "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4Z",
  attach: "M16.5 6v11.5a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6H9v9.5a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v12.5a6 6 0 0 0 12 0V6Z",
} as const;

export type IconName = keyof typeof paths;

/** An icon hidden from screen readers: the control it sits in carries the words. */
export function icon(name: IconName, size = 22): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "icon");
  const shape = document.createElementNS(ns, "path");
  shape.setAttribute("d", paths[name]);
  shape.setAttribute("fill", "currentColor");
  svg.appendChild(shape);
  return svg;
}

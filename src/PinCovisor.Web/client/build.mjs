// Builds the browser code into ../wwwroot: one bundle per page, the shop widget as a classic
// script (it lands on pages we do not control), CSS bundles, and a size report for the widget.
// Usage: node build.mjs [--watch]
import * as esbuild from "esbuild";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../wwwroot");
const watch = process.argv.includes("--watch");

/** Entry points that exist (pages are added folder by folder). */
function entries(list) {
  return list.filter(e => existsSync(path.join(here, e.in)));
}

const common = {
  bundle: true,
  minify: true,
  sourcemap: "linked",
  target: ["chrome109", "firefox115", "safari15.4"],
  platform: "browser",
  legalComments: "linked",
  logLevel: "warning",
};

const builds = [
  // The widget is a classic script: an IIFE with nothing global but what it chooses to expose.
  { ...common, format: "iife", entryPoints: entries([{ in: "src/widget.ts", out: "widget" }]), outdir: path.join(out, "js") },
  // Pages and the service worker are ES modules of our own origin.
  {
    ...common,
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    entryPoints: entries([
      { in: "src/join.ts", out: "join" },
      { in: "src/agent/main.ts", out: "agent" },
      { in: "src/demo/main.ts", out: "demo" },
      { in: "src/phone/main.ts", out: "phone" },
      { in: "src/whatsapp/main.ts", out: "whatsapp" },
      { in: "src/insight/main.ts", out: "insight" },
    ]),
    outdir: path.join(out, "js"),
  },
  { ...common, format: "iife", entryPoints: entries([{ in: "src/agent/sw.ts", out: "agent-sw" }]), outdir: path.join(out, "js") },
  {
    ...common,
    entryPoints: entries([
      { in: "src/styles/widget.css", out: "widget" },
      { in: "src/styles/join.css", out: "join" },
      { in: "src/styles/agent.css", out: "agent" },
      { in: "src/styles/demo.css", out: "demo" },
      { in: "src/styles/phone.css", out: "phone" },
      { in: "src/styles/whatsapp.css", out: "whatsapp" },
      { in: "src/styles/insight.css", out: "insight" },
    ]),
    outdir: path.join(out, "css"),
    loader: { ".svg": "dataurl", ".woff2": "file" },
  },
].filter(b => b.entryPoints.length > 0);

async function report() {
  const file = path.join(out, "js", "widget.js");
  if (!existsSync(file)) return;
  const js = await readFile(file);
  const cssFile = path.join(out, "css", "widget.css");
  const css = existsSync(cssFile) ? await readFile(cssFile) : Buffer.alloc(0);
  const sizes = {
    widgetJsBytes: js.length,
    widgetJsGzipBytes: gzipSync(js, { level: 9 }).length,
    widgetCssBytes: css.length,
    widgetCssGzipBytes: gzipSync(css, { level: 9 }).length,
  };
  await writeFile(path.join(out, "js", "build-report.json"), JSON.stringify(sizes, null, 2) + "\n");
  console.log(`widget.js ${sizes.widgetJsBytes} B, ${sizes.widgetJsGzipBytes} B gzipped; widget.css ${sizes.widgetCssGzipBytes} B gzipped`);
}

await mkdir(path.join(out, "js"), { recursive: true });
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log("watching client/src …");
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
  await report();
}

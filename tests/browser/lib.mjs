// Shared helpers of the browser tests: the built site, a local server for it under a sub-path,
// and a headless Chromium (Debian's) driven by playwright-core.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE = path.join(ROOT, "site");
export const SHOTS = path.join(ROOT, "tests/browser/screenshots");
export const SUBPATH = "/un/sous/chemin/";
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };

/** Serve a built site (site/ by default) under SUBPATH on a free loopback port; counts the bytes
 * sent per path, with the time each request arrived. */
export function serve(SITE_DIR = SITE) {
  const sent = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!url.startsWith(SUBPATH)) { res.writeHead(404); res.end(); return; }
    let file = path.join(SITE_DIR, url.slice(SUBPATH.length));
    if (file.endsWith("/") || (fs.existsSync(file) && fs.statSync(file).isDirectory())) file = path.join(file, "index.html");
    if (!file.startsWith(SITE_DIR) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const body = fs.readFileSync(file);
    sent.push({ path: url, bytes: body.length, at: Date.now() });
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const base = `http://127.0.0.1:${server.address().port}${SUBPATH}`;
    resolve({ base, sent, close: () => new Promise((r) => server.close(r)) });
  }));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/** A page that records console errors and page errors. */
export async function newPage(browser, viewport) {
  const context = await browser.newContext({ viewport, locale: "fr-FR" });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  return page;
}

/** Does anything scroll sideways? (Wide tables scroll inside their own box.) */
export async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export function shot(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name + ".png");
}

/** Every HTML file of the built site. */
export function htmlFiles(dir = SITE) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (p.endsWith(".html")) out.push(p);
  }
  return out;
}

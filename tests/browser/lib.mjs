// Shared helpers of the browser tests: the built site, a local server for it under a sub-path,
// and a headless Chromium (Debian's) driven by playwright-core.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE = path.join(ROOT, "site");
export const SHOTS = path.join(ROOT, "tests/browser/screenshots");
export const SUBPATH = "/un/sous/chemin/";
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };

/** Serve a built site (site/ by default) under SUBPATH on a free loopback port; counts the bytes
 * sent per path, with the time each request arrived. `{ gzip: true }` compresses what the browser
 * accepts compressed, as static hosts do (`bytes` is then what was sent, `raw` the file's size). */
export function serve(SITE_DIR = SITE, { gzip = false } = {}) {
  const sent = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!url.startsWith(SUBPATH)) { res.writeHead(404); res.end(); return; }
    let file = path.join(SITE_DIR, url.slice(SUBPATH.length));
    if (file.endsWith("/") || (fs.existsSync(file) && fs.statSync(file).isDirectory())) file = path.join(file, "index.html");
    let status = 200;
    if (!file.startsWith(SITE_DIR) || !fs.existsSync(file)) {
      // A missing page gets the site's 404.html, as static hosts serve it.
      file = path.join(SITE_DIR, "404.html");
      status = 404;
      if (!fs.existsSync(file) || !["", ".html"].includes(path.extname(url))) { res.writeHead(404); res.end(); return; }
    }
    let body = fs.readFileSync(file);
    // The 404 page is served as built: with the default `site-url` ("/") it finds the site's root
    // under SUBPATH by itself (#27).
    const raw = body.length, headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream" };
    if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
      body = zlib.gzipSync(body, { level: 9 });
      headers["content-encoding"] = "gzip";
    }
    sent.push({ path: url, bytes: body.length, raw, at: Date.now() });
    res.writeHead(status, headers);
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

/** The kind of a built page, from its path (and for an element page, the kind label it prints). */
export function pageKind(rel) {
  const rules = [
    [/^index\.html$/, "home"], [/^404\.html$/, "not found"], [/^recherche\.html$/, "search"], [/^glossaire\.html$/, "glossary"], [/^glossaire\/[^/]+\.html$/, "glossary letter"],
    [/^certifications\/\d+\.html$/, "catalogue"], [/^comparaisons\/\d+\.html$/, "comparisons"], [/^telechargements\/certifications-\d+\.html$/, "downloads"],
    [/^sources\/index\.html$/, "sources"], [/^sources\/[^/]+\/\d+\.html$/, "source chunk"],
    [/^codes\/index\.html$/, "codes"], [/^codes\/.+\.html$/, "code"], [/^telechargements\/index\.html$/, "downloads"],
    [/^c\/[^/]+\/index\.html$/, "certification"], [/^c\/[^/]+\/document\.html$/, "document"],
    [/^c\/[^/]+\/tableaux\//, "matrix"], [/^c\/[^/]+\/fiches\//, "printable fiche"],
    [/^correspondances\//, "correspondence"], [/^evolutions\//, "evolution"], [/^passerelles\//, "crosswalk"],
    [/^c\/[^/]+\/grilles\//, "evaluation grid"], [/^c\/[^/]+\/positionnement(\.html$|\/)/, "positionnement"], [/^plans\//, "training plan"],
  ];
  for (const [re, k] of rules) if (re.test(rel)) return k;
  if (/^c\/[^/]+\/e\//.test(rel)) {
    const html = fs.readFileSync(path.join(SITE, rel), "utf8");
    const m = html.match(/<p class="kind">([^<]*)/);
    return `element: ${m ? m[1].split(" · ")[0].trim() : "?"}`;
  }
  return `other: ${rel.split("/")[0]}`;
}

/** A small deterministic random generator (mulberry32), so that a failing sample can be replayed. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** Pages to test: for every kind of page of the built site, its first page and its largest (the
 * heaviest layout), plus `sample` other pages drawn with `seed` (SAMPLE_SEED overrides it). */
export function pagesByKind({ sample = 12, seed = Number(process.env.SAMPLE_SEED || 12) } = {}) {
  const all = htmlFiles().map((f) => path.relative(SITE, f).split(path.sep).join("/")).sort();
  const kinds = new Map();
  for (const rel of all) {
    const k = pageKind(rel);
    if (!kinds.has(k)) kinds.set(k, []);
    kinds.get(k).push(rel);
  }
  const chosen = new Map();
  for (const [k, list] of kinds) {
    const largest = list.reduce((a, b) => (fs.statSync(path.join(SITE, b)).size > fs.statSync(path.join(SITE, a)).size ? b : a));
    for (const p of new Set([list[0], largest])) chosen.set(p, k);
  }
  const rest = all.filter((p) => !chosen.has(p));
  const rnd = seeded(seed);
  for (let i = 0; i < sample && rest.length; i++) {
    const p = rest.splice(Math.floor(rnd() * rest.length), 1)[0];
    chosen.set(p, `sample: ${pageKind(p)}`);
  }
  return { kinds: [...kinds.keys()], pages: [...chosen].map(([p, kind]) => ({ path: p, kind })), seed };
}

// Screenshots and figures for review: `node shots.mjs <label>` writes <label>-<page>-<width>.png
// into $SHOTS_DIR (default tests/browser/screenshots) and prints the figures as JSON.
import fs from "node:fs";
import path from "node:path";
import { serve, launch, newPage, SITE, SHOTS } from "./lib.mjs";

const label = process.argv[2] || "now";
const dir = process.env.SHOTS_DIR || SHOTS;
fs.mkdirSync(dir, { recursive: true });
const PAGES = {
  "cp": "c/ntc-2018/e/cp3.html",
  "bts-c1": "c/bts-tc-2006/e/c1.html",
  "bts-c1.1": "c/bts-tc-2006/e/c1.1.html",
  "bts-c1.1.1": "c/bts-tc-2006/e/c1.1.1.html",
  "cert": "c/bts-tc-2006/index.html",
  "evolution": "evolutions/ntc-2013--ntc-2018.html",
  "matrix": "c/bts-tc-2006/tableaux/fonctions-competences.html",
  "fiche-ccp": "c/ntc-2018/fiches/ccp1.html",
  "fiche-unite": "c/bts-tc-2006/fiches/u4.html",
};
const server = await serve();
const browser = await launch();
const figures = {};
for (const [width, height] of [[390, 844], [1280, 800]]) {
  const page = await newPage(browser, { width, height });
  for (const [name, p] of Object.entries(PAGES)) {
    await page.goto(server.base + p);
    await page.screenshot({ path: path.join(dir, `${label}-${name}-${width}.png`) });
    if (name.startsWith("fiche")) {
      // The printable fiche as printed (A4 width).
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: path.join(dir, `${label}-${name}-print-${width}.png`) });
      await page.emulateMedia({ media: "screen" });
    }
  }
  // How far down the certification's title sits, on each certification page.
  const certs = fs.readdirSync(path.join(SITE, "c"));
  for (const c of certs) {
    await page.goto(server.base + `c/${c}/index.html`);
    const top = await page.evaluate(() => { const h = document.querySelector("h1"); return h ? Math.round(h.getBoundingClientRect().top + window.scrollY) : -1; });
    figures[`title_top_${width}`] = Math.max(figures[`title_top_${width}`] || 0, top);
    (figures[`title_top_${width}_by_cert`] ||= {})[c] = top;
  }
  await page.context().close();
}
let largest = ["", 0];
for (const c of fs.readdirSync(path.join(SITE, "c"))) {
  const n = fs.statSync(path.join(SITE, "c", c, "index.html")).size;
  if (n > largest[1]) largest = [c, n];
}
figures.largest_cert_page = { cert: largest[0], bytes: largest[1] };
console.log(JSON.stringify(figures, null, 1));
await browser.close();
await server.close();

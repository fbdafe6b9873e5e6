// Evolution pages lead with the answer (#25): the verdict table per certifying unit comes first,
// then the picture of what moved (inline SVG, no script) with one band per pairing — one per
// counterpart of the verdict table, one per old × new compétence of the compétence table — then
// the compétence table. At 390 px the picture gives way to the same pairings as a list, and no
// page scrolls sideways. Screenshots at 390 and 1280 px, light and dark.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, overflow, shot, SITE } from "./lib.mjs";

const PAGES = fs.readdirSync(path.join(SITE, "evolutions")).filter((f) => f.endsWith(".html")).map((f) => `evolutions/${f}`);
const LINEAGES = ["ntc-2013--ntc-2018", "bts-tc-1997--bts-tc-2006", "bts-fv-1997--bts-nrc", "tp-commercial--cc-2017"];
const server = await serve();
const browser = await launch();
test.after(async () => { await browser.close(); await server.close(); });

async function open(viewport, colorScheme = "light") {
  const context = await browser.newContext({ viewport, colorScheme, locale: "fr-FR", javaScriptEnabled: false });
  return context.newPage();
}

test("the four lineages have an evolution page", () => {
  for (const l of LINEAGES) assert.ok(PAGES.includes(`evolutions/${l}.html`), `${l}: a page`);
});

test("each page leads with the verdict table, then the picture, then the compétence table", async () => {
  const page = await open({ width: 1280, height: 800 });
  for (const p of PAGES) {
    await page.goto(server.base + p);
    const order = await page.evaluate(() => {
      const main = document.querySelector("main") || document.body;
      const tables = [...main.querySelectorAll("table")];
      const svg = main.querySelector("svg.evo-picture");
      const comp = tables.find((t) => !t.classList.contains("verdicts") && t.classList.contains("evol"));
      const pos = (el) => (el ? [...main.querySelectorAll("*")].indexOf(el) : -1);
      return { first: tables[0] && tables[0].className, verdicts: pos(main.querySelector("table.verdicts")), svg: pos(svg), comp: pos(comp) };
    });
    if (order.verdicts < 0) continue; // a pair with no unit at all says so in words
    assert.match(order.first, /verdicts/, `${p}: the first table is the verdict table`);
    if (order.svg >= 0) assert.ok(order.verdicts < order.svg, `${p}: the verdicts come before the picture`);
    if (order.svg >= 0 && order.comp >= 0) assert.ok(order.svg < order.comp, `${p}: the picture comes before the compétence table`);
  }
  await page.context().close();
});

test("the picture has one band per pairing of the tables", async () => {
  const page = await open({ width: 1280, height: 800 });
  for (const l of LINEAGES) {
    await page.goto(server.base + `evolutions/${l}.html`);
    const n = await page.evaluate(() => {
      const counterparts = document.querySelectorAll("table.verdicts tbody td.old .counterpart").length;
      // Compétence rows of the compétence table that pair old and new elements: old × new each.
      let comp = 0;
      const table = [...document.querySelectorAll("table.evol")].find((t) => !t.classList.contains("verdicts"));
      for (const tr of table ? table.querySelectorAll("tbody tr") : []) {
        const kinds = (td) => [...td.querySelectorAll(".k")].map((k) => k.textContent);
        const olds = kinds(tr.querySelector("td.old")), news = kinds(tr.querySelector("td.new"));
        if (news.length && olds.length && news[0].startsWith("Compétence")) comp += olds.length * news.length;
      }
      const svg = document.querySelector("svg.evo-picture");
      const bands = svg ? [...svg.querySelectorAll("path.band")] : [];
      const visible = svg ? svg.getBoundingClientRect().width : 0;
      // Every band ends on two drawn boxes.
      const ends = bands.every((b) => b.getAttribute("d").startsWith("M"));
      return { counterparts, comp, unit: bands.filter((b) => b.classList.contains("unit")).length, compBands: bands.filter((b) => b.classList.contains("comp")).length, visible, ends, list: document.querySelectorAll("ol.evo-list li").length };
    });
    assert.ok(n.counterparts > 0, `${l}: the verdict table names old counterparts`);
    assert.equal(n.unit, n.counterparts, `${l}: one unit band per counterpart in the verdict table`);
    assert.equal(n.compBands, n.comp, `${l}: one compétence band per pairing of the compétence table`);
    assert.ok(n.visible > 600, `${l}: the picture is drawn wide on a desktop (${n.visible} px)`);
    assert.equal(n.list, n.unit + n.compBands, `${l}: the list gives the same pairings`);
    assert.ok(n.ends);
  }
  await page.context().close();
});

test("at 390 px the pairings are a list and nothing scrolls sideways; screenshots", async () => {
  const dir = process.env.EVOLUTION_SHOTS;
  for (const scheme of ["light", "dark"]) {
    for (const vp of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const page = await open(vp, scheme);
      for (const l of LINEAGES) {
        await page.goto(server.base + `evolutions/${l}.html`);
        const s = await page.evaluate(() => ({
          list: getComputedStyle(document.querySelector("ol.evo-list")).display,
          figure: getComputedStyle(document.querySelector("figure.evo-figure")).display,
        }));
        if (vp.width === 390) {
          assert.equal(s.list, "block", `${l}: the list shows at 390 px`);
          assert.equal(s.figure, "none", `${l}: the picture gives way at 390 px`);
          assert.ok(await overflow(page) <= 0, `${l}: no sideways scroll at 390 px`);
        } else {
          assert.equal(s.figure, "block", `${l}: the picture shows at 1280 px`);
        }
        const name = `evolution-${l}-${vp.width}-${scheme}`;
        await page.screenshot({ path: shot(name), fullPage: true });
        if (dir) { fs.mkdirSync(dir, { recursive: true }); fs.copyFileSync(shot(name), path.join(dir, name + ".png")); }
      }
      await page.context().close();
    }
  }
});

test("the picture prints", async () => {
  const page = await open({ width: 390, height: 844 });
  await page.emulateMedia({ media: "print" });
  await page.goto(server.base + "evolutions/ntc-2013--ntc-2018.html");
  const display = await page.evaluate(() => getComputedStyle(document.querySelector("figure.evo-figure")).display);
  assert.equal(display, "block", "the picture is printed even from a phone");
  await page.context().close();
});

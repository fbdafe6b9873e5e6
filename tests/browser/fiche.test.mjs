// The compétence-first site on a phone: the certification's title on the first screen and its
// framework before any document structure; no page wider than a 360 px screen; table cells never
// break a word; a correspondence page prints both of its columns.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { serve, launch, newPage, overflow, SITE } from "./lib.mjs";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const CERTS = ["ntc-2018", "ntc-2013", "cc-2017", "bts-nrc", "bts-tc-2006"];
const server = await serve();
const browser = await launch();
test.after(async () => { await browser.close(); await server.close(); });

test("a certification's title is on the first screen at 390 px, its framework before the document", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  for (const c of fs.readdirSync(path.join(SITE, "c"))) {
    await page.goto(server.base + `c/${c}/index.html`);
    const top = await page.evaluate(() => document.querySelector("h1").getBoundingClientRect().bottom);
    assert.ok(top < 844, `${c}: the title ends at ${top} px`);
    // The document's structure is a page of its own; the certification page links to it.
    const docLink = await page.evaluate(() => [...document.querySelectorAll("main a")].some((a) => a.getAttribute("href").endsWith("document.html")));
    assert.ok(docLink, `${c}: the document is a page of its own`);
    const sections = await page.evaluate(() => document.querySelectorAll("main .tree a .k").length
      && [...document.querySelectorAll("main .tree a .k")].filter((k) => k.textContent === "Section" || k.textContent === "Paragraphe").length);
    assert.equal(sections, 0, `${c}: the framework tree lists no section or paragraph`);
  }
  for (const c of CERTS.filter((c) => c !== "cc-2017")) {
    await page.goto(server.base + `c/${c}/index.html`);
    const grid = await page.evaluate(() => document.querySelectorAll("table.grid tbody tr").length);
    assert.ok(grid > 0, `${c}: the evaluation matrix is there`);
  }
  await page.context().close();
});

function pagesToCheck() {
  const list = fs.readdirSync(path.join(SITE, "passerelles")).map((f) => `passerelles/${f}`);
  for (const c of fs.readdirSync(path.join(SITE, "c"))) {
    list.push(`c/${c}/index.html`);
    const t = path.join(SITE, "c", c, "tableaux");
    if (fs.existsSync(t)) for (const f of fs.readdirSync(t)) list.push(`c/${c}/tableaux/${f}`);
    const dir = path.join(SITE, "c", c, "e");
    const els = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    for (let i = 0; i < els.length; i += Math.max(1, Math.floor(els.length / 12))) list.push(`c/${c}/e/${els[i]}`);
  }
  for (const f of fs.readdirSync(path.join(SITE, "evolutions"))) list.push(`evolutions/${f}`);
  for (const f of fs.readdirSync(path.join(SITE, "correspondances"))) list.push(`correspondances/${f}`);
  list.push("index.html", "recherche.html", "glossaire.html");
  return list;
}

test("no page is wider than a 360 px screen, and no table cell breaks a word", async () => {
  const page = await newPage(browser, { width: 360, height: 740 });
  const wide = [];
  const broken = [];
  for (const p of pagesToCheck()) {
    await page.goto(server.base + p);
    const o = await overflow(page);
    if (o > 0) wide.push(`${p} (+${o} px)`);
    // A word broken inside a cell: some word of the cell is wider than the cell's content box.
    const b = await page.evaluate(() => {
      const out = [];
      for (const cell of document.querySelectorAll("table th, table td")) {
        const range = document.createRange();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let n;
        while ((n = walker.nextNode())) {
          const re = /[^\s-]+/g; let m; // a line may break after a hyphen, never inside a word
          while ((m = re.exec(n.data))) {
            range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
            if (range.getClientRects().length > 1) out.push(m[0]);
          }
        }
      }
      return out.slice(0, 3);
    });
    if (b.length) broken.push(`${p}: ${b.join(", ")}`);
  }
  await page.context().close();
  assert.deepEqual(wide, []);
  assert.deepEqual(broken, []);
});

test("printing a correspondence page shows both columns", async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  const f = fs.readdirSync(path.join(SITE, "correspondances"))[0];
  await page.goto(server.base + `correspondances/${f}`);
  await page.emulateMedia({ media: "print" });
  const sides = await page.evaluate(() => [...document.querySelectorAll(".pair")].slice(0, 5).map((p) =>
    [...p.querySelectorAll(".side")].map((s) => { const r = s.getBoundingClientRect(); return { w: r.width, h: r.height, x: r.left }; })));
  assert.ok(sides.length > 0);
  for (const s of sides) {
    assert.equal(s.length, 2);
    assert.ok(s.every((x) => x.w > 50 && x.h > 10), JSON.stringify(s));
    assert.ok(s[1].x > s[0].x, "side by side");
  }
  await page.context().close();
});

test("axe-core finds no violation on the fiche, certification, document and evaluation pages, at both widths", async () => {
  const PAGES = ["c/ntc-2018/e/cp3.html", "c/bts-tc-2006/e/c1.html", "c/bts-tc-2006/e/c1.1.1.html", "c/bts-nrc/e/c11.html",
    "c/ntc-2018/e/cp3-cr1.html", "c/ntc-2018/e/at1.html", "c/bts-tc-2006/index.html", "c/ntc-2018/index.html",
    "c/tp-tsc/index.html", "c/bts-tc-2006/document.html", "evolutions/ntc-2013--ntc-2018.html", "passerelles/ntc-2013--ntc-2018.html"];
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const page = await newPage(browser, viewport);
    for (const p of PAGES) {
      await page.goto(server.base + p);
      await page.addScriptTag({ content: AXE });
      const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`), [], `${p} at ${viewport.width} px`);
      assert.deepEqual(page.errors, [], `${p}: console errors`);
    }
    await page.context().close();
  }
});

test("an evolution page opens on its compétence table; the document churn shows only when asked", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const page = await newPage(browser, viewport);
    await page.goto(server.base + "evolutions/ntc-2013--ntc-2018.html");
    const first = await page.evaluate(() => {
      const t = document.querySelector("main table, table");
      return { cls: t.className, top: t.getBoundingClientRect().top + window.scrollY, rows: t.querySelectorAll("tbody tr").length };
    });
    assert.equal(first.cls, "evol", "the first table is the compétence table");
    assert.ok(first.rows > 0);
    assert.ok(first.top < 2 * viewport.height, `the compétence table starts within two screens (${first.top} px)`);
    assert.equal(await page.locator("ol.changes").isVisible(), false, "churn hidden at first");
    await page.click("details.churn > summary");
    assert.equal(await page.locator("ol.changes").isVisible(), true, "churn shown when asked");
    await page.context().close();
  }
});

// The compétence-first site on a phone: the certification's title on the first screen and its
// framework before any document structure; no page wider than a 360 px screen; table cells never
// break a word; a correspondence page prints both of its columns.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, newPage, overflow, SITE } from "./lib.mjs";

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
    const grid = await page.evaluate(() => document.querySelectorAll("table.evalgrid tbody tr").length);
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

test("an evolution page opens on its verdict table (#25); the document churn shows only when asked", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    const page = await newPage(browser, viewport);
    await page.goto(server.base + "evolutions/ntc-2013--ntc-2018.html");
    const first = await page.evaluate(() => {
      const t = document.querySelector("main table, table");
      return { cls: t.className, top: t.getBoundingClientRect().top + window.scrollY, rows: t.querySelectorAll("tbody tr").length };
    });
    assert.equal(first.cls, "evol verdicts", "the first table is the verdict table per certifying unit");
    assert.ok(first.rows > 0);
    assert.ok(first.top < 2 * viewport.height, `the verdict table starts within two screens (${first.top} px)`);
    assert.ok(await page.locator("table.evol:not(.verdicts) tbody tr").count() > 0, "the compétence table follows");
    assert.equal(await page.locator("ol.changes").isVisible(), false, "churn hidden at first");
    await page.click("details.churn > summary");
    assert.equal(await page.locator("ol.changes").isVisible(), true, "churn shown when asked");
    await page.context().close();
  }
});

test("a bloc's printable fiche prints every compétence with its critères on A4, without navigation", async () => {
  const fiches = fs.readdirSync(path.join(SITE, "c")).flatMap((c) => {
    const d = path.join(SITE, "c", c, "fiches");
    return fs.existsSync(d) ? fs.readdirSync(d).map((f) => `c/${c}/fiches/${f}`) : [];
  });
  assert.ok(fiches.length >= 5, `${fiches.length} printable fiches`);
  // The critères each compétence page shows, to find again in the print of the fiche.
  const page = await newPage(browser, { width: 1280, height: 800 });
  const criteres = new Map();
  for (const f of ["c/ntc-2018/fiches/ccp1.html", "c/bts-tc-2006/fiches/u4.html", "c/cc-2017/fiches/at2.html"]) {
    assert.ok(fiches.includes(f), f);
    await page.emulateMedia({ media: "screen" });
    await page.goto(server.base + f);
    const comps = await page.$$eval(".pf-toc a", (as) => as.map((a) => a.getAttribute("href").slice(1)));
    assert.ok(comps.length > 0, `${f}: compétences listed`);
    const hrefs = await page.$$eval(".pf-comp h2 a", (as) => as.map((a) => a.href));
    assert.equal(hrefs.length, comps.length);
    for (const h of hrefs) {
      if (criteres.has(h)) continue;
      const p2 = await newPage(browser, { width: 1280, height: 800 });
      await p2.goto(h);
      // The compétence page's critères: its own and those printed at its group.
      criteres.set(h, await p2.$$eval("#f-crit + ul li, #f-crit ~ .inherited li", (lis) => lis.map((li) => li.innerText.replace(/\s*›\s*$/, "").replace(/\s+/g, " ").trim())));
      await p2.context().close();
    }
    // Print: an A4 page is 210 mm wide, less 2 × 12 mm of margins = 703 CSS px.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => ({
      text: document.body.innerText.replace(/\s+/g, " "),
      chrome: [...document.querySelectorAll(".top, .foot, .noprint, .skip")].filter((e) => e.getBoundingClientRect().height > 0).length,
      wide: [...document.querySelectorAll(".printable *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName + "." + e.className).slice(0, 5),
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      sections: document.querySelectorAll(".pf-comp h2").length,
    }));
    assert.equal(printed.chrome, 0, `${f}: navigation printed`);
    assert.deepEqual(printed.wide, [], `${f}: wider than the A4 page`);
    assert.equal(printed.scroll, 0, `${f}: wider than the A4 page`);
    assert.ok(printed.sections >= comps.length);
    let n = 0;
    for (const h of hrefs) {
      assert.ok(criteres.get(h).length > 0, `${h}: its page shows critères`);
      for (const c of criteres.get(h)) {
        assert.ok(printed.text.includes(c), `${f}: the print lacks the critère « ${c} » of ${h}`);
        n++;
      }
    }
    // And as a PDF: A4, a few pages.
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 40, `${f}: ${pages} A4 pages`);
    console.log(`${f}: ${comps.length} compétences, ${n} critères found in print, ${pages} A4 pages`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.context().close();
});

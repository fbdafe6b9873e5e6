// Display bugs seen at a glance (#27), each checked on every page that has the element in question:
// cells marked « perdu » stay table cells; no text of an evaluation grid lies over another cell
// (bounding boxes) at 390 and 1280 px; no word breaks inside a matrix cell at 360 px; the
// crosswalk pages pass axe in light and dark mode; the 404 page is styled and linked under a
// sub-path with the default `site-url`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { serve, launch, newPage, SITE, htmlFiles } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
let server, browser;

const rel = (f) => path.relative(SITE, f).split(path.sep).join("/");
const pagesWith = (needle) => htmlFiles().filter((f) => fs.readFileSync(f, "utf8").includes(needle)).map(rel).sort();

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, "index.html")), "build the site first (cargo run --release -- build)");
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("a cell marked « perdu » is laid out as a cell, on every page that has one", async () => {
  const pages = pagesWith('class="cell lost"');
  assert.ok(pages.length > 50, `pages with lost cells: ${pages.length}`);
  const page = await newPage(browser, { width: 1280, height: 800 });
  const wrong = [];
  for (const p of pages) {
    await page.goto(server.base + p);
    const bad = await page.$$eval(".cell.lost", (cells) => cells
      .map((c) => [c.tagName, getComputedStyle(c).display])
      .filter(([tag, d]) => (tag === "TD" ? d !== "table-cell" : d === "flex")));
    if (bad.length) wrong.push(`${p}: ${bad.length} (${bad[0].join(" ")})`);
  }
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${pages.length} pages lay lost cells out as boxes`);
  await page.context().close();
});

// Pairs of cells of a table whose content boxes (the text, the marks) cross another cell's box.
async function overlaps(page) {
  return page.$$eval("table.matrix", (tables) => {
    const out = [];
    for (const t of tables) {
      if (t.offsetParent === null) continue; // not shown at this width
      const cells = [...t.querySelectorAll("th, td")];
      const boxes = cells.map((c) => c.getBoundingClientRect());
      cells.forEach((c, i) => {
        // Every line box of the cell's content, from its text nodes.
        const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent.trim() || n.parentElement.closest(".sr")) continue;
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) {
            if (r.width < 1 || r.height < 1) continue;
            const cell = boxes[i];
            // Sticky cells overlap scrolled cells by design; compare unscrolled boxes only.
            if (r.right > cell.right + 1 || r.left < cell.left - 1 || r.bottom > cell.bottom + 1 || r.top < cell.top - 1) {
              out.push(`« ${n.textContent.trim().slice(0, 40)} » overflows its cell (${Math.round(r.right - cell.right)} px)`);
            }
          }
        }
      });
    }
    return out;
  });
}

const gridPages = () => pagesWith('class="matrix evalgrid"').concat(pagesWith('class="matrix grid"'));
for (const width of [390, 1280]) {
  test(`${width} px: no text of an evaluation grid or a matrix lies over another cell`, async () => {
    const pages = [...new Set([...gridPages(), ...htmlFiles().map(rel).filter((p) => /^c\/[^/]+\/tableaux\//.test(p))])];
    assert.ok(pages.length >= 4, `grid and matrix pages: ${pages.length}`);
    const page = await newPage(browser, { width, height: 844 });
    const wrong = [];
    for (const p of pages) {
      await page.goto(server.base + p);
      const o = await overlaps(page);
      if (o.length) wrong.push(`${p}: ${o.length} (${o[0]})`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${pages.length} pages`);
    await page.context().close();
  });
}

test("at 390 px the evaluation of each compétence is readable without the grid: a list per compétence", async () => {
  const pages = gridPages();
  const page = await newPage(browser, { width: 390, height: 844 });
  for (const p of pages) {
    await page.goto(server.base + p);
    const items = await page.$$eval(".evallist > li", (lis) => lis.filter((l) => l.offsetParent !== null).map((l) => l.textContent.replace(/\s+/g, " ").trim()));
    assert.ok(items.length > 0, `${p}: a visible list per compétence`);
    assert.ok(items.some((t) => /(évalué|certifié|validé)e? par \S+/i.test(t)), `${p}: « évalué par … » (${items[0]})`);
    // Nothing of the grid itself is shown at this width.
    assert.equal(await page.$$eval("table.evalgrid", (ts) => ts.filter((t) => t.offsetParent !== null).length), 0, `${p}: the grid gives way to the list`);
  }
  await page.context().close();
});

test("NTC 2018 table 3.2 at 1280 px: the column evaluating CP1–CP3 is on screen", async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  await page.goto(server.base + "c/ntc-2018/tableaux/cp-modalites.html");
  // Every column that has a marked cell is within the scroll box without scrolling.
  const off = await page.$eval(".scroll", (box) => {
    const right = box.getBoundingClientRect().right;
    const t = box.querySelector("table");
    const heads = [...t.tHead.rows[0].cells];
    return heads.map((h, i) => [h.textContent.trim(), i, h.getBoundingClientRect()])
      .filter(([, i]) => [...t.tBodies[0].rows].some((r) => r.cells[i]?.classList.contains("marked")))
      .filter(([, , r]) => r.right > right + 1)
      .map(([text]) => text);
  });
  assert.deepEqual(off, [], "marked columns off-screen");
  await page.context().close();
});

test("360 px: no word breaks inside a cell of any matrix page", async () => {
  const pages = [...new Set([...gridPages(), ...htmlFiles().map(rel).filter((p) => /^(c\/[^/]+\/tableaux|correspondances|passerelles)\//.test(p))])];
  const page = await newPage(browser, { width: 360, height: 780 });
  const wrong = [];
  for (const p of pages) {
    await page.goto(server.base + p);
    const broken = await page.$$eval("table td, table th", (cells) => {
      const out = [];
      const range = document.createRange();
      for (const c of cells) {
        if (c.offsetParent === null) continue;
        const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement.closest(".sr")) continue;
          // A word: letters and digits between spaces or hyphens (a break after a hyphen is fine).
          for (const m of n.textContent.matchAll(/[^\s\-‐/]+/g)) {
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
    if (broken.length) wrong.push(`${p}: ${broken.length} (${broken.slice(0, 3).join(", ")})`);
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${pages.length} pages break a word inside a cell`);
  await page.context().close();
});

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`${colorScheme} mode: axe finds no violation on the crosswalk pages and a page of each kind`, async () => {
    const cw = htmlFiles().map(rel).filter((p) => /^passerelles\//.test(p));
    const pages = [...cw, "index.html", "c/ntc-2018/index.html", "c/ntc-2018/e/cp3.html", "c/ntc-2018/tableaux/cp-modalites.html", "recherche.html?q=fidelisation"];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme, locale: "fr-FR" });
    const page = await context.newPage();
    const wrong = [];
    for (const p of pages) {
      await page.goto(server.base + p);
      const v = await axe(page);
      if (v.length) wrong.push(`${p}: ${v.join("; ")}`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${pages.length} pages`);
    await context.close();
  });
}

test("the 404 page, built with the default site-url, is styled and linked under a sub-path", async () => {
  const html = fs.readFileSync(path.join(SITE, "404.html"), "utf8");
  assert.ok(html.includes('<base href="/">'), "the site under test is built with the default site-url");
  const page = await newPage(browser, { width: 390, height: 844 });
  for (const missing of ["c/ntc-2018/e/cp3-ancien.html", "nulle-part.html", "a/b/c/d.html"]) {
    const res = await page.goto(server.base + missing);
    assert.equal(res.status(), 404);
    await page.waitForLoadState("networkidle"); // the root, when checked by asking the folders above
    assert.equal(await page.$eval("header.top", (h) => getComputedStyle(h).display), "flex", `${missing}: styled`);
    const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
    const outside = hrefs.filter((h) => !h.startsWith(server.base));
    assert.deepEqual(outside, [], `${missing}: every link stays under the site's sub-path`);
    for (const h of [...new Set(hrefs)].filter((h) => !h.includes("#"))) {
      const r = await page.request.get(h);
      assert.equal(r.status(), 200, `${missing}: ${h}`);
    }
    await Promise.all([page.waitForNavigation(), page.click("main ul.items li a")]);
    assert.ok(await page.$("h1"), `${missing}: a certification opens`);
  }
  await page.context().close();
});

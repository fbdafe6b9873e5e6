// #27 item 5, suggestions without waiting: after the first use of a search box, suggestions need
// no request (one small index, search/suggest.js, fetched once); the document's structure is never
// suggested; a code with a certification's sigle ranks that certification first; the search page
// does not move as its results or suggestions arrive (CLS < 0.1, PerformanceObserver
// layout-shift). Screenshots of the search page with suggestions at 390 and 1280 px (into
// $SHOTS_DIR, by default tests/browser/screenshots).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, newPage, SHOTS } from "./lib.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const QUERIES = ["veille commerciale", "cp3", "relancer un client", "rendez-vous", "cp5 ntc", "critères de performance",
  "section", "paragraphe", "écoute active", "c3.2", "u5", "négociation", "description de la compétence"];
// Structural kinds: the document's own layout (src/schema/element.rs, family Document).
const STRUCTURAL = /· (Section|Paragraphe|Article)$/;

async function suggestions(page, input, q) {
  await page.fill(input, "");
  await page.type(input, q, { delay: 20 });
  // The list of the last key (each list says which query it answers).
  await page.waitForFunction(([input, q]) => {
    const b = document.getElementById("suggest");
    return b && !b.hidden && b.dataset.for === q && document.querySelector(input).value === q && b.querySelector("[role=option]");
  }, [input, q]);
  // The last option is every result (the search page).
  const all = await page.$eval("#suggest [role=option]:last-child", (o) => o.classList.contains("all") && o.textContent);
  assert.match(all || "", /^Tous les résultats pour « /);
  return page.$$eval("#suggest [role=option]:not(.all)", (os) => os.map((o) => ({ id: o.dataset.id, where: o.querySelector(".where").textContent.trim() })));
}

for (const [where, url, input] of [["home page", "index.html", "#q-top"], ["search page", "recherche.html", "#q"]]) {
  test(`${where}: after the first use, suggestions need no request; no structural kind is suggested`, async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    const files = [];
    page.on("request", (r) => { const m = /\/(search\/.*|assets\/.*)$/.exec(r.url()); if (m) files.push(m[1]); });
    await page.goto(server.base + url, { waitUntil: "load" });
    await page.focus(input);
    const first = await suggestions(page, input, QUERIES[0]);
    await page.waitForTimeout(1000);
    assert.ok(first.length > 0);
    const used = files.length;
    assert.ok(files.includes("search/suggest.js"), `the suggestions' index is fetched: ${files}`);
    for (const q of QUERIES.slice(1)) {
      const got = await suggestions(page, input, q);
      for (const s of got) assert.doesNotMatch(s.where, STRUCTURAL, `“${q}” suggests ${s.id} (${s.where})`);
    }
    const later = files.slice(used).filter((f) => where === "home page" || !/^search\/t\//.test(f));
    assert.deepEqual(later, [], "no request for suggestions after the first use");
    assert.equal(files.filter((f) => f === "search/suggest.js").length, 1, "fetched once");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("a code with a certification's sigle ranks that certification first", async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  await page.goto(server.base + "index.html");
  await page.focus("#q-top");
  for (const [q, cert] of [["cp5 ntc", "ntc-"], ["cp5 cc", "cc-2017/"], ["ntc cp3", "ntc-"], ["c1 bts tc", "bts-tc-"]]) {
    const got = await suggestions(page, "#q-top", q);
    assert.ok(got[0].id.startsWith(cert), `“${q}”: ${got.map((s) => s.id).join(", ")}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The layout shifts the reader did not cause (hadRecentInput false), summed.
const CLS = () => { window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true }); };
for (const [w, h] of [[390, 844], [1280, 800]]) {
  test(`the search page does not move as results and suggestions arrive at ${w} px (CLS < 0.1)`, async () => {
    const page = await newPage(browser, { width: w, height: h });
    await page.addInitScript(CLS);
    await page.goto(server.base + "recherche.html?q=" + encodeURIComponent("veille commerciale"));
    await page.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent));
    await page.waitForTimeout(500);
    await page.focus("#q");
    await suggestions(page, "#q", "prospecter a distance");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent) && document.getElementById("suggest").hidden);
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.1, `CLS ${cls.toFixed(3)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("screenshots of the search page with suggestions", async () => {
  const dir = process.env.SHOTS_DIR || SHOTS;
  fs.mkdirSync(dir, { recursive: true });
  for (const [w, h] of [[390, 844], [1280, 800]]) {
    const page = await newPage(browser, { width: w, height: h });
    await page.goto(server.base + "recherche.html");
    await page.focus("#q");
    const got = await suggestions(page, "#q", "prospecter");
    assert.ok(got.length > 0);
    await page.screenshot({ path: path.join(dir, `search-suggestions-${w}.png`) });
    await page.context().close();
  }
});

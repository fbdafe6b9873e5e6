// #32: the pages that list the corpus (home, glossary, downloads) and the pages they lead to
// (catalogue, glossary letters, comparisons, downloads per certification), as a reader uses them:
// a glossary term linked from an element page lands on its definition; the home leads to every
// certification through the catalogue; the downloads page to a certification's own files. At
// 360, 390 and 1280 px, light and dark: no sideways scrolling, axe finds nothing, screenshots.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { serve, launch, newPage, overflow, shot, SITE } from "./lib.mjs";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
assert.ok(fs.existsSync(path.join(SITE, "glossaire.html")), "build the site first (cargo run --release -- build)");
const server = await serve();
const browser = await launch();
after(async () => { await browser.close(); await server.close(); });

const WIDTHS = [[360, 780], [390, 844], [1280, 800]];
const PAGES = ["index.html", "certifications/1.html", "comparaisons/1.html", "glossaire.html", "glossaire/c.html", "telechargements/index.html"];

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const scheme of ["light", "dark"]) {
  for (const [width, height] of WIDTHS) {
    test(`${width} px, ${scheme}: the listing pages fit, pass axe and show`, async () => {
      const page = await newPage(browser, { width, height });
      await page.emulateMedia({ colorScheme: scheme });
      for (const p of PAGES) {
        await page.goto(server.base + p);
        assert.equal(await overflow(page), 0, `${p}: the page scrolls sideways`);
        assert.deepEqual(await axe(page), [], `axe on ${p}`);
        await page.screenshot({ path: shot(`listing-${p.replace(/[^a-z0-9]+/gi, "_")}-${width}-${scheme}`) });
      }
      assert.deepEqual(page.errors, [], "no console error");
      await page.context().close();
    });
  }
}

/** The definition a page's location points at: its `<dt>` is the target, on screen. */
async function landed(page) {
  const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
  assert.ok(hash, `an anchor in ${page.url()}`);
  return page.evaluate((id) => {
    const dt = document.getElementById(id);
    if (!dt) return { found: false };
    const r = dt.getBoundingClientRect();
    return { found: true, tag: dt.tagName, target: dt.matches(":target"), visible: r.top >= 0 && r.bottom <= innerHeight, term: dt.querySelector("a").textContent, dd: dt.nextElementSibling?.tagName };
  }, hash);
}

for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`${width} px: a glossary term linked from an element page lands on its definition`, async () => {
    const page = await newPage(browser, { width, height });
    // A term's own page: « Voir dans le glossaire ».
    const termPage = fs.readdirSync(path.join(SITE, "c/ntc-2018/e")).find((f) => f.startsWith("gl-") && /-t\d+\.html$/.test(f));
    await page.goto(server.base + "c/ntc-2018/e/" + termPage);
    const title = (await page.textContent("h1")).trim();
    await page.click("text=Voir dans le glossaire");
    await page.waitForLoadState();
    let at = await landed(page);
    assert.ok(at.found && at.tag === "DT" && at.target && at.visible, `the definition is on screen: ${JSON.stringify(at)}`);
    assert.equal(at.dd, "DD", "the definition follows the term");
    assert.ok(title.includes(at.term.trim()), `the term « ${at.term} » is the element « ${title} »`);
    assert.match(new URL(page.url()).pathname, /\/glossaire\/[a-z]+(-\d+)?\.html$/, "on its letter's page");

    // A term linked inside another element's text.
    const withTerm = fs.readdirSync(path.join(SITE, "c/ntc-2018/e")).find((f) => fs.readFileSync(path.join(SITE, "c/ntc-2018/e", f), "utf8").includes('class="term"'));
    await page.goto(server.base + "c/ntc-2018/e/" + withTerm);
    const word = (await page.textContent("a.term")).trim().toLowerCase();
    await page.click("a.term");
    await page.waitForLoadState();
    at = await landed(page);
    assert.ok(at.found && at.target && at.visible, `${withTerm}: the linked term's definition is on screen: ${JSON.stringify(at)}`);
    assert.ok(at.term.toLowerCase().startsWith(word.slice(0, 4)), `« ${word} » lands on « ${at.term} »`);
    await page.screenshot({ path: shot(`listing-term-landing-${width}`) });

    // From the glossary's first page: a letter, then a term of it.
    await page.goto(server.base + "glossaire.html");
    await page.click("nav.letters a >> nth=1");
    await page.waitForLoadState();
    assert.match(new URL(page.url()).pathname, /\/glossaire\/[a-z]+\.html$/);
    assert.ok((await page.$$("dl.glossary dt[id]")).length > 0, "the letter's terms are there");
    assert.ok(await page.$("nav.letters a[aria-current]"), "the letter is marked");
    assert.deepEqual(page.errors, [], "no console error");
    await page.context().close();
  });
}

test("the home leads to every certification through the catalogue, and the downloads to a certification's files", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.base + "index.html");
  await page.click("a[href='certifications/1.html']");
  await page.waitForLoadState();
  const listed = await page.$$eval(".card .cert-name a", (as) => as.map((a) => a.getAttribute("href").split("/")[2]));
  assert.deepEqual([...listed].sort(), fs.readdirSync(path.join(SITE, "c")).sort(), "the catalogue lists every certification");
  await page.goto(server.base + "telechargements/index.html");
  const link = await page.$("a[href$='#telechargements']");
  const href = await link.getAttribute("href");
  await link.click();
  await page.waitForLoadState();
  const onScreen = await page.evaluate(() => { const r = document.getElementById("telechargements").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
  assert.ok(onScreen, `${href}: the certification's files are on screen`);
  assert.ok((await page.$$("#telechargements + ul a[download]")).length > 0, "its files are listed");
  await page.context().close();
});

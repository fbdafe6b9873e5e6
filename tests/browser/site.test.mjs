// The site as a person uses it, in a real headless Chromium, at a phone width and a desktop width:
// navigation home → certification → element → source and back, search with a typo and without
// accents, no sideways scrolling, no console error, no accessibility violation (axe-core).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { serve, launch, newPage, overflow, shot, VIEWPORTS, SITE } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
let server, browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, "index.html")), "build the site first (cargo run --release -- build)");
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function check(page, name) {
  assert.equal(await overflow(page), 0, `${name}: the page scrolls sideways`);
  await page.screenshot({ path: shot(name), fullPage: false });
}

for (const [vname, viewport] of Object.entries(VIEWPORTS)) {
  test(`${vname}: home → certification → element → source, and back`, async () => {
    const page = await newPage(browser, viewport);
    await page.goto(server.base);
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    await check(page, `${vname}-1-home`);
    assert.deepEqual(await axe(page), [], "axe on the home page");

    // The first certification that has elements.
    const certLinks = await page.$$eval(".card .cert-name a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(certLinks.length > 0, "the home page lists certifications");
    await page.click(".card .cert-name a");
    await page.waitForLoadState();
    await check(page, `${vname}-2-certification`);
    assert.deepEqual(await axe(page), [], "axe on a certification page");

    // An element of its tree: the first compétence if there is one.
    const target = (await page.$(".tree a[href*='/e/cp']")) || (await page.$(".tree a[href*='/e/c']")) || (await page.$(".tree a"));
    const href = await target.getAttribute("href");
    await page.goto(new URL(href, page.url()).href);
    await check(page, `${vname}-3-element`);
    assert.deepEqual(await axe(page), [], "axe on an element page");
    assert.ok(await page.$(".provenance .excerpt"), "the element shows its source lines");
    const elementUrl = page.url();

    // Its source lines (collapsed at the end of the page), in the source view, then back.
    await page.click(".provenance summary");
    await page.click(".provenance a");
    await page.waitForLoadState();
    const anchor = new URL(page.url()).hash;
    assert.match(anchor, /^#L\d+$/);
    assert.ok(await page.$(`.line${anchor}.cited`), "the cited line is highlighted in the source view");
    await check(page, `${vname}-4-source`);
    assert.deepEqual(await axe(page), [], "axe on a source page");
    await page.goBack();
    assert.equal(page.url(), elementUrl);
    assert.deepEqual(page.errors, [], "no console error");
    await page.context().close();
  });

  test(`${vname}: tables, glossary, codes and the printable document render without errors`, async () => {
    const page = await newPage(browser, viewport);
    const pages = ["glossaire.html", "codes/index.html", "sources/index.html"];
    const matrix = fs.readdirSync(path.join(SITE, "c")).flatMap((c) => {
      const dir = path.join(SITE, "c", c, "tableaux");
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => `c/${c}/tableaux/${f}`) : [];
    })[0];
    if (matrix) pages.push(matrix);
    const corr = fs.existsSync(path.join(SITE, "correspondances")) ? fs.readdirSync(path.join(SITE, "correspondances"))[0] : null;
    if (corr) pages.push(`correspondances/${corr}`);
    const firstCert = fs.readdirSync(path.join(SITE, "c"))[0];
    pages.push(`c/${firstCert}/document.html`);
    for (const p of pages) {
      await page.goto(server.base + p);
      await check(page, `${vname}-${p.replace(/[^a-z0-9]+/gi, "_")}`);
      assert.deepEqual(await axe(page), [], `axe on ${p}`);
    }
    assert.deepEqual(page.errors, [], "no console error");
    await page.context().close();
  });

  test(`${vname}: search as you type, with a typo and without accents`, async () => {
    const page = await newPage(browser, viewport);
    await page.goto(server.base + "recherche.html");
    // A typo and a missing accent: "negociaton" for "négociation".
    await page.fill("#q", "strategie comerciale");
    // Suggestions as you type (from the suggestions' index, #27); the whole index's results on Enter.
    await page.waitForSelector("#suggest li");
    await page.press("#q", "Enter");
    await page.waitForSelector("#results li");
    const texts = await page.$$eval("#results li a", (as) => as.map((a) => a.textContent));
    assert.ok(texts.some((t) => /stratégie commerciale/i.test(t)), `results for a typo and no accent: ${texts.slice(0, 5)}`);
    assert.ok(await page.$("#results mark"), "matched words are highlighted");
    // Each result says where it is before its text; the results come before the filters.
    const where = await page.$eval("#results li", (li) => [li.firstElementChild.className, li.querySelector(".where .cert").textContent]);
    assert.equal(where[0], "where");
    assert.ok(where[1].length > 0, "the certification is named");
    assert.ok(await page.$eval("#results", (r) => !!(r.compareDocumentPosition(document.querySelector(".filters")) & Node.DOCUMENT_POSITION_FOLLOWING)), "results above the filters");
    await check(page, `${vname}-5-search`);
    assert.deepEqual(await axe(page), [], "axe on the search page");
    // The quick search of every page suggests as you type.
    await page.goto(server.base);
    await page.fill("#q-top", "prospection");
    await page.waitForSelector("#suggest li");
    // A combobox: the arrows move among the options, the input names the active one.
    assert.equal(await page.getAttribute("#q-top", "role"), "combobox");
    assert.equal(await page.getAttribute("#q-top", "aria-expanded"), "true");
    assert.equal(await page.getAttribute("#suggest", "role"), "listbox");
    await page.keyboard.press("ArrowDown");
    const activeId = await page.getAttribute("#q-top", "aria-activedescendant");
    assert.equal(await page.$eval("#" + activeId, (o) => [o.getAttribute("role"), o.getAttribute("aria-selected")].join()), "option,true");
    await page.keyboard.press("Escape");
    assert.equal(await page.getAttribute("#q-top", "aria-expanded"), "false");
    await page.fill("#q-top", "prospection ");
    await page.waitForSelector("#suggest li");
    await check(page, `${vname}-6-suggest`);
    assert.deepEqual(page.errors, [], "no console error");
    await page.context().close();
  });

  test(`${vname}: an address without a page gets the site's 404 page, styled and linked from any depth`, async () => {
    const page = await newPage(browser, viewport);
    const res = await page.goto(server.base + "c/ntc-2018/e/cp3-ancien.html");
    assert.equal(res.status(), 404);
    assert.equal(await page.textContent("h1"), "Page introuvable");
    // The stylesheet loaded (the header is laid out by it), though the page sits three folders down.
    assert.equal(await page.$eval("header.top", (h) => getComputedStyle(h).display), "flex");
    // The missing address's last name is offered as a search.
    assert.equal(await page.inputValue("#q-lost"), "cp3-ancien");
    await check(page, `${vname}-7-not-found`);
    assert.deepEqual(await axe(page), [], "axe on the 404 page");
    // Its links lead to pages that exist: a certification, then the search with the query.
    const n = await page.$$eval("main ul.items li a", (as) => as.length);
    assert.ok(n >= 5, `the certifications are listed (${n})`);
    await Promise.all([page.waitForNavigation(), page.click("main ul.items li a")]);
    assert.match(page.url(), /\/c\/[^/]+\/index\.html$/);
    assert.ok(await page.$("h1"));
    await page.goBack();
    await page.fill("#q-lost", "cp3");
    await Promise.all([page.waitForNavigation(), page.press("#q-lost", "Enter")]);
    assert.match(page.url(), /recherche\.html\?q=cp3$/);
    await page.waitForSelector("#results li");
    assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), [], "no console error but the page's own 404");
    await page.context().close();
  });
}

test("the site works from file:// (search included)", async () => {
  const page = await newPage(browser, VIEWPORTS.phone);
  await page.goto("file://" + path.join(SITE, "recherche.html") + "?q=fidelisation");
  await page.waitForSelector("#results li");
  const first = await page.$eval("#results li a", (a) => a.getAttribute("href"));
  await page.goto(new URL(first, page.url()).href);
  assert.ok(await page.$("h1"), "a result opens from file://");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

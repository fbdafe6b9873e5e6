// The first screens answer first (#27): a compétence's page says right under its title how it is
// evaluated (each modalité named by what it belongs to, its duration), what the candidate
// prepares (quoted, with its lines) and what certifies it; its printable fiche holds every part
// of the fiche and prints without an empty last page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serve, launch, newPage, SITE } from "./lib.mjs";

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

test("NTC 2018 CP3: its evaluation, what the candidate prepares and its CCP come before the fiche", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.base + "c/ntc-2018/e/cp3.html");
  const box = await page.$(".summary-box");
  assert.ok(box, "a summary under the title");
  // Before the fiche's first part.
  assert.ok(await page.$eval(".summary-box", (s) => !!(s.compareDocumentPosition(document.querySelector(".fiche")) & Node.DOCUMENT_POSITION_FOLLOWING)));
  const lines = await page.$$eval(".summary-box .brief li", (lis) => lis.map((l) => l.textContent.replace(/\s+/g, " ").trim()));
  assert.equal(new Set(lines).size, lines.length, `no two evaluation lines alike: ${lines.join(" | ")}`);
  assert.ok(lines.some((l) => /Questionnement à partir de production\(s\) — session du titre/.test(l)), lines.join(" | "));
  assert.ok(lines.some((l) => /Questionnement à partir de production\(s\) — CCP 1 · durée 00 h 30 min/.test(l)), lines.join(" | "));
  const text = await box.textContent();
  assert.match(text, /le candidat rédige trois documents/);
  assert.match(text, /Le troisième document est relatif à la compétence « Mettre en œuvre des actions de fidélisation »/);
  assert.match(text, /lignes 1370-1372/);
  assert.match(text, /Certifié par CCP 1/);
  // Its evaluation is said once on the page.
  assert.equal(await page.$$eval("section[aria-labelledby=f-eval]", (s) => s.length), 0, "no second « Évaluation » list");
  // Its evaluation is on the first phone screen, what the candidate prepares follows it.
  const bottom = await page.$eval(".summary-box .brief", (s) => s.getBoundingClientRect().bottom + scrollY);
  assert.ok(bottom < 844, `the evaluation lines end at ${Math.round(bottom)} px`);
  await page.context().close();
});

test("the printable fiche of NTC 2018 CCP 1 has every part (Contexte too) and no nearly empty last page", async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  await page.goto(server.base + "c/ntc-2018/fiches/ccp1.html");
  const heads = await page.$$eval(".pf-comp h3", (hs) => hs.map((h) => h.textContent.trim()));
  const cp3 = await page.$eval(".pf-comp", (s) => s.textContent);
  assert.ok(heads.some((h) => /contexte/i.test(h)), `a Contexte part: ${[...new Set(heads)].join(", ")}`);
  assert.ok(cp3.length > 100);
  await page.emulateMedia({ media: "print" });
  const pdf = path.join(os.tmpdir(), `fiche-${process.pid}.pdf`);
  await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString().split("\f").filter((p, i, all) => i < all.length - 1 || p.trim());
  const last = pages[pages.length - 1].trim();
  assert.ok(last.split("\n").filter((l) => l.trim()).length > 3, `the last of ${pages.length} pages holds more than a closing line: « ${last.slice(0, 200)} »`);
  fs.rmSync(pdf);
  await page.context().close();
});

const certPages = () => fs.readdirSync(path.join(SITE, "c")).map((c) => `c/${c}/index.html`);

test("a certification page says first what it is and whether a newer version replaces it", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  for (const p of certPages()) {
    await page.goto(server.base + p);
    const status = await page.$eval("p.status", (s) => [s.textContent.replace(/\s+/g, " ").trim(), s.getBoundingClientRect().bottom + scrollY]);
    assert.match(status[0], /Remplacée par|Aucune version plus récente/, p);
    assert.ok(status[1] < 844, `${p}: on the first phone screen (${Math.round(status[1])} px)`);
  }
  await page.goto(server.base + "c/ntc-2013/index.html");
  assert.match(await page.textContent("p.status"), /Remplacée par Négociateur technico-commercial/);
  await page.context().close();
});

test("the synoptic: a picture with a link per box on a desktop, a vertical list on a phone, one A4 page in print", async () => {
  const desk = await newPage(browser, { width: 1280, height: 800 });
  const phone = await newPage(browser, { width: 390, height: 844 });
  const withSyn = [];
  for (const p of certPages()) {
    await desk.goto(server.base + p);
    if (!(await desk.$("svg.synoptic"))) continue;
    withSyn.push(p);
    // Every box is a link to an element page that exists.
    const boxes = await desk.$$eval("svg.synoptic rect", (r) => r.length);
    const links = await desk.$$eval("svg.synoptic a", (as) => as.map((a) => a.getAttribute("href")));
    assert.equal(links.length, boxes, `${p}: each box a link`);
    for (const h of links) assert.ok(fs.existsSync(path.join(SITE, path.dirname(p), h)), `${p}: ${h}`);
    // Drawn at build time: in the HTML as served, no script draws it.
    assert.ok(fs.readFileSync(path.join(SITE, p), "utf8").includes("<svg class=\"synoptic\""), p);
    await phone.goto(server.base + p);
    assert.equal(await phone.$eval("svg.synoptic", (s) => s.getBoundingClientRect().height), 0, `${p}: no picture at 390 px`);
    const items = await phone.$$eval(".synlist li li", (lis) => lis.filter((l) => l.offsetParent !== null).length);
    assert.ok(items > 0, `${p}: the list at 390 px`);
    // In print, on an A4 page: 186 mm wide, at most 269 mm high (14 mm margins).
    await desk.setViewportSize({ width: 703, height: 1000 });
    await desk.emulateMedia({ media: "print" });
    const h = await desk.$eval("svg.synoptic", (s) => s.getBoundingClientRect().height);
    assert.ok(h > 100 && h <= 1017, `${p}: ${Math.round(h)} px high in print`);
    await desk.emulateMedia({ media: "screen" });
    await desk.setViewportSize({ width: 1280, height: 800 });
  }
  assert.ok(withSyn.length >= 4, `certifications with a synoptic: ${withSyn}`);
  await desk.context().close();
  await phone.context().close();
});

test("home at 390 px: every certification is named within two phone screens", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.base);
  const bottoms = await page.$$eval(".card .cert-name a", (as) => as.map((a) => a.getBoundingClientRect().bottom + scrollY));
  assert.equal(bottoms.length, fs.readdirSync(path.join(SITE, "c")).length, "every certification is listed");
  assert.ok(Math.max(...bottoms) <= 2 * 844, `the last one ends at ${Math.round(Math.max(...bottoms))} px`);
  await page.context().close();
});

test("BTS TC C1.1: each épreuve is one line, with the groups it reaches the compétence through", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.base + "c/bts-tc-2006/e/c1.1.html");
  const firsts = await page.$$eval(".summary-box .brief li", (lis) => lis.map((l) => l.querySelector("a").getAttribute("href")));
  assert.ok(firsts.length > 0, "an evaluation line");
  assert.equal(new Set(firsts).size, firsts.length, `one line per épreuve: ${firsts}`);
  const text = await page.textContent(".summary-box .brief");
  assert.doesNotMatch(text, /ANNEXE/, "an épreuve is not named by the annex that prints it");
  await page.context().close();
});

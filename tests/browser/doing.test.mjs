// #28 From reading to doing: a learner's positionnement on a phone (answers kept in the browser
// only, a summary per unit, a CSV and a file to load again, axe-core clean, from file:// too) and
// the evaluation grids on screen and printed on A4.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { serve, launch, newPage, overflow, SITE } from "./lib.mjs";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = process.env.DOING_SHOTS || path.join(path.dirname(SITE), "tests/browser/screenshots");
const server = await serve();
const browser = await launch();
test.after(async () => { await browser.close(); await server.close(); });

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** The counts of a unit's summary row: { oui, "en-partie", non, none }. */
async function counts(page, unit) {
  return page.evaluate((u) => Object.fromEntries([...document.querySelectorAll(`.pos-summary tr[data-unit="${u}"] td[data-count]`)]
    .map((td) => [td.dataset.count, Number(td.textContent)])), unit);
}

test("positionnement at 390 px: three answers survive a reload, the summary counts them, the CSV holds them, axe finds nothing", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.base + "c/ntc-2018/positionnement.html");
  const unit = await page.evaluate(() => document.querySelector("section.pos-unit").dataset.unit);
  const total = (await counts(page, unit)).none;
  assert.ok(total > 10, `${unit} has ${total} critères to answer`);
  // Answer three critères of the first unit, by their labels, as a person taps them.
  const qs = page.locator(`section.pos-unit[data-unit="${unit}"] fieldset.pos-q`);
  const ids = [];
  for (const [i, label] of [[0, "Oui"], [1, "En partie"], [2, "Non"]]) {
    const q = qs.nth(i);
    ids.push(await q.getAttribute("data-id"));
    await q.getByLabel(label, { exact: true }).check();
  }
  const after = await counts(page, unit);
  assert.deepEqual(after, { oui: 1, "en-partie": 1, non: 1, none: total - 3 }, "the summary counts the answers at once");
  await page.screenshot({ path: path.join(SHOTS, "positionnement-390.png"), fullPage: false });
  await page.reload();
  const kept = await page.evaluate((ids) => ids.map((id) => document.querySelector(`fieldset.pos-q[data-id="${id}"] input:checked`)?.value ?? null), ids);
  assert.deepEqual(kept, ["oui", "en-partie", "non"], "the answers are kept after a reload");
  assert.deepEqual(await counts(page, unit), after, "and so is the summary");
  // The CSV holds the three answers, each against its critère.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pos-csv")]);
  const csv = fs.readFileSync(await download.path(), "utf8");
  const rows = csv.replace(/^\ufeff/, "").trim().split("\r\n");
  assert.equal(rows[0], "unite,competence_id,critere_id,critere,reponse");
  for (const [id, answer] of [[ids[0], "Oui"], [ids[1], "En partie"], [ids[2], "Non"]]) {
    assert.ok(rows.some((r) => r.includes(`,${id},`) && r.endsWith(`,${answer}`)), `the CSV says ${answer} for ${id}`);
  }
  assert.equal(rows.filter((r) => /,(Oui|En partie|Non)$/.test(r)).length, 3, "and nothing else is answered");
  // The file to load again: saved, cleared, loaded back.
  const [saved] = await Promise.all([page.waitForEvent("download"), page.click("#pos-save")]);
  const file = await saved.path();
  page.once("dialog", (d) => d.accept());
  await page.click("#pos-clear");
  assert.equal((await counts(page, unit)).none, total, "cleared");
  await page.setInputFiles("#pos-load", { name: "positionnement.json", mimeType: "application/json", buffer: fs.readFileSync(file) });
  await page.waitForFunction(() => document.getElementById("pos-msg").textContent.includes("3 réponses"));
  assert.deepEqual(await counts(page, unit), after, "the file brings the answers back");
  assert.equal(await overflow(page), 0, "nothing scrolls sideways at 390 px");
  assert.deepEqual(await axe(page), [], "axe-core");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a unit's positionnement page shares the answers of its certification's page", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(server.base + "c/bts-nrc/positionnement.html");
  const q = page.locator('section.pos-unit[data-unit="u5"] fieldset.pos-q').first();
  const id = await q.getAttribute("data-id");
  await q.getByLabel("Oui", { exact: true }).check();
  await page.goto(server.base + "c/bts-nrc/positionnement/u5.html");
  assert.equal(await page.evaluate((id) => document.querySelector(`fieldset.pos-q[data-id="${id}"] input:checked`)?.value, id), "oui");
  assert.equal((await counts(page, "u5")).oui, 1);
  assert.deepEqual(await axe(page), [], "axe-core");
  await page.context().close();
});

test("positionnement works from file:// (no server)", async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(pathToFileURL(path.join(SITE, "c/cc-2017/positionnement.html")).href);
  const q = page.locator("fieldset.pos-q").first();
  await q.getByLabel("En partie", { exact: true }).check();
  await page.reload();
  assert.equal(await page.evaluate(() => document.querySelector("fieldset.pos-q input:checked")?.value), "en-partie");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a grid reads on a phone, passes axe, and prints on A4 without navigation", async () => {
  for (const [unit, width] of [["c/ntc-2018/grilles/ccp1.html", 1280], ["c/bts-tc-2006/grilles/u4.html", 390]]) {
    const page = await newPage(browser, { width, height: 900 });
    await page.goto(server.base + unit);
    assert.equal(await overflow(page), 0, `${unit} at ${width} px: nothing scrolls sideways`);
    assert.deepEqual(await axe(page), [], `${unit}: axe-core`);
    await page.screenshot({ path: path.join(SHOTS, `grille-${width}.png`) });
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() => [".top", ".foot", ".noprint"].every((s) => [...document.querySelectorAll(s)].every((e) => getComputedStyle(e).display === "none")));
    assert.ok(hidden, "print: no navigation, no footer");
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    fs.writeFileSync(path.join(SHOTS, `grille-${path.basename(unit, ".html")}.pdf`), pdf);
    assert.ok(pdf.length > 1000);
    await page.context().close();
  }
});

test("a plan's page: its coverage per unit, the matrix in its own scroll box at 390 px, axe finds nothing", async () => {
  for (const width of [390, 1280]) {
    const page = await newPage(browser, { width, height: 900 });
    await page.goto(server.base + "plans/ntc-2018-parcours.html");
    assert.ok(await page.locator("table.plan-cov").count() >= 2, "a coverage table per CCP");
    assert.match(await page.locator("h2").last().textContent(), /Éléments non couverts \(\d+\)/);
    assert.equal(await overflow(page), 0, `nothing scrolls sideways at ${width} px`);
    assert.deepEqual(await axe(page), [], "axe-core");
    await page.screenshot({ path: path.join(SHOTS, `plan-${width}.png`), fullPage: width === 1280 });
    await page.context().close();
  }
});

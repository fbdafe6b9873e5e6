// The query suites: the command line (`referentiel search --json`) and the site's script return the
// same results, in the same order, with the same scores, for every query of tests/search-queries.json
// and tests/search-suite.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { launch, newPage, ROOT, SITE } from "./lib.mjs";

const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, "tests", f), "utf8"));
const queries = [...read("search-queries.json"), ...read("search-suite.json")];
const BIN = path.join(ROOT, "target/release/referentiel");
let browser, page;
const cli = new Map();

before(async () => {
  browser = await launch();
  page = await newPage(browser, { width: 1280, height: 800 });
  await page.goto("file://" + path.join(SITE, "recherche.html"));
  // The command line answers every query in one run (`search --batch -`: one query a line in,
  // one JSON line out).
  const todo = [...new Set(queries.map((x) => x.q))];
  const child = execFile(BIN, ["search", "--batch", "-", "--limit", "10"], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  child.stdin.end(todo.join("\n") + "\n");
  const stdout = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`search --batch exited with ${code}`))));
  });
  for (const line of stdout.trim().split("\n")) {
    const { q, hits } = JSON.parse(line);
    cli.set(q, hits);
  }
  assert.equal(cli.size, todo.length, "one line of results per query");
});
after(async () => browser?.close());

for (const q of new Set(queries.map((x) => x.q))) {
  test(`command line and browser agree on “${q}”`, async () => {
    const web = await page.evaluate(async (q) => await window.referentielSearch.search(q, {}, 10), q);
    assert.deepEqual(web.map((h) => h.id), cli.get(q).map((h) => h.id));
    assert.deepEqual(web.map((h) => h.score), cli.get(q).map((h) => h.score));
    assert.deepEqual(web.map((h) => (h.also || []).map((a) => a.id)), cli.get(q).map((h) => (h.also || []).map((a) => a.id)));
  });
}

test("a result repeating a higher one's text is shown under it, by its kind and code", async () => {
  const fresh = await newPage(browser, { width: 390, height: 844 });
  await fresh.goto("file://" + path.join(SITE, "recherche.html") + "?q=" + encodeURIComponent("communication commerciale"));
  await fresh.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent));
  const items = await fresh.$$eval("#results li", (lis) => lis.map((li) => ({ id: li.dataset.id, also: li.querySelector(".also")?.textContent || "" })));
  const u4 = items.find((i) => i.id === "bts-nrc/u4");
  assert.ok(u4, JSON.stringify(items));
  assert.match(u4.also, /^aussi : Épreuve E4\b/);
  assert.ok(!items.some((i) => i.id === "bts-nrc/e4"));
  assert.deepEqual(fresh.errors, []);
  await fresh.context().close();
});

// A first query on a phone: the search script and meta.js come inside the page, then one round for
// the buckets of the words (their vocabulary's targets ride in them) and one for the texts of the
// results (record files of their keys, blocks for the rest): at most 6 files in all.
for (const q of ["prise de rdv", "cp3", "veille commerciale", "relancer un client"]) {
  test(`a first query for “${q}” needs no script file and at most 6 index files`, async () => {
    const fresh = await newPage(browser, { width: 390, height: 844 });
    const files = [];
    fresh.on("request", (r) => { const m = /\/site\/(search\/.*|assets\/search\.js)$/.exec(r.url()); if (m) files.push(m[1]); });
    await fresh.goto("file://" + path.join(SITE, "recherche.html") + "?q=" + encodeURIComponent(q));
    await fresh.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent));
    assert.deepEqual(files.filter((f) => !/^search\/[tdr]\//.test(f)), [], `only index files: ${files}`);
    assert.ok(files.length <= 6, `at most 6 files: ${files}`);
    assert.ok((await fresh.$$("#results li")).length > 0);
    assert.deepEqual(fresh.errors, []);
    await fresh.context().close();
  });
}

test("no console error while searching", () => assert.deepEqual(page.errors, []));

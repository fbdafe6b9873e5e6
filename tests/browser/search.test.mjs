// The shared query suite: the command line (`referentiel search --json`) and the site's script
// return the same results, in the same order, for every query of tests/search-queries.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, newPage, ROOT, SITE } from "./lib.mjs";

const queries = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/search-queries.json"), "utf8"));
const BIN = path.join(ROOT, "target/release/referentiel");
let browser, page;

before(async () => {
  browser = await launch();
  page = await newPage(browser, { width: 1280, height: 800 });
  await page.goto("file://" + path.join(SITE, "recherche.html"));
});
after(async () => browser?.close());

for (const { q } of queries) {
  test(`command line and browser agree on “${q}”`, async () => {
    const cli = JSON.parse(execFileSync(BIN, ["search", "--json", "--limit", "10", q], { cwd: ROOT, encoding: "utf8" }));
    const web = await page.evaluate(async (q) => await window.referentielSearch.search(q, {}, 10), q);
    assert.deepEqual(web.map((h) => h.id), cli.map((h) => h.id));
    assert.deepEqual(web.map((h) => h.score), cli.map((h) => h.score));
  });
}

test("no console error while searching", () => assert.deepEqual(page.errors, []));

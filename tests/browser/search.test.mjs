// The query suites: the command line (`referentiel search --json`) and the site's script return the
// same results, in the same order, with the same scores, for every query of tests/search-queries.json
// and tests/search-suite.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFile, execFileSync } from "node:child_process";
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

// Filters: the page does not carry the certifications (search/certs.js does, fetched when the
// filters come into view or a query is filtered); a first query filtered from the address shows the
// command line's results for the same filters, in two rounds, and the list offers every certification.
for (const [q, cert, kind] of [["communication commerciale", "bts-nrc", ""], ["prospection", "", "Savoir"], ["cp3", "ntc-2018", "Compétence professionnelle"]]) {
  test(`a first query filtered by ${[cert, kind].filter(Boolean).join(" and ")} shows the command line's results`, async () => {
    const args = ["search", q, "--format", "json", "--limit", "5"];
    if (cert) args.push("--cert", cert);
    if (kind) args.push("--kind", kind);
    const expected = JSON.parse(execFileSync(BIN, args, { cwd: ROOT, encoding: "utf8" })).map((h) => h.id);
    assert.ok(expected.length > 0, "the command line finds something");
    const fresh = await newPage(browser, { width: 390, height: 844 });
    const files = [];
    fresh.on("request", (r) => { const m = /\/site\/(search\/.*)$/.exec(r.url()); if (m) files.push(m[1]); });
    const p = new URLSearchParams({ q });
    if (cert) p.set("cert", cert);
    if (kind) p.set("kind", kind);
    await fresh.goto("file://" + path.join(SITE, "recherche.html") + "?" + p.toString());
    await fresh.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent));
    const shown = await fresh.$$eval("#results li", (lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(shown, expected);
    assert.equal(await fresh.$eval("#f-cert", (s) => s.value), cert);
    assert.equal(await fresh.$eval("#f-kind", (s) => s.value), kind);
    if (cert) assert.ok(files.includes("search/certs.js"), `${files}`);
    // The list: every certification, each by its title, the one of the address still chosen.
    await fresh.focus("#f-cert");
    await fresh.waitForFunction(() => document.getElementById("f-cert").getAttribute("data-filled"));
    const options = await fresh.$$eval("#f-cert option", (os) => os.map((o) => [o.value, o.textContent]));
    assert.equal(options.length, 1 + fs.readdirSync(path.join(SITE, "c")).length);
    assert.ok(options.slice(1).every(([v, t]) => v && t && t !== v), JSON.stringify(options));
    assert.equal(await fresh.$eval("#f-cert", (s) => s.value), cert);
    assert.deepEqual(fresh.errors, []);
    await fresh.context().close();
  });
}

test("the search page does not carry the certifications: they come when the filters are used", async () => {
  const html = fs.readFileSync(path.join(SITE, "recherche.html"), "utf8");
  assert.match(html, /<select id="f-cert"[^>]*><option value="">Toutes<\/option><\/select>/);
  const fresh = await newPage(browser, { width: 1280, height: 800 });
  await fresh.goto("file://" + path.join(SITE, "recherche.html"));
  await fresh.selectOption("#f-cert", { index: 0 });
  await fresh.focus("#f-cert");
  await fresh.waitForFunction(() => document.getElementById("f-cert").options.length > 1);
  const first = await fresh.$eval("#f-cert", (s) => s.options[1].value);
  await fresh.fill("#q", "vente");
  await fresh.selectOption("#f-cert", first);
  await fresh.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent));
  const ids = await fresh.$$eval("#results li", (lis) => lis.map((li) => li.dataset.id));
  assert.ok(ids.length > 0 && ids.every((id) => id === first || id.startsWith(first + "/")), `${first}: ${ids}`);
  assert.deepEqual(fresh.errors, []);
  await fresh.context().close();
});

test("no console error while searching", () => assert.deepEqual(page.errors, []));

// Benchmark: our search against Pagefind 1.x indexing the same built site, on the shared query
// suite (tests/search-queries.json): bytes downloaded for a first query (fresh browser, empty
// cache), time to results, and how many expected elements each puts in its top 5.
// Run after a build: node tests/browser/bench-search.mjs   (prints a table; asserts nothing)
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { serve, launch, ROOT, SITE } from "./lib.mjs";

const queries = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/search-queries.json"), "utf8"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "referentiel-pagefind-"));
fs.cpSync(SITE, dir, { recursive: true });
execFileSync(path.join(ROOT, "tests/browser/node_modules/.bin/pagefind"), ["--site", dir], { stdio: "ignore" });
fs.writeFileSync(path.join(dir, "pf.html"), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>pf</title></head><body><ol id="r"></ol>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const r = await pagefind.search(q);
const top = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
document.getElementById("r").innerHTML = top.map((d) => '<li data-url="' + d.url + '">' + d.excerpt + "</li>").join("") || "<li data-url=''>none</li>";
</script></body></html>`);

const server = await serve(dir);
const browser = await launch();
const idOf = (url) => {
  const u = url.replace(/^.*\/un\/sous\/chemin\//, "").replace(/^\//, "");
  let m = /^c\/([^/]+)\/e\/([^/]+)\.html/.exec(u);
  if (m) return `${m[1]}/${m[2]}`;
  m = /^c\/([^/]+)\/(index\.html)?$/.exec(u);
  return m ? m[1] : u;
};

async function run(kind, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const before = server.sent.length;
  const t0 = Date.now();
  let ids;
  if (kind === "ours") {
    await page.goto(server.base + "recherche.html?q=" + encodeURIComponent(q));
    await page.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent));
    ids = await page.$$eval("#results li", (ls) => ls.slice(0, 5).map((l) => l.dataset.id));
  } else {
    await page.goto(server.base + "pf.html?q=" + encodeURIComponent(q));
    await page.waitForSelector("#r li");
    ids = (await page.$$eval("#r li", (ls) => ls.map((l) => l.dataset.url))).filter(Boolean).map(idOf);
  }
  const ms = Date.now() - t0;
  const files = server.sent.slice(before).filter((s) => kind === "ours" ? /\/(search\/|assets\/search\.js)/.test(s.path) : /\/pagefind\//.test(s.path));
  await context.close();
  return { ms, bytes: files.reduce((a, s) => a + s.bytes, 0), requests: files.length, ids };
}

const rows = [];
const total = { ours: { bytes: 0, ms: 0, found: 0 }, pagefind: { bytes: 0, ms: 0, found: 0 }, expected: 0 };
for (const { q, expect } of queries) {
  const row = { q };
  for (const kind of ["ours", "pagefind"]) {
    const r = await run(kind, q);
    const found = expect.filter((e) => r.ids.includes(e)).length;
    row[kind] = { ...r, found };
    total[kind].bytes += r.bytes; total[kind].ms += r.ms; total[kind].found += found;
  }
  total.expected += expect.length;
  rows.push(row);
}
const pad = (s, n) => String(s).padEnd(n);
console.log(pad("query", 34), pad("ours: bytes / ms / top5", 26), "pagefind: bytes / ms / top5");
for (const r of rows) {
  console.log(pad(r.q, 34), pad(`${r.ours.bytes} / ${r.ours.ms} / ${r.ours.found}`, 26), `${r.pagefind.bytes} / ${r.pagefind.ms} / ${r.pagefind.found}`);
}
const n = queries.length;
console.log(`\n${n} queries, ${total.expected} expected elements`);
for (const k of ["ours", "pagefind"]) {
  console.log(`${pad(k, 9)} mean first-query download ${Math.round(total[k].bytes / n)} B, mean time to results ${Math.round(total[k].ms / n)} ms, expected found in top 5: ${total[k].found}/${total.expected}`);
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

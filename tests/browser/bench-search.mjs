// Benchmark: our search against Pagefind 1.x indexing the same built site, on the shared query
// suite (tests/search-queries.json): bytes downloaded for a first query (fresh browser, empty
// cache), time to results, and how many expected elements each puts in its top 5.
// Run after a build: node tests/browser/bench-search.mjs   (prints a table; asserts nothing)
// `--first` measures only the first query under slow 3G (requests, rounds, bytes, time).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { serve, launch, ROOT, SITE } from "./lib.mjs";

// The suite: tests/search-suite.json (typed, a third held out), or another file given as argument.
const args = process.argv.slice(2);
const firstOnly = args.includes("--first");
const suite = args.find((a) => !a.startsWith("--"));
const queries = firstOnly ? [] : JSON.parse(fs.readFileSync(suite || path.join(ROOT, "tests/search-suite.json"), "utf8"));
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

// Slow 3G as Chrome DevTools defines it: 400 ms latency, 400 kbit/s down.
const SLOW3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

async function run(kind, q, slow) {
  // The first-query runs are a phone's (390 px wide: five results shown at first).
  const context = await browser.newContext(slow ? { viewport: { width: 390, height: 844 }, isMobile: true } : {});
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW3G);
  }
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
  // Rounds: requests arriving more than 200 ms after the previous one waited for an answer.
  const rounds = files.reduce((a, s, i) => a + (i === 0 || s.at - files[i - 1].at > 200 ? 1 : 0), 0);
  return { ms, bytes: files.reduce((a, s) => a + s.bytes, 0), requests: files.length, rounds, files: files.map((s) => s.path.replace(/^.*\/(search|assets)\//, "")), ids };
}

const types = ["lexical", "paraphrase", "question", "code"];
const table = {};
for (const { q, expect, type = "lexical", held_out = false } of queries) {
  for (const kind of ["ours", "pagefind"]) {
    const r = await run(kind, q, false);
    const key = `${type}|${held_out ? "held-out" : "tuned"}|${kind}`;
    table[key] ??= { found: 0, n: 0 };
    table[key].n += 1;
    if (expect.some((e) => r.ids.includes(e))) table[key].found += 1;
  }
}
const pad = (s, n) => String(s).padEnd(n);
const cell = (k) => (table[k] ? `${table[k].found}/${table[k].n} ${(table[k].found / table[k].n).toFixed(2)}` : "");
if (!firstOnly) console.log(`recall@5 (a query counts when an expected element is in the top 5), ${queries.length} queries`);
if (!firstOnly) console.log(pad("type", 12), pad("ours tuned", 14), pad("ours held-out", 15), pad("pagefind tuned", 16), "pagefind held-out");
for (const t of firstOnly ? [] : types) {
  console.log(pad(t, 12), pad(cell(`${t}|tuned|ours`), 14), pad(cell(`${t}|held-out|ours`), 15), pad(cell(`${t}|tuned|pagefind`), 16), cell(`${t}|held-out|pagefind`));
}
// The first query of a fresh visitor under slow 3G: requests, bytes, time to results.
console.log("\nfirst query under slow 3G (fresh browser, empty cache)");
for (const q of ["prise de rdv", "cp3", "veille commerciale", "relancer un client"]) {
  for (const kind of ["ours", "pagefind"]) {
    const r = await run(kind, q, true);
    console.log(pad(kind, 9), pad(q, 22), `${r.requests} requests in ${r.rounds} rounds, ${r.bytes} B, ${r.ms} ms`);
    if (kind === "ours" && args.includes("--files")) console.log("   ", r.files.join(" "));
  }
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

// Benchmark: our search against Pagefind 1.x indexing the same built site, on the shared query
// suite (tests/search-queries.json): bytes downloaded for a first query (fresh browser, empty
// cache), time to results, and how many expected elements each puts in its top 5.
// Run after a build: node tests/browser/bench-search.mjs   (prints a table; asserts nothing)
// `--first` measures only the first query under slow 3G (requests, rounds, bytes, time).
// `--first-suite` measures the first query of every suite query under slow 3G, once each (ours; with
// `--pagefind` Pagefind too): per query and summed up (median and max of files, rounds, bytes, time).
// `typed` rows: the reader types the query on the search page (index files fetched while typing).
// `--typed10`: #27's slow 3G (2 s round trip, 50 KB/s, gzip as static hosts serve), ten queries
// typed by a reader on the search page and in the quick box of the home page: for the first use
// (fresh page, the box focused then typed) and for a later query on the same page, the time from
// the last key to the suggestions, with the requests and bytes after the last key; then Enter:
// the time to the results, their requests and rounds.
// Robust under load: one browser, queries one at a time, each with a time limit and three tries.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { serve, launch, ROOT, SITE } from "./lib.mjs";

// The suite: tests/search-suite.json (typed, a third held out), or another file given as argument.
const args = process.argv.slice(2);
const firstSuite = args.includes("--first-suite");
const firstOnly = args.includes("--first") || firstSuite;
const suite = args.find((a) => !a.startsWith("--"));
if (args.includes("--typed10")) {
  await typed10();
  process.exit(0);
}
const suiteQueries = JSON.parse(fs.readFileSync(suite || path.join(ROOT, "tests/search-suite.json"), "utf8"));
const queries = firstOnly ? [] : suiteQueries;
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
// One browser for the whole run, relaunched only if it dies; every query is run alone (sequential),
// with a time limit and up to three tries, so that a loaded machine slows the run down without
// breaking it. A query that fails three times is counted as not found and reported.
let browser = await launch();
const failures = [];
const idOf = (url) => {
  const u = url.replace(/^.*\/un\/sous\/chemin\//, "").replace(/^\//, "");
  let m = /^c\/([^/]+)\/e\/([^/]+)\.html/.exec(u);
  if (m) return `${m[1]}/${m[2]}`;
  m = /^c\/([^/]+)\/(index\.html)?$/.exec(u);
  return m ? m[1] : u;
};

// Slow 3G as Chrome DevTools defines it: 400 ms latency, 400 kbit/s down.
const SLOW3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
const LIMIT_MS = 60_000;

async function once(kind, q, slow) {
  // The first-query runs are a phone's (390 px wide: five results shown at first).
  const context = await browser.newContext(slow ? { viewport: { width: 390, height: 844 }, isMobile: true } : {});
  context.setDefaultTimeout(LIMIT_MS);
  try {
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", SLOW3G);
    }
    const before = server.sent.length;
    const t0 = Date.now();
    let ids;
    if (kind === "typed") {
      // A reader on the search page types the query (a key every 150 ms): the index files of the
      // words are fetched while they type; what remains after the last key is counted apart.
      await page.goto(server.base + "recherche.html", { waitUntil: "load" });
      const start = server.sent.length, t1 = Date.now();
      await page.type("#q", q, { delay: 150 });
      const typedAt = server.sent.length, t2 = Date.now();
      await page.waitForFunction(() => /résultat/.test(document.getElementById("status")?.textContent || ""));
      const ms = Date.now() - t2;
      const during = server.sent.slice(start, typedAt), after = server.sent.slice(typedAt);
      const rounds = after.reduce((a, s, i) => a + (i === 0 || s.at - after[i - 1].at > 200 ? 1 : 0), 0);
      ids = await page.$$eval("#results li", (ls) => ls.slice(0, 5).map((l) => l.dataset.id));
      return { ms, typing: t2 - t1, page: 0, during: during.length, duringBytes: during.reduce((a, s) => a + s.bytes, 0), bytes: after.reduce((a, s) => a + s.bytes, 0), requests: after.length, rounds, files: after.map((s) => s.path.replace(/^.*\/(search|assets)\//, "")), ids };
    }
    if (kind === "ours") {
      await page.goto(server.base + "recherche.html?q=" + encodeURIComponent(q), { waitUntil: "commit" });
      await page.waitForFunction(() => /résultat/.test(document.getElementById("status")?.textContent || ""));
      ids = await page.$$eval("#results li", (ls) => ls.slice(0, 5).map((l) => l.dataset.id));
    } else {
      await page.goto(server.base + "pf.html?q=" + encodeURIComponent(q), { waitUntil: "commit" });
      await page.waitForSelector("#r li");
      ids = (await page.$$eval("#r li", (ls) => ls.map((l) => l.dataset.url))).filter(Boolean).map(idOf);
    }
    const ms = Date.now() - t0;
    const all = server.sent.slice(before);
    // The page itself (the search page for ours, a bare page for Pagefind) is round 0; then the
    // search's own files.
    const page0 = all.filter((s) => /\/(recherche|pf)\.html$/.test(s.path));
    const files = all.filter((s) => kind === "ours" ? /\/(search\/|assets\/search\.js)/.test(s.path) : /\/pagefind\//.test(s.path));
    // Rounds: requests arriving more than 200 ms after the previous one waited for an answer.
    const rounds = files.reduce((a, s, i) => a + (i === 0 || s.at - files[i - 1].at > 200 ? 1 : 0), 0);
    return { ms, page: page0.reduce((a, s) => a + s.bytes, 0), bytes: files.reduce((a, s) => a + s.bytes, 0), requests: files.length, rounds, files: files.map((s) => s.path.replace(/^.*\/(search|assets|pagefind)\//, "")), ids };
  } finally {
    await context.close().catch(() => {});
  }
}

async function run(kind, q, slow) {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!browser.isConnected()) browser = await launch();
      return await once(kind, q, slow);
    } catch (e) {
      if (attempt >= 3) {
        failures.push(`${kind} ${JSON.stringify(q)}: ${String(e.message || e).split("\n")[0]}`);
        return { ms: NaN, page: 0, bytes: 0, requests: 0, rounds: 0, files: [], ids: [] };
      }
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  }
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
if (firstSuite) {
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  for (const kind of args.includes("--pagefind") ? ["ours", "pagefind"] : ["ours"]) {
    const rows = [];
    for (const { q } of suiteQueries) {
      const r = await run(kind, q, true);
      rows.push(r);
      if (args.includes("--files") || r.requests > 6 || r.rounds > 2) console.log(pad(kind, 9), pad(JSON.stringify(q), 40), `${r.requests} files in ${r.rounds} rounds, ${r.bytes} B, ${r.ms} ms`, args.includes("--files") ? r.files.join(" ") : "");
    }
    const ok = rows.filter((r) => !Number.isNaN(r.ms));
    const line = (name, f) => `${name} median ${median(ok.map(f))}, max ${Math.max(...ok.map(f))}`;
    console.log(`${kind}: first query of each of ${suiteQueries.length} suite queries under slow 3G (page apart): ` +
      [line("files", (r) => r.requests), line("rounds", (r) => r.rounds), line("bytes", (r) => r.bytes), line("ms", (r) => r.ms)].join("; ") +
      `; queries over 6 files: ${ok.filter((r) => r.requests > 6).length}, over 2 rounds: ${ok.filter((r) => r.rounds > 2).length}`);
  }
}
// The first query of a fresh visitor under slow 3G: requests, bytes, time to results (the median of
// three runs, each in a fresh context with an empty cache).
if (!firstSuite) console.log("\nfirst query under slow 3G (fresh context, empty cache; page = the HTML page's own bytes, round 0)");
for (const q of firstSuite ? [] : ["prise de rdv", "cp3", "veille commerciale", "relancer un client"]) {
  for (const kind of ["ours", "pagefind", "typed"]) {
    const rs = [];
    for (let i = 0; i < 3; i++) rs.push(await run(kind, q, true));
    rs.sort((a, b) => a.ms - b.ms);
    const r = rs[1];
    if (kind === "typed") console.log(pad("typed", 9), pad(q, 22), `while typing (${r.typing} ms): ${r.during} requests, ${r.duringBytes} B; after the last key: ${r.requests} requests in ${r.rounds} rounds, ${r.bytes} B, ${r.ms} ms`);
    else console.log(pad(kind, 9), pad(q, 22), `page ${r.page} B; then ${r.requests} requests in ${r.rounds} rounds, ${r.bytes} B, ${r.ms} ms (runs: ${rs.map((x) => x.ms).join(", ")} ms)`);
    if (args.includes("--files")) console.log("   ", r.files.join(" "));
  }
}
if (failures.length) console.log(`\n${failures.length} runs failed three times (counted as not found):\n  ` + failures.join("\n  "));
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

// #27 item 5: suggestions without waiting (see the header).
async function typed10() {
  const QUERIES = ["relancer un client", "cp5 ntc", "rendez-vous", "prise de rdv", "cp3", "veille commerciale",
    "c3.2", "négociation", "écoute active", "traiter les objections"];
  const NET = { offline: false, latency: 2000, downloadThroughput: 50 * 1024, uploadThroughput: 50 * 1024 };
  const server = await serve(process.env.BENCH_SITE || SITE, { gzip: true });
  const browser = await launch();
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  const rows = [];
  // Suggestions are shown: the suggestion list of the box (after #27), or, on the search page
  // before #27, its results as you type.
  const shown = (sel, input) => `(() => { const b = document.getElementById(${JSON.stringify(sel)}); if (b && !b.hidden && b.querySelector("[role=option]") && (!b.dataset.for || b.dataset.for === document.querySelector(${JSON.stringify(input)}).value)) return true; const s = document.getElementById("status"); return !!(s && /résultat/.test(s.textContent) && document.querySelector("#results li")); })()`;
  async function typeAndWait(page, input, q, boxId) {
    await page.evaluate(([sel]) => { const i = document.querySelector(sel); i.value = ""; const b = document.getElementById("suggest") || {}; b.hidden = true; const s = document.getElementById("status"); if (s) s.textContent = ""; const r = document.getElementById("results"); if (r) r.innerHTML = ""; }, [input]);
    const at0 = server.sent.length;
    await page.type(input, q, { delay: 150 });
    const typedAt = server.sent.length, t = Date.now();
    await page.waitForFunction(shown(boxId, input), null, { timeout: 60000, polling: 50 });
    const ms = Date.now() - t;
    const after = server.sent.slice(typedAt);
    const during = server.sent.slice(at0, typedAt);
    return { ms, requests: after.length, bytes: after.reduce((a, s) => a + s.bytes, 0), raw: after.reduce((a, s) => a + s.raw, 0), during: during.length, duringBytes: during.reduce((a, s) => a + s.bytes, 0) };
  }
  for (const [where, url, input, boxId] of [["search page", "recherche.html", "#q", "suggest"], ["home quick box", "index.html", "#q-top", "suggest"]]) {
    for (let i = 0; i < QUERIES.length; i++) {
      const q = QUERIES[i], q2 = QUERIES[(i + 1) % QUERIES.length];
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      context.setDefaultTimeout(60000);
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", NET);
        await page.goto(server.base + url, { waitUntil: "load" });
        await page.focus(input);
        const first = await typeAndWait(page, input, q, boxId);
        const later = await typeAndWait(page, input, q2, boxId);
        // Enter on the search page: the results of the query (the box's suggestions aside).
        let enter = null;
        if (where === "search page") {
          await page.evaluate(() => { document.getElementById("status").textContent = ""; document.getElementById("results").innerHTML = ""; });
          const at = server.sent.length, t = Date.now();
          await page.keyboard.press("Enter");
          await page.waitForFunction(() => /résultat/.test(document.getElementById("status").textContent), null, { timeout: 60000, polling: 50 });
          const files = server.sent.slice(at);
          const rounds = files.reduce((a, s, k) => a + (k === 0 || s.at - files[k - 1].at > 500 ? 1 : 0), 0);
          enter = { ms: Date.now() - t, requests: files.length, rounds, bytes: files.reduce((a, s) => a + s.bytes, 0) };
        }
        rows.push({ where, q, q2, first, later, enter });
        console.log(`${where.padEnd(15)} ${JSON.stringify(q).padEnd(26)} first use: ${first.ms} ms after the last key, ${first.requests} req ${first.bytes} B (${first.raw} B raw); while typing ${first.during} req ${first.duringBytes} B | later ${JSON.stringify(q2)}: ${later.ms} ms, ${later.requests} req ${later.bytes} B; while typing ${later.during} req` + (enter ? ` | Enter: ${enter.ms} ms, ${enter.requests} req in ${enter.rounds} rounds, ${enter.bytes} B` : ""));
      } catch (e) {
        console.log(`${where} ${JSON.stringify(q)}: failed: ${String(e.message || e).split("\n")[0]}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
    const rs = rows.filter((r) => r.where === where);
    const f = (name, xs) => `${name} median ${median(xs)}, max ${Math.max(...xs)}`;
    console.log(`== ${where}: ` + [f("first-use ms", rs.map((r) => r.first.ms)), f("first-use requests", rs.map((r) => r.first.requests)), f("first-use bytes", rs.map((r) => r.first.bytes)),
      f("later ms", rs.map((r) => r.later.ms)), f("later requests", rs.map((r) => r.later.requests)), f("later bytes", rs.map((r) => r.later.bytes))].join("; ") +
      (where === "search page" ? "; " + [f("Enter ms", rs.map((r) => r.enter.ms)), f("Enter rounds", rs.map((r) => r.enter.rounds)), f("Enter requests", rs.map((r) => r.enter.requests))].join("; ") : ""));
  }
  await browser.close();
  await server.close();
}

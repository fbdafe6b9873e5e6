// #26: the review of suggestions in `referentiel serve`, as a reviewer uses it. A copy of the
// project's data in a fresh git repository is served; on a passerelle page the reviewer accepts a
// suggestion (relation + justification), the page reloads and shows it among the curated pairs,
// and `git diff` shows one new pair with author, date and justification; a rejected suggestion is
// gone after the reload; a page rendered before the tables changed is refused; a foreign origin
// and a file outside data/correspondences/ are refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { launch, newPage, ROOT } from "./lib.mjs";

const BIN = path.join(ROOT, "target/release/referentiel");
let dir, server, port, browser;

function git(...args) {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8" });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "referentiel-review-"));
  fs.cpSync(path.join(ROOT, "data"), path.join(dir, "data"), { recursive: true });
  fs.cpSync(path.join(ROOT, "templates"), path.join(dir, "templates"), { recursive: true });
  const book = fs.readFileSync(path.join(ROOT, "book.toml"), "utf8").replace("[book]\n", '[book]\nauthors = ["Relectrice Test"]\n');
  fs.writeFileSync(path.join(dir, "book.toml"), book);
  git("init", "-q");
  git("-c", "user.name=t", "-c", "user.email=t@t", "add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data");
  server = spawn(BIN, ["--config", path.join(dir, "book.toml"), "serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  const lines = readline.createInterface({ input: server.stderr });
  port = await new Promise((resolve, reject) => {
    lines.on("line", (l) => { const m = l.match(/^site servi sur http:\/\/127\.0\.0\.1:(\d+)\//); if (m) resolve(Number(m[1])); });
    server.on("exit", (c) => reject(new Error(`serve exited ${c}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${port}/`;

/** The build counter of the server. */
async function build() {
  return (await (await fetch(base() + "__referentiel/status")).json()).build;
}

async function waitBuild(after) {
  for (let i = 0; i < 600; i++) {
    if ((await build()) > after) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no new build");
}

/** The first passerelle page whose compétence suggestions carry a review form. */
async function pageWithSuggestions(page) {
  const index = await (await fetch(base() + "index.html")).text();
  const pages = [...new Set([...index.matchAll(/href="([^"]*passerelles\/[^"]+\.html)"/g)].map((m) => m[1].replace(/^(\.\.\/|\.\/)+/, "")))];
  for (const p of pages) {
    await page.goto(base() + p);
    if ((await page.locator("li.pair[data-review-a] form.review").count()) >= 2) return p;
  }
  throw new Error("no passerelle page with compétence suggestions among " + pages.join(", "));
}

/** Open `url`; the page's own live reload (the server's passes after a write) may abort a
 * navigation under way, so an aborted one is made again. */
async function visit(page, url) {
  for (let i = 0; ; i++) {
    try { return await page.goto(url); } catch (e) { if (i >= 4 || !/ERR_ABORTED|interrupted by another navigation/.test(String(e))) throw e; }
    await page.waitForTimeout(300);
  }
}

test("a reviewer accepts a suggestion, sees it curated after the reload, rejects another; a stale page is refused", async () => {
  const page = await newPage(browser, { width: 1280, height: 900 });
  const p = await pageWithSuggestions(page);
  // A second tab, opened now: it becomes stale once the first one writes.
  // (Its live reload is cut, as for a page left open while someone else edits the tables.)
  const stale = await newPage(browser, { width: 1280, height: 900 });
  await stale.addInitScript(() => { window.WebSocket = function () { return { close() {}, send() {} }; }; });
  await stale.goto(base() + p);

  const first = page.locator("li.pair[data-review-a]").first();
  const [a, b] = [await first.getAttribute("data-review-a"), await first.getAttribute("data-review-b")];
  await first.locator("select[name=relation]").selectOption("close_match");
  await first.locator("input[name=justification]").fill("Mêmes critères des deux côtés (relecture du test)");
  const b0 = await build();
  // The written file makes the server reload the page; the page holds the reload until the answer
  // has been shown, then reloads by itself and says what was written above the suggestions.
  const reloaded = page.waitForEvent("framenavigated", { predicate: (f) => f === page.mainFrame(), timeout: 30000 });
  await first.getByRole("button", { name: "Accepter" }).click();
  await assert.doesNotReject(first.locator(".review-msg.ok").waitFor({ timeout: 20000 }));
  await reloaded;
  await page.locator("p.review-done").waitFor({ timeout: 20000 });
  assert.match(await page.locator("p.review-done").textContent(), /^Correspondance établie, enregistrée dans data\/correspondences\/[a-z0-9-]+\.yaml\.$/);
  await waitBuild(b0);
  await visit(page, base() + p);
  const curated = await page.locator("ol.pairs li.pair", { hasText: "Mêmes critères des deux côtés (relecture du test)" }).count();
  assert.equal(curated, 1, "the accepted pair is listed as curated, with its justification");
  assert.equal(await page.locator(`li.pair[data-review-a="${a}"][data-review-b="${b}"]`).count(), 0, "no longer a suggestion");
  // A table file the review had to create shows whole: intent-to-add, then count the pairs.
  git("add", "-N", "data/correspondences");
  const diff = git("diff", "--unified=0", "--", "data/correspondences");
  const added = diff.split("\n").filter((l) => /^\+\s+- \{from: /.test(l));
  assert.equal(added.length, 1, diff);
  assert.match(added[0], /justification: "Mêmes critères des deux côtés \(relecture du test\)", author: "Relectrice Test", date: "\d{4}-\d\d-\d\d"/);
  assert.match(added[0], /relation: (close_match)/);

  // Reject another one: it is written under `rejected` and is gone after the reload.
  const other = page.locator("li.pair[data-review-a]").first();
  const [ra, rb] = [await other.getAttribute("data-review-a"), await other.getAttribute("data-review-b")];
  await other.locator("input[name=justification]").fill("Pas la même activité");
  const b1 = await build();
  await other.getByRole("button", { name: "Rejeter" }).click();
  await other.locator(".review-msg.ok").waitFor({ timeout: 20000 });
  await waitBuild(b1);
  await visit(page, base() + p);
  assert.equal(await page.locator(`li.pair[data-review-a="${ra}"][data-review-b="${rb}"]`).count(), 0, "a rejected suggestion is not suggested again");
  git("add", "-N", "data/correspondences");
  assert.match(git("diff", "--", "data/correspondences"), /rejected:\n\+      - \{from: \[[^\]]+\], to: \[[^\]]+\], justification: "Pas la même activité", author: "Relectrice Test"/);

  // The stale tab: its page was rendered before the tables changed.
  const s = stale.locator("li.pair[data-review-a]").last();
  await s.locator("input[name=justification]").fill("Une autre");
  await s.getByRole("button", { name: "Accepter" }).click();
  await s.locator(".review-msg.refused").waitFor({ timeout: 20000 });
  assert.match(await s.locator(".review-msg").textContent(), /ont changé depuis l’affichage de la page/);
  assert.equal(git("diff", "--", "data/correspondences").split("\n").filter((l) => /^\+\s+- \{/.test(l)).length, 2, "nothing more was written");
  await page.context().close();
  await stale.context().close();
});

test("the review refuses another origin, GET, and a file outside data/correspondences/", async () => {
  const post = (body, origin = base().slice(0, -1)) => fetch(base() + "__referentiel/review", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body });
  const foreign = await post("action=accept", "http://evil.example");
  assert.equal(foreign.status, 403);
  assert.match((await foreign.json()).message, /même origine/);
  assert.equal((await fetch(base() + "__referentiel/review")).status, 405);
  const page = await newPage(browser, { width: 1280, height: 900 });
  const p = await pageWithSuggestions(page);
  const r = page.locator("#review");
  const form = new URLSearchParams({ action: "accept", relation: "close_match", justification: "x", a: await r.getAttribute("data-a"), b: await r.getAttribute("data-b"), hash: await r.getAttribute("data-hash"), from: "nope", to: "nope" });
  const unknown = await post(form.toString());
  assert.equal(unknown.status, 404);
  assert.match((await unknown.json()).message, /inconnu/);
  const li = page.locator("li.pair[data-review-a]").first();
  form.set("from", await li.getAttribute("data-review-a"));
  form.set("to", await li.getAttribute("data-review-b"));
  form.set("file", "../../book.toml");
  const outside = await post(form.toString());
  assert.equal(outside.status, 400);
  assert.match((await outside.json()).message, /data\/correspondences/);
  assert.equal(git("status", "--porcelain", "--", "book.toml"), "");
  await page.context().close();
  void p;
});

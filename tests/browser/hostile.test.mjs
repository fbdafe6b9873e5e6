// No script from data: `cargo test --test testsuite safety::` builds a site whose every string field the
// checker lets through holds markup and a closing `</script>` (tests/safety/hostile.rs) into
// target/tmp/hostile-site. Every page of it, at a phone's and a desktop's width, loads without
// running any of it — nor do search results and suggestions that show the data's texts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, newPage, htmlFiles, serve, ROOT, VIEWPORTS } from "./lib.mjs";

const HOSTILE = path.join(ROOT, "target/tmp/hostile-site");
let browser, server;

before(async () => {
  assert.ok(fs.existsSync(path.join(HOSTILE, "index.html")), "run `cargo test --release --test testsuite safety::` first: it builds the hostile site");
  browser = await launch();
  server = await serve(HOSTILE);
});
after(async () => { await server?.close(); await browser?.close(); });

/** Load `url` and say whether any of the value's scripts ran (or opened a dialog). */
async function ran(page, url) {
  let dialog = false;
  page.once("dialog", (d) => { dialog = true; d.dismiss(); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(50);
  return dialog || (await page.evaluate(() => window.__pwned !== undefined));
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`no page of the hostile site runs the data's scripts (${name})`, async () => {
    const page = await newPage(browser, viewport);
    const pages = htmlFiles(HOSTILE);
    assert.ok(pages.length > 20, `${pages.length} pages`);
    for (const file of pages) {
      const rel = path.relative(HOSTILE, file);
      assert.equal(await ran(page, server.base + rel), false, `${rel} ran a script of the data`);
      assert.equal(await ran(page, "file://" + file), false, `${rel} ran a script of the data from file://`);
    }
    await page.context().close();
  });

  test(`search results and suggestions show the data's markup as text (${name})`, async () => {
    const page = await newPage(browser, viewport);
    for (const q of ["veille", "script", "pwned", "démonstration"]) {
      assert.equal(await ran(page, server.base + "recherche.html?q=" + encodeURIComponent(q)), false, `results of « ${q} »`);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, `results of « ${q} » ran a script`);
    }
    await page.goto(server.base + "index.html");
    await page.fill("#q-top", "veille");
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "suggestions ran a script");
    await page.context().close();
  });
}

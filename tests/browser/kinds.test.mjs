// Every kind of page of the site (home, certification, document, each element kind, matrices,
// printable fiches, correspondences, evolutions, crosswalks, search, glossary, sources, codes,
// downloads), its first and its largest page plus a seeded random sample, at a phone width and a
// desktop width: no accessibility violation (axe-core), no sideways scrolling, no console error.
// The Nu HTML checker (html.test.mjs) and the link check (links.test.mjs) cover the same pages.
import test, { describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { serve, launch, newPage, overflow, pagesByKind, VIEWPORTS } from "./lib.mjs";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const { kinds, pages, seed } = pagesByKind({ sample: 10 });
const server = await serve();
const browser = await launch();
test.after(async () => { await browser.close(); await server.close(); });

test("every kind of page is tested", () => {
  const tested = new Set(pages.map((p) => p.kind));
  assert.deepEqual(kinds.filter((k) => !tested.has(k)), []);
  for (const k of ["home", "search", "certification", "document", "matrix", "printable fiche", "evolution", "crosswalk", "correspondence",
    "element: Compétence professionnelle", "element: Compétence", "element: Critère de performance", "element: CCP", "element: Unité"]) {
    assert.ok(kinds.includes(k), `the site has ${k} pages`);
  }
  assert.ok(kinds.every((k) => !k.startsWith("other")), `a page of no known kind: ${kinds.filter((k) => k.startsWith("other"))}`);
});

// The two widths run side by side (one browser, two contexts).
describe("both widths", { concurrency: true }, () => {
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`${name} (${viewport.width} px): axe-core finds no violation, no page scrolls sideways, no console error — ${pages.length} pages of ${kinds.length} kinds (seed ${seed})`, async () => {
    const page = await newPage(browser, viewport);
    const problems = [];
    for (const p of pages) {
      page.errors.length = 0;
      await page.goto(server.base + p.path);
      await page.addScriptTag({ content: AXE });
      const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of r.violations) problems.push(`${p.path} [${p.kind}]: ${v.id} (${v.impact}) ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`);
      const o = await overflow(page);
      if (o > 0) problems.push(`${p.path} [${p.kind}]: scrolls sideways by ${o} px`);
      for (const e of page.errors) problems.push(`${p.path} [${p.kind}]: console: ${e}`);
    }
    await page.context().close();
    assert.deepEqual(problems, []);
  });
}
});

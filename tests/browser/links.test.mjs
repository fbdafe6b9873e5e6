// Every internal link and anchor of the built site leads somewhere (the generator checks this
// too, before it writes anything; this test checks the files as written).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { SITE, htmlFiles } from "./lib.mjs";

test("no broken internal link or anchor in the built site", () => {
  const files = htmlFiles();
  assert.ok(files.length > 10, "the site has pages");
  const ids = new Map();
  const attrs = (html, name) => Array.from(html.matchAll(new RegExp(` ${name}="([^"]*)"`, "g")), (m) => m[1].replaceAll("&amp;", "&"));
  // The text of an inline script (the search page carries its script) is code, not links.
  // The 404 page's <base href> (the configured site address) names the site's root, not a page:
  // that page sits at the root, so its links resolve from there as written.
  const markup = (h) => h.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/g, "$1$2").replace(/<base [^>]*>/g, "");
  const html = new Map(files.map((f) => [f, markup(fs.readFileSync(f, "utf8"))]));
  for (const [f, h] of html) ids.set(f, new Set(attrs(h, "id")));
  const broken = [];
  let checked = 0;
  for (const [f, h] of html) {
    for (const href of [...attrs(h, "href"), ...attrs(h, "src")]) {
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      assert.ok(!href.startsWith("/"), `${f}: absolute link ${href} (links must be relative)`);
      checked++;
      const [file, anchor] = href.split("#");
      const target = file ? path.resolve(path.dirname(f), file) : f;
      if (!fs.existsSync(target)) { broken.push(`${path.relative(SITE, f)} → ${href}`); continue; }
      if (anchor && target.endsWith(".html") && !ids.get(target)?.has(anchor)) broken.push(`${path.relative(SITE, f)} → ${href} (anchor)`);
    }
  }
  assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken of ${checked} links`);
});

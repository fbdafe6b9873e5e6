// The Nu HTML checker (vnu-jar) finds no error in the pages of the site: every page that is not an
// element page, every kind of element page (lib.mjs pagesByKind, with its seeded sample), and every
// nth element page (all of them would take minutes for the same templates).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { SITE, htmlFiles, pagesByKind } from "./lib.mjs";

const require = createRequire(import.meta.url);

test("the Nu HTML checker finds no error", () => {
  const all = htmlFiles();
  const elements = all.filter((f) => f.includes(`${path.sep}e${path.sep}`));
  const others = all.filter((f) => !f.includes(`${path.sep}e${path.sep}`));
  const step = Math.max(1, Math.floor(elements.length / 150));
  const byKind = pagesByKind().pages.map((p) => path.join(SITE, p.path));
  const sample = [...new Set([...others, ...byKind, ...elements.filter((_, i) => i % step === 0)])];
  const vnu = require("vnu-jar");
  let out = "";
  try {
    execFileSync("java", ["-Xss4m", "-jar", vnu, "--errors-only", "--format", "gnu", ...sample], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  } catch (e) {
    out = (e.stderr || "") + (e.stdout || "");
  }
  const errors = out.split("\n").filter((l) => l.trim()).map((l) => l.replace(SITE + path.sep, ""));
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} HTML errors in ${sample.length} pages`);
});

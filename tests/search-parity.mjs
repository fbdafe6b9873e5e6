// The browser's search engine (assets/search.js, with its rulebook) run under node, for the parity
// test (tests/testsuite/search_parity.rs): `node tests/search-parity.mjs <dir>` where <dir> holds
// assets/search.js and the search/ files; reads {texts, queries, suggestions} as JSON on stdin and
// writes, as JSON: each text's words and their stems, the results of each query in the whole
// index and in the suggestions' index (id, score, folded ids), as the browser computes them.
// The script's <script>-tag loader is served by reading the files from <dir>.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const dir = process.argv[2];
globalThis.window = globalThis;
globalThis.location = { search: "", href: "" };
globalThis.document = {
  currentScript: { getAttribute: () => "" },
  readyState: "complete",
  getElementById: () => null,
  querySelector: () => null,
  addEventListener: () => {},
  createElement: () => ({}),
  head: {
    appendChild(s) {
      try {
        vm.runInThisContext(fs.readFileSync(path.join(dir, s.src), "utf8"), { filename: s.src });
        queueMicrotask(() => s.onload());
      } catch (e) {
        queueMicrotask(() => s.onerror(e));
      }
    },
  },
};
vm.runInThisContext(fs.readFileSync(path.join(dir, "assets/search.js"), "utf8"), { filename: "assets/search.js" });
const R = globalThis.referentielSearch;
// The whole index's metadata comes with the search page; here from its file.
vm.runInThisContext(fs.readFileSync(path.join(dir, "search/meta.js"), "utf8"), { filename: "search/meta.js" });

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const hits = (hs) => hs.map((h) => [h.id, h.score, (h.also || []).map((a) => a.id)]);
const out = { words: [], full: [], suggest: [] };
for (const t of input.texts) {
  const words = R.tokens(t).map((x) => x.word);
  out.words.push([words, words.map(R.stem)]);
}
// Each query from a fresh page (nothing loaded but meta.js), so that a file the query needs and
// does not ask for is a difference, not something an earlier query happened to load.
function fresh() {
  const RS = globalThis.RS;
  for (const k of Object.keys(RS.keys)) delete RS.keys[k];
  RS.sameOf.clear();
  Object.assign(RS, { ctx: {}, vocab: {}, groups: [], blocks: {}, recs: {}, certs: {}, certList: null, certRows: null, _wait: {} });
}
for (const q of input.queries) {
  fresh();
  out.full.push(hits(await R.search(q, {}, 10)));
}
out.filtered = [];
for (const [q, cert, kind] of input.filtered || []) {
  fresh();
  out.filtered.push(hits(await R.search(q, { cert: cert, kind: kind }, 10)));
}
for (const q of input.suggestions) out.suggest.push(hits(await R.suggest(q, 8)));
process.stdout.write(JSON.stringify(out));

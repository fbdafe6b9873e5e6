/* referentiel search: the same analysis and ranking as `referentiel search` (src/search/query.rs),
   with the same rulebook (its tables and figures are written into this script at build by
   src/search/rules.rs). The index is split into small script files (search/meta.js,
   search/t/<bucket>.js, search/r/_<key>.js, search/d/<block>.js) loaded on demand with <script>
   tags, so that it works offline and from file://. meta.js holds nothing that grows with the
   corpus but where each bucket begins (a bounded list): a bucket brings what a query of its keys
   needs (the groups of documents they name, their vocabulary terms, the kinds and text classes of
   the documents it touches), a record file or block the titles of its certifications. Suggestions come from one small file, search/suggest.js (the
   certifications, activités, compétences, blocs, CCP, unités, épreuves and glossary terms),
   fetched once when the reader first uses a search box, then every key is answered from it
   without a request. The results page (Enter) searches the whole index: meta.js comes with the
   search page; the buckets of the words typed are fetched while the reader pauses, so that the
   results need one round for their texts (the record files of their keys, search/r/_<key>.js,
   and blocks for the rest). */
(function () {
  "use strict";
  var me = document.currentScript;
  var ROOT = (me && me.getAttribute("data-root")) || "";

  // ---- analysis (src/text.rs fold, src/lang.rs) ----
  // The rulebook: the tables and figures of src/lang.rs, src/text.rs and src/search/query.rs,
  // written here at build (src/search/rules.rs); this script holds no copy of them.
  var RULES = {/* the rulebook, written at build (src/search/rules.rs) */};
  var STOPSET = new Set(RULES.stop), QUERY_WORDS = new Set(RULES.queryWords);
  var CODE = new RegExp("^[a-z]{1," + RULES.codeLetters + "}[0-9.]+$"), SHORT = new RegExp("^[a-z]{1," + RULES.shortCode + "}$");
  function inRange(cp, r) { return cp >= r[0] && cp <= r[1]; }
  function fold(s) {
    var out = "";
    for (var ch of s) {
      var cp = ch.codePointAt(0), low = Array.from(ch.toLowerCase())[0], f = RULES.fold[ch];
      if (f === undefined) f = RULES.fold[low];
      if (f !== undefined) { out += f; continue; }
      if (RULES.drop.some(function (r) { return inRange(cp, r); })) continue;
      out += low;
    }
    return out;
  }
  // Letters and digits as Rust's char::is_alphanumeric reads them (Alphabetic, Nd, Nl, No).
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;
  function tokens(text) {
    var chars = Array.from(text), out = [], i = 0, offs = [], o = 0;
    for (var c of chars) { offs.push(o); o += c.length; }
    offs.push(o);
    while (i < chars.length) {
      if (!ALNUM.test(chars[i])) { i++; continue; }
      var j = i, digit = false;
      while (j < chars.length) {
        var d = chars[j];
        var dot = d === "." && j + 1 < chars.length && /[0-9]/.test(chars[j + 1]) && digit;
        if (ALNUM.test(d) || dot || inRange(d.codePointAt(0), RULES.combining)) { if (/[0-9]/.test(d)) digit = true; j++; } else break;
      }
      out.push({ word: fold(chars.slice(i, j).join("")), start: offs[i], end: offs[j] });
      i = j;
    }
    return out;
  }
  function isCode(w) { return CODE.test(w); }
  function len(w) { return Array.from(w).length; }
  function stem(w) {
    if (isCode(w) || /[0-9]/.test(w)) return w;
    var base = w;
    for (var s of RULES.suffixes) {
      if (w.endsWith(s) && len(w) - len(s) >= RULES.minStem) { base = w.slice(0, w.length - s.length); break; }
    }
    return verbAndNoun(base);
  }
  // A verb's stem and its noun's (src/lang.rs verb_and_noun).
  function verbAndNoun(b) {
    var whole = RULES.stemWhole.find(function (x) { return x[0] === b; });
    if (whole) return whole[1];
    for (var e of RULES.stemEndings) {
      if (b.endsWith(e[0]) && len(b) - len(e[0]) >= e[2]) return b.slice(0, b.length - e[0].length) + e[1];
    }
    return b;
  }

  // ---- query (src/search/query.rs) ----
  function shardOf(k) { return Array.from(k).slice(0, 2).join(""); }
  function shardCandidates(k) {
    var c = Array.from(k), out = [shardOf(k)];
    if (c.length >= 3) {
      out.push([c[1], c[0]].join("").slice(0, 2));
      out.push(c.slice(1, 3).join(""));
      out.push([c[0], c[2]].join(""));
    }
    return Array.from(new Set(out)).sort();
  }
  function compact(s) { return fold(s).replace(/[^a-z0-9]/g, ""); }
  // A short word and the number after it are one code (cp 3, CP-3 → cp3).
  function words(q) {
    var toks = tokens(q), out = [], i = 0;
    while (i < toks.length) {
      var w = toks[i].word, next = toks[i + 1];
      if (SHORT.test(w) && next && /^[0-9][0-9.]*$/.test(next.word)) { out.push(w + next.word); i += 2; }
      else { out.push(w); i += 1; }
    }
    return out;
  }
  function queryKeys(q) {
    var all = words(q), endsSpace = /\s$/.test(q);
    var meaningful = all.filter(function (w) { return !STOPSET.has(w) && !QUERY_WORDS.has(w); });
    var chosen = meaningful.length ? meaningful : all, out = [];
    chosen.forEach(function (w, i) {
      var k = { key: stem(w), word: w, prefix: i + 1 === chosen.length && !endsSpace };
      var prev = out.find(function (o) { return o.key === k.key; });
      if (prev) prev.prefix = prev.prefix || k.prefix; else out.push(k);
    });
    return out;
  }
  function damerau(a, b) {
    a = Array.from(a); b = Array.from(b);
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d.push([i]); }
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
    return d[a.length][b.length];
  }

  // ---- loading ----
  // What the buckets, record files and blocks loaded so far hold: keys and their postings; the
  // groups of documents a key names (context: [certifications' ranges, kinds' ranges], flat); the
  // vocabulary; the kind of each document touched, by groups [start, end, kind]; the first
  // document of the text class of each touched document that repeats it; the records; the
  // certifications' short titles; the certifications' ranges (search/certs.js, for the filter).
  var RS = window.RS = { keys: {}, ctx: {}, vocab: {}, groups: [], sameOf: new Map(), blocks: {}, recs: {}, certs: {}, certList: null, meta: null, _wait: {}, _metaWaiting: [] };
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  RS.meta = function (m) {
    var bits = atob(m.bloom[2]);
    m.bloomBytes = new Uint8Array(bits.length);
    for (var i = 0; i < bits.length; i++) m.bloomBytes[i] = bits.charCodeAt(i);
    // Where each bucket begins, front-coded (src/search/buckets.rs `front_coded`).
    m.starts = [""];
    if (m.bounds) m.bounds.split(" ").forEach(function (b) {
      var prev = Array.from(m.starts[m.starts.length - 1]), shared = parseInt(b[0], 36);
      m.starts.push(prev.slice(0, shared).join("") + b.slice(1));
    });
    // The whole index's keys arrive by buckets; its records by record files and blocks.
    m.keys = RS.keys;
    m.sameOf = RS.sameOf;
    m.vocabOf = function (t) { return own(RS.vocab, t) ? RS.vocab[t] : undefined; };
    m.ctxOf = function (k) { return own(RS.ctx, k) ? RS.ctx[k] : undefined; };
    m.kindOf = function (doc) {
      var g = RS.groups, lo = 0, hi = g.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (g[mid][0] <= doc) lo = mid + 1; else hi = mid; }
      return lo > 0 && doc < g[lo - 1][1] ? g[lo - 1][2] : -1;
    };
    m.certRange = function (id) { var c = RS.certList && RS.certList.get(id); return c ? [c[2], c[3]] : null; };
    m.certTitle = function (c) { return RS.certs[c]; };
    m.record = function (doc) { return RS.recs[doc] || (RS.blocks[Math.floor(doc / m.block)] || [])[doc % m.block]; };
    RS.metaData = m;
    RS._metaWaiting.splice(0).forEach(function (f) { f(m); });
  };
  // The suggestions' index (src/search/suggest.rs): its keys and records all in one file, ranked
  // by the same engine; once here, suggestions need no request. Its tables are whole: the groups
  // of documents [start, end, certification, kind], the keys naming each certification and kind,
  // the text classes (src/search/mod.rs `repeats`).
  RS.s = function (m) {
    m.sameOf = new Map();
    (m.same || []).forEach(function (c) { c.forEach(function (d) { m.sameOf.set(d, c[0]); }); });
    var ctx = {};
    var named = function (k) { return own(ctx, k) ? ctx[k] : (ctx[k] = [[], []]); };
    m.certKeys.forEach(function (ks) { ks.forEach(named); });
    m.kindKeys.forEach(function (ks) { ks.forEach(named); });
    m.groups.forEach(function (g) {
      m.certKeys[g[2]].forEach(function (k) { named(k)[0].push(g[0], g[1]); });
      m.kindKeys[g[3]].forEach(function (k) { named(k)[1].push(g[0], g[1]); });
    });
    m.vocabOf = function (t) { return own(m.vocab, t) ? m.vocab[t] : undefined; };
    m.ctxOf = function (k) { return own(ctx, k) ? ctx[k] : undefined; };
    var groupOf = function (doc) { return m.groups.find(function (g) { return doc >= g[0] && doc < g[1]; }); };
    m.kindOf = function (doc) { var g = groupOf(doc); return g ? g[3] : -1; };
    m.certRange = function (id) {
      var c = m.certs.findIndex(function (x) { return x[0] === id; }), gs = m.groups.filter(function (g) { return g[2] === c; });
      return gs.length ? [gs[0][0], gs[gs.length - 1][1]] : null;
    };
    m.certTitle = function (c) { return m.certs[c][1]; };
    m.record = function (doc) { return m.recs[doc]; };
    RS.suggestData = m;
  };
  // A bucket: its keys {key: postings}; copies of the postings of the vocabulary targets of the
  // terms whose first word it holds {key: postings}; and what a query of its keys needs:
  // {c: context, v: vocabulary, g: groups (start after the previous start, length, kind; flat),
  // s: repeats (document after the previous one, how far before it the first of its class; flat)}.
  RS.t = function (i, keys, copies, info) {
    var k;
    for (k in keys) RS.keys[k] = keys[k];
    for (k in copies || {}) RS.keys[k] = copies[k];
    info = info || {};
    for (k in info.c || {}) RS.ctx[k] = info.c[k];
    for (k in info.v || {}) RS.vocab[k] = info.v[k];
    var g = info.g || [], s = info.s || [], j, at = 0, seen = new Set(RS.groups.map(function (x) { return x[0]; }));
    for (j = 0; j < g.length; j += 3) { at += g[j]; if (!seen.has(at)) RS.groups.push([at, at + g[j + 1], g[j + 2]]); }
    RS.groups.sort(function (a, b) { return a[0] - b[0]; });
    for (j = 0, at = 0; j < s.length; j += 2) { at += s[j]; RS.sameOf.set(at, at - s[j + 1]); }
  };
  function titles(certs) { for (var c in certs || {}) RS.certs[c] = certs[c]; }
  RS.d = function (b, docs, certs) { RS.blocks[b] = docs; titles(certs); };
  // A record file: [doc, record] of a key's best documents.
  RS.r = function (key, recs, certs) { recs.forEach(function (r) { RS.recs[r[0]] = r[1]; }); titles(certs); };
  // The certifications: [id, short title, first document, end].
  RS.c = function (list) { RS.certList = new Map(list.map(function (c) { return [c[0], c]; })); RS.certRows = list; };
  function load(src) {
    if (RS._wait[src]) return RS._wait[src];
    RS._wait[src] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = ROOT + src; s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
    return RS._wait[src];
  }
  // The search page carries meta.js as a deferred script of its own: wait for it rather than load it twice.
  function ready() {
    if (RS.metaData) return Promise.resolve(RS.metaData);
    var tag = document.querySelector("script[data-search-meta]");
    if (tag && !RS._wait["search/meta.js"]) {
      RS._wait["search/meta.js"] = new Promise(function (resolve, reject) {
        RS._metaWaiting.push(resolve);
        tag.addEventListener("error", function () { reject(new Error("cannot load search/meta.js")); });
      });
    }
    return load("search/meta.js").then(function () { return RS.metaData; });
  }
  // Keys in the order of Rust's strings (by code points; JavaScript's own order is by UTF-16 units,
  // the same outside the astral planes).
  function before(a, b) {
    if (!/[\ud800-\udfff]/.test(a + b)) return a < b;
    var x = Array.from(a, function (c) { return c.codePointAt(0); }), y = Array.from(b, function (c) { return c.codePointAt(0); });
    for (var i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
    return x.length < y.length;
  }
  // A bucket holds the keys from where it begins to where the next one begins
  // (src/search/buckets.rs `Bounds::of`).
  function bucketOf(meta, k) {
    var s = meta.starts, lo = 0, hi = s.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (!before(k, s[mid])) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }
  // The buckets holding every key that starts with p: p's own and those that begin with p.
  function prefixBuckets(meta, p) {
    var out = [bucketOf(meta, p)];
    for (var b = out[0] + 1; b < meta.starts.length && meta.starts[b].startsWith(p); b++) out.push(b);
    return out;
  }
  function loadBuckets(meta, buckets) {
    var need = new Set(buckets.filter(function (b) { return b < meta.buckets; }));
    return Promise.all(Array.from(need).sort(function (a, b) { return a - b; }).map(function (b) { return load("search/t/" + b + ".js"); }));
  }
  // search/certs.js, for the filter by certification.
  function certList() { return RS.certList ? Promise.resolve() : load("search/certs.js"); }

  // Whether a word (a key without digits) may be a key of the index: never wrong when it says no.
  function fnv(key, h) { for (var ch of key) { h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0; } return h; }
  function bloomHas(meta, key) {
    if (/[0-9]/.test(key)) return true;
    var m = meta.bloom[0], h1 = fnv(key, 2166136261), h2 = (fnv(key, (2166136261 ^ 0x9e3779b9) >>> 0) | 1) >>> 0;
    for (var i = 0; i < meta.bloom[1]; i++) {
      var b = (h1 + i * h2) % m;
      if (!(meta.bloomBytes[Math.floor(b / 8)] & (1 << (b % 8)))) return false;
    }
    return true;
  }
  // The buckets that may hold a key one typo away from k: those of every spelling one edit away
  // (a letter left out, two swapped, one changed or added, among the letters of the index's keys)
  // in a shard its typos are looked for in.
  function typoBuckets(meta, k) {
    var c = Array.from(k), letters = Array.from(meta.letters || ""), shards = shardCandidates(k), out = new Set();
    var add = function (v) { if (shards.indexOf(shardOf(v)) >= 0) out.add(bucketOf(meta, v)); };
    for (var i = 0; i <= c.length; i++) {
      var head = c.slice(0, i).join(""), tail = c.slice(i).join(""), after = c.slice(i + 1).join("");
      if (i < c.length) add(head + after);
      if (i + 1 < c.length) add(head + c[i + 1] + c[i] + c.slice(i + 2).join(""));
      letters.forEach(function (l) { add(head + l + tail); if (i < c.length) add(head + l + after); });
    }
    return Array.from(out);
  }
  // A word the reader is still typing: the last, not a word of the index, of the vocabulary or of
  // a certification's or kind's name (src/search/query.rs `expand`).
  function namesContext(meta, key) { return !!meta.ctxOf(key); }
  function isTerm(meta, key) { return !!meta.vocabOf(key); }
  function typingWanted(meta, qk, known) {
    return qk.prefix && !known && !isTerm(meta, qk.key) && !namesContext(meta, qk.key) && len(qk.word) >= RULES.typingLetters;
  }
  function search(q, filters, limit) {
    return ready().then(function (meta) {
      var keys = queryKeys(q), planned = new Set();
      var first = bucketsFor(meta, keys, q);
      // Words the Bloom filter says the search does not know (not a key, a term, a name's word):
      // their typos and completions, in the same round.
      keys.forEach(function (k) {
        if (bloomHas(meta, k.key)) return;
        planned.add(k.key);
        if (len(k.word) >= RULES.typoLetters && !isCode(k.key) && !isTerm(meta, k.key)) first = first.concat(typoBuckets(meta, k.key));
        if (typingWanted(meta, k, false)) first = first.concat(prefixBuckets(meta, k.word));
      });
      return Promise.all([loadBuckets(meta, first), filters.cert ? certList() : null]).then(function () {
        // A word the filter took for a key (or a code) that is none: its typos and completions now.
        var more = [];
        keys.forEach(function (k) {
          if (planned.has(k.key)) return;
          if (typoWanted(meta, k)) more = more.concat(typoBuckets(meta, k.key));
          if (typingWanted(meta, k, !!postings(meta, k.key))) more = more.concat(prefixBuckets(meta, k.word));
        });
        return loadBuckets(meta, more);
      }).then(function () {
        return rank(meta, keys, filters, limit, q);
      });
    });
  }
  // Fetch what a query being typed will need: meta.js, then the buckets of its words. A word still
  // being typed fetches only its own bucket, once it has three letters: the buckets of every key
  // its first letters begin would be many files, most of them never used.
  function prefetch(q) {
    return ready().then(function (meta) {
      var keys = queryKeys(q).filter(function (k) { return !k.prefix || Array.from(k.word).length >= 3; });
      keys.forEach(function (k) { k.prefix = false; });
      return loadBuckets(meta, bucketsFor(meta, keys, q));
    }).catch(function () {});
  }
  // The buckets a query needs before its typos are known: its keys' (and their dotless
  // spelling's; a vocabulary term and its targets ride in its first word's bucket, with what
  // names a certification or a kind), and the whole query's as one compact id.
  function bucketsFor(meta, keys, q) {
    var need = new Set();
    keys.forEach(function (k) {
      need.add(bucketOf(meta, k.key)); need.add(bucketOf(meta, k.key.replace(/\./g, "")));
    });
    if (keys.length >= 2 && bloomHas(meta, compact(q))) need.add(bucketOf(meta, compact(q)));
    return Array.from(need);
  }
  // A vocabulary term is a word the search knows (`closing`): no typo of another.
  function typoWanted(meta, qk) { return !postings(meta, qk.key) && !isTerm(meta, qk.key) && len(qk.word) >= RULES.typoLetters && !isCode(qk.key); }
  function vocabSpans(meta, keys) {
    var out = [];
    for (var start = 0; start < keys.length; start++) for (var end = start + 1; end <= keys.length; end++) {
      var t = meta.vocabOf(keys.slice(start, end).map(function (k) { return k.key; }).join(" "));
      if (t) out.push({ start: start, end: end, targets: t });
    }
    return out;
  }
  function allKeys(meta, shardNames) {
    var out = [];
    for (var k in meta.keys) if (shardNames.indexOf(shardOf(k)) >= 0) out.push(k);
    return out.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
  }
  function postings(meta, k) {
    return Object.prototype.hasOwnProperty.call(meta.keys, k) ? meta.keys[k] : undefined;
  }
  function expand(meta, qk) {
    var out = [], key = qk.key;
    if (postings(meta, key)) out.push([key, 1.0]);
    var dotless = key.replace(/\./g, "");
    if (dotless !== key && postings(meta, dotless)) out.push([dotless, RULES.dotless]);
    var shards = shardCandidates(key);
    var typo = typoWanted(meta, qk);
    // Only a word that is not yet a word of the index or of the vocabulary is still being typed.
    var typing = typingWanted(meta, qk, !!postings(meta, key));
    allKeys(meta, shards).forEach(function (k) {
      if (k === key || k === dotless || shards.indexOf(shardOf(k)) < 0) return;
      if (typing && k.startsWith(qk.word)) out.push([k, -RULES.prefix * Math.min(1, len(qk.word) / len(k))]);
      else if (typo && Math.abs(len(key) - len(k)) <= 1 && damerau(key, k) <= 1) out.push([k, RULES.typo]);
    });
    return out;
  }
  // The address of a document from its id (src/site/urls.rs).
  // Addresses follow the patterns meta.js carries (src/urls.rs is their one home).
  function urlOf(meta, id) {
    var i = id.indexOf("/");
    return i < 0 ? meta.urls.cert.replace("{cert}", id) : meta.urls.element.replace("{cert}", id.slice(0, i)).replace("{local}", id.slice(i + 1));
  }
  function offer(slot, doc, s, k) {
    var e = slot.get(doc);
    if (!e) { e = [0, ""]; slot.set(doc, e); }
    if (s > e[0]) { e[0] = s; e[1] = k; }
  }
  function eachPosting(p, f) { var doc = 0; for (var i = 0; i < p.length; i += 2) { doc += p[i]; f(doc, p[i + 1]); } }
  // The documents holding every key of a target, with their mean weight × idf.
  function allOf(meta, target) {
    var n = meta.n, acc = new Map();
    for (var t of target) {
      var p = postings(meta, t);
      if (!p) return new Map();
      var idf = Math.log(1 + n / Math.max(1, p.length / 2));
      eachPosting(p, function (doc, w) { var e = acc.get(doc); if (!e) { e = [0, 0]; acc.set(doc, e); } e[0] += 1; e[1] += w * idf; });
    }
    var out = new Map();
    acc.forEach(function (e, doc) { if (e[0] === target.length) out.set(doc, e[1] / target.length); });
    return out;
  }
  // The best cover of a document: each key by its own word, or a run of keys by a vocabulary term
  // in their place, whichever scores more (src/search/query.rs `cover`).
  function cover(doc, slots, spans) {
    var best = [{ score: 0, matched: 0, credit: 0, keys: [] }];
    for (var j = 1; j <= slots.length; j++) {
      var p = best[j - 1], here = { score: p.score, matched: p.matched, credit: p.credit, keys: p.keys.slice() };
      var v = slots[j - 1].get(doc);
      if (v) { here.score += v[0]; here.matched += 1; here.credit += 1; if (v[1]) here.keys.push(v[1]); }
      spans.forEach(function (sp) {
        var t = sp.end === j && sp.docs.get(doc);
        if (!t) return;
        var from = best[sp.start];
        if (from.score + t[0] > here.score) here = { score: from.score + t[0], matched: from.matched + sp.end - sp.start, credit: from.credit + sp.weight * (sp.end - sp.start), keys: from.keys.concat([t[1]]) };
      });
      best.push(here);
    }
    return best[slots.length];
  }
  function rank(meta, keys, filters, limit, q) {
    var n = meta.n, matched = new Set(), idf = function (df) { return Math.log(1 + n / Math.max(1, df)); };
    var slots = keys.map(function (qk) {
      var slot = new Map();
      expand(meta, qk).forEach(function (e) {
        var k = e[0], quality = e[1], p = postings(meta, k), f = idf(p.length / 2);
        // A prefix (negative quality) weighs at most as a title word.
        eachPosting(p, function (doc, w) { offer(slot, doc, (quality < 0 ? Math.min(w, meta.rank.title) : w) * Math.abs(quality) * f, k); });
      });
      return slot;
    });
    // Vocabulary terms: the documents holding one of a term's targets, at the term's weight.
    var spans = vocabSpans(meta, keys).map(function (v) {
      var docs = new Map(), weight = 0;
      v.targets.forEach(function (t) {
        weight = Math.max(weight, t[1]);
        var joined = t[0].join(" ");
        allOf(meta, t[0]).forEach(function (s, doc) { offer(docs, doc, s * t[1], joined); });
      });
      return { start: v.start, end: v.end, weight: weight, docs: docs };
    });
    // Context: the documents of the certifications and of the kinds a word names, as ranges.
    keys.forEach(function (qk, i) {
      var named = meta.ctxOf(qk.key) || [[], []];
      [[meta.rank.context, named[0]], [meta.rank.kind, named[1]]].forEach(function (c) {
        var r = c[1], count = 0, j;
        for (j = 0; j < r.length; j += 2) count += r[j + 1] - r[j];
        var s = c[0] * idf(count);
        for (j = 0; j < r.length; j += 2) for (var d = r[j]; d < r[j + 1]; d++) offer(slots[i], d, s, "");
      });
    });
    if (keys.length >= 2) {
      var whole = compact(q), p = postings(meta, whole);
      if (p) { var f = idf(p.length / 2); eachPosting(p, function (doc, w) { slots.forEach(function (slot) { offer(slot, doc, w * f, whole); }); }); }
    }
    slots.forEach(function (slot) { slot.forEach(function (v, doc) { matched.add(doc); }); });
    spans.forEach(function (sp) { sp.docs.forEach(function (v, doc) { matched.add(doc); }); });
    var cert = filters.cert ? meta.certRange(filters.cert) : null;
    var kind = filters.kind ? meta.kinds.indexOf(filters.kind) : -1;
    var hits = [];
    var nk = Math.max(1, keys.length);
    matched.forEach(function (doc) {
      if (cert && (doc < cert[0] || doc >= cert[1])) return;
      if (kind >= 0 && meta.kindOf(doc) !== kind) return;
      var c = cover(doc, slots, spans), share = Math.min(1, c.credit / nk), score = c.score;
      // Coordination: the share of the query a document holds (a term's expansion at its weight).
      for (var i = 0; i < meta.rank.coord; i++) score *= share;
      hits.push({ doc: doc, matched: c.matched, score: score, keys: c.keys });
    });
    hits.sort(function (a, b) { return b.score - a.score || b.matched - a.matched || a.doc - b.doc; });
    // Repeats: a result whose text is that of a higher result of its certification is folded under it.
    // The document's own structure is not listed (src/search/query.rs): folded, it stays under the hit.
    var shown = new Map(), kept = [];
    hits.forEach(function (h) {
      var c = meta.sameOf.has(h.doc) ? meta.sameOf.get(h.doc) : h.doc, at = shown.get(c);
      if (at !== undefined) { if (meta.rank.structural.indexOf(meta.kindOf(h.doc)) < 0) at.also.push(h.doc); }
      else { h.also = []; shown.set(c, h); kept.push(h); }
    });
    hits = kept;
    // filters.peek: one hit more, not described, to tell whether there are more results.
    var extra = filters.peek ? hits.slice(limit, limit + 1).map(function (h) { return { doc: h.doc, more: true }; }) : [];
    hits = hits.slice(0, limit);
    var docs = hits.map(function (h) { return h.doc; });
    return Promise.all(recordFiles(meta, docs, slots.concat(spans.map(function (sp) { return sp.docs; }))).map(load)).then(function () {
      return hits.map(function (h) {
        var d = record(meta, h.doc);
        var out = { doc: h.doc, url: urlOf(meta, d[0]), id: d[0], text: d[1], kind: meta.kinds[d[2]], cert: meta.certTitle(d[3]), crumbs: d[4], score: Math.round(h.score * 1000) / 1000, matched: h.matched, keys: h.keys };
        // The folded results ride in the hit's record: [doc, id, the words before the shared text].
        if (h.also.length) out.also = h.also.map(function (a) {
          var r = (d[5] || []).find(function (o) { return o[0] === a; });
          return { doc: a, id: r[1], url: urlOf(meta, r[1]), before: r[2], kind: meta.kinds[meta.kindOf(a)] };
        });
        return out;
      }).concat(extra);
    });
  }

  // A key's best documents, as its record file holds them (src/search/shards.rs `best_of`).
  function bestOf(meta, p) {
    var docs = [];
    eachPosting(p, function (doc, w) { docs.push([doc, w]); });
    docs.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return docs.slice(0, meta.records).map(function (x) { return x[0]; });
  }
  function record(meta, doc) { return meta.record(doc); }
  // The files that hold the records of these documents, as few as may be: the record file of the
  // matched key that holds most of those missing, while it saves a block file; blocks for the rest.
  function recordFiles(meta, docs, slots) {
    var left = docs.filter(function (d) { return !record(meta, d); }), files = [];
    var blockOf = function (d) { return Math.floor(d / meta.block); };
    var cands = new Map();
    slots.forEach(function (slot) { slot.forEach(function (v) { v[1].split(" ").forEach(function (k) {
      var p = k && postings(meta, k);
      if (p && !cands.has(k) && p.length >= 4 && /^[a-z0-9.]+$/.test(k)) cands.set(k, bestOf(meta, p));
    }); }); });
    while (left.length) {
      var blocks = new Set(left.map(blockOf)).size, best = null, bestLeft = null;
      cands.forEach(function (ds, k) {
        var rest = left.filter(function (d) { return ds.indexOf(d) < 0; });
        if (new Set(rest.map(blockOf)).size < blocks && (!bestLeft || rest.length < bestLeft.length || (rest.length === bestLeft.length && k < best))) { best = k; bestLeft = rest; }
      });
      if (!best) break;
      files.push("search/r/_" + best + ".js");
      cands.delete(best);
      left = bestLeft;
    }
    return files.concat(Array.from(new Set(left.map(blockOf))).map(function (b) { return "search/d/" + b + ".js"; }));
  }

  // ---- display ----
  function esc(s) { return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); }
  function highlight(text, keys) {
    var toks = tokens(text), out = "", at = 0;
    keys = [].concat.apply([], keys.map(function (k) { return k.split(" "); }));
    toks.forEach(function (t) {
      var s = stem(t.word), hit = keys.some(function (k) { return k === s || k === t.word || k.replace(/\./g, "") === t.word || (k.length >= 2 && t.word.startsWith(k)); });
      if (hit) { out += esc(text.slice(at, t.start)) + "<mark>" + esc(text.slice(t.start, t.end)) + "</mark>"; at = t.end; }
    });
    return out + esc(text.slice(at));
  }
  // A result as a phone reader scans it: where it is (certification, kind) before the text, which
  // begins with its code, then the ancestors by code and title.
  function item(h, link) {
    var text = highlight(h.text, h.keys);
    return '<span class="where"><span class="cert">' + esc(h.cert) + '</span> · ' + esc(h.kind) + '</span>' +
      (link === false ? '<span class="text">' + text + '</span>' : '<a href="' + esc(ROOT + h.url) + '">' + text + '</a>') +
      (h.crumbs && h.crumbs !== h.kind ? '<span class="crumbs">' + esc(h.crumbs) + "</span>" : "") + also(h, link);
  }
  // The results folded under this one (same certification, same text): each by its kind and what
  // its displayed text has before the shared words (its code), "aussi : Épreuve E4".
  function also(h, link) {
    if (!h.also || !h.also.length) return "";
    return '<span class="also">aussi : ' + h.also.map(function (a) {
      var label = esc(a.kind + (a.before ? " " + a.before : ""));
      return link === false ? label : '<a href="' + esc(ROOT + a.url) + '">' + label + "</a>";
    }).join(", ") + "</span>";
  }
  function debounce(f, ms) { var t; return function () { var a = arguments; clearTimeout(t); t = setTimeout(function () { f.apply(null, a); }, ms); }; }

  // ---- suggestions ----
  // The suggestions' index comes once, when the reader first uses a search box; then every key
  // is answered from it, without a request.
  function suggestReady() {
    if (RS.suggestData) return Promise.resolve(RS.suggestData);
    return load("search/suggest.js").then(function () { return RS.suggestData; });
  }
  function suggest(q, limit) {
    return suggestReady().then(function (m) { return rank(m, queryKeys(q), {}, limit, q); });
  }
  function whenIdle(f) { (window.requestIdleCallback || function (g) { setTimeout(g, 1); })(f); }
  function fetchSuggestions() { whenIdle(function () { suggestReady().catch(function () {}); }); }

  // A search box with suggestions as you type, as a combobox (arrows move among the suggestions,
  // Enter opens one, Escape closes the list). `submit()` runs when Enter is pressed with no
  // suggestion chosen (the form's own submission otherwise); `typed(query)` on every key. The
  // suggestions' index is fetched at the first of `first` events (the reader's first use).
  function combobox(input, submit, typed, first) {
    var box = document.createElement("ul");
    box.className = "suggest"; box.id = "suggest"; box.hidden = true;
    box.setAttribute("role", "listbox");
    box.setAttribute("aria-label", "Suggestions");
    input.parentNode.appendChild(box);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", "suggest");
    input.setAttribute("aria-expanded", "false");
    var seq = 0, active = -1, urls = [];
    function show(open) {
      box.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) choose(-1);
    }
    function choose(i) {
      var opts = box.querySelectorAll("[role=option]");
      active = i;
      opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      if (i >= 0 && opts[i]) { input.setAttribute("aria-activedescendant", opts[i].id); opts[i].scrollIntoView({ block: "nearest" }); }
      else input.removeAttribute("aria-activedescendant");
    }
    first.forEach(function (ev) { input.addEventListener(ev, fetchSuggestions, { once: true }); });
    input.addEventListener("input", function () {
      var query = input.value, my = ++seq;
      var then = function () { if (typed && my === seq) typed(query); };
      if (!query.trim()) { show(false); return; }
      suggest(query, 8).then(function (hits) {
        if (my !== seq) return;
        urls = hits.map(function (h) { return ROOT + h.url; });
        box.setAttribute("data-for", query);
        // Last, every result of the whole index (savoirs, critères, texts): the search page.
        urls.push(null);
        box.innerHTML = hits.map(function (h, i) {
          return '<li role="option" id="suggest-' + i + '" aria-selected="false" data-id="' + esc(h.id) + '">' + item(h, false) + "</li>";
        }).join("") + '<li role="option" id="suggest-' + hits.length + '" aria-selected="false" class="all"><span class="text">Tous les résultats pour « ' + esc(query.trim()) + " »</span></li>";
        show(true);
      }, function () { show(false); }).then(then);
    });
    // An option: its page, or (the last) every result.
    function open(i) {
      if (urls[i]) { location.href = urls[i]; return; }
      seq++; show(false);
      if (submit) submit();
      else location.href = input.form.action + "?q=" + encodeURIComponent(input.value);
    }
    box.addEventListener("click", function (e) {
      var li = e.target.closest("[role=option]");
      if (li) open(Number(li.id.slice(8)));
    });
    input.addEventListener("keydown", function (e) {
      var n = urls.length;
      if (e.key === "Escape") { show(false); return; }
      if (e.key === "Enter" && (box.hidden || active < 0)) { seq++; show(false); if (submit) { e.preventDefault(); submit(); } return; }
      if (box.hidden || !n) return;
      if (e.key === "ArrowDown") { e.preventDefault(); choose((active + 1) % n); }
      else if (e.key === "ArrowUp") { e.preventDefault(); choose(active <= 0 ? n - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); open(active); }
    });
    document.addEventListener("click", function (e) { if (!input.parentNode.contains(e.target)) show(false); });
    return { close: function () { seq++; show(false); } };
  }

  // The search page: suggestions as you type; the results of the whole index on Enter, with filters.
  function searchPage() {
    var form = document.getElementById("search");
    if (!form) return;
    var q = document.getElementById("q"), fc = document.getElementById("f-cert"), fk = document.getElementById("f-kind");
    var status = document.getElementById("status"), list = document.getElementById("results");
    var params = new URLSearchParams(location.search);
    q.value = params.get("q") || ""; fk.value = params.get("kind") || "";
    // The certifications' list comes from search/certs.js (the page stays the same size whatever
    // their number), when the filters come into view or are first used; a certification in the
    // address is chosen at once, by its id until the list arrives.
    var wanted = params.get("cert") || "";
    function fillCerts() {
      return certList().then(function () {
        if (fc.getAttribute("data-filled")) return;
        var value = fc.value;
        while (fc.options.length > 1) fc.remove(1);
        RS.certRows.forEach(function (c) { var o = document.createElement("option"); o.value = c[0]; o.textContent = c[1]; fc.appendChild(o); });
        fc.value = value;
        fc.setAttribute("data-filled", "true");
      }).catch(function () {});
    }
    if (wanted) { var chosen = document.createElement("option"); chosen.value = wanted; chosen.textContent = wanted; fc.appendChild(chosen); fc.value = wanted; fillCerts(); }
    ["focus", "pointerdown", "keydown"].forEach(function (ev) { fc.addEventListener(ev, fillCerts, { once: true }); });
    // Watched once the first results are shown (or at once with no query): the list is not among
    // the files of the first query.
    var watching = false;
    function watchFilters() {
      var filters = fc.closest("fieldset");
      if (watching || !filters || !window.IntersectionObserver) return;
      watching = true;
      var seen = new IntersectionObserver(function (es) { if (es.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); fillCerts(); } });
      seen.observe(filters);
    }
    // A phone shows five results at first (what its screen holds, and one round of five small
    // files for their texts); a wide screen ten. "Afficher plus" adds ten.
    var first = window.matchMedia && matchMedia("(max-width: 40rem)").matches ? 5 : 10;
    var seq = 0, shown = first;
    var more = document.createElement("button");
    more.type = "button"; more.textContent = "Afficher plus de résultats"; more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    more.addEventListener("click", function () { shown += 10; run(true); });
    function run(keep) {
      if (keep !== true) shown = first;
      var query = q.value, my = ++seq;
      try {
        var p = new URLSearchParams();
        if (query) p.set("q", query); if (fc.value) p.set("cert", fc.value); if (fk.value) p.set("kind", fk.value);
        history.replaceState(null, "", "?" + p.toString());
      } catch (e) { /* file:// may refuse; the results still show */ }
      if (!query.trim()) { list.innerHTML = ""; status.textContent = ""; watchFilters(); return; }
      status.textContent = "Recherche…";
      search(query, { cert: fc.value, kind: fk.value, peek: true }, shown).then(function (hits) {
        if (my !== seq) return;
        var extra = hits.length > shown;
        hits = hits.slice(0, shown);
        more.hidden = !extra;
        status.textContent = hits.length ? hits.length + (extra ? "+" : "") + " résultat" + (hits.length > 1 ? "s" : "") : "Aucun résultat";
        list.innerHTML = hits.map(function (h) { return '<li data-id="' + esc(h.id) + '">' + item(h) + "</li>"; }).join("");
        watchFilters();
      }, function (e) { status.textContent = "La recherche n’a pas pu charger son index (" + e.message + ")."; });
    }
    // Once the suggestions of a key are shown, the index files of the words typed so far are
    // fetched (each once), so that the results after Enter need one round (their texts).
    // The box is focused with the page: the reader's first key or touch is the first use.
    var box = combobox(q, function () { run(); }, prefetch, ["pointerdown", "keydown"]);
    fc.addEventListener("change", function () { run(); });
    fk.addEventListener("change", function () { run(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); box.close(); run(); });
    // A page opened to type (no query in its address): the suggestions' index comes when the
    // browser is idle.
    if (!q.value) fetchSuggestions();
    run();
  }

  // The quick search of every page: suggestions as you type; Enter opens the search page.
  function quick() {
    var input = document.getElementById("q-top");
    if (!input || document.getElementById("search")) return;
    combobox(input, null, null, ["focus", "pointerdown", "keydown"]);
  }

  window.referentielSearch = { search: search, suggest: suggest, queryKeys: queryKeys, stem: stem, fold: fold, tokens: tokens };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { searchPage(); quick(); });
  else { searchPage(); quick(); }
})();

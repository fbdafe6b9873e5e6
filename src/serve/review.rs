//! #26: the review of suggestions in `serve` (local only; the static site never writes). On a
//! passerelle page served by `serve`, a reviewer accepts (with a relation), retypes or rejects a
//! suggested compétence pair with a one-line justification; `POST /__referentiel/review` writes
//! it into the curated table of that pair in `data/correspondences/` (a new pair under `pairs`,
//! or under `rejected`, with the author and today's date), then runs the checker; the watcher of
//! `serve` rebuilds the site and the page reloads showing it curated.
//!
//! Refused, with a French message and nothing written: another origin than the page's, a page
//! rendered before the tables changed (its hash of the pair's tables differs), an unknown
//! certification or element, a table file outside `data/correspondences/`, an empty or multi-line
//! justification, data the checker refuses after the write (the file is put back). A file is
//! written whole: a temporary file in the same folder, then renamed over it.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::config::Config;
use crate::ids::{CertId, ElementKey, LocalId};
use crate::schema::Relation;
use crate::words::review as W;

/// The address the review form posts to.
pub const PATH: &str = "/__referentiel/review";

/// An answer: HTTP status line and a JSON body `{ok, message}` (and `after` when written).
pub(crate) struct Reply {
    pub status: &'static str,
    pub body: String,
}

/// A written decision: its message now, and the one the page shows after it reloads.
fn done(message: String, after: String) -> Reply {
    Reply {
        status: "200 OK",
        body: json!({"ok": true, "message": message, "after": after}).to_string(),
    }
}

fn refuse(status: &'static str, message: impl Into<String>) -> Reply {
    Reply { status, body: json!({"ok": false, "message": message.into()}).to_string() }
}

/// A request header's value (case-insensitive name).
fn header<'h>(head: &'h str, name: &str) -> Option<&'h str> {
    head.lines().skip(1).find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// `application/x-www-form-urlencoded` decoding of one value.
fn form_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn field<'f>(form: &'f [(String, String)], name: &str) -> Option<&'f str> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The relations a reviewer may give, by their YAML names.
fn relation(name: &str) -> Option<Relation> {
    Some(match name {
        "exact_match" => Relation::ExactMatch,
        "close_match" => Relation::CloseMatch,
        "broad_match" => Relation::BroadMatch,
        "narrow_match" => Relation::NarrowMatch,
        "related_match" => Relation::RelatedMatch,
        _ => return None,
    })
}

/// Who reviews: the first of `book.toml`'s `authors`, else `git config user.name`.
fn author(data: &Path, config: &Config) -> Option<String> {
    if let Some(a) = config.book.authors.iter().find(|a| !a.trim().is_empty()) {
        return Some(a.trim().to_string());
    }
    let out = std::process::Command::new("git")
        .arg("config")
        .arg("user.name")
        .current_dir(data)
        .output()
        .ok()?;
    let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// Today's date (UTC), `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A YAML double-quoted string.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The curated table file of the pair `a`–`b` in `dir` and whether it is read from `b` to `a`:
/// the file whose single table is curated between them, else a new file `a-b.yaml`.
fn table_file(dir: &Path, a: &CertId, b: &CertId) -> (PathBuf, bool) {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    names.sort();
    for p in names {
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        let has = |k: &str, v: &CertId| text.lines().any(|l| l.trim() == format!("{k}: {v}"));
        if !text.lines().any(|l| l.trim() == "status: curated") {
            continue;
        }
        if has("from", a) && has("to", b) {
            return (p, false);
        }
        if has("from", b) && has("to", a) {
            return (p, true);
        }
    }
    (dir.join(format!("{a}-{b}.yaml")), false)
}

/// Write `text` to `path` whole: a temporary file beside it, then renamed over it.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("yaml.tmp-{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// `text` with `line` added under the table's `pairs` (`rejected: false`) or `rejected` list.
fn insert(text: &str, line: &str, rejected: bool) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.iter().filter(|l| l.trim_start().starts_with("- id:")).count() != 1 {
        return None;
    }
    let at_rejected = lines.iter().position(|l| l.trim_end() == "    rejected:");
    if rejected {
        if at_rejected.is_none() {
            lines.push("    rejected:".into());
        }
        lines.push(line.to_string());
    } else {
        if !lines.iter().any(|l| l.trim_end() == "    pairs:") {
            lines.insert(at_rejected.unwrap_or(lines.len()), "    pairs:".into());
        }
        let at = lines.iter().position(|l| l.trim_end() == "    rejected:").unwrap_or(lines.len());
        lines.insert(at, line.to_string());
    }
    Some(lines.join("\n") + "\n")
}

/// Handle `POST /__referentiel/review`: `head` is the request head, `body` its form.
pub(crate) fn post(data: &Path, config: &Config, head: &str, body: &str) -> Reply {
    // Same origin only: the form of a page this server served.
    let (host, origin) = (header(head, "host"), header(head, "origin"));
    if !matches!((host, origin), (Some(h), Some(o)) if o == format!("http://{h}")) {
        return refuse("403 Forbidden", W::FOREIGN);
    }
    let form: Vec<(String, String)> = body
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (form_decode(k), form_decode(v)))
        .collect();
    let get = |k: &str| field(&form, k).unwrap_or("").trim().to_string();
    let (a, b, from, to, action) = (get("a"), get("b"), get("from"), get("to"), get("action"));
    let justification = get("justification");
    if justification.is_empty()
        || justification.contains(['\n', '\r'])
        || justification.chars().count() > 400
    {
        return refuse("400 Bad Request", W::JUSTIFICATION);
    }
    let rejecting = match action.as_str() {
        "accept" => false,
        "reject" => true,
        _ => return refuse("400 Bad Request", W::ACTION),
    };
    let rel = if rejecting {
        None
    } else {
        match relation(&get("relation")) {
            Some(r) => Some(r),
            None => return refuse("400 Bad Request", W::RELATION),
        }
    };
    let corpus = match crate::load_corpus(data) {
        Ok(c) => c,
        Err(d) => return refuse("409 Conflict", W::data_errors(d.len())),
    };
    let (ca, cb) = (CertId::new(&a), CertId::new(&b));
    for (cert, local) in [(&ca, &from), (&cb, &to)] {
        if corpus.cert(cert).is_none()
            || corpus.element(&ElementKey::new(cert.clone(), LocalId::new(local))).is_none()
        {
            return refuse("404 Not Found", W::unknown(&format!("{cert}/{local}")));
        }
    }
    if get("hash") != crate::crosswalk::tables_hash(&corpus, &ca, &cb) {
        return refuse("409 Conflict", W::STALE);
    }
    let dir = data.join("correspondences");
    let (path, backward) = match field(&form, "file").filter(|f| !f.is_empty()) {
        // A file named by the form must be a plain `.yaml` name in data/correspondences/.
        Some(f) => {
            if f.contains(['/', '\\']) || f.starts_with('.') || !f.ends_with(".yaml") {
                return refuse("400 Bad Request", W::OUTSIDE);
            }
            let (found, backward) = table_file(&dir, &ca, &cb);
            if found.file_name().and_then(|n| n.to_str()) != Some(f) {
                return refuse("400 Bad Request", W::OUTSIDE);
            }
            (found, backward)
        }
        None => table_file(&dir, &ca, &cb),
    };
    if path.parent().is_none_or(|p| p != dir) {
        return refuse("400 Bad Request", W::OUTSIDE);
    }
    let Some(who) = author(data, config) else { return refuse("409 Conflict", W::NO_AUTHOR) };
    let date = today();
    let (x, y, rel) =
        if backward { (&to, &from, rel.map(Relation::inverse)) } else { (&from, &to, rel) };
    let line = format!(
        "      - {{from: [{x}], to: [{y}]{}, justification: {}, author: {}, date: \"{date}\"}}",
        rel.map(|r| format!(", relation: {}", r.name())).unwrap_or_default(),
        quoted(&justification),
        quoted(&who)
    );
    let before = std::fs::read_to_string(&path).ok();
    let base = before.clone().unwrap_or_else(|| {
        let (fa, fb) = if backward { (&cb, &ca) } else { (&ca, &cb) };
        format!("# Curated crosswalk {fa} ↔ {fb}: ours, not an official table (written by the review in `serve`).\ncorrespondences:\n  - id: {fa}-{fb}-curated\n    status: curated\n    from: {fa}\n    to: {fb}\n    author: {}\n    date: \"{date}\"\n    pairs:\n", quoted(&who))
    });
    let Some(text) = insert(&base, &line, rejecting) else {
        return refuse("409 Conflict", W::SHAPE);
    };
    if let Err(e) = write_whole(&path, &text) {
        return refuse("500 Internal Server Error", W::io(&e.to_string()));
    }
    // The checker: a refused write is undone.
    if let Err(d) = crate::load_corpus(data) {
        let _ = match &before {
            Some(t) => write_whole(&path, t),
            None => std::fs::remove_file(&path),
        };
        let first = d.first().map(|d| d.message.clone()).unwrap_or_default();
        return refuse("422 Unprocessable Entity", W::refused_by_checker(&first));
    }
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    if rejecting {
        done(W::rejected(&file), W::rejected(&file))
    } else {
        done(W::accepted(&file), W::accepted_after(&file))
    }
}

/// The script `serve` adds to a passerelle page (never to built files): a review form under each
/// compétence suggestion.
///
/// While an answer is awaited, and for `HOLD` ms after a decision is written, the page's live
/// reload is held back (the written file makes `serve` reload the page at once, which would hide
/// the answer); the page then reloads and shows what was written above the suggestions.
pub fn script() -> String {
    let words = json!({
        "relation": W::RELATION_LABEL, "justification": W::JUSTIFICATION_LABEL, "accept": W::ACCEPT, "reject": W::REJECT,
        "relations": [["close_match", crate::words::relation::CloseMatch], ["exact_match", crate::words::relation::ExactMatch], ["narrow_match", W::NARROWER], ["broad_match", W::BROADER], ["related_match", crate::words::relation::RelatedMatch]],
        "path": PATH,
    });
    SCRIPT.replace("WORDS", &words.to_string().replace("</", "<\\/"))
}

const SCRIPT: &str = r#"<script>(function(){var W=WORDS;var r=document.getElementById("review");if(!r)return;var HOLD=1500,KEY="referentiel-review:"+location.pathname,pending=0,until=0,due=false,timer=0;function later(){if(due&&!pending&&!timer)timer=setTimeout(function(){location.reload()},Math.max(0,until-Date.now()))}window.addEventListener("referentiel:reload",function(e){if(pending||Date.now()<until){e.preventDefault();due=true;later()}});var kept=null;try{kept=sessionStorage.getItem(KEY);sessionStorage.removeItem(KEY)}catch(e){}if(kept){var k=document.createElement("p");k.className="review-msg ok review-done";k.setAttribute("role","status");k.textContent=kept;r.before(k)}document.querySelectorAll("li.pair[data-review-a]").forEach(function(li){var f=document.createElement("form");f.className="review";var s=document.createElement("select");s.name="relation";W.relations.forEach(function(x){var o=document.createElement("option");o.value=x[0];o.textContent=x[1];s.appendChild(o)});var l1=document.createElement("label");l1.textContent=W.relation+" ";l1.appendChild(s);var i=document.createElement("input");i.name="justification";i.required=true;i.maxLength=400;var l2=document.createElement("label");l2.textContent=W.justification+" ";l2.appendChild(i);var m=document.createElement("p");m.className="review-msg";m.setAttribute("role","status");f.append(l1," ",l2," ");["accept","reject"].forEach(function(a){var b=document.createElement("button");b.type="submit";b.name="action";b.value=a;b.textContent=W[a];f.append(b," ")});f.append(m);f.addEventListener("submit",function(e){e.preventDefault();pending++;var d=new URLSearchParams();d.set("action",e.submitter?e.submitter.value:"accept");d.set("relation",s.value);d.set("justification",i.value);d.set("a",r.dataset.a);d.set("b",r.dataset.b);d.set("hash",r.dataset.hash);d.set("from",li.dataset.reviewA);d.set("to",li.dataset.reviewB);fetch(W.path,{method:"POST",headers:{"content-type":"application/x-www-form-urlencoded"},body:d.toString()}).then(function(x){return x.json()}).then(function(j){m.textContent=j.message;m.className="review-msg "+(j.ok?"ok":"refused");if(j.ok){until=Date.now()+HOLD;try{sessionStorage.setItem(KEY,j.after)}catch(e){}}}).catch(function(err){m.textContent=String(err)}).then(function(){pending--;later()})});li.appendChild(f)})})();</script>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_goes_under_pairs_and_a_rejection_under_rejected() {
        let t = "correspondences:\n  - id: t\n    status: curated\n    pairs:\n      - {from: [a], to: [b]}\n";
        let x = insert(t, "      - {from: [c], to: [d]}", false).unwrap();
        assert!(x.ends_with("      - {from: [a], to: [b]}\n      - {from: [c], to: [d]}\n"));
        let y = insert(&x, "      - {from: [e], to: [f]}", true).unwrap();
        assert!(y.ends_with("    rejected:\n      - {from: [e], to: [f]}\n"));
        let z = insert(&y, "      - {from: [g], to: [h]}", false).unwrap();
        assert!(z.contains("      - {from: [g], to: [h]}\n    rejected:\n"), "{z}");
        assert!(
            insert("correspondences:\n  - id: a\n  - id: b\n", "x", false).is_none(),
            "two tables in one file: refused"
        );
    }

    #[test]
    fn forms_decode_and_dates_read() {
        assert_eq!(form_decode("m%C3%AAme+texte%2C%20oui"), "même texte, oui");
        assert_eq!(today().len(), 10);
        assert!(
            header("POST / HTTP/1.1\r\nOrigin: http://127.0.0.1:8\r\n", "origin")
                == Some("http://127.0.0.1:8")
        );
    }
}

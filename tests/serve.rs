//! `referentiel serve` as an editor uses it: the site is served on 127.0.0.1, a saved change of the
//! data shows in the page within seconds, and a broken edit shows the checker's diagnostics while
//! the last good site stays served.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, killed when the test ends (passing or not); a failing test prints its log.
struct Server {
    child: Child,
    port: u16,
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("the server's log:\n{}", self.log.lock().unwrap().join("\n"));
        }
    }
}

fn start(project: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .args(["--config", &project.join("book.toml").to_string_lossy(), "serve", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("the server says where it listens").unwrap();
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep reading its log so that it never blocks on a full pipe.
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = log.clone();
    let t0 = Instant::now();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            kept.lock().unwrap().push(format!("{:>6} ms  {line}", t0.elapsed().as_millis()));
        }
    });
    Server { child, port, log }
}

/// GET a path: status code and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let code = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    (code, out.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default())
}

/// Wait (at most `secs` seconds) until `f` holds.
fn within(secs: u64, what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < Duration::from_secs(secs), "not within {secs} s: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("referentiel-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for e in walkdir::WalkDir::new("tests/fixtures/base") {
        let e = e.unwrap();
        let to = dir.join("data").join(e.path().strip_prefix("tests/fixtures/base").unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    std::fs::write(dir.join("book.toml"), "[book]\ntitle = \"Essai\"\n").unwrap();
    dir
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// The next message of the reload socket that `f` accepts (each read fails after its timeout).
fn next_where(ws: &mut tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>, f: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    loop {
        let m: serde_json::Value = serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
        if f(&m) {
            return m;
        }
    }
}

#[test]
fn a_saved_note_shows_and_a_broken_edit_shows_its_diagnostic_over_the_last_good_site() {
    let dir = project("edit");
    let server = start(&dir);
    let page = "/c/demo/index.html";
    let (code, html) = get(server.port, page);
    assert_eq!(code, 200);
    assert!(html.contains("/__livereload"), "served pages carry the reload script");
    assert!(!html.contains("Marqueur"));
    let (code, html) = get(server.port, "/c/demo/e/absent.html");
    assert_eq!(code, 404, "a missing address is a 404");
    assert!(html.contains("<base href=\"/\">") && html.contains("Page introuvable") && html.contains("/__livereload"), "with the site's own 404 page, reloading: {html}");

    let (mut ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{}/__livereload", server.port)).expect("websocket");
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap(); // a missing message fails, never hangs
    }
    let hello: serde_json::Value = serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
    assert_eq!(hello["errors"], serde_json::Value::Null);

    let cert = dir.join("data/certification.yaml");
    edit(&cert, "  version: \"1\"\n", "  version: \"1\"\n  note: Marqueur un\n");
    within(10, "the note shows in the page", || get(server.port, page).1.contains("Marqueur un"));
    let reload: serde_json::Value = serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
    assert!(reload["build"].as_u64().unwrap() > hello["build"].as_u64().unwrap(), "the browser is told to reload");

    edit(&cert, "kind: titre_professionnel", "kind: titre_pro");
    // The note's full rebuild may still send its own message first.
    let broken = next_where(&mut ws, |m| m["errors"].as_str().is_some_and(|e| e.contains("titre_pro")));
    let errors = broken["errors"].as_str().expect("the diagnostics are sent to the page");
    assert!(errors.contains("certification.yaml") && errors.contains("titre_pro"), "{errors}");
    let (code, html) = get(server.port, page);
    assert_eq!(code, 200, "the last good site is still served");
    assert!(html.contains("Marqueur un"), "the last good site, as served: {html}");
    let status: serde_json::Value = serde_json::from_str(&get(server.port, "/__referentiel/status").1).unwrap();
    assert_eq!(status["errors"].as_str(), Some(errors));

    edit(&cert, "kind: titre_pro", "kind: titre_professionnel");
    let fixed = next_where(&mut ws, |m| !m["errors"].as_str().is_some_and(|e| e.contains("titre_pro")));
    assert_eq!(fixed["errors"], serde_json::Value::Null, "fixing the data clears the diagnostics");
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_request_sent_in_pieces_is_answered_for_its_own_address() {
    let dir = project("pieces");
    let server = start(&dir);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    // A client (or the network) may cut the request line anywhere.
    s.write_all(b"GET ").unwrap();
    s.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    s.write_all(b"/c/demo/e/absent.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 404"), "{}", out.lines().next().unwrap_or(""));
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn built_files_never_carry_the_reload_script() {
    let corpus = referentiel::load_corpus(Path::new("tests/fixtures/base")).unwrap();
    let (files, _) = referentiel::outputs::render_all(&corpus, &referentiel::config::Config::read_default()).unwrap();
    assert!(files.files.iter().all(|(_, b)| !String::from_utf8_lossy(b).contains("__livereload")));
}

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
        // As Ctrl-C stops it (it removes its private folder), then for good.
        #[cfg(unix)]
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM)
        };
        let stopping = Instant::now();
        while self.child.try_wait().ok().flatten().is_none()
            && stopping.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(20));
        }
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
        if let Some(rest) = line.strip_prefix("site servi sur http://127.0.0.1:") {
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
    let dir = crate::harness::temp("serve", name);
    crate::harness::copy_dir(Path::new("tests/fixtures/base"), &dir.join("data"));
    std::fs::write(dir.join("book.toml"), "[book]\ntitle = \"Essai\"\n").unwrap();
    dir
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// The next message of the reload socket that `f` accepts (each read fails after its timeout).
fn next_where(
    ws: &mut tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    f: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    loop {
        let m: serde_json::Value =
            serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
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
    assert!(
        html.contains("<base href=\"/\">")
            && html.contains("Page introuvable")
            && html.contains("/__livereload"),
        "with the site's own 404 page, reloading: {html}"
    );

    let (mut ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{}/__livereload", server.port))
        .expect("websocket");
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap(); // a missing message fails, never hangs
    }
    let hello: serde_json::Value =
        serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
    assert_eq!(hello["errors"], serde_json::Value::Null);

    let cert = dir.join("data/certification.yaml");
    edit(&cert, "  version: \"1\"\n", "  version: \"1\"\n  note: Marqueur un\n");
    within(10, "the note shows in the page", || get(server.port, page).1.contains("Marqueur un"));
    let reload: serde_json::Value =
        serde_json::from_str(ws.read().unwrap().to_text().unwrap()).unwrap();
    assert!(
        reload["build"].as_u64().unwrap() > hello["build"].as_u64().unwrap(),
        "the browser is told to reload"
    );

    edit(&cert, "kind: titre_professionnel", "kind: titre_pro");
    // The note's full rebuild may still send its own message first.
    let broken =
        next_where(&mut ws, |m| m["errors"].as_str().is_some_and(|e| e.contains("titre_pro")));
    let errors = broken["errors"].as_str().expect("the diagnostics are sent to the page");
    assert!(errors.contains("certification.yaml") && errors.contains("titre_pro"), "{errors}");
    let (code, html) = get(server.port, page);
    assert_eq!(code, 200, "the last good site is still served");
    assert!(html.contains("Marqueur un"), "the last good site, as served: {html}");
    let status: serde_json::Value =
        serde_json::from_str(&get(server.port, "/__referentiel/status").1).unwrap();
    assert_eq!(status["errors"].as_str(), Some(errors));

    edit(&cert, "kind: titre_pro", "kind: titre_professionnel");
    let fixed =
        next_where(&mut ws, |m| !m["errors"].as_str().is_some_and(|e| e.contains("titre_pro")));
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
    s.write_all(b"/c/demo/e/absent.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 404"), "{}", out.lines().next().unwrap_or(""));
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn built_files_never_carry_the_reload_script() {
    let corpus = referentiel::load_corpus(Path::new("tests/fixtures/base")).unwrap();
    let (files, _) =
        referentiel::outputs::render_all(&corpus, &referentiel::config::Config::read_default())
            .unwrap();
    assert!(files.files.iter().all(|(_, b)| !String::from_utf8_lossy(b).contains("__livereload")));
}

// No other page can drive the server (#23, items 2 and 3).

/// Open the live-reload socket with these request headers: the handshake's answer, or an error.
fn handshake(
    port: u16,
    headers: &[(&'static str, &str)],
) -> Result<tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>, String> {
    let mut req = tungstenite::client::IntoClientRequest::into_client_request(format!(
        "ws://127.0.0.1:{port}/__livereload"
    ))
    .unwrap();
    for (k, v) in headers {
        req.headers_mut().insert(*k, v.parse().unwrap());
    }
    tungstenite::connect(req).map(|(ws, _)| ws).map_err(|e| e.to_string())
}

/// A raw request with this `Host`: the status line.
fn status_with_host(port: u16, host: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET /index.html HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out.lines().next().unwrap_or("").to_string()
}

#[test]
fn only_loopback_hosts_are_served_and_only_the_served_origin_gets_the_reload_socket() {
    let dir = project("origin");
    let server = start(&dir);
    let port = server.port;
    for host in [
        "127.0.0.1",
        &format!("127.0.0.1:{port}"),
        &format!("localhost:{port}"),
        &format!("[::1]:{port}"),
    ] {
        assert!(status_with_host(port, host).starts_with("HTTP/1.1 200"), "{host}");
    }
    // DNS rebinding: another site's name made to resolve to 127.0.0.1.
    for host in
        [&format!("evil.example:{port}"), "127.0.0.1.evil.example", "localhost.evil.example:80"]
    {
        assert!(status_with_host(port, host).starts_with("HTTP/1.1 421"), "{host} is refused");
    }
    let other = handshake(port, &[("Origin", "http://evil.example")])
        .expect_err("a page of another origin");
    assert!(other.contains("403"), "{other}");
    let other_port = handshake(port, &[("Origin", "http://127.0.0.1:1")])
        .expect_err("a page served on another local port");
    assert!(other_port.contains("403"), "{other_port}");
    assert!(handshake(port, &[("Origin", "null")]).is_err(), "a page from file://");
    assert!(
        handshake(port, &[("Origin", &format!("http://127.0.0.1:{port}"))]).is_ok(),
        "the served origin"
    );
    assert!(
        handshake(port, &[("Origin", &format!("http://localhost:{port}"))]).is_ok(),
        "the served origin, by name"
    );
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diagnostics_sent_to_the_browser_name_files_relative_to_the_project() {
    let dir = project("relative");
    let server = start(&dir);
    let mut ws = handshake(server.port, &[]).unwrap();
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    }
    edit(&dir.join("data/certification.yaml"), "kind: titre_professionnel", "kind: titre_pro");
    let broken = next_where(&mut ws, |m| m["errors"].is_string());
    let errors = broken["errors"].as_str().unwrap();
    assert!(errors.contains("data/certification.yaml:"), "{errors}");
    let abs = dir.canonicalize().unwrap();
    assert!(
        !errors.contains(&*abs.to_string_lossy()) && !errors.contains(&*dir.to_string_lossy()),
        "no path of the machine: {errors}"
    );
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_reload_client_that_stops_reading_is_dropped_and_saves_still_show() {
    let dir = project("stalled");
    let server = start(&dir);
    // A client that opens the socket, then never reads: its receive buffer fills.
    let stalled = handshake(server.port, &[]).unwrap();
    // Large messages: every edit below breaks 3,000 elements, each with its diagnostic.
    let cert = dir.join("data/certification.yaml");
    let elements = dir.join("data/elements.yaml");
    let good = std::fs::read_to_string(&elements).unwrap();
    let broken: String = (0..3000).map(|i| format!("  - id: x{i}\n    kind: critere_performance\n    parent: nowhere{i}\n    text: Texte absent {i}\n    lines: 10\n")).collect();
    for round in 0..6 {
        std::fs::write(
            &elements,
            good.replacen("elements:\n", &format!("elements:\n{broken}"), 1) + &"#".repeat(round),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(700));
    }
    std::fs::write(&elements, &good).unwrap();
    edit(&cert, "  version: \"1\"\n", "  version: \"1\"\n  note: Toujours servi\n");
    within(30, "a save after the stalled client's buffer filled still shows", || {
        get(server.port, "/c/demo/index.html").1.contains("Toujours servi")
    });
    let mut fresh = handshake(server.port, &[]).unwrap();
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = fresh.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    }
    let hello: serde_json::Value =
        serde_json::from_str(fresh.read().unwrap().to_text().unwrap()).unwrap();
    edit(&cert, "note: Toujours servi", "note: Encore servi");
    next_where(&mut fresh, |m| m["build"].as_u64() > hello["build"].as_u64());
    drop(stalled);
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_head_that_never_ends_is_dropped_and_connections_past_the_cap_are_refused_at_once() {
    let dir = project("slow");
    let server = start(&dir);
    // A client that sends its head one byte at a time, forever: dropped at the head's deadline.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let started = Instant::now();
    let mut closed = false;
    for b in b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
        .iter()
        .chain(std::iter::repeat(&b'a'))
    {
        if slow.write_all(&[*b]).is_err() || matches!(slow.read(&mut [0u8; 64]), Ok(0)) {
            closed = true;
            break;
        }
        if started.elapsed() > Duration::from_secs(30) {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(closed, "a head still arriving after 30 s is dropped");
    // Idle connections up to the cap, then one more: refused at once, not queued.
    let idle: Vec<TcpStream> =
        (0..128).map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut over = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    over.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut out = String::new();
    let _ = over.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 503"), "{out}");
    drop(idle);
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A project with a copy of the real data (its full rebuild takes far longer than a save).
fn real_project(name: &str) -> PathBuf {
    let dir = crate::harness::temp("serve", name);
    crate::harness::copy_dir(Path::new("data"), &dir.join("data"));
    std::fs::copy("book.toml", dir.join("book.toml")).unwrap();
    dir
}

#[test]
fn a_save_during_a_full_rebuild_supersedes_it_and_the_older_data_is_never_published() {
    let dir = real_project("supersede");
    let server = start(&dir);
    let file = dir.join("data/certifications/ntc-2018/elements.yaml");
    let anchor = "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).";
    let page = "/c/ntc-2018/e/cp1-cr1.html";
    edit(&file, anchor, &format!("{anchor} Première version —"));
    within(60, "the first save shows", || get(server.port, page).1.contains("Première version"));
    // Its quick pass is served: its full rebuild has started, and takes far longer than this.
    edit(&file, "Première version", "Seconde version");
    within(60, "the second save shows", || get(server.port, page).1.contains("Seconde version"));
    let log = || server.log.lock().unwrap().clone();
    within(180, "the first rebuild gives way, the second one ends", || {
        let log = log();
        let gave_way = log.iter().position(|l| l.contains("reconstruction complète abandonnée"));
        gave_way.is_some_and(|i| log[i..].iter().any(|l| l.contains("reconstruction complète en")))
    });
    let html = get(server.port, page).1;
    assert!(
        html.contains("Seconde version") && !html.contains("Première version"),
        "the newer save stays shown once every rebuild has ended"
    );
    // A file that only the full rebuild writes (the JSON export of the corpus) has the newer text.
    let export = get(server.port, "/telechargements/json/referentiel.json").1;
    assert!(
        export.contains("Seconde version") && !export.contains("Première version"),
        "the full rebuild that was published is the newer save's"
    );
    drop(server);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_taken_port_is_a_usage_error_in_french_with_a_hint_and_quiet_silences_the_progress() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let project = project("serve-port-taken");
    let config = project.join("book.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .args(["--color", "never", "--config", &config.to_string_lossy(), "serve", "--port", &port])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("erreur : impossible d’écouter sur 127.0.0.1:"), "{err}");
    assert!(err.contains("conseil : choisissez un autre port avec --port"), "{err}");

    // Quiet: the server says nothing of what it does (not even where it listens), and serves.
    let port = {
        let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        free.local_addr().unwrap().port()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .args(["-q", "--config", &config.to_string_lossy(), "serve", "--port", &port.to_string()])
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    within(60, "the quiet server serves", || {
        TcpStream::connect(("127.0.0.1", port)).is_ok() && get(port, "/index.html").0 == 200
    });
    #[cfg(unix)]
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM)
    };
    let mut said = String::new();
    child.stderr.take().unwrap().read_to_string(&mut said).unwrap();
    let _ = child.wait();
    assert!(!said.contains("site servi sur"), "quiet: {said}");
}

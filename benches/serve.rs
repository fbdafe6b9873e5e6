//! Benchmark of `referentiel serve` on a copy of data/: the time from saving a data file to the
//! page, fetched again after the WebSocket's reload message, showing the change: ten saves of an
//! element (a note of critère CP1 of NTC 2018) and ten of a certification (its `note`). Prints
//! each time and the medians; asserts nothing.
//!
//! Run with `cargo bench --bench serve` (builds the release binary first).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn main() {
    let status =
        Command::new("cargo").args(["build", "--release", "--quiet"]).status().expect("cargo");
    assert!(status.success());
    let dir = std::env::temp_dir().join(format!("referentiel-bench-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for e in walkdir::WalkDir::new("data") {
        let e = e.unwrap();
        let to = dir.join(e.path());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    std::fs::write(dir.join("book.toml"), std::fs::read_to_string("book.toml").unwrap()).unwrap();
    let mut child = Command::new("target/release/referentiel")
        .args(["--config", &dir.join("book.toml").to_string_lossy(), "serve", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let port: u16 = loop {
        let l = lines.next().unwrap().unwrap();
        if let Some(rest) = l.strip_prefix("serving http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // The server's own account of each quick pass (check included).
    std::thread::spawn(move || {
        for l in lines.map_while(Result::ok) {
            if l.contains("rendered again") {
                println!("  server: {l}");
            }
        }
    });
    let (mut ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}/__livereload")).unwrap();
    ws.read().unwrap();
    let cases = [
        (
            "an element",
            "data/certifications/ntc-2018/elements.yaml",
            "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).",
            "/c/ntc-2018/e/cp1-cr1.html",
        ),
        (
            "a certification",
            "data/certifications/ntc-2013/certification.yaml",
            "  note: ",
            "/c/ntc-2013/index.html",
        ),
    ];
    for (what, file, anchor, page) in cases {
        let file = dir.join(file);
        let original = std::fs::read_to_string(&file).unwrap();
        let mut times = Vec::new();
        for i in 0..10 {
            let marker = format!("Mesure {i}");
            let edited = original.replacen(anchor, &format!("{anchor} {marker} —"), 1);
            assert_ne!(edited, original, "{} holds {anchor:?}", file.display());
            let t = Instant::now();
            std::fs::write(&file, edited).unwrap();
            loop {
                let m = ws.read().unwrap();
                let v: serde_json::Value = serde_json::from_str(m.to_text().unwrap()).unwrap();
                if v["errors"].is_null() && get(port, page).contains(&marker) {
                    break;
                }
            }
            let d = t.elapsed();
            println!("{what}: save {i:>2} → reloaded page: {d:>8.1?}");
            times.push(d);
            // Let the full rebuild that follows the quick pass end before the next save.
            std::thread::sleep(Duration::from_millis(4000));
        }
        std::fs::write(&file, original).unwrap();
        std::thread::sleep(Duration::from_millis(4000));
        times.sort();
        println!(
            "serve, save of {what} → reloaded page on data/ (10 saves): median {:.1?}, min {:.1?}, max {:.1?}",
            times[5], times[0], times[9]
        );
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

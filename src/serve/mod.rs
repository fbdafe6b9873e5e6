//! `referentiel serve [--port N] [--open]`: the site served on 127.0.0.1 only, rebuilt whenever a
//! file of the data folder or of the theme folder changes, with the browser reloaded over a
//! WebSocket (`/__livereload`).
//!
//! The served site is one built site, written as `build` writes it (streamed, never whole in
//! memory) into a private folder of the temporary folder, removed when `serve` stops. Every
//! change re-checks the whole data, then renders at once the pages that show what changed
//! ([`incremental`]: the edited elements, the pages that link to them, their
//! certification's pages) into the served site; a full rebuild, on a thread of its own, then
//! makes the rest consistent and takes the served site's place. A newer change supersedes the
//! check, the quick pass (until it renders) and the rebuild under way: they stop at their next
//! phase boundary ([`crate::phases::Cancel`]), and the newer change's quick pass runs at once,
//! in a pool of threads of its own. An open page reloads when a pass changed it. When the data has
//! errors, the last good site stays served and every open page shows the checker's diagnostics in
//! an overlay until they are fixed. The reload script is added to pages as they are served, never
//! to built files.
//!
//! No other page can drive it: a request must name a loopback host (`Host`, against DNS
//! rebinding), the live-reload socket only opens to pages of the served origin (`Origin`), a
//! request head must arrive whole within [`HEAD_DEADLINE`], at most [`MAX_CONNECTIONS`] requests
//! are served at once, and messages to the browser name files relative to the project. Each
//! live-reload client is sent to from a queue of its own ([`Client`]): one that stops reading is
//! dropped, never waited for.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use serde_json::json;
use tungstenite::{Message, WebSocket};

use crate::build::Files;
use crate::build::folder::{self, Staging};
use crate::config::Config;
use crate::phases::Cancel;
use crate::scratch::Scratch;

pub mod incremental;
/// #26: the review of suggestions, in `serve` only.
pub mod review;

use incremental::FullBuild;

/// Where `serve` says what it does: the command line's output (with `--quiet`, `--verbose` and
/// `--color`) implements it; so can a test.
pub trait Report: Send + Sync {
    /// What happened (the address served, a rebuild, a quick pass), unless quiet.
    fn info(&self, message: &str);
    /// The checker's diagnostics of a save that does not pass, as rendered.
    fn diagnostic(&self, rendered: &str);
    /// A failure that does not stop the server (a page that could not be written).
    fn error(&self, message: &str);
}

/// Why `serve` could not start (once started, it reports and goes on).
#[derive(Debug)]
pub enum Error {
    /// The port is taken or not allowed.
    Listen { port: u16, source: std::io::Error },
    /// The private folder of the served site could not be made in the temporary folder.
    Folder { temp: PathBuf, source: std::io::Error },
    /// The data or theme folder cannot be watched (`None`: the watcher itself failed).
    Watch { path: Option<PathBuf>, source: notify::Error },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::words::serve as w;
        f.write_str(&match self {
            Error::Listen { port, source } => w::cannot_listen(*port, &source.to_string()),
            Error::Folder { temp, source } => {
                w::cannot_create(&temp.display().to_string(), &source.to_string())
            }
            Error::Watch { path: Some(p), source } => {
                w::cannot_watch(&p.display().to_string(), &source.to_string())
            }
            Error::Watch { path: None, source } => w::cannot_watch_files(&source.to_string()),
        })
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Listen { source, .. } | Error::Folder { source, .. } => Some(source),
            Error::Watch { source, .. } => Some(source),
        }
    }
}

/// The parsed arguments of `serve`.
pub struct ServeArgs {
    pub port: u16,
    pub open: bool,
    /// Print each quick pass's phases (wall and own CPU time), for the benchmark.
    pub timings: bool,
}

/// What is being served: the files of the last good site (its pages on disk, in [`Live::site`]),
/// and the problems of the current data, if any.
#[derive(Default)]
struct State {
    /// The files of the served site, by path from its root with `/`: only these are served.
    files: HashSet<String>,
    /// Counts good builds; a page reloads when the build it was served from is not the last.
    build: u64,
    /// The diagnostics of the current data, rendered as text; `None` when it is clean.
    errors: Option<String>,
    /// The files the last pass changed (`None`: any may have).
    changed: Option<Vec<String>>,
}

impl State {
    fn message(&self) -> String {
        json!({"build": self.build, "errors": self.errors, "changed": self.changed}).to_string()
    }
}

type Shared = Arc<Mutex<State>>;
type Clients = Arc<Mutex<Vec<Client>>>;

/// How long a request's head may take to arrive, whole.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Requests served at once; one more is answered 503 at once.
const MAX_CONNECTIONS: usize = 128;
/// Live-reload clients at once; one more is refused.
const MAX_CLIENTS: usize = 64;
/// Messages waiting for a live-reload client; one that lets more pile up is dropped.
const CLIENT_QUEUE: usize = 8;
/// How long a write to a live-reload client may block before the client is dropped.
const CLIENT_WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// The name of the private folders that hold a served site, in the temporary folder.
const FOLDER_PREFIX: &str = "referentiel-serve-";

/// A live-reload client: the sending end of its own bounded queue. A thread of its own writes
/// the queue to its socket, so that a client that stops reading blocks nobody else.
struct Client(mpsc::SyncSender<String>);

impl Client {
    fn start(mut ws: WebSocket<TcpStream>) -> Client {
        let (tx, rx) = mpsc::sync_channel::<String>(CLIENT_QUEUE);
        let _ = ws.get_ref().set_write_timeout(Some(CLIENT_WRITE_TIMEOUT));
        std::thread::spawn(move || {
            for message in rx {
                if ws.send(Message::text(message)).is_err() {
                    break;
                }
            }
            let _ = ws.close(None);
        });
        Client(tx)
    }
}

/// Send `message` to every client without waiting; a client whose queue is full or closed is
/// dropped.
fn broadcast(clients: &Clients, message: &str) {
    clients.lock().expect("clients").retain(|c| c.0.try_send(message.to_string()).is_ok());
}

/// The diagnostics as the browser's overlay shows them, files named relative to the project
/// (`root`): no path of the machine leaves it.
fn diagnostics(diags: &[crate::diag::Diagnostic], root: &Path) -> String {
    let relative = |d: &crate::diag::Diagnostic| {
        let mut d = d.clone();
        if let Ok(rel) = d.file.strip_prefix(root) {
            d.file = rel.to_path_buf();
        } else if d.file.is_absolute() {
            d.file = d.file.file_name().map(PathBuf::from).unwrap_or_default();
        }
        d.render()
    };
    let mut s: String = diags.iter().map(|d| relative(d) + "\n").collect();
    s.push_str(&crate::words::serve::problems(diags.len()));
    s
}

/// A full build of `corpus`, streamed into a staging folder beside the served site (never held
/// in memory), ready to take its place: the staging folder, the files it holds, and what the next
/// quick pass needs.
fn full(
    corpus: &crate::model::Corpus,
    config: &Config,
    site: &Path,
) -> Result<(Staging, HashSet<String>, FullBuild), String> {
    // The quick passes' pages are not in the marker's list: they go, whatever the new site holds.
    let strangers = folder::Strangers { keep: Vec::new(), force: true };
    let staging = Staging::begin(site, &strangers).map_err(|e| e.to_string())?.recording();
    let (mut files, _, computed) = crate::outputs::render_into(
        corpus,
        config,
        Files::streaming(staging).keeping_links(crate::urls::is_element),
    )
    .map_err(|e| e.to_string())?;
    let last = FullBuild::of_build(corpus, computed, &mut files);
    let paths: HashSet<String> = (0..files.index.len()).map(|i| files.path(i)).collect();
    let staging = files.into_staging().expect("a streaming build");
    crate::phases::checkpoint();
    Ok((staging, paths, last))
}

/// What a pass changed, for the state.
enum Pass {
    /// The whole site, published: its files, and those that differ from the last site's.
    Full {
        files: HashSet<String>,
        fresh: Vec<String>,
    },
    /// Some pages, to write into the served site.
    Some(Vec<(String, Vec<u8>)>),
    Errors(String),
}

/// The served site and who watches it: what both the quick pass and the full rebuild update.
struct Live {
    state: Shared,
    clients: Clients,
    /// The served site's folder, in a private folder of the temporary folder.
    site: PathBuf,
    /// Held while the site's files change (a quick pass's pages, a new site in its place).
    publishing: Mutex<()>,
    /// Counts the changes the watcher saw: a pass started at an older count is superseded.
    saves: Arc<AtomicU64>,
    /// The last full build, for the quick pass.
    last: Mutex<Option<Arc<FullBuild>>>,
    /// Where what happens is said.
    report: Arc<dyn Report>,
    /// Say each quick pass's phases (`--verbose`).
    timings: bool,
    /// What the last check keeps for the next.
    kept: Mutex<crate::Kept>,
    /// What the last quick pass keeps for the next.
    quick: Mutex<incremental::Kept>,
}

impl Live {
    fn apply(&self, pass: Pass) {
        let message = {
            match pass {
                Pass::Full { files, fresh } => {
                    let mut s = self.state.lock().expect("state");
                    let mut changed = fresh;
                    changed.extend(s.files.iter().filter(|p| !files.contains(*p)).cloned());
                    let was_error = s.errors.take().is_some();
                    s.files = files;
                    if changed.is_empty() && !was_error && s.build > 0 {
                        return;
                    }
                    s.build += 1;
                    s.changed = (changed.len() <= 500 && !was_error).then_some(changed);
                    self.report.info(&crate::words::serve::rebuilt(s.files.len()));
                    s.message()
                }
                Pass::Some(pages) => {
                    let _publishing = self.publishing.lock().expect("publishing");
                    let mut changed = Vec::new();
                    for (p, b) in pages {
                        let path = self.site.join(&p);
                        if std::fs::read(&path).is_ok_and(|old| old == b) {
                            continue;
                        }
                        match folder::replace_file(&self.site, &p, &b) {
                            Ok(()) => changed.push(p),
                            Err(e) => self.report.error(&crate::words::build_folder::cannot_write(
                                &path.display().to_string(),
                                &e.to_string(),
                            )),
                        }
                    }
                    let mut s = self.state.lock().expect("state");
                    s.errors = None;
                    if changed.is_empty() {
                        return;
                    }
                    s.files.extend(changed.iter().cloned());
                    s.build += 1;
                    s.changed = Some(changed);
                    s.message()
                }
                Pass::Errors(e) => {
                    self.report.diagnostic(&e);
                    self.report.info(crate::words::serve::still_served);
                    let mut s = self.state.lock().expect("state");
                    s.errors = Some(e);
                    s.message()
                }
            }
        };
        broadcast(&self.clients, &message);
    }

    /// A cancel that says stop once a change newer than `seen` came.
    fn superseded_after(&self, seen: u64) -> Cancel {
        let saves = self.saves.clone();
        Cancel::new(move || saves.load(Ordering::SeqCst) != seen)
    }

    /// The full rebuild of `corpus` (the data as of change `seen`), published unless a newer
    /// change came first: a rebuild under way stops at its next phase boundary.
    fn rebuild(&self, corpus: &crate::model::Corpus, config: &Config, seen: u64) {
        let cancel = self.superseded_after(seen);
        let t = Instant::now();
        let built = cancel.run(|| full(corpus, config, &self.site));
        crate::phases::take();
        let (staging, files, last) = match built {
            Some(Ok(b)) => b,
            _ if cancel.stopped() => {
                self.report.info(crate::words::serve::superseded);
                return;
            }
            Some(Err(e)) => return self.apply(Pass::Errors(e)),
            None => return,
        };
        let retired = {
            let _publishing = self.publishing.lock().expect("publishing");
            if cancel.stopped() {
                self.report.info(crate::words::serve::superseded);
                return;
            }
            let fresh = staging.fresh();
            match staging.swap() {
                Ok(retired) => {
                    *self.last.lock().expect("last") = Some(Arc::new(last));
                    self.apply(Pass::Full { files, fresh });
                    retired
                }
                Err(e) => {
                    return self.apply(Pass::Errors(crate::words::build_folder::cannot_write(
                        &self.site.display().to_string(),
                        &e.to_string(),
                    )));
                }
            }
        };
        drop(retired);
        self.report.info(&crate::words::serve::full_rebuild_ms(t.elapsed().as_millis()));
    }

    /// After a change (the count `seen`): check, then the quick pass at once; `Some` corpus for
    /// the full rebuild, `None` when the data has errors or a newer change superseded this one
    /// (during the check, or the quick pass before it renders).
    fn update(&self, data: &Path, config: &Config, seen: u64) -> Option<crate::model::Corpus> {
        let t = Instant::now();
        let cancel = self.superseded_after(seen);
        let loaded = cancel.run(|| {
            // A check stopped half-way leaves what it keeps as it was: the lock is still good.
            let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
            crate::load_corpus_kept(data, &mut kept)
        })?;
        let corpus = match loaded {
            Ok(c) => c,
            Err(diags) => {
                self.apply(Pass::Errors(diagnostics(&diags, &project_root(config))));
                return None;
            }
        };
        let last = self.last.lock().expect("last").clone();
        if let Some(prev) = last {
            let mut kept = self.quick.lock().unwrap_or_else(|e| e.into_inner());
            // A newer save stops the pass before it renders: that save's pass shows both.
            let Some(quick) =
                cancel.run(|| incremental::quick_kept(&prev, &corpus, config, &mut kept))
            else {
                crate::phases::take();
                return None;
            };
            match quick {
                Ok(Some(q)) => {
                    let n = q.pages.len();
                    crate::phases::time("quick: write", || self.apply(Pass::Some(q.pages)));
                    self.report.info(&crate::words::serve::quick_pass(
                        q.changed,
                        n,
                        t.elapsed().as_millis(),
                    ));
                }
                Ok(None) => {}
                Err(e) => {
                    self.report.error(&crate::words::serve::quick_pass_failed(&e.to_string()))
                }
            }
        }
        let phases = crate::phases::take();
        if self.timings {
            self.report.info(&phase_line(&phases));
        }
        Some(corpus)
    }
}

/// The phases of a quick pass on one line: `quick phases: name wall/own CPU ms; …`.
fn phase_line(phases: &[crate::phases::Phase]) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let each: Vec<String> =
        phases.iter().map(|p| format!("{} {:.0}/{:.0}", p.name, ms(p.wall), ms(p.own))).collect();
    format!("quick phases (wall/own CPU ms): {}", each.join("; "))
}

/// The project's folder: that of `book.toml`, else the data folder's parent.
fn project_root(config: &Config) -> PathBuf {
    config
        .root
        .clone()
        .or_else(|| config.build.data_dir.parent().map(Path::to_path_buf))
        .unwrap_or_default()
}

/// The private folder that holds the served site (removed when `serve` stops, or by a later
/// `serve` if it was killed).
fn private_folder() -> std::io::Result<Scratch> {
    let temp = std::env::temp_dir();
    // Those of killed servers go on a thread of their own: a large site takes long to remove.
    let stale = temp.clone();
    std::thread::spawn(move || {
        crate::scratch::remove_stale(&stale, FOLDER_PREFIX, |p| {
            p.join("site").join(folder::MARKER).is_file()
                || std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_none())
        })
    });
    let folder = Scratch::register(temp.join(format!("{FOLDER_PREFIX}{}", std::process::id())));
    let _ = std::fs::remove_dir_all(folder.path());
    std::fs::create_dir(folder.path())?;
    Ok(folder)
}

/// Serve the site of `data` until the process is stopped; what happens is said to `report`.
pub fn serve(
    data: &Path,
    config: &Config,
    args: &ServeArgs,
    report: Arc<dyn Report>,
) -> Result<(), Error> {
    let listener = TcpListener::bind(("127.0.0.1", args.port))
        .map_err(|source| Error::Listen { port: args.port, source })?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let folder =
        private_folder().map_err(|source| Error::Folder { temp: std::env::temp_dir(), source })?;
    let live = Arc::new(Live {
        state: Arc::default(),
        clients: Arc::default(),
        site: folder.path().join("site"),
        publishing: Mutex::new(()),
        saves: Arc::default(),
        last: Mutex::new(None),
        report: report.clone(),
        timings: args.timings,
        kept: Mutex::default(),
        quick: Mutex::default(),
    });
    let mut config = config.clone();
    config.build.data_dir = data.to_path_buf();
    let start = live.update(data, &config, 0);
    if let Some(corpus) = &start {
        live.rebuild(corpus, &config, 0);
    }

    let (tx, rx) = mpsc::channel();
    let saves = live.saves.clone();
    let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        if e.is_ok_and(|e| !e.kind.is_access()) {
            saves.fetch_add(1, Ordering::SeqCst);
            let _ = tx.send(());
        }
    })
    .map_err(|source| Error::Watch { path: None, source })?;
    let mut watched: Vec<PathBuf> = vec![data.to_path_buf()];
    watched.extend(config.output.html.theme.clone().filter(|t| t.is_dir()));
    for w in &watched {
        watcher
            .watch(w, RecursiveMode::Recursive)
            .map_err(|source| Error::Watch { path: Some(w.clone()), source })?;
    }
    // The full rebuilds run on a thread of their own, the newest corpus first; the checks and
    // quick passes on another, with a pool of their own, so that a save is shown while an older
    // rebuild is still stopping.
    let (full_tx, full_rx) = mpsc::channel::<(crate::model::Corpus, u64)>();
    {
        let (live, config) = (live.clone(), config.clone());
        std::thread::spawn(move || {
            while let Ok(mut job) = full_rx.recv() {
                while let Ok(newer) = full_rx.try_recv() {
                    job = newer;
                }
                live.rebuild(&job.0, &config, job.1);
            }
        });
    }
    {
        let (live, data, config) = (live.clone(), data.to_path_buf(), config.clone());
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("serve-quick-{i}"))
            .build()
            .ok();
        std::thread::spawn(move || {
            // What the first quick pass would derive from the whole data, derived before the
            // first save: it only patches it.
            if let Some(corpus) = start {
                live.quick.lock().unwrap_or_else(|e| e.into_inner()).prime(&corpus);
            }
            while rx.recv().is_ok() {
                // An editor's save is several events: wait for quiet, then check once.
                while rx.recv_timeout(Duration::from_millis(50)).is_ok() {}
                let seen = live.saves.load(Ordering::SeqCst);
                let update = || live.update(&data, &config, seen);
                let corpus = match &pool {
                    Some(pool) => pool.install(update),
                    None => update(),
                };
                if let Some(corpus) = corpus
                    && full_tx.send((corpus, seen)).is_err()
                {
                    break;
                }
            }
        });
    }

    let url = format!("http://127.0.0.1:{port}/");
    report.info(&crate::words::serve::serving(
        &url,
        &watched.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
    ));
    if args.open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    let review = Arc::new((data.to_path_buf(), config.clone())); // #26
    let open = Arc::new(AtomicUsize::new(0));
    for mut stream in listener.incoming().flatten() {
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = stream.write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n");
            continue;
        }
        open.fetch_add(1, Ordering::SeqCst);
        let (live, open, review) = (live.clone(), open.clone(), review.clone());
        std::thread::spawn(move || {
            handle(stream, &live.state, &live.clients, &live.site, port, &review);
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
    drop(folder);
    Ok(())
}

/// The request's head, whole (up to the blank line), read within [`HEAD_DEADLINE`] however
/// slowly the client sends it; `None` when it does not arrive in time or is too long. Only
/// peeked: a WebSocket handshake reads it again.
fn peek_head(stream: &TcpStream) -> Option<(String, usize)> {
    let started = Instant::now();
    let mut head = vec![0u8; 16 * 1024];
    loop {
        let left = HEAD_DEADLINE.checked_sub(started.elapsed())?;
        stream.set_read_timeout(Some(left.max(Duration::from_millis(1)))).ok()?;
        let n = stream.peek(&mut head).ok()?;
        if head[..n].windows(4).any(|w| w == b"\r\n\r\n")
            || head[..n].windows(2).any(|w| w == b"\n\n")
        {
            return Some((String::from_utf8_lossy(&head[..n]).into_owned(), n));
        }
        if n == 0 || n == head.len() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A header's value in a request head (the first, names compared without case).
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// Is `host` (`name[:port]`) a loopback name? Only those reach the server: a page of another
/// site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name.
fn loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(n, _)| n),
    };
    matches!(name.to_ascii_lowercase().as_str(), "127.0.0.1" | "localhost" | "::1")
}

/// Is `origin` the served origin (a loopback name, this port, over http)? A browser sends its
/// page's origin with every WebSocket handshake; a program that is not a browser sends none.
fn served_origin(origin: Option<&str>, port: u16) -> bool {
    let Some(origin) = origin else { return true };
    let Some(host) = origin.strip_prefix("http://") else { return false };
    loopback_host(host) && host.rsplit_once(':').is_some_and(|(_, p)| p == port.to_string())
}

fn handle(
    mut stream: TcpStream,
    state: &Shared,
    clients: &Clients,
    site: &Path,
    port: u16,
    review: &(PathBuf, Config),
) {
    let Some((head, len)) = peek_head(&stream) else { return };
    let target = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    // A refusal reads the head first: a socket closed with unread bytes is reset, and the client
    // would see no answer.
    let refuse = |mut stream: TcpStream, status: &str, text: &str| {
        let _ = stream.read_exact(&mut vec![0u8; len]);
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
            text.len()
        );
    };
    if !header(&head, "Host").is_some_and(loopback_host) {
        return refuse(stream, "421 Misdirected Request", crate::words::serve::not_loopback);
    }
    if target == "/__livereload" {
        if !served_origin(header(&head, "Origin"), port) {
            return refuse(stream, "403 Forbidden", crate::words::serve::other_origin);
        }
        if clients.lock().expect("clients").len() >= MAX_CLIENTS {
            return refuse(stream, "503 Service Unavailable", crate::words::serve::too_many);
        }
        let _ = stream.set_read_timeout(None);
        if let Ok(ws) = tungstenite::accept(stream) {
            let client = Client::start(ws);
            let hello = state.lock().expect("state").message();
            if client.0.try_send(hello).is_ok() {
                clients.lock().expect("clients").push(client);
            }
        }
        return;
    }
    // Consume the head that was peeked (a GET has no body).
    let mut buf = vec![0u8; len];
    let _ = stream.set_read_timeout(Some(HEAD_DEADLINE));
    if stream.read_exact(&mut buf).is_err() {
        return;
    }
    let path = decode(target.split(['?', '#']).next().unwrap_or("/"));
    // #26: the review of suggestions, POST only (super::review).
    if path == review::PATH {
        let r = review_request(&mut stream, &head, buf, review);
        let _ = write!(
            stream,
            "HTTP/1.1 {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            r.status,
            r.body.len()
        );
        let _ = stream.write_all(r.body.as_bytes());
        return;
    }
    let (status, kind, body) = respond(&path, state, site);
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

/// #26: read the form of a review request (at most 16 KiB) and hand it to [`review::post`].
fn review_request(
    stream: &mut TcpStream,
    head: &str,
    mut buf: Vec<u8>,
    review: &(PathBuf, Config),
) -> review::Reply {
    if !head.starts_with("POST ") {
        return review::Reply {
            status: "405 Method Not Allowed",
            body: json!({"ok": false, "message": crate::words::review::METHOD}).to_string(),
        };
    }
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4).unwrap_or(buf.len());
    let full_head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let length: usize = header(&full_head, "Content-Length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
        .min(16 * 1024);
    let mut chunk = [0u8; 1024];
    while buf.len() < split + length {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let body = String::from_utf8_lossy(&buf[split..buf.len().min(split + length)]).into_owned();
    review::post(&review.0, &review.1, &full_head, &body)
}

/// The answer to a GET of `path`: a file of the served site (read from `site`), the status, or
/// the site's page for a missing address.
fn respond(path: &str, state: &Shared, site: &Path) -> (&'static str, &'static str, Vec<u8>) {
    let (rel, build, not_found) = {
        let s = state.lock().expect("state");
        if path == "/__referentiel/status" {
            return ("200 OK", "application/json", s.message().into_bytes());
        }
        let mut rel = path.trim_start_matches('/').to_string();
        if rel.is_empty() || rel.ends_with('/') {
            rel.push_str("index.html");
        } else if !s.files.contains(&rel) && s.files.contains(&format!("{rel}/index.html")) {
            rel.push_str("/index.html");
        }
        // Only the site's own files are read: a path is looked up, never taken as it comes.
        let found = s.files.contains(&rel).then_some(rel);
        let not_found = crate::urls::not_found();
        (found, s.build, s.files.contains(&not_found).then_some(not_found))
    };
    let read = |rel: &str| std::fs::read(site.join(rel)).ok();
    match rel.as_deref().and_then(|r| Some((r, read(r)?))) {
        Some((rel, bytes)) if rel.ends_with(".html") => {
            ("200 OK", "text/html; charset=utf-8", inject(&bytes, build))
        }
        Some((rel, bytes)) => ("200 OK", content_type(rel), bytes),
        // The site's own page for a missing address; a bare one while the first build has none.
        None => match not_found.as_deref().and_then(read) {
            Some(page) => ("404 Not Found", "text/html; charset=utf-8", inject(&page, build)),
            None => {
                let title = crate::words::not_found::title;
                let page = format!(
                    "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>{title}</title><body><h1>{title}</h1><p>{}</p></body></html>",
                    crate::site::context::escape(path)
                );
                ("404 Not Found", "text/html; charset=utf-8", inject(page.as_bytes(), build))
            }
        },
    }
}

/// A served page: the built page with the reload script before `</body>`.
fn inject(html: &[u8], build: u64) -> Vec<u8> {
    let mut script = RELOAD.replace("BUILD", &build.to_string());
    let html = String::from_utf8_lossy(html);
    if html.contains("<div id=\"review\"") {
        script.push_str(&review::script()); // #26
    }
    match html.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &html[..i], &html[i..]).into_bytes(),
        None => format!("{html}{script}").into_bytes(),
    }
}

/// Reloads the page after a good build, shows the diagnostics while the data has errors. A script
/// of the page may hold the reload back by cancelling the `referentiel:reload` event (the review
/// does, until its answer has been read).
const RELOAD: &str = r#"<script>(function(){var built=BUILD;function overlay(text){var o=document.getElementById("referentiel-diagnostics");if(!text){if(o)o.remove();return}if(!o){o=document.createElement("div");o.id="referentiel-diagnostics";o.setAttribute("role","alert");o.style.cssText="position:fixed;inset:0;overflow:auto;z-index:99999;background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:14px/1.4 monospace";document.body.appendChild(o)}o.innerHTML="<p style='font:bold 16px sans-serif'>Les données ont des erreurs : la page montre la dernière version correcte.</p><pre style='white-space:pre-wrap'></pre>";o.querySelector("pre").textContent=text}function connect(){var ws=new WebSocket("ws://"+location.host+"/__livereload");ws.onmessage=function(m){var s=JSON.parse(m.data);overlay(s.errors);if(!s.errors&&s.build!==built){var here=decodeURIComponent(location.pathname).replace(/^\//,"");if(here===""||/\/$/.test(here))here+="index.html";if(!s.changed||s.changed.indexOf(here)>=0){if(window.dispatchEvent(new Event("referentiel:reload",{cancelable:true})))location.reload()}else built=s.build}};ws.onclose=function(){setTimeout(connect,1000)}}connect()})();</script>"#;

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "ttl" => "text/turtle; charset=utf-8",
        "tsv" => "text/tab-separated-values; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Percent-decoding of a request path.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_into_served_pages_before_the_body_ends() {
        let page = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", 3)).unwrap();
        assert!(page.contains("var built=3;"));
        assert!(page.ends_with("</script></body></html>"));
    }

    #[test]
    fn paths_are_percent_decoded() {
        assert_eq!(decode("/c/a%20b/%C3%A9.html"), "/c/a b/é.html");
        assert_eq!(decode("/100%"), "/100%");
    }
}

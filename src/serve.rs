//! `svdk serve`: a local preview that rebuilds after every edit and reloads the browser.
//!
//! The site is built into a temporary folder by a [`Session`] (so rebuilds reuse earlier
//! work, and swap the new site in atomically as `svdk build` does) and served from there. A
//! watcher rebuilds after changes to the site's sources; open pages hear about it through a
//! WebSocket and reload, or show an overlay listing every error while the last good site stays
//! served. A WebSocket does not count against the browser's six HTTP/1.1 connections per host,
//! so any number of preview tabs can stay open. The reload script is added to HTML responses on
//! the fly: the built files themselves are exactly what `svdk build` writes.
//!
//! Only requests for a loopback host name (`localhost`, `127.0.0.1`, `[::1]`, with the port)
//! are answered, so that a web page cannot read the preview through DNS rebinding, and the
//! WebSocket only opens to the preview's own pages. Ctrl+C, SIGTERM and SIGHUP remove the
//! temporary folder.

use std::collections::BTreeMap;
use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::{DebounceEventResult, new_debouncer, notify::RecursiveMode};
use percent_encoding::percent_decode_str;
use serde::Serialize;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};
use tungstenite::Message;
use tungstenite::protocol::{Role, WebSocket};

use crate::build::{Options, Report, Session};
use crate::diagnostics::{Diagnostics, Severity};
use crate::messages::Lang;
use crate::{config, load};

/// Where the preview's own endpoints live (outside any base path).
const PREFIX: &str = "/__svdk/";
const RELOAD_JS: &str = include_str!("serve_reload.js");

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// `--lang`: see [`Options::lang`].
    pub lang: Option<Lang>,
}

/// What open pages need to know: the build generation and the current errors.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct Status {
    generation: u64,
    /// The overlay's heading, in the site's language (empty without errors).
    title: String,
    errors: Vec<String>,
}

struct Shared {
    out: PathBuf,
    base_path: String,
    /// The port and address listened on, for the Host check.
    port: u16,
    bind: IpAddr,
    status: Mutex<Status>,
    changed: Condvar,
}

/// Runs the preview until the process is stopped.
pub fn serve(o: ServeOptions) -> Result<(), crate::messages::Message> {
    let root = o
        .root
        .canonicalize()
        .map_err(|e| crate::msg!(ServeNoRoot, path = o.root.display(), detail = e))?;
    let server = Server::http((o.bind, o.port)).map_err(|e| {
        crate::msg!(
            ServeCannotListen,
            addr = format!("{}:{}", o.bind, o.port),
            detail = e
        )
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| crate::msg!(ServeNoPort))?;
    let base_path = site_base_path(&root);
    let host = match o.bind {
        IpAddr::V6(a) => format!("[{a}]"),
        IpAddr::V4(a) => a.to_string(),
    };
    let tmp = tempfile::Builder::new()
        .prefix("svdk-serve-")
        .tempdir()
        .map_err(|e| crate::msg!(ServeNoTemp, detail = e))?;
    let out = tmp.path().join("site");
    // Ctrl+C, SIGTERM and SIGHUP end the process without running destructors: remove the
    // folder then (again if a rebuild was still writing into it).
    let tmp_path = tmp.path().to_path_buf();
    ctrlc::set_handler(move || {
        for _ in 0..20 {
            if fs::remove_dir_all(&tmp_path).is_ok() || !tmp_path.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        std::process::exit(0);
    })
    .map_err(|e| crate::msg!(ServeNoCtrlC, detail = e))?;
    let mut session = Session::new(Options {
        root: root.clone(),
        out: Some(out.clone()),
        base_url: Some(format!("http://{host}:{port}{base_path}")),
        drafts: o.drafts,
        strict: false,
        write: true,
        relative: false,
        lang: o.lang,
        progress: Default::default(),
    });
    let shared = Arc::new(Shared {
        out,
        base_path: base_path.clone(),
        port,
        bind: o.bind,
        status: Mutex::new(Status::default()),
        changed: Condvar::new(),
    });
    let watcher_shared = Arc::clone(&shared);
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(150), tx)
        .map_err(|e| crate::msg!(ServeCannotWatch, path = root.display(), detail = e))?;
    debouncer
        .watcher()
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|e| crate::msg!(ServeCannotWatch, path = root.display(), detail = e))?;
    // Watch and take the snapshot before the first build: an edit made while it runs, or
    // right after the URL is printed, is then seen as a change and rebuilt.
    let known = snapshot(&root);
    let lang = rebuild(&mut session, &shared, None);
    crate::say!(
        "svdk: {}",
        crate::msg!(
            ServeServing,
            root = root.display(),
            url = format!("http://{host}:{port}{base_path}")
        )
        .display(lang)
    );

    let watch_root = root.clone();
    std::thread::spawn(move || {
        // Reading files also raises events: rebuild only when a source's size or time changed.
        let mut known = known;
        for result in rx {
            let Ok(events) = result else {
                continue;
            };
            if !events.iter().any(|e| is_source(&watch_root, &e.path)) {
                continue;
            }
            let now = snapshot(&watch_root);
            let changed: Vec<PathBuf> = now
                .iter()
                .filter(|(p, v)| known.get(*p) != Some(*v))
                .map(|(p, _)| p.clone())
                .chain(known.keys().filter(|p| !now.contains_key(*p)).cloned())
                .collect();
            if !changed.is_empty() {
                known = now;
                rebuild(&mut session, &watcher_shared, Some(&changed));
            }
        }
    });

    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            let _ = handle(request, &shared);
        });
    }
    drop(debouncer);
    Ok(())
}

/// The base path of the site's `base_url`, or `/` when site.yaml cannot be read.
fn site_base_path(root: &Path) -> String {
    let diags = Diagnostics::new();
    load::read_optional(root, config::PATH, &diags)
        .and_then(|text| config::parse(&text, None, &diags))
        .map_or_else(|| "/".to_string(), |c| c.base_url.path)
}

/// Whether a changed path is one of the site's sources (not its output or editor litter).
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components();
    let first = match parts.next() {
        Some(Component::Normal(s)) => s.to_string_lossy().into_owned(),
        _ => return false,
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if load::is_ignored(&name) {
        return false;
    }
    first == config::PATH
        || matches!(
            first.as_str(),
            "content" | "data" | "static" | "themes" | "templates"
        )
}

/// Size and modification time of every source file, to tell real changes from reads.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    let mut files = BTreeMap::new();
    for dir in [
        "content",
        "data",
        "static",
        "themes",
        "templates",
        config::PATH,
    ] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if let Ok(meta) = entry.metadata()
                && meta.is_file()
                && !load::is_ignored(&entry.file_name().to_string_lossy())
            {
                files.insert(entry.into_path(), (meta.len(), meta.modified().ok()));
            }
        }
    }
    files
}

/// Builds again and tells the terminal and the open pages; returns the site's language.
fn rebuild(session: &mut Session, shared: &Shared, changed: Option<&[PathBuf]>) -> Lang {
    let report = match changed {
        Some(changed) => session.rebuild(changed),
        None => session.build(),
    };
    print_report(&report);
    let mut status = shared.status.lock().unwrap_or_else(|e| e.into_inner());
    status.errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.text(report.lang))
        .collect();
    status.title = match status.errors.len() {
        0 => String::new(),
        1 => crate::msg!(OverlayTitleOne).render(report.lang),
        n => crate::msg!(OverlayTitleMany, n = n).render(report.lang),
    };
    if report.ok {
        status.generation += 1;
    }
    shared.changed.notify_all();
    report.lang
}

fn print_report(report: &Report) {
    let lang = report.lang;
    for d in &report.diagnostics {
        crate::tell!("{}", d.display(lang));
    }
    if report.ok {
        let ms = format!("{:.0}", report.elapsed.as_secs_f64() * 1000.0);
        crate::say!(
            "svdk: {}",
            crate::msg!(ServeRebuilt, pages = report.pages, ms = ms).display(lang)
        );
    } else {
        crate::tell!(
            "svdk: {}",
            crate::msg!(ServeStillServing, errors = report.errors()).display(lang)
        );
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn handle(request: Request, shared: &Shared) -> io::Result<()> {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !host.is_some_and(|h| allowed_host(&h, shared.port, shared.bind)) {
        return request.respond(
            Response::from_string(
                "svdk serve answers only requests for localhost, 127.0.0.1 or [::1] with its \
                 port (protection against DNS rebinding)",
            )
            .with_status_code(403),
        );
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        return request.respond(Response::from_string("method not allowed").with_status_code(405));
    }
    // Repeated slashes are one: `//name` is the path /name, never a redirect to `//name/`,
    // which a browser would read as the host `name`.
    let path = collapse_slashes(request.url().split(['?', '#']).next().unwrap_or("/"));
    if let Some(endpoint) = path.strip_prefix(PREFIX) {
        return match endpoint {
            "reload.js" => request.respond(
                Response::from_string(RELOAD_JS)
                    .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
                    .with_header(header("Cache-Control", "no-cache")),
            ),
            "status" => {
                let status = shared
                    .status
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone();
                request.respond(
                    Response::from_string(serde_json::to_string(&status).unwrap_or_default())
                        .with_header(header("Content-Type", "application/json"))
                        .with_header(header("Cache-Control", "no-store")),
                )
            }
            "ws" => websocket(request, shared),
            _ => not_found(request, shared),
        };
    }
    let Some(rel) = path.strip_prefix(shared.base_path.as_str()) else {
        if path == "/" {
            return redirect(request, &shared.base_path);
        }
        return not_found(request, shared);
    };
    let Some(file) = resolve(&shared.out, rel) else {
        return not_found(request, shared);
    };
    if file.is_dir() {
        if !path.ends_with('/') {
            return redirect(request, &format!("{path}/"));
        }
        let index = file.join("index.html");
        if !index.is_file() {
            return not_found(request, shared);
        }
        return send_file(request, &index, 200);
    }
    send_file(request, &file, 200)
}

/// `path` with every run of slashes made one.
fn collapse_slashes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Whether a `Host` header (or the host of an `Origin`) names this server by a name no DNS
/// rebinding can take over: `localhost`, a loopback address, or — when the preview was bound
/// to another address on purpose — an IP address; with our port when a port is given.
fn allowed_host(host: &str, port: u16, bind: IpAddr) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let (name, given_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((addr, tail)) => (format!("[{addr}]"), tail.strip_prefix(':')),
            None => return false,
        },
        None => match host.split_once(':') {
            Some((n, p)) => (n.to_string(), Some(p)),
            None => (host.clone(), None),
        },
    };
    if given_port.is_some_and(|p| p.parse::<u16>() != Ok(port)) {
        return false;
    }
    if name == "localhost" {
        return true;
    }
    let ip: Option<IpAddr> = name
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok();
    match ip {
        Some(ip) => ip.is_loopback() || !bind.is_loopback(),
        None => false,
    }
}

/// Maps a URL path below the base path to a file inside `out`; `None` for anything that
/// would leave it (`..`, encoded or not, backslashes, NUL) or does not exist.
fn resolve(out: &Path, rel: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(rel).decode_utf8().ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut path = out.to_path_buf();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => path.push(s),
        }
    }
    let real = path.canonicalize().ok()?;
    let base = out.canonicalize().ok()?;
    real.starts_with(&base).then_some(real)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "eml" => "message/rfc822",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Sends a file with its content type and an ETag, answering `If-None-Match` with 304.
/// HTML gets the reload script; HEAD requests get the headers only (tiny_http drops the body).
fn send_file(request: Request, path: &Path, status: u16) -> io::Result<()> {
    let mut bytes = fs::read(path)?;
    let ctype = content_type(path);
    if ctype.starts_with("text/html") {
        bytes = inject_reload(bytes);
    }
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    let etag = format!("\"{:016x}\"", h.finish());
    let not_modified = status == 200
        && request.headers().iter().any(|hd| {
            hd.field.equiv("If-None-Match")
                && hd.value.as_str().split(',').any(|t| t.trim() == etag)
        });
    let response = if not_modified {
        Response::from_data(Vec::new()).with_status_code(304)
    } else {
        Response::from_data(bytes).with_status_code(status)
    };
    request.respond(
        response
            .with_header(header("Content-Type", ctype))
            .with_header(header("ETag", &etag))
            .with_header(header("Cache-Control", "no-cache")),
    )
}

fn inject_reload(html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{PREFIX}reload.js\" defer></script>");
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

fn redirect(request: Request, to: &str) -> io::Result<()> {
    // A path, never a host: `//x` and `/\x` would be read as one.
    let to = if to.starts_with("//") || to.starts_with("/\\") {
        "/"
    } else {
        to
    };
    request.respond(
        Response::from_string(format!("moved to {to}"))
            .with_status_code(StatusCode(301))
            .with_header(header("Location", to)),
    )
}

/// The site's own 404 page with status 404 (a plain text one when the site has none).
fn not_found(request: Request, shared: &Shared) -> io::Result<()> {
    let page = shared.out.join("404.html");
    if page.is_file() {
        return send_file(request, &page, 404);
    }
    request.respond(Response::from_string("404 niet gevonden").with_status_code(404))
}

/// The reload channel, a WebSocket: the status now, then after every rebuild; a ping every
/// 15 s notices closed tabs. Opened only from the preview's own pages (the `Origin` check).
fn websocket(request: Request, shared: &Shared) -> io::Result<()> {
    let value = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let origin_ok = value("Origin").is_none_or(|o| {
        o.strip_prefix("http://")
            .is_some_and(|h| allowed_host(h, shared.port, shared.bind))
    });
    if !origin_ok {
        return request.respond(
            Response::from_string("the preview's reload channel is for its own pages")
                .with_status_code(403),
        );
    }
    let key = value("Sec-WebSocket-Key");
    let upgrade = value("Upgrade").is_some_and(|u| u.eq_ignore_ascii_case("websocket"));
    let Some(key) = key.filter(|_| upgrade) else {
        return request
            .respond(Response::from_string("a WebSocket endpoint").with_status_code(426));
    };
    let response = Response::empty(StatusCode(101))
        .with_header(header("Upgrade", "websocket"))
        .with_header(header("Connection", "Upgrade"))
        .with_header(header(
            "Sec-WebSocket-Accept",
            &tungstenite::handshake::derive_accept_key(key.trim().as_bytes()),
        ));
    let stream = request.upgrade("websocket", response);
    let mut ws = WebSocket::from_raw_socket(stream, Role::Server, None);
    let mut last: Option<Status> = None;
    loop {
        let message = {
            let mut status = shared.status.lock().unwrap_or_else(|e| e.into_inner());
            if last.as_ref() == Some(&*status) {
                status = shared
                    .changed
                    .wait_timeout(status, Duration::from_secs(15))
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            if last.as_ref() == Some(&*status) {
                Message::Ping(Default::default())
            } else {
                last = Some(status.clone());
                Message::text(serde_json::to_string(&*status).unwrap_or_default())
            }
        };
        if ws.send(message).is_err() {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(out.join("a")).unwrap();
        fs::write(out.join("a/index.html"), "x").unwrap();
        fs::write(dir.path().join("geheim.txt"), "x").unwrap();
        assert!(resolve(&out, "a/index.html").is_some());
        assert!(resolve(&out, "a/").is_some());
        for bad in [
            "../geheim.txt",
            "%2e%2e/geheim.txt",
            "a/..%2f..%2fgeheim.txt",
            "a%5c..%5c..%5cgeheim.txt",
            "%00",
            "nope.html",
        ] {
            assert!(resolve(&out, bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn only_loopback_names_are_allowed_hosts() {
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        for ok in [
            "localhost:8",
            "LOCALHOST:8",
            "127.0.0.1:8",
            "[::1]:8",
            "localhost",
            "127.0.0.2:8",
        ] {
            assert!(allowed_host(ok, 8, lo), "{ok}");
        }
        for bad in [
            "evil.example:8",
            "localhost:9",
            "localhost.evil.example:8",
            "192.168.1.5:8",
            "[::1",
            "",
        ] {
            assert!(!allowed_host(bad, 8, lo), "{bad}");
        }
        // Bound to the network on purpose: IP addresses (no name to rebind) are allowed.
        let any: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(allowed_host("192.168.1.5:8", 8, any));
        assert!(!allowed_host("evil.example:8", 8, any));
    }

    #[test]
    fn repeated_slashes_are_one() {
        assert_eq!(collapse_slashes("//evil.example"), "/evil.example");
        assert_eq!(collapse_slashes("/a//b///"), "/a/b/");
        assert_eq!(collapse_slashes(""), "/");
    }

    #[test]
    fn sources_are_what_editors_change() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/a.md")));
        assert!(is_source(root, Path::new("/site/site.yaml")));
        assert!(is_source(
            root,
            Path::new("/site/themes/x/templates/base.html")
        ));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/content/.a.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/a.md~")));
        assert!(!is_source(root, Path::new("/elders/content/a.md")));
    }

    #[test]
    fn reload_script_goes_before_body_end() {
        let html = inject_reload(b"<html><body><p>x</p></body></html>".to_vec());
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><body><p>x</p><script src=\"/__svdk/reload.js\" defer></script></body></html>"
        );
    }
}

//! `svdk serve`: pages served with the right types and the site's 404, nothing outside the
//! output reachable, conditional GET and HEAD, the base path honoured, and a rebuild after an
//! edit — with the errors of a broken edit reported while the last good site stays served.

use crate::prelude::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
    _site: Site,
}

impl Drop for Server {
    fn drop(&mut self) {
        // Ctrl+C, as an editor stops it (it then removes its temporary folder); then for sure.
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `svdk serve --port 0` on a copy of the fixture and waits for its URL.
fn start(site: Site) -> Server {
    let (child, port) = spawn_serve(&site.root(), &[]);
    Server {
        child,
        port,
        _site: site,
    }
}

struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// A raw HTTP/1.1 request (the path is sent exactly as given, `..` and all).
fn request(port: u16, method: &str, path: &str, extra: &str) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{extra}\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Answer {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

fn get(port: u16, path: &str) -> Answer {
    request(port, "GET", path, "")
}

/// Polls `check` until it holds, for at most 15 s.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for: {what}");
}

#[test]
fn serves_pages_safely_with_types_404_and_conditional_get() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    let home = get(p, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.body
            .contains("<script src=\"/__svdk/reload.js\" defer></script></body>")
    );
    let css = get(p, "/css/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(
        css.header("Content-Type").as_deref(),
        Some("text/css; charset=utf-8")
    );
    assert!(
        get(p, "/sitemap.xml")
            .header("Content-Type")
            .unwrap()
            .starts_with("application/xml")
    );
    assert_eq!(get(p, "/__svdk/reload.js").status, 200);

    // Conditional GET and HEAD.
    let etag = home.header("ETag").expect("etag");
    let again = request(p, "GET", "/", &format!("If-None-Match: {etag}\r\n"));
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let head = request(p, "HEAD", "/", "");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    // A folder without its slash is redirected; a missing page gets the site's 404.
    let redirect = get(p, "/themas");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("Location").as_deref(), Some("/themas/"));
    let missing = get(p, "/bestaat-niet/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<h1"), "the site's own 404 page");

    // Nothing outside the served folder, however the path is written.
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/css/..%5c..%5csite.yaml",
        "/%00",
    ] {
        let a = get(p, path);
        assert_eq!(a.status, 404, "{path} must be refused");
        assert!(!a.body.contains("base_url"), "{path} leaked site.yaml");
    }
}

#[test]
fn honours_the_base_path() {
    let site = fixture_site("minimal");
    site.write(
        "site.yaml",
        "title: Minimale site\nbase_url: https://example.org/sub/\nlanguage: nl\n",
    );
    let server = start(site);
    let p = server.port;
    let root = get(p, "/");
    assert_eq!(root.status, 301);
    assert_eq!(root.header("Location").as_deref(), Some("/sub/"));
    let home = get(p, "/sub/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("href=\"/sub/css/style.css\""));
    assert_eq!(get(p, "/sub/css/style.css").status, 200);
    assert_eq!(get(p, "/css/style.css").status, 404);
}

#[test]
fn rebuilds_after_edits_and_reports_errors_while_serving_the_last_good_site() {
    let site = fixture_site("minimal");
    let page = site
        .root()
        .join("content/praktijkvoorbeelden/gezamenlijke-intake.md");
    let original = read(&page);
    let server = start(site);
    let p = server.port;
    let url = "/praktijkvoorbeelden/gezamenlijke-intake/";
    assert_eq!(get(p, url).status, 200);

    // An edit shows up.
    let edited = original.replacen("\n---\n", "\n---\n\nNieuwe zin uit de test.\n", 1);
    assert_ne!(edited, original);
    std::fs::write(&page, &edited).unwrap();
    eventually("the edited page", || {
        get(p, url).body.contains("Nieuwe zin uit de test.")
    });

    // A broken front matter: errors with their position, the last good page still served.
    let broken = edited.replacen("title:", "titel: [", 1);
    std::fs::write(&page, &broken).unwrap();
    eventually("the error in /__svdk/status", || {
        get(p, "/__svdk/status")
            .body
            .contains("content/praktijkvoorbeelden/gezamenlijke-intake.md:")
    });
    let status = get(p, "/__svdk/status").body;
    // In the site's language (Dutch by default), the overlay's heading too.
    assert!(status.contains(": fout: "), "{status}");
    assert!(!status.contains(": error: "), "{status}");
    assert!(
        status.contains("de site kon niet opnieuw gebouwd worden"),
        "{status}"
    );
    let still = get(p, url);
    assert_eq!(still.status, 200);
    assert!(still.body.contains("Nieuwe zin uit de test."));

    // Fixed again: no errors, the site is current.
    let fixed = edited.replace("Nieuwe zin uit de test.", "Hersteld.");
    std::fs::write(&page, fixed).unwrap();
    eventually("the fixed page", || get(p, url).body.contains("Hersteld."));
    assert!(get(p, "/__svdk/status").body.contains("\"errors\":[]"));
}

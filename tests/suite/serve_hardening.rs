//! `svdk serve` hardened (issue 9): SIGTERM and SIGHUP remove the temporary site like Ctrl+C;
//! only loopback host names are answered (DNS rebinding); `//name` is not redirected to another
//! host; the reload channel is a WebSocket (refused to other origins); 200 parallel requests and
//! a slow client do not block anyone.

use crate::prelude::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
    tmp: tempfile::TempDir,
    _site: Site,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `svdk serve --port 0` with its own TMPDIR, so that its temporary site can be seen.
fn start(site: Site) -> Server {
    let tmp = tempdir();
    let (child, port) = spawn_serve(&site.root(), &[("TMPDIR", tmp.path())]);
    Server {
        child,
        port,
        tmp,
        _site: site,
    }
}

fn entries(dir: &std::path::Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// Sends `raw` and returns (status, head, body).
fn exchange(port: u16, raw: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

fn get_with_host(port: u16, path: &str, host: &str) -> (u16, String, String) {
    exchange(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

fn stop_with(signal: &str) {
    let server = start(fixture_site("minimal"));
    assert!(
        !entries(server.tmp.path()).is_empty(),
        "the preview is built in TMPDIR"
    );
    Command::new("kill")
        .args([&format!("-{signal}"), &server.child.id().to_string()])
        .status()
        .unwrap();
    let mut server = server;
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.child.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "svdk serve did not stop on {signal}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        entries(server.tmp.path()),
        Vec::<PathBuf>::new(),
        "{signal} left the temporary site behind"
    );
}

#[test]
fn sigterm_removes_the_temporary_site() {
    stop_with("TERM");
}

#[test]
fn sighup_removes_the_temporary_site() {
    stop_with("HUP");
}

#[test]
fn only_loopback_host_names_are_answered() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    for host in [
        format!("localhost:{p}"),
        format!("127.0.0.1:{p}"),
        format!("[::1]:{p}"),
        "localhost".to_string(),
    ] {
        assert_eq!(get_with_host(p, "/", &host).0, 200, "Host: {host}");
    }
    for host in [
        format!("evil.example:{p}"),
        "evil.example".to_string(),
        format!("localhost.evil.example:{p}"),
        format!("127.0.0.1.nip.io:{p}"),
        format!("localhost:{}", p.wrapping_add(1)),
    ] {
        let (status, _, body) = get_with_host(p, "/", &host);
        assert!(
            status == 403 || status == 421,
            "Host: {host} got {status}: {body}"
        );
        assert!(!body.contains("<html"), "no page for Host: {host}");
    }
    // No Host header at all (HTTP/1.0 clients): refused too.
    let (status, _, _) = exchange(p, "GET / HTTP/1.0\r\n\r\n");
    assert!(status == 403 || status == 421 || status == 400, "{status}");
}

#[test]
fn a_double_slash_path_is_not_redirected_to_another_host() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    let host = format!("127.0.0.1:{p}");
    for path in [
        "//praktijkvoorbeelden",
        "//evil.example",
        "/\\evil.example",
        "///x",
    ] {
        let (status, head, _) = get_with_host(p, path, &host);
        let location = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .starts_with("location:")
                    .then(|| l[9..].trim().to_string())
            })
            .unwrap_or_default();
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\"),
            "{path} → {status} Location: {location}"
        );
    }
    // The folder is still found through a single slash.
    let (status, head, _) = get_with_host(p, "/praktijkvoorbeelden", &host);
    assert_eq!(status, 301);
    assert!(head.contains("Location: /praktijkvoorbeelden/"), "{head}");
}

fn websocket_handshake(port: u16, origin: &str) -> (u16, String) {
    let (status, head, _) = exchange(
        port,
        &format!(
            "GET /__svdk/ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
             Sec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n"
        ),
    );
    (status, head)
}

#[test]
fn the_reload_channel_is_a_websocket_for_the_preview_only() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    let mut s = TcpStream::connect(("127.0.0.1", p)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET /__svdk/ws HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nUpgrade: websocket\r\n\
         Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
         Sec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{p}\r\n\r\n"
    )
    .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        s.read_exact(&mut byte).unwrap();
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    assert!(
        head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
        "accept key of RFC 6455's example: {head}"
    );
    // The first message is the status: a text frame with the generation and the errors.
    let mut frame = [0u8; 2];
    s.read_exact(&mut frame).unwrap();
    assert_eq!(frame[0], 0x81, "a final text frame");
    let len = (frame[1] & 0x7f) as usize;
    assert!(len < 126);
    let mut payload = vec![0u8; len];
    s.read_exact(&mut payload).unwrap();
    let text = String::from_utf8(payload).unwrap();
    assert!(text.contains("\"generation\""), "{text}");
    // Another site's page may not open it.
    let (status, _) = websocket_handshake(p, "http://evil.example");
    assert_eq!(status, 403);
}

#[test]
fn two_hundred_parallel_requests_are_all_answered() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    let start = Instant::now();
    let threads: Vec<_> = (0..200)
        .map(|i| {
            std::thread::spawn(move || {
                let path = if i % 2 == 0 { "/" } else { "/css/style.css" };
                get_with_host(p, path, &format!("127.0.0.1:{p}")).0
            })
        })
        .collect();
    let statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_slow_client_does_not_block_others() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    // Several clients that send their request one byte every 100 ms.
    let slow: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(move || {
                let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n\r\n");
                let mut s = TcpStream::connect(("127.0.0.1", p)).unwrap();
                for b in request.as_bytes().iter().take(30) {
                    if s.write_all(&[*b]).is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..20 {
        let t = Instant::now();
        assert_eq!(get_with_host(p, "/", &format!("127.0.0.1:{p}")).0, 200);
        assert!(
            t.elapsed() < Duration::from_secs(1),
            "a request took {:?} while slow clients were connected",
            t.elapsed()
        );
    }
    for t in slow {
        t.join().unwrap();
    }
}

/// A browser opening a page opens several connections at once (the page, its styles and
/// scripts, the WebSocket, a spare one) and keeps them open. tiny_http 0.12's thread pool
/// queued such a burst for one idle thread, which then served the first connection for as long
/// as it stayed open: the others were never read and the page never finished loading (the
/// browser check `serve` timing out under load). Every connection of a burst is answered.
#[test]
fn connections_opened_together_and_kept_open_are_all_answered() {
    let server = start(fixture_site("minimal"));
    let p = server.port;
    let mut conns: Vec<TcpStream> = (0..30)
        .map(|_| TcpStream::connect(("127.0.0.1", p)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    for s in &mut conns {
        // Keep-alive (HTTP/1.1 without `Connection: close`), as a browser asks.
        write!(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n\r\n").unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut unanswered = 0;
    for s in &mut conns {
        let left = deadline.saturating_duration_since(Instant::now());
        s.set_read_timeout(Some(left.max(Duration::from_millis(50))))
            .unwrap();
        let mut head = [0u8; 12];
        match s.read_exact(&mut head) {
            Ok(()) if head.starts_with(b"HTTP/1.1 200") => {}
            _ => unanswered += 1,
        }
    }
    assert_eq!(
        unanswered, 0,
        "{unanswered} of 30 connections opened together were not answered in 10 s"
    );
}

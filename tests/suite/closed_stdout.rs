//! A closed standard output (`svdk build -q | head`, a CI log pipe that closes) must not make
//! svdk panic (exit 101): the build is done, only its summary cannot be shown.

use crate::prelude::*;
use std::io::Read;
use std::process::{Command, Stdio};

fn run_with_closed_stdout(args: &[String]) -> (Option<i32>, String) {
    let mut child = Command::new(svdk_bin())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `head` does after its lines.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code(), stderr)
}

#[test]
fn build_with_a_closed_stdout_does_not_panic() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    for flag in ["-q", "-v"] {
        let args: Vec<String> = [
            "build",
            flag,
            "--root",
            &path_str(&site.root()),
            "--out",
            &path_str(&out),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (code, stderr) = run_with_closed_stdout(&args);
        assert!(!stderr.contains("panicked"), "{flag}: {stderr}");
        assert_eq!(code, Some(0), "{flag}: {stderr}");
        assert!(out.join("index.html").is_file());
    }
    let (code, stderr) =
        run_with_closed_stdout(&["check".into(), "--root".into(), path_str(&site.root())]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0));
}

//! Kill test (issue 9, issue 16 item 6): builds killed with SIGKILL at random moments leave the
//! output folder either the previous or the new complete site — never a mix, never a truncated
//! file — and no garbage accumulates next to it.
//!
//! The site is the sample site with extra practices, so that a build takes long enough for the
//! kills to land in every stage, the write stage included. Two variants (A and B) differ in the
//! site title, which changes every page; the builds alternate between them.

use crate::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A tiny deterministic generator (xorshift), seeded from the clock and printed, so that a
/// failure can be replayed with `SVDK_KILL_SEED`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn set_variant(site: &Site, title: &str) {
    let path = site.root().join("site.yaml");
    let text = read(&path);
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let i = lines.iter().position(|l| l.starts_with("title:")).unwrap();
    lines[i] = format!("title: {title}");
    fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn build_args(site: &Site, out: &Path) -> Vec<String> {
    vec![
        "build".into(),
        "-q".into(),
        "--root".into(),
        path_str(&site.root()),
        "--out".into(),
        path_str(out),
    ]
}

/// Names next to the output (the site and the reference folders excluded).
fn garbage(parent: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "site" | "ref-a" | "ref-b" | "uit"))
        .filter(|n| !n.starts_with(".ref-"))
        .filter(|n| n != ".uit.svdk-work")
        .collect();
    names.sort();
    names
}

#[test]
fn killed_builds_leave_the_previous_or_the_new_site() {
    let site = sample_site();
    let practice = list_files(&site.root().join("content/praktijkvoorbeelden"))
        .into_iter()
        .next()
        .unwrap();
    let text = read(
        &site
            .root()
            .join("content/praktijkvoorbeelden")
            .join(&practice),
    );
    for i in 0..40 {
        site.write(
            &format!("content/praktijkvoorbeelden/kopie-{i}.md"),
            &text.replacen("title: \"", &format!("title: \"Kopie {i}: "), 1),
        );
    }
    // Reference trees, built in one go.
    let refs: BTreeMap<&str, _> = [("A", "ref-a"), ("B", "ref-b")]
        .into_iter()
        .map(|(v, dir)| {
            set_variant(&site, &format!("Samen voor de klant {v}"));
            let out = site.sibling(dir);
            build(&site.root(), &out, &["-q"]).assert_success();
            (v, snapshot(&out))
        })
        .collect();
    assert_ne!(refs["A"], refs["B"]);
    let out = site.sibling("uit");
    set_variant(&site, "Samen voor de klant A");
    let start = Instant::now();
    build(&site.root(), &out, &["-q"]).assert_success();
    let full = start.elapsed();
    let seed: u64 = std::env::var("SVDK_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("kill test: seed {seed} (SVDK_KILL_SEED), a full build takes {full:?}");
    let mut rng = Rng(seed);
    let kills = 20;
    let mut current = "A";
    let mut outcomes: BTreeMap<&str, usize> = BTreeMap::new();
    for round in 0..kills {
        let target = if current == "A" { "B" } else { "A" };
        set_variant(&site, &format!("Samen voor de klant {target}"));
        // Half the kills anywhere in the build, half in its last third (the write stage).
        let span = full.as_micros() as u64 * 12 / 10;
        let at = if round % 2 == 0 {
            rng.below(span)
        } else {
            span * 6 / 10 + rng.below(span * 4 / 10)
        };
        let mut child = Command::new(svdk_bin())
            .args(build_args(&site, &out))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(at));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let now = snapshot(&out);
        let which = if now == refs[current] {
            current
        } else if now == refs[target] {
            target
        } else {
            let d1 = snapshot_diff(&refs[current], &now);
            let d2 = snapshot_diff(&refs[target], &now);
            panic!(
                "round {round} (seed {seed}, killed after {at} µs, {status}): the output is \
                 neither the previous nor the new site\nagainst previous: {:?}\nagainst new: {:?}",
                &d1[..d1.len().min(10)],
                &d2[..d2.len().min(10)]
            );
        };
        *outcomes
            .entry(if which == target { "new" } else { "previous" })
            .or_default() += 1;
        current = which;
        let g = garbage(&site.dir);
        assert!(
            g.is_empty(),
            "round {round} (seed {seed}): left next to the output: {g:?}"
        );
    }
    eprintln!("kill test: outcomes {outcomes:?}");
    // A build after all that is complete and correct, and leaves nothing behind.
    let target = if current == "A" { "B" } else { "A" };
    set_variant(&site, &format!("Samen voor de klant {target}"));
    build(&site.root(), &out, &["-q"]).assert_success();
    assert_eq!(
        snapshot_diff(&refs[target], &snapshot(&out)),
        Vec::<String>::new()
    );
    set_variant(&site, &format!("Samen voor de klant {current}"));
    build(&site.root(), &out, &["-q"]).assert_success();
    assert_eq!(
        snapshot_diff(&refs[current], &snapshot(&out)),
        Vec::<String>::new()
    );
    assert_eq!(garbage(&site.dir), Vec::<String>::new());
}

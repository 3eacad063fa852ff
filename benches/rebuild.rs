//! Incremental rebuild benchmark for `svdk serve`: generates a synthetic site (default
//! N = 2000 praktijkvoorbeelden plus N/5 journal items), builds it once in a build session
//! (as the preview server does), then edits one praktijkvoorbeeld — its body, then its title —
//! and times each rebuild against a full build of the same site.
//!
//!     cargo bench --bench rebuild             # N = 2000
//!     cargo bench --bench rebuild -- 10000

#[path = "support/generate.rs"]
mod generate;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use svdk::build::{self, Options, Session};

/// The allocator of the `svdk` binary (src/main.rs), so that the times are those of `svdk serve`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn options(root: &Path, out: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        out: Some(out.to_path_buf()),
        base_url: None,
        drafts: false,
        strict: false,
        write: true,
        relative: false,
        lang: None,
        progress: Default::default(),
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench_mode = args.iter().any(|a| a == "--bench");
    let n = args
        .iter()
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(if bench_mode { 2000 } else { 100 });
    let runs = if bench_mode { 5 } else { 1 };
    let tmp = tempfile::Builder::new()
        .prefix("svdk-rebuild-")
        .tempdir()
        .unwrap();
    let root = tmp.path().join("site");
    generate::generate(&root, n);

    // Full builds (one-shot, as `svdk build`).
    let mut full = Vec::new();
    for r in 0..runs {
        let out = tmp.path().join(format!("full-{r}"));
        let t = Instant::now();
        let report = build::build(&options(&root, &out)).finish();
        full.push(t.elapsed());
        assert!(report.ok, "{:?}", report.diagnostics);
    }

    // A build session, as `svdk serve` keeps it.
    let mut session = Session::new(options(&root, &tmp.path().join("serve")));
    let t = Instant::now();
    let first = session.build();
    let first_time = t.elapsed();
    assert!(first.ok);
    let practice = fs::read_dir(root.join("content/praktijkvoorbeelden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let mut current = fs::read_to_string(&practice).unwrap();
    let mut body = Vec::new();
    let mut title = Vec::new();
    for r in 0..runs {
        // Its text only.
        current.push_str(&format!("\nBewerking {r}.\n"));
        fs::write(&practice, &current).unwrap();
        let t = Instant::now();
        let report = session.rebuild(std::slice::from_ref(&practice));
        assert!(report.ok);
        body.push(t.elapsed());
        if std::env::var_os("SVDK_TIMINGS").is_some() {
            eprintln!("text edit: {:?}", report.timings);
        }
        // Its title: it changes in every list the practice is in.
        current = current.replacen("title: \"", &format!("title: \"Bewerkt {r}: "), 1);
        fs::write(&practice, &current).unwrap();
        let t = Instant::now();
        assert!(session.rebuild(std::slice::from_ref(&practice)).ok);
        title.push(t.elapsed());
    }
    let full = median(full);
    let pct = |d: Duration| 100.0 * d.as_secs_f64() / full.as_secs_f64();
    println!(
        "svdk rebuild benchmark: N = {n} ({} pages), median of {runs} run(s)",
        first.pages
    );
    println!();
    println!("| build | time (ms) | % of full build |");
    println!("|---|--:|--:|");
    println!(
        "| full build (`svdk build`) | {:.1} | 100 |",
        full.as_secs_f64() * 1000.0
    );
    println!(
        "| first build of a session | {:.1} | {:.0} |",
        first_time.as_secs_f64() * 1000.0,
        pct(first_time)
    );
    let b = median(body);
    println!(
        "| rebuild after editing a practice's text | {:.1} | {:.1} |",
        b.as_secs_f64() * 1000.0,
        pct(b)
    );
    let t = median(title);
    println!(
        "| rebuild after editing a practice's title | {:.1} | {:.1} |",
        t.as_secs_f64() * 1000.0,
        pct(t)
    );
}

//! svdk next to Hugo and a bare floor, measured side by side in one run (issue 16).
//!
//!     python3 ../shared/bench/gen_corpus.py 10000 corpus/10000     # svdk/ and hugo/
//!     cargo bench --bench hugo -- corpus/10000                     # 5 runs of each
//!     cargo bench --bench hugo -- corpus/10000 --runs 3 --disk /var/tmp/out --tmpfs /dev/shm/out
//!     SVDK_BIN=path/to/svdk cargo bench --bench hugo -- corpus/10000   # another svdk binary
//!
//! For each scenario the tools run in turn (svdk, Hugo, floor, svdk, …) after one warm-up, and
//! the table gives medians and the ratios svdk ÷ Hugo and svdk ÷ floor:
//!
//! - **disk, edited**: a rebuild over the existing output (on disk) after one practice's text
//!   changed (a word appended in both corpora before each run);
//! - **disk, unchanged**: a rebuild over the existing output with nothing changed;
//! - **tmpfs**: a build into an empty folder on tmpfs (the compute part).
//!
//! The floor reads every Markdown file of the corpus, renders it with pulldown-cmark and writes
//! it inside a fixed HTML shell, on every core: what any generator must at least do. Peak memory
//! is the child's maximum resident set (`wait4`); output bytes and the largest HTML page are
//! counted after the tmpfs build. Hugo is `hugo` on the PATH (Debian's package); without it
//! the Hugo columns are left out. Run without `--bench` (`cargo test --benches`) it does nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;

#[derive(Clone, Copy, Default)]
struct Run {
    wall: Duration,
    cpu: Duration,
    rss_kib: u64,
}

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn wait(child: std::process::Child) -> (bool, Duration, u64) {
    #[repr(C)]
    #[derive(Default)]
    struct Rusage {
        utime: [i64; 2],
        stime: [i64; 2],
        maxrss: i64,
        rest: [i64; 13],
    }
    unsafe extern "C" {
        fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
    }
    let pid = child.id() as i32;
    let mut status = 0i32;
    let mut ru = Rusage::default();
    loop {
        // SAFETY: valid pointers to local, properly laid-out structs.
        if unsafe { wait4(pid, &mut status, 0, &mut ru) } == pid {
            break;
        }
        if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            panic!("wait4 failed");
        }
    }
    drop(child);
    let tv = |t: [i64; 2]| Duration::from_micros((t[0] * 1_000_000 + t[1]).max(0) as u64);
    let ok = status & 0x7f == 0 && (status >> 8) & 0xff == 0;
    (ok, tv(ru.utime) + tv(ru.stime), ru.maxrss.max(0) as u64)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn wait(mut child: std::process::Child) -> (bool, Duration, u64) {
    (
        child.wait().map(|s| s.success()).unwrap_or(false),
        Duration::ZERO,
        0,
    )
}

fn run(cmd: &mut Command) -> Run {
    let start = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start the generator");
    let (ok, cpu, rss_kib) = wait(child);
    let wall = start.elapsed();
    assert!(ok, "{cmd:?} failed");
    Run { wall, cpu, rss_kib }
}

/// The svdk binary: this package's, or `SVDK_BIN`.
fn svdk_bin() -> String {
    std::env::var("SVDK_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_svdk").to_string())
}

fn svdk(corpus: &Path, out: &Path) -> Run {
    run(Command::new(svdk_bin())
        .args(["build", "-q", "--root"])
        .arg(corpus.join("svdk"))
        .arg("--out")
        .arg(out))
}

fn hugo(corpus: &Path, out: &Path) -> Run {
    run(Command::new("hugo")
        .args(["--quiet", "-s"])
        .arg(corpus.join("hugo"))
        .arg("-d")
        .arg(out))
}

/// The floor: every Markdown file read, rendered and written in a fixed shell, on every core.
fn floor(corpus: &Path, out: &Path) -> Run {
    let start = Instant::now();
    let content = corpus.join("svdk/content");
    let files: Vec<PathBuf> = walk(&content)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.par_iter().for_each(|p| {
        let text = fs::read_to_string(p).expect("read");
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        let mut html = String::with_capacity(body.len() * 5 / 4 + 600);
        html.push_str("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Pagina</title><link rel=\"stylesheet\" href=\"/css/style.css\"></head><body><header><a href=\"/\">Samen voor de klant</a></header><main>\n");
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(body));
        html.push_str("</main><footer>Samen voor de klant</footer></body></html>\n");
        let rel = p.strip_prefix(&content).unwrap().with_extension("");
        let dir = out.join(rel);
        fs::create_dir_all(&dir).expect("mkdir");
        fs::write(dir.join("index.html"), html).expect("write");
    });
    Run {
        wall: start.elapsed(),
        ..Run::default()
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Bytes, files and the largest HTML page (size, path) of a built site.
fn output_stats(dir: &Path) -> (u64, usize, (u64, String)) {
    let mut bytes = 0;
    let mut n = 0;
    let mut largest = (0, String::new());
    for p in walk(dir) {
        let len = fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        bytes += len;
        n += 1;
        if p.extension().is_some_and(|e| e == "html") && len > largest.0 {
            largest = (len, p.strip_prefix(dir).unwrap().display().to_string());
        }
    }
    (bytes, n, largest)
}

/// Appends a word to the first practice of both corpora (an editor's edit).
fn edit(corpus: &Path, k: usize) {
    for flavour in ["svdk", "hugo"] {
        let dir = corpus.join(flavour).join("content/praktijkvoorbeelden");
        if let Some(p) = walk(&dir)
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        {
            let mut text = fs::read_to_string(&p).unwrap();
            text.push_str(&format!("\nBewerking {k}.\n"));
            fs::write(&p, text).unwrap();
        }
    }
}

fn median(mut v: Vec<Run>) -> Run {
    v.sort_by_key(|r| r.wall);
    let mut m = v[v.len() / 2];
    m.rss_kib = v.iter().map(|r| r.rss_kib).max().unwrap_or(0);
    m
}

type Tool = (&'static str, fn(&Path, &Path) -> Run);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let runs: usize = value("--runs").and_then(|v| v.parse().ok()).unwrap_or(5);
    let corpus = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--")
                && !matches!(
                    args.get(i.wrapping_sub(1)).map(String::as_str),
                    Some("--runs" | "--disk" | "--tmpfs")
                )
        })
        .map(|(_, a)| PathBuf::from(a))
        .expect("usage: cargo bench --bench hugo -- CORPUS [--runs 5] [--disk DIR] [--tmpfs DIR]");
    let source = fs::canonicalize(&corpus).expect("corpus folder");
    let pid = std::process::id();
    let disk = PathBuf::from(value("--disk").unwrap_or_else(|| format!("target/bench-hugo-{pid}")));
    // A copy of the corpus, which the edits change (the given one stays as it is).
    let corpus = disk.join("corpus");
    let _ = fs::remove_dir_all(&corpus);
    for p in walk(&source) {
        let to = corpus.join(p.strip_prefix(&source).unwrap());
        fs::create_dir_all(to.parent().unwrap()).expect("mkdir");
        fs::copy(&p, &to).expect("copy the corpus");
    }
    let corpus = fs::canonicalize(&corpus).unwrap();
    let tmpfs =
        PathBuf::from(value("--tmpfs").unwrap_or_else(|| format!("/dev/shm/svdk-bench-{pid}")));
    let has_hugo = Command::new("hugo")
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let mut tools: Vec<Tool> = vec![("svdk", svdk)];
    if has_hugo {
        tools.push(("Hugo", hugo));
    } else {
        eprintln!("hugo is not on the PATH (apt-get install hugo): svdk and the floor only");
    }
    tools.push(("floor", floor));
    println!(
        "svdk {} vs Hugo vs floor on {}: {runs} runs each, in turn, medians",
        svdk_bin(),
        corpus.display()
    );

    let mut table: Vec<(String, Vec<Run>)> = Vec::new();
    // 1 and 2: on disk, over the existing output.
    for (scenario, edited) in [("disk, edited", true), ("disk, unchanged", false)] {
        let mut per: Vec<Vec<Run>> = vec![Vec::new(); tools.len()];
        for (t, (_, f)) in tools.iter().enumerate() {
            f(&corpus, &disk.join(tools[t].0)); // warm-up: the output exists
        }
        for k in 0..runs {
            if edited {
                edit(&corpus, k);
            }
            for (t, (name, f)) in tools.iter().enumerate() {
                let r = f(&corpus, &disk.join(name));
                eprintln!(
                    "{scenario}: {name} run {}: {:.2}s",
                    k + 1,
                    r.wall.as_secs_f64()
                );
                per[t].push(r);
            }
        }
        for (t, v) in per.into_iter().enumerate() {
            table.push((format!("{scenario} | {}", tools[t].0), v));
        }
    }
    // 3: tmpfs, into an empty folder.
    let mut per: Vec<Vec<Run>> = vec![Vec::new(); tools.len()];
    for k in 0..=runs {
        for (t, (name, f)) in tools.iter().enumerate() {
            let out = tmpfs.join(name);
            let _ = fs::remove_dir_all(&out);
            let r = f(&corpus, &out);
            if k > 0 {
                eprintln!("tmpfs: {name} run {k}: {:.2}s", r.wall.as_secs_f64());
                per[t].push(r);
            }
        }
    }
    let stats: Vec<_> = tools
        .iter()
        .map(|(name, _)| output_stats(&tmpfs.join(name)))
        .collect();
    for (t, v) in per.into_iter().enumerate() {
        table.push((format!("tmpfs | {}", tools[t].0), v));
    }

    println!();
    println!("| scenario | tool | wall (median) | CPU | peak RSS | ÷ Hugo | ÷ floor |");
    println!("|---|---|--:|--:|--:|--:|--:|");
    let medians: Vec<(String, Run)> = table.into_iter().map(|(k, v)| (k, median(v))).collect();
    let find = |scenario: &str, tool: &str| {
        medians
            .iter()
            .find(|(k, _)| k == &format!("{scenario} | {tool}"))
            .map(|(_, r)| r.wall.as_secs_f64())
    };
    for (k, r) in &medians {
        let scenario = k.split(" | ").next().unwrap();
        let w = r.wall.as_secs_f64();
        let ratio = |other: Option<f64>| {
            other
                .filter(|o| *o > 0.0)
                .map_or("".into(), |o| format!("{:.2}", w / o))
        };
        println!(
            "| {k} | {w:.2} s | {:.2} s | {} | {} | {} |",
            r.cpu.as_secs_f64(),
            if r.rss_kib > 0 {
                format!("{} MiB", r.rss_kib / 1024)
            } else {
                "–".into()
            },
            ratio(find(scenario, "Hugo")),
            ratio(find(scenario, "floor")),
        );
    }
    println!();
    println!("| tool | output | files | largest HTML page |");
    println!("|---|--:|--:|---|");
    for ((name, _), (bytes, n, (big, path))) in tools.iter().zip(&stats) {
        println!(
            "| {name} | {:.1} MB | {n} | {path} {:.0} kB |",
            *bytes as f64 / 1e6,
            *big as f64 / 1e3
        );
    }
    let _ = fs::remove_dir_all(&tmpfs);
    let _ = fs::remove_dir_all(&disk);
}

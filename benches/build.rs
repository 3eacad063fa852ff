//! Build benchmark: generates a synthetic site of N praktijkvoorbeelden (and N/5 journal items)
//! and times `svdk build --root <dir> --quiet` as a child process.
//!
//!     cargo bench --bench build                # N = 1000
//!     cargo bench --bench build -- 1000 10000  # one row per N
//!     cargo bench --bench build -- --runs 5 1000
//!
//! Reports per N: pages written, min and median wall time over the runs, and the peak resident
//! set size of the child (from `wait4`'s rusage on Linux). Generation is deterministic.
//! When run without `--bench` (e.g. by `cargo test --benches`) it does one quick smoke run.

#[path = "support/generate.rs"]
mod generate;

use generate::generate;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Measurement {
    wall: Duration,
    /// peak resident set size in KiB, when the platform reports it
    max_rss_kib: Option<u64>,
}

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
mod sys {
    /// `struct rusage` on 64-bit Linux: two `timeval`s then 14 `long`s, `ru_maxrss` first (KiB).
    #[repr(C)]
    #[derive(Default)]
    pub(crate) struct Rusage {
        pub utime: [i64; 2],
        pub stime: [i64; 2],
        pub maxrss: i64,
        pub rest: [i64; 13],
    }

    unsafe extern "C" {
        pub(crate) fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
    }

    /// Waits for `pid`; returns (exit code or None when killed by a signal, peak RSS in KiB).
    pub(crate) fn wait(pid: u32) -> (Option<i32>, u64) {
        let mut status = 0i32;
        let mut ru = Rusage::default();
        loop {
            // SAFETY: valid pointers to local, properly laid-out structs.
            let r = unsafe { wait4(pid as i32, &mut status, 0, &mut ru) };
            if r == pid as i32 {
                break;
            }
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                panic!("wait4: {e}");
            }
        }
        let code = if status & 0x7f == 0 {
            Some((status >> 8) & 0xff)
        } else {
            None
        };
        (code, ru.maxrss.max(0) as u64)
    }
}

fn run_build(root: &Path, log: &Path) -> Measurement {
    let _ = fs::remove_dir_all(root.join("public"));
    let err = fs::File::create(log).unwrap();
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_svdk"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--quiet")
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(err))
        .spawn()
        .expect("cannot start svdk");

    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    let (code, rss) = {
        // The child is reaped by wait4 (which also gives its own rusage); `child` is not waited on.
        let (code, rss) = sys::wait(child.id());
        drop(child);
        (code, Some(rss))
    };
    #[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
    let (code, rss) = {
        let mut child = child;
        (child.wait().expect("wait").code(), None)
    };
    let wall = start.elapsed();
    if code != Some(0) {
        let stderr = fs::read_to_string(log).unwrap_or_default();
        let head: String = stderr.lines().take(40).collect::<Vec<_>>().join("\n");
        eprintln!(
            "svdk build failed (exit {code:?}) on {}:\n{head}",
            root.display()
        );
        std::process::exit(1);
    }
    Measurement {
        wall,
        max_rss_kib: rss,
    }
}

fn count_pages(dir: &Path) -> usize {
    let mut n = 0;
    if let Ok(rd) = fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                n += count_pages(&p);
            } else if p.file_name().is_some_and(|f| f == "index.html") {
                n += 1;
            }
        }
    }
    n
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench_mode = args.iter().any(|a| a == "--bench");
    let mut runs = if bench_mode { 3 } else { 1 };
    let mut sizes: Vec<usize> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--runs" {
            runs = it.next().and_then(|v| v.parse().ok()).expect("--runs N");
        } else if a == "--generate" {
            it.next();
        } else if let Ok(n) = a.replace('_', "").parse::<usize>() {
            sizes.push(n);
        }
    }
    if sizes.is_empty() {
        sizes.push(if bench_mode { 1000 } else { 50 });
    }
    let runs = runs.max(1);
    // `--generate DIR`: only write the synthetic site of the first size into DIR (to try
    // `svdk serve` or profile a build by hand).
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let dir = Path::new(args.get(i + 1).expect("--generate DIR"));
        let n = sizes[0];
        let g = generate(dir, n);
        eprintln!("N={n}: generated {} files in {}", g.files, dir.display());
        return;
    }

    println!(
        "svdk build benchmark: {} run(s) per size, binary {}",
        runs,
        env!("CARGO_BIN_EXE_svdk")
    );
    let mut rows = Vec::new();
    for &n in &sizes {
        let tmp = tempfile::Builder::new()
            .prefix("svdk-bench-")
            .tempdir()
            .expect("tempdir");
        let root = tmp.path().join("site");
        let t0 = Instant::now();
        let g = generate(&root, n);
        let gen_time = t0.elapsed();
        eprintln!(
            "N={n}: generated {} files, {:.1} MiB in {:.2}s",
            g.files,
            g.bytes as f64 / (1024.0 * 1024.0),
            gen_time.as_secs_f64()
        );
        let log = tmp.path().join("stderr.log");
        let mut ms = Vec::new();
        for r in 0..runs {
            let m = run_build(&root, &log);
            eprintln!("N={n}: run {}: {:.3}s", r + 1, m.wall.as_secs_f64());
            ms.push(m);
        }
        let pages = count_pages(&root.join("public"));
        let mut walls: Vec<Duration> = ms.iter().map(|m| m.wall).collect();
        walls.sort();
        let min = walls[0];
        let median = walls[walls.len() / 2];
        let rss = ms.iter().filter_map(|m| m.max_rss_kib).max();
        rows.push((n, g.files, pages, min, median, rss));
    }

    println!();
    println!(
        "| N | input files | pages written | min (s) | median (s) | peak RSS (MiB) | pages/s (median) |"
    );
    println!("|--:|--:|--:|--:|--:|--:|--:|");
    for (n, files, pages, min, median, rss) in rows {
        let rss = rss
            .map(|k| format!("{:.1}", k as f64 / 1024.0))
            .unwrap_or_else(|| "n/a".into());
        println!(
            "| {n} | {files} | {pages} | {:.3} | {:.3} | {rss} | {:.0} |",
            min.as_secs_f64(),
            median.as_secs_f64(),
            pages as f64 / median.as_secs_f64().max(1e-9)
        );
    }
}

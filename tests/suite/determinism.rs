//! Same input → byte-identical output.

use crate::prelude::*;
use std::path::Path;

fn compare(a: &Path, b: &Path) {
    let fa = list_files(a);
    let fb = list_files(b);
    assert!(!fa.is_empty(), "first build wrote nothing");
    let only_a: Vec<_> = fa.difference(&fb).collect();
    let only_b: Vec<_> = fb.difference(&fa).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "file lists differ: only in first {only_a:?}, only in second {only_b:?}"
    );
    let mut differ = Vec::new();
    for f in &fa {
        let x = std::fs::read(a.join(f)).unwrap();
        let y = std::fs::read(b.join(f)).unwrap();
        if x != y {
            let at = x
                .iter()
                .zip(&y)
                .position(|(p, q)| p != q)
                .unwrap_or(x.len().min(y.len()));
            let lo = at.saturating_sub(40);
            differ.push(format!(
                "{f} (first difference at byte {at}):\n    first:  {:?}\n    second: {:?}",
                String::from_utf8_lossy(&x[lo..(at + 40).min(x.len())]),
                String::from_utf8_lossy(&y[lo..(at + 40).min(y.len())]),
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} files differ:\n  {}",
        differ.len(),
        fa.len(),
        differ.join("\n  ")
    );
}

#[test]
fn two_builds_of_the_sample_site_are_identical() {
    let site = sample_site();
    let a = site.sibling("out-a");
    let b = site.sibling("out-b");
    build(&site.root(), &a, &[]).assert_success();
    build(&site.root(), &b, &[]).assert_success();
    compare(&a, &b);
}

#[test]
fn output_does_not_depend_on_site_location_or_thread_count() {
    // A second copy of the site in another directory (other path, other directory order on
    // disk), built with a single worker thread, must give the same bytes.
    let one = sample_site();
    let two = sample_site();
    let a = one.sibling("out");
    let b = two.sibling("elsewhere/out");
    build(&one.root(), &a, &[]).assert_success();
    std::fs::create_dir_all(two.sibling("elsewhere")).unwrap();
    let run = svdk_env(
        &two.dir,
        &[
            "build",
            "--root",
            &path_str(&two.root()),
            "--out",
            &path_str(&b),
        ],
        &[("RAYON_NUM_THREADS", "1")],
    );
    run.assert_success();
    compare(&a, &b);
}

#[test]
fn fixture_builds_are_identical() {
    for fixture in ["links", "escaping", "drafts"] {
        let site = fixture_site(fixture);
        let a = site.sibling("out-a");
        let b = site.sibling("out-b");
        build(&site.root(), &a, &["--drafts"]).assert_success();
        build(&site.root(), &b, &["--drafts"]).assert_success();
        compare(&a, &b);
    }
}

//! Command-line behaviour around the output directory (on the `minimal` fixture).

use crate::prelude::*;
use std::fs;

#[test]
fn default_out_is_public_in_the_root() {
    let site = fixture_site("minimal");
    let run = svdk(&site.root(), &["build"]);
    run.assert_success();
    assert!(
        site.root().join("public/index.html").is_file(),
        "`svdk build` in the site should write public/index.html"
    );
    assert!(
        run.stdout.lines().any(|l| l.starts_with("svdk:")),
        "expected a one-line summary starting 'svdk:' on stdout\n{}",
        run.describe()
    );
}

#[test]
fn root_flag_and_default_out() {
    let site = fixture_site("minimal");
    let run = svdk(&site.dir, &["build", "--root", "site"]);
    run.assert_success();
    assert!(
        site.root().join("public/index.html").is_file(),
        "--root site should write site/public/"
    );
    assert!(
        !site.dir.join("public").exists(),
        "output written relative to the cwd instead of the root"
    );
}

#[test]
fn successful_build_replaces_previous_output() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    // An earlier output of svdk (a folder it did not write is refused: tests/output_folder.rs),
    // with files changed and added by hand.
    build(&site.root(), &out, &[]).assert_success();
    fs::create_dir_all(out.join("oud")).unwrap();
    fs::write(out.join("oud/stale.html"), "stale").unwrap();
    fs::remove_file(out.join("index.html")).unwrap();
    fs::write(out.join("index.html"), "stale home").unwrap();
    site.write("content/over.md", "---\ntitle: Over\n---\nNieuw.\n");
    build(&site.root(), &out, &[]).assert_success();
    assert!(
        !out.join("oud/stale.html").exists(),
        "stale file from the previous build survived"
    );
    assert_ne!(read(&out.join("index.html")), "stale home");
    // nothing left next to the output dir but the site, the output and its work copy
    let mut entries: Vec<String> = fs::read_dir(&site.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        vec![
            ".public.svdk-work".to_string(),
            "public".to_string(),
            "site".to_string()
        ],
        "temporary dirs left behind"
    );
}

#[test]
fn quiet_build_prints_nothing_but_the_summary() {
    let site = fixture_site("minimal");
    let out = site.sibling("out");
    let run = build(&site.root(), &out, &["--quiet"]);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        run.stderr.trim().is_empty() && lines.len() == 1 && lines[0].starts_with("svdk: built "),
        "--quiet build without warnings should print only the summary line\n{}",
        run.describe()
    );
    assert!(out.join("index.html").is_file());
}

#[test]
fn static_files_are_copied_as_is() {
    let site = fixture_site("minimal");
    let bytes: Vec<u8> = (0..=255u8).collect();
    fs::create_dir_all(site.root().join("static/docs")).unwrap();
    fs::write(site.root().join("static/docs/kader.pdf"), &bytes).unwrap();
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    assert_eq!(
        fs::read(out.join("docs/kader.pdf")).unwrap(),
        bytes,
        "static file not copied byte for byte"
    );
    assert!(
        out.join("css/style.css").is_file(),
        "theme CSS missing at /css/style.css"
    );
}

#[test]
fn data_only_site_builds() {
    // A data-only site (no content/ at all) still builds.
    let site = fixture_site("minimal");
    fs::remove_dir_all(site.root().join("content")).unwrap();
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    assert!(out.join("werkpleinen/den-bosch/index.html").is_file());
    assert!(out.join("index.html").is_file());
}

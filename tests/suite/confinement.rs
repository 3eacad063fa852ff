//! Nothing from outside the site folder is read or published (issue 9): symlinks in static/,
//! content/ or data/ that point outside the site, and a theme outside themes/, are errors that
//! name the file; symlinks that stay inside the site work.

use crate::prelude::*;
use std::fs;
use std::os::unix::fs::symlink;

fn output_contains(out: &std::path::Path, needle: &str) -> bool {
    list_files(out)
        .into_iter()
        .any(|f| String::from_utf8_lossy(&fs::read(out.join(&f)).unwrap()).contains(needle))
}

#[test]
fn a_symlink_in_static_to_outside_the_site_is_an_error() {
    let site = fixture_site("minimal");
    let secret = site.sibling("geheim.txt");
    fs::write(&secret, "SVDK_GEHEIM=hunter2").unwrap();
    fs::create_dir_all(site.root().join("static")).unwrap();
    symlink(&secret, site.root().join("static/env.txt")).unwrap();
    symlink("/proc/self/environ", site.root().join("static/environ")).unwrap();
    let out = site.sibling("public");
    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    let errors = run.errors();
    for name in ["static/env.txt", "static/environ"] {
        assert!(
            errors
                .iter()
                .any(|d| d.path == name && d.message.contains("outside the site folder")),
            "no error for {name}\n{}",
            run.describe()
        );
    }
    assert!(!out.exists() || !output_contains(&out, "hunter2"));
}

#[test]
fn a_symlinked_folder_to_outside_the_site_is_an_error() {
    let site = fixture_site("minimal");
    let elders = site.sibling("elders");
    fs::create_dir_all(&elders).unwrap();
    fs::write(
        elders.join("geheim.md"),
        "---\ntitle: Geheim\n---\nhunter2\n",
    )
    .unwrap();
    symlink(&elders, site.root().join("content/extra")).unwrap();
    let out = site.sibling("public");
    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    assert!(
        run.errors()
            .iter()
            .any(|d| d.path == "content/extra" && d.message.contains("outside the site folder")),
        "{}",
        run.describe()
    );
    assert!(!out.exists());
}

#[test]
fn a_content_file_symlinked_to_outside_is_an_error() {
    let site = fixture_site("minimal");
    let secret = site.sibling("geheim.md");
    fs::write(&secret, "---\ntitle: Geheim\n---\nhunter2\n").unwrap();
    symlink(&secret, site.root().join("content/geheim.md")).unwrap();
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    assert!(
        run.errors()
            .iter()
            .any(|d| d.path == "content/geheim.md" && d.message.contains("outside the site folder")),
        "{}",
        run.describe()
    );
}

#[test]
fn a_data_file_symlinked_to_outside_is_an_error() {
    let site = fixture_site("minimal");
    let moved = site.sibling("werkpleinen.yaml");
    fs::rename(site.root().join("data/werkpleinen.yaml"), &moved).unwrap();
    symlink(&moved, site.root().join("data/werkpleinen.yaml")).unwrap();
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    assert!(
        run.errors()
            .iter()
            .any(|d| d.path == "data/werkpleinen.yaml"
                && d.message.contains("outside the site folder")),
        "{}",
        run.describe()
    );
}

#[test]
fn a_theme_outside_the_site_is_an_error() {
    let site = fixture_site("minimal");
    let elders = site.sibling("elders");
    fs::create_dir_all(elders.join("templates")).unwrap();
    fs::create_dir_all(elders.join("static")).unwrap();
    fs::write(elders.join("static/geheim.txt"), "hunter2").unwrap();
    let yaml = read(&site.root().join("site.yaml"));
    site.write("site.yaml", &format!("{yaml}\ntheme: ../../elders\n"));
    let out = site.sibling("public");
    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    assert!(
        run.errors()
            .iter()
            .any(|d| d.path == "site.yaml" && d.message.contains("outside the site folder")),
        "{}",
        run.describe()
    );
    assert!(!out.exists());
}

#[test]
fn symlinks_that_stay_inside_the_site_work() {
    let site = fixture_site("minimal");
    site.write(
        "assets/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    fs::create_dir_all(site.root().join("static")).unwrap();
    symlink("../assets/logo.svg", site.root().join("static/logo.svg")).unwrap();
    symlink(site.root().join("assets"), site.root().join("static/beeld")).unwrap();
    let out = site.sibling("public");
    build(&site.root(), &out, &[]).assert_success();
    assert!(read(&out.join("logo.svg")).starts_with("<svg"));
    assert!(read(&out.join("beeld/logo.svg")).starts_with("<svg"));
}

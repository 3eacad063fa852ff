//! The output folder (issue 9): svdk refuses a folder that is not its own output, never deletes
//! or renames what it did not create, cleans up after killed builds, and rewrites only what
//! changed.

use crate::prelude::*;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The names next to `out` (in its parent folder), sorted.
fn siblings(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "site")
        .collect();
    names.sort();
    names
}

#[test]
fn refuses_a_folder_that_is_not_an_svdk_output() {
    let site = fixture_site("minimal");
    let out = site.sibling("mijn-map");
    fs::create_dir_all(out.join("foto's")).unwrap();
    fs::write(out.join("notities.txt"), "niet weggooien").unwrap();
    fs::write(out.join("foto's/vakantie.jpg"), "jpg").unwrap();
    let before = snapshot(&out);
    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    assert!(
        run.stderr.contains("mijn-map") && run.stderr.contains("not an svdk output"),
        "the error names the folder and says why\n{}",
        run.describe()
    );
    assert_eq!(
        snapshot_diff(&before, &snapshot(&out)),
        Vec::<String>::new()
    );
    assert_eq!(
        siblings(&out),
        vec!["mijn-map".to_string()],
        "nothing made next to it"
    );
}

#[test]
fn refuses_the_current_folder_as_out() {
    let site = fixture_site("minimal");
    let cwd = site.sibling("werkmap");
    fs::create_dir_all(&cwd).unwrap();
    fs::write(cwd.join("scriptie.docx"), "hoofdstuk 1").unwrap();
    let run = svdk(
        &cwd,
        &["build", "--root", &path_str(&site.root()), "--out", "."],
    );
    run.assert_exit(1);
    assert_eq!(read(&cwd.join("scriptie.docx")), "hoofdstuk 1");
    assert_eq!(siblings(&cwd), vec!["werkmap".to_string()]);
}

#[test]
fn a_file_as_out_is_refused() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    fs::write(&out, "een bestand").unwrap();
    build(&site.root(), &out, &[]).assert_exit(1);
    assert_eq!(read(&out), "een bestand");
}

#[test]
fn an_empty_folder_and_its_own_output_are_accepted() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    fs::create_dir_all(&out).unwrap();
    build(&site.root(), &out, &[]).assert_success();
    assert!(out.join("index.html").is_file());
    let marker = read(&out.join(".svdk-output"));
    assert!(marker.starts_with("svdk output folder"), "{marker}");
    assert!(
        marker.contains(" index.html\n"),
        "the marker lists the files"
    );
    // Its own output is replaced by the next build.
    site.write("content/over.md", "---\ntitle: Over\n---\nNieuw.\n");
    build(&site.root(), &out, &[]).assert_success();
    assert!(read(&out.join("over/index.html")).contains("Nieuw."));
}

#[test]
fn output_inside_a_source_folder_is_refused() {
    let site = fixture_site("minimal");
    let out = site.root().join("content/public");
    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    assert!(!out.exists());
}

#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    build(&site.root(), &out, &[]).assert_success();
    // What killed builds of this and the first edition leave behind, and folders of others.
    for stale in [
        ".public.svdk-new-4242",
        ".public.svdk-old-4243",
        ".public.svdk-prev",
    ] {
        fs::create_dir_all(site.sibling(stale).join("praktijkvoorbeelden")).unwrap();
        fs::write(site.sibling(stale).join("index.html"), "oud").unwrap();
    }
    for foreign in [".public.backup", ".public.svdk-new-mine", "public-oud"] {
        fs::create_dir_all(site.sibling(foreign)).unwrap();
        fs::write(site.sibling(foreign).join("x"), "van de gebruiker").unwrap();
    }
    build(&site.root(), &out, &[]).assert_success();
    let left = siblings(&out);
    for stale in [".public.svdk-new-4242", ".public.svdk-old-4243"] {
        assert!(!left.contains(&stale.to_string()), "{stale} left: {left:?}");
    }
    for foreign in [".public.backup", ".public.svdk-new-mine", "public-oud"] {
        assert_eq!(read(&site.sibling(foreign).join("x")), "van de gebruiker");
    }
}

/// (inode, mtime in ns) of every file of `out` (without the marker).
fn stamps(out: &Path) -> Vec<(String, u64, i64)> {
    list_files(out)
        .into_iter()
        .filter(|f| f != ".svdk-output")
        .map(|f| {
            let m = fs::metadata(out.join(&f)).unwrap();
            (f, m.ino(), m.mtime() * 1_000_000_000 + m.mtime_nsec())
        })
        .collect()
}

#[test]
fn rebuilds_rewrite_only_what_changed() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    build(&site.root(), &out, &[]).assert_success();
    let first = snapshot(&out);
    let first_stamps = stamps(&out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    // An unchanged rebuild writes nothing at all.
    build(&site.root(), &out, &[]).assert_success();
    assert_eq!(
        stamps(&out),
        first_stamps,
        "an unchanged rebuild wrote files"
    );
    assert_eq!(snapshot_diff(&first, &snapshot(&out)), Vec::<String>::new());
    // A changed page: the files that changed are new, the rest are the same inodes (the
    // work copy shares them), and the site equals a fresh build.
    let page = list_files(&site.root().join("content"))
        .into_iter()
        .find(|f| f.ends_with(".md") && !f.ends_with("_index.md"))
        .unwrap();
    let path = site.root().join("content").join(&page);
    let text = read(&path);
    fs::write(&path, format!("{text}\n\nEen extra alinea.\n")).unwrap();
    build(&site.root(), &out, &[]).assert_success();
    let after = stamps(&out);
    let same = after.iter().filter(|s| first_stamps.contains(s)).count();
    assert!(
        same * 10 >= after.len() * 5,
        "most files are kept as they were: {same} of {}",
        after.len()
    );
    let fresh = site.sibling("vers");
    build(&site.root(), &fresh, &[]).assert_success();
    assert_eq!(
        snapshot_diff(&snapshot(&fresh), &snapshot(&out)),
        Vec::<String>::new()
    );
    // And back: the work copy (the site before the change) is brought up to date correctly.
    fs::write(&path, &text).unwrap();
    build(&site.root(), &out, &[]).assert_success();
    assert_eq!(snapshot_diff(&first, &snapshot(&out)), Vec::<String>::new());
    let left = siblings(&out);
    assert!(
        left.iter().all(|n| n == "public"
            || n == "vers"
            || n.starts_with(".public.svdk-work")
            || n.starts_with(".vers.svdk-work")),
        "{left:?}"
    );
}

#[test]
fn an_error_leaves_the_output_and_its_work_copy_alone() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    build(&site.root(), &out, &[]).assert_success();
    site.write("content/over.md", "---\ntitle: Over\n---\nEen.\n");
    build(&site.root(), &out, &[]).assert_success();
    let before = snapshot(site.dir.as_path());
    site.write("site.yaml", "title: [kapot\n");
    build(&site.root(), &out, &[]).assert_exit(1);
    let after = snapshot(site.dir.as_path());
    let diff: Vec<String> = snapshot_diff(&before, &after)
        .into_iter()
        .filter(|d| !d.ends_with("site/site.yaml"))
        .collect();
    assert_eq!(diff, Vec::<String>::new());
}

/// Whether a build's summary says the output already held it.
fn was_skipped(run: &Run) -> bool {
    run.stdout.contains("nothing changed since it was built")
}

#[test]
fn an_unchanged_rebuild_stops_after_reading_and_any_change_builds_again() {
    let site = fixture_site("minimal");
    site.write("static/img/logo.svg", "<svg>1</svg>");
    let out = site.sibling("public");
    let first = build(&site.root(), &out, &[]);
    first.assert_success();
    assert!(!was_skipped(&first), "{}", first.describe());
    let built = snapshot(&out);
    let again = build(&site.root(), &out, &["-v"]);
    again.assert_success();
    assert!(was_skipped(&again), "{}", again.describe());
    assert!(
        again.stdout.contains("compare with the output") && !again.stdout.contains("render "),
        "{}",
        again.describe()
    );
    assert_eq!(snapshot_diff(&built, &snapshot(&out)), Vec::<String>::new());

    // A file removed from the output by hand is put back.
    fs::remove_file(out.join("themas/index.html")).unwrap();
    let repaired = build(&site.root(), &out, &[]);
    assert!(!was_skipped(&repaired), "{}", repaired.describe());
    assert_eq!(snapshot_diff(&built, &snapshot(&out)), Vec::<String>::new());

    // A static file changed in its bytes only (same size) is copied again.
    site.write("static/img/logo.svg", "<svg>2</svg>");
    let changed = build(&site.root(), &out, &[]);
    assert!(!was_skipped(&changed), "{}", changed.describe());
    assert_eq!(read(&out.join("img/logo.svg")), "<svg>2</svg>");
    assert!(was_skipped(&build(&site.root(), &out, &[])));

    // Another option that changes pages builds again.
    let drafts = build(&site.root(), &out, &["--drafts"]);
    assert!(!was_skipped(&drafts), "{}", drafts.describe());
    assert!(was_skipped(&build(&site.root(), &out, &["--drafts"])));
}

#[test]
fn a_build_with_warnings_is_never_skipped_so_its_warnings_are_shown_again() {
    let site = fixture_site("minimal");
    site.write("content/notities.txt", "geen Markdown");
    let out = site.sibling("public");
    for _ in 0..2 {
        let run = build(&site.root(), &out, &[]);
        run.assert_success();
        assert!(!was_skipped(&run), "{}", run.describe());
        assert_eq!(run.warnings().len(), 1, "{}", run.describe());
    }
}

//! A fixture site (`tests/fixtures/errors/`) with planted errors, each in a known file and line.
//! Every one must be reported in a single run, as `path:line:column: error: message`, the build
//! must exit 1, and a previous output directory must be left exactly as it was.

use crate::prelude::*;
use std::fs;

/// One planted error.
struct Planted {
    /// path relative to the site root
    paths: &'static [&'static str],
    /// the line the error is on; `None` when the problem has no line of its own (a missing field)
    line: Option<u32>,
    /// the message (or its hints) must contain at least one of these (lowercase)
    any_of: &'static [&'static str],
    /// a hint (or the message) must name this valid id, quoted: `'den-bosch'`
    hint: Option<&'static str>,
    what: &'static str,
}

const PLANTED: &[Planted] = &[
    Planted {
        paths: &["content/praktijkvoorbeelden/onbekend-werkplein.md"],
        line: Some(4),
        any_of: &["denbosch"],
        hint: Some("den-bosch"),
        what: "unknown werkplein in a praktijkvoorbeeld",
    },
    Planted {
        paths: &["content/praktijkvoorbeelden/onbekend-thema.md"],
        line: Some(5),
        any_of: &["zorgketen"],
        hint: None,
        what: "unknown thema id",
    },
    Planted {
        paths: &["data/werkpleinen.yaml"],
        line: Some(20),
        any_of: &["rijnmand"],
        hint: None,
        what: "unknown regio in data/werkpleinen.yaml",
    },
    Planted {
        paths: &["content/journaal/slechte-datum.md"],
        line: Some(3),
        any_of: &["date", "datum", "2009-13-45"],
        hint: None,
        what: "impossible date 2009-13-45",
    },
    Planted {
        paths: &["content/journaal/onbekende-soort.md"],
        line: Some(4),
        any_of: &["soort", "interview"],
        hint: None,
        what: "unknown soort",
    },
    Planted {
        paths: &[
            "content/praktijkvoorbeelden/dubbel-a.md",
            "content/praktijkvoorbeelden/dubbel-b.md",
        ],
        line: Some(3),
        any_of: &["slug", "dubbel-voorbeeld"],
        hint: None,
        what: "duplicate slug",
    },
    Planted {
        paths: &["content/praktijkvoorbeelden/verkeerd-type.md"],
        line: Some(5),
        any_of: &["themas", "invalid type", "expected"],
        hint: None,
        what: "`themas: 5` (wrong type)",
    },
    Planted {
        paths: &["content/kaderdocument/inleiding.md"],
        line: Some(4),
        any_of: &["draft", "maybe", "invalid type", "expected"],
        hint: None,
        what: "`draft: maybe` (wrong type)",
    },
    Planted {
        paths: &["content/praktijkvoorbeelden/yaml-fout.md"],
        line: Some(3),
        any_of: &[""],
        hint: None,
        what: "YAML syntax error in front matter (position translated to the file's lines)",
    },
    Planted {
        paths: &["content/themas/ouderen.md"],
        line: None,
        any_of: &["title"],
        hint: None,
        what: "missing title",
    },
    Planted {
        paths: &["content/over.md"],
        line: Some(7),
        any_of: &["bestaat-niet.md"],
        hint: None,
        what: "broken relative .md link",
    },
    Planted {
        paths: &["content/praktijkvoorbeelden/kapot-anker.md"],
        line: Some(25),
        any_of: &["bestaat-niet-anker"],
        hint: None,
        what: "broken #anchor (link on the 2nd line of a paragraph)",
    },
    Planted {
        paths: &["content/journaal/vraag.md"],
        line: Some(5),
        any_of: &["amsterdm"],
        hint: Some("amsterdam"),
        what: "vraag_van with unknown werkplein",
    },
];

/// Checks that every planted error is among the run's diagnostics; returns the problems found.
fn check_planted(run: &Run) -> Vec<String> {
    let errors = run.errors();
    let mut problems = Vec::new();
    for p in PLANTED {
        let in_file: Vec<&Diagnostic> = errors
            .iter()
            .filter(|d| p.paths.contains(&d.path.as_str()))
            .collect();
        if in_file.is_empty() {
            problems.push(format!(
                "{}: no error reported for {}",
                p.what,
                p.paths.join(" or ")
            ));
            continue;
        }
        let on_line: Vec<&Diagnostic> = in_file
            .iter()
            .copied()
            .filter(|d| p.line.is_none_or(|l| d.line == l))
            .collect();
        if on_line.is_empty() {
            problems.push(format!(
                "{}: expected an error at line {:?}, got: {:?}",
                p.what,
                p.line,
                in_file.iter().map(|d| &d.raw).collect::<Vec<_>>()
            ));
            continue;
        }
        let matching: Vec<&Diagnostic> = on_line
            .iter()
            .copied()
            .filter(|d| p.any_of.iter().any(|k| d.text_lower().contains(k)))
            .collect();
        if matching.is_empty() {
            problems.push(format!(
                "{}: message should mention one of {:?}, got: {:?}",
                p.what,
                p.any_of,
                on_line.iter().map(|d| &d.raw).collect::<Vec<_>>()
            ));
            continue;
        }
        if matching.iter().any(|d| d.column == 0) {
            problems.push(format!(
                "{}: column must be 1-based: {}",
                p.what, matching[0].raw
            ));
        }
        if let Some(h) = p.hint {
            let quoted = format!("'{h}'");
            if !matching
                .iter()
                .any(|d| d.hints.iter().any(|x| x.contains(&quoted)) || d.message.contains(&quoted))
            {
                problems.push(format!(
                    "{}: expected a hint naming {quoted} (e.g. `  = hint: did you mean {quoted}?`), got: {:?}",
                    p.what,
                    matching.iter().map(|d| (&d.raw, &d.hints)).collect::<Vec<_>>()
                ));
            }
        }
    }
    problems
}

fn assert_all_planted(run: &Run) {
    let problems = check_planted(run);
    assert!(
        problems.is_empty(),
        "{} of {} planted errors not reported as expected:\n  - {}\n\n{}",
        problems.len(),
        PLANTED.len(),
        problems.join("\n  - "),
        run.describe()
    );
}

fn assert_paths_relative(run: &Run) {
    for d in run.diagnostics() {
        assert!(
            !d.path.starts_with('/') && !d.path.contains('\\') && !d.path.starts_with("./"),
            "diagnostic path must be relative to the site root with '/' separators: {}",
            d.raw
        );
    }
}

#[test]
fn build_reports_every_planted_error_and_keeps_old_output() {
    let site = fixture_site("errors");
    let out = site.sibling("public");
    fs::create_dir_all(out.join("nested/deeper")).unwrap();
    fs::write(out.join("marker.txt"), "previous build\n").unwrap();
    fs::write(out.join("index.html"), "<p>old home</p>\n").unwrap();
    fs::write(out.join("nested/deeper/file.bin"), [0u8, 1, 2, 255, 254]).unwrap();
    let before_out = snapshot(&out);
    let before_site = snapshot(&site.root());

    let run = build(&site.root(), &out, &[]);
    run.assert_exit(1);
    assert_all_planted(&run);
    assert_paths_relative(&run);

    let diff = snapshot_diff(&before_out, &snapshot(&out));
    assert!(
        diff.is_empty(),
        "failed build changed the previous output dir: {diff:?}"
    );
    let diff = snapshot_diff(&before_site, &snapshot(&site.root()));
    assert!(
        diff.is_empty(),
        "failed build changed the site folder: {diff:?}"
    );
}

#[test]
fn failed_build_leaves_no_temporary_directory_behind() {
    let site = fixture_site("errors");
    let parent = site.sibling("deploy");
    let out = parent.join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("marker.txt"), "previous build\n").unwrap();
    let before = snapshot(&parent);
    build(&site.root(), &out, &[]).assert_exit(1);
    let diff = snapshot_diff(&before, &snapshot(&parent));
    assert!(
        diff.is_empty(),
        "failed build left files next to the output dir: {diff:?}"
    );
}

#[test]
fn failed_build_without_previous_output_creates_none() {
    let site = fixture_site("errors");
    let out = site.sibling("public");
    build(&site.root(), &out, &[]).assert_exit(1);
    assert!(
        !out.exists(),
        "a failed build must not create the output dir"
    );
}

#[test]
fn check_reports_the_same_errors_and_writes_nothing() {
    let site = fixture_site("errors");
    let before = snapshot(&site.dir);
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    assert_all_planted(&run);
    let diff = snapshot_diff(&before, &snapshot(&site.dir));
    assert!(diff.is_empty(), "`svdk check` wrote to disk: {diff:?}");
}

#[test]
fn diagnostics_are_reported_in_a_stable_order() {
    let site = fixture_site("errors");
    let a = check(&site.root(), &[]);
    let b = check(&site.root(), &[]);
    assert_eq!(
        a.stderr, b.stderr,
        "two runs on the same input printed different diagnostics"
    );
}

#[test]
fn warning_fails_only_with_strict() {
    // A praktijkvoorbeeld without its four parts is a warning: exit 0, but 1 with --strict.
    let site = fixture_site("minimal");
    site.write(
        "content/praktijkvoorbeelden/zonder-delen.md",
        "---\ntitle: Zonder delen\ndate: 2009-06-01\nwerkplein: den-bosch\n---\n\nAlleen wat tekst.\n",
    );
    let out = site.sibling("out");
    let run = build(&site.root(), &out, &[]);
    run.assert_success();
    let w = run.warnings();
    assert!(
        w.iter()
            .any(|d| d.path == "content/praktijkvoorbeelden/zonder-delen.md"),
        "expected a warning for the missing parts\n{}",
        run.describe()
    );
    assert!(
        out.join("praktijkvoorbeelden/zonder-delen/index.html")
            .is_file()
    );

    let out2 = site.sibling("out-strict");
    let strict = build(&site.root(), &out2, &["--strict"]);
    strict.assert_exit(1);
    assert!(!out2.exists(), "a --strict failure must not write output");
    let strict_check = check(&site.root(), &["--strict"]);
    strict_check.assert_exit(1);
}

#[test]
fn refuses_out_equal_to_root() {
    let site = fixture_site("minimal");
    let root = site.root();
    let before = snapshot(&site.dir);
    for out in [
        path_str(&root),
        format!("{}/", path_str(&root)),
        format!("{}/.", path_str(&root)),
    ] {
        let run = svdk(
            &site.dir,
            &["build", "--root", &path_str(&root), "--out", &out],
        );
        run.assert_exit(1);
        let diff = snapshot_diff(&before, &snapshot(&site.dir));
        assert!(
            diff.is_empty(),
            "--out {out}: refused build still wrote: {diff:?}"
        );
    }
    // Same with the default root and a relative out dir, run from inside the site.
    let run = svdk(&root, &["build", "--out", "."]);
    run.assert_exit(1);
    let diff = snapshot_diff(&before, &snapshot(&site.dir));
    assert!(
        diff.is_empty(),
        "--out . from the site root: refused build still wrote: {diff:?}"
    );
}

#[test]
fn refuses_out_that_contains_the_site() {
    // The folder that holds the site (or any folder above it) would be replaced by the output.
    let mut t = TestSite::fixture("minimal");
    let before = snapshot(&t.sibling(""));
    let parent = path_str(&t.sibling(""));
    let root = path_str(&t.root());
    for out in [parent.clone(), format!("{root}/..")] {
        t.svdk(&["build", "--root", &root, "--out", &out])
            .expect_exit(1)
            .expect_stderr_contains("--out: fout: uitvoermap")
            .expect_stderr_contains("bevat de map van de site");
        let diff = snapshot_diff(&before, &snapshot(&t.sibling("")));
        assert!(
            diff.is_empty(),
            "--out {out}: refused build still wrote: {diff:?}"
        );
    }
}

#[test]
fn refuses_out_that_contains_content() {
    // An out dir that holds a content/ folder (another site, or a typo) must never be replaced.
    let site = fixture_site("minimal");
    let other = site.sibling("other-site");
    copy_dir(&fixture_dir("minimal"), &other, &[]);
    let before = snapshot(&site.dir);
    let run = build(&site.root(), &other, &[]);
    run.assert_exit(1);
    let diff = snapshot_diff(&before, &snapshot(&site.dir));
    assert!(diff.is_empty(), "refused build still wrote: {diff:?}");
}

//! Messages follow the site's language (SPEC §5.6): Dutch by default, English with `--lang en`
//! or `language: en` in site.yaml (`--lang` wins), with the same positions and hints.

use crate::prelude::*;

/// Words that give away an English message in a Dutch run.
const ENGLISH: &[&str] = &[
    ": error: ",
    ": warning: ",
    "= hint: ",
    "unknown ",
    "missing ",
    "did you mean",
    "is not ",
    "should be",
    "failed with",
    "not found",
];

fn check_run(root: &std::path::Path, extra: &[&str]) -> Run {
    let mut args = vec!["check".to_string(), "--root".to_string(), path_str(root)];
    args.extend(extra.iter().map(|s| s.to_string()));
    svdk(root.parent().unwrap(), &args)
}

/// (path, line, column, number of hints) of every diagnostic, in order.
fn positions(run: &Run) -> Vec<(String, u32, u32, usize)> {
    run.diagnostics()
        .into_iter()
        .map(|d| (d.path, d.line, d.column, d.hints.len()))
        .collect()
}

#[test]
fn dutch_by_default_english_with_lang_en_same_positions_and_hints() {
    let site = fixture_site("errors");
    let nl = check_run(&site.root(), &[]);
    nl.assert_exit(1);
    assert!(
        nl.stderr.contains(
            "content/praktijkvoorbeelden/onbekend-werkplein.md:4:12: fout: onbekend werkplein 'denbosch'\n  = tip: bedoelde je 'den-bosch'?"
        ),
        "{}",
        nl.describe()
    );
    assert!(
        nl.stderr
            .contains("content/themas/ouderen.md:2:1: fout: 'title' ontbreekt"),
        "{}",
        nl.describe()
    );
    let summary = nl.stderr.lines().last().unwrap_or("");
    assert!(
        summary.starts_with("svdk: mislukt met 14 fout(en) en 0 waarschuwing(en)"),
        "{}",
        nl.describe()
    );
    for word in ENGLISH {
        assert!(
            !nl.stderr.contains(word),
            "English '{word}' in a Dutch run:\n{}",
            nl.describe()
        );
    }

    let en = check_run(&site.root(), &["--lang", "en"]);
    en.assert_exit(1);
    assert!(
        en.stderr.contains(
            "content/praktijkvoorbeelden/onbekend-werkplein.md:4:12: error: unknown werkplein 'denbosch'\n  = hint: did you mean 'den-bosch'?"
        ),
        "{}",
        en.describe()
    );
    assert!(
        en.stderr
            .lines()
            .last()
            .unwrap_or("")
            .starts_with("svdk: failed with 14 error(s) and 0 warning(s)"),
        "{}",
        en.describe()
    );
    assert!(!en.stderr.contains(": fout: "), "{}", en.describe());

    // Same diagnostics at the same positions with the same number of hints.
    assert_eq!(positions(&nl), positions(&en));
    assert_eq!(nl.diagnostics().len(), 14);
}

#[test]
fn the_sites_language_decides_and_lang_overrides_it() {
    let site = fixture_site("errors");
    let yaml = read(&site.root().join("site.yaml"));
    let yaml = if yaml.contains("language:") {
        yaml.lines()
            .map(|l| {
                if l.starts_with("language:") {
                    "language: en"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    } else {
        format!("{yaml}language: en\n")
    };
    site.write("site.yaml", &yaml);

    let en = check_run(&site.root(), &[]);
    en.assert_exit(1);
    assert!(
        en.stderr
            .contains("error: unknown werkplein 'denbosch'\n  = hint: did you mean 'den-bosch'?"),
        "{}",
        en.describe()
    );
    let nl = check_run(&site.root(), &["--lang", "nl"]);
    nl.assert_exit(1);
    assert!(
        nl.stderr
            .contains("fout: onbekend werkplein 'denbosch'\n  = tip: bedoelde je 'den-bosch'?"),
        "{}",
        nl.describe()
    );
    // A language svdk does not speak is refused on the command line.
    let de = check_run(&site.root(), &["--lang", "de"]);
    assert_eq!(de.code, Some(2), "{}", de.describe());
}

#[test]
fn the_summary_line_of_a_good_build_is_dutch() {
    let site = fixture_site("minimal");
    let out = site.sibling("public");
    let args = [
        "build".to_string(),
        "--root".to_string(),
        path_str(&site.root()),
        "--out".to_string(),
        path_str(&out),
        "-q".to_string(),
    ];
    let run = svdk(&site.dir, &args);
    run.assert_success();
    let line = run.stdout.trim();
    assert!(
        line.starts_with("svdk: ") && line.contains("pagina's") && line.contains(" gebouwd in "),
        "{}",
        run.describe()
    );
    assert!(
        line.ends_with(" s); 0 waarschuwing(en)") && line.contains(','),
        "{}",
        run.describe()
    );
    // In English, into another folder (the same one would already hold this build).
    let mut args = args.to_vec();
    args[4] = path_str(&site.sibling("public-en"));
    let run = svdk(
        &site.dir,
        &[&args[..], &["--lang".to_string(), "en".to_string()]].concat(),
    );
    run.assert_success();
    assert!(run.stdout.starts_with("svdk: built "), "{}", run.describe());
}

#[test]
fn svdk_new_speaks_the_sites_language() {
    let site = fixture_site("minimal");
    let root = path_str(&site.root());
    let run = svdk(
        &site.dir,
        &[
            "new", "journaal", "Vraag", "--root", &root, "--soort", "vrag",
        ],
    );
    run.assert_exit(1);
    assert!(
        run.stderr
            .contains("--soort: fout: onbekende soort 'vrag'\n  = tip: bedoelde je 'vraag'?"),
        "{}",
        run.describe()
    );
    let run = svdk(
        &site.dir,
        &[
            "new", "journaal", "Vraag", "--root", &root, "--soort", "vrag", "--lang", "en",
        ],
    );
    assert!(
        run.stderr
            .contains("--soort: error: unknown soort 'vrag'\n  = hint: did you mean 'vraag'?"),
        "{}",
        run.describe()
    );
}

//! `svdk new`: starts a praktijkvoorbeeld or a journaal item from a title.
//!
//! Writes `content/praktijkvoorbeelden/<slug>.md` or `content/journaal/<slug>.md` with today's
//! date, the front matter filled in from the arguments and a body with one line of guidance per
//! part, so the editor only has to replace the guidance. The ids it is given are checked the way
//! the build checks them (with the same "did you mean" hints), a file is never overwritten, and the
//! file written passes `svdk check` without errors or warnings.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;

use crate::content::{self, Section, Soort};
use crate::data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos, Severity};
use crate::load;
use crate::messages::Message;
use crate::template;
use crate::text;
use crate::yaml;

/// What to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Praktijkvoorbeeld,
    Journaal,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Praktijkvoorbeeld, Kind::Journaal];

    /// The name used on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Praktijkvoorbeeld => "praktijkvoorbeeld",
            Kind::Journaal => "journaal",
        }
    }

    /// The content folder, relative to the site root.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Praktijkvoorbeeld => crate::layout::PRAKTIJK_DIR,
            Kind::Journaal => crate::layout::JOURNAAL_DIR,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        // For the command-line parser, whose own messages are English.
        Kind::ALL.into_iter().find(|k| k.id() == s).ok_or_else(|| {
            let hint = text::did_you_mean(s, Kind::ALL.map(Kind::id))
                .unwrap_or_else(|| crate::msg!(KindHint));
            crate::msg!(UnknownKind, kind = s, hint = hint).render(crate::messages::Lang::En)
        })
    }
}

/// The page to create, as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPage {
    pub kind: Kind,
    pub title: String,
    /// `--werkplein`: a practice's `werkplein`; for a journal item `vraag_van` when it is a
    /// vraag, otherwise `werkpleinen: [ID]`.
    pub werkplein: Option<String>,
    /// `--thema`, repeatable.
    pub themas: Vec<String>,
    /// `--soort` (journaal only): nieuws, vraag or agenda; default nieuws.
    pub soort: Option<String>,
}

/// Diagnostic paths for problems with the command line arguments (like `--base-url`).
const ARG_TITLE: &str = "<TITEL>";
const ARG_WERKPLEIN: &str = "--werkplein";
const ARG_THEMA: &str = "--thema";
const ARG_SOORT: &str = "--soort";

/// Slugs longer than this are cut at a word boundary, to keep file names manageable.
const MAX_SLUG: usize = 80;

/// Today's date on the local clock.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Creates the page under `root` and returns its path relative to `root` (with `/`
/// separators), or every problem found. Nothing is written when there is a problem.
pub fn create(root: &Path, page: &NewPage, today: NaiveDate) -> Result<PathBuf, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let arg = |path: &str, message: Message, hint: Option<Message>| {
        Diagnostic::arg_error(path, message).with_hint(hint)
    };

    if !root.join(crate::config::PATH).is_file() {
        errors.push(
            Diagnostic::file_error(crate::config::PATH, crate::msg!(NoSiteYaml))
                .with_hint(Some(crate::msg!(NoSiteYamlNewHint))),
        );
        return Err(errors);
    }

    // Title and slug.
    let title = normalize_title(&page.title);
    let slug = if title.is_empty() {
        errors.push(arg(
            ARG_TITLE,
            crate::msg!(TitleEmpty),
            Some(crate::msg!(TitleEmptyHint)),
        ));
        None
    } else {
        let slug = slug_for(&title);
        if slug.is_empty() {
            errors.push(arg(
                ARG_TITLE,
                crate::msg!(TitleNoFileName, title = &title),
                Some(crate::msg!(TitleNoFileNameHint)),
            ));
            None
        } else if let Some(what) = reserved(page.kind, &slug) {
            errors.push(arg(
                ARG_TITLE,
                crate::msg!(TitleSlugReserved, slug = &slug, what = what),
                Some(crate::msg!(TitleSlugReservedHint)),
            ));
            None
        } else {
            Some(slug)
        }
    };

    // Soort.
    let soort = match (page.kind, page.soort.as_deref()) {
        (_, None) => None,
        (Kind::Praktijkvoorbeeld, Some(_)) => {
            errors.push(arg(
                ARG_SOORT,
                crate::msg!(SoortOnlyJournaal),
                Some(crate::msg!(SoortOnlyJournaalHint)),
            ));
            None
        }
        (Kind::Journaal, Some(s)) => match Soort::ALL.into_iter().find(|k| k.id() == s) {
            Some(k) => Some(k),
            None => {
                errors.push(arg(
                    ARG_SOORT,
                    crate::msg!(UnknownSoort, id = s),
                    text::did_you_mean(s, Soort::ALL.map(Soort::id))
                        .or_else(|| Some(crate::msg!(SoortHint))),
                ));
                None
            }
        },
    };

    // Werkplein.
    if let Some(id) = &page.werkplein {
        errors.extend(check_werkplein(root, id));
    }

    // Thema's.
    let mut themas: Vec<String> = Vec::new();
    for t in &page.themas {
        if !themas.contains(t) {
            themas.push(t.clone());
        }
    }
    if !themas.is_empty() {
        errors.extend(check_themas(root, &themas));
    }

    // The file.
    let rel = slug
        .as_deref()
        .map(|s| format!("{}/{s}.md", page.kind.dir()));
    if let (Some(slug), Some(rel)) = (&slug, &rel) {
        errors.extend(check_free(root, page.kind, slug, rel));
    }

    let (Some(rel), true) = (rel, errors.is_empty()) else {
        return Err(errors);
    };
    let text = render(
        page.kind,
        &title,
        today,
        page.werkplein.as_deref(),
        &themas,
        soort.unwrap_or(Soort::Nieuws),
    );
    write_new(root, &rel, &text).map_err(|d| vec![d])?;
    Ok(PathBuf::from(rel))
}

/// One line, single spaces: a title is shown as a heading and in lists.
fn normalize_title(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The slug of a title: lowercase, diacritics folded, at most [`MAX_SLUG`] characters.
pub fn slug_for(title: &str) -> String {
    let slug = text::slugify(title);
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    // A slug is ASCII, so byte indexes are character indexes.
    let cut = &slug[..MAX_SLUG];
    let cut = match cut.rfind('-') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut,
    };
    cut.trim_end_matches('-').to_string()
}

/// Addresses in the section that the generator makes itself.
fn reserved(kind: Kind, slug: &str) -> Option<Message> {
    let section = match kind {
        Kind::Praktijkvoorbeeld => crate::content::Section::Praktijkvoorbeeld,
        Kind::Journaal => crate::content::Section::Journaal,
    };
    crate::route::reserved_slug(section, slug)
}

fn check_werkplein(root: &Path, id: &str) -> Vec<Diagnostic> {
    let diags = Diagnostics::new();
    let werkpleinen = load::read_optional(root, data::WERKPLEINEN, &diags);
    let regios = load::read_optional(root, data::REGIOS, &diags);
    let data = data::parse(werkpleinen.as_deref(), regios.as_deref(), &diags);
    if data.werkplein(id).is_some() {
        return Vec::new();
    }
    let mut out = vec![
        Diagnostic::arg_error(ARG_WERKPLEIN, crate::msg!(UnknownWerkplein, id = id)).with_hint(
            text::did_you_mean(id, data.werkplein_ids())
                .or_else(|| Some(crate::msg!(WerkpleinIdsHint))),
        ),
    ];
    // Problems in the data files may be why the id is not found.
    out.extend(
        diags
            .into_sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Error),
    );
    out
}

/// Thema ids are the file stems of `content/themas/*.md`, as in the build.
fn thema_ids(root: &Path) -> BTreeSet<String> {
    let diags = Diagnostics::new();
    load::list_files(root, crate::layout::THEMAS_DIR, &diags)
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".md") && Section::of(rel) == Section::Thema)
        .map(|(rel, _)| content::file_stem(&rel).to_string())
        .collect()
}

fn check_themas(root: &Path, themas: &[String]) -> Vec<Diagnostic> {
    let known = thema_ids(root);
    themas
        .iter()
        .filter(|t| !known.contains(*t))
        .map(|t| {
            Diagnostic::arg_error(ARG_THEMA, crate::msg!(UnknownThema, id = t)).with_hint(
                text::did_you_mean(t, known.iter().map(String::as_str))
                    .or_else(|| Some(crate::msg!(ThemaIdsHint))),
            )
        })
        .collect()
}

/// The file must not exist, and no other file of the section may have the same slug.
fn check_free(root: &Path, kind: Kind, slug: &str, rel: &str) -> Vec<Diagnostic> {
    let hint = || Some(crate::msg!(AlreadyExistsHint));
    if root.join(rel).exists() {
        return vec![
            Diagnostic::file_error(rel, crate::msg!(AlreadyExists, path = rel)).with_hint(hint()),
        ];
    }
    let diags = Diagnostics::new();
    let mut out = Vec::new();
    for (other, abs) in load::list_files(root, kind.dir(), &diags) {
        if !other.ends_with(".md") {
            continue;
        }
        let (theirs, pos) = existing_slug(&other, &abs);
        if theirs == slug {
            out.push(
                Diagnostic::error(
                    &other,
                    pos,
                    crate::msg!(SlugOfNewPage, other = &other, slug = slug),
                )
                .with_hint(hint()),
            );
        }
    }
    out
}

/// The slug an existing file is published under: its `slug:` or its file stem, with the position
/// to point at. Unreadable files count by their stem (the build reports them).
fn existing_slug(rel: &str, abs: &Path) -> (String, Pos) {
    let by_stem = || (text::slugify(content::file_stem(rel)), Pos::new(1, 1));
    let Ok(source) = fs::read_to_string(abs) else {
        return by_stem();
    };
    let Ok(fm) = yaml::split_front_matter(&source) else {
        return by_stem();
    };
    let diags = Diagnostics::new();
    let Some(map) = yaml::parse_mapping(fm.yaml, fm.yaml_line, rel, &diags) else {
        return by_stem();
    };
    match map.get("slug").and_then(|v| v.as_str()) {
        Some(s) => (
            s.to_string(),
            yaml::Locator::new(fm.yaml, fm.yaml_line).key("slug"),
        ),
        None => by_stem(),
    }
}

/// Writes a new file; never replaces one (also not one created since the check).
fn write_new(root: &Path, rel: &str, text: &str) -> Result<(), Diagnostic> {
    let abs = root.join(rel);
    let fail = |e: io::Error| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            Diagnostic::file_error(rel, crate::msg!(AlreadyExists, path = rel))
                .with_hint(Some(crate::msg!(AlreadyExistsHint)))
        } else {
            Diagnostic::file_error(rel, crate::msg!(CannotWriteFile, detail = e))
        }
    };
    if let Some(dir) = abs.parent() {
        fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&abs)
        .map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)
}

/// A string as a YAML scalar, quoted when it needs to be (`:`, `#`, quotes, `yes`, `123`...).
fn yaml_scalar(s: &str) -> String {
    let out = crate::yaml::to_scalar(s);
    let out = out.trim_end_matches('\n');
    // A multi-line form would not fit on one line, and YAML 1.1 readers (other tools showing the
    // front matter) take `yes`, `off`... as booleans: quote those. JSON strings are YAML.
    if out.contains('\n') || YAML11_BOOLS.contains(&out.to_ascii_lowercase().as_str()) {
        serde_json::to_string(s).unwrap_or_default()
    } else {
        out.to_string()
    }
}

/// Plain words that YAML 1.1 reads as booleans.
const YAML11_BOOLS: [&str; 8] = ["y", "n", "yes", "no", "on", "off", "true", "false"];

/// `[a, b]` with each id quoted as needed.
fn yaml_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| yaml_scalar(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The text of the new file.
fn render(
    kind: Kind,
    title: &str,
    date: NaiveDate,
    werkplein: Option<&str>,
    themas: &[String],
    soort: Soort,
) -> String {
    // A draft until the editor has replaced the guidance: it cannot be published by accident.
    let mut fm = vec![
        format!("title: {}", yaml_scalar(title)),
        format!("date: {}", date.format("%Y-%m-%d")),
        "draft: true".to_string(),
    ];
    let body: String = match kind {
        Kind::Praktijkvoorbeeld => {
            if let Some(w) = werkplein {
                fm.push(format!("werkplein: {}", yaml_scalar(w)));
            }
            fm.push(format!("themas: {}", yaml_list(themas)));
            template::practice_body()
        }
        Kind::Journaal => {
            fm.push(format!("soort: {}", soort.id()));
            match (soort, werkplein) {
                (Soort::Vraag, Some(w)) => fm.push(format!("vraag_van: {}", yaml_scalar(w))),
                (_, Some(w)) => fm.push(format!("werkpleinen: {}", yaml_list(&[w.to_string()]))),
                (_, None) => fm.push("werkpleinen: []".into()),
            }
            fm.push(format!("themas: {}", yaml_list(themas)));
            if soort == Soort::Agenda {
                // Empty until the editor fills them in; then the item is in the agenda.
                fm.push("wanneer:    # JJJJ-MM-DD of JJJJ-MM-DDTUU:MM (Nederlandse tijd)".into());
                fm.push(
                    "tot:        # het einde: UU:MM op dezelfde dag, of een datum (met tijd)"
                        .into(),
                );
                fm.push("waar: \"\"".into());
            }
            match soort {
                Soort::Nieuws => template::NIEUWS.into(),
                Soort::Vraag => template::VRAAG.into(),
                Soort::Agenda => template::AGENDA.into(),
            }
        }
    };
    fm.push("samenvatting: \"\"".into());
    format!("---\n{}\n---\n\n{body}", fm.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Meta;
    use crate::load::SourceFile;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2010, 3, 15).unwrap()
    }

    /// A small site: two werkpleinen, two thema's, one practice.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let w = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        };
        w("site.yaml", "title: T\nbase_url: https://example.org/\n");
        w("data/regios.yaml", "- id: r\n  naam: R\n");
        w(
            "data/werkpleinen.yaml",
            "- id: den-bosch\n  naam: Werkplein Den Bosch\n  plaats: Den Bosch\n  regio: r\n\
             - id: venlo\n  naam: Werkplein Venlo\n  plaats: Venlo\n  regio: r\n",
        );
        w("content/themas/jongeren.md", "---\ntitle: Jongeren\n---\n");
        w(
            "content/themas/wijkaanpak.md",
            "---\ntitle: Wijkaanpak\n---\n",
        );
        w(
            "content/praktijkvoorbeelden/oud.md",
            "---\ntitle: Oud\ndate: 2009-01-01\nslug: loket-in-de-wijk\n---\n",
        );
        dir
    }

    fn page(kind: Kind, title: &str) -> NewPage {
        NewPage {
            kind,
            title: title.into(),
            werkplein: None,
            themas: vec![],
            soort: None,
        }
    }

    /// Parses a written file the way the build does; returns the document and every diagnostic.
    fn parse_back(root: &Path, rel: &Path) -> (content::Document, Vec<String>) {
        let diags = Diagnostics::new();
        let data = data::parse(
            load::read_optional(root, data::WERKPLEINEN, &diags).as_deref(),
            load::read_optional(root, data::REGIOS, &diags).as_deref(),
            &diags,
        );
        let rel = load::to_slash(rel);
        let files: Vec<SourceFile> = [
            rel.clone(),
            "content/themas/jongeren.md".into(),
            "content/themas/wijkaanpak.md".into(),
        ]
        .into_iter()
        .map(|p| SourceFile {
            text: fs::read_to_string(root.join(&p)).unwrap(),
            path: p,
        })
        .collect();
        let docs = content::parse_all(&files, &data, &diags);
        let msgs = diags
            .into_sorted()
            .iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect();
        let doc = docs.into_iter().find(|d| d.path == rel).expect("parsed");
        (doc, msgs)
    }

    fn messages(ds: &[Diagnostic]) -> String {
        ds.iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn slug_folds_diacritics_and_punctuation() {
        assert_eq!(
            slug_for("Cliëntenraad: één loket?"),
            "clientenraad-een-loket"
        );
        assert_eq!(slug_for("  Jongeren tot 27 jaar "), "jongeren-tot-27-jaar");
        assert_eq!(slug_for("!!!"), "");
        let long = slug_for(&"werkplein ".repeat(30));
        assert!(long.len() <= MAX_SLUG && text::is_slug(&long), "{long}");
        assert!(long.ends_with("werkplein"), "{long}");
    }

    #[test]
    fn awkward_titles_round_trip_through_yaml() {
        for title in [
            "Werkstraat: één loket",
            "Het \"nieuwe\" werken",
            "'s-Hertogenbosch opent",
            "#1 van het land",
            "Vraag? Antwoord! & meer: 100% # niet",
            "- lijst",
            "yes",
            "Off",
            "null",
            "~",
            "2009",
            "2009-10-01",
            "@werkplein `code` {a: b} [x]",
            "Tab\tin de titel \\ backslash",
            &"Een heel lange titel ".repeat(20),
        ] {
            let line = format!("title: {}\n", yaml_scalar(title));
            assert_eq!(line.lines().count(), 1, "{line}");
            if ["yes", "Off"].contains(&title) {
                assert_eq!(line, format!("title: \"{title}\"\n"));
            }
            let v: crate::yaml::Value = crate::yaml::parse_data(&line, "t.md").unwrap();
            assert_eq!(
                v.get("title").and_then(|t| t.as_str()),
                Some(title),
                "{line}"
            );
        }
    }

    #[test]
    fn practice_file_parses_cleanly() {
        let dir = site();
        let mut p = page(
            Kind::Praktijkvoorbeeld,
            "Werkstraat: 'één' loket voor \"alle\" klanten #1",
        );
        p.werkplein = Some("den-bosch".into());
        p.themas = vec!["jongeren".into(), "wijkaanpak".into(), "jongeren".into()];
        let rel = create(dir.path(), &p, day()).unwrap();
        assert_eq!(
            rel,
            PathBuf::from(
                "content/praktijkvoorbeelden/werkstraat-een-loket-voor-alle-klanten-1.md"
            )
        );
        let text = fs::read_to_string(dir.path().join(&rel)).unwrap();
        for part in crate::model::PRACTICE_PARTS {
            assert!(text.contains(&format!("\n## {part}\n")), "{text}");
        }
        let (doc, msgs) = parse_back(dir.path(), &rel);
        assert!(msgs.is_empty(), "{msgs:?}\n{text}");
        assert_eq!(
            doc.title,
            "Werkstraat: 'één' loket voor \"alle\" klanten #1"
        );
        assert_eq!(doc.date, Some(day()));
        assert_eq!(doc.samenvatting, None, "an empty summary counts as none");
        match doc.meta {
            Meta::Praktijkvoorbeeld {
                werkplein, themas, ..
            } => {
                assert_eq!(werkplein.as_deref(), Some("den-bosch"));
                let ids: Vec<_> = themas.iter().map(|t| t.id.as_str()).collect();
                assert_eq!(ids, ["jongeren", "wijkaanpak"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn journal_items_of_each_soort() {
        let dir = site();
        let mut vraag = page(Kind::Journaal, "Hoe regelen jullie de intake?");
        vraag.soort = Some("vraag".into());
        vraag.werkplein = Some("venlo".into());
        let rel = create(dir.path(), &vraag, day()).unwrap();
        let text = fs::read_to_string(dir.path().join(&rel)).unwrap();
        assert!(text.contains("\n## Antwoord\n"), "{text}");
        let (doc, msgs) = parse_back(dir.path(), &rel);
        assert!(msgs.is_empty(), "{msgs:?}\n{text}");
        match doc.meta {
            Meta::Journaal {
                soort,
                vraag_van,
                werkpleinen,
                editie,
                ..
            } => {
                assert_eq!(soort, Soort::Vraag);
                assert_eq!(vraag_van.as_deref(), Some("venlo"));
                assert!(werkpleinen.is_empty());
                assert_eq!(editie, "2010-03");
            }
            other => panic!("{other:?}"),
        }

        for (soort, expect) in [(None, Soort::Nieuws), (Some("agenda"), Soort::Agenda)] {
            let mut p = page(Kind::Journaal, &format!("Bericht {}", expect.id()));
            p.soort = soort.map(String::from);
            p.werkplein = Some("den-bosch".into());
            p.themas = vec!["jongeren".into()];
            let rel = create(dir.path(), &p, day()).unwrap();
            let (doc, msgs) = parse_back(dir.path(), &rel);
            assert!(msgs.is_empty(), "{msgs:?}");
            match doc.meta {
                Meta::Journaal {
                    soort,
                    werkpleinen,
                    vraag_van,
                    ..
                } => {
                    assert_eq!(soort, expect);
                    assert_eq!(werkpleinen, ["den-bosch"]);
                    assert_eq!(vraag_van, None);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn refuses_to_overwrite() {
        let dir = site();
        let p = page(Kind::Praktijkvoorbeeld, "Gezamenlijke intake");
        let rel = create(dir.path(), &p, day()).unwrap();
        let abs = dir.path().join(&rel);
        fs::write(&abs, "mine").unwrap();
        let err = create(dir.path(), &p, day()).unwrap_err();
        let all = messages(&err);
        assert!(
            all.contains(
                "content/praktijkvoorbeelden/gezamenlijke-intake.md: error: \
                 content/praktijkvoorbeelden/gezamenlijke-intake.md already exists"
            ),
            "{all}"
        );
        assert!(
            all.contains("hint: choose another title, or edit the existing file"),
            "{all}"
        );
        assert_eq!(fs::read_to_string(abs).unwrap(), "mine");
    }

    #[test]
    fn refuses_a_slug_taken_by_another_file() {
        let dir = site();
        let err = create(
            dir.path(),
            &page(Kind::Praktijkvoorbeeld, "Loket in de wijk"),
            day(),
        )
        .unwrap_err();
        let all = messages(&err);
        assert!(
            all.contains("content/praktijkvoorbeelden/oud.md:4:7: error: content/praktijkvoorbeelden/oud.md already has the slug 'loket-in-de-wijk'"),
            "{all}"
        );
        assert!(
            !dir.path()
                .join("content/praktijkvoorbeelden/loket-in-de-wijk.md")
                .exists()
        );
    }

    #[test]
    fn unknown_ids_get_the_builds_hints() {
        let dir = site();
        let mut p = page(Kind::Journaal, "Nieuws");
        p.werkplein = Some("denbosch".into());
        p.themas = vec!["jongren".into(), "zzz".into()];
        p.soort = Some("vrag".into());
        let err = create(dir.path(), &p, day()).unwrap_err();
        let all = messages(&err);
        for want in [
            "--werkplein: error: unknown werkplein 'denbosch'\n  = hint: did you mean 'den-bosch'?",
            "--thema: error: unknown thema 'jongren'\n  = hint: did you mean 'jongeren'?",
            "--thema: error: unknown thema 'zzz'\n  = hint: a thema id is the name of a file in content/themas/",
            "--soort: error: unknown soort 'vrag'\n  = hint: did you mean 'vraag'?",
        ] {
            assert!(all.contains(want), "missing {want:?} in\n{all}");
        }
        assert_eq!(err.len(), 4, "{all}");
        assert!(!dir.path().join("content/journaal").exists());
    }

    #[test]
    fn other_refusals() {
        let dir = site();
        let cases: [(NewPage, &str); 5] = [
            (
                page(Kind::Praktijkvoorbeeld, "  "),
                "<TITEL>: error: the title is empty",
            ),
            (
                page(Kind::Praktijkvoorbeeld, "?!"),
                "<TITEL>: error: cannot make a file name from the title \"?!\"",
            ),
            (
                page(Kind::Praktijkvoorbeeld, "Thema"),
                "the title gives the slug 'thema', but that address is a page svdk generates",
            ),
            (
                page(Kind::Journaal, "2010-03"),
                "kept for the journaal edition of that month",
            ),
            (
                NewPage {
                    soort: Some("vraag".into()),
                    ..page(Kind::Praktijkvoorbeeld, "X")
                },
                "--soort: error: '--soort' is only for journaal items",
            ),
        ];
        for (p, want) in cases {
            let all = messages(&create(dir.path(), &p, day()).unwrap_err());
            assert!(all.contains(want), "missing {want:?} in\n{all}");
        }
        let elsewhere = tempfile::tempdir().unwrap();
        let all =
            messages(&create(elsewhere.path(), &page(Kind::Journaal, "X"), day()).unwrap_err());
        assert!(all.contains("no site.yaml"), "{all}");
        assert!(!elsewhere.path().join("content").exists());
    }

    #[test]
    fn kinds_parse() {
        assert_eq!("journaal".parse::<Kind>(), Ok(Kind::Journaal));
        let err = "praktijkvoorbeelden".parse::<Kind>().unwrap_err();
        assert!(err.contains("did you mean 'praktijkvoorbeeld'?"), "{err}");
    }
}

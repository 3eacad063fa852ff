//! Stage 2 — validate content: front matter of every Markdown file into a typed [`Document`].
//!
//! Which fields a file takes depends on its folder (SPEC §2): praktijkvoorbeelden, journaal,
//! kaderdocument, themas, or a plain page. Ids of werkpleinen and thema's are checked here, each
//! at its own line, with the closest valid id as a hint.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::agenda::{self, Wanneer};
use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::SourceFile;
use crate::text;
use crate::yaml::{self, Fields, Locator};

/// The content type of a file, from its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Home,
    Praktijkvoorbeeld,
    Journaal,
    KaderIndex,
    Hoofdstuk,
    Thema,
    /// The KIOSK page (`content/kiosk.md` or `content/kiosk/_index.md`) → `/kiosk/`.
    Kiosk,
    Plain,
}

impl Section {
    pub fn of(path: &str) -> Section {
        use crate::layout::{
            INDEX_FILE, JOURNAAL_SECTION, KADER_SECTION, KIOSK_FILE, KIOSK_SECTION,
            PRAKTIJK_SECTION, THEMAS_SECTION,
        };
        let rel = crate::layout::in_content(path).unwrap_or(path);
        match rel.split_once('/') {
            None if rel == INDEX_FILE => Section::Home,
            None if rel == KIOSK_FILE => Section::Kiosk,
            Some((KIOSK_SECTION, INDEX_FILE)) => Section::Kiosk,
            Some((PRAKTIJK_SECTION, _)) => Section::Praktijkvoorbeeld,
            Some((JOURNAAL_SECTION, _)) => Section::Journaal,
            Some((KADER_SECTION, INDEX_FILE)) => Section::KaderIndex,
            Some((KADER_SECTION, _)) => Section::Hoofdstuk,
            Some((THEMAS_SECTION, rest)) if !rest.contains('/') => Section::Thema,
            _ => Section::Plain,
        }
    }
}

/// A journal item's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Soort {
    Nieuws,
    Vraag,
    Agenda,
}

impl Soort {
    pub const ALL: [Soort; 3] = [Soort::Nieuws, Soort::Vraag, Soort::Agenda];

    pub fn id(self) -> &'static str {
        match self {
            Soort::Nieuws => "nieuws",
            Soort::Vraag => "vraag",
            Soort::Agenda => "agenda",
        }
    }

    pub fn naam(self) -> &'static str {
        match self {
            Soort::Nieuws => "Nieuws",
            Soort::Vraag => "Vraag en antwoord",
            Soort::Agenda => "Agenda",
        }
    }
}

/// An id with the position it was written at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub id: String,
    pub pos: Pos,
}

/// The fields specific to a content type.
#[derive(Debug, Clone, PartialEq)]
pub enum Meta {
    Page,
    Praktijkvoorbeeld {
        werkplein: Option<String>,
        themas: Vec<Located>,
        contact: Option<String>,
    },
    Journaal {
        soort: Soort,
        editie: String,
        werkpleinen: Vec<String>,
        themas: Vec<Located>,
        vraag_van: Option<String>,
        /// Agenda items: when (Europe/Amsterdam) and where.
        wanneer: Option<Wanneer>,
        waar: Option<String>,
    },
    Hoofdstuk {
        weight: i64,
    },
}

/// A content file with validated front matter.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub section: Section,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub draft: bool,
    pub slug: String,
    pub samenvatting: Option<String>,
    /// Where `samenvatting:` is written with nothing in it (as `svdk new` leaves it).
    pub samenvatting_empty: Option<Pos>,
    pub meta: Meta,
    pub body: String,
    /// Hash of `body`, so that later stages can tell an unchanged text without reading it.
    pub body_hash: u64,
    /// File line of the body's first line.
    pub body_line: usize,
    /// Position of the `title` field, for problems of the whole document.
    pub title_pos: Pos,
    /// Position of the `slug` field (or of the title when there is none).
    pub slug_pos: Pos,
}

const COMMON: [&str; 5] = ["title", "date", "draft", "slug", "samenvatting"];

/// Parses every content file; files with errors are left out (their errors are reported).
pub fn parse_all(files: &[SourceFile], data: &Data, diags: &Diagnostics) -> Vec<Document> {
    parse_all_cached(files, data, diags, None)
}

/// Parsed documents a [`crate::build::Session`] keeps between builds: a file whose text is
/// the same as last time is not parsed again (its diagnostics are repeated).
#[derive(Debug, Default)]
pub struct DocCache {
    /// What the ids were checked against: the werkplein ids and thema ids.
    env: Vec<String>,
    docs: HashMap<String, Cached>,
}

/// A file's text, what it parsed to and the problems found in it.
type Cached = (String, Option<Document>, Vec<Diagnostic>);

/// [`parse_all`] with a cache.
/// The thema ids of a site: the file stems of `content/themas/*.md`.
pub fn thema_ids(files: &[SourceFile]) -> BTreeSet<String> {
    files
        .iter()
        .filter(|f| Section::of(&f.path) == Section::Thema)
        .map(|f| file_stem(&f.path).to_string())
        .collect()
}

pub fn parse_all_cached(
    files: &[SourceFile],
    data: &Data,
    diags: &Diagnostics,
    cache: Option<&mut DocCache>,
) -> Vec<Document> {
    let thema_ids = thema_ids(files);
    let Some(cache) = cache else {
        return files
            .par_iter()
            .filter_map(|f| parse(f, data, &thema_ids, diags))
            .collect();
    };
    let env: Vec<String> = data
        .werkplein_ids()
        .map(str::to_string)
        .chain(thema_ids.iter().map(|t| format!("thema:{t}")))
        .collect();
    if env != cache.env {
        cache.docs.clear();
        cache.env = env;
    }
    // Keep the entries of unchanged files; parse the others in parallel.
    let mut old = std::mem::take(&mut cache.docs);
    let mut to_parse = Vec::new();
    for f in files {
        match old.remove(&f.path) {
            Some(entry) if entry.0 == f.text => {
                cache.docs.insert(f.path.clone(), entry);
            }
            _ => to_parse.push(f),
        }
    }
    let parsed: Vec<(String, Cached)> = to_parse
        .par_iter()
        .map(|f| {
            let local = Diagnostics::new();
            let doc = parse(f, data, &thema_ids, &local);
            (f.path.clone(), (f.text.clone(), doc, local.into_sorted()))
        })
        .collect();
    cache.docs.extend(parsed);
    let mut docs = Vec::with_capacity(files.len());
    for f in files {
        if let Some((_, doc, ds)) = cache.docs.get(&f.path) {
            for d in ds {
                diags.push(d.clone());
            }
            docs.extend(doc.clone());
        }
    }
    docs
}

pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

fn parse(
    file: &SourceFile,
    data: &Data,
    thema_ids: &BTreeSet<String>,
    diags: &Diagnostics,
) -> Option<Document> {
    let path = file.path.as_str();
    let fm = match yaml::split_front_matter(&file.text) {
        Ok(fm) => fm,
        Err((pos, msg)) => {
            diags.error(path, pos, msg);
            return None;
        }
    };
    let map = yaml::parse_mapping(fm.yaml, fm.yaml_line, path, diags)?;
    let f = Fields::new(map, Locator::new(fm.yaml, fm.yaml_line), path, diags);
    let section = Section::of(path);
    let ids = Ids {
        f: &f,
        data,
        themas: thema_ids,
    };

    let title = f.required_string("title");
    let date = f.date("date");
    let draft = f.bool("draft").unwrap_or(false);
    let samenvatting = f.string("samenvatting").filter(|s| !s.trim().is_empty());
    let samenvatting_empty = f.is_blank("samenvatting").then(|| f.pos("samenvatting"));
    let slug = slug(&f, section, path);
    let needs_date = matches!(section, Section::Praktijkvoorbeeld | Section::Journaal);
    if needs_date && date.is_none() && f.string("date").is_none() {
        f.error(
            f.start(),
            crate::msg!(MissingKey, key = "date"),
            Some(crate::msg!(MissingDateHint)),
        );
    }

    let (meta, extra): (Meta, &[&str]) = match section {
        Section::Praktijkvoorbeeld => (
            Meta::Praktijkvoorbeeld {
                werkplein: f
                    .string("werkplein")
                    .filter(|w| ids.werkplein("werkplein", w)),
                themas: ids.themas(),
                contact: f.string("contact"),
            },
            &["werkplein", "themas", "contact"],
        ),
        Section::Journaal => {
            let soort = match f.string("soort").as_deref() {
                None | Some("nieuws") => Soort::Nieuws,
                Some("vraag") => Soort::Vraag,
                Some("agenda") => Soort::Agenda,
                Some(other) => {
                    f.error(
                        f.pos("soort"),
                        crate::msg!(UnknownSoort, id = other),
                        Some(
                            text::did_you_mean(other, Soort::ALL.map(Soort::id))
                                .unwrap_or_else(|| crate::msg!(SoortHint)),
                        ),
                    );
                    Soort::Nieuws
                }
            };
            let editie = match f.string("editie") {
                Some(e) if text::parse_month(&e).is_some() => e,
                Some(e) => {
                    f.error(
                        f.pos("editie"),
                        crate::msg!(EditieNotMonth, value = e),
                        Some(crate::msg!(EditieHint)),
                    );
                    String::new()
                }
                None => date
                    .map(|d| d.format("%Y-%m").to_string())
                    .unwrap_or_default(),
            };
            let werkpleinen = f
                .string_list("werkpleinen")
                .into_iter()
                .filter(|w| ids.werkplein("werkpleinen", w))
                .collect();
            let vraag_van = f
                .string("vraag_van")
                .filter(|w| ids.werkplein("vraag_van", w));
            if vraag_van.is_some() && soort != Soort::Vraag {
                f.warning(f.pos("vraag_van"), crate::msg!(VraagVanOnlyVraag), None);
            }
            let (wanneer, waar) = agenda_fields(&f, soort);
            (
                Meta::Journaal {
                    soort,
                    editie,
                    werkpleinen,
                    themas: ids.themas(),
                    vraag_van,
                    wanneer,
                    waar,
                },
                &[
                    "soort",
                    "editie",
                    "werkpleinen",
                    "themas",
                    "vraag_van",
                    "wanneer",
                    "tot",
                    "waar",
                ],
            )
        }
        Section::Hoofdstuk => (
            Meta::Hoofdstuk {
                weight: f.int("weight").unwrap_or(0),
            },
            &["weight"],
        ),
        _ => (Meta::Page, &[]),
    };
    let known: Vec<&str> = COMMON.iter().chain(extra).copied().collect();
    f.check_known(&known);

    Some(Document {
        path: path.to_string(),
        section,
        title: title?,
        date,
        draft,
        slug: slug?,
        samenvatting,
        samenvatting_empty,
        meta,
        body: fm.body.to_string(),
        body_hash: crate::fingerprint::hash_of(fm.body),
        body_line: fm.body_line,
        title_pos: f.pos("title"),
        slug_pos: if f.string("slug").is_some() {
            f.pos("slug")
        } else {
            f.pos("title")
        },
    })
}

/// `wanneer`, `tot` and `waar` of a journal item: for `soort: agenda` (a warning otherwise).
fn agenda_fields(f: &Fields, soort: Soort) -> (Option<Wanneer>, Option<String>) {
    let waar = f.string("waar").filter(|w| !w.trim().is_empty());
    let van_text = f.string("wanneer");
    let tot_text = f.string("tot");
    if soort != Soort::Agenda {
        for key in ["wanneer", "tot", "waar"] {
            if f.string(key).is_some() {
                f.warning(
                    f.pos(key),
                    crate::msg!(OnlyAgenda, key = key),
                    Some(crate::msg!(OnlyAgendaHint)),
                );
            }
        }
        return (None, None);
    }
    let van = van_text.and_then(|s| match agenda::parse_moment(&s) {
        Ok(m) => Some(m),
        Err((msg, hint)) => {
            f.error(
                f.pos("wanneer"),
                crate::msg!(FieldProblem, key = "wanneer", reason = msg),
                Some(hint),
            );
            None
        }
    });
    let tot = match (&tot_text, van) {
        (None, _) => None,
        (Some(_), None) if f.string("wanneer").is_none() => {
            f.error(
                f.pos("tot"),
                crate::msg!(TotWithoutWanneer),
                Some(crate::msg!(TotWithoutWanneerHint)),
            );
            None
        }
        (Some(_), None) => None,
        (Some(s), Some(v)) => match agenda::parse_tot(s, v) {
            Ok(t) => Some(t),
            Err((msg, hint)) => {
                f.error(
                    f.pos("tot"),
                    crate::msg!(FieldProblem, key = "tot", reason = msg),
                    Some(hint),
                );
                None
            }
        },
    };
    if waar.is_some() && f.string("wanneer").is_none() {
        f.warning(
            f.pos("waar"),
            crate::msg!(WaarWithoutWanneer),
            Some(crate::msg!(WaarWithoutWanneerHint)),
        );
    }
    (
        van.map(|van| Wanneer { van, tot }),
        waar.map(|w| w.trim().to_string()),
    )
}

/// The page's slug: `slug:` or the file stem; a thema's is always its file stem (its id).
fn slug(f: &Fields, section: Section, path: &str) -> Option<String> {
    let stem = file_stem(path);
    if section == Section::Thema {
        if !text::is_slug(stem) {
            f.error(
                f.start(),
                crate::msg!(ThemaFileName, name = stem),
                Some(crate::msg!(
                    RenameTo,
                    name = format!("{}.md", text::slugify(stem))
                )),
            );
            return None;
        }
        return Some(stem.to_string());
    }
    match f.string("slug") {
        Some(s) if text::is_slug(&s) => Some(s),
        Some(s) => {
            f.error(
                f.pos("slug"),
                crate::msg!(SlugInvalid, slug = &s),
                Some(crate::msg!(SlugHint, example = text::slugify(&s))),
            );
            None
        }
        None if stem == "_index" => Some(String::new()),
        None => {
            let slug = text::slugify(stem);
            if slug.is_empty() {
                // It would take the URL of the folder's index: for content/ the home page.
                f.error(
                    f.start(),
                    crate::msg!(EmptySlug, name = stem),
                    Some(crate::msg!(EmptySlugHint)),
                );
                return None;
            }
            Some(slug)
        }
    }
}

/// Checks ids against the data and the theme files.
struct Ids<'a> {
    f: &'a Fields<'a>,
    data: &'a Data,
    themas: &'a BTreeSet<String>,
}

impl Ids<'_> {
    fn werkplein(&self, key: &str, id: &str) -> bool {
        if self.data.werkplein(id).is_some() {
            return true;
        }
        if self.data.werkpleinen_failed {
            // A follow-up of the error in data/werkpleinen.yaml.
            return false;
        }
        self.f.error(
            self.f.value_pos(key, id),
            crate::msg!(UnknownWerkplein, id = id),
            text::did_you_mean(id, self.data.werkplein_ids())
                .or_else(|| Some(crate::msg!(WerkpleinIdsHint))),
        );
        false
    }

    fn themas(&self) -> Vec<Located> {
        let mut out = Vec::new();
        for id in self.f.string_list("themas") {
            let pos = self.f.value_pos("themas", &id);
            if self.themas.contains(&id) {
                out.push(Located { id, pos });
            } else {
                self.f.error(
                    pos,
                    crate::msg!(UnknownThema, id = &id),
                    text::did_you_mean(&id, self.themas.iter().map(String::as_str))
                        .or_else(|| Some(crate::msg!(ThemaIdsHint))),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Regio, Werkplein};

    fn data() -> Data {
        let w = |id: &str| Werkplein {
            id: id.into(),
            naam: format!("Werkplein {id}"),
            plaats: id.into(),
            regio: "r".into(),
            district: None,
            gemeenten: vec![],
            lat: None,
            lon: None,
            website: None,
        };
        Data::new(
            vec![w("den-bosch"), w("venlo")],
            vec![Regio {
                id: "r".into(),
                naam: "R".into(),
            }],
        )
    }

    fn parse_files(files: &[(&str, &str)]) -> (Vec<Document>, Vec<String>) {
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(p, t)| SourceFile {
                path: p.to_string(),
                text: t.to_string(),
            })
            .collect();
        let diags = Diagnostics::new();
        let docs = parse_all(&files, &data(), &diags);
        let msgs = diags
            .into_sorted()
            .iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect();
        (docs, msgs)
    }

    #[test]
    fn sections_from_paths() {
        assert_eq!(Section::of("content/_index.md"), Section::Home);
        assert_eq!(
            Section::of("content/praktijkvoorbeelden/a.md"),
            Section::Praktijkvoorbeeld
        );
        assert_eq!(
            Section::of("content/kaderdocument/_index.md"),
            Section::KaderIndex
        );
        assert_eq!(
            Section::of("content/kaderdocument/h1.md"),
            Section::Hoofdstuk
        );
        assert_eq!(Section::of("content/themas/jongeren.md"), Section::Thema);
        assert_eq!(Section::of("content/over.md"), Section::Plain);
    }

    #[test]
    fn practice_with_valid_ids() {
        let (docs, msgs) = parse_files(&[
            ("content/themas/jongeren.md", "---\ntitle: Jongeren\n---\n"),
            (
                "content/praktijkvoorbeelden/Loket Wijk.md",
                "---\ntitle: Loket\ndate: 2009-06-15\nwerkplein: venlo\nthemas: [jongeren]\n---\nTekst\n",
            ),
        ]);
        assert!(msgs.is_empty(), "{msgs:?}");
        let p = docs
            .iter()
            .find(|d| d.section == Section::Praktijkvoorbeeld)
            .unwrap();
        assert_eq!(p.slug, "loket-wijk");
        assert_eq!(p.body_line, 7);
        match &p.meta {
            Meta::Praktijkvoorbeeld {
                werkplein, themas, ..
            } => {
                assert_eq!(werkplein.as_deref(), Some("venlo"));
                assert_eq!(themas[0].id, "jongeren");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_problem_reported_with_position_and_hint() {
        let (docs, msgs) = parse_files(&[
            ("content/themas/jongeren.md", "---\ntitle: Jongeren\n---\n"),
            (
                "content/journaal/a.md",
                "---\ntitle: A\ndate: 2009-13-45\nsoort: vrag\nvraag_van: denbosch\nthemas: [jongren]\n---\n",
            ),
            ("content/journaal/b.md", "---\ndate: 2009-10-01\n---\n"),
        ]);
        assert!(docs.iter().all(|d| d.path != "content/journaal/b.md"));
        let all = msgs.join("\n");
        assert!(
            all.contains("content/journaal/a.md:3:7: error: 'date' is not a valid date"),
            "{all}"
        );
        assert!(
            all.contains("a.md:4:8: error: unknown soort 'vrag'\n  = hint: did you mean 'vraag'?"),
            "{all}"
        );
        assert!(all.contains("a.md:5:12: error: unknown werkplein 'denbosch'\n  = hint: did you mean 'den-bosch'?"), "{all}");
        assert!(
            all.contains("a.md:6:10: error: unknown thema 'jongren'"),
            "{all}"
        );
        assert!(
            all.contains("content/journaal/b.md:2:1: error: missing 'title'"),
            "{all}"
        );
    }

    #[test]
    fn agenda_fields_are_validated_with_positions() {
        let (docs, msgs) = parse_files(&[
            (
                "content/journaal/a.md",
                "---\ntitle: A\ndate: 2009-10-01\nsoort: agenda\nwanneer: 2009-10-08T13:00\ntot: \"17:00\"\nwaar: Werkplein Assen\n---\n",
            ),
            (
                "content/journaal/b.md",
                "---\ntitle: B\ndate: 2009-10-01\nsoort: agenda\nwanneer: 2009-10-08T25:00\n---\n",
            ),
            (
                "content/journaal/c.md",
                "---\ntitle: C\ndate: 2009-10-01\nsoort: agenda\nwanneer: 2009-10-08\ntot: 2009-10-07\n---\n",
            ),
            (
                "content/journaal/d.md",
                "---\ntitle: D\ndate: 2009-10-01\nwanneer: 2009-10-08\n---\n",
            ),
        ]);
        let all = msgs.join("\n");
        assert!(
            all.contains("b.md:5:10: error: 'wanneer': '25:00' is not a time of day"),
            "{all}"
        );
        assert!(
            all.contains("c.md:6:6: error: 'tot': '2009-10-07' is before"),
            "{all}"
        );
        assert!(
            all.contains(
                "d.md:4:10: warning: 'wanneer' is only used for items with 'soort: agenda'"
            ),
            "{all}"
        );
        let a = docs.iter().find(|d| d.path.ends_with("a.md")).unwrap();
        match &a.meta {
            Meta::Journaal { wanneer, waar, .. } => {
                let w = wanneer.unwrap();
                assert_eq!(w.van.iso(), "2009-10-08T13:00");
                assert_eq!(w.tot.unwrap().iso(), "2009-10-08T17:00");
                assert_eq!(waar.as_deref(), Some("Werkplein Assen"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn journal_edition_defaults_to_month_of_date() {
        let (docs, _) = parse_files(&[(
            "content/journaal/x.md",
            "---\ntitle: X\ndate: 2009-10-05\n---\n",
        )]);
        match &docs[0].meta {
            Meta::Journaal { editie, soort, .. } => {
                assert_eq!(editie, "2009-10");
                assert_eq!(*soort, Soort::Nieuws);
            }
            other => panic!("{other:?}"),
        }
    }
}

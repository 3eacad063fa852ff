//! Stage 3 — model: the site as a graph of pages with URLs and relations.
//!
//! Pages get their URL, lists get their order, praktijkvoorbeelden and journaal items are indexed
//! by thema and werkplein (one linear pass, no quadratic lookups), and every page's Markdown is
//! rendered with its links rewritten and checked against the anchors of their targets.

use crate::fingerprint::hash_of;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::bvg::Bvg;
use crate::config::SiteConfig;
use crate::content::{Document, Meta, Section};
use crate::criteria::Criteria;
use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::documenten::Documenten;
use crate::landkaart::Landkaart;
use crate::markdown::{self, Analysis};
use crate::messages::Message;
use crate::resultaten::Resultaten;
use crate::route::Route;
use crate::text;

/// Generated pages' URLs, reserved so a content file cannot take them.
pub use crate::route::PRINT_SLUG;

/// The four parts every praktijkvoorbeeld has (SPEC §1).
pub const PRACTICE_PARTS: [&str; 4] = [
    "Situatieschets",
    "Gekozen oplossing",
    "Resultaat",
    "Wat maakt dat het werkt?",
];

#[derive(Debug)]
pub struct Page {
    pub doc: Document,
    /// URL path without the base path and without a leading slash: `themas/jongeren/`, `` for home.
    pub url: String,
    pub analysis: Arc<Analysis>,
    /// The rendered Markdown (shared with the build cache, not copied).
    pub html: Arc<str>,
    /// Kaderdocument chapters: the HTML for the printable whole document (ids prefixed).
    pub print_html: Option<Arc<str>>,
    /// Identifies what `html` and `print_html` were rendered from: equal keys, equal HTML.
    pub html_key: u64,
}

/// What a [`crate::build::Session`] keeps of the model between builds: a page whose text and
/// link targets did not change is not parsed or rendered again, and related practices are
/// not searched again when no practice changed in what relates them.
#[derive(Debug, Default)]
pub struct ModelCache {
    /// Source path → (hash of the body, its analysis).
    analysis: HashMap<String, (u64, Arc<Analysis>)>,
    /// (source path, printable?) → (key, HTML).
    html: HashMap<(String, bool), (u64, Arc<str>)>,
    related: crate::related::Cache,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub data: Data,
    pub landkaart: Option<Landkaart>,
    pub resultaten: Resultaten,
    /// The werkpleinen's records: delivered documents, the BVG-monitor, the six criteria.
    pub documenten: Documenten,
    pub bvg: Option<Bvg>,
    pub criteria: Option<Criteria>,
    /// Links from Markdown to files svdk generates itself (a CSV, a feed), checked against the
    /// output once it is rendered (see [`check_generated_links`]).
    pub generated_links: Vec<FileLink>,
    /// Outline of the Netherlands (lon/lat rings), for the Landkaart map.
    pub outline: Vec<Vec<(f64, f64)>>,
    /// All published pages, sorted by source path.
    pub pages: Vec<Page>,
    pub home: Option<usize>,
    /// Newest first.
    pub praktijkvoorbeelden: Vec<usize>,
    /// Newest first.
    pub journaal: Vec<usize>,
    /// Month `YYYY-MM` → its items, newest first.
    pub edities: BTreeMap<String, Vec<usize>>,
    pub kaderdocument: Option<usize>,
    /// In reading order.
    pub hoofdstukken: Vec<usize>,
    /// By title.
    pub themas: Vec<usize>,
    pub thema_by_id: HashMap<String, usize>,
    /// Plain pages, by path.
    pub plain: Vec<usize>,
    /// The KIOSK page's content file (its introduction), if there is one.
    pub kiosk: Option<usize>,
    /// Journal items of `soort: vraag`, newest first.
    pub vragen: Vec<usize>,
    /// Agenda items with a `wanneer`, in order of their start.
    pub agenda: Vec<usize>,
    /// The newest `date` of any published page: what "coming" in the agenda is relative to
    /// (not the clock, so that a build gives the same output on every day).
    pub newest: Option<chrono::NaiveDate>,
    /// Per page: the related practices it shows (empty for other pages; see [`crate::related`]).
    pub related: Vec<Vec<usize>>,
    /// Thema id → practices / journal items (newest first).
    pub praktijk_by_thema: HashMap<String, Vec<usize>>,
    pub journaal_by_thema: HashMap<String, Vec<usize>>,
    /// Werkplein id → practices / journal items that name it (newest first).
    pub praktijk_by_werkplein: HashMap<String, Vec<usize>>,
    pub journaal_by_werkplein: HashMap<String, Vec<usize>>,
    /// Regio id → indexes into `data.werkpleinen`, by naam.
    pub werkpleinen_by_regio: BTreeMap<String, Vec<usize>>,
    /// District id → indexes into `data.werkpleinen`, by naam.
    pub werkpleinen_by_district: BTreeMap<String, Vec<usize>>,
    /// The Resultaten benchmark of the latest meting and year (SPEC §5.4).
    pub benchmark: crate::resultaten::benchmark::Benchmark,
}

impl Site {
    /// Drops every page's Markdown: once the model is built (HTML rendered, links checked,
    /// tables kept in [`Analysis::tables`]) nothing reads it any more. A plain build does this
    /// to hold less while rendering; a `serve` session keeps it for its next build.
    pub fn drop_markdown(&mut self) {
        for p in &mut self.pages {
            p.doc.body = String::new();
        }
    }
}

/// The validated settings and data files the model is built from.
pub struct Inputs {
    pub config: SiteConfig,
    pub data: Data,
    pub landkaart: Option<Landkaart>,
    pub resultaten: Resultaten,
    pub documenten: Documenten,
    pub bvg: Option<Bvg>,
    pub criteria: Option<Criteria>,
    /// Output paths of the site's and the theme's static files (`bestanden/x.pdf`).
    pub static_paths: BTreeSet<String>,
    /// The outline of the Netherlands, parsed ([`parse_outline`]); empty without one.
    pub outline: Vec<Vec<(f64, f64)>>,
}

/// Validates the outline of the Netherlands (GeoJSON) for the Landkaart map; an empty outline
/// without the file or with an error (reported).
pub fn parse_outline(text: Option<&str>, diags: &Diagnostics) -> Vec<Vec<(f64, f64)>> {
    match text.map(crate::charts::parse_outline) {
        None => Vec::new(),
        Some(Ok(rings)) => rings,
        Some(Err(e)) => {
            diags.file_error(crate::layout::OUTLINE, e);
            Vec::new()
        }
    }
}

/// Builds the model. `docs` are all parsed documents; drafts are left out unless `drafts`.
pub fn build(
    inputs: Inputs,
    docs: Vec<Document>,
    drafts: bool,
    diags: &Diagnostics,
    mut cache: Option<&mut ModelCache>,
) -> Site {
    let (mut docs, draft_docs): (Vec<Document>, Vec<Document>) =
        docs.into_iter().partition(|d| drafts || !d.draft);
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    let draft_paths: HashSet<String> = draft_docs.into_iter().map(|d| d.path).collect();

    let previous = cache.as_deref();
    let mut pages: Vec<Page> = docs
        .into_par_iter()
        .map(|doc| {
            let body_hash = doc.body_hash;
            let analysis = previous
                .and_then(|c| c.analysis.get(&doc.path))
                .filter(|(h, _)| *h == body_hash)
                .map(|(_, a)| Arc::clone(a))
                .unwrap_or_else(|| Arc::new(markdown::analyze(&doc.body)));
            Page {
                url: url_of(&doc),
                analysis,
                doc,
                html: Arc::from(""),
                print_html: None,
                html_key: body_hash,
            }
        })
        .collect();

    let Inputs {
        config,
        data,
        landkaart,
        resultaten,
        documenten,
        bvg,
        criteria,
        static_paths,
        outline,
    } = inputs;
    check_urls(&pages, &data, diags);
    let generated_links = check_file_links(&pages, &static_paths, diags);
    pages.par_iter().for_each(|p| {
        if p.doc.section == Section::Praktijkvoorbeeld {
            check_practice_parts(p, diags);
        }
        check_template_left(p, diags);
    });

    let mut site = Site {
        config,
        data,
        landkaart,
        benchmark: crate::resultaten::benchmark::compute(&resultaten),
        resultaten,
        documenten,
        bvg,
        criteria,
        generated_links,
        outline,
        pages: Vec::new(),
        home: None,
        praktijkvoorbeelden: Vec::new(),
        journaal: Vec::new(),
        edities: BTreeMap::new(),
        kaderdocument: None,
        hoofdstukken: Vec::new(),
        themas: Vec::new(),
        thema_by_id: HashMap::new(),
        plain: Vec::new(),
        kiosk: None,
        vragen: Vec::new(),
        agenda: Vec::new(),
        newest: None,
        related: Vec::new(),
        praktijk_by_thema: HashMap::new(),
        journaal_by_thema: HashMap::new(),
        praktijk_by_werkplein: HashMap::new(),
        journaal_by_werkplein: HashMap::new(),
        werkpleinen_by_regio: BTreeMap::new(),
        werkpleinen_by_district: BTreeMap::new(),
    };
    index(&mut site, &pages);
    check_draft_themas(&site, &pages, diags);

    // Render Markdown with links resolved against all pages.
    let links = Links::new(&pages, &draft_paths, &site.config.base_url.path);
    let chapters: HashSet<usize> = site.hoofdstukken.iter().copied().collect();
    let previous = cache.as_deref();
    type Html = (Arc<str>, u64);
    let rendered: Vec<(Html, Option<Html>)> = (0..pages.len())
        .into_par_iter()
        .map(|i| {
            let html = links.render_cached(i, None, diags, previous);
            let print = chapters
                .contains(&i)
                .then(|| links.render_cached(i, Some(&chapters), diags, previous));
            (html, print)
        })
        .collect();
    if let Some(cache) = cache.as_deref_mut() {
        cache.analysis = pages
            .iter()
            .map(|p| (p.doc.path.clone(), (p.html_key, Arc::clone(&p.analysis))))
            .collect();
        cache.html.clear();
    }
    for (page, ((html, key), print)) in pages.iter_mut().zip(rendered) {
        if let Some(cache) = cache.as_deref_mut() {
            cache
                .html
                .insert((page.doc.path.clone(), false), (key, Arc::clone(&html)));
            if let Some((p, pk)) = &print {
                cache
                    .html
                    .insert((page.doc.path.clone(), true), (*pk, Arc::clone(p)));
            }
        }
        page.html_key = hash_of(&(key, print.as_ref().map(|p| p.1)));
        page.html = html;
        page.print_html = print.map(|p| p.0);
    }
    site.pages = pages;
    site.related = crate::related::all(&site, cache.map(|c| &mut c.related));
    site
}

/// A page's URL path (without base path), from its section and slug.
pub fn url_of(doc: &Document) -> String {
    let slug = doc.slug.as_str();
    match doc.section {
        Section::Home => Route::Home.url(),
        Section::Praktijkvoorbeeld => Route::Praktijkvoorbeeld(slug).url(),
        Section::Journaal => Route::JournaalItem(slug).url(),
        Section::KaderIndex => Route::KaderIndex.url(),
        Section::Hoofdstuk => Route::Hoofdstuk(slug).url(),
        Section::Thema => Route::Thema(slug).url(),
        Section::Kiosk => Route::Kiosk.url(),
        Section::Plain => {
            let rel = crate::layout::in_content(&doc.path).unwrap_or(&doc.path);
            let mut parts: Vec<String> = rel.split('/').map(text::slugify).collect();
            parts.pop();
            if !doc.slug.is_empty() {
                parts.push(doc.slug.clone());
            }
            let mut url = parts.join("/");
            if !url.is_empty() {
                url.push('/');
            }
            url
        }
    }
}

/// URLs the generator makes itself; a content file must not take one.
fn generated_urls(pages: &[Page], data: &Data) -> HashMap<String, Message> {
    let edities = pages.iter().filter_map(|p| match &p.doc.meta {
        Meta::Journaal { editie, .. } => Some(editie.as_str()),
        _ => None,
    });
    crate::route::generated(
        data.werkpleinen.iter().map(|w| w.id.as_str()),
        data.regios.iter().map(|r| r.id.as_str()),
        data.districten.iter().map(|d| d.id.as_str()),
        edities,
    )
    .into_iter()
    .collect()
}

fn check_urls(pages: &[Page], data: &Data, diags: &Diagnostics) {
    let generated = generated_urls(pages, data);
    let mut by_url: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for p in pages {
        by_url.entry(p.url.as_str()).or_default().push(p);
    }
    for (url, owners) in by_url {
        if owners.len() > 1 {
            for p in &owners {
                let others: Vec<&str> = owners
                    .iter()
                    .filter(|o| o.doc.path != p.doc.path)
                    .map(|o| o.doc.path.as_str())
                    .collect();
                diags.push(
                    Diagnostic::error(
                        &p.doc.path,
                        p.doc.slug_pos,
                        crate::msg!(
                            DuplicateSlug,
                            slug = &p.doc.slug,
                            url = url,
                            others = others.join(", ")
                        ),
                    )
                    .with_hint(Some(crate::msg!(DuplicateSlugHint))),
                );
            }
        } else if let Some(what) = generated.get(url) {
            let p = owners[0];
            diags.push(
                Diagnostic::error(
                    &p.doc.path,
                    p.doc.slug_pos,
                    crate::msg!(
                        SlugTaken,
                        slug = &p.doc.slug,
                        url = url,
                        what = what.clone()
                    ),
                )
                .with_hint(Some(crate::msg!(SlugTakenHint))),
            );
        }
    }
}

/// Each of the four parts needs its heading; a missing one is pointed at the heading that
/// was probably meant for it (`## Uitkomst` for Resultaat), else at the title.
fn check_practice_parts(p: &Page, diags: &Diagnostics) {
    let level2: Vec<&crate::markdown::Heading> = p
        .analysis
        .headings
        .iter()
        .filter(|h| h.level == 2)
        .collect();
    let found: HashSet<String> = level2.iter().map(|h| text::slugify(&h.text)).collect();
    let parts: HashSet<String> = PRACTICE_PARTS.iter().map(|p| text::slugify(p)).collect();
    // Headings that are no part: the candidates for a part written in other words.
    let others: Vec<&str> = level2
        .iter()
        .filter(|h| !parts.contains(&text::slugify(&h.text)))
        .map(|h| h.text.as_str())
        .collect();
    for (i, part) in PRACTICE_PARTS.iter().enumerate() {
        if found.contains(&text::slugify(part)) {
            continue;
        }
        let meant = crate::template::probable_heading(i, &others)
            .and_then(|t| level2.iter().find(|h| h.text == t));
        let d = match meant {
            Some(h) => Diagnostic::warning(
                &p.doc.path,
                markdown::position(&p.doc.body, h.offset, p.doc.body_line),
                crate::msg!(PracticePartMeant, part = part, heading = &h.text),
            )
            .with_hint(Some(crate::msg!(
                RenameHeading,
                heading = &h.text,
                part = part
            ))),
            None => Diagnostic::warning(
                &p.doc.path,
                p.doc.title_pos,
                crate::msg!(PracticeNoPart, part = part),
            )
            .with_hint(Some(crate::msg!(AddHeading, part = part))),
        };
        diags.push(d);
    }
}

/// A page about to be published with the template's guidance still in it, or (a
/// praktijkvoorbeeld) with an empty `samenvatting`: a warning at each such line.
fn check_template_left(p: &Page, diags: &Diagnostics) {
    if !matches!(
        p.doc.section,
        Section::Praktijkvoorbeeld | Section::Journaal
    ) {
        return;
    }
    for (offset, guide) in crate::template::leftover_guidance(&p.doc.body) {
        let words: Vec<&str> = guide.split_whitespace().take(6).collect();
        diags.push(
            Diagnostic::warning(
                &p.doc.path,
                markdown::position(&p.doc.body, offset, p.doc.body_line),
                crate::msg!(TemplateGuidanceLeft, start = words.join(" ")),
            )
            .with_hint(Some(crate::msg!(TemplateGuidanceLeftHint))),
        );
    }
    if p.doc.section == Section::Praktijkvoorbeeld
        && let Some(pos) = p.doc.samenvatting_empty
    {
        diags.push(
            Diagnostic::warning(&p.doc.path, pos, crate::msg!(SamenvattingEmpty))
                .with_hint(Some(crate::msg!(SamenvattingEmptyHint))),
        );
    }
}

fn newest_first(pages: &[Page], list: &mut [usize]) {
    list.sort_by(|&a, &b| newest_order(pages, a, b));
}

/// The order of the site's dated lists: newest first, then by title, then by path.
pub fn newest_order(pages: &[Page], a: usize, b: usize) -> std::cmp::Ordering {
    let (a, b) = (&pages[a].doc, &pages[b].doc);
    b.date
        .cmp(&a.date)
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.path.cmp(&b.path))
}

/// Fills the site's lists and relation indexes in one pass over the pages.
fn index(site: &mut Site, pages: &[Page]) {
    for (i, p) in pages.iter().enumerate() {
        match (&p.doc.section, &p.doc.meta) {
            (Section::Home, _) => site.home = Some(i),
            (Section::KaderIndex, _) => site.kaderdocument = Some(i),
            (Section::Hoofdstuk, _) => site.hoofdstukken.push(i),
            (Section::Thema, _) => {
                site.themas.push(i);
                site.thema_by_id.insert(p.doc.slug.clone(), i);
            }
            (Section::Plain, _) => site.plain.push(i),
            (Section::Kiosk, _) => site.kiosk = Some(i),
            (
                _,
                Meta::Praktijkvoorbeeld {
                    werkplein, themas, ..
                },
            ) => {
                site.praktijkvoorbeelden.push(i);
                for t in themas {
                    site.praktijk_by_thema
                        .entry(t.id.clone())
                        .or_default()
                        .push(i);
                }
                if let Some(w) = werkplein {
                    site.praktijk_by_werkplein
                        .entry(w.clone())
                        .or_default()
                        .push(i);
                }
            }
            (
                _,
                Meta::Journaal {
                    soort,
                    editie,
                    werkpleinen,
                    themas,
                    vraag_van,
                    wanneer,
                    ..
                },
            ) => {
                site.journaal.push(i);
                if *soort == crate::content::Soort::Vraag {
                    site.vragen.push(i);
                }
                if wanneer.is_some() {
                    site.agenda.push(i);
                }
                if !editie.is_empty() {
                    site.edities.entry(editie.clone()).or_default().push(i);
                }
                for t in themas {
                    site.journaal_by_thema
                        .entry(t.id.clone())
                        .or_default()
                        .push(i);
                }
                let mut named: Vec<&String> = werkpleinen.iter().chain(vraag_van).collect();
                named.sort();
                named.dedup();
                for w in named {
                    site.journaal_by_werkplein
                        .entry(w.clone())
                        .or_default()
                        .push(i);
                }
            }
            _ => {}
        }
    }
    newest_first(pages, &mut site.praktijkvoorbeelden);
    newest_first(pages, &mut site.journaal);
    newest_first(pages, &mut site.vragen);
    site.agenda.sort_by_key(|&i| {
        let van = match &pages[i].doc.meta {
            Meta::Journaal { wanneer, .. } => wanneer.map(|w| w.van),
            _ => None,
        };
        (van, &pages[i].doc.title, &pages[i].doc.path)
    });
    site.newest = pages.iter().filter_map(|p| p.doc.date).max();
    for list in site
        .edities
        .values_mut()
        .chain(site.praktijk_by_thema.values_mut())
        .chain(site.journaal_by_thema.values_mut())
        .chain(site.praktijk_by_werkplein.values_mut())
        .chain(site.journaal_by_werkplein.values_mut())
    {
        newest_first(pages, list);
    }
    site.hoofdstukken.sort_by(|&a, &b| {
        let weight = |i: usize| match pages[i].doc.meta {
            Meta::Hoofdstuk { weight } => weight,
            _ => 0,
        };
        (weight(a), &pages[a].doc.title, &pages[a].doc.path).cmp(&(
            weight(b),
            &pages[b].doc.title,
            &pages[b].doc.path,
        ))
    });
    site.themas
        .sort_by(|&a, &b| crate::text::cmp_names(&pages[a].doc.title, &pages[b].doc.title));
    let data = &site.data;
    for (i, w) in data.werkpleinen.iter().enumerate() {
        site.werkpleinen_by_regio
            .entry(w.regio.clone())
            .or_default()
            .push(i);
    }
    for (i, w) in data.werkpleinen.iter().enumerate() {
        if let Some(d) = &w.district {
            site.werkpleinen_by_district
                .entry(d.clone())
                .or_default()
                .push(i);
        }
    }
    for list in site
        .werkpleinen_by_regio
        .values_mut()
        .chain(site.werkpleinen_by_district.values_mut())
    {
        list.sort_by(|&a, &b| {
            crate::text::cmp_names(&data.werkpleinen[a].naam, &data.werkpleinen[b].naam)
        });
    }
}

/// A thema that exists only as a draft cannot be linked to from published pages.
fn check_draft_themas(site: &Site, pages: &[Page], diags: &Diagnostics) {
    for p in pages {
        let themas = match &p.doc.meta {
            Meta::Praktijkvoorbeeld { themas, .. } | Meta::Journaal { themas, .. } => themas,
            _ => continue,
        };
        for t in themas {
            if !site.thema_by_id.contains_key(&t.id) {
                diags.push(
                    Diagnostic::error(&p.doc.path, t.pos, crate::msg!(ThemaIsDraft, id = &t.id))
                        .with_hint(Some(crate::msg!(ThemaIsDraftHint, id = &t.id))),
                );
            }
        }
    }
}

/// Resolves links between content files.
struct Links<'a> {
    pages: &'a [Page],
    by_path: HashMap<&'a str, usize>,
    drafts: &'a HashSet<String>,
    base_path: &'a str,
}

impl<'a> Links<'a> {
    /// Renders page `i`, or takes its HTML from `cache` when nothing it depends on changed:
    /// its body (hashed in `html_key`), title, slug, and where each of its links resolves to.
    /// Returns the HTML and its key.
    fn render_cached(
        &self,
        i: usize,
        print: Option<&HashSet<usize>>,
        diags: &Diagnostics,
        cache: Option<&ModelCache>,
    ) -> (Arc<str>, u64) {
        let page = &self.pages[i];
        let resolved: Vec<_> = page
            .analysis
            .links
            .iter()
            .map(|l| self.resolve(page, &l.dest, print))
            .collect();
        let key = hash_of(&(
            page.html_key,
            &page.doc.title,
            &page.doc.slug,
            print.is_some(),
            self.base_path,
            &resolved,
        ));
        let hit = cache
            .filter(|_| resolved.iter().all(Result::is_ok))
            .and_then(|c| c.html.get(&(page.doc.path.clone(), print.is_some())))
            .filter(|(k, _)| *k == key);
        match hit {
            Some((_, html)) => (Arc::clone(html), key),
            None => (Arc::from(self.render(i, print, diags)), key),
        }
    }

    fn new(pages: &'a [Page], drafts: &'a HashSet<String>, base_path: &'a str) -> Self {
        Links {
            pages,
            by_path: pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.doc.path.as_str(), i))
                .collect(),
            drafts,
            base_path,
        }
    }

    /// Renders page `i`; with `print` (the set of chapters), links between chapters become
    /// anchors inside the printable document and heading ids get the chapter's prefix.
    fn render(&self, i: usize, print: Option<&HashSet<usize>>, diags: &Diagnostics) -> String {
        let page = &self.pages[i];
        let prefix = match print {
            Some(_) => format!("{}-", page.doc.slug),
            None => String::new(),
        };
        // Problems are reported once, from the normal rendering.
        let report = print.is_none();
        let lines = crate::text::Lines::new(&page.doc.body, page.doc.body_line);
        let resolve = |dest: &str, offset: usize| {
            let pos = lines.pos(offset);
            match self.resolve(page, dest, print) {
                Ok(new) => new,
                Err((msg, hint)) => {
                    if report {
                        diags.push(Diagnostic::error(&page.doc.path, pos, msg).with_hint(hint));
                    }
                    None
                }
            }
        };
        let table_csv = format!("{}{}", self.base_path, page.url);
        markdown::render(
            &page.doc.body,
            &page.analysis,
            &prefix,
            &page.doc.title,
            Some(&table_csv),
            &resolve,
        )
    }

    /// The new destination of a link (None: keep it as written), or an error with a hint.
    fn resolve(
        &self,
        page: &Page,
        dest: &str,
        print: Option<&HashSet<usize>>,
    ) -> Result<Option<String>, (Message, Option<Message>)> {
        if let Some(problem) = text::url_problem(dest) {
            return Err((
                crate::msg!(LinkProblem, dest = dest, reason = problem),
                Some(crate::msg!(LinkProblemHint)),
            ));
        }
        if dest.is_empty() || has_scheme(dest) || dest.starts_with("//") {
            return Ok(None);
        }
        if let Some(frag) = dest.strip_prefix('#') {
            if !page.analysis.has_anchor(frag) {
                return Err(missing_anchor(frag, crate::msg!(ThisPage), &page.analysis));
            }
            return Ok(print.map(|_| format!("#{}-{frag}", page.doc.slug)));
        }
        if let Some(rest) = dest.strip_prefix('/') {
            return Ok(Some(format!("{}{rest}", self.base_path)));
        }
        let (path, frag) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        let Some(target) = join(&page.doc.path, path) else {
            return Err((crate::msg!(LinkOutsideSite, dest = dest), None));
        };
        if let Some(rest) = target.strip_prefix("static/") {
            return Ok(Some(format!("{}{rest}", self.base_path)));
        }
        if !target.ends_with(".md") {
            return Err((
                crate::msg!(LinkNotPage, dest = dest),
                Some(crate::msg!(LinkNotPageHint)),
            ));
        }
        let Some(&t) = self.by_path.get(target.as_str()) else {
            if self.drafts.contains(&target) {
                return Err((
                    crate::msg!(LinkToDraft, dest = dest, target = &target),
                    Some(crate::msg!(LinkToDraftHint)),
                ));
            }
            let hint = text::closest(&target, self.by_path.keys().copied())
                .map(|c| crate::msg!(DidYouMean, candidate = relative(&page.doc.path, c)));
            return Err((
                crate::msg!(LinkTargetNotFound, dest = dest, target = &target),
                hint,
            ));
        };
        let tp = &self.pages[t];
        if let Some(f) = frag
            && !f.is_empty()
            && !tp.analysis.has_anchor(f)
        {
            return Err(missing_anchor(
                f,
                crate::msg!(PlainText, text = &tp.doc.path),
                &tp.analysis,
            ));
        }
        if let Some(chapters) = print
            && chapters.contains(&t)
        {
            return Ok(Some(match frag {
                Some(f) if !f.is_empty() => format!("#{}-{f}", tp.doc.slug),
                _ => format!("#{}", tp.doc.slug),
            }));
        }
        let mut url = format!("{}{}", self.base_path, tp.url);
        if let Some(f) = frag
            && !f.is_empty()
        {
            url.push('#');
            url.push_str(f);
        }
        Ok(Some(url))
    }
}

/// A Markdown link or image to a file, not a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLink {
    /// The Markdown file and the link's position in it.
    pub path: String,
    pub pos: Pos,
    /// The destination as written.
    pub dest: String,
    /// The output path it points to (`bestanden/x.pdf`).
    pub out: String,
}

/// Extensions of files svdk writes itself; a link to one that is not a static file is checked
/// against the rendered output instead.
const GENERATED_EXTENSIONS: [&str; 7] = ["html", "xml", "csv", "txt", "json", "ics", "eml"];

/// Checks every link and image to a file under `static/` (written `/bestanden/x.pdf` or
/// relatively, `../../static/bestanden/x.pdf`) or to a theme file (`/img/logo.svg`): a missing
/// file is an error with the closest existing one as a hint. Links to files of a kind svdk
/// generates are returned, to be checked against the output.
fn check_file_links(
    pages: &[Page],
    static_paths: &BTreeSet<String>,
    diags: &Diagnostics,
) -> Vec<FileLink> {
    let mut generated = Vec::new();
    for p in pages {
        for l in &p.analysis.links {
            let dest = l.dest.as_str();
            if dest.is_empty()
                || dest.starts_with('#')
                || has_scheme(dest)
                || dest.starts_with("//")
            {
                continue;
            }
            let path = dest.split(['#', '?']).next().unwrap_or(dest);
            let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            let (out, relative_to) = match path.strip_prefix('/') {
                Some(rest) => {
                    let last = rest.rsplit('/').next().unwrap_or(rest);
                    if rest.is_empty() || rest.ends_with('/') || !last.contains('.') {
                        continue; // a page URL
                    }
                    (rest.to_string(), None)
                }
                None => match join(&p.doc.path, &path)
                    .as_deref()
                    .and_then(|t| t.strip_prefix("static/"))
                {
                    Some(rest) => (rest.to_string(), Some(p.doc.path.as_str())),
                    None => continue, // pages and other targets are checked while rendering
                },
            };
            if static_paths.contains(&out) {
                continue;
            }
            let pos = markdown::position(&p.doc.body, l.offset, p.doc.body_line);
            let ext = out.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
            if relative_to.is_none()
                && ext.is_some_and(|e| GENERATED_EXTENSIONS.contains(&e.as_str()))
            {
                generated.push(FileLink {
                    path: p.doc.path.clone(),
                    pos,
                    dest: dest.to_string(),
                    out,
                });
                continue;
            }
            let hint = text::closest_path(&out, static_paths.iter().map(String::as_str)).map(|c| {
                match relative_to {
                    Some(from) => crate::msg!(
                        DidYouMean,
                        candidate = relative(from, &format!("static/{c}"))
                    ),
                    None => crate::msg!(DidYouMean, candidate = format!("/{c}")),
                }
            });
            diags.push(
                Diagnostic::error(
                    &p.doc.path,
                    pos,
                    crate::msg!(LinkMissingFile, dest = dest, out = &out),
                )
                .with_hint(hint.or_else(|| Some(crate::msg!(LinkMissingFileHint)))),
            );
        }
    }
    generated
}

/// Checks the links of [`Site::generated_links`] against the rendered output files.
pub fn check_generated_links<'a>(
    links: &[FileLink],
    outputs: impl IntoIterator<Item = &'a str>,
    diags: &Diagnostics,
) {
    if links.is_empty() {
        return;
    }
    let outputs: BTreeSet<&str> = outputs.into_iter().collect();
    for l in links {
        if outputs.contains(l.out.as_str()) {
            continue;
        }
        let hint = text::closest_path(&l.out, outputs.iter().copied())
            .map(|c| crate::msg!(DidYouMean, candidate = format!("/{c}")));
        diags.push(
            Diagnostic::error(
                &l.path,
                l.pos,
                crate::msg!(LinkMissingGenerated, dest = &l.dest, out = &l.out),
            )
            .with_hint(hint),
        );
    }
}

fn missing_anchor(frag: &str, where_: Message, a: &Analysis) -> (Message, Option<Message>) {
    let hint = text::did_you_mean(frag, a.headings.iter().map(|h| h.id.as_str())).or_else(|| {
        (!a.headings.is_empty()).then(|| {
            let ids: Vec<&str> = a.headings.iter().take(6).map(|h| h.id.as_str()).collect();
            crate::msg!(AnchorsThere, ids = format!("#{}", ids.join(", #")))
        })
    });
    (
        crate::msg!(AnchorNotFound, anchor = frag, place = where_),
        hint,
    )
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Joins a relative link to the folder of `from` (a site-relative path), normalizing `.`/`..`.
fn join(from: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// `to` written relative to the folder of `from`.
fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> =
        from.split('/').collect::<Vec<_>>()[..from.split('/').count() - 1].to_vec();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_relativizes_paths() {
        assert_eq!(
            join("content/praktijkvoorbeelden/a.md", "../themas/b.md").as_deref(),
            Some("content/themas/b.md")
        );
        assert_eq!(join("content/a.md", "../../x.md"), None);
        assert_eq!(
            relative("content/praktijkvoorbeelden/a.md", "content/themas/b.md"),
            "../themas/b.md"
        );
        assert_eq!(relative("content/a.md", "content/b.md"), "b.md");
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x.nl"));
        assert!(has_scheme("mailto:a@b.nl"));
        assert!(!has_scheme("../a.md"));
        assert!(!has_scheme("a.md#x:y"));
    }
}

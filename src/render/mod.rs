//! Stage 4 — render: apply the theme's Tera templates to the model.
//!
//! Templates are parsed once. Every output file is a [`Job`]; jobs are listed first (cheap),
//! then rendered in parallel, each with a small typed context built for it alone by the
//! module of its page family:
//!
//! | module | outputs |
//! |---|---|
//! | [`home`] | `/` |
//! | [`praktijkvoorbeelden`] | the index, the lists per thema and werkplein, each practice |
//! | [`themas`] | the thema's index and each thema page |
//! | [`journaal`] | the Werkpleinjournaal index, each edition, each item |
//! | [`agenda`] | the agenda and its calendar files (`.ics`, not templates) |
//! | [`nieuwsbrief`] | each edition's e-mail edition (HTML, text and `.eml`) |
//! | [`kiosk`] | the KIOSK page and its questions by thema |
//! | [`kaderdocument`] | the index, each chapter, the printable whole |
//! | [`werkpleinen`] | the werkpleinen index and each werkplein |
//! | [`regios`] | the arbeidsmarktregio's index and each regio |
//! | [`landkaart`] | the national Landkaart per period (and its view shapes) |
//! | [`zoeken`] | the search page |
//! | [`feeds`] | the journaal's Atom and RSS feeds |
//! | [`sitemap`] | `sitemap.xml`, `robots.txt` |
//! | [`pagina`] | plain content pages and `404.html` |
//! | [`documenten`] | the documents werkpleinen shared, all and per soort |
//! | [`bvg`] | the BVG-monitor (and its CSV files) |
//! | [`criteria`] | the six Werkplein criteria (and their CSV files) |
//! | [`dossier`] | the records part of each werkplein page (`werkplein_dossier.html`) |
//! | [`resultaten`] | the Resultaten benchmark, and its parts of the werkplein and regio pages |
//! | [`districten`] | the districts' index and each district |
//! | [`open_data`] | every CSV file of the site (not templates) and `/open-data/` |
//!
//! Every builder has the same shape: `fn(r: &Renderer, …, d: &mut Deps) -> Built`. It takes
//! the lists of pages it shows through [`Deps::list`] and notes single pages with
//! [`Deps::page`] / [`Deps::text`]; [`incremental`] uses that record to decide what
//! `svdk serve` renders again. URLs come from [`crate::route::Route`].
//!
//! # How to add a page family
//!
//! 1. Add its address(es) to [`crate::route::Route`] (URL in `Route::url`; if a content file
//!    must not take it, to `route::FIXED` or `route::generated`).
//! 2. Write `src/render/<family>.rs`: one `#[derive(Serialize)]` context struct per template
//!    and a builder that fills it. Take every list of pages through `d.list(site, List::…)`
//!    (add a [`List`] variant if the model has a new list; `d.order(site, List::…)` plus
//!    `d.pages(shown)` when the output shows only a slice of it or counts it) and every single
//!    page you show through `d.page(i)` or `d.text(i)`; read nothing else from `site.pages`
//!    unrecorded.
//! 3. Add a [`Job`] variant, push it in [`Renderer::jobs`], and give it its arm in
//!    [`Job::route`] and [`Renderer::build`] (the compiler points to both).
//!
//! ```ignore
//! // src/render/agenda.rs — one page at /agenda/
//! #[derive(Serialize)]
//! struct AgendaContext<'a> { page: PageInfo, items: Vec<&'a Item> }
//!
//! pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
//!     let list = d.list(r.site, List::Journaal);
//!     let page = r.info("Agenda", &Route::Agenda.url(), Some("journaal"), None, r.crumbs(&[]));
//!     Built::new("agenda.html", &AgendaContext { page, items: r.items(&list) })
//! }
//! ```
//!
//! `svdk serve` then stays correct without further bookkeeping: the output is rendered
//! again when a list or page it recorded changes.

mod agenda;
mod bvg;
mod charts;
mod criteria;
mod deps;
mod districten;
mod documenten;
mod dossier;
mod feeds;
mod home;
mod incremental;
mod journaal;
mod kaderdocument;
mod kiosk;
mod landkaart;
mod leren;
mod nieuwsbrief;
mod open_data;
mod pagina;
mod praktijkvoorbeelden;
mod regios;
mod resultaten;
mod shapes;
mod sitemap;
mod themas;
mod werkpleinen;
mod zoeken;

pub use incremental::RenderCache;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::content::{Meta, Section};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::fingerprint::hash_of;
use crate::model::Site;
use crate::route::Route;
use crate::theme::Theme;
use crate::write::{Body, OutFile};
use deps::Deps;
use shapes::{Item, Urls, item};

/// Practices a thema, werkplein or regio page shows itself (the newest); it links to the
/// paginated list for all of them, so no page grows with the number of practices.
const VOORPROEF: usize = 10;

/// The first [`VOORPROEF`] of `list`.
fn voorproef(list: &[usize]) -> &[usize] {
    &list[..list.len().min(VOORPROEF)]
}

/// One output file to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Job<'a> {
    Home,
    Page(usize),
    /// Page `n` (from 1) of a list of praktijkvoorbeelden.
    PraktijkIndex(usize),
    PraktijkThema(&'a str, usize),
    PraktijkWerkplein(&'a str, usize),
    ThemasIndex,
    JournaalIndex,
    Editie(&'a str),
    Agenda,
    Kiosk,
    KioskVragen,
    KaderIndex,
    KaderPrint,
    WerkpleinenIndex,
    Werkplein(usize),
    RegiosIndex,
    Regio(usize),
    LandkaartIndex,
    LandkaartPeriode(usize),
    Documenten(Option<crate::documenten::Soort>),
    Bvg,
    Criteria,
    Resultaten,
    DistrictenIndex,
    District(usize),
    OpenData,
    Zoeken,
    NotFound,
    Atom,
    Rss,
    /// The Atom feed of the praktijkvoorbeelden.
    PraktijkAtom,
    Sitemap,
    Robots,
}

impl<'a> Job<'a> {
    /// The address of the job's output.
    fn route(self, site: &'a Site) -> Route<'a> {
        match self {
            Job::Home => Route::Home,
            Job::Page(i) => Route::Content(&site.pages[i].url),
            Job::PraktijkIndex(n) => praktijkvoorbeelden::Lijst::Alle.route(n),
            Job::PraktijkThema(id, n) => praktijkvoorbeelden::Lijst::Thema(id).route(n),
            Job::PraktijkWerkplein(id, n) => praktijkvoorbeelden::Lijst::Werkplein(id).route(n),
            Job::ThemasIndex => Route::ThemasIndex,
            Job::JournaalIndex => Route::JournaalIndex,
            Job::Editie(e) => Route::Editie(e),
            Job::Agenda => Route::Agenda,
            Job::Kiosk => Route::Kiosk,
            Job::KioskVragen => Route::KioskVragen,
            Job::KaderIndex => Route::KaderIndex,
            Job::KaderPrint => Route::KaderPrint,
            Job::WerkpleinenIndex => Route::WerkpleinenIndex,
            Job::Werkplein(i) => Route::Werkplein(&site.data.werkpleinen[i].id),
            Job::RegiosIndex => Route::RegiosIndex,
            Job::Regio(i) => Route::Regio(&site.data.regios[i].id),
            Job::LandkaartIndex => Route::LandkaartIndex,
            Job::LandkaartPeriode(p) => match &site.landkaart {
                Some(lk) => Route::LandkaartPeriode(&lk.perioden[p].id),
                None => Route::LandkaartIndex,
            },
            Job::Documenten(soort) => documenten::route(soort),
            Job::Bvg => Route::Bvg,
            Job::Criteria => Route::Criteria,
            Job::Resultaten => Route::Resultaten,
            Job::DistrictenIndex => Route::DistrictenIndex,
            Job::District(i) => Route::District(&site.data.districten[i].id),
            Job::OpenData => Route::OpenData,
            Job::Zoeken => Route::Zoeken,
            Job::NotFound => Route::NotFound,
            Job::Atom => Route::Atom,
            Job::Rss => Route::Rss,
            Job::PraktijkAtom => Route::PraktijkAtom,
            Job::Sitemap => Route::Sitemap,
            Job::Robots => Route::Robots,
        }
    }
}

/// A built output: its template and the context for it.
struct Built {
    template: &'static str,
    context: Context,
}

impl Built {
    fn new(template: &'static str, context: &impl Serialize) -> Built {
        Built {
            template,
            context: Context::from_serialize(context).unwrap_or_default(),
        }
    }
}

#[derive(Serialize)]
struct SiteGlobals<'a> {
    title: &'a str,
    language: &'a str,
    base_url: String,
    base_path: &'a str,
    origin: &'a str,
    /// The language as an Open Graph locale: `nl_NL`.
    locale: String,
}

#[derive(Serialize)]
struct NavItem {
    id: &'static str,
    title: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Feeds {
    atom: String,
    rss: String,
}

/// Counts of what was rendered, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub pages: usize,
    pub feeds: usize,
    /// Charts drawn in this render.
    pub charts: usize,
}

pub struct Renderer<'a> {
    tera: Tera,
    site: &'a Site,
    urls: Urls<'a>,
    items: Vec<Item>,
    origins: HashMap<String, String>,
    /// Fingerprint of the templates, for incremental renders.
    templates_hash: u64,
    /// Charts drawn in this render.
    charts: charts::Counter,
    /// Every open-data CSV of the site: (output path, contents), by path.
    csvs: Vec<(String, Vec<u8>)>,
}

/// Parses the theme's templates once; `None` (with diagnostics) if one does not parse.
pub fn renderer<'a>(theme: &Theme, site: &'a Site, diags: &Diagnostics) -> Option<Renderer<'a>> {
    let mut tera = Tera::default();
    let origins: HashMap<String, String> = theme
        .templates
        .iter()
        .map(|(name, t)| (name.clone(), t.origin.clone()))
        .collect();
    let sources: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(name, t)| (name.as_str(), t.text.as_str()))
        .collect();
    // `{{ naam | sorteersleutel }}`: the key Dutch readers sort names by, for scripts that sort.
    tera.register_filter(
        "sorteersleutel",
        |x: &str, _: tera::Kwargs, _: &tera::State| crate::text::sort_key(x),
    );
    if let Err(e) = tera.add_raw_templates(sources) {
        diags.push(template_error(&e, &origins));
        return None;
    }
    let urls = Urls {
        base_path: &site.config.base_url.path,
    };
    let globals = tera.global_context();
    globals.insert(
        "site",
        &SiteGlobals {
            title: &site.config.title,
            language: &site.config.language,
            base_url: site.config.base_url.full(),
            base_path: &site.config.base_url.path,
            origin: &site.config.base_url.origin,
            locale: og_locale(&site.config.language),
        },
    );
    globals.insert("nav", &nav(site, urls));
    let feeds = (!site.journaal.is_empty()).then(|| Feeds {
        atom: urls.route(Route::Atom),
        rss: urls.route(Route::Rss),
    });
    globals.insert("feeds", &feeds);
    globals.insert("dossier_links", &dossier::links(site, urls));
    globals.insert("kiosk", &kiosk::globals(site, urls));
    globals.insert(
        "praktijkfeed",
        &(!site.praktijkvoorbeelden.is_empty()).then(|| urls.route(Route::PraktijkAtom)),
    );
    globals.insert("zoeken", &zoeken::globals(urls, site.config.relative));
    let csvs = open_data::files(site, urls);
    // The page listing every CSV, for the footer.
    globals.insert(
        "open_data_url",
        &(!csvs.is_empty()).then(|| urls.route(Route::OpenData)),
    );
    let items = site.pages.par_iter().map(|p| item(site, urls, p)).collect();
    let templates_hash = hash_of(
        &theme
            .templates
            .iter()
            .map(|(n, t)| (n, &t.text))
            .collect::<Vec<_>>(),
    );
    Some(Renderer {
        tera,
        site,
        urls,
        items,
        origins,
        templates_hash,
        charts: charts::Counter::default(),
        csvs,
    })
}

fn nav(site: &Site, urls: Urls) -> Vec<NavItem> {
    let mut nav = vec![NavItem {
        id: "home",
        title: "Home",
        url: urls.route(Route::Home),
    }];
    let mut add = |present: bool, id, title, route: Route| {
        if present {
            nav.push(NavItem {
                id,
                title,
                url: urls.route(route),
            });
        }
    };
    add(
        !site.praktijkvoorbeelden.is_empty(),
        "praktijkvoorbeelden",
        "Praktijkvoorbeelden",
        Route::PraktijkIndex,
    );
    add(
        !site.themas.is_empty(),
        "themas",
        "Thema's",
        Route::ThemasIndex,
    );
    add(
        !site.journaal.is_empty(),
        "journaal",
        "Journaal",
        Route::JournaalIndex,
    );
    add(
        kaderdocument::present(site),
        "kaderdocument",
        "Kaderdocument",
        Route::KaderIndex,
    );
    add(true, "werkpleinen", "Werkpleinen", Route::WerkpleinenIndex);
    add(
        landkaart::present(site),
        "landkaart",
        "Landkaart",
        Route::LandkaartIndex,
    );
    add(
        resultaten::present(site),
        "resultaten",
        "Resultaten",
        Route::Resultaten,
    );
    add(kiosk::present(site), "kiosk", "KIOSK", Route::Kiosk);
    // Every site has the search page (issue 2 lists it in the navigation).
    add(true, "zoeken", "Zoeken", Route::Zoeken);
    nav
}

fn template_error(e: &tera::Error, origins: &HashMap<String, String>) -> Diagnostic {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let path = origins
                .get(r.filename())
                .cloned()
                .unwrap_or_else(|| r.filename().to_string());
            Diagnostic::error(
                path,
                Pos::new(r.span().start_line, r.span().start_col + 1),
                crate::msg!(TemplateError, detail = r.message()),
            )
        }
        _ => Diagnostic::file_error("templates", crate::msg!(TemplateError, detail = e)),
    }
}

/// One rendered output with what it showed (`None`: not rendered, unchanged).
type Rendered = (OutFile, Option<Deps>);

impl<'a> Renderer<'a> {
    /// Every output file of the site, rendered in parallel; static files are not included.
    /// With a `cache` from the previous render, outputs that cannot have changed are not
    /// rendered but returned as [`Body::Unchanged`]. Each file goes through `store` as soon as
    /// it is made (the build writes it there and keeps only its hash: see
    /// [`crate::write::Writer`]).
    pub fn render_all(
        &self,
        diags: &Diagnostics,
        progress: &crate::progress::Progress,
        cache: Option<&mut RenderCache>,
        store: &(dyn Fn(OutFile) -> OutFile + Sync),
    ) -> (Vec<OutFile>, Counts) {
        let jobs = self.jobs();
        let outputs: Vec<String> = jobs.iter().map(|&j| self.output_path(j)).collect();
        let (global, pages) = match cache {
            Some(_) => (self.global_fingerprint(), self.page_fingerprints()),
            None => (0, HashMap::new()),
        };
        let plan = cache
            .as_deref()
            .and_then(|c| c.plan(self.site, &outputs, global, &pages));
        // What each page's search document is made from.
        let search_keys: Option<Vec<u64>> = cache.is_some().then(|| {
            let kader = self
                .site
                .kaderdocument
                .map(|k| self.site.pages[k].doc.title.as_str());
            self.site
                .pages
                .iter()
                .map(|p| hash_of(&(global, pages.get(&p.doc.path), kader)))
                .collect()
        });
        progress.stage(crate::messages::Key::StageRender, jobs.len());
        self.charts.reset();
        let rendered: Vec<Rendered> = jobs
            .par_iter()
            .zip(outputs)
            .filter_map(|(&job, path)| {
                if plan.as_ref().is_some_and(|plan| !plan.needs(&path)) {
                    let file = OutFile {
                        path,
                        body: Body::Unchanged,
                    };
                    return Some((store(file), None));
                }
                let mut deps = Deps::default();
                let built = self.build(job, &jobs, &mut deps);
                let result = self.tera.render(built.template, &built.context);
                progress.advance();
                match result {
                    Ok(s) => Some((
                        store(OutFile {
                            path,
                            body: Body::Bytes(compact(s)),
                        }),
                        Some(deps),
                    )),
                    Err(e) => {
                        diags.push(template_error(&e, &self.origins));
                        None
                    }
                }
            })
            .collect();
        let mut search_cache = None;
        let mut files = Vec::with_capacity(rendered.len());
        let mut shown = Vec::new();
        for (file, deps) in rendered {
            if let Some(deps) = deps {
                shown.push((file.path.clone(), deps));
            }
            files.push(file);
        }
        if let Some(cache) = cache {
            let outputs: HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
            cache.update(self.site, global, pages, shown, &outputs);
            search_cache = Some(&mut cache.search);
        }
        let feeds = jobs
            .iter()
            .filter(|j| matches!(j, Job::Atom | Job::Rss | Job::PraktijkAtom))
            .count();
        let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
        let csvs: Vec<OutFile> = self
            .csvs
            .par_iter()
            .map(|(path, bytes)| {
                store(OutFile {
                    path: path.clone(),
                    body: Body::Bytes(bytes.clone()),
                })
            })
            .collect();
        files.extend(csvs);
        let mut more: Vec<OutFile> = praktijkvoorbeelden::filter_index(self)
            .into_iter()
            .collect();
        more.extend(agenda::files(self));
        more.extend(self.nieuwsbrief_files(diags));
        // The search index stores its files itself, as it makes them.
        let search =
            crate::search::build_cached(self.site, search_cache, search_keys.as_deref(), store);
        files.par_extend(more.into_par_iter().map(store));
        files.extend(search.files);
        let charts = self.charts.count();
        (
            files,
            Counts {
                pages,
                feeds,
                charts,
            },
        )
    }

    /// The job list: every output file of the site, in a fixed order.
    fn jobs(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let mut jobs = vec![Job::Home];
        jobs.extend(
            (0..site.pages.len())
                .filter(|&i| {
                    !matches!(
                        site.pages[i].doc.section,
                        Section::Home | Section::KaderIndex | Section::Kiosk
                    )
                })
                .map(Job::Page),
        );
        if !site.praktijkvoorbeelden.is_empty() {
            let pages = |list: Option<&Vec<usize>>| {
                praktijkvoorbeelden::page_count(list.map_or(0, Vec::len), site.config.paginering)
            };
            let n = pages(Some(&site.praktijkvoorbeelden));
            jobs.extend((1..=n).map(Job::PraktijkIndex));
            jobs.push(Job::PraktijkAtom);
            for &t in &site.themas {
                let id = site.pages[t].doc.slug.as_str();
                let n = pages(site.praktijk_by_thema.get(id));
                jobs.extend((1..=n).map(|n| Job::PraktijkThema(id, n)));
            }
            let mut ws: Vec<&str> = site
                .praktijk_by_werkplein
                .keys()
                .map(String::as_str)
                .collect();
            ws.sort();
            for id in ws {
                let n = pages(site.praktijk_by_werkplein.get(id));
                jobs.extend((1..=n).map(|n| Job::PraktijkWerkplein(id, n)));
            }
        }
        if !site.themas.is_empty() {
            jobs.push(Job::ThemasIndex);
        }
        if !site.journaal.is_empty() {
            jobs.push(Job::JournaalIndex);
            jobs.extend(site.edities.keys().map(|e| Job::Editie(e.as_str())));
            if !site.agenda.is_empty() {
                jobs.push(Job::Agenda);
            }
            jobs.push(Job::Atom);
            jobs.push(Job::Rss);
        }
        if kaderdocument::present(site) {
            jobs.push(Job::KaderIndex);
            jobs.push(Job::KaderPrint);
        }
        if kiosk::present(site) {
            jobs.push(Job::Kiosk);
            jobs.push(Job::KioskVragen);
        }
        jobs.push(Job::WerkpleinenIndex);
        jobs.extend((0..site.data.werkpleinen.len()).map(Job::Werkplein));
        jobs.push(Job::RegiosIndex);
        jobs.extend((0..site.data.regios.len()).map(Job::Regio));
        if let Some(lk) = site.landkaart.as_ref().filter(|_| landkaart::present(site)) {
            jobs.push(Job::LandkaartIndex);
            jobs.extend(lk.reported().map(|(i, _, _)| Job::LandkaartPeriode(i)));
        }
        if !site.documenten.list.is_empty() {
            jobs.push(Job::Documenten(None));
            jobs.extend(
                documenten::soorten(site)
                    .into_iter()
                    .map(|s| Job::Documenten(Some(s))),
            );
        }
        if bvg::present(site) {
            jobs.push(Job::Bvg);
        }
        if criteria::present(site) {
            jobs.push(Job::Criteria);
        }
        if resultaten::present(site) {
            jobs.push(Job::Resultaten);
        }
        if !site.data.districten.is_empty() {
            jobs.push(Job::DistrictenIndex);
            jobs.extend((0..site.data.districten.len()).map(Job::District));
        }
        if !self.csvs.is_empty() {
            jobs.push(Job::OpenData);
        }
        jobs.push(Job::Zoeken);
        jobs.push(Job::NotFound);
        jobs.push(Job::Sitemap);
        jobs.push(Job::Robots);
        jobs
    }

    /// Template and context of a job, built by its page family.
    fn build(&self, job: Job, jobs: &[Job], d: &mut Deps) -> Built {
        match job {
            Job::Home => home::build(self, d),
            Job::Page(i) => self.content_page(i, d),
            Job::PraktijkIndex(n) => praktijkvoorbeelden::index(self, n, d),
            Job::PraktijkThema(id, n) => praktijkvoorbeelden::by_thema(self, id, n, d),
            Job::PraktijkWerkplein(id, n) => praktijkvoorbeelden::by_werkplein(self, id, n, d),
            Job::ThemasIndex => themas::index(self, d),
            Job::JournaalIndex => journaal::index(self, d),
            Job::Editie(e) => journaal::editie(self, e, d),
            Job::Agenda => agenda::index(self, d),
            Job::Kiosk => kiosk::index(self, d),
            Job::KioskVragen => kiosk::vragen(self, d),
            Job::KaderIndex => kaderdocument::index(self, d),
            Job::KaderPrint => kaderdocument::print(self, d),
            Job::WerkpleinenIndex => werkpleinen::index(self),
            Job::Werkplein(i) => werkpleinen::werkplein(self, i, d),
            Job::RegiosIndex => regios::index(self),
            Job::Regio(i) => regios::regio(self, i, d),
            Job::LandkaartIndex => landkaart::page(self, None),
            Job::LandkaartPeriode(p) => landkaart::page(self, Some(p)),
            Job::Documenten(soort) => documenten::index(self, soort),
            Job::Bvg => bvg::index(self),
            Job::Criteria => criteria::index(self),
            Job::Resultaten => resultaten::page(self),
            Job::DistrictenIndex => districten::index(self),
            Job::District(i) => districten::district(self, i),
            Job::OpenData => open_data::page(self, d),
            Job::Zoeken => zoeken::page(self),
            Job::NotFound => pagina::not_found(self),
            Job::Atom => feeds::journaal(self, Route::Atom, "atom.xml", d),
            Job::Rss => feeds::journaal(self, Route::Rss, "rss.xml", d),
            Job::PraktijkAtom => feeds::praktijkvoorbeelden(self, d),
            Job::Sitemap => sitemap::sitemap(self, jobs, d),
            Job::Robots => sitemap::robots(self),
        }
    }

    /// A content page, by its section's family.
    fn content_page(&self, i: usize, d: &mut Deps) -> Built {
        let page = &self.site.pages[i];
        match &page.doc.meta {
            Meta::Praktijkvoorbeeld { .. } => praktijkvoorbeelden::page(self, i, d),
            Meta::Journaal { .. } => journaal::item(self, i, d),
            Meta::Hoofdstuk { .. } => kaderdocument::hoofdstuk(self, i, d),
            Meta::Page if page.doc.section == Section::Thema => themas::page(self, i, d),
            Meta::Page => pagina::page(self, i, d),
        }
    }

    /// The output file of a job.
    fn output_path(&self, job: Job) -> String {
        job.route(self.site).output()
    }

    /// The related practices page `i` shows.
    fn related(&self, i: usize) -> &[usize] {
        &self.site.related[i]
    }

    /// Fingerprint of all a render depends on besides the pages.
    fn global_fingerprint(&self) -> u64 {
        let site = self.site;
        hash_of(&(
            self.templates_hash,
            format!("{:?}", site.config),
            format!("{:?}", site.data),
            format!("{:?}", site.landkaart),
            format!("{:?}", site.resultaten),
            format!("{:?}", site.documenten),
            format!("{:?}", site.bvg),
            format!("{:?}", site.criteria),
            site.outline.len(),
            site.pages.len(),
            // The agenda's coming and past activities depend on the newest date of all pages.
            site.newest,
        ))
    }

    /// Fingerprints of each page: of its list form (item, URL, title, type-specific fields),
    /// of its text (rendered HTML and headings) and of its metadata (type-specific fields:
    /// what counts and filters it in lists).
    fn page_fingerprints(&self) -> HashMap<String, incremental::PageFingerprint> {
        self.site
            .pages
            .par_iter()
            .zip(&self.items)
            .enumerate()
            .map(|(i, (p, item))| {
                let meta = format!("{:?}", p.doc.meta);
                let listed = hash_of(&(item, &p.url, &p.doc.title, &meta));
                // Its own page also shows its related practices.
                let related: Vec<&str> = self
                    .related(i)
                    .iter()
                    .map(|&r| self.site.pages[r].doc.path.as_str())
                    .collect();
                (
                    p.doc.path.clone(),
                    (listed, hash_of(&(p.html_key, related)), hash_of(&meta)),
                )
            })
            .collect()
    }
}

/// JSON to put inside a `<script>`: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`.
fn script_json(v: &serde_json::Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The Open Graph locale (`language_TERRITORY`) of a site language: `nl` → `nl_NL`.
fn og_locale(language: &str) -> String {
    let mut parts = language.split(['-', '_']);
    let lang = parts.next().unwrap_or("nl").to_ascii_lowercase();
    match parts.next() {
        Some(region) => format!("{lang}_{}", region.to_ascii_uppercase()),
        None => match lang.as_str() {
            "nl" | "fy" => format!("{lang}_NL"),
            "en" => "en_GB".into(),
            "de" => "de_DE".into(),
            "fr" => "fr_FR".into(),
            _ => format!("{lang}_{}", lang.to_ascii_uppercase()),
        },
    }
}

/// A rendered page's bytes without the spare capacity the template engine grew its string by
/// (up to half of it): outputs are held until written.
fn compact(s: String) -> Vec<u8> {
    let mut b = s.into_bytes();
    b.shrink_to_fit();
    b
}

#[cfg(test)]
mod sharing_tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_end_it() {
        let v = serde_json::json!({ "t": "</script><b>&amp;" });
        let s = script_json(&v);
        assert_eq!(s, r#"{"t":"\u003c/script\u003e\u003cb\u003e\u0026amp;"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }

    #[test]
    fn open_graph_locales() {
        assert_eq!(og_locale("nl"), "nl_NL");
        assert_eq!(og_locale("nl-BE"), "nl_BE");
        assert_eq!(og_locale("en"), "en_GB");
        assert_eq!(og_locale("fy"), "fy_NL");
    }
}

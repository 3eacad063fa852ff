//! Stage 4 — render: apply the theme's Tera templates to the model.
//!
//! Templates are parsed once. Every output file is a [`Job`]; jobs are listed first (cheap),
//! then rendered in parallel, each with a small context built for it alone.

mod charts;
mod incremental;
mod landkaart;
mod search;
mod shapes;

pub use incremental::RenderCache;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::content::{Meta, Section, Soort};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::{PRINT_SLUG, Site};
use crate::text::cmp_names;
use crate::theme::Theme;
use crate::write::{Body, OutFile};
use shapes::{Counted, Crumb, Item, PageInfo, Ref, Urls, item, toc};

/// How many items the home page, journal index and feeds show.
const HOME_JOURNAAL: usize = 5;
const HOME_PRAKTIJK: usize = 6;
const JOURNAAL_LATEST: usize = 20;
const FEED_ITEMS: usize = 50;
/// The Atom feed of the praktijkvoorbeelden, relative to the base path.
const PRAKTIJK_FEED: &str = "praktijkvoorbeelden/atom.xml";

/// One output file to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Job<'a> {
    Home,
    Page(usize),
    PraktijkIndex,
    PraktijkThema(&'a str),
    PraktijkWerkplein(&'a str),
    ThemasIndex,
    JournaalIndex,
    Editie(&'a str),
    KaderIndex,
    KaderPrint,
    WerkpleinenIndex,
    Werkplein(usize),
    RegiosIndex,
    Regio(usize),
    LandkaartIndex,
    LandkaartPeriode(usize),
    Zoeken,
    NotFound,
    Atom,
    Rss,
    /// The Atom feed of the praktijkvoorbeelden.
    PraktijkAtom,
    Sitemap,
    Robots,
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
    /// Per page: the related practices it shows (empty for other pages); set by `render_all`.
    related: std::sync::OnceLock<Vec<Vec<usize>>>,
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
        atom: urls.path("journaal/atom.xml"),
        rss: urls.path("journaal/rss.xml"),
    });
    globals.insert("feeds", &feeds);
    globals.insert(
        "praktijkfeed",
        &(!site.praktijkvoorbeelden.is_empty()).then(|| urls.path(PRAKTIJK_FEED)),
    );
    globals.insert("zoeken", &search::globals(urls, site.config.relative));
    let items = site.pages.par_iter().map(|p| item(site, urls, p)).collect();
    let templates_hash = incremental::hash_of(
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
        related: std::sync::OnceLock::new(),
    })
}

fn nav(site: &Site, urls: Urls) -> Vec<NavItem> {
    let mut nav = vec![NavItem {
        id: "home",
        title: "Home",
        url: urls.path(""),
    }];
    let mut add = |present: bool, id, title, rel: &str| {
        if present {
            nav.push(NavItem {
                id,
                title,
                url: urls.path(rel),
            });
        }
    };
    add(
        !site.praktijkvoorbeelden.is_empty(),
        "praktijkvoorbeelden",
        "Praktijkvoorbeelden",
        "praktijkvoorbeelden/",
    );
    add(!site.themas.is_empty(), "themas", "Thema's", "themas/");
    add(
        !site.journaal.is_empty(),
        "journaal",
        "Journaal",
        "journaal/",
    );
    add(
        site.kaderdocument.is_some() || !site.hoofdstukken.is_empty(),
        "kaderdocument",
        "Kaderdocument",
        "kaderdocument/",
    );
    add(true, "werkpleinen", "Werkpleinen", "werkpleinen/");
    add(
        site.landkaart
            .as_ref()
            .is_some_and(|lk| lk.current_stats().is_some()),
        "landkaart",
        "Landkaart",
        "landkaart/",
    );
    // Every site has the search page (issue 2 lists it in the navigation).
    add(true, "zoeken", "Zoeken", "zoeken/");
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
                format!("template: {}", r.message()),
            )
        }
        _ => Diagnostic::error("templates", Pos::new(1, 1), format!("template: {e}")),
    }
}

/// The output path of a page URL: `a/b/` → `a/b/index.html`.
fn out_path(url: &str) -> String {
    format!("{url}index.html")
}

impl<'a> Renderer<'a> {
    /// Every output file of the site, rendered in parallel; static files are not included.
    /// With a `cache` from the previous render, outputs that cannot have changed are not
    /// rendered but returned as [`Body::Unchanged`].
    pub fn render_all(
        &self,
        diags: &Diagnostics,
        cache: Option<&mut RenderCache>,
    ) -> (Vec<OutFile>, Counts) {
        let mut cache = cache;
        let _ = self
            .related
            .set(incremental::related(self.site, cache.as_deref_mut()));
        let jobs = self.jobs();
        let (global, pages) = match cache {
            Some(_) => (self.global_fingerprint(), self.page_fingerprints()),
            None => (0, HashMap::new()),
        };
        let plan = cache
            .as_deref()
            .and_then(|c| c.plan(self, &jobs, global, &pages));
        // What each page's search document is made from.
        let search_keys: Option<Vec<u64>> = cache.is_some().then(|| {
            let kader = self
                .site
                .kaderdocument
                .map(|k| self.site.pages[k].doc.title.as_str());
            self.site
                .pages
                .iter()
                .map(|p| incremental::hash_of(&(global, pages.get(&p.doc.path), kader)))
                .collect()
        });
        crate::progress::stage("render", jobs.len());
        charts::reset_count();
        // Each output with the pages it showed (`None`: not rendered, unchanged).
        type Shown = Option<Vec<(usize, bool)>>;
        let rendered: Vec<(OutFile, Shown)> = jobs
            .par_iter()
            .filter_map(|&job| {
                if let Some(plan) = &plan {
                    let path = self.output_path(job);
                    if !plan.needs(&path) {
                        let file = OutFile {
                            path,
                            body: Body::Unchanged,
                        };
                        return Some((file, None));
                    }
                }
                incremental::start();
                let (path, template, ctx) = self.context(job, &jobs);
                let result = self.tera.render(template, &ctx);
                let shown = incremental::finish();
                crate::progress::advance();
                match result {
                    Ok(s) => Some((
                        OutFile {
                            path,
                            body: Body::Bytes(s.into_bytes()),
                        },
                        Some(shown),
                    )),
                    Err(e) => {
                        diags.push(template_error(&e, &self.origins));
                        None
                    }
                }
            })
            .collect();
        let mut search_cache = None;
        if let Some(cache) = cache {
            let outputs: std::collections::HashSet<String> =
                rendered.iter().map(|(f, _)| f.path.clone()).collect();
            let shown = rendered
                .iter()
                .filter_map(|(f, shown)| {
                    let paths = shown
                        .as_ref()?
                        .iter()
                        .map(|&(i, text)| (self.site.pages[i].doc.path.clone(), text))
                        .collect();
                    Some((f.path.clone(), paths))
                })
                .collect();
            cache.update(global, pages, shown, &outputs);
            search_cache = Some(&mut cache.search);
        }
        let files: Vec<OutFile> = rendered.into_iter().map(|(f, _)| f).collect();
        let feeds = jobs
            .iter()
            .filter(|j| matches!(j, Job::Atom | Job::Rss | Job::PraktijkAtom))
            .count();
        let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
        let mut files = files;
        files.extend(self.open_data());
        files.extend(
            crate::search::build_cached(self.site, search_cache, search_keys.as_deref()).files,
        );
        let charts = charts::count();
        (
            files,
            Counts {
                pages,
                feeds,
                charts,
            },
        )
    }

    fn jobs(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let mut jobs = vec![Job::Home];
        jobs.extend(
            (0..site.pages.len())
                .filter(|&i| {
                    !matches!(
                        site.pages[i].doc.section,
                        Section::Home | Section::KaderIndex
                    )
                })
                .map(Job::Page),
        );
        if !site.praktijkvoorbeelden.is_empty() {
            jobs.push(Job::PraktijkIndex);
            jobs.push(Job::PraktijkAtom);
            for &t in &site.themas {
                jobs.push(Job::PraktijkThema(&site.pages[t].doc.slug));
            }
            let mut ws: Vec<&str> = site
                .praktijk_by_werkplein
                .keys()
                .map(String::as_str)
                .collect();
            ws.sort();
            jobs.extend(ws.into_iter().map(Job::PraktijkWerkplein));
        }
        if !site.themas.is_empty() {
            jobs.push(Job::ThemasIndex);
        }
        if !site.journaal.is_empty() {
            jobs.push(Job::JournaalIndex);
            jobs.extend(site.edities.keys().map(|e| Job::Editie(e.as_str())));
            jobs.push(Job::Atom);
            jobs.push(Job::Rss);
        }
        if site.kaderdocument.is_some() || !site.hoofdstukken.is_empty() {
            jobs.push(Job::KaderIndex);
            jobs.push(Job::KaderPrint);
        }
        jobs.push(Job::WerkpleinenIndex);
        jobs.extend((0..site.data.werkpleinen.len()).map(Job::Werkplein));
        jobs.push(Job::RegiosIndex);
        jobs.extend((0..site.data.regios.len()).map(Job::Regio));
        if let Some(lk) = site
            .landkaart
            .as_ref()
            .filter(|lk| lk.current_stats().is_some())
        {
            jobs.push(Job::LandkaartIndex);
            jobs.extend(lk.reported().map(|(i, _, _)| Job::LandkaartPeriode(i)));
        }
        jobs.push(Job::Zoeken);
        jobs.push(Job::NotFound);
        jobs.push(Job::Sitemap);
        jobs.push(Job::Robots);
        jobs
    }

    /// The URL (without base path) and last-modified date of a job's HTML page, for the sitemap.
    fn page_url(&self, job: Job) -> Option<(String, Option<String>)> {
        let site = self.site;
        let url = match job {
            Job::Home => String::new(),
            Job::Page(i) => {
                let p = &site.pages[i];
                return Some((
                    p.url.clone(),
                    p.doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
                ));
            }
            Job::PraktijkIndex => "praktijkvoorbeelden/".into(),
            Job::PraktijkThema(id) => format!("praktijkvoorbeelden/thema/{id}/"),
            Job::PraktijkWerkplein(id) => format!("praktijkvoorbeelden/werkplein/{id}/"),
            Job::ThemasIndex => "themas/".into(),
            Job::JournaalIndex => "journaal/".into(),
            Job::Editie(e) => format!("journaal/{e}/"),
            Job::KaderIndex => "kaderdocument/".into(),
            Job::KaderPrint => format!("kaderdocument/{PRINT_SLUG}/"),
            Job::WerkpleinenIndex => "werkpleinen/".into(),
            Job::Werkplein(i) => format!("werkpleinen/{}/", site.data.werkpleinen[i].id),
            Job::RegiosIndex => "regios/".into(),
            Job::Regio(i) => format!("regios/{}/", site.data.regios[i].id),
            Job::LandkaartIndex => "landkaart/".into(),
            Job::LandkaartPeriode(p) => match &site.landkaart {
                Some(lk) => format!("landkaart/{}/", lk.perioden[p].id),
                None => return None,
            },
            Job::Zoeken => crate::search::DIR.into(),
            Job::NotFound
            | Job::Atom
            | Job::Rss
            | Job::PraktijkAtom
            | Job::Sitemap
            | Job::Robots => return None,
        };
        Some((url, None))
    }

    fn items(&self, list: &[usize]) -> Vec<&Item> {
        list.iter()
            .map(|&i| {
                incremental::record(i);
                &self.items[i]
            })
            .collect()
    }

    /// The related practices page `i` shows.
    fn related(&self, i: usize) -> &[usize] {
        self.related.get().map_or(&[], |r| &r[i])
    }

    /// Notes that the output being rendered lists these pages (other than through `items`).
    fn shows(&self, list: &[usize]) {
        for &i in list {
            incremental::record(i);
        }
    }

    /// Notes that the output being rendered shows the text of these pages.
    fn shows_text(&self, list: &[usize]) {
        for &i in list {
            incremental::record_text(i);
        }
    }

    /// The output file of a job.
    fn output_path(&self, job: Job) -> String {
        match job {
            Job::NotFound => "404.html".into(),
            Job::Atom => "journaal/atom.xml".into(),
            Job::Rss => "journaal/rss.xml".into(),
            Job::PraktijkAtom => PRAKTIJK_FEED.into(),
            Job::Sitemap => "sitemap.xml".into(),
            Job::Robots => "robots.txt".into(),
            job => out_path(&self.page_url(job).map(|(u, _)| u).unwrap_or_default()),
        }
    }

    /// The outputs that list page `i` (besides its own page), so that they are rendered again
    /// when it changes: the lists it can newly join are found here, those it leaves through
    /// the previous render's record.
    fn listing(&self, i: usize) -> Vec<Job<'a>> {
        let site = self.site;
        let page = &site.pages[i];
        let mut jobs = vec![Job::Page(i), Job::Home, Job::Sitemap];
        let werkplein_jobs = |w: &str, jobs: &mut Vec<Job<'a>>| {
            if let Some(k) = site.data.werkpleinen.iter().position(|x| x.id == w) {
                jobs.push(Job::Werkplein(k));
                let regio = &site.data.werkpleinen[k].regio;
                if let Some(r) = site.data.regios.iter().position(|x| &x.id == regio) {
                    jobs.push(Job::Regio(r));
                }
            }
        };
        let thema_jobs = |id: &str, jobs: &mut Vec<Job<'a>>| {
            if let Some(&t) = site.thema_by_id.get(id) {
                jobs.push(Job::Page(t));
                jobs.push(Job::PraktijkThema(&site.pages[t].doc.slug));
            }
        };
        match &page.doc.meta {
            Meta::Praktijkvoorbeeld {
                werkplein, themas, ..
            } => {
                jobs.extend([Job::PraktijkIndex, Job::PraktijkAtom, Job::ThemasIndex]);
                for t in themas {
                    thema_jobs(&t.id, &mut jobs);
                }
                if let Some(w) = werkplein {
                    if let Some((id, _)) = site.praktijk_by_werkplein.get_key_value(w) {
                        jobs.push(Job::PraktijkWerkplein(id));
                    }
                    werkplein_jobs(w, &mut jobs);
                }
            }
            Meta::Journaal {
                editie,
                werkpleinen,
                themas,
                vraag_van,
                ..
            } => {
                jobs.extend([Job::JournaalIndex, Job::Atom, Job::Rss, Job::ThemasIndex]);
                if let Some((e, _)) = site.edities.get_key_value(editie) {
                    jobs.push(Job::Editie(e));
                }
                for t in themas {
                    thema_jobs(&t.id, &mut jobs);
                }
                for w in werkpleinen.iter().chain(vraag_van) {
                    werkplein_jobs(w, &mut jobs);
                }
            }
            Meta::Page if page.doc.section == Section::Thema => {
                jobs.extend([Job::ThemasIndex, Job::PraktijkIndex]);
                thema_jobs(&page.doc.slug, &mut jobs);
            }
            Meta::Hoofdstuk { .. } => {
                jobs.extend([Job::KaderIndex, Job::KaderPrint]);
                jobs.extend(site.hoofdstukken.iter().map(|&c| Job::Page(c)));
            }
            Meta::Page if page.doc.section == Section::KaderIndex => {
                jobs.extend([Job::KaderIndex, Job::KaderPrint]);
                jobs.extend(site.hoofdstukken.iter().map(|&c| Job::Page(c)));
            }
            Meta::Page => {}
        }
        jobs
    }

    /// Fingerprint of all a render depends on besides the pages.
    fn global_fingerprint(&self) -> u64 {
        let site = self.site;
        incremental::hash_of(&(
            self.templates_hash,
            format!("{:?}", site.config),
            format!("{:?}", site.data),
            format!("{:?}", site.landkaart),
            format!("{:?}", site.resultaten),
            site.outline.len(),
            site.pages.len(),
        ))
    }

    /// Fingerprints of each page: of its list form (item, URL, title, type-specific fields),
    /// and of its text (rendered HTML and headings).
    fn page_fingerprints(&self) -> HashMap<String, (u64, u64)> {
        self.site
            .pages
            .par_iter()
            .zip(&self.items)
            .enumerate()
            .map(|(i, (p, item))| {
                let listed = incremental::hash_of(&(
                    item,
                    &p.url,
                    &p.doc.title,
                    format!("{:?}", p.doc.meta),
                ));
                // Its own page also shows its related practices.
                let related: Vec<&str> = self
                    .related(i)
                    .iter()
                    .map(|&r| self.site.pages[r].doc.path.as_str())
                    .collect();
                (
                    p.doc.path.clone(),
                    (listed, incremental::hash_of(&(p.html_key, related))),
                )
            })
            .collect()
    }

    fn crumbs(&self, parts: &[(&str, &str)]) -> Vec<Crumb> {
        std::iter::once(("Home", ""))
            .chain(parts.iter().copied())
            .map(|(title, rel)| Crumb {
                title: title.to_string(),
                url: self.urls.path(rel),
            })
            .collect()
    }

    fn info(
        &self,
        title: &str,
        url: &str,
        section: Option<&'static str>,
        description: Option<&str>,
        crumbs: Vec<Crumb>,
    ) -> PageInfo {
        PageInfo {
            title: title.to_string(),
            url: self.urls.path(url),
            section,
            description: description
                .map(str::to_string)
                .unwrap_or_else(|| format!("{title} — {}", self.site.config.title)),
            breadcrumbs: crumbs,
        }
    }

    /// Output path, template name and context of a job.
    fn context(&self, job: Job, jobs: &[Job]) -> (String, &'static str, Context) {
        let site = self.site;
        let urls = self.urls;
        let mut ctx = Context::new();
        let (url, _) = self.page_url(job).unwrap_or_default();
        let path = out_path(&url);
        let template = match job {
            Job::Home => {
                self.shows_text(site.home.as_slice());
                self.shows(&site.themas);
                let home = site.home.map(|i| &site.pages[i]);
                let title = home.map_or(site.config.title.as_str(), |p| p.doc.title.as_str());
                ctx.insert(
                    "page",
                    &self.info(
                        title,
                        "",
                        Some("home"),
                        home.and_then(|p| p.doc.samenvatting.as_deref()),
                        vec![],
                    ),
                );
                ctx.insert("intro", &home.map_or("", |p| &*p.html));
                let journaal = &site.journaal[..site.journaal.len().min(HOME_JOURNAAL)];
                ctx.insert("journaal", &self.items(journaal));
                let praktijk =
                    &site.praktijkvoorbeelden[..site.praktijkvoorbeelden.len().min(HOME_PRAKTIJK)];
                ctx.insert("praktijkvoorbeelden", &self.items(praktijk));
                let themas: Vec<Ref> = site
                    .themas
                    .iter()
                    .filter_map(|&t| urls.thema(site, &site.pages[t].doc.slug))
                    .collect();
                ctx.insert("themas", &themas);
                ctx.insert("landkaart", &landkaart::home_summary(site, urls));
                "home.html"
            }
            Job::Page(i) => return self.page_context(i, ctx),
            Job::PraktijkIndex => {
                self.shows(&site.themas);
                ctx.insert(
                    "page",
                    &self.info(
                        "Praktijkvoorbeelden",
                        &url,
                        Some("praktijkvoorbeelden"),
                        Some("Hoe werkpleinen het aanpakken: praktijkvoorbeelden per thema, werkplein en regio."),
                        self.crumbs(&[]),
                    ),
                );
                ctx.insert("items", &self.items(&site.praktijkvoorbeelden));
                let themas: Vec<Counted> = site
                    .themas
                    .iter()
                    .map(|&t| {
                        let id = &site.pages[t].doc.slug;
                        Counted {
                            id: id.clone(),
                            naam: site.pages[t].doc.title.clone(),
                            url: urls.path(&format!("praktijkvoorbeelden/thema/{id}/")),
                            aantal: site.praktijk_by_thema.get(id).map_or(0, Vec::len),
                        }
                    })
                    .collect();
                ctx.insert("themas", &themas);
                let mut werkpleinen: Vec<Counted> = site
                    .praktijk_by_werkplein
                    .iter()
                    .filter_map(|(id, list)| {
                        let w = site.data.werkplein(id)?;
                        Some(Counted {
                            id: id.clone(),
                            naam: w.naam.clone(),
                            url: urls.path(&format!("praktijkvoorbeelden/werkplein/{id}/")),
                            aantal: list.len(),
                        })
                    })
                    .collect();
                werkpleinen.sort_by(|a, b| cmp_names(&a.naam, &b.naam).then(a.id.cmp(&b.id)));
                ctx.insert("werkpleinen", &werkpleinen);
                ctx.insert("regios", &search::practice_regios(site, urls));
                "praktijkvoorbeelden.html"
            }
            Job::PraktijkThema(id) | Job::PraktijkWerkplein(id) => {
                self.shows(
                    site.thema_by_id
                        .get(id)
                        .map(std::slice::from_ref)
                        .unwrap_or_default(),
                );
                let (label, target, list) = match job {
                    Job::PraktijkThema(_) => (
                        "Thema",
                        urls.thema(site, id),
                        site.praktijk_by_thema.get(id),
                    ),
                    _ => (
                        "Werkplein",
                        urls.werkplein(site, id),
                        site.praktijk_by_werkplein.get(id),
                    ),
                };
                let target = target.unwrap_or_else(|| Ref {
                    id: id.to_string(),
                    naam: id.to_string(),
                    url: urls.path(""),
                });
                let title = format!("Praktijkvoorbeelden: {}", target.naam);
                ctx.insert(
                    "page",
                    &self.info(
                        &title,
                        &url,
                        Some("praktijkvoorbeelden"),
                        None,
                        self.crumbs(&[("Praktijkvoorbeelden", "praktijkvoorbeelden/")]),
                    ),
                );
                ctx.insert("items", &self.items(list.map_or(&[][..], Vec::as_slice)));
                #[derive(Serialize)]
                struct Filter<'a> {
                    label: &'a str,
                    naam: String,
                    url: String,
                }
                ctx.insert(
                    "filter",
                    &Filter {
                        label,
                        naam: target.naam,
                        url: target.url,
                    },
                );
                "praktijkvoorbeelden_lijst.html"
            }
            Job::ThemasIndex => {
                self.shows(&site.themas);
                for list in site
                    .praktijk_by_thema
                    .values()
                    .chain(site.journaal_by_thema.values())
                {
                    self.shows(list);
                }
                ctx.insert(
                    "page",
                    &self.info(
                        "Thema's",
                        &url,
                        Some("themas"),
                        Some("De thema's waarop werkpleinen elkaars praktijk delen."),
                        self.crumbs(&[]),
                    ),
                );
                #[derive(Serialize)]
                struct ThemaRow<'a> {
                    id: &'a str,
                    naam: &'a str,
                    url: String,
                    samenvatting: Option<&'a str>,
                    aantal_praktijkvoorbeelden: usize,
                    aantal_journaal: usize,
                }
                let rows: Vec<ThemaRow> = site
                    .themas
                    .iter()
                    .map(|&t| {
                        let p = &site.pages[t];
                        let id = p.doc.slug.as_str();
                        ThemaRow {
                            id,
                            naam: &p.doc.title,
                            url: urls.path(&p.url),
                            samenvatting: p.doc.samenvatting.as_deref(),
                            aantal_praktijkvoorbeelden: site
                                .praktijk_by_thema
                                .get(id)
                                .map_or(0, Vec::len),
                            aantal_journaal: site.journaal_by_thema.get(id).map_or(0, Vec::len),
                        }
                    })
                    .collect();
                ctx.insert("themas", &rows);
                "themas.html"
            }
            Job::JournaalIndex => {
                self.shows(&site.journaal);
                ctx.insert(
                    "page",
                    &self.info(
                        "Werkpleinjournaal",
                        &url,
                        Some("journaal"),
                        Some("Nieuws, vragen en antwoorden en de agenda van de werkpleinen, elke maand."),
                        self.crumbs(&[]),
                    ),
                );
                let latest = &site.journaal[..site.journaal.len().min(JOURNAAL_LATEST)];
                ctx.insert("items", &self.items(latest));
                #[derive(Serialize)]
                struct EditieRow {
                    id: String,
                    naam: String,
                    url: String,
                    aantal: usize,
                }
                let edities: Vec<EditieRow> = site
                    .edities
                    .iter()
                    .rev()
                    .map(|(id, list)| {
                        let r = urls.editie(id);
                        EditieRow {
                            id: r.id,
                            naam: r.naam,
                            url: r.url,
                            aantal: list.len(),
                        }
                    })
                    .collect();
                ctx.insert("edities", &edities);
                "journaal.html"
            }
            Job::Editie(e) => {
                self.shows(&site.journaal);
                let editie = urls.editie(e);
                ctx.insert(
                    "page",
                    &self.info(
                        &format!("Werkpleinjournaal {}", editie.naam),
                        &url,
                        Some("journaal"),
                        None,
                        self.crumbs(&[("Werkpleinjournaal", "journaal/")]),
                    ),
                );
                let list = site.edities.get(e).map_or(&[][..], Vec::as_slice);
                #[derive(Serialize)]
                struct Groep<'a> {
                    soort: &'static str,
                    naam: &'static str,
                    items: Vec<&'a Item>,
                }
                let groepen: Vec<Groep> = Soort::ALL
                    .iter()
                    .map(|&s| Groep {
                        soort: s.id(),
                        naam: s.naam(),
                        items: list
                            .iter()
                            .filter(|&&i| matches!(&site.pages[i].doc.meta, Meta::Journaal { soort, .. } if *soort == s))
                            .map(|&i| &self.items[i])
                            .collect(),
                    })
                    .filter(|g| !g.items.is_empty())
                    .collect();
                ctx.insert("groepen", &groepen);
                #[derive(Serialize)]
                struct Nav {
                    naam: String,
                    url: String,
                }
                let to_nav = |id: &String| {
                    let r = urls.editie(id);
                    Nav {
                        naam: r.naam,
                        url: r.url,
                    }
                };
                let older = site
                    .edities
                    .range(..e.to_string())
                    .next_back()
                    .map(|(k, _)| to_nav(k));
                let newer = site
                    .edities
                    .range((
                        std::ops::Bound::Excluded(e.to_string()),
                        std::ops::Bound::Unbounded,
                    ))
                    .next()
                    .map(|(k, _)| to_nav(k));
                ctx.insert("vorige", &older);
                ctx.insert("volgende", &newer);
                ctx.insert("editie", &editie);
                "editie.html"
            }
            Job::KaderIndex => {
                self.shows_text(site.kaderdocument.as_slice());
                self.shows_text(&site.hoofdstukken);
                let index = site.kaderdocument.map(|i| &site.pages[i]);
                let title = index.map_or("Kaderdocument", |p| p.doc.title.as_str());
                ctx.insert(
                    "page",
                    &self.info(
                        title,
                        &url,
                        Some("kaderdocument"),
                        index.and_then(|p| p.doc.samenvatting.as_deref()),
                        self.crumbs(&[]),
                    ),
                );
                ctx.insert("intro", &index.map_or("", |p| &*p.html));
                #[derive(Serialize)]
                struct Chapter<'a> {
                    nummer: usize,
                    title: &'a str,
                    url: String,
                    samenvatting: Option<&'a str>,
                    toc: Vec<shapes::TocEntry>,
                }
                let chapters: Vec<Chapter> = site
                    .hoofdstukken
                    .iter()
                    .enumerate()
                    .map(|(n, &i)| {
                        let p = &site.pages[i];
                        Chapter {
                            nummer: n + 1,
                            title: &p.doc.title,
                            url: urls.path(&p.url),
                            samenvatting: p.doc.samenvatting.as_deref(),
                            toc: toc(p),
                        }
                    })
                    .collect();
                ctx.insert("hoofdstukken", &chapters);
                ctx.insert(
                    "print_url",
                    &urls.path(&format!("kaderdocument/{PRINT_SLUG}/")),
                );
                "kaderdocument.html"
            }
            Job::KaderPrint => {
                self.shows_text(site.kaderdocument.as_slice());
                self.shows_text(&site.hoofdstukken);
                let index = site.kaderdocument.map(|i| &site.pages[i]);
                let title = index.map_or("Kaderdocument", |p| p.doc.title.as_str());
                ctx.insert(
                    "page",
                    &self.info(
                        &format!("{title} (volledige tekst)"),
                        &url,
                        Some("kaderdocument"),
                        None,
                        self.crumbs(&[(title, "kaderdocument/")]),
                    ),
                );
                ctx.insert("intro", &index.map_or("", |p| &*p.html));
                #[derive(Serialize)]
                struct Chapter<'a> {
                    nummer: usize,
                    title: &'a str,
                    id: &'a str,
                    content: &'a str,
                }
                let chapters: Vec<Chapter> = site
                    .hoofdstukken
                    .iter()
                    .enumerate()
                    .map(|(n, &i)| {
                        let p = &site.pages[i];
                        Chapter {
                            nummer: n + 1,
                            title: &p.doc.title,
                            id: &p.doc.slug,
                            content: p.print_html.as_deref().unwrap_or(""),
                        }
                    })
                    .collect();
                ctx.insert("hoofdstukken", &chapters);
                "kaderdocument_print.html"
            }
            Job::WerkpleinenIndex => {
                ctx.insert(
                    "page",
                    &self.info(
                        "Werkpleinen",
                        &url,
                        Some("werkpleinen"),
                        Some("Alle werkpleinen van UWV WERKbedrijf en gemeenten, per arbeidsmarktregio."),
                        self.crumbs(&[]),
                    ),
                );
                let mut rows: Vec<WerkpleinRow> = site
                    .data
                    .werkpleinen
                    .iter()
                    .map(|w| self.werkplein_row(w))
                    .collect();
                rows.sort_by(|a, b| cmp_names(a.naam, b.naam).then(a.id.cmp(b.id)));
                ctx.insert("werkpleinen", &rows);
                ctx.insert(
                    "periode",
                    &site
                        .landkaart
                        .as_ref()
                        .filter(|lk| lk.current_stats().is_some())
                        .map(|lk| {
                            landkaart::period_links(urls, lk, lk.current)
                                .into_iter()
                                .find(|p| p.current)
                        }),
                );
                ctx.insert("regios", &self.regio_counts());
                "werkpleinen.html"
            }
            Job::Werkplein(i) => {
                let w = &site.data.werkpleinen[i];
                ctx.insert(
                    "page",
                    &self.info(
                        &w.naam,
                        &url,
                        Some("werkpleinen"),
                        Some(&format!(
                            "{} in {}: praktijkvoorbeelden en journaal.",
                            w.naam, w.plaats
                        )),
                        self.crumbs(&[("Werkpleinen", "werkpleinen/")]),
                    ),
                );
                #[derive(Serialize)]
                struct Profile<'a> {
                    id: &'a str,
                    naam: &'a str,
                    plaats: &'a str,
                    regio: Option<Ref>,
                    district: Option<&'a str>,
                    gemeenten: &'a [String],
                    website: Option<&'a str>,
                }
                ctx.insert(
                    "werkplein",
                    &Profile {
                        id: &w.id,
                        naam: &w.naam,
                        plaats: &w.plaats,
                        regio: urls.regio(site, &w.regio),
                        district: w.district.as_deref(),
                        gemeenten: &w.gemeenten,
                        website: w.website.as_deref(),
                    },
                );
                let praktijk = site.praktijk_by_werkplein.get(&w.id);
                ctx.insert(
                    "praktijkvoorbeelden",
                    &self.items(praktijk.map_or(&[][..], Vec::as_slice)),
                );
                ctx.insert(
                    "journaal",
                    &self.items(
                        site.journaal_by_werkplein
                            .get(&w.id)
                            .map_or(&[][..], Vec::as_slice),
                    ),
                );
                let buren: Vec<WerkpleinRow> = site
                    .werkpleinen_by_regio
                    .get(&w.regio)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| self.werkplein_row(&site.data.werkpleinen[j]))
                    .collect();
                ctx.insert("buren", &buren);
                ctx.insert(
                    "landkaart",
                    &landkaart::werkplein_landkaart(site, urls, &w.id),
                );
                ctx.insert("resultaten", &landkaart::werkplein_resultaten(site, &w.id));
                ctx.insert(
                    "lijst_url",
                    &praktijk
                        .map(|_| urls.path(&format!("praktijkvoorbeelden/werkplein/{}/", w.id))),
                );
                "werkplein.html"
            }
            Job::RegiosIndex => {
                ctx.insert(
                    "page",
                    &self.info(
                        "Arbeidsmarktregio's",
                        &url,
                        Some("werkpleinen"),
                        Some("De 35 arbeidsmarktregio's en hun werkpleinen."),
                        self.crumbs(&[("Werkpleinen", "werkpleinen/")]),
                    ),
                );
                ctx.insert("regios", &self.regio_counts());
                "regios.html"
            }
            Job::Regio(i) => {
                let r = &site.data.regios[i];
                ctx.insert(
                    "page",
                    &self.info(
                        &format!("Regio {}", r.naam),
                        &url,
                        Some("werkpleinen"),
                        Some(&format!("De werkpleinen van arbeidsmarktregio {}.", r.naam)),
                        self.crumbs(&[
                            ("Werkpleinen", "werkpleinen/"),
                            ("Arbeidsmarktregio's", "regios/"),
                        ]),
                    ),
                );
                #[derive(Serialize)]
                struct RegioInfo<'a> {
                    id: &'a str,
                    naam: &'a str,
                }
                ctx.insert(
                    "regio",
                    &RegioInfo {
                        id: &r.id,
                        naam: &r.naam,
                    },
                );
                let members = site
                    .werkpleinen_by_regio
                    .get(&r.id)
                    .map_or(&[][..], Vec::as_slice);
                let rows: Vec<WerkpleinRow> = members
                    .iter()
                    .map(|&j| self.werkplein_row(&site.data.werkpleinen[j]))
                    .collect();
                ctx.insert("werkpleinen", &rows);
                let ids: Vec<&str> = members
                    .iter()
                    .map(|&j| site.data.werkpleinen[j].id.as_str())
                    .collect();
                ctx.insert("gemiddelden", &landkaart::group_averages(site, &ids));
                let mut praktijk: Vec<usize> = members
                    .iter()
                    .flat_map(|&j| {
                        site.praktijk_by_werkplein
                            .get(&site.data.werkpleinen[j].id)
                            .map_or(&[][..], Vec::as_slice)
                            .iter()
                            .copied()
                    })
                    .collect();
                praktijk.sort_by(|&a, &b| {
                    let (a, b) = (&site.pages[a].doc, &site.pages[b].doc);
                    b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
                });
                ctx.insert("praktijkvoorbeelden", &self.items(&praktijk));
                "regio.html"
            }
            Job::LandkaartIndex | Job::LandkaartPeriode(_) => {
                let Some(lk) = site.landkaart.as_ref() else {
                    return (path, "404.html", ctx);
                };
                let p = match job {
                    Job::LandkaartPeriode(p) => p,
                    _ => lk.current,
                };
                let title = match job {
                    Job::LandkaartIndex => "De Landkaart".to_string(),
                    _ => format!("De Landkaart: {}", lk.perioden[p].naam),
                };
                let crumbs = match job {
                    Job::LandkaartIndex => self.crumbs(&[]),
                    _ => self.crumbs(&[("De Landkaart", "landkaart/")]),
                };
                let description = format!(
                    "De voortgang van de werkpleinen op de mijlpalen van integrale dienstverlening, {}.",
                    lk.perioden[p].naam
                );
                ctx.insert(
                    "page",
                    &self.info(&title, &url, Some("landkaart"), Some(&description), crumbs),
                );
                ctx.insert("landkaart", &landkaart::period_page(site, urls, lk, p));
                "landkaart.html"
            }
            Job::Zoeken => self.zoeken_context(&url, &mut ctx),
            Job::NotFound => {
                ctx.insert(
                    "page",
                    &self.info(
                        "Pagina niet gevonden",
                        "404.html",
                        None,
                        None,
                        self.crumbs(&[]),
                    ),
                );
                return ("404.html".into(), "404.html", ctx);
            }
            Job::Atom | Job::Rss => {
                self.shows_text(&site.journaal[..site.journaal.len().min(FEED_ITEMS)]);
                let name = if matches!(job, Job::Atom) {
                    "atom.xml"
                } else {
                    "rss.xml"
                };
                let rel = format!("journaal/{name}");
                ctx.insert(
                    "page",
                    &self.info("Werkpleinjournaal", &rel, None, None, vec![]),
                );
                let latest = &site.journaal[..site.journaal.len().min(FEED_ITEMS)];
                ctx.insert(
                    "feed",
                    &self.feed(
                        &rel,
                        "Werkpleinjournaal",
                        "Nieuws, vragen en antwoorden en agenda van de werkpleinen",
                        latest,
                        "journaal/",
                    ),
                );
                return (rel, name, ctx);
            }
            Job::PraktijkAtom => {
                let latest =
                    &site.praktijkvoorbeelden[..site.praktijkvoorbeelden.len().min(FEED_ITEMS)];
                self.shows_text(latest);
                ctx.insert(
                    "page",
                    &self.info("Praktijkvoorbeelden", PRAKTIJK_FEED, None, None, vec![]),
                );
                ctx.insert(
                    "feed",
                    &self.feed(
                        PRAKTIJK_FEED,
                        "Praktijkvoorbeelden",
                        "Hoe werkpleinen het aanpakken: de nieuwste praktijkvoorbeelden",
                        latest,
                        "praktijkvoorbeelden/",
                    ),
                );
                return (PRAKTIJK_FEED.into(), "atom.xml", ctx);
            }
            Job::Sitemap => {
                #[derive(Serialize)]
                struct Entry {
                    loc: String,
                    lastmod: Option<String>,
                }
                let origin = &site.config.base_url.origin;
                let mut entries: Vec<Entry> = jobs
                    .iter()
                    .filter_map(|&j| self.page_url(j))
                    .map(|(u, lastmod)| Entry {
                        loc: format!("{origin}{}", urls.path(&u)),
                        lastmod,
                    })
                    .collect();
                entries.sort_by(|a, b| a.loc.cmp(&b.loc));
                ctx.insert(
                    "page",
                    &self.info("Sitemap", "sitemap.xml", None, None, vec![]),
                );
                ctx.insert("urls", &entries);
                return ("sitemap.xml".into(), "sitemap.xml", ctx);
            }
            Job::Robots => {
                ctx.insert(
                    "page",
                    &self.info("robots.txt", "robots.txt", None, None, vec![]),
                );
                ctx.insert(
                    "sitemap_url",
                    &format!(
                        "{}{}",
                        site.config.base_url.origin,
                        urls.path("sitemap.xml")
                    ),
                );
                return ("robots.txt".into(), "robots.txt", ctx);
            }
        };
        (path, template, ctx)
    }

    /// Context of a content page.
    fn page_context(&self, i: usize, mut ctx: Context) -> (String, &'static str, Context) {
        let site = self.site;
        let urls = self.urls;
        let p = &site.pages[i];
        self.shows_text(&[i]);
        let doc = &p.doc;
        let path = out_path(&p.url);
        let (section, crumbs): (Option<&'static str>, Vec<Crumb>) = match doc.section {
            Section::Praktijkvoorbeeld => (
                Some("praktijkvoorbeelden"),
                self.crumbs(&[("Praktijkvoorbeelden", "praktijkvoorbeelden/")]),
            ),
            Section::Journaal => {
                let editie = match &doc.meta {
                    Meta::Journaal { editie, .. } => urls.editie(editie),
                    _ => urls.editie(""),
                };
                let rel = format!("journaal/{}/", editie.id);
                let name = format!("Editie {}", editie.naam);
                (
                    Some("journaal"),
                    self.crumbs(&[("Werkpleinjournaal", "journaal/"), (&name, &rel)]),
                )
            }
            Section::Thema => (Some("themas"), self.crumbs(&[("Thema's", "themas/")])),
            Section::Hoofdstuk => {
                let title = site
                    .kaderdocument
                    .map_or("Kaderdocument", |k| site.pages[k].doc.title.as_str());
                (
                    Some("kaderdocument"),
                    self.crumbs(&[(title, "kaderdocument/")]),
                )
            }
            _ => (None, self.crumbs(&[])),
        };
        ctx.insert(
            "page",
            &self.info(
                &doc.title,
                &p.url,
                section,
                doc.samenvatting.as_deref(),
                crumbs,
            ),
        );
        ctx.insert("content", &*p.html);
        ctx.insert("toc", &toc(p));
        let template = match &doc.meta {
            Meta::Praktijkvoorbeeld {
                werkplein, contact, ..
            } => {
                let it = &self.items[i];
                #[derive(Serialize)]
                struct PvMeta<'a> {
                    date: &'a Option<String>,
                    date_nl: &'a Option<String>,
                    werkplein: &'a Option<Ref>,
                    regio: Option<Ref>,
                    themas: &'a [Ref],
                    contact: Option<&'a str>,
                }
                let regio = werkplein
                    .as_deref()
                    .and_then(|w| site.data.werkplein(w))
                    .and_then(|w| urls.regio(site, &w.regio));
                ctx.insert(
                    "meta",
                    &PvMeta {
                        date: &it.date,
                        date_nl: &it.date_nl,
                        werkplein: &it.werkplein,
                        regio,
                        themas: &it.themas,
                        contact: contact.as_deref(),
                    },
                );
                ctx.insert("related", &self.items(self.related(i)));
                ctx.insert("jsonld", &self.article_jsonld(i));
                "praktijkvoorbeeld.html"
            }
            Meta::Journaal {
                soort,
                editie,
                werkpleinen,
                vraag_van,
                ..
            } => {
                let it = &self.items[i];
                #[derive(Serialize)]
                struct JMeta<'a> {
                    date: &'a Option<String>,
                    date_nl: &'a Option<String>,
                    soort: &'static str,
                    soort_naam: &'static str,
                    editie: Ref,
                    werkpleinen: Vec<Ref>,
                    themas: &'a [Ref],
                    vraag_van: Option<Ref>,
                }
                ctx.insert(
                    "meta",
                    &JMeta {
                        date: &it.date,
                        date_nl: &it.date_nl,
                        soort: soort.id(),
                        soort_naam: soort.naam(),
                        editie: urls.editie(editie),
                        werkpleinen: werkpleinen
                            .iter()
                            .filter_map(|w| urls.werkplein(site, w))
                            .collect(),
                        themas: &it.themas,
                        vraag_van: vraag_van.as_deref().and_then(|w| urls.werkplein(site, w)),
                    },
                );
                "journaal_item.html"
            }
            Meta::Hoofdstuk { .. } => {
                self.shows(site.kaderdocument.as_slice());
                self.shows(&site.hoofdstukken);
                let n = site.hoofdstukken.iter().position(|&c| c == i).unwrap_or(0);
                #[derive(Serialize)]
                struct Nummer<'a> {
                    nummer: usize,
                    title: &'a str,
                }
                ctx.insert(
                    "hoofdstuk",
                    &Nummer {
                        nummer: n + 1,
                        title: &doc.title,
                    },
                );
                #[derive(Serialize)]
                struct Chapter<'a> {
                    nummer: usize,
                    title: &'a str,
                    url: String,
                    current: bool,
                }
                let chapters: Vec<Chapter> = site
                    .hoofdstukken
                    .iter()
                    .enumerate()
                    .map(|(k, &c)| Chapter {
                        nummer: k + 1,
                        title: &site.pages[c].doc.title,
                        url: urls.path(&site.pages[c].url),
                        current: c == i,
                    })
                    .collect();
                ctx.insert("hoofdstukken", &chapters);
                #[derive(Serialize)]
                struct Link<'a> {
                    title: &'a str,
                    url: String,
                }
                let link = |k: usize| {
                    site.hoofdstukken.get(k).map(|&c| Link {
                        title: &site.pages[c].doc.title,
                        url: urls.path(&site.pages[c].url),
                    })
                };
                ctx.insert("vorige", &n.checked_sub(1).and_then(link));
                ctx.insert("volgende", &link(n + 1));
                ctx.insert(
                    "print_url",
                    &urls.path(&format!("kaderdocument/{PRINT_SLUG}/")),
                );
                "hoofdstuk.html"
            }
            Meta::Page if doc.section == Section::Thema => {
                let id = doc.slug.as_str();
                ctx.insert(
                    "praktijkvoorbeelden",
                    &self.items(
                        site.praktijk_by_thema
                            .get(id)
                            .map_or(&[][..], Vec::as_slice),
                    ),
                );
                ctx.insert(
                    "journaal",
                    &self.items(
                        site.journaal_by_thema
                            .get(id)
                            .map_or(&[][..], Vec::as_slice),
                    ),
                );
                let lijst = (!site.praktijkvoorbeelden.is_empty())
                    .then(|| urls.path(&format!("praktijkvoorbeelden/thema/{id}/")));
                ctx.insert("lijst_url", &lijst);
                "thema.html"
            }
            Meta::Page => "page.html",
        };
        (path, template, ctx)
    }

    /// Structured data (schema.org `Article`) of praktijkvoorbeeld `i`, for search engines: the
    /// JSON for a `<script type="application/ld+json">`, with `<`, `>` and `&` escaped so that
    /// no text can end the script.
    fn article_jsonld(&self, i: usize) -> String {
        let site = self.site;
        let p = &site.pages[i];
        let it = &self.items[i];
        let abs = |rel: &str| format!("{}{}", site.config.base_url.origin, self.urls.path(rel));
        let publisher = serde_json::json!({
            "@type": "Organization",
            "name": site.config.title,
            "url": site.config.base_url.full(),
        });
        let mut v = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": p.doc.title,
            "url": abs(&p.url),
            "mainEntityOfPage": abs(&p.url),
            "inLanguage": site.config.language,
            "publisher": publisher,
            "author": publisher,
        });
        if let Some(s) = &p.doc.samenvatting {
            v["description"] = s.as_str().into();
        }
        if let Some(d) = &it.date {
            v["datePublished"] = d.as_str().into();
        }
        if !it.themas.is_empty() {
            let names: Vec<&str> = it.themas.iter().map(|t| t.naam.as_str()).collect();
            v["keywords"] = names.join(", ").into();
        }
        if let Some(w) = &it.werkplein {
            v["author"] = serde_json::json!({ "@type": "Organization", "name": w.naam, "url": format!("{}{}", site.config.base_url.origin, w.url) });
            if let Some(wp) = site.data.werkplein(&w.id) {
                v["spatialCoverage"] = serde_json::json!({ "@type": "Place", "name": wp.plaats });
            }
        }
        script_json(&v)
    }

    fn werkplein_row<'w>(&self, w: &'w crate::data::Werkplein) -> WerkpleinRow<'w> {
        WerkpleinRow {
            id: &w.id,
            naam: &w.naam,
            url: self.urls.path(&format!("werkpleinen/{}/", w.id)),
            plaats: &w.plaats,
            regio: self.urls.regio(self.site, &w.regio),
            stand: landkaart::current_standing(self.site, &w.id),
        }
    }

    /// The open-data CSVs of the Landkaart (not templates: their columns are fixed by SPEC §3).
    fn open_data(&self) -> Vec<OutFile> {
        let Some(lk) = self.site.landkaart.as_ref() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (_, p, stats) in lk.reported() {
            for (name, bytes) in landkaart::period_csvs(self.site, lk, stats) {
                out.push(OutFile {
                    path: format!("landkaart/{}/{name}", p.id),
                    body: Body::Bytes(bytes),
                });
            }
        }
        if lk.current_stats().is_some() {
            out.push(OutFile {
                path: "landkaart/historie.csv".into(),
                body: Body::Bytes(landkaart::history_csv(lk)),
            });
        }
        out
    }

    fn regio_counts(&self) -> Vec<Counted> {
        let site = self.site;
        let mut rows: Vec<Counted> = site
            .data
            .regios
            .iter()
            .map(|r| Counted {
                id: r.id.clone(),
                naam: r.naam.clone(),
                url: self.urls.path(&format!("regios/{}/", r.id)),
                aantal: site.werkpleinen_by_regio.get(&r.id).map_or(0, Vec::len),
            })
            .collect();
        rows.sort_by(|a, b| cmp_names(&a.naam, &b.naam).then(a.id.cmp(&b.id)));
        rows
    }

    /// A feed of the pages `latest` (newest first) at `rel`, the HTML list at `alternate`.
    fn feed(
        &self,
        rel: &str,
        title: &str,
        subtitle: &str,
        latest: &[usize],
        alternate: &str,
    ) -> FeedCtx {
        let site = self.site;
        let origin = &site.config.base_url.origin;
        let abs = |u: &str| format!("{origin}{u}");
        let items: Vec<FeedItem> = latest
            .iter()
            .map(|&i| {
                let p = &site.pages[i];
                let date = p.doc.date.unwrap_or_default();
                FeedItem {
                    title: p.doc.title.clone(),
                    url: abs(&self.urls.path(&p.url)),
                    date_rfc3339: rfc3339(date),
                    date_rfc2822: rfc2822(date),
                    samenvatting: p.doc.samenvatting.clone(),
                    content: absolutize(&p.html, origin),
                }
            })
            .collect();
        let newest = latest
            .iter()
            .filter_map(|&i| site.pages[i].doc.date)
            .max()
            .unwrap_or_default();
        FeedCtx {
            title: format!("{title} — {}", site.config.title),
            subtitle: format!("{subtitle} — {}", site.config.title),
            url: abs(&self.urls.path(rel)),
            alternate: abs(&self.urls.path(alternate)),
            updated: rfc3339(newest),
            updated_rfc2822: rfc2822(newest),
            items,
        }
    }
}

#[derive(Serialize)]
struct WerkpleinRow<'a> {
    id: &'a str,
    naam: &'a str,
    url: String,
    plaats: &'a str,
    regio: Option<Ref>,
    /// Current Landkaart standing; none without a Landkaart or report.
    stand: Option<landkaart::Standing>,
}

#[derive(Serialize)]
struct FeedItem {
    title: String,
    url: String,
    date_rfc3339: String,
    date_rfc2822: String,
    samenvatting: Option<String>,
    content: String,
}

#[derive(Serialize)]
struct FeedCtx {
    title: String,
    subtitle: String,
    url: String,
    alternate: String,
    updated: String,
    updated_rfc2822: String,
    items: Vec<FeedItem>,
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

fn rfc3339(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

fn rfc2822(d: chrono::NaiveDate) -> String {
    d.format("%a, %d %b %Y 00:00:00 +0000").to_string()
}

/// Makes root-relative links absolute, for feed readers.
fn absolutize(html: &str, origin: &str) -> String {
    html.replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"))
        .replace(&format!("=\"{origin}//"), "=\"//")
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn feed_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2009, 10, 5).unwrap();
        assert_eq!(rfc3339(d), "2009-10-05T00:00:00Z");
        assert_eq!(rfc2822(d), "Mon, 05 Oct 2009 00:00:00 +0000");
    }

    #[test]
    fn absolute_links_for_feeds() {
        let html = r#"<a href="/sub/a/">a</a> <img src="/sub/x.png"> <a href="https://x.nl/">x</a> <a href="//cdn/">c</a>"#;
        let out = absolutize(html, "https://e.org");
        assert!(out.contains(r#"href="https://e.org/sub/a/""#));
        assert!(out.contains(r#"src="https://e.org/sub/x.png""#));
        assert!(out.contains(r#"href="https://x.nl/""#));
        assert!(out.contains(r#"href="//cdn/""#));
    }
}

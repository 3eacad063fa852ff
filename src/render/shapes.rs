//! The small serializable shapes templates receive (see docs/templates.md).

use serde::Serialize;

use crate::content::{Meta, Section};
use crate::model::{Page, Site};
use crate::route::Route;
use crate::text;

use super::Renderer;

/// A link to a werkplein, regio, thema or edition.
#[derive(Debug, Clone, Serialize, Hash)]
pub(super) struct Ref {
    pub id: String,
    pub naam: String,
    pub url: String,
}

/// A Ref with a count, for filter lists.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Counted {
    pub id: String,
    pub naam: String,
    pub url: String,
    pub aantal: usize,
}

/// A page as it appears in a list.
#[derive(Debug, Clone, Serialize, Hash)]
pub(super) struct Item {
    pub title: String,
    pub url: String,
    pub kind: &'static str,
    pub date: Option<String>,
    pub date_nl: Option<String>,
    pub samenvatting: Option<String>,
    pub soort: Option<&'static str>,
    pub soort_naam: Option<&'static str>,
    pub werkplein: Option<Ref>,
    /// The arbeidsmarktregio of a praktijkvoorbeeld's werkplein.
    pub regio: Option<Ref>,
    pub themas: Vec<Ref>,
    /// Agenda items: when (`donderdag 8 oktober 2009, 13.00–17.00 uur`) and where.
    pub wanneer: Option<Wanneer>,
}

/// When and where an agenda item is, for templates.
#[derive(Debug, Clone, Serialize, Hash)]
pub(super) struct Wanneer {
    /// In Dutch: `donderdag 8 oktober 2009, 13.00–17.00 uur`.
    pub label: String,
    /// Start, `2009-10-08` or `2009-10-08T13:00`, for `<time datetime>`.
    pub van: String,
    pub waar: Option<String>,
    /// The item's own calendar file (`.ics`).
    pub ics: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct Crumb {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct PageInfo {
    pub title: String,
    pub url: String,
    pub section: Option<&'static str>,
    pub description: String,
    pub breadcrumbs: Vec<Crumb>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct TocEntry {
    pub id: String,
    pub title: String,
    pub level: u8,
}

/// URL builder: every internal URL carries the base path.
#[derive(Clone, Copy)]
pub(super) struct Urls<'a> {
    pub base_path: &'a str,
}

impl Urls<'_> {
    pub(super) fn path(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }

    /// The URL of a route, with the base path.
    pub(super) fn route(&self, route: Route) -> String {
        self.path(&route.url())
    }

    pub(super) fn werkplein(&self, site: &Site, id: &str) -> Option<Ref> {
        site.data.werkplein(id).map(|w| Ref {
            id: w.id.clone(),
            naam: w.naam.clone(),
            url: self.route(Route::Werkplein(&w.id)),
        })
    }

    pub(super) fn regio(&self, site: &Site, id: &str) -> Option<Ref> {
        site.data.regio(id).map(|r| Ref {
            id: r.id.clone(),
            naam: r.naam.clone(),
            url: self.route(Route::Regio(&r.id)),
        })
    }

    pub(super) fn district(&self, site: &Site, id: &str) -> Option<Ref> {
        site.data.district(id).map(|d| Ref {
            id: d.id.clone(),
            naam: d.naam.clone(),
            url: self.route(Route::District(&d.id)),
        })
    }

    pub(super) fn thema(&self, site: &Site, id: &str) -> Option<Ref> {
        site.thema_by_id.get(id).map(|&i| Ref {
            id: id.to_string(),
            naam: site.pages[i].doc.title.clone(),
            url: self.path(&site.pages[i].url),
        })
    }

    pub(super) fn editie(&self, id: &str) -> Ref {
        Ref {
            id: id.to_string(),
            naam: text::month_nl(id).unwrap_or_else(|| id.to_string()),
            url: self.route(Route::Editie(id)),
        }
    }
}

pub(super) fn kind_of(section: Section) -> &'static str {
    match section {
        Section::Praktijkvoorbeeld => "praktijkvoorbeeld",
        Section::Journaal => "journaal",
        Section::Thema => "thema",
        Section::Hoofdstuk | Section::KaderIndex => "kaderdocument",
        Section::Home | Section::Plain | Section::Kiosk => "pagina",
    }
}

/// The list form of a page.
pub(super) fn item(site: &Site, urls: Urls, page: &Page) -> Item {
    let doc = &page.doc;
    let (werkplein, themas, soort) = match &doc.meta {
        Meta::Praktijkvoorbeeld {
            werkplein, themas, ..
        } => (werkplein.as_deref(), themas.as_slice(), None),
        Meta::Journaal {
            soort,
            themas,
            vraag_van,
            ..
        } => (vraag_van.as_deref(), themas.as_slice(), Some(*soort)),
        _ => (None, &[][..], None),
    };
    Item {
        title: doc.title.clone(),
        url: urls.path(&page.url),
        kind: kind_of(doc.section),
        date: doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
        date_nl: doc.date.map(text::date_nl),
        samenvatting: doc.samenvatting.clone(),
        soort: soort.map(|s| s.id()),
        soort_naam: soort.map(|s| s.naam()),
        werkplein: werkplein.and_then(|w| urls.werkplein(site, w)),
        regio: match &doc.meta {
            Meta::Praktijkvoorbeeld { .. } => werkplein
                .and_then(|w| site.data.werkplein(w))
                .and_then(|w| urls.regio(site, &w.regio)),
            _ => None,
        },
        themas: themas
            .iter()
            .filter_map(|t| urls.thema(site, &t.id))
            .collect(),
        wanneer: wanneer_of(urls, page),
    }
}

/// When and where a dated agenda item is, with its own calendar file
/// (`journaal/<slug>/<slug>.ics`, named after the item when saved); none for other pages.
fn wanneer_of(urls: Urls, page: &Page) -> Option<Wanneer> {
    match &page.doc.meta {
        Meta::Journaal {
            wanneer: Some(w),
            waar,
            ..
        } => Some(Wanneer {
            label: w.label_nl(),
            van: w.van.iso(),
            waar: waar.clone(),
            ics: urls.route(Route::AgendaItemIcs(&page.doc.slug)),
        }),
        _ => None,
    }
}

/// `##` and `###` headings for a table of contents.
pub(super) fn toc(page: &Page) -> Vec<TocEntry> {
    page.analysis
        .headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level))
        .map(|h| TocEntry {
            id: h.id.clone(),
            title: h.text.clone(),
            level: h.level,
        })
        .collect()
}

impl Renderer<'_> {
    /// Breadcrumbs: Home, then these (title, route) pairs.
    pub(super) fn crumbs(&self, parts: &[(&str, Route)]) -> Vec<Crumb> {
        std::iter::once(("Home", Route::Home))
            .chain(parts.iter().copied())
            .map(|(title, route)| Crumb {
                title: title.to_string(),
                url: self.urls.route(route),
            })
            .collect()
    }

    /// The `page` every template gets. `description` defaults to "title — site title".
    pub(super) fn info(
        &self,
        title: &str,
        route: Route,
        section: Option<&'static str>,
        description: Option<&str>,
        crumbs: Vec<Crumb>,
    ) -> PageInfo {
        PageInfo {
            title: title.to_string(),
            url: self.urls.route(route),
            section,
            description: description
                .map(str::to_string)
                .unwrap_or_else(|| format!("{title} — {}", self.site.config.title)),
            breadcrumbs: crumbs,
        }
    }

    /// The list forms of these pages (record them in the [`super::Deps`] first).
    pub(super) fn items(&self, list: &[usize]) -> Vec<&Item> {
        list.iter().map(|&i| &self.items[i]).collect()
    }

    /// The `page`, `content` and `toc` of content page `i`, its text recorded as shown.
    pub(super) fn content(
        &self,
        i: usize,
        section: Option<&'static str>,
        crumbs: Vec<Crumb>,
        d: &mut super::Deps,
    ) -> ContentPage<'_> {
        d.text(i);
        let p = &self.site.pages[i];
        ContentPage {
            page: self.info(
                &p.doc.title,
                Route::Content(&p.url),
                section,
                p.doc.samenvatting.as_deref(),
                crumbs,
            ),
            content: &p.html,
            toc: toc(p),
        }
    }
}

/// What every content page's template gets (flattened into its context).
#[derive(Serialize)]
pub(super) struct ContentPage<'a> {
    pub page: PageInfo,
    pub content: &'a str,
    pub toc: Vec<TocEntry>,
}

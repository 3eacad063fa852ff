//! The small serializable shapes templates receive (see docs/templates.md).

use serde::Serialize;

use crate::content::{Meta, Section};
use crate::model::{Page, Site};
use crate::text;

/// A link to a werkplein, regio, thema or edition.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Ref {
    pub id: String,
    pub naam: String,
    pub url: String,
}

/// A Ref with a count, for filter lists.
#[derive(Debug, Clone, Serialize)]
pub struct Counted {
    pub id: String,
    pub naam: String,
    pub url: String,
    pub aantal: usize,
}

/// A page as it appears in a list.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Item {
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
pub struct Wanneer {
    /// In Dutch: `donderdag 8 oktober 2009, 13.00–17.00 uur`.
    pub label: String,
    /// Start, `2009-10-08` or `2009-10-08T13:00`, for `<time datetime>`.
    pub van: String,
    pub waar: Option<String>,
    /// The item's own calendar file (`.ics`).
    pub ics: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageInfo {
    pub title: String,
    pub url: String,
    pub section: Option<&'static str>,
    pub description: String,
    pub breadcrumbs: Vec<Crumb>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
    pub level: u8,
}

/// URL builder: every internal URL carries the base path.
#[derive(Clone, Copy)]
pub struct Urls<'a> {
    pub base_path: &'a str,
}

impl Urls<'_> {
    pub fn path(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }

    pub fn werkplein(&self, site: &Site, id: &str) -> Option<Ref> {
        site.data.werkplein(id).map(|w| Ref {
            id: w.id.clone(),
            naam: w.naam.clone(),
            url: self.path(&format!("werkpleinen/{}/", w.id)),
        })
    }

    pub fn regio(&self, site: &Site, id: &str) -> Option<Ref> {
        site.data.regio(id).map(|r| Ref {
            id: r.id.clone(),
            naam: r.naam.clone(),
            url: self.path(&format!("regios/{}/", r.id)),
        })
    }

    pub fn thema(&self, site: &Site, id: &str) -> Option<Ref> {
        site.thema_by_id.get(id).map(|&i| Ref {
            id: id.to_string(),
            naam: site.pages[i].doc.title.clone(),
            url: self.path(&site.pages[i].url),
        })
    }

    pub fn editie(&self, id: &str) -> Ref {
        Ref {
            id: id.to_string(),
            naam: text::month_nl(id).unwrap_or_else(|| id.to_string()),
            url: self.path(&format!("journaal/{id}/")),
        }
    }
}

pub fn kind_of(section: Section) -> &'static str {
    match section {
        Section::Praktijkvoorbeeld => "praktijkvoorbeeld",
        Section::Journaal => "journaal",
        Section::Thema => "thema",
        Section::Hoofdstuk | Section::KaderIndex => "kaderdocument",
        Section::Home | Section::Plain | Section::Kiosk => "pagina",
    }
}

/// The list form of a page.
pub fn item(site: &Site, urls: Urls, page: &Page) -> Item {
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

/// The item's calendar file: `journaal/<slug>/<slug>.ics` (named after the item when saved).
pub fn ics_path(page: &Page) -> String {
    format!("{}{}.ics", page.url, page.doc.slug)
}

/// When and where a dated agenda item is; none for other pages.
pub fn wanneer_of(urls: Urls, page: &Page) -> Option<Wanneer> {
    match &page.doc.meta {
        Meta::Journaal {
            wanneer: Some(w),
            waar,
            ..
        } => Some(Wanneer {
            label: w.label_nl(),
            van: w.van.iso(),
            waar: waar.clone(),
            ics: urls.path(&ics_path(page)),
        }),
        _ => None,
    }
}

/// `##` and `###` headings for a table of contents.
pub fn toc(page: &Page) -> Vec<TocEntry> {
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

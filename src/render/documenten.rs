//! `/documenten/`: every delivered document, and `/documenten/<soort>/`: those of one soort.
//! The filter is a list of links, so it works the same without JavaScript.

use serde::Serialize;

use crate::documenten::Soort;
use crate::model::Site;

use super::dossier::{DocItem, doc_item};
use super::shapes::Urls;

/// The soorten that have documents: each gets its own page.
pub fn soorten(site: &Site) -> Vec<Soort> {
    site.documenten
        .per_soort()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, _)| s)
        .collect()
}

pub fn url(soort: Option<Soort>) -> String {
    match soort {
        None => "documenten/".into(),
        Some(s) => format!("documenten/{}/", s.id()),
    }
}

#[derive(Serialize)]
pub struct Filter {
    pub id: &'static str,
    pub naam: &'static str,
    pub url: String,
    pub aantal: usize,
    pub actief: bool,
}

#[derive(Serialize)]
pub struct Page {
    /// The soort shown (`None`: all).
    pub soort: Option<Filter>,
    pub filters: Vec<Filter>,
    pub alle: Filter,
    pub items: Vec<DocItem>,
    /// Documents of werkpleinen and national ones, counted.
    pub werkpleinen: usize,
    pub landelijk: usize,
}

pub fn page(site: &Site, urls: Urls, soort: Option<Soort>) -> Page {
    let docs = &site.documenten;
    let filter = |s: Soort, n: usize| Filter {
        id: s.id(),
        naam: s.meervoud(),
        url: urls.path(&url(Some(s))),
        aantal: n,
        actief: soort == Some(s),
    };
    let filters: Vec<Filter> = docs
        .per_soort()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| filter(s, n))
        .collect();
    let shown: Vec<_> = docs
        .list
        .iter()
        .filter(|d| soort.is_none_or(|s| d.soort == s))
        .collect();
    Page {
        soort: soort.map(|s| filter(s, shown.len())),
        filters,
        alle: Filter {
            id: "alle",
            naam: "Alle documenten",
            url: urls.path(&url(None)),
            aantal: docs.list.len(),
            actief: soort.is_none(),
        },
        werkpleinen: shown.iter().filter(|d| d.werkplein.is_some()).count(),
        landelijk: shown.iter().filter(|d| d.werkplein.is_none()).count(),
        items: shown.into_iter().map(|d| doc_item(site, urls, d)).collect(),
    }
}

//! `/documenten/`: every delivered document, and `/documenten/<soort>/`: those of one soort.
//! The filter is a list of links, so it works the same without JavaScript.

use serde::Serialize;

use crate::documenten::Soort;
use crate::model::Site;
use crate::route::Route;

use super::dossier::{DocItem, doc_item};
use super::shapes::{PageInfo, Urls};
use super::{Built, Renderer};

/// The soorten that have documents: each gets its own page.
pub(super) fn soorten(site: &Site) -> Vec<Soort> {
    site.documenten
        .per_soort()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, _)| s)
        .collect()
}

pub(super) fn route(soort: Option<Soort>) -> Route<'static> {
    match soort {
        None => Route::DocumentenIndex,
        Some(s) => Route::DocumentenSoort(s.id()),
    }
}

#[derive(Serialize)]
struct Filter {
    id: &'static str,
    naam: &'static str,
    url: String,
    aantal: usize,
    actief: bool,
}

#[derive(Serialize)]
struct Page {
    /// The soort shown (`None`: all).
    soort: Option<Filter>,
    filters: Vec<Filter>,
    alle: Filter,
    items: Vec<DocItem>,
    /// Documents of werkpleinen and national ones, counted.
    werkpleinen: usize,
    landelijk: usize,
}

/// Context of `documenten.html`.
#[derive(Serialize)]
struct DocumentenContext {
    page: PageInfo,
    documenten: Page,
}

/// `/documenten/` (`soort` none) or `/documenten/<soort>/`.
pub(super) fn index(r: &Renderer, soort: Option<Soort>) -> Built {
    let title = match soort {
        None => "Documenten".to_string(),
        Some(s) => format!("Documenten: {}", s.meervoud().to_lowercase()),
    };
    let crumbs = match soort {
        None => r.crumbs(&[("Werkpleinen", Route::WerkpleinenIndex)]),
        Some(_) => r.crumbs(&[
            ("Werkpleinen", Route::WerkpleinenIndex),
            ("Documenten", Route::DocumentenIndex),
        ]),
    };
    let ctx = DocumentenContext {
        page: r.info(
            &title,
            route(soort),
            Some("werkpleinen"),
            Some("Ketenjaarplannen, marktbewerkingsplannen, dienstverleningsconcepten en handreikingen die werkpleinen delen om van elkaar te leren."),
            crumbs,
        ),
        documenten: page(r.site, r.urls, soort),
    };
    Built::new("documenten.html", &ctx)
}

fn page(site: &Site, urls: Urls, soort: Option<Soort>) -> Page {
    let docs = &site.documenten;
    let filter = |s: Soort, n: usize| Filter {
        id: s.id(),
        naam: s.meervoud(),
        url: urls.route(route(Some(s))),
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
            url: urls.route(route(None)),
            aantal: docs.list.len(),
            actief: soort.is_none(),
        },
        werkpleinen: shown.iter().filter(|d| d.werkplein.is_some()).count(),
        landelijk: shown.iter().filter(|d| d.werkplein.is_none()).count(),
        items: shown.into_iter().map(|d| doc_item(site, urls, d)).collect(),
    }
}

//! Thema's: the index with counts, and each thema page with its practices and journaal items.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{ContentPage, Item, PageInfo};
use super::{Built, Renderer};
use crate::route::Route;

/// Context of `themas.html`.
#[derive(Serialize)]
struct IndexContext<'a> {
    page: PageInfo,
    themas: Vec<ThemaRow<'a>>,
}

#[derive(Serialize)]
struct ThemaRow<'a> {
    id: &'a str,
    naam: &'a str,
    url: String,
    samenvatting: Option<&'a str>,
    aantal_praktijkvoorbeelden: usize,
    aantal_journaal: usize,
}

pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let themas = d.list(site, List::Themas);
    let rows: Vec<ThemaRow> = themas
        .iter()
        .map(|&t| {
            let p = &site.pages[t];
            let id = p.doc.slug.as_str();
            ThemaRow {
                id,
                naam: &p.doc.title,
                url: r.urls.route(Route::Content(&p.url)),
                samenvatting: p.doc.samenvatting.as_deref(),
                aantal_praktijkvoorbeelden: d
                    .order(site, List::PraktijkByThema(id.to_string()))
                    .len(),
                aantal_journaal: d.order(site, List::JournaalByThema(id.to_string())).len(),
            }
        })
        .collect();
    let ctx = IndexContext {
        page: r.info(
            "Thema's",
            Route::ThemasIndex,
            Some("themas"),
            Some("De thema's waarop werkpleinen elkaars praktijk delen."),
            r.crumbs(&[]),
        ),
        themas: rows,
    };
    Built::new("themas.html", &ctx)
}

/// Context of `thema.html`.
#[derive(Serialize)]
struct PageContext<'a> {
    #[serde(flatten)]
    content: ContentPage<'a>,
    /// The newest practices; `aantal_praktijkvoorbeelden` counts all (on `lijst_url`).
    praktijkvoorbeelden: Vec<&'a Item>,
    aantal_praktijkvoorbeelden: usize,
    journaal: Vec<&'a Item>,
    lijst_url: Option<String>,
}

/// The page of thema `i`.
pub(super) fn page(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let id = site.pages[i].doc.slug.as_str();
    let content = r.content(
        i,
        Some("themas"),
        r.crumbs(&[("Thema's", Route::ThemasIndex)]),
        d,
    );
    // The newest practices and the count of all.
    let praktijk = d.order(site, List::PraktijkByThema(id.to_string()));
    d.pages(super::voorproef(&praktijk));
    let journaal = d.list(site, List::JournaalByThema(id.to_string()));
    let ctx = PageContext {
        content,
        praktijkvoorbeelden: r.items(super::voorproef(&praktijk)),
        aantal_praktijkvoorbeelden: praktijk.len(),
        journaal: r.items(&journaal),
        lijst_url: (!site.praktijkvoorbeelden.is_empty())
            .then(|| r.urls.route(Route::PraktijkThema(id))),
    };
    Built::new("thema.html", &ctx)
}

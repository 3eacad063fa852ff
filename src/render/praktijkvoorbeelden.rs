//! Praktijkvoorbeelden: the index with its filters, the lists per thema and per werkplein, and
//! the page of each practice with its related practices.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{ContentPage, Counted, Item, PageInfo, Ref};
use super::{Built, Renderer, zoeken};
use crate::content::Meta;
use crate::route::Route;

/// Context of `praktijkvoorbeelden.html`.
#[derive(Serialize)]
struct IndexContext<'a> {
    page: PageInfo,
    items: Vec<&'a Item>,
    themas: Vec<Counted>,
    werkpleinen: Vec<Counted>,
    regios: Vec<Counted>,
}

pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let urls = r.urls;
    let themas = d.list(site, List::Themas);
    let items = d.list(site, List::Praktijkvoorbeelden);
    let themas: Vec<Counted> = themas
        .iter()
        .map(|&t| {
            let id = &site.pages[t].doc.slug;
            Counted {
                id: id.clone(),
                naam: site.pages[t].doc.title.clone(),
                url: urls.route(Route::PraktijkThema(id)),
                aantal: site.praktijk_by_thema.get(id).map_or(0, Vec::len),
            }
        })
        .collect();
    let mut werkpleinen: Vec<Counted> = site
        .praktijk_by_werkplein
        .iter()
        .filter_map(|(id, list)| {
            let w = site.data.werkplein(id)?;
            Some(Counted {
                id: id.clone(),
                naam: w.naam.clone(),
                url: urls.route(Route::PraktijkWerkplein(id)),
                aantal: list.len(),
            })
        })
        .collect();
    werkpleinen.sort_by(|a, b| crate::text::cmp_names(&a.naam, &b.naam).then(a.id.cmp(&b.id)));
    let ctx = IndexContext {
        page: r.info(
            "Praktijkvoorbeelden",
            Route::PraktijkIndex,
            Some("praktijkvoorbeelden"),
            Some(
                "Hoe werkpleinen het aanpakken: praktijkvoorbeelden per thema, werkplein en regio.",
            ),
            r.crumbs(&[]),
        ),
        items: r.items(&items),
        themas,
        werkpleinen,
        regios: zoeken::practice_regios(site, urls),
    };
    Built::new("praktijkvoorbeelden.html", &ctx)
}

/// Context of `praktijkvoorbeelden_lijst.html`.
#[derive(Serialize)]
struct LijstContext<'a> {
    page: PageInfo,
    items: Vec<&'a Item>,
    filter: Filter<'a>,
}

#[derive(Serialize)]
struct Filter<'a> {
    label: &'a str,
    naam: String,
    url: String,
}

/// The practices of thema `id`.
pub(super) fn by_thema(r: &Renderer, id: &str, d: &mut Deps) -> Built {
    let target = r.urls.thema(r.site, id);
    let list = d.list(r.site, List::PraktijkByThema(id.to_string()));
    lijst(r, Route::PraktijkThema(id), id, "Thema", target, &list, d)
}

/// The practices of werkplein `id`.
pub(super) fn by_werkplein(r: &Renderer, id: &str, d: &mut Deps) -> Built {
    let target = r.urls.werkplein(r.site, id);
    let list = d.list(r.site, List::PraktijkByWerkplein(id.to_string()));
    lijst(
        r,
        Route::PraktijkWerkplein(id),
        id,
        "Werkplein",
        target,
        &list,
        d,
    )
}

fn lijst(
    r: &Renderer,
    route: Route,
    id: &str,
    label: &'static str,
    target: Option<Ref>,
    list: &[usize],
    d: &mut Deps,
) -> Built {
    let site = r.site;
    // The thema's page gives the title.
    if let Some(&t) = site.thema_by_id.get(id) {
        d.page(t);
    }
    let target = target.unwrap_or_else(|| Ref {
        id: id.to_string(),
        naam: id.to_string(),
        url: r.urls.route(Route::Home),
    });
    let title = format!("Praktijkvoorbeelden: {}", target.naam);
    let ctx = LijstContext {
        page: r.info(
            &title,
            route,
            Some("praktijkvoorbeelden"),
            None,
            r.crumbs(&[("Praktijkvoorbeelden", Route::PraktijkIndex)]),
        ),
        items: r.items(list),
        filter: Filter {
            label,
            naam: target.naam,
            url: target.url,
        },
    };
    Built::new("praktijkvoorbeelden_lijst.html", &ctx)
}

/// Context of `praktijkvoorbeeld.html`.
#[derive(Serialize)]
struct PageContext<'a> {
    #[serde(flatten)]
    content: ContentPage<'a>,
    meta: PvMeta<'a>,
    related: Vec<&'a Item>,
    /// schema.org `Article` as JSON, safe inside a `<script>`.
    jsonld: String,
}

#[derive(Serialize)]
struct PvMeta<'a> {
    date: &'a Option<String>,
    date_nl: &'a Option<String>,
    werkplein: &'a Option<Ref>,
    regio: Option<Ref>,
    themas: &'a [Ref],
    contact: Option<&'a str>,
}

/// The page of practice `i`.
pub(super) fn page(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let urls = r.urls;
    let (werkplein, contact) = match &site.pages[i].doc.meta {
        Meta::Praktijkvoorbeeld {
            werkplein, contact, ..
        } => (werkplein.as_deref(), contact.as_deref()),
        _ => (None, None),
    };
    let content = r.content(
        i,
        Some("praktijkvoorbeelden"),
        r.crumbs(&[("Praktijkvoorbeelden", Route::PraktijkIndex)]),
        d,
    );
    let it = &r.items[i];
    let regio = werkplein
        .and_then(|w| site.data.werkplein(w))
        .and_then(|w| urls.regio(site, &w.regio));
    let related = r.related(i);
    d.pages(related);
    let ctx = PageContext {
        content,
        meta: PvMeta {
            date: &it.date,
            date_nl: &it.date_nl,
            werkplein: &it.werkplein,
            regio,
            themas: &it.themas,
            contact,
        },
        related: r.items(related),
        jsonld: article_jsonld(r, i),
    };
    Built::new("praktijkvoorbeeld.html", &ctx)
}

/// Structured data (schema.org `Article`) of practice `i`, for search engines: the JSON for a
/// `<script type="application/ld+json">`, with `<`, `>` and `&` escaped so that no text can
/// end the script.
fn article_jsonld(r: &Renderer, i: usize) -> String {
    let site = r.site;
    let p = &site.pages[i];
    let it = &r.items[i];
    let origin = &site.config.base_url.origin;
    let url = format!("{origin}{}", r.urls.route(Route::Content(&p.url)));
    let publisher = serde_json::json!({
        "@type": "Organization",
        "name": site.config.title,
        "url": site.config.base_url.full(),
    });
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": p.doc.title,
        "url": url,
        "mainEntityOfPage": url,
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
        v["author"] = serde_json::json!({
            "@type": "Organization",
            "name": w.naam,
            "url": format!("{origin}{}", w.url),
        });
        if let Some(wp) = site.data.werkplein(&w.id) {
            v["spatialCoverage"] = serde_json::json!({ "@type": "Place", "name": wp.plaats });
        }
    }
    super::script_json(&v)
}

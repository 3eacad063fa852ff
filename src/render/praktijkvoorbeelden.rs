//! Praktijkvoorbeelden: the index with its filters, the lists per thema and per werkplein, and
//! the page of each practice with its related practices.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{ContentPage, Counted, Item, PageInfo, Ref};
use super::{Built, Renderer, zoeken};
use crate::content::Meta;
use crate::route::Route;

/// A list of praktijkvoorbeelden that is split over numbered pages.
#[derive(Debug, Clone, Copy)]
pub(super) enum Lijst<'a> {
    Alle,
    Thema(&'a str),
    Werkplein(&'a str),
}

impl<'a> Lijst<'a> {
    /// The address of page `n` (from 1): the list's own URL, then `…/pagina/n/`.
    pub(super) fn route(self, n: usize) -> Route<'a> {
        match (self, n) {
            (Lijst::Alle, 0 | 1) => Route::PraktijkIndex,
            (Lijst::Alle, n) => Route::PraktijkIndexPagina(n),
            (Lijst::Thema(id), 0 | 1) => Route::PraktijkThema(id),
            (Lijst::Thema(id), n) => Route::PraktijkThemaPagina(id, n),
            (Lijst::Werkplein(id), 0 | 1) => Route::PraktijkWerkplein(id),
            (Lijst::Werkplein(id), n) => Route::PraktijkWerkpleinPagina(id, n),
        }
    }
}

/// How many pages a list of `len` practices takes at `per` a page (at least one: an empty list
/// still has its page, which says it is empty).
pub(super) fn page_count(len: usize, per: usize) -> usize {
    len.div_ceil(per.max(1)).max(1)
}

/// The page numbers the numbered links show on page `n` of `count`: the first, the last and
/// two either side of `n`; `None` where numbers are left out (an ellipsis).
fn page_numbers(n: usize, count: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = 0;
    for k in 1..=count {
        if k == 1 || k == count || k.abs_diff(n) <= 2 {
            if k > last + 1 {
                out.push(None);
            }
            out.push(Some(k));
            last = k;
        }
    }
    out
}

/// Where a page of a paginated list is, and its links to the others (`rel=prev/next`).
#[derive(Serialize)]
struct Paginering {
    nummer: usize,
    aantal: usize,
    /// The positions (from 1) of the first and last practice on this page, and the total.
    van: usize,
    tot: usize,
    totaal: usize,
    vorige: Option<String>,
    volgende: Option<String>,
    paginas: Vec<PaginaLink>,
}

#[derive(Serialize)]
struct PaginaLink {
    /// `None`: the numbers left out here.
    nummer: Option<usize>,
    url: String,
    huidige: bool,
}

/// Page `n` of `list`: the part of `members` it shows and its [`Paginering`].
fn paginate<'m>(
    r: &Renderer,
    list: Lijst,
    n: usize,
    members: &'m [usize],
) -> (&'m [usize], Paginering) {
    let per = r.site.config.paginering.max(1);
    let count = page_count(members.len(), per);
    let n = n.clamp(1, count);
    let from = ((n - 1) * per).min(members.len());
    let to = (from + per).min(members.len());
    let url = |k: usize| r.urls.route(list.route(k));
    let p = Paginering {
        nummer: n,
        aantal: count,
        van: from + 1,
        tot: to,
        totaal: members.len(),
        vorige: (n > 1).then(|| url(n - 1)),
        volgende: (n < count).then(|| url(n + 1)),
        paginas: page_numbers(n, count)
            .into_iter()
            .map(|k| PaginaLink {
                nummer: k,
                url: k.map(url).unwrap_or_default(),
                huidige: k == Some(n),
            })
            .collect(),
    };
    (&members[from..to], p)
}

/// The title of page `n` of a list called `title`: "… (pagina 2 van 7)" from page 2.
fn paged_title(title: &str, p: &Paginering) -> String {
    if p.nummer > 1 {
        format!("{title} (pagina {} van {})", p.nummer, p.aantal)
    } else {
        title.to_string()
    }
}

/// Context of `praktijkvoorbeelden.html`.
#[derive(Serialize)]
struct IndexContext<'a> {
    page: PageInfo,
    items: Vec<&'a Item>,
    paginering: Paginering,
    themas: Vec<Counted>,
    werkpleinen: Vec<Counted>,
    regios: Vec<Counted>,
    /// The filters' index (`praktijkvoorbeelden/filter.js`).
    filter_index: String,
}

pub(super) fn index(r: &Renderer, n: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let urls = r.urls;
    let themas = d.list(site, List::Themas);
    // Its slice of the list, and every practice's werkplein and thema's for the filters.
    let all = d.order(site, List::Praktijkvoorbeelden);
    let (shown, paginering) = paginate(r, Lijst::Alle, n, &all);
    d.pages(shown);
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
    crate::text::sort_by_name(&mut werkpleinen, |c| (&c.naam, &c.id));
    let mut crumbs = vec![];
    if paginering.nummer > 1 {
        crumbs.push(("Praktijkvoorbeelden", Route::PraktijkIndex));
    }
    let ctx = IndexContext {
        page: r.info(
            &paged_title("Praktijkvoorbeelden", &paginering),
            Lijst::Alle.route(paginering.nummer),
            Some("praktijkvoorbeelden"),
            Some(
                "Hoe werkpleinen het aanpakken: praktijkvoorbeelden per thema, werkplein en regio.",
            ),
            r.crumbs(&crumbs),
        ),
        items: r.items(shown),
        paginering,
        themas,
        werkpleinen,
        regios: zoeken::practice_regios(site, urls),
        filter_index: urls.route(Route::PraktijkFilterIndex),
    };
    Built::new("praktijkvoorbeelden.html", &ctx)
}

/// Context of `praktijkvoorbeelden_lijst.html`.
#[derive(Serialize)]
struct LijstContext<'a> {
    page: PageInfo,
    items: Vec<&'a Item>,
    paginering: Paginering,
    filter: Filter<'a>,
}

#[derive(Serialize)]
struct Filter<'a> {
    label: &'a str,
    naam: String,
    url: String,
}

/// Page `n` of the practices of thema `id`.
pub(super) fn by_thema(r: &Renderer, id: &str, n: usize, d: &mut Deps) -> Built {
    let target = r.urls.thema(r.site, id);
    let list = d.order(r.site, List::PraktijkByThema(id.to_string()));
    lijst(r, Lijst::Thema(id), n, id, "Thema", target, &list, d)
}

/// Page `n` of the practices of werkplein `id`.
pub(super) fn by_werkplein(r: &Renderer, id: &str, n: usize, d: &mut Deps) -> Built {
    let target = r.urls.werkplein(r.site, id);
    let list = d.order(r.site, List::PraktijkByWerkplein(id.to_string()));
    lijst(
        r,
        Lijst::Werkplein(id),
        n,
        id,
        "Werkplein",
        target,
        &list,
        d,
    )
}

#[allow(clippy::too_many_arguments)]
fn lijst(
    r: &Renderer,
    which: Lijst,
    n: usize,
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
    let (shown, paginering) = paginate(r, which, n, list);
    d.pages(shown);
    let title = format!("Praktijkvoorbeelden: {}", target.naam);
    let first = which.route(1);
    let mut crumbs = vec![("Praktijkvoorbeelden", Route::PraktijkIndex)];
    if paginering.nummer > 1 {
        crumbs.push((title.as_str(), first));
    }
    let ctx = LijstContext {
        page: r.info(
            &paged_title(&title, &paginering),
            which.route(paginering.nummer),
            Some("praktijkvoorbeelden"),
            None,
            r.crumbs(&crumbs),
        ),
        items: r.items(shown),
        paginering,
        filter: Filter {
            label,
            naam: target.naam,
            url: target.url,
        },
    };
    Built::new("praktijkvoorbeelden_lijst.html", &ctx)
}

/// The filters' index: every practice once, compactly, as a script that calls
/// `svdkPraktijken(data)` (a script, not JSON, so that it loads from `file://` too). `data` is
/// `{themas: [id…], werkpleinen: [[id, naam, regio id]…], items: [[url, title, date,
/// werkplein index or -1, [thema index…]]…]}`, newest first as on the index, URLs relative to
/// this file's folder.
pub(super) fn filter_index(r: &Renderer) -> Option<crate::write::OutFile> {
    let site = r.site;
    if site.praktijkvoorbeelden.is_empty() {
        return None;
    }
    let themas: Vec<&str> = site
        .themas
        .iter()
        .map(|&t| site.pages[t].doc.slug.as_str())
        .collect();
    let thema_ix: std::collections::HashMap<&str, usize> =
        themas.iter().enumerate().map(|(i, &t)| (t, i)).collect();
    let mut werkpleinen: Vec<&str> = site
        .praktijk_by_werkplein
        .keys()
        .map(String::as_str)
        .filter(|w| site.data.werkplein(w).is_some())
        .collect();
    werkpleinen.sort_unstable();
    let wp_ix: std::collections::HashMap<&str, usize> = werkpleinen
        .iter()
        .enumerate()
        .map(|(i, &w)| (w, i))
        .collect();
    let prefix = Route::PraktijkIndex.url();
    let items: Vec<serde_json::Value> = site
        .praktijkvoorbeelden
        .iter()
        .map(|&i| {
            let it = &r.items[i];
            let url = site.pages[i]
                .url
                .strip_prefix(&prefix)
                .unwrap_or(&site.pages[i].url);
            let wp = it
                .werkplein
                .as_ref()
                .and_then(|w| wp_ix.get(w.id.as_str()))
                .map_or(-1, |&k| k as i64);
            let th: Vec<usize> = it
                .themas
                .iter()
                .filter_map(|t| thema_ix.get(t.id.as_str()).copied())
                .collect();
            serde_json::json!([url, it.title, it.date.as_deref().unwrap_or(""), wp, th])
        })
        .collect();
    let werkpleinen: Vec<serde_json::Value> = werkpleinen
        .iter()
        .filter_map(|&w| {
            let w = site.data.werkplein(w)?;
            Some(serde_json::json!([w.id, w.naam, w.regio]))
        })
        .collect();
    let data = serde_json::json!({
        "themas": themas,
        "werkpleinen": werkpleinen,
        "items": items,
    });
    Some(crate::write::OutFile {
        path: Route::PraktijkFilterIndex.output(),
        body: crate::write::Body::Bytes(
            format!("svdkPraktijken({});\n", super::script_json(&data)).into_bytes(),
        ),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_counts() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(page_count(10_000, 50), 200);
    }

    #[test]
    fn numbered_links_keep_ends_and_neighbours() {
        let show = |n, c| {
            page_numbers(n, c)
                .into_iter()
                .map(|k| k.map_or("…".to_string(), |k| k.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(show(1, 1), "1");
        assert_eq!(show(1, 4), "1 2 3 4");
        assert_eq!(show(1, 200), "1 2 3 … 200");
        assert_eq!(show(100, 200), "1 … 98 99 100 101 102 … 200");
        assert_eq!(show(200, 200), "1 … 198 199 200");
        assert_eq!(show(4, 7), "1 2 3 4 5 6 7");
    }

    #[test]
    fn routes_of_pages() {
        assert_eq!(Lijst::Alle.route(1).url(), "praktijkvoorbeelden/");
        assert_eq!(Lijst::Alle.route(3).url(), "praktijkvoorbeelden/pagina/3/");
        assert_eq!(
            Lijst::Werkplein("breda").route(2).url(),
            "praktijkvoorbeelden/werkplein/breda/pagina/2/"
        );
    }
}

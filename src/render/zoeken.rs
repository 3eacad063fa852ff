//! Contexts for finding things: the search page, the search box of every page (a global), and
//! the regio filter of the praktijkvoorbeelden index.

use serde::Serialize;

use super::shapes::{Counted, PageInfo, Urls};
use super::{Built, Renderer};
use crate::model::Site;
use crate::route::Route;
use crate::search::Kind;

/// The global `zoeken`: where the search page, its index and its script are.
#[derive(Serialize)]
pub(super) struct Globals {
    /// The search page: `/zoeken/`.
    url: String,
    /// The index manifest: `/zoeken/index.json` (`--relative`: its script,
    /// `/zoeken/index.json.js`).
    index: String,
    /// The search script: the theme's module `/js/zoeken/start.js`, loaded as a module
    /// (`--relative`: the classic script `/js/zoeken.js` made of the modules).
    script: String,
    module: bool,
    /// What a result's folder URL gets after it: `index.html` with `--relative`, else nothing.
    map: &'static str,
}

pub(super) fn globals(urls: Urls, relative: bool) -> Globals {
    let path = |p: &str| urls.path(p);
    if relative {
        Globals {
            url: urls.route(Route::Zoeken),
            index: path(crate::offline::SEARCH_MANIFEST_SCRIPT),
            script: path(crate::offline::SEARCH_SCRIPT),
            module: false,
            map: "index.html",
        }
    } else {
        Globals {
            url: urls.route(Route::Zoeken),
            index: urls.route(Route::ZoekenManifest),
            script: path(crate::offline::SEARCH_ENTRY),
            module: true,
            map: "",
        }
    }
}

/// The regio's with praktijkvoorbeelden (by naam), each linking to the practices on its page.
pub(super) fn practice_regios(site: &Site, urls: Urls) -> Vec<Counted> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for (w, list) in &site.praktijk_by_werkplein {
        if let Some(w) = site.data.werkplein(w) {
            *counts.entry(w.regio.as_str()).or_default() += list.len();
        }
    }
    let mut rows: Vec<Counted> = counts
        .into_iter()
        .filter_map(|(id, aantal)| {
            let r = site.data.regio(id)?;
            Some(Counted {
                id: r.id.clone(),
                naam: r.naam.clone(),
                url: format!(
                    "{}#regio--praktijkvoorbeelden",
                    urls.route(Route::Regio(&r.id))
                ),
                aantal,
            })
        })
        .collect();
    crate::text::sort_by_name(&mut rows, |c| (&c.naam, &c.id));
    rows
}

fn is_vraag(site: &Site, i: usize) -> bool {
    matches!(
        site.pages[i].doc.meta,
        crate::content::Meta::Journaal {
            soort: crate::content::Soort::Vraag,
            ..
        }
    )
}

#[derive(Serialize)]
struct Soort {
    id: &'static str,
    naam: &'static str,
}

#[derive(Serialize)]
struct Overzicht {
    naam: &'static str,
    url: String,
}

/// Context of `zoeken.html`.
#[derive(Serialize)]
struct PageContext {
    page: PageInfo,
    soorten: Vec<Soort>,
    overzichten: Vec<Overzicht>,
}

/// The search page: `soorten` (the kinds of result there are, for the type filter) and
/// `overzichten` (the site's indexes, for browsers without JavaScript).
pub(super) fn page(r: &Renderer) -> Built {
    let site = r.site;
    let urls = r.urls;
    let present = |k: Kind| match k {
        Kind::Praktijkvoorbeeld => !site.praktijkvoorbeelden.is_empty(),
        Kind::Journaal => site.journaal.iter().any(|&i| !is_vraag(site, i)),
        Kind::Vraag => !site.vragen.is_empty(),
        Kind::Thema => !site.themas.is_empty(),
        Kind::Kaderdocument => super::kaderdocument::present(site),
        Kind::Werkplein => !site.data.werkpleinen.is_empty(),
        Kind::Regio => !site.data.regios.is_empty(),
        Kind::Pagina => !site.plain.is_empty(),
    };
    let soorten: Vec<Soort> = Kind::ALL
        .iter()
        .filter(|&&k| present(k))
        .map(|&k| Soort {
            id: k.id(),
            naam: k.meervoud(),
        })
        .collect();
    let mut overzichten = Vec::new();
    let mut add = |present: bool, naam, route: Route| {
        if present {
            overzichten.push(Overzicht {
                naam,
                url: urls.route(route),
            });
        }
    };
    add(
        present(Kind::Praktijkvoorbeeld),
        "Praktijkvoorbeelden",
        Route::PraktijkIndex,
    );
    add(present(Kind::Thema), "Thema's", Route::ThemasIndex);
    add(
        !site.journaal.is_empty(),
        "Werkpleinjournaal",
        Route::JournaalIndex,
    );
    add(!site.agenda.is_empty(), "Agenda", Route::Agenda);
    add(
        present(Kind::Vraag),
        "Vragen en antwoorden (KIOSK)",
        Route::KioskVragen,
    );
    add(
        present(Kind::Kaderdocument),
        "Kaderdocument",
        Route::KaderIndex,
    );
    add(true, "Werkpleinen", Route::WerkpleinenIndex);
    add(true, "Arbeidsmarktregio's", Route::RegiosIndex);
    let ctx = PageContext {
        page: r.info(
            "Zoeken",
            Route::Zoeken,
            Some("zoeken"),
            Some("Zoek in de praktijkvoorbeelden, het Werkpleinjournaal, de thema's, het kaderdocument en de werkpleinen."),
            r.crumbs(&[]),
        ),
        soorten,
        overzichten,
    };
    Built::new("zoeken.html", &ctx)
}

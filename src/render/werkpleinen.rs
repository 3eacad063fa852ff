//! Werkpleinen: the index (a sortable table with each werkplein's Landkaart standing) and the
//! page of each werkplein with its practices, journaal items, neighbours and results.

use serde::Serialize;

use super::deps::{Deps, List};
use super::landkaart::{self, PeriodLink, Standing, WerkpleinLandkaart};
use super::resultaten::{self, WerkpleinResultaten};
use super::shapes::{Counted, Item, PageInfo, Ref};
use super::{Built, Renderer, leren, regios};
use crate::data::Werkplein;
use crate::route::Route;

/// A werkplein as a row of a table.
#[derive(Serialize)]
pub(super) struct WerkpleinRow<'a> {
    pub(super) id: &'a str,
    pub(super) naam: &'a str,
    url: String,
    plaats: &'a str,
    regio: Option<Ref>,
    /// Current Landkaart standing; none without a Landkaart or report.
    stand: Option<Standing>,
}

pub(super) fn row<'w>(r: &Renderer, w: &'w Werkplein) -> WerkpleinRow<'w> {
    WerkpleinRow {
        id: &w.id,
        naam: &w.naam,
        url: r.urls.route(Route::Werkplein(&w.id)),
        plaats: &w.plaats,
        regio: r.urls.regio(r.site, &w.regio),
        stand: landkaart::current_standing(r.site, &w.id),
    }
}

/// Context of `werkpleinen.html`.
#[derive(Serialize)]
struct IndexContext<'a> {
    page: PageInfo,
    werkpleinen: Vec<WerkpleinRow<'a>>,
    periode: Option<Option<PeriodLink>>,
    regios: Vec<Counted>,
    /// The table as CSV.
    csv_url: String,
    /// The districts' index, when the site has districts.
    districten_url: Option<String>,
}

pub(super) fn index(r: &Renderer) -> Built {
    let site = r.site;
    let mut rows: Vec<WerkpleinRow> = site.data.werkpleinen.iter().map(|w| row(r, w)).collect();
    crate::text::sort_by_name(&mut rows, |c| (c.naam, c.id));
    let periode = site
        .landkaart
        .as_ref()
        .filter(|lk| lk.current_stats().is_some())
        .map(|lk| {
            landkaart::period_links(r.urls, lk, lk.current)
                .into_iter()
                .find(|p| p.current)
        });
    let ctx = IndexContext {
        page: r.info(
            "Werkpleinen",
            Route::WerkpleinenIndex,
            Some("werkpleinen"),
            Some("Alle werkpleinen van UWV WERKbedrijf en gemeenten, per arbeidsmarktregio."),
            r.crumbs(&[]),
        ),
        werkpleinen: rows,
        periode,
        regios: regios::counts(r),
        csv_url: r.urls.route(Route::WerkpleinenCsv),
        districten_url: (!site.data.districten.is_empty())
            .then(|| r.urls.route(Route::DistrictenIndex)),
    };
    Built::new("werkpleinen.html", &ctx)
}

/// Context of `werkplein.html`.
#[derive(Serialize)]
struct WerkpleinContext<'a> {
    page: PageInfo,
    werkplein: Profile<'a>,
    /// The newest practices; `aantal_praktijkvoorbeelden` counts all (on `lijst_url`).
    praktijkvoorbeelden: Vec<&'a Item>,
    aantal_praktijkvoorbeelden: usize,
    journaal: Vec<&'a Item>,
    buren: Vec<WerkpleinRow<'a>>,
    landkaart: Option<WerkpleinLandkaart>,
    resultaten: Option<WerkpleinResultaten>,
    leren: Option<leren::Leren>,
    voortgang: Option<leren::Voortgang>,
    lijst_url: Option<String>,
    /// Its documents, BVG status and criteria checklist (`werkplein_dossier.html`).
    dossier: super::dossier::Dossier,
}

#[derive(Serialize)]
struct Profile<'a> {
    id: &'a str,
    naam: &'a str,
    plaats: &'a str,
    regio: Option<Ref>,
    district: Option<Ref>,
    gemeenten: &'a [String],
    website: Option<&'a str>,
}

/// The page of werkplein `i` (an index into `data.werkpleinen`).
pub(super) fn werkplein(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let urls = r.urls;
    let w = &site.data.werkpleinen[i];
    // The newest practices and the count of all.
    let praktijk = d.order(site, List::PraktijkByWerkplein(w.id.clone()));
    d.pages(super::voorproef(&praktijk));
    let journaal = d.list(site, List::JournaalByWerkplein(w.id.clone()));
    let buren: Vec<WerkpleinRow> = site
        .werkpleinen_by_regio
        .get(&w.regio)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|&&j| j != i)
        .map(|&j| row(r, &site.data.werkpleinen[j]))
        .collect();
    let ctx = WerkpleinContext {
        page: r.info(
            &w.naam,
            Route::Werkplein(&w.id),
            Some("werkpleinen"),
            Some(&format!(
                "{} in {}: praktijkvoorbeelden en journaal.",
                w.naam, w.plaats
            )),
            r.crumbs(&[("Werkpleinen", Route::WerkpleinenIndex)]),
        ),
        werkplein: Profile {
            id: &w.id,
            naam: &w.naam,
            plaats: &w.plaats,
            regio: urls.regio(site, &w.regio),
            district: w.district.as_deref().and_then(|d| urls.district(site, d)),
            gemeenten: &w.gemeenten,
            website: w.website.as_deref(),
        },
        praktijkvoorbeelden: r.items(super::voorproef(&praktijk)),
        aantal_praktijkvoorbeelden: praktijk.len(),
        journaal: r.items(&journaal),
        buren,
        landkaart: landkaart::werkplein_landkaart(r, &w.id),
        resultaten: resultaten::werkplein(r, &w.id),
        leren: leren::werkplein_leren(r, &w.id, d),
        voortgang: leren::voortgang(site, &w.id),
        lijst_url: site
            .praktijk_by_werkplein
            .contains_key(&w.id)
            .then(|| urls.route(Route::PraktijkWerkplein(&w.id))),
        dossier: super::dossier::werkplein(site, urls, &w.id),
    };
    Built::new("werkplein.html", &ctx)
}

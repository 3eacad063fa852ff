//! Arbeidsmarktregio's: the index with the number of werkpleinen, and each regio with its
//! werkpleinen, their Landkaart averages and their practices.

use serde::Serialize;

use super::deps::{Deps, List};
use super::landkaart::GroupAverages;
use super::resultaten::{self, Groep, GroepResultaten, Tabel};
use super::shapes::{Counted, Item, PageInfo};
use super::werkpleinen::{self, WerkpleinRow};
use super::{Built, Renderer};
use crate::route::Route;

/// Every regio with its number of werkpleinen, by naam.
pub(super) fn counts(r: &Renderer) -> Vec<Counted> {
    let site = r.site;
    let mut rows: Vec<Counted> = site
        .data
        .regios
        .iter()
        .map(|g| Counted {
            id: g.id.clone(),
            naam: g.naam.clone(),
            url: r.urls.route(Route::Regio(&g.id)),
            aantal: site.werkpleinen_by_regio.get(&g.id).map_or(0, Vec::len),
        })
        .collect();
    crate::text::sort_by_name(&mut rows, |c| (&c.naam, &c.id));
    rows
}

/// Context of `regios.html`.
#[derive(Serialize)]
struct IndexContext {
    page: PageInfo,
    regios: Vec<Counted>,
}

pub(super) fn index(r: &Renderer) -> Built {
    let ctx = IndexContext {
        page: r.info(
            "Arbeidsmarktregio's",
            Route::RegiosIndex,
            Some("werkpleinen"),
            Some("De 35 arbeidsmarktregio's en hun werkpleinen."),
            r.crumbs(&[("Werkpleinen", Route::WerkpleinenIndex)]),
        ),
        regios: counts(r),
    };
    Built::new("regios.html", &ctx)
}

/// Context of `regio.html`.
#[derive(Serialize)]
struct RegioContext<'a> {
    page: PageInfo,
    regio: RegioInfo<'a>,
    werkpleinen: Vec<WerkpleinRow<'a>>,
    gemiddelden: Option<GroupAverages>,
    /// The newest practices of its werkpleinen; all of them are on the werkpleinen's lists.
    praktijkvoorbeelden: Vec<&'a Item>,
    aantal_praktijkvoorbeelden: usize,
    /// The practice lists of its werkpleinen that have practices, with their counts.
    praktijk_lijsten: Vec<super::shapes::Counted>,
    /// Its werkpleinen with their Landkaart standing, and its mean per fase (with CSVs).
    tabel_werkpleinen: Option<Tabel>,
    tabel_fasen: Option<Tabel>,
    /// Its werkpleinen in the Resultaten benchmark (`groep_resultaten.html`).
    groep_resultaten: Option<GroepResultaten>,
}

#[derive(Serialize)]
struct RegioInfo<'a> {
    id: &'a str,
    naam: &'a str,
}

/// The page of regio `i` (an index into `data.regios`).
pub(super) fn regio(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let g = &site.data.regios[i];
    let members = site
        .werkpleinen_by_regio
        .get(&g.id)
        .map_or(&[][..], Vec::as_slice);
    let ids: Vec<&str> = members
        .iter()
        .map(|&j| site.data.werkpleinen[j].id.as_str())
        .collect();
    let mut praktijk: Vec<usize> = ids
        .iter()
        .flat_map(|&w| {
            d.list(site, List::PraktijkByWerkplein(w.to_string()))
                .into_owned()
        })
        .collect();
    praktijk.sort_by(|&a, &b| {
        let (a, b) = (&site.pages[a].doc, &site.pages[b].doc);
        b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
    });
    let ctx = RegioContext {
        page: r.info(
            &format!("Regio {}", g.naam),
            Route::Regio(&g.id),
            Some("werkpleinen"),
            Some(&format!("De werkpleinen van arbeidsmarktregio {}.", g.naam)),
            r.crumbs(&[
                ("Werkpleinen", Route::WerkpleinenIndex),
                ("Arbeidsmarktregio's", Route::RegiosIndex),
            ]),
        ),
        regio: RegioInfo {
            id: &g.id,
            naam: &g.naam,
        },
        werkpleinen: members
            .iter()
            .map(|&j| werkpleinen::row(r, &site.data.werkpleinen[j]))
            .collect(),
        gemiddelden: super::landkaart::group_averages(site, &ids),
        praktijkvoorbeelden: r.items(super::voorproef(&praktijk)),
        aantal_praktijkvoorbeelden: praktijk.len(),
        praktijk_lijsten: members
            .iter()
            .filter_map(|&j| {
                let w = &site.data.werkpleinen[j];
                let n = site.praktijk_by_werkplein.get(&w.id).map_or(0, Vec::len);
                (n > 0).then(|| super::shapes::Counted {
                    id: w.id.clone(),
                    naam: w.naam.clone(),
                    url: r.urls.route(Route::PraktijkWerkplein(&w.id)),
                    aantal: n,
                })
            })
            .collect(),
        tabel_werkpleinen: resultaten::groep_werkpleinen(site, r.urls, Groep::Regio(&g.id)),
        tabel_fasen: resultaten::groep_fasen(site, r.urls, Groep::Regio(&g.id)),
        groep_resultaten: resultaten::groep_resultaten(site, r.urls, Groep::Regio(&g.id)),
    };
    Built::new("regio.html", &ctx)
}

//! Districts of UWV WERKbedrijf (the `district` of `werkpleinen.yaml`, named in
//! `data/districten.yaml`): the index with every district's means, and each district with its
//! werkpleinen, their Landkaart standing and their results.

use serde::Serialize;

use super::landkaart::GroupAverages;
use super::resultaten::{self, Groep, GroepResultaten, Tabel};
use super::shapes::{PageInfo, Ref};
use super::{Built, Renderer};
use crate::route::Route;

/// Context of `districten.html`.
#[derive(Serialize)]
struct IndexContext {
    page: PageInfo,
    tabel: Option<Tabel>,
    resultaten_url: Option<String>,
}

/// `/districten/`.
pub(super) fn index(r: &Renderer) -> Built {
    let site = r.site;
    let ctx = IndexContext {
        page: r.info(
            "Districten",
            Route::DistrictenIndex,
            Some("werkpleinen"),
            Some("De districten van UWV WERKbedrijf en hun werkpleinen."),
            r.crumbs(&[("Werkpleinen", Route::WerkpleinenIndex)]),
        ),
        tabel: resultaten::districten_tabel(site, r.urls),
        resultaten_url: resultaten::present(site).then(|| r.urls.route(Route::Resultaten)),
    };
    Built::new("districten.html", &ctx)
}

/// Context of `district.html`.
#[derive(Serialize)]
struct DistrictContext {
    page: PageInfo,
    district: Option<Ref>,
    gemiddelden: Option<GroupAverages>,
    tabel_werkpleinen: Option<Tabel>,
    tabel_fasen: Option<Tabel>,
    groep_resultaten: Option<GroepResultaten>,
    landkaart_url: Option<String>,
    districten_url: String,
}

/// The page of district `i` (an index into `data.districten`).
pub(super) fn district(r: &Renderer, i: usize) -> Built {
    let (site, urls) = (r.site, r.urls);
    let d = &site.data.districten[i];
    let groep = Groep::District(&d.id);
    let ids: Vec<&str> = site
        .werkpleinen_by_district
        .get(&d.id)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|&j| site.data.werkpleinen[j].id.as_str())
        .collect();
    let ctx = DistrictContext {
        page: r.info(
            &format!("District {}", d.naam),
            Route::District(&d.id),
            Some("werkpleinen"),
            Some(&format!(
                "De werkpleinen van district {} van UWV WERKbedrijf: Landkaart en resultaten.",
                d.naam
            )),
            r.crumbs(&[
                ("Werkpleinen", Route::WerkpleinenIndex),
                ("Districten", Route::DistrictenIndex),
            ]),
        ),
        district: urls.district(site, &d.id),
        gemiddelden: super::landkaart::group_averages(site, &ids),
        tabel_werkpleinen: resultaten::groep_werkpleinen(site, urls, groep),
        tabel_fasen: resultaten::groep_fasen(site, urls, groep),
        groep_resultaten: resultaten::groep_resultaten(site, urls, groep),
        landkaart_url: site
            .landkaart
            .as_ref()
            .filter(|lk| lk.current_stats().is_some())
            .map(|_| urls.route(Route::LandkaartIndex)),
        districten_url: urls.route(Route::DistrictenIndex),
    };
    Built::new("district.html", &ctx)
}

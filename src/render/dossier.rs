//! The werkplein's records on its own page (documents, BVG status and history, the criteria
//! checklist: the template `werkplein_dossier.html`), and what the three record pages share.

use serde::Serialize;

use crate::criteria::Criteria;
use crate::documenten::Document;
use crate::model::Site;
use crate::route::Route;
use crate::text;

use super::landkaart::BandRef;
use super::shapes::{Ref, Urls};

/// A document as lists show it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct DocItem {
    titel: String,
    /// The file's URL.
    url: String,
    soort: SoortRef,
    datum: String,
    datum_nl: String,
    /// `PDF`.
    formaat: String,
    /// `240 kB`.
    grootte: String,
    /// `PDF, 240 kB`.
    omschrijving: String,
    werkplein: Option<Ref>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct SoortRef {
    id: &'static str,
    naam: &'static str,
}

pub(super) fn doc_item(site: &Site, urls: Urls, d: &Document) -> DocItem {
    DocItem {
        titel: d.titel.clone(),
        url: urls.path(&d.bestand),
        soort: SoortRef {
            id: d.soort.id(),
            naam: d.soort.naam(),
        },
        datum: d.datum.format("%Y-%m-%d").to_string(),
        datum_nl: text::date_nl(d.datum),
        formaat: crate::documenten::formaat(&d.bestand),
        grootte: crate::documenten::grootte_nl(d.grootte),
        omschrijving: d.omschrijving(),
        werkplein: d.werkplein.as_deref().and_then(|w| urls.werkplein(site, w)),
    }
}

/// Status `i` of the BVG-monitor as a label: name, colour and marker shape as in its charts.
pub(super) fn status_ref(bvg: &crate::bvg::Bvg, i: usize) -> BandRef {
    let (kleur, vorm) = crate::charts::band_swatch(i, bvg.statussen.len());
    BandRef {
        id: bvg.statussen[i].id.clone(),
        naam: bvg.statussen[i].naam.clone(),
        index: i,
        kleur,
        vorm,
    }
}

/// Links to the record pages the site has, for any template (`dossier_links`).
#[derive(Debug, Clone, Serialize)]
pub(super) struct Links {
    documenten: Option<String>,
    bvg: Option<String>,
    criteria: Option<String>,
}

pub(super) fn links(site: &Site, urls: Urls) -> Links {
    Links {
        documenten: (!site.documenten.list.is_empty()).then(|| urls.route(Route::DocumentenIndex)),
        bvg: super::bvg::present(site).then(|| urls.route(Route::Bvg)),
        criteria: super::criteria::present(site).then(|| urls.route(Route::Criteria)),
    }
}

#[derive(Serialize)]
pub(super) struct Dossier {
    documenten: Vec<DocItem>,
    documenten_url: Option<String>,
    bvg: Option<WerkpleinBvg>,
    criteria: Option<WerkpleinCriteria>,
}

#[derive(Serialize)]
pub(super) struct WerkpleinBvg {
    url: String,
    /// `None`: the monitor has no row for this werkplein.
    status: Option<BandRef>,
    omschrijving: Option<String>,
    sinds_nl: Option<String>,
    /// Oldest first.
    historie: Vec<Wijziging>,
}

#[derive(Serialize)]
pub(super) struct Wijziging {
    datum: String,
    datum_nl: String,
    status: BandRef,
}

#[derive(Serialize)]
pub(super) struct WerkpleinCriteria {
    url: String,
    meting: String,
    /// Whether the werkplein is in the current meting.
    gemeten: bool,
    voldoet: bool,
    ja: usize,
    eisen: usize,
    criteria: Vec<CriteriumCheck>,
}

#[derive(Serialize)]
pub(super) struct CriteriumCheck {
    letter: String,
    naam: String,
    eisen: Vec<EisCheck>,
}

#[derive(Serialize)]
pub(super) struct EisCheck {
    naam: String,
    /// `ja`, `nee` or `onbekend`.
    antwoord: &'static str,
}

pub(super) fn antwoord(a: Option<bool>) -> &'static str {
    match a {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "onbekend",
    }
}

/// The records part of werkplein `id`'s page.
pub(super) fn werkplein(site: &Site, urls: Urls, id: &str) -> Dossier {
    let documenten: Vec<DocItem> = site
        .documenten
        .of(id)
        .map(|d| doc_item(site, urls, d))
        .collect();
    let bvg = site.bvg.as_ref().filter(|b| !b.is_empty()).map(|b| {
        let history = b.history.get(id).map_or(&[][..], Vec::as_slice);
        let last = history.last();
        WerkpleinBvg {
            url: urls.route(Route::Bvg),
            status: last.map(|w| status_ref(b, w.status)),
            omschrijving: last.and_then(|w| b.statussen[w.status].omschrijving.clone()),
            sinds_nl: last.map(|w| text::date_nl(w.datum)),
            historie: history
                .iter()
                .map(|w| Wijziging {
                    datum: w.datum.format("%Y-%m-%d").to_string(),
                    datum_nl: text::date_nl(w.datum),
                    status: status_ref(b, w.status),
                })
                .collect(),
        }
    });
    let criteria = site
        .criteria
        .as_ref()
        .and_then(|c| werkplein_criteria(c, urls, id));
    Dossier {
        documenten_url: (!site.documenten.list.is_empty())
            .then(|| urls.route(Route::DocumentenIndex)),
        documenten,
        bvg,
        criteria,
    }
}

fn werkplein_criteria(c: &Criteria, urls: Urls, id: &str) -> Option<WerkpleinCriteria> {
    let m = c.current?;
    let row = c.of(id);
    let answer = |e: usize| row.and_then(|r| r.get(e).copied().flatten());
    let mut flat = 0;
    let criteria = c
        .criteria
        .iter()
        .enumerate()
        .map(|(i, k)| CriteriumCheck {
            letter: Criteria::letter(i),
            naam: k.naam.clone(),
            eisen: k
                .eisen
                .iter()
                .map(|e| {
                    let a = answer(flat);
                    flat += 1;
                    EisCheck {
                        naam: e.naam.clone(),
                        antwoord: antwoord(a),
                    }
                })
                .collect(),
        })
        .collect();
    Some(WerkpleinCriteria {
        url: urls.route(Route::Criteria),
        meting: c.metingen[m].naam.clone(),
        gemeten: row.is_some(),
        voldoet: row.is_some_and(crate::criteria::voldoet),
        ja: row.map_or(0, |r| r.iter().filter(|a| **a == Some(true)).count()),
        eisen: c.eisen.len(),
        criteria,
    })
}

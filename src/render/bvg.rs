//! `/bvg/`: the BVG-monitor — counts per status per quarter (chart, table, CSV), a map of the
//! werkpleinen coloured by their current status, and the werkpleinen per status.

use serde::Serialize;

use crate::bvg::Bvg;
use crate::charts::{self, Dot, Meta};
use crate::model::Site;
use crate::route::Route;
use crate::text;

use super::charts::Counter;
use super::dossier::status_ref;
use super::landkaart::BandRef;
use super::open_data::csv_bytes;
use super::shapes::{PageInfo, Urls};
use super::{Built, Renderer};

/// Whether the site has a BVG-monitor with rows.
pub(super) fn present(site: &Site) -> bool {
    site.bvg.as_ref().is_some_and(|b| !b.is_empty())
}

/// Context of `bvg.html`.
#[derive(Serialize)]
struct BvgContext {
    page: PageInfo,
    bvg: Page,
}

/// `/bvg/`.
pub(super) fn index(r: &Renderer) -> Built {
    let page = r.info(
        "BVG-monitor",
        Route::Bvg,
        Some("werkpleinen"),
        Some("Hoe ver de werkpleinen zijn met een gezamenlijk gebouw voor UWV WERKbedrijf en gemeenten: per kwartaal, op de kaart en per werkplein."),
        r.crumbs(&[("Werkpleinen", Route::WerkpleinenIndex)]),
    );
    match r.site.bvg.as_ref() {
        Some(b) => Built::new(
            "bvg.html",
            &BvgContext {
                page,
                bvg: build_page(r.site, r.urls, &r.charts, b),
            },
        ),
        None => super::pagina::not_found(r),
    }
}

#[derive(Serialize)]
struct Page {
    peildatum_nl: String,
    kwartaal: String,
    statussen: Vec<StatusGroup>,
    /// Werkpleinen under one roof now, and how many in each status that counts as such.
    onder_een_dak: usize,
    onder_een_dak_per_status: Vec<Aantal>,
    werkpleinen: usize,
    /// Werkpleinen without a row in the monitor.
    zonder_gegevens: Vec<Member>,
    kwartalen: Vec<KwartaalRow>,
    chart_verloop: String,
    chart_kaart: String,
    csv_kwartalen: String,
    csv_werkpleinen: String,
}

#[derive(Serialize)]
struct Aantal {
    naam: String,
    aantal: usize,
}

#[derive(Serialize)]
struct StatusGroup {
    status: BandRef,
    omschrijving: Option<String>,
    onder_een_dak: bool,
    leden: Vec<Member>,
}

#[derive(Serialize)]
struct Member {
    naam: String,
    url: String,
    sinds_nl: Option<String>,
}

#[derive(Serialize)]
struct KwartaalRow {
    id: String,
    naam: String,
    aantallen: Vec<u32>,
    totaal: u32,
}

/// Counts per status of every quarter, oldest first.
fn per_kwartaal(bvg: &Bvg) -> Vec<KwartaalRow> {
    bvg.kwartalen
        .iter()
        .map(|q| {
            let aantallen = bvg.counts_at(q.eind());
            KwartaalRow {
                id: q.id(),
                naam: q.naam(),
                totaal: aantallen.iter().sum(),
                aantallen,
            }
        })
        .collect()
}

fn build_page(site: &Site, urls: Urls, n: &Counter, bvg: &Bvg) -> Page {
    let werkplein_url = |id: &str| urls.route(Route::Werkplein(id));
    let mut groups: Vec<StatusGroup> = bvg
        .statussen
        .iter()
        .enumerate()
        .map(|(i, s)| StatusGroup {
            status: status_ref(bvg, i),
            omschrijving: s.omschrijving.clone(),
            onder_een_dak: s.onder_een_dak,
            leden: Vec::new(),
        })
        .collect();
    let mut zonder = Vec::new();
    for w in &site.data.werkpleinen {
        match bvg.huidig(&w.id) {
            Some(h) => groups[h.status].leden.push(Member {
                naam: w.naam.clone(),
                url: werkplein_url(&w.id),
                sinds_nl: Some(text::date_nl(h.datum)),
            }),
            None => zonder.push(Member {
                naam: w.naam.clone(),
                url: werkplein_url(&w.id),
                sinds_nl: None,
            }),
        }
    }
    for g in &mut groups {
        g.leden.sort_by(|a, b| a.naam.cmp(&b.naam));
    }
    zonder.sort_by(|a, b| a.naam.cmp(&b.naam));
    let kwartalen = per_kwartaal(bvg);
    let kwartaal = bvg.kwartalen.last().map(|q| q.naam()).unwrap_or_default();
    let onder: usize = groups
        .iter()
        .filter(|g| g.onder_een_dak)
        .map(|g| g.leden.len())
        .sum();
    let per_status = groups
        .iter()
        .filter(|g| g.onder_een_dak)
        .map(|g| Aantal {
            naam: g.status.naam.to_lowercase(),
            aantal: g.leden.len(),
        })
        .collect();
    Page {
        peildatum_nl: text::date_nl(bvg.peildatum),
        kwartaal,
        onder_een_dak: onder,
        onder_een_dak_per_status: per_status,
        werkpleinen: groups.iter().map(|g| g.leden.len()).sum(),
        zonder_gegevens: zonder,
        chart_verloop: chart_verloop(n, bvg, &kwartalen),
        chart_kaart: chart_kaart(n, site, urls, bvg),
        kwartalen,
        statussen: groups,
        csv_kwartalen: urls.route(Route::BvgKwartalenCsv),
        csv_werkpleinen: urls.route(Route::BvgWerkpleinenCsv),
    }
}

fn bands(bvg: &Bvg) -> Vec<charts::Band> {
    bvg.statussen
        .iter()
        .map(|s| charts::Band {
            naam: s.naam.clone(),
        })
        .collect()
}

fn chart_verloop(n: &Counter, bvg: &Bvg, rows: &[KwartaalRow]) -> String {
    let rows: Vec<(String, Vec<u32>)> = bvg
        .kwartalen
        .iter()
        .zip(rows)
        .map(|(q, r)| (q.kort(), r.aantallen.clone()))
        .collect();
    n.drawn(charts::stacked_bands(
        &Meta {
            id: "grafiek-bvg-verloop",
            title: "Werkpleinen per BVG-status, per kwartaal",
            desc: "Per kwartaal het aantal werkpleinen in elke status van de BVG-monitor, als gestapelde balk. De aantallen staan ook in de tabel Aantal werkpleinen per status en kwartaal.",
        },
        &rows,
        &bands(bvg),
    ))
}

fn chart_kaart(n: &Counter, site: &Site, urls: Urls, bvg: &Bvg) -> String {
    let dots: Vec<Dot> = site
        .data
        .werkpleinen
        .iter()
        .filter_map(|w| {
            let h = bvg.huidig(&w.id)?;
            Some(Dot {
                lon: w.lon?,
                lat: w.lat?,
                band: Some(h.status),
                href: urls.route(Route::Werkplein(&w.id)),
                label: format!("{}: {}", w.naam, bvg.statussen[h.status].naam),
            })
        })
        .collect();
    let title = format!(
        "Kaart van de werkpleinen naar BVG-status, {}",
        text::date_nl(bvg.peildatum)
    );
    n.drawn(charts::map(
        &Meta {
            id: "grafiek-bvg-kaart",
            title: &title,
            desc: "Kaart van Nederland met elk werkplein als stip; kleur en vorm geven de huidige status in de BVG-monitor. Elke stip linkt naar de pagina van het werkplein. Dezelfde gegevens staan in de lijst Werkpleinen per status.",
        },
        &site.outline,
        &dots,
        &bands(bvg),
    ))
}

/// `/bvg/kwartalen.csv` and `/bvg/werkpleinen.csv`: (output path, contents).
pub(super) fn csvs(site: &Site, bvg: &Bvg) -> Vec<(String, Vec<u8>)> {
    let ids: Vec<&str> = bvg.statussen.iter().map(|s| s.id.as_str()).collect();
    let header: Vec<&str> = [&["kwartaal", "naam"][..], &ids, &["totaal"]].concat();
    let kwartalen = csv_bytes(
        &header,
        per_kwartaal(bvg).into_iter().map(|r| {
            let mut row = vec![r.id, r.naam];
            row.extend(r.aantallen.iter().map(u32::to_string));
            row.push(r.totaal.to_string());
            row
        }),
    );
    let werkpleinen = csv_bytes(
        &["werkplein", "naam", "status", "sinds"],
        bvg.history.keys().filter_map(|id| {
            let w = site.data.werkplein(id)?;
            let h = bvg.huidig(id)?;
            Some(vec![
                w.id.clone(),
                w.naam.clone(),
                bvg.statussen[h.status].id.clone(),
                h.datum.format("%Y-%m-%d").to_string(),
            ])
        }),
    );
    vec![
        (Route::BvgKwartalenCsv.output(), kwartalen),
        (Route::BvgWerkpleinenCsv.output(), werkpleinen),
    ]
}

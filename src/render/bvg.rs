//! `/bvg/`: the BVG-monitor — counts per status per quarter (chart, table, CSV), a map of the
//! werkpleinen coloured by their current status, and the werkpleinen per status.

use serde::Serialize;

use crate::bvg::Bvg;
use crate::charts::{self, Dot, Meta};
use crate::model::Site;
use crate::text;

use super::dossier::{csv_bytes, status_ref};
use super::landkaart::BandRef;
use super::shapes::Urls;

pub const URL: &str = "bvg/";
pub const CSV_KWARTALEN: &str = "bvg/kwartalen.csv";
pub const CSV_WERKPLEINEN: &str = "bvg/werkpleinen.csv";

#[derive(Serialize)]
pub struct Page {
    pub peildatum_nl: String,
    pub kwartaal: String,
    pub statussen: Vec<StatusGroup>,
    /// Werkpleinen under one roof now, and how many in each status that counts as such.
    pub onder_een_dak: usize,
    pub onder_een_dak_per_status: Vec<Aantal>,
    pub werkpleinen: usize,
    /// Werkpleinen without a row in the monitor.
    pub zonder_gegevens: Vec<Member>,
    pub kwartalen: Vec<KwartaalRow>,
    pub chart_verloop: String,
    pub chart_kaart: String,
    pub csv_kwartalen: String,
    pub csv_werkpleinen: String,
}

#[derive(Serialize)]
pub struct Aantal {
    pub naam: String,
    pub aantal: usize,
}

#[derive(Serialize)]
pub struct StatusGroup {
    pub status: BandRef,
    pub omschrijving: Option<String>,
    pub onder_een_dak: bool,
    pub leden: Vec<Member>,
}

#[derive(Serialize)]
pub struct Member {
    pub naam: String,
    pub url: String,
    pub sinds_nl: Option<String>,
}

#[derive(Serialize)]
pub struct KwartaalRow {
    pub id: String,
    pub naam: String,
    pub aantallen: Vec<u32>,
    pub totaal: u32,
}

/// Counts per status of every quarter, oldest first.
pub fn per_kwartaal(bvg: &Bvg) -> Vec<KwartaalRow> {
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

pub fn page(site: &Site, urls: Urls, bvg: &Bvg) -> Page {
    let werkplein_url = |id: &str| urls.path(&format!("werkpleinen/{id}/"));
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
        chart_verloop: chart_verloop(bvg, &kwartalen),
        chart_kaart: chart_kaart(site, urls, bvg),
        kwartalen,
        statussen: groups,
        csv_kwartalen: urls.path(CSV_KWARTALEN),
        csv_werkpleinen: urls.path(CSV_WERKPLEINEN),
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

fn chart_verloop(bvg: &Bvg, rows: &[KwartaalRow]) -> String {
    let rows: Vec<(String, Vec<u32>)> = bvg
        .kwartalen
        .iter()
        .zip(rows)
        .map(|(q, r)| (q.kort(), r.aantallen.clone()))
        .collect();
    super::charts::drawn(charts::stacked_bands(
        &Meta {
            id: "grafiek-bvg-verloop",
            title: "Werkpleinen per BVG-status, per kwartaal",
            desc: "Per kwartaal het aantal werkpleinen in elke status van de BVG-monitor, als gestapelde balk. De aantallen staan ook in de tabel Aantal werkpleinen per status en kwartaal.",
        },
        &rows,
        &bands(bvg),
    ))
}

fn chart_kaart(site: &Site, urls: Urls, bvg: &Bvg) -> String {
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
                href: urls.path(&format!("werkpleinen/{}/", w.id)),
                label: format!("{}: {}", w.naam, bvg.statussen[h.status].naam),
            })
        })
        .collect();
    let title = format!(
        "Kaart van de werkpleinen naar BVG-status, {}",
        text::date_nl(bvg.peildatum)
    );
    super::charts::drawn(charts::map(
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

/// `/bvg/kwartalen.csv` and `/bvg/werkpleinen.csv`.
pub fn csvs(site: &Site, bvg: &Bvg) -> Vec<(&'static str, Vec<u8>)> {
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
    vec![(CSV_KWARTALEN, kwartalen), (CSV_WERKPLEINEN, werkpleinen)]
}

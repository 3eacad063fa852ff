//! `/criteria/`: the six Werkplein criteria in the current meting — per eis how many
//! werkpleinen meet it, which werkpleinen meet all (the minimal eisen of a Werkplein) and which
//! eisen the others miss, with both tables as CSV.

use serde::Serialize;

use crate::criteria::{self, Criteria};
use crate::model::Site;
use crate::route::Route;

use super::dossier::antwoord;
use super::open_data::csv_bytes;
use super::shapes::{PageInfo, Urls};
use super::{Built, Renderer};

/// Whether the site has criteria with a meting to show.
pub(super) fn present(site: &Site) -> bool {
    site.criteria.as_ref().is_some_and(|c| c.current.is_some())
}

/// Context of `criteria.html`.
#[derive(Serialize)]
struct CriteriaContext {
    page: PageInfo,
    criteria: Page,
}

/// `/criteria/`.
pub(super) fn index(r: &Renderer) -> Built {
    let Some(c) = r
        .site
        .criteria
        .as_ref()
        .and_then(|c| page(r.site, r.urls, c))
    else {
        return super::pagina::not_found(r);
    };
    let ctx = CriteriaContext {
        page: r.info(
            "De zes criteria van een Werkplein",
            Route::Criteria,
            Some("werkpleinen"),
            Some("Welke werkpleinen voldoen aan de minimale eisen van een Werkplein, en welke eisen ontbreken nog."),
            r.crumbs(&[("Werkpleinen", Route::WerkpleinenIndex)]),
        ),
        criteria: c,
    };
    Built::new("criteria.html", &ctx)
}

#[derive(Serialize)]
struct Page {
    meting: String,
    /// Earlier metingen with how many werkpleinen met all eisen then.
    eerder: Vec<MetingSummary>,
    gemeten: usize,
    eisen: usize,
    criteria: Vec<CriteriumRow>,
    voldoen: Vec<Member>,
    missen: Vec<Miss>,
    niet_gemeten: Vec<Member>,
    csv_eisen: String,
    csv_werkpleinen: String,
    csv_ontbreekt: String,
}

#[derive(Serialize)]
struct MetingSummary {
    naam: String,
    gemeten: usize,
    voldoen: usize,
}

#[derive(Serialize)]
struct CriteriumRow {
    letter: String,
    naam: String,
    eisen: Vec<EisRow>,
}

#[derive(Serialize)]
struct EisRow {
    id: String,
    /// `a1`, `a2`, `b1`: the criterium's letter and the eis's number, for column headers.
    code: String,
    naam: String,
    ja: u32,
    nee: u32,
    onbekend: u32,
    /// Share of the werkpleinen measured that meet it, rounded (halves up).
    pct: u32,
}

#[derive(Serialize)]
struct Member {
    naam: String,
    url: String,
}

#[derive(Serialize)]
struct Miss {
    naam: String,
    url: String,
    ja: usize,
    /// Per eis (flat order): `ja`, `nee` or `onbekend`.
    antwoorden: Vec<&'static str>,
}

/// A share in whole percent, rounded half up; 0 when there is nothing to divide by.
fn share(part: u32, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    ((u64::from(part) * 200 + whole as u64) / (2 * whole as u64)) as u32
}

/// The werkpleinen that do not meet every eis, closest first (then by name): (id, naam, number
/// of eisen met, answers). The rows of the table "Wat nog ontbreekt" and of its CSV.
fn ontbreekt<'a>(
    site: &'a Site,
    answers: &'a std::collections::BTreeMap<String, criteria::Antwoorden>,
) -> Vec<(&'a str, &'a str, usize, &'a criteria::Antwoorden)> {
    let mut out: Vec<_> = answers
        .iter()
        .filter(|(_, row)| !criteria::voldoet(row))
        .map(|(id, row)| {
            let naam = site
                .data
                .werkplein(id)
                .map_or(id.as_str(), |w| w.naam.as_str());
            let ja = row.iter().filter(|a| **a == Some(true)).count();
            (id.as_str(), naam, ja, row)
        })
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(b.1)));
    out
}

fn page(site: &Site, urls: Urls, c: &Criteria) -> Option<Page> {
    let m = c.current?;
    let answers = c.antwoorden[m].as_ref()?;
    let n = c.eisen.len();
    let tellingen = criteria::tellingen(answers.values(), n);
    let mut flat = 0;
    let rows = c
        .criteria
        .iter()
        .enumerate()
        .map(|(i, k)| CriteriumRow {
            letter: Criteria::letter(i),
            naam: k.naam.clone(),
            eisen: k
                .eisen
                .iter()
                .enumerate()
                .map(|(j, e)| {
                    let t = tellingen[flat];
                    flat += 1;
                    EisRow {
                        id: e.id.clone(),
                        code: format!("{}{}", Criteria::letter(i), j + 1),
                        naam: e.naam.clone(),
                        ja: t.ja,
                        nee: t.nee,
                        onbekend: t.onbekend,
                        pct: share(t.ja, answers.len()),
                    }
                })
                .collect(),
        })
        .collect();
    let member = |id: &str| {
        let w = site.data.werkplein(id);
        Member {
            naam: w.map_or(id.to_string(), |w| w.naam.clone()),
            url: urls.route(Route::Werkplein(id)),
        }
    };
    let mut voldoen: Vec<Member> = answers
        .iter()
        .filter(|(_, row)| criteria::voldoet(row))
        .map(|(id, _)| member(id))
        .collect();
    let missen: Vec<Miss> = ontbreekt(site, answers)
        .into_iter()
        .map(|(id, naam, ja, row)| Miss {
            naam: naam.to_string(),
            url: urls.route(Route::Werkplein(id)),
            ja,
            antwoorden: row.iter().map(|a| antwoord(*a)).collect(),
        })
        .collect();
    voldoen.sort_by(|a, b| a.naam.cmp(&b.naam));
    let mut niet_gemeten: Vec<Member> = site
        .data
        .werkpleinen
        .iter()
        .filter(|w| !answers.contains_key(&w.id))
        .map(|w| member(&w.id))
        .collect();
    niet_gemeten.sort_by(|a, b| a.naam.cmp(&b.naam));
    let eerder = c
        .metingen
        .iter()
        .zip(&c.antwoorden)
        .take(m)
        .filter_map(|(meting, a)| {
            let a = a.as_ref()?;
            Some(MetingSummary {
                naam: meting.naam.clone(),
                gemeten: a.len(),
                voldoen: a.values().filter(|r| criteria::voldoet(r)).count(),
            })
        })
        .collect();
    Some(Page {
        meting: c.metingen[m].naam.clone(),
        eerder,
        gemeten: answers.len(),
        eisen: n,
        criteria: rows,
        voldoen,
        missen,
        niet_gemeten,
        csv_eisen: urls.route(Route::CriteriaEisenCsv),
        csv_werkpleinen: urls.route(Route::CriteriaWerkpleinenCsv),
        csv_ontbreekt: urls.route(Route::CriteriaOntbreektCsv),
    })
}

/// `/criteria/eisen.csv` (`criterium,eis,ja,nee,onbekend,aandeel`) and `/criteria/werkpleinen.csv`
/// (`werkplein,naam,ja,voldoet,<eis ids>` with ja, nee or empty per eis).
pub(super) fn csvs(site: &Site, c: &Criteria) -> Vec<(String, Vec<u8>)> {
    let Some(answers) = c.current_answers() else {
        return Vec::new();
    };
    let tellingen = criteria::tellingen(answers.values(), c.eisen.len());
    let eisen = csv_bytes(
        &["criterium", "eis", "ja", "nee", "onbekend", "aandeel"],
        c.eisen.iter().zip(&tellingen).map(|((k, e), t)| {
            vec![
                c.criteria[*k].id.clone(),
                e.id.clone(),
                t.ja.to_string(),
                t.nee.to_string(),
                t.onbekend.to_string(),
                share(t.ja, answers.len()).to_string(),
            ]
        }),
    );
    let ids: Vec<&str> = c.eisen.iter().map(|(_, e)| e.id.as_str()).collect();
    let header: Vec<&str> = [&["werkplein", "naam", "ja", "voldoet"][..], &ids].concat();
    let werkpleinen = csv_bytes(
        &header,
        answers.iter().map(|(id, row)| {
            let mut r = vec![
                id.clone(),
                site.data
                    .werkplein(id)
                    .map_or(id.clone(), |w| w.naam.clone()),
                row.iter().filter(|a| **a == Some(true)).count().to_string(),
                if criteria::voldoet(row) { "ja" } else { "nee" }.to_string(),
            ];
            r.extend(row.iter().map(|a| match antwoord(*a) {
                "onbekend" => String::new(),
                s => s.to_string(),
            }));
            r
        }),
    );
    let ontbreekt = csv_bytes(
        &[&["werkplein", "naam", "ja"][..], &ids].concat(),
        ontbreekt(site, answers)
            .into_iter()
            .map(|(id, naam, ja, row)| {
                let mut r = vec![id.to_string(), naam.to_string(), ja.to_string()];
                r.extend(row.iter().map(|a| match antwoord(*a) {
                    "onbekend" => String::new(),
                    s => s.to_string(),
                }));
                r
            }),
    );
    vec![
        (Route::CriteriaEisenCsv.output(), eisen),
        (Route::CriteriaWerkpleinenCsv.output(), werkpleinen),
        (Route::CriteriaOntbreektCsv.output(), ontbreekt),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share(7, 125), 6);
        assert_eq!(share(1, 8), 13, "12.5 rounds up");
        assert_eq!(share(0, 10), 0);
        assert_eq!(share(10, 10), 100);
        assert_eq!(share(3, 0), 0);
    }
}

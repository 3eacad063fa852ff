//! Contexts and open-data CSVs of the Landkaart pages, and the Landkaart and Resultaten parts
//! of the werkplein, regio, werkpleinen and home pages.

use serde::Serialize;

use crate::landkaart::leren;
use crate::landkaart::scores::{group_means, is_bijna_groen, is_groen, share, truncate, verschil};
use crate::landkaart::{Landkaart, Trend, WerkpleinScore};
use crate::model::Site;
use crate::text;

use super::charts;
use super::shapes::{PageInfo, Urls};
use super::{Built, Renderer};
use crate::route::Route;

/// A band or group as templates show it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct BandRef {
    pub id: String,
    pub naam: String,
    pub index: usize,
    /// The band's colour and marker shape in the charts.
    pub kleur: String,
    pub vorm: &'static str,
}

fn band_ref(bands: &[crate::landkaart::Band], i: usize) -> BandRef {
    let (kleur, vorm) = crate::charts::band_swatch(i, bands.len());
    BandRef {
        id: bands[i].id.clone(),
        naam: bands[i].naam.clone(),
        index: i,
        kleur,
        vorm,
    }
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct TrendRef {
    pub id: &'static str,
    pub naam: &'static str,
}

fn trend_ref(t: Trend) -> TrendRef {
    TrendRef {
        id: t.id(),
        naam: t.naam(),
    }
}

/// One werkplein's current standing, for tables on several pages.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Standing {
    pub totaal: u32,
    pub band: BandRef,
    pub groep: BandRef,
    pub trend: TrendRef,
    /// Change of the truncated total since its previous report, when there is one.
    pub verschil: Option<i64>,
}

pub(super) fn standing(lk: &Landkaart, w: &WerkpleinScore) -> Standing {
    Standing {
        totaal: truncate(w.total),
        band: band_ref(&lk.banden, w.band),
        groep: band_ref(&lk.groepen, w.groep),
        trend: trend_ref(w.trend),
        verschil: w.previous.map(|p| verschil(w.total, p)),
    }
}

/// A werkplein's current standing, if it reported in the current period.
pub(super) fn current_standing(site: &Site, werkplein: &str) -> Option<Standing> {
    let lk = site.landkaart.as_ref()?;
    lk.score(lk.current, werkplein).map(|w| standing(lk, w))
}

#[derive(Serialize)]
pub(super) struct PeriodLink {
    pub id: String,
    pub naam: String,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize)]
struct BandCount {
    aantal: u32,
    pct: u32,
}

#[derive(Serialize)]
struct DistRow {
    id: String,
    naam: String,
    fase: Option<String>,
    gemiddelde: Option<u32>,
    werkpleinen: u32,
    banden: Vec<BandCount>,
}

fn dist_row(
    id: &str,
    naam: &str,
    fase: Option<&str>,
    gemiddelde: Option<f64>,
    counts: &[u32],
) -> DistRow {
    let n: u32 = counts.iter().sum();
    DistRow {
        id: id.to_string(),
        naam: naam.to_string(),
        fase: fase.map(str::to_string),
        gemiddelde: gemiddelde.map(truncate),
        werkpleinen: n,
        banden: counts
            .iter()
            .map(|&c| BandCount {
                aantal: c,
                pct: share(c, n),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct Member {
    id: String,
    naam: String,
    url: String,
    totaal: u32,
    vorig: Option<u32>,
    verschil: Option<i64>,
}

#[derive(Serialize)]
struct Groep {
    id: String,
    naam: String,
    van: u32,
    tot: u32,
    actie: Option<String>,
    toelichting: Option<String>,
    leden: Vec<Member>,
}

/// A werkplein that went up or down a group.
#[derive(Serialize)]
struct Beweging {
    naam: String,
    url: String,
    totaal: u32,
    verschil: Option<i64>,
    van: String,
    naar: String,
}

/// A werkplein that did not report in the period, with its latest report before it.
#[derive(Serialize)]
struct Afwezig {
    naam: String,
    url: String,
    laatst: Option<String>,
}

/// A werkplein whose answers were carried over: last updated before the period began.
#[derive(Serialize)]
struct NietBijgewerkt {
    naam: String,
    url: String,
    totaal: u32,
    bijgewerkt: String,
}

/// Group counts in one period (the rows of groepen.csv).
#[derive(Serialize)]
struct GroepHistorie {
    naam: String,
    url: String,
    werkpleinen: usize,
    aantallen: Vec<u32>,
}

/// An option of a filter of the all-werkpleinen table.
#[derive(Serialize)]
struct Keuze {
    id: String,
    naam: String,
}

#[derive(Serialize)]
struct HistoryRow {
    periode: String,
    naam: String,
    url: String,
    gemiddelde: Option<u32>,
    werkpleinen: usize,
}

#[derive(Serialize)]
pub(super) struct Charts {
    historie: String,
    banden: String,
    kaart: String,
    groepen: String,
}

/// The context of `/landkaart/<periode>/` (and `/landkaart/` for the current period).
#[derive(Serialize)]
pub(super) struct PeriodPage {
    periode: PeriodLink,
    vorige: Option<PeriodLink>,
    perioden: Vec<PeriodLink>,
    werkpleinen: usize,
    gemiddelde: Option<u32>,
    banden: Vec<BandRef>,
    fasen: Vec<DistRow>,
    mijlpalen: Vec<DistRow>,
    vooruit: Vec<Member>,
    gelijk: Vec<Member>,
    achteruit: Vec<Member>,
    nieuw: Vec<Member>,
    groen: Vec<Member>,
    bijna_groen: Vec<Member>,
    groepen: Vec<Groep>,
    /// Who went up / down a group since their previous report, by name.
    omhoog: Vec<Beweging>,
    omlaag: Vec<Beweging>,
    /// Group counts per period, oldest first (groepen.csv).
    groep_historie: Vec<GroepHistorie>,
    /// Werkpleinen that did not report in this period, by name; never counted.
    niet_gerapporteerd: Vec<Afwezig>,
    /// Werkpleinen that reported answers last updated before the period, by name.
    niet_bijgewerkt: Vec<NietBijgewerkt>,
    historie: Vec<HistoryRow>,
    /// Every werkplein that reported, by id (the rows of werkpleinen.csv).
    alle: Vec<Row>,
    /// The options of the filters of the all-werkpleinen table.
    filter_regios: Vec<Keuze>,
    trends: Vec<Keuze>,
    csv: CsvLinks,
    charts: Charts,
}

#[derive(Serialize)]
struct Row {
    naam: String,
    url: String,
    regio: Keuze,
    totaal: u32,
    band: BandRef,
    groep: BandRef,
    trend: TrendRef,
    verschil: Option<i64>,
    niet_bijgewerkt: bool,
    fasen: Vec<Option<u32>>,
}

#[derive(Serialize)]
struct CsvLinks {
    fasen: String,
    mijlpalen: String,
    werkpleinen: String,
    historie: String,
    groepen: String,
}

pub(super) fn period_url(urls: Urls, lk: &Landkaart, p: usize) -> String {
    urls.route(Route::LandkaartPeriode(&lk.perioden[p].id))
}

pub(super) fn period_links(urls: Urls, lk: &Landkaart, current: usize) -> Vec<PeriodLink> {
    lk.reported()
        .map(|(i, p, _)| PeriodLink {
            id: p.id.clone(),
            naam: p.naam.clone(),
            url: period_url(urls, lk, i),
            current: i == current,
        })
        .collect()
}

/// A werkplein in a list of the Landkaart page.
fn member(site: &Site, urls: Urls, w: &WerkpleinScore) -> Member {
    let naam = site
        .data
        .werkplein(&w.werkplein)
        .map_or(w.werkplein.clone(), |x| x.naam.clone());
    Member {
        id: w.werkplein.clone(),
        naam,
        url: urls.route(Route::Werkplein(&w.werkplein)),
        totaal: truncate(w.total),
        vorig: w.previous.map(truncate),
        verschil: w.previous.map(|pr| verschil(w.total, pr)),
    }
}

/// The national average of every reported period.
fn history_rows(urls: Urls, lk: &Landkaart) -> Vec<HistoryRow> {
    lk.reported()
        .map(|(i, per, s)| HistoryRow {
            periode: per.id.clone(),
            naam: per.naam.clone(),
            url: period_url(urls, lk, i),
            gemiddelde: s.total_mean.map(truncate),
            werkpleinen: s.werkpleinen.len(),
        })
        .collect()
}

pub(super) fn period_page(
    n: &charts::Counter,
    site: &Site,
    urls: Urls,
    lk: &Landkaart,
    p: usize,
) -> PeriodPage {
    let stats = lk.stats[p]
        .as_ref()
        .expect("period pages exist only for periods with data");
    let member = |w: &WerkpleinScore| member(site, urls, w);
    let by_name = |mut v: Vec<Member>| {
        v.sort_by(|a, b| crate::text::cmp_names(&a.naam, &b.naam));
        v
    };
    let with_trend = |t: Trend| {
        let mut v: Vec<Member> = stats
            .werkpleinen
            .iter()
            .filter(|w| w.trend == t)
            .map(member)
            .collect();
        // Largest change first, then by name.
        v.sort_by(|a, b| {
            b.verschil
                .unwrap_or(0)
                .abs()
                .cmp(&a.verschil.unwrap_or(0).abs())
                .then_with(|| crate::text::cmp_names(&a.naam, &b.naam))
        });
        v
    };
    let vorige = (0..p)
        .rev()
        .find(|&i| lk.stats[i].is_some())
        .map(|i| PeriodLink {
            id: lk.perioden[i].id.clone(),
            naam: lk.perioden[i].naam.clone(),
            url: period_url(urls, lk, i),
            current: false,
        });
    let mut fasen = vec![dist_row(
        "totaal",
        "Totaal",
        None,
        stats.total_mean,
        &stats.total_bands,
    )];
    fasen.extend(lk.fasen.iter().enumerate().map(|(f, fase)| {
        dist_row(
            &fase.id,
            &fase.naam,
            None,
            stats.fase_means[f],
            &stats.fase_bands[f],
        )
    }));
    let mijlpalen = lk
        .mijlpalen
        .iter()
        .enumerate()
        .map(|(m, (f, mp))| {
            dist_row(
                &mp.id,
                &mp.naam,
                Some(&lk.fasen[*f].naam),
                stats.mijlpaal_means[m],
                &stats.mijlpaal_bands[m],
            )
        })
        .collect();
    let groepen = lk
        .groepen
        .iter()
        .enumerate()
        .map(|(g, b)| Groep {
            id: b.id.clone(),
            naam: b.naam.clone(),
            van: b.van,
            tot: b.tot,
            actie: b.actie.clone(),
            toelichting: b.toelichting.clone(),
            leden: by_name(
                stats
                    .werkpleinen
                    .iter()
                    .filter(|w| w.groep == g)
                    .map(member)
                    .collect(),
            ),
        })
        .collect();
    let historie = history_rows(urls, lk);
    let csv = |name| urls.route(Route::LandkaartCsv(&lk.perioden[p].id, name));
    let moves = group_moves(site, urls, lk, p);
    PeriodPage {
        periode: PeriodLink {
            id: lk.perioden[p].id.clone(),
            naam: lk.perioden[p].naam.clone(),
            url: period_url(urls, lk, p),
            current: p == lk.current,
        },
        vorige,
        perioden: period_links(urls, lk, p),
        werkpleinen: stats.werkpleinen.len(),
        gemiddelde: stats.total_mean.map(truncate),
        banden: (0..lk.banden.len())
            .map(|i| band_ref(&lk.banden, i))
            .collect(),
        fasen,
        mijlpalen,
        vooruit: with_trend(Trend::Vooruit),
        gelijk: by_name(with_trend(Trend::Gelijk)),
        achteruit: with_trend(Trend::Achteruit),
        nieuw: by_name(with_trend(Trend::Nieuw)),
        groen: by_name(
            stats
                .werkpleinen
                .iter()
                .filter(|w| is_groen(w.total))
                .map(member)
                .collect(),
        ),
        bijna_groen: by_name(
            stats
                .werkpleinen
                .iter()
                .filter(|w| is_bijna_groen(w.total))
                .map(member)
                .collect(),
        ),
        groepen,
        omhoog: moves.0,
        omlaag: moves.1,
        groep_historie: group_history(urls, lk),
        niet_gerapporteerd: absent(site, urls, lk, p),
        niet_bijgewerkt: not_updated(site, urls, lk, p),
        historie,
        alle: all_rows(site, urls, lk, p),
        filter_regios: filter_regios(site, lk, p),
        trends: trend_options(stats),
        csv: CsvLinks {
            fasen: csv("fasen.csv"),
            mijlpalen: csv("mijlpalen.csv"),
            werkpleinen: csv("werkpleinen.csv"),
            historie: urls.route(Route::LandkaartHistorie),
            groepen: urls.route(Route::LandkaartGroepen),
        },
        charts: Charts {
            historie: charts::national_history(n, lk, p),
            banden: charts::fase_bands(n, lk, stats, p),
            kaart: charts::map(n, site, urls, lk, stats, p),
            groepen: charts::group_history(n, lk),
        },
    }
}

/// The trends that occur in a period, for the table's filter.
fn trend_options(stats: &crate::landkaart::PeriodStats) -> Vec<Keuze> {
    [
        Trend::Vooruit,
        Trend::Gelijk,
        Trend::Achteruit,
        Trend::Nieuw,
    ]
    .iter()
    .filter(|t| stats.werkpleinen.iter().any(|w| w.trend == **t))
    .map(|t| Keuze {
        id: t.id().into(),
        naam: t.naam().into(),
    })
    .collect()
}

fn naam_of(site: &Site, id: &str) -> String {
    site.data
        .werkplein(id)
        .map_or(id.to_string(), |x| x.naam.clone())
}

/// Who went up and who went down a group in period `p`, each by name.
fn group_moves(
    site: &Site,
    urls: Urls,
    lk: &Landkaart,
    p: usize,
) -> (Vec<Beweging>, Vec<Beweging>) {
    let Some(stats) = lk.stats[p].as_ref() else {
        return (Vec::new(), Vec::new());
    };
    let (up, down) = leren::group_moves(stats, &lk.groepen);
    let rows = |moves: Vec<leren::Move>| {
        let mut v: Vec<Beweging> = moves
            .iter()
            .filter_map(|m| {
                let w = lk.score(p, &m.werkplein)?;
                Some(Beweging {
                    naam: naam_of(site, &m.werkplein),
                    url: urls.route(Route::Werkplein(&m.werkplein)),
                    totaal: truncate(w.total),
                    verschil: w.previous.map(|pr| verschil(w.total, pr)),
                    van: lk.groepen[m.van].naam.clone(),
                    naar: lk.groepen[m.naar].naam.clone(),
                })
            })
            .collect();
        v.sort_by(|a, b| a.naam.cmp(&b.naam));
        v
    };
    (rows(up), rows(down))
}

fn group_history(urls: Urls, lk: &Landkaart) -> Vec<GroepHistorie> {
    lk.reported()
        .map(|(i, per, s)| GroepHistorie {
            naam: per.naam.clone(),
            url: period_url(urls, lk, i),
            werkpleinen: s.werkpleinen.len(),
            aantallen: leren::group_counts(s, lk.groepen.len()),
        })
        .collect()
}

/// The werkpleinen that did not report in period `p`, with their latest earlier report.
fn absent(site: &Site, urls: Urls, lk: &Landkaart, p: usize) -> Vec<Afwezig> {
    let mut v: Vec<Afwezig> = site
        .data
        .werkpleinen
        .iter()
        .filter(|w| lk.score(p, &w.id).is_none())
        .map(|w| Afwezig {
            naam: w.naam.clone(),
            url: urls.route(Route::Werkplein(&w.id)),
            laatst: p
                .checked_sub(1)
                .and_then(|q| lk.latest_report(q, &w.id))
                .map(|q| lk.perioden[q].naam.clone()),
        })
        .collect();
    v.sort_by(|a, b| a.naam.cmp(&b.naam));
    v
}

/// The werkpleinen whose answers in period `p` were last updated before it began.
fn not_updated(site: &Site, urls: Urls, lk: &Landkaart, p: usize) -> Vec<NietBijgewerkt> {
    let Some(stats) = lk.stats[p].as_ref() else {
        return Vec::new();
    };
    let mut v: Vec<NietBijgewerkt> = stats
        .werkpleinen
        .iter()
        .filter_map(|w| {
            let d = lk.niet_bijgewerkt(p, &w.werkplein)?;
            Some(NietBijgewerkt {
                naam: naam_of(site, &w.werkplein),
                url: urls.route(Route::Werkplein(&w.werkplein)),
                totaal: truncate(w.total),
                bijgewerkt: text::parse_date(d).map_or(d.to_string(), text::date_nl),
            })
        })
        .collect();
    v.sort_by(|a, b| a.naam.cmp(&b.naam));
    v
}

/// Every werkplein that reported in period `p`, by id (the rows of werkpleinen.csv).
fn all_rows(site: &Site, urls: Urls, lk: &Landkaart, p: usize) -> Vec<Row> {
    let Some(stats) = lk.stats[p].as_ref() else {
        return Vec::new();
    };
    stats
        .werkpleinen
        .iter()
        .map(|w| {
            let regio = site
                .data
                .werkplein(&w.werkplein)
                .and_then(|x| site.data.regio(&x.regio));
            Row {
                naam: naam_of(site, &w.werkplein),
                url: urls.route(Route::Werkplein(&w.werkplein)),
                regio: Keuze {
                    id: regio.map_or(String::new(), |r| r.id.clone()),
                    naam: regio.map_or(String::new(), |r| r.naam.clone()),
                },
                totaal: truncate(w.total),
                band: band_ref(&lk.banden, w.band),
                groep: band_ref(&lk.groepen, w.groep),
                trend: trend_ref(w.trend),
                verschil: w.previous.map(|pr| verschil(w.total, pr)),
                niet_bijgewerkt: lk.niet_bijgewerkt(p, &w.werkplein).is_some(),
                fasen: w.fasen.iter().map(|f| f.map(truncate)).collect(),
            }
        })
        .collect()
}

/// The regio's of the werkpleinen that reported in period `p`, by name.
fn filter_regios(site: &Site, lk: &Landkaart, p: usize) -> Vec<Keuze> {
    let mut out: Vec<Keuze> = Vec::new();
    for w in lk.stats[p].iter().flat_map(|s| &s.werkpleinen) {
        if let Some(r) = site
            .data
            .werkplein(&w.werkplein)
            .and_then(|x| site.data.regio(&x.regio))
            && !out.iter().any(|k| k.id == r.id)
        {
            out.push(Keuze {
                id: r.id.clone(),
                naam: r.naam.clone(),
            });
        }
    }
    out.sort_by(|a, b| a.naam.cmp(&b.naam));
    out
}

// ---------------------------------------------------------------------------------------------
// The werkplein page

#[derive(Serialize)]
struct MijlpaalScore {
    naam: String,
    score: Option<u32>,
    band: Option<BandRef>,
}

#[derive(Serialize)]
struct FaseScore {
    naam: String,
    score: Option<u32>,
    band: Option<BandRef>,
    mijlpalen: Vec<MijlpaalScore>,
}

#[derive(Serialize)]
struct WerkpleinHistory {
    periode: String,
    url: String,
    totaal: Option<u32>,
    landelijk: Option<u32>,
}

#[derive(Serialize)]
pub(super) struct WerkpleinLandkaart {
    /// The period shown: the current one, or the werkplein's latest report before it.
    periode: PeriodLink,
    /// The current period, when the werkplein did not report in it (`periode` is older).
    niet_gerapporteerd_in: Option<PeriodLink>,
    /// When its answers were last updated, if that was before the period shown began.
    niet_bijgewerkt: Option<String>,
    stand: Standing,
    fasen: Vec<FaseScore>,
    historie: Vec<WerkpleinHistory>,
    /// Its CSV copies (see [`werkplein_csvs`]).
    csv_mijlpalen: String,
    csv_historie: String,
    chart_historie: String,
    chart_mijlpalen: String,
}

pub(super) fn werkplein_landkaart(r: &Renderer, id: &str) -> Option<WerkpleinLandkaart> {
    let (n, site, urls) = (&r.charts, r.site, r.urls);
    let lk = site.landkaart.as_ref()?;
    let p = lk.latest_report(lk.current, id)?;
    let w = lk.score(p, id)?;
    let fasen = lk
        .fasen
        .iter()
        .enumerate()
        .map(|(f, fase)| FaseScore {
            naam: fase.naam.clone(),
            score: w.fasen[f].map(truncate),
            band: w.fasen[f]
                .map(|v| band_ref(&lk.banden, crate::landkaart::scores::band_of(&lk.banden, v))),
            mijlpalen: lk.fase_ranges[f]
                .clone()
                .map(|m| MijlpaalScore {
                    naam: lk.mijlpalen[m].1.naam.clone(),
                    score: w.mijlpalen[m].map(u32::from),
                    band: w.mijlpalen[m].map(|v| {
                        band_ref(
                            &lk.banden,
                            crate::landkaart::scores::band_of(&lk.banden, f64::from(v)),
                        )
                    }),
                })
                .collect(),
        })
        .collect();
    let historie = lk
        .reported()
        .map(|(i, per, s)| WerkpleinHistory {
            periode: per.naam.clone(),
            url: period_url(urls, lk, i),
            totaal: lk.score(i, id).map(|x| truncate(x.total)),
            landelijk: s.total_mean.map(truncate),
        })
        .collect();
    let naam = site.data.werkplein(id).map_or(id, |x| x.naam.as_str());
    Some(WerkpleinLandkaart {
        periode: PeriodLink {
            id: lk.perioden[p].id.clone(),
            naam: lk.perioden[p].naam.clone(),
            url: period_url(urls, lk, p),
            current: p == lk.current,
        },
        niet_gerapporteerd_in: (p != lk.current).then(|| PeriodLink {
            id: lk.perioden[lk.current].id.clone(),
            naam: lk.perioden[lk.current].naam.clone(),
            // A period without data has no page of its own.
            url: match lk.stats[lk.current] {
                Some(_) => period_url(urls, lk, lk.current),
                None => urls.route(Route::LandkaartIndex),
            },
            current: true,
        }),
        niet_bijgewerkt: lk
            .niet_bijgewerkt(p, id)
            .map(|d| text::parse_date(d).map_or(d.to_string(), text::date_nl)),
        stand: standing(lk, w),
        fasen,
        historie,
        csv_mijlpalen: urls.route(Route::WerkpleinCsv(id, "mijlpalen.csv")),
        csv_historie: urls.route(Route::WerkpleinCsv(id, "historie.csv")),
        chart_historie: charts::werkplein_history(n, lk, id, naam),
        chart_mijlpalen: charts::werkplein_mijlpalen(n, lk, w, naam),
    })
}

/// Mean of the current totals of some werkpleinen, and per fase.
#[derive(Serialize)]
pub(super) struct GroupAverages {
    periode: String,
    totaal: Option<u32>,
    werkpleinen: usize,
    fasen: Vec<FaseAverage>,
}

#[derive(Serialize)]
struct FaseAverage {
    naam: String,
    score: Option<u32>,
    landelijk: Option<u32>,
}

pub(super) fn group_averages(site: &Site, ids: &[&str]) -> Option<GroupAverages> {
    let lk = site.landkaart.as_ref()?;
    let stats = lk.current_stats()?;
    let scores: Vec<&WerkpleinScore> = ids
        .iter()
        .filter_map(|id| lk.score(lk.current, id))
        .collect();
    let (total, per_fase) = group_means(scores.iter().copied(), lk.fasen.len())?;
    Some(GroupAverages {
        periode: lk.perioden[lk.current].naam.clone(),
        totaal: Some(truncate(total)),
        werkpleinen: scores.len(),
        fasen: lk
            .fasen
            .iter()
            .zip(per_fase)
            .enumerate()
            .map(|(f, (fase, score))| FaseAverage {
                naam: fase.naam.clone(),
                score: score.map(truncate),
                landelijk: stats.fase_means[f].map(truncate),
            })
            .collect(),
    })
}

/// The Landkaart summary on the home page.
#[derive(Serialize)]
pub(super) struct HomeSummary {
    periode: String,
    url: String,
    gemiddelde: Option<u32>,
    werkpleinen: usize,
    banden: Vec<HomeBand>,
    groen: Vec<String>,
}

#[derive(Serialize)]
struct HomeBand {
    naam: String,
    aantal: u32,
}

pub(super) fn home_summary(site: &Site, urls: Urls) -> Option<HomeSummary> {
    let lk = site.landkaart.as_ref()?;
    let stats = lk.current_stats()?;
    let mut groen: Vec<String> = stats
        .werkpleinen
        .iter()
        .filter(|w| is_groen(w.total))
        .filter_map(|w| site.data.werkplein(&w.werkplein).map(|x| x.plaats.clone()))
        .collect();
    groen.sort_by(|a, b| crate::text::cmp_names(a, b));
    Some(HomeSummary {
        periode: lk.perioden[lk.current].naam.clone(),
        url: urls.route(Route::LandkaartIndex),
        gemiddelde: stats.total_mean.map(truncate),
        werkpleinen: stats.werkpleinen.len(),
        banden: lk
            .banden
            .iter()
            .zip(&stats.total_bands)
            .map(|(b, &n)| HomeBand {
                naam: b.naam.clone(),
                aantal: n,
            })
            .collect(),
        groen,
    })
}

/// Whether the site shows the Landkaart: it has one with a report for the current period.
pub(super) fn present(site: &Site) -> bool {
    site.landkaart
        .as_ref()
        .is_some_and(|lk| lk.current_stats().is_some())
}

/// Context of `landkaart.html`.
#[derive(Serialize)]
struct PageContext {
    page: PageInfo,
    landkaart: PeriodPage,
    /// The Resultaten benchmark, when the site has one.
    resultaten_url: Option<String>,
}

/// The national Landkaart of period `p` (index into `perioden`); `None`: the current period,
/// at `/landkaart/`.
pub(super) fn page(r: &Renderer, period: Option<usize>) -> Built {
    let site = r.site;
    let Some(lk) = site.landkaart.as_ref() else {
        return Built::new("404.html", &serde_json::Map::new());
    };
    let p = period.unwrap_or(lk.current);
    let (route, title, crumbs) = match period {
        None => (
            Route::LandkaartIndex,
            "De Landkaart".to_string(),
            r.crumbs(&[]),
        ),
        Some(p) => (
            Route::LandkaartPeriode(&lk.perioden[p].id),
            format!("De Landkaart: {}", lk.perioden[p].naam),
            r.crumbs(&[("De Landkaart", Route::LandkaartIndex)]),
        ),
    };
    let description = format!(
        "De voortgang van de werkpleinen op de mijlpalen van integrale dienstverlening, {}.",
        lk.perioden[p].naam
    );
    let ctx = PageContext {
        page: r.info(&title, route, Some("landkaart"), Some(&description), crumbs),
        landkaart: period_page(&r.charts, site, r.urls, lk, p),
        resultaten_url: super::resultaten::present(site).then(|| r.urls.route(Route::Resultaten)),
    };
    Built::new("landkaart.html", &ctx)
}

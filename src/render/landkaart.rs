//! Contexts and open-data CSVs of the Landkaart pages, and the Landkaart and Resultaten parts
//! of the werkplein, regio, werkpleinen and home pages.

use serde::Serialize;

use crate::landkaart::scores::{mean, truncate};
use crate::landkaart::{Landkaart, PeriodStats, Trend, WerkpleinScore};
use crate::model::Site;
use crate::resultaten::{KLANT_STREEFWAARDE, PRINCIPES};
use crate::text;

use super::charts;
use super::shapes::Urls;

/// A band or group as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct BandRef {
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
pub struct TrendRef {
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
pub struct Standing {
    pub totaal: u32,
    pub band: BandRef,
    pub groep: BandRef,
    pub trend: TrendRef,
    /// Change of the truncated total since its previous report, when there is one.
    pub verschil: Option<i64>,
}

pub fn standing(lk: &Landkaart, w: &WerkpleinScore) -> Standing {
    Standing {
        totaal: truncate(w.total),
        band: band_ref(&lk.banden, w.band),
        groep: band_ref(&lk.groepen, w.groep),
        trend: trend_ref(w.trend),
        verschil: w
            .previous
            .map(|p| i64::from(truncate(w.total)) - i64::from(truncate(p))),
    }
}

/// A werkplein's current standing, if it reported in the current period.
pub fn current_standing(site: &Site, werkplein: &str) -> Option<Standing> {
    let lk = site.landkaart.as_ref()?;
    lk.score(lk.current, werkplein).map(|w| standing(lk, w))
}

#[derive(Serialize)]
pub struct PeriodLink {
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
                pct: if n == 0 {
                    0
                } else {
                    truncate(f64::from(c) * 100.0 / f64::from(n))
                },
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
    leden: Vec<Member>,
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
pub struct Charts {
    historie: String,
    banden: String,
    kaart: String,
}

/// The context of `/landkaart/<periode>/` (and `/landkaart/` for the current period).
#[derive(Serialize)]
pub struct PeriodPage {
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
    historie: Vec<HistoryRow>,
    /// Every werkplein that reported, by id (the rows of werkpleinen.csv).
    alle: Vec<Row>,
    csv: CsvLinks,
    charts: Charts,
}

#[derive(Serialize)]
struct Row {
    naam: String,
    url: String,
    totaal: u32,
    band: BandRef,
    groep: String,
    trend: &'static str,
    fasen: Vec<Option<u32>>,
}

#[derive(Serialize)]
struct CsvLinks {
    fasen: String,
    mijlpalen: String,
    werkpleinen: String,
    historie: String,
}

pub fn period_url(urls: Urls, lk: &Landkaart, p: usize) -> String {
    urls.path(&format!("landkaart/{}/", lk.perioden[p].id))
}

pub fn period_links(urls: Urls, lk: &Landkaart, current: usize) -> Vec<PeriodLink> {
    lk.reported()
        .map(|(i, p, _)| PeriodLink {
            id: p.id.clone(),
            naam: p.naam.clone(),
            url: period_url(urls, lk, i),
            current: i == current,
        })
        .collect()
}

/// The rows of the table of all werkpleinen, by name as Dutch readers sort.
fn sorted_rows(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort_by(|a, b| crate::text::cmp_names(&a.naam, &b.naam));
    rows
}

pub fn period_page(site: &Site, urls: Urls, lk: &Landkaart, p: usize) -> PeriodPage {
    let stats = lk.stats[p]
        .as_ref()
        .expect("period pages exist only for periods with data");
    let member = |w: &WerkpleinScore| {
        let naam = site
            .data
            .werkplein(&w.werkplein)
            .map_or(w.werkplein.clone(), |x| x.naam.clone());
        Member {
            id: w.werkplein.clone(),
            naam,
            url: urls.path(&format!("werkpleinen/{}/", w.werkplein)),
            totaal: truncate(w.total),
            vorig: w.previous.map(truncate),
            verschil: w
                .previous
                .map(|pr| i64::from(truncate(w.total)) - i64::from(truncate(pr))),
        }
    };
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
    let historie: Vec<HistoryRow> = lk
        .reported()
        .map(|(i, per, s)| HistoryRow {
            periode: per.id.clone(),
            naam: per.naam.clone(),
            url: period_url(urls, lk, i),
            gemiddelde: s.total_mean.map(truncate),
            werkpleinen: s.werkpleinen.len(),
        })
        .collect();
    let base = format!("landkaart/{}/", lk.perioden[p].id);
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
                .filter(|w| truncate(w.total) >= 100)
                .map(member)
                .collect(),
        ),
        bijna_groen: by_name(
            stats
                .werkpleinen
                .iter()
                .filter(|w| (90..100).contains(&truncate(w.total)))
                .map(member)
                .collect(),
        ),
        groepen,
        historie,
        alle: sorted_rows(
            stats
                .werkpleinen
                .iter()
                .map(|w| Row {
                    naam: site
                        .data
                        .werkplein(&w.werkplein)
                        .map_or(w.werkplein.clone(), |x| x.naam.clone()),
                    url: urls.path(&format!("werkpleinen/{}/", w.werkplein)),
                    totaal: truncate(w.total),
                    band: band_ref(&lk.banden, w.band),
                    groep: lk.groepen[w.groep].naam.clone(),
                    trend: w.trend.naam(),
                    fasen: w.fasen.iter().map(|f| f.map(truncate)).collect(),
                })
                .collect(),
        ),
        csv: CsvLinks {
            fasen: urls.path(&format!("{base}fasen.csv")),
            mijlpalen: urls.path(&format!("{base}mijlpalen.csv")),
            werkpleinen: urls.path(&format!("{base}werkpleinen.csv")),
            historie: urls.path("landkaart/historie.csv"),
        },
        charts: Charts {
            historie: charts::national_history(lk, p),
            banden: charts::fase_bands(lk, stats, p),
            kaart: charts::map(site, urls, lk, stats, p),
        },
    }
}

/// The open-data CSVs of a period: (file name, contents).
pub fn period_csvs(
    site: &Site,
    lk: &Landkaart,
    stats: &PeriodStats,
) -> Vec<(&'static str, Vec<u8>)> {
    let band_ids: Vec<&str> = lk.banden.iter().map(|b| b.id.as_str()).collect();
    let opt = |v: Option<f64>| v.map(|v| truncate(v).to_string()).unwrap_or_default();

    let mut fasen = Csv::new(&[&["fase", "gemiddelde"], &band_ids[..]].concat());
    let mut row = vec!["totaal".to_string(), opt(stats.total_mean)];
    row.extend(stats.total_bands.iter().map(u32::to_string));
    fasen.row(row);
    for (f, fase) in lk.fasen.iter().enumerate() {
        let mut row = vec![fase.id.clone(), opt(stats.fase_means[f])];
        row.extend(stats.fase_bands[f].iter().map(u32::to_string));
        fasen.row(row);
    }

    let mut mijlpalen = Csv::new(&[&["fase", "mijlpaal", "gemiddelde"], &band_ids[..]].concat());
    for (m, (f, mp)) in lk.mijlpalen.iter().enumerate() {
        let mut row = vec![
            lk.fasen[*f].id.clone(),
            mp.id.clone(),
            opt(stats.mijlpaal_means[m]),
        ];
        row.extend(stats.mijlpaal_bands[m].iter().map(u32::to_string));
        mijlpalen.row(row);
    }

    let fase_ids: Vec<&str> = lk.fasen.iter().map(|f| f.id.as_str()).collect();
    let mut werkpleinen = Csv::new(
        &[
            &["werkplein", "naam", "totaal", "band", "groep", "trend"],
            &fase_ids[..],
        ]
        .concat(),
    );
    for w in &stats.werkpleinen {
        let naam = site
            .data
            .werkplein(&w.werkplein)
            .map_or("", |x| x.naam.as_str());
        let mut row = vec![
            w.werkplein.clone(),
            naam.to_string(),
            truncate(w.total).to_string(),
            lk.banden[w.band].id.clone(),
            lk.groepen[w.groep].id.clone(),
            w.trend.id().to_string(),
        ];
        row.extend(w.fasen.iter().map(|&f| opt(f)));
        werkpleinen.row(row);
    }
    vec![
        ("fasen.csv", fasen.finish()),
        ("mijlpalen.csv", mijlpalen.finish()),
        ("werkpleinen.csv", werkpleinen.finish()),
    ]
}

/// `/landkaart/historie.csv`.
pub fn history_csv(lk: &Landkaart) -> Vec<u8> {
    let mut csv = Csv::new(&["periode", "naam", "gemiddelde", "werkpleinen"]);
    for (_, p, s) in lk.reported() {
        csv.row(vec![
            p.id.clone(),
            p.naam.clone(),
            s.total_mean
                .map(|v| truncate(v).to_string())
                .unwrap_or_default(),
            s.werkpleinen.len().to_string(),
        ]);
    }
    csv.finish()
}

/// A CSV file: UTF-8, `,`, LF, header row, quoting where needed.
struct Csv {
    writer: csv::Writer<Vec<u8>>,
}

impl Csv {
    fn new(header: &[&str]) -> Self {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = writer.write_record(header);
        Csv { writer }
    }

    fn row(&mut self, cells: Vec<String>) {
        let _ = self.writer.write_record(&cells);
    }

    fn finish(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
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
pub struct WerkpleinLandkaart {
    periode: PeriodLink,
    stand: Standing,
    fasen: Vec<FaseScore>,
    historie: Vec<WerkpleinHistory>,
    chart_historie: String,
    chart_mijlpalen: String,
}

pub fn werkplein_landkaart(site: &Site, urls: Urls, id: &str) -> Option<WerkpleinLandkaart> {
    let lk = site.landkaart.as_ref()?;
    let p = lk.current;
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
            current: true,
        },
        stand: standing(lk, w),
        fasen,
        historie,
        chart_historie: charts::werkplein_history(lk, id, naam),
        chart_mijlpalen: charts::werkplein_mijlpalen(lk, w, naam),
    })
}

#[derive(Serialize)]
struct KlantRow {
    meting: String,
    naam: String,
    rapportcijfer: String,
    respondenten: Option<u32>,
    landelijk: Option<String>,
}

#[derive(Serialize)]
struct Principe {
    naam: String,
    score: u32,
}

#[derive(Serialize)]
struct WerkgeversBlock {
    meting: String,
    principes: Vec<Principe>,
}

#[derive(Serialize)]
struct UitstroomRow {
    maand: String,
    naam: String,
    uitstroom: u32,
    streefwaarde: Option<u32>,
}

#[derive(Serialize)]
pub struct WerkpleinResultaten {
    klant: Vec<KlantRow>,
    klant_streefwaarde: String,
    chart_klant: Option<String>,
    werkgevers: Option<WerkgeversBlock>,
    uitstroom: Vec<UitstroomRow>,
    uitstroom_totaal: u32,
    streefwaarde_totaal: Option<u32>,
    chart_uitstroom: Option<String>,
}

/// A decimal as Dutch readers write it: `7,2`.
pub fn decimal_nl(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// `2010-1` → `1e meting 2010`.
pub fn meting_naam(m: &str) -> String {
    match m.split_once('-') {
        Some((y, n)) => format!("{n}e meting {y}"),
        None => m.to_string(),
    }
}

pub fn werkplein_resultaten(site: &Site, id: &str) -> Option<WerkpleinResultaten> {
    let r = &site.resultaten;
    let klant = r.klant.get(id).map_or(&[][..], Vec::as_slice);
    let werkgevers = r.werkgevers.get(id).and_then(|l| l.last());
    let uitstroom = r.uitstroom.get(id).map_or(&[][..], Vec::as_slice);
    if klant.is_empty() && werkgevers.is_none() && uitstroom.is_empty() {
        return None;
    }
    let naam = site.data.werkplein(id).map_or(id, |x| x.naam.as_str());
    let streef: Vec<u32> = uitstroom.iter().filter_map(|u| u.streefwaarde).collect();
    Some(WerkpleinResultaten {
        klant: klant
            .iter()
            .map(|k| KlantRow {
                meting: k.meting.clone(),
                naam: meting_naam(&k.meting),
                rapportcijfer: decimal_nl(k.rapportcijfer),
                respondenten: k.respondenten,
                landelijk: r.klant_landelijk.get(&k.meting).map(|&v| decimal_nl(v)),
            })
            .collect(),
        klant_streefwaarde: decimal_nl(KLANT_STREEFWAARDE),
        chart_klant: (!klant.is_empty()).then(|| charts::klant(site, klant, naam)),
        werkgevers: werkgevers.map(|w| WerkgeversBlock {
            meting: w.meting.clone(),
            principes: PRINCIPES
                .iter()
                .zip(w.scores)
                .map(|(p, s)| Principe {
                    naam: capitalize(p),
                    score: truncate(s),
                })
                .collect(),
        }),
        uitstroom: uitstroom
            .iter()
            .map(|u| UitstroomRow {
                maand: u.maand.clone(),
                naam: text::month_nl(&u.maand).unwrap_or_else(|| u.maand.clone()),
                uitstroom: u.uitstroom,
                streefwaarde: u.streefwaarde,
            })
            .collect(),
        uitstroom_totaal: uitstroom.iter().map(|u| u.uitstroom).sum(),
        streefwaarde_totaal: (streef.len() == uitstroom.len() && !streef.is_empty())
            .then(|| streef.iter().sum()),
        chart_uitstroom: (!uitstroom.is_empty()).then(|| charts::uitstroom(uitstroom, naam)),
    })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Mean of the current totals of some werkpleinen, and per fase.
#[derive(Serialize)]
pub struct GroupAverages {
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

pub fn group_averages(site: &Site, ids: &[&str]) -> Option<GroupAverages> {
    let lk = site.landkaart.as_ref()?;
    let stats = lk.current_stats()?;
    let scores: Vec<&WerkpleinScore> = ids
        .iter()
        .filter_map(|id| lk.score(lk.current, id))
        .collect();
    if scores.is_empty() {
        return None;
    }
    Some(GroupAverages {
        periode: lk.perioden[lk.current].naam.clone(),
        totaal: mean(scores.iter().map(|w| w.total)).map(truncate),
        werkpleinen: scores.len(),
        fasen: lk
            .fasen
            .iter()
            .enumerate()
            .map(|(f, fase)| FaseAverage {
                naam: fase.naam.clone(),
                score: mean(scores.iter().filter_map(|w| w.fasen[f])).map(truncate),
                landelijk: stats.fase_means[f].map(truncate),
            })
            .collect(),
    })
}

/// The Landkaart summary on the home page.
#[derive(Serialize)]
pub struct HomeSummary {
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

pub fn home_summary(site: &Site, urls: Urls) -> Option<HomeSummary> {
    let lk = site.landkaart.as_ref()?;
    let stats = lk.current_stats()?;
    let mut groen: Vec<String> = stats
        .werkpleinen
        .iter()
        .filter(|w| truncate(w.total) >= 100)
        .filter_map(|w| site.data.werkplein(&w.werkplein).map(|x| x.plaats.clone()))
        .collect();
    groen.sort_by(|a, b| crate::text::cmp_names(a, b));
    Some(HomeSummary {
        periode: lk.perioden[lk.current].naam.clone(),
        url: urls.path("landkaart/"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_and_metingen() {
        assert_eq!(decimal_nl(7.0), "7,0");
        assert_eq!(decimal_nl(6.849), "6,8");
        assert_eq!(meting_naam("2010-2"), "2e meting 2010");
        assert_eq!(capitalize("daadkracht"), "Daadkracht");
    }

    #[test]
    fn csv_quotes_and_lf() {
        let mut c = Csv::new(&["a", "b"]);
        c.row(vec!["x".into(), "Werkplein \"De Brug\", Oost".into()]);
        assert_eq!(
            String::from_utf8(c.finish()).unwrap(),
            "a,b\nx,\"Werkplein \"\"De Brug\"\", Oost\"\n"
        );
    }
}

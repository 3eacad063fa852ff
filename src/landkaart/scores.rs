//! How Landkaart scores are computed (SPEC §2 "Scores"). Plain functions, no I/O.
//!
//! Means are kept unrounded; bands and groups are taken on the unrounded value and percentages
//! are shown truncated toward zero. Scores are means of whole numbers, so a tiny tolerance keeps
//! float noise (66.99999…) from changing a truncated figure, band or trend.

use std::collections::BTreeMap;

/// Tolerance for comparing means of whole numbers.
const EPS: f64 = 1e-9;

/// A score band or group: inclusive `van..=tot`. A group may say what it means for support
/// (`actie`, e.g. Borgen / Stimuleren / Interveniëren, and `toelichting`; SPEC §5.3).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub naam: String,
    pub van: u32,
    pub tot: u32,
    #[serde(default)]
    pub actie: Option<String>,
    #[serde(default)]
    pub toelichting: Option<String>,
}

#[cfg(test)]
impl Band {
    /// Bands from `(id, van, tot)` triples, named by their id (for tests).
    pub(crate) fn list(spec: &[(&str, u32, u32)]) -> Vec<Band> {
        spec.iter()
            .map(|&(id, van, tot)| Band {
                id: id.into(),
                naam: id.into(),
                van,
                tot,
                actie: None,
                toelichting: None,
            })
            .collect()
    }
}

/// Trend of a werkplein's total since the previous period it reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trend {
    Vooruit,
    Gelijk,
    Achteruit,
    Nieuw,
}

impl Trend {
    pub fn id(self) -> &'static str {
        match self {
            Trend::Vooruit => "vooruit",
            Trend::Gelijk => "gelijk",
            Trend::Achteruit => "achteruit",
            Trend::Nieuw => "nieuw",
        }
    }

    pub fn naam(self) -> &'static str {
        match self {
            Trend::Vooruit => "Vooruit",
            Trend::Gelijk => "Gelijk",
            Trend::Achteruit => "Achteruit",
            Trend::Nieuw => "Nieuw",
        }
    }
}

/// Mean of the values; `None` when there are none.
pub fn mean<I: IntoIterator<Item = f64>>(values: I) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Mean of the reported scores among `scores`.
pub fn mean_reported(scores: &[Option<u8>]) -> Option<f64> {
    mean(scores.iter().flatten().map(|&s| f64::from(s)))
}

/// A percentage as shown: whole number, truncated toward zero (95.9 → 95).
pub fn truncate(v: f64) -> u32 {
    if v <= 0.0 {
        0
    } else {
        (v + EPS).floor() as u32
    }
}

/// A band's share of the werkpleinen as shown (SPEC §5.1): `count` of `n` as a whole percentage,
/// rounded to the nearest, halves up (7 of 125 = 5.6 → 6; 1 of 8 = 12.5 → 13). Exact: integer
/// arithmetic, no float rounding. 0 when `n` is 0.
pub fn share(count: u32, n: u32) -> u32 {
    if n == 0 {
        return 0;
    }
    let (c, n) = (u64::from(count), u64::from(n));
    ((200 * c + n) / (2 * n)) as u32
}

/// The change (`verschil`) of a total since the previous report as shown (SPEC §5.1): the
/// difference of the unrounded totals, truncated toward zero (−14.29 → −14, 0.9 → 0).
pub fn verschil(total: f64, previous: f64) -> i64 {
    let d = total - previous;
    if d >= 0.0 {
        (d + EPS).floor() as i64
    } else {
        -((-d + EPS).floor() as i64)
    }
}

/// The band (or group) of a value: the last one whose `van` is at most the value.
pub fn band_of(bands: &[Band], v: f64) -> usize {
    bands
        .iter()
        .rposition(|b| f64::from(b.van) <= v + EPS)
        .unwrap_or(0)
}

pub fn trend(current: f64, previous: Option<f64>) -> Trend {
    match previous {
        None => Trend::Nieuw,
        Some(p) if current > p + EPS => Trend::Vooruit,
        Some(p) if current < p - EPS => Trend::Achteruit,
        Some(_) => Trend::Gelijk,
    }
}

/// Checks that bands cover 0..=100 in order without gaps or overlaps; returns the problems.
pub fn band_problems(bands: &[Band]) -> Vec<(usize, crate::messages::Message)> {
    let mut problems = Vec::new();
    let mut expected = 0u32;
    for (i, b) in bands.iter().enumerate() {
        if b.van > b.tot {
            problems.push((
                i,
                crate::msg!(BandReversed, id = &b.id, van = b.van, tot = b.tot),
            ));
        }
        if b.van > expected {
            problems.push((
                i,
                crate::msg!(BandGap, id = &b.id, from = expected, to = b.van - 1),
            ));
        } else if b.van < expected {
            problems.push((i, crate::msg!(BandOverlap, id = &b.id, value = b.van)));
        }
        expected = b.tot.saturating_add(1);
    }
    match bands.last() {
        None => problems.push((0, crate::msg!(BandsNone))),
        Some(b) if b.tot != 100 => problems.push((
            bands.len() - 1,
            crate::msg!(BandLastShort, id = &b.id, tot = b.tot),
        )),
        Some(_) => {}
    }
    problems
}

/// The scores of one period: werkplein id → score per mijlpaal (flat, in landkaart.yaml
/// order), `None` where not reported.
pub type Rows = BTreeMap<String, Vec<Option<u8>>>;

/// One werkplein's scores in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct WerkpleinScore {
    pub werkplein: String,
    /// Per mijlpaal, in landkaart.yaml order.
    pub mijlpalen: Vec<Option<u8>>,
    /// Per fase: mean of its reported mijlpalen.
    pub fasen: Vec<Option<f64>>,
    pub total: f64,
    pub band: usize,
    pub groep: usize,
    pub previous: Option<f64>,
    pub trend: Trend,
}

/// Everything the Landkaart tables show for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodStats {
    /// Werkpleinen that reported at least one mijlpaal, by id.
    pub werkpleinen: Vec<WerkpleinScore>,
    pub total_mean: Option<f64>,
    pub fase_means: Vec<Option<f64>>,
    pub mijlpaal_means: Vec<Option<f64>>,
    /// Number of werkpleinen per band: of their totals, per fase, per mijlpaal.
    pub total_bands: Vec<u32>,
    pub fase_bands: Vec<Vec<u32>>,
    pub mijlpaal_bands: Vec<Vec<u32>>,
}

/// The shape of the Landkaart: which mijlpalen (by index) make up each fase.
pub struct Shape<'a> {
    pub fasen: &'a [std::ops::Range<usize>],
    pub mijlpalen: usize,
    pub banden: &'a [Band],
    pub groepen: &'a [Band],
}

/// Computes one period from its rows (werkplein id → scores per mijlpaal) and each
/// werkplein's total in the last earlier period it reported (`previous`).
pub fn period_stats(shape: &Shape, rows: &Rows, previous: &BTreeMap<String, f64>) -> PeriodStats {
    let nb = shape.banden.len();
    let werkpleinen: Vec<WerkpleinScore> = rows
        .iter()
        .filter_map(|(id, scores)| {
            let total = mean_reported(scores)?;
            let prev = previous.get(id).copied();
            Some(WerkpleinScore {
                werkplein: id.clone(),
                fasen: shape
                    .fasen
                    .iter()
                    .map(|r| mean_reported(&scores[r.clone()]))
                    .collect(),
                mijlpalen: scores.clone(),
                total,
                band: band_of(shape.banden, total),
                groep: band_of(shape.groepen, total),
                previous: prev,
                trend: trend(total, prev),
            })
        })
        .collect();
    let count = |values: &mut dyn Iterator<Item = f64>| {
        let mut c = vec![0u32; nb];
        for v in values {
            c[band_of(shape.banden, v)] += 1;
        }
        c
    };
    let fase_values = |f: usize| werkpleinen.iter().filter_map(move |w| w.fasen[f]);
    let mijlpaal_values = |m: usize| {
        werkpleinen
            .iter()
            .filter_map(move |w| w.mijlpalen[m].map(f64::from))
    };
    PeriodStats {
        total_mean: mean(werkpleinen.iter().map(|w| w.total)),
        fase_means: (0..shape.fasen.len())
            .map(|f| mean(fase_values(f)))
            .collect(),
        mijlpaal_means: (0..shape.mijlpalen)
            .map(|m| mean(mijlpaal_values(m)))
            .collect(),
        total_bands: count(&mut werkpleinen.iter().map(|w| w.total)),
        fase_bands: (0..shape.fasen.len())
            .map(|f| count(&mut fase_values(f)))
            .collect(),
        mijlpaal_bands: (0..shape.mijlpalen)
            .map(|m| count(&mut mijlpaal_values(m)))
            .collect(),
        werkpleinen,
    }
}

/// Computes every period in order; `None` for a period without data. Trends compare with
/// the last earlier period in which the werkplein reported.
pub fn all_periods(shape: &Shape, periods: &[Option<Rows>]) -> Vec<Option<PeriodStats>> {
    let mut last: BTreeMap<String, f64> = BTreeMap::new();
    periods
        .iter()
        .map(|rows| {
            let rows = rows.as_ref()?;
            let stats = period_stats(shape, rows, &last);
            for w in &stats.werkpleinen {
                last.insert(w.werkplein.clone(), w.total);
            }
            Some(stats)
        })
        .collect()
}

/// "Groen": a werkplein whose total, as shown, is 100 % — every mijlpaal reached.
pub fn is_groen(total: f64) -> bool {
    truncate(total) >= 100
}

/// "Bijna groen": a total of 90 % to 99 % as shown.
pub fn is_bijna_groen(total: f64) -> bool {
    (90..100).contains(&truncate(total))
}

/// The mean total of a group of werkpleinen (a regio, say) and its mean per fase (scores of
/// fasen a werkplein did not report are left out); `None` for an empty group.
pub fn group_means<'a>(
    scores: impl IntoIterator<Item = &'a super::WerkpleinScore>,
    fasen: usize,
) -> Option<(f64, Vec<Option<f64>>)> {
    let scores: Vec<&super::WerkpleinScore> = scores.into_iter().collect();
    let total = mean(scores.iter().map(|w| w.total))?;
    let per_fase = (0..fasen)
        .map(|f| {
            mean(
                scores
                    .iter()
                    .filter_map(|w| w.fasen.get(f).copied().flatten()),
            )
        })
        .collect();
    Some((total, per_fase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands() -> Vec<Band> {
        Band::list(&[
            ("niet", 0, 32),
            ("in-ontwikkeling", 33, 65),
            ("gedeeltelijk", 66, 99),
            ("volledig", 100, 100),
        ])
    }

    fn groepen() -> Vec<Band> {
        Band::list(&[
            ("achterblijvers", 0, 49),
            ("middengroep", 50, 79),
            ("kopgroep", 80, 100),
        ])
    }

    #[test]
    fn bands_on_unrounded_values_at_the_boundaries() {
        let b = bands();
        let id = |v: f64| b[band_of(&b, v)].id.as_str();
        assert_eq!(id(0.0), "niet");
        assert_eq!(id(32.0), "niet");
        assert_eq!(id(32.9), "niet");
        assert_eq!(id(33.0), "in-ontwikkeling");
        assert_eq!(id(65.0), "in-ontwikkeling");
        assert_eq!(id(65.5), "in-ontwikkeling");
        assert_eq!(id(66.0), "gedeeltelijk");
        assert_eq!(id(99.9), "gedeeltelijk");
        assert_eq!(id(100.0), "volledig");
        // (66 + 66 + 67) / 3 = 66.333…; 199/3 computed in floats must not fall below 66.
        assert_eq!(id(mean([66.0, 66.0, 67.0]).unwrap()), "gedeeltelijk");
    }

    #[test]
    fn truncation_toward_zero() {
        assert_eq!(truncate(95.9), 95);
        assert_eq!(truncate(66.99), 66);
        assert_eq!(truncate(100.0), 100);
        assert_eq!(truncate(0.0), 0);
        // 0.1 * 3 * 100 / 3 style float noise just below a whole number is not truncated down.
        assert_eq!(truncate(67.0 - 1e-12), 67);
        // Seed Tabel 3: (2*33 + 11*66 + 112*100) / 125 = 95.9 → 95.
        let mut scores = vec![33.0; 2];
        scores.extend([66.0; 11]);
        scores.extend([100.0; 112]);
        assert_eq!(truncate(mean(scores).unwrap()), 95);
    }

    #[test]
    fn shares_round_half_up() {
        // Seed 000 Tabel 2, totals row: 7, 44, 70, 4 of 125 → 6, 35, 56, 3 (not 5, 35, 56, 3).
        assert_eq!(share(7, 125), 6);
        assert_eq!(share(44, 125), 35);
        assert_eq!(share(70, 125), 56);
        assert_eq!(share(4, 125), 3);
        // Halves go up, just below a half goes down, just above goes up.
        assert_eq!(share(1, 8), 13);
        assert_eq!(share(1, 200), 1);
        assert_eq!(share(3, 8), 38);
        assert_eq!(share(1, 3), 33);
        assert_eq!(share(2, 3), 67);
        assert_eq!(share(0, 125), 0);
        assert_eq!(share(125, 125), 100);
        assert_eq!(share(0, 0), 0);
        // 112 of 125 = 89.6 → 90; 9 of 125 = 7.2 → 7.
        assert_eq!(share(112, 125), 90);
        assert_eq!(share(9, 125), 7);
    }

    #[test]
    fn verschil_on_unrounded_totals_truncated_toward_zero() {
        // A fall of 14.29 points shows as -14, not -15 (truncating each total first).
        let before = 100.0 * 9.0 / 14.0 + 14.2857;
        let now = 100.0 * 9.0 / 14.0;
        assert_eq!(verschil(now, before), -14);
        // 66.33 → 67.0: truncated totals would give 67 - 66 = 1; unrounded it is 0.67 → 0.
        assert_eq!(verschil(67.0, 199.0 / 3.0), 0);
        assert_eq!(verschil(199.0 / 3.0, 67.0), 0);
        assert_eq!(verschil(50.0, 50.0), 0);
        assert_eq!(verschil(51.0, 50.0), 1);
        assert_eq!(verschil(49.0, 50.0), -1);
        assert_eq!(verschil(50.0, 49.01), 0);
        // Float noise just below a whole difference does not lose a point.
        let a = mean([66.0, 66.0, 67.0]).unwrap();
        assert_eq!(verschil(a + 2.0, a), 2);
        assert_eq!(verschil(a, a + 2.0), -2);
    }

    #[test]
    fn trends() {
        assert_eq!(trend(50.0, None), Trend::Nieuw);
        assert_eq!(trend(50.0, Some(49.5)), Trend::Vooruit);
        assert_eq!(trend(50.0, Some(50.0)), Trend::Gelijk);
        assert_eq!(trend(49.0, Some(50.0)), Trend::Achteruit);
    }

    #[test]
    fn band_coverage_problems() {
        assert!(band_problems(&bands()).is_empty());
        let mut gap = bands();
        gap[1].van = 34;
        assert!(
            band_problems(&gap)[0]
                .1
                .en()
                .contains("gap before 'in-ontwikkeling': 33..33")
        );
        let mut overlap = bands();
        overlap[2].van = 60;
        assert!(band_problems(&overlap)[0].1.en().contains("overlaps"));
        let mut short = bands();
        short[3].tot = 99;
        short[3].van = 99;
        assert!(!band_problems(&short).is_empty());
        assert!(!band_problems(&[]).is_empty());
    }

    /// Two fasen: mijlpalen 0..2 and 2..3.
    fn shape<'a>(ranges: &'a [std::ops::Range<usize>], b: &'a [Band], g: &'a [Band]) -> Shape<'a> {
        Shape {
            fasen: ranges,
            mijlpalen: 3,
            banden: b,
            groepen: g,
        }
    }

    fn rows(list: &[(&str, [Option<u8>; 3])]) -> Rows {
        list.iter()
            .map(|(id, s)| (id.to_string(), s.to_vec()))
            .collect()
    }

    #[test]
    fn partial_reporting_absent_werkpleinen_and_trends_over_periods() {
        let (b, g) = (bands(), groepen());
        let ranges = [0..2, 2..3];
        let shape = shape(&ranges, &b, &g);
        let p1 = rows(&[
            ("a", [Some(33), Some(66), Some(100)]),
            ("b", [Some(100), None, Some(100)]),
            ("c", [None, None, None]),
        ]);
        // b does not report in p2; c reports for the first time; a stays equal.
        let p2 = rows(&[
            ("a", [Some(66), Some(33), Some(100)]),
            ("c", [Some(0), Some(33), None]),
        ]);
        let p3 = rows(&[
            ("b", [Some(66), Some(66), Some(66)]),
            ("c", [Some(33), Some(33), None]),
        ]);
        let all = all_periods(&shape, &[Some(p1), None, Some(p2), Some(p3)]);
        assert!(all[1].is_none());
        let s1 = all[0].as_ref().unwrap();
        // c reported nothing: not counted anywhere.
        assert_eq!(s1.werkpleinen.len(), 2);
        let a = &s1.werkpleinen[0];
        assert!((a.total - 199.0 / 3.0).abs() < 1e-9);
        assert_eq!(a.fasen, vec![Some(49.5), Some(100.0)]);
        assert_eq!(b[a.band].id, "gedeeltelijk");
        assert_eq!(g[a.groep].id, "middengroep");
        assert_eq!(a.trend, Trend::Nieuw);
        let bw = &s1.werkpleinen[1];
        assert_eq!(bw.total, 100.0);
        assert_eq!(bw.fasen, vec![Some(100.0), Some(100.0)]);
        // national: mean of totals (66.33 + 100) / 2 = 83.17; fase 1: (49.5 + 100) / 2.
        assert_eq!(truncate(s1.total_mean.unwrap()), 83);
        assert_eq!(s1.fase_means[0], Some(74.75));
        // mijlpaal 1 reported only by a.
        assert_eq!(s1.mijlpaal_means[1], Some(66.0));
        assert_eq!(s1.mijlpaal_bands[1], vec![0, 0, 1, 0]);
        assert_eq!(s1.total_bands, vec![0, 0, 1, 1]);
        assert_eq!(s1.fase_bands[0], vec![0, 1, 0, 1]);

        let s2 = all[2].as_ref().unwrap();
        assert_eq!(s2.werkpleinen[0].trend, Trend::Gelijk);
        assert_eq!(s2.werkpleinen[1].werkplein, "c");
        assert_eq!(s2.werkpleinen[1].trend, Trend::Nieuw);
        assert_eq!(s2.werkpleinen[1].total, 16.5);

        // b compares with p1 (its last report), c with p2.
        let s3 = all[3].as_ref().unwrap();
        assert_eq!(s3.werkpleinen[0].trend, Trend::Achteruit);
        assert_eq!(s3.werkpleinen[0].previous, Some(100.0));
        assert_eq!(s3.werkpleinen[1].trend, Trend::Vooruit);
    }

    #[test]
    fn groen_and_differences_use_the_figures_as_shown() {
        assert!(is_groen(100.0) && is_groen(99.9999999999));
        assert!(!is_groen(99.9) && is_bijna_groen(99.9));
        assert!(is_bijna_groen(90.0) && !is_bijna_groen(89.99));
        // 70.9 shows as 70 and 69.1 as 69: one point up, not 1.8.
        assert_eq!(verschil(70.9, 69.1), 1);
        assert_eq!(verschil(60.0, 75.5), -15);
    }
}

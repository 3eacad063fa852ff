//! The national benchmark (SPEC §5.4): every werkplein's results of the latest meting and year
//! against the streefwaarden, and the means of any group of werkpleinen (national, a regio, a
//! district). Pure functions over [`Resultaten`]; the pages only format what is here.

use super::{Resultaten, Uitstroom};

/// Margin for comparing decimals read from text (7.0 against 7.0 is "op de streefwaarde").
const EPS: f64 = 1e-9;

/// Where a value stands against its streefwaarde.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stand {
    /// At or above the streefwaarde.
    Boven,
    Onder,
}

impl Stand {
    pub fn id(self) -> &'static str {
        match self {
            Stand::Boven => "boven",
            Stand::Onder => "onder",
        }
    }

    /// `value` against `target`: at or above is [`Stand::Boven`].
    pub fn of(value: f64, target: f64) -> Stand {
        if value + EPS >= target {
            Stand::Boven
        } else {
            Stand::Onder
        }
    }
}

/// A werkplein's outflow in the window of the last 12 months.
#[derive(Debug, Clone, PartialEq)]
pub struct Uitstroomtotaal {
    /// Months with a figure in the window.
    pub maanden: usize,
    /// Sums of monthly figures up to 10⁹ each: wider than the figures.
    pub uitstroom: u64,
    /// Sum of the streefwaarden of the months that have one; `None` when none has.
    pub streefwaarde: Option<u64>,
    /// Outflow in the months that have a streefwaarde (what the streefwaarde is compared with).
    pub uitstroom_met_streefwaarde: u64,
}

impl Uitstroomtotaal {
    /// Outflow as a percentage of the streefwaarde (unrounded).
    pub fn realisatie(&self) -> Option<f64> {
        realisatie(self.uitstroom_met_streefwaarde, self.streefwaarde?)
    }
}

/// `uitstroom` as a percentage of `streefwaarde`; `None` for a streefwaarde of 0.
pub fn realisatie(uitstroom: u64, streefwaarde: u64) -> Option<f64> {
    (streefwaarde > 0).then(|| uitstroom as f64 * 100.0 / streefwaarde as f64)
}

/// One werkplein's results in the benchmark.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resultaat {
    /// Its rapportcijfer at the benchmark's meting.
    pub rapportcijfer: Option<f64>,
    pub respondenten: Option<u32>,
    /// Per klantprincipe of werkzoekenden, at the benchmark's meting.
    pub principes: Vec<Option<f64>>,
    /// Per werkgeversprincipe, at the benchmark's werkgevers meting.
    pub werkgevers: Vec<Option<f64>>,
    pub uitstroom: Option<Uitstroomtotaal>,
}

impl Resultaat {
    pub fn klant_stand(&self, streefwaarde: Option<f64>) -> Option<Stand> {
        Some(Stand::of(self.rapportcijfer?, streefwaarde?))
    }

    pub fn uitstroom_stand(&self, norm: Option<f64>) -> Option<Stand> {
        Some(Stand::of(self.uitstroom.as_ref()?.realisatie()?, norm?))
    }
}

/// The benchmark: the latest meting and year, and every werkplein's results in them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Benchmark {
    /// The latest client meting (`2010-3`) and its streefwaarde.
    pub meting: Option<String>,
    pub streefwaarde: Option<f64>,
    /// The latest employer meting (`2010`).
    pub werkgevers_meting: Option<String>,
    /// First and last month (`YYYY-MM`) of the 12-month outflow window.
    pub venster: Option<(String, String)>,
    /// The share of its outflow streefwaarde a werkplein must realise.
    pub uitstroom_norm: Option<f64>,
    /// Per werkplein id (sorted): its results; werkpleinen without any are left out.
    pub werkpleinen: Vec<(String, Resultaat)>,
}

impl Benchmark {
    pub fn get(&self, werkplein: &str) -> Option<&Resultaat> {
        self.werkpleinen
            .binary_search_by(|(id, _)| id.as_str().cmp(werkplein))
            .ok()
            .map(|i| &self.werkpleinen[i].1)
    }

    /// The means of the werkpleinen `ids` (those without results are skipped).
    pub fn gemiddelde<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Gemiddelde {
        gemiddelde(
            ids.into_iter().filter_map(|id| self.get(id)),
            self.streefwaarde,
            self.uitstroom_norm,
        )
    }

    pub fn is_empty(&self) -> bool {
        self.werkpleinen.is_empty()
    }
}

/// The month `n` months before `YYYY-MM`.
fn month_minus(maand: &str, n: u32) -> Option<String> {
    let (y, m) = crate::text::parse_month(maand)?;
    let total = y * 12 + m as i32 - 1 - n as i32;
    Some(format!(
        "{:04}-{:02}",
        total.div_euclid(12),
        total.rem_euclid(12) + 1
    ))
}

/// The outflow of `rows` in the months `van..=tot`.
pub fn uitstroom_in(rows: &[Uitstroom], van: &str, tot: &str) -> Option<Uitstroomtotaal> {
    let in_window: Vec<&Uitstroom> = rows
        .iter()
        .filter(|u| u.maand.as_str() >= van && u.maand.as_str() <= tot)
        .collect();
    if in_window.is_empty() {
        return None;
    }
    let with_target: Vec<&&Uitstroom> = in_window
        .iter()
        .filter(|u| u.streefwaarde.is_some())
        .collect();
    Some(Uitstroomtotaal {
        maanden: in_window.len(),
        uitstroom: in_window.iter().map(|u| u64::from(u.uitstroom)).sum(),
        streefwaarde: (!with_target.is_empty()).then(|| {
            with_target
                .iter()
                .filter_map(|u| u.streefwaarde)
                .map(u64::from)
                .sum()
        }),
        uitstroom_met_streefwaarde: with_target.iter().map(|u| u64::from(u.uitstroom)).sum(),
    })
}

/// Computes the benchmark: the latest client meting of any werkplein, the latest employer
/// meting, and the 12 months up to the latest month with outflow figures.
pub fn compute(r: &Resultaten) -> Benchmark {
    let meting = r
        .klant
        .values()
        .filter_map(|l| l.last())
        .map(|m| m.meting.clone())
        .max();
    let werkgevers_meting = r
        .werkgevers
        .values()
        .filter_map(|l| l.last())
        .map(|m| m.meting.clone())
        .max();
    let laatste = r
        .uitstroom
        .values()
        .filter_map(|l| l.last())
        .map(|u| u.maand.clone())
        .max();
    let venster = laatste.and_then(|tot| Some((month_minus(&tot, 11)?, tot)));
    let ids: std::collections::BTreeSet<&String> = r
        .klant
        .keys()
        .chain(r.werkgevers.keys())
        .chain(r.uitstroom.keys())
        .collect();
    let werkpleinen = ids
        .into_iter()
        .filter_map(|id| {
            let klant = meting.as_ref().and_then(|m| {
                r.klant
                    .get(id)
                    .and_then(|l| l.iter().find(|k| &k.meting == m))
            });
            let werkg = werkgevers_meting.as_ref().and_then(|m| {
                r.werkgevers
                    .get(id)
                    .and_then(|l| l.iter().find(|k| &k.meting == m))
            });
            let uitstroom = venster.as_ref().and_then(|(van, tot)| {
                uitstroom_in(r.uitstroom.get(id).map_or(&[][..], Vec::as_slice), van, tot)
            });
            if klant.is_none() && werkg.is_none() && uitstroom.is_none() {
                return None;
            }
            Some((
                id.clone(),
                Resultaat {
                    rapportcijfer: klant.map(|k| k.rapportcijfer),
                    respondenten: klant.and_then(|k| k.respondenten),
                    principes: klant.map_or_else(
                        || vec![None; r.principes_werkzoekenden.len()],
                        |k| k.principes.clone(),
                    ),
                    werkgevers: werkg.map_or_else(
                        || vec![None; r.principes_werkgevers.len()],
                        |k| k.scores.clone(),
                    ),
                    uitstroom,
                },
            ))
        })
        .collect();
    Benchmark {
        streefwaarde: meting
            .as_deref()
            .and_then(|m| r.doelen.streefwaarde_meting(m)),
        meting,
        werkgevers_meting,
        venster,
        uitstroom_norm: r.doelen.uitstroom_realisatie,
        werkpleinen,
    }
}

/// The means of a group of werkpleinen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gemiddelde {
    /// Werkpleinen with a rapportcijfer.
    pub gemeten: usize,
    pub rapportcijfer: Option<f64>,
    /// Werkpleinen at or above / below the streefwaarde.
    pub boven: usize,
    pub onder: usize,
    pub principes: Vec<Option<f64>>,
    pub werkgevers: Vec<Option<f64>>,
    /// Outflow of the group in the window, and against the sum of the streefwaarden.
    pub uitstroom: Option<Uitstroomtotaal>,
    /// Werkpleinen with a realisation, and those below the norm.
    pub met_realisatie: usize,
    pub uitstroom_onder: usize,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (s, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| s / n as f64)
}

fn column_means<'a>(
    rows: &[&'a Resultaat],
    col: impl Fn(&'a Resultaat) -> &'a [Option<f64>],
) -> Vec<Option<f64>> {
    let width = rows.iter().map(|r| col(r).len()).max().unwrap_or(0);
    (0..width)
        .map(|i| mean(rows.iter().filter_map(|r| col(r).get(i).copied().flatten())))
        .collect()
}

/// Means of the results of some werkpleinen: unweighted mean of their rapportcijfers and
/// principle scores; the outflow summed, so the group's realisation weighs each werkplein by
/// its size.
pub fn gemiddelde<'a>(
    rows: impl IntoIterator<Item = &'a Resultaat>,
    streefwaarde: Option<f64>,
    norm: Option<f64>,
) -> Gemiddelde {
    let rows: Vec<&Resultaat> = rows.into_iter().collect();
    let cijfers: Vec<f64> = rows.iter().filter_map(|r| r.rapportcijfer).collect();
    let standen: Vec<Stand> = rows
        .iter()
        .filter_map(|r| r.klant_stand(streefwaarde))
        .collect();
    let uitstroom: Vec<&Uitstroomtotaal> =
        rows.iter().filter_map(|r| r.uitstroom.as_ref()).collect();
    let totaal = (!uitstroom.is_empty()).then(|| Uitstroomtotaal {
        maanden: uitstroom.iter().map(|u| u.maanden).max().unwrap_or(0),
        uitstroom: uitstroom.iter().map(|u| u.uitstroom).sum(),
        streefwaarde: uitstroom
            .iter()
            .filter_map(|u| u.streefwaarde)
            .reduce(|a, b| a + b),
        uitstroom_met_streefwaarde: uitstroom.iter().map(|u| u.uitstroom_met_streefwaarde).sum(),
    });
    let uit_standen: Vec<Stand> = rows
        .iter()
        .filter_map(|r| r.uitstroom_stand(norm))
        .collect();
    Gemiddelde {
        gemeten: cijfers.len(),
        rapportcijfer: mean(cijfers.into_iter()),
        boven: standen.iter().filter(|&&s| s == Stand::Boven).count(),
        onder: standen.iter().filter(|&&s| s == Stand::Onder).count(),
        principes: column_means(&rows, |r| &r.principes),
        werkgevers: column_means(&rows, |r| &r.werkgevers),
        uitstroom: totaal,
        met_realisatie: rows
            .iter()
            .filter(|r| {
                r.uitstroom
                    .as_ref()
                    .is_some_and(|u| u.realisatie().is_some())
            })
            .count(),
        uitstroom_onder: uit_standen.iter().filter(|&&s| s == Stand::Onder).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resultaten::{Doelen, Klantmeting, Principe};

    fn u(maand: &str, uitstroom: u32, streefwaarde: Option<u32>) -> Uitstroom {
        Uitstroom {
            maand: maand.into(),
            uitstroom,
            streefwaarde,
        }
    }

    #[test]
    fn stand_at_the_boundary() {
        assert_eq!(
            Stand::of(7.0, 7.0),
            Stand::Boven,
            "at the streefwaarde counts as met"
        );
        assert_eq!(Stand::of(6.9, 7.0), Stand::Onder);
        assert_eq!(Stand::of(0.1 + 0.2 + 6.7, 7.0), Stand::Boven, "float noise");
        assert_eq!(Stand::of(89.99, 90.0), Stand::Onder);
        assert_eq!(Stand::of(90.0, 90.0), Stand::Boven);
    }

    #[test]
    fn realisation_and_window() {
        assert_eq!(realisatie(90, 100), Some(90.0));
        assert_eq!(realisatie(5, 0), None);
        assert_eq!(month_minus("2010-12", 11).as_deref(), Some("2010-01"));
        assert_eq!(month_minus("2010-03", 11).as_deref(), Some("2009-04"));
        assert_eq!(month_minus("2010-01", 0).as_deref(), Some("2010-01"));
        let rows = [
            u("2009-03", 500, Some(1)),
            u("2009-04", 10, Some(20)),
            u("2010-02", 30, None),
            u("2010-03", 50, Some(60)),
        ];
        let t = uitstroom_in(&rows, "2009-04", "2010-03").unwrap();
        assert_eq!(t.maanden, 3, "2009-03 is outside the window");
        assert_eq!(t.uitstroom, 90);
        assert_eq!(t.streefwaarde, Some(80));
        // Only months with a streefwaarde count against it: (10 + 50) / 80.
        assert_eq!(t.realisatie(), Some(75.0));
        assert_eq!(uitstroom_in(&rows, "2011-01", "2011-12"), None);
        let none = uitstroom_in(&rows[2..3], "2010-01", "2010-12").unwrap();
        assert_eq!(none.streefwaarde, None);
        assert_eq!(none.realisatie(), None);
    }

    fn resultaten() -> Resultaten {
        let k = |meting: &str, cijfer: f64, p: Option<f64>| Klantmeting {
            meting: meting.into(),
            rapportcijfer: cijfer,
            respondenten: Some(10),
            principes: vec![p],
        };
        let mut r = Resultaten {
            doelen: Doelen {
                rapportcijfer: [(2009, 6.8), (2010, 7.0)].into(),
                uitstroom_realisatie: Some(90.0),
                ..Doelen::default()
            },
            principes_werkzoekenden: vec![Principe {
                id: "maatwerk".into(),
                naam: "Maatwerk".into(),
            }],
            ..Resultaten::default()
        };
        r.klant.insert(
            "a".into(),
            vec![k("2009-3", 6.9, None), k("2010-1", 7.0, Some(8.0))],
        );
        r.klant
            .insert("b".into(), vec![k("2010-1", 6.9, Some(6.0))]);
        // c was not measured in the latest meting.
        r.klant.insert("c".into(), vec![k("2009-3", 5.0, None)]);
        r.uitstroom.insert(
            "a".into(),
            vec![u("2010-01", 80, Some(100)), u("2010-02", 100, Some(100))],
        );
        r.uitstroom
            .insert("c".into(), vec![u("2010-02", 100, Some(100))]);
        r
    }

    #[test]
    fn benchmark_of_the_latest_meting_and_year() {
        let b = compute(&resultaten());
        assert_eq!(b.meting.as_deref(), Some("2010-1"));
        assert_eq!(b.streefwaarde, Some(7.0), "the streefwaarde of 2010");
        assert_eq!(b.venster, Some(("2009-03".into(), "2010-02".into())));
        let a = b.get("a").unwrap();
        assert_eq!(a.rapportcijfer, Some(7.0));
        assert_eq!(a.klant_stand(b.streefwaarde), Some(Stand::Boven));
        assert_eq!(
            a.uitstroom_stand(b.uitstroom_norm),
            Some(Stand::Boven),
            "90 % is on target"
        );
        assert_eq!(
            b.get("b").unwrap().klant_stand(b.streefwaarde),
            Some(Stand::Onder)
        );
        assert_eq!(b.get("c").unwrap().rapportcijfer, None);
        let g = b.gemiddelde(["a", "b", "c", "unknown"]);
        assert_eq!(g.gemeten, 2);
        assert!((g.rapportcijfer.unwrap() - 6.95).abs() < 1e-9);
        assert_eq!((g.boven, g.onder), (1, 1));
        assert_eq!(g.principes, vec![Some(7.0)]);
        let t = g.uitstroom.unwrap();
        assert_eq!((t.uitstroom, t.streefwaarde), (280, Some(300)));
        assert_eq!(g.met_realisatie, 2);
        assert_eq!(g.uitstroom_onder, 0);
        // Without resultaten.yaml: no streefwaarde, nobody above or below it.
        let mut r = resultaten();
        r.doelen = Doelen::default();
        let b = compute(&r);
        assert_eq!(b.streefwaarde, None);
        assert_eq!(b.gemiddelde(["a", "b"]).onder, 0);
        assert!(compute(&Resultaten::default()).is_empty());
    }
}

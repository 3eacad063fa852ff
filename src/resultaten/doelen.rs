//! `data/resultaten.yaml`: the streefwaarden per year and the klantprincipes of werkzoekenden
//! and werkgevers (SPEC §5.4). Every figure and name of the benchmark comes from here; the
//! file is optional (without it there is no streefwaarde and the principles are the columns
//! of the CSV files).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text;
use crate::yaml::{self, Locator};

pub const PATH: &str = crate::layout::RESULTATEN;

/// A klantprincipe: its id (the CSV column) and its name.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Principe {
    pub id: String,
    pub naam: String,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Streefwaarden {
    #[serde(default)]
    rapportcijfer: BTreeMap<u16, f64>,
    #[serde(default)]
    uitstroom_realisatie: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Klantprincipes {
    #[serde(default)]
    werkzoekenden: Vec<Principe>,
    #[serde(default)]
    werkgevers: Vec<Principe>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    streefwaarden: Streefwaarden,
    #[serde(default)]
    klantprincipes: Klantprincipes,
}

/// The validated contents of `data/resultaten.yaml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doelen {
    /// Streefwaarde of the rapportcijfer from a year on (see [`streefwaarde`]).
    pub rapportcijfer: BTreeMap<u16, f64>,
    /// The share (%) of its outflow streefwaarde a werkplein must realise to count as on
    /// target; `None`: no such norm.
    pub uitstroom_realisatie: Option<f64>,
    /// `None` when the file does not list them: then the CSV header names them.
    pub werkzoekenden: Option<Vec<Principe>>,
    pub werkgevers: Option<Vec<Principe>>,
}

impl Doelen {
    /// The streefwaarde of the rapportcijfer for a meting like `2010-1` (its year's).
    pub fn streefwaarde_meting(&self, meting: &str) -> Option<f64> {
        let jaar = meting.split('-').next()?.parse().ok()?;
        streefwaarde(&self.rapportcijfer, jaar)
    }
}

/// The streefwaarde of `jaar`: the value of that year or else of the latest earlier year;
/// `None` before the first year.
pub fn streefwaarde(per_jaar: &BTreeMap<u16, f64>, jaar: u16) -> Option<f64> {
    per_jaar.range(..=jaar).next_back().map(|(_, &v)| v)
}

/// Parses and checks the file: rapportcijfers 1–10, a share 0–100, principle ids unique and
/// valid. Returns the defaults (nothing declared) when the file is absent or has errors.
pub fn parse(text: Option<&str>, diags: &Diagnostics) -> Doelen {
    let Some(text) = text else {
        return Doelen::default();
    };
    let file: File = match yaml::parse_data::<Option<File>>(text, PATH) {
        Ok(f) => f.unwrap_or_default(),
        Err(d) => {
            diags.push(d);
            return Doelen::default();
        }
    };
    let loc = Locator::new(text, 1);
    // A bad value is reported and left out; the rest of the file still counts.
    let mut rapportcijfer = BTreeMap::new();
    for (&jaar, &v) in &file.streefwaarden.rapportcijfer {
        let pos = loc
            .block("streefwaarden")
            .block("rapportcijfer")
            .key(&jaar.to_string());
        if !(1900..=2100).contains(&jaar) {
            diags.error(PATH, pos, crate::msg!(NotAYear, value = jaar));
        } else if !(1.0..=10.0).contains(&v) {
            diags.push(
                Diagnostic::error(
                    PATH,
                    pos,
                    crate::msg!(StreefwaardeNotCijfer, value = v, jaar = jaar),
                )
                .with_hint(Some(crate::msg!(StreefwaardeHint))),
            );
        } else {
            rapportcijfer.insert(jaar, v);
        }
    }
    let mut uitstroom_realisatie = file.streefwaarden.uitstroom_realisatie;
    if let Some(v) = uitstroom_realisatie
        && !(0.0..=1000.0).contains(&v)
    {
        diags.push(
            Diagnostic::error(
                PATH,
                loc.key("uitstroom_realisatie"),
                crate::msg!(RealisatieNotPercentage, value = v),
            )
            .with_hint(Some(crate::msg!(RealisatieHint))),
        );
        uitstroom_realisatie = None;
    }
    let mut id_lines = id_positions(text);
    let mut check = |key: &str, list: Vec<Principe>| -> Option<Vec<Principe>> {
        let before = diags.error_count();
        let mut seen = BTreeMap::new();
        for p in &list {
            // The first `id:` line with this value not used before.
            let pos = match id_lines.iter().position(|(v, _)| *v == p.id) {
                Some(i) => id_lines.remove(i).1,
                None => loc.value("id", &p.id),
            };
            if !text::is_slug(&p.id) {
                diags.push(
                    Diagnostic::error(PATH, pos, crate::msg!(IdInvalid, id = &p.id))
                        .with_hint(Some(crate::msg!(SlugHint, example = text::slugify(&p.id)))),
                );
            } else if ["werkplein", "meting", "rapportcijfer", "respondenten"]
                .contains(&p.id.as_str())
            {
                diags.error(PATH, pos, crate::msg!(PrincipeIsColumn, id = &p.id));
            }
            if seen.insert(p.id.clone(), ()).is_some() {
                diags.error(
                    PATH,
                    pos,
                    crate::msg!(PrincipeTwice, id = &p.id, groep = key),
                );
            }
        }
        (diags.error_count() == before && !list.is_empty()).then_some(list)
    };
    let werkzoekenden = check("werkzoekenden", file.klantprincipes.werkzoekenden);
    let werkgevers = check("werkgevers", file.klantprincipes.werkgevers);
    Doelen {
        rapportcijfer,
        uitstroom_realisatie,
        werkzoekenden,
        werkgevers,
    }
}

/// The values of the `id:` keys of the principle lists with their positions, in file order.
fn id_positions(text: &str) -> Vec<(String, crate::diagnostics::Pos)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim_start();
            let t2 = t.strip_prefix("- ").unwrap_or(t).trim_start();
            let value = t2.strip_prefix("id:")?.trim();
            let col = l.len() - t2.len() + t2.find(value).unwrap_or(3) + 1;
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            Some((value.to_string(), crate::diagnostics::Pos::new(i + 1, col)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jaren() -> BTreeMap<u16, f64> {
        [(2009, 6.8), (2010, 7.0), (2012, 7.5)].into()
    }

    #[test]
    fn streefwaarde_of_the_year_or_the_latest_earlier_year() {
        let j = jaren();
        assert_eq!(streefwaarde(&j, 2008), None, "before the first year");
        assert_eq!(streefwaarde(&j, 2009), Some(6.8), "its own year");
        assert_eq!(streefwaarde(&j, 2010), Some(7.0));
        assert_eq!(
            streefwaarde(&j, 2011),
            Some(7.0),
            "a year without its own value"
        );
        assert_eq!(streefwaarde(&j, 2012), Some(7.5));
        assert_eq!(streefwaarde(&j, 2030), Some(7.5), "after the last year");
        assert_eq!(streefwaarde(&BTreeMap::new(), 2010), None);
    }

    #[test]
    fn a_meting_takes_its_years_streefwaarde() {
        let d = Doelen {
            rapportcijfer: jaren(),
            ..Doelen::default()
        };
        assert_eq!(d.streefwaarde_meting("2009-3"), Some(6.8));
        assert_eq!(d.streefwaarde_meting("2010-1"), Some(7.0));
        assert_eq!(d.streefwaarde_meting("2011-2"), Some(7.0));
        assert_eq!(d.streefwaarde_meting("2008-1"), None);
        assert_eq!(d.streefwaarde_meting("x"), None);
    }

    #[test]
    fn parses_the_sample_shape() {
        let diags = Diagnostics::new();
        let d = parse(
            Some(
                "streefwaarden:\n  rapportcijfer:\n    2009: 6.8\n    2010: 7.0\n  uitstroom_realisatie: 90\n\
                 klantprincipes:\n  werkzoekenden:\n    - id: maatwerk\n      naam: Maatwerk\n  werkgevers:\n    - id: daadkracht\n      naam: Daadkrachtig\n",
            ),
            &diags,
        );
        assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
        assert_eq!(d.rapportcijfer[&2010], 7.0);
        assert_eq!(d.uitstroom_realisatie, Some(90.0));
        assert_eq!(d.werkzoekenden.unwrap()[0].naam, "Maatwerk");
        assert_eq!(d.werkgevers.unwrap()[0].id, "daadkracht");
        assert_eq!(parse(None, &diags), Doelen::default());
    }

    #[test]
    fn reports_bad_values_at_their_lines() {
        let diags = Diagnostics::new();
        let d = parse(
            Some(
                "streefwaarden:\n  rapportcijfer:\n    2009: 68\n\
                 klantprincipes:\n  werkzoekenden:\n    - id: Maatwerk\n      naam: M\n    - id: tijd\n      naam: T\n    - id: tijd\n      naam: T2\n",
            ),
            &diags,
        );
        assert!(d.rapportcijfer.is_empty(), "the bad value is left out");
        assert_eq!(d.werkzoekenden, None, "a list with errors is left out");
        let all = diags.english();
        assert!(
            all.contains("resultaten.yaml:3:11: error: streefwaarde 68 for 2009"),
            "{all}"
        );
        assert!(
            all.contains("resultaten.yaml:6:11: error: id 'Maatwerk' is not a valid id"),
            "{all}"
        );
        assert!(
            all.contains("'tijd' of the werkzoekenden appears twice"),
            "{all}"
        );
        let diags = Diagnostics::new();
        parse(Some("streefwaarden:\n  rapportcijfers: {}\n"), &diags);
        assert!(diags.has_errors());
    }
}

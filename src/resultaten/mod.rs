//! Resultaten per werkplein (`data/resultaten/*.csv`): client satisfaction (with a rapportcijfer
//! per klantprincipe), employer satisfaction per principle and monthly outflow to work; the
//! streefwaarden and principle names of `data/resultaten.yaml` ([`doelen`]) and the national
//! benchmark computed from them ([`benchmark`]). Each file is optional.

pub mod benchmark;
pub mod doelen;

use std::collections::BTreeMap;

pub use doelen::{Doelen, Principe};

use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::table::{self, Row, Table};
use crate::text;

pub const KLANT: &str = crate::layout::KLANT;
pub const WERKGEVERS: &str = crate::layout::WERKGEVERS;
pub const UITSTROOM: &str = crate::layout::UITSTROOM;

/// The columns of klanttevredenheid.csv before the klantprincipes.
const KLANT_COLUMNS: [&str; 4] = ["werkplein", "meting", "rapportcijfer", "respondenten"];
#[derive(Debug, Clone, PartialEq)]
pub struct Klantmeting {
    /// `2010-1`: the first of three metingen in 2010.
    pub meting: String,
    pub rapportcijfer: f64,
    pub respondenten: Option<u32>,
    /// Rapportcijfer per klantprincipe, aligned with [`Resultaten::principes_werkzoekenden`]; `None`
    /// where the cell is empty.
    pub principes: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Werkgeversmeting {
    /// `2010`.
    pub meting: String,
    /// % agree per principle, aligned with [`Resultaten::principes_werkgevers`]; `None` where the cell
    /// is empty.
    pub scores: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Uitstroom {
    /// `2010-03`.
    pub maand: String,
    pub uitstroom: u32,
    pub streefwaarde: Option<u32>,
}

/// All results, per werkplein, each list sorted by meting or month.
#[derive(Debug, Clone, Default)]
pub struct Resultaten {
    pub klant: BTreeMap<String, Vec<Klantmeting>>,
    pub werkgevers: BTreeMap<String, Vec<Werkgeversmeting>>,
    pub uitstroom: BTreeMap<String, Vec<Uitstroom>>,
    /// National mean rapportcijfer per meting.
    pub klant_landelijk: BTreeMap<String, f64>,
    /// Streefwaarden and principle names (`data/resultaten.yaml`).
    pub doelen: Doelen,
    /// The klantprincipes of werkzoekenden: from resultaten.yaml, or else the extra columns of
    /// klanttevredenheid.csv.
    pub principes_werkzoekenden: Vec<Principe>,
    /// The principles employers rate: from resultaten.yaml, or else the columns of
    /// werkgeverstevredenheid.csv.
    pub principes_werkgevers: Vec<Principe>,
}

impl Resultaten {
    pub fn is_empty(&self) -> bool {
        self.klant.is_empty() && self.werkgevers.is_empty() && self.uitstroom.is_empty()
    }
}

/// Reads the three files (each optional), reporting every bad cell.
pub fn parse(files: &[SourceFile], doelen: Doelen, data: &Data, diags: &Diagnostics) -> Resultaten {
    let mut out = Resultaten {
        principes_werkzoekenden: doelen.werkzoekenden.clone().unwrap_or_default(),
        principes_werkgevers: doelen.werkgevers.clone().unwrap_or_default(),
        doelen,
        ..Resultaten::default()
    };
    for f in files {
        let Some(t) = table::parse(&f.path, &f.text, diags) else {
            continue;
        };
        match f.path.as_str() {
            KLANT => read_klant(&t, data, diags, &mut out),
            WERKGEVERS => read_werkgevers(&t, data, diags, &mut out),
            UITSTROOM => read_uitstroom(&t, data, diags, &mut out),
            other => diags.push(
                Diagnostic::file_warning(other, crate::msg!(ResultatenUnknownFile))
                    .with_hint(Some(crate::msg!(ResultatenFilesHint))),
            ),
        }
    }
    let mut sums: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for list in out.klant.values() {
        for m in list {
            let e = sums.entry(&m.meting).or_default();
            e.0 += m.rapportcijfer;
            e.1 += 1;
        }
    }
    out.klant_landelijk = sums
        .into_iter()
        .map(|(k, (s, n))| (k.to_string(), s / n as f64))
        .collect();
    out
}

/// Checks the row's werkplein and that it has no earlier row for the same key.
fn row_key<'r>(
    t: &Table,
    row: &'r Row,
    key_col: usize,
    data: &Data,
    seen: &mut BTreeMap<(String, String), usize>,
    diags: &Diagnostics,
) -> Option<&'r str> {
    let id = row.cell(0);
    if data.werkplein(id).is_none() {
        if data.werkpleinen_failed {
            // A follow-up of the error in data/werkpleinen.yaml.
            return None;
        }
        diags.push(
            Diagnostic::error(&t.path, row.pos(0), crate::msg!(UnknownWerkplein, id = id))
                .with_hint(
                    text::did_you_mean(id, data.werkplein_ids())
                        .or_else(|| Some(crate::msg!(WerkpleinIdsHint))),
                ),
        );
        return None;
    }
    let key = (id.to_string(), row.cell(key_col).to_string());
    if let Some(first) = seen.insert(key, row.line) {
        diags.push(
            Diagnostic::error(
                &t.path,
                row.pos(key_col),
                crate::msg!(SecondRowFor, id = id, key = row.cell(key_col)),
            )
            .with_hint(Some(crate::msg!(FirstIsOnLine, line = first))),
        );
        return None;
    }
    Some(id)
}

fn number(
    t: &Table,
    row: &Row,
    c: usize,
    what: &str,
    range: (f64, f64),
    whole: bool,
    diags: &Diagnostics,
) -> Option<f64> {
    let cell = row.cell(c);
    let v = table::parse_decimal(cell).filter(|v| !whole || v.fract() == 0.0);
    match v {
        Some(v) if v >= range.0 && v <= range.1 => Some(v),
        _ => {
            let kind = if whole {
                crate::msg!(ExpectWholeNumber)
            } else {
                crate::msg!(KindNumber)
            };
            diags.push(Diagnostic::error(
                &t.path,
                row.pos(c),
                crate::msg!(
                    NumberOutOfRange,
                    what = what,
                    value = cell,
                    kind = kind,
                    from = range.0,
                    to = range.1
                ),
            ));
            None
        }
    }
}

/// The principle columns of a file: the declared principles (each optional) or, when none are
/// declared, every column besides `fixed` (named by its id). Returns the column index of each
/// principle, or `None` when the header has errors (reported).
fn principle_columns(
    t: &Table,
    fixed: &[&str],
    declared: &mut Vec<Principe>,
    from_yaml: bool,
    diags: &Diagnostics,
) -> Option<(Vec<usize>, Vec<Option<usize>>)> {
    if !from_yaml {
        *declared = t
            .header
            .iter()
            .filter(|h| !fixed.contains(&h.as_str()))
            .map(|h| Principe {
                id: h.clone(),
                naam: text::capitalize(&h.replace('-', " ")),
            })
            .collect();
    }
    let ids: Vec<&str> = declared.iter().map(|p| p.id.as_str()).collect();
    let c = t.expect_columns(fixed, &ids, diags)?;
    let pc = ids.iter().map(|id| t.column(id)).collect();
    Some((c, pc))
}

fn read_klant(t: &Table, data: &Data, diags: &Diagnostics, out: &mut Resultaten) {
    let from_yaml = out.doelen.werkzoekenden.is_some();
    let Some((c, pc)) = principle_columns(
        t,
        &KLANT_COLUMNS,
        &mut out.principes_werkzoekenden,
        from_yaml,
        diags,
    ) else {
        return;
    };
    let mut seen = BTreeMap::new();
    for row in &t.rows {
        let Some(id) = row_key(t, row, c[1], data, &mut seen, diags) else {
            continue;
        };
        let meting = row.cell(c[1]);
        let meting_ok = meting.split_once('-').is_some_and(|(y, n)| {
            y.len() == 4 && y.parse::<u16>().is_ok() && matches!(n, "1" | "2" | "3")
        });
        if !meting_ok {
            diags.push(
                Diagnostic::error(
                    &t.path,
                    row.pos(c[1]),
                    crate::msg!(MetingNotLike, value = meting),
                )
                .with_hint(Some(crate::msg!(MetingNotLikeHint))),
            );
        }
        let cijfer = number(t, row, c[2], "rapportcijfer", (1.0, 10.0), false, diags);
        let respondenten = if row.cell(c[3]).is_empty() {
            Some(None)
        } else {
            number(t, row, c[3], "respondenten", (0.0, 1e9), true, diags).map(|v| Some(v as u32))
        };
        let principes = optional_cells(
            t,
            row,
            &pc,
            &out.principes_werkzoekenden,
            (1.0, 10.0),
            diags,
        );
        if let (true, Some(rapportcijfer), Some(respondenten), Some(principes)) =
            (meting_ok, cijfer, respondenten, principes)
        {
            out.klant
                .entry(id.to_string())
                .or_default()
                .push(Klantmeting {
                    meting: meting.to_string(),
                    rapportcijfer,
                    respondenten,
                    principes,
                });
        }
    }
    for list in out.klant.values_mut() {
        list.sort_by(|a, b| a.meting.cmp(&b.meting));
    }
}

/// The cells of the principle columns `pc` of a row: empty is `None`; `None` overall when a
/// cell is bad (reported).
fn optional_cells(
    t: &Table,
    row: &Row,
    pc: &[Option<usize>],
    principes: &[Principe],
    range: (f64, f64),
    diags: &Diagnostics,
) -> Option<Vec<Option<f64>>> {
    let mut ok = true;
    let cells = pc
        .iter()
        .zip(principes)
        .map(|(col, p)| {
            let col = (*col)?;
            if row.cell(col).is_empty() {
                return None;
            }
            let v = number(t, row, col, &p.id, range, false, diags);
            ok &= v.is_some();
            v
        })
        .collect();
    ok.then_some(cells)
}

fn read_werkgevers(t: &Table, data: &Data, diags: &Diagnostics, out: &mut Resultaten) {
    let from_yaml = out.doelen.werkgevers.is_some();
    let Some((c, pc)) = principle_columns(
        t,
        &["werkplein", "meting"],
        &mut out.principes_werkgevers,
        from_yaml,
        diags,
    ) else {
        return;
    };
    let mut seen = BTreeMap::new();
    for row in &t.rows {
        let Some(id) = row_key(t, row, c[1], data, &mut seen, diags) else {
            continue;
        };
        let meting = row.cell(c[1]);
        let meting_ok = meting.len() == 4 && meting.parse::<u16>().is_ok();
        if !meting_ok {
            diags.push(
                Diagnostic::error(
                    &t.path,
                    row.pos(c[1]),
                    crate::msg!(MetingNotYear, value = meting),
                )
                .with_hint(Some(crate::msg!(MetingNotYearHint))),
            );
        }
        let scores = optional_cells(t, row, &pc, &out.principes_werkgevers, (0.0, 100.0), diags);
        if let (true, Some(scores)) = (meting_ok, scores) {
            out.werkgevers
                .entry(id.to_string())
                .or_default()
                .push(Werkgeversmeting {
                    meting: meting.to_string(),
                    scores,
                });
        }
    }
    for list in out.werkgevers.values_mut() {
        list.sort_by(|a, b| a.meting.cmp(&b.meting));
    }
}

fn read_uitstroom(t: &Table, data: &Data, diags: &Diagnostics, out: &mut Resultaten) {
    let Some(c) = t.expect_columns(
        &["werkplein", "maand", "uitstroom"],
        &["streefwaarde"],
        diags,
    ) else {
        return;
    };
    let target = t.column("streefwaarde");
    let mut seen = BTreeMap::new();
    for row in &t.rows {
        let Some(id) = row_key(t, row, c[1], data, &mut seen, diags) else {
            continue;
        };
        let maand = row.cell(c[1]);
        let maand_ok = text::parse_month(maand).is_some();
        if !maand_ok {
            diags.push(
                Diagnostic::error(
                    &t.path,
                    row.pos(c[1]),
                    crate::msg!(MaandNotMonth, value = maand),
                )
                .with_hint(Some(crate::msg!(MaandHint))),
            );
        }
        let uitstroom = number(t, row, c[2], "uitstroom", (0.0, 1e9), true, diags);
        let streefwaarde = match target {
            Some(tc) if !row.cell(tc).is_empty() => {
                number(t, row, tc, "streefwaarde", (0.0, 1e9), true, diags).map(|v| Some(v as u32))
            }
            _ => Some(None),
        };
        if let (true, Some(u), Some(s)) = (maand_ok, uitstroom, streefwaarde) {
            out.uitstroom
                .entry(id.to_string())
                .or_default()
                .push(Uitstroom {
                    maand: maand.to_string(),
                    uitstroom: u as u32,
                    streefwaarde: s,
                });
        }
    }
    for list in out.uitstroom.values_mut() {
        list.sort_by(|a, b| a.maand.cmp(&b.maand));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Regio, Werkplein};

    fn data() -> Data {
        let w = Werkplein {
            id: "assen".into(),
            naam: "Werkplein Assen".into(),
            plaats: "Assen".into(),
            regio: "drenthe".into(),
            district: None,
            gemeenten: vec![],
            lat: None,
            lon: None,
            website: None,
        };
        Data::new(
            vec![w],
            vec![Regio {
                id: "drenthe".into(),
                naam: "Drenthe".into(),
            }],
        )
    }

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn reads_all_three_files() {
        let diags = Diagnostics::new();
        let r = parse(
            &[
                file(
                    KLANT,
                    "werkplein;meting;rapportcijfer;respondenten\nassen;2010-2;7,4;120\nassen;2010-1;6.9;\n",
                ),
                file(
                    WERKGEVERS,
                    "werkplein,meting,betrouwbaarheid,professionaliteit,daadkracht,toegankelijkheid,flexibiliteit\nassen,2010,80,75,60,90,55\n",
                ),
                file(
                    UITSTROOM,
                    "werkplein,maand,uitstroom,streefwaarde\nassen,2010-01,40,45\nassen,2010-02,50,\n",
                ),
            ],
            Doelen::default(),
            &data(),
            &diags,
        );
        assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
        assert_eq!(r.klant["assen"][0].meting, "2010-1");
        assert_eq!(r.klant["assen"][1].rapportcijfer, 7.4);
        assert_eq!(r.klant_landelijk["2010-2"], 7.4);
        assert_eq!(r.werkgevers["assen"][0].scores[3], Some(90.0));
        assert_eq!(r.principes_werkgevers[3].naam, "Toegankelijkheid");
        assert_eq!(r.uitstroom["assen"][1].streefwaarde, None);
    }

    #[test]
    fn reports_every_bad_cell_with_position() {
        let diags = Diagnostics::new();
        parse(
            &[
                file(
                    KLANT,
                    "werkplein,meting,rapportcijfer,respondenten\nasen,2010-1,7,10\nassen,2010-4,11,x\n",
                ),
                file(
                    UITSTROOM,
                    "werkplein,maand,uitstroom\nassen,2010-13,5\nassen,2010-13,6\n",
                ),
            ],
            Doelen::default(),
            &data(),
            &diags,
        );
        let all = diags.english();
        assert!(all.contains("klanttevredenheid.csv:2:1: error: unknown werkplein 'asen'\n  = hint: did you mean 'assen'?"), "{all}");
        assert!(
            all.contains("klanttevredenheid.csv:3:7: error: meting '2010-4'"),
            "{all}"
        );
        assert!(
            all.contains(
                "klanttevredenheid.csv:3:14: error: rapportcijfer '11' is not a number from 1 to 10"
            ),
            "{all}"
        );
        assert!(
            all.contains("klanttevredenheid.csv:3:17: error: respondenten 'x'"),
            "{all}"
        );
        assert!(
            all.contains("uitstroom.csv:2:7: error: maand '2010-13' is not a month"),
            "{all}"
        );
        assert!(
            all.contains("uitstroom.csv:3:7: error: a second row for werkplein 'assen'"),
            "{all}"
        );
    }

    #[test]
    fn klantprincipes_from_resultaten_yaml_are_optional_checked_columns() {
        let doelen = Doelen {
            werkzoekenden: Some(vec![
                Principe {
                    id: "maatwerk".into(),
                    naam: "Maatwerk".into(),
                },
                Principe {
                    id: "tijdigheid".into(),
                    naam: "Tijdigheid".into(),
                },
            ]),
            ..Doelen::default()
        };
        let diags = Diagnostics::new();
        let r = parse(
            &[file(
                KLANT,
                "werkplein,meting,rapportcijfer,respondenten,tijdigheid,maatwerk\nassen,2010-1,7.0,10,6.5,\nassen,2010-2,7.1,10,11,7x\n",
            )],
            doelen.clone(),
            &data(),
            &diags,
        );
        let all = diags.english();
        // Aligned with resultaten.yaml's order, whatever the column order; empty is None.
        assert_eq!(r.klant["assen"][0].principes, vec![None, Some(6.5)]);
        assert_eq!(r.klant["assen"].len(), 1, "the bad row is left out");
        assert!(
            all.contains(
                "klanttevredenheid.csv:3:21: error: tijdigheid '11' is not a number from 1 to 10"
            ),
            "{all}"
        );
        assert!(
            all.contains("klanttevredenheid.csv:3:24: error: maatwerk '7x'"),
            "{all}"
        );
        let diags = Diagnostics::new();
        parse(
            &[file(
                KLANT,
                "werkplein,meting,rapportcijfer,respondenten,maatwerkk\nassen,2010-1,7.0,10,6.5\n",
            )],
            doelen,
            &data(),
            &diags,
        );
        let all = diags.english();
        assert!(
            all.contains("klanttevredenheid.csv:1:45: error: unknown column 'maatwerkk'\n  = hint: did you mean 'maatwerk'?"),
            "{all}"
        );
        // Without resultaten.yaml the extra columns are the principles, named by their id.
        let diags = Diagnostics::new();
        let r = parse(
            &[file(
                KLANT,
                "werkplein,meting,rapportcijfer,respondenten,persoonlijke-aandacht\nassen,2010-1,7.0,10,8.5\n",
            )],
            Doelen::default(),
            &data(),
            &diags,
        );
        assert!(!diags.has_errors());
        assert_eq!(r.principes_werkzoekenden[0].naam, "Persoonlijke aandacht");
        assert_eq!(r.klant["assen"][0].principes, vec![Some(8.5)]);
    }
}

//! Resultaten per werkplein (`data/resultaten/*.csv`): client satisfaction, employer
//! satisfaction and monthly outflow to work. Each file is optional.

use std::collections::BTreeMap;

use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::table::{self, Row, Table};
use crate::text;

pub const KLANT: &str = crate::layout::KLANT;
pub const WERKGEVERS: &str = crate::layout::WERKGEVERS;
pub const UITSTROOM: &str = crate::layout::UITSTROOM;

/// The five principles employers rate.
pub const PRINCIPES: [&str; 5] = [
    "betrouwbaarheid",
    "professionaliteit",
    "daadkracht",
    "toegankelijkheid",
    "flexibiliteit",
];

/// The client rating every werkplein aims for (businessplan: 7,0 from 2010).
pub const KLANT_STREEFWAARDE: f64 = 7.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Klantmeting {
    /// `2010-1`: the first of three metingen in 2010.
    pub meting: String,
    pub rapportcijfer: f64,
    pub respondenten: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Werkgeversmeting {
    /// `2010`.
    pub meting: String,
    /// % agree per principle, in [`PRINCIPES`] order.
    pub scores: [f64; 5],
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
}

/// Reads the three files (each optional), reporting every bad cell.
pub fn parse(files: &[SourceFile], data: &Data, diags: &Diagnostics) -> Resultaten {
    let mut out = Resultaten::default();
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

fn read_klant(t: &Table, data: &Data, diags: &Diagnostics, out: &mut Resultaten) {
    let Some(c) = t.expect_columns(
        &["werkplein", "meting", "rapportcijfer", "respondenten"],
        &[],
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
        if let (true, Some(rapportcijfer), Some(respondenten)) = (meting_ok, cijfer, respondenten) {
            out.klant
                .entry(id.to_string())
                .or_default()
                .push(Klantmeting {
                    meting: meting.to_string(),
                    rapportcijfer,
                    respondenten,
                });
        }
    }
    for list in out.klant.values_mut() {
        list.sort_by(|a, b| a.meting.cmp(&b.meting));
    }
}

fn read_werkgevers(t: &Table, data: &Data, diags: &Diagnostics, out: &mut Resultaten) {
    let mut required = vec!["werkplein", "meting"];
    required.extend(PRINCIPES);
    let Some(c) = t.expect_columns(&required, &[], diags) else {
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
        let mut scores = [0.0; 5];
        let mut ok = meting_ok;
        for (k, p) in PRINCIPES.iter().enumerate() {
            match number(t, row, c[2 + k], p, (0.0, 100.0), false, diags) {
                Some(v) => scores[k] = v,
                None => ok = false,
            }
        }
        if ok {
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
            &data(),
            &diags,
        );
        assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
        assert_eq!(r.klant["assen"][0].meting, "2010-1");
        assert_eq!(r.klant["assen"][1].rapportcijfer, 7.4);
        assert_eq!(r.klant_landelijk["2010-2"], 7.4);
        assert_eq!(r.werkgevers["assen"][0].scores[3], 90.0);
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
            &data(),
            &diags,
        );
        let all: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect();
        let all = all.join("\n");
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
}

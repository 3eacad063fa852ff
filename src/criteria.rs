//! The six Werkplein criteria (2010): `data/criteria.yaml` names the criteria, each with the
//! objectively observable eisen a location must meet to be called a Werkplein, and the metingen
//! (audits); `data/criteria/<meting>.csv` holds one row per werkplein with `ja`, `nee` or an
//! empty cell (not known) per eis.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::SourceFile;
use crate::table;
use crate::text;
use crate::yaml::{self, Locator};

pub const YAML: &str = crate::layout::CRITERIA;
pub const DIR: &str = crate::layout::CRITERIA_DIR;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Criterium {
    pub id: String,
    pub naam: String,
    pub eisen: Vec<Eis>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Eis {
    pub id: String,
    pub naam: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Meting {
    pub id: String,
    pub naam: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct File {
    criteria: Vec<Criterium>,
    metingen: Vec<Meting>,
}

/// One werkplein's answers: per eis (flat order) `Some(true)` = ja, `Some(false)` = nee,
/// `None` = not known.
pub type Antwoorden = Vec<Option<bool>>;

/// How many werkpleinen answered ja, nee or nothing for one eis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Telling {
    pub ja: u32,
    pub nee: u32,
    pub onbekend: u32,
}

/// The validated criteria with the answers of each meting.
#[derive(Debug, Clone)]
pub struct Criteria {
    pub criteria: Vec<Criterium>,
    /// All eisen, flat, with the index of their criterium.
    pub eisen: Vec<(usize, Eis)>,
    pub metingen: Vec<Meting>,
    /// Per meting (aligned with `metingen`): werkplein id → answers, or `None` without a CSV.
    pub antwoorden: Vec<Option<BTreeMap<String, Antwoorden>>>,
    /// The latest meting with a CSV.
    pub current: Option<usize>,
}

impl Criteria {
    pub fn current_answers(&self) -> Option<&BTreeMap<String, Antwoorden>> {
        self.antwoorden.get(self.current?)?.as_ref()
    }

    /// The answers of a werkplein in the current meting.
    pub fn of(&self, werkplein: &str) -> Option<&Antwoorden> {
        self.current_answers()?.get(werkplein)
    }

    /// The letter of criterium `i`: a, b, c, ….
    pub fn letter(i: usize) -> String {
        char::from(b'a' + (i % 26) as u8).to_string()
    }
}

/// Per eis, how many werkpleinen meet it, do not, or did not say.
pub fn tellingen<'a>(rows: impl IntoIterator<Item = &'a Antwoorden>, eisen: usize) -> Vec<Telling> {
    let mut out = vec![Telling::default(); eisen];
    for row in rows {
        for (t, a) in out.iter_mut().zip(row) {
            match a {
                Some(true) => t.ja += 1,
                Some(false) => t.nee += 1,
                None => t.onbekend += 1,
            }
        }
    }
    out
}

/// Whether a werkplein meets the minimal eisen of a Werkplein: `ja` on every eis.
pub fn voldoet(row: &Antwoorden) -> bool {
    !row.is_empty() && row.iter().all(|a| *a == Some(true))
}

/// Reads criteria.yaml and the metingen; `None` when the site has none or they have errors.
pub fn parse(
    yaml_text: Option<&str>,
    csvs: &[SourceFile],
    data: &Data,
    diags: &Diagnostics,
) -> Option<Criteria> {
    let Some(yaml_text) = yaml_text else {
        for f in csvs {
            diags.push(
                Diagnostic::file_error(&f.path, crate::msg!(MetingWithoutYaml, file = YAML))
                    .with_hint(Some(crate::msg!(MetingWithoutYamlHint, file = YAML))),
            );
        }
        return None;
    };
    let file: File = match yaml::parse_data(yaml_text, YAML) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let before = diags.error_count();
    let loc = Locator::new(yaml_text, 1);
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let groups: [(&str, &str, Vec<&str>); 3] = [
        (
            "criterium",
            "criteria",
            file.criteria.iter().map(|c| c.id.as_str()).collect(),
        ),
        (
            "eis",
            "criteria",
            file.criteria
                .iter()
                .flat_map(|c| c.eisen.iter().map(|e| e.id.as_str()))
                .collect(),
        ),
        (
            "meting",
            "metingen",
            file.metingen.iter().map(|m| m.id.as_str()).collect(),
        ),
    ];
    for (kind, key, ids) in groups {
        let mut local = BTreeMap::new();
        for id in ids {
            let pos = loc.value(key, id);
            if !text::is_slug(id) {
                diags.push(
                    Diagnostic::error(YAML, pos, crate::msg!(IdNotValid, kind = kind, id = id))
                        .with_hint(Some(crate::msg!(ForExample, example = text::slugify(id)))),
                );
            }
            if local.insert(id, ()).is_some() {
                diags.error(YAML, pos, crate::msg!(DuplicateId, kind = kind, id = id));
            }
            if kind != "meting" {
                if let Some(other) = seen.get(id).filter(|o| **o != kind) {
                    diags.error(
                        YAML,
                        pos,
                        crate::msg!(IdAlsoOther, kind = kind, id = id, other = other),
                    );
                }
                seen.insert(id, kind);
            }
        }
    }
    for c in &file.criteria {
        if c.eisen.is_empty() {
            diags.error(
                YAML,
                loc.value("criteria", &c.id),
                crate::msg!(CriteriumNoEisen, id = &c.id),
            );
        }
    }
    let eisen: Vec<(usize, Eis)> = file
        .criteria
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.eisen.iter().cloned().map(move |e| (i, e)))
        .collect();
    let eis_ids: Vec<&str> = eisen.iter().map(|(_, e)| e.id.as_str()).collect();
    let meting_ids: Vec<&str> = file.metingen.iter().map(|m| m.id.as_str()).collect();
    let mut antwoorden = vec![None; file.metingen.len()];
    for f in csvs {
        let stem = f.path.rsplit('/').next().unwrap_or(&f.path);
        let stem = stem.strip_suffix(".csv").unwrap_or(stem);
        let Some(m) = meting_ids.iter().position(|id| *id == stem) else {
            diags.push(
                Diagnostic::file_error(&f.path, crate::msg!(NoMeting, id = stem, file = YAML))
                    .with_hint(
                        text::did_you_mean(stem, meting_ids.iter().copied()).or_else(|| {
                            Some(crate::msg!(NameAfterMeting, ids = meting_ids.join(", ")))
                        }),
                    ),
            );
            continue;
        };
        antwoorden[m] = read_meting(f, &eis_ids, data, diags);
    }
    if diags.error_count() > before {
        return None;
    }
    let current = antwoorden.iter().rposition(Option::is_some);
    Some(Criteria {
        criteria: file.criteria,
        eisen,
        metingen: file.metingen,
        antwoorden,
        current,
    })
}

/// One meting's CSV: werkplein id → answers per eis.
fn read_meting(
    f: &SourceFile,
    eis_ids: &[&str],
    data: &Data,
    diags: &Diagnostics,
) -> Option<BTreeMap<String, Antwoorden>> {
    let t = table::parse(&f.path, &f.text, diags)?;
    if t.header.first().map(String::as_str) != Some("werkplein") {
        diags.push(
            Diagnostic::error(&f.path, Pos::new(1, 1), crate::msg!(FirstColumnWerkplein))
                .with_hint(Some(crate::msg!(
                    HeaderHint,
                    header = format!("werkplein,{}", eis_ids.join(","))
                ))),
        );
        return None;
    }
    let mut ok = true;
    let mut columns: Vec<Option<usize>> = vec![None];
    for (c, h) in t.header.iter().enumerate().skip(1) {
        let pos = Pos::new(1, t.header_cols[c]);
        match eis_ids.iter().position(|e| e == h) {
            Some(e) if columns.contains(&Some(e)) => {
                diags.error(&f.path, pos, crate::msg!(ColumnTwice, name = h));
                ok = false;
                columns.push(None);
            }
            Some(e) => columns.push(Some(e)),
            None => {
                diags.push(
                    Diagnostic::error(&f.path, pos, crate::msg!(UnknownEis, id = h)).with_hint(
                        text::did_you_mean(h, eis_ids.iter().copied())
                            .or_else(|| Some(crate::msg!(EisenListedIn, file = YAML))),
                    ),
                );
                ok = false;
                columns.push(None);
            }
        }
    }
    for (e, id) in eis_ids.iter().enumerate() {
        if !columns.contains(&Some(e)) {
            diags.push(
                Diagnostic::warning(&f.path, Pos::new(1, 1), crate::msg!(NoEisColumn, id = id))
                    .with_hint(Some(crate::msg!(NoEisColumnHint))),
            );
        }
    }
    let mut out = BTreeMap::new();
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for row in &t.rows {
        let id = row.cell(0);
        if data.werkplein(id).is_none() && data.werkpleinen_failed {
            // A follow-up of the error in data/werkpleinen.yaml.
            ok = false;
        } else if data.werkplein(id).is_none() {
            diags.push(
                Diagnostic::error(&f.path, row.pos(0), crate::msg!(UnknownWerkplein, id = id))
                    .with_hint(
                        text::did_you_mean(id, data.werkplein_ids())
                            .or_else(|| Some(crate::msg!(WerkpleinIdsHint))),
                    ),
            );
            ok = false;
            continue;
        }
        if let Some(first) = lines.insert(id.to_string(), row.line) {
            diags.push(
                Diagnostic::error(
                    &f.path,
                    row.pos(0),
                    crate::msg!(WerkpleinSecondRow, id = id),
                )
                .with_hint(Some(crate::msg!(FirstRowHint, line = first))),
            );
            ok = false;
            continue;
        }
        let mut answers = vec![None; eis_ids.len()];
        for (c, e) in columns.iter().enumerate().skip(1) {
            let cell = row.cell(c);
            let value = match cell.to_lowercase().as_str() {
                "" => None,
                "ja" => Some(true),
                "nee" => Some(false),
                _ => {
                    diags.push(
                        Diagnostic::error(&f.path, row.pos(c), crate::msg!(NotJaNee, value = cell))
                            .with_hint(
                                text::did_you_mean(&cell.to_lowercase(), ["ja", "nee"])
                                    .or_else(|| Some(crate::msg!(NotJaNeeHint))),
                            ),
                    );
                    ok = false;
                    None
                }
            };
            if let Some(e) = e {
                answers[*e] = value;
            }
        }
        out.insert(id.to_string(), answers);
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML_TEXT: &str = "criteria:\n  - id: een-locatie\n    naam: Eén locatie\n    eisen:\n      - id: logo\n        naam: Logo op de gevel\n      - id: balie\n        naam: Eén balie\n  - id: organisatie\n    naam: Organisatie\n    eisen:\n      - id: een-mt\n        naam: Eén MT\nmetingen:\n  - id: 2010-k1\n    naam: 1e kwartaal 2010\n  - id: 2010-k2\n    naam: 2e kwartaal 2010\n";

    fn data() -> Data {
        crate::data::parse(
            Some(
                "- id: assen\n  naam: A\n  plaats: A\n  regio: r\n- id: venlo\n  naam: V\n  plaats: V\n  regio: r\n",
            ),
            Some("- id: r\n  naam: R\n"),
            &Diagnostics::new(),
        )
    }

    fn csv(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn pure_checks() {
        let all = vec![Some(true), Some(true)];
        let mixed = vec![Some(true), Some(false), None];
        assert!(voldoet(&all));
        assert!(!voldoet(&mixed));
        assert!(!voldoet(&vec![Some(true), None]), "not known is not met");
        assert!(!voldoet(&vec![]), "no eisen answered is not met");
        let t = tellingen([&mixed, &vec![Some(false), Some(false), Some(true)]], 3);
        assert_eq!(
            t[0],
            Telling {
                ja: 1,
                nee: 1,
                onbekend: 0
            }
        );
        assert_eq!(
            t[2],
            Telling {
                ja: 1,
                nee: 0,
                onbekend: 1
            }
        );
        assert_eq!(Criteria::letter(0), "a");
        assert_eq!(Criteria::letter(5), "f");
    }

    #[test]
    fn reads_the_latest_meting() {
        let diags = Diagnostics::new();
        let c = parse(
            Some(YAML_TEXT),
            &[
                csv(
                    "data/criteria/2010-k1.csv",
                    "werkplein,logo,balie,een-mt\nassen,ja,nee,\n",
                ),
                csv(
                    "data/criteria/2010-k2.csv",
                    "werkplein;een-mt;balie;logo\nassen;Ja;ja;JA\nvenlo;nee;;ja\n",
                ),
            ],
            &data(),
            &diags,
        )
        .unwrap();
        assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
        assert_eq!(c.eisen.len(), 3);
        assert_eq!(c.current, Some(1));
        assert_eq!(c.of("assen").unwrap(), &vec![Some(true); 3]);
        assert_eq!(c.of("venlo").unwrap(), &vec![Some(true), None, Some(false)]);
        assert_eq!(
            c.antwoorden[0].as_ref().unwrap()["assen"],
            [Some(true), Some(false), None]
        );
    }

    #[test]
    fn reports_bad_cells_columns_and_files() {
        let diags = Diagnostics::new();
        let c = parse(
            Some(YAML_TEXT),
            &[
                csv(
                    "data/criteria/2010-k2.csv",
                    "werkplein,logo,balie,eenmt\nasen,ja,ja,ja\nvenlo,jaa,misschien,ja\nvenlo,ja,ja,ja\n",
                ),
                csv("data/criteria/2010-k3.csv", "werkplein,logo\n"),
            ],
            &data(),
            &diags,
        );
        assert!(c.is_none());
        let all = diags.english();
        for want in [
            "data/criteria/2010-k2.csv:1:22: error: unknown eis 'eenmt'\n  = hint: did you mean 'een-mt'?",
            "data/criteria/2010-k2.csv:1:1: warning: no column for eis 'een-mt'",
            "data/criteria/2010-k2.csv:2:1: error: unknown werkplein 'asen'\n  = hint: did you mean 'assen'?",
            "data/criteria/2010-k2.csv:3:7: error: 'jaa' is not an answer: write ja or nee\n  = hint: did you mean 'ja'?",
            "data/criteria/2010-k2.csv:3:11: error: 'misschien' is not an answer: write ja or nee\n  = hint: leave the cell empty when it is not known",
            "data/criteria/2010-k2.csv:4:1: error: werkplein 'venlo' has a second row",
            "data/criteria/2010-k3.csv: error: no meting '2010-k3' in data/criteria.yaml\n  = hint: did you mean '2010-k1'?",
        ] {
            assert!(all.contains(want), "missing:\n{want}\nin:\n{all}");
        }
    }

    #[test]
    fn checks_the_yaml_ids() {
        let diags = Diagnostics::new();
        let bad = "criteria:\n  - id: A\n    naam: x\n    eisen: []\nmetingen: []\n";
        assert!(parse(Some(bad), &[], &data(), &diags).is_none());
        let all = diags.english();
        assert!(
            all.contains("data/criteria.yaml:2:9: error: criterium id 'A' is not a valid id"),
            "{all}"
        );
        assert!(all.contains("criterium 'A' has no eisen"), "{all}");
        let diags = Diagnostics::new();
        parse(
            None,
            &[csv("data/criteria/x.csv", "werkplein\n")],
            &data(),
            &diags,
        );
        assert!(diags.has_errors());
    }
}

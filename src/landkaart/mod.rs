//! De Landkaart: fasen, mijlpalen, bands, groups and periods (`data/landkaart.yaml`) and the
//! scores of each period (`data/landkaart/<periode>.csv`), validated and computed.

pub mod scores;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;

use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::SourceFile;
use crate::table;
use crate::text;
use crate::yaml::{self, Locator};
pub use scores::{Band, PeriodStats, Trend, WerkpleinScore};

pub const PATH: &str = crate::layout::LANDKAART;
pub const DIR: &str = crate::layout::LANDKAART_DIR;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fase {
    pub id: String,
    pub naam: String,
    #[serde(default)]
    pub resultaat: Option<String>,
    pub mijlpalen: Vec<Mijlpaal>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mijlpaal {
    pub id: String,
    pub naam: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Periode {
    pub id: String,
    pub naam: String,
    pub van: String,
    pub tot: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct File {
    fasen: Vec<Fase>,
    banden: Vec<Band>,
    groepen: Vec<Band>,
    perioden: Vec<Periode>,
}

/// The validated Landkaart with the computed statistics of every period.
#[derive(Debug, Clone)]
pub struct Landkaart {
    pub fasen: Vec<Fase>,
    /// Mijlpaal indexes (flat, in file order) of each fase.
    pub fase_ranges: Vec<Range<usize>>,
    /// All mijlpalen, flat, with the index of their fase.
    pub mijlpalen: Vec<(usize, Mijlpaal)>,
    pub banden: Vec<Band>,
    pub groepen: Vec<Band>,
    pub perioden: Vec<Periode>,
    /// Per period (aligned with `perioden`): its statistics, or `None` without a CSV.
    pub stats: Vec<Option<PeriodStats>>,
    /// The period shown as current.
    pub current: usize,
}

impl Landkaart {
    pub fn current_stats(&self) -> Option<&PeriodStats> {
        self.stats[self.current].as_ref()
    }

    /// Periods that have data, oldest first.
    pub fn reported(&self) -> impl Iterator<Item = (usize, &Periode, &PeriodStats)> {
        self.perioden
            .iter()
            .enumerate()
            .filter_map(|(i, p)| self.stats[i].as_ref().map(|s| (i, p, s)))
    }

    /// A werkplein's score in period `p`.
    pub fn score(&self, p: usize, werkplein: &str) -> Option<&WerkpleinScore> {
        let stats = self.stats.get(p)?.as_ref()?;
        stats
            .werkpleinen
            .binary_search_by(|w| w.werkplein.as_str().cmp(werkplein))
            .ok()
            .map(|i| &stats.werkpleinen[i])
    }
}

/// Validates landkaart.yaml and the period CSVs; `None` when the site has no Landkaart or
/// the file has errors (reported).
pub fn parse(
    yaml_text: Option<&str>,
    csvs: &[SourceFile],
    current: Option<&str>,
    data: &Data,
    diags: &Diagnostics,
) -> Option<Landkaart> {
    let Some(yaml_text) = yaml_text else {
        for f in csvs {
            diags.push(
                Diagnostic::file_error(&f.path, "a Landkaart CSV without data/landkaart.yaml")
                    .with_hint(Some(
                        "add data/landkaart.yaml with the fasen, banden and perioden".into(),
                    )),
            );
        }
        return None;
    };
    let file: File = match yaml::parse_data(yaml_text, PATH) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let loc = Locator::new(yaml_text, 1);
    let errors_before = diags.error_count();
    check_ids(&file, &loc, diags);
    for (key, bands) in [("banden", &file.banden), ("groepen", &file.groepen)] {
        for (i, msg) in scores::band_problems(bands) {
            let pos = bands.get(i).map_or(loc.key(key), |b| loc.value(key, &b.id));
            diags.error(PATH, pos, format!("{key}: {msg}"));
        }
    }
    check_periods(&file.perioden, &loc, diags);

    let mut fase_ranges = Vec::new();
    let mut mijlpalen = Vec::new();
    for (f, fase) in file.fasen.iter().enumerate() {
        let start = mijlpalen.len();
        mijlpalen.extend(fase.mijlpalen.iter().cloned().map(|m| (f, m)));
        fase_ranges.push(start..mijlpalen.len());
    }
    let period_ids: Vec<&str> = file.perioden.iter().map(|p| p.id.as_str()).collect();
    let current = match current {
        Some(c) => match period_ids.iter().position(|p| *p == c) {
            Some(i) => i,
            None => {
                diags.push(
                    Diagnostic::file_error(
                        crate::config::PATH,
                        format!("landkaart_periode '{c}' is not a period in {PATH}"),
                    )
                    .with_hint(text::did_you_mean(c, period_ids.iter().copied())),
                );
                return None;
            }
        },
        // The latest period with data (filled in below), else the latest period.
        None => usize::MAX,
    };

    let mijlpaal_ids: Vec<&str> = mijlpalen.iter().map(|(_, m)| m.id.as_str()).collect();
    let mut rows: Vec<Option<scores::Rows>> = vec![None; file.perioden.len()];
    for f in csvs {
        let stem = f.path.rsplit('/').next().unwrap_or(&f.path);
        let stem = stem.strip_suffix(".csv").unwrap_or(stem);
        let Some(p) = period_ids.iter().position(|id| *id == stem) else {
            diags.push(
                Diagnostic::file_error(&f.path, format!("no period '{stem}' in {PATH}")).with_hint(
                    text::did_you_mean(stem, period_ids.iter().copied()).or_else(|| {
                        Some(format!(
                            "name the file after a period id: {}",
                            period_ids.join(", ")
                        ))
                    }),
                ),
            );
            continue;
        };
        rows[p] = read_scores(f, &mijlpaal_ids, data, diags);
    }
    if diags.error_count() > errors_before || file.perioden.is_empty() {
        return None;
    }
    let shape = scores::Shape {
        fasen: &fase_ranges,
        mijlpalen: mijlpalen.len(),
        banden: &file.banden,
        groepen: &file.groepen,
    };
    let stats = scores::all_periods(&shape, &rows);
    let current = if current == usize::MAX {
        stats
            .iter()
            .rposition(Option::is_some)
            .unwrap_or(file.perioden.len() - 1)
    } else {
        current
    };
    Some(Landkaart {
        fasen: file.fasen,
        fase_ranges,
        mijlpalen,
        banden: file.banden,
        groepen: file.groepen,
        perioden: file.perioden,
        stats,
        current,
    })
}

fn check_ids(file: &File, loc: &Locator, diags: &Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let groups: [(&str, Vec<&str>); 5] = [
        ("fase", file.fasen.iter().map(|f| f.id.as_str()).collect()),
        (
            "mijlpaal",
            file.fasen
                .iter()
                .flat_map(|f| f.mijlpalen.iter().map(|m| m.id.as_str()))
                .collect(),
        ),
        ("band", file.banden.iter().map(|b| b.id.as_str()).collect()),
        (
            "groep",
            file.groepen.iter().map(|b| b.id.as_str()).collect(),
        ),
        (
            "periode",
            file.perioden.iter().map(|p| p.id.as_str()).collect(),
        ),
    ];
    for (kind, ids) in groups {
        let mut local: BTreeMap<&str, ()> = BTreeMap::new();
        for id in ids {
            let pos = loc.value(section_key(kind), id);
            if !text::is_slug(id) {
                diags.push(
                    Diagnostic::error(PATH, pos, format!("{kind} id '{id}' is not a valid id"))
                        .with_hint(Some(format!("e.g. '{}'", text::slugify(id)))),
                );
            }
            if local.insert(id, ()).is_some() {
                diags.error(PATH, pos, format!("duplicate {kind} id '{id}'"));
            }
            if matches!(kind, "fase" | "mijlpaal") {
                if let Some(other) = seen.get(id).filter(|o| **o != kind) {
                    diags.error(PATH, pos, format!("{kind} id '{id}' is also a {other} id"));
                }
                seen.insert(id, kind);
            }
        }
    }
    if file.fasen.iter().all(|f| f.mijlpalen.is_empty()) {
        diags.error(PATH, loc.key("fasen"), "the Landkaart has no mijlpalen");
    }
}

fn section_key(kind: &str) -> &'static str {
    match kind {
        "fase" | "mijlpaal" => "fasen",
        "band" => "banden",
        "groep" => "groepen",
        _ => "perioden",
    }
}

fn check_periods(perioden: &[Periode], loc: &Locator, diags: &Diagnostics) {
    let mut prev_tot = None;
    for p in perioden {
        let pos = loc.value("perioden", &p.id);
        let (van, tot) = (text::parse_date(&p.van), text::parse_date(&p.tot));
        for (field, value, parsed) in [("van", &p.van, van), ("tot", &p.tot, tot)] {
            if parsed.is_none() {
                diags.push(
                    Diagnostic::error(
                        PATH,
                        pos,
                        format!("period '{}': {field} '{value}' is not a date", p.id),
                    )
                    .with_hint(Some("write dates as YYYY-MM-DD".into())),
                );
            }
        }
        if let (Some(v), Some(t)) = (van, tot) {
            if v > t {
                diags.error(
                    PATH,
                    pos,
                    format!("period '{}' ends before it starts", p.id),
                );
            }
            if prev_tot.is_some_and(|pt| v <= pt) {
                diags.push(
                    Diagnostic::error(
                        PATH,
                        pos,
                        format!("period '{}' does not follow the one before it", p.id),
                    )
                    .with_hint(Some("list perioden oldest first, without overlap".into())),
                );
            }
            prev_tot = Some(t);
        }
    }
}

/// Reads one period's CSV: werkplein id → score per mijlpaal (flat order).
fn read_scores(
    f: &SourceFile,
    mijlpaal_ids: &[&str],
    data: &Data,
    diags: &Diagnostics,
) -> Option<scores::Rows> {
    let t = table::parse(&f.path, &f.text, diags)?;
    let mut ok = true;
    if t.header.first().map(String::as_str) != Some("werkplein") {
        diags.push(
            Diagnostic::error(
                &f.path,
                Pos::new(1, 1),
                "the first column must be 'werkplein'",
            )
            .with_hint(Some(format!(
                "header: werkplein,{}",
                mijlpaal_ids.join(",")
            ))),
        );
        return None;
    }
    // column → mijlpaal index
    let mut columns: Vec<Option<usize>> = vec![None];
    for (c, h) in t.header.iter().enumerate().skip(1) {
        let pos = Pos::new(1, t.header_cols[c]);
        match mijlpaal_ids.iter().position(|m| m == h) {
            Some(m) if columns.contains(&Some(m)) => {
                diags.error(&f.path, pos, format!("column '{h}' appears twice"));
                ok = false;
                columns.push(None);
            }
            Some(m) => columns.push(Some(m)),
            None => {
                diags.push(
                    Diagnostic::error(&f.path, pos, format!("unknown mijlpaal '{h}'")).with_hint(
                        text::did_you_mean(h, mijlpaal_ids.iter().copied())
                            .or_else(|| Some(format!("mijlpaal ids are listed in {PATH}"))),
                    ),
                );
                ok = false;
                columns.push(None);
            }
        }
    }
    for (m, id) in mijlpaal_ids.iter().enumerate() {
        if !columns.contains(&Some(m)) {
            diags.push(
                Diagnostic::warning(
                    &f.path,
                    Pos::new(1, 1),
                    format!("no column for mijlpaal '{id}'"),
                )
                .with_hint(Some("it counts as not reported by every werkplein".into())),
            );
        }
    }
    let mut out = scores::Rows::new();
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for row in &t.rows {
        let id = row.cell(0);
        if data.werkplein(id).is_none() {
            diags.push(
                Diagnostic::error(&f.path, row.pos(0), format!("unknown werkplein '{id}'"))
                    .with_hint(text::did_you_mean(id, data.werkplein_ids()).or_else(|| {
                        Some("werkplein ids are listed in data/werkpleinen.yaml".into())
                    })),
            );
            ok = false;
            continue;
        }
        if let Some(first) = lines.insert(id.to_string(), row.line) {
            diags.push(
                Diagnostic::error(
                    &f.path,
                    row.pos(0),
                    format!("werkplein '{id}' has a second row"),
                )
                .with_hint(Some(format!("its first row is line {first}; keep one"))),
            );
            ok = false;
            continue;
        }
        let mut scores = vec![None; mijlpaal_ids.len()];
        for (c, m) in columns.iter().enumerate().skip(1) {
            let cell = row.cell(c);
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<u8>() {
                Ok(v) if v <= 100 => {
                    if let Some(m) = m {
                        scores[*m] = Some(v);
                    }
                }
                _ => {
                    diags.push(
                        Diagnostic::error(
                            &f.path,
                            row.pos(c),
                            format!("score '{cell}' is not a whole number from 0 to 100"),
                        )
                        .with_hint(Some(
                            "the Landkaart's answers are 0, 33, 66 and 100; leave the cell empty when not reported"
                                .into(),
                        )),
                    );
                    ok = false;
                }
            }
        }
        out.insert(id.to_string(), scores);
    }
    ok.then_some(out)
}

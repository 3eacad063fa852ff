//! De Landkaart: fasen, mijlpalen, bands, groups and periods (`data/landkaart.yaml`) and the
//! scores of each period, validated and computed. A period's scores are the rows of
//! `data/landkaart/<periode>.csv` plus the werkpleinen's own report files of the uitvraag,
//! `data/landkaart/<periode>/<werkplein>.csv` (SPEC §5.2), merged.

pub mod leren;
pub mod scores;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Deserialize;

use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::SourceFile;
use crate::messages::Message;
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
    /// Thema ids under which practices that help with this mijlpaal are filed (SPEC §5.3).
    #[serde(default)]
    pub themas: Vec<String>,
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
    /// Per period: werkplein id → the date (`YYYY-MM-DD`) it last updated its answers, from
    /// the optional `bijgewerkt` column.
    pub bijgewerkt: Vec<BTreeMap<String, String>>,
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

    /// The date a werkplein last updated its answers, when that is before period `p` began:
    /// its answers were carried over ("niet geactualiseerd", SPEC §5.2).
    pub fn niet_bijgewerkt(&self, p: usize, werkplein: &str) -> Option<&str> {
        let d = self.bijgewerkt.get(p)?.get(werkplein)?;
        (d.as_str() < self.perioden[p].van.as_str()).then_some(d.as_str())
    }

    /// The latest period at or before `p` in which the werkplein reported.
    pub fn latest_report(&self, p: usize, werkplein: &str) -> Option<usize> {
        (0..=p.min(self.perioden.len().saturating_sub(1)))
            .rev()
            .find(|&i| self.score(i, werkplein).is_some())
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
    thema_ids: &BTreeSet<String>,
    diags: &Diagnostics,
) -> Option<Landkaart> {
    let Some(yaml_text) = yaml_text else {
        for f in csvs {
            diags.push(
                Diagnostic::file_error(&f.path, crate::msg!(LandkaartCsvWithoutYaml))
                    .with_hint(Some(crate::msg!(LandkaartCsvWithoutYamlHint))),
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
            diags.error(PATH, pos, crate::msg!(BandSection, key = key, reason = msg));
        }
    }
    check_periods(&file.perioden, &loc, diags);
    check_themas(&file, &loc, thema_ids, diags);

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
                        crate::msg!(LandkaartPeriodeUnknown, id = c, file = PATH),
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
    let (rows, bijgewerkt) = read_periods(csvs, &file.perioden, &mijlpaal_ids, data, diags);
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
        bijgewerkt,
        current,
    })
}

/// Reads the period CSVs and the werkpleinen's report files and merges them per period:
/// the rows of each period and the `bijgewerkt` dates.
#[allow(clippy::type_complexity)]
fn read_periods(
    csvs: &[SourceFile],
    perioden: &[Periode],
    mijlpaal_ids: &[&str],
    data: &Data,
    diags: &Diagnostics,
) -> (Vec<Option<scores::Rows>>, Vec<BTreeMap<String, String>>) {
    let period_ids: Vec<&str> = perioden.iter().map(|p| p.id.as_str()).collect();
    let n = period_ids.len();
    let mut rows: Vec<Option<scores::Rows>> = vec![None; n];
    let mut bijgewerkt: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); n];
    // Per period: werkplein id → where its row came from (path, line), to name both on a clash.
    let mut origin: Vec<BTreeMap<String, (String, usize)>> = vec![BTreeMap::new(); n];
    let period_of = |id: &str, path: &str| -> Option<usize> {
        let p = period_ids.iter().position(|p| *p == id);
        if p.is_none() {
            // A new period of a known kind (2010-t1 after 2009-t3): the line to add; else
            // probably a typo, or the list of periods.
            let hint = match new_period_line(id, perioden) {
                Some(line) => crate::msg!(AddPeriodLine, file = PATH, line = line),
                None => text::did_you_mean(id, period_ids.iter().copied())
                    .unwrap_or_else(|| crate::msg!(NameAfterPeriod, ids = period_ids.join(", "))),
            };
            diags.push(
                Diagnostic::file_error(path, crate::msg!(NoPeriod, id = id, file = PATH))
                    .with_hint(Some(hint)),
            );
        }
        p
    };
    // Period files first, then the werkpleinen's own report files.
    let (period_files, report_files): (Vec<&SourceFile>, Vec<&SourceFile>) =
        csvs.iter().partition(|f| !relative(&f.path).contains('/'));
    for f in period_files {
        let stem = relative(&f.path).trim_end_matches(".csv");
        let Some(p) = period_of(stem, &f.path) else {
            continue;
        };
        if let Some(parsed) = read_scores(f, mijlpaal_ids, data, None, diags) {
            for (id, line) in parsed.lines {
                origin[p].insert(id, (f.path.clone(), line));
            }
            bijgewerkt[p].extend(parsed.bijgewerkt);
            rows[p] = Some(parsed.rows);
        }
    }
    for f in report_files {
        let rel = relative(&f.path);
        let (periode, name) = rel.split_once('/').unwrap_or((rel, ""));
        if name.contains('/') {
            diags.push(
                Diagnostic::file_error(&f.path, crate::msg!(ReportTooDeep))
                    .with_hint(Some(crate::msg!(ReportTooDeepHint, dir = DIR))),
            );
            continue;
        }
        let Some(p) = period_of(periode, &f.path) else {
            continue;
        };
        let id = name.trim_end_matches(".csv");
        if data.werkplein(id).is_none() && data.werkpleinen_failed {
            // A follow-up of the error in data/werkpleinen.yaml.
            continue;
        }
        if data.werkplein(id).is_none() {
            diags.push(
                Diagnostic::file_error(&f.path, crate::msg!(ReportUnknownWerkplein, id = id))
                    .with_hint(
                        text::did_you_mean(id, data.werkplein_ids())
                            .or_else(|| Some(crate::msg!(ReportNameHint))),
                    ),
            );
            continue;
        }
        let Some(parsed) = read_scores(f, mijlpaal_ids, data, Some(id), diags) else {
            continue;
        };
        for (wid, line) in parsed.lines {
            if let Some((other, other_line)) = origin[p].get(&wid) {
                diags.push(
                    Diagnostic::error(
                        &f.path,
                        Pos::new(line, 1),
                        crate::msg!(
                            ReportedTwice,
                            id = &wid,
                            periode = periode,
                            other = other,
                            line = other_line
                        ),
                    )
                    .with_hint(Some(crate::msg!(
                        ReportedTwiceHint,
                        other = other,
                        file = &f.path
                    ))),
                );
                continue;
            }
            origin[p].insert(wid, (f.path.clone(), line));
        }
        bijgewerkt[p].extend(parsed.bijgewerkt);
        rows[p]
            .get_or_insert_with(scores::Rows::new)
            .extend(parsed.rows);
    }
    (rows, bijgewerkt)
}

/// The line to add to `perioden:` for a new period `id` of a kind the file already has: its
/// year changed in the latest period with the same id after the year (`2010-t1` from
/// `2009-t1`: naam, van and tot follow). `None` when no period is like it.
fn new_period_line(id: &str, perioden: &[Periode]) -> Option<String> {
    let split = |id: &str| -> Option<(String, String)> {
        let (year, rest) = id.split_at_checked(4)?;
        (year.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with('-'))
            .then(|| (year.to_string(), rest.to_string()))
    };
    let (year, rest) = split(id)?;
    if !text::is_slug(id) {
        return None;
    }
    let like = perioden
        .iter()
        .rev()
        .find(|p| split(&p.id).is_some_and(|(_, r)| r == rest))?;
    let (old_year, _) = split(&like.id)?;
    let with_year = |s: &str| s.replace(&old_year, &year);
    let van = with_year(&like.van);
    let tot = with_year(&like.tot);
    if text::parse_date(&van).is_none() || text::parse_date(&tot).is_none() {
        return None;
    }
    Some(format!(
        "  - {{ id: {id}, naam: {}, van: \"{van}\", tot: \"{tot}\" }}",
        // A JSON string is a YAML double-quoted scalar: safe in a flow mapping.
        serde_json::to_string(&with_year(&like.naam)).unwrap_or_default()
    ))
}

/// A path under `data/landkaart/` without that prefix.
fn relative(path: &str) -> &str {
    path.strip_prefix(DIR)
        .map_or(path, |r| r.trim_start_matches('/'))
}

/// Every thema a mijlpaal names must be a thema of the site (a file in content/themas/).
fn check_themas(file: &File, loc: &Locator, thema_ids: &BTreeSet<String>, diags: &Diagnostics) {
    for m in file.fasen.iter().flat_map(|f| &f.mijlpalen) {
        for t in &m.themas {
            if !thema_ids.contains(t) {
                diags.push(
                    Diagnostic::error(
                        PATH,
                        loc.value("fasen", t),
                        crate::msg!(MijlpaalUnknownThema, mijlpaal = &m.id, id = t),
                    )
                    .with_hint(
                        text::did_you_mean(t, thema_ids.iter().map(String::as_str))
                            .or_else(|| Some(crate::msg!(ThemaIdsHint))),
                    ),
                );
            }
        }
    }
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
                    Diagnostic::error(PATH, pos, crate::msg!(IdNotValid, kind = kind, id = id))
                        .with_hint(Some(crate::msg!(ForExample, example = text::slugify(id)))),
                );
            }
            if local.insert(id, ()).is_some() {
                diags.error(PATH, pos, crate::msg!(DuplicateId, kind = kind, id = id));
            }
            if matches!(kind, "fase" | "mijlpaal") {
                if let Some(other) = seen.get(id).filter(|o| **o != kind) {
                    diags.error(
                        PATH,
                        pos,
                        crate::msg!(IdAlsoOther, kind = kind, id = id, other = other),
                    );
                }
                seen.insert(id, kind);
            }
        }
    }
    if file.fasen.iter().all(|f| f.mijlpalen.is_empty()) {
        diags.error(PATH, loc.key("fasen"), crate::msg!(NoMijlpalen));
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
                        crate::msg!(PeriodNotDate, id = &p.id, field = field, value = value),
                    )
                    .with_hint(Some(crate::msg!(DateHintShort))),
                );
            }
        }
        if let (Some(v), Some(t)) = (van, tot) {
            if v > t {
                diags.error(PATH, pos, crate::msg!(PeriodEndsBeforeStart, id = &p.id));
            }
            if prev_tot.is_some_and(|pt| v <= pt) {
                diags.push(
                    Diagnostic::error(PATH, pos, crate::msg!(PeriodOrder, id = &p.id))
                        .with_hint(Some(crate::msg!(PeriodOrderHint))),
                );
            }
            prev_tot = Some(t);
        }
    }
}

/// One scores file, read: its rows, `bijgewerkt` dates and the line of each werkplein's row.
struct Parsed {
    rows: scores::Rows,
    bijgewerkt: BTreeMap<String, String>,
    lines: BTreeMap<String, usize>,
}

/// The columns of a scores file: the mijlpaal index of each column (`None` for `werkplein`,
/// `bijgewerkt` and bad columns), the `bijgewerkt` column, and whether all were good.
fn read_header(
    t: &table::Table,
    path: &str,
    mijlpaal_ids: &[&str],
    diags: &Diagnostics,
) -> (Vec<Option<usize>>, Option<usize>, bool) {
    let mut ok = true;
    // column → mijlpaal index
    let mut columns: Vec<Option<usize>> = vec![None];
    let mut date_column = None;
    for (c, h) in t.header.iter().enumerate().skip(1) {
        let pos = Pos::new(1, t.header_cols[c]);
        if h == "bijgewerkt" {
            if date_column.is_some() {
                diags.error(path, pos, crate::msg!(ColumnTwice, name = h));
                ok = false;
            }
            date_column = Some(c);
            columns.push(None);
            continue;
        }
        match mijlpaal_ids.iter().position(|m| m == h) {
            Some(m) if columns.contains(&Some(m)) => {
                diags.error(path, pos, crate::msg!(ColumnTwice, name = h));
                ok = false;
                columns.push(None);
            }
            Some(m) => columns.push(Some(m)),
            None => {
                let known = mijlpaal_ids.iter().copied().chain(["bijgewerkt"]);
                diags.push(
                    Diagnostic::error(path, pos, crate::msg!(UnknownMijlpaal, id = h)).with_hint(
                        text::did_you_mean(h, known)
                            .or_else(|| Some(crate::msg!(MijlpaalIdsHint, file = PATH))),
                    ),
                );
                ok = false;
                columns.push(None);
            }
        }
    }
    (columns, date_column, ok)
}

/// A score cell: a whole number 0–100, or in a werkplein's own report one of the four
/// answers; else the message and hint of the error.
fn parse_score(cell: &str, report: bool) -> Result<u8, (Message, Message)> {
    match cell.parse::<u8>() {
        Ok(v) if report && !ANSWERS.contains(&v) => Err((
            crate::msg!(AnswerNotFour, value = cell),
            crate::msg!(FourAnswersHint),
        )),
        Ok(v) if v <= 100 => Ok(v),
        _ if report => Err((
            crate::msg!(ScoreNotFour, value = cell),
            crate::msg!(FourAnswersHint),
        )),
        _ => Err((
            crate::msg!(ScoreNotNumber, value = cell),
            crate::msg!(ScoreHint),
        )),
    }
}

/// The Landkaart's four answers, the only values a werkplein's own report may hold.
const ANSWERS: [u8; 4] = [0, 33, 66, 100];

/// Reads one scores file: a period's CSV, or (`report: Some(werkplein id)`) a werkplein's own
/// report, which must hold exactly that werkplein's row and only the four answers.
fn read_scores(
    f: &SourceFile,
    mijlpaal_ids: &[&str],
    data: &Data,
    report: Option<&str>,
    diags: &Diagnostics,
) -> Option<Parsed> {
    let t = table::parse(&f.path, &f.text, diags)?;
    let mut ok = true;
    if t.header.first().map(String::as_str) != Some("werkplein") {
        diags.push(
            Diagnostic::error(&f.path, Pos::new(1, 1), crate::msg!(FirstColumnWerkplein))
                .with_hint(Some(crate::msg!(
                    HeaderHint,
                    header = format!("werkplein,{},bijgewerkt", mijlpaal_ids.join(","))
                ))),
        );
        return None;
    }
    let (columns, date_column, header_ok) = read_header(&t, &f.path, mijlpaal_ids, diags);
    ok &= header_ok;
    for (m, id) in mijlpaal_ids.iter().enumerate() {
        if !columns.contains(&Some(m)) {
            diags.push(
                Diagnostic::warning(
                    &f.path,
                    Pos::new(1, 1),
                    crate::msg!(NoMijlpaalColumn, id = id),
                )
                .with_hint(Some(crate::msg!(NoMijlpaalColumnHint))),
            );
        }
    }
    if let Some(expected) = report
        && t.rows.is_empty()
    {
        diags.push(
            Diagnostic::file_error(&f.path, crate::msg!(ReportNoRow))
                .with_hint(Some(crate::msg!(ReportOneRow, id = expected))),
        );
        return None;
    }
    let mut out = Parsed {
        rows: scores::Rows::new(),
        bijgewerkt: BTreeMap::new(),
        lines: BTreeMap::new(),
    };
    for (r, row) in t.rows.iter().enumerate() {
        let id = row.cell(0);
        if let Some(expected) = report {
            if r > 0 {
                diags.push(
                    Diagnostic::error(&f.path, row.pos(0), crate::msg!(ReportSecondRow))
                        .with_hint(Some(crate::msg!(ReportSecondRowHint, id = expected))),
                );
                ok = false;
                continue;
            }
            if id != expected {
                diags.push(
                    Diagnostic::error(
                        &f.path,
                        row.pos(0),
                        crate::msg!(ReportRowOther, id = id, expected = expected),
                    )
                    .with_hint(Some(crate::msg!(ReportRowOtherHint, id = id))),
                );
                ok = false;
                continue;
            }
        }
        if data.werkplein(id).is_none() {
            ok = false;
            if data.werkpleinen_failed {
                // A follow-up of the error in data/werkpleinen.yaml.
                continue;
            }
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
        if let Some(first) = out.lines.insert(id.to_string(), row.line) {
            out.lines.insert(id.to_string(), first);
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
        if let Some(c) = date_column {
            let cell = row.cell(c);
            if !cell.is_empty() {
                if text::parse_date(cell).is_some() {
                    out.bijgewerkt.insert(id.to_string(), cell.to_string());
                } else {
                    diags.push(
                        Diagnostic::error(
                            &f.path,
                            row.pos(c),
                            crate::msg!(BijgewerktNotDate, value = cell),
                        )
                        .with_hint(Some(crate::msg!(BijgewerktHint))),
                    );
                    ok = false;
                }
            }
        }
        let mut scores = vec![None; mijlpaal_ids.len()];
        for (c, m) in columns.iter().enumerate().skip(1) {
            let Some(m) = m else { continue };
            let cell = row.cell(c);
            if cell.is_empty() {
                continue;
            }
            match parse_score(cell, report.is_some()) {
                Ok(v) => scores[*m] = Some(v),
                Err((message, hint)) => {
                    diags.push(
                        Diagnostic::error(&f.path, row.pos(c), message).with_hint(Some(hint)),
                    );
                    ok = false;
                }
            }
        }
        out.rows.insert(id.to_string(), scores);
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periode(id: &str, naam: &str, van: &str, tot: &str) -> Periode {
        Periode {
            id: id.into(),
            naam: naam.into(),
            van: van.into(),
            tot: tot.into(),
        }
    }

    #[test]
    fn a_new_period_of_a_known_kind_gets_its_line() {
        let perioden = [
            periode("2009-t1", "1e tertaal 2009", "2009-01-01", "2009-04-30"),
            periode("2009-t2", "2e tertaal 2009", "2009-05-01", "2009-08-31"),
        ];
        assert_eq!(
            new_period_line("2010-t1", &perioden).as_deref(),
            Some(
                r#"  - { id: 2010-t1, naam: "1e tertaal 2010", van: "2010-01-01", tot: "2010-04-30" }"#
            )
        );
        assert_eq!(
            new_period_line("2008-t2", &perioden).as_deref(),
            Some(
                r#"  - { id: 2008-t2, naam: "2e tertaal 2008", van: "2008-05-01", tot: "2008-08-31" }"#
            )
        );
        // No period like it, or not a period id at all: no line.
        assert_eq!(new_period_line("2010-t3", &perioden), None);
        assert_eq!(new_period_line("tertaal", &perioden), None);
        assert_eq!(new_period_line("2010-T1 x", &perioden), None);
    }
}

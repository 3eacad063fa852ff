//! The BVG-monitor: how far each werkplein is with its bedrijfsverzamelgebouw (BVG), the
//! building UWV WERKbedrijf and the gemeenten share. `data/bvg.yaml` names the statuses (in
//! order, from no plan to in use); `data/bvg.csv` (`werkplein,datum,status`) records every
//! change. A werkplein's status at a date is its latest row on or before that date.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::data::Data;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::table;
use crate::text;
use crate::yaml::{self, Locator};

pub const YAML: &str = crate::layout::BVG;
pub const CSV: &str = crate::layout::BVG_CSV;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub id: String,
    pub naam: String,
    #[serde(default)]
    pub omschrijving: Option<String>,
    /// Whether the werkplein is housed under one roof in this status (temporarily or for good).
    #[serde(default)]
    pub onder_een_dak: bool,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct File {
    statussen: Vec<Status>,
}

/// A calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kwartaal {
    pub jaar: i32,
    /// 1–4.
    pub nummer: u32,
}

impl Kwartaal {
    pub fn of(d: NaiveDate) -> Kwartaal {
        Kwartaal {
            jaar: d.year(),
            nummer: d.month0() / 3 + 1,
        }
    }

    /// `2008-k1`.
    pub fn id(self) -> String {
        format!("{}-k{}", self.jaar, self.nummer)
    }

    /// `1e kwartaal 2008`.
    pub fn naam(self) -> String {
        format!("{}e kwartaal {}", self.nummer, self.jaar)
    }

    /// `K1 2008`, for chart labels.
    pub fn kort(self) -> String {
        format!("K{} {}", self.nummer, self.jaar)
    }

    /// The last day of the quarter.
    pub fn eind(self) -> NaiveDate {
        let (y, m) = if self.nummer == 4 {
            (self.jaar + 1, 1)
        } else {
            (self.jaar, self.nummer * 3 + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> Kwartaal {
        if self.nummer == 4 {
            Kwartaal {
                jaar: self.jaar + 1,
                nummer: 1,
            }
        } else {
            Kwartaal {
                jaar: self.jaar,
                nummer: self.nummer + 1,
            }
        }
    }
}

/// A change of status: from `datum` on, the werkplein has status `status` (an index into
/// [`Bvg::statussen`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Wijziging {
    pub datum: NaiveDate,
    pub status: usize,
}

/// The validated monitor.
#[derive(Debug, Clone)]
pub struct Bvg {
    pub statussen: Vec<Status>,
    /// Werkplein id → its changes, oldest first.
    pub history: BTreeMap<String, Vec<Wijziging>>,
    /// Every quarter from that of the first row to that of the last.
    pub kwartalen: Vec<Kwartaal>,
    /// The date of the latest row: the monitor's "now".
    pub peildatum: NaiveDate,
}

impl Bvg {
    /// A monitor without rows (only a header in bvg.csv) has nothing to show.
    pub fn is_empty(&self) -> bool {
        self.history.is_empty()
    }

    /// A werkplein's status at `date`.
    pub fn status_at(&self, werkplein: &str, date: NaiveDate) -> Option<usize> {
        status_at(self.history.get(werkplein)?, date)
    }

    /// A werkplein's current status (its latest row) and since when.
    pub fn huidig(&self, werkplein: &str) -> Option<Wijziging> {
        self.history.get(werkplein)?.last().copied()
    }

    /// Number of werkpleinen per status (in [`Bvg::statussen`] order) at `date`; werkpleinen
    /// without a row on or before it are not counted.
    pub fn counts_at(&self, date: NaiveDate) -> Vec<u32> {
        let mut counts = vec![0; self.statussen.len()];
        for h in self.history.values() {
            if let Some(s) = status_at(h, date) {
                counts[s] += 1;
            }
        }
        counts
    }
}

/// The status a history gives at `date`: its latest change on or before `date` (`history`
/// sorted oldest first); `None` before its first change.
pub fn status_at(history: &[Wijziging], date: NaiveDate) -> Option<usize> {
    let after = history.partition_point(|w| w.datum <= date);
    after.checked_sub(1).map(|i| history[i].status)
}

/// Every quarter from `first`'s to `last`'s, in order.
pub fn quarters(first: NaiveDate, last: NaiveDate) -> Vec<Kwartaal> {
    let (mut q, end) = (Kwartaal::of(first), Kwartaal::of(last));
    let mut out = Vec::new();
    while q <= end {
        out.push(q);
        q = q.next();
    }
    out
}

/// Reads bvg.yaml and bvg.csv; `None` when the site has no monitor or it has errors (reported).
pub fn parse(
    yaml_text: Option<&str>,
    csv_text: Option<&str>,
    data: &Data,
    diags: &Diagnostics,
) -> Option<Bvg> {
    let (yaml_text, csv_text) = match (yaml_text, csv_text) {
        (None, None) => return None,
        (None, Some(_)) => {
            diags.push(
                Diagnostic::file_error(CSV, crate::msg!(BvgWithoutYaml, file = YAML))
                    .with_hint(Some(crate::msg!(BvgWithoutYamlHint, file = YAML))),
            );
            return None;
        }
        (Some(y), c) => (y, c),
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
    let mut seen = BTreeMap::new();
    for s in &file.statussen {
        let pos = loc.value("statussen", &s.id);
        if !text::is_slug(&s.id) {
            diags.push(
                Diagnostic::error(
                    YAML,
                    pos,
                    crate::msg!(IdNotValid, kind = "status", id = &s.id),
                )
                .with_hint(Some(crate::msg!(
                    ForExample,
                    example = text::slugify(&s.id)
                ))),
            );
        }
        if seen.insert(s.id.as_str(), ()).is_some() {
            diags.error(
                YAML,
                pos,
                crate::msg!(DuplicateId, kind = "status", id = &s.id),
            );
        }
    }
    if file.statussen.is_empty() {
        diags.error(YAML, loc.key("statussen"), crate::msg!(BvgNoStatussen));
    }
    let ids: Vec<&str> = file.statussen.iter().map(|s| s.id.as_str()).collect();
    let mut history: BTreeMap<String, Vec<(Wijziging, usize)>> = BTreeMap::new();
    if let Some(csv_text) = csv_text
        && let Some(t) = table::parse(CSV, csv_text, diags)
        && let Some(cols) = t.expect_columns(&["werkplein", "datum", "status"], &[], diags)
    {
        let (cw, cd, cs) = (cols[0], cols[1], cols[2]);
        for row in &t.rows {
            let id = row.cell(cw);
            let mut ok = true;
            if data.werkplein(id).is_none() && data.werkpleinen_failed {
                // A follow-up of the error in data/werkpleinen.yaml.
                ok = false;
            } else if data.werkplein(id).is_none() {
                diags.push(
                    Diagnostic::error(CSV, row.pos(cw), crate::msg!(UnknownWerkplein, id = id))
                        .with_hint(
                            text::did_you_mean(id, data.werkplein_ids())
                                .or_else(|| Some(crate::msg!(WerkpleinIdsHint))),
                        ),
                );
                ok = false;
            }
            let datum = text::parse_date(row.cell(cd));
            if datum.is_none() {
                diags.push(
                    Diagnostic::error(
                        CSV,
                        row.pos(cd),
                        crate::msg!(NotADateValue, value = row.cell(cd)),
                    )
                    .with_hint(Some(crate::msg!(DateHint))),
                );
            }
            let status = row.cell(cs);
            let s = ids.iter().position(|i| *i == status);
            if s.is_none() {
                diags.push(
                    Diagnostic::error(CSV, row.pos(cs), crate::msg!(UnknownStatus, id = status))
                        .with_hint(text::did_you_mean(status, ids.iter().copied()).or_else(|| {
                            Some(crate::msg!(StatussenAre, file = YAML, ids = ids.join(", ")))
                        })),
                );
            }
            if let (true, Some(datum), Some(status)) = (ok, datum, s) {
                history
                    .entry(id.to_string())
                    .or_default()
                    .push((Wijziging { datum, status }, row.line));
            }
        }
    }
    // Two rows for one werkplein and date contradict each other.
    let mut out: BTreeMap<String, Vec<Wijziging>> = BTreeMap::new();
    for (id, mut rows) in history {
        rows.sort_by_key(|(w, line)| (w.datum, *line));
        for pair in rows.windows(2) {
            let ((a, first), (b, line)) = (pair[0], pair[1]);
            if a.datum == b.datum {
                diags.push(
                    Diagnostic::error(
                        CSV,
                        Pos::new(line, 1),
                        crate::msg!(WerkpleinSecondRowFor, id = &id, datum = a.datum),
                    )
                    .with_hint(Some(crate::msg!(FirstRowHint, line = first))),
                );
            }
        }
        out.insert(id, rows.into_iter().map(|(w, _)| w).collect());
    }
    if diags.error_count() > before {
        return None;
    }
    let first = out
        .values()
        .filter_map(|h| h.first())
        .map(|w| w.datum)
        .min();
    let last = out.values().filter_map(|h| h.last()).map(|w| w.datum).max();
    let (kwartalen, peildatum) = match (first, last) {
        (Some(f), Some(l)) => (quarters(f, l), l),
        _ => (Vec::new(), NaiveDate::MIN),
    };
    Some(Bvg {
        statussen: file.statussen,
        history: out,
        kwartalen,
        peildatum,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        text::parse_date(s).unwrap()
    }

    const STATUSSEN: &str = "statussen:\n  - id: geen-plan\n    naam: Geen plan\n  - id: plannen\n    naam: Plannen\n  - id: in-gebruik\n    naam: In gebruik\n    onder_een_dak: true\n";

    fn data() -> Data {
        crate::data::parse(
            Some(
                "- id: assen\n  naam: A\n  plaats: A\n  regio: r\n- id: venlo\n  naam: V\n  plaats: V\n  regio: r\n",
            ),
            Some("- id: r\n  naam: R\n"),
            &Diagnostics::new(),
        )
    }

    #[test]
    fn status_at_takes_the_latest_row_on_or_before_the_date() {
        let h = [
            Wijziging {
                datum: d("2008-01-10"),
                status: 0,
            },
            Wijziging {
                datum: d("2008-03-31"),
                status: 1,
            },
            Wijziging {
                datum: d("2009-07-01"),
                status: 2,
            },
        ];
        assert_eq!(status_at(&h, d("2008-01-09")), None, "before the first row");
        assert_eq!(status_at(&h, d("2008-01-10")), Some(0), "on the first row");
        assert_eq!(
            status_at(&h, d("2008-03-30")),
            Some(0),
            "the day before a change"
        );
        assert_eq!(status_at(&h, d("2008-03-31")), Some(1), "on a change");
        assert_eq!(status_at(&h, d("2009-06-30")), Some(1));
        assert_eq!(status_at(&h, d("2009-07-01")), Some(2));
        assert_eq!(
            status_at(&h, d("2030-01-01")),
            Some(2),
            "after the last row"
        );
        assert_eq!(status_at(&[], d("2008-01-01")), None, "no rows");
    }

    #[test]
    fn quarters_and_their_ends() {
        let q = quarters(d("2007-11-30"), d("2008-04-01"));
        let ids: Vec<String> = q.iter().map(|k| k.id()).collect();
        assert_eq!(ids, ["2007-k4", "2008-k1", "2008-k2"]);
        assert_eq!(q[0].eind(), d("2007-12-31"));
        assert_eq!(q[1].eind(), d("2008-03-31"));
        assert_eq!(q[2].eind(), d("2008-06-30"));
        assert_eq!(q[1].naam(), "1e kwartaal 2008");
        assert_eq!(q[1].kort(), "K1 2008");
        assert_eq!(Kwartaal::of(d("2008-09-30")).nummer, 3);
        assert_eq!(Kwartaal::of(d("2008-10-01")).nummer, 4);
        assert_eq!(
            quarters(d("2008-02-01"), d("2008-01-01")).len(),
            1,
            "one quarter"
        );
        assert_eq!(quarters(d("2008-05-01"), d("2008-01-01")), []);
    }

    #[test]
    fn counts_per_status_at_a_date() {
        let diags = Diagnostics::new();
        let csv = "werkplein,datum,status\nassen,2007-01-01,geen-plan\nvenlo,2008-02-01,plannen\nassen,2008-03-31,in-gebruik\n";
        let b = parse(Some(STATUSSEN), Some(csv), &data(), &diags).unwrap();
        assert!(!diags.has_errors());
        assert_eq!(b.counts_at(d("2007-12-31")), [1, 0, 0]);
        assert_eq!(b.counts_at(d("2008-03-30")), [1, 1, 0]);
        assert_eq!(b.counts_at(d("2008-03-31")), [0, 1, 1]);
        assert_eq!(b.kwartalen.len(), 5, "2007-k1 to 2008-k1");
        assert_eq!(b.peildatum, d("2008-03-31"));
        assert_eq!(b.huidig("assen").unwrap().status, 2);
        assert_eq!(b.status_at("venlo", d("2008-01-31")), None);
    }

    #[test]
    fn a_header_only_monitor_is_empty() {
        let diags = Diagnostics::new();
        let b = parse(
            Some(STATUSSEN),
            Some("werkplein,datum,status\n"),
            &data(),
            &diags,
        )
        .unwrap();
        assert!(!diags.has_errors());
        assert!(b.is_empty());
        assert!(b.kwartalen.is_empty());
        let b = parse(Some(STATUSSEN), None, &data(), &diags).unwrap();
        assert!(b.is_empty(), "statuses without a csv");
    }

    #[test]
    fn reports_every_bad_cell() {
        let diags = Diagnostics::new();
        let csv = "werkplein,datum,status\nasen,2008-01-01,plannen\nvenlo,2008-1-5,plannen\nvenlo,2008-02-01,gebruik\nassen,2008-02-01,plannen\nassen,2008-02-01,geen-plan\n";
        assert!(parse(Some(STATUSSEN), Some(csv), &data(), &diags).is_none());
        let sorted = diags.into_sorted();
        let nl: Vec<String> = sorted
            .iter()
            .map(|d| d.text(crate::messages::Lang::Nl))
            .collect();
        assert_eq!(
            nl[0],
            "data/bvg.csv:2:1: fout: onbekend werkplein 'asen'\n  = tip: bedoelde je 'assen'?"
        );
        let all: Vec<String> = sorted
            .iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect();
        let all = all.join("\n");
        assert!(
            all.contains(
                "data/bvg.csv:2:1: error: unknown werkplein 'asen'\n  = hint: did you mean 'assen'?"
            ),
            "{all}"
        );
        assert!(
            all.contains("data/bvg.csv:3:7: error: '2008-1-5' is not a valid date"),
            "{all}"
        );
        assert!(
            all.contains("data/bvg.csv:4:18: error: unknown status 'gebruik'\n  = hint: the statussen in data/bvg.yaml are: geen-plan, plannen, in-gebruik"),
            "{all}"
        );
        assert!(
            all.contains("data/bvg.csv:6:1: error: werkplein 'assen' has a second row for 2008-02-01\n  = hint: its first row is line 5; keep one"),
            "{all}"
        );
    }

    #[test]
    fn statuses_are_checked_and_required() {
        let diags = Diagnostics::new();
        assert!(parse(None, None, &data(), &diags).is_none());
        assert!(!diags.has_errors());
        assert!(parse(None, Some("werkplein,datum,status\n"), &data(), &diags).is_none());
        let bad = "statussen:\n  - id: Geen plan\n    naam: x\n  - id: a\n    naam: y\n  - id: a\n    naam: z\n";
        assert!(parse(Some(bad), None, &data(), &diags).is_none());
        let all = diags.english();
        assert!(
            all.contains("data/bvg.csv: error: a BVG-monitor without data/bvg.yaml"),
            "{all}"
        );
        assert!(
            all.contains("data/bvg.yaml:2:9: error: status id 'Geen plan' is not a valid id"),
            "{all}"
        );
        assert!(all.contains("duplicate status id 'a'"), "{all}");
    }
}

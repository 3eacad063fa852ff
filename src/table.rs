//! Spreadsheet exports (CSV) as editors save them: UTF-8 with or without BOM, `,` or `;`
//! separated, CRLF or LF. Cells keep their file position for error messages.

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};

/// A CSV file: its header and data rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub path: String,
    pub header: Vec<String>,
    /// Column (1-based) where each header cell starts.
    pub header_cols: Vec<usize>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
    /// Column (1-based) where each cell starts.
    pub cols: Vec<usize>,
}

impl Row {
    /// The trimmed cell of column `i` ("" when the row is short).
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |s| s.trim())
    }

    pub fn pos(&self, i: usize) -> Pos {
        Pos::new(self.line, self.cols.get(i).copied().unwrap_or(1))
    }
}

impl Table {
    /// Index of a header column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Checks that the header names exactly `required` (plus `optional`), reporting missing,
    /// unknown and duplicate columns. Returns the index of each required column.
    pub fn expect_columns(
        &self,
        required: &[&str],
        optional: &[&str],
        diags: &Diagnostics,
    ) -> Option<Vec<usize>> {
        let mut ok = true;
        let mut seen = std::collections::HashSet::new();
        for (i, h) in self.header.iter().enumerate() {
            let pos = Pos::new(1, self.header_cols[i]);
            if !seen.insert(h.as_str()) {
                diags.error(&self.path, pos, crate::msg!(ColumnTwice, name = h));
                ok = false;
            } else if !required.contains(&h.as_str()) && !optional.contains(&h.as_str()) {
                let all = required.iter().chain(optional).copied();
                diags.push(
                    Diagnostic::error(&self.path, pos, crate::msg!(UnknownColumn, name = h))
                        .with_hint(crate::text::did_you_mean(h, all).or_else(|| {
                            Some(if optional.is_empty() {
                                crate::msg!(ColumnsAre, columns = required.join(","))
                            } else {
                                crate::msg!(
                                    ColumnsAreWithOptional,
                                    columns = required.join(","),
                                    optional = optional.join(",")
                                )
                            })
                        })),
                );
                ok = false;
            }
        }
        let mut idx = Vec::new();
        for r in required {
            match self.column(r) {
                Some(i) => idx.push(i),
                None => {
                    diags.push(
                        Diagnostic::error(
                            &self.path,
                            Pos::new(1, 1),
                            crate::msg!(MissingColumn, name = r),
                        )
                        .with_hint(Some(crate::msg!(HeaderMustBe, header = required.join(",")))),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(idx)
    }
}

/// Parses CSV text; the separator is `;` when the header has more `;` than `,`.
pub fn parse(path: &str, text: &str, diags: &Diagnostics) -> Option<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let lines = crate::text::Lines::new(text, 1);
    let line_at = |byte: usize| line_at(text, &lines, byte);
    let mut header: Option<(Vec<String>, Vec<usize>)> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| line_at(p.byte() as usize));
                diags.error(path, Pos::new(line, 1), crate::msg!(CsvError, detail = e));
                return None;
            }
        };
        // Lines from the byte offset: csv's own line count skips blank lines.
        let line = record.position().map_or(1, |p| line_at(p.byte() as usize));
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cols = columns(&cells);
        if header.is_none() {
            header = Some((cells.iter().map(|c| c.trim().to_string()).collect(), cols));
            continue;
        }
        let width = header.as_ref().map_or(0, |h| h.0.len());
        if cells.len() != width {
            diags.push(
                Diagnostic::error(
                    path,
                    Pos::new(line, 1),
                    crate::msg!(RowWidth, cells = cells.len(), width = width),
                )
                .with_hint(Some(crate::msg!(
                    RowWidthHint,
                    separator = delimiter as char
                ))),
            );
            continue;
        }
        rows.push(Row { line, cells, cols });
    }
    let Some((header, header_cols)) = header else {
        diags.file_error(path, crate::msg!(CsvEmpty));
        return None;
    };
    Some(Table {
        path: path.to_string(),
        header,
        header_cols,
        rows,
    })
}

/// The line of the record at `byte`. csv may report the position of the previous line's
/// terminator (with CRLF and blank lines), so line breaks at the position are skipped first.
fn line_at(text: &str, lines: &crate::text::Lines, byte: usize) -> usize {
    let bytes = text.as_bytes();
    let mut byte = byte.min(bytes.len());
    while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
        byte += 1;
    }
    lines.pos(byte).line
}

/// Start column of each cell, assuming unquoted cells (close enough for quoted ones).
fn columns(cells: &[String]) -> Vec<usize> {
    let mut col = 1;
    cells
        .iter()
        .map(|c| {
            let here = col;
            col += c.chars().count() + 1;
            here
        })
        .collect()
}

/// A decimal number written with `.` or `,` as decimal separator.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A cell as it may go into a published CSV: text that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP
/// advises against CSV injection; numbers (`-14`, `6.5`) stay numbers.
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.strip_prefix(['-', '+']).is_some_and(|rest| {
        !rest.is_empty()
            && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && rest.bytes().any(|b| b.is_ascii_digit())
    });
    if risky && !number {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_could_run_as_formulas_are_neutralised() {
        for risky in [
            "=1+1",
            "+31 20",
            "-x",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://a\")",
            "-",
            "--1",
            "-1-1",
            "-.",
            "-1e5",
        ] {
            assert_eq!(csv_cell(risky), format!("'{risky}"), "{risky:?}");
        }
        for kept in [
            "-14",
            "+3",
            "-0.5",
            "6.5",
            "0",
            "Werkplein Assen",
            "",
            "a=b",
            "'=",
        ] {
            assert_eq!(csv_cell(kept), kept, "{kept:?}");
        }
    }

    #[test]
    fn reads_semicolon_bom_crlf() {
        let diags = Diagnostics::new();
        let t = parse(
            "x.csv",
            "\u{feff}werkplein;a;b\r\nassen;100;\r\n\r\nvenlo;33;66\r\n",
            &diags,
        )
        .unwrap();
        assert!(!diags.has_errors());
        assert_eq!(t.header, ["werkplein", "a", "b"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cell(2), "");
        assert_eq!(t.rows[1].line, 4);
        assert_eq!(t.rows[1].pos(2), Pos::new(4, 10));
    }

    #[test]
    fn reports_short_rows_and_bad_columns() {
        let diags = Diagnostics::new();
        let t = parse("x.csv", "werkplein,meting,meting,foo\nassen,1\n", &diags).unwrap();
        assert!(t.rows.is_empty());
        assert!(
            t.expect_columns(&["werkplein", "meting", "cijfer"], &[], &diags)
                .is_none()
        );
        let all = diags.english();
        assert!(
            all.contains("x.csv:1:18: error: column 'meting' appears twice"),
            "{all}"
        );
        assert!(
            all.contains("x.csv:1:25: error: unknown column 'foo'"),
            "{all}"
        );
        assert!(all.contains("missing column 'cijfer'"), "{all}");
        assert!(
            all.contains("x.csv:2:1: error: row has 2 cells, the header has 4"),
            "{all}"
        );
    }

    #[test]
    fn decimals_with_comma_or_point() {
        assert_eq!(parse_decimal("7,2"), Some(7.2));
        assert_eq!(parse_decimal(" 6.8 "), Some(6.8));
        assert_eq!(parse_decimal("zeven"), None);
        assert_eq!(parse_decimal(""), None);
    }
}

//! Open data of every table (SPEC §5.4), over the whole sample site: every data table on every
//! page links to a CSV next to it, and that CSV holds exactly the table's figures, row by row
//! and column by column; every CSV is described on /open-data/.
//!
//! A table column is matched to the CSV column named by its header's `data-csv`, or else by
//! the header text as an id (`In ontwikkeling` → `in-ontwikkeling`). In each body row, every
//! data cell's figures (numbers, with `,` or `.` as decimal sign, `%` and shares in
//! `.aandeel` left out) must equal those of the CSV cell; a data cell with figures in a column
//! without a CSV counterpart is an error. Row headers (`<th scope="row">`) are labels: the CSV
//! holds their id; a row that is only a `<th scope="rowgroup">` names the rows below it. Layout
//! tables (`role="presentation"`, the e-mail edition's) are not data tables.

use crate::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

static BUILD: OnceLock<SharedBuild> = OnceLock::new();

fn out() -> &'static Path {
    let b = shared_sample_build(&BUILD, "open_data", &[]);
    b.run.assert_success();
    &b.out
}

#[derive(Debug)]
struct Cell {
    header: bool,
    attrs: String,
    text: String,
}

/// The cells (`<td>`/`<th>`) of an HTML fragment, in order.
fn cells(html: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut rest = html;
    loop {
        let td = find_tag(rest, "td");
        let th = find_tag(rest, "th");
        let (start, header) = match (td, th) {
            (Some(a), Some(b)) if a < b => (a, false),
            (Some(a), None) => (a, false),
            (_, Some(b)) => (b, true),
            (None, None) => break,
        };
        let open_end = start + rest[start..].find('>').expect("tag closed");
        let attrs = rest[start + 3..open_end].to_string();
        let close = if header { "</th>" } else { "</td>" };
        let end = open_end + rest[open_end..].find(close).expect("cell closed");
        out.push(Cell {
            header,
            attrs,
            text: rest[open_end + 1..end].to_string(),
        });
        rest = &rest[end + close.len()..];
    }
    out
}

/// Position of `<tag` followed by a space or `>`.
fn find_tag(html: &str, tag: &str) -> Option<usize> {
    let needle = format!("<{tag}");
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        let at = from + i;
        match html.as_bytes().get(at + needle.len()) {
            Some(b' ') | Some(b'>') => return Some(at),
            _ => from = at + needle.len(),
        }
    }
    None
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = attrs.find(&key)? + key.len();
    let j = attrs[i..].find('"')? + i;
    Some(unescape_attr(&attrs[i..j]))
}

/// The visible text of cell HTML, without tags and without `.aandeel` shares.
fn text_of(html: &str) -> String {
    let mut s = html.to_string();
    while let Some(i) = s.find("<span class=\"aandeel\">") {
        let j = s[i..].find("</span>").map_or(s.len(), |j| i + j + 7);
        s.replace_range(i..j, "");
    }
    let mut plain = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .trim()
        .to_string()
}

/// The figures of a cell: Dutch notation, points between thousands (`232.438`) read as part
/// of the number. Used for both sides: a CSV that svdk computes writes no such points (and at
/// most two decimals), a Markdown table's CSV keeps the editor's text.
fn shown_figures(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut plain = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let grouping = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.len() >= i + 4
            && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
            && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit());
        if !grouping {
            plain.push(c);
        }
    }
    figures(&plain)
}

/// The figures in a text: numbers with an optional leading minus, `,` or `.` as decimal sign,
/// written with `.`.
fn figures(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.replace('−', "-").chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let neg = i > 0 && chars[i - 1] == '-' && (i < 2 || !chars[i - 2].is_alphanumeric());
            let mut n = String::new();
            if neg {
                n.push('-');
            }
            while i < chars.len() && chars[i].is_ascii_digit() {
                n.push(chars[i]);
                i += 1;
            }
            if i + 1 < chars.len() && matches!(chars[i], ',' | '.') && chars[i + 1].is_ascii_digit()
            {
                n.push('.');
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    n.push(chars[i]);
                    i += 1;
                }
            }
            out.push(n);
        } else {
            i += 1;
        }
    }
    out
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(s).to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Checks one table against its CSV; returns the problems.
fn check_table(page: &str, n: usize, table: &str, csv_text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let at = |msg: String| format!("{page}: table {n}: {msg}");
    let thead_end = table.find("</thead>").unwrap_or(0);
    let header: Vec<String> = cells(&table[..thead_end])
        .iter()
        .map(|c| attr(&c.attrs, "data-csv").unwrap_or_else(|| slug(&text_of(&c.text))))
        .collect();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let csv_header: Vec<String> = reader
        .headers()
        .expect("csv header")
        .iter()
        .map(str::to_string)
        .collect();
    let csv_rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_string).collect())
        .collect();
    // Body rows in document order (also a second tbody of totals).
    let mut rows = Vec::new();
    let mut rest = &table[thead_end..];
    while let Some(i) = find_tag(rest, "tr") {
        let end = i + rest[i..].find("</tr>").expect("row closed");
        let row = cells(&rest[i..end]);
        // A row that only names the group of rows below it holds no figures of its own.
        let group_heading =
            matches!(&row[..], [c] if c.header && c.attrs.contains("scope=\"rowgroup\""));
        if !group_heading {
            rows.push(row);
        }
        rest = &rest[end..];
    }
    if rows.len() != csv_rows.len() {
        problems.push(at(format!(
            "{} rows, its CSV {} rows",
            rows.len(),
            csv_rows.len()
        )));
        return problems;
    }
    for (r, (row, csv_row)) in rows.iter().zip(&csv_rows).enumerate() {
        let mut col = 0;
        for c in row {
            let span: usize = attr(&c.attrs, "colspan").map_or(1, |s| s.parse().unwrap_or(1));
            for k in col..col + span {
                let key = header.get(k).cloned().unwrap_or_default();
                let shown = shown_figures(&text_of(&c.text));
                match csv_header.iter().position(|h| *h == key || slug(h) == key) {
                    Some(j) => {
                        let in_csv = shown_figures(&csv_row[j].replace('+', ""));
                        // Row headers are labels; the CSV holds their id.
                        if !c.header && shown != in_csv {
                            problems.push(at(format!(
                                "row {}, column '{key}': the table shows {shown:?}, the CSV has {in_csv:?}",
                                r + 1
                            )));
                        }
                    }
                    None if !c.header && !shown.is_empty() => problems.push(at(format!(
                        "row {}, column '{key}' shows figures {shown:?} but its CSV has no such column ({})",
                        r + 1,
                        csv_header.join(",")
                    ))),
                    None => {}
                }
            }
            col += span;
        }
    }
    problems
}

#[test]
fn every_table_links_to_a_csv_with_exactly_its_figures() {
    let out = out();
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut linked = BTreeSet::new();
    for (page, html) in text_files(out) {
        if !page.ends_with(".html") {
            continue;
        }
        let mut rest = html.as_str();
        let mut n = 0;
        while let Some(start) = find_tag(rest, "table") {
            let end = start + rest[start..].find("</table>").expect("table closed") + 8;
            let table = &rest[start..end];
            // A layout table (the e-mail edition's) is no data table.
            let open = &table[..table.find('>').unwrap_or(0)];
            if open.contains("role=\"presentation\"") {
                rest = &rest[end..];
                continue;
            }
            n += 1;
            let after = &rest[end..];
            let limit = [find_tag(after, "table"), after.find("</section>")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(after.len());
            let link = after[..limit]
                .find("class=\"open-data\"")
                .and_then(|i| attr(&after[i..limit], "href"));
            match link {
                None => problems.push(format!("{page}: table {n}: no CSV link next to it")),
                Some(href) => {
                    let rel = href.trim_start_matches('/');
                    let path = out.join(rel);
                    match std::fs::read_to_string(&path) {
                        Err(_) => problems.push(format!("{page}: table {n}: {href} missing")),
                        Ok(text) => {
                            problems.extend(check_table(&page, n, table, &text));
                            linked.insert(rel.to_string());
                            checked += 1;
                        }
                    }
                }
            }
            rest = &rest[end..];
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems[..problems.len().min(40)].join("\n")
    );
    // The sample site has tables on the Landkaart, werkpleinen, regio, district, werkplein and
    // Resultaten pages.
    assert!(checked > 500, "only {checked} tables checked");
    // Every CSV is the copy of a table somewhere on the site, or of a list (the BVG-monitor's
    // werkpleinen per status, the criteria's answers of every werkplein) with its link next to it.
    // (The catalogue of all CSVs is linked from /open-data/.)
    let csvs: BTreeSet<String> = list_files(out)
        .into_iter()
        .filter(|f| f.ends_with(".csv") && f != "open-data/bestanden.csv")
        .collect();
    let mut offered = linked.clone();
    for (page, html) in text_files(out) {
        if !page.ends_with(".html") || page.starts_with("open-data/") {
            continue;
        }
        let mut rest = html.as_str();
        while let Some(i) = rest.find("<p class=\"open-data\">") {
            let end = i + rest[i..].find("</p>").expect("paragraph closed");
            for href in attr_values(&rest[i..end], "href") {
                offered.insert(href.trim_start_matches('/').to_string());
            }
            rest = &rest[end..];
        }
    }
    let orphans: Vec<&String> = csvs.difference(&offered).collect();
    assert!(
        orphans.is_empty(),
        "CSVs no page links to next to what they copy: {orphans:?}"
    );
    let lists: Vec<&String> = offered.difference(&linked).collect();
    assert_eq!(
        lists,
        ["bvg/werkpleinen.csv", "criteria/werkpleinen.csv"],
        "the only CSVs of lists rather than tables"
    );
}

#[test]
fn open_data_page_lists_and_describes_every_csv() {
    let out = out();
    let page = read_out(out, "open-data/index.html");
    assert!(
        !page.contains("od--onbeschreven"),
        "a CSV without an entry in render/open_data.rs SOORTEN"
    );
    let hrefs: BTreeSet<String> = attr_values(&page, "href").into_iter().collect();
    let csvs: BTreeSet<String> = list_files(out)
        .into_iter()
        .filter(|f| f.ends_with(".csv"))
        .collect();
    // The catalogue lists every CSV (itself too) with its absolute URL; the page links to it
    // and to the first 50 files of each kind, so it does not grow with the practices.
    assert!(hrefs.contains("/open-data/bestanden.csv"));
    let catalogue = read_out(out, "open-data/bestanden.csv");
    let mut rows = catalogue.lines();
    assert_eq!(rows.next(), Some("pad,url,soort"));
    let listed: BTreeSet<String> = rows
        .map(|row| {
            let mut cells = row.split(',');
            let pad = cells.next().unwrap().to_string();
            let url = cells.next().unwrap();
            assert_eq!(
                url,
                format!("https://www.samenvoordeklant.nl/{pad}"),
                "{row}"
            );
            assert!(!cells.next().unwrap_or("").is_empty(), "a kind for {pad}");
            pad
        })
        .collect();
    assert_eq!(listed, csvs);
    let on_page = csvs
        .iter()
        .filter(|f| hrefs.contains(&format!("/{f}")))
        .count();
    assert!(
        on_page >= 50 && on_page < csvs.len(),
        "{on_page} of {}",
        csvs.len()
    );
    assert!(
        page.contains("; alle ") && page.contains(" staan in <a href=\"/open-data/bestanden.csv\""),
        "a capped list says where the rest is"
    );
    assert!(
        page.contains("<code>rapportcijfer</code>"),
        "column meanings"
    );
    // Linked from the footer navigation? At least from the Resultaten page.
    let res = read_out(out, "resultaten/index.html");
    assert!(res.contains("href=\"/resultaten/werkpleinen.csv\" download"));
}

#[test]
fn the_checker_finds_a_wrong_figure() {
    let table = r#"<table><thead><tr><th scope="col" data-csv="werkplein">W</th><th scope="col">Totaal</th><th scope="col">Gemiddelde</th></tr></thead>
<tbody><tr><th scope="row">A</th><td>67&nbsp;%</td><td>6,9 <span class="aandeel">(33&nbsp;%)</span></td></tr>
<tr><th scope="row">B</th><td>–</td><td>−0,2</td></tr></tbody></table>"#;
    let good = "werkplein,totaal,gemiddelde\na,67,6.9\nb,,-0.2\n";
    assert_eq!(check_table("p", 1, table, good), Vec::<String>::new());
    let wrong = "werkplein,totaal,gemiddelde\na,66,6.9\nb,,-0.2\n";
    assert_eq!(check_table("p", 1, table, wrong).len(), 1);
    let missing_column = "werkplein,gemiddelde\na,6.9\nb,-0.2\n";
    assert!(check_table("p", 1, table, missing_column)[0].contains("no such column"));
    let short = "werkplein,totaal,gemiddelde\na,67,6.9\n";
    assert!(check_table("p", 1, table, short)[0].contains("2 rows"));
}

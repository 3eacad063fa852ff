//! Entry points for the fuzz targets in `fuzz/` and the property tests in `tests/`: each takes
//! arbitrary text as one input of the site and runs the parser that reads it, with small fixed
//! companions (a few werkpleinen and regio's, a small Landkaart). They must never panic and must
//! take time and memory linear in the input; what they report does not matter here.

use crate::diagnostics::Diagnostics;
use crate::load::SourceFile;
use crate::{content, data, landkaart, markdown, resultaten, yaml};

const REGIOS: &str = "- id: noord\n  naam: Noord\n- id: zuid\n  naam: Zuid\n";
const WERKPLEINEN: &str = "- id: assen\n  naam: Werkplein Assen\n  plaats: Assen\n  regio: noord\n\
                           - id: venlo\n  naam: Werkplein Venlo\n  plaats: Venlo\n  regio: zuid\n";
const LANDKAART: &str = "fasen:\n  - id: starten\n    naam: Starten\n    mijlpalen:\n      \
- { id: betrokken, naam: Betrokken }\n      - { id: analyse, naam: Analyse }\n\
banden:\n  - { id: niet, naam: Niet, van: 0, tot: 49 }\n  - { id: wel, naam: Wel, van: 50, tot: 100 }\n\
groepen:\n  - { id: achter, naam: Achter, van: 0, tot: 49 }\n  - { id: kop, naam: Kop, van: 50, tot: 100 }\n\
perioden:\n  - { id: 2009-t1, naam: 1e tertaal 2009, van: \"2009-01-01\", tot: \"2009-04-30\" }\n  \
- { id: 2009-t2, naam: 2e tertaal 2009, van: \"2009-05-01\", tot: \"2009-08-31\" }\n";
const PERIOD_CSV: &str = "werkplein,betrokken,analyse\nassen,100,50\nvenlo,33,\n";

fn sample_data() -> data::Data {
    data::parse(Some(WERKPLEINEN), Some(REGIOS), &Diagnostics::new())
}

/// A content file: the front matter split and parse, then the checks of its section (chosen
/// by the first byte of the input).
pub fn front_matter(input: &str) {
    let diags = Diagnostics::new();
    if let Ok(fm) = yaml::split_front_matter(input) {
        let _ = yaml::parse_mapping(fm.yaml, fm.yaml_line, "content/a.md", &diags);
    }
    let path = match input.bytes().next().unwrap_or(0) % 5 {
        0 => "content/praktijkvoorbeelden/a.md",
        1 => "content/journaal/a.md",
        2 => "content/kaderdocument/a.md",
        3 => "content/themas/jongeren.md",
        _ => "content/over.md",
    };
    let files = [SourceFile {
        path: path.into(),
        text: input.into(),
    }];
    let _ = content::parse_all(&files, &sample_data(), &diags);
}

/// Markdown: headings and links found, rendered and sanitized.
pub fn markdown(input: &str) {
    let analysis = markdown::analyze(input);
    let resolve = |dest: &str, offset: usize| {
        let _ = markdown::position(input, offset, 1);
        dest.strip_suffix(".md").map(|s| format!("/{s}/"))
    };
    let _ = markdown::render(input, &analysis, "", "pagina", None, &resolve);
    let _ = markdown::sanitize(input);
}

/// `data/werkpleinen.yaml` (the regio's fixed) and `data/regios.yaml` (the werkpleinen fixed).
pub fn data_files(input: &str) {
    let diags = Diagnostics::new();
    let _ = data::parse(Some(input), Some(REGIOS), &diags);
    let _ = data::parse(Some(WERKPLEINEN), Some(input), &diags);
}

/// `data/landkaart.yaml` with a fixed period CSV.
pub fn landkaart_yaml(input: &str) {
    let csv = [SourceFile {
        path: format!("{}/2009-t1.csv", landkaart::DIR),
        text: PERIOD_CSV.into(),
    }];
    let _ = landkaart::parse(
        Some(input),
        &csv,
        None,
        &sample_data(),
        &Default::default(),
        &Diagnostics::new(),
    );
}

/// A Landkaart period CSV with a fixed landkaart.yaml.
pub fn landkaart_csv(input: &str) {
    let csv = [SourceFile {
        path: format!("{}/2009-t1.csv", landkaart::DIR),
        text: input.into(),
    }];
    let _ = landkaart::parse(
        Some(LANDKAART),
        &csv,
        None,
        &sample_data(),
        &Default::default(),
        &Diagnostics::new(),
    );
}

/// The three resultaten CSVs, each read from the same text.
pub fn resultaten(input: &str) {
    let files: Vec<SourceFile> = [
        resultaten::KLANT,
        resultaten::WERKGEVERS,
        resultaten::UITSTROOM,
    ]
    .iter()
    .map(|p| SourceFile {
        path: (*p).into(),
        text: input.into(),
    })
    .collect();
    let _ = resultaten::parse(
        &files,
        resultaten::doelen::Doelen::default(),
        &sample_data(),
        &Diagnostics::new(),
    );
}

/// The GeoJSON outline of the country.
pub fn outline(input: &str) {
    let _ = crate::charts::parse_outline(input);
}

#[cfg(test)]
mod tests {
    /// The fixed companions are valid, so the fuzzed input is what gets exercised.
    #[test]
    fn companions_are_valid() {
        let diags = super::Diagnostics::new();
        let data = super::data::parse(Some(super::WERKPLEINEN), Some(super::REGIOS), &diags);
        let csv = [super::SourceFile {
            path: format!("{}/2009-t1.csv", super::landkaart::DIR),
            text: super::PERIOD_CSV.into(),
        }];
        let lk = super::landkaart::parse(
            Some(super::LANDKAART),
            &csv,
            None,
            &data,
            &Default::default(),
            &diags,
        );
        let d = diags.into_sorted();
        assert!(d.is_empty(), "{d:?}");
        assert!(lk.is_some());
    }
}

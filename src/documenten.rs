//! Documents werkpleinen delivered for knowledge sharing (`data/documenten.yaml`): ketenjaarplannen,
//! marktbewerkingsplannen, dienstverleningsconcepten and more, each a file under `static/`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::data::Data;
use crate::diagnostics::Diagnostics;
use crate::load::StaticFile;
use crate::text;
use crate::yaml;

pub const PATH: &str = crate::layout::DOCUMENTEN;

/// The kind of a document (SPEC §5.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Soort {
    Ketenjaarplan,
    Marktbewerkingsplan,
    Dienstverleningsconcept,
    Handreiking,
    Overig,
}

impl Soort {
    pub const ALL: [Soort; 5] = [
        Soort::Ketenjaarplan,
        Soort::Marktbewerkingsplan,
        Soort::Dienstverleningsconcept,
        Soort::Handreiking,
        Soort::Overig,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Soort::Ketenjaarplan => "ketenjaarplan",
            Soort::Marktbewerkingsplan => "marktbewerkingsplan",
            Soort::Dienstverleningsconcept => "dienstverleningsconcept",
            Soort::Handreiking => "handreiking",
            Soort::Overig => "overig",
        }
    }

    pub fn naam(self) -> &'static str {
        match self {
            Soort::Ketenjaarplan => "Ketenjaarplan",
            Soort::Marktbewerkingsplan => "Marktbewerkingsplan",
            Soort::Dienstverleningsconcept => "Dienstverleningsconcept",
            Soort::Handreiking => "Handreiking",
            Soort::Overig => "Overig",
        }
    }

    /// The plural, for headings and filters.
    pub fn meervoud(self) -> &'static str {
        match self {
            Soort::Ketenjaarplan => "Ketenjaarplannen",
            Soort::Marktbewerkingsplan => "Marktbewerkingsplannen",
            Soort::Dienstverleningsconcept => "Dienstverleningsconcepten",
            Soort::Handreiking => "Handreikingen",
            Soort::Overig => "Overige documenten",
        }
    }

    pub fn from_id(id: &str) -> Option<Soort> {
        Soort::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// One delivered document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `None`: a national document (a handreiking, say).
    pub werkplein: Option<String>,
    pub titel: String,
    pub soort: Soort,
    pub datum: NaiveDate,
    /// Output path of the file (its path under `static/`), without a leading `/`.
    pub bestand: String,
    /// Size of the file in bytes.
    pub grootte: u64,
}

impl Document {
    /// `PDF, 240 kB`.
    pub fn omschrijving(&self) -> String {
        format!("{}, {}", formaat(&self.bestand), grootte_nl(self.grootte))
    }
}

/// All documents, newest first, with an index per werkplein.
#[derive(Debug, Clone, Default)]
pub struct Documenten {
    pub list: Vec<Document>,
    /// Werkplein id → indexes into `list` (newest first).
    pub by_werkplein: BTreeMap<String, Vec<usize>>,
}

impl Documenten {
    pub fn of(&self, werkplein: &str) -> impl Iterator<Item = &Document> {
        self.by_werkplein
            .get(werkplein)
            .into_iter()
            .flatten()
            .map(|&i| &self.list[i])
    }

    /// Number of documents per soort, in [`Soort::ALL`] order.
    pub fn per_soort(&self) -> Vec<(Soort, usize)> {
        Soort::ALL
            .iter()
            .map(|&s| (s, self.list.iter().filter(|d| d.soort == s).count()))
            .collect()
    }
}

/// Reads `data/documenten.yaml` (absent: no documents), checking every record: the werkplein,
/// the soort, the date and that the file exists under `static/`.
pub fn parse(
    text: Option<&str>,
    statics: &[StaticFile],
    data: &Data,
    diags: &Diagnostics,
) -> Documenten {
    let Some(text) = text else {
        return Documenten::default();
    };
    let sizes: BTreeMap<&str, u64> = statics.iter().map(|s| (s.out.as_str(), s.size)).collect();
    let mut list = Vec::new();
    for f in yaml::records(text, PATH, diags) {
        f.check_known(&["werkplein", "titel", "soort", "datum", "bestand"]);
        let werkplein = f.string("werkplein").map(|w| w.trim().to_string());
        let werkplein_ok = match &werkplein {
            // A follow-up of the error in data/werkpleinen.yaml.
            Some(w) if data.werkplein(w).is_none() && data.werkpleinen_failed => false,
            Some(w) if data.werkplein(w).is_none() => {
                f.error(
                    f.pos("werkplein"),
                    crate::msg!(UnknownWerkplein, id = w),
                    text::did_you_mean(w, data.werkplein_ids())
                        .or_else(|| Some(crate::msg!(DocumentWerkpleinHint))),
                );
                false
            }
            _ => true,
        };
        let titel = f.required_string("titel");
        let soort = f.required_string("soort").and_then(|s| {
            let s = s.trim().to_string();
            let found = Soort::from_id(&s);
            if found.is_none() {
                let ids = Soort::ALL.map(Soort::id);
                f.error(
                    f.pos("soort"),
                    crate::msg!(UnknownSoort, id = &s),
                    text::did_you_mean(&s, ids)
                        .or_else(|| Some(crate::msg!(SoortenAre, ids = ids.join(", ")))),
                );
            }
            found
        });
        let datum = match f.required_string("datum") {
            Some(_) => f.date("datum"),
            None => None,
        };
        let bestand = f.required_string("bestand").and_then(|b| {
            let out = static_path(&b);
            match sizes.get(out.as_str()) {
                Some(&size) => Some((out, size)),
                None => {
                    let hint = text::closest_path(&out, sizes.keys().copied())
                        .map(|c| crate::msg!(DidYouMean, candidate = c))
                        .unwrap_or_else(|| crate::msg!(PutFileInStatic, path = &out));
                    f.error(
                        f.pos("bestand"),
                        crate::msg!(FileNotFound, path = format!("static/{out}")),
                        Some(hint),
                    );
                    None
                }
            }
        });
        if let (true, Some(titel), Some(soort), Some(datum), Some((bestand, grootte))) =
            (werkplein_ok, titel, soort, datum, bestand)
        {
            list.push(Document {
                werkplein,
                titel,
                soort,
                datum,
                bestand,
                grootte,
            });
        }
    }
    list.sort_by(|a, b| {
        b.datum
            .cmp(&a.datum)
            .then_with(|| a.titel.cmp(&b.titel))
            .then_with(|| a.bestand.cmp(&b.bestand))
    });
    let mut by_werkplein: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in list.iter().enumerate() {
        if let Some(w) = &d.werkplein {
            by_werkplein.entry(w.clone()).or_default().push(i);
        }
    }
    Documenten { list, by_werkplein }
}

/// The path under `static/` of a `bestand` as editors write it: `bestanden/x.pdf`,
/// `/bestanden/x.pdf` or `static/bestanden/x.pdf`.
fn static_path(bestand: &str) -> String {
    let b = bestand.trim().trim_start_matches('/');
    b.strip_prefix("static/").unwrap_or(b).to_string()
}

/// The file type as readers know it, from the extension: `PDF`, `Word`, `Excel`, ….
pub fn formaat(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = match name.rsplit_once('.') {
        Some((_, e)) => e.to_ascii_lowercase(),
        None => return "Bestand".into(),
    };
    match ext.as_str() {
        "pdf" => "PDF".into(),
        "doc" | "docx" => "Word".into(),
        "xls" | "xlsx" => "Excel".into(),
        "ppt" | "pptx" => "PowerPoint".into(),
        "odt" => "OpenDocument-tekst".into(),
        "ods" => "OpenDocument-spreadsheet".into(),
        "txt" => "Tekst".into(),
        other => other.to_ascii_uppercase(),
    }
}

/// A file size in Dutch notation, decimal units: `512 bytes`, `240 kB`, `1,4 MB`. Kilobytes are
/// rounded up (a 1-byte file is not "0 kB"), megabytes to one decimal.
pub fn grootte_nl(bytes: u64) -> String {
    if bytes < 1000 {
        return if bytes == 1 {
            "1 byte".into()
        } else {
            format!("{bytes} bytes")
        };
    }
    if bytes < 999_500 {
        return format!("{} kB", bytes.div_ceil(1000).min(999));
    }
    // Tenths of a megabyte, rounded half up.
    let tenths = (bytes + 50_000) / 100_000;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn data() -> Data {
        crate::data::parse(
            Some("- id: den-bosch\n  naam: Werkplein 's-Hertogenbosch\n  plaats: x\n  regio: r\n"),
            Some("- id: r\n  naam: R\n"),
            &Diagnostics::new(),
        )
    }

    fn statics() -> Vec<StaticFile> {
        vec![StaticFile {
            out: "bestanden/plan.pdf".into(),
            source: PathBuf::from("/nonexistent"),
            size: 2345,
        }]
    }

    #[test]
    fn sizes_in_dutch() {
        assert_eq!(grootte_nl(0), "0 bytes");
        assert_eq!(grootte_nl(1), "1 byte");
        assert_eq!(grootte_nl(999), "999 bytes");
        assert_eq!(grootte_nl(1000), "1 kB");
        assert_eq!(grootte_nl(1001), "2 kB");
        assert_eq!(grootte_nl(240_000), "240 kB");
        assert_eq!(grootte_nl(999_499), "999 kB");
        assert_eq!(grootte_nl(999_500), "1 MB");
        assert_eq!(grootte_nl(1_449_999), "1,4 MB");
        assert_eq!(grootte_nl(1_450_000), "1,5 MB");
        assert_eq!(grootte_nl(12_000_000), "12 MB");
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(formaat("bestanden/a.pdf"), "PDF");
        assert_eq!(formaat("a.PDF"), "PDF");
        assert_eq!(formaat("x/b.docx"), "Word");
        assert_eq!(formaat("c.xlsx"), "Excel");
        assert_eq!(formaat("d.zip"), "ZIP");
        assert_eq!(formaat("geen-extensie"), "Bestand");
    }

    #[test]
    fn parses_documents_newest_first() {
        let diags = Diagnostics::new();
        let yaml = "- werkplein: den-bosch\n  titel: Plan 2009\n  soort: ketenjaarplan\n  datum: 2009-01-15\n  bestand: bestanden/plan.pdf\n\
                    - titel: Handreiking\n  soort: handreiking\n  datum: 2009-06-01\n  bestand: /bestanden/plan.pdf\n";
        let d = parse(Some(yaml), &statics(), &data(), &diags);
        assert!(!diags.has_errors(), "{:?}", diags.into_sorted());
        assert_eq!(d.list.len(), 2);
        assert_eq!(d.list[0].titel, "Handreiking");
        assert_eq!(d.list[0].werkplein, None);
        assert_eq!(d.list[1].omschrijving(), "PDF, 3 kB");
        assert_eq!(d.of("den-bosch").count(), 1);
        assert_eq!(d.per_soort()[0], (Soort::Ketenjaarplan, 1));
    }

    #[test]
    fn reports_every_mistake_at_its_place() {
        let diags = Diagnostics::new();
        let yaml = "- werkplein: denbosch\n  titel: Plan\n  soort: ketenjaarplannen\n  datum: 2009-13-01\n  bestand: bestanden/plann.pdf\n\
                    - titel: Ander\n  soort: brief\n  datum: 2009-01-01\n  bestand: bestanden/weg.pdf\n";
        let d = parse(Some(yaml), &statics(), &data(), &diags);
        assert!(d.list.is_empty());
        let msgs: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect();
        let all = msgs.join("\n");
        assert!(
            all.contains("data/documenten.yaml:1:14: error: unknown werkplein 'denbosch'\n  = hint: did you mean 'den-bosch'?"),
            "{all}"
        );
        assert!(
            all.contains("data/documenten.yaml:3:10: error: unknown soort 'ketenjaarplannen'\n  = hint: did you mean 'ketenjaarplan'?"),
            "{all}"
        );
        assert!(
            all.contains(
                "data/documenten.yaml:4:10: error: 'datum' is not a valid date: '2009-13-01'"
            ),
            "{all}"
        );
        assert!(
            all.contains("data/documenten.yaml:5:12: error: file not found: static/bestanden/plann.pdf\n  = hint: did you mean 'bestanden/plan.pdf'?"),
            "{all}"
        );
        assert!(
            all.contains("data/documenten.yaml:7:10: error: unknown soort 'brief'\n  = hint: the soorten are: ketenjaarplan, marktbewerkingsplan, dienstverleningsconcept, handreiking, overig"),
            "{all}"
        );
        assert!(
            all.contains("data/documenten.yaml:9:12: error: file not found: static/bestanden/weg.pdf\n  = hint: put the file in static/bestanden/weg.pdf"),
            "{all}"
        );
        assert_eq!(msgs.len(), 6, "{all}");
    }

    #[test]
    fn missing_fields_and_no_file() {
        let diags = Diagnostics::new();
        assert!(parse(None, &[], &data(), &diags).list.is_empty());
        parse(Some("- titel: x\n"), &[], &data(), &diags);
        let d = diags.into_sorted();
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d.iter().all(|d| d.pos.line == 1));
    }
}

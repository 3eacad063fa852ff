//! The open data of the Landkaart: a CSV file per period and table (fasen, mijlpalen,
//! werkpleinen) and the national history. Not templates: their columns are fixed by SPEC §3.

use crate::landkaart::leren;
use crate::landkaart::scores::{truncate, verschil};
use crate::landkaart::{Landkaart, PeriodStats};
use crate::model::Site;
use crate::route::Route;
use crate::write::{Body, OutFile};

/// Every open-data file of the site.
pub(super) fn files(site: &Site) -> Vec<OutFile> {
    let Some(lk) = site.landkaart.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, p, stats) in lk.reported() {
        for (name, bytes) in period_csvs(site, lk, stats) {
            out.push(OutFile {
                path: Route::LandkaartCsv(&p.id, name).output(),
                body: Body::Bytes(bytes),
            });
        }
    }
    if lk.current_stats().is_some() {
        out.push(OutFile {
            path: Route::LandkaartHistorie.output(),
            body: Body::Bytes(history_csv(lk)),
        });
        out.push(OutFile {
            path: Route::LandkaartGroepen.output(),
            body: Body::Bytes(groups_csv(lk)),
        });
    }
    out
}

/// The open-data CSVs of a period: (file name, contents).
fn period_csvs(site: &Site, lk: &Landkaart, stats: &PeriodStats) -> Vec<(&'static str, Vec<u8>)> {
    let band_ids: Vec<&str> = lk.banden.iter().map(|b| b.id.as_str()).collect();
    let opt = |v: Option<f64>| v.map(|v| truncate(v).to_string()).unwrap_or_default();

    let mut fasen = Csv::new(&[&["fase", "gemiddelde"], &band_ids[..]].concat());
    let mut row = vec!["totaal".to_string(), opt(stats.total_mean)];
    row.extend(stats.total_bands.iter().map(u32::to_string));
    fasen.row(row);
    for (f, fase) in lk.fasen.iter().enumerate() {
        let mut row = vec![fase.id.clone(), opt(stats.fase_means[f])];
        row.extend(stats.fase_bands[f].iter().map(u32::to_string));
        fasen.row(row);
    }

    let mut mijlpalen = Csv::new(&[&["fase", "mijlpaal", "gemiddelde"], &band_ids[..]].concat());
    for (m, (f, mp)) in lk.mijlpalen.iter().enumerate() {
        let mut row = vec![
            lk.fasen[*f].id.clone(),
            mp.id.clone(),
            opt(stats.mijlpaal_means[m]),
        ];
        row.extend(stats.mijlpaal_bands[m].iter().map(u32::to_string));
        mijlpalen.row(row);
    }

    let fase_ids: Vec<&str> = lk.fasen.iter().map(|f| f.id.as_str()).collect();
    let mut werkpleinen = Csv::new(
        &[
            &["werkplein", "naam", "totaal", "band", "groep", "trend"],
            &fase_ids[..],
            &["verschil"],
        ]
        .concat(),
    );
    for w in &stats.werkpleinen {
        let naam = site
            .data
            .werkplein(&w.werkplein)
            .map_or("", |x| x.naam.as_str());
        let mut row = vec![
            w.werkplein.clone(),
            naam.to_string(),
            truncate(w.total).to_string(),
            lk.banden[w.band].id.clone(),
            lk.groepen[w.groep].id.clone(),
            w.trend.id().to_string(),
        ];
        row.extend(w.fasen.iter().map(|&f| opt(f)));
        row.push(
            w.previous
                .map(|p| verschil(w.total, p).to_string())
                .unwrap_or_default(),
        );
        werkpleinen.row(row);
    }
    vec![
        ("fasen.csv", fasen.finish()),
        ("mijlpalen.csv", mijlpalen.finish()),
        ("werkpleinen.csv", werkpleinen.finish()),
    ]
}

/// `/landkaart/historie.csv`.
fn history_csv(lk: &Landkaart) -> Vec<u8> {
    let mut csv = Csv::new(&["periode", "naam", "gemiddelde", "werkpleinen"]);
    for (_, p, s) in lk.reported() {
        csv.row(vec![
            p.id.clone(),
            p.naam.clone(),
            s.total_mean
                .map(|v| truncate(v).to_string())
                .unwrap_or_default(),
            s.werkpleinen.len().to_string(),
        ]);
    }
    csv.finish()
}

/// `/landkaart/groepen.csv` (SPEC §5.1): per period, oldest first, how many werkpleinen that
/// reported fall in each group.
fn groups_csv(lk: &Landkaart) -> Vec<u8> {
    let ids: Vec<&str> = lk.groepen.iter().map(|g| g.id.as_str()).collect();
    let mut csv = Csv::new(&[&["periode", "naam"], &ids[..]].concat());
    for (_, p, s) in lk.reported() {
        let mut row = vec![p.id.clone(), p.naam.clone()];
        row.extend(
            leren::group_counts(s, lk.groepen.len())
                .iter()
                .map(u32::to_string),
        );
        csv.row(row);
    }
    csv.finish()
}

/// A CSV file: UTF-8, `,`, LF, header row, quoting where needed, every cell passed through
/// [`crate::table::csv_cell`] so that no text runs as a formula in a spreadsheet.
struct Csv {
    writer: csv::Writer<Vec<u8>>,
}

impl Csv {
    fn new(header: &[&str]) -> Self {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = writer.write_record(
            header
                .iter()
                .map(|h| crate::table::csv_cell(h).into_owned()),
        );
        Csv { writer }
    }

    fn row(&mut self, cells: Vec<String>) {
        let _ = self
            .writer
            .write_record(cells.iter().map(|c| crate::table::csv_cell(c).into_owned()));
    }

    fn finish(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_lf() {
        let mut c = Csv::new(&["a", "b"]);
        c.row(vec!["x".into(), "Werkplein \"De Brug\", Oost".into()]);
        assert_eq!(
            String::from_utf8(c.finish()).unwrap(),
            "a,b\nx,\"Werkplein \"\"De Brug\"\", Oost\"\n"
        );
    }
}

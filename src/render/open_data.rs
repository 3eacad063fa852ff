//! Open data of every table (SPEC §5.4): every CSV file of the site, the registry that says
//! what each holds, and the page `/open-data/` that lists them with what each column means.
//!
//! **Adding a CSV**: write it through the one CSV writer [`Csv`] (or [`csv_bytes`], or a
//! `resultaten::Tabel`, which uses it), give it a [`Route`], collect it in [`files`], link it
//! next to its table (`<p class="open-data">`), and add one [`Soort`] line to [`SOORTEN`] with
//! its path pattern (`<x>` stands for one path segment). `tests/open_data.rs` fails for a CSV
//! without an entry here and for a table on a page without a CSV.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{PageInfo, Urls};
use super::{Built, Renderer};
use crate::landkaart::leren;
use crate::landkaart::scores::{truncate, verschil};
use crate::landkaart::{Landkaart, PeriodStats};
use crate::model::Site;
use crate::route::Route;

/// The Landkaart's CSVs: per period its tables, and the national history and groups.
fn landkaart_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let Some(lk) = site.landkaart.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, p, stats) in lk.reported() {
        for (name, bytes) in period_csvs(site, lk, stats) {
            out.push((Route::LandkaartCsv(&p.id, name).output(), bytes));
        }
    }
    if lk.current_stats().is_some() {
        out.push((Route::LandkaartHistorie.output(), history_csv(lk)));
        out.push((Route::LandkaartGroepen.output(), groups_csv(lk)));
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
/// reported fall in each group, and (last, as the page's table shows it, §5.4) how many reported.
fn groups_csv(lk: &Landkaart) -> Vec<u8> {
    let ids: Vec<&str> = lk.groepen.iter().map(|g| g.id.as_str()).collect();
    let mut csv = Csv::new(&[&["periode", "naam"], &ids[..], &["werkpleinen"]].concat());
    for (_, p, s) in lk.reported() {
        let mut row = vec![p.id.clone(), p.naam.clone()];
        row.extend(
            leren::group_counts(s, lk.groepen.len())
                .iter()
                .map(u32::to_string),
        );
        row.push(s.werkpleinen.len().to_string());
        csv.row(row);
    }
    csv.finish()
}

/// The open-data CSVs of a werkplein's Landkaart tables (its page shows the same figures):
/// `mijlpalen.csv` (a row per fase and per mijlpaal of its latest report) and `historie.csv`
/// (its total per period against the national average). Empty when it never reported.
fn werkplein_csvs(site: &Site, id: &str) -> Vec<(&'static str, Vec<u8>)> {
    let Some(lk) = site.landkaart.as_ref() else {
        return Vec::new();
    };
    // The period its page shows: its latest report (maybe before the current period).
    let Some(w) = lk
        .latest_report(lk.current, id)
        .and_then(|p| lk.score(p, id))
    else {
        return Vec::new();
    };
    let band = |v: f64| {
        lk.banden[crate::landkaart::scores::band_of(&lk.banden, v)]
            .id
            .clone()
    };
    let mut mijlpalen = Csv::new(&["fase", "mijlpaal", "score", "band"]);
    for (f, fase) in lk.fasen.iter().enumerate() {
        mijlpalen.row(vec![
            fase.id.clone(),
            String::new(),
            w.fasen[f]
                .map(|v| truncate(v).to_string())
                .unwrap_or_default(),
            w.fasen[f].map(band).unwrap_or_default(),
        ]);
        for m in lk.fase_ranges[f].clone() {
            let v = w.mijlpalen[m];
            mijlpalen.row(vec![
                fase.id.clone(),
                lk.mijlpalen[m].1.id.clone(),
                v.map(|v| v.to_string()).unwrap_or_default(),
                v.map(|v| band(f64::from(v))).unwrap_or_default(),
            ]);
        }
    }
    let mut historie = Csv::new(&["periode", "totaal", "landelijk"]);
    for (i, per, s) in lk.reported() {
        historie.row(vec![
            per.id.clone(),
            lk.score(i, id)
                .map(|x| truncate(x.total).to_string())
                .unwrap_or_default(),
            s.total_mean
                .map(|v| truncate(v).to_string())
                .unwrap_or_default(),
        ]);
    }
    vec![
        ("mijlpalen.csv", mijlpalen.finish()),
        ("historie.csv", historie.finish()),
    ]
}

/// Every open-data CSV of the site: (output path, contents), sorted by path. Computed once per
/// render ([`super::Renderer`] keeps them): `/open-data/` lists them and the pages link to them.
pub(super) fn files(site: &Site, urls: Urls) -> Vec<(String, Vec<u8>)> {
    let mut out = landkaart_files(site);
    for w in &site.data.werkpleinen {
        for (name, bytes) in werkplein_csvs(site, &w.id) {
            out.push((Route::WerkpleinCsv(&w.id, name).output(), bytes));
        }
        if let Some(bytes) = super::leren::vergelijking_csv(site, &w.id) {
            let route = Route::WerkpleinCsv(&w.id, "vergelijking-landkaart.csv");
            out.push((route.output(), bytes));
        }
    }
    // The Markdown tables editors write, next to their page.
    for p in &site.pages {
        for (n, table) in p.analysis.tables.iter().enumerate() {
            out.push((Route::TabelCsv(&p.url, n + 1).output(), table_csv(table)));
        }
    }
    if let Some(b) = site.bvg.as_ref().filter(|_| super::bvg::present(site)) {
        out.extend(super::bvg::csvs(site, b));
    }
    if let Some(c) = &site.criteria {
        out.extend(super::criteria::csvs(site, c));
    }
    out.extend(
        super::resultaten::csv_tabellen(site, urls)
            .into_iter()
            .map(|t| (t.pad.clone(), t.csv())),
    );
    out.sort_by(|a, b| a.0.cmp(&b.0));
    let catalogue = catalogue_csv(&out, &site.config.base_url.origin, urls);
    out.push((Route::OpenDataCatalogue.output(), catalogue));
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The catalogue of the open-data `files`: a row per file with its path, its URL and the title
/// of its kind. `/open-data/` lists a kind's files up to [`SHOWN`]; this lists them all.
fn catalogue_csv(files: &[(String, Vec<u8>)], origin: &str, urls: Urls) -> Vec<u8> {
    let own = Route::OpenDataCatalogue.output();
    let mut paden: Vec<&String> = files.iter().map(|(pad, _)| pad).chain([&own]).collect();
    paden.sort();
    csv_bytes(
        &["pad", "url", "soort"],
        paden.into_iter().map(|pad| {
            vec![
                pad.clone(),
                format!("{origin}{}", urls.path(pad)),
                soort_van(pad).map_or("", |s| s.titel).to_string(),
            ]
        }),
    )
}

/// How many files of one kind `/open-data/` links to; the rest are in the catalogue (the page
/// would otherwise grow with every practice that has a table: 2 MB at 10,000).
const SHOWN: usize = 50;

/// A Markdown table as CSV: its header row, then every row padded to the header's width.
fn table_csv(table: &[Vec<String>]) -> Vec<u8> {
    let width = table.first().map_or(0, Vec::len);
    let header: Vec<&str> = table
        .first()
        .map_or(Vec::new(), |h| h.iter().map(String::as_str).collect());
    let mut csv = Csv::new(&header);
    for row in table.iter().skip(1) {
        let mut row = row.clone();
        row.resize(width, String::new());
        csv.row(row);
    }
    csv.finish()
}

/// A kind of CSV file: where it is written, what it holds, and its columns.
#[derive(Debug, Clone, Copy)]
pub(super) struct Soort {
    /// Output path; `<x>` matches one segment (`landkaart/<periode>/fasen.csv`).
    pub pad: &'static str,
    pub titel: &'static str,
    /// Which table it copies and what a row is.
    pub toelichting: &'static str,
    /// (column, meaning); `<…>` names a group of columns that come from the data.
    pub kolommen: &'static [(&'static str, &'static str)],
}

const fn soort(
    pad: &'static str,
    titel: &'static str,
    toelichting: &'static str,
    kolommen: &'static [(&'static str, &'static str)],
) -> Soort {
    Soort {
        pad,
        titel,
        toelichting,
        kolommen,
    }
}

const LANDKAART_SCORE: &str = "percentage, heel getal, naar beneden afgerond (95,9 wordt 95)";
const CIJFER: &str = "rapportcijfer met één decimaal (punt als decimaalteken); leeg: niet gemeten";
const PROCENT: &str = "percentage, heel getal, naar beneden afgerond; leeg: niet bekend";

/// Every kind of CSV the site publishes. One line per kind: other page families add theirs.
pub(super) const SOORTEN: &[Soort] = &[
    soort(
        "landkaart/<periode>/fasen.csv",
        "Landkaart: scoreverdeling per fase",
        "De tabel Scoreverdeling per fase van een tertaal. Eerste rij: de totaalscores; dan een rij per fase.",
        &[
            ("fase", "id van de fase, of totaal"),
            ("gemiddelde", LANDKAART_SCORE),
            (
                "<band-ids>",
                "aantal werkpleinen per scoreband (ids uit landkaart.yaml, in die volgorde)",
            ),
        ],
    ),
    soort(
        "landkaart/<periode>/mijlpalen.csv",
        "Landkaart: scoreverdeling per mijlpaal",
        "De tabel Scoreverdeling per mijlpaal van een tertaal, een rij per mijlpaal.",
        &[
            ("fase", "id van de fase"),
            ("mijlpaal", "id van de mijlpaal"),
            ("gemiddelde", LANDKAART_SCORE),
            ("<band-ids>", "aantal werkpleinen per scoreband"),
        ],
    ),
    soort(
        "landkaart/<periode>/werkpleinen.csv",
        "Landkaart: alle werkpleinen van een tertaal",
        "De tabel Alle werkpleinen van een tertaal, een rij per werkplein dat rapporteerde, op id.",
        &[
            ("werkplein", "id van het werkplein"),
            ("naam", "naam van het werkplein"),
            ("totaal", LANDKAART_SCORE),
            ("band", "id van de scoreband van de totaalscore"),
            ("groep", "id van de groep"),
            ("trend", "vooruit, gelijk, achteruit of nieuw"),
            ("<fase-ids>", "score per fase"),
            (
                "verschil",
                "totaalscore min die van de vorige rapportage, in procentpunten; leeg: nieuw",
            ),
        ],
    ),
    soort(
        "landkaart/historie.csv",
        "Landkaart: landelijk gemiddelde per tertaal",
        "De tabel Landelijk gemiddelde per tertaal, oudste eerst.",
        &[
            ("periode", "id van het tertaal"),
            ("naam", "naam van het tertaal"),
            ("gemiddelde", LANDKAART_SCORE),
            ("werkpleinen", "aantal werkpleinen dat rapporteerde"),
        ],
    ),
    soort(
        "landkaart/groepen.csv",
        "Landkaart: werkpleinen per groep en tertaal",
        "De tabel Groepen per tertaal, oudste eerst: hoeveel werkpleinen die rapporteerden in elke groep vallen.",
        &[
            ("periode", "id van het tertaal"),
            ("naam", "naam van het tertaal"),
            (
                "<groep-ids>",
                "aantal werkpleinen per groep (ids uit landkaart.yaml, in die volgorde)",
            ),
            ("werkpleinen", "aantal werkpleinen dat rapporteerde"),
        ],
    ),
    soort(
        "bvg/kwartalen.csv",
        "BVG-monitor: status per kwartaal",
        "De tabel op /bvg/: per kwartaal hoeveel werkpleinen elke status hadden aan het eind ervan.",
        &[
            ("kwartaal", "id van het kwartaal"),
            ("naam", "naam van het kwartaal"),
            (
                "<status-ids>",
                "aantal werkpleinen met die status (ids uit bvg.yaml, in die volgorde)",
            ),
            ("totaal", "aantal werkpleinen met een status"),
        ],
    ),
    soort(
        "bvg/werkpleinen.csv",
        "BVG-monitor: status per werkplein",
        "De huidige status van elk werkplein in de BVG-monitor, op id.",
        &[
            ("werkplein", "id van het werkplein"),
            ("naam", "naam van het werkplein"),
            ("status", "id van de status (bvg.yaml)"),
            ("sinds", "datum van die status, JJJJ-MM-DD"),
        ],
    ),
    soort(
        "criteria/eisen.csv",
        "Werkplein-criteria: per eis",
        "De tabel op /criteria/: per eis van de huidige meting hoeveel werkpleinen eraan voldoen.",
        &[
            ("criterium", "id van het criterium (criteria.yaml)"),
            ("eis", "id van de eis"),
            ("ja", "aantal werkpleinen dat aan de eis voldoet"),
            ("nee", "aantal werkpleinen dat er niet aan voldoet"),
            ("onbekend", "aantal werkpleinen zonder antwoord"),
            (
                "aandeel",
                "ja als percentage van de werkpleinen in de meting, heel getal, halven naar boven afgerond",
            ),
        ],
    ),
    soort(
        "criteria/werkpleinen.csv",
        "Werkplein-criteria: per werkplein",
        "Elk werkplein in de huidige meting met zijn antwoord per eis, op id.",
        &[
            ("werkplein", "id van het werkplein"),
            ("naam", "naam van het werkplein"),
            ("ja", "aantal eisen waaraan het voldoet"),
            (
                "voldoet",
                "ja als het aan alle eisen voldoet (de minimale eisen van een Werkplein), anders nee",
            ),
            ("<eis-ids>", "ja, nee of leeg (niet bekend), per eis"),
        ],
    ),
    soort(
        "criteria/ontbreekt.csv",
        "Werkplein-criteria: wat nog ontbreekt",
        "De tabel Wat nog ontbreekt op /criteria/: de werkpleinen die nog niet aan alle eisen voldoen, wie het dichtst bij is eerst.",
        &[
            ("werkplein", "id van het werkplein"),
            ("naam", "naam van het werkplein"),
            ("ja", "aantal eisen waaraan het voldoet"),
            ("<eis-ids>", "ja, nee of leeg (niet bekend), per eis"),
        ],
    ),
    soort(
        "werkpleinen/werkpleinen.csv",
        "Alle werkpleinen",
        "De tabel op /werkpleinen/: elk werkplein met plaats, regio en de stand op de Landkaart.",
        &[
            ("werkplein", "id van het werkplein"),
            ("plaats", "plaats"),
            ("regio", "id van de arbeidsmarktregio"),
            ("totaal", LANDKAART_SCORE),
            ("band", "id van de scoreband"),
            ("groep", "id van de groep"),
            ("trend", "vooruit, gelijk, achteruit of nieuw"),
        ],
    ),
    soort(
        "resultaten/werkpleinen.csv",
        "Resultaten per werkplein",
        "De benchmark op /resultaten/: elk werkplein met resultaten in de laatste meting en de laatste 12 maanden.",
        &[
            ("werkplein", "id van het werkplein"),
            ("regio", "id van de arbeidsmarktregio"),
            ("district", "id van het district"),
            ("rapportcijfer", CIJFER),
            (
                "verschil",
                "rapportcijfer min streefwaarde, één decimaal, met teken",
            ),
            ("uitstroom", "uitstroom naar werk in de laatste 12 maanden"),
            (
                "streefwaarde_uitstroom",
                "som van de streefwaarden van de maanden die er een hebben",
            ),
            (
                "realisatie",
                "uitstroom in die maanden als percentage van die streefwaarde, naar beneden afgerond",
            ),
            (
                "<werkgeversprincipes>",
                "werkgevers die het eens zijn, % per principe (ids uit resultaten.yaml)",
            ),
        ],
    ),
    soort(
        "resultaten/regios.csv",
        "Resultaten: gemiddelden per arbeidsmarktregio",
        "Per regio het gemiddelde van de werkpleinen; laatste rij landelijk.",
        &[
            ("regio", "id van de regio, of landelijk"),
            ("gemeten", "werkpleinen met een rapportcijfer"),
            (
                "rapportcijfer",
                "gemiddeld rapportcijfer (ongewogen), één decimaal",
            ),
            ("onder_streefwaarde", "werkpleinen onder de streefwaarde"),
            ("realisatie", "uitstroom als % van de streefwaarde, samen"),
            (
                "onder_norm",
                "werkpleinen die minder dan de norm van hun streefwaarde uitstroom realiseren",
            ),
            ("<werkgeversprincipes>", "gemiddeld % eens per principe"),
        ],
    ),
    soort(
        "resultaten/districten.csv",
        "Resultaten: gemiddelden per district",
        "Als regios.csv, per district van UWV WERKbedrijf.",
        &[
            ("district", "id van het district, of landelijk"),
            ("gemeten … <werkgeversprincipes>", "als in regios.csv"),
        ],
    ),
    soort(
        "resultaten/metingen.csv",
        "Resultaten: landelijk rapportcijfer per meting",
        "Het landelijk gemiddelde per meting naast de streefwaarde van dat jaar.",
        &[
            ("meting", "jaar-nummer, bijvoorbeeld 2010-1"),
            ("gemiddelde", CIJFER),
            ("streefwaarde", "streefwaarde van het jaar van de meting"),
            ("gemeten", "werkpleinen met een rapportcijfer"),
            ("onder_streefwaarde", "werkpleinen onder de streefwaarde"),
        ],
    ),
    soort(
        "resultaten/klantprincipes.csv",
        "Resultaten: klantprincipes werkzoekenden, landelijk",
        "Het landelijk gemiddelde per klantprincipe in de laatste meting.",
        &[
            ("principe", "id van het klantprincipe (resultaten.yaml)"),
            ("gemiddelde", CIJFER),
        ],
    ),
    soort(
        "resultaten/werkgevers.csv",
        "Resultaten: werkgeverstevredenheid, landelijk",
        "Het landelijk gemiddelde per principe in de laatste werkgeversmeting.",
        &[("principe", "id van het principe"), ("gemiddelde", PROCENT)],
    ),
    soort(
        "districten/districten.csv",
        "De districten",
        "De tabel op /districten/.",
        &[
            ("district", "id"),
            ("werkpleinen", "aantal werkpleinen"),
            (
                "landkaart",
                "gemiddelde totaalscore op de Landkaart (huidig tertaal)",
            ),
            ("rapportcijfer", "gemiddeld rapportcijfer"),
            ("onder_streefwaarde", "werkpleinen onder de streefwaarde"),
            ("realisatie", "uitstroom als % van de streefwaarde"),
        ],
    ),
    soort(
        "districten/<district>/werkpleinen.csv",
        "District: werkpleinen",
        "De werkpleinen van een district met hun stand op de Landkaart.",
        &[
            ("werkplein", "id van het werkplein"),
            ("plaats", "plaats"),
            ("regio", "id van de regio"),
            ("totaal", LANDKAART_SCORE),
            ("band", "id van de scoreband"),
            ("trend", "trend"),
        ],
    ),
    soort(
        "districten/<district>/resultaten.csv",
        "District: resultaten van de werkpleinen",
        "De werkpleinen van een district in de benchmark; laatste rijen het gemiddelde van het district en het landelijk gemiddelde.",
        &[
            ("werkplein", "id van het werkplein, gemiddelde of landelijk"),
            ("rapportcijfer", CIJFER),
            ("verschil", "min de streefwaarde"),
            ("uitstroom", "12 maanden"),
            ("streefwaarde_uitstroom", "som van de streefwaarden"),
            ("realisatie", PROCENT),
        ],
    ),
    soort(
        "districten/<district>/klantprincipes.csv",
        "District: klantprincipes",
        "Per klantprincipe het gemiddelde van het district en het landelijk gemiddelde.",
        &[
            ("principe", "id"),
            ("gemiddelde", CIJFER),
            ("landelijk", CIJFER),
        ],
    ),
    soort(
        "districten/<district>/fasen.csv",
        "District: Landkaart per fase",
        "Gemiddelde score per fase van het district en landelijk.",
        &[
            ("fase", "id"),
            ("gemiddelde", LANDKAART_SCORE),
            ("landelijk", LANDKAART_SCORE),
        ],
    ),
    soort(
        "regios/<regio>/werkpleinen.csv",
        "Regio: werkpleinen",
        "De werkpleinen van een arbeidsmarktregio met hun stand op de Landkaart.",
        &[
            ("werkplein", "id van het werkplein"),
            ("plaats", "plaats"),
            ("totaal", LANDKAART_SCORE),
            ("band", "id van de scoreband"),
            ("trend", "trend"),
        ],
    ),
    soort(
        "regios/<regio>/resultaten.csv",
        "Regio: resultaten van de werkpleinen",
        "Als bij een district.",
        &[
            ("werkplein", "id van het werkplein, gemiddelde of landelijk"),
            (
                "rapportcijfer … realisatie",
                "als districten/<district>/resultaten.csv",
            ),
        ],
    ),
    soort(
        "regios/<regio>/klantprincipes.csv",
        "Regio: klantprincipes",
        "Per klantprincipe het gemiddelde van de regio en het landelijk gemiddelde.",
        &[
            ("principe", "id"),
            ("gemiddelde", CIJFER),
            ("landelijk", CIJFER),
        ],
    ),
    soort(
        "regios/<regio>/fasen.csv",
        "Regio: Landkaart per fase",
        "Gemiddelde score per fase van de regio en landelijk.",
        &[
            ("fase", "id"),
            ("gemiddelde", LANDKAART_SCORE),
            ("landelijk", LANDKAART_SCORE),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/vergelijking.csv",
        "Werkplein: vergelijking",
        "Rapportcijfer en gerealiseerde uitstroom van het werkplein naast regio, district, land en streefwaarde.",
        &[
            ("indicator", "rapportcijfer of uitstroom_realisatie"),
            ("werkplein", "waarde van het werkplein"),
            ("regio", "gemiddelde van de regio"),
            ("district", "gemiddelde van het district"),
            ("landelijk", "landelijk gemiddelde"),
            ("streefwaarde", "streefwaarde, of de norm in %"),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/klanttevredenheid.csv",
        "Werkplein: klanttevredenheid per meting",
        "Het rapportcijfer per meting.",
        &[
            ("meting", "jaar-nummer"),
            ("rapportcijfer", CIJFER),
            ("streefwaarde", "van het jaar van de meting"),
            ("respondenten", "aantal"),
            ("landelijk", "landelijk gemiddelde van de meting"),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/klantprincipes.csv",
        "Werkplein: klantprincipes",
        "Per klantprincipe het rapportcijfer van de laatste meting met principes, en landelijk.",
        &[
            ("principe", "id"),
            ("rapportcijfer", CIJFER),
            ("landelijk", CIJFER),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/werkgeverstevredenheid.csv",
        "Werkplein: werkgeverstevredenheid",
        "Per principe het % werkgevers dat het eens is, en landelijk.",
        &[
            ("principe", "id"),
            ("eens", PROCENT),
            ("landelijk", PROCENT),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/uitstroom.csv",
        "Werkplein: uitstroom naar werk per maand",
        "Per maand de uitstroom en de streefwaarde.",
        &[
            ("maand", "JJJJ-MM"),
            ("uitstroom", "aantal"),
            ("streefwaarde", "aantal; leeg: geen"),
        ],
    ),
    soort(
        "open-data/bestanden.csv",
        "Alle bestanden",
        "De lijst van alle CSV-bestanden van deze site, een rij per bestand. Op deze pagina staat van elke soort een deel; hier staan ze allemaal.",
        &[
            ("pad", "pad van het bestand in de site"),
            ("url", "volledige URL van het bestand"),
            ("soort", "de soort bestand, zoals de kopjes op deze pagina"),
        ],
    ),
    soort(
        "**/tabel-<n>.csv",
        "Tabellen in de tekst",
        "Elke tabel in een tekst (praktijkvoorbeeld, journaal, kaderdocument, pagina) staat naast die pagina als tabel-1.csv, tabel-2.csv, … in de volgorde van de tekst.",
        &[(
            "<kopregel>",
            "de kolomkoppen van de tabel; de cellen zoals ze op de pagina staan",
        )],
    ),
    soort(
        "werkpleinen/<werkplein>/mijlpalen.csv",
        "Werkplein: Landkaart per mijlpaal",
        "De score van het werkplein per fase en per mijlpaal in zijn laatste rapportage (het tertaal dat zijn pagina toont).",
        &[
            ("fase", "id van de fase"),
            (
                "mijlpaal",
                "id van de mijlpaal; leeg in de rij van de fase zelf",
            ),
            ("score", LANDKAART_SCORE),
            ("band", "id van de scoreband"),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/vergelijking-landkaart.csv",
        "Werkplein: Landkaart naast regio, groep en land",
        "De tabel Score per fase en mijlpaal naast regio, groep en land van de werkpleinpagina, in het tertaal van zijn laatste rapportage: een rij per fase, gevolgd door een rij per mijlpaal van die fase.",
        &[
            ("fase", "id van de fase"),
            (
                "mijlpaal",
                "id van de mijlpaal; leeg in de rij van de fase zelf",
            ),
            ("werkplein", LANDKAART_SCORE),
            (
                "regio",
                "gemiddelde van de werkpleinen in zijn regio die dat tertaal rapporteerden",
            ),
            ("groep", "gemiddelde van de werkpleinen in zijn groep"),
            ("landelijk", "landelijk gemiddelde"),
        ],
    ),
    soort(
        "werkpleinen/<werkplein>/historie.csv",
        "Werkplein: Landkaart per tertaal",
        "De totaalscore van het werkplein per tertaal naast het landelijk gemiddelde.",
        &[
            ("periode", "id van het tertaal"),
            (
                "totaal",
                "percentage, naar beneden afgerond; leeg: niet gerapporteerd",
            ),
            ("landelijk", LANDKAART_SCORE),
        ],
    ),
];

/// Whether `pad` matches the pattern `pattern`: `<x>` inside a segment matches any non-empty
/// text, a leading `**/` any number of segments (also none).
pub(super) fn matches(pattern: &str, pad: &str) -> bool {
    let segment = |p: &str, f: &str| match (p.find('<'), p.rfind('>')) {
        (Some(a), Some(b)) if a < b => {
            let (pre, post) = (&p[..a], &p[b + 1..]);
            f.len() > pre.len() + post.len() && f.starts_with(pre) && f.ends_with(post)
        }
        _ => p == f,
    };
    let f: Vec<&str> = pad.split('/').collect();
    match pattern.strip_prefix("**/") {
        Some(rest) => {
            let p: Vec<&str> = rest.split('/').collect();
            f.len() >= p.len()
                && p.iter()
                    .zip(&f[f.len() - p.len()..])
                    .all(|(p, f)| segment(p, f))
        }
        None => {
            let p: Vec<&str> = pattern.split('/').collect();
            p.len() == f.len() && p.iter().zip(&f).all(|(p, f)| segment(p, f))
        }
    }
}

/// The registry entry of a CSV path.
pub(super) fn soort_van(pad: &str) -> Option<&'static Soort> {
    SOORTEN.iter().find(|s| matches(s.pad, pad))
}

#[derive(Serialize)]
struct Kolom {
    naam: &'static str,
    betekenis: &'static str,
}

#[derive(Serialize)]
struct Link {
    pad: String,
    url: String,
}

#[derive(Serialize)]
struct Groep {
    id: String,
    titel: &'static str,
    pad: &'static str,
    toelichting: &'static str,
    kolommen: Vec<Kolom>,
    /// The first [`SHOWN`] files of this kind.
    bestanden: Vec<Link>,
    /// How many files of this kind there are.
    aantal: usize,
}

/// The context of `/open-data/`.
#[derive(Serialize)]
struct Pagina {
    groepen: Vec<Groep>,
    aantal: usize,
    /// How many files of each kind are linked ([`SHOWN`]).
    per_soort: usize,
    /// The catalogue of all files.
    catalogus: Link,
    /// CSVs without an entry in [`SOORTEN`] (a bug: every file must be described).
    onbeschreven: Vec<Link>,
}

/// Lists the written CSV `paden` under their registry entries, in registry order.
fn pagina(urls: Urls, paden: &[&str]) -> Pagina {
    let groepen = SOORTEN
        .iter()
        .map(|s| {
            let mut of_kind = paden.iter().filter(|p| matches(s.pad, p));
            let bestanden: Vec<Link> = of_kind
                .by_ref()
                .take(SHOWN)
                .map(|p| Link {
                    pad: p.to_string(),
                    url: urls.path(p),
                })
                .collect();
            Groep {
                id: crate::text::slugify(s.pad),
                titel: s.titel,
                pad: s.pad,
                toelichting: s.toelichting,
                kolommen: s
                    .kolommen
                    .iter()
                    .map(|&(naam, betekenis)| Kolom { naam, betekenis })
                    .collect(),
                aantal: bestanden.len() + of_kind.count(),
                bestanden,
            }
        })
        .filter(|g| g.aantal > 0)
        .collect();
    let catalogus = Route::OpenDataCatalogue.output();
    Pagina {
        groepen,
        aantal: paden.len(),
        per_soort: SHOWN,
        catalogus: Link {
            url: urls.path(&catalogus),
            pad: catalogus,
        },
        onbeschreven: paden
            .iter()
            .filter(|p| soort_van(p).is_none())
            .map(|p| Link {
                pad: p.to_string(),
                url: urls.path(p),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct OpenDataContext {
    page: PageInfo,
    open_data: Pagina,
}

/// `/open-data/`: every CSV of the site under its registry entry.
pub(super) fn page(r: &Renderer, d: &mut Deps) -> Built {
    // It lists the CSVs of the Markdown tables: any page's text can change them.
    let all = d.list(r.site, List::AllPages);
    for &i in all.iter() {
        d.text(i);
    }
    let paden: Vec<&str> = r.csvs.iter().map(|(p, _)| p.as_str()).collect();
    let ctx = OpenDataContext {
        page: r.info(
            "Open data",
            Route::OpenData,
            None,
            Some("Alle tabellen van deze site als CSV-bestand, met wat elke kolom betekent."),
            r.crumbs(&[]),
        ),
        open_data: pagina(r.urls, &paden),
    };
    Built::new("open_data.html", &ctx)
}

/// `csv_bytes(header, rows)`: a whole CSV file through [`Csv`].
pub(super) fn csv_bytes(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut csv = Csv::new(header);
    for r in rows {
        csv.row(r);
    }
    csv.finish()
}

/// A CSV file: UTF-8, `,`, LF, header row, quoting where needed, every cell passed through
/// [`crate::table::csv_cell`] so that no text runs as a formula in a spreadsheet.
pub(super) struct Csv {
    writer: csv::Writer<Vec<u8>>,
}

impl Csv {
    pub(super) fn new(header: &[&str]) -> Self {
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

    pub(super) fn row(&mut self, cells: Vec<String>) {
        let _ = self
            .writer
            .write_record(cells.iter().map(|c| crate::table::csv_cell(c).into_owned()));
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_one_segment_per_placeholder() {
        assert!(matches(
            "landkaart/<periode>/fasen.csv",
            "landkaart/2009-t2/fasen.csv"
        ));
        assert!(!matches(
            "landkaart/<periode>/fasen.csv",
            "landkaart/fasen.csv"
        ));
        assert!(!matches(
            "landkaart/<periode>/fasen.csv",
            "landkaart/a/b/fasen.csv"
        ));
        assert!(matches("landkaart/historie.csv", "landkaart/historie.csv"));
        assert_eq!(
            soort_van("werkpleinen/assen/uitstroom.csv").map(|s| s.pad),
            Some("werkpleinen/<werkplein>/uitstroom.csv")
        );
        assert_eq!(
            soort_van("werkpleinen/werkpleinen.csv").map(|s| s.pad),
            Some("werkpleinen/werkpleinen.csv"),
            "the fixed path before the pattern"
        );
        assert!(soort_van("x.csv").is_none());
        assert!(matches("**/tabel-<n>.csv", "tabel-1.csv"));
        assert!(matches(
            "**/tabel-<n>.csv",
            "kaderdocument/visie/tabel-12.csv"
        ));
        assert!(!matches(
            "**/tabel-<n>.csv",
            "kaderdocument/visie/tabel-.csv"
        ));
    }

    #[test]
    fn every_pattern_is_listed_once() {
        for (i, s) in SOORTEN.iter().enumerate() {
            assert!(s.pad.ends_with(".csv"), "{}", s.pad);
            assert!(!s.kolommen.is_empty(), "{}", s.pad);
            assert!(
                SOORTEN[..i].iter().all(|t| t.pad != s.pad),
                "{} twice",
                s.pad
            );
        }
    }

    #[test]
    fn csv_quotes_and_lf() {
        let mut c = Csv::new(&["a", "b"]);
        c.row(vec!["x".into(), "Werkplein \"De Brug\", Oost".into()]);
        assert_eq!(
            String::from_utf8(c.finish()).unwrap(),
            "a,b\nx,\"Werkplein \"\"De Brug\"\", Oost\"\n"
        );
    }

    #[test]
    fn a_formula_in_a_cell_is_neutralised() {
        let bytes = csv_bytes(&["a"], [vec!["=1+1".to_string()], vec!["-3".to_string()]]);
        assert_eq!(String::from_utf8(bytes).unwrap(), "a\n'=1+1\n-3\n");
    }
}

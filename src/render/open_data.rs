//! Open data of every table (SPEC §5.4): the registry of the site's CSV files and the context
//! of `/open-data/`, which lists them with what each column means.
//!
//! **Adding a CSV**: write it through the one CSV writer (`landkaart::Csv`, or a
//! `resultaten::Tabel`), link it next to its table (`<p class="open-data">`), and add one
//! [`Soort`] line to [`SOORTEN`] with its path pattern (`<x>` stands for one path segment).
//! `tests/open_data.rs` fails for a CSV without an entry here and for a table without a CSV.

use serde::Serialize;

use super::shapes::Urls;

/// A kind of CSV file: where it is written, what it holds, and its columns.
#[derive(Debug, Clone, Copy)]
pub struct Soort {
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
pub const SOORTEN: &[Soort] = &[
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
        "De score van het werkplein per fase en per mijlpaal in het huidige tertaal.",
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
pub fn matches(pattern: &str, pad: &str) -> bool {
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
pub fn soort_van(pad: &str) -> Option<&'static Soort> {
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
    bestanden: Vec<Link>,
}

/// The context of `/open-data/`.
#[derive(Serialize)]
pub struct Pagina {
    groepen: Vec<Groep>,
    aantal: usize,
    /// CSVs without an entry in [`SOORTEN`] (a bug: every file must be described).
    onbeschreven: Vec<Link>,
}

/// Lists the written CSV `paden` under their registry entries, in registry order.
pub fn pagina(urls: Urls, paden: &[&str]) -> Pagina {
    let groepen = SOORTEN
        .iter()
        .map(|s| Groep {
            id: crate::text::slugify(s.pad),
            titel: s.titel,
            pad: s.pad,
            toelichting: s.toelichting,
            kolommen: s
                .kolommen
                .iter()
                .map(|&(naam, betekenis)| Kolom { naam, betekenis })
                .collect(),
            bestanden: paden
                .iter()
                .filter(|p| matches(s.pad, p))
                .map(|p| Link {
                    pad: p.to_string(),
                    url: urls.path(p),
                })
                .collect(),
        })
        .filter(|g| !g.bestanden.is_empty())
        .collect();
    Pagina {
        groepen,
        aantal: paden.len(),
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
}

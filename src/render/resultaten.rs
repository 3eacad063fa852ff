//! The Resultaten benchmark on the site (SPEC §5.4): the context and open data of
//! `/resultaten/`, of `/districten/` and each district, and the Resultaten parts of the werkplein
//! and regio pages.
//!
//! Every table is built once as rows of display text ([`Tabel`]); the page shows those rows and
//! the CSV next to it is written from the same rows, so the two always hold the same figures.

use serde::Serialize;

use crate::landkaart::scores::truncate;
use crate::model::Site;
use crate::resultaten::Principe;
use crate::resultaten::benchmark::{Benchmark, Gemiddelde, Resultaat, Stand, Uitstroomtotaal};
use crate::text;

use crate::route::Route;
use crate::text::{decimal_nl, meting_naam};

use super::charts;
use super::open_data::Csv;
use super::shapes::{PageInfo, Ref, Urls};
use super::{Built, Renderer};

// ---------------------------------------------------------------------------------------------
// Figures as the tables show them and as the CSV holds them

/// A rapportcijfer as the CSV holds it: one decimal, `.` (`7.4`).
fn cijfer_csv(v: f64) -> String {
    format!("{v:.1}")
}

/// The difference with the streefwaarde, one decimal, signed: `+0.4`, `-0.2`, `0.0`.
fn verschil_csv(v: f64, s: f64) -> String {
    let d = format!("{:.1}", v - s);
    match d.as_str() {
        "-0.0" | "0.0" => "0.0".into(),
        d if d.starts_with('-') => d.into(),
        d => format!("+{d}"),
    }
}

/// A CSV figure as the page shows it: decimal comma, a real minus sign.
fn nl(csv: &str) -> String {
    crate::text::number_nl(csv)
}

/// A table column: its header, the CSV column it is in, and whether it sorts as a number.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Kolom {
    pub naam: String,
    pub csv: String,
    pub getal: bool,
}

fn kolom(naam: &str, csv: &str, getal: bool) -> Kolom {
    Kolom {
        naam: naam.to_string(),
        csv: csv.to_string(),
        getal,
    }
}

/// A table cell: its text (empty shows as "–"), a link, and the value it sorts by.
#[derive(Debug, Clone, Serialize, Default)]
pub(super) struct Cel {
    pub tekst: String,
    pub csv: String,
    pub url: Option<String>,
    pub waarde: Option<String>,
    /// `onder` / `boven`: the cell is marked as below / at or above its streefwaarde.
    pub stand: Option<&'static str>,
}

fn tekst(t: &str) -> Cel {
    Cel {
        tekst: t.to_string(),
        csv: t.to_string(),
        ..Cel::default()
    }
}

/// A text cell whose CSV holds an id: `naam` shown (linked), `id` in the file.
fn ref_cel(r: Option<&Ref>) -> Cel {
    match r {
        Some(r) => Cel {
            tekst: r.naam.clone(),
            csv: r.id.clone(),
            url: Some(r.url.clone()),
            waarde: Some(r.naam.clone()),
            stand: None,
        },
        None => Cel::default(),
    }
}

fn getal(csv: Option<String>) -> Cel {
    match csv {
        Some(c) => Cel {
            tekst: nl(&c),
            waarde: Some(c.trim_start_matches('+').to_string()),
            csv: c,
            ..Cel::default()
        },
        None => Cel {
            waarde: Some("-1000".into()),
            ..Cel::default()
        },
    }
}

fn cijfer(v: Option<f64>) -> Cel {
    getal(v.map(cijfer_csv))
}

fn procent(v: Option<f64>) -> Cel {
    let mut c = getal(v.map(|v| truncate(v).to_string()));
    if !c.tekst.is_empty() {
        c.tekst.push_str("\u{a0}%");
    }
    c
}

/// The first cell of a row per klantprincipe: its name, and its id in the CSV.
fn principe_cel(p: &Principe) -> Cel {
    Cel {
        tekst: p.naam.clone(),
        csv: p.id.clone(),
        ..Cel::default()
    }
}

fn aantal(v: Option<impl ToString>) -> Cel {
    getal(v.map(|v| v.to_string()))
}

fn met_stand(mut c: Cel, stand: Option<Stand>) -> Cel {
    c.stand = stand.map(Stand::id);
    c
}

/// A row: its cells, and filter tokens (regio, district, stand) for js/tabel.js.
#[derive(Debug, Clone, Serialize, Default)]
pub(super) struct Rij {
    pub cellen: Vec<Cel>,
    pub regio: String,
    pub district: String,
    pub stand: String,
    /// A summary row (national, regional mean), set apart from the sortable rows.
    pub totaal: bool,
}

/// A data table with its CSV copy.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Tabel {
    /// The element id (also the sorting/filter hook).
    pub id: String,
    pub titel: String,
    pub kolommen: Vec<Kolom>,
    pub rijen: Vec<Rij>,
    /// Summary rows (a group's mean, the national mean) after the sortable rows.
    pub totalen: Vec<Rij>,
    /// Output path of its CSV (without base path), and its URL.
    pub pad: String,
    pub csv_url: String,
    pub sorteerbaar: bool,
}

impl Tabel {
    fn new(urls: Urls, id: &str, titel: &str, csv: Route, kolommen: Vec<Kolom>) -> Self {
        Tabel {
            id: id.to_string(),
            titel: titel.to_string(),
            kolommen,
            rijen: Vec::new(),
            totalen: Vec::new(),
            pad: csv.output(),
            csv_url: urls.route(csv),
            sorteerbaar: false,
        }
    }

    fn rij(&mut self, cellen: Vec<Cel>) -> &mut Rij {
        self.rijen.push(Rij {
            cellen,
            ..Rij::default()
        });
        self.rijen.last_mut().expect("just pushed")
    }

    fn totaal_rij(&mut self, cellen: Vec<Cel>) {
        self.totalen.push(Rij {
            cellen,
            totaal: true,
            ..Rij::default()
        });
    }

    /// The CSV copy: a header of the CSV column names, then every row.
    pub(super) fn csv(&self) -> Vec<u8> {
        let header: Vec<&str> = self.kolommen.iter().map(|k| k.csv.as_str()).collect();
        let mut csv = Csv::new(&header);
        for r in self.rijen.iter().chain(&self.totalen) {
            csv.row(r.cellen.iter().map(|c| c.csv.clone()).collect());
        }
        csv.finish()
    }
}

// ---------------------------------------------------------------------------------------------
// The columns shared by the tables

fn principe_kolommen(principes: &[Principe], getal_naam: &str) -> Vec<Kolom> {
    principes
        .iter()
        .map(|p| Kolom {
            naam: format!("{} {getal_naam}", p.naam).trim().to_string(),
            csv: p.id.clone(),
            getal: true,
        })
        .collect()
}

fn uitstroom_cellen(u: Option<&Uitstroomtotaal>, norm: Option<f64>) -> Vec<Cel> {
    let real = u.and_then(Uitstroomtotaal::realisatie);
    vec![
        aantal(u.map(|u| u.uitstroom)),
        aantal(u.and_then(|u| u.streefwaarde)),
        met_stand(procent(real), real.zip(norm).map(|(r, n)| Stand::of(r, n))),
    ]
}

fn uitstroom_kolommen() -> Vec<Kolom> {
    vec![
        kolom("Uitstroom (12 mnd)", "uitstroom", true),
        kolom("Streefwaarde", "streefwaarde_uitstroom", true),
        kolom("Gerealiseerd", "realisatie", true),
    ]
}

/// The title words of the benchmark: meting, streefwaarde, window.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Kader {
    pub meting: Option<String>,
    pub meting_naam: Option<String>,
    pub streefwaarde: Option<String>,
    pub werkgevers_meting: Option<String>,
    pub venster: Option<String>,
    pub norm: Option<String>,
    pub url: String,
}

pub(super) fn kader(site: &Site, urls: Urls) -> Kader {
    let b = &site.benchmark;
    Kader {
        meting: b.meting.clone(),
        meting_naam: b.meting.as_deref().map(meting_naam),
        streefwaarde: b.streefwaarde.map(decimal_nl),
        werkgevers_meting: b.werkgevers_meting.clone(),
        venster: b.venster.as_ref().map(|(van, tot)| {
            let m = |x: &str| text::month_nl(x).unwrap_or_else(|| x.to_string());
            format!("{} t/m {}", m(van), m(tot))
        }),
        norm: b.uitstroom_norm.map(|n| truncate(n).to_string()),
        url: urls.route(Route::Resultaten),
    }
}

/// A group mean in words and figures, for the summaries.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Samenvatting {
    pub naam: String,
    pub gemeten: usize,
    pub rapportcijfer: Option<String>,
    pub boven: usize,
    pub onder: usize,
    /// Outflow and its streefwaarde in Dutch notation (`232.438`).
    pub uitstroom: Option<String>,
    pub streefwaarde: Option<String>,
    pub realisatie: Option<u32>,
    pub met_realisatie: usize,
    pub uitstroom_onder: usize,
}

fn samenvatting(naam: &str, g: &Gemiddelde) -> Samenvatting {
    Samenvatting {
        naam: naam.to_string(),
        gemeten: g.gemeten,
        rapportcijfer: g.rapportcijfer.map(decimal_nl),
        boven: g.boven,
        onder: g.onder,
        uitstroom: g.uitstroom.as_ref().map(|u| nl(&u.uitstroom.to_string())),
        streefwaarde: g
            .uitstroom
            .as_ref()
            .and_then(|u| u.streefwaarde)
            .map(|s| nl(&s.to_string())),
        realisatie: g
            .uitstroom
            .as_ref()
            .and_then(Uitstroomtotaal::realisatie)
            .map(truncate),
        met_realisatie: g.met_realisatie,
        uitstroom_onder: g.uitstroom_onder,
    }
}

/// An option of a table filter.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Optie {
    pub id: String,
    pub naam: String,
}

/// A werkplein in a list of who is above or below.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Lid {
    pub naam: String,
    pub url: String,
    pub waarde: String,
}

// ---------------------------------------------------------------------------------------------
// /resultaten/

/// The context of `/resultaten/`.
#[derive(Serialize)]
pub(super) struct Pagina {
    kader: Kader,
    landelijk: Samenvatting,
    werkpleinen: Tabel,
    regios: Tabel,
    districten: Option<Tabel>,
    metingen: Tabel,
    klantprincipes: Option<Tabel>,
    werkgevers: Option<Tabel>,
    /// Who is below and at/above the streefwaarde, and below the outflow norm, by name.
    klant_onder: Vec<Lid>,
    klant_boven: Vec<Lid>,
    uitstroom_onder: Vec<Lid>,
    regio_opties: Vec<Ref>,
    district_opties: Vec<Ref>,
    /// The "toon" filter: below / at or above the streefwaarden.
    stand_opties: Vec<Optie>,
    chart_metingen: Option<String>,
    chart_kaart: Option<String>,
}

/// Every table of `/resultaten/` (also the source of its CSVs).
struct Tabellen {
    werkpleinen: Tabel,
    regios: Tabel,
    districten: Option<Tabel>,
    metingen: Tabel,
    klantprincipes: Option<Tabel>,
    werkgevers: Option<Tabel>,
}

fn werkplein_ids(site: &Site, list: &[usize]) -> Vec<String> {
    list.iter()
        .map(|&i| site.data.werkpleinen[i].id.clone())
        .collect()
}

/// A row of means: its name, the number measured, mean rapportcijfer, below the streefwaarde,
/// realisation, below the norm, and the werkgevers principles.
fn gemiddelde_rij(naam: Cel, g: &Gemiddelde, b: &Benchmark) -> Vec<Cel> {
    let real = g.uitstroom.as_ref().and_then(Uitstroomtotaal::realisatie);
    let mut cellen = vec![
        naam,
        aantal(Some(g.gemeten as u32)),
        cijfer(g.rapportcijfer),
        aantal(b.streefwaarde.map(|_| g.onder as u32)),
        procent(real),
        aantal(b.uitstroom_norm.and(real).map(|_| g.uitstroom_onder as u32)),
    ];
    cellen.extend(g.werkgevers.iter().map(|&v| procent(v)));
    cellen
}

fn gemiddelde_kolommen(eerste: Kolom, site: &Site) -> Vec<Kolom> {
    let mut k = vec![
        eerste,
        kolom("Gemeten", "gemeten", true),
        kolom("Rapportcijfer", "rapportcijfer", true),
        kolom("Onder streefwaarde", "onder_streefwaarde", true),
        kolom("Uitstroom gerealiseerd", "realisatie", true),
        kolom("Onder norm uitstroom", "onder_norm", true),
    ];
    k.extend(principe_kolommen(
        &site.resultaten.principes_werkgevers,
        "(werkgevers)",
    ));
    k
}

/// The table of every werkplein with results, by name, with the filter tokens of its rows.
fn werkpleinen_resultaten(site: &Site, urls: Urls) -> Tabel {
    let b = &site.benchmark;
    let wg = &site.resultaten.principes_werkgevers;
    let mut kolommen = vec![
        kolom("Werkplein", "werkplein", false),
        kolom("Arbeidsmarktregio", "regio", false),
        kolom("District", "district", false),
        kolom("Rapportcijfer", "rapportcijfer", true),
        kolom("Verschil met streefwaarde", "verschil", true),
    ];
    kolommen.extend(uitstroom_kolommen());
    kolommen.extend(principe_kolommen(wg, "(werkgevers)"));
    let mut werkpleinen = Tabel::new(
        urls,
        "resultaten-tabel",
        "Resultaten per werkplein",
        Route::ResultatenCsv("werkpleinen.csv"),
        kolommen,
    );
    werkpleinen.sorteerbaar = true;
    let mut order: Vec<&(String, Resultaat)> = b.werkpleinen.iter().collect();
    let naam = |id: &String| {
        site.data
            .werkplein(id)
            .map_or(id.clone(), |w| w.naam.clone())
    };
    order.sort_by_cached_key(|(id, _)| {
        let n = naam(id);
        (text::sort_key(&n), n, id.clone())
    });
    for (id, r) in order {
        let Some(w) = site.data.werkplein(id) else {
            continue;
        };
        let regio = urls.regio(site, &w.regio);
        let district = w.district.as_deref().and_then(|d| urls.district(site, d));
        let ks = r.klant_stand(b.streefwaarde);
        let us = r.uitstroom_stand(b.uitstroom_norm);
        let mut cellen = vec![
            ref_cel(urls.werkplein(site, id).as_ref()),
            ref_cel(regio.as_ref()),
            ref_cel(district.as_ref()),
            met_stand(cijfer(r.rapportcijfer), ks),
            met_stand(
                getal(
                    r.rapportcijfer
                        .zip(b.streefwaarde)
                        .map(|(v, s)| verschil_csv(v, s)),
                ),
                ks,
            ),
        ];
        cellen.extend(uitstroom_cellen(r.uitstroom.as_ref(), b.uitstroom_norm));
        cellen.extend(r.werkgevers.iter().map(|&v| procent(v)));
        let rij = werkpleinen.rij(cellen);
        rij.regio = w.regio.clone();
        rij.district = w.district.clone().unwrap_or_default();
        let mut stand = Vec::new();
        if let Some(s) = ks {
            stand.push(format!("klant-{}", s.id()));
        }
        if let Some(s) = us {
            stand.push(format!("uitstroom-{}", s.id()));
        }
        rij.stand = stand.join(" ");
    }
    werkpleinen
}

/// The national mean per meting against the streefwaarde of its year.
fn metingen_tabel(site: &Site, urls: Urls) -> Tabel {
    let mut metingen = Tabel::new(
        urls,
        "resultaten-metingen",
        "Landelijk gemiddeld rapportcijfer per meting",
        Route::ResultatenCsv("metingen.csv"),
        vec![
            kolom("Meting", "meting", false),
            kolom("Landelijk gemiddelde", "gemiddelde", true),
            kolom("Streefwaarde", "streefwaarde", true),
            kolom("Gemeten", "gemeten", true),
            kolom("Onder streefwaarde", "onder_streefwaarde", true),
        ],
    );
    for (m, g) in meting_gemiddelden(site) {
        metingen.rij(vec![
            Cel {
                tekst: meting_naam(&m),
                csv: m.clone(),
                ..Cel::default()
            },
            cijfer(g.rapportcijfer),
            cijfer(site.resultaten.doelen.streefwaarde_meting(&m)),
            aantal(Some(g.gemeten as u32)),
            aantal(
                site.resultaten
                    .doelen
                    .streefwaarde_meting(&m)
                    .map(|_| g.onder as u32),
            ),
        ]);
    }
    metingen
}

fn tabellen(site: &Site, urls: Urls) -> Tabellen {
    let b = &site.benchmark;
    let wg = &site.resultaten.principes_werkgevers;
    let werkpleinen = werkpleinen_resultaten(site, urls);

    let landelijk = b.gemiddelde(b.werkpleinen.iter().map(|(id, _)| id.as_str()));
    let groep = |urls: Urls,
                 id: &str,
                 titel: &str,
                 pad: Route,
                 eerste: Kolom,
                 groepen: Vec<(Ref, Vec<String>)>| {
        let mut t = Tabel::new(urls, id, titel, pad, gemiddelde_kolommen(eerste, site));
        t.sorteerbaar = true;
        for (r, ids) in groepen {
            let g = b.gemiddelde(ids.iter().map(String::as_str));
            t.rij(gemiddelde_rij(ref_cel(Some(&r)), &g, b));
        }
        t.totaal_rij(gemiddelde_rij(
            Cel {
                tekst: "Landelijk".into(),
                csv: "landelijk".into(),
                ..Cel::default()
            },
            &landelijk,
            b,
        ));
        t
    };
    let mut regio_groepen: Vec<(Ref, Vec<String>)> = site
        .data
        .regios
        .iter()
        .filter_map(|r| {
            let list = site.werkpleinen_by_regio.get(&r.id)?;
            Some((urls.regio(site, &r.id)?, werkplein_ids(site, list)))
        })
        .collect();
    regio_groepen.sort_by(|a, b| text::cmp_names(&a.0.naam, &b.0.naam));
    let regios = groep(
        urls,
        "resultaten-regios",
        "Gemiddelden per arbeidsmarktregio",
        Route::ResultatenCsv("regios.csv"),
        kolom("Arbeidsmarktregio", "regio", false),
        regio_groepen,
    );
    let district_groepen: Vec<(Ref, Vec<String>)> = site
        .data
        .districten
        .iter()
        .filter_map(|d| {
            let list = site.werkpleinen_by_district.get(&d.id)?;
            Some((urls.district(site, &d.id)?, werkplein_ids(site, list)))
        })
        .collect();
    let districten = (!district_groepen.is_empty()).then(|| {
        groep(
            urls,
            "resultaten-districten",
            "Gemiddelden per district",
            Route::ResultatenCsv("districten.csv"),
            kolom("District", "district", false),
            district_groepen,
        )
    });

    let metingen = metingen_tabel(site, urls);

    let principes =
        |id: &str, titel: &str, pad: Route, list: &[Principe], means: &[Option<f64>], pct: bool| {
            let mut t = Tabel::new(
                urls,
                id,
                titel,
                pad,
                vec![
                    kolom("Principe", "principe", false),
                    kolom(
                        if pct {
                            "Eens (landelijk)"
                        } else {
                            "Rapportcijfer (landelijk)"
                        },
                        "gemiddelde",
                        true,
                    ),
                ],
            );
            for (p, &v) in list.iter().zip(means) {
                t.rij(vec![
                    principe_cel(p),
                    if pct { procent(v) } else { cijfer(v) },
                ]);
            }
            t
        };
    let klantprincipes = (!site.resultaten.principes_werkzoekenden.is_empty()
        && landelijk.principes.iter().any(Option::is_some))
    .then(|| {
        principes(
            "resultaten-klantprincipes",
            "Klantprincipes werkzoekenden: landelijk gemiddelde",
            Route::ResultatenCsv("klantprincipes.csv"),
            &site.resultaten.principes_werkzoekenden,
            &landelijk.principes,
            false,
        )
    });
    let werkgevers =
        (!wg.is_empty() && landelijk.werkgevers.iter().any(Option::is_some)).then(|| {
            principes(
                "resultaten-werkgevers",
                "Werkgeverstevredenheid: landelijk gemiddelde per principe",
                Route::ResultatenCsv("werkgevers.csv"),
                wg,
                &landelijk.werkgevers,
                true,
            )
        });
    Tabellen {
        werkpleinen,
        regios,
        districten,
        metingen,
        klantprincipes,
        werkgevers,
    }
}

/// The national mean of every meting (oldest first) with its streefwaarde.
fn meting_gemiddelden(site: &Site) -> Vec<(String, Gemiddelde)> {
    let r = &site.resultaten;
    let mut metingen: Vec<&String> = r.klant.values().flatten().map(|k| &k.meting).collect();
    metingen.sort();
    metingen.dedup();
    metingen
        .into_iter()
        .map(|m| {
            let rows: Vec<Resultaat> = r
                .klant
                .values()
                .filter_map(|l| l.iter().find(|k| &k.meting == m))
                .map(|k| Resultaat {
                    rapportcijfer: Some(k.rapportcijfer),
                    ..Resultaat::default()
                })
                .collect();
            let g = crate::resultaten::benchmark::gemiddelde(
                rows.iter(),
                r.doelen.streefwaarde_meting(m),
                None,
            );
            (m.clone(), g)
        })
        .collect()
}

fn leden(site: &Site, urls: Urls, filter: impl Fn(&Resultaat) -> Option<String>) -> Vec<Lid> {
    let mut out: Vec<Lid> = site
        .benchmark
        .werkpleinen
        .iter()
        .filter_map(|(id, r)| {
            let w = site.data.werkplein(id)?;
            Some(Lid {
                naam: w.naam.clone(),
                url: urls.route(Route::Werkplein(id)),
                waarde: filter(r)?,
            })
        })
        .collect();
    out.sort_by(|a, b| text::cmp_names(&a.naam, &b.naam));
    out
}

/// Whether the site has a benchmark (and so `/resultaten/`).
pub(super) fn present(site: &Site) -> bool {
    !site.benchmark.is_empty()
}

/// Context of `resultaten.html`.
#[derive(Serialize)]
struct PageContext {
    page: PageInfo,
    resultaten: Pagina,
}

/// `/resultaten/`: the benchmark of the latest meting and year.
pub(super) fn page(r: &Renderer) -> Built {
    let k = kader(r.site, r.urls);
    let description = format!(
        "De resultaten van alle werkpleinen naast de streefwaarden{}: klanttevredenheid, werkgeverstevredenheid en uitstroom naar werk, landelijk, per regio en per district.",
        k.meting_naam
            .as_deref()
            .map(|m| format!(", {m}"))
            .unwrap_or_default()
    );
    let ctx = PageContext {
        page: r.info(
            "Resultaten",
            Route::Resultaten,
            Some("resultaten"),
            Some(&description),
            r.crumbs(&[]),
        ),
        resultaten: pagina(r),
    };
    Built::new("resultaten.html", &ctx)
}

fn pagina(r: &Renderer) -> Pagina {
    let (site, urls) = (r.site, r.urls);
    let b = &site.benchmark;
    let t = tabellen(site, urls);
    let landelijk = b.gemiddelde(b.werkpleinen.iter().map(|(id, _)| id.as_str()));
    let klant = |want: Stand| {
        leden(site, urls, |r| {
            let v = r.rapportcijfer?;
            (r.klant_stand(b.streefwaarde)? == want).then(|| decimal_nl(v))
        })
    };
    let mut regio_opties: Vec<Ref> = site
        .data
        .regios
        .iter()
        .filter_map(|r| urls.regio(site, &r.id))
        .collect();
    regio_opties.sort_by(|a, b| text::cmp_names(&a.naam, &b.naam));
    let gemiddelden = meting_gemiddelden(site);
    let mut stand_opties = Vec::new();
    if let Some(s) = b.streefwaarde.map(decimal_nl) {
        stand_opties.push(Optie {
            id: "klant-onder".into(),
            naam: format!("Rapportcijfer onder {s}"),
        });
        stand_opties.push(Optie {
            id: "klant-boven".into(),
            naam: format!("Rapportcijfer {s} of hoger"),
        });
    }
    if let Some(n) = b.uitstroom_norm.map(truncate) {
        stand_opties.push(Optie {
            id: "uitstroom-onder".into(),
            naam: format!("Uitstroom onder {n} % van de streefwaarde"),
        });
        stand_opties.push(Optie {
            id: "uitstroom-boven".into(),
            naam: format!("Uitstroom {n} % van de streefwaarde of meer"),
        });
    }
    Pagina {
        stand_opties,
        kader: kader(site, urls),
        landelijk: samenvatting("Landelijk", &landelijk),
        klant_onder: klant(Stand::Onder),
        klant_boven: klant(Stand::Boven),
        uitstroom_onder: leden(site, urls, |r| {
            let real = r.uitstroom.as_ref()?.realisatie()?;
            (r.uitstroom_stand(b.uitstroom_norm)? == Stand::Onder)
                .then(|| format!("{}\u{a0}%", truncate(real)))
        }),
        regio_opties,
        district_opties: site
            .data
            .districten
            .iter()
            .filter_map(|d| urls.district(site, &d.id))
            .collect(),
        chart_metingen: (!gemiddelden.is_empty())
            .then(|| charts::resultaten_metingen(&r.charts, site, &gemiddelden)),
        chart_kaart: b
            .streefwaarde
            .is_some()
            .then(|| charts::resultaten_kaart(&r.charts, site, urls)),
        werkpleinen: t.werkpleinen,
        regios: t.regios,
        districten: t.districten,
        metingen: t.metingen,
        klantprincipes: t.klantprincipes,
        werkgevers: t.werkgevers,
    }
}

/// Every table that ends up as a CSV file: those of `/resultaten/`, of every district and
/// regio and of every werkplein.
pub(super) fn csv_tabellen(site: &Site, urls: Urls) -> Vec<Tabel> {
    let mut out = Vec::new();
    if !site.benchmark.is_empty() {
        let t = tabellen(site, urls);
        out.extend(
            [
                Some(t.werkpleinen),
                Some(t.regios),
                t.districten,
                Some(t.metingen),
                t.klantprincipes,
                t.werkgevers,
            ]
            .into_iter()
            .flatten(),
        );
    }
    out.push(werkpleinen_tabel(site, urls));
    out.extend(districten_tabel(site, urls));
    for d in &site.data.districten {
        if let Some(g) = groep_resultaten(site, urls, Groep::District(&d.id)) {
            out.extend(g.tabellen());
        }
        out.extend(groep_werkpleinen(site, urls, Groep::District(&d.id)));
        out.extend(groep_fasen(site, urls, Groep::District(&d.id)));
    }
    for r in &site.data.regios {
        if let Some(g) = groep_resultaten(site, urls, Groep::Regio(&r.id)) {
            out.extend(g.tabellen());
        }
        out.extend(groep_werkpleinen(site, urls, Groep::Regio(&r.id)));
        out.extend(groep_fasen(site, urls, Groep::Regio(&r.id)));
    }
    for w in &site.data.werkpleinen {
        if let Some(t) = werkplein_tabellen(site, urls, &w.id) {
            out.extend(t.alle());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Regio and district pages

/// A group of werkpleinen with a page: a regio or a district.
#[derive(Debug, Clone, Copy)]
pub(super) enum Groep<'a> {
    Regio(&'a str),
    District(&'a str),
}

impl Groep<'_> {
    fn leden<'s>(&self, site: &'s Site) -> &'s [usize] {
        match self {
            Groep::Regio(id) => site.werkpleinen_by_regio.get(*id),
            Groep::District(id) => site.werkpleinen_by_district.get(*id),
        }
        .map_or(&[][..], Vec::as_slice)
    }

    /// The route of one of its CSV files.
    fn csv<'n>(&self, name: &'n str) -> Route<'n>
    where
        Self: 'n,
    {
        match *self {
            Groep::Regio(id) => Route::RegioCsv(id, name),
            Groep::District(id) => Route::DistrictCsv(id, name),
        }
    }

    fn veld(&self) -> &'static str {
        match self {
            Groep::Regio(_) => "regio",
            Groep::District(_) => "district",
        }
    }

    fn id(&self) -> &str {
        match self {
            Groep::Regio(id) | Groep::District(id) => id,
        }
    }

    fn naam(&self, site: &Site) -> String {
        match self {
            Groep::Regio(id) => site
                .data
                .regio(id)
                .map_or(id.to_string(), |r| r.naam.clone()),
            Groep::District(id) => site
                .data
                .district(id)
                .map_or(id.to_string(), |d| d.naam.clone()),
        }
    }
}

/// The Resultaten part of a regio or district page.
#[derive(Serialize)]
pub(super) struct GroepResultaten {
    kader: Kader,
    naam: String,
    groep: Samenvatting,
    landelijk: Samenvatting,
    /// `/resultaten/?regio=<id>#resultaten-tabel`: the benchmark filtered on this group.
    benchmark_url: String,
    werkpleinen: Tabel,
    klantprincipes: Option<Tabel>,
    klant_onder: Vec<Lid>,
    uitstroom_onder: Vec<Lid>,
}

impl GroepResultaten {
    fn tabellen(self) -> Vec<Tabel> {
        std::iter::once(self.werkpleinen)
            .chain(self.klantprincipes)
            .collect()
    }
}

pub(super) fn groep_resultaten(site: &Site, urls: Urls, groep: Groep) -> Option<GroepResultaten> {
    let b = &site.benchmark;
    let leden = groep.leden(site);
    let ids = werkplein_ids(site, leden);
    if ids.iter().all(|id| b.get(id).is_none()) {
        return None;
    }
    let naam = groep.naam(site);
    let g = b.gemiddelde(ids.iter().map(String::as_str));
    let landelijk = b.gemiddelde(b.werkpleinen.iter().map(|(id, _)| id.as_str()));
    let mut kolommen = vec![
        kolom("Werkplein", "werkplein", false),
        kolom("Rapportcijfer", "rapportcijfer", true),
        kolom("Verschil met streefwaarde", "verschil", true),
    ];
    kolommen.extend(uitstroom_kolommen());
    let mut werkpleinen = Tabel::new(
        urls,
        &format!("{}-resultaten", groep.veld()),
        &format!("Resultaten van de werkpleinen in {naam}"),
        groep.csv("resultaten.csv"),
        kolommen,
    );
    werkpleinen.sorteerbaar = true;
    let mut klant_onder = Vec::new();
    let mut uitstroom_onder = Vec::new();
    for &i in leden {
        let w = &site.data.werkpleinen[i];
        let r = b.get(&w.id).cloned().unwrap_or_default();
        let ks = r.klant_stand(b.streefwaarde);
        let us = r.uitstroom_stand(b.uitstroom_norm);
        let mut cellen = vec![
            ref_cel(urls.werkplein(site, &w.id).as_ref()),
            met_stand(cijfer(r.rapportcijfer), ks),
            met_stand(
                getal(
                    r.rapportcijfer
                        .zip(b.streefwaarde)
                        .map(|(v, s)| verschil_csv(v, s)),
                ),
                ks,
            ),
        ];
        cellen.extend(uitstroom_cellen(r.uitstroom.as_ref(), b.uitstroom_norm));
        werkpleinen.rij(cellen);
        let lid = |waarde: String| Lid {
            naam: w.naam.clone(),
            url: urls.route(Route::Werkplein(&w.id)),
            waarde,
        };
        if ks == Some(Stand::Onder) {
            klant_onder.push(lid(r.rapportcijfer.map(decimal_nl).unwrap_or_default()));
        }
        if us == Some(Stand::Onder) {
            let real = r.uitstroom.as_ref().and_then(Uitstroomtotaal::realisatie);
            uitstroom_onder.push(lid(real
                .map(|v| format!("{}\u{a0}%", truncate(v)))
                .unwrap_or_default()));
        }
    }
    let mut gem = vec![
        Cel {
            tekst: format!("Gemiddelde {naam}"),
            csv: "gemiddelde".into(),
            ..Cel::default()
        },
        cijfer(g.rapportcijfer),
        getal(
            g.rapportcijfer
                .zip(b.streefwaarde)
                .map(|(v, s)| verschil_csv(v, s)),
        ),
    ];
    gem.extend(uitstroom_cellen(g.uitstroom.as_ref(), None));
    werkpleinen.totaal_rij(gem);
    let mut lan = vec![
        Cel {
            tekst: "Landelijk gemiddelde".into(),
            csv: "landelijk".into(),
            ..Cel::default()
        },
        cijfer(landelijk.rapportcijfer),
        getal(
            landelijk
                .rapportcijfer
                .zip(b.streefwaarde)
                .map(|(v, s)| verschil_csv(v, s)),
        ),
    ];
    lan.extend(uitstroom_cellen(landelijk.uitstroom.as_ref(), None));
    werkpleinen.totaal_rij(lan);

    let pw = &site.resultaten.principes_werkzoekenden;
    let klantprincipes = (!pw.is_empty() && g.principes.iter().any(Option::is_some)).then(|| {
        let mut t = Tabel::new(
            urls,
            &format!("{}-klantprincipes", groep.veld()),
            &format!("Klantprincipes werkzoekenden: {naam} en landelijk"),
            groep.csv("klantprincipes.csv"),
            vec![
                kolom("Klantprincipe", "principe", false),
                kolom(&naam, "gemiddelde", true),
                kolom("Landelijk", "landelijk", true),
            ],
        );
        for (k, p) in pw.iter().enumerate() {
            t.rij(vec![
                principe_cel(p),
                cijfer(g.principes.get(k).copied().flatten()),
                cijfer(landelijk.principes.get(k).copied().flatten()),
            ]);
        }
        t
    });
    Some(GroepResultaten {
        kader: kader(site, urls),
        groep: samenvatting(&naam, &g),
        landelijk: samenvatting("Landelijk", &landelijk),
        benchmark_url: format!(
            "{}?{}={}#resultaten-tabel",
            urls.route(Route::Resultaten),
            groep.veld(),
            groep.id()
        ),
        naam,
        werkpleinen,
        klantprincipes,
        klant_onder,
        uitstroom_onder,
    })
}

/// The werkpleinen table of a regio or district page, with their Landkaart standing.
pub(super) fn groep_werkpleinen(site: &Site, urls: Urls, groep: Groep) -> Option<Tabel> {
    let leden = groep.leden(site);
    if leden.is_empty() {
        return None;
    }
    let lk = site
        .landkaart
        .as_ref()
        .filter(|lk| lk.current_stats().is_some());
    let mut kolommen = vec![
        kolom("Werkplein", "werkplein", false),
        kolom("Plaats", "plaats", false),
    ];
    if matches!(groep, Groep::District(_)) {
        kolommen.push(kolom("Arbeidsmarktregio", "regio", false));
    }
    if lk.is_some() {
        kolommen.extend([
            kolom("Totaal", "totaal", true),
            kolom("Scoreband", "band", false),
            kolom("Trend", "trend", false),
        ]);
    }
    let periode = lk
        .map(|lk| lk.perioden[lk.current].naam.clone())
        .unwrap_or_default();
    let naam = groep.naam(site);
    let mut t = Tabel::new(
        urls,
        &format!("{}-werkpleinen", groep.veld()),
        &if lk.is_some() {
            format!("Werkpleinen in {naam} met hun Landkaart-score, {periode}")
        } else {
            format!("Werkpleinen in {naam}")
        },
        groep.csv("werkpleinen.csv"),
        kolommen,
    );
    for &i in leden {
        let w = &site.data.werkpleinen[i];
        let mut cellen = vec![
            ref_cel(urls.werkplein(site, &w.id).as_ref()),
            tekst(&w.plaats),
        ];
        if matches!(groep, Groep::District(_)) {
            cellen.push(ref_cel(urls.regio(site, &w.regio).as_ref()));
        }
        if let Some(lk) = lk {
            match lk.score(lk.current, &w.id) {
                Some(s) => {
                    let mut tot = aantal(Some(truncate(s.total)));
                    tot.tekst.push_str("\u{a0}%");
                    cellen.extend([
                        tot,
                        Cel {
                            tekst: lk.banden[s.band].naam.clone(),
                            csv: lk.banden[s.band].id.clone(),
                            ..Cel::default()
                        },
                        Cel {
                            tekst: s.trend.naam().to_string(),
                            csv: s.trend.id().to_string(),
                            ..Cel::default()
                        },
                    ]);
                }
                None => cellen.extend([
                    aantal(None::<u32>),
                    Cel {
                        tekst: "niet gerapporteerd".into(),
                        ..Cel::default()
                    },
                    Cel::default(),
                ]),
            }
        }
        t.rij(cellen);
    }
    Some(t)
}

/// The table of `/districten/`: every district with its werkpleinen and means.
pub(super) fn districten_tabel(site: &Site, urls: Urls) -> Option<Tabel> {
    if site.data.districten.is_empty() {
        return None;
    }
    let b = &site.benchmark;
    let lk = site
        .landkaart
        .as_ref()
        .filter(|lk| lk.current_stats().is_some());
    let mut kolommen = vec![
        kolom("District", "district", false),
        kolom("Werkpleinen", "werkpleinen", true),
    ];
    if lk.is_some() {
        kolommen.push(kolom("Landkaart gemiddeld", "landkaart", true));
    }
    if !b.is_empty() {
        kolommen.extend([
            kolom("Rapportcijfer", "rapportcijfer", true),
            kolom("Onder streefwaarde", "onder_streefwaarde", true),
            kolom("Uitstroom gerealiseerd", "realisatie", true),
        ]);
    }
    let mut t = Tabel::new(
        urls,
        "districten-tabel",
        "De districten met hun werkpleinen",
        Route::DistrictenCsv,
        kolommen,
    );
    t.sorteerbaar = true;
    for d in &site.data.districten {
        let leden = site
            .werkpleinen_by_district
            .get(&d.id)
            .map_or(&[][..], Vec::as_slice);
        let ids = werkplein_ids(site, leden);
        let mut cellen = vec![
            ref_cel(urls.district(site, &d.id).as_ref()),
            aantal(Some(leden.len() as u32)),
        ];
        if let Some(lk) = lk {
            let mean = crate::landkaart::scores::mean(
                ids.iter()
                    .filter_map(|id| lk.score(lk.current, id))
                    .map(|s| s.total),
            );
            cellen.push(procent(mean));
        }
        if !b.is_empty() {
            let g = b.gemiddelde(ids.iter().map(String::as_str));
            cellen.extend([
                cijfer(g.rapportcijfer),
                aantal(b.streefwaarde.map(|_| g.onder as u32)),
                procent(g.uitstroom.as_ref().and_then(Uitstroomtotaal::realisatie)),
            ]);
        }
        t.rij(cellen);
    }
    Some(t)
}

/// The Landkaart per fase of a regio or district: its mean and the national mean.
pub(super) fn groep_fasen(site: &Site, urls: Urls, groep: Groep) -> Option<Tabel> {
    let lk = site.landkaart.as_ref()?;
    let stats = lk.current_stats()?;
    let scores: Vec<_> = groep
        .leden(site)
        .iter()
        .filter_map(|&i| lk.score(lk.current, &site.data.werkpleinen[i].id))
        .collect();
    if scores.is_empty() {
        return None;
    }
    let naam = groep.naam(site);
    let mut t = Tabel::new(
        urls,
        &format!("{}-fasen", groep.veld()),
        &format!("Gemiddelde score per fase: {naam} en landelijk"),
        groep.csv("fasen.csv"),
        vec![
            kolom("Fase", "fase", false),
            kolom(&naam, "gemiddelde", true),
            kolom("Landelijk", "landelijk", true),
        ],
    );
    for (f, fase) in lk.fasen.iter().enumerate() {
        t.rij(vec![
            Cel {
                tekst: fase.naam.clone(),
                csv: fase.id.clone(),
                ..Cel::default()
            },
            procent(crate::landkaart::scores::mean(
                scores.iter().filter_map(|w| w.fasen[f]),
            )),
            procent(stats.fase_means[f]),
        ]);
    }
    Some(t)
}

/// The table of `/werkpleinen/` as a CSV: every werkplein with its Landkaart standing.
pub(super) fn werkpleinen_tabel(site: &Site, urls: Urls) -> Tabel {
    let lk = site
        .landkaart
        .as_ref()
        .filter(|lk| lk.current_stats().is_some());
    let mut kolommen = vec![
        kolom("Werkplein", "werkplein", false),
        kolom("Plaats", "plaats", false),
        kolom("Arbeidsmarktregio", "regio", false),
    ];
    if lk.is_some() {
        kolommen.extend([
            kolom("Totaal", "totaal", true),
            kolom("Scoreband", "band", false),
            kolom("Groep", "groep", false),
            kolom("Trend", "trend", false),
        ]);
    }
    let mut t = Tabel::new(
        urls,
        "werkpleinen-tabel",
        "Alle werkpleinen",
        Route::WerkpleinenCsv,
        kolommen,
    );
    let mut order: Vec<&crate::data::Werkplein> = site.data.werkpleinen.iter().collect();
    order.sort_by(|a, b| text::cmp_names(&a.naam, &b.naam).then(a.id.cmp(&b.id)));
    for w in order {
        let mut cellen = vec![
            ref_cel(urls.werkplein(site, &w.id).as_ref()),
            tekst(&w.plaats),
            ref_cel(urls.regio(site, &w.regio).as_ref()),
        ];
        if let Some(lk) = lk {
            let s = lk.score(lk.current, &w.id);
            cellen.extend([
                aantal(s.map(|s| truncate(s.total))),
                tekst(s.map_or("", |s| lk.banden[s.band].id.as_str())),
                tekst(s.map_or("", |s| lk.groepen[s.groep].id.as_str())),
                tekst(s.map_or("", |s| s.trend.id())),
            ]);
        }
        t.rij(cellen);
    }
    t
}

// ---------------------------------------------------------------------------------------------
// The werkplein page

/// The Resultaten part of a werkplein page (template `werkplein_resultaten.html`).
#[derive(Serialize)]
pub(super) struct WerkpleinResultaten {
    kader: Kader,
    /// Its standing in the benchmark, in words.
    stand_klant: Option<&'static str>,
    stand_uitstroom: Option<&'static str>,
    rapportcijfer: Option<String>,
    realisatie: Option<u32>,
    vergelijking: Option<Tabel>,
    klant: Option<Tabel>,
    klantprincipes: Option<Tabel>,
    werkgevers: Option<Tabel>,
    werkgevers_meting: Option<String>,
    uitstroom: Option<Tabel>,
    uitstroom_totaal: u64,
    streefwaarde_totaal: Option<u64>,
    chart_klant: Option<String>,
    chart_uitstroom: Option<String>,
}

/// The tables of a werkplein's Resultaten.
pub(super) struct WerkpleinTabellen {
    vergelijking: Option<Tabel>,
    klant: Option<Tabel>,
    klantprincipes: Option<Tabel>,
    werkgevers: Option<Tabel>,
    uitstroom: Option<Tabel>,
}

impl WerkpleinTabellen {
    fn alle(self) -> Vec<Tabel> {
        [
            self.vergelijking,
            self.klant,
            self.klantprincipes,
            self.werkgevers,
            self.uitstroom,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// The table comparing a werkplein with its regio, its district, the country and the
/// streefwaarde.
fn vergelijking(
    site: &Site,
    urls: Urls,
    w: &crate::data::Werkplein,
    own: &Resultaat,
    landelijk: &Gemiddelde,
) -> Tabel {
    let b = &site.benchmark;
    let id = w.id.as_str();
    let regio = site
        .werkpleinen_by_regio
        .get(&w.regio)
        .map(|l| b.gemiddelde(werkplein_ids(site, l).iter().map(String::as_str)));
    let district = w
        .district
        .as_ref()
        .and_then(|d| site.werkpleinen_by_district.get(d))
        .map(|l| b.gemiddelde(werkplein_ids(site, l).iter().map(String::as_str)));
    let mut t = Tabel::new(
        urls,
        "wp-vergelijking",
        "Vergelijking met regio, district en land",
        Route::WerkpleinCsv(id, "vergelijking.csv"),
        vec![
            kolom("Indicator", "indicator", false),
            kolom(&w.naam, "werkplein", true),
            kolom("Regio", "regio", true),
            kolom("District", "district", true),
            kolom("Landelijk", "landelijk", true),
            kolom("Streefwaarde", "streefwaarde", true),
        ],
    );
    let real = |g: Option<&Gemiddelde>| g.and_then(|g| g.uitstroom.as_ref()?.realisatie());
    t.rij(vec![
        Cel {
            tekst: format!(
                "Rapportcijfer{}",
                b.meting
                    .as_deref()
                    .map(|m| format!(", {}", meting_naam(m)))
                    .unwrap_or_default()
            ),
            csv: "rapportcijfer".into(),
            ..Cel::default()
        },
        met_stand(cijfer(own.rapportcijfer), own.klant_stand(b.streefwaarde)),
        cijfer(regio.as_ref().and_then(|g| g.rapportcijfer)),
        cijfer(district.as_ref().and_then(|g| g.rapportcijfer)),
        cijfer(landelijk.rapportcijfer),
        cijfer(b.streefwaarde),
    ]);
    let own_real = own.uitstroom.as_ref().and_then(Uitstroomtotaal::realisatie);
    t.rij(vec![
        Cel {
            tekst: "Uitstroom: gerealiseerd deel van de streefwaarde (12 maanden)".into(),
            csv: "uitstroom_realisatie".into(),
            ..Cel::default()
        },
        met_stand(procent(own_real), own.uitstroom_stand(b.uitstroom_norm)),
        procent(real(regio.as_ref())),
        procent(real(district.as_ref())),
        procent(real(Some(landelijk))),
        procent(b.uitstroom_norm),
    ]);
    t
}

pub(super) fn werkplein_tabellen(site: &Site, urls: Urls, id: &str) -> Option<WerkpleinTabellen> {
    let r = &site.resultaten;
    let b = &site.benchmark;
    let w = site.data.werkplein(id)?;
    let klant = r.klant.get(id).map_or(&[][..], Vec::as_slice);
    let werkg = r.werkgevers.get(id).and_then(|l| l.last());
    let uitstroom = r.uitstroom.get(id).map_or(&[][..], Vec::as_slice);
    if klant.is_empty() && werkg.is_none() && uitstroom.is_empty() {
        return None;
    }
    let own = b.get(id);
    let landelijk = b.gemiddelde(b.werkpleinen.iter().map(|(id, _)| id.as_str()));

    let vergelijking = own.map(|own| vergelijking(site, urls, w, own, &landelijk));

    let klant_t = (!klant.is_empty()).then(|| {
        let mut t = Tabel::new(
            urls,
            "wp-klant",
            "Rapportcijfer van klanten per meting",
            Route::WerkpleinCsv(id, "klanttevredenheid.csv"),
            vec![
                kolom("Meting", "meting", false),
                kolom("Rapportcijfer", "rapportcijfer", true),
                kolom("Streefwaarde", "streefwaarde", true),
                kolom("Respondenten", "respondenten", true),
                kolom("Landelijk gemiddelde", "landelijk", true),
            ],
        );
        for k in klant {
            let s = r.doelen.streefwaarde_meting(&k.meting);
            t.rij(vec![
                Cel {
                    tekst: meting_naam(&k.meting),
                    csv: k.meting.clone(),
                    ..Cel::default()
                },
                met_stand(
                    cijfer(Some(k.rapportcijfer)),
                    s.map(|s| Stand::of(k.rapportcijfer, s)),
                ),
                cijfer(s),
                aantal(k.respondenten),
                cijfer(r.klant_landelijk.get(&k.meting).copied()),
            ]);
        }
        t
    });

    let pw = &r.principes_werkzoekenden;
    let laatste = klant
        .iter()
        .rev()
        .find(|k| k.principes.iter().any(Option::is_some));
    let klantprincipes = laatste.filter(|_| !pw.is_empty()).map(|k| {
        let national = meting_principes(site, &k.meting);
        let mut t = Tabel::new(
            urls,
            "wp-klantprincipes",
            &format!(
                "Klantprincipes, {}: {} en landelijk",
                meting_naam(&k.meting),
                w.naam
            ),
            Route::WerkpleinCsv(id, "klantprincipes.csv"),
            vec![
                kolom("Klantprincipe", "principe", false),
                kolom(&w.naam, "rapportcijfer", true),
                kolom("Landelijk gemiddelde", "landelijk", true),
            ],
        );
        for (i, p) in pw.iter().enumerate() {
            t.rij(vec![
                principe_cel(p),
                cijfer(k.principes.get(i).copied().flatten()),
                cijfer(national.get(i).copied().flatten()),
            ]);
        }
        t
    });

    let pg = &r.principes_werkgevers;
    let werkgevers = werkg.filter(|_| !pg.is_empty()).map(|m| {
        let national = werkgevers_principes(site, &m.meting);
        let mut t = Tabel::new(
            urls,
            "wp-werkgevers",
            &format!("Werkgevers die het eens zijn, per principe ({})", m.meting),
            Route::WerkpleinCsv(id, "werkgeverstevredenheid.csv"),
            vec![
                kolom("Principe", "principe", false),
                kolom("Eens", "eens", true),
                kolom("Landelijk gemiddelde", "landelijk", true),
            ],
        );
        for (i, p) in pg.iter().enumerate() {
            t.rij(vec![
                principe_cel(p),
                procent(m.scores.get(i).copied().flatten()),
                procent(national.get(i).copied().flatten()),
            ]);
        }
        t
    });

    let uitstroom_t = (!uitstroom.is_empty()).then(|| {
        let mut t = Tabel::new(
            urls,
            "wp-uitstroom",
            "Uitstroom naar werk per maand",
            Route::WerkpleinCsv(id, "uitstroom.csv"),
            vec![
                kolom("Maand", "maand", false),
                kolom("Uitstroom", "uitstroom", true),
                kolom("Streefwaarde", "streefwaarde", true),
            ],
        );
        for u in uitstroom {
            t.rij(vec![
                Cel {
                    tekst: text::month_nl(&u.maand).unwrap_or_else(|| u.maand.clone()),
                    csv: u.maand.clone(),
                    ..Cel::default()
                },
                aantal(Some(u.uitstroom)),
                aantal(u.streefwaarde),
            ]);
        }
        t
    });
    Some(WerkpleinTabellen {
        vergelijking,
        klant: klant_t,
        klantprincipes,
        werkgevers,
        uitstroom: uitstroom_t,
    })
}

/// National mean per klantprincipe at a meting.
fn meting_principes(site: &Site, meting: &str) -> Vec<Option<f64>> {
    let r = &site.resultaten;
    let rows: Vec<Resultaat> = r
        .klant
        .values()
        .filter_map(|l| l.iter().find(|k| k.meting == meting))
        .map(|k| Resultaat {
            principes: k.principes.clone(),
            ..Resultaat::default()
        })
        .collect();
    crate::resultaten::benchmark::gemiddelde(rows.iter(), None, None).principes
}

/// National mean per werkgevers principle at a meting.
fn werkgevers_principes(site: &Site, meting: &str) -> Vec<Option<f64>> {
    let r = &site.resultaten;
    let rows: Vec<Resultaat> = r
        .werkgevers
        .values()
        .filter_map(|l| l.iter().find(|k| k.meting == meting))
        .map(|k| Resultaat {
            werkgevers: k.scores.clone(),
            ..Resultaat::default()
        })
        .collect();
    crate::resultaten::benchmark::gemiddelde(rows.iter(), None, None).werkgevers
}

/// The Resultaten part of werkplein `id`'s page.
pub(super) fn werkplein(r: &Renderer, id: &str) -> Option<WerkpleinResultaten> {
    let (site, urls, n) = (r.site, r.urls, &r.charts);
    let t = werkplein_tabellen(site, urls, id)?;
    let r = &site.resultaten;
    let b = &site.benchmark;
    let naam = site.data.werkplein(id).map_or(id, |w| w.naam.as_str());
    let klant = r.klant.get(id).map_or(&[][..], Vec::as_slice);
    let uitstroom = r.uitstroom.get(id).map_or(&[][..], Vec::as_slice);
    let own = b.get(id);
    let streef: Vec<u32> = uitstroom.iter().filter_map(|u| u.streefwaarde).collect();
    Some(WerkpleinResultaten {
        kader: kader(site, urls),
        stand_klant: own
            .and_then(|o| o.klant_stand(b.streefwaarde))
            .map(Stand::id),
        stand_uitstroom: own
            .and_then(|o| o.uitstroom_stand(b.uitstroom_norm))
            .map(Stand::id),
        rapportcijfer: own.and_then(|o| o.rapportcijfer).map(decimal_nl),
        realisatie: own
            .and_then(|o| o.uitstroom.as_ref()?.realisatie())
            .map(truncate),
        werkgevers_meting: r
            .werkgevers
            .get(id)
            .and_then(|l| l.last())
            .map(|m| m.meting.clone()),
        uitstroom_totaal: uitstroom.iter().map(|u| u64::from(u.uitstroom)).sum(),
        streefwaarde_totaal: (streef.len() == uitstroom.len() && !streef.is_empty())
            .then(|| streef.iter().map(|&s| u64::from(s)).sum()),
        chart_klant: (!klant.is_empty()).then(|| charts::klant(n, site, klant, naam)),
        chart_uitstroom: (!uitstroom.is_empty()).then(|| charts::uitstroom(n, uitstroom, naam)),
        vergelijking: t.vergelijking,
        klant: t.klant,
        klantprincipes: t.klantprincipes,
        werkgevers: t.werkgevers,
        uitstroom: t.uitstroom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_the_csv_and_on_the_page() {
        assert_eq!(cijfer_csv(7.04), "7.0");
        assert_eq!(verschil_csv(6.9, 7.0), "-0.1");
        assert_eq!(verschil_csv(7.4, 7.0), "+0.4");
        assert_eq!(verschil_csv(7.0, 7.0), "0.0");
        assert_eq!(nl("-0.1"), "−0,1");
        let c = procent(Some(89.9));
        assert_eq!((c.tekst.as_str(), c.csv.as_str()), ("89\u{a0}%", "89"));
        let none = cijfer(None);
        assert_eq!((none.tekst.as_str(), none.csv.as_str()), ("", ""));
    }

    #[test]
    fn a_tables_csv_holds_its_rows() {
        let urls = Urls { base_path: "/sub/" };
        let mut t = Tabel::new(
            urls,
            "t",
            "T",
            Route::ResultatenCsv("t.csv"),
            vec![
                kolom("Naam", "naam", false),
                kolom("Cijfer", "cijfer", true),
            ],
        );
        t.rij(vec![tekst("Werkplein \"A\", Oost"), cijfer(Some(7.25))]);
        t.rij(vec![tekst("B"), cijfer(None)]);
        assert_eq!(t.csv_url, "/sub/resultaten/t.csv");
        assert_eq!(
            String::from_utf8(t.csv()).unwrap(),
            "naam,cijfer\n\"Werkplein \"\"A\"\", Oost\",7.2\nB,\n"
        );
    }
}

//! The werkplein page's "Vergelijken en leren" (SPEC §5.3) and "Voortgang doorgeven" (§5.2)
//! parts: contexts for `werkplein_leren.html`. The computations are the pure functions of
//! [`crate::landkaart::leren`]; this module only looks things up and shapes them.

use serde::Serialize;

use crate::charts::{self, Bar, BarGroup, Meta};
use crate::content::Meta as DocMeta;
use crate::landkaart::leren::{self, Place};
use crate::landkaart::scores::{band_of, truncate};
use crate::landkaart::{Landkaart, WerkpleinScore};
use crate::model::{Site, newest_order};

use super::Renderer;
use super::deps::{Deps, List};
use crate::route::Route;

/// At most this many werkpleinen and practices per mijlpaal under "Leer van".
const LEER_VAN: usize = 3;

#[derive(Serialize)]
pub(super) struct Leren {
    periode: String,
    regio: String,
    regio_aantal: usize,
    groep: Groep,
    groep_aantal: usize,
    landelijk_aantal: usize,
    /// Fase rows, each followed by its mijlpaal rows.
    rijen: Vec<Vergelijking>,
    /// The same rows as CSV.
    csv: String,
    chart: String,
    /// One entry per mijlpaal below 100 %.
    leer_van: Vec<LeerVan>,
}

#[derive(Serialize)]
struct Groep {
    naam: String,
    actie: Option<String>,
    toelichting: Option<String>,
}

#[derive(Serialize)]
struct Vergelijking {
    naam: String,
    fase: bool,
    /// The ids the CSV holds: the fase's, and the mijlpaal's on a mijlpaal row.
    #[serde(skip)]
    fase_id: String,
    #[serde(skip)]
    mijlpaal_id: String,
    werkplein: Option<u32>,
    regio: Option<u32>,
    groep: Option<u32>,
    landelijk: Option<u32>,
}

#[derive(Serialize)]
struct LeerVan {
    id: String,
    mijlpaal: String,
    fase: String,
    score: Option<u32>,
    werkpleinen: Vec<Voorbeeld>,
    praktijken: Vec<Praktijk>,
    /// Whether the mijlpaal names thema's at all (else there are no practices to show).
    themas: bool,
}

#[derive(Serialize)]
struct Voorbeeld {
    naam: String,
    url: String,
    /// Why this one: "in uw regio", "in uw district", "op 23 km".
    waar: String,
}

#[derive(Serialize)]
struct Praktijk {
    titel: String,
    url: String,
    werkplein: Option<String>,
}

fn place<'a>(site: &'a Site, id: &'a str) -> Option<Place<'a>> {
    let w = site.data.werkplein(id)?;
    Some(Place {
        id: &w.id,
        regio: &w.regio,
        district: w.district.as_deref(),
        coords: w.lat.zip(w.lon),
    })
}

/// A werkplein's latest report next to the means of its regio and its group, in that period.
struct Compared<'s> {
    p: usize,
    stats: &'s crate::landkaart::PeriodStats,
    w: &'s WerkpleinScore,
    regio: leren::Means,
    groep: leren::Means,
}

fn compared<'s>(site: &'s Site, id: &'s str) -> Option<Compared<'s>> {
    let lk = site.landkaart.as_ref()?;
    let p = lk.latest_report(lk.current, id)?;
    let stats = lk.stats[p].as_ref()?;
    let w = lk.score(p, id)?;
    let me = place(site, id)?;
    let (nf, nm) = (lk.fasen.len(), lk.mijlpalen.len());

    let regio_members: Vec<&WerkpleinScore> = site
        .werkpleinen_by_regio
        .get(me.regio)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|&j| lk.score(p, &site.data.werkpleinen[j].id))
        .collect();
    let groep_members: Vec<&WerkpleinScore> = stats
        .werkpleinen
        .iter()
        .filter(|x| x.groep == w.groep)
        .collect();
    Some(Compared {
        p,
        stats,
        w,
        regio: leren::means(&regio_members, nf, nm),
        groep: leren::means(&groep_members, nf, nm),
    })
}

/// The rows of the comparison table: each fase, followed by its mijlpalen.
fn rows(lk: &Landkaart, c: &Compared) -> Vec<Vergelijking> {
    let t = |v: Option<f64>| v.map(truncate);
    let (w, stats, regio, groep) = (c.w, c.stats, &c.regio, &c.groep);
    let mut rijen = Vec::new();
    for (f, fase) in lk.fasen.iter().enumerate() {
        rijen.push(Vergelijking {
            naam: fase.naam.clone(),
            fase: true,
            fase_id: fase.id.clone(),
            mijlpaal_id: String::new(),
            werkplein: t(w.fasen[f]),
            regio: t(regio.fasen[f]),
            groep: t(groep.fasen[f]),
            landelijk: t(stats.fase_means[f]),
        });
        for m in lk.fase_ranges[f].clone() {
            rijen.push(Vergelijking {
                naam: lk.mijlpalen[m].1.naam.clone(),
                fase: false,
                fase_id: fase.id.clone(),
                mijlpaal_id: lk.mijlpalen[m].1.id.clone(),
                werkplein: w.mijlpalen[m].map(u32::from),
                regio: t(regio.mijlpalen[m]),
                groep: t(groep.mijlpalen[m]),
                landelijk: t(stats.mijlpaal_means[m]),
            });
        }
    }
    rijen
}

/// `/werkpleinen/<id>/vergelijking-landkaart.csv`: the comparison table of its page, a row per
/// fase and mijlpaal (`mijlpaal` empty on a fase row).
pub(super) fn vergelijking_csv(site: &Site, id: &str) -> Option<Vec<u8>> {
    let lk = site.landkaart.as_ref()?;
    let c = compared(site, id)?;
    let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    Some(super::open_data::csv_bytes(
        &[
            "fase",
            "mijlpaal",
            "werkplein",
            "regio",
            "groep",
            "landelijk",
        ],
        rows(lk, &c).into_iter().map(|r| {
            vec![
                r.fase_id,
                r.mijlpaal_id,
                opt(r.werkplein),
                opt(r.regio),
                opt(r.groep),
                opt(r.landelijk),
            ]
        }),
    ))
}

/// The comparison with regio, group and nation, and who to learn from, in the period of the
/// werkplein's latest report (the current period, or the last before it).
pub(super) fn werkplein_leren(r: &Renderer, id: &str, d: &mut Deps) -> Option<Leren> {
    let site = r.site;
    let lk = site.landkaart.as_ref()?;
    let c = compared(site, id)?;
    let me = place(site, id)?;
    let rijen = rows(lk, &c);
    let Compared {
        p,
        stats,
        w,
        regio,
        groep,
        ..
    } = c;

    let naam = site.data.werkplein(id).map_or(id, |x| x.naam.as_str());
    let regio_naam = site
        .data
        .regio(me.regio)
        .map_or(me.regio.to_string(), |r| r.naam.clone());
    let groep_band = &lk.groepen[w.groep];
    let series = [
        (naam.to_string(), &w.fasen),
        (format!("Regio {regio_naam}"), &regio.fasen),
        (groep_band.naam.clone(), &groep.fasen),
        ("Landelijk".to_string(), &stats.fase_means),
    ];
    let groups: Vec<BarGroup> = lk
        .fasen
        .iter()
        .enumerate()
        .map(|(f, fase)| BarGroup {
            naam: fase.naam.clone(),
            bars: series
                .iter()
                .map(|(n, v)| Bar {
                    naam: n.clone(),
                    value: v[f],
                    band: v[f].map(|x| band_of(&lk.banden, x)),
                })
                .collect(),
        })
        .collect();
    let title = format!(
        "{naam} naast regio, groep en land per fase, {}",
        lk.perioden[p].naam
    );
    let desc = format!(
        "Per fase vier balken: de score van {naam}, het gemiddelde van regio {regio_naam}, van de {} en het landelijk gemiddelde. De cijfers staan ook in de tabel bij deze grafiek.",
        groep_band.naam.to_lowercase()
    );
    let chart = r.charts.drawn(charts::grouped_bars(
        &Meta {
            id: "grafiek-vergelijking",
            title: &title,
            desc: &desc,
        },
        &groups,
        &lk.banden
            .iter()
            .map(|b| charts::Band {
                naam: b.naam.clone(),
            })
            .collect::<Vec<_>>(),
    ));

    Some(Leren {
        periode: lk.perioden[p].naam.clone(),
        regio: regio_naam,
        regio_aantal: regio.werkpleinen,
        csv: r
            .urls
            .route(Route::WerkpleinCsv(id, "vergelijking-landkaart.csv")),
        groep: Groep {
            naam: groep_band.naam.clone(),
            actie: groep_band.actie.clone(),
            toelichting: groep_band.toelichting.clone(),
        },
        groep_aantal: groep.werkpleinen,
        landelijk_aantal: stats.werkpleinen.len(),
        rijen,
        chart,
        leer_van: leer_van(r, lk, p, w, &me, d),
    })
}

/// What "Leer van" names for one mijlpaal: the werkpleinen and the practices (page indexes).
struct Pick<'a> {
    mijlpaal: usize,
    werkpleinen: Vec<Place<'a>>,
    praktijken: Vec<usize>,
}

/// "Leer van" of werkplein `w` in period `p`: for every mijlpaal below 100 %, who and which
/// practices. No strings are made here, so [`shows_practice`] can ask it for every werkplein.
fn picks<'a>(
    site: &'a Site,
    lk: &'a Landkaart,
    p: usize,
    w: &WerkpleinScore,
    me: &Place,
    d: &mut Deps,
) -> Vec<Pick<'a>> {
    let Some(stats) = lk.stats[p].as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (m, (_, mp)) in lk.mijlpalen.iter().enumerate() {
        if w.mijlpalen[m] == Some(100) {
            continue;
        }
        let candidates: Vec<Place> = stats
            .werkpleinen
            .iter()
            .filter(|x| x.mijlpalen[m] == Some(100))
            .filter_map(|x| place(site, &x.werkplein))
            .collect();
        let named = leren::leer_van(me, &candidates, LEER_VAN);
        // Recorded as shown, so that `svdk serve` renders the page again when a practice
        // joins, leaves or changes in one of these lists.
        let named_lists: Vec<_> = named
            .iter()
            .map(|c| d.list(site, List::PraktijkByWerkplein(c.id.to_string())))
            .collect();
        let named_lists: Vec<&[usize]> = named_lists.iter().map(|l| &l[..]).collect();
        let thema_lists: Vec<_> = mp
            .themas
            .iter()
            .map(|t| d.list(site, List::PraktijkByThema(t.clone())))
            .collect();
        let thema_lists: Vec<&[usize]> = thema_lists.iter().map(|l| &l[..]).collect();
        let in_themas = |i: usize| match &site.pages[i].doc.meta {
            DocMeta::Praktijkvoorbeeld { themas, .. } => {
                themas.iter().any(|t| mp.themas.contains(&t.id))
            }
            _ => false,
        };
        let newest = |a: usize, b: usize| newest_order(&site.pages, a, b);
        let praktijken =
            leren::pick_practices(&named_lists, &in_themas, &thema_lists, &newest, LEER_VAN);
        out.push(Pick {
            mijlpaal: m,
            werkpleinen: named,
            praktijken,
        });
    }
    out
}

fn leer_van(
    r: &Renderer,
    lk: &Landkaart,
    p: usize,
    w: &WerkpleinScore,
    me: &Place,
    d: &mut Deps,
) -> Vec<LeerVan> {
    let (site, urls) = (r.site, r.urls);
    let picks = picks(site, lk, p, w, me, d);
    picks
        .into_iter()
        .map(|pick| {
            let (f, mp) = &lk.mijlpalen[pick.mijlpaal];
            let werkpleinen = pick
                .werkpleinen
                .iter()
                .map(|c| Voorbeeld {
                    naam: site
                        .data
                        .werkplein(c.id)
                        .map_or(c.id.to_string(), |x| x.naam.clone()),
                    url: urls.route(Route::Werkplein(c.id)),
                    waar: if c.regio == me.regio {
                        "in uw regio".into()
                    } else if c.district.is_some() && c.district == me.district {
                        "in uw district".into()
                    } else {
                        match (me.coords, c.coords) {
                            (Some(a), Some(b)) => {
                                format!("op {} km", leren::distance_km(a, b).round() as i64)
                            }
                            _ => String::new(),
                        }
                    },
                })
                .collect();
            let praktijken = pick
                .praktijken
                .iter()
                .map(|&i| {
                    let page = &site.pages[i];
                    Praktijk {
                        titel: page.doc.title.clone(),
                        url: urls.path(&page.url),
                        werkplein: match &page.doc.meta {
                            DocMeta::Praktijkvoorbeeld {
                                werkplein: Some(x), ..
                            } => site.data.werkplein(x).map(|x| x.naam.clone()),
                            _ => None,
                        },
                    }
                })
                .collect();
            LeerVan {
                id: mp.id.clone(),
                mijlpaal: mp.naam.clone(),
                fase: lk.fasen[*f].naam.clone(),
                score: w.mijlpalen[pick.mijlpaal].map(u32::from),
                werkpleinen,
                praktijken,
                themas: !mp.themas.is_empty(),
            }
        })
        .collect()
}

/// The "Voortgang doorgeven" form: the mijlpalen with the four answers, pre-filled with the
/// werkplein's latest answers, and the file it downloads.
#[derive(Serialize)]
pub(super) struct Voortgang {
    werkplein: String,
    bestand: String,
    /// The mijlpaal ids in file order, `,`-separated (the form's `data-mijlpalen`).
    mijlpalen: String,
    /// The header and the pre-filled row of the report file, for reporting without JavaScript.
    kopregel: String,
    regel: String,
    /// The period the answers are pre-filled from, if any.
    periode: Option<String>,
    antwoorden: Vec<Antwoord>,
    fasen: Vec<VoortgangFase>,
}

#[derive(Serialize)]
struct Antwoord {
    waarde: u8,
    naam: String,
}

#[derive(Serialize)]
struct VoortgangFase {
    naam: String,
    mijlpalen: Vec<VoortgangMijlpaal>,
}

#[derive(Serialize)]
struct VoortgangMijlpaal {
    id: String,
    naam: String,
    huidig: Option<u8>,
}

/// The Landkaart's four answers.
const ANTWOORDEN: [u8; 4] = [0, 33, 66, 100];

pub(super) fn voortgang(site: &Site, id: &str) -> Option<Voortgang> {
    let lk = site.landkaart.as_ref()?;
    let p = lk.latest_report(lk.current, id);
    let w = p.and_then(|p| lk.score(p, id));
    let answer = |m: usize| w.and_then(|w| w.mijlpalen[m]);
    let ids: Vec<&str> = lk.mijlpalen.iter().map(|(_, m)| m.id.as_str()).collect();
    let cells: Vec<String> = (0..ids.len())
        .map(|m| answer(m).map(|v| v.to_string()).unwrap_or_default())
        .collect();
    Some(Voortgang {
        werkplein: id.to_string(),
        bestand: format!("{id}.csv"),
        mijlpalen: ids.join(","),
        kopregel: format!("werkplein,{},bijgewerkt", ids.join(",")),
        regel: format!("{id},{},JJJJ-MM-DD", cells.join(",")),
        periode: p.map(|p| lk.perioden[p].naam.clone()),
        antwoorden: ANTWOORDEN
            .iter()
            .map(|&v| Antwoord {
                waarde: v,
                naam: lk.banden[band_of(&lk.banden, f64::from(v))].naam.clone(),
            })
            .collect(),
        fasen: lk
            .fasen
            .iter()
            .enumerate()
            .map(|(f, fase)| VoortgangFase {
                naam: fase.naam.clone(),
                mijlpalen: lk.fase_ranges[f]
                    .clone()
                    .map(|m| VoortgangMijlpaal {
                        id: ids[m].to_string(),
                        naam: lk.mijlpalen[m].1.naam.clone(),
                        huidig: answer(m),
                    })
                    .collect(),
            })
            .collect(),
    })
}

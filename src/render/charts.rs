//! The site's charts: turns Landkaart and Resultaten figures into calls of [`crate::charts`].
//! Every chart comes with the same figures in a table on its page (the templates show both).

use crate::charts::{self, Bar, BarGroup, Dot, Meta, Series, SeriesKind};
use crate::landkaart::scores::{band_of, truncate};
use crate::landkaart::{Landkaart, PeriodStats, WerkpleinScore};
use crate::model::Site;
use crate::resultaten::benchmark::{Gemiddelde, Stand};
use crate::resultaten::{Klantmeting, Uitstroom};
use crate::text;

use crate::route::Route;
use crate::text::meting_naam;

use std::sync::atomic::{AtomicUsize, Ordering};

use super::shapes::Urls;

/// The charts drawn in one render, for the build summary (one per renderer, shared by its
/// parallel jobs).
#[derive(Debug, Default)]
pub(super) struct Counter(AtomicUsize);

impl Counter {
    pub(super) fn reset(&self) {
        self.0.store(0, Ordering::Relaxed);
    }

    pub(super) fn count(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }

    pub(super) fn drawn(&self, svg: String) -> String {
        self.0.fetch_add(1, Ordering::Relaxed);
        svg
    }
}

fn bands(lk: &Landkaart) -> Vec<charts::Band> {
    lk.banden
        .iter()
        .map(|b| charts::Band {
            naam: b.naam.clone(),
        })
        .collect()
}

fn period_labels(lk: &Landkaart) -> (Vec<usize>, Vec<String>) {
    lk.reported()
        .map(|(i, p, _)| (i, short_period(&p.id, &p.naam)))
        .unzip()
}

/// `2009-t2` → `T2 2009`; other ids keep their name.
fn short_period(id: &str, naam: &str) -> String {
    match id.split_once("-t") {
        Some((y, t)) if y.len() == 4 => format!("T{t} {y}"),
        _ => naam.to_string(),
    }
}

/// National average per period, up to period `p`.
pub(super) fn national_history(n: &Counter, lk: &Landkaart, p: usize) -> String {
    let (idx, labels) = period_labels(lk);
    let values = idx
        .iter()
        .map(|&i| {
            (i <= p)
                .then(|| lk.stats[i].as_ref().and_then(|s| s.total_mean))
                .flatten()
        })
        .collect();
    n.drawn(charts::line_chart(
        &Meta {
            id: "grafiek-historie",
            title: "Landelijk gemiddelde per tertaal",
            desc: "Het gemiddelde van de totaalscores van alle werkpleinen die rapporteerden, per tertaal, in procenten. De cijfers staan ook in de tabel bij deze grafiek.",
        },
        &labels,
        &[Series {
            name: "Landelijk gemiddelde".into(),
            values,
            kind: SeriesKind::Primary,
        }],
        0.0,
        100.0,
        "%",
    ))
}

/// Number of werkpleinen per band, per fase (and in total).
pub(super) fn fase_bands(n: &Counter, lk: &Landkaart, stats: &PeriodStats, p: usize) -> String {
    let mut rows = vec![("Totaal".to_string(), stats.total_bands.clone())];
    rows.extend(
        lk.fasen
            .iter()
            .zip(&stats.fase_bands)
            .map(|(f, c)| (f.naam.clone(), c.clone())),
    );
    let title = format!("Scoreverdeling per fase, {}", lk.perioden[p].naam);
    n.drawn(charts::stacked_bands(
        &Meta {
            id: "grafiek-banden",
            title: &title,
            desc: "Per fase het aantal werkpleinen in elke scoreband, als gestapelde balk. De aantallen staan ook in de tabel Scoreverdeling per fase.",
        },
        &rows,
        &bands(lk),
    ))
}

/// The map: a dot per werkplein that reported, by band, linking to its page.
/// The map: a dot per werkplein, linking to its page: by band when it reported, else as
/// "niet gerapporteerd" (a grey ring, in the legend), never counted in a band.
pub(super) fn map(
    n: &Counter,
    site: &Site,
    urls: Urls,
    lk: &Landkaart,
    _stats: &PeriodStats,
    p: usize,
) -> String {
    let dots: Vec<Dot> = site
        .data
        .werkpleinen
        .iter()
        .filter_map(|wp| {
            let w = lk.score(p, &wp.id);
            Some(Dot {
                lon: wp.lon?,
                lat: wp.lat?,
                band: w.map(|w| w.band),
                href: urls.route(Route::Werkplein(&wp.id)),
                label: match w {
                    Some(w) => format!("{}: {} %", wp.naam, truncate(w.total)),
                    None => format!("{}: niet gerapporteerd", wp.naam),
                },
            })
        })
        .collect();
    let title = format!("Kaart van de werkpleinen, {}", lk.perioden[p].naam);
    n.drawn(charts::map(
        &Meta {
            id: "grafiek-kaart",
            title: &title,
            desc: "Kaart van Nederland met elk werkplein als stip; kleur en vorm geven de scoreband van de totaalscore. Elke stip linkt naar de pagina van het werkplein. Dezelfde gegevens staan in de tabel Alle werkpleinen.",
        },
        &site.outline,
        &dots,
        &bands(lk),
    ))
}

/// How many werkpleinen were in each group, per period (stacked bars, one per period).
pub(super) fn group_history(n: &Counter, lk: &Landkaart) -> String {
    let rows: Vec<(String, Vec<u32>)> = lk
        .reported()
        .map(|(_, per, s)| {
            (
                short_period(&per.id, &per.naam),
                crate::landkaart::leren::group_counts(s, lk.groepen.len()),
            )
        })
        .collect();
    let groups: Vec<charts::Band> = lk
        .groepen
        .iter()
        .map(|g| charts::Band {
            naam: g.naam.clone(),
        })
        .collect();
    n.drawn(charts::stacked_bands(
        &Meta {
            id: "grafiek-groepen",
            title: "Werkpleinen per groep, per tertaal",
            desc: "Per tertaal het aantal werkpleinen dat rapporteerde in elke groep, als gestapelde balk. De aantallen staan ook in de tabel Groepen per tertaal.",
        },
        &rows,
        &groups,
    ))
}

/// A werkplein's total per period against the national average.
pub(super) fn werkplein_history(n: &Counter, lk: &Landkaart, id: &str, naam: &str) -> String {
    let (idx, labels) = period_labels(lk);
    let own = idx
        .iter()
        .map(|&i| lk.score(i, id).map(|w| w.total))
        .collect();
    let national = idx
        .iter()
        .map(|&i| lk.stats[i].as_ref().and_then(|s| s.total_mean))
        .collect();
    let title = format!("Totaalscore van {naam} per tertaal");
    let desc = format!(
        "De totaalscore van {naam} per tertaal in procenten, naast het landelijk gemiddelde. De cijfers staan ook in de tabel Ontwikkeling."
    );
    n.drawn(charts::line_chart(
        &Meta {
            id: "grafiek-werkplein-historie",
            title: &title,
            desc: &desc,
        },
        &labels,
        &[
            Series {
                name: naam.to_string(),
                values: own,
                kind: SeriesKind::Primary,
            },
            Series {
                name: "Landelijk gemiddelde".into(),
                values: national,
                kind: SeriesKind::Comparison,
            },
        ],
        0.0,
        100.0,
        "%",
    ))
}

/// The mijlpalen of the current period, grouped by fase.
pub(super) fn werkplein_mijlpalen(
    n: &Counter,
    lk: &Landkaart,
    w: &WerkpleinScore,
    naam: &str,
) -> String {
    let groups: Vec<BarGroup> = lk
        .fasen
        .iter()
        .zip(&lk.fase_ranges)
        .map(|(f, r)| BarGroup {
            naam: f.naam.clone(),
            bars: r
                .clone()
                .map(|m| {
                    let v = w.mijlpalen[m].map(f64::from);
                    Bar {
                        naam: lk.mijlpalen[m].1.naam.clone(),
                        value: v,
                        band: v.map(|v| band_of(&lk.banden, v)),
                    }
                })
                .collect(),
        })
        .collect();
    let title = format!("Mijlpalen van {naam}, {}", lk.perioden[lk.current].naam);
    let desc = format!(
        "De score van {naam} op elk van de {} mijlpalen, per fase, met de scoreband. De cijfers staan ook in de tabel Mijlpalen.",
        lk.mijlpalen.len()
    );
    n.drawn(charts::grouped_bars(
        &Meta {
            id: "grafiek-mijlpalen",
            title: &title,
            desc: &desc,
        },
        &groups,
        &bands(lk),
    ))
}

/// Client rating per meting against the target and the national mean.
pub(super) fn klant(n: &Counter, site: &Site, metingen: &[Klantmeting], naam: &str) -> String {
    let labels: Vec<String> = metingen.iter().map(|m| meting_naam(&m.meting)).collect();
    let own = metingen.iter().map(|m| Some(m.rapportcijfer)).collect();
    let national = metingen
        .iter()
        .map(|m| site.resultaten.klant_landelijk.get(&m.meting).copied())
        .collect();
    let doelen = &site.resultaten.doelen;
    let target: Vec<Option<f64>> = metingen
        .iter()
        .map(|m| doelen.streefwaarde_meting(&m.meting))
        .collect();
    let title = format!("Klanttevredenheid {naam}");
    let desc = format!(
        "Het rapportcijfer dat klanten {naam} gaven, per meting, naast het landelijk gemiddelde{}. De cijfers staan ook in de tabel Klanttevredenheid.",
        if target.iter().any(Option::is_some) {
            " en de streefwaarde van het jaar van de meting"
        } else {
            ""
        }
    );
    let mut series = vec![
        Series {
            name: naam.to_string(),
            values: own,
            kind: SeriesKind::Primary,
        },
        Series {
            name: "Landelijk gemiddelde".into(),
            values: national,
            kind: SeriesKind::Comparison,
        },
    ];
    if target.iter().any(Option::is_some) {
        series.push(Series {
            name: "Streefwaarde".into(),
            values: target,
            kind: SeriesKind::Target,
        });
    }
    n.drawn(charts::line_chart(
        &Meta {
            id: "grafiek-klant",
            title: &title,
            desc: &desc,
        },
        &labels,
        &series,
        1.0,
        10.0,
        "",
    ))
}

/// The national mean rapportcijfer per meting against the streefwaarde of its year.
pub(super) fn resultaten_metingen(
    n: &Counter,
    site: &Site,
    metingen: &[(String, Gemiddelde)],
) -> String {
    let labels: Vec<String> = metingen.iter().map(|(m, _)| meting_naam(m)).collect();
    let mut series = vec![Series {
        name: "Landelijk gemiddelde".into(),
        values: metingen.iter().map(|(_, g)| g.rapportcijfer).collect(),
        kind: SeriesKind::Primary,
    }];
    let target: Vec<Option<f64>> = metingen
        .iter()
        .map(|(m, _)| site.resultaten.doelen.streefwaarde_meting(m))
        .collect();
    if target.iter().any(Option::is_some) {
        series.push(Series {
            name: "Streefwaarde".into(),
            values: target,
            kind: SeriesKind::Target,
        });
    }
    n.drawn(charts::line_chart(
        &Meta {
            id: "grafiek-resultaten-metingen",
            title: "Landelijk gemiddeld rapportcijfer per meting",
            desc: "Het gemiddelde rapportcijfer van de werkpleinen per meting, naast de streefwaarde van het jaar van de meting. De cijfers staan ook in de tabel bij deze grafiek.",
        },
        &labels,
        &series,
        1.0,
        10.0,
        "",
    ))
}

/// A map of the werkpleinen: below or at/above the streefwaarde of the latest meting.
pub(super) fn resultaten_kaart(n: &Counter, site: &Site, urls: Urls) -> String {
    let b = &site.benchmark;
    let dots: Vec<Dot> = site
        .data
        .werkpleinen
        .iter()
        .filter_map(|wp| {
            let r = b.get(&wp.id);
            let stand = r.and_then(|r| r.klant_stand(b.streefwaarde));
            Some(Dot {
                lon: wp.lon?,
                lat: wp.lat?,
                band: stand.map(|s| match s {
                    Stand::Onder => 0,
                    Stand::Boven => 1,
                }),
                href: urls.route(Route::Werkplein(&wp.id)),
                label: match r.and_then(|r| r.rapportcijfer) {
                    Some(v) => format!("{}: {}", wp.naam, text::decimal_nl(v)),
                    None => format!("{}: niet gemeten", wp.naam),
                },
            })
        })
        .collect();
    let streef = b.streefwaarde.map(text::decimal_nl).unwrap_or_default();
    let title = format!(
        "Kaart: rapportcijfer ten opzichte van de streefwaarde {streef}, {}",
        b.meting.as_deref().map(meting_naam).unwrap_or_default()
    );
    n.drawn(charts::map(
        &Meta {
            id: "grafiek-resultaten-kaart",
            title: &title,
            desc: "Kaart van Nederland met elk werkplein als stip; kleur en vorm tonen of het rapportcijfer onder de streefwaarde ligt of erop of erboven. Een open ring: niet gemeten. Elke stip linkt naar de pagina van het werkplein. Dezelfde gegevens staan in de tabel Resultaten per werkplein.",
        },
        &site.outline,
        &dots,
        &[
            charts::Band {
                naam: format!("Onder de streefwaarde {streef}"),
            },
            charts::Band {
                naam: format!("Op of boven de streefwaarde {streef}"),
            },
        ],
    ))
}

/// Monthly outflow to work against the target.
pub(super) fn uitstroom(n: &Counter, rows: &[Uitstroom], naam: &str) -> String {
    let labels: Vec<String> = rows
        .iter()
        .map(|u| {
            text::month_nl(&u.maand)
                .map(|m| m.chars().take(3).collect())
                .unwrap_or_else(|| u.maand.clone())
        })
        .collect();
    let values: Vec<Option<f64>> = rows.iter().map(|u| Some(f64::from(u.uitstroom))).collect();
    let targets: Vec<Option<f64>> = rows.iter().map(|u| u.streefwaarde.map(f64::from)).collect();
    let title = format!("Uitstroom naar werk, {naam}");
    let desc = format!(
        "Het aantal klanten van {naam} dat per maand aan het werk ging, naast de streefwaarde van die maand. De cijfers staan ook in de tabel Uitstroom naar werk."
    );
    n.drawn(charts::bars_with_target(
        &Meta {
            id: "grafiek-uitstroom",
            title: &title,
            desc: &desc,
        },
        &labels,
        &values,
        &targets,
        "Uitstroom",
        "Streefwaarde",
    ))
}

//! Learning from each other and steering on groups (SPEC §5.3). Plain functions, no I/O.
//!
//! - [`means`]: the mean total, fase and mijlpaal scores of a set of werkpleinen (a regio, a
//!   group), computed as the national means are (SPEC §2), so the three columns compare.
//! - [`leer_van`]: who to learn from on a mijlpaal — werkpleinen at 100 % on it, same regio
//!   first, then same district, then nearest (great circle), ties by id.
//! - [`pick_practices`]: practices filed under a mijlpaal's thema's — those of the named
//!   werkpleinen first, then newest — from lists indexed by thema once, never a scan of all.
//! - [`group_moves`] and [`group_counts`]: who went up or down a group, how many per group.

use std::cmp::Ordering;

use super::scores::{Band, PeriodStats, WerkpleinScore, band_of, mean};

/// Mean scores of a set of werkpleinen.
#[derive(Debug, Clone, PartialEq)]
pub struct Means {
    pub werkpleinen: usize,
    pub total: Option<f64>,
    pub fasen: Vec<Option<f64>>,
    pub mijlpalen: Vec<Option<f64>>,
}

/// Means over `members` (each counted once): the total of their totals; per fase the mean of
/// the fase scores of those that reported in it; per mijlpaal the mean of the reported cells.
pub fn means(members: &[&WerkpleinScore], fasen: usize, mijlpalen: usize) -> Means {
    Means {
        werkpleinen: members.len(),
        total: mean(members.iter().map(|w| w.total)),
        fasen: (0..fasen)
            .map(|f| {
                mean(
                    members
                        .iter()
                        .filter_map(|w| w.fasen.get(f).copied().flatten()),
                )
            })
            .collect(),
        mijlpalen: (0..mijlpalen)
            .map(|m| {
                mean(
                    members
                        .iter()
                        .filter_map(|w| w.mijlpalen.get(m).copied().flatten().map(f64::from)),
                )
            })
            .collect(),
    }
}

/// Where a werkplein is, for [`leer_van`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place<'a> {
    pub id: &'a str,
    pub regio: &'a str,
    pub district: Option<&'a str>,
    /// (lat, lon) in degrees.
    pub coords: Option<(f64, f64)>,
}

/// Great-circle distance in km between two (lat, lon) points (haversine, mean earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6371.0;
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

/// Up to `k` of `candidates` (werkpleinen at 100 % on a mijlpaal) for `me` to learn from: same
/// regio first, then same district, then the rest; within each, nearest first (without
/// coordinates: last), ties by id. `me` itself is never named. O(n log k)-ish: one sort of
/// the candidates, which are at most the werkpleinen of one period.
pub fn leer_van<'a>(me: &Place, candidates: &[Place<'a>], k: usize) -> Vec<Place<'a>> {
    let key = |c: &Place| {
        let tier = if c.regio == me.regio {
            0
        } else if c.district.is_some() && c.district == me.district {
            1
        } else {
            2
        };
        let d = match (me.coords, c.coords) {
            (Some(a), Some(b)) => distance_km(a, b),
            _ => f64::INFINITY,
        };
        (tier, d)
    };
    let mut list: Vec<(u8, f64, Place<'a>)> = candidates
        .iter()
        .filter(|c| c.id != me.id)
        .map(|c| {
            let (t, d) = key(c);
            (t, d, *c)
        })
        .collect();
    list.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.total_cmp(&b.1))
            .then_with(|| a.2.id.cmp(b.2.id))
    });
    list.into_iter().take(k).map(|(_, _, c)| c).collect()
}

/// Up to `k` practices for a mijlpaal. `named` are the practice lists (newest first) of the
/// werkpleinen named by [`leer_van`], in their order; `in_themas` says whether a practice is
/// filed under one of the mijlpaal's thema's; `by_thema` are the practice lists (newest first)
/// of those thema's; `newest` orders two practices newest first, as those lists are ordered.
/// Named werkpleinen's practices come first, then the newest of the thema's, each once. Only
/// the first `k` entries of each thema list can matter after de-duplication, so the cost is
/// O(thema's × k) however many practices the site has.
pub fn pick_practices(
    named: &[&[usize]],
    in_themas: &dyn Fn(usize) -> bool,
    by_thema: &[&[usize]],
    newest: &dyn Fn(usize, usize) -> Ordering,
    k: usize,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for list in named {
        for &p in *list {
            if out.len() == k {
                return out;
            }
            if in_themas(p) && !out.contains(&p) {
                out.push(p);
            }
        }
    }
    let mut rest: Vec<usize> = by_thema
        .iter()
        .flat_map(|l| l.iter().take(2 * k).copied())
        .collect();
    rest.sort_by(|&a, &b| newest(a, b).then(a.cmp(&b)));
    rest.dedup();
    for p in rest {
        if out.len() == k {
            break;
        }
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// A werkplein that changed group since its previous report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub werkplein: String,
    /// Group indexes (in landkaart.yaml order, lowest scores first).
    pub van: usize,
    pub naar: usize,
}

/// Who went up and who went down a group since their previous report (by id). The previous
/// group is taken on the previous unrounded total, as groups always are.
pub fn group_moves(stats: &PeriodStats, groepen: &[Band]) -> (Vec<Move>, Vec<Move>) {
    let (mut up, mut down) = (Vec::new(), Vec::new());
    for w in &stats.werkpleinen {
        let Some(prev) = w.previous else { continue };
        let van = band_of(groepen, prev);
        let m = Move {
            werkplein: w.werkplein.clone(),
            van,
            naar: w.groep,
        };
        match w.groep.cmp(&van) {
            Ordering::Greater => up.push(m),
            Ordering::Less => down.push(m),
            Ordering::Equal => {}
        }
    }
    (up, down)
}

/// Number of reporting werkpleinen per group.
pub fn group_counts(stats: &PeriodStats, groepen: usize) -> Vec<u32> {
    let mut c = vec![0u32; groepen];
    for w in &stats.werkpleinen {
        if let Some(x) = c.get_mut(w.groep) {
            *x += 1;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::super::scores::{Shape, Trend, all_periods};
    use super::*;

    fn ws(id: &str, mijlpalen: &[Option<u8>], fasen: &[Option<f64>], total: f64) -> WerkpleinScore {
        WerkpleinScore {
            werkplein: id.into(),
            mijlpalen: mijlpalen.to_vec(),
            fasen: fasen.to_vec(),
            total,
            band: 0,
            groep: 0,
            previous: None,
            trend: Trend::Nieuw,
        }
    }

    #[test]
    fn means_skip_what_was_not_reported() {
        let a = ws(
            "a",
            &[Some(100), Some(33)],
            &[Some(100.0), Some(33.0)],
            66.5,
        );
        let b = ws("b", &[Some(66), None], &[Some(66.0), None], 66.0);
        let m = means(&[&a, &b], 2, 2);
        assert_eq!(m.werkpleinen, 2);
        assert_eq!(m.total, Some(66.25));
        assert_eq!(m.fasen, vec![Some(83.0), Some(33.0)]);
        assert_eq!(m.mijlpalen, vec![Some(83.0), Some(33.0)]);
        let none = means(&[], 2, 2);
        assert_eq!(none.total, None);
        assert_eq!(none.fasen, vec![None, None]);
    }

    fn place<'a>(
        id: &'a str,
        regio: &'a str,
        district: Option<&'a str>,
        c: Option<(f64, f64)>,
    ) -> Place<'a> {
        Place {
            id,
            regio,
            district,
            coords: c,
        }
    }

    #[test]
    fn distances_on_the_globe() {
        // Utrecht – Groningen ≈ 160 km; a point to itself is 0.
        let d = distance_km((52.0907, 5.1214), (53.2194, 6.5665));
        assert!((150.0..170.0).contains(&d), "{d}");
        assert_eq!(distance_km((52.0, 5.0), (52.0, 5.0)), 0.0);
        // Antipodes do not produce NaN.
        assert!(distance_km((0.0, 0.0), (0.0, 180.0)).is_finite());
    }

    #[test]
    fn leer_van_same_regio_then_district_then_distance_then_id() {
        let me = place("me", "r1", Some("noord"), Some((52.0, 5.0)));
        let cands = [
            place("far-regio", "r1", Some("zuid"), Some((53.0, 6.0))),
            place("near-other", "r9", None, Some((52.01, 5.0))),
            place("district-b", "r2", Some("noord"), Some((52.5, 5.0))),
            place("district-a", "r3", Some("noord"), Some((52.5, 5.0))),
            place("me", "r1", Some("noord"), Some((52.0, 5.0))),
            place("no-coords", "r1", Some("noord"), None),
        ];
        fn ids<'a>(v: Vec<Place<'a>>) -> Vec<&'a str> {
            v.into_iter().map(|p| p.id).collect()
        }
        // Same regio first (nearest first, no coordinates last), never itself.
        assert_eq!(
            ids(leer_van(&me, &cands, 3)),
            ["far-regio", "no-coords", "district-a"]
        );
        // Then district (equal distance: by id), then nearest other.
        assert_eq!(
            ids(leer_van(&me, &cands, 10)),
            [
                "far-regio",
                "no-coords",
                "district-a",
                "district-b",
                "near-other"
            ]
        );
        assert!(leer_van(&me, &cands, 0).is_empty());
        assert!(leer_van(&me, &[], 3).is_empty());
        // Without a district, a werkplein without district never matches another without one.
        let lone = place("lone", "r5", None, Some((52.0, 5.0)));
        assert_eq!(ids(leer_van(&lone, &cands[1..2], 3)), ["near-other"]);
    }

    #[test]
    fn practices_of_named_werkpleinen_first_then_newest_once() {
        // Practices 0..10; lower number = newer (rank = index).
        let rank = |a: usize, b: usize| a.cmp(&b);
        let in_themas = |p: usize| p != 3;
        let named: [&[usize]; 2] = [&[3, 7], &[8, 7]];
        let by_thema: [&[usize]; 2] = [&[1, 4, 7, 9], &[0, 1, 8]];
        // 3 is not filed under the thema's; 7 once; then the newest: 0.
        assert_eq!(
            pick_practices(&named, &in_themas, &by_thema, &rank, 3),
            [7, 8, 0]
        );
        assert_eq!(
            pick_practices(&[], &in_themas, &by_thema, &rank, 3),
            [0, 1, 4]
        );
        assert_eq!(pick_practices(&named, &in_themas, &by_thema, &rank, 1), [7]);
        assert!(pick_practices(&[], &in_themas, &[], &rank, 3).is_empty());
        // Fewer than k available.
        assert_eq!(pick_practices(&[], &in_themas, &[&[5]], &rank, 3), [5]);
    }

    fn groepen() -> Vec<Band> {
        Band::list(&[("achter", 0, 49), ("midden", 50, 79), ("kop", 80, 100)])
    }

    #[test]
    fn group_moves_and_counts_on_unrounded_totals() {
        let g = groepen();
        let fasen = [std::ops::Range { start: 0, end: 1 }];
        let shape = Shape {
            fasen: &fasen,
            mijlpalen: 1,
            banden: &g,
            groepen: &g,
        };
        let rows = |v: &[(&str, Option<u8>)]| {
            v.iter()
                .map(|(id, s)| (id.to_string(), vec![*s]))
                .collect::<super::super::scores::Rows>()
        };
        let p1 = rows(&[
            ("a", Some(49)),
            ("b", Some(80)),
            ("c", Some(50)),
            ("d", Some(79)),
        ]);
        // a: 49 → 50 up (boundary); b: 80 → 79 down; c stays; d: 79 → 80 up; e is new.
        let p2 = rows(&[
            ("a", Some(50)),
            ("b", Some(79)),
            ("c", Some(79)),
            ("d", Some(80)),
            ("e", Some(100)),
        ]);
        let all = all_periods(&shape, &[Some(p1), Some(p2)]);
        let s2 = all[1].as_ref().unwrap();
        let (up, down) = group_moves(s2, &g);
        assert_eq!(
            up,
            [
                Move {
                    werkplein: "a".into(),
                    van: 0,
                    naar: 1
                },
                Move {
                    werkplein: "d".into(),
                    van: 1,
                    naar: 2
                },
            ]
        );
        assert_eq!(
            down,
            [Move {
                werkplein: "b".into(),
                van: 2,
                naar: 1
            }]
        );
        assert_eq!(group_counts(s2, 3), [0, 3, 2]);
        assert_eq!(group_counts(all[0].as_ref().unwrap(), 3), [1, 2, 1]);
        assert!(group_moves(all[0].as_ref().unwrap(), &g).0.is_empty());
    }
}

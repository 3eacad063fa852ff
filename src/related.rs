//! Related praktijkvoorbeelden: the practices that share most thema's with a practice, then
//! those of the same arbeidsmarktregio, newest first.
//!
//! Candidates come from the site's per-thema and per-werkplein indexes, each capped at
//! [`CANDIDATES`] (the newest), so finding the related practices of every practice costs
//! O(practices × thema's × cap) rather than O(practices²).
//!
//! Part of the model stage: [`crate::model::build`] fills [`Site::related`] with [`all`].

use std::collections::HashMap;

use rayon::prelude::*;

use crate::content::Meta;
use crate::fingerprint::hash_of;
use crate::model::Site;

/// How many related practices a practice shows.
pub const SHOWN: usize = 3;
/// How many of a thema's (or werkplein's) practices are considered, newest first.
pub const CANDIDATES: usize = 64;

fn practice(site: &Site, i: usize) -> Option<(Option<&str>, Vec<&str>)> {
    match &site.pages[i].doc.meta {
        Meta::Praktijkvoorbeeld {
            werkplein, themas, ..
        } => Some((
            werkplein.as_deref(),
            themas.iter().map(|t| t.id.as_str()).collect(),
        )),
        _ => None,
    }
}

fn regio_of<'a>(site: &'a Site, werkplein: Option<&str>) -> Option<&'a str> {
    werkplein
        .and_then(|w| site.data.werkplein(w))
        .map(|w| w.regio.as_str())
}

/// Related practices per practice path from the previous build (`svdk serve`), and the
/// fingerprint of what they were computed from (every practice's path, date, title, werkplein,
/// regio and thema's).
#[derive(Debug, Default)]
pub struct Cache(u64, HashMap<String, Vec<String>>);

/// The related practices of every page (empty for pages that are not practices), taken from
/// the cache when no practice changed in what relates them.
pub fn all(site: &Site, cache: Option<&mut Cache>) -> Vec<Vec<usize>> {
    let compute = || -> Vec<Vec<usize>> {
        (0..site.pages.len())
            .into_par_iter()
            .map(|i| related(site, i))
            .collect()
    };
    let Some(cache) = cache else {
        return compute();
    };
    let env = hash_of(
        &site
            .praktijkvoorbeelden
            .iter()
            .map(|&i| {
                let p = &site.pages[i];
                let regio = match &p.doc.meta {
                    Meta::Praktijkvoorbeeld {
                        werkplein, themas, ..
                    } => (
                        werkplein.as_deref(),
                        werkplein
                            .as_deref()
                            .and_then(|w| site.data.werkplein(w))
                            .map(|w| w.regio.as_str()),
                        themas.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
                    ),
                    _ => (None, None, Vec::new()),
                };
                (&p.doc.path, p.doc.date, &p.doc.title, regio)
            })
            .collect::<Vec<_>>(),
    );
    if cache.0 == env && !cache.1.is_empty() {
        let index: HashMap<&str, usize> = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.doc.path.as_str(), i))
            .collect();
        return site
            .pages
            .iter()
            .map(|p| {
                cache.1.get(&p.doc.path).map_or_else(Vec::new, |list| {
                    list.iter()
                        .filter_map(|r| index.get(r.as_str()).copied())
                        .collect()
                })
            })
            .collect();
    }
    let all = compute();
    let by_path = site
        .pages
        .iter()
        .zip(&all)
        .filter(|(_, r)| !r.is_empty())
        .map(|(p, r)| {
            let paths = r.iter().map(|&j| site.pages[j].doc.path.clone()).collect();
            (p.doc.path.clone(), paths)
        })
        .collect();
    *cache = Cache(env, by_path);
    all
}

/// Page indexes of up to [`SHOWN`] practices related to the practice `i`.
pub fn related(site: &Site, i: usize) -> Vec<usize> {
    let Some((werkplein, themas)) = practice(site, i) else {
        return Vec::new();
    };
    let regio = regio_of(site, werkplein);
    // candidate → (shared thema's, same regio)
    let mut cand: HashMap<usize, (usize, bool)> = HashMap::new();
    for t in &themas {
        for &j in site
            .praktijk_by_thema
            .get(*t)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .take(CANDIDATES)
        {
            if j != i {
                cand.entry(j).or_default().0 += 1;
            }
        }
    }
    if let Some(r) = regio {
        let members = site
            .werkpleinen_by_regio
            .get(r)
            .map_or(&[][..], Vec::as_slice);
        for &w in members {
            let id = &site.data.werkpleinen[w].id;
            for &j in site
                .praktijk_by_werkplein
                .get(id)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .take(CANDIDATES)
            {
                if j != i {
                    cand.entry(j).or_default().1 = true;
                }
            }
        }
        // Thema candidates from the same regio count as such too.
        for (&j, c) in cand.iter_mut() {
            if !c.1 {
                c.1 = practice(site, j).is_some_and(|(w, _)| regio_of(site, w) == Some(r));
            }
        }
    }
    let mut ranked: Vec<(usize, (usize, bool))> = cand.into_iter().collect();
    // A total order (paths are unique), so picking the first SHOWN before sorting them gives
    // the same practices in the same order as sorting every candidate.
    let order = |&(a, ca): &(usize, (usize, bool)), &(b, cb): &(usize, (usize, bool))| {
        let (da, db) = (&site.pages[a].doc, &site.pages[b].doc);
        cb.0.cmp(&ca.0)
            .then(cb.1.cmp(&ca.1))
            .then(db.date.cmp(&da.date))
            .then_with(|| da.title.cmp(&db.title))
            .then_with(|| da.path.cmp(&db.path))
    };
    if ranked.len() > SHOWN {
        ranked.select_nth_unstable_by(SHOWN - 1, order);
        ranked.truncate(SHOWN);
    }
    ranked.sort_by(order);
    ranked.into_iter().map(|(j, _)| j).collect()
}

//! Related praktijkvoorbeelden: the practices that share most thema's with a practice, then
//! those of the same arbeidsmarktregio, newest first.
//!
//! Candidates come from the site's per-thema and per-werkplein indexes, each capped at
//! [`CANDIDATES`] (the newest), so finding the related practices of every practice costs
//! O(practices × thema's × cap) rather than O(practices²).

use std::collections::HashMap;

use crate::content::Meta;
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
    ranked.sort_by(|&(a, ca), &(b, cb)| {
        let (da, db) = (&site.pages[a].doc, &site.pages[b].doc);
        cb.0.cmp(&ca.0)
            .then(cb.1.cmp(&ca.1))
            .then(db.date.cmp(&da.date))
            .then_with(|| da.title.cmp(&db.title))
            .then_with(|| da.path.cmp(&db.path))
    });
    ranked.into_iter().take(SHOWN).map(|(j, _)| j).collect()
}

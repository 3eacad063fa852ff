//! Re-rendering only what changed, for `svdk serve`.
//!
//! Every render records which pages each output shows, and how: in a list ([`record`]: its
//! title, date, summary, links), or with its text ([`record_text`]: its rendered Markdown).
//! The next render compares two fingerprints of every page with the previous ones, of its list
//! form and of its text; an output is rendered again when
//! - it is new, or everything is (templates, settings or data changed);
//! - a page it showed last time changed in what it showed (or disappeared);
//! - a page whose list form changed now belongs in it ([`Renderer::listing`]: the lists a
//!   page can join);
//! - it shows the whole site (the sitemap).
//!
//! Otherwise the file from the previous build stays as it is. The integration test
//! `tests/incremental.rs` checks that this gives the same site as a full build.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::{Job, Renderer};
use crate::content::Meta;
use crate::model::Site;

/// What a render leaves for the next one.
#[derive(Debug, Default)]
pub struct RenderCache {
    /// Fingerprint of everything that is not a page (templates, settings, data).
    global: u64,
    /// Source path → fingerprints of the page: (list form, text).
    pages: HashMap<String, (u64, u64)>,
    /// Output path → source paths of the pages it showed, and whether with their text.
    deps: HashMap<String, Vec<(String, bool)>>,
    /// The search index's per-document work.
    pub(super) search: crate::search::SearchCache,
    /// Related practices per practice path, and the fingerprint of what they were computed
    /// from (every practice's path, date, title, werkplein, regio and thema's).
    related: (u64, HashMap<String, Vec<String>>),
}

/// The related practices of every page (empty for pages that are not practices), taken from
/// the cache when no practice changed in what relates them.
pub(super) fn related(site: &Site, cache: Option<&mut RenderCache>) -> Vec<Vec<usize>> {
    let compute = || -> Vec<Vec<usize>> {
        (0..site.pages.len())
            .into_par_iter()
            .map(|i| crate::search::related::related(site, i))
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
    if cache.related.0 == env && !cache.related.1.is_empty() {
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
                cache
                    .related
                    .1
                    .get(&p.doc.path)
                    .map_or_else(Vec::new, |list| {
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
    cache.related = (env, by_path);
    all
}

thread_local! {
    static SHOWN: RefCell<Option<Vec<(usize, bool)>>> = const { RefCell::new(None) };
}

fn note(i: usize, text: bool) {
    SHOWN.with(|s| {
        if let Some(list) = s.borrow_mut().as_mut() {
            list.push((i, text));
        }
    });
}

/// Notes that the output being rendered on this thread lists page `i`.
pub(super) fn record(i: usize) {
    note(i, false);
}

/// Notes that the output being rendered on this thread shows the text of page `i`.
pub(super) fn record_text(i: usize) {
    note(i, true);
}

/// Starts recording for one output on this thread.
pub(super) fn start() {
    SHOWN.with(|s| *s.borrow_mut() = Some(Vec::new()));
}

/// The pages recorded since [`start`].
pub(super) fn finish() -> Vec<(usize, bool)> {
    SHOWN.with(|s| s.borrow_mut().take().unwrap_or_default())
}

pub(super) fn hash_of(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Which outputs to render again; `None`: all of them.
pub(super) struct Plan {
    dirty: HashSet<String>,
}

impl Plan {
    pub(super) fn needs(&self, output: &str) -> bool {
        self.dirty.contains(output)
    }
}

impl RenderCache {
    /// Decides what to render; `None` means everything.
    pub(super) fn plan(
        &self,
        r: &Renderer,
        jobs: &[Job],
        global: u64,
        pages: &HashMap<String, (u64, u64)>,
    ) -> Option<Plan> {
        if self.pages.is_empty() || global != self.global {
            return None;
        }
        // Pages whose list form changed (or that came or went), and those whose text changed.
        let mut listed: HashSet<&str> = HashSet::new();
        let mut text: HashSet<&str> = HashSet::new();
        for (path, fp) in pages {
            match self.pages.get(path) {
                Some(old) if old == fp => {}
                Some(old) if old.0 == fp.0 => {
                    text.insert(path);
                }
                _ => {
                    listed.insert(path);
                }
            }
        }
        listed.extend(
            self.pages
                .keys()
                .filter(|p| !pages.contains_key(*p))
                .map(String::as_str),
        );
        let site = r.site;
        let mut dirty: HashSet<String> = HashSet::new();
        for (i, p) in site.pages.iter().enumerate() {
            if listed.contains(p.doc.path.as_str()) {
                for job in r.listing(i) {
                    dirty.insert(r.output_path(job));
                }
            }
        }
        for &job in jobs {
            let out = r.output_path(job);
            let stale = match self.deps.get(&out) {
                None => true,
                Some(shown) => shown.iter().any(|(p, with_text)| {
                    listed.contains(p.as_str()) || (*with_text && text.contains(p.as_str()))
                }),
            };
            // The sitemap lists every page with its date: it changes when a list form does.
            if stale || (matches!(job, Job::Sitemap) && !listed.is_empty()) {
                dirty.insert(out);
            }
        }
        Some(Plan { dirty })
    }

    /// Keeps what this render did for the next one.
    pub(super) fn update(
        &mut self,
        global: u64,
        pages: HashMap<String, (u64, u64)>,
        shown: Vec<(String, Vec<(String, bool)>)>,
        outputs: &HashSet<String>,
    ) {
        self.deps.retain(|out, _| outputs.contains(out));
        self.deps.extend(shown);
        self.global = global;
        self.pages = pages;
    }
}

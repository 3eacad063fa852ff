//! Re-rendering only what changed, for `svdk serve`.
//!
//! Every output's builder records what it shows in a [`Deps`] value: lists of pages (by what
//! selects them, [`List`]), lists it shows a slice of or counts (their order), and single
//! pages, with or without their text. The next render compares three fingerprints of every
//! page with the previous ones, of its list form, of its text and of its metadata, and a
//! fingerprint of every recorded list (its members and their list forms) and order (its
//! members and their metadata); an output is rendered again when
//! - it is new, or everything is (templates, settings or data changed);
//! - a list it showed changed: a page joined or left it, or changed in its list form;
//! - an order it showed changed: a page joined or left it, moved in it, or changed its
//!   werkplein or thema's (a page of a paginated list shows members by position, and the
//!   practices' index counts them by thema and werkplein);
//! - a single page it showed changed in what it showed (or disappeared).
//!
//! There is no second account of which outputs list which pages: a page newly joining a list
//! changes that list's fingerprint. Otherwise the file from the previous build stays as it
//! is. The integration test `tests/suite/incremental.rs` checks that this gives the same site as a
//! full build.

use std::collections::{HashMap, HashSet};

use super::deps::{Deps, List};
use crate::fingerprint::hash_of;
use crate::model::Site;

/// What a render leaves for the next one.
#[derive(Debug, Default)]
pub struct RenderCache {
    /// Fingerprint of everything that is not a page (templates, settings, data).
    global: u64,
    /// Source path → fingerprints of the page.
    pages: HashMap<String, PageFingerprint>,
    /// Output path → what it showed.
    deps: HashMap<String, Shown>,
    /// The search index's per-document work.
    pub(super) search: crate::search::SearchCache,
}

/// Fingerprints of one page: (list form, text, metadata).
pub(super) type PageFingerprint = (u64, u64, u64);

/// What one output showed in the previous render.
#[derive(Debug)]
struct Shown {
    /// The lists, each with its fingerprint then.
    lists: Vec<(List, u64)>,
    /// The orders, each with its fingerprint then.
    orders: Vec<(List, u64)>,
    /// Source paths of single pages, and whether with their text.
    pages: Vec<(String, bool)>,
}

/// Fingerprint of a list: its members and their list forms (`order`: their metadata).
fn list_fingerprint(
    site: &Site,
    list: &List,
    order: bool,
    pages: &HashMap<String, PageFingerprint>,
) -> u64 {
    hash_of(
        &list
            .members(site)
            .iter()
            .map(|&i| {
                let path = &site.pages[i].doc.path;
                let fp = pages.get(path).map(|fp| if order { fp.2 } else { fp.0 });
                (path, fp)
            })
            .collect::<Vec<_>>(),
    )
}

/// Fingerprints of lists and orders, each computed once.
struct ListFingerprints<'s> {
    site: &'s Site,
    pages: &'s HashMap<String, PageFingerprint>,
    memo: HashMap<(List, bool), u64>,
}

impl ListFingerprints<'_> {
    fn get(&mut self, list: &List, order: bool) -> u64 {
        let key = (list.clone(), order);
        if let Some(&fp) = self.memo.get(&key) {
            return fp;
        }
        let fp = list_fingerprint(self.site, list, order, self.pages);
        self.memo.insert(key, fp);
        fp
    }
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
        site: &Site,
        outputs: &[String],
        global: u64,
        pages: &HashMap<String, PageFingerprint>,
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
                Some(old) if old.0 == fp.0 && old.2 == fp.2 => {
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
        let mut lists = ListFingerprints {
            site,
            pages,
            memo: HashMap::new(),
        };
        let mut dirty: HashSet<String> = HashSet::new();
        for out in outputs {
            let stale = match self.deps.get(out) {
                None => true,
                Some(shown) => {
                    shown.lists.iter().any(|(l, fp)| lists.get(l, false) != *fp)
                        || shown.orders.iter().any(|(l, fp)| lists.get(l, true) != *fp)
                        || shown.pages.iter().any(|(p, with_text)| {
                            listed.contains(p.as_str()) || (*with_text && text.contains(p.as_str()))
                        })
                }
            };
            if stale {
                dirty.insert(out.clone());
            }
        }
        Some(Plan { dirty })
    }

    /// Keeps what this render did for the next one.
    pub(super) fn update(
        &mut self,
        site: &Site,
        global: u64,
        pages: HashMap<String, PageFingerprint>,
        shown: Vec<(String, Deps)>,
        outputs: &HashSet<String>,
    ) {
        self.deps.retain(|out, _| outputs.contains(out));
        let mut lists = ListFingerprints {
            site,
            pages: &pages,
            memo: HashMap::new(),
        };
        let shown: Vec<(String, Shown)> = shown
            .into_iter()
            .map(|(out, deps)| {
                let shown = Shown {
                    lists: deps
                        .lists
                        .into_iter()
                        .map(|l| {
                            let fp = lists.get(&l, false);
                            (l, fp)
                        })
                        .collect(),
                    orders: deps
                        .orders
                        .into_iter()
                        .map(|l| {
                            let fp = lists.get(&l, true);
                            (l, fp)
                        })
                        .collect(),
                    pages: deps
                        .pages
                        .into_iter()
                        .map(|(i, text)| (site.pages[i].doc.path.clone(), text))
                        .collect(),
                };
                (out, shown)
            })
            .collect();
        self.deps.extend(shown);
        self.global = global;
        self.pages = pages;
    }
}

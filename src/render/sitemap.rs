//! For crawlers: `sitemap.xml` (every HTML page of the job list) and `robots.txt`.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::PageInfo;
use super::{Built, Job, Renderer};
use crate::route::Route;

/// Context of `sitemap.xml`.
#[derive(Serialize)]
struct SitemapContext {
    page: PageInfo,
    urls: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    loc: String,
    lastmod: Option<String>,
}

/// The sitemap of all HTML pages among `jobs`, with the date of dated pages.
pub(super) fn sitemap(r: &Renderer, jobs: &[Job], d: &mut Deps) -> Built {
    let site = r.site;
    // It lists every page with its date.
    d.list(site, List::AllPages);
    let origin = &site.config.base_url.origin;
    let mut entries: Vec<Entry> = jobs
        .iter()
        .filter_map(|&job| {
            let route = job.route(site);
            if !route.in_sitemap() || matches!(job, Job::NotFound) {
                return None;
            }
            let lastmod = match job {
                Job::Page(i) => site.pages[i]
                    .doc
                    .date
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                _ => None,
            };
            Some(Entry {
                loc: format!("{origin}{}", r.urls.route(route)),
                lastmod,
            })
        })
        .collect();
    entries.sort_by(|a, b| a.loc.cmp(&b.loc));
    let ctx = SitemapContext {
        page: r.info("Sitemap", Route::Sitemap, None, None, vec![]),
        urls: entries,
    };
    Built::new("sitemap.xml", &ctx)
}

/// Context of `robots.txt`.
#[derive(Serialize)]
struct RobotsContext {
    page: PageInfo,
    sitemap_url: String,
}

pub(super) fn robots(r: &Renderer) -> Built {
    let ctx = RobotsContext {
        page: r.info("robots.txt", Route::Robots, None, None, vec![]),
        sitemap_url: format!(
            "{}{}",
            r.site.config.base_url.origin,
            r.urls.route(Route::Sitemap)
        ),
    };
    Built::new("robots.txt", &ctx)
}

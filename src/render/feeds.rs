//! The feeds: Atom and RSS of the journaal's newest items, Atom of the newest
//! praktijkvoorbeelden; with absolute links.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::PageInfo;
use super::{Built, Renderer};
use crate::route::Route;

/// How many items the feeds carry.
const FEED_ITEMS: usize = 50;

/// Context of `atom.xml` and `rss.xml`.
#[derive(Serialize)]
struct FeedContext {
    page: PageInfo,
    feed: Feed,
}

#[derive(Serialize)]
struct Feed {
    title: String,
    subtitle: String,
    url: String,
    alternate: String,
    updated: String,
    updated_rfc2822: String,
    items: Vec<FeedItem>,
}

#[derive(Serialize)]
struct FeedItem {
    title: String,
    url: String,
    date_rfc3339: String,
    date_rfc2822: String,
    samenvatting: Option<String>,
    content: String,
}

/// The journaal's feed at `route`, rendered with `template`.
pub(super) fn journaal(r: &Renderer, route: Route, template: &'static str, d: &mut Deps) -> Built {
    let all = d.list(r.site, List::Journaal);
    let about = About {
        title: "Werkpleinjournaal",
        subtitle: "Nieuws, vragen en antwoorden en agenda van de werkpleinen",
        alternate: Route::JournaalIndex,
    };
    feed(r, route, template, &all, &about, d)
}

/// The praktijkvoorbeelden's Atom feed.
pub(super) fn praktijkvoorbeelden(r: &Renderer, d: &mut Deps) -> Built {
    let all = d.list(r.site, List::Praktijkvoorbeelden);
    let about = About {
        title: "Praktijkvoorbeelden",
        subtitle: "Hoe werkpleinen het aanpakken: de nieuwste praktijkvoorbeelden",
        alternate: Route::PraktijkIndex,
    };
    feed(r, Route::PraktijkAtom, "atom.xml", &all, &about, d)
}

/// What a feed is: its title, one line about it, and the page of its list.
struct About {
    title: &'static str,
    subtitle: &'static str,
    alternate: Route<'static>,
}

/// The feed at `route` of the pages `all` (newest first), rendered with `template`.
fn feed(
    r: &Renderer,
    route: Route,
    template: &'static str,
    all: &[usize],
    about: &About,
    d: &mut Deps,
) -> Built {
    let site = r.site;
    let latest = &all[..all.len().min(FEED_ITEMS)];
    for &i in latest {
        d.text(i);
    }
    let origin = &site.config.base_url.origin;
    let abs = |route: Route| format!("{origin}{}", r.urls.route(route));
    let items: Vec<FeedItem> = latest
        .iter()
        .map(|&i| {
            let p = &site.pages[i];
            let date = p.doc.date.unwrap_or_default();
            let url = abs(Route::Content(&p.url));
            // A link to a heading of the page itself: in a feed reader it must name the page.
            let html = p.html.replace("href=\"#", &format!("href=\"{url}#"));
            FeedItem {
                title: p.doc.title.clone(),
                date_rfc3339: rfc3339(date),
                date_rfc2822: rfc2822(date),
                samenvatting: p.doc.samenvatting.clone(),
                content: absolutize(&html, origin),
                url,
            }
        })
        .collect();
    let newest = latest
        .iter()
        .filter_map(|&i| site.pages[i].doc.date)
        .max()
        .unwrap_or_default();
    let ctx = FeedContext {
        page: r.info(about.title, route, None, None, vec![]),
        feed: Feed {
            title: format!("{} — {}", about.title, site.config.title),
            subtitle: format!("{} — {}", about.subtitle, site.config.title),
            url: abs(route),
            alternate: abs(about.alternate),
            updated: rfc3339(newest),
            updated_rfc2822: rfc2822(newest),
            items,
        },
    };
    Built::new(template, &ctx)
}

fn rfc3339(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

fn rfc2822(d: chrono::NaiveDate) -> String {
    d.format("%a, %d %b %Y 00:00:00 +0000").to_string()
}

/// Makes root-relative links absolute, for feed readers.
fn absolutize(html: &str, origin: &str) -> String {
    html.replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"))
        .replace(&format!("=\"{origin}//"), "=\"//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2009, 10, 5).unwrap();
        assert_eq!(rfc3339(d), "2009-10-05T00:00:00Z");
        assert_eq!(rfc2822(d), "Mon, 05 Oct 2009 00:00:00 +0000");
    }

    #[test]
    fn absolute_links_for_feeds() {
        let html = r#"<a href="/sub/a/">a</a> <img src="/sub/x.png"> <a href="https://x.nl/">x</a> <a href="//cdn/">c</a>"#;
        let out = absolutize(html, "https://e.org");
        assert!(out.contains(r#"href="https://e.org/sub/a/""#));
        assert!(out.contains(r#"src="https://e.org/sub/x.png""#));
        assert!(out.contains(r#"href="https://x.nl/""#));
        assert!(out.contains(r#"href="//cdn/""#));
    }
}

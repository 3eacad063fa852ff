//! The home page: the site's introduction, the newest journaal items and practices, the
//! thema's and the Landkaart summary.

use serde::Serialize;

use super::deps::{Deps, List};
use super::landkaart::{self, HomeSummary};
use super::shapes::{Item, PageInfo, Ref};
use super::{Built, Renderer};
use crate::route::Route;

/// How many journaal items and practices the home page shows.
const HOME_JOURNAAL: usize = 5;
const HOME_PRAKTIJK: usize = 6;

/// Context of `home.html`.
#[derive(Serialize)]
struct HomeContext<'a> {
    page: PageInfo,
    intro: &'a str,
    journaal: Vec<&'a Item>,
    praktijkvoorbeelden: Vec<&'a Item>,
    themas: Vec<Ref>,
    landkaart: Option<HomeSummary>,
}

pub(super) fn build(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let home = d.list(site, List::Home).first().copied();
    if let Some(h) = home {
        d.text(h);
    }
    let home = home.map(|i| &site.pages[i]);
    let title = home.map_or(site.config.title.as_str(), |p| p.doc.title.as_str());
    // The newest few of each.
    let journaal = d.order(site, List::Journaal);
    d.pages(&journaal[..journaal.len().min(HOME_JOURNAAL)]);
    let praktijk = d.order(site, List::Praktijkvoorbeelden);
    d.pages(&praktijk[..praktijk.len().min(HOME_PRAKTIJK)]);
    let themas = d.list(site, List::Themas);
    let ctx = HomeContext {
        page: r.info(
            title,
            Route::Home,
            Some("home"),
            home.and_then(|p| p.doc.samenvatting.as_deref()),
            vec![],
        ),
        intro: home.map_or("", |p| &*p.html),
        journaal: r.items(&journaal[..journaal.len().min(HOME_JOURNAAL)]),
        praktijkvoorbeelden: r.items(&praktijk[..praktijk.len().min(HOME_PRAKTIJK)]),
        themas: themas
            .iter()
            .filter_map(|&t| r.urls.thema(site, &site.pages[t].doc.slug))
            .collect(),
        landkaart: landkaart::home_summary(site, r.urls),
    };
    Built::new("home.html", &ctx)
}

//! The KIOSK question desk: `/kiosk/` (how to reach it, its newest answers) and
//! `/kiosk/vragen/` (every published vraag-en-antwoord by thema, newest first); its contact
//! details are also a global for the footer.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{Item, PageInfo, TocEntry, Urls, toc};
use super::{Built, Renderer};
use crate::content::Meta;
use crate::model::Site;
use crate::route::Route;
use crate::search::Kind;

/// How many answered questions the KIOSK page shows.
const KIOSK_RECENT: usize = 5;

/// The global `kiosk`: the desk's contact details and pages.
#[derive(Serialize)]
pub(super) struct Globals {
    email: Option<String>,
    /// `mailto:` link.
    mailto: Option<String>,
    telefoon: Option<String>,
    /// `tel:` link.
    tel: Option<String>,
    url: String,
    vragen_url: String,
}

/// Whether the site has the KIOSK pages: a KIOSK page, its settings or published questions.
pub(super) fn present(site: &Site) -> bool {
    site.kiosk.is_some() || site.config.kiosk.is_some() || !site.vragen.is_empty()
}

pub(super) fn globals(site: &Site, urls: Urls) -> Option<Globals> {
    present(site).then(|| {
        let k = site.config.kiosk.as_ref();
        Globals {
            email: k.and_then(|k| k.email.clone()),
            mailto: k.and_then(|k| k.email.as_ref().map(|e| format!("mailto:{e}"))),
            telefoon: k.and_then(|k| k.telefoon.clone()),
            tel: k.and_then(|k| k.tel_uri()),
            url: urls.route(Route::Kiosk),
            vragen_url: urls.route(Route::KioskVragen),
        }
    })
}

/// Context of `kiosk.html`.
#[derive(Serialize)]
struct KioskContext<'a> {
    page: PageInfo,
    /// The text of `content/kiosk.md` (empty without it).
    content: &'a str,
    toc: Vec<TocEntry>,
    /// The newest answered questions.
    vragen: Vec<&'a Item>,
    /// All answered questions.
    aantal: usize,
}

/// `/kiosk/`: the introduction of `content/kiosk.md`, the contact details (global `kiosk`),
/// the newest answers and the number of all.
pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let page = d.list(site, List::Kiosk).first().map(|&i| {
        d.text(i);
        &site.pages[i]
    });
    let vragen = d.list(site, List::Vragen);
    let ctx = KioskContext {
        page: r.info(
            page.map_or("KIOSK", |p| p.doc.title.as_str()),
            Route::Kiosk,
            Some("kiosk"),
            Some(page.and_then(|p| p.doc.samenvatting.as_deref()).unwrap_or(
                "De KIOSK beantwoordt vragen van werkpleinen over integrale dienstverlening.",
            )),
            r.crumbs(&[]),
        ),
        content: page.map_or("", |p| &*p.html),
        toc: page.map(toc).unwrap_or_default(),
        vragen: r.items(&vragen[..vragen.len().min(KIOSK_RECENT)]),
        aantal: vragen.len(),
    };
    Built::new("kiosk.html", &ctx)
}

/// A thema with its questions.
#[derive(Serialize)]
struct Groep<'a> {
    /// Anchor of the group on the page.
    id: String,
    naam: String,
    /// The thema's page; none for questions without a thema.
    url: Option<String>,
    vragen: Vec<&'a Item>,
}

/// Context of `kiosk_vragen.html`.
#[derive(Serialize)]
struct VragenContext<'a> {
    page: PageInfo,
    groepen: Vec<Groep<'a>>,
    aantal: usize,
    /// The search page, filtered on questions.
    zoeken_url: String,
}

/// `/kiosk/vragen/`: the questions by thema name (a question with two thema's is in both;
/// questions without a thema last), newest first in each.
pub(super) fn vragen(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let vragen = d.list(site, List::Vragen);
    let themas = d.list(site, List::Themas);
    let kiosk = d.list(site, List::Kiosk);
    let kiosk_title = kiosk
        .first()
        .map_or("KIOSK", |&i| site.pages[i].doc.title.as_str());
    let of_thema = |id: Option<&str>| -> Vec<usize> {
        vragen
            .iter()
            .copied()
            .filter(|&i| match &site.pages[i].doc.meta {
                Meta::Journaal { themas, .. } => match id {
                    Some(id) => themas.iter().any(|t| t.id == id),
                    None => !themas.iter().any(|t| site.thema_by_id.contains_key(&t.id)),
                },
                _ => false,
            })
            .collect()
    };
    let mut groepen: Vec<Groep> = themas
        .iter()
        .filter_map(|&t| {
            let p = &site.pages[t];
            let list = of_thema(Some(&p.doc.slug));
            (!list.is_empty()).then(|| Groep {
                id: format!("thema-{}", p.doc.slug),
                naam: p.doc.title.clone(),
                url: Some(r.urls.route(Route::Content(&p.url))),
                vragen: r.items(&list),
            })
        })
        .collect();
    let rest = of_thema(None);
    if !rest.is_empty() {
        groepen.push(Groep {
            id: "overige-vragen".into(),
            naam: "Overige vragen".into(),
            url: None,
            vragen: r.items(&rest),
        });
    }
    let ctx = VragenContext {
        page: r.info(
            "Vragen en antwoorden",
            Route::KioskVragen,
            Some("kiosk"),
            Some("Alle vragen van werkpleinen aan de KIOSK met hun antwoord, per thema."),
            r.crumbs(&[(kiosk_title, Route::Kiosk)]),
        ),
        groepen,
        aantal: vragen.len(),
        zoeken_url: format!("{}?type={}", r.urls.route(Route::Zoeken), Kind::Vraag.id()),
    };
    Built::new("kiosk_vragen.html", &ctx)
}

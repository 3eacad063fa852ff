//! The KIOSK question desk: `/kiosk/` (how to reach it, its newest answers) and
//! `/kiosk/vragen/` (every published vraag-en-antwoord by thema, newest first); its contact
//! details are also a global for the footer.

use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::shapes::{Item, Urls, toc};
use crate::content::Meta;
use crate::model::{KIOSK, KIOSK_VRAGEN, Site};

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
            url: urls.path(KIOSK),
            vragen_url: urls.path(KIOSK_VRAGEN),
        }
    })
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

impl Renderer<'_> {
    /// `/kiosk/`: the introduction of `content/kiosk.md`, the contact details (global `kiosk`),
    /// the newest answers and the number of all.
    pub(super) fn kiosk_context(&self, url: &str, ctx: &mut Context) -> &'static str {
        let site = self.site;
        let page = site.kiosk.map(|i| &site.pages[i]);
        self.shows_text(site.kiosk.as_slice());
        let title = page.map_or("KIOSK", |p| p.doc.title.as_str());
        ctx.insert(
            "page",
            &self.info(
                title,
                url,
                Some("kiosk"),
                Some(page.and_then(|p| p.doc.samenvatting.as_deref()).unwrap_or(
                    "De KIOSK beantwoordt vragen van werkpleinen over integrale dienstverlening.",
                )),
                self.crumbs(&[]),
            ),
        );
        ctx.insert("content", &page.map_or("", |p| &*p.html));
        ctx.insert("toc", &page.map(toc).unwrap_or_default());
        let recent = &site.vragen[..site.vragen.len().min(KIOSK_RECENT)];
        ctx.insert("vragen", &self.items(recent));
        ctx.insert("aantal", &site.vragen.len());
        "kiosk.html"
    }

    /// `/kiosk/vragen/`: `groepen` (by thema name; a question with two thema's is in both;
    /// questions without a thema last) and `aantal` (all questions).
    pub(super) fn kiosk_vragen_context(&self, url: &str, ctx: &mut Context) -> &'static str {
        let site = self.site;
        self.shows(&site.themas);
        let kiosk_title = site
            .kiosk
            .map_or("KIOSK", |i| site.pages[i].doc.title.as_str());
        ctx.insert(
            "page",
            &self.info(
                "Vragen en antwoorden",
                url,
                Some("kiosk"),
                Some("Alle vragen van werkpleinen aan de KIOSK met hun antwoord, per thema."),
                self.crumbs(&[(kiosk_title, KIOSK)]),
            ),
        );
        let of_thema = |id: Option<&str>| -> Vec<usize> {
            site.vragen
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
        let mut groepen: Vec<Groep> = site
            .themas
            .iter()
            .filter_map(|&t| {
                let p = &site.pages[t];
                let list = of_thema(Some(&p.doc.slug));
                (!list.is_empty()).then(|| Groep {
                    id: format!("thema-{}", p.doc.slug),
                    naam: p.doc.title.clone(),
                    url: Some(self.urls.path(&p.url)),
                    vragen: self.items(&list),
                })
            })
            .collect();
        let rest = of_thema(None);
        if !rest.is_empty() {
            groepen.push(Groep {
                id: "overige-vragen".into(),
                naam: "Overige vragen".into(),
                url: None,
                vragen: self.items(&rest),
            });
        }
        ctx.insert("groepen", &groepen);
        ctx.insert("aantal", &site.vragen.len());
        ctx.insert(
            "zoeken_url",
            &format!(
                "{}?type={}",
                self.urls.path(crate::search::DIR),
                crate::search::Kind::Vraag.id()
            ),
        );
        "kiosk_vragen.html"
    }
}

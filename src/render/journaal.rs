//! The Werkpleinjournaal: the index with the editions, each monthly edition grouped by soort,
//! and each item. (Its feeds are in [`super::feeds`].)

use std::ops::Bound;

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{ContentPage, Item, PageInfo, Ref};
use super::{Built, Renderer};
use crate::content::{Meta, Soort};
use crate::route::Route;

/// How many items the journal index shows.
const JOURNAAL_LATEST: usize = 20;

/// Context of `journaal.html`.
#[derive(Serialize)]
struct IndexContext<'a> {
    page: PageInfo,
    items: Vec<&'a Item>,
    edities: Vec<EditieRow>,
    /// The agenda, when there are dated items.
    agenda_url: Option<String>,
}

#[derive(Serialize)]
struct EditieRow {
    id: String,
    naam: String,
    url: String,
    aantal: usize,
}

pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let all = d.list(site, List::Journaal);
    let edities: Vec<EditieRow> = site
        .edities
        .iter()
        .rev()
        .map(|(id, list)| {
            let e = r.urls.editie(id);
            EditieRow {
                id: e.id,
                naam: e.naam,
                url: e.url,
                aantal: list.len(),
            }
        })
        .collect();
    let ctx = IndexContext {
        page: r.info(
            "Werkpleinjournaal",
            Route::JournaalIndex,
            Some("journaal"),
            Some("Nieuws, vragen en antwoorden en de agenda van de werkpleinen, elke maand."),
            r.crumbs(&[]),
        ),
        items: r.items(&all[..all.len().min(JOURNAAL_LATEST)]),
        edities,
        agenda_url: (!site.agenda.is_empty()).then(|| r.urls.route(Route::Agenda)),
    };
    Built::new("journaal.html", &ctx)
}

/// Context of `editie.html`.
#[derive(Serialize)]
struct EditieContext<'a> {
    page: PageInfo,
    /// Its e-mail edition.
    nieuwsbrief: super::nieuwsbrief::Links,
    groepen: Vec<Groep<'a>>,
    vorige: Option<Nav>,
    volgende: Option<Nav>,
    editie: Ref,
}

#[derive(Serialize)]
struct Groep<'a> {
    soort: &'static str,
    naam: &'static str,
    items: Vec<&'a Item>,
}

#[derive(Serialize)]
struct Nav {
    naam: String,
    url: String,
}

/// The edition of month `e` (`YYYY-MM`).
pub(super) fn editie(r: &Renderer, e: &str, d: &mut Deps) -> Built {
    let site = r.site;
    // The editions, and so the neighbours, follow from all items.
    d.list(site, List::Journaal);
    let editie = r.urls.editie(e);
    let list = site.edities.get(e).map_or(&[][..], Vec::as_slice);
    let groepen: Vec<Groep> = Soort::ALL
        .iter()
        .map(|&s| {
            Groep {
            soort: s.id(),
            naam: s.naam(),
            items: list
                .iter()
                .filter(|&&i| {
                    matches!(&site.pages[i].doc.meta, Meta::Journaal { soort, .. } if *soort == s)
                })
                .map(|&i| &r.items[i])
                .collect(),
        }
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let to_nav = |id: &String| {
        let e = r.urls.editie(id);
        Nav {
            naam: e.naam,
            url: e.url,
        }
    };
    let vorige = site
        .edities
        .range(..e.to_string())
        .next_back()
        .map(|(k, _)| to_nav(k));
    let volgende = site
        .edities
        .range((Bound::Excluded(e.to_string()), Bound::Unbounded))
        .next()
        .map(|(k, _)| to_nav(k));
    let ctx = EditieContext {
        page: r.info(
            &format!("Werkpleinjournaal {}", editie.naam),
            Route::Editie(e),
            Some("journaal"),
            None,
            r.crumbs(&[("Werkpleinjournaal", Route::JournaalIndex)]),
        ),
        nieuwsbrief: super::nieuwsbrief::links(r, e),
        groepen,
        vorige,
        volgende,
        editie,
    };
    Built::new("editie.html", &ctx)
}

/// Context of `journaal_item.html`.
#[derive(Serialize)]
struct ItemContext<'a> {
    #[serde(flatten)]
    content: ContentPage<'a>,
    meta: JMeta<'a>,
}

#[derive(Serialize)]
struct JMeta<'a> {
    date: &'a Option<String>,
    date_nl: &'a Option<String>,
    soort: &'static str,
    soort_naam: &'static str,
    editie: Ref,
    werkpleinen: Vec<Ref>,
    themas: &'a [Ref],
    vraag_van: Option<Ref>,
    /// Agenda items: when and where, and their calendar file.
    wanneer: &'a Option<super::shapes::Wanneer>,
    /// Questions: the KIOSK's list of all questions.
    kiosk_vragen: Option<String>,
    /// Agenda items with a `wanneer`: schema.org `Event` as JSON, safe inside a `<script>`.
    jsonld: Option<String>,
}

/// The page of journaal item `i`.
pub(super) fn item(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let urls = r.urls;
    let Meta::Journaal {
        soort,
        editie,
        werkpleinen,
        vraag_van,
        ..
    } = &site.pages[i].doc.meta
    else {
        return super::pagina::page(r, i, d);
    };
    let e = urls.editie(editie);
    let name = format!("Editie {}", e.naam);
    let content = r.content(
        i,
        Some("journaal"),
        r.crumbs(&[
            ("Werkpleinjournaal", Route::JournaalIndex),
            (&name, Route::Editie(&e.id)),
        ]),
        d,
    );
    let it = &r.items[i];
    let ctx = ItemContext {
        content,
        meta: JMeta {
            date: &it.date,
            date_nl: &it.date_nl,
            soort: soort.id(),
            soort_naam: soort.naam(),
            editie: urls.editie(editie),
            werkpleinen: werkpleinen
                .iter()
                .filter_map(|w| urls.werkplein(site, w))
                .collect(),
            themas: &it.themas,
            vraag_van: vraag_van.as_deref().and_then(|w| urls.werkplein(site, w)),
            wanneer: &it.wanneer,
            kiosk_vragen: (*soort == Soort::Vraag).then(|| urls.route(Route::KioskVragen)),
            jsonld: super::agenda::event_jsonld(r, i),
        },
    };
    Built::new("journaal_item.html", &ctx)
}

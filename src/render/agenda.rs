//! The agenda: `/journaal/agenda/` (coming and past activities), `/journaal/agenda.ics` (every
//! dated item) and one `.ics` per item ("In je agenda zetten").

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{Item, PageInfo, Urls};
use super::{Built, Renderer};
use crate::agenda::{self, Event};
use crate::content::Meta;
use crate::model::{Page, Site};
use crate::route::Route;
use crate::write::{Body, OutFile};

/// The host of the site, for UIDs and Message-IDs: `www.samenvoordeklant.nl`.
pub(super) fn host(site: &Site) -> String {
    let origin = &site.config.base_url.origin;
    let host = origin.split("://").nth(1).unwrap_or(origin);
    host.rsplit_once(':')
        .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
        .map_or(host, |(h, _)| h)
        .to_string()
}

/// The calendar event of a dated agenda item.
fn event<'a>(site: &Site, urls: Urls, p: &'a Page) -> Option<Event<'a>> {
    let Meta::Journaal {
        wanneer: Some(w),
        waar,
        ..
    } = &p.doc.meta
    else {
        return None;
    };
    Some(Event {
        uid: format!("journaal-{}@{}", p.doc.slug, host(site)),
        published: p.doc.date.unwrap_or(w.van.date()),
        summary: &p.doc.title,
        description: p.doc.samenvatting.as_deref(),
        location: waar.as_deref(),
        url: format!(
            "{}{}",
            site.config.base_url.origin,
            urls.route(Route::Content(&p.url))
        ),
        wanneer: *w,
    })
}

/// Structured data (schema.org `Event`) of agenda item `i` when it has a `wanneer`, for
/// search engines: the JSON for a `<script type="application/ld+json">`, safe inside it.
pub(super) fn event_jsonld(r: &Renderer, i: usize) -> Option<String> {
    let site = r.site;
    let p = &site.pages[i];
    let Meta::Journaal {
        wanneer: Some(w),
        waar,
        werkpleinen,
        ..
    } = &p.doc.meta
    else {
        return None;
    };
    let origin = &site.config.base_url.origin;
    let url = format!("{origin}{}", r.urls.route(Route::Content(&p.url)));
    let organizer = match werkpleinen.first().and_then(|w| r.urls.werkplein(site, w)) {
        Some(w) => serde_json::json!({
            "@type": "Organization",
            "name": w.naam,
            "url": format!("{origin}{}", w.url),
        }),
        None => serde_json::json!({
            "@type": "Organization",
            "name": site.config.title,
            "url": site.config.base_url.full(),
        }),
    };
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": p.doc.title,
        "startDate": w.van.iso_zoned(),
        "url": url,
        "inLanguage": site.config.language,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": organizer,
    });
    if let Some(tot) = w.tot {
        v["endDate"] = tot.iso_zoned().into();
    }
    if let Some(s) = &p.doc.samenvatting {
        v["description"] = s.as_str().into();
    }
    if let Some(waar) = waar {
        v["location"] = serde_json::json!({ "@type": "Place", "name": waar, "address": waar });
    }
    Some(super::script_json(&v))
}

#[derive(Serialize)]
struct Peildatum {
    date: String,
    date_nl: String,
}

/// Context of `agenda.html`.
#[derive(Serialize)]
struct AgendaContext<'a> {
    page: PageInfo,
    /// Coming activities, soonest first.
    komend: Vec<&'a Item>,
    /// Past activities, most recent first.
    voorbij: Vec<&'a Item>,
    /// What "coming" is relative to: the newest date on the site.
    peildatum: Option<Peildatum>,
    ics: String,
    ics_absoluut: String,
}

/// `/journaal/agenda/`, split on the site's newest content date, never on the clock.
pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let all = d.list(site, List::Agenda);
    // Which activities are past depends on the newest date of any page: that date is in the
    // render's global fingerprint.
    let reference = site.newest;
    let (komend, mut voorbij): (Vec<usize>, Vec<usize>) =
        all.iter()
            .partition(|&&i| match (&site.pages[i].doc.meta, reference) {
                (
                    Meta::Journaal {
                        wanneer: Some(w), ..
                    },
                    Some(day),
                ) => w.is_coming(day),
                _ => true,
            });
    voorbij.reverse();
    let ctx = AgendaContext {
        page: r.info(
            "Agenda",
            Route::Agenda,
            Some("journaal"),
            Some("Bijeenkomsten, leergangen en andere activiteiten voor de werkpleinen, om in uw eigen agenda te zetten."),
            r.crumbs(&[("Werkpleinjournaal", Route::JournaalIndex)]),
        ),
        komend: r.items(&komend),
        voorbij: r.items(&voorbij),
        peildatum: reference.map(|day| Peildatum {
            date: day.format("%Y-%m-%d").to_string(),
            date_nl: crate::text::date_nl(day),
        }),
        ics: r.urls.route(Route::AgendaIcs),
        ics_absoluut: format!(
            "{}{}",
            site.config.base_url.origin,
            r.urls.route(Route::AgendaIcs)
        ),
    };
    Built::new("agenda.html", &ctx)
}

/// `journaal/agenda.ics` with every dated item, and each item's own `.ics`.
pub(super) fn files(r: &Renderer) -> Vec<OutFile> {
    let site = r.site;
    if site.agenda.is_empty() {
        return Vec::new();
    }
    let name = format!("Agenda — {}", site.config.title);
    let events: Vec<(usize, Event)> = site
        .agenda
        .iter()
        .filter_map(|&i| Some((i, event(site, r.urls, &site.pages[i])?)))
        .collect();
    let all: Vec<Event> = events.iter().map(|(_, e)| e.clone()).collect();
    let mut out = vec![OutFile {
        path: Route::AgendaIcs.output(),
        body: Body::Bytes(agenda::calendar(&name, &all).into_bytes()),
    }];
    for (i, e) in events {
        let p = &site.pages[i];
        out.push(OutFile {
            path: Route::AgendaItemIcs(&p.doc.slug).output(),
            body: Body::Bytes(agenda::calendar(&p.doc.title, &[e]).into_bytes()),
        });
    }
    out
}

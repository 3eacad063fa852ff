//! The agenda: `/journaal/agenda/` (coming and past activities), `/journaal/agenda.ics` (every
//! dated item) and one `.ics` per item ("In je agenda zetten").

use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::shapes::Item;
use crate::agenda::{self, Event};
use crate::content::Meta;
use crate::model::{AGENDA_ICS, Page, Site};
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
fn event<'a>(site: &Site, urls: super::Urls, p: &'a Page) -> Option<Event<'a>> {
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
        url: format!("{}{}", site.config.base_url.origin, urls.path(&p.url)),
        wanneer: *w,
    })
}

#[derive(Serialize)]
struct Peildatum {
    date: String,
    date_nl: String,
}

impl Renderer<'_> {
    /// `/journaal/agenda/`: `komend` (in order of their start) and `voorbij` (most recent
    /// first), split on the site's newest content date, never on the clock.
    pub(super) fn agenda_context(&self, url: &str, ctx: &mut Context) -> &'static str {
        let site = self.site;
        ctx.insert(
            "page",
            &self.info(
                "Agenda",
                url,
                Some("journaal"),
                Some("Bijeenkomsten, leergangen en andere activiteiten voor de werkpleinen, om in uw eigen agenda te zetten."),
                self.crumbs(&[("Werkpleinjournaal", "journaal/")]),
            ),
        );
        let reference = site.newest;
        let (komend, mut voorbij): (Vec<usize>, Vec<usize>) =
            site.agenda
                .iter()
                .partition(|&&i| match (&site.pages[i].doc.meta, reference) {
                    (
                        Meta::Journaal {
                            wanneer: Some(w), ..
                        },
                        Some(r),
                    ) => w.is_coming(r),
                    _ => true,
                });
        voorbij.reverse();
        let komend: Vec<&Item> = self.items(&komend);
        let voorbij: Vec<&Item> = self.items(&voorbij);
        ctx.insert("komend", &komend);
        ctx.insert("voorbij", &voorbij);
        ctx.insert(
            "peildatum",
            &reference.map(|d| Peildatum {
                date: d.format("%Y-%m-%d").to_string(),
                date_nl: crate::text::date_nl(d),
            }),
        );
        ctx.insert("ics", &self.urls.path(AGENDA_ICS));
        ctx.insert(
            "ics_absoluut",
            &format!(
                "{}{}",
                site.config.base_url.origin,
                self.urls.path(AGENDA_ICS)
            ),
        );
        "agenda.html"
    }

    /// `journaal/agenda.ics` with every dated item, and each item's own `.ics`.
    pub(super) fn agenda_files(&self) -> Vec<OutFile> {
        let site = self.site;
        if site.agenda.is_empty() {
            return Vec::new();
        }
        let name = format!("Agenda — {}", site.config.title);
        let events: Vec<(usize, Event)> = site
            .agenda
            .iter()
            .filter_map(|&i| Some((i, event(site, self.urls, &site.pages[i])?)))
            .collect();
        let all: Vec<Event> = events.iter().map(|(_, e)| e.clone()).collect();
        let mut out = vec![OutFile {
            path: AGENDA_ICS.into(),
            body: Body::Bytes(agenda::calendar(&name, &all).into_bytes()),
        }];
        for (i, e) in events {
            let p = &site.pages[i];
            out.push(OutFile {
                path: super::shapes::ics_path(p),
                body: Body::Bytes(agenda::calendar(&p.doc.title, &[e]).into_bytes()),
            });
        }
        out
    }
}

//! The e-mail edition of every journal month: `journaal/<editie>/nieuwsbrief.html` (the theme's
//! `nieuwsbrief.html`: e-mail HTML), `nieuwsbrief.txt` and `nieuwsbrief.eml` (both parts in
//! one MIME message, when `site.yaml` names a sender).

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::Renderer;
use crate::content::{Meta, Soort};
use crate::diagnostics::Diagnostics;
use crate::nieuwsbrief::{self, Bericht, Groep, Kiosk, Link, Mail, Nieuwsbrief};
use crate::route::Route;
use crate::write::{Body, OutFile};

/// At most this many characters of an item's text stand in for a missing summary.
const TEKST: usize = 300;

/// The edition page's links to its e-mail edition (global-free: given to `editie.html`).
#[derive(Serialize)]
pub(super) struct Links {
    html: String,
    txt: String,
    /// None when `site.yaml` has no `nieuwsbrief: {from}`.
    eml: Option<String>,
}

/// The edition page's links to its e-mail edition.
pub(super) fn links(r: &Renderer, editie: &str) -> Links {
    let url = |ext| r.urls.route(Route::Nieuwsbrief(editie, ext));
    Links {
        html: url("html"),
        txt: url("txt"),
        eml: r.site.config.nieuwsbrief_from.as_ref().map(|_| url("eml")),
    }
}

impl Renderer<'_> {
    /// The content of an edition's e-mail, every URL absolute.
    fn nieuwsbrief(&self, editie: &str) -> Nieuwsbrief {
        let site = self.site;
        let origin = &site.config.base_url.origin;
        let abs = |route: Route| format!("{origin}{}", self.urls.route(route));
        let naam = crate::text::month_nl(editie).unwrap_or_else(|| editie.to_string());
        let list = site.edities.get(editie).map_or(&[][..], Vec::as_slice);
        let groepen = Soort::ALL
            .iter()
            .filter_map(|&s| {
                let berichten: Vec<Bericht> = list
                    .iter()
                    .map(|&i| &site.pages[i])
                    .filter_map(|p| match &p.doc.meta {
                        Meta::Journaal {
                            soort,
                            vraag_van,
                            wanneer,
                            waar,
                            ..
                        } if *soort == s => Some(Bericht {
                            titel: p.doc.title.clone(),
                            url: abs(Route::Content(&p.url)),
                            datum: p.doc.date.map(crate::text::date_nl).unwrap_or_default(),
                            tekst: p.doc.samenvatting.clone().unwrap_or_else(|| {
                                shorten(&crate::search::text::html_to_text(&p.html), TEKST)
                            }),
                            vraag_van: vraag_van
                                .as_deref()
                                .and_then(|w| site.data.werkplein(w))
                                .map(|w| w.naam.clone()),
                            wanneer: wanneer.map(|w| w.label_nl()),
                            waar: waar.clone(),
                        }),
                        _ => None,
                    })
                    .collect();
                (!berichten.is_empty()).then(|| Groep {
                    naam: s.naam().to_string(),
                    berichten,
                })
            })
            .collect();
        let mut links = vec![Link {
            naam: "Alle edities van het Werkpleinjournaal".into(),
            url: abs(Route::JournaalIndex),
        }];
        if !site.agenda.is_empty() {
            links.push(Link {
                naam: "De agenda".into(),
                url: abs(Route::Agenda),
            });
        }
        let kiosk = site.config.kiosk.as_ref().and_then(|k| {
            Some(Kiosk {
                email: k.email.clone()?,
                telefoon: k.telefoon.clone(),
                url: abs(Route::KioskVragen),
            })
        });
        if kiosk.is_none() && super::kiosk::present(site) {
            links.push(Link {
                naam: "Vragen en antwoorden van de KIOSK".into(),
                url: abs(Route::KioskVragen),
            });
        }
        Nieuwsbrief {
            site: site.config.title.clone(),
            titel: format!("Werkpleinjournaal {naam}"),
            editie: naam,
            url: abs(Route::Editie(editie)),
            site_url: abs(Route::Home),
            groepen,
            kiosk,
            links,
        }
    }

    /// The e-mail edition files of every edition.
    pub(super) fn nieuwsbrief_files(&self, diags: &Diagnostics) -> Vec<OutFile> {
        let site = self.site;
        let host = super::agenda::host(site);
        site.edities
            .par_iter()
            .flat_map_iter(|(editie, list)| {
                let brief = self.nieuwsbrief(editie);
                let mut ctx = Context::new();
                ctx.insert("brief", &brief);
                let html = match self.tera.render("nieuwsbrief.html", &ctx) {
                    Ok(h) => h,
                    Err(e) => {
                        diags.push(super::template_error(&e, &self.origins));
                        return Vec::new();
                    }
                };
                let text = nieuwsbrief::text(&brief);
                let mut files = Vec::with_capacity(3);
                if let Some(from) = &site.config.nieuwsbrief_from {
                    let date = list
                        .iter()
                        .filter_map(|&i| site.pages[i].doc.date)
                        .max()
                        .unwrap_or_default();
                    let eml = nieuwsbrief::eml(&Mail {
                        from,
                        subject: &format!("{} — {}", brief.titel, brief.site),
                        date,
                        id: &format!("werkpleinjournaal-{editie}"),
                        host: &host,
                        text: &text,
                        html: &html,
                    });
                    files.push(OutFile {
                        path: Route::Nieuwsbrief(editie, "eml").output(),
                        body: Body::Bytes(eml),
                    });
                }
                files.push(OutFile {
                    path: Route::Nieuwsbrief(editie, "txt").output(),
                    body: Body::Bytes(text.into_bytes()),
                });
                files.push(OutFile {
                    path: Route::Nieuwsbrief(editie, "html").output(),
                    body: Body::Bytes(html.into_bytes()),
                });
                files
            })
            .collect()
    }
}

/// The first `max` characters of `text`, cut at a word, with `…`.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    #[test]
    fn shortens_at_a_word() {
        assert_eq!(super::shorten("een twee drie", 20), "een twee drie");
        assert_eq!(super::shorten("een twee, drie vier", 12), "een twee…");
    }
}

//! The kaderdocument: its index with each chapter's contents, each chapter with the chapter
//! navigation, and the printable whole.

use serde::Serialize;

use super::deps::{Deps, List};
use super::shapes::{ContentPage, PageInfo, TocEntry, toc};
use super::{Built, Renderer};
use crate::model::Site;
use crate::route::Route;

/// Whether the site has a kaderdocument.
pub(super) fn present(site: &Site) -> bool {
    site.kaderdocument.is_some() || !site.hoofdstukken.is_empty()
}

/// The index page and the chapters, their texts recorded as shown.
fn shown(r: &Renderer, d: &mut Deps) -> (Option<usize>, Vec<usize>) {
    let index = d.list(r.site, List::Kaderdocument).first().copied();
    let chapters = d.list(r.site, List::Hoofdstukken).into_owned();
    for &i in index.iter().chain(&chapters) {
        d.text(i);
    }
    (index, chapters)
}

/// The kaderdocument's title.
fn title(site: &Site, index: Option<usize>) -> &str {
    index.map_or("Kaderdocument", |i| site.pages[i].doc.title.as_str())
}

/// Context of `kaderdocument.html`.
#[derive(Serialize)]
struct IndexContext<'a> {
    page: PageInfo,
    intro: &'a str,
    hoofdstukken: Vec<IndexChapter<'a>>,
    print_url: String,
}

#[derive(Serialize)]
struct IndexChapter<'a> {
    nummer: usize,
    title: &'a str,
    url: String,
    samenvatting: Option<&'a str>,
    toc: Vec<TocEntry>,
}

pub(super) fn index(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let (index, chapters) = shown(r, d);
    let intro = index.map(|i| &site.pages[i]);
    let ctx = IndexContext {
        page: r.info(
            title(site, index),
            Route::KaderIndex,
            Some("kaderdocument"),
            intro.and_then(|p| p.doc.samenvatting.as_deref()),
            r.crumbs(&[]),
        ),
        intro: intro.map_or("", |p| &*p.html),
        hoofdstukken: chapters
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let p = &site.pages[i];
                IndexChapter {
                    nummer: n + 1,
                    title: &p.doc.title,
                    url: r.urls.route(Route::Content(&p.url)),
                    samenvatting: p.doc.samenvatting.as_deref(),
                    toc: toc(p),
                }
            })
            .collect(),
        print_url: r.urls.route(Route::KaderPrint),
    };
    Built::new("kaderdocument.html", &ctx)
}

/// Context of `kaderdocument_print.html`.
#[derive(Serialize)]
struct PrintContext<'a> {
    page: PageInfo,
    intro: &'a str,
    hoofdstukken: Vec<PrintChapter<'a>>,
}

#[derive(Serialize)]
struct PrintChapter<'a> {
    nummer: usize,
    title: &'a str,
    id: &'a str,
    content: &'a str,
}

pub(super) fn print(r: &Renderer, d: &mut Deps) -> Built {
    let site = r.site;
    let (index, chapters) = shown(r, d);
    let title = title(site, index);
    let ctx = PrintContext {
        page: r.info(
            &format!("{title} (volledige tekst)"),
            Route::KaderPrint,
            Some("kaderdocument"),
            None,
            r.crumbs(&[(title, Route::KaderIndex)]),
        ),
        intro: index.map_or("", |i| &*site.pages[i].html),
        hoofdstukken: chapters
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let p = &site.pages[i];
                PrintChapter {
                    nummer: n + 1,
                    title: &p.doc.title,
                    id: &p.doc.slug,
                    content: p.print_html.as_deref().unwrap_or(""),
                }
            })
            .collect(),
    };
    Built::new("kaderdocument_print.html", &ctx)
}

/// Context of `hoofdstuk.html`.
#[derive(Serialize)]
struct ChapterContext<'a> {
    #[serde(flatten)]
    content: ContentPage<'a>,
    hoofdstuk: Nummer<'a>,
    hoofdstukken: Vec<NavChapter<'a>>,
    vorige: Option<Link<'a>>,
    volgende: Option<Link<'a>>,
    print_url: String,
}

#[derive(Serialize)]
struct Nummer<'a> {
    nummer: usize,
    title: &'a str,
}

#[derive(Serialize)]
struct NavChapter<'a> {
    nummer: usize,
    title: &'a str,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: String,
}

/// The page of chapter `i`.
pub(super) fn hoofdstuk(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let site = r.site;
    let index = d.list(site, List::Kaderdocument).first().copied();
    let chapters = d.list(site, List::Hoofdstukken);
    let content = r.content(
        i,
        Some("kaderdocument"),
        r.crumbs(&[(title(site, index), Route::KaderIndex)]),
        d,
    );
    let n = chapters.iter().position(|&c| c == i).unwrap_or(0);
    let url = |c: usize| r.urls.route(Route::Content(&site.pages[c].url));
    let link = |k: usize| {
        chapters.get(k).map(|&c| Link {
            title: &site.pages[c].doc.title,
            url: url(c),
        })
    };
    let ctx = ChapterContext {
        content,
        hoofdstuk: Nummer {
            nummer: n + 1,
            title: &site.pages[i].doc.title,
        },
        hoofdstukken: chapters
            .iter()
            .enumerate()
            .map(|(k, &c)| NavChapter {
                nummer: k + 1,
                title: &site.pages[c].doc.title,
                url: url(c),
                current: c == i,
            })
            .collect(),
        vorige: n.checked_sub(1).and_then(link),
        volgende: link(n + 1),
        print_url: r.urls.route(Route::KaderPrint),
    };
    Built::new("hoofdstuk.html", &ctx)
}

//! Plain content pages (`page.html`) and the page for a missing URL (`404.html`).

use serde::Serialize;

use super::deps::Deps;
use super::shapes::{ContentPage, PageInfo};
use super::{Built, Renderer};
use crate::route::Route;

/// Context of `page.html`.
#[derive(Serialize)]
struct PageContext<'a> {
    #[serde(flatten)]
    content: ContentPage<'a>,
}

/// The plain page `i`.
pub(super) fn page(r: &Renderer, i: usize, d: &mut Deps) -> Built {
    let ctx = PageContext {
        content: r.content(i, None, r.crumbs(&[]), d),
    };
    Built::new("page.html", &ctx)
}

/// Context of `404.html`.
#[derive(Serialize)]
struct NotFoundContext {
    page: PageInfo,
}

pub(super) fn not_found(r: &Renderer) -> Built {
    let ctx = NotFoundContext {
        page: r.info(
            "Pagina niet gevonden",
            Route::NotFound,
            None,
            None,
            r.crumbs(&[]),
        ),
    };
    Built::new("404.html", &ctx)
}

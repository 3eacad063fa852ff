//! What an output shows: the explicit dependency record every page builder fills in.
//!
//! A builder takes the lists of pages it shows from the site through [`Deps::list`] (which
//! returns the list and records it) and notes single pages with [`Deps::page`] (their list
//! form: title, date, summary, links) or [`Deps::text`] (their rendered Markdown). A builder
//! that shows only part of a list (a page of a paginated list, the newest ten) or only counts
//! it takes it through [`Deps::order`] instead (which records who is in it, in what order, and
//! their metadata, not their list forms) and notes the members it shows with [`Deps::pages`]:
//! editing one practice's title then re-renders only the list pages that show it. The record is
//! a plain value, one per output, so it works under rayon and needs no mirror: the question
//! "which outputs show page P" is answered by the same code that builds them. See
//! [`super::incremental`] for how `svdk serve` uses it.

use std::borrow::Cow;

use crate::model::Site;

/// A list of pages of the model, by what selects it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum List {
    /// Every page (the sitemap).
    AllPages,
    /// All praktijkvoorbeelden, newest first.
    Praktijkvoorbeelden,
    /// All journaal items, newest first.
    Journaal,
    /// All thema pages.
    Themas,
    /// The kaderdocument index page (zero or one).
    Kaderdocument,
    /// The kaderdocument's chapters, in order.
    Hoofdstukken,
    /// The home page (zero or one).
    Home,
    /// The praktijkvoorbeelden of a thema.
    PraktijkByThema(String),
    /// The praktijkvoorbeelden of a werkplein.
    PraktijkByWerkplein(String),
    /// The journaal items of a thema.
    JournaalByThema(String),
    /// The journaal items about a werkplein.
    JournaalByWerkplein(String),
    /// The dated agenda items, by start.
    Agenda,
    /// The KIOSK's questions (journaal items of soort vraag), newest first.
    Vragen,
    /// The KIOSK page (zero or one).
    Kiosk,
}

impl List {
    /// The pages in the list (page indexes into `site.pages`), in the model's order.
    pub(crate) fn members<'s>(&self, site: &'s Site) -> Cow<'s, [usize]> {
        Cow::Borrowed(match self {
            List::AllPages => return Cow::Owned((0..site.pages.len()).collect()),
            list => list.borrowed(site),
        })
    }

    fn borrowed<'s>(&self, site: &'s Site) -> &'s [usize] {
        let get = |m: &'s std::collections::HashMap<String, Vec<usize>>, k: &str| {
            m.get(k).map_or(&[][..], Vec::as_slice)
        };
        match self {
            List::AllPages => &[],
            List::Praktijkvoorbeelden => &site.praktijkvoorbeelden,
            List::Journaal => &site.journaal,
            List::Themas => &site.themas,
            List::Kaderdocument => site.kaderdocument.as_slice(),
            List::Hoofdstukken => &site.hoofdstukken,
            List::Home => site.home.as_slice(),
            List::PraktijkByThema(id) => get(&site.praktijk_by_thema, id),
            List::PraktijkByWerkplein(id) => get(&site.praktijk_by_werkplein, id),
            List::JournaalByThema(id) => get(&site.journaal_by_thema, id),
            List::JournaalByWerkplein(id) => get(&site.journaal_by_werkplein, id),
            List::Agenda => &site.agenda,
            List::Vragen => &site.vragen,
            List::Kiosk => site.kiosk.as_slice(),
        }
    }
}

/// The pages and lists one output shows.
#[derive(Debug, Default)]
pub(crate) struct Deps {
    /// Lists it shows (each member's list form).
    pub(super) lists: Vec<List>,
    /// Lists whose members, order and metadata it depends on (not their list forms).
    pub(super) orders: Vec<List>,
    /// Single pages it shows: (page index, with its text?).
    pub(super) pages: Vec<(usize, bool)>,
}

impl Deps {
    /// The pages of `list`, recorded as shown.
    pub(crate) fn list<'s>(&mut self, site: &'s Site, list: List) -> Cow<'s, [usize]> {
        let members = list.members(site);
        if !self.lists.contains(&list) {
            self.lists.push(list);
        }
        members
    }

    /// The pages of `list`, recorded by which pages are in it, in what order, and their
    /// metadata (werkplein, thema's: what counts and filters them), not by their list forms:
    /// for an output that shows a slice of the list or counts it. Record the members it shows
    /// with [`Deps::pages`].
    pub(crate) fn order<'s>(&mut self, site: &'s Site, list: List) -> Cow<'s, [usize]> {
        let members = list.members(site);
        if !self.orders.contains(&list) {
            self.orders.push(list);
        }
        members
    }

    /// Records that the output shows the list form of these pages.
    pub(crate) fn pages(&mut self, pages: &[usize]) {
        self.pages.extend(pages.iter().map(|&i| (i, false)));
    }

    /// Records that the output shows the list form of page `i`.
    pub(crate) fn page(&mut self, i: usize) {
        self.pages.push((i, false));
    }

    /// Records that the output shows the text (rendered Markdown) of page `i`.
    pub(crate) fn text(&mut self, i: usize) {
        self.pages.push((i, true));
    }
}

//! The route table: every URL and output file of the site (SPEC §3), named once.
//!
//! A [`Route`] is one address of the generated site. [`Route::url`] is its URL path without
//! the base path and without a leading slash (`werkpleinen/breda/`, `` for home); a URL that
//! ends in `/` is a folder whose page is written to `index.html` ([`Route::output`]). The
//! model, the render stage, the charts, the search index and `svdk new` all take URLs from
//! here; [`generated`] lists the routes a content file must not take.

use crate::text;

/// The slug of the printable kaderdocument: `kaderdocument/volledig/`.
pub const PRINT_SLUG: &str = "volledig";
/// The folder of a paginated list's further pages: `praktijkvoorbeelden/pagina/2/`.
pub const PAGINA: &str = "pagina";
/// The search page's folder: `zoeken/`.
pub const ZOEKEN: &str = "zoeken/";
/// The search index manifest: `zoeken/index.json`.
pub const ZOEKEN_MANIFEST: &str = "zoeken/index.json";

/// One address of the generated site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    /// The home page.
    Home,
    /// A praktijkvoorbeeld, by slug.
    Praktijkvoorbeeld(&'a str),
    /// The praktijkvoorbeelden index.
    PraktijkIndex,
    /// The praktijkvoorbeelden of one thema.
    PraktijkThema(&'a str),
    /// The praktijkvoorbeelden of one werkplein.
    PraktijkWerkplein(&'a str),
    /// Page `n` (from 2; page 1 is [`Route::PraktijkIndex`]) of all praktijkvoorbeelden.
    PraktijkIndexPagina(usize),
    /// Page `n` (from 2) of the praktijkvoorbeelden of one thema.
    PraktijkThemaPagina(&'a str, usize),
    /// Page `n` (from 2) of the praktijkvoorbeelden of one werkplein.
    PraktijkWerkpleinPagina(&'a str, usize),
    /// The praktijkvoorbeelden filters' index: a script (`svdkPraktijken({...})`), so that it
    /// loads from `file://` too.
    PraktijkFilterIndex,
    /// The thema's index.
    ThemasIndex,
    /// A thema page, by slug.
    Thema(&'a str),
    /// The Werkpleinjournaal index.
    JournaalIndex,
    /// A journaal item, by slug.
    JournaalItem(&'a str),
    /// A journaal edition (`YYYY-MM`).
    Editie(&'a str),
    /// The journaal's Atom feed.
    Atom,
    /// The journaal's RSS feed.
    Rss,
    /// The praktijkvoorbeelden's Atom feed.
    PraktijkAtom,
    /// The kaderdocument index.
    KaderIndex,
    /// A chapter of the kaderdocument, by slug.
    Hoofdstuk(&'a str),
    /// The printable kaderdocument.
    KaderPrint,
    /// The werkpleinen index.
    WerkpleinenIndex,
    /// A werkplein, by id.
    Werkplein(&'a str),
    /// The arbeidsmarktregio's index.
    RegiosIndex,
    /// An arbeidsmarktregio, by id.
    Regio(&'a str),
    /// The national Landkaart (current period).
    LandkaartIndex,
    /// The Landkaart of one period, by id.
    LandkaartPeriode(&'a str),
    /// An open-data CSV of one Landkaart period: (period id, file name).
    LandkaartCsv(&'a str, &'a str),
    /// The Landkaart history CSV.
    LandkaartHistorie,
    /// Group counts per period (SPEC §5.1).
    LandkaartGroepen,
    /// All documents werkpleinen shared.
    DocumentenIndex,
    /// The documents of one soort, by soort id.
    DocumentenSoort(&'a str),
    /// The BVG-monitor.
    Bvg,
    /// Its open data: the count per status per quarter, and each werkplein's status.
    BvgKwartalenCsv,
    BvgWerkpleinenCsv,
    /// The six Werkplein criteria (the current meting).
    Criteria,
    /// Its open data: the count per eis, and each werkplein's answers.
    CriteriaEisenCsv,
    CriteriaWerkpleinenCsv,
    /// The answers of the werkpleinen that do not meet every eis (the table "Wat nog ontbreekt").
    CriteriaOntbreektCsv,
    /// The Resultaten benchmark (SPEC §5.4).
    Resultaten,
    /// An open-data CSV of the benchmark, by file name: `resultaten/<name>`.
    ResultatenCsv(&'a str),
    /// The districts of UWV WERKbedrijf.
    DistrictenIndex,
    /// Its open data: every district with its means.
    DistrictenCsv,
    /// A district, by id.
    District(&'a str),
    /// An open-data CSV of a district page: (district id, file name).
    DistrictCsv(&'a str, &'a str),
    /// An open-data CSV of a regio page: (regio id, file name).
    RegioCsv(&'a str, &'a str),
    /// The open data of the werkpleinen index: every werkplein with its Landkaart standing.
    WerkpleinenCsv,
    /// An open-data CSV of a werkplein page: (werkplein id, file name).
    WerkpleinCsv(&'a str, &'a str),
    /// The CSV copy of the `n`-th (from 1) Markdown table of a content page: (page URL, n).
    TabelCsv(&'a str, usize),
    /// Every open-data CSV of the site, with what each column means.
    OpenData,
    /// The catalogue of every open-data CSV (path, URL, kind), as CSV.
    OpenDataCatalogue,
    /// The search page.
    Zoeken,
    /// The search index manifest.
    ZoekenManifest,
    /// The page shown for a missing URL.
    NotFound,
    /// The sitemap.
    Sitemap,
    /// robots.txt.
    Robots,
    /// The agenda: coming and past activities.
    Agenda,
    /// The agenda as one iCalendar file.
    AgendaIcs,
    /// The iCalendar file of one agenda item, by slug.
    AgendaItemIcs(&'a str),
    /// The e-mail edition of a journaal month: (`YYYY-MM`, `html` | `txt` | `eml`).
    Nieuwsbrief(&'a str, &'a str),
    /// The KIOSK question desk (`content/kiosk.md`).
    Kiosk,
    /// Every published question and answer of the KIOSK.
    KioskVragen,
    /// Any other content page, by the URL the model gave it ([`crate::model::url_of`]).
    Content(&'a str),
}

impl Route<'_> {
    /// The URL path, without base path or leading slash.
    pub fn url(&self) -> String {
        match *self {
            Route::Home => String::new(),
            Route::Praktijkvoorbeeld(s) => format!("praktijkvoorbeelden/{s}/"),
            Route::PraktijkIndex => "praktijkvoorbeelden/".into(),
            Route::PraktijkThema(id) => format!("praktijkvoorbeelden/thema/{id}/"),
            Route::PraktijkWerkplein(id) => format!("praktijkvoorbeelden/werkplein/{id}/"),
            Route::PraktijkIndexPagina(n) => format!("praktijkvoorbeelden/{PAGINA}/{n}/"),
            Route::PraktijkThemaPagina(id, n) => {
                format!("praktijkvoorbeelden/thema/{id}/{PAGINA}/{n}/")
            }
            Route::PraktijkWerkpleinPagina(id, n) => {
                format!("praktijkvoorbeelden/werkplein/{id}/{PAGINA}/{n}/")
            }
            Route::PraktijkFilterIndex => "praktijkvoorbeelden/filter.js".into(),
            Route::ThemasIndex => "themas/".into(),
            Route::Thema(s) => format!("themas/{s}/"),
            Route::JournaalIndex => "journaal/".into(),
            Route::JournaalItem(s) | Route::Editie(s) => format!("journaal/{s}/"),
            Route::Atom => "journaal/atom.xml".into(),
            Route::Rss => "journaal/rss.xml".into(),
            Route::PraktijkAtom => "praktijkvoorbeelden/atom.xml".into(),
            Route::KaderIndex => "kaderdocument/".into(),
            Route::Hoofdstuk(s) => format!("kaderdocument/{s}/"),
            Route::KaderPrint => format!("kaderdocument/{PRINT_SLUG}/"),
            Route::WerkpleinenIndex => "werkpleinen/".into(),
            Route::Werkplein(id) => format!("werkpleinen/{id}/"),
            Route::RegiosIndex => "regios/".into(),
            Route::Regio(id) => format!("regios/{id}/"),
            Route::LandkaartIndex => "landkaart/".into(),
            Route::LandkaartPeriode(id) => format!("landkaart/{id}/"),
            Route::LandkaartCsv(id, name) => format!("landkaart/{id}/{name}"),
            Route::LandkaartHistorie => "landkaart/historie.csv".into(),
            Route::LandkaartGroepen => "landkaart/groepen.csv".into(),
            Route::DocumentenIndex => "documenten/".into(),
            Route::DocumentenSoort(s) => format!("documenten/{s}/"),
            Route::Bvg => "bvg/".into(),
            Route::BvgKwartalenCsv => "bvg/kwartalen.csv".into(),
            Route::BvgWerkpleinenCsv => "bvg/werkpleinen.csv".into(),
            Route::Criteria => "criteria/".into(),
            Route::CriteriaEisenCsv => "criteria/eisen.csv".into(),
            Route::CriteriaWerkpleinenCsv => "criteria/werkpleinen.csv".into(),
            Route::CriteriaOntbreektCsv => "criteria/ontbreekt.csv".into(),
            Route::Resultaten => "resultaten/".into(),
            Route::ResultatenCsv(name) => format!("resultaten/{name}"),
            Route::DistrictenIndex => "districten/".into(),
            Route::DistrictenCsv => "districten/districten.csv".into(),
            Route::District(id) => format!("districten/{id}/"),
            Route::DistrictCsv(id, name) => format!("districten/{id}/{name}"),
            Route::RegioCsv(id, name) => format!("regios/{id}/{name}"),
            Route::WerkpleinenCsv => "werkpleinen/werkpleinen.csv".into(),
            Route::WerkpleinCsv(id, name) => format!("werkpleinen/{id}/{name}"),
            Route::TabelCsv(url, n) => format!("{url}tabel-{n}.csv"),
            Route::OpenData => "open-data/".into(),
            Route::OpenDataCatalogue => "open-data/bestanden.csv".into(),
            Route::Zoeken => ZOEKEN.into(),
            Route::ZoekenManifest => ZOEKEN_MANIFEST.into(),
            Route::NotFound => "404.html".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
            Route::Agenda => "journaal/agenda/".into(),
            Route::AgendaIcs => "journaal/agenda.ics".into(),
            Route::AgendaItemIcs(s) => format!("journaal/{s}/{s}.ics"),
            Route::Nieuwsbrief(e, ext) => format!("journaal/{e}/nieuwsbrief.{ext}"),
            Route::Kiosk => "kiosk/".into(),
            Route::KioskVragen => "kiosk/vragen/".into(),
            Route::Content(url) => url.into(),
        }
    }

    /// The output file, relative to the output folder.
    pub fn output(&self) -> String {
        out_path(&self.url())
    }

    /// Whether this is an HTML page listed in the sitemap.
    pub fn in_sitemap(&self) -> bool {
        self.url().is_empty() || self.url().ends_with('/')
    }
}

use crate::messages::{Key, Message};

/// The output file of a URL path: `a/b/` → `a/b/index.html`; a file URL stays as it is.
pub fn out_path(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') {
        format!("{url}index.html")
    } else {
        url.to_string()
    }
}

/// The routes of index pages svdk always generates, and what takes them (for messages).
pub const FIXED: [(Route<'static>, Key); 17] = [
    (Route::PraktijkIndex, Key::GeneratedPage),
    (Route::PraktijkThema(""), Key::GeneratedPage),
    (Route::PraktijkWerkplein(""), Key::GeneratedPage),
    (Route::ThemasIndex, Key::GeneratedPage),
    (Route::JournaalIndex, Key::GeneratedPage),
    (Route::WerkpleinenIndex, Key::GeneratedPage),
    (Route::RegiosIndex, Key::GeneratedPage),
    (Route::LandkaartIndex, Key::GeneratedPage),
    (Route::Zoeken, Key::GeneratedPage),
    (Route::DocumentenIndex, Key::GeneratedPage),
    (Route::Bvg, Key::GeneratedPage),
    (Route::Criteria, Key::GeneratedPage),
    (Route::Resultaten, Key::GeneratedPage),
    (Route::DistrictenIndex, Key::GeneratedPage),
    (Route::OpenData, Key::GeneratedPage),
    (Route::Agenda, Key::GeneratedAgenda),
    (Route::KioskVragen, Key::GeneratedKioskVragen),
];

/// Generated URLs a content file must not take: fixed indexes, the printable kaderdocument,
/// a page per werkplein, regio and journaal edition. Each with what takes it.
pub fn generated<'a>(
    werkpleinen: impl IntoIterator<Item = &'a str>,
    regios: impl IntoIterator<Item = &'a str>,
    districten: impl IntoIterator<Item = &'a str>,
    edities: impl IntoIterator<Item = &'a str>,
) -> Vec<(String, Message)> {
    let mut out: Vec<(String, Message)> = FIXED
        .iter()
        .map(|(r, what)| (fixed_url(r), Message::new(*what)))
        .collect();
    out.push((
        format!("{}{PAGINA}/", Route::PraktijkIndex.url()),
        crate::msg!(GeneratedPraktijkPages),
    ));
    out.push((Route::KaderPrint.url(), crate::msg!(GeneratedKaderPrint)));
    out.extend(werkpleinen.into_iter().map(|w| {
        (
            Route::Werkplein(w).url(),
            crate::msg!(GeneratedWerkplein, id = w),
        )
    }));
    out.extend(
        regios
            .into_iter()
            .map(|r| (Route::Regio(r).url(), crate::msg!(GeneratedRegio, id = r))),
    );
    out.extend(districten.into_iter().map(|d| {
        (
            Route::District(d).url(),
            crate::msg!(GeneratedDistrict, id = d),
        )
    }));
    out.extend(edities.into_iter().filter(|e| !e.is_empty()).map(|e| {
        (
            Route::Editie(e).url(),
            crate::msg!(GeneratedEditie, editie = e),
        )
    }));
    out.extend(crate::documenten::Soort::ALL.into_iter().map(|s| {
        (
            Route::DocumentenSoort(s.id()).url(),
            crate::msg!(GeneratedDocumentList, soort = s.meervoud().to_lowercase()),
        )
    }));
    out
}

/// The URL of a fixed route; a route with an empty id stands for its folder
/// (`praktijkvoorbeelden/thema/`).
fn fixed_url(r: &Route) -> String {
    let url = r.url();
    url.replace("//", "/")
}

/// Why `svdk new` must not give a new page of this section this slug, if it must not.
pub fn reserved_slug(section: crate::content::Section, slug: &str) -> Option<Message> {
    use crate::content::Section;
    let first_segment = |r: Route| {
        let url = r.url();
        let rest = url.strip_prefix("praktijkvoorbeelden/").unwrap_or(&url);
        rest.split('/').next().unwrap_or("").to_string()
    };
    match section {
        Section::Praktijkvoorbeeld
            if slug == first_segment(Route::PraktijkThema(""))
                || slug == first_segment(Route::PraktijkWerkplein(""))
                || slug == PAGINA =>
        {
            Some(crate::msg!(GeneratedPage))
        }
        Section::Journaal if text::parse_month(slug).is_some() => Some(crate::msg!(KeptForEditie)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Section;

    #[test]
    fn urls_and_outputs() {
        assert_eq!(Route::Home.output(), "index.html");
        assert_eq!(
            Route::Werkplein("breda").output(),
            "werkpleinen/breda/index.html"
        );
        assert_eq!(Route::Atom.output(), "journaal/atom.xml");
        assert_eq!(
            Route::PraktijkThemaPagina("jongeren", 2).output(),
            "praktijkvoorbeelden/thema/jongeren/pagina/2/index.html"
        );
        assert_eq!(
            Route::LandkaartCsv("2009-t1", "scores.csv").output(),
            "landkaart/2009-t1/scores.csv"
        );
        assert_eq!(Route::KaderPrint.url(), "kaderdocument/volledig/");
        assert!(Route::Zoeken.in_sitemap() && !Route::Sitemap.in_sitemap());
        assert_eq!(Route::AgendaItemIcs("dag").output(), "journaal/dag/dag.ics");
        assert!(!Route::Nieuwsbrief("2009-10", "html").in_sitemap());
        assert_eq!(
            Route::TabelCsv("themas/werk/", 2).output(),
            "themas/werk/tabel-2.csv"
        );
        assert_eq!(
            Route::District("zuid").output(),
            "districten/zuid/index.html"
        );
        assert!(!Route::DistrictCsv("zuid", "fasen.csv").in_sitemap());
    }

    #[test]
    fn generated_and_reserved() {
        let g = generated(["breda"], ["rijnmond"], ["zuid"], ["2009-10", ""]);
        let urls: Vec<&str> = g.iter().map(|(u, _)| u.as_str()).collect();
        assert!(urls.contains(&"praktijkvoorbeelden/thema/"));
        assert!(urls.contains(&"werkpleinen/breda/"));
        assert!(urls.contains(&"journaal/2009-10/"));
        assert!(urls.contains(&"districten/zuid/"));
        assert!(urls.contains(&"resultaten/") && urls.contains(&"open-data/"));
        assert!(!urls.contains(&"journaal//"));
        assert!(reserved_slug(Section::Praktijkvoorbeeld, "thema").is_some());
        assert!(reserved_slug(Section::Praktijkvoorbeeld, "werkplein").is_some());
        assert!(reserved_slug(Section::Praktijkvoorbeeld, "pagina").is_some());
        assert!(urls.contains(&"praktijkvoorbeelden/pagina/"));
        assert!(reserved_slug(Section::Praktijkvoorbeeld, "breda").is_none());
        assert!(reserved_slug(Section::Journaal, "2009-10").is_some());
    }
}

//! The site folder's layout (SPEC §2): every input path, named once, relative to the site root
//! with `/` separators. The stages read these names; nothing else spells them out.

/// The site's settings.
pub const SITE_CONFIG: &str = "site.yaml";
/// Markdown pages.
pub const CONTENT: &str = "content";
/// Files copied to the output as they are.
pub const STATIC: &str = "static";
/// Site themes: `themes/<name>/templates/`, `themes/<name>/static/`.
pub const THEMES: &str = "themes";
/// The site's own templates, layered over the theme's.
pub const TEMPLATES: &str = "templates";
/// Data files.
pub const DATA: &str = "data";
/// The werkpleinen.
pub const WERKPLEINEN: &str = "data/werkpleinen.yaml";
/// The arbeidsmarktregio's.
pub const REGIOS: &str = "data/regios.yaml";
/// The districts of UWV WERKbedrijf, by id with their names (optional).
pub const DISTRICTEN: &str = "data/districten.yaml";
/// The Landkaart's fasen, mijlpalen, banden, groepen and perioden.
pub const LANDKAART: &str = "data/landkaart.yaml";
/// The Landkaart's scores: one CSV per period.
pub const LANDKAART_DIR: &str = "data/landkaart";
/// The outline of the Netherlands for the Landkaart map (GeoJSON).
pub const OUTLINE: &str = "data/nederland.geojson";
/// The Resultaten's streefwaarden per year and klantprincipes (optional).
pub const RESULTATEN: &str = "data/resultaten.yaml";
/// The Resultaten CSVs.
pub const RESULTATEN_DIR: &str = "data/resultaten";
/// Klanttevredenheid per werkplein and meting.
pub const KLANT: &str = "data/resultaten/klanttevredenheid.csv";
/// Werkgeverstevredenheid per werkplein and meting.
pub const WERKGEVERS: &str = "data/resultaten/werkgeverstevredenheid.csv";
/// Uitstroom per werkplein and month.
pub const UITSTROOM: &str = "data/resultaten/uitstroom.csv";
/// Documents werkpleinen share (files under `static/`).
pub const DOCUMENTEN: &str = "data/documenten.yaml";
/// The BVG-monitor's statuses.
pub const BVG: &str = "data/bvg.yaml";
/// The BVG-monitor: every status change of a werkplein.
pub const BVG_CSV: &str = "data/bvg.csv";
/// The six Werkplein criteria, their eisen and the metingen.
pub const CRITERIA: &str = "data/criteria.yaml";
/// The criteria metingen: one CSV per meting.
pub const CRITERIA_DIR: &str = "data/criteria";

/// The folders `svdk serve` watches (besides [`SITE_CONFIG`]).
pub const WATCHED: [&str; 5] = [CONTENT, DATA, STATIC, THEMES, TEMPLATES];

/// A site theme's folder: `themes/<name>`.
pub fn theme_dir(name: &str) -> String {
    format!("{THEMES}/{name}")
}

/// Sections of `content/`: practices.
pub const PRAKTIJK_SECTION: &str = "praktijkvoorbeelden";
/// Sections of `content/`: journaal items.
pub const JOURNAAL_SECTION: &str = "journaal";
/// Sections of `content/`: the kaderdocument's chapters (and its `_index.md`).
pub const KADER_SECTION: &str = "kaderdocument";
/// Sections of `content/`: thema pages (directly in the folder).
pub const THEMAS_SECTION: &str = "themas";
/// The KIOSK page: `content/kiosk.md`, or `content/kiosk/_index.md`.
pub const KIOSK_FILE: &str = "kiosk.md";
/// Sections of `content/`: the KIOSK page as a folder (`content/kiosk/_index.md`).
pub const KIOSK_SECTION: &str = "kiosk";
/// The index page of `content/` (the home page) and of `content/kaderdocument/`.
pub const INDEX_FILE: &str = "_index.md";

/// A path relative to `content/`, if it is in it.
pub fn in_content(path: &str) -> Option<&str> {
    path.strip_prefix(CONTENT)?.strip_prefix('/')
}

/// A section folder of `content/`: `content/<section>`.
pub fn content_dir(section: &str) -> String {
    format!("{CONTENT}/{section}")
}

/// `content/praktijkvoorbeelden` (where `svdk new praktijkvoorbeeld` writes).
pub const PRAKTIJK_DIR: &str = "content/praktijkvoorbeelden";
/// `content/journaal` (where `svdk new journaal` writes).
pub const JOURNAAL_DIR: &str = "content/journaal";
/// `content/themas`.
pub const THEMAS_DIR: &str = "content/themas";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_folders_are_in_content() {
        assert_eq!(PRAKTIJK_DIR, content_dir(PRAKTIJK_SECTION));
        assert_eq!(JOURNAAL_DIR, content_dir(JOURNAAL_SECTION));
        assert_eq!(THEMAS_DIR, content_dir(THEMAS_SECTION));
        assert_eq!(in_content("content/themas/a.md"), Some("themas/a.md"));
        assert_eq!(in_content("contents/a.md"), None);
    }
}

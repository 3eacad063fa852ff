//! Stage 1 — load: read the site folder into memory. No interpretation happens here.
//!
//! Every read goes through [`SiteFs`], which refuses what lies outside the site folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostics, Pos};
use crate::layout;
use crate::sitefs::SiteFs;

/// A text file of the site, with its path relative to the site root (`/` separators).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// A file copied to the output as is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Output path relative to the output root, e.g. `img/logo.svg`.
    pub out: String,
    pub source: PathBuf,
    /// Size in bytes (documents list it).
    pub size: u64,
}

/// Everything read from the site folder.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    pub config: Option<String>,
    /// Markdown files under `content/`, sorted by path.
    pub content: Vec<SourceFile>,
    pub werkpleinen: Option<String>,
    pub regios: Option<String>,
    /// `data/landkaart.yaml`, the period CSVs in `data/landkaart/`, the outline of the country.
    pub landkaart: Option<String>,
    pub landkaart_csv: Vec<SourceFile>,
    pub outline: Option<String>,
    /// CSV files in `data/resultaten/`, and `data/resultaten.yaml`.
    pub resultaten: Vec<SourceFile>,
    pub resultaten_yaml: Option<String>,
    /// `data/districten.yaml`.
    pub districten: Option<String>,
    /// `data/documenten.yaml`: the documents werkpleinen delivered.
    pub documenten: Option<String>,
    /// `data/bvg.yaml` (the statuses) and `data/bvg.csv` (the BVG-monitor).
    pub bvg: Option<String>,
    pub bvg_csv: Option<String>,
    /// `data/criteria.yaml` and the metingen `data/criteria/<meting>.csv`.
    pub criteria: Option<String>,
    pub criteria_csv: Vec<SourceFile>,
    /// Files under `static/`, sorted by output path.
    pub static_files: Vec<StaticFile>,
    /// Every theme of the site (`themes/<name>/`) by name; validation picks the one site.yaml
    /// names.
    pub themes: BTreeMap<String, ThemeFiles>,
    /// Single templates in `templates/`, which override the theme's.
    pub templates: Vec<SourceFile>,
}

/// The files of one theme folder `themes/<name>/`.
#[derive(Debug, Default, Clone)]
pub struct ThemeFiles {
    /// Templates under `templates/`, their path relative to the site root.
    pub templates: Vec<SourceFile>,
    /// Files under `static/`; `out` is relative to the theme's `static/`.
    pub static_files: Vec<StaticFile>,
}

/// Reads site.yaml, content/, data/ and the list of static/ files.
pub fn load(root: &Path, diags: &Diagnostics) -> Sources {
    let site = SiteFs::new(root);
    let content_paths = site.list_files(layout::CONTENT, diags, is_ignored);
    let content: Vec<SourceFile> = content_paths
        .par_iter()
        .filter_map(|(rel, _)| {
            if !rel.ends_with(".md") {
                diags.file_warning(rel, crate::msg!(ContentNotMarkdown));
                return None;
            }
            read_text(&site, rel, diags).map(|text| SourceFile {
                path: rel.clone(),
                text,
            })
        })
        .collect();
    let static_files = site
        .list_files(layout::STATIC, diags, is_ignored)
        .into_iter()
        .map(|(rel, abs)| StaticFile {
            out: rel[layout::STATIC.len() + 1..].to_string(),
            size: std::fs::metadata(&abs).map_or(0, |m| m.len()),
            source: abs,
        })
        .collect();
    let csvs = |dir: &str| -> Vec<SourceFile> {
        site.list_files(dir, diags, is_ignored)
            .into_iter()
            .filter(|(rel, _)| rel.ends_with(".csv"))
            .filter_map(|(rel, _)| {
                read_text(&site, &rel, diags).map(|text| SourceFile { path: rel, text })
            })
            .collect()
    };
    Sources {
        themes: themes(&site, diags),
        templates: site
            .list_files(layout::TEMPLATES, diags, is_ignored)
            .into_iter()
            .filter_map(|(rel, _)| {
                read_text(&site, &rel, diags).map(|text| SourceFile { path: rel, text })
            })
            .collect(),
        config: read_optional(root, layout::SITE_CONFIG, diags),
        landkaart: read_optional(root, layout::LANDKAART, diags),
        landkaart_csv: csvs(layout::LANDKAART_DIR),
        outline: read_optional(root, layout::OUTLINE, diags),
        resultaten: csvs(layout::RESULTATEN_DIR),
        resultaten_yaml: read_optional(root, layout::RESULTATEN, diags),
        districten: read_optional(root, layout::DISTRICTEN, diags),
        documenten: read_optional(root, layout::DOCUMENTEN, diags),
        bvg: read_optional(root, layout::BVG, diags),
        bvg_csv: read_optional(root, layout::BVG_CSV, diags),
        criteria: read_optional(root, layout::CRITERIA, diags),
        criteria_csv: csvs(layout::CRITERIA_DIR),
        content,
        werkpleinen: read_optional(root, layout::WERKPLEINEN, diags),
        regios: read_optional(root, layout::REGIOS, diags),
        static_files,
    }
}

/// Reads every theme folder under `themes/`: the templates as text, the static files as a list.
fn themes(site: &SiteFs, diags: &Diagnostics) -> BTreeMap<String, ThemeFiles> {
    let mut themes: BTreeMap<String, ThemeFiles> = BTreeMap::new();
    for (rel, abs) in site.list_files(layout::THEMES, diags, is_ignored) {
        let Some(tail) = rel
            .strip_prefix(layout::THEMES)
            .and_then(|t| t.strip_prefix('/'))
        else {
            continue;
        };
        let Some((name, inside)) = tail.split_once('/') else {
            continue;
        };
        let theme = themes.entry(name.to_string()).or_default();
        if inside.starts_with("templates/") {
            if let Some(text) = read_text(site, &rel, diags) {
                theme.templates.push(SourceFile { path: rel, text });
            }
        } else if let Some(out) = inside.strip_prefix("static/") {
            theme.static_files.push(StaticFile {
                out: out.to_string(),
                size: std::fs::metadata(&abs).map_or(0, |m| m.len()),
                source: abs,
            });
        }
    }
    themes
}

/// Whether a path (relative to the root) is a Markdown file of `content/`, the only kind of
/// change [`refresh_content`] can apply.
pub fn is_content_markdown(rel: &str) -> bool {
    rel.strip_prefix(layout::CONTENT)
        .is_some_and(|r| r.starts_with('/'))
        && rel.ends_with(".md")
        && !rel.split('/').any(is_ignored)
}

/// Applies changes to Markdown files of `content/` (edited, added or deleted) to sources
/// loaded before, instead of reading the whole folder again.
pub fn refresh_content(
    root: &Path,
    sources: &mut Sources,
    changed: &[String],
    diags: &Diagnostics,
) {
    let site = SiteFs::new(root);
    for rel in changed {
        sources.content.retain(|f| &f.path != rel);
        if let Some(text) = read_text(&site, rel, diags) {
            sources.content.push(SourceFile {
                path: rel.clone(),
                text,
            });
        }
    }
    sources.content.sort_by(|a, b| a.path.cmp(&b.path));
}

/// The outline of the Netherlands for the Landkaart map (GeoJSON).
pub const OUTLINE: &str = layout::OUTLINE;

/// Reads a file that may be absent.
pub fn read_optional(root: &Path, rel: &str, diags: &Diagnostics) -> Option<String> {
    read_text(&SiteFs::new(root), rel, diags)
}

/// Reads `rel` as UTF-8 text (without a byte order mark); `None` when it is absent or cannot be
/// read, the latter reported.
fn read_text(site: &SiteFs, rel: &str, diags: &Diagnostics) -> Option<String> {
    match site.read(rel) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(mut s) => {
                if s.starts_with('\u{feff}') {
                    s.drain(..3);
                }
                Some(s)
            }
            Err(e) => {
                let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
                diags.error(rel, Pos::new(line, 1), crate::msg!(NotUtf8));
                None
            }
        },
        Ok(None) => None,
        Err(e) => {
            diags.file_error(rel, e.message());
            None
        }
    }
}

/// All regular files under `root/dir`, as (`dir/...` relative path, real path), sorted.
/// Hidden files and editor backups are skipped; nothing outside the site folder is listed.
pub fn list_files(root: &Path, dir: &str, diags: &Diagnostics) -> Vec<(String, PathBuf)> {
    SiteFs::new(root).list_files(dir, diags, is_ignored)
}

/// Files editors and tools leave behind that are not part of the site.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

/// A relative path with `/` separators on every platform.
pub fn to_slash(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

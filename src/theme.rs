//! The theme: templates and static files. The default theme is compiled into the binary; a site
//! overrides it with its own `themes/<name>/` and single templates in `templates/`.

use std::collections::BTreeMap;

use include_dir::{Dir, include_dir};

use crate::config::DEFAULT_THEME;
use crate::diagnostics::{Diagnostics, Pos};
use crate::load::{self, SourceFile, Sources};
use crate::write::Body;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/samenvoordeklant");

/// A template's source and where it came from (for error messages).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub origin: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Theme {
    /// Template name (path under `templates/`) → source; later layers replace earlier ones.
    pub templates: BTreeMap<String, TemplateSource>,
    /// Output path → contents.
    pub static_files: BTreeMap<String, Body>,
}

/// Builds the layered theme for a site from what the load stage read: the built-in theme, then
/// the site's `themes/<name>/`, then single templates in `templates/`. `pos` is where site.yaml
/// names the theme. No file is read here.
pub fn assemble(sources: &Sources, name: &str, pos: Pos, diags: &Diagnostics) -> Theme {
    let mut theme = Theme::default();
    add_embedded(&mut theme, &DEFAULT);
    let site_theme = crate::layout::theme_dir(name);
    if let Some(why) = not_a_folder_name(name) {
        diags.push(
            crate::diagnostics::Diagnostic::error(
                crate::config::PATH,
                pos,
                crate::msg!(ThemeRefused, name = name, reason = why),
            )
            .with_hint(Some(crate::msg!(ThemeRefusedHint))),
        );
    } else if let Some(files) = sources.themes.get(name) {
        let prefix = format!("{site_theme}/templates/");
        add_templates(&mut theme, &files.templates, &prefix);
        for f in &files.static_files {
            theme
                .static_files
                .insert(f.out.clone(), Body::Copy(f.source.clone()));
        }
    } else if name != DEFAULT_THEME {
        diags.file_error(
            crate::config::PATH,
            crate::msg!(ThemeNotFound, name = name, dir = &site_theme),
        );
    }
    add_templates(
        &mut theme,
        &sources.templates,
        &format!("{}/", crate::layout::TEMPLATES),
    );
    theme
}

/// Why `name` cannot be the name of a folder in `themes/`, if it cannot.
fn not_a_folder_name(name: &str) -> Option<String> {
    if name.is_empty() || name == "." || name == ".." {
        Some("is not the name of a folder".into())
    } else if name.contains(['/', '\\']) {
        Some(format!(
            "{} is not a folder directly in themes/: only those are read, nothing outside the site folder",
            crate::layout::theme_dir(name)
        ))
    } else {
        None
    }
}

fn add_embedded(theme: &mut Theme, dir: &'static Dir<'static>) {
    for entry in dir.entries() {
        if let Some(d) = entry.as_dir() {
            add_embedded(theme, d);
        } else if let Some(f) = entry.as_file() {
            let path = load::to_slash(f.path());
            if let Some(name) = path.strip_prefix("templates/") {
                theme.templates.insert(
                    name.to_string(),
                    TemplateSource {
                        origin: format!("(built-in theme)/{path}"),
                        text: String::from_utf8_lossy(f.contents()).into_owned(),
                    },
                );
            } else if let Some(out) = path.strip_prefix("static/") {
                theme
                    .static_files
                    .insert(out.to_string(), Body::Static(f.contents()));
            }
        }
    }
}

fn add_templates(theme: &mut Theme, files: &[SourceFile], prefix: &str) {
    for f in files {
        if let Some(name) = f.path.strip_prefix(prefix) {
            theme.templates.insert(
                name.to_string(),
                TemplateSource {
                    origin: f.path.clone(),
                    text: f.text.clone(),
                },
            );
        }
    }
}

//! The theme: templates and static files. The default theme is compiled into the binary; a site
//! overrides it with its own `themes/<name>/` and single templates in `templates/`.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::config::DEFAULT_THEME;
use crate::diagnostics::{Diagnostics, Pos};
use crate::load;
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

/// Builds the layered theme for a site; `pos` is where site.yaml names the theme.
pub fn load(root: &Path, name: &str, pos: Pos, diags: &Diagnostics) -> Theme {
    let mut theme = Theme::default();
    add_embedded(&mut theme, &DEFAULT);
    let site_theme = crate::layout::theme_dir(name);
    let site = crate::sitefs::SiteFs::new(root);
    if let Err(crate::sitefs::Refused::Outside(why)) = site.resolve(&site_theme) {
        diags.push(
            crate::diagnostics::Diagnostic::error(
                crate::config::PATH,
                pos,
                crate::msg!(ThemeRefused, name = name, reason = why),
            )
            .with_hint(Some(crate::msg!(ThemeRefusedHint))),
        );
    } else if site.is_dir(&site_theme) {
        add_dir(&mut theme, root, &format!("{site_theme}/templates"), diags);
        for (rel, abs) in load::list_files(root, &format!("{site_theme}/static"), diags) {
            let out = rel[site_theme.len() + "/static/".len()..].to_string();
            theme.static_files.insert(out, Body::Copy(abs));
        }
    } else if name != DEFAULT_THEME {
        diags.file_error(
            crate::config::PATH,
            crate::msg!(ThemeNotFound, name = name, dir = &site_theme),
        );
    }
    add_dir(&mut theme, root, crate::layout::TEMPLATES, diags);
    theme
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

fn add_dir(theme: &mut Theme, root: &Path, dir: &str, diags: &Diagnostics) {
    for (rel, _) in load::list_files(root, dir, diags) {
        let Some(text) = load::read_optional(root, &rel, diags) else {
            continue;
        };
        let name = rel[dir.len() + 1..].to_string();
        theme
            .templates
            .insert(name, TemplateSource { origin: rel, text });
    }
}

//! The pipeline: load → validate → model → render → write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, Severity};
use crate::write::{Body, Cleanup, OutFile};
use crate::{config, content, data, landkaart, load, model, render, resultaten, theme, write};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    /// Output folder; default `<root>/public`.
    pub out: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Warnings fail the build.
    pub strict: bool,
    /// `false` for `svdk check`: validate and render, write nothing.
    pub write: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub feeds: usize,
    pub static_files: usize,
    pub out: PathBuf,
    /// Paths written, relative to `out` (for `-v`).
    pub written: Vec<String>,
    pub elapsed: Duration,
    pub ok: bool,
    cleanup: Option<Cleanup>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }

    /// Waits for the previous output to be deleted (it runs in the background).
    pub fn finish(mut self) -> Self {
        if let Some(c) = self.cleanup.take() {
            c.wait();
        }
        self
    }
}

/// The output folder for `opts`, made absolute.
pub fn out_dir(opts: &Options) -> PathBuf {
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("public"));
    absolute(&out)
}

fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Resolve symlinks where the path exists, lexically otherwise.
    p.canonicalize().unwrap_or_else(|_| {
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                c => out.push(c),
            }
        }
        out
    })
}

/// Refuses an output folder that would overwrite the site.
fn check_out_dir(root: &Path, out: &Path, diags: &Diagnostics) {
    let refuse = |msg: String| {
        diags.push(
            Diagnostic::error("--out", Pos::new(1, 1), msg)
                .with_hint(Some("choose a separate folder, e.g. public/".into())),
        )
    };
    if out == root {
        refuse(format!(
            "output folder {} is the site folder itself",
            out.display()
        ));
    } else if root.starts_with(out) {
        refuse(format!(
            "output folder {} contains the site folder",
            out.display()
        ));
    } else if out.join("content").exists() {
        refuse(format!(
            "output folder {} contains a content/ folder",
            out.display()
        ));
    }
}

pub fn build(opts: &Options) -> Report {
    let start = Instant::now();
    let diags = Diagnostics::new();
    let root = absolute(&opts.root);
    let out = out_dir(opts);
    let mut report = Report {
        diagnostics: Vec::new(),
        pages: 0,
        feeds: 0,
        static_files: 0,
        out: out.clone(),
        written: Vec::new(),
        elapsed: Duration::ZERO,
        ok: false,
        cleanup: None,
    };
    if opts.write {
        check_out_dir(&root, &out, &diags);
    }
    let files = run(&root, opts, &diags);
    let failed = diags.has_errors();
    report.diagnostics = diags.into_sorted();
    let warnings_fail = opts.strict && report.warnings() > 0;
    if let Some((files, counts, statics)) = files.filter(|_| !failed && !warnings_fail) {
        report.pages = counts.pages;
        report.feeds = counts.feeds;
        report.static_files = statics;
        if opts.write {
            match write::write_site(&out, &files) {
                Ok(c) => {
                    report.cleanup = Some(c);
                    report.ok = true;
                }
                Err(e) => report.diagnostics.push(Diagnostic::error(
                    out.display().to_string(),
                    Pos::new(1, 1),
                    format!("cannot write the site: {e}"),
                )),
            }
        } else {
            report.ok = true;
        }
        report.written = files.into_iter().map(|f| f.path).collect();
    }
    report.elapsed = start.elapsed();
    report
}

/// Runs load → validate → model → render; `None` when a stage could not go on.
fn run(
    root: &Path,
    opts: &Options,
    diags: &Diagnostics,
) -> Option<(Vec<OutFile>, render::Counts, usize)> {
    // load
    let sources = load::load(root, diags);
    let Some(config_text) = &sources.config else {
        diags.push(
            Diagnostic::error(
                config::PATH,
                Pos::new(1, 1),
                "no site.yaml: this is not a svdk site",
            )
            .with_hint(Some(
                "run svdk in the site folder or pass --root DIR".into(),
            )),
        );
        return None;
    };
    // validate
    let config = config::parse(config_text, opts.base_url.as_deref(), diags);
    let data = data::parse(
        sources.werkpleinen.as_deref(),
        sources.regios.as_deref(),
        diags,
    );
    let docs = content::parse_all(&sources.content, &data, diags);
    let config = config?;
    let landkaart = landkaart::parse(
        sources.landkaart.as_deref(),
        &sources.landkaart_csv,
        config.landkaart_periode.as_deref(),
        &data,
        diags,
    );
    let resultaten = resultaten::parse(&sources.resultaten, &data, diags);
    let theme = theme::load(root, &config.theme, diags);
    // model
    let site = model::build(
        model::Inputs {
            config,
            data,
            landkaart,
            resultaten,
            outline: sources.outline,
        },
        docs,
        opts.drafts,
        diags,
    );
    // render: templates are always parsed (to report their syntax errors), but pages are not
    // rendered from a model with errors, which would only add follow-up errors.
    let renderer = render::renderer(&theme, &site, diags)?;
    if diags.has_errors() {
        return None;
    }
    let (mut files, counts) = renderer.render_all(diags);
    let statics = add_static(&mut files, theme.static_files, &sources.static_files, diags);
    Some((files, counts, statics))
}

/// Adds theme and site static files (the site's win); a clash with a page is an error.
fn add_static(
    files: &mut Vec<OutFile>,
    theme_static: BTreeMap<String, Body>,
    site_static: &[load::StaticFile],
    diags: &Diagnostics,
) -> usize {
    let mut statics = theme_static;
    for s in site_static {
        statics.insert(s.out.clone(), Body::Copy(s.source.clone()));
    }
    let pages: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut added = Vec::new();
    for (path, body) in statics {
        if pages.contains(path.as_str()) {
            diags.push(
                Diagnostic::error(
                    format!("static/{path}"),
                    Pos::new(1, 1),
                    format!("static file /{path} has the same URL as a generated page"),
                )
                .with_hint(Some("rename or move the file".into())),
            );
            continue;
        }
        added.push(OutFile { path, body });
    }
    let n = added.len();
    files.extend(added);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    n
}

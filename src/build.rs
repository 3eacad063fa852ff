//! The pipeline: load → validate → model → render → write.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::Sources;
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
    pub charts: usize,
    pub static_files: usize,
    pub out: PathBuf,
    /// Paths written, relative to `out` (for `-v`).
    pub written: Vec<String>,
    pub elapsed: Duration,
    /// Time spent in each stage, in order (for `-v`).
    pub timings: Vec<(&'static str, Duration)>,
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
            Diagnostic::arg_error("--out", msg)
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

/// Builds the site once: into a sibling folder swapped in when complete (`build`), or only
/// validated (`check`, when `opts.write` is false).
pub fn build(opts: &Options) -> Report {
    run_and_write(opts, None, |out, files| {
        write::write_site(out, files).map(Some)
    })
}

/// A build that lives on between rebuilds, for `svdk serve`: it writes into its output folder
/// in place, only the files whose contents changed, and keeps what earlier builds computed.
#[derive(Debug)]
pub struct Session {
    opts: Options,
    /// Hash of each file written by the previous build.
    written: HashMap<String, u64>,
    cache: Cache,
}

impl Session {
    pub fn new(opts: Options) -> Self {
        Session {
            opts,
            written: HashMap::new(),
            cache: Cache::default(),
        }
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Rebuilds after changes to `changed` (absolute paths or relative to the root), reusing
    /// what it can; on errors the output folder is left as it was.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Report {
        let root = absolute(&self.opts.root);
        self.cache.changed = Some(
            changed
                .iter()
                .map(|p| load::to_slash(p.strip_prefix(&root).unwrap_or(p)))
                .collect(),
        );
        self.build()
    }

    /// Rebuilds, reading every source again; on errors the output folder is left as it was.
    pub fn build(&mut self) -> Report {
        let written = &mut self.written;
        run_and_write(&self.opts, Some(&mut self.cache), |out, files| {
            *written = write::update_site(out, files, written)?;
            Ok(None)
        })
    }
}

/// Results of earlier builds that a [`Session`] reuses.
#[derive(Debug, Default)]
pub struct Cache {
    /// The sources of the previous build, and whether they loaded without problems.
    sources: Option<(Arc<Sources>, bool)>,
    /// Files changed since the previous build (relative to the root), if known.
    changed: Option<Vec<String>>,
    docs: content::DocCache,
    markdown: model::MarkdownCache,
    render: render::RenderCache,
}

impl Cache {
    /// The site's sources: the previous ones with the changed Markdown files read again when
    /// only those changed, else everything read anew.
    fn sources(&mut self, root: &Path, diags: &Diagnostics) -> Arc<Sources> {
        let changed = self.changed.take();
        match (&mut self.sources, changed) {
            (Some((sources, true)), Some(changed))
                if changed.iter().all(|p| load::is_content_markdown(p)) =>
            {
                let before = diags.error_count();
                load::refresh_content(root, Arc::make_mut(sources), &changed, diags);
                let clean = diags.error_count() == before;
                if let Some(s) = self.sources.as_mut() {
                    s.1 = clean;
                }
            }
            _ => {
                let before = diags.error_count();
                let sources = load::load(root, diags);
                self.sources = Some((Arc::new(sources), diags.error_count() == before));
            }
        }
        Arc::clone(&self.sources.as_ref().expect("just set").0)
    }
}

fn run_and_write(
    opts: &Options,
    cache: Option<&mut Cache>,
    write_files: impl FnOnce(&Path, &[OutFile]) -> std::io::Result<Option<Cleanup>>,
) -> Report {
    let start = Instant::now();
    let diags = Diagnostics::new();
    let root = absolute(&opts.root);
    let out = out_dir(opts);
    let mut report = Report {
        diagnostics: Vec::new(),
        pages: 0,
        feeds: 0,
        charts: 0,
        static_files: 0,
        out: out.clone(),
        written: Vec::new(),
        elapsed: Duration::ZERO,
        timings: Vec::new(),
        ok: false,
        cleanup: None,
    };
    if opts.write {
        check_out_dir(&root, &out, &diags);
    }
    let mut clock = Clock::default();
    let files = run(&root, opts, &diags, &mut clock, cache);
    let failed = diags.has_errors();
    report.diagnostics = diags.into_sorted();
    let warnings_fail = opts.strict && report.warnings() > 0;
    if let Some((files, counts, statics)) = files.filter(|_| !failed && !warnings_fail) {
        report.pages = counts.pages;
        report.feeds = counts.feeds;
        report.charts = counts.charts;
        report.static_files = statics;
        if opts.write {
            let written = write_files(&out, &files);
            clock.lap("write");
            match written {
                Ok(c) => {
                    report.cleanup = c;
                    report.ok = true;
                }
                Err(e) => report.diagnostics.push(Diagnostic::file_error(
                    out.display().to_string(),
                    format!("cannot write the site: {e}"),
                )),
            }
        } else {
            report.ok = true;
        }
        report.written = files.into_iter().map(|f| f.path).collect();
    }
    report.elapsed = start.elapsed();
    report.timings = clock.laps;
    report
}

/// Measures the stages of a build.
#[derive(Default)]
struct Clock {
    last: Option<Instant>,
    laps: Vec<(&'static str, Duration)>,
}

impl Clock {
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |l| now - l);
        self.laps.push((stage, since));
        self.last = Some(now);
    }
}

/// Runs load → validate → model → render; `None` when a stage could not go on.
fn run(
    root: &Path,
    opts: &Options,
    diags: &Diagnostics,
    clock: &mut Clock,
    mut cache: Option<&mut Cache>,
) -> Option<(Vec<OutFile>, render::Counts, usize)> {
    clock.lap("start");
    crate::progress::stage("load", 0);
    // load
    let sources = match cache.as_deref_mut() {
        Some(c) => c.sources(root, diags),
        None => Arc::new(load::load(root, diags)),
    };
    clock.lap("load");
    crate::progress::stage("validate", 0);
    let Some(config_text) = &sources.config else {
        diags.push(
            Diagnostic::file_error(config::PATH, "no site.yaml: this is not a svdk site")
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
    let docs = content::parse_all_cached(
        &sources.content,
        &data,
        diags,
        cache.as_deref_mut().map(|c| &mut c.docs),
    );
    let config = config?;
    let landkaart = landkaart::parse(
        sources.landkaart.as_deref(),
        &sources.landkaart_csv,
        config.landkaart_periode.as_deref(),
        &data,
        &content::thema_ids(&sources.content),
        diags,
    );
    let resultaten = resultaten::parse(&sources.resultaten, &data, diags);
    let outline = model::parse_outline(sources.outline.as_deref(), diags);
    let theme = theme::load(root, &config.theme, diags);
    clock.lap("validate");
    crate::progress::stage("model", 0);
    // model
    let site = model::build(
        model::Inputs {
            config,
            data,
            landkaart,
            resultaten,
            outline,
        },
        docs,
        opts.drafts,
        diags,
        cache.as_deref_mut().map(|c| &mut c.markdown),
    );
    clock.lap("model");
    // render: templates are always parsed (to report their syntax errors), but pages are not
    // rendered from a model with errors, which would only add follow-up errors.
    let renderer = render::renderer(&theme, &site, diags)?;
    if diags.has_errors() {
        return None;
    }
    let (mut files, counts) = renderer.render_all(diags, cache.map(|c| &mut c.render));
    clock.lap("render");
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
                Diagnostic::file_error(
                    format!("static/{path}"),
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

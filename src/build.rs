//! The pipeline: load → validate → model → render → write.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::Sources;
use crate::messages::{Lang, Message};
use crate::write::{Body, OutFile};
use crate::{
    bvg, config, content, criteria, data, documenten, landkaart, layout, load, model, render,
    resultaten, theme, write,
};

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
    /// `--relative`: a site for `file://` (see [`crate::offline`]).
    pub relative: bool,
    /// `--lang`: the language of messages; `None` follows `language:` in site.yaml (Dutch
    /// when it names no language svdk speaks).
    pub lang: Option<Lang>,
    /// Where the build reports its stages (for a progress bar).
    pub progress: crate::progress::Progress,
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
    /// Paths written (created or replaced; unchanged files are left alone), relative to
    /// `out` (for `-v`).
    pub written: Vec<String>,
    /// Bytes written, and files removed, by the write stage.
    pub bytes_written: u64,
    pub removed: usize,
    pub elapsed: Duration,
    /// Time spent in each stage, in order (for `-v`).
    pub timings: Vec<(&'static str, Duration)>,
    pub ok: bool,
    /// The output folder already was this build's output (same stamp): nothing was rendered.
    pub unchanged: bool,
    /// The language to show the diagnostics and the summary in.
    pub lang: Lang,
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

    /// The finished report (the write stage leaves nothing running in the background).
    pub fn finish(self) -> Self {
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

/// The folders of a site that svdk reads (the ones `svdk serve` watches); an output inside one
/// of them is refused.
const SOURCE_DIRS: [&str; 5] = layout::WATCHED;

/// Refuses an output folder that would overwrite the site, or a folder that is not svdk's.
fn check_out_dir(root: &Path, out: &Path, diags: &Diagnostics) {
    let refuse = |msg: Message, hint: Message| {
        diags.push(Diagnostic::arg_error("--out", msg).with_hint(Some(hint)))
    };
    let separate = || crate::msg!(OutSeparateHint);
    if out == root {
        refuse(crate::msg!(OutIsSite, path = out.display()), separate());
    } else if root.starts_with(out) {
        refuse(
            crate::msg!(OutContainsSite, path = out.display()),
            separate(),
        );
    } else if let Some(dir) = SOURCE_DIRS.iter().find(|d| out.starts_with(root.join(d))) {
        refuse(
            crate::msg!(OutInsideSource, path = out.display(), dir = dir),
            separate(),
        );
    } else if let Err(msg) = write::check_out(out) {
        refuse(msg, crate::msg!(OutReuseHint));
    }
}

/// Builds the site once: into a sibling folder swapped in when complete (`build`), or only
/// validated (`check`, when `opts.write` is false).
pub fn build(opts: &Options) -> Report {
    run_and_write(opts, None)
}

/// A build that lives on between rebuilds, for `svdk serve`: it keeps what earlier builds
/// computed and writes its output folder the way `build` does (only what changed, swapped in
/// atomically).
#[derive(Debug)]
pub struct Session {
    opts: Options,
    cache: Cache,
}

impl Session {
    pub fn new(opts: Options) -> Self {
        Session {
            opts,
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
        run_and_write(&self.opts, Some(&mut self.cache))
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
    model: model::ModelCache,
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

fn run_and_write(opts: &Options, cache: Option<&mut Cache>) -> Report {
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
        bytes_written: 0,
        removed: 0,
        elapsed: Duration::ZERO,
        timings: Vec::new(),
        ok: false,
        unchanged: false,
        lang: opts.lang.unwrap_or_default(),
    };
    if opts.write {
        check_out_dir(&root, &out, &diags);
    }
    let mut clock = Clock::default();
    let rendered = run(
        &root,
        &out,
        opts,
        &diags,
        &mut clock,
        cache,
        &mut report.lang,
    );
    let failed = diags.has_errors();
    report.diagnostics = diags.into_sorted();
    let warnings_fail = opts.strict && report.warnings() > 0;
    let rendered = rendered.filter(|_| !failed && !warnings_fail);
    if let Some(Rendered::Unchanged(counts)) = rendered {
        report.pages = counts.pages;
        report.feeds = counts.feeds;
        report.charts = counts.charts;
        report.static_files = counts.statics;
        report.ok = true;
        report.unchanged = true;
    } else if let Some(Rendered::Files {
        files,
        counts,
        key,
        writer,
    }) = rendered
    {
        report.pages = counts.pages;
        report.feeds = counts.feeds;
        report.charts = counts.charts;
        report.static_files = counts.statics;
        if let Some(writer) = writer {
            // Only a build without warnings is stamped (see `stamp`).
            let stamp = key
                .filter(|_| report.diagnostics.is_empty())
                .map(|k| format!("{k} {}", counts.render()));
            let written = writer.finish(&files, stamp.as_deref());
            clock.lap("write");
            match written {
                Ok(w) => {
                    report.written = w.paths;
                    report.bytes_written = w.bytes;
                    report.removed = w.removed;
                    report.ok = true;
                }
                Err(e) => report.diagnostics.push(cannot_write(&out, &e)),
            }
        } else {
            report.ok = true;
        }
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

/// What the stages before writing produced.
enum Rendered {
    /// The output files (most already in the writer's work copy), what they are, the stamp
    /// key of the build when it has one, and the write to finish (`None` for `svdk check`).
    Files {
        files: Vec<OutFile>,
        counts: Counts,
        key: Option<String>,
        writer: Option<Box<write::Writer>>,
    },
    /// The output folder already is this build's output.
    Unchanged(Counts),
}

/// What a build made, for the summary line; kept in the output's stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    pages: usize,
    feeds: usize,
    charts: usize,
    statics: usize,
}

impl Counts {
    fn render(self) -> String {
        format!(
            "{} {} {} {}",
            self.pages, self.feeds, self.charts, self.statics
        )
    }

    fn parse(text: &str) -> Option<Self> {
        let mut n = text.split(' ').map(|x| x.parse::<usize>().ok());
        let counts = Counts {
            pages: n.next()??,
            feeds: n.next()??,
            charts: n.next()??,
            statics: n.next()??,
        };
        n.next().is_none().then_some(counts)
    }
}

/// Runs load → validate → model → render; `None` when a stage could not go on. A plain build
/// (no serve session) over an output with its stamp stops after loading.
fn run(
    root: &Path,
    out: &Path,
    opts: &Options,
    diags: &Diagnostics,
    clock: &mut Clock,
    mut cache: Option<&mut Cache>,
    lang: &mut Lang,
) -> Option<Rendered> {
    clock.lap("start");
    opts.progress.stage(crate::messages::Key::StageLoad, 0);
    // load
    let sources = match cache.as_deref_mut() {
        Some(c) => c.sources(root, diags),
        None => Arc::new(load::load(root, diags)),
    };
    clock.lap("load");
    let key = (cache.is_none() && opts.write && diags.is_empty())
        .then(|| stamp_key(&sources, opts))
        .flatten();
    if let Some(key) = &key
        && let Some(counts) = write::unchanged(out, key).and_then(|c| Counts::parse(&c))
    {
        clock.lap("stamp");
        return Some(Rendered::Unchanged(counts));
    }
    opts.progress.stage(crate::messages::Key::StageValidate, 0);
    let Some(config_text) = &sources.config else {
        diags.push(
            Diagnostic::file_error(config::PATH, crate::msg!(NoSiteYaml))
                .with_hint(Some(crate::msg!(NoSiteYamlHint))),
        );
        return None;
    };
    // validate
    let config = config::parse(config_text, opts.base_url.as_deref(), diags).map(|mut c| {
        c.relative = opts.relative;
        c
    });
    *lang = opts
        .lang
        .or_else(|| config.as_ref().and_then(|c| Lang::parse(&c.language)))
        .unwrap_or_default();
    opts.progress.set_lang(*lang);
    let data = data::parse_with_districten(
        sources.werkpleinen.as_deref(),
        sources.regios.as_deref(),
        sources.districten.as_deref(),
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
    let doelen = resultaten::doelen::parse(sources.resultaten_yaml.as_deref(), diags);
    let resultaten = resultaten::parse(&sources.resultaten, doelen, &data, diags);
    let documenten = documenten::parse(
        sources.documenten.as_deref(),
        &sources.static_files,
        &data,
        diags,
    );
    let bvg = bvg::parse(
        sources.bvg.as_deref(),
        sources.bvg_csv.as_deref(),
        &data,
        diags,
    );
    let criteria = criteria::parse(
        sources.criteria.as_deref(),
        &sources.criteria_csv,
        &data,
        diags,
    );
    let outline = model::parse_outline(sources.outline.as_deref(), diags);
    let theme = theme::assemble(&sources, &config.theme, config.theme_pos, diags);
    // The files Markdown may link to: the site's static/ and the theme's static files.
    let static_paths = theme
        .static_files
        .keys()
        .cloned()
        .chain(sources.static_files.iter().map(|s| s.out.clone()))
        .collect();
    clock.lap("validate");
    // A plain build is done with the Markdown sources (the documents hold what the model
    // needs): no need to keep them through rendering. A session keeps them for the next build.
    let mut sources = sources;
    if let Some(s) = Arc::get_mut(&mut sources) {
        s.content = Vec::new();
    }
    opts.progress.stage(crate::messages::Key::StageModel, 0);
    // model
    let mut site = model::build(
        model::Inputs {
            config,
            data,
            landkaart,
            resultaten,
            documenten,
            bvg,
            criteria,
            static_paths,
            outline,
        },
        docs,
        opts.drafts,
        diags,
        cache.as_deref_mut().map(|c| &mut c.model),
    );
    if cache.is_none() {
        site.drop_markdown();
    }
    clock.lap("model");
    // render: templates are always parsed (to report their syntax errors), but pages are not
    // rendered from a model with errors, which would only add follow-up errors.
    let renderer = render::renderer(&theme, &site, diags)?;
    if diags.has_errors() {
        return None;
    }
    let writer = begin_write(out, opts, diags)?;
    let streamed = writer.as_deref().filter(|_| !site.config.relative);
    let store = |file: OutFile| store(streamed, file, out, diags);
    let (mut files, counts) =
        renderer.render_all(diags, &opts.progress, cache.map(|c| &mut c.render), &store);
    clock.lap("render");
    if !check_clashes(&files, &site, diags) {
        return None;
    }
    let statics = add_static(&mut files, theme.static_files, &sources.static_files, diags);
    model::check_generated_links(
        &site.generated_links,
        files.iter().map(|f| f.path.as_str()),
        diags,
    );
    if site.config.relative {
        crate::offline::apply(&mut files, &site.config.base_url.path, diags);
    }
    let counts = Counts {
        pages: counts.pages,
        feeds: counts.feeds,
        charts: counts.charts,
        statics,
    };
    Some(Rendered::Files {
        files,
        counts,
        key,
        writer,
    })
}

/// The write of a build (`None` for `svdk check`): each file goes into the work copy as soon
/// as it is rendered (see [`write::Writer`]). `Err` after reporting that it cannot begin.
fn begin_write(
    out: &Path,
    opts: &Options,
    diags: &Diagnostics,
) -> Option<Option<Box<write::Writer>>> {
    if !opts.write {
        return Some(None);
    }
    match write::Writer::begin(out) {
        Ok(w) => Some(Some(Box::new(w))),
        Err(e) => {
            diags.push(cannot_write(out, &e));
            None
        }
    }
}

/// Puts `file` into the work copy of `writer` and keeps only its hash, or keeps it whole
/// without a writer (`svdk check`, and `--relative`, which rewrites the finished site first
/// and so writes at the end).
fn store(
    writer: Option<&write::Writer>,
    file: OutFile,
    out: &Path,
    diags: &Diagnostics,
) -> OutFile {
    let Some(w) = writer else {
        return file;
    };
    match w.put(&file) {
        Ok(entry) => OutFile {
            path: file.path,
            body: Body::Written(entry),
        },
        Err(e) => {
            diags.push(cannot_write(out, &e));
            file
        }
    }
}

/// The error for an output folder that could not be written.
fn cannot_write(out: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file_error(
        out.display().to_string(),
        crate::messages::MessageError::of(e, crate::messages::Key::CannotWriteSite),
    )
}

/// The stamp key of a build of `sources` with `opts`; `None` when it cannot be made (a static
/// file that cannot be read: the build reports that itself).
fn stamp_key(sources: &Sources, opts: &Options) -> Option<String> {
    let settings = crate::stamp::Settings {
        base_url: opts.base_url.as_deref(),
        drafts: opts.drafts,
        relative: opts.relative,
    };
    crate::stamp::key(sources, settings).ok()
}

/// Two outputs with one path would overwrite each other (in parallel, so either could win): a
/// content page whose URL is one svdk generates (`content/landkaart/2009-t2.md`) is an error
/// naming the file and the page. Returns whether all paths are distinct.
fn check_clashes(files: &[OutFile], site: &model::Site, diags: &Diagnostics) -> bool {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(files.len());
    let mut clashes = Vec::new();
    for f in files {
        let n = seen.entry(f.path.as_str()).or_insert(0);
        *n += 1;
        if *n == 2 {
            clashes.push(f.path.as_str());
        }
    }
    if clashes.is_empty() {
        return true;
    }
    let by_out: HashMap<String, &model::Page> = site
        .pages
        .iter()
        .map(|p| (format!("{}index.html", p.url), p))
        .collect();
    clashes.sort_unstable();
    for path in clashes {
        let url = path.strip_suffix("index.html").unwrap_or(path);
        match by_out.get(path) {
            Some(p) => diags.push(
                Diagnostic::error(
                    &p.doc.path,
                    p.doc.slug_pos,
                    crate::msg!(PageUrlGenerated, url = url),
                )
                .with_hint(Some(crate::msg!(PageUrlGeneratedHint))),
            ),
            None => diags.file_error("site.yaml", crate::msg!(GeneratedSameUrl, url = url)),
        }
    }
    false
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
    // The folders the pages are in: a static file there (`static/over` next to /over/) could
    // not be written, nor could a static file inside a page's path (`static/404.html/x`).
    let page_dirs: std::collections::HashSet<&str> = files
        .iter()
        .flat_map(|f| f.path.match_indices('/').map(|(i, _)| &f.path[..i]))
        .collect();
    let mut added = Vec::new();
    for (path, body) in statics {
        let inside_page = path
            .match_indices('/')
            .any(|(i, _)| pages.contains(&path[..i]));
        if pages.contains(path.as_str()) || page_dirs.contains(path.as_str()) || inside_page {
            diags.push(
                Diagnostic::file_error(
                    format!("static/{path}"),
                    crate::msg!(StaticSameUrl, path = &path),
                )
                .with_hint(Some(crate::msg!(RenameOrMove))),
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

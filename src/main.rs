//! The `svdk` command line.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use svdk::build::{self, Options, Report};
use svdk::messages::{Key, Lang, Message};
use svdk::msg;

/// mimalloc instead of the system's allocator: a build allocates and frees many small strings
/// from every core, where glibc's malloc spent 15 % of a build's CPU at 10,000 practices.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "svdk",
    version,
    about = "Builds the Samen voor de Klant website from Markdown and data files",
    long_about = "svdk turns a site folder (site.yaml, content/, data/, static/) into a static \
                  website: praktijkvoorbeelden, the Werkpleinjournaal, the kaderdocument, a page \
                  per werkplein and regio, feeds and a sitemap."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/).
    ///
    /// The new site is prepared next to the output folder (in .<name>.svdk-work, the previous
    /// site, where only the files that changed are rewritten) and swapped in atomically when
    /// complete: on any error, or if the build is killed, the previous output is left exactly as
    /// it was.
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder (default: <root>/public): a new or empty folder, or one an earlier
        /// svdk build wrote (it has a .svdk-output file). Any other folder is refused.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// No progress bar: only the one-line summary (and errors and warnings).
        #[arg(long, short)]
        quiet: bool,
        /// List every file written (files whose contents did not change are not rewritten).
        #[arg(long, short)]
        verbose: bool,
        /// Write a site that works from a folder or a zip (file://): relative links to
        /// …/index.html, the search index as scripts.
        #[arg(long)]
        relative: bool,
    },
    /// Validate everything `build` validates and write nothing (for CI and editors).
    Check {
        #[command(flatten)]
        common: Common,
    },
    /// Start a new praktijkvoorbeeld or journaal item: writes content/<type>/<slug>.md with
    /// today's date, the front matter and the parts to fill in.
    New {
        /// What to make.
        #[arg(value_enum)]
        kind: svdk::new::Kind,
        /// The title; the file name (slug) is made from it.
        #[arg(value_name = "TITEL")]
        title: String,
        /// The site folder.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The werkplein it is about (for a vraag: the werkplein that asks).
        #[arg(long, value_name = "ID")]
        werkplein: Option<String>,
        /// A thema id; repeat for more.
        #[arg(long = "thema", value_name = "ID")]
        themas: Vec<String>,
        /// For a journaal item: nieuws (default), vraag or agenda.
        #[arg(long, value_name = "SOORT")]
        soort: Option<String>,
        /// The language of messages: nl or en (default: `language` in site.yaml, else nl).
        #[arg(long, value_name = "TAAL")]
        lang: Option<Lang>,
    },
    /// Preview the site: build it, serve it locally and rebuild and reload the browser after
    /// every change to content/, data/, static/, themes/, templates/ or site.yaml.
    ///
    /// Errors are shown in the browser on top of the last good version of the site.
    Serve {
        /// The site folder (with site.yaml, content/, data/).
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; another than 127.0.0.1 makes the preview visible to others.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Include pages with `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// The language of messages: nl or en (default: `language` in site.yaml, else nl).
        #[arg(long, value_name = "TAAL")]
        lang: Option<Lang>,
    },
}

#[derive(Args)]
struct Common {
    /// The site folder (with site.yaml, content/, data/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Override base_url from site.yaml, e.g. https://example.org/sub/
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Include pages with `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// The language of messages: nl or en (default: `language` in site.yaml, else nl).
    #[arg(long, value_name = "TAAL")]
    lang: Option<Lang>,
}

fn options(common: Common, out: Option<PathBuf>, write: bool) -> Options {
    Options {
        root: common.root,
        out,
        base_url: common.base_url,
        drafts: common.drafts,
        strict: common.strict,
        write,
        relative: false,
        lang: common.lang,
        progress: Default::default(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (opts, quiet, verbose) = match cli.command {
        Command::Build {
            common,
            out,
            quiet,
            verbose,
            relative,
        } => (
            Options {
                relative,
                ..options(common, out, true)
            },
            quiet,
            verbose,
        ),
        Command::Check { common } => (options(common, None, false), false, false),
        Command::New {
            kind,
            title,
            root,
            werkplein,
            themas,
            soort,
            lang,
        } => {
            let lang = lang
                .or_else(|| svdk::config::language_of(&root))
                .unwrap_or_default();
            let page = svdk::new::NewPage {
                kind,
                title,
                werkplein,
                themas,
                soort,
            };
            return match svdk::new::create(&root, &page, svdk::new::today()) {
                Ok(path) => {
                    svdk::say!("{}", root.join(path).display());
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    for d in problems {
                        svdk::tell!("{}", d.display(lang));
                    }
                    ExitCode::FAILURE
                }
            };
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            lang,
        } => {
            let shown = lang
                .or_else(|| svdk::config::language_of(&root))
                .unwrap_or_default();
            let result = svdk::serve::serve(svdk::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                lang,
            });
            return match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    svdk::tell!("svdk: {}", e.display(shown));
                    ExitCode::FAILURE
                }
            };
        }
    };
    let bar = svdk::progress::Bar::start(!quiet, &opts.progress);
    let report = build::build(&opts);
    bar.finish();
    for d in &report.diagnostics {
        svdk::tell!("{}", d.display(report.lang));
    }
    let code = summarize(&report, &opts, verbose);
    report.finish();
    code
}

fn summarize(report: &Report, opts: &Options, verbose: bool) -> ExitCode {
    let lang = report.lang;
    let secs = format!("{:.2}", report.elapsed.as_secs_f64());
    // A decimal comma for Dutch readers.
    let secs = match lang {
        Lang::Nl => secs.replace('.', ","),
        Lang::En => secs,
    };
    let (errors, warnings) = (report.errors(), report.warnings());
    let none = || msg!(PlainText, text = "");
    if !report.ok {
        let kept = if opts.write {
            msg!(SummaryKept, path = report.out.display())
        } else {
            none()
        };
        let why = if errors == 0 && opts.strict {
            msg!(SummaryStrict)
        } else {
            none()
        };
        let failed = msg!(
            SummaryFailed,
            errors = errors,
            warnings = warnings,
            why = why,
            kept = kept
        );
        svdk::tell!("svdk: {}", failed.display(lang));
        return ExitCode::FAILURE;
    }
    if verbose {
        for path in &report.written {
            svdk::say!("  {path}");
        }
        let stages: Vec<String> = report
            .timings
            .iter()
            .filter(|(stage, _)| *stage != "start")
            .map(|(stage, d)| {
                let ms = format!("{:.0}", d.as_secs_f64() * 1000.0);
                msg!(SummaryStage, stage = stage_name(stage), ms = ms).render(lang)
            })
            .collect();
        svdk::say!("svdk: {}", stages.join(", "));
        if opts.write {
            let wrote = msg!(
                SummaryWrote,
                files = report.written.len(),
                bytes = report.bytes_written,
                removed = report.removed
            );
            svdk::say!("svdk: {}", wrote.display(lang));
        }
    }
    let summary = if report.unchanged {
        Key::SummaryUpToDate
    } else if opts.write {
        Key::SummaryBuilt
    } else {
        Key::SummaryChecked
    };
    let summary = Message::new(summary)
        .arg("pages", report.pages)
        .arg("charts", report.charts)
        .arg("feeds", report.feeds)
        .arg("statics", report.static_files)
        .arg("out", report.out.display())
        .arg("warnings", warnings)
        .arg("secs", secs);
    svdk::say!("svdk: {}", summary.display(lang));
    ExitCode::SUCCESS
}

/// A stage of the build as `-v` names it.
fn stage_name(stage: &str) -> Message {
    match stage {
        "load" => msg!(StageLoad),
        "validate" => msg!(StageValidate),
        "model" => msg!(StageModel),
        "render" => msg!(StageRender),
        "write" => msg!(StageWrite),
        "stamp" => msg!(StageStamp),
        other => msg!(PlainText, text = other),
    }
}

//! The `svdk` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use svdk::build::{self, Options, Report};

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
    /// The new site is built next to the output folder and swapped in only when complete:
    /// on any error the previous output is left exactly as it was.
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder (default: <root>/public). Must not be the site folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print nothing on success (errors and warnings are still printed).
        #[arg(long, short)]
        quiet: bool,
        /// List every file written.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Validate everything `build` validates and write nothing (for CI and editors).
    Check {
        #[command(flatten)]
        common: Common,
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
}

fn options(common: Common, out: Option<PathBuf>, write: bool) -> Options {
    Options {
        root: common.root,
        out,
        base_url: common.base_url,
        drafts: common.drafts,
        strict: common.strict,
        write,
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
        } => (options(common, out, true), quiet, verbose),
        Command::Check { common } => (options(common, None, false), false, false),
    };
    let report = build::build(&opts);
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let code = summarize(&report, &opts, quiet, verbose);
    report.finish();
    code
}

fn summarize(report: &Report, opts: &Options, quiet: bool, verbose: bool) -> ExitCode {
    let secs = report.elapsed.as_secs_f64();
    let (errors, warnings) = (report.errors(), report.warnings());
    if !report.ok {
        let kept = if opts.write {
            format!("; {} left unchanged", report.out.display())
        } else {
            String::new()
        };
        let why = if errors == 0 && opts.strict {
            " (--strict: warnings count as errors)"
        } else {
            ""
        };
        eprintln!("svdk: failed with {errors} error(s) and {warnings} warning(s){why}{kept}");
        return ExitCode::FAILURE;
    }
    if verbose {
        for path in &report.written {
            println!("  {path}");
        }
    }
    if !quiet {
        let verb = if opts.write { "built" } else { "checked" };
        let place = if opts.write {
            format!(" into {}", report.out.display())
        } else {
            String::new()
        };
        println!(
            "svdk: {verb} {} pages, {} feeds, {} static files{place}; {warnings} warning(s) in {secs:.2} s",
            report.pages, report.feeds, report.static_files
        );
    }
    ExitCode::SUCCESS
}

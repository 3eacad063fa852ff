//! `TestSite`: a chainable driver for one site under test, in the spirit of mdBook's
//! `BookTest` and Zola's `components/site/tests/common.rs`.
//!
//! A test starts from a fixture (`TestSite::fixture("minimal")`), the repository's sample site
//! (`TestSite::sample()`) or an in-line site (`TestSite::inline(&[(path, text), ...])`), changes
//! files, builds, and checks what was written, all in one chain:
//!
//! ```ignore
//! TestSite::fixture("minimal")
//!     .file("templates/404.html", "<h1>Weg</h1>")
//!     .build()
//!     .check_page_contains("404.html", "<h1>Weg</h1>");
//! ```
//!
//! The site lives in a fresh temporary directory (`<tmp>/site`, output in `<tmp>/public`), so a
//! test never writes into the repository. Every check names the page and shows the run on failure.

use std::fs;
use std::path::{Path, PathBuf};

use crate::prelude::*;

pub struct TestSite {
    site: Site,
    out: PathBuf,
    last: Option<Run>,
}

impl TestSite {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        TestSite::from(fixture_site(name))
    }

    /// A copy of the repository's own sample site.
    pub fn sample() -> TestSite {
        TestSite::from(sample_site())
    }

    /// A site made of the given files only (paths relative to the site root).
    pub fn inline(files: &[(&str, &str)]) -> TestSite {
        let tmp = tempdir();
        let root = tmp.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let mut t = TestSite::from(Site::from_tempdir(tmp));
        for (rel, text) in files {
            t.file(rel, text);
        }
        t
    }

    fn from(site: Site) -> TestSite {
        let out = site.sibling("public");
        TestSite {
            site,
            out,
            last: None,
        }
    }

    pub fn root(&self) -> PathBuf {
        self.site.root()
    }

    pub fn out(&self) -> &Path {
        &self.out
    }

    /// A path beside the site in the temporary directory (for another output folder, say).
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.site.sibling(name)
    }

    /// Writes (creates or replaces) a file of the site.
    pub fn file(&mut self, rel: &str, text: &str) -> &mut Self {
        self.site.write(rel, text);
        self
    }

    /// Changes a file of the site with `f`; the change must change something.
    pub fn edit(&mut self, rel: &str, f: impl FnOnce(String) -> String) -> &mut Self {
        let path = self.root().join(rel);
        let before = read(&path);
        let after = f(before.clone());
        assert_ne!(before, after, "the edit of {rel} changed nothing");
        fs::write(path, after).unwrap();
        self
    }

    /// Removes a file or a folder of the site.
    pub fn remove(&mut self, rel: &str) -> &mut Self {
        let path = self.root().join(rel);
        if path.is_dir() {
            fs::remove_dir_all(&path).unwrap();
        } else {
            fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        }
        self
    }

    /// `svdk build` into the output folder; the build must succeed.
    pub fn build(&mut self) -> &mut Self {
        self.build_with(&[]);
        self.run().assert_success();
        self
    }

    /// `svdk build` with extra arguments; success is not checked (see `expect_*`).
    pub fn build_with(&mut self, extra: &[&str]) -> &mut Self {
        self.last = Some(build(&self.site.root(), &self.out, extra));
        self
    }

    /// Runs `svdk <args>` in the temporary directory; success is not checked.
    pub fn svdk(&mut self, args: &[&str]) -> &mut Self {
        self.last = Some(svdk(&self.site.dir, args));
        self
    }

    /// The last run of the binary.
    pub fn run(&self) -> &Run {
        self.last.as_ref().expect("no run yet: call build() first")
    }

    /// The last run failed with exit status `code`.
    pub fn expect_exit(&mut self, code: i32) -> &mut Self {
        self.run().assert_exit(code);
        self
    }

    /// The last run printed `needle` on stderr.
    pub fn expect_stderr_contains(&mut self, needle: &str) -> &mut Self {
        let run = self.run();
        assert!(
            run.stderr.contains(needle),
            "stderr lacks {needle:?}\n{}",
            run.describe()
        );
        self
    }

    /// The text of an output file (path relative to the output folder).
    pub fn page(&self, rel: &str) -> String {
        read_out(&self.out, rel)
    }

    pub fn check_page_contains(&mut self, rel: &str, needle: &str) -> &mut Self {
        let page = self.page(rel);
        assert!(
            page.contains(needle),
            "{rel} lacks {needle:?}:\n{page}\n{}",
            self.run().describe()
        );
        self
    }

    pub fn check_page_lacks(&mut self, rel: &str, needle: &str) -> &mut Self {
        let page = self.page(rel);
        assert!(
            !page.contains(needle),
            "{rel} still has {needle:?}:\n{page}"
        );
        self
    }

    /// The output folder has a file at `rel` (`true`) or none (`false`).
    pub fn check_file(&mut self, rel: &str, exists: bool) -> &mut Self {
        assert_eq!(
            self.out.join(rel).is_file(),
            exists,
            "{rel} in the output: expected exists = {exists}; files: {:?}",
            list_files(&self.out)
        );
        self
    }
}

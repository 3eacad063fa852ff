//! Shared helpers for the svdk integration tests (the prelude of the one test binary).
//!
//! Every test copies the site it builds (a fixture under `tests/fixtures/` or the repository's
//! own sample site) into a temporary directory first, so a test never writes into the repository.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub use crate::test_site::TestSite;

/// Path of the `svdk` binary under test.
pub fn svdk_bin() -> &'static str {
    env!("CARGO_BIN_EXE_svdk")
}

/// The repository root, which is also the sample site.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture_dir(name: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(name)
}

/// Result of one run of the binary.
#[derive(Debug, Clone)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub args: Vec<String>,
}

impl Run {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// A printable description of the run for assertion messages.
    pub fn describe(&self) -> String {
        format!(
            "svdk {}\nexit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    pub fn assert_success(&self) -> &Self {
        assert!(self.success(), "expected exit 0\n{}", self.describe());
        self
    }

    pub fn assert_exit(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit status\n{}",
            self.describe()
        );
        self
    }

    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        parse_diagnostics(&self.stderr)
    }

    pub fn errors(&self) -> Vec<Diagnostic> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d.severity == "error")
            .collect()
    }

    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d.severity == "warning")
            .collect()
    }
}

/// Runs `svdk` with the given arguments. The working directory is `cwd` (so that anything the
/// binary might write relative to the current directory lands in a temporary directory, never in
/// the repository).
pub fn svdk<S: AsRef<str>>(cwd: &Path, args: &[S]) -> Run {
    svdk_env(cwd, args, &[])
}

pub fn svdk_env<S: AsRef<str>>(cwd: &Path, args: &[S], env: &[(&str, &str)]) -> Run {
    let args: Vec<String> = args.iter().map(|a| a.as_ref().to_string()).collect();
    let mut cmd = Command::new(svdk_bin());
    cmd.args(&args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", svdk_bin()));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        args,
    }
}

/// `svdk build --root <root> --out <out> --lang en [extra...]`: the tests read the English
/// messages (tests/messages.rs checks the Dutch ones, the default).
pub fn build(root: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "build".to_string(),
        "--root".to_string(),
        path_str(root),
        "--out".to_string(),
        path_str(out),
        "--lang".to_string(),
        "en".to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    svdk(cwd_for(root), &args)
}

/// `svdk check --root <root> --lang en [extra...]`
pub fn check(root: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "check".to_string(),
        "--root".to_string(),
        path_str(root),
        "--lang".to_string(),
        "en".to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    svdk(cwd_for(root), &args)
}

fn cwd_for(root: &Path) -> &Path {
    root.parent().unwrap_or(root)
}

pub fn path_str(p: &Path) -> String {
    p.to_str().expect("test paths are UTF-8").to_string()
}

/// Copies `src` recursively into `dst` (created if missing). `skip` names top-level entries of
/// `src` that are not copied.
pub fn copy_dir(src: &Path, dst: &Path, skip: &[&str]) {
    fs::create_dir_all(dst).unwrap();
    let mut entries: Vec<_> = fs::read_dir(src)
        .unwrap_or_else(|e| panic!("read_dir {}: {e}", src.display()))
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if skip.iter().any(|s| name.to_str() == Some(*s)) {
            continue;
        }
        let from = entry.path();
        let to = dst.join(&name);
        let ft = entry.file_type().unwrap();
        if ft.is_dir() {
            copy_dir(&from, &to, &[]);
        } else if ft.is_symlink() {
            // Follow symlinks: copy what they point to.
            let meta = fs::metadata(&from).unwrap();
            if meta.is_dir() {
                copy_dir(&from, &to, &[]);
            } else {
                fs::copy(&from, &to).unwrap();
            }
        } else {
            fs::copy(&from, &to).unwrap();
        }
    }
}

/// A site copied into a fresh temporary directory `dir`. The site is at `root()`
/// (`<dir>/site`); the rest of `dir` is free for output directories.
pub struct Site {
    pub dir: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

impl Site {
    fn in_tempdir() -> Site {
        Site::from_tempdir(tempdir())
    }
    /// A site in `tmp` (at `<tmp>/site`), removed when the `Site` is dropped.
    pub fn from_tempdir(tmp: tempfile::TempDir) -> Site {
        Site {
            dir: tmp.path().to_path_buf(),
            _tmp: Some(tmp),
        }
    }
    /// A site whose directory is a fixed folder under Cargo's target tmp dir (emptied first):
    /// for builds kept in a `static`, where a `TempDir` would never be dropped.
    pub(crate) fn in_target_tmp(name: &str) -> Site {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        fs::create_dir_all(&dir).unwrap();
        Site { dir, _tmp: None }
    }
    pub fn root(&self) -> PathBuf {
        self.dir.join("site")
    }
    /// A path next to the site (inside the temporary directory) for an output directory.
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("svdk-test-")
        .tempdir()
        .unwrap()
}

/// Copies `tests/fixtures/<name>` into a temp dir.
pub fn fixture_site(name: &str) -> Site {
    let src = fixture_dir(name);
    assert!(src.is_dir(), "fixture {} missing", src.display());
    let site = Site::in_tempdir();
    copy_dir(&src, &site.root(), &[]);
    site
}

/// Top-level entries of the repository that are not part of the sample site.
pub const NOT_SITE: &[&str] = &[
    "target",
    ".git",
    "public",
    "tests",
    "benches",
    "node_modules",
];

/// Copies the repository's own sample site (the repo root minus build artefacts and tests) into
/// a temp dir.
pub fn sample_site() -> Site {
    let site = Site::in_tempdir();
    copy_dir(&repo_root(), &site.root(), NOT_SITE);
    site
}

/// Like `sample_site`, but in a fixed folder under Cargo's target tmp dir (see `shared_build`).
pub fn sample_site_in_target_tmp(name: &str) -> Site {
    let site = Site::in_target_tmp(name);
    copy_dir(&repo_root(), &site.root(), NOT_SITE);
    site
}

/// All regular files under `dir`, as `/`-separated paths relative to `dir`, sorted.
pub fn list_files(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut |rel, ft, _| {
        if ft == EntryKind::File {
            out.insert(rel.to_string());
        }
    });
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Dir,
    File(Vec<u8>),
    Symlink(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Dir,
    File,
    Symlink,
}

fn walk(base: &Path, dir: &Path, f: &mut dyn FnMut(&str, EntryKind, &Path)) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.map(|e| e.unwrap()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let rel = p
            .strip_prefix(base)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let ft = e.file_type().unwrap();
        if ft.is_symlink() {
            f(&rel, EntryKind::Symlink, &p);
        } else if ft.is_dir() {
            f(&rel, EntryKind::Dir, &p);
            walk(base, &p, f);
        } else {
            f(&rel, EntryKind::File, &p);
        }
    }
}

/// Full snapshot of a directory tree: every directory, file (with its bytes) and symlink.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut |rel, kind, p| {
        let e = match kind {
            EntryKind::Dir => Entry::Dir,
            EntryKind::File => Entry::File(fs::read(p).unwrap()),
            EntryKind::Symlink => Entry::Symlink(fs::read_link(p).unwrap()),
        };
        out.insert(rel.to_string(), e);
    });
    out
}

/// Describes how two snapshots differ (empty when equal).
pub fn snapshot_diff(a: &BTreeMap<String, Entry>, b: &BTreeMap<String, Entry>) -> Vec<String> {
    let mut diffs = Vec::new();
    for (k, v) in a {
        match b.get(k) {
            None => diffs.push(format!("removed: {k}")),
            Some(w) if w != v => diffs.push(format!("changed: {k}")),
            _ => {}
        }
    }
    for k in b.keys() {
        if !a.contains_key(k) {
            diffs.push(format!("added: {k}"));
        }
    }
    diffs
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Reads `<out>/<rel>`, panicking with the list of files written when it is missing.
pub fn read_out(out: &Path, rel: &str) -> String {
    let p = out.join(rel);
    if !p.is_file() {
        let files = list_files(out);
        let shown: Vec<_> = files.iter().take(200).cloned().collect();
        panic!(
            "expected output file {rel} is missing; {} files written, e.g.:\n  {}",
            files.len(),
            shown.join("\n  ")
        );
    }
    read(&p)
}

/// Text files of the output (html, xml, txt, css, js, json, svg, csv).
pub fn text_files(out: &Path) -> Vec<(String, String)> {
    list_files(out)
        .into_iter()
        .filter(|f| {
            let ext = f.rsplit('.').next().unwrap_or("");
            matches!(
                ext,
                "html" | "xml" | "txt" | "css" | "js" | "json" | "svg" | "csv"
            )
        })
        .map(|f| {
            let t = String::from_utf8_lossy(&fs::read(out.join(&f)).unwrap()).into_owned();
            (f, t)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/// One diagnostic line `<path>:<line>:<column>: <severity>: <message>` (or `<path>: ...` for
/// a whole file or a command-line argument, with line and column 0) with the `  = hint:`
/// lines that follow it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub severity: String,
    pub message: String,
    pub hints: Vec<String>,
    pub raw: String,
}

impl Diagnostic {
    /// Message and hints, lowercased, for keyword matching.
    pub fn text_lower(&self) -> String {
        let mut s = self.message.to_lowercase();
        for h in &self.hints {
            s.push('\n');
            s.push_str(&h.to_lowercase());
        }
        s
    }
}

/// Reads a diagnostic line in either language: `error`/`fout`, `warning`/`waarschuwing`
/// (the severity is given in English: `error` or `warning`).
pub fn parse_diagnostic_line(line: &str) -> Option<Diagnostic> {
    for (sev, label) in [
        ("error", "error"),
        ("warning", "warning"),
        ("error", "fout"),
        ("warning", "waarschuwing"),
    ] {
        let marker = format!(": {label}: ");
        if let Some(i) = line.find(&marker) {
            let prefix = &line[..i];
            let message = line[i + marker.len()..].to_string();
            // `path:line:column`, or `path` alone for a whole file or an argument (line 0).
            let mut parts = prefix.rsplitn(3, ':');
            let position = (|| {
                let col = parts.next()?.trim().parse::<u32>().ok()?;
                let ln = parts.next()?.trim().parse::<u32>().ok()?;
                Some((ln, col, parts.next()?.to_string()))
            })();
            let (ln, col, path) = position.unwrap_or_else(|| (0, 0, prefix.to_string()));
            if path.is_empty() {
                return None;
            }
            return Some(Diagnostic {
                path,
                line: ln,
                column: col,
                severity: sev.to_string(),
                message,
                hints: Vec::new(),
                raw: line.to_string(),
            });
        }
    }
    None
}

pub fn parse_diagnostics(stderr: &str) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for line in stderr.lines() {
        if let Some(rest) = line
            .strip_prefix("  = hint: ")
            .or_else(|| line.strip_prefix("  = tip: "))
        {
            if let Some(last) = out.last_mut() {
                last.hints.push(rest.to_string());
            }
            continue;
        }
        if let Some(d) = parse_diagnostic_line(line) {
            out.push(d);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Front matter of content files (to discover what the sample site should produce)

/// Parses the YAML front matter of a Markdown file (between the first two `---` lines).
pub fn front_matter(path: &Path) -> yaml_serde::Mapping {
    let text = read(path);
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return yaml_serde::Mapping::new();
    }
    let mut yaml = String::new();
    for l in lines {
        if l.trim_end() == "---" {
            break;
        }
        yaml.push_str(l);
        yaml.push('\n');
    }
    match yaml_serde::from_str::<yaml_serde::Value>(&yaml) {
        Ok(yaml_serde::Value::Mapping(m)) => m,
        _ => yaml_serde::Mapping::new(),
    }
}

pub fn fm_str(m: &yaml_serde::Mapping, key: &str) -> Option<String> {
    match m.get(key)? {
        yaml_serde::Value::String(s) => Some(s.clone()),
        yaml_serde::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub fn fm_bool(m: &yaml_serde::Mapping, key: &str) -> bool {
    matches!(m.get(key), Some(yaml_serde::Value::Bool(true)))
}

pub fn fm_list(m: &yaml_serde::Mapping, key: &str) -> Vec<String> {
    match m.get(key) {
        Some(yaml_serde::Value::Sequence(s)) => s
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(yaml_serde::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// Ids of a data file that is a YAML list of mappings with an `id` field.
pub fn data_ids(path: &Path) -> Vec<String> {
    let v: yaml_serde::Value =
        yaml_serde::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    v.as_sequence()
        .unwrap_or_else(|| panic!("{} is not a list", path.display()))
        .iter()
        .map(|e| {
            e.get("id")
                .and_then(|i| i.as_str())
                .unwrap_or_else(|| panic!("{}: entry without id", path.display()))
                .to_string()
        })
        .collect()
}

/// The `*.md` files of a content folder (not recursive), sorted, without `_index.md`.
pub fn md_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| e == "md")
                && p.file_name().is_some_and(|n| n != "_index.md")
        })
        .collect();
    v.sort();
    v
}

pub fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------------------------
// HTML scanning

/// Values of the attribute `attr` (e.g. `href`) in `html`, quoted with `"` or `'`.
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let pat = format!("{attr}=");
    let mut from = 0;
    while let Some(i) = html[from..].find(&pat) {
        let start = from + i;
        from = start + pat.len();
        // must be a whole attribute name: preceded by whitespace
        if start == 0 || !(bytes[start - 1] as char).is_ascii_whitespace() {
            continue;
        }
        let Some(&q) = bytes.get(from) else { break };
        if q != b'"' && q != b'\'' {
            continue;
        }
        let vstart = from + 1;
        if let Some(end) = html[vstart..].find(q as char) {
            out.push(html[vstart..vstart + end].to_string());
            from = vstart + end + 1;
        }
    }
    out
}

/// Text content of every `<tag>...</tag>` element (no nesting), e.g. `<loc>` in a sitemap.
pub fn element_texts(xml: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = xml[from..].find(&open) {
        let s = from + i + open.len();
        let Some(j) = xml[s..].find(&close) else {
            break;
        };
        out.push(xml[s..s + j].trim().to_string());
        from = s + j + close.len();
    }
    out
}

/// Decodes the few entities that appear inside attribute values.
pub fn unescape_attr(s: &str) -> String {
    s.replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A site built once per test run and shared between the tests that only read its output.
/// The output lives under Cargo's target tmp dir (never in the source tree).
pub struct SharedBuild {
    pub site: Site,
    pub out: PathBuf,
    pub run: Run,
}

pub fn shared_sample_build(
    cell: &'static OnceLock<SharedBuild>,
    name: &str,
    extra: &[&str],
) -> &'static SharedBuild {
    cell.get_or_init(|| {
        let site = sample_site_in_target_tmp(name);
        let out = site.sibling("out");
        let run = build(&site.root(), &out, extra);
        SharedBuild { site, out, run }
    })
}

/// The repository's sample site built once with the default options, shared by every module
/// that only reads the output (sample_site, search, base_url at the root, snapshots of the
/// sample's own pages).
pub fn sample_build() -> &'static SharedBuild {
    static BUILD: OnceLock<SharedBuild> = OnceLock::new();
    shared_sample_build(&BUILD, "sample", &[])
}

/// `tests/fixtures/<fixture>` built once per test run (output under Cargo's target tmp dir, in a
/// folder named `name`), shared by the tests that only read it.
pub fn shared_fixture_build(
    cell: &'static OnceLock<SharedBuild>,
    fixture: &str,
    name: &str,
) -> &'static SharedBuild {
    cell.get_or_init(|| {
        let site = Site::in_target_tmp(name);
        copy_dir(&fixture_dir(fixture), &site.root(), &[]);
        let out = site.sibling("out");
        let run = build(&site.root(), &out, &[]);
        SharedBuild { site, out, run }
    })
}

/// Starts `svdk serve --port 0` on `root` (with extra environment variables) and waits until it
/// prints its URL; returns the process and its port.
pub fn spawn_serve(root: &Path, env: &[(&str, &Path)]) -> (std::process::Child, u16) {
    use std::io::BufRead;
    let mut cmd = Command::new(svdk_bin());
    cmd.args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start svdk serve");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(i) = line.find("http://127.0.0.1:") {
                let rest = &line[i + "http://127.0.0.1:".len()..];
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(port) = port.parse::<u16>() {
                    let _ = tx.send(port);
                }
            }
        }
    });
    let port = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("svdk serve printed its URL");
    (child, port)
}

//! Stage 5 — write: put the rendered site on disk atomically, writing only what changed.
//!
//! The output folder (`public/`) has a companion, the *work copy* `.public.svdk-work` next to
//! it: the site as it was one build ago. A build brings the work copy up to date — only the
//! files whose contents differ are rewritten — and then swaps the two folders in one atomic
//! step (`renameat2(RENAME_EXCHANGE)`). Afterwards the work copy holds the previous site, ready
//! for the next build. Every tree carries a marker file, [`MARKER`], that lists its files with
//! their content hashes (BLAKE3) and is written last: a work copy without a complete marker was
//! left by a killed build and is thrown away. The marker also tells svdk that a folder is its
//! own output: an existing non-empty folder without it is refused, never replaced.
//!
//! Files are never overwritten in place — a changed file is unlinked and written anew — so the
//! two trees can share the inodes of unchanged files (a new work copy is made of hard links).
//!
//! Where the filesystem cannot exchange two folders, the swap falls back to three renames; a
//! build killed between them is repaired by the next build (see [`recover`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

/// The marker and manifest of an svdk output folder, at its root.
pub const MARKER: &str = ".svdk-output";
const HEADER: &str = "svdk output folder";
/// The line of the marker that holds the build's stamp (no file line starts with it).
const STAMP: &str = "stamp ";

/// The contents of an output file.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
    /// Same as in the previous build: left as it is (only from a build session's renders).
    Unchanged,
    /// Already in the work copy (see [`Writer::put`]): its hash and size.
    Written(Entry),
}

/// One file of the output, at a path relative to the output root (`/` separators).
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub body: Body,
}

/// What a write did.
#[derive(Debug, Default, Clone)]
pub struct Written {
    /// Paths written (created or replaced), relative to the output root, sorted.
    pub paths: Vec<String>,
    /// Bytes of the files written.
    pub bytes: u64,
    /// Files removed from the work copy.
    pub removed: usize,
}

/// Kept for callers that wait for a build to finish; the swap leaves nothing to clean up.
#[derive(Debug)]
pub struct Cleanup;

impl Cleanup {
    pub fn wait(self) {}
}

/// Content hash and size of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    hash: [u8; 32],
    len: u64,
}

/// The files of an output tree: path → hash and size; and the build's stamp, when it has one
/// (see [`unchanged`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Manifest(BTreeMap<String, Entry>, Option<String>);

impl Manifest {
    fn render(&self) -> String {
        let mut s = format!(
            "{HEADER}, written by svdk build (https://www.samenvoordeklant.nl/): svdk replaces \
             this folder on every build; do not edit it. Files: BLAKE3 hash, size, path.\n"
        );
        for (path, e) in &self.0 {
            for b in e.hash {
                let _ = write!(s, "{b:02x}");
            }
            let _ = writeln!(s, " {} {path}", e.len);
        }
        if let Some(stamp) = &self.1 {
            let _ = writeln!(s, "{STAMP}{stamp}");
        }
        let _ = writeln!(s, "end {}", self.0.len());
        s
    }

    /// The manifest in `text`; `None` when it is not one or was cut off.
    fn parse(text: &str) -> Option<Manifest> {
        let mut lines = text.lines();
        if !lines.next()?.starts_with(HEADER) {
            return None;
        }
        let mut files = BTreeMap::new();
        let mut stamp = None;
        for line in lines {
            if let Some(n) = line.strip_prefix("end ") {
                return (n.parse::<usize>().ok()? == files.len()).then_some(Manifest(files, stamp));
            }
            if let Some(s) = line.strip_prefix(STAMP) {
                stamp = Some(s.to_string());
                continue;
            }
            let (hex, rest) = line.split_once(' ')?;
            let (len, path) = rest.split_once(' ')?;
            if hex.len() != 64 {
                return None;
            }
            let mut hash = [0u8; 32];
            for (i, b) in hash.iter_mut().enumerate() {
                *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
            }
            let len = len.parse().ok()?;
            files.insert(path.to_string(), Entry { hash, len });
        }
        None
    }

    fn read(dir: &Path) -> Option<Manifest> {
        Manifest::parse(&fs::read_to_string(dir.join(MARKER)).ok()?)
    }
}

/// What is at the output path before a build.
#[derive(Debug)]
enum OutState {
    Missing,
    Empty,
    /// An svdk output; its manifest unless damaged.
    Ours(Option<Manifest>),
}

/// Whether `out` may be (re)placed by a build: missing, an empty folder or an svdk output
/// (one with the marker). A message saying why not otherwise.
pub fn check_out(out: &Path) -> Result<(), crate::messages::Message> {
    out_state(out).map(|_| ())
}

fn out_state(out: &Path) -> Result<OutState, crate::messages::Message> {
    let meta = match fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(OutState::Missing),
        Err(e) => {
            return Err(crate::msg!(CannotReadOut, path = out.display(), detail = e));
        }
    };
    if !meta.is_dir() {
        return Err(crate::msg!(OutNotFolder, path = out.display()));
    }
    let marker = out.join(MARKER);
    if fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        let text = fs::read(&marker).unwrap_or_default();
        if text.starts_with(HEADER.as_bytes()) {
            return Ok(OutState::Ours(Manifest::parse(&String::from_utf8_lossy(
                &text,
            ))));
        }
    }
    let empty = fs::read_dir(out)
        .map_err(|e| crate::msg!(CannotReadOut, path = out.display(), detail = e))?
        .next()
        .is_none();
    if empty {
        Ok(OutState::Empty)
    } else {
        Err(crate::msg!(
            OutNotOurs,
            path = out.display(),
            marker = MARKER
        ))
    }
}

/// The paths svdk uses next to `out`: (parent, work copy, previous site of a fallback swap).
fn companions(out: &Path) -> io::Result<(PathBuf, PathBuf, PathBuf)> {
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::other(format!("{} names no folder", out.display())))?
        .to_string_lossy()
        .into_owned();
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let work = parent.join(format!(".{name}.svdk-work"));
    let prev = parent.join(format!(".{name}.svdk-prev"));
    Ok((parent, work, prev))
}

/// Writes `files` as the new contents of `out`, atomically: afterwards `out` is the new site;
/// on any error, or if the process is killed at any moment, it is the previous one.
pub fn write_site(out: &Path, files: &[OutFile]) -> io::Result<Written> {
    Writer::begin(out)?.finish(files, None)
}

/// Whether `out` is, complete and untouched, the output of a build whose stamp begins with
/// `key` (a fingerprint of svdk and everything it read): then building again would change nothing.
/// A folder changed by hand (a file added, removed or resized) or a swap left half-done is
/// not unchanged.
///
/// The stamp is `key` and what follows it (the build's counts); the rest is returned.
pub fn unchanged(out: &Path, key: &str) -> Option<String> {
    let (_, _, prev) = companions(out).ok()?;
    if fs::symlink_metadata(&prev).is_ok() {
        return None;
    }
    let Ok(OutState::Ours(Some(m))) = out_state(out) else {
        return None;
    };
    let rest =
        m.1.as_deref()?
            .strip_prefix(key)?
            .strip_prefix(' ')?
            .to_string();
    same_files(out, &m).ok()?.then_some(rest)
}

/// A write in progress. The build hands each file to [`Writer::put`] as soon as it is
/// rendered, so the site is never held in memory as a whole: the file goes into the work copy
/// (only when its contents differ from the copy there). [`Writer::finish`] removes the files no
/// longer produced, writes the marker and swaps the work copy in.
///
/// The work copy loses its marker when a writer begins: a build that fails or is killed after
/// that leaves `out` as it was, and the next build, finding a work copy without a marker, makes
/// a new one from `out`.
pub struct Writer {
    out: PathBuf,
    work: PathBuf,
    prev: PathBuf,
    state: OutState,
    /// The manifest of `out`, when it has one.
    current: Option<Manifest>,
    /// What the work copy held when this write began.
    have: Manifest,
    written: std::sync::Mutex<Vec<String>>,
    _lock: Lock,
}

impl Writer {
    /// Takes the lock next to `out`, repairs what a killed build left and makes sure the work
    /// copy exists (see [`prepare_work`]).
    pub fn begin(out: &Path) -> io::Result<Writer> {
        let (parent, work, prev) = companions(out)?;
        fs::create_dir_all(&parent)?;
        // One build at a time per folder: the work copy is shared.
        let lock = lock(&parent)?;
        remove_stale(&parent, out)?;
        recover(out, &work, &prev)?;
        let state =
            out_state(out).map_err(|m| io::Error::other(crate::messages::MessageError(m)))?;
        let current = match &state {
            OutState::Ours(m) => m.clone(),
            _ => None,
        };
        let have = prepare_work(out, &work, current.as_ref())?;
        remove_if_exists(&work.join(MARKER))?;
        Ok(Writer {
            out: out.to_path_buf(),
            work,
            prev,
            state,
            current,
            have,
            written: std::sync::Mutex::new(Vec::new()),
            _lock: lock,
        })
    }

    /// Puts one file into the work copy, unless the copy there has the same contents, and
    /// returns its hash and size (for a [`Body::Written`]). Safe to call from many threads.
    pub fn put(&self, file: &OutFile) -> io::Result<Entry> {
        check_path(&file.path)?;
        let entry = match &file.body {
            Body::Written(e) => return Ok(*e),
            Body::Bytes(b) => entry_of(b),
            Body::Static(b) => entry_of(b),
            Body::Copy(src) => hash_file(src)?,
            Body::Unchanged => match self.current.as_ref().and_then(|m| m.0.get(&file.path)) {
                Some(e) => *e,
                None => hash_file(&self.out.join(&file.path))?,
            },
        };
        if self.have.0.get(&file.path) != Some(&entry) {
            self.write_file(file)?;
            self.written
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(file.path.clone());
        }
        Ok(entry)
    }

    /// Writes one file into the work copy anew: never through a shared inode. What is in the
    /// way — a file where a folder must go, a folder where the file must go — is no longer
    /// produced (one path cannot be both) and is removed.
    fn write_file(&self, file: &OutFile) -> io::Result<()> {
        let dest = self.work.join(&file.path);
        if let Some(dir) = dest.parent()
            && fs::create_dir_all(dir).is_err()
        {
            for ancestor in Path::new(&file.path).ancestors().skip(1) {
                let at = self.work.join(ancestor);
                if fs::symlink_metadata(&at).is_ok_and(|m| !m.is_dir()) {
                    fs::remove_file(&at)?;
                }
            }
            fs::create_dir_all(dir)?;
        }
        remove_tree(&dest)?;
        match &file.body {
            Body::Bytes(b) => fs::write(&dest, b),
            Body::Static(b) => fs::write(&dest, b),
            Body::Copy(src) => fs::copy(src, &dest).map(|_| ()),
            Body::Unchanged => {
                let from = self.out.join(&file.path);
                fs::hard_link(&from, &dest).or_else(|_| fs::copy(&from, &dest).map(|_| ()))
            }
            Body::Written(_) => Ok(()),
        }
    }

    /// Completes the write with the site `files` (every one passed through [`Writer::put`]; a
    /// file that was not is put now): removes what is no longer produced, writes the marker
    /// (with `stamp`) and swaps the work copy in — unless `out` already is this site.
    pub fn finish(self, files: &[OutFile], stamp: Option<&str>) -> io::Result<Written> {
        let entries = files
            .par_iter()
            .map(|f| Ok((f.path.clone(), self.put(f)?)))
            .collect::<io::Result<BTreeMap<_, _>>>()?;
        let new = Manifest(entries, stamp.map(str::to_string));
        let gone: Vec<&String> = self
            .have
            .0
            .keys()
            .filter(|p| !new.0.contains_key(*p))
            .collect();
        for path in &gone {
            // A folder there now holds files of this build (see `write_file`).
            let at = self.work.join(path);
            if fs::symlink_metadata(&at).is_ok_and(|m| !m.is_dir()) {
                fs::remove_file(&at)?;
            }
            let mut dir = Path::new(path.as_str()).parent();
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                if fs::remove_dir(self.work.join(d)).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        fs::write(self.work.join(MARKER), new.render())?;
        let mut paths =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        paths.sort();
        paths.dedup();
        // Unchanged, and nobody added or removed files by hand: `out` stays as it is (the work
        // copy, now the same site, is ready for the next build).
        if self.current.as_ref() == Some(&new) && same_files(&self.out, &new)? {
            return Ok(Written::default());
        }
        match self.state {
            OutState::Missing | OutState::Empty => fs::rename(&self.work, &self.out)?,
            OutState::Ours(_) => swap(&self.work, &self.out, &self.prev)?,
        }
        Ok(Written {
            bytes: paths
                .iter()
                .filter_map(|p| new.0.get(p))
                .map(|e| e.len)
                .sum(),
            paths,
            removed: gone.len(),
        })
    }
}

/// Holds an exclusive lock on a folder until dropped.
struct Lock(#[allow(dead_code)] fs::File);

fn lock(dir: &Path) -> io::Result<Lock> {
    let f = fs::File::open(dir)?;
    #[cfg(unix)]
    rustix::fs::flock(&f, rustix::fs::FlockOperation::LockExclusive).map_err(io::Error::from)?;
    Ok(Lock(f))
}

/// Removes what killed builds of the first edition left next to `out` (`.<name>.svdk-new-<pid>`
/// and `.<name>.svdk-old-<pid>`): full copies of the site no later build would use.
fn remove_stale(parent: &Path, out: &Path) -> io::Result<()> {
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(());
    };
    let prefix = format!(".{name}.svdk-");
    for entry in fs::read_dir(parent)? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let stale = ["new-", "old-"].iter().any(|tag| {
            rest.strip_prefix(tag)
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        if stale {
            remove_tree(&entry.path())?;
        }
    }
    Ok(())
}

/// Repairs what a fallback swap (three renames) killed half-way leaves: the previous site at
/// `prev`, with `out` missing (put back) or already replaced (it becomes the work copy).
fn recover(out: &Path, work: &Path, prev: &Path) -> io::Result<()> {
    if fs::symlink_metadata(prev).is_err() {
        return Ok(());
    }
    if fs::symlink_metadata(out).is_err() {
        fs::rename(prev, out)
    } else if fs::symlink_metadata(work).is_err() {
        fs::rename(prev, work)
    } else {
        remove_tree(prev)
    }
}

/// Removes a file, a symlink (not what it points to) or a folder tree.
fn remove_tree(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

fn remove_if_exists(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// A path of the output is relative, `/`-separated and stays inside the output.
fn check_path(path: &str) -> io::Result<()> {
    let ok = !path.is_empty()
        && !path.contains(['\n', '\r', '\\', '\0'])
        && path != MARKER
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write an output file at {path:?}"),
        ))
    }
}

fn entry_of(bytes: &[u8]) -> Entry {
    Entry {
        hash: *blake3::hash(bytes).as_bytes(),
        len: bytes.len() as u64,
    }
}

fn hash_file(path: &Path) -> io::Result<Entry> {
    let mut h = blake3::Hasher::new();
    let mut f = fs::File::open(path)?;
    let len = io::copy(&mut f, &mut h)?;
    Ok(Entry {
        hash: *h.finalize().as_bytes(),
        len,
    })
}

/// The files (and symlinks) under `dir` with their sizes, as `/`-separated relative paths, the
/// marker excluded.
fn files_in(dir: &Path) -> io::Result<BTreeMap<String, u64>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_dir() {
            let rel = crate::load::to_slash(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
            let len = entry.metadata().map_err(io::Error::other)?.len();
            if rel != MARKER {
                files.insert(rel, len);
            }
        }
    }
    Ok(files)
}

/// The part of `manifest` that `files` (from [`files_in`]) matches by name and size: contents
/// are trusted (svdk never changes a file in place), but a file removed, added or changed in
/// size by hand is noticed.
fn matching(manifest: &Manifest, files: &BTreeMap<String, u64>) -> Manifest {
    Manifest(
        manifest
            .0
            .iter()
            .filter(|(path, e)| files.get(*path) == Some(&e.len))
            .map(|(p, e)| (p.clone(), *e))
            .collect(),
        manifest.1.clone(),
    )
}

/// Whether `dir` holds exactly the files `manifest` lists, with their sizes.
fn same_files(dir: &Path, manifest: &Manifest) -> io::Result<bool> {
    let files = files_in(dir)?;
    Ok(files.len() == manifest.0.len() && matching(manifest, &files).0.len() == files.len())
}

/// Makes sure the work copy exists and returns its manifest: the one it has (left complete by
/// an earlier build; files added to it by hand are removed, files missing are left out of the
/// manifest so that they are written), else a new work copy of hard links to the files of
/// `out`.
fn prepare_work(out: &Path, work: &Path, current: Option<&Manifest>) -> io::Result<Manifest> {
    match fs::symlink_metadata(work) {
        Ok(m) if m.is_dir() => {
            if let Some(manifest) = Manifest::read(work) {
                let files = files_in(work)?;
                for f in files.keys() {
                    if !manifest.0.contains_key(f) {
                        remove_tree(&work.join(f))?;
                    }
                }
                return Ok(matching(&manifest, &files));
            }
            // Left half-updated by a killed build: start again.
            fs::remove_dir_all(work)?;
        }
        Ok(_) => fs::remove_file(work)?,
        Err(_) => {}
    }
    fs::create_dir(work)?;
    let Some(current) = current else {
        return Ok(Manifest::default());
    };
    // Files changed or removed in the output by hand are not taken over: they are written anew.
    let current = matching(current, &files_in(out)?);
    make_dirs(work, current.0.keys())?;
    // A file that cannot be linked or copied is left out of the work copy's manifest too.
    let missing: Vec<&String> = current
        .0
        .par_iter()
        .filter(|(path, _)| {
            let (from, to) = (out.join(path), work.join(path));
            fs::hard_link(&from, &to)
                .or_else(|_| fs::copy(&from, &to).map(|_| ()))
                .is_err()
        })
        .map(|(path, _)| path)
        .collect();
    let mut have = current.clone();
    for path in missing {
        have.0.remove(path);
    }
    Ok(have)
}

fn make_dirs<'a>(root: &Path, paths: impl Iterator<Item = &'a String>) -> io::Result<()> {
    let mut dirs: Vec<&Path> = paths.filter_map(|p| Path::new(p).parent()).collect();
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        if !d.as_os_str().is_empty() {
            fs::create_dir_all(root.join(d))?;
        }
    }
    Ok(())
}

/// Exchanges the complete work copy with `out` in one step where the filesystem can; else
/// three renames through `prev` (repaired by [`recover`] if killed in between).
fn swap(work: &Path, out: &Path, prev: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        use rustix::io::Errno;
        match renameat_with(CWD, work, CWD, out, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP => {}
            Err(e) => return Err(e.into()),
        }
    }
    fs::rename(out, prev)?;
    if let Err(e) = fs::rename(work, out) {
        let _ = fs::rename(prev, out);
        return Err(e);
    }
    fs::rename(prev, work)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str, b: &[u8]) -> OutFile {
        OutFile {
            path: p.into(),
            body: Body::Bytes(b.to_vec()),
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn manifest_round_trips_and_detects_a_cut() {
        let mut m = Manifest::default();
        m.0.insert("a b/c.html".into(), entry_of(b"x"));
        m.0.insert("d.css".into(), entry_of(b""));
        let text = m.render();
        assert_eq!(Manifest::parse(&text), Some(m));
        let cut = &text[..text.len() - 8];
        assert_eq!(Manifest::parse(cut), None);
        assert_eq!(Manifest::parse("iets anders\nend 0\n"), None);
    }

    #[test]
    fn writes_a_tree_swaps_it_in_and_keeps_the_previous_as_work_copy() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let w = write_site(&out, &[file("index.html", b"een"), file("a/b.html", b"b")]).unwrap();
        assert_eq!(w.paths, vec!["a/b.html", "index.html"]);
        assert_eq!(names(dir.path()), vec!["public"]);
        // Unchanged: `public` is left alone (its work copy now exists, the same site).
        let before = fs::metadata(out.join("index.html"))
            .unwrap()
            .modified()
            .unwrap();
        let w = write_site(&out, &[file("index.html", b"een"), file("a/b.html", b"b")]).unwrap();
        assert!(w.paths.is_empty());
        let after = fs::metadata(out.join("index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        // A change: a work copy appears, holding the previous site.
        let w = write_site(
            &out,
            &[file("index.html", b"twee"), file("a", b"nu een bestand")],
        )
        .unwrap();
        assert_eq!(w.paths, vec!["a", "index.html"]);
        assert_eq!(w.removed, 1);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "twee");
        assert_eq!(fs::read_to_string(out.join("a")).unwrap(), "nu een bestand");
        let work = dir.path().join(".public.svdk-work");
        assert_eq!(names(dir.path()), vec![".public.svdk-work", "public"]);
        assert_eq!(fs::read_to_string(work.join("index.html")).unwrap(), "een");
        // Back again: the work copy is brought up to date and swapped in.
        write_site(&out, &[file("index.html", b"een"), file("a/b.html", b"b")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b.html")).unwrap(), "b");
        assert_eq!(
            fs::read_to_string(work.join("a")).unwrap(),
            "nu een bestand"
        );
    }

    #[test]
    fn a_half_updated_work_copy_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("index.html", b"een")]).unwrap();
        write_site(&out, &[file("index.html", b"twee")]).unwrap();
        let work = dir.path().join(".public.svdk-work");
        // As a build killed while updating it leaves it: marker gone, a file cut off.
        fs::remove_file(work.join(MARKER)).unwrap();
        fs::write(work.join("index.html"), "tw").unwrap();
        fs::write(work.join("rommel.html"), "x").unwrap();
        write_site(&out, &[file("index.html", b"twee"), file("b.html", b"b")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "twee");
        assert!(!out.join("rommel.html").exists());
    }

    #[test]
    fn unchanged_bodies_come_from_the_current_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", b"a"), file("b.html", b"b")]).unwrap();
        write_site(&out, &[file("a.html", b"a2"), file("b.html", b"b")]).unwrap();
        let unchanged = OutFile {
            path: "a.html".into(),
            body: Body::Unchanged,
        };
        write_site(&out, &[unchanged, file("b.html", b"b2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a2");
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "b2");
    }

    #[test]
    fn a_fallback_swap_killed_half_way_is_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("index.html", b"een")]).unwrap();
        // Killed after `public` → `.public.svdk-prev`: the next build puts it back first.
        fs::rename(&out, dir.path().join(".public.svdk-prev")).unwrap();
        assert_eq!(check_out(&out), Ok(()));
        write_site(&out, &[file("index.html", b"een"), file("b.html", b"b")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "b");
        assert!(!dir.path().join(".public.svdk-prev").exists());
    }

    #[test]
    fn a_file_removed_from_the_output_by_hand_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", b"a"), file("b.html", b"b")]).unwrap();
        fs::remove_file(out.join("a.html")).unwrap();
        write_site(&out, &[file("a.html", b"a"), file("b.html", b"b2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a");
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "b2");
    }

    #[test]
    fn files_added_to_the_output_by_hand_do_not_survive_a_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", b"a")]).unwrap();
        write_site(&out, &[file("a.html", b"a2")]).unwrap();
        fs::write(out.join("los.html"), "met de hand").unwrap();
        let work = dir.path().join(".public.svdk-work");
        fs::write(work.join("ook-los.html"), "met de hand").unwrap();
        write_site(&out, &[file("a.html", b"a2")]).unwrap();
        assert!(!out.join("los.html").exists());
        write_site(&out, &[file("a.html", b"a3")]).unwrap();
        assert!(!out.join("ook-los.html").exists());
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a3");
    }

    #[test]
    fn files_put_while_rendering_and_files_given_at_the_end_make_one_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", b"a"), file("oud.html", b"o")]).unwrap();
        let w = Writer::begin(&out).unwrap();
        let a = file("a.html", b"a2");
        let entry = w.put(&a).unwrap();
        let put = OutFile {
            path: a.path,
            body: Body::Written(entry),
        };
        let written = w.finish(&[put, file("b/c.html", b"c")], None).unwrap();
        assert_eq!(written.paths, vec!["a.html", "b/c.html"]);
        assert_eq!(written.removed, 1);
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a2");
        assert_eq!(fs::read_to_string(out.join("b/c.html")).unwrap(), "c");
        assert!(!out.join("oud.html").exists());
    }

    #[test]
    fn a_write_given_up_half_way_leaves_the_output_and_the_next_one_is_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", b"a"), file("b.html", b"b")]).unwrap();
        write_site(&out, &[file("a.html", b"a2"), file("b.html", b"b")]).unwrap();
        // A build that fails after rendering some files: its writer is dropped unfinished.
        let w = Writer::begin(&out).unwrap();
        w.put(&file("a.html", b"half")).unwrap();
        w.put(&file("nieuw.html", b"n")).unwrap();
        drop(w);
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a2");
        assert!(!out.join("nieuw.html").exists());
        // The work copy lost its marker: the next write starts it again from the output.
        write_site(&out, &[file("a.html", b"a2"), file("b.html", b"b2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a2");
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "b2");
        assert!(!out.join("nieuw.html").exists());
    }

    #[test]
    fn refuses_paths_that_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for bad in ["../x", "/etc/x", "a/../../x", "", MARKER, "a\nb"] {
            assert!(write_site(&out, &[file(bad, b"x")]).is_err(), "{bad:?}");
        }
        assert!(!out.exists());
    }
}

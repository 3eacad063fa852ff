//! Stage 5 — write: put the rendered site on disk atomically.
//!
//! The new site is written into a hidden sibling folder and swapped in only when complete; the
//! previous output is renamed away and deleted in the background, off the critical path.

use std::collections::HashMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use rayon::prelude::*;

/// The contents of an output file.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
    /// Same as in the previous build: left as it is (only from a build session's renders).
    Unchanged,
}

/// One file of the output, at a path relative to the output root (`/` separators).
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub body: Body,
}

/// Deletes the previous output after a swap; wait for it before the process ends.
#[derive(Debug)]
pub struct Cleanup(Option<JoinHandle<()>>);

impl Cleanup {
    pub fn wait(mut self) {
        if let Some(h) = self.0.take() {
            let _ = h.join();
        }
    }
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.svdk-{tag}-{}", std::process::id()))
}

/// Writes `files` into a fresh folder and swaps it in place of `out`.
pub fn write_site(out: &Path, files: &[OutFile]) -> io::Result<Cleanup> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let tmp = sibling(out, "new");
    if tmp.exists() {
        fs::remove_dir_all(&tmp)?;
    }
    let result = write_tree(&tmp, files);
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let old = sibling(out, "old");
    let had_old = out.exists();
    if had_old {
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        fs::rename(out, &old)?;
    }
    if let Err(e) = fs::rename(&tmp, out) {
        if had_old {
            let _ = fs::rename(&old, out);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    Ok(Cleanup(had_old.then(|| {
        std::thread::spawn(move || {
            let _ = fs::remove_dir_all(&old);
        })
    })))
}

/// Updates `out` in place: writes the files whose contents differ from `previous` (path →
/// hash of what was written before), deletes files no longer produced, and returns the new
/// hashes. Not atomic: for the preview server, which reloads browsers only afterwards.
pub fn update_site(
    out: &Path,
    files: &[OutFile],
    previous: &HashMap<String, u64>,
) -> io::Result<HashMap<String, u64>> {
    fs::create_dir_all(out)?;
    let hashed: Vec<(&OutFile, u64)> = files
        .par_iter()
        .map(|f| match f.body {
            Body::Unchanged => Ok((f, previous.get(&f.path).copied().unwrap_or(0))),
            _ => Ok((f, hash_body(&f.body)?)),
        })
        .collect::<io::Result<_>>()?;
    let changed: Vec<&OutFile> = hashed
        .iter()
        .filter(|(f, h)| {
            !matches!(f.body, Body::Unchanged)
                && (previous.get(&f.path) != Some(h) || !out.join(&f.path).exists())
        })
        .map(|(f, _)| *f)
        .collect();
    let owned: Vec<OutFile> = changed.into_iter().cloned().collect();
    write_tree(out, &owned)?;
    let current: HashMap<String, u64> = hashed.iter().map(|(f, h)| (f.path.clone(), *h)).collect();
    for path in previous.keys().filter(|p| !current.contains_key(*p)) {
        let _ = fs::remove_file(out.join(path));
        // Remove folders the file leaves empty, as a full build would not have them.
        let mut dir = Path::new(path).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            if fs::remove_dir(out.join(d)).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(current)
}

fn hash_body(body: &Body) -> io::Result<u64> {
    let mut h = DefaultHasher::new();
    match body {
        Body::Bytes(b) => b.hash(&mut h),
        Body::Static(b) => b.hash(&mut h),
        Body::Copy(p) => fs::read(p)?.hash(&mut h),
        Body::Unchanged => {}
    }
    Ok(h.finish())
}

fn write_tree(root: &Path, files: &[OutFile]) -> io::Result<()> {
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| root.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    fs::create_dir_all(root)?;
    for d in &dirs {
        fs::create_dir_all(d)?;
    }
    files.par_iter().try_for_each(|f| {
        let dest = root.join(&f.path);
        match &f.body {
            Body::Bytes(b) => fs::write(&dest, b),
            Body::Static(b) => fs::write(&dest, b),
            Body::Copy(src) => fs::copy(src, &dest).map(|_| ()),
            Body::Unchanged => Ok(()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_in_place_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let file = |p: &str, b: &[u8]| OutFile {
            path: p.into(),
            body: Body::Bytes(b.to_vec()),
        };
        let first = update_site(
            &out,
            &[file("a.html", b"a"), file("b/c.html", b"c")],
            &HashMap::new(),
        )
        .unwrap();
        // Mark a.html so we can see whether it is rewritten.
        fs::write(out.join("a.html"), "untouched").unwrap();
        let second =
            update_site(&out, &[file("a.html", b"a"), file("d.html", b"d")], &first).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "untouched");
        assert_eq!(fs::read_to_string(out.join("d.html")).unwrap(), "d");
        assert!(!out.join("b/c.html").exists(), "stale file removed");
        assert!(!out.join("b").exists(), "and the folder it leaves empty");
        assert_eq!(second.len(), 2);
    }

    #[test]
    fn swaps_in_a_complete_tree_and_removes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join("oud")).unwrap();
        fs::write(out.join("oud/index.html"), "oud").unwrap();
        let files = vec![
            OutFile {
                path: "index.html".into(),
                body: Body::Bytes(b"nieuw".to_vec()),
            },
            OutFile {
                path: "a/b/index.html".into(),
                body: Body::Static(b"b"),
            },
        ];
        write_site(&out, &files).unwrap().wait();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "nieuw");
        assert_eq!(fs::read_to_string(out.join("a/b/index.html")).unwrap(), "b");
        assert!(!out.join("oud").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }
}

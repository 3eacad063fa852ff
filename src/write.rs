//! Stage 5 — write: put the rendered site on disk atomically.
//!
//! The new site is written into a hidden sibling folder and swapped in only when complete; the
//! previous output is renamed away and deleted in the background, off the critical path.

use std::fs;
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
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! The site folder as the only place svdk reads from.
//!
//! Every read of the site — site.yaml, content/, data/, static/, the theme — goes through
//! [`SiteFs`]: a path relative to the site root is resolved (symlinks followed, `..` applied)
//! and refused when the result lies outside the root. A symlink in static/ to
//! `/proc/self/environ`, a content folder linked to elsewhere, or `theme: ../../elsewhere` are
//! errors that name the file; symlinks that stay inside the site work.
//!
//! The check is made when a path is resolved; svdk does not defend against the site folder
//! being changed *during* a build (the folder is the editors' own, not an attacker's).

use std::io;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostics;
use crate::messages::Message;

/// The site folder, confined: see the module documentation.
#[derive(Debug, Clone)]
pub struct SiteFs {
    /// The root with every symlink resolved.
    root: PathBuf,
}

/// Why a path cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// It leads outside the site folder; the message says how.
    Outside(Message),
    /// It could not be resolved (permissions, a loop, ...).
    Unreadable(Message),
}

impl Refused {
    /// What editors are told.
    pub fn message(self) -> Message {
        match self {
            Refused::Outside(m) | Refused::Unreadable(m) => m,
        }
    }
}

impl SiteFs {
    pub fn new(root: &Path) -> SiteFs {
        SiteFs {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The real path of `rel` (relative to the root, `/` separators): `Ok(None)` when nothing
    /// is there, an error when it leads outside the site folder.
    pub fn resolve(&self, rel: &str) -> Result<Option<PathBuf>, Refused> {
        let mut lexical = self.root.clone();
        for c in Path::new(rel).components() {
            match c {
                Component::Normal(s) => lexical.push(s),
                Component::CurDir => {}
                Component::ParentDir => {
                    lexical.pop();
                }
                Component::RootDir | Component::Prefix(_) => {
                    return Err(Refused::Outside(crate::msg!(AbsolutePath, path = rel)));
                }
            }
        }
        if !lexical.starts_with(&self.root) {
            return Err(Refused::Outside(crate::msg!(OutsideSite, path = rel)));
        }
        match lexical.canonicalize() {
            Ok(real) if real.starts_with(&self.root) => Ok(Some(real)),
            Ok(_) => Err(Refused::Outside(self.link_message(rel, &lexical))),
            // A missing file, or a symlink to nothing: nothing to read.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Refused::Unreadable(crate::msg!(
                CannotReadPath,
                path = rel,
                detail = e
            ))),
        }
    }

    fn link_message(&self, rel: &str, path: &Path) -> Message {
        let target = std::fs::read_link(path)
            .map(|t| format!(" ({})", t.display()))
            .unwrap_or_default();
        crate::msg!(LinkOutside, path = rel, target = target)
    }

    /// Whether `rel` is a folder inside the site.
    pub fn is_dir(&self, rel: &str) -> bool {
        matches!(self.resolve(rel), Ok(Some(p)) if p.is_dir())
    }

    /// The contents of `rel`: `Ok(None)` when it does not exist.
    pub fn read(&self, rel: &str) -> Result<Option<Vec<u8>>, Refused> {
        match self.resolve(rel)? {
            None => Ok(None),
            Some(p) if p.is_dir() => Ok(None),
            Some(p) => std::fs::read(&p)
                .map(Some)
                .map_err(|e| Refused::Unreadable(crate::msg!(CannotReadFile, detail = e))),
        }
    }

    /// All regular files under `dir` as (`dir/...` relative path, real path), sorted; hidden
    /// files and those `skip` names are left out. A symlink leading outside the site is
    /// reported (by its own path) and neither read nor followed.
    pub fn list_files(
        &self,
        dir: &str,
        diags: &Diagnostics,
        skip: impl Fn(&str) -> bool,
    ) -> Vec<(String, PathBuf)> {
        let base = match self.resolve(dir) {
            Ok(Some(b)) if b.is_dir() => b,
            Ok(_) => return Vec::new(),
            Err(e) => {
                diags.file_error(dir, e.message());
                return Vec::new();
            }
        };
        let rel_of = |p: &Path| -> String {
            let tail = crate::load::to_slash(p.strip_prefix(&base).unwrap_or(p));
            if tail.is_empty() {
                dir.to_string()
            } else {
                format!("{dir}/{tail}")
            }
        };
        let mut out = Vec::new();
        let walker = WalkDir::new(&base)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && skip(e.file_name().to_string_lossy().as_ref()) {
                    return false;
                }
                if e.path_is_symlink() {
                    let inside = e
                        .path()
                        .canonicalize()
                        .map(|real| real.starts_with(&self.root))
                        .unwrap_or(true);
                    if !inside {
                        let rel = rel_of(e.path());
                        diags.file_error(&rel, self.link_message(&rel, e.path()));
                        return false;
                    }
                }
                true
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push((rel_of(e.path()), e.into_path())),
                Ok(_) => {}
                Err(e) => {
                    let rel = e.path().map(rel_of).unwrap_or_else(|| dir.to_string());
                    diags.file_error(&rel, crate::msg!(CannotReadFile, detail = e));
                }
            }
        }
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    #[test]
    fn paths_are_confined_to_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("static")).unwrap();
        fs::write(dir.path().join("geheim"), "x").unwrap();
        fs::write(root.join("static/a.txt"), "a").unwrap();
        symlink(dir.path().join("geheim"), root.join("static/weg")).unwrap();
        symlink("a.txt", root.join("static/b.txt")).unwrap();
        let site = SiteFs::new(&root);
        assert!(site.resolve("static/a.txt").unwrap().is_some());
        assert!(site.resolve("static/b.txt").unwrap().is_some());
        assert_eq!(site.resolve("static/nee").unwrap(), None);
        for bad in [
            "static/weg",
            "../geheim",
            "themes/../../geheim",
            "/etc/passwd",
        ] {
            assert!(
                matches!(site.resolve(bad), Err(Refused::Outside(_))),
                "{bad}"
            );
        }
        let diags = Diagnostics::new();
        let files = site.list_files("static", &diags, |_| false);
        let names: Vec<&str> = files.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(names, ["static/a.txt", "static/b.txt"]);
        let d = diags.into_sorted();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "static/weg");
    }
}

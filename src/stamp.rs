//! The stamp of a build: a fingerprint of everything its output depends on — svdk itself (its
//! build identity), the options that change pages, and the path and bytes of every file the
//! load stage read. Two builds with one stamp write the same site, so `svdk build` over an
//! output made with the same stamp (and untouched since) has nothing to do.
//!
//! Only builds without warnings record a stamp: skipping a build must not hide a warning the
//! editor would otherwise see again.

use std::io;
use std::path::Path;

use rayon::prelude::*;

use crate::load::{SourceFile, Sources, StaticFile};

/// The identity of this svdk, from the sources it was compiled from (see `build.rs`).
const BUILD_ID: &str = env!("SVDK_BUILD_ID");

/// What besides the sources decides the output: the command-line options that change pages
/// (not `--lang`, which changes only the messages).
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub relative: bool,
}

/// The stamp key (hex) of a build of `sources` with `settings`; `Err` when a static file
/// cannot be read (the build then reports it itself).
pub fn key(sources: &Sources, settings: Settings<'_>) -> io::Result<String> {
    let mut h = blake3::Hasher::new();
    let mut text = |label: &str, value: Option<&str>| {
        h.update(label.as_bytes());
        match value {
            Some(v) => h
                .update(&[1])
                .update(&(v.len() as u64).to_le_bytes())
                .update(v.as_bytes()),
            None => h.update(&[0]),
        };
    };
    text("svdk", Some(BUILD_ID));
    text("base_url", settings.base_url);
    text("drafts", Some(if settings.drafts { "1" } else { "0" }));
    text("relative", Some(if settings.relative { "1" } else { "0" }));
    let s = sources;
    for (label, value) in [
        ("site.yaml", &s.config),
        ("werkpleinen", &s.werkpleinen),
        ("regios", &s.regios),
        ("landkaart", &s.landkaart),
        ("outline", &s.outline),
        ("resultaten.yaml", &s.resultaten_yaml),
        ("districten", &s.districten),
        ("documenten", &s.documenten),
        ("bvg", &s.bvg),
        ("bvg.csv", &s.bvg_csv),
        ("criteria", &s.criteria),
    ] {
        text(label, value.as_deref());
    }
    for (label, files) in [
        ("content", &s.content),
        ("landkaart csv", &s.landkaart_csv),
        ("resultaten", &s.resultaten),
        ("criteria csv", &s.criteria_csv),
        ("templates", &s.templates),
    ] {
        h.update(label.as_bytes());
        h.update(&source_files(files));
    }
    h.update(&static_files(&s.static_files)?);
    for (name, theme) in &s.themes {
        h.update(b"theme").update(name.as_bytes()).update(&[0]);
        h.update(&source_files(&theme.templates));
        h.update(&static_files(&theme.static_files)?);
    }
    Ok(h.finalize().to_hex().to_string())
}

/// One hash of files read as text: each path and text, in order (hashed in parallel).
fn source_files(files: &[SourceFile]) -> [u8; 32] {
    let hashes: Vec<[u8; 32]> = files
        .par_iter()
        .map(|f| {
            let mut h = blake3::Hasher::new();
            h.update(f.path.as_bytes())
                .update(&[0])
                .update(f.text.as_bytes());
            *h.finalize().as_bytes()
        })
        .collect();
    combine(&hashes)
}

/// One hash of static files: each output path and the bytes of its source.
fn static_files(files: &[StaticFile]) -> io::Result<[u8; 32]> {
    let hashes: Vec<[u8; 32]> = files
        .par_iter()
        .map(|f| {
            let mut h = blake3::Hasher::new();
            h.update(f.out.as_bytes()).update(&[0]);
            copy_into(&f.source, &mut h)?;
            Ok(*h.finalize().as_bytes())
        })
        .collect::<io::Result<_>>()?;
    Ok(combine(&hashes))
}

fn copy_into(path: &Path, h: &mut blake3::Hasher) -> io::Result<()> {
    let mut f = std::fs::File::open(path)?;
    io::copy(&mut f, h)?;
    Ok(())
}

fn combine(hashes: &[[u8; 32]]) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(&(hashes.len() as u64).to_le_bytes());
    for x in hashes {
        h.update(x);
    }
    *h.finalize().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings<'static> {
        Settings {
            base_url: None,
            drafts: false,
            relative: false,
        }
    }

    fn sources() -> Sources {
        Sources {
            config: Some("title: Test\n".into()),
            content: vec![SourceFile {
                path: "content/over.md".into(),
                text: "# Over\n".into(),
            }],
            ..Sources::default()
        }
    }

    #[test]
    fn equal_sources_and_settings_give_equal_keys() {
        assert_eq!(
            key(&sources(), settings()).unwrap(),
            key(&sources(), settings()).unwrap()
        );
    }

    #[test]
    fn any_byte_path_or_option_changes_the_key() {
        let base = key(&sources(), settings()).unwrap();
        let mut text = sources();
        text.content[0].text.push(' ');
        let mut path = sources();
        path.content[0].path = "content/over2.md".into();
        let mut moved = sources();
        // The same text as a data file instead of site.yaml.
        moved.werkpleinen = moved.config.take();
        for changed in [text, path, moved] {
            assert_ne!(key(&changed, settings()).unwrap(), base);
        }
        let drafts = Settings {
            drafts: true,
            ..settings()
        };
        let relative = Settings {
            relative: true,
            ..settings()
        };
        let base_url = Settings {
            base_url: Some("https://example.org/"),
            ..settings()
        };
        for s in [drafts, relative, base_url] {
            assert_ne!(key(&sources(), s).unwrap(), base);
        }
    }

    #[test]
    fn a_static_file_is_read_and_its_bytes_count() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("logo.svg");
        std::fs::write(&file, "<svg/>").unwrap();
        let mut s = sources();
        s.static_files.push(StaticFile {
            out: "img/logo.svg".into(),
            source: file.clone(),
            size: 6,
        });
        let before = key(&s, settings()).unwrap();
        std::fs::write(&file, "<svg></svg>").unwrap();
        assert_ne!(key(&s, settings()).unwrap(), before);
        std::fs::remove_file(&file).unwrap();
        assert!(key(&s, settings()).is_err());
    }
}

//! Problems found in a site, reported to editors as `path:line:column: message`.
//!
//! Every stage pushes what it finds into a [`Diagnostics`] collection instead of stopping at the
//! first problem, so one run shows everything that needs fixing.

use std::fmt;
use std::sync::Mutex;

use crate::messages::{Lang, Message};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a source file; lines and columns start at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub fn new(line: usize, column: usize) -> Self {
        Pos {
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// What a diagnostic's `path` names and whether `pos` means anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// A position in a file: printed `path:line:column:`.
    #[default]
    Position,
    /// A whole file (or folder): printed `path:`.
    File,
    /// A command-line argument such as `--werkplein`: printed `path:`.
    Argument,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators; for [`Scope::Argument`] the
    /// argument (`--out`).
    pub path: String,
    /// The position in the file; only meaningful with [`Scope::Position`] (otherwise 1:1,
    /// which sorts a whole-file message first).
    pub pos: Pos,
    /// What `path` and `pos` locate.
    pub scope: Scope,
    /// What is wrong, from the catalogue ([`crate::messages`]).
    pub message: Message,
    pub hint: Option<Message>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, pos: Pos, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            pos,
            scope: Scope::Position,
            message,
            hint: None,
        }
    }

    /// An error about a whole file (or folder), not a position in it.
    pub fn file_error(path: impl Into<String>, message: Message) -> Self {
        Diagnostic::error(path, Pos::new(1, 1), message).in_scope(Scope::File)
    }

    /// A warning about a whole file (or folder).
    pub fn file_warning(path: impl Into<String>, message: Message) -> Self {
        Diagnostic::warning(path, Pos::new(1, 1), message).in_scope(Scope::File)
    }

    /// An error about a command-line argument, e.g. `--werkplein`.
    pub fn arg_error(arg: impl Into<String>, message: Message) -> Self {
        Diagnostic::error(arg, Pos::new(1, 1), message).in_scope(Scope::Argument)
    }

    fn in_scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    pub fn warning(path: impl Into<String>, pos: Pos, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, pos, message)
        }
    }

    pub fn with_hint(mut self, hint: Option<Message>) -> Self {
        self.hint = hint;
        self
    }
}

impl Diagnostic {
    /// The diagnostic as editors read it, in `lang`:
    /// `path:line:column: fout: message` and, on the next line, `  = hint: ...`.
    pub fn text(&self, lang: Lang) -> String {
        self.display(lang).to_string()
    }

    /// A view that prints [`Diagnostic::text`].
    pub fn display(&self, lang: Lang) -> impl fmt::Display + '_ {
        Shown(self, lang)
    }
}

struct Shown<'a>(&'a Diagnostic, Lang);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown(d, lang) = *self;
        let label = match d.severity {
            Severity::Error => crate::msg!(LabelError),
            Severity::Warning => crate::msg!(LabelWarning),
        }
        .render(lang);
        let message = d.message.render(lang);
        match d.scope {
            Scope::Position => write!(
                f,
                "{}:{}:{}: {label}: {message}",
                d.path, d.pos.line, d.pos.column
            )?,
            Scope::File | Scope::Argument => {
                write!(f, "{}: {label}: {message}", d.path)?;
            }
        }
        if let Some(hint) = &d.hint {
            write!(
                f,
                "\n  = {}: {}",
                crate::msg!(LabelHint).render(lang),
                hint.render(lang)
            )?;
        }
        Ok(())
    }
}

/// A thread-safe collection of diagnostics; stages running in parallel push into it.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&self, d: Diagnostic) {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).push(d);
    }

    pub fn error(&self, path: &str, pos: Pos, message: Message) {
        self.push(Diagnostic::error(path, pos, message));
    }

    pub fn warning(&self, path: &str, pos: Pos, message: Message) {
        self.push(Diagnostic::warning(path, pos, message));
    }

    /// An error about a whole file.
    pub fn file_error(&self, path: &str, message: Message) {
        self.push(Diagnostic::file_error(path, message));
    }

    /// A warning about a whole file.
    pub fn file_warning(&self, path: &str, message: Message) {
        self.push(Diagnostic::file_warning(path, message));
    }

    /// Whether nothing at all (no error, no warning) was reported.
    pub fn is_empty(&self) -> bool {
        self.items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }

    pub fn error_count(&self) -> usize {
        self.items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// All diagnostics in a stable order with causes first: the command line and site.yaml,
    /// then the data files that the rest refers to (regio's, werkpleinen, the Landkaart), then
    /// the other files; within a rank by file and position.
    /// Every diagnostic in English, sorted, one per line (for tests that read the messages).
    #[cfg(test)]
    pub(crate) fn english(self) -> String {
        self.into_sorted()
            .iter()
            .map(|d| d.text(crate::messages::Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unwrap_or_else(|e| e.into_inner());
        items.sort_by(|a, b| {
            (rank(&a.path), &a.path, a.pos, a.severity, &a.message).cmp(&(
                rank(&b.path),
                &b.path,
                b.pos,
                b.severity,
                &b.message,
            ))
        });
        items.dedup();
        items
    }
}

/// Where a file's problems come in the report: files that others depend on first.
fn rank(path: &str) -> u8 {
    match path {
        p if p.starts_with("--") => 0,
        "site.yaml" => 1,
        "data/regios.yaml" => 2,
        "data/werkpleinen.yaml" => 3,
        "data/landkaart.yaml" => 4,
        p if p.starts_with("data/") => 5,
        p if p.starts_with("themes/") || p.starts_with("templates/") => 6,
        _ => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_path_line_column_and_hint() {
        let d = Diagnostic::error(
            "content/a.md",
            Pos::new(3, 12),
            crate::msg!(UnknownWerkplein, id = "denbosch"),
        )
        .with_hint(Some(crate::msg!(DidYouMean, candidate = "den-bosch")));
        assert_eq!(
            d.text(Lang::Nl),
            "content/a.md:3:12: fout: onbekend werkplein 'denbosch'\n  = tip: bedoelde je 'den-bosch'?"
        );
        assert_eq!(
            d.text(Lang::En),
            "content/a.md:3:12: error: unknown werkplein 'denbosch'\n  = hint: did you mean 'den-bosch'?"
        );
    }

    #[test]
    fn files_and_arguments_have_no_position() {
        let d = Diagnostic::file_error("data/regios.yaml", crate::msg!(FileMissing));
        assert_eq!(
            d.text(Lang::En),
            "data/regios.yaml: error: the file is missing"
        );
        assert_eq!(
            d.text(Lang::Nl),
            "data/regios.yaml: fout: het bestand ontbreekt"
        );
        let d = Diagnostic::arg_error("--werkplein", crate::msg!(UnknownWerkplein, id = "x"));
        assert_eq!(
            d.text(Lang::En),
            "--werkplein: error: unknown werkplein 'x'"
        );
        let d = Diagnostic::file_warning("content/a.txt", crate::msg!(FileMissing));
        assert_eq!(
            d.text(Lang::Nl),
            "content/a.txt: waarschuwing: het bestand ontbreekt"
        );
    }

    #[test]
    fn sorted_by_path_then_position() {
        let ds = Diagnostics::new();
        ds.error("b.md", Pos::new(1, 1), crate::msg!(FileMissing));
        ds.warning("a.md", Pos::new(9, 1), crate::msg!(FileMissing));
        ds.error("a.md", Pos::new(2, 1), crate::msg!(FileMissing));
        let sorted = ds.into_sorted();
        let got: Vec<_> = sorted
            .iter()
            .map(|d| (d.path.as_str(), d.pos.line))
            .collect();
        assert_eq!(got, vec![("a.md", 2), ("a.md", 9), ("b.md", 1)]);
    }

    #[test]
    fn causes_come_first() {
        let ds = Diagnostics::new();
        ds.error("content/a.md", Pos::new(1, 1), crate::msg!(FileMissing));
        ds.error(
            "data/landkaart/2009-t1.csv",
            Pos::new(2, 1),
            crate::msg!(FileMissing),
        );
        ds.error(
            "data/werkpleinen.yaml",
            Pos::new(9, 1),
            crate::msg!(FileMissing),
        );
        ds.error("data/regios.yaml", Pos::new(9, 1), crate::msg!(FileMissing));
        let got: Vec<String> = ds.into_sorted().into_iter().map(|d| d.path).collect();
        assert_eq!(
            got,
            [
                "data/regios.yaml",
                "data/werkpleinen.yaml",
                "data/landkaart/2009-t1.csv",
                "content/a.md"
            ]
        );
    }
}

//! All YAML parsing lives here: site.yaml, front matter and the data files.
//!
//! serde_yaml gives positions for syntax errors but not for values, so a [`Locator`] finds the
//! line and column of a key or value in the source text; [`Fields`] reads typed fields out of a
//! parsed mapping and reports every wrong field, each at its own position.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::text;

/// A Markdown file split into its front matter and body.
pub struct FrontMatter<'a> {
    pub yaml: &'a str,
    /// File line of the first front matter line (the one after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// File line of the first body line.
    pub body_line: usize,
}

/// Splits `---` front matter from the body. The opening `---` must be the first line.
pub fn split_front_matter(text: &str) -> Result<FrontMatter<'_>, (Pos, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err((
            Pos::new(1, 1),
            "missing front matter: the file must start with a line '---'".into(),
        ));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, l) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        if l.trim_end() == "---" {
            let body_start = offset + l.len();
            return Ok(FrontMatter {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err((
        Pos::new(1, 1),
        "front matter is not closed: add a line '---' after it".into(),
    ))
}

/// Converts a serde_yaml error into a diagnostic at the right file position.
fn yaml_error(path: &str, first_line: usize, err: &serde_yaml::Error) -> Diagnostic {
    let pos = err
        .location()
        .map(|l| Pos::new(l.line() + first_line - 1, l.column()))
        .unwrap_or(Pos::new(first_line, 1));
    // serde_yaml appends " at line X column Y"; we print the position ourselves.
    let msg = err.to_string();
    let msg = match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    Diagnostic::error(path, pos, format!("YAML: {msg}")).with_hint(Some(
        "check indentation and quote values that contain ':' or start with a special character"
            .into(),
    ))
}

/// Parses a YAML mapping (front matter or site.yaml). An empty document is an empty mapping.
pub fn parse_mapping(
    yaml: &str,
    first_line: usize,
    path: &str,
    diags: &Diagnostics,
) -> Option<Mapping> {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(m)) => Some(m),
        Ok(Value::Null) => Some(Mapping::new()),
        Ok(other) => {
            diags.error(
                path,
                Pos::new(first_line, 1),
                format!("expected 'key: value' lines, found {}", kind(&other)),
            );
            None
        }
        Err(e) => {
            diags.push(yaml_error(path, first_line, &e));
            None
        }
    }
}

/// Parses a whole data file into `T`, reporting a syntax or type error at its position.
pub fn parse_data<T: DeserializeOwned>(yaml: &str, path: &str) -> Result<T, Diagnostic> {
    serde_yaml::from_str::<T>(yaml.strip_prefix('\u{feff}').unwrap_or(yaml))
        .map_err(|e| yaml_error(path, 1, &e))
}

/// A human name for the type of a YAML value.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Finds where keys and values stand in YAML source, for error positions.
#[derive(Clone)]
pub struct Locator<'a> {
    /// (file line number, line text)
    lines: Vec<(usize, &'a str)>,
}

impl<'a> Locator<'a> {
    pub fn new(yaml: &'a str, first_line: usize) -> Self {
        Locator {
            lines: yaml
                .lines()
                .enumerate()
                .map(|(i, l)| (i + first_line, l))
                .collect(),
        }
    }

    /// The position of the first line, for problems of the whole block.
    pub fn start(&self) -> Pos {
        Pos::new(self.lines.first().map_or(1, |l| l.0), 1)
    }

    /// Splits a top-level sequence into one locator per `- ` item.
    pub fn items(&self) -> Vec<Locator<'a>> {
        let mut items: Vec<Locator<'a>> = Vec::new();
        for &(n, l) in &self.lines {
            if l.starts_with('-') {
                items.push(Locator { lines: vec![] });
            }
            if let Some(item) = items.last_mut() {
                item.lines.push((n, l));
            }
        }
        items
    }

    /// (line index, indentation) of the line that holds `key:`, searching shallowest first.
    fn key_line(&self, key: &str) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        for (i, &(_, l)) in self.lines.iter().enumerate() {
            let mut rest = l;
            let mut indent = 0;
            if let Some(r) = rest.strip_prefix("- ") {
                rest = r;
                indent = 2;
            }
            let trimmed = rest.trim_start();
            indent += rest.len() - trimmed.len();
            let Some(after) = trimmed.strip_prefix(key) else {
                continue;
            };
            let after_ws = after.trim_start();
            if !after_ws.starts_with(':') {
                continue;
            }
            let value = after_ws[1..].trim_start();
            let value_col = l.len() - value.len();
            if best.is_none_or(|b| indent < b.1) {
                best = Some((i, indent, value_col));
            }
        }
        best
    }

    /// The lines of the value of `key` (its line and the more indented lines after it), for the
    /// fields of a nested mapping.
    pub fn block(&self, key: &str) -> Locator<'a> {
        let Some((i, indent, _)) = self.key_line(key) else {
            return self.clone();
        };
        let mut lines = vec![self.lines[i]];
        for &(n, l) in &self.lines[i + 1..] {
            let ind = l.len() - l.trim_start().len();
            if !l.trim().is_empty() && ind <= indent {
                break;
            }
            lines.push((n, l));
        }
        Locator { lines }
    }

    /// Position of the value of `key` (or of the key when the value is on later lines).
    pub fn key(&self, key: &str) -> Pos {
        match self.key_line(key) {
            Some((i, indent, value_col)) => {
                let (n, l) = self.lines[i];
                if value_col >= l.trim_end().len() {
                    Pos::new(n, indent + 1)
                } else {
                    Pos::new(n, value_col + 1)
                }
            }
            None => self.start(),
        }
    }

    /// Position of `needle` inside the value of `key` (a list item, say).
    pub fn value(&self, key: &str, needle: &str) -> Pos {
        let Some((i, indent, _)) = self.key_line(key) else {
            return self.start();
        };
        for (j, &(n, l)) in self.lines.iter().enumerate().skip(i) {
            if j > i {
                let ind = l.len() - l.trim_start().len();
                let is_item = l.trim_start().starts_with('-');
                if !l.trim().is_empty() && ind <= indent && !(ind == indent && is_item) {
                    break;
                }
            }
            let search_from = if j == i {
                l.find(':').map_or(0, |c| c + 1)
            } else {
                0
            };
            if let Some(c) = find_token(&l[search_from..], needle) {
                return Pos::new(n, search_from + c + 1);
            }
        }
        self.key(key)
    }
}

/// Finds `needle` as a whole token (not inside a longer id).
fn find_token(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let is_id = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before_ok = hay[..start].chars().next_back().is_none_or(|c| !is_id(c));
        let after_ok = hay[end..].chars().next().is_none_or(|c| !is_id(c));
        if before_ok && after_ok {
            return Some(start);
        }
        from = start + needle.len().max(1);
    }
    None
}

/// Typed access to the fields of a parsed mapping, reporting problems at their positions.
pub struct Fields<'a> {
    map: Mapping,
    loc: Locator<'a>,
    path: &'a str,
    diags: &'a Diagnostics,
}

impl<'a> Fields<'a> {
    pub fn new(map: Mapping, loc: Locator<'a>, path: &'a str, diags: &'a Diagnostics) -> Self {
        Fields {
            map,
            loc,
            path,
            diags,
        }
    }

    pub fn path(&self) -> &str {
        self.path
    }

    pub fn pos(&self, key: &str) -> Pos {
        self.loc.key(key)
    }

    pub fn value_pos(&self, key: &str, needle: &str) -> Pos {
        self.loc.value(key, needle)
    }

    pub fn start(&self) -> Pos {
        self.loc.start()
    }

    pub fn error(&self, pos: Pos, message: impl Into<String>, hint: Option<String>) {
        self.diags
            .push(Diagnostic::error(self.path, pos, message).with_hint(hint));
    }

    pub fn warning(&self, pos: Pos, message: impl Into<String>, hint: Option<String>) {
        self.diags
            .push(Diagnostic::warning(self.path, pos, message).with_hint(hint));
    }

    fn get(&self, key: &str) -> Option<&Value> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn wrong_type(&self, key: &str, expected: &str, v: &Value) {
        self.error(
            self.pos(key),
            format!("'{key}' should be {expected}, not {}", kind(v)),
            None,
        );
    }

    /// The fields of a nested mapping `key:` (None when absent; an error when not a mapping).
    pub fn mapping(&self, key: &str) -> Option<Fields<'a>> {
        match self.get(key)? {
            Value::Mapping(m) => Some(Fields {
                map: m.clone(),
                loc: self.loc.block(key),
                path: self.path,
                diags: self.diags,
            }),
            other => {
                self.wrong_type(key, "a mapping of 'name: value' lines", other);
                None
            }
        }
    }

    /// Warns about keys not in `known`, suggesting the closest known one.
    pub fn check_known(&self, known: &[&str]) {
        for k in self.map.keys() {
            let Some(k) = k.as_str() else {
                continue;
            };
            if !known.contains(&k) {
                self.warning(
                    self.pos(k),
                    format!("unknown field '{k}' is ignored"),
                    text::did_you_mean(k, known.iter().copied()),
                );
            }
        }
    }

    /// A text field; numbers and booleans are accepted as their text.
    pub fn string(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.wrong_type(key, "text", other);
                None
            }
        }
    }

    /// A text field that must be present and not empty.
    pub fn required_string(&self, key: &str) -> Option<String> {
        if self.get(key).is_none() {
            self.error(
                self.start(),
                format!("missing '{key}'"),
                Some(format!("add a line '{key}: ...' to the front matter")),
            );
            return None;
        }
        let s = self.string(key)?;
        if s.trim().is_empty() {
            self.error(self.pos(key), format!("'{key}' is empty"), None);
            return None;
        }
        Some(s)
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(key, "true or false", other);
                None
            }
        }
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        match self.get(key)? {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            other => {
                self.wrong_type(key, "a whole number", other);
                None
            }
        }
    }

    /// A list of text values; a single value counts as a list of one.
    pub fn string_list(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Sequence(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.to_string()),
                        other => self.wrong_type(key, "a list of ids", other),
                    }
                }
                out
            }
            Some(other) => {
                self.wrong_type(key, "a list like [a, b]", other);
                Vec::new()
            }
        }
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        let s = self.string(key)?;
        let d = text::parse_date(&s);
        if d.is_none() {
            self.error(
                self.pos(key),
                format!("'{key}' is not a valid date: '{s}'"),
                Some("write dates as YYYY-MM-DD, e.g. 2009-06-15".into()),
            );
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_with_line_numbers() {
        let fm = split_front_matter("---\ntitle: x\n---\nbody\n").unwrap();
        assert_eq!(fm.yaml, "title: x\n");
        assert_eq!(fm.body, "body\n");
        assert_eq!(fm.body_line, 4);
        assert!(split_front_matter("title: x\n").is_err());
        assert!(split_front_matter("---\ntitle: x\n").is_err());
    }

    #[test]
    fn syntax_error_position_is_file_relative() {
        let diags = Diagnostics::new();
        assert!(parse_mapping("title: x\nthemas: [a, b\n", 2, "a.md", &diags).is_none());
        let d = diags.into_sorted();
        assert_eq!(d.len(), 1);
        assert!(d[0].pos.line >= 3, "{:?}", d[0]);
    }

    #[test]
    fn locates_keys_and_list_values() {
        let loc = Locator::new(
            "title: x\nthemas:\n  - jongeren\n  - wijk\nwerkplein: venlo\n",
            2,
        );
        assert_eq!(loc.key("werkplein"), Pos::new(6, 12));
        assert_eq!(loc.value("themas", "wijk"), Pos::new(5, 5));
        let flow = Locator::new("themas: [jongeren, wijk]\n", 2);
        assert_eq!(flow.value("themas", "wijk"), Pos::new(2, 20));
    }

    #[test]
    fn locates_keys_inside_sequence_items() {
        let loc = Locator::new("- id: a\n  regio: x\n- id: b\n  regio: y\n", 1);
        let items = loc.items();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].key("regio"), Pos::new(4, 10));
        assert_eq!(items[1].key("id"), Pos::new(3, 7));
    }

    #[test]
    fn fields_report_wrong_types_at_their_line() {
        let yaml = "title: Hallo\ndraft: \"maybe\"\nthemas: 5\n";
        let diags = Diagnostics::new();
        let map = parse_mapping(yaml, 2, "a.md", &diags).unwrap();
        let f = Fields::new(map, Locator::new(yaml, 2), "a.md", &diags);
        assert_eq!(f.required_string("title").as_deref(), Some("Hallo"));
        assert_eq!(f.bool("draft"), None);
        assert!(f.string_list("themas").is_empty());
        let d = diags.into_sorted();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].pos.line, 3);
        assert_eq!(d[1].pos.line, 4);
    }

    #[test]
    fn nested_mappings_keep_positions() {
        let yaml = "title: x\nkiosk:\n  email: nope\n  telefoon: 1\nemail: y\n";
        let diags = Diagnostics::new();
        let map = parse_mapping(yaml, 1, "site.yaml", &diags).unwrap();
        let f = Fields::new(map, Locator::new(yaml, 1), "site.yaml", &diags);
        let k = f.mapping("kiosk").unwrap();
        assert_eq!(k.string("email").as_deref(), Some("nope"));
        assert_eq!(k.pos("email"), Pos::new(3, 10));
        assert!(f.mapping("title").is_none());
        assert_eq!(diags.into_sorted().len(), 1);
    }
}

//! All YAML parsing lives here: site.yaml, front matter and the data files.
//!
//! yaml_serde gives positions for syntax errors but not for values, so a [`Locator`] finds the
//! line and column of a key or value in the source text; [`Fields`] reads typed fields out of a
//! parsed mapping and reports every wrong field, each at its own position.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
pub use yaml_serde::{Mapping, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::messages::Message;
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
pub fn split_front_matter(text: &str) -> Result<FrontMatter<'_>, (Pos, Message)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err((Pos::new(1, 1), crate::msg!(FrontMatterMissing)));
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
    Err((Pos::new(1, 1), crate::msg!(FrontMatterNotClosed)))
}

/// Converts a yaml_serde error into a diagnostic at the right file position.
fn yaml_error(path: &str, first_line: usize, err: &yaml_serde::Error) -> Diagnostic {
    let pos = err
        .location()
        .map(|l| Pos::new(l.line() + first_line - 1, l.column()))
        .unwrap_or(Pos::new(first_line, 1));
    // yaml_serde appends " at line X column Y"; we print the position ourselves.
    let msg = err.to_string();
    let msg = match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    Diagnostic::error(path, pos, yaml_detail(&msg)).with_hint(Some(crate::msg!(YamlHint)))
}

/// The parser's (English) description of a YAML error as a message: the frequent ones in
/// the catalogue's words, any other with the parser's text.
fn yaml_detail(msg: &str) -> Message {
    let quoted = |s: &str| -> String {
        s.trim_matches(|c: char| c == '`' || c == '"' || c == '\'' || c.is_whitespace())
            .to_string()
    };
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return crate::msg!(YamlMissingField, field = quoted(rest));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let field = rest.split(", expected").next().unwrap_or(rest);
        return crate::msg!(YamlUnknownField, field = quoted(field));
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return crate::msg!(YamlInvalidType, found = found, expected = expected);
    }
    if msg.contains("duplicate entry") || msg.contains("duplicate key") {
        return crate::msg!(YamlDuplicateKey, detail = msg);
    }
    if msg.contains("mapping values are not allowed") {
        return crate::msg!(YamlMappingValues);
    }
    if msg.contains("did not find expected key") {
        return crate::msg!(YamlExpectedKey);
    }
    if msg.contains("cannot start any token") {
        return crate::msg!(YamlBadToken);
    }
    if msg.contains("tab") && msg.contains("indentation") {
        return crate::msg!(YamlTab);
    }
    if msg.contains("unexpected end of stream") {
        return crate::msg!(YamlUnexpectedEnd);
    }
    crate::msg!(YamlOther, detail = msg)
}

/// Parses a YAML mapping (front matter or site.yaml). An empty document is an empty mapping.
pub fn parse_mapping(
    yaml: &str,
    first_line: usize,
    path: &str,
    diags: &Diagnostics,
) -> Option<Mapping> {
    if let Err(d) = check_limits(yaml, first_line, path) {
        diags.push(d);
        return None;
    }
    match yaml_serde::from_str::<Value>(yaml) {
        Ok(Value::Mapping(m)) => Some(m),
        Ok(Value::Null) => Some(Mapping::new()),
        Ok(other) => {
            diags.error(
                path,
                Pos::new(first_line, 1),
                crate::msg!(YamlExpectedMapping, found = kind(&other)),
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
    let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
    check_limits(yaml, 1, path)?;
    yaml_serde::from_str::<T>(yaml).map_err(|e| yaml_error(path, 1, &e))
}

/// Refuses a text too large or nested too deep, before the YAML parser spends time on it.
fn check_limits(yaml: &str, first_line: usize, path: &str) -> Result<(), Diagnostic> {
    limits(yaml, first_line).map(|_| ()).map_err(|(pos, msg)| {
        Diagnostic::error(path, pos, msg).with_hint(Some(crate::msg!(YamlTooDeepHint)))
    })
}

/// `s` written as a YAML scalar, quoted where YAML needs it.
pub fn to_scalar(s: &str) -> String {
    yaml_serde::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
}

/// Parses a data file that is a list of records (`- key: value` items) into one [`Fields`]
/// per record, each locating its own keys. An empty file is an empty list; an item that is
/// not a mapping is reported and left out.
pub fn records<'a>(text: &'a str, path: &'a str, diags: &'a Diagnostics) -> Vec<Fields<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Err(d) = check_limits(text, 1, path) {
        diags.push(d);
        return Vec::new();
    }
    let items = match yaml_serde::from_str::<Value>(text) {
        Ok(Value::Null) => return Vec::new(),
        Ok(Value::Sequence(items)) => items,
        Ok(other) => {
            diags.push(
                Diagnostic::error(
                    path,
                    Pos::new(1, 1),
                    crate::msg!(YamlExpectedList, found = kind(&other)),
                )
                .with_hint(Some(crate::msg!(YamlExpectedListHint))),
            );
            return Vec::new();
        }
        Err(e) => {
            diags.push(yaml_error(path, 1, &e));
            return Vec::new();
        }
    };
    let whole = Locator::new(text, 1);
    let mut locs = whole.items();
    // A `---` document marker would count as an item: the positions are then only per file.
    if locs.len() != items.len() {
        locs = vec![whole.clone(); items.len()];
    }
    items
        .into_iter()
        .zip(locs)
        .filter_map(|(item, loc)| match item {
            Value::Mapping(m) => Some(Fields::new(m, loc, path, diags)),
            other => {
                diags.error(
                    path,
                    loc.start(),
                    crate::msg!(YamlExpectedItemMapping, found = kind(&other)),
                );
                None
            }
        })
        .collect()
}

/// A human name for the type of a YAML value.
fn kind(v: &Value) -> Message {
    match v {
        Value::Null => crate::msg!(KindNothing),
        Value::Bool(_) => crate::msg!(KindBool),
        Value::Number(_) => crate::msg!(KindNumber),
        Value::String(_) => crate::msg!(KindText),
        Value::Sequence(_) => crate::msg!(KindList),
        Value::Mapping(_) => crate::msg!(KindMapping),
        Value::Tagged(_) => crate::msg!(KindTagged),
    }
}

/// Deepest nesting of lists and mappings accepted in any YAML text (svdk's files need 5).
pub const MAX_DEPTH: usize = 64;
/// Largest YAML text accepted (a werkpleinen.yaml of 10,000 werkpleinen is ~2 MB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// A YAML node and where it stands in the file, read from the parser's events.
#[derive(Debug)]
struct Node {
    pos: Pos,
    kind: Kind,
    /// Shallowest occurrence of each key in this subtree: (key position, value).
    keys: OnceLock<HashMap<String, (Pos, Arc<Node>)>>,
    /// First scalar of each text in this subtree, depth first.
    scalars: OnceLock<HashMap<String, Pos>>,
}

#[derive(Debug)]
enum Kind {
    /// A scalar; `empty` for a plain scalar with no text (a null).
    Scalar {
        text: String,
        empty: bool,
    },
    Seq(Vec<Arc<Node>>),
    Map(Vec<(String, Pos, Arc<Node>)>),
    Alias,
}

impl Node {
    fn new(pos: Pos, kind: Kind) -> Self {
        Node {
            pos,
            kind,
            keys: OnceLock::new(),
            scalars: OnceLock::new(),
        }
    }

    fn children(&self) -> Box<dyn Iterator<Item = &Arc<Node>> + '_> {
        match &self.kind {
            Kind::Seq(items) => Box::new(items.iter()),
            Kind::Map(entries) => Box::new(entries.iter().map(|e| &e.2)),
            _ => Box::new(std::iter::empty()),
        }
    }

    /// The index of keys, built once (breadth first, so a shallower key wins).
    fn keys(&self) -> &HashMap<String, (Pos, Arc<Node>)> {
        self.keys.get_or_init(|| {
            let mut out = HashMap::new();
            let mut queue: std::collections::VecDeque<&Node> = [self].into();
            while let Some(n) = queue.pop_front() {
                if let Kind::Map(entries) = &n.kind {
                    for (k, pos, v) in entries {
                        out.entry(k.clone())
                            .or_insert_with(|| (*pos, Arc::clone(v)));
                    }
                }
                queue.extend(n.children().map(|c| &**c));
            }
            out
        })
    }

    /// The index of scalar texts, built once (depth first, in file order).
    fn scalars(&self) -> &HashMap<String, Pos> {
        self.scalars.get_or_init(|| {
            let mut out = HashMap::new();
            let mut stack: Vec<&Node> = vec![self];
            while let Some(n) = stack.pop() {
                if let Kind::Scalar { text, .. } = &n.kind {
                    out.entry(text.clone()).or_insert(n.pos);
                }
                let children: Vec<&Node> = n.children().map(|c| &**c).collect();
                stack.extend(children.into_iter().rev());
            }
            out
        })
    }
}

/// Why a YAML text is refused before it is parsed.
fn limits(yaml: &str, first_line: usize) -> Result<Option<Arc<Node>>, (Pos, Message)> {
    if yaml.len() > MAX_BYTES {
        return Err((
            Pos::new(first_line, 1),
            crate::msg!(
                YamlTooLarge,
                mb = yaml.len() / (1024 * 1024),
                max = MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    tree(yaml, first_line)
}

fn too_deep() -> Message {
    crate::msg!(YamlTooDeep, max = MAX_DEPTH)
}

/// Reads the positions of every node with an event parser, in one pass with a stack of open
/// collections (no recursion). A syntax error gives `Ok(None)` (the YAML parser reports it);
/// nesting deeper than [`MAX_DEPTH`] is an error at the first node too deep.
fn tree(yaml: &str, first_line: usize) -> Result<Option<Arc<Node>>, (Pos, Message)> {
    use saphyr_parser::{Event, Parser, ScalarStyle};
    /// An open collection: its position, its items, and for a mapping the pending key.
    struct Open {
        pos: Pos,
        map: bool,
        items: Vec<Arc<Node>>,
        entries: Vec<(String, Pos, Arc<Node>)>,
        key: Option<(String, Pos)>,
    }
    let pos_of = |m: saphyr_parser::Marker| Pos::new(m.line() + first_line - 1, m.col() + 1);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Arc<Node>> = None;
    for event in Parser::new_from_str(yaml) {
        let (event, span) = match event {
            Ok(e) => e,
            // The scanner's own limit on nested flow collections ('[[[…'): the same refusal.
            Err(e) if e.info().contains("recursion limit") => {
                return Err((pos_of(*e.marker()), too_deep()));
            }
            Err(_) => return Ok(None),
        };
        let pos = pos_of(span.start);
        let node = match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err((pos, too_deep()));
                }
                stack.push(Open {
                    pos,
                    map: matches!(event, Event::MappingStart(..)),
                    items: Vec::new(),
                    entries: Vec::new(),
                    key: None,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = stack.pop() else {
                    return Ok(None);
                };
                let kind = if open.map {
                    Kind::Map(open.entries)
                } else {
                    Kind::Seq(open.items)
                };
                Node::new(open.pos, kind)
            }
            Event::Scalar(text, style, ..) => {
                let empty = style == ScalarStyle::Plain && text.is_empty();
                Node::new(
                    pos,
                    Kind::Scalar {
                        text: text.into_owned(),
                        empty,
                    },
                )
            }
            Event::Alias(..) => Node::new(pos, Kind::Alias),
            _ => continue,
        };
        let node = Arc::new(node);
        match stack.last_mut() {
            None => {
                if root.is_none() {
                    root = Some(node);
                }
            }
            Some(open) if !open.map => open.items.push(node),
            Some(open) => match open.key.take() {
                None => {
                    let key = match &node.kind {
                        Kind::Scalar { text, .. } => text.clone(),
                        _ => String::new(),
                    };
                    open.key = Some((key, node.pos));
                }
                Some((key, key_pos)) => open.entries.push((key, key_pos, node)),
            },
        }
    }
    Ok(root)
}

/// Finds where keys and values stand in YAML source, for error positions. The positions come
/// from a YAML event parser, so a `key:` inside a block scalar or a comment is never taken for
/// a key. Every lookup is an index lookup: finding many keys costs time linear in the text.
#[derive(Clone, Debug)]
pub struct Locator {
    node: Option<Arc<Node>>,
    start: Pos,
}

impl Locator {
    pub fn new(yaml: &str, first_line: usize) -> Self {
        let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
        Locator {
            node: limits(yaml, first_line).ok().flatten(),
            start: Pos::new(first_line, 1),
        }
    }

    /// The position of the first line, for problems of the whole block.
    pub fn start(&self) -> Pos {
        self.start
    }

    /// One locator per item of a top-level sequence.
    pub fn items(&self) -> Vec<Locator> {
        match self.node.as_deref().map(|n| &n.kind) {
            Some(Kind::Seq(items)) => items
                .iter()
                .map(|item| Locator {
                    node: Some(Arc::clone(item)),
                    start: Pos::new(item.pos.line, 1),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The key `key` (shallowest first): its position and its value.
    fn entry(&self, key: &str) -> Option<&(Pos, Arc<Node>)> {
        self.node.as_ref()?.keys().get(key)
    }

    /// Position of the value of `key` (or of the key when the value is empty or on later lines).
    pub fn key(&self, key: &str) -> Pos {
        match self.entry(key) {
            Some((key_pos, value)) => {
                let empty = matches!(value.kind, Kind::Scalar { empty: true, .. });
                if value.pos.line == key_pos.line && !empty {
                    value.pos
                } else {
                    *key_pos
                }
            }
            None => self.start(),
        }
    }

    /// The locator of the value of `key`, for the fields of a nested mapping.
    pub fn block(&self, key: &str) -> Locator {
        match self.entry(key) {
            Some((key_pos, value)) => Locator {
                node: Some(Arc::clone(value)),
                start: *key_pos,
            },
            None => self.clone(),
        }
    }

    /// Position of the scalar `needle` inside the value of `key` (a list item, say).
    pub fn value(&self, key: &str, needle: &str) -> Pos {
        match self.entry(key) {
            Some((_, value)) => match value.scalars().get(needle) {
                Some(pos) => *pos,
                None => self.key(key),
            },
            None => self.start(),
        }
    }
}

/// Typed access to the fields of a parsed mapping, reporting problems at their positions.
pub struct Fields<'a> {
    map: Mapping,
    loc: Locator,
    path: &'a str,
    diags: &'a Diagnostics,
}

impl<'a> Fields<'a> {
    pub fn new(map: Mapping, loc: Locator, path: &'a str, diags: &'a Diagnostics) -> Self {
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

    pub fn error(&self, pos: Pos, message: Message, hint: Option<Message>) {
        self.diags
            .push(Diagnostic::error(self.path, pos, message).with_hint(hint));
    }

    pub fn warning(&self, pos: Pos, message: Message, hint: Option<Message>) {
        self.diags
            .push(Diagnostic::warning(self.path, pos, message).with_hint(hint));
    }

    /// Whether `key:` is written with nothing in it: no value, or blank text.
    pub fn is_blank(&self, key: &str) -> bool {
        match self.map.get(key) {
            Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            _ => false,
        }
    }

    fn get(&self, key: &str) -> Option<&Value> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn wrong_type(&self, key: &str, expected: Message, v: &Value) {
        self.error(
            self.pos(key),
            crate::msg!(WrongType, key = key, expected = expected, found = kind(v)),
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
                self.wrong_type(key, crate::msg!(ExpectMapping), other);
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
                    crate::msg!(UnknownFieldIgnored, key = k),
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
                self.wrong_type(key, crate::msg!(KindText), other);
                None
            }
        }
    }

    /// A text field that must be present and not empty.
    pub fn required_string(&self, key: &str) -> Option<String> {
        if self.get(key).is_none() {
            self.error(
                self.start(),
                crate::msg!(MissingKey, key = key),
                Some(crate::msg!(AddKeyLine, key = key)),
            );
            return None;
        }
        let s = self.string(key)?;
        if s.trim().is_empty() {
            self.error(self.pos(key), crate::msg!(KeyEmpty, key = key), None);
            return None;
        }
        Some(s)
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(key, crate::msg!(ExpectBool), other);
                None
            }
        }
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        match self.get(key)? {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            other => {
                self.wrong_type(key, crate::msg!(ExpectWholeNumber), other);
                None
            }
        }
    }

    /// A list of text values; a single value counts as a list of one. A value listed again is
    /// left out with a warning (a list repeating one id a thousand times would otherwise put
    /// the page a thousand times on every list it belongs to).
    pub fn string_list(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Sequence(items)) => {
                let mut out = Vec::with_capacity(items.len().min(64));
                let mut seen = std::collections::HashSet::new();
                let mut repeated = std::collections::BTreeSet::new();
                for item in items {
                    let s = match item {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        other => {
                            self.wrong_type(key, crate::msg!(ExpectIdList), other);
                            continue;
                        }
                    };
                    if seen.insert(s.clone()) {
                        out.push(s);
                    } else {
                        repeated.insert(s);
                    }
                }
                for s in repeated {
                    self.warning(
                        self.value_pos(key, &s),
                        crate::msg!(ListedTwice, id = s, key = key),
                        Some(crate::msg!(ListedTwiceHint)),
                    );
                }
                out
            }
            Some(other) => {
                self.wrong_type(key, crate::msg!(ExpectList), other);
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
                crate::msg!(NotADate, key = key, value = s),
                Some(crate::msg!(DateHint)),
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
    fn a_key_in_a_block_scalar_is_not_taken_for_the_key() {
        // The text finder took `werkplein:` inside the block scalar for the key (line 3).
        let yaml = "title: x\nsamenvatting: |\n  werkplein: uit de tekst\n\"werkplein\": venlo\n";
        let loc = Locator::new(yaml, 2);
        assert_eq!(loc.key("werkplein"), Pos::new(5, 14));
        let list = "contact: |\n  themas: [wijk]\nthemas: [jongeren, wijk]\n";
        assert_eq!(
            Locator::new(list, 1).value("themas", "wijk"),
            Pos::new(3, 20)
        );
        let flow = Locator::new("- {id: a, regio: x}\n- {id: b, regio: y}\n", 1);
        assert_eq!(flow.items()[1].key("regio"), Pos::new(2, 18));
    }

    #[test]
    fn refuses_deep_nesting_and_huge_texts_at_once() {
        let deep = format!("x: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let start = std::time::Instant::now();
        let diags = Diagnostics::new();
        assert!(parse_mapping(&deep, 2, "a.md", &diags).is_none());
        let d = diags.into_sorted();
        assert!(d[0].message.en().contains("nested more than 64"), "{d:?}");
        assert_eq!(d[0].pos.line, 2);
        let err = parse_data::<Value>(&deep, "data/x.yaml").unwrap_err();
        assert!(err.message.en().contains("nested"));
        let big = "a".repeat(MAX_BYTES + 1);
        assert!(
            parse_data::<Value>(&big, "data/x.yaml")
                .unwrap_err()
                .message
                .en()
                .contains("too large")
        );
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
        let ok = format!(
            "x: {}{}\n",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert!(parse_data::<Value>(&ok, "data/x.yaml").is_ok());
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

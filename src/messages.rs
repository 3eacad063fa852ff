//! Every message svdk shows to people, in Dutch and English: one catalogue.
//!
//! A message is a [`Key`] with named arguments ([`Message`], made with [`msg!`]); it becomes
//! text only when it is shown, in the language the site asks for ([`Lang`]: `language:` in
//! site.yaml, `--lang` on the command line, Dutch by default). Diagnostics hold messages, not
//! strings, so a message cannot bypass the catalogue: `Diagnostic::error(path, pos, "...")`
//! does not compile.
//!
//! A template names its arguments in braces, `{id}`; both languages of a key use the same
//! names (a unit test checks every key). An argument can itself be a message (a reason inside
//! a sentence), rendered in the same language.

use std::fmt;

/// The language messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// `nl` or `en` (also `nl-NL`, `en-GB`, any case); anything else is not a language svdk
    /// speaks.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::parse(s).ok_or_else(|| format!("'{s}' is not a language svdk speaks: nl or en"))
    }
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    Message(Box<Message>),
}

/// What can be an argument: anything printable (ids, paths, numbers) or a message.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl<T: fmt::Display> IntoArg for T {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(Box::new(self))
    }
}

/// A message from the catalogue with its arguments; [`Message::render`] makes it text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub key: Key,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: Key) -> Message {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name` (a placeholder `{name}` of the key's templates).
    pub fn arg(mut self, name: &'static str, value: impl IntoArg) -> Message {
        self.args.push((name, value.into_arg()));
        self
    }

    /// The text in `lang`: the key's template with its placeholders filled in.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(lang, &mut out);
        out
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        let template = self.key.template(lang);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match placeholder(after) {
                Some(name) => {
                    match self.args.iter().find(|(n, _)| *n == name) {
                        Some((_, Arg::Text(t))) => out.push_str(t),
                        Some((_, Arg::Message(m))) => m.render_into(lang, out),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[name.len() + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
    }

    /// The English text (for tests that read messages).
    #[cfg(test)]
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// A view that prints the message in `lang`.
    pub fn display(&self, lang: Lang) -> impl fmt::Display + '_ {
        Rendered(self, lang)
    }
}

/// A message carried inside an `io::Error` (`io::Error::other(MessageError(m))`), so that
/// whoever reports the error can show it in the site's language; its `Display` is English,
/// for logs only.
#[derive(Debug)]
pub struct MessageError(pub Message);

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for MessageError {}

impl MessageError {
    /// The message of `e`: the one it carries, else `fallback` with the error as its detail.
    pub fn of(e: &std::io::Error, fallback: Key) -> Message {
        match e.get_ref().and_then(|x| x.downcast_ref::<MessageError>()) {
            Some(m) => m.0.clone(),
            None => Message::new(fallback).arg("detail", e),
        }
    }
}

struct Rendered<'a>(&'a Message, Lang);

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.render(self.1))
    }
}

/// The name of a placeholder at the start of `s` (just after its `{`): lowercase letters,
/// digits and `_`, closed by `}`. A brace that does not open one (`'{'` in a hint) is text.
fn placeholder(s: &str) -> Option<&str> {
    let end = s.find('}')?;
    let name = &s[..end];
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
    .then_some(name)
}

/// The placeholders of a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match placeholder(after) {
            Some(name) => {
                names.push(name);
                rest = &after[name.len() + 1..];
            }
            None => rest = after,
        }
    }
    names
}

/// A message from the catalogue: `msg!(UnknownWerkplein, id = id)`.
#[macro_export]
macro_rules! msg {
    ($key:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($crate::messages::Key::$key)
            $(.arg(stringify!($name), $value))*
    };
}

macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident { en: $en:literal, nl: $nl:literal $(,)? })*) => {
        /// The keys of the catalogue; each has a template in every [`Lang`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        impl Key {
            /// Every key, in catalogue order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// The template of this key in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Key::$key, Lang::En) => $en,
                        (Key::$key, Lang::Nl) => $nl,
                    )*
                }
            }
        }
    };
}

include!("messages/catalogue.rs");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        assert!(Key::ALL.len() > 100, "{}", Key::ALL.len());
        for &key in Key::ALL {
            let en = key.template(Lang::En);
            let nl = key.template(Lang::Nl);
            assert!(!en.trim().is_empty(), "{key:?}: no English text");
            assert!(!nl.trim().is_empty(), "{key:?}: no Dutch text");
            let mut a = placeholders(en);
            let mut b = placeholders(nl);
            a.sort_unstable();
            b.sort_unstable();
            a.dedup();
            b.dedup();
            assert_eq!(a, b, "{key:?}: placeholders differ\n  en: {en}\n  nl: {nl}");
        }
    }

    /// Keys whose words are the same in Dutch and English (`link`, field names).
    const SAME_IN_BOTH: &[Key] = &[Key::LinkProblem];

    #[test]
    fn dutch_texts_are_not_left_in_english() {
        // A Dutch template identical to the English one is a forgotten translation, unless it
        // has no words of its own (only placeholders and punctuation) or is listed above.
        for &key in Key::ALL {
            let en = key.template(Lang::En);
            let nl = key.template(Lang::Nl);
            let mut text = en.to_string();
            for name in placeholders(en) {
                text = text.replace(&format!("{{{name}}}"), " ");
            }
            let words = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 3)
                .count();
            let same = SAME_IN_BOTH.contains(&key);
            assert!(
                en != nl || words == 0 || same,
                "{key:?}: Dutch text is the English one: {nl}"
            );
            assert!(!same || en == nl, "{key:?} is listed as the same in both");
        }
    }

    #[test]
    fn renders_arguments_and_nested_messages_in_one_language() {
        let m = msg!(UnknownWerkplein, id = "denbosch");
        assert_eq!(m.render(Lang::Nl), "onbekend werkplein 'denbosch'");
        assert_eq!(m.render(Lang::En), "unknown werkplein 'denbosch'");
        let hint = msg!(DidYouMean, candidate = "den-bosch");
        assert_eq!(hint.render(Lang::Nl), "bedoelde je 'den-bosch'?");
        assert_eq!(hint.render(Lang::En), "did you mean 'den-bosch'?");
        assert_eq!(placeholders("'{' or '[' {a} {b_2}"), ["a", "b_2"]);
    }

    #[test]
    fn languages_by_code() {
        assert_eq!(Lang::parse("nl"), Some(Lang::Nl));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("NL_nl"), Some(Lang::Nl));
        assert_eq!(Lang::parse("de"), None);
    }
}

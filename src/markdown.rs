//! Markdown → HTML: heading ids, link rewriting and sanitizing of raw HTML.
//!
//! Rendering is two passes over the same text: [`analyze`] finds the headings (with their
//! unique ids) and the links of every page, so that [`render`] can rewrite and check each link
//! against every other page's anchors.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use std::cell::Cell;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Byte offset in the body.
    pub offset: usize,
}

/// A link or image destination and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub dest: String,
    pub offset: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// The Markdown tables, in order: each a list of rows (the header row first), each a list
    /// of cell texts (inline markup removed). The CSV copies of the tables [`render`] links.
    pub tables: Vec<Vec<Vec<String>>>,
    /// The heading ids, for [`Analysis::has_anchor`] in constant time.
    anchors: HashSet<String>,
}

impl Analysis {
    pub fn has_anchor(&self, id: &str) -> bool {
        self.anchors.contains(id)
    }
}

/// Ids the page layout uses (the main landmark); a heading with that text gets `-1`.
pub const RESERVED_IDS: [&str; 1] = ["inhoud"];

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn level(l: HeadingLevel) -> u8 {
    l as u8
}

/// Finds headings (with unique ids: text slugs, or `{#id}` where given), links and tables.
pub fn analyze(body: &str) -> Analysis {
    let mut out = Analysis::default();
    // Ids the page layout uses itself are not given to headings.
    let mut used: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut current: Option<(u8, Option<String>, String, usize)> = None;
    let mut cell: Option<String> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        table_event(&event, &mut out.tables, &mut cell);
        match event {
            Event::Start(Tag::Heading { level: l, id, .. }) => {
                current = Some((
                    level(l),
                    id.map(|s| s.to_string()),
                    String::new(),
                    range.start,
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.2.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text, offset)) = current.take() {
                    let base = explicit.unwrap_or_else(|| {
                        let s = text::slugify(&text);
                        if s.is_empty() { "sectie".into() } else { s }
                    });
                    let id = unique(&base, &mut used, &mut next);
                    out.anchors.insert(id.clone());
                    out.headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_string(),
                        offset,
                    });
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                out.links.push(Link {
                    dest: dest_url.to_string(),
                    offset: range.start,
                });
            }
            _ => {}
        }
    }
    out
}

/// `base`, or `base-1`, `base-2`... when taken. `next` remembers per base where to go on, so
/// many headings with one text cost linear time, not a count from 1 for each.
fn unique(base: &str, used: &mut HashSet<String>, next: &mut HashMap<String, usize>) -> String {
    let n = next.entry(base.to_string()).or_insert(0);
    loop {
        let id = if *n == 0 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        *n += 1;
        if used.insert(id.clone()) {
            return id;
        }
    }
}

/// Renders to sanitized HTML. Heading ids come from `analysis` (prefixed with `id_prefix`);
/// every link destination goes through `resolve(dest, offset)`, which returns its new value.
/// Tables are wrapped in a focusable, labelled region so they scroll on narrow screens;
/// `table_label` names the page ("Tabel 2 van <table_label>") to keep labels unique. With
/// `table_csv` (the page's URL folder), each table is followed by a link to its CSV copy
/// `<table_csv>tabel-<n>.csv` (see [`Analysis::tables`]).
pub fn render(
    body: &str,
    analysis: &Analysis,
    id_prefix: &str,
    table_label: &str,
    table_csv: Option<&str>,
    resolve: &dyn Fn(&str, usize) -> Option<String>,
) -> String {
    let (html, plain) = render_html(body, analysis, id_prefix, table_label, table_csv, resolve);
    if plain {
        // The sanitizer would give it back unchanged (the tests hold it to that).
        debug_assert_eq!(
            sanitize(&html),
            html,
            "plain Markdown that sanitizing changes"
        );
        html
    } else {
        sanitize(&html)
    }
}

/// [`render`] before sanitizing, and whether the HTML is *plain*: only what pulldown-cmark
/// makes of Markdown without raw HTML, with link destinations of an allowed scheme (or none)
/// and no characters the sanitizer writes differently. Plain HTML needs no sanitizing: it can
/// hold no markup of the editor's own, no event handler and no `javascript:` URL, and the
/// sanitizer would return it byte for byte (checked in debug builds and by a property test).
/// Anything else, raw HTML above all, goes through the sanitizer, which is most of the work
/// of rendering a page.
fn render_html(
    body: &str,
    analysis: &Analysis,
    id_prefix: &str,
    table_label: &str,
    table_csv: Option<&str>,
    resolve: &dyn Fn(&str, usize) -> Option<String>,
) -> (String, bool) {
    let plain = Cell::new(
        plain_attr(table_label) && table_csv.is_none_or(plain_attr) && plain_attr(id_prefix),
    );
    let mut heading = 0;
    let mut tables = 0;
    let events = Parser::new_ext(body, options())
        .into_offset_iter()
        .flat_map(|(event, range)| {
            if !plain_event(&event) {
                plain.set(false);
            }
            let events: Vec<Event> = match event {
                Event::Start(Tag::Table(_)) => {
                    tables += 1;
                    let label = escape_attr(&format!("Tabel {tables} van {table_label}"));
                    let open = format!(
                        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\">"
                    );
                    vec![Event::Html(CowStr::from(open)), event]
                }
                Event::End(TagEnd::Table) => {
                    let link = table_csv.map_or(String::new(), |base| {
                        format!(
                            "\n<p class=\"open-data\"><a href=\"{}\" download=\"\">Tabel {tables} als CSV</a></p>",
                            escape_attr(&format!("{base}tabel-{tables}.csv"))
                        )
                    });
                    vec![event, Event::Html(CowStr::from(format!("</div>{link}")))]
                }
                other => vec![other],
            };
            events.into_iter().map(move |e| (e, range.clone()))
        })
        .map(|(event, range)| match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = analysis
                    .headings
                    .get(heading)
                    .map(|h| format!("{id_prefix}{}", h.id));
                if id.as_deref().is_some_and(|id| !plain_attr(id)) {
                    plain.set(false);
                }
                heading += 1;
                Event::Start(Tag::Heading {
                    level,
                    id: id.map(CowStr::from),
                    classes,
                    attrs,
                })
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve(&dest_url, range.start)
                    .map(CowStr::from)
                    .unwrap_or(dest_url);
                if !plain_url(&dest_url) {
                    plain.set(false);
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve(&dest_url, range.start)
                    .map(CowStr::from)
                    .unwrap_or(dest_url);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            other => other,
        });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events);
    let plain = plain.get() && !out.contains('\u{a0}');
    (out, plain)
}

/// Whether pulldown-cmark writes `event` as the sanitizer would (see [`render_html`]): no raw
/// HTML, no element it writes in XHTML style (`<br />`, `<hr />`, `<img ... />`), no heading
/// attributes of the editor's own, and names in attributes without characters to escape.
fn plain_event(event: &Event) -> bool {
    match event {
        Event::Html(_) | Event::InlineHtml(_) | Event::HardBreak | Event::Rule => false,
        Event::Start(Tag::Image { .. }) => false,
        Event::Start(Tag::Heading { classes, attrs, .. }) => classes.is_empty() && attrs.is_empty(),
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => plain_attr(info),
        Event::Start(Tag::Link { title, .. }) => plain_attr(title),
        Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
            plain_attr(label)
        }
        _ => true,
    }
}

/// An attribute value both writers write alike: no `<`, `>`, `'`, `"` or `&`, which they
/// escape differently.
fn plain_attr(s: &str) -> bool {
    !s.contains(['<', '>', '\'', '"', '&'])
}

/// A link destination that needs no sanitizing and that both writers write alike: a scheme
/// the site allows (or none: a path or an anchor), in characters neither escapes.
fn plain_url(url: &str) -> bool {
    url.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~/#?=%+,;:@!$*()".contains(&b))
        && text::url_problem(url).is_none()
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "section",
        "figure",
        "figcaption",
        "aside",
        "details",
        "summary",
    ])
    .add_generic_attributes(["id", "class", "role"])
    .add_tag_attributes("div", ["tabindex"])
    .add_generic_attribute_prefixes(["aria-", "data-"])
    .add_tag_attributes("th", ["style", "scope"])
    .add_tag_attributes("td", ["style"])
    .add_tag_attributes("a", ["title", "download"])
    .link_rel(None);
    b
});

/// One event's part in [`Analysis::tables`]; `cell` is the text of the cell being read.
fn table_event(event: &Event, out: &mut Vec<Vec<Vec<String>>>, cell: &mut Option<String>) {
    match event {
        Event::Start(Tag::Table(_)) => out.push(Vec::new()),
        Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
            if let Some(t) = out.last_mut() {
                t.push(Vec::new());
            }
        }
        Event::Start(Tag::TableCell) => *cell = Some(String::new()),
        Event::End(TagEnd::TableCell) => {
            if let (Some(c), Some(row)) = (cell.take(), out.last_mut().and_then(|t| t.last_mut())) {
                row.push(c.trim().to_string());
            }
        }
        Event::Text(t) | Event::Code(t) => {
            if let Some(c) = cell.as_mut() {
                c.push_str(t);
            }
        }
        Event::SoftBreak | Event::HardBreak => {
            if let Some(c) = cell.as_mut() {
                c.push(' ');
            }
        }
        _ => {}
    }
}

/// Keeps editors' raw HTML but removes scripts, event handlers and `javascript:` URLs.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// The line and column of a byte offset in `body`, given the file line the body starts at.
pub fn position(body: &str, offset: usize, body_line: usize) -> crate::diagnostics::Pos {
    text::Lines::new(body, body_line).pos(offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of Markdown, plain and not, for [`plain_html_is_what_sanitizing_returns`].
    const PIECES: &[&str] = &[
        "## Kop\n\n",
        "## Kop {#eigen-id}\n\n",
        "## Kop {.klasse}\n\n",
        "## Kop {onclick=x}\n\n",
        "tekst en meer tekst ",
        "a & b < c > d \" e ' f ",
        "&amp; &copy; &#39; &lt;b&gt; ",
        "\u{a0}",
        "é ü ĳ — “aanhalingstekens” ",
        "*schuin* **vet** ~~weg~~ ",
        "`co<de> & 'x'` ",
        "\n\n```rust\nfn x() {}\n```\n\n",
        "\n\n```a\"b\nx\n```\n\n",
        "\n\n| a | b |\n|---|--:|\n| 1 & 2 | <3 |\n\n",
        "[^1]\n\n[^1]: voet\n\n",
        "[^a&b]\n\n[^a&b]: voet\n\n",
        "[link](https://x.nl/?a=1&b=2) ",
        "[link](/pad/naar/#anker) ",
        "[link](../a.md#x:y) ",
        "[link](javascript:alert(1)) ",
        "[link](JaVaScRiPt:alert(1)) ",
        "[link](<ja\tvascript:x>) ",
        "[link](data:text/html,x) ",
        "[link](mailto:a@b.nl) ",
        "[link](<met spatie>) ",
        "[link](/p/ \"titel\") ",
        "[link](/p/ 'ti\"t<el') ",
        "[link](/p/'quote) ",
        "[link](/%E2%80%94/) ",
        "[link](/ë/) ",
        "<https://x.nl/a?b=c> ",
        "<a@b.nl> ",
        "![alt](x.png) ",
        "<b>vet</b> ",
        "<script>alert(1)</script>\n\n",
        "\\<script> ",
        "regel  \nbreuk ",
        "\n\n---\n\n",
        "\n\n- punt\n- punt\n\n",
        "\n\n3. drie\n\n",
        "\n\n> citaat\n\n",
        "\n\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// HTML that skips the sanitizer is what the sanitizer would have made of it.
        #[test]
        fn plain_html_is_what_sanitizing_returns(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..10),
            label in prop::sample::select(&["Pagina", "A & B", "<b>"][..]),
        ) {
            let body = parts.concat();
            let (html, plain) =
                render_html(&body, &analyze(&body), "p-", label, Some("/p/"), &|_, _| None);
            if plain {
                prop_assert_eq!(sanitize(&html), html);
            }
        }
    }

    #[test]
    fn only_plain_markdown_skips_the_sanitizer() {
        let plain =
            |body: &str| render_html(body, &analyze(body), "", "t", Some("/p/"), &|_, _| None).1;
        assert!(plain(
            "## Kop\n\n*a* [b](/c/#d) `e` [f](https://x.nl/?a=1)\n\n| a |\n|---|\n| 1 |\n"
        ));
        for body in [
            "<b>x</b>",
            "a <span>b</span>",
            "[x](javascript:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](data:text/html,y)",
            "## Kop {onclick=x}",
            "## Kop {.klasse}",
            "![a](b.png)",
            "a\u{a0}b",
        ] {
            assert!(!plain(body), "{body}");
        }
        // Raw HTML is still sanitized.
        let html = render(
            "<b onclick=\"x()\">a</b>",
            &analyze(""),
            "",
            "t",
            None,
            &|_, _| None,
        );
        assert_eq!(html, "<p><b>a</b></p>\n");
    }

    fn plain(body: &str) -> String {
        render(body, &analyze(body), "", "test", None, &|_, _| None)
    }

    #[test]
    fn heading_ids_are_unique_and_folded() {
        let a = analyze(
            "## Cliënten & rol\n\n## Cliënten & rol\n\n### `code` kop\n\n## Eigen {#mijn-id}\n",
        );
        let ids: Vec<_> = a.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            ["clienten-rol", "clienten-rol-1", "code-kop", "mijn-id"]
        );
        assert_eq!(a.headings[2].level, 3);
    }

    #[test]
    fn tables_link_their_csv_copy_with_the_same_cells() {
        let body = "| Jaar | Cijfer |\n|---|---|\n| 2009 | *6,8* |\n| 2010 | `7,0` |\n\ntekst\n\n| a |\n|---|\n| b |\n";
        let html = render(
            body,
            &analyze(body),
            "",
            "test",
            Some("/sub/p/"),
            &|_, _| None,
        );
        assert!(
            html.contains(r#"<p class="open-data"><a href="/sub/p/tabel-1.csv" download="">Tabel 1 als CSV</a></p>"#),
            "{html}"
        );
        assert!(html.contains(r#"href="/sub/p/tabel-2.csv""#), "{html}");
        let t = analyze(body).tables;
        assert_eq!(t.len(), 2);
        assert_eq!(t[0][0], ["Jaar", "Cijfer"]);
        assert_eq!(t[0][1], ["2009", "6,8"]);
        assert_eq!(t[0][2], ["2010", "7,0"]);
        assert_eq!(t[1], [vec!["a"], vec!["b"]]);
        assert!(analyze("geen tabel").tables.is_empty());
    }

    #[test]
    fn renders_ids_with_prefix() {
        let body = "## Aanpak\n";
        let html = render(
            body,
            &analyze(body),
            "h1-",
            "test",
            Some("/sub/p/"),
            &|_, _| None,
        );
        assert_eq!(html.trim(), r#"<h2 id="h1-aanpak">Aanpak</h2>"#);
    }

    #[test]
    fn links_are_found_and_rewritten() {
        let body = "Zie [dit](../themas/a.md#x).\n\n![foto](img.png)\n";
        let a = analyze(body);
        assert_eq!(a.links.len(), 2);
        assert_eq!(a.links[0].dest, "../themas/a.md#x");
        assert_eq!(position(body, a.links[1].offset, 10).line, 12);
        let html = render(body, &a, "", "test", None, &|d, _| {
            d.ends_with("#x").then(|| "/themas/a/#x".to_string())
        });
        assert!(html.contains(r#"<a href="/themas/a/#x">dit</a>"#), "{html}");
    }

    #[test]
    fn raw_html_is_kept_but_scripts_are_removed() {
        let html = plain(
            "<div class=\"kader\">ok</div>\n\n<script>alert(2)</script>\n\n<a href=\"javascript:alert(3)\">x</a> <img src=\"x.png\" onerror=\"alert(4)\" alt=\"x\">\n",
        );
        assert!(html.contains(r#"<div class="kader">ok</div>"#), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains(r#"<img src="x.png" alt="x">"#), "{html}");
    }

    #[test]
    fn tables_are_wrapped_in_labelled_regions() {
        let html = plain("| a | b |\n|---|---|\n| 1 | 2 |\n\n## Inhoud\n");
        let open = r#"<div class="table-wrap" tabindex="0" role="region" aria-label="Tabel 1 van test"><table>"#;
        assert!(html.contains(open), "{html}");
        assert!(html.contains("</table>\n</div>"), "{html}");
        assert!(html.contains(r#"<h2 id="inhoud-1">"#), "{html}");
    }

    #[test]
    fn text_is_escaped() {
        assert!(plain("a < b & \"c\"").contains("a &lt; b &amp; \"c\""));
    }
}

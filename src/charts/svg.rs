//! The SVG document around plotters' output: the root element with its text alternative, text
//! drawn as plain `<text>` at fixed positions, and layers of shapes drawn by plotters' SVG backend.
//!
//! Determinism: coordinates from plotters are integers; the numbers written here are formatted
//! with a fixed number of decimals; no transcendental functions (whose last bit may differ
//! between C libraries) are used anywhere in the charts module, and text is never measured with
//! a font: [`text_width`] estimates widths from a built-in table for layout decisions only.

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Meta;
use super::style::{Rgb, Shape, TEXT, TEXT_2, WHITE};

/// Width of every chart's viewBox.
pub(crate) const WIDTH: f64 = 640.0;
/// Default font size, in viewBox units (at 390 px wide this is still 10.4 px).
pub(crate) const FONT: f64 = 17.0;
/// Smaller font size for tick labels, bar names and notes; the minimum used anywhere
/// (9.75 px at 390 px wide).
pub(crate) const FONT_SMALL: f64 = 16.0;
/// Outer padding.
pub(crate) const PAD: f64 = 8.0;

/// The font stack of the theme (`--lettertype`); only a default, the page's CSS may override it.
const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";

/// The drawing area of one plotters layer.
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A chart being written.
pub(crate) struct Doc {
    out: String,
    size: (u32, u32),
}

/// Horizontal anchor of a text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// How a text looks.
#[derive(Clone, Copy)]
pub(crate) struct TextStyle<'a> {
    pub class: &'a str,
    pub size: f64,
    pub anchor: Anchor,
    pub color: Rgb,
    pub bold: bool,
    /// Rotation in degrees around the text's anchor point (e.g. -45).
    pub rotate: i32,
    /// A white outline under the glyphs, to stay readable over lines.
    pub halo: bool,
}

impl TextStyle<'static> {
    /// A label: default size, dark text, start anchor.
    pub(crate) const fn label() -> Self {
        TextStyle {
            class: "chart-label",
            size: FONT,
            anchor: Anchor::Start,
            color: TEXT,
            bold: false,
            rotate: 0,
            halo: false,
        }
    }

    /// A tick label of an axis: small, secondary text colour.
    pub(crate) const fn tick() -> Self {
        TextStyle {
            class: "chart-tick",
            size: FONT_SMALL,
            anchor: Anchor::Start,
            color: TEXT_2,
            bold: false,
            rotate: 0,
            halo: false,
        }
    }
}

impl<'a> TextStyle<'a> {
    pub(crate) const fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }
    pub(crate) const fn class(mut self, class: &'a str) -> TextStyle<'a> {
        self.class = class;
        self
    }
    pub(crate) const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub(crate) const fn color(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }
    pub(crate) const fn rotate(mut self, degrees: i32) -> Self {
        self.rotate = degrees;
        self
    }
    pub(crate) const fn size(mut self, size: f64) -> Self {
        self.size = size;
        self
    }
    pub(crate) const fn halo(mut self) -> Self {
        self.halo = true;
        self
    }
}

impl Doc {
    /// Opens the root `<svg role="img">` with its `<title>` and `<desc>` and a white background.
    pub(crate) fn new(meta: &Meta, kind: &str, width: f64, height: f64) -> Doc {
        Doc::root(meta, kind, "img", width, height)
    }

    /// Like [`Doc::new`] but `role="group"`: for a chart with links inside (the map), which an
    /// image may not contain.
    pub(crate) fn new_group(meta: &Meta, kind: &str, width: f64, height: f64) -> Doc {
        Doc::root(meta, kind, "group", width, height)
    }

    fn root(meta: &Meta, kind: &str, role: &str, width: f64, height: f64) -> Doc {
        let size = (width.ceil().max(1.0) as u32, height.ceil().max(1.0) as u32);
        let id = sanitize_id(meta.id);
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
             role=\"{role}\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart chart-{kind}\" \
             font-family=\"{FONT_FAMILY}\" font-size=\"{FONT}\" fill=\"{TEXT}\">\n\
             <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n\
             <rect class=\"chart-background\" width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n",
            w = size.0,
            h = size.1,
            title = escape(meta.title),
            desc = escape(meta.desc),
        );
        Doc { out, size }
    }

    /// Appends raw markup (already escaped).
    pub(crate) fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Opens a group; `attrs` is raw markup, e.g. `class="chart-axis"`.
    pub(crate) fn open(&mut self, attrs: &str) {
        self.out.push_str("<g");
        if !attrs.is_empty() {
            self.out.push(' ');
            self.out.push_str(attrs);
        }
        self.out.push_str(">\n");
    }

    /// Opens a group with a `<title>` tooltip (escaped here).
    pub(crate) fn open_titled(&mut self, attrs: &str, title: &str) {
        self.open(attrs);
        let _ = writeln!(self.out, "<title>{}</title>", escape(title));
    }

    pub(crate) fn close(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Opens a link; the caller closes it with [`Doc::close_link`].
    pub(crate) fn open_link(&mut self, href: &str, attrs: &str) {
        let _ = writeln!(self.out, "<a href=\"{}\" {attrs}>", escape(href));
    }

    pub(crate) fn close_link(&mut self) {
        self.out.push_str("</a>\n");
    }

    /// Writes a text at a fixed position; `y` is the baseline.
    pub(crate) fn text(&mut self, x: f64, y: f64, text: &str, style: TextStyle) {
        let _ = write!(
            self.out,
            "<text class=\"{}\" x=\"{}\" y=\"{}\"",
            style.class,
            num(x),
            num(y)
        );
        match style.anchor {
            Anchor::Start => {}
            Anchor::Middle => self.out.push_str(" text-anchor=\"middle\""),
            Anchor::End => self.out.push_str(" text-anchor=\"end\""),
        }
        if style.size != FONT {
            let _ = write!(self.out, " font-size=\"{}\"", num(style.size));
        }
        if style.bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        if style.color != TEXT {
            let _ = write!(self.out, " fill=\"{}\"", style.color);
        }
        if style.halo {
            self.out.push_str(
                " stroke=\"#FFFFFF\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
            );
        }
        if style.rotate != 0 {
            let _ = write!(
                self.out,
                " transform=\"rotate({} {} {})\"",
                style.rotate,
                num(x),
                num(y)
            );
        }
        let _ = writeln!(self.out, ">{}</text>", escape(text));
    }

    /// Draws shapes with plotters' SVG backend into a group with the given attributes.
    ///
    /// Plotters works in integer coordinates; the layer is drawn at [`SCALE`] times the size
    /// of the chart and scaled back, so shapes are placed to 1/[`SCALE`] of a unit. Plotters'
    /// own `<svg>` wrapper is removed. Dash patterns on `attrs` must be given in scaled units
    /// (see [`dash`]).
    pub(crate) fn layer<F>(&mut self, attrs: &str, draw: F)
    where
        F: for<'p, 'a> FnOnce(&Pen<'p, 'a>),
    {
        let mut buf = String::new();
        {
            let size = (self.size.0 * SCALE as u32, self.size.1 * SCALE as u32);
            let area = SVGBackend::with_string(&mut buf, size).into_drawing_area();
            draw(&Pen { area: &area });
            // Drawing into a String cannot fail.
            let _ = area.present();
        }
        let inner = buf.split_once('\n').map_or("", |(_, rest)| rest);
        let inner = inner.strip_suffix("</svg>\n").unwrap_or(inner);
        let scale = format!("transform=\"scale({})\"", num_fine(1.0 / SCALE));
        if attrs.is_empty() {
            self.open(&scale);
        } else {
            self.open(&format!("{attrs} {scale}"));
        }
        self.out.push_str(inner);
        self.close();
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// Plotters layers are drawn at this many times the chart's size (see [`Doc::layer`]).
pub(crate) const SCALE: f64 = 4.0;

/// A dash pattern (in chart units) for the attributes of a layer.
pub(crate) fn dash(pattern: &[f64]) -> String {
    let parts: Vec<String> = pattern.iter().map(|v| num(v * SCALE)).collect();
    format!("stroke-dasharray=\"{}\"", parts.join(" "))
}

/// Draws shapes in chart coordinates (f64) on a plotters layer.
pub(crate) struct Pen<'p, 'a> {
    area: &'p Area<'a>,
}

fn p((x, y): (f64, f64)) -> (i32, i32) {
    ((x * SCALE).round() as i32, (y * SCALE).round() as i32)
}

fn stroke(width: f64) -> u32 {
    (width * SCALE).round().max(1.0) as u32
}

impl Pen<'_, '_> {
    /// A filled rectangle between two corners.
    pub(crate) fn rect(&self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), color: Rgb) {
        let _ = self.area.draw(&Rectangle::new(
            [p((x0, y0)), p((x1, y1))],
            color.color().filled(),
        ));
    }

    /// An open polyline.
    pub(crate) fn line(&self, points: &[(f64, f64)], color: Rgb, width: f64) {
        if points.len() < 2 {
            return;
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|&q| p(q)).collect();
        let _ = self.area.draw(&PathElement::new(
            pts,
            color.color().stroke_width(stroke(width)),
        ));
    }

    /// A filled polygon.
    pub(crate) fn polygon(&self, points: &[(f64, f64)], color: Rgb) {
        if points.len() < 3 {
            return;
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|&q| p(q)).collect();
        let _ = self.area.draw(&Polygon::new(pts, color.color().filled()));
    }

    /// A filled circle.
    pub(crate) fn circle(&self, center: (f64, f64), r: f64, color: Rgb) {
        let r = (r * SCALE).round().max(1.0) as i32;
        let _ = self
            .area
            .draw(&Circle::new(p(center), r, color.color().filled()));
    }

    /// A circle outline.
    pub(crate) fn ring(&self, center: (f64, f64), r: f64, color: Rgb, width: f64) {
        let r = (r * SCALE).round().max(1.0) as i32;
        let _ = self.area.draw(&Circle::new(
            p(center),
            r,
            color.color().stroke_width(stroke(width)),
        ));
    }

    /// A marker of `shape` about `r` in radius, on a white halo of `halo` units when `halo > 0`.
    pub(crate) fn marker(&self, shape: Shape, c: (f64, f64), r: f64, color: Rgb, halo: f64) {
        if halo > 0.0 {
            match shape {
                Shape::Ring => self.circle(c, r + halo, WHITE),
                _ => self.shape(shape, c, r + halo, WHITE),
            }
        }
        match shape {
            Shape::Ring => {
                self.circle(c, r, WHITE);
                self.ring(c, r - 1.0, color, 2.0);
            }
            _ => self.shape(shape, c, r, color),
        }
    }

    fn shape(&self, shape: Shape, (x, y): (f64, f64), r: f64, color: Rgb) {
        // sqrt(3) / 2, without trigonometry.
        const H: f64 = 0.866_025_403_784_438_6;
        let at = |pts: &[(f64, f64)]| -> Vec<(f64, f64)> {
            pts.iter().map(|(dx, dy)| (x + dx, y + dy)).collect()
        };
        match shape {
            Shape::Circle | Shape::Ring => self.circle((x, y), r, color),
            Shape::Square => {
                let h = r * 0.88;
                self.rect((x - h, y - h), (x + h, y + h), color);
            }
            Shape::Diamond => {
                let d = r * 1.25;
                self.polygon(&at(&[(0.0, -d), (d, 0.0), (0.0, d), (-d, 0.0)]), color);
            }
            Shape::TriangleUp | Shape::TriangleDown => {
                let t = r * 1.5;
                let s = if shape == Shape::TriangleUp {
                    1.0
                } else {
                    -1.0
                };
                // Centred on the middle of its height rather than its centroid.
                let pts = [
                    (0.0, s * -t * 0.75),
                    (t * H, s * t * 0.75),
                    (-t * H, s * t * 0.75),
                ];
                self.polygon(&at(&pts), color);
            }
            Shape::Plus => {
                let (a, b) = (r * 0.42, r * 1.15);
                let pts = [
                    (-a, -b),
                    (a, -b),
                    (a, -a),
                    (b, -a),
                    (b, a),
                    (a, a),
                    (a, b),
                    (-a, b),
                    (-a, a),
                    (-b, a),
                    (-b, -a),
                    (-a, -a),
                ];
                self.polygon(&at(&pts), color);
            }
        }
    }
}

/// A coordinate for an attribute: at most one decimal, no trailing `.0`, no `-0`.
pub(crate) fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{:.1}", v);
    let s = s.strip_suffix(".0").unwrap_or(&s);
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A number with up to four decimals, no trailing zeros.
pub(crate) fn num_fine(v: f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Escapes text for XML content and attributes; drops characters XML 1.0 does not allow.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Keeps the characters of an id prefix that are safe in an XML id and in `aria-labelledby`.
pub(crate) fn sanitize_id(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "chart".to_owned() } else { s }
}

/// Advance widths of ASCII 32..=126 in 1/1000 em, as in the Helvetica/Arial metrics (the widths
/// of the common sans-serif system fonts are within ~10 % of these).
const WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0..9
    278, 278, 584, 584, 584, 556, 1015, // :..@
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A..M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N..Z
    278, 278, 278, 469, 556, 333, // [..`
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a..m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n..z
    334, 260, 334, 584, // {..~
];

/// Estimated width of `text` at font size `size`, with a 10 % margin for wider fonts.
///
/// Used only to decide wrapping, label thinning and margins, never written to the output, so
/// the SVG does not depend on any font.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let units: u32 = text
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(WIDTHS[c as usize - 32]),
            '\u{a0}' | '\u{2009}' | '\u{202f}' | '·' => 278,
            '–' => 556,
            '—' | '…' => 1000,
            c if c.is_uppercase() => 722,
            c if c.is_alphabetic() => 556,
            _ => 600,
        })
        .sum();
    f64::from(units) / 1000.0 * size * 1.1
}

/// Splits `text` into lines of at most `max` wide (estimated); a single word that is too long is
/// shortened with an ellipsis.
pub(crate) fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| shorten(&l, size, max)).collect()
}

/// Shortens `text` with an ellipsis so that it is at most `max` wide (estimated).
pub(crate) fn shorten(text: &str, size: f64, max: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > max {
            out.pop();
            break;
        }
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

/// Formats a number with `decimals` decimals the Dutch way: decimal comma, and a point between
/// thousands from 10 000 up.
pub(crate) fn format_number(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => ("-", rest),
        Some(rest) => ("", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut grouped = String::new();
    if int.len() > 4 {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
    } else {
        grouped.push_str(int);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// A value with its unit: percentages are whole numbers truncated toward zero (the Landkaart's
/// convention: 95.9 shows as 95), other values get `decimals` decimals.
pub(crate) fn format_value(v: f64, decimals: usize, unit: &str) -> String {
    match unit {
        "%" => format!("{} %", format_number(v.trunc(), 0)),
        "" => format_number(v, decimals),
        u => format!("{} {u}", format_number(v, decimals)),
    }
}

/// The number of decimals needed to show all `values` (0 or 1).
pub(crate) fn decimals_for(values: impl IntoIterator<Item = f64>) -> usize {
    if values.into_iter().all(|v| (v * 10.0).round() % 10.0 == 0.0) {
        0
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_the_dutch_way_without_float_noise() {
        assert_eq!(format_number(0.1 + 0.2, 1), "0,3");
        assert_eq!(format_number(7.0, 1), "7,0");
        assert_eq!(format_number(-0.04, 1), "0,0");
        assert_eq!(format_number(1234.0, 0), "1234");
        assert_eq!(format_number(12345.6, 1), "12.345,6");
        assert_eq!(format_number(-1234567.0, 0), "-1.234.567");
        assert_eq!(format_value(95.9, 0, "%"), "95 %");
        assert_eq!(format_value(6.85, 1, ""), "6,8");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(3.25), "3.2");
    }

    #[test]
    fn escaping_and_ids() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(sanitize_id("wp den-bosch/1"), "wp-den-bosch-1");
        assert_eq!(sanitize_id(""), "chart");
    }

    #[test]
    fn wrapping_keeps_words_and_shortens_long_ones() {
        let lines = wrap("Alle ketenpartijen (alle gemeenten) betrokken", 16.0, 200.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 16.0) <= 200.0));
        let short = shorten("Ondersteuningsmogelijkheden", 16.0, 80.0);
        assert!(short.ends_with('…') && text_width(&short, 16.0) <= 80.0);
    }
}

//! Charts as SVG text, drawn with plotters' SVG backend at build time.
//!
//! Every function here is pure: data in, a complete `<svg>` element out, no I/O, no global
//! state, so the build can render the charts of all werkpleinen in parallel.
//!
//! - **The same bytes on every machine.** Shapes are drawn by plotters (integer coordinates, on
//!   a layer 4× the chart's size that is scaled back, so positions are exact to ¼ unit). Text
//!   is not drawn by plotters: it is written as plain `<text>` elements at fixed positions with
//!   `text-anchor`, so no font is loaded or measured and nothing depends on the fonts
//!   installed. Where a layout decision needs the width of a text (wrapping a long mijlpaal
//!   name, thinning x-axis labels, the width of the y-axis labels) it is estimated from a
//!   built-in table of advance widths (Helvetica/Arial metrics plus 10 %). Numbers are written
//!   with fixed decimals, and no platform maths (`sin`, `log10`, `powf`…) is used.
//! - **Accessible.** The root `<svg>` has `role="img"` and `aria-labelledby` pointing at its
//!   `<title>` and `<desc>` (ids `<id>-title` and `<id>-desc`, from [`Meta::id`]); the page
//!   should show the same figures in a table or list. Colours have ≥ 3:1 contrast on white and
//!   are distinguishable with colour-vision deficiencies (see the palette in `style.rs`);
//!   a band is never shown by colour alone: bars carry a text label, map dots a shape, and
//!   every chart with bands has a legend. Bars, points and dots have a `<title>` tooltip.
//! - **Scalable.** A `viewBox` 640 units wide with `width="100%"`; text is at least 15 units,
//!   x-axis labels are thinned out to at most 14 and rotated by 45° when they do not fit.
//! - **Themeable.** Elements carry classes (`chart`, `chart-<kind>`, `chart-axis`,
//!   `chart-grid`, `chart-label`, `chart-tick`, `chart-legend`, `chart-series`,
//!   `chart-primary`, `chart-comparison`, `chart-target`, `chart-point`, `chart-bar`,
//!   `chart-segment`, `chart-dot`, `chart-missing`, `band-<i>`…) and inline fill/stroke
//!   defaults, so a chart looks right on its own too.
//!
//! Text passed in (names, labels, titles, links) is XML-escaped. Percentages are shown as whole
//! numbers truncated toward zero, like the Landkaart's tables.

mod axis;
mod bars;
mod line;
mod map;
mod style;
mod svg;
#[cfg(test)]
mod tests;

pub use map::parse_outline;

/// A score band, e.g. "In ontwikkeling". Bands are given worst first; the position in the
/// list is the band index used by [`Bar::band`] and [`Dot::band`]. 2 to 6 bands get distinct
/// colours and shapes; more repeat them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub naam: String,
}

/// What every chart needs besides its data.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    /// Prefix of the ids in the SVG (`<id>-title`, `<id>-desc`); must be unique within the
    /// page. Characters other than ASCII letters, digits, `-` and `_` become `-`.
    pub id: &'a str,
    /// Short title: what the chart shows.
    pub title: &'a str,
    /// Description: the chart's content in words (e.g. the latest value and the trend).
    pub desc: &'a str,
}

/// A series of a [`line_chart`]: one value per label, `None` where there is none (the line is
/// interrupted there).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    pub kind: SeriesKind,
}

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// The subject (e.g. the werkplein): dark blue, thick, round markers.
    Primary,
    /// What it is compared with (e.g. the national average): grey, square markers.
    Comparison,
    /// A target: a dashed step line, each value spanning its period.
    Target,
}

/// A group of bars of [`grouped_bars`], e.g. a fase with its mijlpalen.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    pub naam: String,
    pub bars: Vec<Bar>,
}

/// A bar of [`grouped_bars`]: a score 0–100 and its band; `value: None` = not reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub naam: String,
    pub value: Option<f64>,
    pub band: Option<usize>,
}

/// A werkplein on the [`map`].
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub lon: f64,
    pub lat: f64,
    /// Index in the bands; `None` (or an index out of range) = not reported: a grey ring.
    pub band: Option<usize>,
    /// The link of the dot (the werkplein's page).
    pub href: String,
    /// The dot's tooltip, e.g. "Werkplein Utrecht: 67 %".
    pub label: String,
}

/// A line chart over periods, e.g. a werkplein's total score per tertaal against the national
/// average (`y_min` 0, `y_max` 100, `unit` "%"), or the client rating per meting against the
/// target 7.0 and the national mean (1–10, unit "").
///
/// `labels` are the x-axis labels (periods); every series has one value per label. Values
/// outside `y_min..=y_max` are drawn at the edge. Primary series are drawn on top of
/// comparisons and targets; every point has a tooltip "label, series: value".
pub fn line_chart(
    meta: &Meta,
    labels: &[String],
    series: &[Series],
    y_min: f64,
    y_max: f64,
    unit: &str,
) -> String {
    line::line_chart(meta, labels, series, y_min, y_max, unit)
}

/// Horizontal bars grouped under headings, e.g. the 14 mijlpalen of a werkplein per fase:
/// each bar 0–100 % in the colour of its band, with a label "67 % · Gedeeltelijk" after it;
/// a bar without value reads "niet gerapporteerd".
pub fn grouped_bars(meta: &Meta, groups: &[BarGroup], bands: &[Band]) -> String {
    bars::grouped_bars(meta, groups, bands)
}

/// Vertical bars with a target per x, e.g. the monthly outflow against its streefwaarde: the
/// bars in dark blue, the target as a dashed step line. `values` and `targets` are aligned
/// with `labels`; `value_name` and `target_name` label the legend and tooltips.
pub fn bars_with_target(
    meta: &Meta,
    labels: &[String],
    values: &[Option<f64>],
    targets: &[Option<f64>],
    value_name: &str,
    target_name: &str,
) -> String {
    bars::bars_with_target(meta, labels, values, targets, value_name, target_name)
}

/// Horizontal 100 % stacked bars, e.g. per fase the number of werkpleinen in each band: one
/// row per `(name, counts)`, counts in the order of `bands` (extra counts are ignored). Each
/// segment shows its count when it fits and has a tooltip "fase, band: n van total (p %)".
pub fn stacked_bands(meta: &Meta, rows: &[(String, Vec<u32>)], bands: &[Band]) -> String {
    bars::stacked_bands(meta, rows, bands)
}

/// A map: the `outline` rings (lon, lat; see [`parse_outline`]) and one dot per werkplein,
/// coloured and shaped by its band, each a link with a tooltip, and a legend with the number
/// of dots per band. Equirectangular projection with x scaled by cos(52°), fitted to the
/// bounding box of the outline and the dots.
pub fn map(meta: &Meta, outline: &[Vec<(f64, f64)>], dots: &[Dot], bands: &[Band]) -> String {
    map::map(meta, outline, dots, bands)
}

/// How band `i` of `n` looks in the charts, for legends and labels in HTML: its colour
/// (`#RRGGBB`) and the name of its map marker shape (`driehoek-omlaag`, `vierkant`, `ruit`,
/// `driehoek-omhoog`, `plus`, `cirkel`).
pub fn band_swatch(i: usize, n: usize) -> (String, &'static str) {
    let shape = match style::band_shape(i, n) {
        style::Shape::Circle | style::Shape::Ring => "cirkel",
        style::Shape::Square => "vierkant",
        style::Shape::Diamond => "ruit",
        style::Shape::TriangleUp => "driehoek-omhoog",
        style::Shape::TriangleDown => "driehoek-omlaag",
        style::Shape::Plus => "plus",
    };
    (style::band_color(i, n).to_string(), shape)
}

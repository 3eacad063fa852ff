//! Axes, ticks and legends shared by the charts.

use super::style::{DASH, GRID, Rgb, Shape, TEXT_2};
use super::svg::{
    Anchor, Doc, FONT, FONT_SMALL, PAD, Pen, TextStyle, WIDTH, dash, shorten, text_width,
};

/// At most this many labels on an x axis.
pub(crate) const MAX_X_LABELS: usize = 14;
/// sqrt(2) / 2, for labels rotated by 45°.
const R45: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// A "nice" step (1, 2, 2.5 or 5 × 10^k) for about `target` intervals over `range`.
///
/// Uses only multiplication and division (no `log10`/`powf`, whose results may differ in the
/// last bit between C libraries), so the ticks are the same on every machine.
pub(crate) fn nice_step(range: f64, target: f64) -> f64 {
    let raw = range / target.max(1.0);
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let mut mag = 1.0;
    while mag * 10.0 <= raw {
        mag *= 10.0;
    }
    while mag > raw {
        mag /= 10.0;
    }
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// Decimals needed to write multiples of `step`.
pub(crate) fn step_decimals(step: f64) -> usize {
    if (step - step.round()).abs() < 1e-9 {
        0
    } else if (step * 10.0 - (step * 10.0).round()).abs() < 1e-9 {
        1
    } else {
        2
    }
}

/// The multiples of `step` within `[min, max]`.
pub(crate) fn ticks(min: f64, max: f64, step: f64) -> Vec<f64> {
    if !(step > 0.0 && min.is_finite() && max.is_finite() && max >= min) {
        return Vec::new();
    }
    let first = (min / step - 1e-9).ceil() as i64;
    let last = (max / step + 1e-9).floor() as i64;
    (first..=last.min(first + 100))
        .map(|k| k as f64 * step)
        .collect()
}

/// How the labels of an x axis with one slot per label are shown.
pub(crate) struct XLabels {
    /// Shortened label texts.
    pub texts: Vec<String>,
    /// Every `step`-th label is shown, counted back from the last one.
    pub step: usize,
    /// Rotated by 45° (anchor at the end of the text).
    pub rotate: bool,
    /// Height below the axis line.
    pub height: f64,
    /// How far a rotated label reaches left of its slot's centre.
    pub overhang: f64,
}

/// The horizontal layout of a chart with a slot per label: the plot's left and right edges,
/// the width of a slot and the x-axis labels (the plot moves right when rotated labels would
/// reach out of the chart on the left).
pub(crate) struct XAxis {
    pub left: f64,
    pub right: f64,
    pub slot: f64,
    pub labels: XLabels,
}

impl XAxis {
    /// For `labels`, with y-axis tick labels `tick_w` wide on the left.
    pub(crate) fn plan(labels: &[String], tick_w: f64) -> XAxis {
        let n = labels.len().max(1) as f64;
        let right = WIDTH - PAD - 6.0;
        let mut left = PAD + tick_w + 12.0;
        let mut xl = XLabels::plan(labels, (right - left) / n);
        if xl.rotate {
            let slot = (right - left) / n;
            let needed = PAD + xl.overhang - slot / 2.0;
            if needed > left {
                left = needed;
                xl = XLabels::plan(labels, (right - left) / n);
            }
        }
        XAxis {
            left,
            right,
            slot: (right - left) / n,
            labels: xl,
        }
    }
}

impl XLabels {
    /// Plans the labels for slots `slot` wide.
    pub(crate) fn plan(labels: &[String], slot: f64) -> XLabels {
        let texts: Vec<String> = labels
            .iter()
            .map(|l| shorten(l, FONT_SMALL, 130.0))
            .collect();
        let n = texts.len();
        let widest = texts
            .iter()
            .map(|t| text_width(t, FONT_SMALL))
            .fold(0.0, f64::max);
        let slot = slot.max(1.0);
        let cap = n.div_ceil(MAX_X_LABELS).max(1);
        let horizontal = (((widest + 10.0) / slot).ceil() as usize).max(cap);
        let rotated = (((FONT_SMALL * 1.6) / slot).ceil() as usize).max(cap);
        if n == 0 {
            XLabels {
                texts,
                step: 1,
                rotate: false,
                height: 8.0,
                overhang: 0.0,
            }
        } else if horizontal <= rotated {
            XLabels {
                texts,
                step: horizontal,
                rotate: false,
                height: FONT_SMALL + 14.0,
                overhang: 0.0,
            }
        } else {
            XLabels {
                texts,
                step: rotated,
                rotate: true,
                height: (widest + FONT_SMALL) * R45 + 16.0,
                overhang: widest * R45,
            }
        }
    }

    /// Whether label `i` is shown.
    pub(crate) fn shown(&self, i: usize) -> bool {
        (self.texts.len() - 1 - i).is_multiple_of(self.step)
    }

    /// Writes the shown labels under the axis at `axis_y`; `x(i)` is the centre of slot `i`.
    pub(crate) fn draw(&self, doc: &mut Doc, axis_y: f64, x: impl Fn(usize) -> f64) {
        doc.open("class=\"chart-axis chart-axis-x\"");
        for (i, t) in self.texts.iter().enumerate() {
            if !self.shown(i) {
                continue;
            }
            if self.rotate {
                let style = TextStyle::tick().anchor(Anchor::End).rotate(-45);
                doc.text(x(i) + 5.0, axis_y + 12.0, t, style);
            } else {
                let style = TextStyle::tick().anchor(Anchor::Middle);
                doc.text(x(i), axis_y + 6.0 + FONT_SMALL, t, style);
            }
        }
        doc.close();
    }
}

/// Draws horizontal grid lines with tick labels at the left of a plot.
pub(crate) fn y_grid(
    doc: &mut Doc,
    (left, right): (f64, f64),
    ticks: &[(f64, String)],
    y: impl Fn(f64) -> f64,
) {
    let ys: Vec<f64> = ticks.iter().map(|(v, _)| y(*v)).collect();
    doc.layer("class=\"chart-grid\"", |pen| {
        for &gy in &ys {
            pen.line(&[(left, gy), (right, gy)], GRID, 1.0);
        }
    });
    doc.open("class=\"chart-axis chart-axis-y\"");
    for ((_, label), gy) in ticks.iter().zip(&ys) {
        let style = TextStyle::tick().anchor(Anchor::End);
        doc.text(left - 8.0, gy + FONT_SMALL * 0.35, label, style);
    }
    doc.close();
}

/// What a legend entry shows before its label.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    /// A line, dashed or not, with an optional marker in the middle.
    Line {
        color: Rgb,
        width: f64,
        dashed: bool,
        marker: Option<Shape>,
    },
    /// A filled square.
    Block(Rgb),
    /// A map marker.
    Marker(Shape, Rgb),
}

impl Swatch {
    fn width(self) -> f64 {
        match self {
            Swatch::Line { .. } => 34.0,
            Swatch::Block(_) | Swatch::Marker(..) => 18.0,
        }
    }
}

/// A legend entry.
pub(crate) struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
    /// Extra classes, e.g. `band-2`.
    pub class: String,
}

const LEGEND_ROW: f64 = 26.0;
const LEGEND_GAP: f64 = 22.0;

/// Positions of the legend items (x of the swatch, row) within `width`.
fn legend_layout(items: &[LegendItem], width: f64) -> Vec<(f64, usize)> {
    let mut out = Vec::with_capacity(items.len());
    let (mut x, mut row) = (0.0, 0);
    for item in items {
        let w = item.swatch.width() + 8.0 + text_width(&item.label, FONT);
        if x > 0.0 && x + w > width {
            x = 0.0;
            row += 1;
        }
        out.push((x, row));
        x += w + LEGEND_GAP;
    }
    out
}

/// The height of a legend laid out within `width`.
pub(crate) fn legend_height(items: &[LegendItem], width: f64) -> f64 {
    legend_layout(items, width)
        .last()
        .map_or(0.0, |(_, row)| (*row + 1) as f64 * LEGEND_ROW)
}

/// Draws a legend with its top left corner at `(x0, y0)`; returns its height.
pub(crate) fn legend(doc: &mut Doc, items: &[LegendItem], (x0, y0): (f64, f64), width: f64) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let layout = legend_layout(items, width);
    doc.open("class=\"chart-legend\"");
    for (item, &(x, row)) in items.iter().zip(&layout) {
        let cy = y0 + row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let sx = x0 + x;
        let sw = item.swatch.width();
        let mut attrs = String::from("class=\"chart-legend-item");
        if !item.class.is_empty() {
            attrs.push(' ');
            attrs.push_str(&item.class);
        }
        attrs.push('"');
        doc.open(&attrs);
        let swatch = item.swatch;
        let layer_attrs = match swatch {
            Swatch::Line { dashed: true, .. } => dash(&DASH),
            _ => String::new(),
        };
        doc.layer(&layer_attrs, |pen: &Pen| match swatch {
            Swatch::Line {
                color,
                width,
                marker,
                ..
            } => {
                pen.line(&[(sx, cy), (sx + sw, cy)], color, width);
                if let Some(shape) = marker {
                    pen.marker(shape, (sx + sw / 2.0, cy), 5.0, color, 2.0);
                }
            }
            Swatch::Block(color) => pen.rect((sx, cy - 8.0), (sx + 16.0, cy + 8.0), color),
            Swatch::Marker(shape, color) => pen.marker(shape, (sx + 8.0, cy), 6.0, color, 0.0),
        });
        let style = TextStyle::label().class("chart-legend-label");
        doc.text(sx + sw + 8.0, cy + FONT * 0.35, &item.label, style);
        doc.close();
    }
    doc.close();
    legend_height(items, width)
}

/// A note in the middle of an empty plot ("Geen gegevens").
pub(crate) fn empty_note(doc: &mut Doc, (x, y): (f64, f64)) {
    let style = TextStyle::label()
        .class("chart-empty")
        .anchor(Anchor::Middle)
        .color(TEXT_2);
    doc.text(x, y, "Geen gegevens", style);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps_and_ticks() {
        assert_eq!(nice_step(100.0, 5.0), 20.0);
        assert_eq!(nice_step(9.0, 5.0), 2.0);
        assert_eq!(nice_step(9.0, 9.0), 1.0);
        assert_eq!(nice_step(1234.0, 5.0), 250.0);
        assert_eq!(nice_step(0.7, 5.0), 0.2);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
        assert_eq!(
            ticks(0.0, 100.0, 20.0),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(ticks(1.0, 10.0, 2.0), vec![2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(step_decimals(0.2), 1);
        assert_eq!(step_decimals(2.5), 1);
        assert_eq!(step_decimals(250.0), 0);
    }

    #[test]
    fn x_labels_thin_out_and_rotate() {
        let periods: Vec<String> = (0..12)
            .map(|i| format!("{}-t{}", 2008 + i / 3, i % 3 + 1))
            .collect();
        let plan = XLabels::plan(&periods, 560.0 / 12.0);
        assert!(plan.rotate && plan.step == 1);
        let months: Vec<String> = (0..36)
            .map(|i| format!("{}-{:02}", 2009 + i / 12, i % 12 + 1))
            .collect();
        let plan = XLabels::plan(&months, 560.0 / 36.0);
        assert!((0..36).filter(|&i| plan.shown(i)).count() <= MAX_X_LABELS);
        assert!(plan.shown(35));
        let short: Vec<String> = (1..=4).map(|i| format!("T{i}")).collect();
        let plan = XLabels::plan(&short, 140.0);
        assert!(!plan.rotate && plan.step == 1);
    }
}

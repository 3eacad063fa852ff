//! Line chart over periods.

use super::axis::{
    LegendItem, Swatch, XAxis, empty_note, legend, legend_height, nice_step, step_decimals, ticks,
    y_grid,
};
use super::style::{AXIS, DASH, GREY, Rgb, Shape, TARGET, primary};
use super::svg::{Doc, FONT_SMALL, PAD, WIDTH, dash, decimals_for, format_number, format_value};
use super::{Meta, Series, SeriesKind};

const PLOT_HEIGHT: f64 = 250.0;

/// How a series is drawn.
struct Look {
    color: Rgb,
    width: f64,
    marker: Option<Shape>,
    class: &'static str,
}

fn looks(series: &[Series]) -> Vec<Look> {
    let (mut primaries, mut comparisons) = (0, 0);
    series
        .iter()
        .map(|s| match s.kind {
            SeriesKind::Primary => {
                let i = primaries;
                primaries += 1;
                let shapes = [Shape::Circle, Shape::Diamond, Shape::TriangleUp];
                Look {
                    color: primary(i),
                    width: 3.0,
                    marker: Some(shapes[i % shapes.len()]),
                    class: "chart-primary",
                }
            }
            SeriesKind::Comparison => {
                let i = comparisons;
                comparisons += 1;
                let shapes = [Shape::Square, Shape::TriangleDown, Shape::Ring];
                Look {
                    color: GREY,
                    width: 2.0,
                    marker: Some(shapes[i % shapes.len()]),
                    class: "chart-comparison",
                }
            }
            SeriesKind::Target => Look {
                color: TARGET,
                width: 2.0,
                marker: None,
                class: "chart-target",
            },
        })
        .collect()
}

/// A tick label: the number with the step's decimals and the unit.
fn tick_label(v: f64, decimals: usize, unit: &str) -> String {
    match unit {
        "" => format_number(v, decimals),
        "%" => format!("{} %", format_number(v, decimals)),
        u => format!("{} {u}", format_number(v, decimals)),
    }
}

/// The value of a series at `i`, if it is a finite number.
fn value(s: &Series, i: usize) -> Option<f64> {
    s.values.get(i).copied().flatten().filter(|v| v.is_finite())
}

pub(crate) fn line_chart(
    meta: &Meta,
    labels: &[String],
    series: &[Series],
    y_min: f64,
    y_max: f64,
    unit: &str,
) -> String {
    let n = labels.len();
    let (y_min, y_max) = if y_min.is_finite() && y_max.is_finite() && y_max > y_min {
        (y_min, y_max)
    } else {
        (0.0, 100.0)
    };
    let looks = looks(series);

    // Legend on top.
    let items: Vec<LegendItem> = series
        .iter()
        .zip(&looks)
        .map(|(s, look)| LegendItem {
            swatch: Swatch::Line {
                color: look.color,
                width: look.width,
                dashed: s.kind == SeriesKind::Target,
                marker: look.marker,
            },
            label: s.name.clone(),
            class: look.class.to_owned(),
        })
        .collect();
    let inner = WIDTH - 2.0 * PAD;
    let legend_h = legend_height(&items, inner);

    // Y axis.
    let step = nice_step(y_max - y_min, 9.0);
    let decimals = step_decimals(step);
    let y_ticks: Vec<(f64, String)> = ticks(y_min, y_max, step)
        .into_iter()
        .map(|v| (v, tick_label(v, decimals, unit)))
        .collect();
    let tick_w = y_ticks
        .iter()
        .map(|(_, l)| super::svg::text_width(l, FONT_SMALL))
        .fold(0.0, f64::max);
    let XAxis {
        left,
        right,
        slot,
        labels: xl,
    } = XAxis::plan(labels, tick_w);
    let top = PAD + legend_h + 16.0;
    let bottom = top + PLOT_HEIGHT;
    let height = bottom + xl.height + PAD;

    let x = |i: usize| left + (i as f64 + 0.5) * slot;
    let y = |v: f64| bottom - (v.clamp(y_min, y_max) - y_min) / (y_max - y_min) * PLOT_HEIGHT;

    let mut doc = Doc::new(meta, "line", WIDTH, height);
    legend(&mut doc, &items, (PAD, PAD), inner);
    y_grid(&mut doc, (left, right), &y_ticks, y);
    doc.layer("class=\"chart-axis-line\"", |pen| {
        pen.line(&[(left, bottom), (right, bottom)], AXIS, 1.0);
    });
    xl.draw(&mut doc, bottom, x);

    let decimals = decimals_for(
        series
            .iter()
            .flat_map(|s| (0..n).filter_map(|i| value(s, i))),
    );
    let mut any = false;
    // Comparisons first, then targets, primaries on top.
    for kind in [
        SeriesKind::Comparison,
        SeriesKind::Target,
        SeriesKind::Primary,
    ] {
        for (si, (s, look)) in series.iter().zip(&looks).enumerate() {
            if s.kind != kind {
                continue;
            }
            // Runs of consecutive values.
            let mut runs: Vec<Vec<(usize, f64)>> = Vec::new();
            for i in 0..n {
                if let Some(v) = value(s, i) {
                    match runs.last_mut() {
                        Some(run) if run.last().is_some_and(|(j, _)| j + 1 == i) => {
                            run.push((i, v))
                        }
                        _ => runs.push(vec![(i, v)]),
                    }
                }
            }
            any |= !runs.is_empty();
            let is_target = s.kind == SeriesKind::Target;
            let attrs = format!("class=\"chart-series chart-series-{si} {}\"", look.class);
            if is_target {
                // The tooltip of a target line: its value, or its range.
                let values: Vec<f64> = runs.iter().flatten().map(|&(_, v)| v).collect();
                let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let title = if values.is_empty() {
                    s.name.clone()
                } else if lo == hi {
                    format!("{}: {}", s.name, format_value(lo, decimals, unit))
                } else {
                    format!(
                        "{}: {} tot {}",
                        s.name,
                        format_value(lo, decimals, unit),
                        format_value(hi, decimals, unit)
                    )
                };
                doc.open_titled(&attrs, &title);
            } else {
                doc.open(&attrs);
            }
            let attrs = if is_target {
                format!(
                    "class=\"chart-line\" stroke-linejoin=\"round\" {}",
                    dash(&DASH)
                )
            } else {
                "class=\"chart-line\" stroke-linejoin=\"round\" stroke-linecap=\"round\"".to_owned()
            };
            doc.layer(&attrs, |pen| {
                for run in &runs {
                    let points: Vec<(f64, f64)> = if is_target {
                        // A step line: each target spans its slot.
                        run.iter()
                            .flat_map(|&(i, v)| {
                                let c = x(i);
                                [(c - slot / 2.0, y(v)), (c + slot / 2.0, y(v))]
                            })
                            .collect()
                    } else {
                        run.iter().map(|&(i, v)| (x(i), y(v))).collect()
                    };
                    pen.line(&points, look.color, look.width);
                }
            });
            if let Some(shape) = look.marker {
                for &(i, v) in runs.iter().flatten() {
                    let title = format!(
                        "{}, {}: {}",
                        labels[i],
                        s.name,
                        format_value(v, decimals, unit)
                    );
                    doc.open_titled("class=\"chart-point\"", &title);
                    doc.layer("", |pen| {
                        pen.marker(shape, (x(i), y(v)), 5.0, look.color, 2.0);
                    });
                    doc.close();
                }
            }
            doc.close();
        }
    }
    if !any {
        empty_note(&mut doc, ((left + right) / 2.0, top + PLOT_HEIGHT / 2.0));
    }
    doc.finish()
}

//! Bar charts: horizontal bars grouped by fase, vertical bars against a target, and 100 %
//! stacked bars of band counts.

use super::axis::{
    LegendItem, Swatch, XAxis, legend, legend_height, nice_step, step_decimals, ticks, y_grid,
};
use super::style::{AXIS, DASH, GRID, PRIMARY, TARGET, TEXT_2, TRACK, WHITE, band_color, text_on};
use super::svg::{
    Anchor, Doc, FONT, FONT_SMALL, PAD, TextStyle, WIDTH, dash, decimals_for, format_number,
    format_value, text_width, wrap,
};
use super::{Band, BarGroup, Meta};

const NOT_REPORTED: &str = "niet gerapporteerd";

/// The band of a bar, if it names one of `bands`.
fn band_of(band: Option<usize>, bands: &[Band]) -> Option<usize> {
    band.filter(|&b| b < bands.len())
}

/// Tick labels at the ends of a 0–100 % axis stay inside the chart.
fn percent_anchor(v: f64) -> Anchor {
    if v <= 0.0 {
        Anchor::Start
    } else if v >= 100.0 {
        Anchor::End
    } else {
        Anchor::Middle
    }
}

/// The percentage ticks 0, 25, 50, 75, 100 with their labels.
fn percent_ticks() -> Vec<(f64, String)> {
    (0..=4)
        .map(|i| {
            let v = f64::from(i) * 25.0;
            (v, format!("{} %", format_number(v, 0)))
        })
        .collect()
}

pub(crate) fn grouped_bars(meta: &Meta, groups: &[BarGroup], bands: &[Band]) -> String {
    const LINE: f64 = FONT_SMALL * 1.25;
    const HEADING: f64 = FONT * 1.25;
    const BAR: f64 = 18.0;
    let inner = WIDTH - 2.0 * PAD;
    // The column of value labels at the right of the bars.
    let label_w = bands
        .iter()
        .map(|b| text_width(&format!("100 % · {}", b.naam), FONT_SMALL))
        .fold(text_width(NOT_REPORTED, FONT_SMALL), f64::max)
        .min(230.0);
    let x0 = PAD;
    let scale = inner - label_w - 12.0;
    let label_x = x0 + scale + 10.0;
    let bar_x = |v: f64| x0 + v.clamp(0.0, 100.0) / 100.0 * scale;

    // Layout first: the height depends on how names wrap.
    enum Row {
        Heading(Vec<String>, f64),
        Bar {
            lines: Vec<String>,
            y: f64,
            group: usize,
            bar: usize,
        },
    }
    let mut rows = Vec::new();
    let mut y = PAD;
    for (gi, g) in groups.iter().enumerate() {
        let lines = wrap(&g.naam, FONT, inner);
        let n = lines.len() as f64;
        rows.push(Row::Heading(lines, y));
        y += n * HEADING + 6.0;
        for (bi, b) in g.bars.iter().enumerate() {
            let lines = wrap(&b.naam, FONT_SMALL, inner);
            let n = lines.len() as f64;
            rows.push(Row::Bar {
                lines,
                y,
                group: gi,
                bar: bi,
            });
            y += n * LINE + 4.0 + BAR + 10.0;
        }
        y += 8.0;
    }
    let plot_bottom = y;
    let height = plot_bottom + FONT_SMALL + 14.0 + PAD;

    let mut doc = Doc::new(meta, "bars", WIDTH, height);
    let grid = percent_ticks();
    // Grid lines only across the bars, not through the names.
    let bands_y: Vec<f64> = rows
        .iter()
        .filter_map(|row| match row {
            Row::Bar { lines, y, .. } => Some(y + lines.len() as f64 * LINE + 4.0),
            Row::Heading(..) => None,
        })
        .collect();
    doc.layer("class=\"chart-grid\"", |pen| {
        for (v, _) in &grid {
            let gx = bar_x(*v);
            let color = if *v == 0.0 { AXIS } else { GRID };
            for by in &bands_y {
                pen.line(&[(gx, by - 4.0), (gx, by + BAR + 4.0)], color, 1.0);
            }
        }
    });
    doc.open("class=\"chart-axis chart-axis-x\"");
    for (v, label) in &grid {
        let style = TextStyle::tick().anchor(percent_anchor(*v));
        doc.text(bar_x(*v), plot_bottom + 6.0 + FONT_SMALL, label, style);
    }
    doc.close();

    for row in &rows {
        match row {
            Row::Heading(lines, y) => {
                for (k, line) in lines.iter().enumerate() {
                    let style = TextStyle::label().class("chart-group-label").bold();
                    doc.text(x0, y + FONT - 1.0 + k as f64 * HEADING, line, style);
                }
            }
            Row::Bar {
                lines,
                y,
                group,
                bar,
            } => {
                let b = &groups[*group].bars[*bar];
                let value = b.value.filter(|v| v.is_finite());
                let band = band_of(b.band, bands);
                let by = y + lines.len() as f64 * LINE + 4.0;
                let (class, label, title) = match value {
                    Some(v) => {
                        let shown = format_value(v, 0, "%");
                        match band {
                            Some(i) => (
                                format!("chart-bar band-{i}"),
                                format!("{shown} · {}", bands[i].naam),
                                format!("{}: {shown} ({})", b.naam, bands[i].naam),
                            ),
                            None => (
                                "chart-bar".to_owned(),
                                shown.clone(),
                                format!("{}: {shown}", b.naam),
                            ),
                        }
                    }
                    None => (
                        "chart-bar chart-missing".to_owned(),
                        NOT_REPORTED.to_owned(),
                        format!("{}: {NOT_REPORTED}", b.naam),
                    ),
                };
                doc.open_titled(&format!("class=\"{class}\""), &title);
                for (k, line) in lines.iter().enumerate() {
                    let style = TextStyle::label().class("chart-bar-name").size(FONT_SMALL);
                    doc.text(x0, y + FONT_SMALL - 1.0 + k as f64 * LINE, line, style);
                }
                if let Some(v) = value {
                    let color = band.map_or(PRIMARY, |i| band_color(i, bands.len()));
                    // A stub of 2 units shows a 0.
                    let x1 = bar_x(v).max(x0 + 2.0);
                    doc.layer("class=\"chart-bar-rect\"", |pen| {
                        pen.rect((x0, by), (x1, by + BAR), color);
                    });
                }
                let style = TextStyle::label().class("chart-value").size(FONT_SMALL);
                let style = if value.is_some() {
                    style
                } else {
                    style.color(TEXT_2)
                };
                doc.text(label_x, by + BAR / 2.0 + FONT_SMALL * 0.35, &label, style);
                doc.close();
            }
        }
    }
    doc.finish()
}

pub(crate) fn bars_with_target(
    meta: &Meta,
    labels: &[String],
    values: &[Option<f64>],
    targets: &[Option<f64>],
    value_name: &str,
    target_name: &str,
) -> String {
    const PLOT_HEIGHT: f64 = 230.0;
    let n = labels.len();
    let get = |s: &[Option<f64>], i: usize| s.get(i).copied().flatten().filter(|v| v.is_finite());
    let vals: Vec<Option<f64>> = (0..n).map(|i| get(values, i)).collect();
    let tgts: Vec<Option<f64>> = (0..n).map(|i| get(targets, i)).collect();
    let all: Vec<f64> = vals.iter().chain(&tgts).flatten().copied().collect();
    let hi = all.iter().copied().fold(0.0, f64::max);
    let lo = all.iter().copied().fold(0.0, f64::min);
    let step = nice_step(if hi - lo > 0.0 { hi - lo } else { 1.0 }, 5.0);
    let (y_min, y_max) = (
        (lo / step).floor() * step,
        (hi / step).ceil().max(1.0) * step,
    );
    let tick_decimals = step_decimals(step);
    let y_ticks: Vec<(f64, String)> = ticks(y_min, y_max, step)
        .into_iter()
        .map(|v| (v, format_number(v, tick_decimals)))
        .collect();
    let decimals = decimals_for(all.iter().copied());

    let items = vec![
        LegendItem {
            swatch: Swatch::Block(PRIMARY),
            label: value_name.to_owned(),
            class: "chart-primary".to_owned(),
        },
        LegendItem {
            swatch: Swatch::Line {
                color: TARGET,
                width: 3.0,
                dashed: true,
                marker: None,
            },
            label: target_name.to_owned(),
            class: "chart-target".to_owned(),
        },
    ];
    let inner = WIDTH - 2.0 * PAD;
    let legend_h = legend_height(&items, inner);
    let tick_w = y_ticks
        .iter()
        .map(|(_, l)| text_width(l, FONT_SMALL))
        .fold(0.0, f64::max);
    let XAxis {
        left,
        right,
        slot,
        labels: xl,
    } = XAxis::plan(labels, tick_w);
    let bar_w = (slot * 0.7).clamp(1.0, 48.0);
    let top = PAD + legend_h + 16.0;
    let bottom = top + PLOT_HEIGHT;
    let height = bottom + xl.height + PAD;
    let x = |i: usize| left + (i as f64 + 0.5) * slot;
    let y = |v: f64| bottom - (v.clamp(y_min, y_max) - y_min) / (y_max - y_min) * PLOT_HEIGHT;
    let value_labels = {
        let widest = vals
            .iter()
            .flatten()
            .map(|v| text_width(&format_number(*v, decimals), FONT_SMALL))
            .fold(0.0, f64::max);
        widest + 4.0 <= slot
    };

    let mut doc = Doc::new(meta, "bars-target", WIDTH, height);
    legend(&mut doc, &items, (PAD, PAD), inner);
    y_grid(&mut doc, (left, right), &y_ticks, y);
    xl.draw(&mut doc, bottom, x);

    for (i, v) in vals.iter().enumerate() {
        let Some(v) = *v else { continue };
        let title = match tgts[i] {
            Some(t) => format!(
                "{}: {value_name} {}, {target_name} {}",
                labels[i],
                format_number(v, decimals),
                format_number(t, decimals)
            ),
            None => format!("{}: {value_name} {}", labels[i], format_number(v, decimals)),
        };
        doc.open_titled("class=\"chart-bar chart-primary\"", &title);
        let (cx, y0, y1) = (x(i), y(0.0_f64.max(y_min)), y(v));
        doc.layer("class=\"chart-bar-rect\"", |pen| {
            pen.rect(
                (cx - bar_w / 2.0, y0.min(y1)),
                (cx + bar_w / 2.0, y0.max(y1)),
                PRIMARY,
            );
        });
        doc.close();
    }
    doc.layer("class=\"chart-axis-line\"", |pen| {
        pen.line(&[(left, y(0.0)), (right, y(0.0))], AXIS, 1.0);
    });

    // The target: a dashed step line, each value spanning its slot.
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut previous = false;
    for (i, t) in tgts.iter().enumerate() {
        match t {
            Some(t) => {
                let points = [(x(i) - slot / 2.0, y(*t)), (x(i) + slot / 2.0, y(*t))];
                match runs.last_mut() {
                    Some(run) if previous => run.extend(points),
                    _ => runs.push(points.to_vec()),
                }
                previous = true;
            }
            None => previous = false,
        }
    }
    if !runs.is_empty() {
        doc.open_titled("class=\"chart-series chart-target\"", target_name);
        let attrs = format!("class=\"chart-line\" {}", dash(&DASH));
        doc.layer(&attrs, |pen| {
            for run in &runs {
                pen.line(run, WHITE, 5.0);
                pen.line(run, TARGET, 3.0);
            }
        });
        doc.close();
    }

    if value_labels {
        doc.open("class=\"chart-values\"");
        for (i, v) in vals.iter().enumerate() {
            let Some(v) = *v else { continue };
            let style = TextStyle::tick()
                .class("chart-value")
                .anchor(Anchor::Middle)
                .color(super::style::TEXT)
                .halo();
            doc.text(
                x(i),
                y(v.max(0.0)) - 6.0,
                &format_number(v, decimals),
                style,
            );
        }
        doc.close();
    }
    if vals.iter().all(Option::is_none) && tgts.iter().all(Option::is_none) {
        super::axis::empty_note(&mut doc, ((left + right) / 2.0, top + PLOT_HEIGHT / 2.0));
    }
    doc.finish()
}

pub(crate) fn stacked_bands(meta: &Meta, rows: &[(String, Vec<u32>)], bands: &[Band]) -> String {
    const BAR: f64 = 30.0;
    const HEADING: f64 = FONT * 1.25;
    let inner = WIDTH - 2.0 * PAD;
    let nb = bands.len();
    let items: Vec<LegendItem> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| LegendItem {
            swatch: Swatch::Block(band_color(i, nb)),
            label: b.naam.clone(),
            class: format!("band-{i}"),
        })
        .collect();
    let legend_h = legend_height(&items, inner);
    let (x0, x1) = (PAD, WIDTH - PAD);
    let bar_x = |share: f64| x0 + share.clamp(0.0, 1.0) * (x1 - x0);

    let mut layout = Vec::with_capacity(rows.len());
    let mut y = PAD + legend_h + 12.0;
    for (name, _) in rows {
        let lines = wrap(name, FONT, inner);
        let n = lines.len() as f64;
        layout.push((lines, y));
        y += n * HEADING + 4.0 + BAR + 14.0;
    }
    let plot_top = PAD + legend_h + 8.0;
    let plot_bottom = y - 6.0;
    let height = plot_bottom + FONT_SMALL + 14.0 + PAD;

    let mut doc = Doc::new(meta, "stacked", WIDTH, height);
    legend(&mut doc, &items, (PAD, PAD), inner);
    let grid = percent_ticks();
    doc.layer("class=\"chart-grid\"", |pen| {
        for (v, _) in &grid {
            let gx = bar_x(v / 100.0);
            pen.line(&[(gx, plot_top), (gx, plot_bottom)], GRID, 1.0);
        }
    });
    doc.open("class=\"chart-axis chart-axis-x\"");
    for (v, label) in &grid {
        let style = TextStyle::tick().anchor(percent_anchor(*v));
        doc.text(
            bar_x(v / 100.0),
            plot_bottom + 6.0 + FONT_SMALL,
            label,
            style,
        );
    }
    doc.close();

    for ((name, counts), (lines, y)) in rows.iter().zip(&layout) {
        let counts: Vec<u32> = counts.iter().take(nb).copied().collect();
        let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
        doc.open("class=\"chart-row\"");
        for (k, line) in lines.iter().enumerate() {
            let style = TextStyle::label().class("chart-row-label");
            doc.text(x0, y + FONT - 1.0 + k as f64 * HEADING, line, style);
        }
        let by = y + lines.len() as f64 * HEADING + 4.0;
        if total == 0 {
            doc.layer("class=\"chart-track\"", |pen| {
                pen.rect((x0, by), (x1, by + BAR), TRACK);
            });
            let style = TextStyle::tick()
                .class("chart-empty")
                .anchor(Anchor::Middle);
            doc.text(
                (x0 + x1) / 2.0,
                by + BAR / 2.0 + 5.0,
                "Geen gegevens",
                style,
            );
            doc.close();
            continue;
        }
        let mut cumulative = 0u64;
        for (i, &c) in counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let sx0 = bar_x(cumulative as f64 / total as f64);
            cumulative += u64::from(c);
            let sx1 = bar_x(cumulative as f64 / total as f64);
            let fill = band_color(i, nb);
            let pct = format_value(f64::from(c) * 100.0 / total as f64, 0, "%");
            let title = format!("{name}, {}: {c} van {total} ({pct})", bands[i].naam);
            doc.open_titled(&format!("class=\"chart-segment band-{i}\""), &title);
            // A white gap of 1 unit on the left of every segment but the first.
            let gap = if sx0 > x0 { 1.0 } else { 0.0 };
            doc.layer("", |pen| {
                pen.rect((sx0 + gap, by), (sx1, by + BAR), fill);
            });
            let label = c.to_string();
            if text_width(&label, FONT_SMALL) + 8.0 <= sx1 - sx0 {
                let style = TextStyle::tick()
                    .class("chart-value")
                    .anchor(Anchor::Middle)
                    .color(text_on(fill))
                    .bold();
                doc.text((sx0 + sx1) / 2.0, by + BAR / 2.0 + 5.0, &label, style);
            }
            doc.close();
        }
        doc.close();
    }
    doc.finish()
}

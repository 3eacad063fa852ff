//! Colours and marker shapes.
//!
//! Contrast against white (WCAG relative luminance; graphics need 3:1, WCAG 1.4.11):
//!
//! | colour    | use                               | on white |
//! |-----------|-----------------------------------|----------|
//! | `#1F3A68` | primary series, bars              | 11.3:1   |
//! | `#767676` | national average, "not reported"  | 4.5:1    |
//! | `#B34700` | target (dashed)                   | 5.5:1    |
//! | `#E07020` | band: orange (worst)              | 3.2:1    |
//! | `#A8325E` | band: wine                        | 6.4:1    |
//! | `#5E3C99` | band: purple                      | 8.1:1    |
//! | `#0B3D6B` | band: navy (6 bands only)         | 11.1:1   |
//! | `#3A8FD6` | band: blue                        | 3.5:1    |
//! | `#1D6B2F` | band: green (best)                | 6.6:1    |
//!
//! The band colours for 2–5 bands are chosen so that every pair stays distinguishable with
//! protanopia, deuteranopia and tritanopia (simulated with the Machado et al. 2009 matrices:
//! smallest CIEDE2000 difference ≥ 10, ≥ 14 for the default 4 bands: orange, purple, blue,
//! green — light/dark × warm/cool). A band is never shown by colour alone: bars carry a text
//! label, map dots a shape, and every chart with bands has a legend.

use std::fmt;

use plotters::style::RGBColor;

/// A colour; formats as `#RRGGBB` like plotters does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(crate) const fn color(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// Body text (theme `--tekst`), 17.2:1.
pub(crate) const TEXT: Rgb = Rgb(0x1b, 0x1b, 0x1b);
/// Secondary text (theme `--grijs`), 8.9:1.
pub(crate) const TEXT_2: Rgb = Rgb(0x4a, 0x4a, 0x4a);
/// Axis lines.
pub(crate) const AXIS: Rgb = Rgb(0x4a, 0x4a, 0x4a);
/// Grid lines and bar tracks: decoration only.
pub(crate) const GRID: Rgb = Rgb(0xd5, 0xdb, 0xe3);
pub(crate) const TRACK: Rgb = Rgb(0xed, 0xf0, 0xf4);
pub(crate) const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// Primary series.
pub(crate) const PRIMARY: Rgb = Rgb(0x1f, 0x3a, 0x68);
/// Further primary series, if a chart has more than one.
const PRIMARY_MORE: [Rgb; 2] = [Rgb(0x00, 0x70, 0x7a), Rgb(0x5a, 0x2d, 0x82)];
/// Comparison series (national average) and "not reported".
pub(crate) const GREY: Rgb = Rgb(0x76, 0x76, 0x76);
/// Targets, drawn dashed (theme `--oranje-donker`).
pub(crate) const TARGET: Rgb = Rgb(0xb3, 0x47, 0x00);
/// The dash pattern of targets.
pub(crate) const DASH: [f64; 2] = [8.0, 5.0];
/// Map: land and its border.
pub(crate) const LAND: Rgb = Rgb(0xe8, 0xed, 0xf3);
pub(crate) const BORDER: Rgb = Rgb(0x8a, 0x9b, 0xb0);

const ORANGE: Rgb = Rgb(0xe0, 0x70, 0x20);
const WINE: Rgb = Rgb(0xa8, 0x32, 0x5e);
const PURPLE: Rgb = Rgb(0x5e, 0x3c, 0x99);
const NAVY: Rgb = Rgb(0x0b, 0x3d, 0x6b);
const BLUE: Rgb = Rgb(0x3a, 0x8f, 0xd6);
const GREEN: Rgb = Rgb(0x1d, 0x6b, 0x2f);

/// The `i`-th series colour of a kind with several series.
pub(crate) fn primary(i: usize) -> Rgb {
    match i {
        0 => PRIMARY,
        i => PRIMARY_MORE[(i - 1) % PRIMARY_MORE.len()],
    }
}

/// The colour of band `i` of `n` bands (worst first).
pub(crate) fn band_color(i: usize, n: usize) -> Rgb {
    let palette: &[Rgb] = match n {
        0 | 1 => &[GREEN],
        2 => &[ORANGE, GREEN],
        3 => &[ORANGE, BLUE, GREEN],
        4 => &[ORANGE, PURPLE, BLUE, GREEN],
        5 => &[ORANGE, WINE, PURPLE, BLUE, GREEN],
        _ => &[ORANGE, WINE, PURPLE, NAVY, BLUE, GREEN],
    };
    palette[i % palette.len()]
}

/// Text drawn on a band colour: white where it has 4.5:1, else dark text (≥ 4.9:1).
pub(crate) fn text_on(fill: Rgb) -> Rgb {
    if fill == ORANGE || fill == BLUE {
        TEXT
    } else {
        WHITE
    }
}

/// Marker shapes of the map.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Plus,
    /// Hollow circle: not reported.
    Ring,
}

/// The marker shape of band `i` of `n` bands: the best band is always a circle.
pub(crate) fn band_shape(i: usize, n: usize) -> Shape {
    use Shape::*;
    let shapes: &[Shape] = match n {
        0 | 1 => &[Circle],
        2 => &[TriangleDown, Circle],
        3 => &[TriangleDown, Square, Circle],
        4 => &[TriangleDown, Square, Diamond, Circle],
        5 => &[TriangleDown, Square, Diamond, TriangleUp, Circle],
        _ => &[TriangleDown, Plus, Square, Diamond, TriangleUp, Circle],
    };
    shapes[i % shapes.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_graphic_colour_has_3_to_1_on_white_and_band_labels_4_5_to_1() {
        for c in [
            PRIMARY,
            PRIMARY_MORE[0],
            PRIMARY_MORE[1],
            GREY,
            TARGET,
            AXIS,
        ] {
            assert!(contrast(c, WHITE) >= 3.0, "{c}");
        }
        for n in 1..=7 {
            for i in 0..n {
                let c = band_color(i, n);
                assert!(contrast(c, WHITE) >= 3.0, "{c}");
                assert!(contrast(c, text_on(c)) >= 4.5, "{c} text");
            }
        }
        assert!(contrast(TEXT, TRACK) >= 4.5 && contrast(TEXT_2, WHITE) >= 4.5);
    }

    #[test]
    fn bands_differ_in_colour_and_shape() {
        for n in 2..=6 {
            for i in 0..n {
                for j in 0..i {
                    assert_ne!(band_color(i, n), band_color(j, n));
                    assert_ne!(band_shape(i, n), band_shape(j, n));
                }
            }
        }
    }
}

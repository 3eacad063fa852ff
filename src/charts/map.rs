//! The map of the Netherlands with a dot per werkplein, and the GeoJSON outline it is drawn on.

use serde_json::Value;

use crate::messages::Message;

use super::axis::{LegendItem, Swatch, legend, legend_height};
use super::style::{BORDER, GREY, LAND, Shape, band_color, band_shape};
use super::svg::{Doc, PAD, WIDTH, escape, num};
use super::{Band, Dot, Meta};

/// cos(52°): the x scale of the equirectangular projection, as a constant so that no platform
/// `cos` is involved.
const COS_52: f64 = 0.615_661_475_325_658_3;
/// Radius of the dots.
const DOT: f64 = 6.0;
/// The bounding box used when there is neither outline nor dots: the European Netherlands.
const NETHERLANDS: BBox = BBox {
    lon: (3.35, 7.23),
    lat: (50.75, 53.56),
};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct BBox {
    pub lon: (f64, f64),
    pub lat: (f64, f64),
}

impl BBox {
    fn of(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        let mut bbox: Option<BBox> = None;
        for (lon, lat) in points {
            if !(lon.is_finite() && lat.is_finite()) {
                continue;
            }
            bbox = Some(match bbox {
                None => BBox {
                    lon: (lon, lon),
                    lat: (lat, lat),
                },
                Some(b) => BBox {
                    lon: (b.lon.0.min(lon), b.lon.1.max(lon)),
                    lat: (b.lat.0.min(lat), b.lat.1.max(lat)),
                },
            });
        }
        bbox
    }

    fn union(self, other: BBox) -> BBox {
        BBox {
            lon: (self.lon.0.min(other.lon.0), self.lon.1.max(other.lon.1)),
            lat: (self.lat.0.min(other.lat.0), self.lat.1.max(other.lat.1)),
        }
    }
}

/// Equirectangular projection with x scaled by cos(52°), fitted to a width.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Projection {
    bbox: BBox,
    scale: f64,
    origin: (f64, f64),
}

impl Projection {
    /// Fits `bbox` into `width` units, starting at `origin` (top left).
    pub(crate) fn fit(bbox: BBox, origin: (f64, f64), width: f64) -> Projection {
        let lon_span = (bbox.lon.1 - bbox.lon.0) * COS_52;
        let lat_span = bbox.lat.1 - bbox.lat.0;
        let mut scale = if lon_span > 0.0 {
            width / lon_span
        } else {
            1.0
        };
        // A very tall area is made no taller than 1.6 × the width.
        if lat_span * scale > width * 1.6 {
            scale = width * 1.6 / lat_span;
        }
        Projection {
            bbox,
            scale,
            origin,
        }
    }

    /// The chart coordinates of a point.
    pub(crate) fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.origin.0 + (lon - self.bbox.lon.0) * COS_52 * self.scale,
            self.origin.1 + (self.bbox.lat.1 - lat) * self.scale,
        )
    }

    /// Width and height of the projected bounding box.
    pub(crate) fn size(&self) -> (f64, f64) {
        (
            (self.bbox.lon.1 - self.bbox.lon.0) * COS_52 * self.scale,
            (self.bbox.lat.1 - self.bbox.lat.0) * self.scale,
        )
    }
}

/// The projection the map uses for this outline and these dots.
pub(crate) fn projection(outline: &[Vec<(f64, f64)>], dots: &[Dot]) -> Projection {
    let land = BBox::of(outline.iter().flatten().copied());
    let points = BBox::of(dots.iter().map(|d| (d.lon, d.lat)));
    let bbox = match (land, points) {
        (Some(a), Some(b)) => a.union(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => NETHERLANDS,
    };
    // A single dot: show some land around it.
    let bbox = if bbox.lon.1 - bbox.lon.0 < 0.1 || bbox.lat.1 - bbox.lat.0 < 0.1 {
        BBox {
            lon: (bbox.lon.0 - 0.5, bbox.lon.1 + 0.5),
            lat: (bbox.lat.0 - 0.5, bbox.lat.1 + 0.5),
        }
    } else {
        bbox
    };
    let margin = PAD + DOT + 3.0;
    Projection::fit(bbox, (margin, margin), WIDTH - 2.0 * margin)
}

pub(crate) fn map(
    meta: &Meta,
    outline: &[Vec<(f64, f64)>],
    dots: &[Dot],
    bands: &[Band],
) -> String {
    let nb = bands.len();
    let band_of = |d: &Dot| d.band.filter(|&b| b < nb);
    let projection = projection(outline, dots);
    let margin = PAD + DOT + 3.0;
    let map_bottom = margin + projection.size().1 + DOT + 3.0;

    // Legend below the map, with the number of dots per band.
    let mut counts = vec![0usize; nb];
    let mut missing = 0;
    for d in dots {
        match band_of(d) {
            Some(b) => counts[b] += 1,
            None => missing += 1,
        }
    }
    let mut items: Vec<LegendItem> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| LegendItem {
            swatch: Swatch::Marker(band_shape(i, nb), band_color(i, nb)),
            label: format!("{} ({})", b.naam, counts[i]),
            class: format!("band-{i}"),
        })
        .collect();
    if missing > 0 {
        items.push(LegendItem {
            swatch: Swatch::Marker(Shape::Ring, GREY),
            label: format!("Niet gerapporteerd ({missing})"),
            class: "chart-missing".to_owned(),
        });
    }
    let inner = WIDTH - 2.0 * PAD;
    let legend_top = map_bottom + 8.0;
    let height = legend_top + legend_height(&items, inner) + PAD;

    let mut doc = Doc::new_group(meta, "map", WIDTH, height);
    let rings: Vec<Vec<(f64, f64)>> = outline
        .iter()
        .filter(|r| r.len() >= 3)
        .map(|r| {
            r.iter()
                .map(|&(lon, lat)| projection.project(lon, lat))
                .collect()
        })
        .collect();
    doc.layer("class=\"chart-outline\" stroke-linejoin=\"round\"", |pen| {
        for ring in &rings {
            pen.polygon(ring, LAND);
        }
        for ring in &rings {
            let mut closed = ring.clone();
            closed.push(ring[0]);
            pen.line(&closed, BORDER, 1.0);
        }
    });

    // Not reported first, so that reported dots are on top.
    let mut order: Vec<&Dot> = dots
        .iter()
        .filter(|d| d.lon.is_finite() && d.lat.is_finite())
        .collect();
    order.sort_by_key(|d| band_of(d).is_some());
    // Invisible hit areas under all the markers, which the theme enlarges on small screens so
    // that every dot is a touch target of at least 24 px (WCAG 2.5.8); being under the markers,
    // they never take a tap on another dot's marker. They repeat the dots' links, hidden from
    // assistive technology.
    doc.open("class=\"chart-raak\" aria-hidden=\"true\"");
    for d in &order {
        let c = projection.project(d.lon, d.lat);
        doc.open_link(&d.href, "tabindex=\"-1\"");
        doc.raw(&format!(
            "<circle class=\"chart-dot__raak\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"transparent\"/>\n",
            num(c.0),
            num(c.1),
            num(DOT + 1.5)
        ));
        doc.close_link();
    }
    doc.close();
    doc.open("class=\"chart-dots\"");
    for d in order {
        let (shape, color, class) = match band_of(d) {
            Some(b) => (band_shape(b, nb), band_color(b, nb), format!("band-{b}")),
            None => (Shape::Ring, GREY, "chart-missing".to_owned()),
        };
        let c = projection.project(d.lon, d.lat);
        // The same links are in the table on the page: the dots are for the mouse only, so
        // they are not keyboard stops (the map is a labelled group, not an image, because an
        // image may not contain links).
        doc.open_link(
            &d.href,
            &format!("class=\"chart-dot {class}\" tabindex=\"-1\""),
        );
        doc.raw(&format!("<title>{}</title>\n", escape(&d.label)));
        doc.layer("", |pen| pen.marker(shape, c, DOT, color, 1.5));
        doc.close_link();
    }
    doc.close();
    legend(&mut doc, &items, (PAD, legend_top), inner);
    doc.finish()
}

/// Reads the outer rings of the (Multi)Polygons of a GeoJSON FeatureCollection (a single
/// Feature or geometry works too) as (lon, lat) pairs; holes are left out.
pub fn parse_outline(geojson: &str) -> Result<Vec<Vec<(f64, f64)>>, Message> {
    let root: Value =
        serde_json::from_str(geojson).map_err(|e| crate::msg!(OutlineNotJson, detail = e))?;
    let mut rings = Vec::new();
    collect(&root, None, &mut rings)?;
    Ok(rings)
}

/// `at`: the number of the feature being read, if any.
fn collect(v: &Value, at: Option<usize>, rings: &mut Vec<Vec<(f64, f64)>>) -> Result<(), Message> {
    let kind = v.get("type").and_then(Value::as_str).unwrap_or("");
    let here = |what: Message| match at {
        None => what,
        Some(n) => crate::msg!(OutlineAtFeature, n = n, reason = what),
    };
    match kind {
        "FeatureCollection" => {
            let features = v
                .get("features")
                .and_then(Value::as_array)
                .ok_or_else(|| here(crate::msg!(OutlineNeedsFeatures)))?;
            for (i, f) in features.iter().enumerate() {
                collect(f, Some(i + 1), rings)?;
            }
            Ok(())
        }
        "Feature" => match v.get("geometry") {
            None | Some(Value::Null) => Ok(()),
            Some(g) => collect(g, at, rings),
        },
        "GeometryCollection" => {
            let geometries = v
                .get("geometries")
                .and_then(Value::as_array)
                .ok_or_else(|| here(crate::msg!(OutlineNeedsGeometries)))?;
            for g in geometries {
                collect(g, at, rings)?;
            }
            Ok(())
        }
        "Polygon" => {
            let polygon = v.get("coordinates").unwrap_or(&Value::Null);
            rings.push(outer_ring(polygon).map_err(here)?);
            Ok(())
        }
        "MultiPolygon" => {
            let polygons = v
                .get("coordinates")
                .and_then(Value::as_array)
                .ok_or_else(|| here(crate::msg!(OutlineNeedsPolygons)))?;
            for p in polygons {
                rings.push(outer_ring(p).map_err(here)?);
            }
            Ok(())
        }
        "" => Err(here(crate::msg!(OutlineNoType))),
        other => Err(here(crate::msg!(OutlineGeometryType, kind = other))),
    }
}

/// The first ring of a polygon's coordinates.
fn outer_ring(polygon: &Value) -> Result<Vec<(f64, f64)>, Message> {
    let ring = polygon
        .as_array()
        .and_then(|rings| rings.first())
        .and_then(Value::as_array)
        .ok_or_else(|| crate::msg!(OutlineNeedsRings))?;
    let mut out = Vec::with_capacity(ring.len());
    for p in ring {
        let pair = p.as_array().map(|a| {
            (
                a.first().and_then(Value::as_f64),
                a.get(1).and_then(Value::as_f64),
            )
        });
        match pair {
            Some((Some(lon), Some(lat)))
                if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) =>
            {
                out.push((lon, lat))
            }
            _ => return Err(crate::msg!(OutlineNotPosition, value = p)),
        }
    }
    if out.len() < 4 {
        return Err(crate::msg!(OutlineRingShort, n = out.len()));
    }
    Ok(out)
}

use super::*;

const TRICKY: &str = "A <b> & \"C\" 's";

fn meta<'a>(id: &'a str) -> Meta<'a> {
    Meta {
        id,
        title: "Titel <met> & tekens",
        desc: "Beschrijving: 67 % & meer",
    }
}

fn bands(n: usize) -> Vec<Band> {
    let names = [
        "Niet",
        "In ontwikkeling",
        "Gedeeltelijk",
        "Volledig",
        "Extra",
        "Nog een",
    ];
    names
        .iter()
        .take(n)
        .map(|n| Band {
            naam: (*n).to_owned(),
        })
        .collect()
}

fn has_class(n: &roxmltree::Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c == class))
}

fn count_class(doc: &roxmltree::Document, class: &str) -> usize {
    doc.descendants().filter(|n| has_class(n, class)).count()
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

/// Parses the SVG and checks what every chart must have; returns the parsed document.
fn check<'a>(svg: &'a str, meta: &Meta) -> roxmltree::Document<'a> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    let role = if root.attribute("class") == Some("chart chart-map") {
        "group"
    } else {
        "img"
    };
    assert_eq!(root.attribute("role"), Some(role));
    assert_eq!(root.attribute("width"), Some("100%"));
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(view_box[..3], [0.0, 0.0, 640.0]);
    let ids = format!("{0}-title {0}-desc", meta.id);
    assert_eq!(root.attribute("aria-labelledby"), Some(ids.as_str()));
    let by_id = |id: String| {
        doc.descendants()
            .find(|n| n.attribute("id") == Some(id.as_str()))
            .unwrap_or_else(|| panic!("no element with id {id}"))
    };
    let title = by_id(format!("{}-title", meta.id));
    assert!(title.has_tag_name("title"));
    assert_eq!(title.text(), Some(meta.title));
    let desc = by_id(format!("{}-desc", meta.id));
    assert!(desc.has_tag_name("desc"));
    assert_eq!(desc.text(), Some(meta.desc));
    // The title is the first child, as screen readers and browsers expect.
    assert!(root.first_element_child().unwrap().has_tag_name("title"));
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")
        || n.has_tag_name("image")
        || n.has_tag_name("foreignObject")
        || n.has_tag_name("style")));
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in n.attributes() {
            assert!(
                !a.value().contains("url(") && !a.name().starts_with("on"),
                "{}={}",
                a.name(),
                a.value()
            );
        }
        // No float noise in numbers written: at most 4 decimals.
        for name in [
            "x",
            "y",
            "x1",
            "y1",
            "width",
            "height",
            "points",
            "transform",
        ] {
            if let Some(v) = n.attribute(name) {
                for number in v.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')) {
                    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(decimals <= 4, "{name}={v}");
                }
            }
        }
    }
    doc
}

fn periods(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("{}-t{}", 2008 + i / 3, i % 3 + 1))
        .collect()
}

fn line_example() -> (Vec<String>, Vec<Series>) {
    let labels = periods(12);
    let series = vec![
        Series {
            name: "Werkplein <Utrecht> & co".into(),
            values: vec![
                Some(12.5),
                Some(30.0),
                None,
                Some(45.9),
                Some(50.0),
                Some(66.7),
                Some(70.0),
                None,
                None,
                Some(95.9),
                Some(100.0),
                Some(100.0),
            ],
            kind: SeriesKind::Primary,
        },
        Series {
            name: "Landelijk gemiddelde".into(),
            values: (0..12).map(|i| Some(20.0 + 5.0 * i as f64)).collect(),
            kind: SeriesKind::Comparison,
        },
        Series {
            name: "Streefwaarde".into(),
            values: vec![Some(80.0); 12],
            kind: SeriesKind::Target,
        },
    ];
    (labels, series)
}

#[test]
fn line_chart_has_a_point_per_value_and_escapes_names() {
    let (labels, series) = line_example();
    let m = meta("wp-utrecht-totaal");
    let svg = line_chart(&m, &labels, &series, 0.0, 100.0, "%");
    let doc = check(&svg, &m);
    assert_eq!(count_class(&doc, "chart-point"), 9 + 12);
    assert_eq!(count_class(&doc, "chart-series"), 3);
    assert_eq!(count_class(&doc, "chart-target"), 2, "legend item and line");
    let texts = texts(&doc);
    assert!(texts.iter().any(|t| t == "Werkplein <Utrecht> & co"));
    assert!(
        texts
            .iter()
            .any(|t| t == "2011-t1, Werkplein <Utrecht> & co: 95 %")
    );
    assert!(texts.iter().any(|t| t == "Streefwaarde: 80 %"));
    assert!(texts.iter().any(|t| t == "100 %"));
    assert!(svg.contains("stroke-dasharray"));
    assert_eq!(svg, line_chart(&m, &labels, &series, 0.0, 100.0, "%"));
}

#[test]
fn line_chart_on_a_scale_of_ten_with_decimals() {
    let labels: Vec<String> = ["2010-1", "2010-2", "2010-3"].map(String::from).to_vec();
    let series = vec![
        Series {
            name: "Rapportcijfer".into(),
            values: vec![Some(6.8), Some(7.25), Some(7.0)],
            kind: SeriesKind::Primary,
        },
        Series {
            name: "Doel".into(),
            values: vec![Some(7.0); 3],
            kind: SeriesKind::Target,
        },
    ];
    let m = meta("kt");
    let svg = line_chart(&m, &labels, &series, 1.0, 10.0, "");
    let doc = check(&svg, &m);
    let texts = texts(&doc);
    assert!(
        texts.iter().any(|t| t == "2010-1, Rapportcijfer: 6,8"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "Doel: 7,0"));
    assert_eq!(count_class(&doc, "chart-point"), 3);
}

#[test]
fn line_chart_survives_empty_and_odd_input() {
    let m = meta("leeg");
    let doc_svg = line_chart(&m, &[], &[], 0.0, 100.0, "%");
    let doc = check(&doc_svg, &m);
    assert!(texts(&doc).iter().any(|t| t == "Geen gegevens"));

    let labels = periods(3);
    let odd = vec![
        Series {
            name: TRICKY.into(),
            values: vec![None, Some(f64::NAN), Some(250.0), Some(1.0)],
            kind: SeriesKind::Primary,
        },
        Series {
            name: "Leeg".into(),
            values: vec![],
            kind: SeriesKind::Comparison,
        },
    ];
    let svg = line_chart(&m, &labels, &odd, 5.0, 5.0, "%");
    let doc = check(&svg, &m);
    assert_eq!(count_class(&doc, "chart-point"), 1);
    // Many periods: at most 14 labels on the x axis.
    let many = periods(40);
    let svg = line_chart(&m, &many, &[], 0.0, 100.0, "%");
    let doc = check(&svg, &m);
    let shown = doc
        .descendants()
        .filter(|n| has_class(n, "chart-axis-x"))
        .flat_map(|n| n.children().filter(|c| c.has_tag_name("text")))
        .count();
    assert!((1..=14).contains(&shown), "{shown}");
}

fn fasen() -> Vec<BarGroup> {
    let bar = |naam: &str, value: Option<f64>, band: Option<usize>| Bar {
        naam: naam.into(),
        value,
        band,
    };
    vec![
        BarGroup {
            naam: "Samenwerking starten".into(),
            bars: vec![
                bar(
                    "Alle ketenpartijen (alle gemeenten) betrokken",
                    Some(100.0),
                    Some(3),
                ),
                bar("Ketenoverleg", Some(66.0), Some(2)),
            ],
        },
        BarGroup {
            naam: TRICKY.into(),
            bars: vec![
                bar("Visie <en> missie & doelen", Some(33.0), Some(1)),
                bar("Niet gemeld", None, None),
                bar("Nul", Some(0.0), Some(0)),
                bar("Buiten de banden", Some(50.0), Some(9)),
            ],
        },
        BarGroup {
            naam: "Leeg".into(),
            bars: vec![],
        },
    ]
}

#[test]
fn grouped_bars_label_every_bar_with_its_band() {
    let m = meta("mijlpalen");
    let groups = fasen();
    let svg = grouped_bars(&m, &groups, &bands(4));
    let doc = check(&svg, &m);
    assert_eq!(count_class(&doc, "chart-bar"), 6);
    assert_eq!(count_class(&doc, "chart-bar-rect"), 5);
    assert_eq!(count_class(&doc, "chart-missing"), 1);
    assert_eq!(count_class(&doc, "band-3"), 1);
    let texts = texts(&doc);
    for t in [
        "100 % · Volledig",
        "66 % · Gedeeltelijk",
        "niet gerapporteerd",
        "50 %",
        TRICKY,
        "Visie <en> missie & doelen",
    ] {
        assert!(texts.iter().any(|x| x == t), "{t} in {texts:?}");
    }
    assert_eq!(svg, grouped_bars(&m, &groups, &bands(4)));
    check(&grouped_bars(&m, &[], &[]), &m);
    check(&grouped_bars(&m, &groups, &bands(2)), &m);
    check(&grouped_bars(&m, &groups, &bands(6)), &m);
}

#[test]
fn bars_with_target_draw_a_bar_per_value() {
    let m = meta("uitstroom");
    let labels: Vec<String> = (1..=12).map(|i| format!("2010-{i:02}")).collect();
    let values: Vec<Option<f64>> = (0..12)
        .map(|i| {
            if i == 4 {
                None
            } else {
                Some(100.0 + 10.0 * i as f64)
            }
        })
        .collect();
    let targets: Vec<Option<f64>> = (0..12)
        .map(|i| if i < 2 { None } else { Some(150.0) })
        .collect();
    let svg = bars_with_target(
        &m,
        &labels,
        &values,
        &targets,
        "Uitstroom",
        "Streefwaarde <2010>",
    );
    let doc = check(&svg, &m);
    assert_eq!(count_class(&doc, "chart-bar"), 11);
    let all = texts(&doc);
    assert!(all.iter().any(|t| t == "Streefwaarde <2010>"));
    assert!(
        all.iter()
            .any(|t| t == "2010-03: Uitstroom 120, Streefwaarde <2010> 150")
    );
    assert_eq!(
        svg,
        bars_with_target(
            &m,
            &labels,
            &values,
            &targets,
            "Uitstroom",
            "Streefwaarde <2010>"
        )
    );
    let empty = bars_with_target(&m, &[], &[], &[], "a", "b");
    assert!(
        texts(&check(&empty, &m))
            .iter()
            .any(|t| t == "Geen gegevens")
    );
    let nothing = bars_with_target(&m, &labels, &[], &[None], "a", "b");
    check(&nothing, &m);
    let months: Vec<String> = (0..36)
        .map(|i| format!("{}-{:02}", 2009 + i / 12, i % 12 + 1))
        .collect();
    let big: Vec<Option<f64>> = (0..36).map(|i| Some(1000.0 * i as f64 + 0.5)).collect();
    let svg = bars_with_target(&m, &months, &big, &[], "Uitstroom", "Streefwaarde");
    assert_eq!(count_class(&check(&svg, &m), "chart-bar"), 36);
}

#[test]
fn stacked_bands_have_a_segment_per_nonzero_count() {
    let m = meta("fasen");
    let rows = vec![
        ("Totaal".to_owned(), vec![10, 40, 50, 25]),
        (TRICKY.to_owned(), vec![0, 0, 125, 0]),
        ("Niemand".to_owned(), vec![0, 0, 0, 0]),
        ("Te kort".to_owned(), vec![3]),
        ("Te lang".to_owned(), vec![1, 1, 1, 1, 99]),
    ];
    let svg = stacked_bands(&m, &rows, &bands(4));
    let doc = check(&svg, &m);
    assert_eq!(count_class(&doc, "chart-segment"), 4 + 1 + 1 + 4);
    assert_eq!(count_class(&doc, "chart-legend-item"), 4);
    let texts = texts(&doc);
    assert!(
        texts
            .iter()
            .any(|t| t == "Totaal, Gedeeltelijk: 50 van 125 (40 %)")
    );
    assert!(texts.iter().any(|t| t == TRICKY));
    assert!(texts.iter().any(|t| t == "Geen gegevens"));
    assert_eq!(svg, stacked_bands(&m, &rows, &bands(4)));
    check(&stacked_bands(&m, &[], &[]), &m);
    check(&stacked_bands(&m, &rows, &bands(6)), &m);
}

#[derive(serde::Deserialize)]
struct Werkplein {
    id: String,
    naam: String,
    lat: f64,
    lon: f64,
}

fn werkpleinen() -> Vec<Werkplein> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/werkpleinen.yaml");
    crate::yaml::parse_data(&std::fs::read_to_string(path).unwrap(), "w").unwrap()
}

fn nederland() -> Vec<Vec<(f64, f64)>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/nederland.geojson");
    parse_outline(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_outline_of_the_netherlands_is_read() {
    let rings = nederland();
    assert_eq!(rings.len(), 9);
    assert!(rings.iter().all(|r| r.len() >= 4 && r.first() == r.last()));
    let (lon, lat): (Vec<f64>, Vec<f64>) = rings.iter().flatten().copied().unzip();
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    assert!(min(&lon) > 3.0 && max(&lon) < 7.3 && min(&lat) > 50.7 && max(&lat) < 53.6);
}

#[test]
fn parse_outline_reports_what_is_wrong() {
    assert!(parse_outline("{").unwrap_err().en().contains("JSON"));
    let point = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5,52]}}]}"#;
    assert!(
        parse_outline(point)
            .unwrap_err()
            .en()
            .contains("feature 1: geometry type Point")
    );
    let bad = r#"{"type":"Polygon","coordinates":[[[5,52],[6,"x"],[6,53],[5,52]]]}"#;
    assert!(parse_outline(bad).unwrap_err().en().contains("[6,\"x\"]"));
    let holes = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[
        [[5,52],[6,52],[6,53],[5,52]], [[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.1]]]}}"#;
    assert_eq!(parse_outline(holes).unwrap().len(), 1);
    let empty = r#"{"type":"FeatureCollection","features":[]}"#;
    assert_eq!(parse_outline(empty).unwrap(), Vec::<Vec<(f64, f64)>>::new());
}

#[test]
fn the_map_projects_utrecht_inside_and_every_werkplein_on_land() {
    let outline = nederland();
    let projection = map::projection(&outline, &[]);
    let (w, h) = projection.size();
    let (x, y) = projection.project(5.12, 52.09);
    assert!(x > 0.0 && x < 640.0 && y > 0.0 && y < h, "{x} {y}");
    // Utrecht is in the middle of the country: roughly half way both ways.
    assert!(
        (x / w - 0.45).abs() < 0.1 && (y / h - 0.5).abs() < 0.1,
        "{x} {y}"
    );

    let bbox = |f: fn(&(f64, f64)) -> f64| {
        let v: Vec<f64> = outline.iter().flatten().map(f).collect();
        (
            v.iter().copied().fold(f64::INFINITY, f64::min),
            v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let (lon, lat) = (bbox(|p| p.0), bbox(|p| p.1));
    let wps = werkpleinen();
    assert_eq!(wps.len(), 125);
    for wp in &wps {
        assert!(
            (lon.0..=lon.1).contains(&wp.lon) && (lat.0..=lat.1).contains(&wp.lat),
            "{} at {} {}",
            wp.id,
            wp.lat,
            wp.lon
        );
    }
}

#[test]
fn the_map_has_a_linked_dot_per_werkplein_with_shapes_and_a_legend() {
    let outline = nederland();
    let wps = werkpleinen();
    let dots: Vec<Dot> = wps
        .iter()
        .enumerate()
        .map(|(i, wp)| Dot {
            lon: wp.lon,
            lat: wp.lat,
            band: if i % 10 == 9 { None } else { Some(i % 4) },
            href: format!("/werkpleinen/{}/?a=1&b=2", wp.id),
            label: format!("{}: {} %", wp.naam, i % 101),
        })
        .collect();
    let m = meta("kaart");
    let svg = map(&m, &outline, &dots, &bands(4));
    let doc = check(&svg, &m);
    let root = doc.root_element();
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let in_class = |n: &roxmltree::Node, class: &str| n.ancestors().any(|g| has_class(&g, class));
    let links: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a") && !in_class(n, "chart-raak"))
        .collect();
    assert_eq!(links.len(), 125);
    // Under the dots, a hidden hit area per dot with the same link (touch targets on phones).
    let hits: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a") && in_class(n, "chart-raak"))
        .collect();
    assert_eq!(hits.len(), 125);
    assert!(hits.iter().zip(&links).all(|(h, a)| {
        h.attribute("href") == a.attribute("href")
            && h.attribute("tabindex") == Some("-1")
            && h.first_element_child()
                .is_some_and(|c| has_class(&c, "chart-dot__raak"))
    }));
    assert!(links.iter().all(|a| has_class(a, "chart-dot")
        && a.attribute("href").unwrap().starts_with("/werkpleinen/")
        && a.attribute("href").unwrap().ends_with("?a=1&b=2")
        && a.first_element_child().unwrap().has_tag_name("title")));
    assert_eq!(count_class(&doc, "chart-missing"), 12 + 1);
    assert_eq!(count_class(&doc, "chart-legend-item"), 5);
    let texts = texts(&doc);
    assert!(texts.iter().any(|t| t == "Werkplein Groningen: 0 %"));
    assert!(texts.iter().any(|t| t == "Niet gerapporteerd (12)"));
    // Every dot inside the viewBox: the shapes' coordinates are 4× in their layer.
    for a in &links {
        for n in a.descendants().filter(|n| n.has_tag_name("circle")) {
            let cx: f64 = n.attribute("cx").unwrap().parse().unwrap();
            let cy: f64 = n.attribute("cy").unwrap().parse().unwrap();
            assert!(cx / 4.0 > 0.0 && cx / 4.0 < view_box[2]);
            assert!(cy / 4.0 > 0.0 && cy / 4.0 < view_box[3]);
        }
    }
    assert_eq!(svg, map(&m, &outline, &dots, &bands(4)));
    // Other band counts, no outline, no dots, odd input.
    check(&map(&m, &[], &[], &[]), &m);
    check(&map(&m, &outline, &[], &bands(2)), &m);
    let odd = vec![
        Dot {
            lon: f64::NAN,
            lat: 52.0,
            band: Some(1),
            href: "x".into(),
            label: TRICKY.into(),
        },
        Dot {
            lon: 5.0,
            lat: 52.0,
            band: Some(7),
            href: "javascript:alert(1)\" onclick=\"x".into(),
            label: TRICKY.into(),
        },
    ];
    let svg = map(&m, &[], &odd, &bands(6));
    let doc = check(&svg, &m);
    // the dot with a position, and its hit area
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("a")).count(), 2);
}

#[test]
fn charts_are_send_and_render_in_parallel() {
    let (labels, series) = line_example();
    let one = line_chart(&meta("p"), &labels, &series, 0.0, 100.0, "%");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (labels, series) = (labels.clone(), series.clone());
            std::thread::spawn(move || line_chart(&meta("p"), &labels, &series, 0.0, 100.0, "%"))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), one);
    }
}

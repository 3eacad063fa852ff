//! Property tests of the fuzz entry points (`fuzz/`, issue 9): on any input each parser returns
//! without panicking, and in bounded time. The fuzz targets run the same functions for minutes
//! with coverage guidance; these run a few hundred cases in every `cargo test`.

use std::time::{Duration, Instant};

use proptest::prelude::*;

/// Inputs built from the pieces each format is made of, so that the cases reach past the first
/// syntax check: YAML and Markdown punctuation, CSV separators, JSON brackets, ids, numbers.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_string()),
        Just("title: x\n".to_string()),
        Just("themas: [jongeren, jongeren]\n".to_string()),
        Just("werkplein: assen\n".to_string()),
        Just("date: 2009-06-01\n".to_string()),
        Just("- id: a\n  naam: A\n  plaats: P\n  regio: noord\n".to_string()),
        Just("website: javascript:x\n".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("\"".to_string()),
        Just("|\n".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("werkplein,betrokken,analyse\n".to_string()),
        Just("werkplein,maand,uitstroom,streefwaarde\n".to_string()),
        Just("assen,2010-01,4294967295,-1\n".to_string()),
        Just("# Kop\n".to_string()),
        Just("[a](b.md#c)".to_string()),
        Just("> ".to_string()),
        Just("<div onclick=x>".to_string()),
        Just("{\"type\":\"Polygon\",\"coordinates\":[[[5,52],[6,".to_string()),
        "[a-z0-9 :\\-]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn bounded(f: fn(&str), input: &str) {
    let start = Instant::now();
    f(input);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "took {:?} on {input:?}",
        start.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_never_panics(s in text()) {
        bounded(svdk::fuzzing::front_matter, &s);
    }

    #[test]
    fn markdown_never_panics(s in text()) {
        bounded(svdk::fuzzing::markdown, &s);
    }

    #[test]
    fn data_files_never_panic(s in text()) {
        bounded(svdk::fuzzing::data_files, &s);
    }

    #[test]
    fn landkaart_yaml_never_panics(s in text()) {
        bounded(svdk::fuzzing::landkaart_yaml, &s);
    }

    #[test]
    fn landkaart_csv_never_panics(s in text()) {
        bounded(svdk::fuzzing::landkaart_csv, &s);
    }

    #[test]
    fn resultaten_never_panic(s in text()) {
        bounded(svdk::fuzzing::resultaten, &s);
    }

    #[test]
    fn outline_never_panics(s in text()) {
        bounded(svdk::fuzzing::outline, &s);
    }
}

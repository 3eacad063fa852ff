//! One page of each page family of a small fixture site (`tests/fixtures/snapshots`: the
//! minimal site plus Landkaart scores and results), kept as insta snapshots under
//! `tests/suite/snapshots/`, so a change to a page shows up as a readable diff.
//!
//! After a deliberate change: `cargo insta review` (or `INSTA_UPDATE=always cargo test
//! snapshots` and read `git diff tests/suite/snapshots`). In CI (`CI=true`) a missing or changed
//! snapshot fails the test instead of being written.

use std::sync::OnceLock;

use crate::prelude::*;

fn page(rel: &str) -> String {
    static BUILD: OnceLock<SharedBuild> = OnceLock::new();
    let b = shared_fixture_build(&BUILD, "snapshots", "snapshots");
    b.run.assert_success();
    read_out(&b.out, rel)
}

macro_rules! page_snapshots {
    ($($name:ident => $path:literal,)*) => {
        $(
            #[test]
            fn $name() {
                insta::with_settings!({ description => $path, omit_expression => true }, {
                    insta::assert_snapshot!(stringify!($name), page($path));
                });
            }
        )*
    };
}

page_snapshots! {
    home => "index.html",
    praktijkvoorbeeld => "praktijkvoorbeelden/gezamenlijke-intake/index.html",
    praktijkvoorbeelden_per_thema => "praktijkvoorbeelden/thema/jongeren/index.html",
    thema => "themas/jongeren/index.html",
    journaal_item => "journaal/werkplein-geopend/index.html",
    journaal_editie => "journaal/2009-05/index.html",
    kaderdocument_hoofdstuk => "kaderdocument/inleiding/index.html",
    werkplein => "werkpleinen/den-bosch/index.html",
    regio => "regios/noordoost-brabant/index.html",
    landkaart => "landkaart/index.html",
    landkaart_periode => "landkaart/2009-t2/index.html",
    zoeken => "zoeken/index.html",
    feed_journaal_atom => "journaal/atom.xml",
    sitemap => "sitemap.xml",
    open_data_werkpleinen_csv => "landkaart/2009-t2/werkpleinen.csv",
}

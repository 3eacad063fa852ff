//! The svdk integration tests, in one test binary (one link step instead of one per file).
//!
//! Each module tests one feature by building sites with the `svdk` binary and reading what it
//! wrote; `prelude` holds the shared helpers and `site::TestSite`, a chainable fixture driver
//! (build a fixture or an in-line site, change a file, check a page). `snapshots` keeps one
//! page of each page family under `tests/suite/snapshots/`, so a change to a page shows up as a
//! readable diff (`cargo insta review`, or `INSTA_UPDATE=always cargo test` then `git diff`).
#![allow(unreachable_pub, dead_code)] // helpers are shared; each module uses only part of them

mod prelude;
mod test_site;

mod base_url;
mod cli;
mod determinism;
mod drafts;
mod errors;
mod escaping;
mod folding;
mod incremental;
mod landkaart;
mod links;
mod new;
mod sample_site;
mod search;
mod serve;
mod snapshots;
mod theme;
mod uitvraag;

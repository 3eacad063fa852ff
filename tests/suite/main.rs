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
mod closed_stdout;
mod confinement;
mod determinism;
mod dossier;
mod drafts;
mod errors;
mod escaping;
mod folding;
mod hostile_input;
mod incremental;
mod kill;
mod landkaart;
mod links;
mod mail_agenda_kiosk;
mod messages;
mod new;
mod offline;
mod open_data;
mod output_folder;
mod properties;
mod resultaten;
mod safety_net;
mod sample_site;
mod search;
mod serve;
mod serve_hardening;
mod snapshots;
mod theme;
mod uitvraag;

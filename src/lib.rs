//! svdk — the static site generator of Samen voor de Klant.
//!
//! The build is a pipeline, one module per stage:
//!
//! 1. [`load`] reads the site folder (site.yaml, content/, data/, static/) and [`theme`] the
//!    templates and theme files, both through [`sitefs`], which refuses anything outside it;
//! 2. [`config`], [`data`] and [`content`] validate what was read into typed values, reporting
//!    every problem as a [`diagnostics::Diagnostic`];
//! 3. [`model`] builds the site: URLs, lists, relations, Markdown rendered by [`markdown`] with
//!    links checked;
//! 4. [`render`] applies the templates, in parallel;
//! 5. [`write`] swaps the new output folder in atomically.
//!
//! [`build`] runs the stages; all YAML parsing is in [`yaml`].

pub mod build;
pub mod charts;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod landkaart;
pub mod load;
pub mod markdown;
pub mod model;
pub mod new;
pub mod progress;
pub mod render;
pub mod resultaten;
pub mod search;
pub mod serve;
pub mod sitefs;
pub mod table;
pub mod text;
pub mod theme;
pub mod write;
pub mod yaml;

//! svdk — the static site generator of Samen voor de Klant.
//!
//! The build is a pipeline, one module per stage:
//!
//! 1. [`load`] reads the site folder (its paths are named in [`layout`]: site.yaml, content/,
//!    data/, static/) and [`theme`] the templates and theme files, both through [`sitefs`],
//!    which refuses anything outside the site folder;
//! 2. [`config`], [`data`], [`content`], [`landkaart`] and [`resultaten`] validate what was
//!    read into typed values, reporting every problem as a [`diagnostics::Diagnostic`]; so do
//!    the werkplein's records: [`documenten`], [`bvg`] and [`criteria`];
//! 3. [`model`] builds the site: URLs (from the route table, [`route`]), lists, relations,
//!    Markdown rendered by [`markdown`] with links checked;
//! 4. [`render`] applies the templates, in parallel, one module per page family; [`charts`]
//!    draws the SVG charts and [`search`] writes the search index;
//! 5. [`write`] swaps the new output folder in atomically.
//!
//! A build whose [`stamp`] (svdk and every byte it read) is the one of the output folder stops
//! after the load stage: nothing would change.
//!
//! [`build`] runs the stages (and keeps caches between builds for [`serve`]); all YAML
//! parsing is in [`yaml`].
//!
//! # Glossary
//!
//! The domain words are Dutch, as editors and readers use them; the mechanics are English.
//!
//! | Dutch | meaning |
//! |---|---|
//! | keten werk en inkomen | the chain of UWV, gemeenten and partners that helps people to work and income |
//! | werkplein | a joint office of UWV WERKbedrijf and one or more gemeenten (≈125); a page each |
//! | arbeidsmarktregio (regio) | one of the 35 labour-market regions werkpleinen belong to |
//! | praktijkvoorbeeld | a best practice of a werkplein, in four fixed parts ([`model::PRACTICE_PARTS`]) |
//! | thema | a subject practices and journaal items are filed under |
//! | Werkpleinjournaal (journaal) | the monthly bulletin: items of a soort (nieuws, vraag, agenda) |
//! | editie | one month (`YYYY-MM`) of the journaal |
//! | vraag / vraag_van | a question one werkplein puts to the others |
//! | kaderdocument, hoofdstuk | the framework document and its chapters |
//! | Landkaart | the national progress map: scores per werkplein on mijlpalen, per periode |
//! | fase, mijlpaal | the stages of integrated service and the milestones within them |
//! | periode | a reporting period of the Landkaart (`2009-t1`: first third of 2009) |
//! | band, groep | the colour class of a score, and the class of a werkplein's total |
//! | groen, bijna groen | a total of 100 % (every mijlpaal reached), and of 90–99 % |
//! | trend: vooruit, gelijk, achteruit, nieuw | change of a total since the previous period |
//! | Resultaten | outcome figures per werkplein: klanttevredenheid, werkgeverstevredenheid, uitstroom |
//! | meting | one survey round (`2010-1`: first meting of 2010) |
//! | streefwaarde | a target value |
//! | samenvatting | a page's summary |
//! | zoeken | search |
//!
//! | English | meaning |
//! |---|---|
//! | page family | the outputs of one kind of page, built by one module of [`render`] |
//! | route | an address of the site: URL path and output file ([`route::Route`]) |
//! | job | one output file to render |
//! | deps | what an output shows, recorded by its builder for incremental rebuilds |
//! | item | a page in its list form (title, date, summary, links) |
//! | diagnostic | a problem reported to editors as `path:line:column: message` |
//! | layout | the site folder's input paths ([`layout`]) |
//! | stamp | the fingerprint of a build's inputs, kept in the output's marker ([`stamp`]) |

pub mod agenda;
pub mod build;
pub mod bvg;
pub mod charts;
pub mod config;
pub mod content;
pub mod criteria;
pub mod data;
pub mod diagnostics;
pub mod documenten;
pub mod fingerprint;
#[doc(hidden)]
pub mod fuzzing;
pub mod landkaart;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod new;
pub mod nieuwsbrief;
pub mod offline;
pub mod progress;
pub mod related;
pub mod render;
pub mod resultaten;
pub mod route;
pub mod search;
pub mod serve;
pub mod sitefs;
pub mod stamp;
pub mod table;
pub mod template;
pub mod text;
pub mod theme;
pub mod write;
pub mod yaml;

//! streambot's core: reading the data, indexing it and answering questions, with no knowledge of Discord.
//!
//! The layers, bottom up: [`corpus`] reads the data directories, [`places`] resolves place
//! names, [`search`] owns the tantivy index, [`answer`] turns one question into an [`answer::Answer`],
//! and [`render`] turns an answer into terminal text, embeds or JSON. [`discord`] is the Discord
//! front end: the only module (with `main.rs`) that names serenity or poise.
//! [`telemetry`] holds the metrics and health checks the fronts report to.

pub mod answer;
#[cfg(feature = "bench")]
pub mod bench;
pub mod config;
pub mod console;
pub mod corpus;
pub mod discord;
pub mod domain;
pub mod i18n;
pub mod lexicon;
pub mod limit;
pub mod listen;
pub mod places;
pub mod reindex;
pub mod render;
pub mod search;
pub mod store;
pub mod telemetry;
pub mod text;

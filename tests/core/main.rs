//! The core's integration tests, in one binary (tantivy and serenity are linked once instead of
//! nine times): answers against the curated data and the full datasets, their JSON shape, both
//! Chinese scripts and no English in them, the phrasebook of everyday questions, the locales,
//! the index's life cycle and the services' facts.

#[path = "../support/mod.rs"]
mod support;

mod answers_json;
mod answers_zh;
mod curated;
mod dates;
mod full_data;
mod glossary;
mod in_place;
mod index;
mod locales;
mod no_english;
mod phrasebook;
mod ranking;
mod services;
mod settings;
mod similar;
mod uncovered;

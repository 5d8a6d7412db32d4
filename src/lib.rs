//! streambot's core: reading the data, indexing it and answering questions, with no knowledge of Discord.
//!
//! The layers, bottom up: [`corpus`] reads the data directories, [`places`] resolves place
//! names, [`search`] owns the tantivy index, [`answer`] turns one question into an [`answer::Answer`],
//! and [`render`] turns an answer into terminal text or JSON.

pub mod answer;
pub mod config;
pub mod console;
pub mod corpus;
pub mod places;
pub mod render;
pub mod search;
pub mod text;

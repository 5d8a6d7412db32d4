//! Showing an [`Answer`]: as terminal text (the local console and `streambot ask`) or as one
//! JSON object (`--json`). The Discord front end renders embeds from the same answers.

pub mod check;
pub mod embed;
pub mod map;
mod text;
pub mod words;

pub use text::{highlight, text, title_line, title_line_in};

use crate::answer::Answer;

/// The answer as one line of JSON (the schema is documented in README.md).
pub fn json(answer: &Answer) -> String {
    serde_json::to_string(answer).unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not serialise an answer");
        r#"{"kind":"not_found","message":"internal error"}"#.to_string()
    })
}

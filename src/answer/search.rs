//! Free text that is neither a why-not nor a titles question: a full-text search over the
//! documents' passages and the titles, answered with cited snippets.

use super::{Answer, AnswerKind, TitleCard, citation};
use crate::search::{Engine, SearchError};

/// Answers free text with the best passages and titles (passages only with `documents`).
pub fn search(engine: &Engine, text: &str, documents: bool) -> Result<Answer, SearchError> {
    let query = crate::text::truncate(text.trim(), 300);
    let (hits, terms) = engine.passages(text, &[], 3)?;
    let titles = if documents {
        Vec::new()
    } else {
        engine.titles_by_text(text, 5)?
    };
    let mut answer = Answer::new(AnswerKind::Search, query.clone());
    answer.citations = hits.iter().map(|h| citation(engine, h, &terms)).collect();
    answer.total = titles.len();
    answer.titles = titles
        .into_iter()
        .map(|h| TitleCard::from(h.item))
        .collect();
    if documents && query.is_empty() {
        answer.kind = AnswerKind::NotFound;
        answer.message = "What should I look for in the documents? e.g. \"what does the essay say about censorship?\"".to_string();
        answer.suggestions = vec!["/why-not china".to_string()];
    } else if answer.citations.is_empty() && answer.titles.is_empty() {
        answer.kind = AnswerKind::NotFound;
        answer.message = format!(
            "Nothing in the documents or titles matches \"{query}\". Try /why-not <place>, /titles origin:<country> or /title <name>."
        );
        answer.suggestions = vec![
            "/why-not china".to_string(),
            "/titles origin:cn type:movie".to_string(),
        ];
    } else if documents {
        answer.message = format!(
            "{} passage{} of the documents match \"{query}\".",
            answer.citations.len(),
            if answer.citations.len() == 1 { "" } else { "s" },
        );
    } else {
        answer.message = format!(
            "{} passage{} and {} title{} match \"{query}\".",
            answer.citations.len(),
            if answer.citations.len() == 1 { "" } else { "s" },
            answer.titles.len(),
            if answer.titles.len() == 1 { "" } else { "s" },
        );
    }
    Ok(answer)
}

//! Free text that is neither a why-not nor a titles question: a full-text search over the
//! documents' passages and the titles, answered with cited snippets.

use super::{Answer, AnswerKind, TitleCard, citation};
use crate::search::{Engine, SearchError};

/// Answers free text with the best passages and titles.
pub fn search(engine: &Engine, text: &str) -> Result<Answer, SearchError> {
    let query = crate::text::truncate(text.trim(), 300);
    let (hits, terms) = engine.passages(text, &[], 3)?;
    let titles = engine.titles_by_text(text, 5)?;
    let mut answer = Answer::new(AnswerKind::Search, query.clone());
    answer.citations = hits.iter().map(|h| citation(engine, h, &terms)).collect();
    answer.total = titles.len();
    answer.titles = titles
        .into_iter()
        .map(|h| TitleCard::from(h.item))
        .collect();
    if answer.citations.is_empty() && answer.titles.is_empty() {
        answer.kind = AnswerKind::NotFound;
        answer.message = format!(
            "Nothing in the documents or titles matches \"{query}\". Try /why-not <place>, /titles origin:<country> or /title <name>."
        );
        answer.suggestions = vec![
            "/why-not china".to_string(),
            "/titles origin:cn type:movie".to_string(),
        ];
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

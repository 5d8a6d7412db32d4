//! Free text that is neither a why-not nor a titles question: a full-text search over the
//! documents' passages and the titles, answered with cited snippets.

use super::{Answer, AnswerKind, TitleCard, citation};
use crate::i18n::Lang;
use crate::search::{Engine, SearchError};
use crate::t;

/// Answers free text with the best passages and titles (passages only with `documents`), in
/// English.
pub fn search(engine: &Engine, text: &str, documents: bool) -> Result<Answer, SearchError> {
    search_in(engine, text, documents, Lang::En)
}

/// [`search`], written in `lang`.
pub fn search_in(
    engine: &Engine,
    text: &str,
    documents: bool,
    lang: Lang,
) -> Result<Answer, SearchError> {
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
        answer.message = t!(lang, "search-what-in-documents");
        answer.suggestions = vec!["/why-not china".to_string()];
    } else if answer.citations.is_empty() && answer.titles.is_empty() {
        answer.kind = AnswerKind::NotFound;
        answer.message = t!(lang, "search-nothing", query = &query);
        answer.suggestions = vec![
            "/why-not china".to_string(),
            "/titles origin:cn type:movie".to_string(),
        ];
    } else if documents {
        answer.message = t!(
            lang,
            "search-documents",
            passages = answer.citations.len(),
            query = &query
        );
    } else {
        answer.message = t!(
            lang,
            "search-both",
            passages = answer.citations.len(),
            titles = answer.titles.len(),
            query = &query
        );
    }
    Ok(answer)
}

//! `/title NAME`: one title's card, found even when the name is misspelled.

use super::{Answer, AnswerKind, TitleCard};
use crate::search::{Engine, SearchError};

/// Names at least this similar to what was typed count as the title meant.
const GOOD_ENOUGH: f32 = 0.55;

/// Answers `/title NAME`.
pub fn title(engine: &Engine, name: &str) -> Result<Answer, SearchError> {
    let name = name.trim();
    let query = format!("/title {}", crate::text::truncate(name, 200));
    let hits = engine.names_by_name(name, 6)?;
    let Some(best) = hits.first().filter(|h| h.score >= GOOD_ENOUGH) else {
        let mut a = Answer::not_found(
            query,
            format!("No title called \"{}\".", crate::text::truncate(name, 80)),
        );
        a.suggestions = hits.iter().map(|h| h.label()).collect();
        if !a.suggestions.is_empty() {
            a.message
                .push_str(&format!(" Closest: {}.", a.suggestions.join(", ")));
        }
        return Ok(a);
    };
    let exact = best.score >= 1.0;
    let mut answer = Answer::new(AnswerKind::Title, query);
    let others: Vec<String> = hits[1..]
        .iter()
        .filter(|h| {
            h.score >= best.score.min(0.999) - 0.05
                || crate::text::fold(&h.title) == crate::text::fold(&best.title)
        })
        .map(|h| h.label())
        .collect();
    answer.message = if exact {
        best.title.clone()
    } else {
        format!(
            "Closest match for \"{}\": {}",
            crate::text::truncate(name, 80),
            best.label()
        )
    };
    if !others.is_empty() {
        answer
            .message
            .push_str(&format!(". Also: {}", others.join(", ")));
        answer.suggestions = others;
    }
    answer.titles = vec![TitleCard::from(engine.title_at(best)?)];
    answer.total = 1;
    answer.page = 1;
    answer.pages = 1;
    Ok(answer)
}

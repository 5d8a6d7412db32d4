//! Free text that is neither a why-not nor a titles question: a full-text search over the
//! documents' passages and the titles, answered with cited snippets.

use super::{Answer, Body, Found, NotFound, TitleCard, citation};
use crate::i18n::Lang;
use crate::search::{Engine, SearchError};
use crate::t;

/// Answers free text with the best passages and titles (passages only with `documents`),
/// written in `lang`.
pub fn search(
    engine: &Engine,
    text: &str,
    documents: bool,
    lang: Lang,
) -> Result<Answer, SearchError> {
    let query = crate::text::truncate(text.trim(), 300);
    let examples = |commands: &[&str]| {
        Body::NotFound(NotFound {
            examples: commands.iter().map(|c| c.to_string()).collect(),
            ..NotFound::default()
        })
    };
    // "What do the documents say?" about nothing: ask what about, without searching.
    if documents && query.is_empty() {
        let message = t!(lang, "search-what-in-documents");
        return Ok(Answer::new(query, message, examples(&["/why-not china"])));
    }
    // A Chinese question about the English documents searches them with the glossary's English
    // words too (字幕组 → subtitle teams): the words found are highlighted in the quotations.
    let glossed = crate::lexicon::Lexicon::global().glossed(text);
    let passage_text = if glossed.is_empty() {
        text.to_string()
    } else {
        format!("{text} {}", glossed.join(" "))
    };
    let (hits, terms) = engine.passages(&passage_text, &[], 3)?;
    let titles = if documents {
        Vec::new()
    } else {
        engine.titles_by_text(text, 5)?
    };
    let citations: Vec<_> = hits.iter().map(|h| citation(engine, h, &terms)).collect();
    let titles: Vec<TitleCard> = titles
        .into_iter()
        .map(|h| TitleCard::from(h.item))
        .collect();
    if citations.is_empty() && titles.is_empty() {
        let message = t!(lang, "search-nothing", query = &query);
        let body = examples(&["/why-not china", "/titles origin:cn type:movie"]);
        return Ok(Answer::new(query, message, body));
    }
    let message = if documents {
        t!(
            lang,
            "search-documents",
            passages = citations.len(),
            query = &query
        )
    } else {
        t!(
            lang,
            "search-both",
            passages = citations.len(),
            titles = titles.len(),
            query = &query
        )
    };
    Ok(Answer::new(
        query,
        message,
        Body::Search(Found { citations, titles }),
    ))
}

/// A service the bot does not cover: said so, with the four it does, and what the documents say
/// about the service when they name it (the essay on iQIYI, Tencent, Youku, Mango TV). Never
/// another service's facts.
pub fn uncovered(engine: &Engine, name: &str, lang: Lang) -> Result<Answer, SearchError> {
    let covered: Vec<String> = crate::domain::Service::all()
        .map(|s| s.name().to_string())
        .collect();
    // In Chinese, the name Chinese speakers use first (`爱奇艺（iQIYI）`).
    let shown = match crate::lexicon::Lexicon::global().other_chinese(name) {
        Some(zh) if lang.is_chinese() => {
            t!(
                lang,
                "uncovered-name",
                chinese = lang.chinese(zh).as_ref(),
                name = name
            )
        }
        _ => name.to_string(),
    };
    let lead = t!(
        lang,
        "uncovered-service",
        service = shown.as_str(),
        covered = super::words::and_list(lang, &covered)
    );
    let query = format!("/ask {}", super::command::quoted(name));
    // The documents are English: the name as the essay writes it (`Tencent Video` → `Tencent`).
    let word = name.split_whitespace().next().unwrap_or(name);
    let (hits, terms) = engine.passages(word, &[], 3)?;
    let named: Vec<_> = hits
        .iter()
        .filter(|h| crate::text::fold(&h.text).contains(&crate::text::fold(word)))
        .map(|h| citation(engine, h, &terms))
        .collect();
    if named.is_empty() {
        let body = Body::NotFound(NotFound {
            examples: vec!["/why-not china".to_string()],
            ..NotFound::default()
        });
        return Ok(Answer::new(query, lead, body));
    }
    let message = super::words::join(
        lang,
        &[
            lead,
            t!(lang, "uncovered-documents", service = shown.as_str()),
        ],
    );
    Ok(Answer::new(
        query,
        message,
        Body::Search(Found {
            citations: named,
            titles: Vec::new(),
        }),
    ))
}

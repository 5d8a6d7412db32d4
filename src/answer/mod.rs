//! Answers: one function per question, each returning a serializable [`Answer`] that knows
//! nothing of how it will be shown (Discord embed, terminal text or JSON).

mod command;
mod map;
mod request;
mod search;
mod title;
mod titles;
mod understand;
mod why_not;
pub mod words;

use serde::Serialize;

pub use map::{Figure, MapData, MapPlace, map, map_data, map_in};
pub use request::{
    HELP, Request, TitlesArgs, UsageError, help, parse_command, parse_command_in, parse_service,
    parse_years, parse_years_in,
};
pub use search::{search, search_in};
pub use title::{title, title_in, where_to_watch, where_to_watch_in};
pub use titles::{titles, titles_in};
pub use understand::{MAX_INPUT, Understanding, route, understand, understand_in};
pub use why_not::{service_word, why_not, why_not_in};

use crate::corpus::{Status, Title};
use crate::i18n::Lang;
use crate::places::Place;
use crate::search::Engine;

/// What kind of answer this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    WhyNot,
    Titles,
    Title,
    Search,
    NotFound,
    Help,
    Map,
}

/// A place as answers name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceRef {
    pub code: String,
    pub name: String,
}

impl From<&Place> for PlaceRef {
    fn from(p: &Place) -> Self {
        PlaceRef {
            code: p.code.clone(),
            name: p.name.clone(),
        }
    }
}

/// A structured fact with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
    /// All sources, joined with `; ` (see `sources` for the list).
    pub source: String,
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
}

/// A quoted part of an indexed document. `text` is exactly the document's bytes `start..end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub document: String,
    pub document_title: String,
    /// 1-based paragraph number (paragraphs are the non-empty lines).
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Matched words, as byte ranges of the document (inside `start..end`).
    pub highlights: Vec<[usize; 2]>,
}

/// When a service added a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    pub service: String,
    pub date: String,
}

/// A title's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleCard {
    /// `service:show_id` of its first listing.
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aka: Option<String>,
    #[serde(rename = "type")]
    pub kind: crate::corpus::Kind,
    pub year: Option<u16>,
    /// Production countries as place codes.
    pub origin: Vec<String>,
    /// Production countries as named by the data.
    pub countries: Vec<String>,
    pub genres: Vec<String>,
    pub services: Vec<String>,
    pub director: Vec<String>,
    pub cast: Vec<String>,
    pub rating: Option<String>,
    pub duration: Option<String>,
    pub description: String,
    pub added: Vec<Added>,
    pub sources: Vec<String>,
}

impl From<Title> for TitleCard {
    fn from(t: Title) -> Self {
        TitleCard {
            id: t.id(),
            services: t.services(),
            added: t
                .listings
                .iter()
                .filter_map(|l| {
                    l.date_added.map(|d| Added {
                        service: l.service.clone(),
                        date: d.to_string(),
                    })
                })
                .collect(),
            title: t.title,
            aka: t.aka,
            kind: t.kind,
            year: t.year,
            origin: t.origin,
            countries: t.countries,
            genres: t.genres,
            director: t.director,
            cast: t.cast,
            rating: t.rating,
            duration: t.duration,
            description: t.description,
            sources: t.sources,
        }
    }
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub kind: AnswerKind,
    /// The question as understood (`/why-not place:CN service:netflix`).
    pub query: String,
    pub service: Option<String>,
    pub place: Option<PlaceRef>,
    pub status: Option<Status>,
    pub facts: Vec<Fact>,
    pub citations: Vec<Citation>,
    pub titles: Vec<TitleCard>,
    /// Matching titles in all (not just this page).
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// A one-line summary, or what went wrong and what to try.
    pub message: String,
    pub suggestions: Vec<String>,
    /// For `/map`: what the map shows (drawn by `render::map`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<MapData>,
    /// The language the answer is written in (`en`, `zh`).
    pub lang: Lang,
}

impl Answer {
    pub fn new(kind: AnswerKind, query: impl Into<String>) -> Answer {
        Answer {
            kind,
            query: query.into(),
            service: None,
            place: None,
            status: None,
            facts: Vec::new(),
            citations: Vec::new(),
            titles: Vec::new(),
            total: 0,
            page: 0,
            pages: 0,
            message: String::new(),
            suggestions: Vec::new(),
            map: None,
            lang: Lang::En,
        }
    }

    pub fn not_found(query: impl Into<String>, message: impl Into<String>) -> Answer {
        let mut a = Answer::new(AnswerKind::NotFound, query);
        a.message = message.into();
        a
    }
}

/// Why a question could not be answered at all (as opposed to "nothing matched").
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    #[error(transparent)]
    Usage(#[from] UsageError),
    #[error("search failed: {0}")]
    Search(#[from] crate::search::SearchError),
}

/// Answers one input as a person would type it: `/why-not china`, `/titles origin:cn`,
/// `/title Breaking Bad`, or free text.
pub fn respond(engine: &Engine, input: &str) -> Result<Answer, AnswerError> {
    respond_in(engine, input, crate::i18n::Lang::En)
}

/// [`respond`], written in `lang`.
pub fn respond_in(engine: &Engine, input: &str, lang: Lang) -> Result<Answer, AnswerError> {
    // Bidirectional overrides and other invisible controls never reach an answer's echo.
    let input = crate::text::strip_invisible(input);
    let understood = understand_in(engine, &input, lang)?;
    tracing::debug!(understood = %understood.request.canonical(), "read a question");
    let mut answer = answer_in(engine, &understood.request, lang)?;
    if let Some(also) = &understood.also {
        let command = also.command();
        if !answer.suggestions.contains(&command) {
            answer.suggestions.push(command);
        }
    }
    Ok(answer)
}

/// Answers a parsed request, in English.
pub fn answer(engine: &Engine, request: &Request) -> Result<Answer, AnswerError> {
    answer_in(engine, request, Lang::En)
}

/// Answers a parsed request, written in `lang`. Only the sentences differ between languages:
/// the query, statuses, sources and citations are the same.
pub fn answer_in(engine: &Engine, request: &Request, lang: Lang) -> Result<Answer, AnswerError> {
    let mut answer = match request {
        Request::WhyNot { place, service } => why_not_in(engine, place, service.as_deref(), lang)?,
        Request::Titles(args) => titles_in(engine, args, lang)?,
        Request::Title { name, service } => title_in(engine, name, service.as_deref(), lang)?,
        Request::Search { text, documents } => search_in(engine, text, *documents, lang)?,
        Request::Map { service, figure } => map_in(engine, service.as_deref(), *figure, lang)?,
        Request::Help => {
            let mut a = Answer::new(AnswerKind::Help, "/help");
            a.message = help(lang);
            a
        }
    };
    answer.lang = lang;
    Ok(answer)
}

/// Turns analysed highlight ranges into citations.
pub(crate) fn citation(
    engine: &Engine,
    hit: &crate::search::PassageHit,
    terms: &[String],
) -> Citation {
    let s = crate::search::snippet::best(&hit.text, hit.start, terms);
    let rel = |x: usize| x - hit.start;
    let info = engine.info();
    let document_title = info
        .documents
        .iter()
        .find(|d| d.id == hit.doc_id)
        .map(|d| d.title.clone())
        .unwrap_or_else(|| hit.doc_id.clone());
    Citation {
        document: hit.doc_id.clone(),
        document_title,
        paragraph: hit.paragraph,
        start: s.start,
        end: s.end,
        text: hit.text[rel(s.start)..rel(s.end)].to_string(),
        highlights: s.highlights.iter().map(|&(a, b)| [a, b]).collect(),
    }
}

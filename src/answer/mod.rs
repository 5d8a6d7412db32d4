//! Answers: one function per question, each returning a serializable [`Answer`] that knows
//! nothing of how it will be shown (Discord embed, terminal text or JSON).

mod asker;
mod command;
pub mod commands;
mod in_place;
mod leftover;
mod map;
mod request;
mod search;
pub mod settings;
mod similar;
mod title;
mod titles;
mod understand;
mod when;
mod why_not;
pub mod words;

use serde::Serialize;

pub use asker::{Asker, RegionFrom, Who, answer_as, answer_for, respond_for};
pub use map::{Figure, MapData, MapPlace, map, map_data};
pub use request::{
    Request, TitlesArgs, UsageError, help, parse_command, parse_service, parse_years, read,
};
pub use search::search;
pub use settings::{Caller, SettingsArgs, SettingsView};
pub use title::{title, where_to_watch};
pub use titles::titles;
pub use understand::{MAX_INPUT, Understanding, route, understand};
pub use why_not::why_not;

use crate::corpus::Status;
use crate::i18n::Lang;
use crate::search::Engine;

mod json;
mod parts;
pub mod ranking;

pub use in_place::{Availability, InPlace};
pub use parts::{Added, Citation, Fact, PlaceRef, TitleCard};

/// What kind of answer this is: the `kind` of its JSON.
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
    Settings,
    Ranking,
}

/// The answer to one question: what every answer says, and what its kind adds ([`Body`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The question as understood (`/why-not place:CN service:netflix`).
    pub query: String,
    /// A one-line summary, or what went wrong and what to try.
    pub message: String,
    /// The language the answer is written in.
    pub lang: Lang,
    /// The other reading of an ambiguous question, as a command (`/titles origin:KR` for
    /// "Korea"), when the question had one.
    pub other_reading: Option<String>,
    pub body: Body,
}

/// What each kind of answer holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    WhyNot(WhyNot),
    Titles(TitlesPage),
    Title(Box<TitleFound>),
    Search(Found),
    NotFound(NotFound),
    Help,
    /// What a map of one service shows (drawn by `render::map`).
    Map(MapData),
    /// A person's saved settings, after `/settings` changed or deleted them.
    Settings(SettingsView),
    /// One page of a ranking (`/top`).
    Ranking(ranking::RankingPage),
}

/// Whether (and why) a service is offered in a place.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyNot {
    pub service: String,
    pub place: PlaceRef,
    pub status: Status,
    pub facts: Vec<Fact>,
    pub citations: Vec<Citation>,
    /// `/why-not <place> <service>` for the place's other services with facts of their own,
    /// when this one has none or only an "unknown".
    pub other_services: Vec<String>,
}

/// One page of the titles that match some filters.
#[derive(Debug, Clone, PartialEq)]
pub struct TitlesPage {
    pub service: Option<String>,
    pub place: Option<PlaceRef>,
    pub titles: Vec<TitleCard>,
    /// Matching titles in all (not just this page).
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// Words of the question left out because searching for them emptied the list.
    pub ignored: Vec<String>,
    /// `/similar`: the title these are like (its id and name).
    pub similar_to: Option<(String, String)>,
}

/// One title, found by its name.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleFound {
    /// The service asked about ("is it on Hulu?").
    pub service: Option<String>,
    pub card: TitleCard,
    /// Other titles with the same or a close name (`Okja (2017)`).
    pub close_names: Vec<String>,
    /// The title's services in the place asked about ("can I watch it in China?").
    pub in_place: Option<InPlace>,
}

/// Passages and titles that match free text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub citations: Vec<Citation>,
    pub titles: Vec<TitleCard>,
}

/// Nothing answers the question; the message says why and what to try.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NotFound {
    /// The service and place the question was about, when they were understood.
    pub service: Option<String>,
    pub place: Option<PlaceRef>,
    /// For titles: how many match in all, and the page asked for (a page past the end).
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// Names close to one that is not known (a place, a title).
    pub close_names: Vec<String>,
    /// `/why-not <place> <service>` for services that do have facts.
    pub other_services: Vec<String>,
    /// What dropping one filter would give (`without origin, 7 titles`).
    pub relaxations: Vec<String>,
    /// Questions to try instead (`/why-not china`).
    pub examples: Vec<String>,
}

impl Answer {
    /// An answer in English; [`answer`] sets the language it was written in.
    pub fn new(query: impl Into<String>, message: impl Into<String>, body: Body) -> Answer {
        Answer {
            query: query.into(),
            message: message.into(),
            lang: Lang::En,
            other_reading: None,
            body,
        }
    }

    /// A not-found answer with nothing to suggest.
    pub fn not_found(query: impl Into<String>, message: impl Into<String>) -> Answer {
        Answer::new(query, message, Body::NotFound(NotFound::default()))
    }

    pub fn kind(&self) -> AnswerKind {
        match &self.body {
            Body::WhyNot(_) => AnswerKind::WhyNot,
            Body::Titles(_) => AnswerKind::Titles,
            Body::Title(_) => AnswerKind::Title,
            Body::Search(_) => AnswerKind::Search,
            Body::NotFound(_) => AnswerKind::NotFound,
            Body::Help => AnswerKind::Help,
            Body::Map(_) => AnswerKind::Map,
            Body::Settings(_) => AnswerKind::Settings,
            Body::Ranking(_) => AnswerKind::Ranking,
        }
    }

    /// The service the answer is about, if any (an id: `netflix`, `amazon_prime`…).
    pub fn service(&self) -> Option<&str> {
        match &self.body {
            Body::WhyNot(w) => Some(&w.service),
            Body::Titles(t) => t.service.as_deref(),
            Body::Title(t) => t.service.as_deref(),
            Body::NotFound(n) => n.service.as_deref(),
            Body::Map(m) => Some(&m.service),
            Body::Ranking(_) => Some(crate::domain::Service::DEFAULT.id()),
            Body::Search(_) | Body::Help | Body::Settings(_) => None,
        }
    }

    /// The place the answer is about, if any.
    pub fn place(&self) -> Option<&PlaceRef> {
        match &self.body {
            Body::WhyNot(w) => Some(&w.place),
            Body::Title(t) => t.in_place.as_ref().map(|p| &p.place),
            Body::Titles(t) => t.place.as_ref(),
            Body::NotFound(n) => n.place.as_ref(),
            _ => None,
        }
    }

    /// A why-not answer's status, or a title's in the place asked about.
    pub fn status(&self) -> Option<Status> {
        match &self.body {
            Body::WhyNot(w) => Some(w.status),
            Body::Title(t) => t.in_place.as_ref().map(|p| p.status),
            _ => None,
        }
    }

    /// A why-not answer's facts, or those behind a title's services in a place.
    pub fn facts(&self) -> &[Fact] {
        match &self.body {
            Body::WhyNot(w) => &w.facts,
            Body::Title(t) => t.in_place.as_ref().map_or(&[], |p| &p.facts),
            _ => &[],
        }
    }

    /// Each of a title's services in the place asked about.
    pub fn availability(&self) -> &[Availability] {
        match &self.body {
            Body::Title(t) => t.in_place.as_ref().map_or(&[], |p| &p.availability),
            _ => &[],
        }
    }

    /// The quoted passages of a why-not or search answer.
    pub fn citations(&self) -> &[Citation] {
        match &self.body {
            Body::WhyNot(w) => &w.citations,
            Body::Search(s) => &s.citations,
            Body::Title(t) => t.in_place.as_ref().map_or(&[], |p| &p.citations),
            _ => &[],
        }
    }

    /// The titles the answer shows.
    pub fn titles(&self) -> &[TitleCard] {
        match &self.body {
            Body::Titles(t) => &t.titles,
            Body::Title(t) => std::slice::from_ref(&t.card),
            Body::Search(s) => &s.titles,
            _ => &[],
        }
    }

    /// The title cards of the answer, to change (the asker's services are marked on them).
    pub fn cards_mut(&mut self) -> &mut [TitleCard] {
        match &mut self.body {
            Body::Titles(t) => &mut t.titles,
            Body::Title(t) => std::slice::from_mut(&mut t.card),
            Body::Search(s) => &mut s.titles,
            _ => &mut [],
        }
    }

    /// Matching titles in all, the page shown and the pages there are.
    pub fn paging(&self) -> (usize, usize, usize) {
        match &self.body {
            Body::Titles(t) => (t.total, t.page, t.pages),
            Body::Title(_) => (1, 1, 1),
            Body::Search(s) => (s.titles.len(), 0, 0),
            Body::NotFound(n) => (n.total, n.page, n.pages),
            Body::Ranking(r) => (r.total, r.page, r.pages),
            _ => (0, 0, 0),
        }
    }

    /// Matching titles in all.
    pub fn total(&self) -> usize {
        self.paging().0
    }

    /// The page shown (1-based; 0 where the kind has no pages).
    pub fn page(&self) -> usize {
        self.paging().1
    }

    /// The pages there are.
    pub fn pages(&self) -> usize {
        self.paging().2
    }

    /// A map answer's data.
    pub fn map(&self) -> Option<&MapData> {
        match &self.body {
            Body::Map(m) => Some(m),
            _ => None,
        }
    }

    /// Names close to what was asked: a title's namesakes, or the places or titles meant.
    pub fn close_names(&self) -> &[String] {
        match &self.body {
            Body::Title(t) => &t.close_names,
            Body::NotFound(n) => &n.close_names,
            _ => &[],
        }
    }

    /// `/why-not` commands for other services (for a title in a place: its services that are
    /// not available there).
    pub fn other_services(&self) -> &[String] {
        match &self.body {
            Body::WhyNot(w) => &w.other_services,
            Body::NotFound(n) => &n.other_services,
            Body::Title(t) => t.in_place.as_ref().map_or(&[], |p| &p.why_not),
            _ => &[],
        }
    }

    /// Every suggestion in one list, as the JSON's `suggestions` has them: the kind's own
    /// (other services, close names, relaxations, examples), then the other reading.
    pub fn suggestions(&self) -> Vec<String> {
        let mut out: Vec<String> = match &self.body {
            Body::WhyNot(w) => w.other_services.clone(),
            Body::Title(t) => [
                t.in_place.as_ref().map_or(&[][..], |p| &p.why_not[..]),
                &t.close_names[..],
            ]
            .concat(),
            Body::NotFound(n) => [
                &n.other_services,
                &n.close_names,
                &n.relaxations,
                &n.examples,
            ]
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
            // A ranked row about a catalogue title opens its card.
            Body::Ranking(p) => p
                .rows
                .iter()
                .filter_map(|r| r.title.as_deref())
                .map(|t| format!("/title name:{}", command::quoted(t)))
                .fold(Vec::new(), |mut out, c| {
                    if !out.contains(&c) && out.len() < 5 {
                        out.push(c);
                    }
                    out
                }),
            _ => Vec::new(),
        };
        if let Some(also) = &self.other_reading
            && !out.contains(also)
        {
            out.push(also.clone());
        }
        out
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
/// Written in `lang`.
pub fn respond(engine: &Engine, input: &str, lang: Lang) -> Result<Answer, AnswerError> {
    // Bidirectional overrides and other invisible controls never reach an answer's echo.
    let input = crate::text::strip_invisible(input);
    let understood = understand(engine, &input, lang)?;
    tracing::debug!(understood = %understood.request.canonical(), "read a question");
    let mut answer = answer(engine, &understood.request, lang)?;
    answer.other_reading = understood.also.as_ref().map(|also| also.command());
    Ok(answer)
}

/// Answers a parsed request, written in `lang`. Only the sentences differ between languages:
/// the query, statuses, sources and citations are the same.
pub fn answer(engine: &Engine, request: &Request, lang: Lang) -> Result<Answer, AnswerError> {
    let mut answer = match request {
        Request::WhyNot { place, service } => why_not(engine, place, service.as_deref(), lang)?,
        Request::Titles(args) => titles(engine, args, lang)?,
        Request::Title {
            name,
            service,
            place,
        } => title(engine, name, service.as_deref(), place.as_deref(), lang)?,
        Request::Search { text, documents } => search(engine, text, *documents, lang)?,
        Request::Map { service, figure } => map(engine, service.as_deref(), *figure, lang)?,
        Request::Help => Answer::new("/help", help(lang), Body::Help),
        Request::Uncovered { name } => search::uncovered(engine, name, lang)?,
        // Without a store (a front that has none) settings are unavailable.
        Request::Settings(args) => settings::settings(None, &Caller::LOCAL, args, lang),
        Request::Top(args) => ranking::top(engine, args, lang)?,
        Request::Similar {
            name,
            service,
            kind,
        } => similar::similar(engine, name, service.as_deref(), *kind, lang)?,
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

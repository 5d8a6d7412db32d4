//! The one JSON shape of every answer (README, "JSON"): a flat object whose keys are the same
//! for every kind, so a consumer reads `facts` or `titles` without first switching on `kind`.
//! The typed [`Answer`] is turned into it here and nowhere else.

use serde::{Serialize, Serializer};

use super::{Answer, AnswerKind, Availability, Citation, Fact, MapData, PlaceRef, TitleCard};
use crate::corpus::Status;
use crate::i18n::Lang;

/// The answer as its JSON writes it. The keys up to `lang` are the documented ones; the
/// typed suggestions after them were added later (`suggestions` is their union).
#[derive(Serialize)]
struct Wire<'a> {
    kind: AnswerKind,
    query: &'a str,
    service: Option<&'a str>,
    place: Option<&'a PlaceRef>,
    status: Option<Status>,
    facts: &'a [Fact],
    citations: &'a [Citation],
    titles: &'a [TitleCard],
    total: usize,
    page: usize,
    pages: usize,
    message: &'a str,
    suggestions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<&'a MapData>,
    lang: Lang,
    other_services: &'a [String],
    other_reading: Option<&'a str>,
    close_names: &'a [String],
    relaxations: &'a [String],
    examples: &'a [String],
    /// A title asked about in a place: each of its services there.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    availability: &'a [Availability],
    /// Words of the question left out because they emptied the list.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    ignored: &'a [String],
    /// `/settings`: what is stored about the asker now.
    #[serde(skip_serializing_if = "Option::is_none")]
    settings: Option<SettingsWire>,
    /// `/similar`: the title the list is like.
    #[serde(skip_serializing_if = "Option::is_none")]
    similar_to: Option<SimilarTo<'a>>,
    /// A ranking: `metric`, `unit`, `as_of`, `sources`, `lowest` and `rows`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    ranking: Option<&'a super::ranking::RankingPage>,
}

/// The title a `/similar` list is like.
#[derive(Serialize)]
struct SimilarTo<'a> {
    id: &'a str,
    title: &'a str,
}

/// A `/settings` answer's settings as JSON: `null` where nothing is set.
#[derive(Serialize)]
struct SettingsWire {
    done: super::settings::Done,
    /// Whether the store answered (`false`: settings are unavailable right now).
    available: bool,
    region: Option<PlaceRef>,
    services: Vec<&'static str>,
    language: Option<&'static str>,
    server_region: Option<PlaceRef>,
}

fn settings_wire(view: &super::SettingsView) -> SettingsWire {
    let yours = view.yours.as_ref();
    SettingsWire {
        done: view.done,
        available: yours.is_some(),
        region: view.region(),
        services: yours.map_or_else(Vec::new, |s| s.services.iter().map(|s| s.id()).collect()),
        language: yours.and_then(|s| s.language).map(Lang::code),
        server_region: view
            .server_region
            .as_deref()
            .map(super::settings::place_ref),
    }
}

impl Serialize for Availability {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row<'a> {
            service: &'a str,
            status: Status,
            #[serde(skip_serializing_if = "Option::is_none")]
            since: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            category: Option<crate::corpus::Category>,
        }
        Row {
            service: &self.service,
            status: self.status,
            since: self.since.as_deref(),
            category: self.category,
        }
        .serialize(serializer)
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (total, page, pages) = self.paging();
        let (relaxations, examples): (&[String], &[String]) = match &self.body {
            super::Body::NotFound(n) => (&n.relaxations, &n.examples),
            _ => (&[], &[]),
        };
        Wire {
            kind: self.kind(),
            query: &self.query,
            service: self.service(),
            place: self.place(),
            status: self.status(),
            facts: self.facts(),
            citations: self.citations(),
            titles: self.titles(),
            total,
            page,
            pages,
            message: &self.message,
            suggestions: self.suggestions(),
            map: self.map(),
            lang: self.lang,
            other_services: self.other_services(),
            other_reading: self.other_reading.as_deref(),
            close_names: self.close_names(),
            relaxations,
            examples,
            availability: self.availability(),
            ignored: match &self.body {
                super::Body::Titles(page) => &page.ignored,
                _ => &[],
            },
            settings: match &self.body {
                super::Body::Settings(view) => Some(settings_wire(view)),
                _ => None,
            },
            similar_to: match &self.body {
                super::Body::Titles(page) => page
                    .similar_to
                    .as_ref()
                    .map(|(id, title)| SimilarTo { id, title }),
                _ => None,
            },
            ranking: match &self.body {
                super::Body::Ranking(page) => Some(page),
                _ => None,
            },
        }
        .serialize(serializer)
    }
}

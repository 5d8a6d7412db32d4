//! The pieces answers are made of: a place as named, a sourced fact, a quoted passage, and a
//! title's card. Every answer kind that shows one of these uses the same type.

use serde::Serialize;

use crate::corpus::Title;
use crate::places::Place;

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
    /// Which of its services the asker has (from their settings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub yours: Vec<String>,
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
            yours: Vec::new(),
        }
    }
}

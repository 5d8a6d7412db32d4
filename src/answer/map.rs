//! `/map [service] [figure]`: what a world map of one service needs, as data: each place's
//! status and since-date, the status of every place without facts of its own, the newest fact's
//! date, and optionally one per-country figure (library size or price). Drawing is `render::map`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Answer, Body};
use crate::corpus::{Category, EVERYWHERE_ELSE, Status};
use crate::domain::{Service, service_name, service_word};
use crate::i18n::Lang;
use crate::places::Places;
use crate::search::{Engine, FactRecord, SearchError};
use crate::t;

/// A per-country figure a map can shade instead of statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Titles in the catalogue.
    Library,
    /// Monthly price of the Standard plan in US dollars.
    Price,
}

impl Figure {
    pub fn parse(s: &str) -> Option<Figure> {
        match s.trim().to_ascii_lowercase().as_str() {
            "library" | "library_size" | "titles" | "size" => Some(Figure::Library),
            "price" | "prices" | "cost" | "fee" => Some(Figure::Price),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Figure::Library => "library",
            Figure::Price => "price",
        }
    }

    /// The stored figure label this figure is read from (`Library size (December 2021)`).
    fn label_prefix(self) -> &'static str {
        match self {
            Figure::Library => "Library size",
            Figure::Price => "Monthly price",
        }
    }
}

/// One place with facts of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPlace {
    pub code: String,
    pub name: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
}

/// Everything a map of one service shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapData {
    pub service: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// Places with facts of their own, by code, with the status their first row states.
    pub places: BTreeMap<String, MapPlace>,
    /// The status of every other place: the `*` row's, or unknown when there is none.
    pub elsewhere: Status,
    /// The newest date among the service's facts (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newest: Option<String>,
    /// The figure per place code, when a figure is asked for.
    pub values: BTreeMap<String, f64>,
    /// The figures' month (`YYYY-MM`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values_as_of: Option<String>,
    /// Distinct sources behind what the map shows.
    pub sources: Vec<String>,
}

impl MapData {
    /// The status the map gives `code`.
    pub fn status_of(&self, code: &str) -> Status {
        self.places.get(code).map_or(self.elsewhere, |p| p.status)
    }

    /// `Netflix`, `Prime Video`…
    pub fn service_name(&self) -> String {
        service_name(&self.service)
    }
}

/// Answers `/map`: the data for a map of `service` (default Netflix), shading `figure` if given;
/// written in `lang` (the map data itself is the same in every language).
pub fn map(
    engine: &Engine,
    service: Option<&str>,
    figure: Option<Figure>,
    lang: Lang,
) -> Result<Answer, SearchError> {
    let service = service.unwrap_or(Service::DEFAULT.id()).to_string();
    let label = service_name(&service);
    let mut query = format!("/map service:{}", service_word(&service));
    if let Some(f) = figure {
        query.push_str(&format!(" figure:{}", f.as_str()));
    }
    let facts = engine.service_facts(&service)?;
    if facts.is_empty() {
        return Ok(Answer::not_found(
            query,
            t!(lang, "map-no-facts", service = &label),
        ));
    }
    let data = map_data(&service, figure, &facts);
    if figure.is_some() && data.values.is_empty() {
        return Ok(Answer::not_found(
            query,
            t!(lang, "map-no-figures", service = &label),
        ));
    }
    let message = match figure {
        Some(f) => {
            let what = t!(
                lang,
                match f {
                    Figure::Library => "map-figure-library",
                    Figure::Price => "map-figure-price",
                }
            );
            let when = data
                .values_as_of
                .as_deref()
                .map(|w| super::words::month(w, lang));
            t!(
                lang,
                if when.is_some() {
                    "map-figure-dated"
                } else {
                    "map-figure"
                },
                service = &label,
                figure = what,
                count = data.values.len(),
                when = when.unwrap_or_default()
            )
        }
        None => t!(
            lang,
            if data.newest.is_some() {
                "map-where-newest"
            } else {
                "map-where"
            },
            service = &label,
            date = data.newest.clone().unwrap_or_default()
        ),
    };
    Ok(Answer::new(query, message, Body::Map(data)))
}

/// Builds the map data from a service's facts (in file order).
pub fn map_data(service: &str, figure: Option<Figure>, facts: &[FactRecord]) -> MapData {
    let places = Places::global();
    let mut data = MapData {
        service: service.to_string(),
        figure,
        places: BTreeMap::new(),
        elsewhere: Status::Unknown,
        newest: None,
        values: BTreeMap::new(),
        values_as_of: None,
        sources: Vec::new(),
    };
    let mut elsewhere_seen = false;
    for r in facts {
        if r.category == Category::Figures {
            if let (Some(f), Some(v)) = (figure, r.amount)
                && r.label.starts_with(f.label_prefix())
            {
                data.values.insert(r.place.clone(), v);
                data.values_as_of = r.as_of.clone().or(data.values_as_of.take());
                push_sources(&mut data.sources, &r.sources);
            }
            continue;
        }
        if figure.is_none() {
            push_sources(&mut data.sources, &r.sources);
        }
        if let Some(since) = &r.since
            && data.newest.as_ref().is_none_or(|n| since > n)
        {
            data.newest = Some(since.clone());
        }
        let Some(status) = r.status else { continue };
        if r.place == EVERYWHERE_ELSE {
            // Only the first `*` row states the status.
            if !elsewhere_seen {
                data.elsewhere = status;
                elsewhere_seen = true;
            }
            continue;
        }
        data.places
            .entry(r.place.clone())
            .or_insert_with(|| MapPlace {
                code: r.place.clone(),
                name: places
                    .by_code(&r.place)
                    .map_or_else(|| r.place.clone(), |p| p.name.clone()),
                status,
                since: r.since.clone(),
            });
    }
    data
}

fn push_sources(all: &mut Vec<String>, new: &[String]) {
    for s in new {
        if !all.contains(s) {
            all.push(s.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(place: &str, status: Option<Status>, since: Option<&str>, cat: Category) -> FactRecord {
        FactRecord {
            service: "netflix".into(),
            place: place.into(),
            status,
            since: since.map(str::to_string),
            category: cat,
            label: if cat == Category::Figures {
                "Library size (December 2021)".into()
            } else {
                cat.label().into()
            },
            value: "v".into(),
            value_zh: None,
            confidence: None,
            sources: vec![format!("https://example.com/{place}")],
            as_of: (cat == Category::Figures).then(|| "2021-12".to_string()),
            amount: (cat == Category::Figures).then_some(5234.0),
            ord: 0,
        }
    }

    #[test]
    fn first_rows_state_status_and_the_newest_date_wins() {
        let facts = vec![
            row(
                "RU",
                Some(Status::Suspended),
                Some("2022-03-06"),
                Category::War,
            ),
            row(
                "RU",
                Some(Status::Suspended),
                Some("2022-05"),
                Category::War,
            ),
            row("CN", Some(Status::Unavailable), None, Category::Regulation),
            row(
                "*",
                Some(Status::Available),
                Some("2016-01-06"),
                Category::Business,
            ),
            row("*", Some(Status::Unknown), None, Category::Note),
            row("FR", None, None, Category::Figures),
        ];
        let d = map_data("netflix", None, &facts);
        assert_eq!(d.status_of("RU"), Status::Suspended);
        assert_eq!(d.places["RU"].since.as_deref(), Some("2022-03-06"));
        assert_eq!(d.status_of("CN"), Status::Unavailable);
        assert_eq!(d.status_of("FR"), Status::Available);
        assert_eq!(d.elsewhere, Status::Available);
        assert_eq!(d.newest.as_deref(), Some("2022-05"));
        assert!(d.values.is_empty());
        assert_eq!(d.sources.len(), 3);
        let d = map_data("netflix", Some(Figure::Library), &facts);
        assert_eq!(d.values.get("FR"), Some(&5234.0));
        assert_eq!(d.values_as_of.as_deref(), Some("2021-12"));
        assert_eq!(d.sources, vec!["https://example.com/FR".to_string()]);
        assert_eq!(
            map_data("netflix", Some(Figure::Price), &facts)
                .values
                .len(),
            0
        );
    }

    #[test]
    fn figures_have_everyday_names() {
        assert_eq!(Figure::parse("Library"), Some(Figure::Library));
        assert_eq!(Figure::parse("price"), Some(Figure::Price));
        assert_eq!(Figure::parse("colour"), None);
    }
}

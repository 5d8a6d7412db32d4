//! `/why-not PLACE [service]`: the status of a service in a place, the sourced facts, and the
//! passages of the indexed documents that explain it.

use super::words::{self, join, place_name};
use super::{Answer, Body, Fact, NotFound, PlaceRef, WhyNot, citation};
use crate::corpus::{Category, Status};
use crate::domain::{Service, service_name, service_word};
use crate::i18n::Lang;
use crate::places::{PlaceError, PlaceKind, Places};
use crate::search::{Engine, FactRecord, SearchError};
use crate::t;

/// Passages cited at most.
const MAX_CITATIONS: usize = 3;

/// A fact as an answer in `lang` shows it: its label and text in `lang` (the text in English
/// where the data has no Chinese), its sources as stored.
pub(super) fn fact(r: &FactRecord, extra: Option<String>, lang: Lang) -> Fact {
    let mut value = words::fact_value(r, lang);
    if let Some(e) = extra {
        value.push_str(words::sep(lang));
        value.push_str(&e);
    }
    Fact {
        label: words::fact_label(r, lang),
        value,
        source: r.sources.join("; "),
        sources: r.sources.clone(),
        since: r.since.clone(),
        confidence: r.confidence.clone(),
    }
}

/// Answers "why is `service` (default Netflix) not available in `place`?".
/// Written in `lang`.
pub fn why_not(
    engine: &Engine,
    place: &str,
    service: Option<&str>,
    lang: Lang,
) -> Result<Answer, SearchError> {
    let service = service.unwrap_or(Service::DEFAULT.id()).to_string();
    let service_label = service_name(&service);
    let query = format!("/why-not place:{place} service:{service}");
    let places = Places::global();
    let place = match places.resolve(place) {
        Ok(p) => p,
        Err(PlaceError::Empty) => {
            return Ok(Answer::not_found(query, t!(lang, "why-not-which-place")));
        }
        Err(PlaceError::Unknown { input, suggestions }) => {
            let message = unknown_name(lang, "unknown-place", &input, &suggestions);
            let body = Body::NotFound(NotFound {
                close_names: suggestions,
                ..NotFound::default()
            });
            return Ok(Answer::new(query, message, body));
        }
    };
    let query = format!("/why-not place:{} service:{service}", place.code);
    // The place as sentences in `lang` name it (`PlaceRef` keeps the English name).
    let place_label = place_name(&place.code, &place.name, lang);
    let not_found = |message: String, other_services: Vec<String>| {
        let body = Body::NotFound(NotFound {
            service: Some(service.clone()),
            place: Some(PlaceRef::from(place)),
            other_services,
            ..NotFound::default()
        });
        Answer::new(query.clone(), message, body)
    };

    if place.kind == PlaceKind::FormerCountry {
        let message = t!(lang, "former-country", place = &place_label);
        return Ok(not_found(message, Vec::new()));
    }

    let Standing {
        specific,
        status_rows,
        everywhere_else,
        figures,
    } = standing(engine, &service, &place.code)?;
    // Other services' facts for this place help when this one has none, or only an "unknown".
    let first_status = status_rows.first().and_then(|r| r.status);
    let others = if !specific || first_status == Some(Status::Unknown) {
        other_services(engine, &service, &place.code, &place.name)?
    } else {
        Vec::new()
    };
    // A place's first row states its status and since when (see data/SOURCES.md).
    let status = match status_rows.first().and_then(|r| r.status) {
        Some(s) => s,
        None if engine.services_with_facts()?.contains(&service) => Status::Unknown,
        None => {
            let known = engine.services_with_facts()?;
            let message = if known.is_empty() {
                t!(lang, "why-not-no-facts", service = &service_label)
            } else {
                let names: Vec<String> = known.iter().map(|s| service_name(s)).collect();
                t!(
                    lang,
                    "why-not-no-facts-others",
                    service = &service_label,
                    known = words::comma_list(lang, &names)
                )
            };
            let commands = known
                .iter()
                .map(|s| format!("/why-not {} {}", place.name.to_lowercase(), service_word(s)))
                .collect();
            return Ok(not_found(message, commands));
        }
    };
    let mut answer = WhyNot {
        service: service.clone(),
        place: PlaceRef::from(place),
        status,
        facts: Vec::new(),
        citations: Vec::new(),
        other_services: others,
    };
    let status_since = status_rows.first().and_then(|r| r.since.clone());

    if status == Status::Unknown {
        let covered = if specific {
            String::new()
        } else {
            t!(
                lang,
                "why-not-covered",
                service = &service_label,
                count = known_places(engine, &service)?,
                word = service_word(&service)
            )
        };
        let unknown = if specific {
            "why-not-unknown-specific"
        } else {
            "why-not-unknown-general"
        };
        let message = join(
            lang,
            &[
                t!(
                    lang,
                    unknown,
                    service = &service_label,
                    place = &place_label
                ),
                covered,
                t!(lang, "why-not-known-below", service = &service_label),
            ],
        );
        answer.facts = status_rows.iter().map(|r| fact(r, None, lang)).collect();
        if specific {
            answer
                .facts
                .extend(everywhere_else.iter().map(|r| fact(r, None, lang)));
        }
        answer
            .facts
            .extend(figures.iter().map(|r| fact(r, None, lang)));
        return Ok(Answer::new(query, message, Body::WhyNot(answer)));
    }

    let key = match (status, specific) {
        (Status::Available, true) => "why-not-available",
        (Status::Available, false) => "why-not-available-elsewhere",
        (Status::Unavailable, _) => "why-not-unavailable",
        (Status::Suspended, _) if status_since.is_some() => "why-not-suspended-since",
        (Status::Suspended, _) => "why-not-suspended",
        (Status::Unknown, _) => unreachable!("answered above"),
    };
    let message = t!(
        lang,
        key,
        service = &service_label,
        place = &place_label,
        since = status_since.as_deref().unwrap_or_default()
    );

    answer.facts = status_rows.iter().map(|r| fact(r, None, lang)).collect();
    for r in &figures {
        // Figures older than a suspension describe the past, not today.
        let stale = match (&status_since, &r.as_of, status) {
            (Some(since), Some(as_of), Status::Suspended | Status::Unavailable)
                if as_of.as_str() < since.as_str() =>
            {
                Some(t!(
                    lang,
                    "why-not-stale-figure",
                    service = &service_label,
                    since = since
                ))
            }
            _ => None,
        };
        answer.facts.push(fact(r, stale, lang));
    }

    // The passages that talk about this place.
    let mut required = vec![place.name.clone()];
    if let Some(adj) = places.adjective(&place.code) {
        required.push(adj.to_string());
    }
    let context = format!("{service_label} {}", reason_words(&status_rows));
    let (hits, terms) = engine.passages(&context, &required, MAX_CITATIONS)?;
    // A passage about another service explains nothing about this one.
    let named = service_label.trim_end_matches('+').to_lowercase();
    answer.citations = hits
        .iter()
        .filter(|h| h.text.to_lowercase().contains(&named))
        .map(|h| citation(engine, h, &terms))
        .collect();
    Ok(Answer::new(query, message, Body::WhyNot(answer)))
}

/// What the facts say of one service in one place: the rows that state its status (the place's
/// own, or the service's everywhere-else rows when the place has none), whether they are the
/// place's own, the everywhere-else rows that back an "unknown", and the figures.
pub(super) struct Standing {
    pub specific: bool,
    pub status_rows: Vec<FactRecord>,
    pub everywhere_else: Vec<FactRecord>,
    pub figures: Vec<FactRecord>,
}

impl Standing {
    /// The status the first row states (see data/SOURCES.md), `None` without any row.
    pub fn status(&self) -> Option<Status> {
        self.status_rows.first().and_then(|r| r.status)
    }

    /// Since when the status holds, where a row says.
    pub fn since(&self) -> Option<&str> {
        self.status_rows.first().and_then(|r| r.since.as_deref())
    }
}

/// The facts of `service` in the place `code`, sorted into a [`Standing`].
pub(super) fn standing(
    engine: &Engine,
    service: &str,
    code: &str,
) -> Result<Standing, SearchError> {
    // Without rows of its own, `facts` returns the service's everywhere-else rows.
    let (own, has_own) = engine.facts(service, code)?;
    let (figures, own_status): (Vec<FactRecord>, Vec<FactRecord>) = own
        .into_iter()
        .partition(|r| r.category == Category::Figures);
    let specific = has_own && !own_status.is_empty();
    let own_first = own_status.first().and_then(|r| r.status);
    let everywhere_else = if !has_own {
        own_status.clone()
    } else if !specific || own_first == Some(Status::Unknown) {
        engine.facts(service, crate::corpus::EVERYWHERE_ELSE)?.0
    } else {
        Vec::new()
    };
    let status_rows = if specific {
        own_status
    } else {
        everywhere_else.clone()
    };
    Ok(Standing {
        specific,
        status_rows,
        everywhere_else,
        figures,
    })
}

/// `I don't know a place called "…".` (`key` names what was not found), with the closest names.
pub(super) fn unknown_name(lang: Lang, key: &str, input: &str, suggestions: &[String]) -> String {
    let mut sentences = vec![t!(lang, key, input = crate::text::truncate(input, 60))];
    if !suggestions.is_empty() {
        sentences.push(t!(
            lang,
            "did-you-mean",
            list = words::comma_list(lang, suggestions)
        ));
    }
    join(lang, &sentences)
}

/// Words that tend to appear where a document explains a reason of this kind.
pub(super) fn reason_words(rows: &[FactRecord]) -> String {
    let mut words = Vec::new();
    for r in rows {
        let w = match r.category {
            Category::Regulation => "law regulation government administration foreign permit",
            Category::Sanctions => "sanctions embargo government",
            Category::War => "war invasion",
            Category::Business => "market platforms competition license",
            Category::Status | Category::Note | Category::Figures => "",
        };
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words.join(" ")
}

/// `/why-not <place> <service>` for each other service with facts of its own for this place.
fn other_services(
    engine: &Engine,
    service: &str,
    code: &str,
    name: &str,
) -> Result<Vec<String>, SearchError> {
    let mut out: Vec<String> = Vec::new();
    for r in engine.place_facts(code)? {
        if r.service == service || r.category == Category::Figures {
            continue;
        }
        let suggestion = format!(
            "/why-not {} {}",
            name.to_lowercase(),
            service_word(&r.service)
        );
        if !out.contains(&suggestion) {
            out.push(suggestion);
        }
    }
    Ok(out)
}

/// How many places have a known status (not unknown) for `service`.
fn known_places(engine: &Engine, service: &str) -> Result<usize, SearchError> {
    let mut places: Vec<String> = engine
        .service_facts(service)?
        .into_iter()
        .filter(|r| r.place != crate::corpus::EVERYWHERE_ELSE)
        .filter(|r| r.category != Category::Figures)
        .filter(|r| r.status.is_some_and(|s| s != Status::Unknown))
        .map(|r| r.place)
        .collect();
    places.sort();
    places.dedup();
    Ok(places.len())
}

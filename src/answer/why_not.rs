//! `/why-not PLACE [service]`: the status of a service in a place, the sourced facts, and the
//! passages of the indexed documents that explain it.

use super::{Answer, AnswerKind, Fact, PlaceRef, citation};
use crate::corpus::{Category, Status, service_name};
use crate::places::{PlaceError, PlaceKind, Places};
use crate::search::{Engine, FactRecord, SearchError};

/// Passages cited at most.
const MAX_CITATIONS: usize = 3;

fn fact(r: &FactRecord, extra: Option<String>) -> Fact {
    let mut value = r.value.clone();
    if let Some(e) = extra {
        value.push_str(&e);
    }
    Fact {
        label: r.label.clone(),
        value,
        source: r.sources.join("; "),
        sources: r.sources.clone(),
        since: r.since.clone(),
        confidence: r.confidence.clone(),
    }
}

/// Answers "why is `service` (default Netflix) not available in `place`?".
pub fn why_not(engine: &Engine, place: &str, service: Option<&str>) -> Result<Answer, SearchError> {
    let service = service.unwrap_or("netflix").to_string();
    let service_label = service_name(&service);
    let query = format!("/why-not place:{place} service:{service}");
    let places = Places::global();
    let place = match places.resolve(place) {
        Ok(p) => p,
        Err(PlaceError::Empty) => {
            return Ok(Answer::not_found(query, "Which place? e.g. /why-not china"));
        }
        Err(PlaceError::Unknown { input, suggestions }) => {
            let mut a = Answer::not_found(
                query,
                format!(
                    "I don't know a place called \"{}\".{}",
                    crate::text::truncate(&input, 60),
                    if suggestions.is_empty() {
                        String::new()
                    } else {
                        format!(" Did you mean {}?", suggestions.join(", "))
                    }
                ),
            );
            a.suggestions = suggestions;
            return Ok(a);
        }
    };
    let mut answer = Answer::new(
        AnswerKind::WhyNot,
        format!("/why-not place:{} service:{service}", place.code),
    );
    answer.service = Some(service.clone());
    answer.place = Some(PlaceRef::from(place));

    if place.kind == PlaceKind::FormerCountry {
        answer.kind = AnswerKind::NotFound;
        answer.message = format!(
            "{} no longer exists, so no service is offered there; ask about a country of today.",
            place.name
        );
        return Ok(answer);
    }

    // Without rows of its own, `facts` returns the service's everywhere-else rows.
    let (own, has_own) = engine.facts(&service, &place.code)?;
    let (figures, own_status): (Vec<FactRecord>, Vec<FactRecord>) = own
        .into_iter()
        .partition(|r| r.category == Category::Figures);
    let specific = has_own && !own_status.is_empty();
    let own_first = own_status.first().and_then(|r| r.status);
    let everywhere_else = if !has_own {
        own_status.clone()
    } else if !specific || own_first == Some(Status::Unknown) {
        engine.facts(&service, crate::corpus::EVERYWHERE_ELSE)?.0
    } else {
        Vec::new()
    };
    let status_rows = if specific {
        own_status
    } else {
        everywhere_else.clone()
    };
    // Other services' facts for this place help when this one has none, or only an "unknown".
    let first_status = status_rows.first().and_then(|r| r.status);
    if !specific || first_status == Some(Status::Unknown) {
        answer.suggestions = other_services(engine, &service, &place.code, &place.name)?;
    }
    // A place's first row states its status and since when (see data/SOURCES.md).
    let status = match status_rows.first().and_then(|r| r.status) {
        Some(s) => s,
        None if engine.services_with_facts()?.contains(&service) => Status::Unknown,
        None => {
            let known = engine.services_with_facts()?;
            answer.kind = AnswerKind::NotFound;
            answer.message = format!(
                "I have no sourced availability facts for {service_label}{}.",
                if known.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; I have them for {}",
                        known
                            .iter()
                            .map(|s| service_name(s))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            );
            answer.suggestions = known
                .iter()
                .map(|s| format!("/why-not {} {}", place.name.to_lowercase(), service_word(s)))
                .collect();
            return Ok(answer);
        }
    };
    answer.status = Some(status);
    let status_since = status_rows.first().and_then(|r| r.since.clone());

    if status == Status::Unknown {
        let covered = if specific {
            String::new()
        } else {
            format!(
                " Sourced facts cover {service_label} in {} places (/map {} shows them).",
                known_places(engine, &service)?,
                service_word(&service)
            )
        };
        answer.message = format!(
            "I don't know whether {service_label} is available in {}: no source I have {}.{covered} What is known about {service_label} is below.",
            place.name,
            if specific {
                "says either way"
            } else {
                "covers it there"
            },
        );
        answer.facts = status_rows.iter().map(|r| fact(r, None)).collect();
        if specific {
            answer
                .facts
                .extend(everywhere_else.iter().map(|r| fact(r, None)));
        }
        answer.facts.extend(figures.iter().map(|r| fact(r, None)));
        return Ok(answer);
    }

    answer.message = match (status, specific) {
        (Status::Available, true) => format!("{service_label} is available in {}.", place.name),
        (Status::Available, false) => format!(
            "{service_label} is available in {}: the data records no restriction there, and the facts below say where {service_label} is offered.",
            place.name
        ),
        (Status::Unavailable, _) => format!("{service_label} is not available in {}.", place.name),
        (Status::Suspended, _) => match &status_since {
            Some(since) => format!(
                "{service_label} suspended its service in {} on {since}.",
                place.name
            ),
            None => format!(
                "{service_label} has suspended its service in {}.",
                place.name
            ),
        },
        (Status::Unknown, _) => unreachable!("answered above"),
    };

    answer.facts = status_rows.iter().map(|r| fact(r, None)).collect();
    for r in &figures {
        // Figures older than a suspension describe the past, not today.
        let stale = match (&status_since, &r.as_of, status) {
            (Some(since), Some(as_of), Status::Suspended | Status::Unavailable)
                if as_of.as_str() < since.as_str() =>
            {
                Some(format!(
                    " (recorded before {service_label} suspended service on {since}; not current)"
                ))
            }
            _ => None,
        };
        answer.facts.push(fact(r, stale));
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
    Ok(answer)
}

/// Words that tend to appear where a document explains a reason of this kind.
fn reason_words(rows: &[FactRecord]) -> String {
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

/// What people type for a service in a command: `prime`, `disney`…
pub fn service_word(id: &str) -> &str {
    match id {
        "amazon_prime" => "prime",
        "disney_plus" => "disney",
        other => other,
    }
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

//! A title asked about in a place — "can I watch The Mandalorian in China?": the title's services
//! joined with each service's status there, the sourced reason for each that is not available,
//! the essay's passages about the place, and the honest caveat for each that is (the datasets
//! do not say which titles each country's catalogue carries).

use super::why_not::{Standing, fact, reason_words, standing};
use super::words::{self, join, place_name};
use super::{Citation, Fact, PlaceRef, TitleCard, citation};
use crate::corpus::{Category, Status};
use crate::domain::{Service, service_name};
use crate::i18n::Lang;
use crate::places::{Place, PlaceError, PlaceKind, Places};
use crate::search::{Engine, SearchError};
use crate::t;

/// Passages cited at most.
const MAX_CITATIONS: usize = 3;

/// One of the title's services in the place.
#[derive(Debug, Clone, PartialEq)]
pub struct Availability {
    pub service: String,
    pub status: Status,
    pub since: Option<String>,
    /// The kind of reason the lead fact gives (regulation, sanctions, war, business), if any.
    pub category: Option<Category>,
}

/// What a title answer adds when a place was asked about.
#[derive(Debug, Clone, PartialEq)]
pub struct InPlace {
    pub place: PlaceRef,
    /// The title's availability there: available if any of its services is, else unknown if
    /// any is unknown, else suspended if every one is suspended, else unavailable.
    pub status: Status,
    /// One per service of the title (or only the service asked about, when the title is on it).
    pub availability: Vec<Availability>,
    /// The sourced facts behind each service's status there.
    pub facts: Vec<Fact>,
    pub citations: Vec<Citation>,
    /// When none of the title's services is available there: the services that are.
    pub available_there: Vec<String>,
    /// `/why-not <place> <service>` for each of the title's services not available there: the
    /// whole story, a click away.
    pub why_not: Vec<String>,
    /// The place is the asker's saved region, not one named in the question.
    pub saved_region: bool,
}

/// The title's status in a place from its services' statuses there.
pub fn overall(statuses: &[Status]) -> Status {
    if statuses.contains(&Status::Available) {
        Status::Available
    } else if statuses.contains(&Status::Unknown) {
        Status::Unknown
    } else if !statuses.is_empty() && statuses.iter().all(|s| *s == Status::Suspended) {
        Status::Suspended
    } else {
        Status::Unavailable
    }
}

/// A service's status in the place: the first row's, unknown without one.
fn status_of(s: &Standing) -> Status {
    s.status().unwrap_or(Status::Unknown)
}

/// The reason a standing gives: the first row's category when it names one.
fn category_of(s: &Standing) -> Option<Category> {
    s.status_rows.iter().map(|r| r.category).find(|c| {
        matches!(
            c,
            Category::Regulation | Category::Sanctions | Category::War | Category::Business
        )
    })
}

/// The services of `card` a place answer speaks of: the one asked about when the title is on
/// it, else all of the title's.
fn services_of<'a>(card: &'a TitleCard, asked: Option<&str>) -> Vec<&'a str> {
    match asked {
        Some(a) if card.services.iter().any(|s| s == a) => card
            .services
            .iter()
            .filter(|s| *s == a)
            .map(String::as_str)
            .collect(),
        _ => card.services.iter().map(String::as_str).collect(),
    }
}

/// The sentence of one service's status in the place: alone (`title-in-place-*`: "…is on
/// Disney+, but Disney+ is not available in China.") or as one clause of several
/// (`title-in-place-each-*`: "Hulu is not available"). `specific`: the place has rows of its own
/// (an available status from the everywhere-else row says so, alone).
fn sentence(
    title: &str,
    a: &Availability,
    specific: bool,
    place: &str,
    alone: bool,
    lang: Lang,
) -> String {
    let status = match (a.status, &a.since) {
        (Status::Available, _) if specific || !alone => "available",
        (Status::Available, _) => "available-elsewhere",
        (Status::Unavailable, _) => "unavailable",
        (Status::Suspended, Some(_)) => "suspended-since",
        (Status::Suspended, None) => "suspended",
        (Status::Unknown, _) => "unknown",
    };
    let key = if alone {
        format!("title-in-place-{status}")
    } else {
        format!("title-in-place-each-{status}")
    };
    t!(
        lang,
        &key,
        title = title,
        service = service_name(&a.service),
        place = place,
        since = a.since.as_deref().unwrap_or_default()
    )
}

/// The facts shown for one service: its lead row (and, when that only states a status, the
/// first row that gives a reason), labelled with the service.
fn lead_facts(s: &Standing, service: &str, lang: Lang) -> Vec<Fact> {
    let mut rows = s.status_rows.iter().take(1).collect::<Vec<_>>();
    if rows.first().is_some_and(|r| r.category == Category::Status)
        && let Some(reason) = s.status_rows.iter().skip(1).find(|r| {
            !matches!(
                r.category,
                Category::Status | Category::Note | Category::Figures
            )
        })
    {
        rows.push(reason);
    }
    rows.into_iter()
        .map(|r| {
            let mut f = fact(r, None, lang);
            f.label = format!("{} · {}", service_name(service), f.label);
            f
        })
        .collect()
}

/// The passages about `place` that speak to why `services` are not there: those naming one of
/// the services first, else those about the place.
fn passages(
    engine: &Engine,
    place: &Place,
    missing: &[(&str, &Standing)],
) -> Result<Vec<Citation>, SearchError> {
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    let mut required = vec![place.name.clone()];
    if let Some(adj) = Places::global().adjective(&place.code) {
        required.push(adj.to_string());
    }
    let mut context = String::new();
    for (service, s) in missing {
        context.push_str(&format!(
            "{} {} ",
            service_name(service),
            reason_words(&s.status_rows)
        ));
    }
    let (hits, terms) = engine.passages(&context, &required, MAX_CITATIONS * 2)?;
    let names: Vec<String> = missing
        .iter()
        .map(|(s, _)| service_name(s).trim_end_matches('+').to_lowercase())
        .collect();
    let naming: Vec<_> = hits
        .iter()
        .filter(|h| {
            let text = h.text.to_lowercase();
            names.iter().any(|n| text.contains(n.as_str()))
        })
        .collect();
    let chosen: Vec<_> = if naming.is_empty() {
        hits.iter().take(2).collect()
    } else {
        naming
    };
    Ok(chosen
        .into_iter()
        .take(MAX_CITATIONS)
        .map(|h| citation(engine, h, &terms))
        .collect())
}

/// The place a title is asked about (or where titles are watched), or the sentence saying why
/// it cannot be used.
pub(super) fn resolve_place(input: &str, lang: Lang) -> Result<&'static Place, String> {
    match Places::global().resolve(input) {
        Ok(p) if p.kind == PlaceKind::FormerCountry => {
            let label = words::place_name(&p.code, &p.name, lang);
            Err(t!(lang, "former-country", place = &label))
        }
        Ok(p) => Ok(p),
        Err(PlaceError::Empty) => Err(t!(lang, "why-not-which-place")),
        Err(PlaceError::Unknown { input, suggestions }) => Err(super::why_not::unknown_name(
            lang,
            "unknown-place",
            &input,
            &suggestions,
        )),
    }
}

/// The services (of all the bot covers) available in the place; `known` are standings there
/// already read, so their facts are not read again.
pub(super) fn available_there(
    engine: &Engine,
    code: &str,
    known: &[(&str, Standing)],
) -> Result<Vec<String>, SearchError> {
    let mut out = Vec::new();
    for s in Service::all() {
        let status = match known.iter().find(|(id, _)| *id == s.id()) {
            Some((_, st)) => status_of(st),
            None => status_of(&standing(engine, s.id(), code)?),
        };
        if status == Status::Available {
            out.push(s.id().to_string());
        }
    }
    Ok(out)
}

/// Joins the title's services with their status in `place`: the sentences that lead the
/// answer, and what the answer holds.
pub(super) fn in_place(
    engine: &Engine,
    card: &TitleCard,
    asked: Option<&str>,
    place: &Place,
    lang: Lang,
) -> Result<(String, InPlace), SearchError> {
    let title = words::title_name(card, lang);
    let place_label = place_name(&place.code, &place.name, lang);
    let services = services_of(card, asked);
    let mut standings = Vec::new();
    for s in &services {
        standings.push((*s, standing(engine, s, &place.code)?));
    }
    let availability: Vec<Availability> = standings
        .iter()
        .map(|(service, s)| Availability {
            service: service.to_string(),
            status: status_of(s),
            since: s.since().map(str::to_string),
            category: category_of(s),
        })
        .collect();
    let statuses: Vec<Status> = availability.iter().map(|a| a.status).collect();
    let status = overall(&statuses);

    let mut sentences = Vec::new();
    match availability.as_slice() {
        [one] => {
            let specific = standings.first().is_some_and(|(_, s)| s.specific);
            sentences.push(sentence(&title, one, specific, &place_label, true, lang));
        }
        many => {
            sentences.push(super::title::where_to_watch(card, asked, lang));
            let clauses: Vec<String> = many
                .iter()
                .map(|a| sentence(&title, a, true, &place_label, false, lang))
                .collect();
            sentences.push(t!(
                lang,
                "title-in-place-each",
                place = &place_label,
                list = words::semicolon_list(lang, &clauses)
            ));
        }
    }
    let open: Vec<String> = availability
        .iter()
        .filter(|a| a.status == Status::Available)
        .map(|a| service_name(&a.service))
        .collect();
    let mut there = Vec::new();
    if !open.is_empty() {
        sentences.push(t!(
            lang,
            "title-in-place-caveat",
            services = words::and_list(lang, &open),
            place = &place_label
        ));
    } else {
        there = available_there(engine, &place.code, &standings)?;
        let names: Vec<String> = there.iter().map(|s| service_name(s)).collect();
        sentences.push(if names.is_empty() {
            t!(lang, "title-in-place-none-available", place = &place_label)
        } else {
            let key = if names.len() == 1 {
                "title-in-place-one-available"
            } else {
                "title-in-place-others-available"
            };
            t!(
                lang,
                key,
                list = words::and_list(lang, &names),
                place = &place_label
            )
        });
    }
    let missing: Vec<(&str, &Standing)> = standings
        .iter()
        .filter(|(_, s)| status_of(s) != Status::Available)
        .map(|(service, s)| (*service, s))
        .collect();
    if missing.iter().any(|(_, s)| !s.status_rows.is_empty()) {
        sentences.push(t!(lang, "title-in-place-why-below"));
    }
    // The reasons first (services not available), then the sources for those that are.
    let mut facts = Vec::new();
    for (service, s) in &missing {
        facts.extend(lead_facts(s, service, lang));
    }
    for (service, s) in standings
        .iter()
        .filter(|(_, s)| status_of(s) == Status::Available)
    {
        facts.extend(lead_facts(s, service, lang));
    }
    let why_not = missing
        .iter()
        .map(|(service, _)| {
            format!(
                "/why-not {} {}",
                place.code.to_lowercase(),
                crate::domain::service_word(service)
            )
        })
        .collect();
    let found = InPlace {
        why_not,
        saved_region: false,
        place: PlaceRef::from(place),
        status,
        availability,
        facts,
        citations: passages(engine, place, &missing)?,
        available_there: there,
    };
    Ok((join(lang, &sentences), found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_titles_status_in_a_place_follows_its_best_service() {
        use Status::*;
        let cases: [(&[Status], Status); 7] = [
            (&[Unavailable, Available], Available),
            (&[Unknown, Unavailable], Unknown),
            (&[Suspended], Suspended),
            (&[Suspended, Suspended], Suspended),
            (&[Suspended, Unavailable], Unavailable),
            (&[Unavailable], Unavailable),
            (&[], Unavailable),
        ];
        for (statuses, want) in cases {
            assert_eq!(overall(statuses), want, "{statuses:?}");
        }
    }
}

//! `/titles` with filters: an exact total, pages of ten, and each title's facts.

use super::request::{TitlesArgs, UsageError};
use super::{Answer, AnswerError, AnswerKind, PlaceRef, TitleCard};
use crate::corpus::service_name;
use crate::places::{PlaceError, Places};
use crate::search::{Engine, PAGE_SIZE, TitleFilter};

use super::request::year_span;

/// Answers `/titles` with the given filters.
pub fn titles(engine: &Engine, args: &TitlesArgs) -> Result<Answer, AnswerError> {
    let place = match args.origin.as_deref() {
        None => None,
        Some(o) => match Places::global().resolve(o) {
            Ok(p) => Some(p),
            Err(PlaceError::Empty) => {
                return Err(UsageError("`origin:` needs a country.".into()).into());
            }
            Err(PlaceError::Unknown { input, suggestions }) => {
                let mut a = Answer::not_found(
                    args.command(Some(&input)),
                    format!(
                        "I don't know a country called \"{}\".{}",
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
        },
    };
    let filter = TitleFilter {
        origin: place.map(|p| p.code.clone()),
        kind: args.kind,
        service: args.service.clone(),
        genre: args.genre.clone(),
        years: args.years,
        added: args.added,
        query: args.query.clone(),
        director: args.director.clone(),
        cast: args.cast.clone(),
        sort: args.sort,
        page: args.page.max(1),
    };
    let (total, found) = engine.titles(&filter)?;
    let mut answer = Answer::new(
        AnswerKind::Titles,
        args.command(place.map(|p| p.code.as_str())),
    );
    answer.place = place.map(PlaceRef::from);
    answer.service = args.service.clone();
    answer.total = total;
    answer.page = filter.page;
    answer.pages = total.div_ceil(PAGE_SIZE);
    answer.titles = found.into_iter().map(TitleCard::from).collect();
    if total == 0 {
        answer.kind = AnswerKind::NotFound;
        answer.message = "No titles match these filters.".to_string();
        answer.suggestions = relaxations(engine, &filter)?;
        if !answer.suggestions.is_empty() {
            answer.message.push_str(" Without one of them: ");
            answer.message.push_str(&answer.suggestions.join("; "));
            answer.message.push('.');
        }
        if filter.origin.is_some() && filter.service.as_deref() == Some("amazon_prime") {
            answer.message.push_str(
                " (The Prime Video dataset names a production country for only 7% of its titles.)",
            );
        }
    } else if answer.titles.is_empty() {
        answer.kind = AnswerKind::NotFound;
        answer.message = format!(
            "Page {} is past the end: {total} titles make {} page{}.",
            filter.page,
            answer.pages,
            if answer.pages == 1 { "" } else { "s" }
        );
    } else {
        let first = (filter.page - 1) * PAGE_SIZE + 1;
        let last = first + answer.titles.len() - 1;
        let what = match args.kind {
            Some(crate::corpus::Kind::Movie) if total == 1 => "movie",
            Some(crate::corpus::Kind::Movie) => "movies",
            Some(crate::corpus::Kind::Tv) if total == 1 => "TV show",
            Some(crate::corpus::Kind::Tv) => "TV shows",
            None if total == 1 => "title",
            None => "titles",
        };
        let mut m = format!("{total} {what}");
        if let Some(g) = &args.genre {
            m.push_str(&format!(" in genre \"{g}\""));
        }
        if let Some(d) = &args.director {
            m.push_str(&format!(" directed by {d}"));
        }
        if let Some(c) = &args.cast {
            m.push_str(&format!(" with {c}"));
        }
        if let Some(q) = &args.query {
            m.push_str(&format!(" matching \"{q}\""));
        }
        if let Some(p) = place {
            m.push_str(&format!(" from {}", p.name));
        }
        if let Some(s) = &args.service {
            m.push_str(&format!(" on {}", service_name(s)));
        }
        if let Some(y) = args.years {
            m.push_str(&format!(", released {}", year_span(y, "–")));
        }
        if let Some(y) = args.added {
            m.push_str(&format!(", added {}", year_span(y, "–")));
        }
        if args.count {
            m = format!("There {} {m}.", if total == 1 { "is" } else { "are" });
            m.push_str(&format!(
                " Showing {first}–{last} (page {} of {}).",
                filter.page, answer.pages
            ));
        } else {
            m.push_str(&format!(
                "; showing {first}–{last} (page {} of {}).",
                filter.page, answer.pages
            ));
        }
        if filter.sort == Some(crate::search::TitleSort::Added) {
            m.push_str(" Newest additions first.");
            let undated = answer
                .titles
                .iter()
                .filter(|t| match &args.service {
                    Some(s) => !t.added.iter().any(|a| a.service == *s),
                    None => t.added.is_empty(),
                })
                .count();
            if undated > 0 {
                m.push_str(&format!(
                    " {undated} of these have no date added in the data."
                ));
            }
        }
        if filter.origin.is_some() {
            m.push_str(" Origin is where a title was produced, not where it can be watched.");
        }
        answer.message = m;
    }
    Ok(answer)
}

/// For an empty result: how many titles each filter, dropped alone, would give.
fn relaxations(engine: &Engine, filter: &TitleFilter) -> Result<Vec<String>, AnswerError> {
    let mut out = Vec::new();
    let mut count = |name: &str, f: TitleFilter| -> Result<(), AnswerError> {
        let (n, _) = engine.titles(&TitleFilter { page: 1, ..f })?;
        if n > 0 {
            out.push(format!("without {name}, {n} titles"));
        }
        Ok(())
    };
    if filter.origin.is_some() {
        count(
            "origin",
            TitleFilter {
                origin: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.kind.is_some() {
        count(
            "type",
            TitleFilter {
                kind: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.service.is_some() {
        count(
            "service",
            TitleFilter {
                service: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.genre.is_some() {
        count(
            "genre",
            TitleFilter {
                genre: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.years.is_some() {
        count(
            "year",
            TitleFilter {
                years: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.added.is_some() {
        count(
            "added",
            TitleFilter {
                added: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.director.is_some() {
        count(
            "director",
            TitleFilter {
                director: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.cast.is_some() {
        count(
            "cast",
            TitleFilter {
                cast: None,
                ..filter.clone()
            },
        )?;
    }
    if filter.query.is_some() {
        count(
            "query",
            TitleFilter {
                query: None,
                ..filter.clone()
            },
        )?;
    }
    Ok(out)
}

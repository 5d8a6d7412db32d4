//! `/titles` with filters: an exact total, pages of ten, and each title's facts.

use super::request::{TitlesArgs, UsageError};
use super::words::{self, join, sep};
use super::{Answer, AnswerError, Body, NotFound, PlaceRef, TitleCard, TitlesPage};
use crate::corpus::service_name;
use crate::domain::Service;
use crate::i18n::Lang;
use crate::places::{Place, PlaceError, Places};
use crate::search::{Engine, PAGE_SIZE, TitleFilter};
use crate::t;

use super::when::{added_said, relative_note, years_said};

/// Answers `/titles` with the given filters.
/// Written in `lang`.
pub fn titles(engine: &Engine, args: &TitlesArgs, lang: Lang) -> Result<Answer, AnswerError> {
    if args.loose_query && args.query.is_some() {
        return super::leftover::titles(engine, args, lang);
    }
    filtered(engine, args, lang)
}

/// Answers `/titles` with every filter as given.
pub(super) fn filtered(
    engine: &Engine,
    args: &TitlesArgs,
    lang: Lang,
) -> Result<Answer, AnswerError> {
    let place = match args.origin.as_deref() {
        None => None,
        Some(o) => match Places::global().resolve(o) {
            Ok(p) => Some(p),
            Err(PlaceError::Empty) => {
                return Err(UsageError(t!(lang, "titles-origin-needs-country")).into());
            }
            Err(PlaceError::Unknown { input, suggestions }) => {
                let message =
                    super::why_not::unknown_name(lang, "unknown-country", &input, &suggestions);
                let body = Body::NotFound(NotFound {
                    close_names: suggestions,
                    ..NotFound::default()
                });
                return Ok(Answer::new(args.command(Some(&input)), message, body));
            }
        },
    };
    // Where the asker watches: only titles on services available there.
    let watch = match args.watch_in.as_deref() {
        None => None,
        Some(w) => match super::in_place::resolve_place(w, lang) {
            Ok(p) => Some(p),
            Err(message) => {
                let query = args.command(place.map(|p| p.code.as_str()));
                return Ok(Answer::new(
                    query,
                    message,
                    Body::NotFound(NotFound::default()),
                ));
            }
        },
    };
    // `service:mine`: the asker's saved services (none saved: say how to save them).
    if args.mine && args.yours.is_empty() {
        let query = args.command(place.map(|p| p.code.as_str()));
        return Ok(Answer::new(
            query,
            t!(lang, "titles-mine-none"),
            Body::NotFound(NotFound::default()),
        ));
    }
    let mut any_service: Vec<String> = if args.mine {
        args.yours.clone()
    } else {
        Vec::new()
    };
    let mut watch_note = None;
    if let Some(w) = watch {
        let label = words::place_name(&w.code, &w.name, lang);
        let open: Vec<String> = super::in_place::available_there(engine, &w.code, &[])?
            .into_iter()
            .filter(|s| args.service.as_ref().is_none_or(|asked| asked == s))
            .filter(|s| !args.mine || args.yours.contains(s))
            .collect();
        if open.is_empty() {
            let message = match &args.service {
                Some(s) => t!(
                    lang,
                    "titles-watch-service-not-there",
                    service = service_name(s),
                    place = &label
                ),
                None => t!(lang, "title-in-place-none-available", place = &label),
            };
            let query = args.command(place.map(|p| p.code.as_str()));
            let body = Body::NotFound(NotFound {
                service: args.service.clone(),
                place: Some(PlaceRef::from(w)),
                ..NotFound::default()
            });
            return Ok(Answer::new(query, message, body));
        }
        let names: Vec<String> = open.iter().map(|s| service_name(s)).collect();
        watch_note = Some(t!(
            lang,
            "titles-watch-caveat",
            place = &label,
            services = words::and_list(lang, &names)
        ));
        if args.service.is_none() && open.len() < Service::all().count() {
            any_service = open;
        }
    }
    // Every service is no narrowing at all (and the sorted fast path only runs without one).
    if any_service.len() == Service::all().count() {
        any_service.clear();
    }
    let filter = TitleFilter {
        origin: place.map(|p| p.code.clone()),
        any_service,
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
    let query = args.command(place.map(|p| p.code.as_str()));
    let answer = TitlesPage {
        service: args.service.clone(),
        place: place.map(PlaceRef::from),
        titles: found.into_iter().map(TitleCard::from).collect(),
        total,
        page: crate::search::shown_page(filter.page, total),
        pages: total.div_ceil(PAGE_SIZE),
        ignored: Vec::new(),
        similar_to: None,
    };
    let not_found = |sentences: Vec<String>, relaxations: Vec<String>| {
        let body = Body::NotFound(NotFound {
            service: args.service.clone(),
            place: place.map(PlaceRef::from),
            total,
            page: answer.page,
            pages: answer.pages,
            relaxations,
            ..NotFound::default()
        });
        Answer::new(query.clone(), join(lang, &sentences), body)
    };
    if total == 0 {
        let relaxations = relaxations(engine, &filter, lang)?;
        let mut sentences = vec![t!(lang, "titles-none")];
        if !relaxations.is_empty() {
            let list = words::semicolon_list(lang, &relaxations);
            sentences.push(t!(lang, "titles-without", list = list));
        }
        let sparse = filter
            .service
            .as_deref()
            .and_then(Service::from_id)
            .is_some_and(Service::sparse_origin);
        if filter.origin.is_some() && sparse {
            sentences.push(t!(lang, "titles-prime-origin"));
        }
        let info = engine.info();
        sentences.extend(relative_note(
            args,
            info.latest_added(args.service.as_deref()),
            lang,
        ));
        return Ok(not_found(sentences, relaxations));
    }
    if answer.titles.is_empty() {
        let past_end = t!(
            lang,
            "titles-past-end",
            page = filter.page,
            total = total,
            pages = answer.pages
        );
        return Ok(not_found(vec![past_end], Vec::new()));
    }
    // How old the catalogue is: what "new" and "added in" mean in a snapshot.
    let info = engine.info();
    let latest = info.latest_added(args.service.as_deref());
    let mut message = summary(args, place, &filter, &answer, latest, lang);
    if let Some(note) = watch_note {
        message = join(lang, &[message, note]);
    }
    Ok(Answer::new(query, message, Body::Titles(answer)))
}

/// What a page of titles says: how many match, of what and where, which of them are shown,
/// and the notes the sort and the filters call for.
fn summary(
    args: &TitlesArgs,
    place: Option<&Place>,
    filter: &TitleFilter,
    answer: &TitlesPage,
    latest: Option<&str>,
    lang: Lang,
) -> String {
    let total = answer.total;
    let first = (answer.page - 1) * PAGE_SIZE + 1;
    let last = first + answer.titles.len() - 1;
    // Each piece is led by a space in English; Chinese puts them together.
    let piece = |s: String| format!("{}{s}", sep(lang));
    let mut filters = String::new();
    if let Some(g) = &args.genre {
        filters.push_str(&piece(t!(lang, "titles-in-genre", genre = g)));
    }
    if let Some(d) = &args.director {
        filters.push_str(&piece(t!(lang, "titles-directed-by", name = d)));
    }
    if let Some(c) = &args.cast {
        filters.push_str(&piece(t!(lang, "titles-with-cast", name = c)));
    }
    if let Some(q) = &args.query {
        filters.push_str(&piece(t!(lang, "titles-matching", query = q)));
    }
    if let Some(p) = place {
        let name = words::place_name(&p.code, &p.name, lang);
        filters.push_str(&piece(t!(lang, "titles-from", place = name)));
    }
    let mut places = String::new();
    if let Some(s) = &args.service {
        places.push_str(&piece(t!(lang, "titles-on", service = service_name(s))));
    } else if args.mine {
        let names: Vec<String> = args.yours.iter().map(|s| service_name(s)).collect();
        places.push_str(&piece(t!(
            lang,
            "titles-on-yours",
            services = words::and_list(lang, &names)
        )));
    }
    if let Some(y) = args.years {
        places.push_str(&years_said(lang, "titles-released", y));
    }
    if let Some(m) = args.added {
        places.push_str(&added_said(lang, m));
    }
    let what_key = match args.kind {
        Some(crate::corpus::Kind::Movie) => "titles-count-movie",
        Some(crate::corpus::Kind::Tv) => "titles-count-tv",
        None => "titles-count-any",
    };
    let what = t!(
        lang,
        what_key,
        total = total,
        filters = filters,
        scope = places
    );
    let (page, pages) = (answer.page, answer.pages);
    let mut sentences = if args.count {
        vec![
            t!(lang, "titles-there-are", total = total, what = what),
            t!(
                lang,
                "titles-showing",
                first = first,
                last = last,
                page = page,
                pages = pages
            ),
        ]
    } else {
        vec![t!(
            lang,
            "titles-list-showing",
            what = what,
            first = first,
            last = last,
            page = page,
            pages = pages
        )]
    };
    sentences.extend(relative_note(args, latest, lang));
    if filter.sort == Some(crate::search::TitleSort::Added) {
        sentences.push(match latest {
            Some(date) => t!(lang, "titles-newest-first-as-of", date = date),
            None => t!(lang, "titles-newest-first"),
        });
        let undated = answer
            .titles
            .iter()
            .filter(|t| match &args.service {
                Some(s) => !t.added.iter().any(|a| a.service == *s),
                None => t.added.is_empty(),
            })
            .count();
        if undated > 0 {
            sentences.push(t!(lang, "titles-undated", count = undated));
        }
    } else if let (Some(_), Some(date), None) = (args.added, latest, &args.relative) {
        sentences.push(t!(lang, "titles-data-as-of", date = date));
    }
    if filter.origin.is_some() {
        sentences.push(t!(lang, "titles-origin-note"));
    }
    join(lang, &sentences)
}

/// For an empty result: how many titles each filter, dropped alone, would give.
fn relaxations(
    engine: &Engine,
    filter: &TitleFilter,
    lang: Lang,
) -> Result<Vec<String>, AnswerError> {
    let mut out = Vec::new();
    let mut count = |name: &str, f: TitleFilter| -> Result<(), AnswerError> {
        let (n, _) = engine.titles(&TitleFilter { page: 1, ..f })?;
        if n > 0 {
            let filter = t!(lang, &format!("filter-{name}"));
            out.push(t!(lang, "titles-relaxation", filter = filter, count = n));
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

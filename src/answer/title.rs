//! `/title NAME [service]`: one title's card, found even when the name is misspelled, led by
//! where it can be watched ("Squid Game is on Netflix, added 2021-09-17.").

use super::{Answer, AnswerKind, TitleCard};
use crate::corpus::service_name;
use crate::search::{Engine, SearchError};

/// Names at least this similar to what was typed count as the title meant.
const GOOD_ENOUGH: f32 = 0.55;

/// `Netflix, added 2021-09-17` (alone) or `Netflix (added 2021-09-17)` (in a list).
fn listing(card: &TitleCard, service: &str, alone: bool) -> String {
    let name = service_name(service);
    match (card.added.iter().find(|a| a.service == service), alone) {
        (Some(a), true) => format!("{name}, added {}", a.date),
        (Some(a), false) => format!("{name} (added {})", a.date),
        (None, _) => name,
    }
}

fn listings<'a>(card: &TitleCard, services: impl Iterator<Item = &'a String>) -> String {
    let services: Vec<&String> = services.collect();
    let alone = services.len() == 1;
    and_list(
        &services
            .into_iter()
            .map(|s| listing(card, s, alone))
            .collect::<Vec<_>>(),
    )
}

/// `A`, `A and B`, `A, B and C`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The sentence that answers "where can I watch it?" (or "is it on `asked`?").
pub fn where_to_watch(card: &TitleCard, asked: Option<&str>) -> String {
    let name = &card.title;
    match asked {
        Some(s) if !card.services.iter().any(|c| c == s) => format!(
            "{name} is not on {}; it is on {}.",
            service_name(s),
            listings(card, card.services.iter())
        ),
        Some(s) => {
            let mut m = format!("{name} is on {}.", listing(card, s, true));
            if card.services.len() > 1 {
                let others = listings(card, card.services.iter().filter(|o| *o != s));
                m.push_str(&format!(" Also on {others}."));
            }
            m
        }
        None => format!("{name} is on {}.", listings(card, card.services.iter())),
    }
}

/// The catalogues the index holds, by name: `Netflix, Prime Video, Disney+ and Hulu`.
fn catalogues(engine: &Engine) -> Result<String, SearchError> {
    let services = engine.title_services()?;
    Ok(and_list(
        &services.iter().map(|s| service_name(s)).collect::<Vec<_>>(),
    ))
}

/// Answers `/title NAME`, and "is NAME on `service`?" when a service is given.
pub fn title(engine: &Engine, name: &str, service: Option<&str>) -> Result<Answer, SearchError> {
    let name = name.trim();
    let shown = crate::text::truncate(name, 80);
    let query = match service {
        Some(s) => format!("/title {} service:{s}", crate::text::truncate(name, 200)),
        None => format!("/title {}", crate::text::truncate(name, 200)),
    };
    let hits = engine.names_by_name(name, 6)?;
    let Some(best) = hits.first().filter(|h| h.score >= GOOD_ENOUGH) else {
        let mut a = Answer::not_found(
            query,
            format!(
                "\"{shown}\" is not in these catalogues ({}).",
                catalogues(engine)?
            ),
        );
        a.suggestions = hits.iter().map(|h| h.label()).collect();
        if !a.suggestions.is_empty() {
            a.message
                .push_str(&format!(" Closest names: {}.", a.suggestions.join(", ")));
        }
        return Ok(a);
    };
    let exact = best.score >= 1.0;
    let mut answer = Answer::new(AnswerKind::Title, query);
    answer.service = service.map(str::to_string);
    let others: Vec<String> = hits[1..]
        .iter()
        .filter(|h| {
            h.score >= best.score.min(0.999) - 0.05
                || crate::text::fold(&h.title) == crate::text::fold(&best.title)
        })
        .map(|h| h.label())
        .collect();
    let card = TitleCard::from(engine.title_at(best)?);
    answer.message = if exact {
        where_to_watch(&card, service)
    } else {
        format!(
            "Closest match for \"{shown}\": {}. {}",
            best.label(),
            where_to_watch(&card, service)
        )
    };
    if !others.is_empty() {
        answer.message.push_str(&format!(
            " Other titles with {} name: {}.",
            if exact { "this" } else { "a close" },
            others.join(", ")
        ));
        answer.suggestions = others;
    }
    answer.titles = vec![card];
    answer.total = 1;
    answer.page = 1;
    answer.pages = 1;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Added;
    use crate::corpus::Kind;

    fn card(services: &[(&str, Option<&str>)]) -> TitleCard {
        TitleCard {
            id: "x".into(),
            title: "Squid Game".into(),
            aka: None,
            kind: Kind::Tv,
            year: Some(2021),
            origin: vec![],
            countries: vec![],
            genres: vec![],
            services: services.iter().map(|s| s.0.to_string()).collect(),
            director: vec![],
            cast: vec![],
            rating: None,
            duration: None,
            description: String::new(),
            added: services
                .iter()
                .filter_map(|(s, d)| {
                    d.map(|d| Added {
                        service: s.to_string(),
                        date: d.to_string(),
                    })
                })
                .collect(),
            sources: vec![],
        }
    }

    #[test]
    fn the_first_line_answers_where() {
        let one = card(&[("netflix", Some("2021-09-17"))]);
        assert_eq!(
            where_to_watch(&one, None),
            "Squid Game is on Netflix, added 2021-09-17."
        );
        assert_eq!(
            where_to_watch(&one, Some("hulu")),
            "Squid Game is not on Hulu; it is on Netflix, added 2021-09-17."
        );
        let two = card(&[("netflix", Some("2021-09-17")), ("amazon_prime", None)]);
        assert_eq!(
            where_to_watch(&two, Some("amazon_prime")),
            "Squid Game is on Prime Video. Also on Netflix, added 2021-09-17."
        );
        assert_eq!(
            where_to_watch(&two, None),
            "Squid Game is on Netflix (added 2021-09-17) and Prime Video."
        );
    }
}

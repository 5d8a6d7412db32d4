//! `/title NAME [service]`: one title's card, found even when the name is misspelled, led by
//! where it can be watched ("Squid Game is on Netflix, added 2021-09-17.").

use super::words::{self, join};
use super::{Answer, AnswerError, Body, NotFound, TitleCard, TitleFound};
use crate::corpus::service_name;
use crate::i18n::Lang;
use crate::search::{Engine, SearchError};
use crate::t;

/// Names at least this similar to what was typed count as the title meant.
const GOOD_ENOUGH: f32 = 0.55;

/// The title a name means, as `/title` finds it (a Chinese name the lexicon knows, small
/// typos), with its label (`Parasite (2019)`); `None` when no title is close enough.
pub(super) fn find(
    engine: &Engine,
    name: &str,
) -> Result<Option<(crate::corpus::Title, String)>, AnswerError> {
    let lookup = crate::lexicon::Lexicon::global()
        .title_named(name)
        .unwrap_or(name);
    let hits = engine.names_by_name(lookup, 1)?;
    match hits.first().filter(|h| h.score >= GOOD_ENOUGH) {
        Some(best) => Ok(Some((engine.title_at(best)?, best.label()))),
        None => Ok(None),
    }
}

/// `Netflix, added 2021-09-17` (alone) or `Netflix (added 2021-09-17)` (in a list).
fn listing(card: &TitleCard, service: &str, alone: bool, lang: Lang) -> String {
    let name = service_name(service);
    match (card.added.iter().find(|a| a.service == service), alone) {
        (Some(a), true) => t!(lang, "title-added-alone", service = name, date = &a.date),
        (Some(a), false) => t!(lang, "title-added-in-list", service = name, date = &a.date),
        (None, true) => t!(lang, "title-service-alone", service = name),
        (None, false) => name,
    }
}

fn listings<'a>(
    card: &TitleCard,
    services: impl Iterator<Item = &'a String>,
    lang: Lang,
) -> String {
    let services: Vec<&String> = services.collect();
    let alone = services.len() == 1;
    let items: Vec<String> = services
        .into_iter()
        .map(|s| listing(card, s, alone, lang))
        .collect();
    if alone {
        items.into_iter().next().unwrap_or_default()
    } else {
        t!(lang, "title-services", list = words::and_list(lang, &items))
    }
}

/// The sentence that answers "where can I watch it?" (or "is it on `asked`?").
/// Written in `lang` (in Chinese the title is named by its `aka`).
pub fn where_to_watch(card: &TitleCard, asked: Option<&str>, lang: Lang) -> String {
    let name = words::title_name(card, lang);
    match asked {
        Some(s) if !card.services.iter().any(|c| c == s) => t!(
            lang,
            "title-not-on",
            title = &name,
            asked = service_name(s),
            listing = listings(card, card.services.iter(), lang)
        ),
        Some(s) => {
            let mut sentences = vec![t!(
                lang,
                "title-on",
                title = &name,
                listing = listing(card, s, true, lang)
            )];
            if card.services.len() > 1 {
                let others = listings(card, card.services.iter().filter(|o| *o != s), lang);
                sentences.push(t!(lang, "title-also-on", others = others));
            }
            join(lang, &sentences)
        }
        None => t!(
            lang,
            "title-on",
            title = &name,
            listing = listings(card, card.services.iter(), lang)
        ),
    }
}

/// The catalogues the index holds, by name: `Netflix, Prime Video, Disney+ and Hulu`.
fn catalogues(engine: &Engine, lang: Lang) -> Result<String, SearchError> {
    let services = engine.title_services()?;
    Ok(words::and_list(
        lang,
        &services.iter().map(|s| service_name(s)).collect::<Vec<_>>(),
    ))
}

/// Answers `/title NAME`, "is NAME on `service`?" when a service is given, and "can I watch
/// NAME in `place`?" when a place is. Written in `lang`.
pub fn title(
    engine: &Engine,
    name: &str,
    service: Option<&str>,
    place: Option<&str>,
    lang: Lang,
) -> Result<Answer, SearchError> {
    let name = name.trim();
    let shown = crate::text::truncate(name, 80);
    let place = place.map(|p| super::in_place::resolve_place(p, lang));
    let mut query = format!("/title {}", crate::text::truncate(name, 200));
    if let Some(s) = service {
        query.push_str(&format!(" service:{s}"));
    }
    if let Some(Ok(p)) = &place {
        query.push_str(&format!(" place:{}", p.code));
    }
    // A name the lexicon knows in another script (`鱿鱼游戏`) is looked up as the data writes
    // it (`Squid Game`).
    let lookup = crate::lexicon::Lexicon::global()
        .title_named(name)
        .unwrap_or(name);
    let hits = engine.names_by_name(lookup, 6)?;
    let Some(best) = hits.first().filter(|h| h.score >= GOOD_ENOUGH) else {
        let close_names: Vec<String> = hits.iter().map(|h| h.label()).collect();
        let mut sentences = vec![t!(
            lang,
            "title-not-found",
            name = &shown,
            catalogues = catalogues(engine, lang)?
        )];
        if !close_names.is_empty() {
            let list = words::comma_list(lang, &close_names);
            sentences.push(t!(lang, "title-closest-names", list = list));
        }
        let body = Body::NotFound(NotFound {
            close_names,
            service: service.map(str::to_string),
            ..NotFound::default()
        });
        return Ok(Answer::new(query, join(lang, &sentences), body));
    };
    let exact = best.score >= 1.0;
    let others: Vec<String> = hits[1..]
        .iter()
        .filter(|h| {
            h.score >= best.score.min(0.999) - 0.05
                || crate::text::fold(&h.title) == crate::text::fold(&best.title)
        })
        .map(|h| h.label())
        .collect();
    let card = TitleCard::from(engine.title_at(best)?);
    let mut sentences = Vec::new();
    if let Some(Err(unusable)) = &place {
        sentences.push(unusable.clone());
    }
    if !exact {
        sentences.push(t!(
            lang,
            "title-closest-match",
            name = &shown,
            found = best.label()
        ));
    }
    let in_place = match &place {
        Some(Ok(p)) => {
            let (said, found) = super::in_place::in_place(engine, &card, service, p, lang)?;
            if let Some(asked) = service.filter(|s| !card.services.iter().any(|c| c == s)) {
                let name = words::title_name(&card, lang);
                let asked = service_name(asked);
                sentences.push(t!(
                    lang,
                    "title-not-on-short",
                    title = &name,
                    asked = &asked
                ));
            }
            sentences.push(said);
            Some(found)
        }
        _ => {
            sentences.push(where_to_watch(&card, service, lang));
            None
        }
    };
    if !others.is_empty() {
        let key = if exact {
            "title-others-same"
        } else {
            "title-others-close"
        };
        sentences.push(t!(lang, key, list = words::comma_list(lang, &others)));
    }
    let body = Body::Title(Box::new(TitleFound {
        service: service.map(str::to_string),
        card,
        close_names: others,
        in_place,
    }));
    Ok(Answer::new(query, join(lang, &sentences), body))
}

/// Reads `/title name:<name> [service] [place]` (words outside options are the name).
pub(super) fn title_args(
    opts: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<super::Request, super::request::UsageError> {
    let (mut name, mut service, mut place) = (None, None, None);
    for (k, v) in opts {
        match k.as_str() {
            "name" => name = Some(v),
            "place" => place = Some(v).filter(|p| !p.trim().is_empty()),
            _ => service = Some(super::request::service_option(&v, lang)?),
        }
    }
    let name = match (name, free.trim().is_empty()) {
        (Some(n), true) => n,
        (Some(n), false) => format!("{n} {free}"),
        (None, _) => free.to_string(),
    };
    if name.trim().is_empty() {
        return Err(super::request::UsageError(t!(
            lang,
            "usage-title-needs-name"
        )));
    }
    Ok(super::Request::Title {
        name,
        service,
        place,
    })
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
            yours: Vec::new(),
        }
    }

    #[test]
    fn the_first_line_answers_where() {
        let one = card(&[("netflix", Some("2021-09-17"))]);
        assert_eq!(
            where_to_watch(&one, None, Lang::En),
            "Squid Game is on Netflix, added 2021-09-17."
        );
        assert_eq!(
            where_to_watch(&one, Some("hulu"), Lang::En),
            "Squid Game is not on Hulu; it is on Netflix, added 2021-09-17."
        );
        let two = card(&[("netflix", Some("2021-09-17")), ("amazon_prime", None)]);
        assert_eq!(
            where_to_watch(&two, Some("amazon_prime"), Lang::En),
            "Squid Game is on Prime Video. Also on Netflix, added 2021-09-17."
        );
        assert_eq!(
            where_to_watch(&two, None, Lang::En),
            "Squid Game is on Netflix (added 2021-09-17) and Prime Video."
        );
    }

    #[test]
    fn the_first_line_in_chinese_names_the_title_by_its_aka() {
        let mut one = card(&[("netflix", Some("2021-09-17"))]);
        one.aka = Some("鱿鱼游戏".into());
        assert_eq!(
            where_to_watch(&one, None, Lang::Zh),
            "《鱿鱼游戏》在 Netflix 上，上线于 2021-09-17。"
        );
        assert_eq!(
            where_to_watch(&one, Some("hulu"), Lang::Zh),
            "《鱿鱼游戏》不在 Hulu 上，而是在 Netflix 上，上线于 2021-09-17。"
        );
        let mut two = card(&[("netflix", Some("2021-09-17")), ("amazon_prime", None)]);
        two.aka = None;
        // Without an aka, the common Chinese name the lexicon knows.
        assert_eq!(
            where_to_watch(&two, None, Lang::Zh),
            "《鱿鱼游戏》在 Netflix（上线于 2021-09-17） 和 Prime Video 上。"
        );
        // Without either, the data's name.
        two.title = "Squid Games of Tomorrow".into();
        assert_eq!(
            where_to_watch(&two, Some("amazon_prime"), Lang::Zh),
            "《Squid Games of Tomorrow》在 Prime Video 上。也在 Netflix 上，上线于 2021-09-17。"
        );
    }
}

//! Free-text routing and every slash-command option, through the core calls Discord makes.

use super::render::assert_renders;
use super::*;
use streambot::domain::Months;
use streambot::i18n::Lang;

fn known_place() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "china",
            "CN",
            "中国",
            "north korea",
            "crimea",
            "Russia",
            "syria",
            "Soviet Union",
            "narnia",
            "chnia",
            "",
            " ",
            "United States",
        ])
        .prop_map(String::from),
        hostile(),
    ]
}

fn maybe<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    prop::option::of(s)
}

proptest! {
    #![proptest_config(config(40))]

    #[test]
    fn any_free_text_routes_to_a_valid_request(s in hostile()) {
        let places = Places::global();
        let part = routed_part(&s);
        let routed = route(engine(), &s);
        prop_assert_eq!(&routed, &route(engine(), &s), "routing is deterministic");
        if part.is_empty() {
            prop_assert!(routed.is_err());
            return Ok(());
        }
        let asked = ["/ask ", "/search "]
            .iter()
            .any(|p| part.to_ascii_lowercase().starts_with(p) && !part[p.len()..].trim().is_empty());
        if part.starts_with('/') && !asked {
            prop_assert_eq!(Some(routed), answer::parse_command(part, Lang::En));
            return Ok(());
        }
        match routed.expect("free text always routes") {
            Request::WhyNot { place, service } => {
                prop_assert!(places.by_code(&place).is_some_and(|p| p.code == place), "{place:?}");
                prop_assert!(service.as_deref().is_none_or(is_service_id));
            }
            Request::Titles(a) => {
                prop_assert!(
                    a.kind.is_some() || a.origin.is_some() || a.service.is_some() || a.genre.is_some()
                        || a.years.is_some() || a.added.is_some() || a.director.is_some()
                        || a.cast.is_some() || a.sort.is_some() || a.count,
                    "titles without a filter: {a:?}"
                );
                if let Some(o) = &a.origin {
                    prop_assert!(places.by_code(o).is_some_and(|p| &p.code == o), "{o:?}");
                }
                prop_assert!(a.service.as_deref().is_none_or(is_service_id));
                prop_assert_eq!(a.page, 1);
                let added = a.added.map(|m| (m.from.year, m.to.year));
                for (lo, hi) in [a.years, added].into_iter().flatten() {
                    prop_assert!(lo <= hi && (1900..=2109).contains(&lo) && hi <= 2109);
                }
                if let Some(m) = a.added {
                    prop_assert!(m.from <= m.to, "{m:?}");
                }
                prop_assert!(a.sort.is_none() || a.sort == Some(TitleSort::Added));
                for v in [&a.genre, &a.query, &a.director, &a.cast].into_iter().flatten() {
                    prop_assert!(!v.trim().is_empty());
                }
            }
            Request::Search { text, documents } => {
                prop_assert!(documents || !text.trim().is_empty(), "an empty search");
                prop_assert!(text.len() <= part.len(), "a search for words that were not typed");
            }
            Request::Title { name, .. } => prop_assert!(!name.trim().is_empty()),
            Request::Map { service, .. } => {
                prop_assert!(service.as_deref().is_none_or(is_service_id));
            }
            Request::Help => {}
            Request::Uncovered { name } => prop_assert!(!name.trim().is_empty()),
            Request::Settings(_) => prop_assert!(false, "free text never changes settings: {part:?}"),
            Request::Similar { name, service, .. } => {
                prop_assert!(!name.trim().is_empty());
                prop_assert!(service.as_deref().is_none_or(is_service_id));
            }
            Request::Top(a) => {
                prop_assert_eq!(a.page, 1);
                prop_assert!(a.places.len() <= 10);
            }
        }
    }

    /// `/ask question` and direct messages: route, then answer; the answer renders.
    #[test]
    fn any_question_is_answered_and_renders(s in hostile()) {
        match answer::respond(engine(), &s, Lang::En) {
            Ok(a) => assert_renders(&a)?,
            Err(AnswerError::Usage(u)) => prop_assert!(!u.0.is_empty()),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    /// `/why-not place service`: the request the command builds, answered.
    #[test]
    fn why_not_options(place in known_place(), service in maybe(prop::sample::select(service_ids()))) {
        let request = Request::WhyNot { place: place.clone(), service: service.map(String::from) };
        let a = answer::answer(engine(), &request, Lang::En).expect("why-not always answers");
        match a.kind() {
            AnswerKind::WhyNot => {
                prop_assert!(a.status().is_some() && a.place().is_some());
                prop_assert_eq!(a.service(), Some(service.unwrap_or("netflix")));
            }
            AnswerKind::NotFound => prop_assert!(!a.message.is_empty()),
            other => prop_assert!(false, "{other:?}"),
        }
        assert_renders(&a)?;
    }

    /// `/title name`.
    #[test]
    fn title_option(name in prop_oneof![
        prop::sample::select(vec!["Breaking Bad", "breakng bad", "流浪地球", "The Wandering Earth", "x"]).prop_map(String::from),
        hostile(),
    ]) {
        let a = answer::answer(engine(), &Request::Title { name, service: None, place: None }, Lang::En).expect("title always answers");
        match a.kind() {
            AnswerKind::Title => prop_assert_eq!(a.titles().len(), 1),
            AnswerKind::NotFound => prop_assert!(a.titles().is_empty()),
            other => prop_assert!(false, "{other:?}"),
        }
        assert_renders(&a)?;
    }

    /// `/titles origin genre type service year added query sort`: the years go through
    /// `parse_years` as the command does; the rest goes straight into `TitlesArgs`.
    #[test]
    fn titles_options(
        origin in maybe(known_place()),
        kind in maybe(prop::sample::select(vec![Kind::Movie, Kind::Tv])),
        service in maybe(prop::sample::select(service_ids())),
        genre in maybe(prop_oneof![
            prop::sample::select(vec!["drama", "Dramas", "comedies", "documentaries", "anime", "sci-fi"]).prop_map(String::from),
            hostile(),
        ]),
        year in maybe(prop_oneof![prop::sample::select(vec!["2019", "2010-2020", "1800-2200"]).prop_map(String::from), hostile()]),
        added in maybe(prop_oneof![prop::sample::select(vec!["2021", "2015-2022", "2021-09", "2020-03..2020-06", "2019..", "..2000"]).prop_map(String::from), hostile()]),
        query in maybe(hostile()),
        sort in maybe(prop::sample::select(vec![TitleSort::Relevance, TitleSort::Year, TitleSort::Title])),
        page in 1..4usize,
        watch_in in maybe(prop_oneof![prop::sample::select(vec!["HK", "japan", "China", "Atlantis"]).prop_map(String::from), hostile()]),
    ) {
        let years = |v: &Option<String>| v.as_deref().map(|v| parse_years(v, Lang::En)).transpose();
        let added = match added.as_deref().map(Months::parse) {
            None => Ok(None),
            Some(Some(m)) => Ok(Some(m)),
            Some(None) => Err(()),
        };
        let (Ok(years), Ok(added)) = (years(&year), added) else {
            // The command replies with the usage error; nothing else happens.
            return Ok(());
        };
        let args = TitlesArgs {
            origin: origin.clone(),
            kind,
            service: service.map(String::from),
            genre,
            years,
            added,
            relative: None,
            query,
            director: None,
            cast: None,
            watch_in,
            sort,
            page,
            count: false,
            mine: false,
            loose_query: false,
            yours: Vec::new(),
        };
        let a = match answer::titles(engine(), &args, Lang::En) {
            Ok(a) => a,
            Err(AnswerError::Usage(u)) => {
                prop_assert!(origin.is_some_and(|o| streambot::text::fold(&o).is_empty()), "{}", u);
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        prop_assert!(a.titles().len() <= PAGE_SIZE);
        match a.kind() {
            AnswerKind::Titles => {
                // A page past the end answers the last page.
                prop_assert_eq!(a.page(), page.min(a.pages()));
                prop_assert_eq!(a.pages(), a.total().div_ceil(PAGE_SIZE));
                prop_assert!(!a.titles().is_empty() && a.total() >= a.titles().len());
                let origin = a.place().as_ref().map(|p| p.code.clone());
                for t in a.titles() {
                    if let Some(k) = kind {
                        prop_assert_eq!(t.kind, k);
                    }
                    if let Some(s) = service {
                        prop_assert!(t.services.iter().any(|x| x == s), "{t:?}");
                    }
                    if let Some(o) = &origin {
                        prop_assert!(t.origin.contains(o), "{t:?}");
                    }
                    if let Some((lo, hi)) = years {
                        prop_assert!(t.year.is_some_and(|y| (lo..=hi).contains(&y)), "{t:?}");
                    }
                }
            }
            AnswerKind::NotFound => prop_assert!(!a.message.is_empty()),
            other => prop_assert!(false, "{other:?}"),
        }
        assert_renders(&a)?;
    }

    /// Autocomplete for places, genres and titles offers at most what Discord shows.
    #[test]
    fn autocomplete_options(partial in hostile()) {
        let n = limits::CHOICES;
        prop_assert!(Places::global().complete(&partial, n).len() <= n);
        prop_assert!(engine().complete_genres(&partial, n).expect("genres").len() <= n);
        let titles = engine().complete_titles(&partial, n).expect("titles");
        prop_assert!(titles.len() <= n);
    }
}

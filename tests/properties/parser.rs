//! The command parser: any string parses or explains its usage; values come back exactly.

use super::*;
use streambot::i18n::Lang;

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_command_parses_or_explains_its_usage(
        input in prop_oneof![
            hostile(),
            hostile().prop_map(|s| format!("/{s}")),
            (
                prop::sample::select(vec!["why-not", "WHY_NOT", "titles", "title", "ask", "search", "help", "x"]),
                hostile(),
            )
                .prop_map(|(c, s)| format!("/{c} {s}")),
        ]
    ) {
        let first = answer::parse_command(&input, Lang::En);
        // Deterministic.
        prop_assert_eq!(&first, &answer::parse_command(&input, Lang::En));
        match first {
            None => prop_assert!(!input.trim().starts_with('/')),
            Some(Err(u)) => {
                prop_assert!(input.trim().starts_with('/'));
                prop_assert!(!u.0.trim().is_empty());
            }
            Some(Ok(request)) => {
                prop_assert!(input.trim().starts_with('/'));
                match request {
                    Request::WhyNot { place, service } => {
                        prop_assert!(!place.trim().is_empty(), "{input:?} gave an empty place");
                        prop_assert!(service.as_deref().is_none_or(is_service_id));
                    }
                    Request::Titles(a) => {
                        prop_assert!((1..=100_000).contains(&a.page));
                        prop_assert!(a.service.as_deref().is_none_or(is_service_id));
                        let added = a.added.map(|m| (m.from.year, m.to.year));
                        for (lo, hi) in [a.years, added].into_iter().flatten() {
                            prop_assert!(lo <= hi && (1800..=2200).contains(&lo) && hi <= 2200);
                        }
                        for v in [&a.origin, &a.genre, &a.query].into_iter().flatten() {
                            prop_assert!(!v.trim().is_empty(), "{input:?} gave an empty option");
                        }
                    }
                    Request::Title { name, .. } => prop_assert!(!name.trim().is_empty()),
                    Request::Search { text, .. } => prop_assert!(!text.trim().is_empty()),
                    Request::Map { service, .. } => {
                        prop_assert!(service.as_deref().is_none_or(is_service_id));
                    }
                    Request::Help => {}
                    Request::Uncovered { .. } => prop_assert!(false, "{input:?}: a command is never about an uncovered service"),
                    Request::Similar { name, service, .. } => {
                        prop_assert!(!name.trim().is_empty());
                        prop_assert!(service.as_deref().is_none_or(is_service_id));
                    }
                    Request::Top(a) => {
                        prop_assert!((1..=10_000).contains(&a.page));
                        prop_assert!(a.places.len() <= 10 && a.places.iter().all(|p| !p.trim().is_empty()));
                    }
                    // Settings hold checked values only: known services, place codes.
                    Request::Settings(s) => {
                        for code in [&s.change.region, &s.server_region].into_iter().flatten().flatten() {
                            prop_assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()), "{code:?}");
                        }
                    }
                }
            }
        }
    }

    /// A quoted option value comes back exactly (trimmed), whatever it holds.
    #[test]
    fn quoted_option_values_come_back_exactly(v in hostile()) {
        let v: String = v.chars().filter(|c| !matches!(c, '"' | '“' | '”')).collect();
        prop_assume!(!v.trim().is_empty());
        let want = v.trim().to_string();
        let parse = |s: String| answer::parse_command(&s, Lang::En).expect("a command");
        match parse(format!("/titles query:\"{v}\"")) {
            Ok(Request::Titles(a)) => prop_assert_eq!(a.query, Some(want.clone())),
            other => prop_assert!(false, "{other:?}"),
        }
        match parse(format!("/titles origin:\"{v}\" genre:\"{v}\"")) {
            Ok(Request::Titles(a)) => {
                prop_assert_eq!(a.origin, Some(want.clone()));
                prop_assert_eq!(a.genre, Some(want.clone()));
            }
            other => prop_assert!(false, "{other:?}"),
        }
        prop_assert_eq!(
            parse(format!("/why-not place:\"{v}\" service:prime")),
            Ok(Request::WhyNot { place: want.clone(), service: Some("amazon_prime".into()) })
        );
        prop_assert_eq!(
            parse(format!("/title name:\"{v}\"")),
            Ok(Request::Title { name: want.clone(), service: None, place: None })
        );
        prop_assert_eq!(
            parse(format!("/ask question:\"{v}\"")),
            Ok(Request::Search { text: want, documents: false })
        );
    }

    #[test]
    fn years_parse_to_an_ordered_range(v in hostile(), a in 1800u16..=2200, b in 1800u16..=2200) {
        if let Ok((lo, hi)) = parse_years(&v, Lang::En) {
            prop_assert!(lo <= hi && lo >= 1800 && hi <= 2200);
        }
        let want = (a.min(b), a.max(b));
        prop_assert_eq!(parse_years(&a.to_string(), Lang::En), Ok((a, a)));
        prop_assert_eq!(parse_years(&format!("{a}-{b}"), Lang::En), Ok(want));
        prop_assert_eq!(parse_years(&format!(" {a} – {b} "), Lang::En), Ok(want));
        prop_assert_eq!(parse_years(&format!("{a}..{b}"), Lang::En), Ok(want));
    }

    #[test]
    fn services_are_known_ids_or_nothing(v in hostile()) {
        prop_assert!(parse_service(&v).as_deref().is_none_or(is_service_id));
    }
}

//! Places: every place resolves by name and code; any text resolves or is refused.

use super::*;

fn places_and_names() -> Vec<(String, String)> {
    Places::global()
        .all()
        .iter()
        .map(|p| (p.code.clone(), p.name.clone()))
        .collect()
}

/// Every place's everyday name and code resolve to it, and so does its name in capitals.
#[test]
fn every_place_name_and_code_round_trips() {
    let places = Places::global();
    assert_eq!(
        places
            .all()
            .iter()
            .filter(|p| p.kind == PlaceKind::Country)
            .count(),
        249
    );
    for p in places.all() {
        for input in [p.code.clone(), p.name.clone(), p.name.to_uppercase()] {
            assert_eq!(
                places.resolve(&input).map(|r| r.code.as_str()),
                Ok(p.code.as_str()),
                "{input:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_place_text_resolves_or_is_refused(s in hostile(), limit in 0..30usize) {
        let places = Places::global();
        match places.resolve(&s) {
            Ok(p) => prop_assert_eq!(places.by_code(&p.code).map(|q| &q.code), Some(&p.code)),
            Err(PlaceError::Empty) => prop_assert!(streambot::text::fold(&s).is_empty()),
            Err(PlaceError::Unknown { input, suggestions }) => {
                prop_assert_eq!(input, s.trim());
                prop_assert!(suggestions.len() <= 3);
                for name in &suggestions {
                    prop_assert!(places.all().iter().any(|p| &p.name == name), "{name:?}");
                }
            }
        }
        let done = places.complete(&s, limit);
        prop_assert!(done.len() <= limit);
        let codes: BTreeSet<&str> = done.iter().map(|p| p.code.as_str()).collect();
        prop_assert_eq!(codes.len(), done.len(), "a place offered twice");
        let again: Vec<&str> = places.complete(&s, limit).iter().map(|p| p.code.as_str()).collect();
        prop_assert_eq!(done.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), again);
        if let Some((p, range)) = places.find_in_text(&s) {
            let named = s.get(range.clone());
            prop_assert!(named.is_some_and(|n| !n.is_empty()), "{range:?} in {s:?}");
            prop_assert_eq!(
                places.exact(named.unwrap_or_default()).map(|q| &q.code),
                Some(&p.code)
            );
        }
    }

    /// A place named inside arbitrary text is found (with exactly its bytes) when nothing
    /// around it names a place.
    #[test]
    fn a_place_in_text_is_found_with_its_bytes(
        (code, name) in prop::sample::select(places_and_names()),
        before in "[0-9 ,.!?]{0,12}",
        after in "[0-9 ,.!?]{0,12}",
    ) {
        let places = Places::global();
        prop_assume!(name.chars().count() >= 4 && name.split_whitespace().count() <= 5 && name.chars().all(|c| c.is_alphanumeric() || c == ' '));
        let text = format!("{before} {name} {after}");
        let (p, range) = places.find_in_text(&text).expect("the name is found");
        prop_assert_eq!(&p.code, &code);
        prop_assert_eq!(&text[range], name.as_str());
    }

    #[test]
    fn names_and_codes_resolve_whatever_the_case_and_spacing(
        (code, name) in prop::sample::select(places_and_names()),
        upper in prop::collection::vec(any::<bool>(), 64),
        pad in "[ \t]{0,3}",
    ) {
        let mangle = |s: &str| -> String {
            s.chars()
                .zip(upper.iter().cycle())
                .map(|(c, &u)| if u { c.to_uppercase().to_string() } else { c.to_lowercase().to_string() })
                .collect()
        };
        let places = Places::global();
        for input in [format!("{pad}{}{pad}", mangle(&name)), format!("{pad}{}{pad}", mangle(&code))] {
            prop_assert_eq!(places.resolve(&input).map(|p| p.code.clone()), Ok(code.clone()), "{:?}", input);
        }
    }
}

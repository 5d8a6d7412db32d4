//! Resolving, suggesting, completing and finding places in text.

use super::*;

fn code(input: &str) -> String {
    Places::global()
        .resolve(input)
        .map(|p| p.code.clone())
        .unwrap_or_else(|e| format!("{e:?}"))
}

#[test]
fn completion_in_one_pass_is_completion_name_by_name() {
    let dir = Places::global();
    assert!(dir.places.len() <= MAX_PLACES);
    let mut typed: Vec<String> = vec![String::new(), "zz".into(), "中".into(), "a b".into()];
    for (name, _) in &dir.sorted_names {
        typed.extend((1..=4).map(|n| name.chars().skip(n / 2).take(n).collect::<String>()));
    }
    for t in &typed {
        for limit in [1, 25, 2000] {
            let fast: Vec<&str> = dir
                .complete(t, limit)
                .iter()
                .map(|p| p.code.as_str())
                .collect();
            let key = fold(t);
            let slow: Vec<&str> = dir
                .complete_slowly(&key, limit)
                .iter()
                .map(|p| p.code.as_str())
                .collect();
            assert_eq!(fast, slow, "{t} {limit}");
        }
    }
}

#[test]
fn china_has_many_names() {
    for name in [
        "china",
        "CN",
        "cn",
        "CHN",
        "PRC",
        "People's Republic of China",
        "中国",
        "China ",
        "CHINA",
    ] {
        assert_eq!(code(name), "CN", "{name}");
    }
}

#[test]
fn the_five_places_resolve() {
    assert_eq!(code("north korea"), "KP");
    assert_eq!(code("DPRK"), "KP");
    assert_eq!(code("KP"), "KP");
    assert_eq!(code("crimea"), "UA-43");
    assert_eq!(code("russia"), "RU");
    assert_eq!(code("Russian Federation"), "RU");
    assert_eq!(code("syria"), "SY");
}

#[test]
fn hong_kong_and_taiwan_are_not_china() {
    assert_eq!(code("Hong Kong"), "HK");
    assert_eq!(code("Taiwan"), "TW");
    assert_eq!(code("香港"), "HK");
}

#[test]
fn historical_names_resolve() {
    assert_eq!(code("Soviet Union"), "SUHH");
    assert_eq!(code("West Germany"), "DE");
    assert_eq!(code("East Germany"), "DDDE");
    assert_eq!(code("Vatican City"), "VA");
}

#[test]
fn typos_are_tolerated() {
    assert_eq!(code("chnia"), "CN");
    assert_eq!(code("rusia"), "RU");
    assert_eq!(code("nroth korea"), "KP");
    assert_eq!(code("sirya"), "SY");
    assert_eq!(code("Crimee"), "UA-43");
}

#[test]
fn unknown_names_get_suggestions() {
    match Places::global().resolve("narnia") {
        Err(PlaceError::Unknown { input, .. }) => assert_eq!(input, "narnia"),
        other => panic!("{other:?}"),
    }
    match Places::global().resolve("Chinaland") {
        Err(PlaceError::Unknown { suggestions, .. }) => {
            assert_eq!(suggestions.first().map(String::as_str), Some("China"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(Places::global().resolve("  "), Err(PlaceError::Empty));
}

/// Found by the property tests: codes longer than three letters resolved only in capitals.
#[test]
fn long_codes_resolve_in_any_case() {
    assert_eq!(code("ua-43"), "UA-43");
    assert_eq!(code("Ua-43 "), "UA-43");
    assert_eq!(code("suhh"), "SUHH");
    assert_eq!(code("dDdE"), "DDDE");
}

/// Found by the property tests: a long text was compared with every place name for
/// suggestions, which took time in proportion to its length.
#[test]
fn long_unknown_text_gets_no_suggestions() {
    let long = "chinaa ".repeat(2_000);
    match Places::global().resolve(&long) {
        Err(PlaceError::Unknown { suggestions, .. }) => {
            assert_eq!(suggestions, Vec::<String>::new())
        }
        other => panic!("{other:?}"),
    }
    let just_over = "china ".repeat(17);
    assert_eq!(
        Places::global().suggest(&just_over, 3),
        Vec::<String>::new()
    );
    assert_eq!(
        Places::global()
            .suggest("chinaa", 3)
            .first()
            .map(String::as_str),
        Some("China")
    );
}

#[test]
fn display_names_are_everyday_names() {
    let p = Places::global();
    assert_eq!(p.by_code("KP").unwrap().name, "North Korea");
    assert_eq!(p.by_code("RU").unwrap().name, "Russia");
    assert_eq!(p.by_code("CN").unwrap().name, "China");
    assert_eq!(p.by_code("UA-43").unwrap().name, "Crimea");
}

#[test]
fn places_are_found_in_free_text() {
    let p = Places::global();
    let find = |t: &str| p.find_in_text(t).map(|(pl, r)| (pl.code.clone(), r));
    assert_eq!(
        find("why can't I watch Netflix in Russia?"),
        Some(("RU".into(), 29..35))
    );
    assert_eq!(
        find("为什么中国不能看Netflix").map(|f| f.0),
        Some("CN".into())
    );
    assert_eq!(
        find("is it on in north korea").map(|f| f.0),
        Some("KP".into())
    );
    assert_eq!(find("what is in it").map(|f| f.0), None);
}

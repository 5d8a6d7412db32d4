//! Parsing commands and their options: table-driven cases, in both languages.

use super::*;
use crate::i18n::Lang;

fn parse(s: &str) -> Result<Request, UsageError> {
    parse_command(s, Lang::En).expect("a command")
}

#[test]
fn why_not_takes_a_place_and_maybe_a_service() {
    assert_eq!(
        parse("/why-not china").unwrap(),
        Request::WhyNot {
            place: "china".into(),
            service: None
        }
    );
    assert_eq!(
        parse("/why-not north korea hulu").unwrap(),
        Request::WhyNot {
            place: "north korea".into(),
            service: Some("hulu".into())
        }
    );
    assert_eq!(
        parse("/why-not place:\"north korea\" service:netflix").unwrap(),
        Request::WhyNot {
            place: "north korea".into(),
            service: Some("netflix".into())
        }
    );
    assert!(parse("/why-not").is_err());
    assert!(parse("/why-not china service:quibi").is_err());
}

#[test]
fn titles_options_are_checked() {
    let Request::Titles(a) = parse("/titles origin:cn type:movie page:2").unwrap() else {
        panic!()
    };
    assert_eq!(a.origin.as_deref(), Some("cn"));
    assert_eq!(a.kind, Some(Kind::Movie));
    assert_eq!(a.page, 2);
    let Request::Titles(a) = parse("/titles year:2010-2020 query:\"kung fu\" panda").unwrap()
    else {
        panic!()
    };
    assert_eq!(a.years, Some((2010, 2020)));
    assert_eq!(a.query.as_deref(), Some("kung fu panda"));
    for bad in [
        "/titles type:cartoon",
        "/titles year:soon",
        "/titles page:0",
        "/titles orgin:cn",
        "/titles sort:best",
        "/titles origin:",
        "/titles page:1 page:2",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn other_commands() {
    assert_eq!(
        parse("/title Breaking Bad").unwrap(),
        Request::Title {
            name: "Breaking Bad".into(),
            service: None,
            place: None,
        }
    );
    assert_eq!(
        parse("/title Squid Game place:russia service:netflix").unwrap(),
        Request::Title {
            name: "Squid Game".into(),
            service: Some("netflix".into()),
            place: Some("russia".into()),
        }
    );
    assert_eq!(parse("/help").unwrap(), Request::Help);
    assert!(parse("/frobnicate").is_err());
    assert_eq!(
        parse("/title Shawn Mendes: Live in Concert").unwrap(),
        Request::Title {
            name: "Shawn Mendes: Live in Concert".into(),
            service: None,
            place: None,
        }
    );
    let Request::Titles(a) = parse("/titles Star Wars: The Clone Wars").unwrap() else {
        panic!()
    };
    assert_eq!(a.query.as_deref(), Some("Star Wars: The Clone Wars"));
    assert!(parse("/").is_err());
    assert!(parse_command("hello", Lang::En).is_none());
}

/// Found by the property tests: `/why-not place:` gave a why-not for an empty place, and
/// a quoted blank word became a `/titles` query of spaces.
#[test]
fn empty_values_are_usage_errors() {
    assert_eq!(
        parse("/why-not place:"),
        Err(UsageError("`place:` needs a value.".into()))
    );
    assert_eq!(
        parse("/why-not place:\"  \" service:hulu"),
        Err(UsageError("`place:` needs a value.".into()))
    );
    let Request::Titles(a) = parse("/titles type:tv \"  \"").unwrap() else {
        panic!()
    };
    assert_eq!(a.query, None);
}

#[test]
fn usage_errors_and_help_in_chinese() {
    let zh = |s: &str| parse_command(s, Lang::Zh).expect("a command");
    assert_eq!(
        zh("/why-not place:"),
        Err(UsageError("`place:` 需要一个值。".into()))
    );
    assert_eq!(
        zh("/titles orgin:cn"),
        Err(UsageError(
            "/titles 没有 `orgin` 这个选项；你是不是想用 `origin:`？它的选项有 `origin`、`type`、`service`、`genre`、`year`、`added`、`director`、`cast`、`query`、`sort`、`place`、`page`。".into()
        ))
    );
    assert_eq!(
        zh("/frobnicate"),
        Err(UsageError(
            "没有 /frobnicate 这个命令。试试 /why-not、/titles、/new、/title 或 /help。".into()
        ))
    );
    assert_eq!(
        parse_years("soon", Lang::Zh),
        Err(UsageError(
            "`soon` 不是年份，也不是年份范围（请写 2019 或 2010-2020）。".into()
        ))
    );
    assert!(help(Lang::En).starts_with("/why-not <place> [service]"));
    assert!(help(Lang::Zh).starts_with("/why-not <地方> [平台]"));
    assert_eq!(
        parse("/titles orgin:cn"),
        Err(UsageError(
            "/titles has no option `orgin`; did you mean `origin:`? Its options are `origin`, `type`, `service`, `genre`, `year`, `added`, `director`, `cast`, `query`, `sort`, `place`, `page`.".into()
        ))
    );
}

#[test]
fn services_have_everyday_names() {
    assert_eq!(parse_service("Disney+").as_deref(), Some("disney_plus"));
    assert_eq!(
        parse_service("Prime Video").as_deref(),
        Some("amazon_prime")
    );
    assert_eq!(
        parse_service("amazon_prime").as_deref(),
        Some("amazon_prime")
    );
    assert_eq!(parse_service("quibi"), None);
}

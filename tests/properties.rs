//! Property tests for hostile input (issue 5, part 3): any string into the command parser, the
//! place resolver and the free-text router; arbitrary values for every slash-command option
//! through the same core calls the Discord commands make; arbitrary rows into CSV ingestion and
//! the upload validator; arbitrary answers into the Discord embed renderer, which must stay
//! inside every Discord limit with mention syntax defused.
//!
//! Case counts are small (CI runs these on every push); failures found are kept in
//! `tests/properties.proptest-regressions` and replayed first.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

use streambot::answer::{
    self, Added, Answer, AnswerError, AnswerKind, Citation, Fact, PlaceRef, Request, TitleCard,
    TitlesArgs, parse_service, parse_years, route,
};
use streambot::corpus::upload::{self, UploadError, UploadKind};
use streambot::corpus::{
    Action, KNOWN_SERVICES, Kind, LoadReport, MAX_CELL_BYTES, Status, parse_titles, strip_bom,
};
use streambot::places::{PlaceError, PlaceKind, Places};
use streambot::render::embed::{self, Embed, limits};
use streambot::search::{Engine, OpenOutcome, PAGE_SIZE, TitleSort};

// ---------------------------------------------------------------------------------------------
// Shared set-up and strategies

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

/// One engine for the whole test binary, built from `data/` into a fresh temporary directory.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("streambot-test-properties-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let data = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("data")];
        let (engine, outcome) =
            Engine::open(&dir, &data, "tests/properties.rs", &|_, _| {}).expect("index builds");
        assert!(matches!(outcome, OpenOutcome::Built(_)), "{outcome:?}");
        // The reader has every segment open and never reloads, so the directory can go now.
        let _ = std::fs::remove_dir_all(&dir);
        engine
    })
}

/// Pieces hostile text is made of: mentions, markdown, quotes, option syntax, command names,
/// control characters, scripts without spaces, combining marks, emoji, huge numbers.
const PIECES: &[&str] = &[
    "@everyone",
    "@here",
    "<@123>",
    "<@!123>",
    "<@&123>",
    "<#456>",
    "<:e:1>",
    "<t:1:R>",
    "**",
    "__",
    "~~",
    "||",
    "`",
    "```",
    "\\",
    "> ",
    "# ",
    "- ",
    "[x](https://e.com)",
    "\u{200b}",
    "…",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "\u{1}",
    "\u{2}",
    "\u{7f}",
    "\u{feff}",
    "\u{2028}",
    "\"",
    "“",
    "”",
    "'",
    ",",
    ":",
    "::",
    "origin:",
    "type:",
    "service:",
    "genre:",
    "year:",
    "added:",
    "query:",
    "sort:",
    "page:",
    "name:",
    "place:",
    "question:",
    "orgin:",
    "/",
    "/titles ",
    "/why-not ",
    "/title ",
    "/ask ",
    "/help",
    "why can't I watch ",
    "Netflix",
    "prime",
    " in ",
    "china",
    "CN",
    "USA",
    "north korea",
    "中国",
    "为什么",
    "Korean movies",
    "documentaries",
    "2019",
    "2010-2020",
    "1800..2200",
    "0",
    "99999999999999999999",
    "-",
    "é",
    "e\u{301}",
    "ﬁ",
    "👍🏽",
    "🇨🇳",
    "ＣＨＩＮＡ",
    "Ⅻ",
    "ß",
    "İ",
    " ",
    "  ",
];

/// Arbitrary text, biased towards what breaks parsers and renderers.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat()),
        2 => prop::collection::vec(
            prop_oneof![prop::sample::select(PIECES).prop_map(String::from), any::<String>()],
            0..12
        )
        .prop_map(|v| v.join(" ")),
        1 => (prop::sample::select(PIECES), 1..3000usize).prop_map(|(p, n)| p.repeat(n)),
    ]
}

/// Short hostile text, for the many small fields of an answer.
fn short() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|v| v.concat()),
    ]
}

fn service_ids() -> Vec<&'static str> {
    KNOWN_SERVICES.iter().map(|(id, _)| *id).collect()
}

fn is_service_id(s: &str) -> bool {
    KNOWN_SERVICES.iter().any(|(id, _)| *id == s)
}

/// The input as the router sees it: the first 2,000 bytes (on a char boundary), trimmed.
fn routed_part(input: &str) -> &str {
    let mut cut = input.len().min(answer::MAX_INPUT);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    input[..cut].trim()
}

// ---------------------------------------------------------------------------------------------
// Rendering: every Discord limit, mentions defused

/// Every `@` and `<` is followed by a zero-width space (or by the `…` of a cut), so no mention
/// (`@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`) can survive.
fn assert_defused(what: &str, s: &str) -> Result<(), TestCaseError> {
    for bad in ["@everyone", "@here", "<@", "<#"] {
        prop_assert!(!s.contains(bad), "{what} contains {bad:?}: {s:?}");
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '@' || c == '<' {
            let next = chars.peek().copied();
            prop_assert!(
                matches!(next, Some('\u{200b}') | Some('…')),
                "{what}: {c:?} followed by {next:?} in {s:?}"
            );
        }
    }
    Ok(())
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn assert_within_limits(embeds: &[Embed]) -> Result<(), TestCaseError> {
    prop_assert!(
        (1..=limits::EMBEDS).contains(&embeds.len()),
        "{} embeds",
        embeds.len()
    );
    let total: usize = embeds.iter().map(Embed::chars).sum();
    prop_assert!(total <= limits::TOTAL, "{total} characters in all");
    for e in embeds {
        prop_assert!(
            chars(&e.title) <= limits::TITLE,
            "title {}",
            chars(&e.title)
        );
        prop_assert!(chars(&e.description) <= limits::DESCRIPTION);
        prop_assert!(chars(&e.footer) <= limits::FOOTER);
        prop_assert!(
            e.fields.len() <= limits::FIELDS,
            "{} fields",
            e.fields.len()
        );
        assert_defused("title", &e.title)?;
        assert_defused("description", &e.description)?;
        assert_defused("footer", &e.footer)?;
        for f in &e.fields {
            prop_assert!(chars(&f.name) <= limits::FIELD_NAME);
            prop_assert!(chars(&f.value) <= limits::FIELD_VALUE);
            // Discord refuses empty field names and values.
            prop_assert!(!f.name.trim().is_empty() && !f.value.trim().is_empty());
            assert_defused("field name", &f.name)?;
            assert_defused("field value", &f.value)?;
        }
        let counted = chars(&e.title)
            + chars(&e.description)
            + chars(&e.footer)
            + e.fields
                .iter()
                .map(|f| chars(&f.name) + chars(&f.value))
                .sum::<usize>();
        prop_assert_eq!(e.chars(), counted);
    }
    Ok(())
}

/// The embeds, the terminal text and the JSON of one answer, each checked.
fn assert_renders(a: &Answer) -> Result<(), TestCaseError> {
    assert_within_limits(&embed::embeds(a))?;
    let text = streambot::render::text(a);
    prop_assert!(text.contains(&a.message), "the text leaves out the message");
    let json: serde_json::Value =
        serde_json::from_str(&streambot::render::json(a)).expect("the JSON parses");
    prop_assert_eq!(json["message"].as_str(), Some(a.message.as_str()));
    prop_assert_eq!(json["query"].as_str(), Some(a.query.as_str()));
    prop_assert_eq!(
        json["titles"].as_array().map(Vec::len),
        Some(a.titles.len())
    );
    prop_assert_eq!(json["facts"].as_array().map(Vec::len), Some(a.facts.len()));
    Ok(())
}

fn source() -> impl Strategy<Value = String> {
    prop_oneof![
        short(),
        short().prop_map(|s| format!("https://{s}")),
        "https?://[a-z@<>.&#]{1,12}/[a-z@<>()\\[\\]_*`]{0,12}",
        short().prop_map(|s| format!("doc:{s}")),
        (short(), short()).prop_map(|(d, p)| format!("doc:{d}#{p}")),
    ]
}

fn fact() -> impl Strategy<Value = Fact> {
    (
        hostile(),
        hostile(),
        prop::collection::vec(source(), 0..5),
        prop::option::of(short()),
        prop::option::of(short()),
    )
        .prop_map(|(label, value, sources, since, confidence)| Fact {
            label,
            value,
            source: sources.join("; "),
            sources,
            since,
            confidence,
        })
}

fn citation() -> impl Strategy<Value = Citation> {
    let consistent = (
        0..100_000usize,
        hostile(),
        prop::collection::vec((0..400usize, 0..400usize), 0..6),
    )
        .prop_map(|(start, text, spans)| {
            let end = start + text.len();
            let highlights = spans
                .into_iter()
                .map(|(a, b)| [start + a, start + b])
                .collect();
            (start, end, text, highlights)
        });
    let arbitrary = (
        any::<usize>(),
        any::<usize>(),
        hostile(),
        prop::collection::vec(any::<[usize; 2]>(), 0..4),
    );
    (
        short(),
        short(),
        any::<u32>(),
        prop_oneof![3 => consistent, 1 => arbitrary],
    )
        .prop_map(
            |(document, document_title, paragraph, (start, end, text, highlights))| Citation {
                document,
                document_title,
                paragraph,
                start,
                end,
                text,
                highlights,
            },
        )
}

fn service() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(service_ids()).prop_map(String::from),
        short(),
    ]
}

fn title_card() -> impl Strategy<Value = TitleCard> {
    let names = (
        short(),
        hostile(),
        prop::option::of(short()),
        prop::sample::select(vec![Kind::Movie, Kind::Tv]),
        prop::option::of(any::<u16>()),
    );
    let lists = (
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec!["CN", "KP", "UA-43", "SUHH", "US"])
                    .prop_map(String::from),
                short()
            ],
            0..5,
        ),
        prop::collection::vec(short(), 0..5),
        prop::collection::vec(short(), 0..8),
        prop::collection::vec(service(), 0..5),
        prop::collection::vec(short(), 0..4),
        prop::collection::vec(short(), 0..40),
    );
    let rest = (
        prop::option::of(short()),
        prop::option::of(short()),
        hostile(),
        prop::collection::vec((service(), short()), 0..4),
        prop::collection::vec(source(), 0..5),
    );
    (names, lists, rest).prop_map(
        |(
            (id, title, aka, kind, year),
            (origin, countries, genres, services, director, cast),
            (rating, duration, description, added, sources),
        )| TitleCard {
            id,
            title,
            aka,
            kind,
            year,
            origin,
            countries,
            genres,
            services,
            director,
            cast,
            rating,
            duration,
            description,
            added: added
                .into_iter()
                .map(|(service, date)| Added { service, date })
                .collect(),
            sources,
        },
    )
}

fn arbitrary_answer() -> impl Strategy<Value = Answer> {
    let kinds = vec![
        AnswerKind::WhyNot,
        AnswerKind::Titles,
        AnswerKind::Title,
        AnswerKind::Search,
        AnswerKind::NotFound,
        AnswerKind::Help,
    ];
    let counts = prop_oneof![0..30usize, any::<usize>()];
    let head = (
        prop::sample::select(kinds),
        hostile(),
        prop::option::of(service()),
        prop::option::of((short(), short()).prop_map(|(code, name)| PlaceRef { code, name })),
        prop::option::of(prop::sample::select(vec![
            Status::Available,
            Status::Unavailable,
            Status::Suspended,
        ])),
    );
    let body = (
        prop::collection::vec(fact(), 0..40),
        prop::collection::vec(citation(), 0..8),
        prop::collection::vec(title_card(), 0..14),
    );
    let tail = (
        counts.clone(),
        counts.clone(),
        counts,
        hostile(),
        prop::collection::vec(short(), 0..5),
    );
    (head, body, tail).prop_map(
        |(
            (kind, query, service, place, status),
            (facts, citations, titles),
            (total, page, pages, message, suggestions),
        )| Answer {
            kind,
            query,
            service,
            place,
            status,
            facts,
            citations,
            titles,
            total,
            page,
            pages,
            message,
            suggestions,
        },
    )
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn any_answer_renders_inside_every_discord_limit(a in arbitrary_answer()) {
        assert_renders(&a)?;
    }

    /// Usage errors are sent as message content: clipped to 2,000 characters, a prefix of the
    /// message when cut and the whole message otherwise.
    #[test]
    fn clip_keeps_content_inside_the_limit(s in hostile(), max in 1..5000usize) {
        let c = embed::clip(&s, max);
        prop_assert!(chars(&c) <= max);
        if chars(&s) <= max {
            prop_assert_eq!(&c, &s);
        } else {
            let kept = c.strip_suffix('…').expect("a cut ends with …");
            prop_assert!(s.starts_with(kept));
        }
        prop_assert!(chars(&embed::clip(&s, limits::CONTENT)) <= limits::CONTENT);
    }

    #[test]
    fn escaped_text_is_defused(s in hostile()) {
        assert_defused("escaped", &embed::escape(&s))?;
    }
}

// ---------------------------------------------------------------------------------------------
// The command parser

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
        let first = answer::parse_command(&input);
        // Deterministic.
        prop_assert_eq!(&first, &answer::parse_command(&input));
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
                        for (lo, hi) in [a.years, a.added].into_iter().flatten() {
                            prop_assert!(lo <= hi && (1800..=2200).contains(&lo) && hi <= 2200);
                        }
                        for v in [&a.origin, &a.genre, &a.query].into_iter().flatten() {
                            prop_assert!(!v.trim().is_empty(), "{input:?} gave an empty option");
                        }
                    }
                    Request::Title { name } => prop_assert!(!name.trim().is_empty()),
                    Request::Search { text } => prop_assert!(!text.trim().is_empty()),
                    Request::Help => {}
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
        let parse = |s: String| answer::parse_command(&s).expect("a command");
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
            Ok(Request::Title { name: want.clone() })
        );
        prop_assert_eq!(
            parse(format!("/ask question:\"{v}\"")),
            Ok(Request::Search { text: want })
        );
    }

    #[test]
    fn years_parse_to_an_ordered_range(v in hostile(), a in 1800u16..=2200, b in 1800u16..=2200) {
        if let Ok((lo, hi)) = parse_years(&v) {
            prop_assert!(lo <= hi && lo >= 1800 && hi <= 2200);
        }
        let want = (a.min(b), a.max(b));
        prop_assert_eq!(parse_years(&a.to_string()), Ok((a, a)));
        prop_assert_eq!(parse_years(&format!("{a}-{b}")), Ok(want));
        prop_assert_eq!(parse_years(&format!(" {a} – {b} ")), Ok(want));
        prop_assert_eq!(parse_years(&format!("{a}..{b}")), Ok(want));
    }

    #[test]
    fn services_are_known_ids_or_nothing(v in hostile()) {
        prop_assert!(parse_service(&v).as_deref().is_none_or(is_service_id));
    }
}

// ---------------------------------------------------------------------------------------------
// Places

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

// ---------------------------------------------------------------------------------------------
// The free-text router, and every option through the core calls the slash commands make

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
        if part.starts_with('/') {
            prop_assert_eq!(Some(routed), answer::parse_command(part));
            return Ok(());
        }
        match routed.expect("free text always routes") {
            Request::WhyNot { place, service } => {
                prop_assert!(places.by_code(&place).is_some_and(|p| p.code == place), "{place:?}");
                prop_assert!(service.as_deref().is_none_or(is_service_id));
            }
            Request::Titles(a) => {
                prop_assert!(a.kind.is_some() || a.origin.is_some());
                if let Some(o) = &a.origin {
                    prop_assert!(places.by_code(o).is_some_and(|p| &p.code == o), "{o:?}");
                }
                prop_assert!(a.service.as_deref().is_none_or(is_service_id));
                prop_assert_eq!(a.page, 1);
                if let Some((lo, hi)) = a.years {
                    prop_assert!(lo == hi && (1900..=2100).contains(&lo));
                }
                prop_assert_eq!(a.added, None);
                prop_assert_eq!(a.sort, None);
                if let Some(g) = &a.genre {
                    prop_assert!(engine().is_genre_word(g));
                }
                if let Some(q) = &a.query {
                    prop_assert!(!q.trim().is_empty());
                }
            }
            Request::Search { text } => prop_assert_eq!(text, part),
            other => prop_assert!(false, "free text gave {other:?}"),
        }
    }

    /// `/ask question` and direct messages: route, then answer; the answer renders.
    #[test]
    fn any_question_is_answered_and_renders(s in hostile()) {
        match answer::respond(engine(), &s) {
            Ok(a) => assert_renders(&a)?,
            Err(AnswerError::Usage(u)) => prop_assert!(!u.0.is_empty()),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    /// `/why-not place service`: the request the command builds, answered.
    #[test]
    fn why_not_options(place in known_place(), service in maybe(prop::sample::select(service_ids()))) {
        let request = Request::WhyNot { place: place.clone(), service: service.map(String::from) };
        let a = answer::answer(engine(), &request).expect("why-not always answers");
        match a.kind {
            AnswerKind::WhyNot => {
                prop_assert!(a.status.is_some() && a.place.is_some());
                prop_assert_eq!(a.service.as_deref(), Some(service.unwrap_or("netflix")));
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
        let a = answer::answer(engine(), &Request::Title { name }).expect("title always answers");
        match a.kind {
            AnswerKind::Title => prop_assert_eq!(a.titles.len(), 1),
            AnswerKind::NotFound => prop_assert!(a.titles.is_empty()),
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
        added in maybe(prop_oneof![prop::sample::select(vec!["2021", "2015-2022"]).prop_map(String::from), hostile()]),
        query in maybe(hostile()),
        sort in maybe(prop::sample::select(vec![TitleSort::Relevance, TitleSort::Year, TitleSort::Title])),
        page in 1..4usize,
    ) {
        let years = |v: &Option<String>| v.as_deref().map(parse_years).transpose();
        let (Ok(years), Ok(added)) = (years(&year), years(&added)) else {
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
            query,
            sort,
            page,
        };
        let a = match answer::titles(engine(), &args) {
            Ok(a) => a,
            Err(AnswerError::Usage(u)) => {
                prop_assert!(origin.is_some_and(|o| streambot::text::fold(&o).is_empty()), "{}", u);
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        prop_assert!(a.titles.len() <= PAGE_SIZE);
        match a.kind {
            AnswerKind::Titles => {
                prop_assert_eq!(a.page, page);
                prop_assert_eq!(a.pages, a.total.div_ceil(PAGE_SIZE));
                prop_assert!(!a.titles.is_empty() && a.total >= a.titles.len());
                let origin = a.place.as_ref().map(|p| p.code.clone());
                for t in &a.titles {
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

// ---------------------------------------------------------------------------------------------
// CSV ingestion and uploads

const COLUMNS: &[&str] = &[
    "show_id",
    "type",
    "title",
    "director",
    "cast",
    "country",
    "date_added",
    "release_year",
    "rating",
    "duration",
    "listed_in",
    "description",
    "aka",
    "sources",
];

const CELLS: &[&str] = &[
    "Movie",
    "TV Show",
    "movie",
    "Thing",
    "",
    " ",
    "\t",
    "China, ",
    ", South Korea",
    "United States,India",
    "Kosovo",
    "August 4, 2017",
    " August 4, 2017",
    "2017-08-04",
    "Smarch 1, 2020",
    "2017",
    "99999",
    "74 min",
    "2 Seasons",
    "TV-MA",
    "\"",
    "\"\"",
    ",",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "a,b",
    "中国",
    "@everyone",
    "Breaking Bad",
];

fn cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(CELLS).prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::collection::vec(any::<u8>(), 0..16),
        2 => short().prop_map(String::into_bytes),
        1 => (any::<u8>(), MAX_CELL_BYTES - 8..MAX_CELL_BYTES + 64).prop_map(|(b, n)| vec![b; n]),
        1 => (0..MAX_CELL_BYTES + 64).prop_map(|n| "é".repeat(n / 2).into_bytes()),
    ]
}

fn header() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let name = prop_oneof![
        6 => prop::sample::select(COLUMNS).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::sample::select(COLUMNS).prop_map(|s| format!(" {} ", s.to_uppercase()).into_bytes()),
        1 => cell(),
    ];
    (
        prop::collection::vec(name, 0..16),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut names, at)| {
            let at = at.index(names.len() + 1);
            names.insert(at, b"title".to_vec());
            names
        })
}

/// Writes rows as CSV (quoting where needed, or always), returning the bytes and the line on
/// which each row starts.
fn write_csv(rows: &[Vec<Vec<u8>>], crlf: bool, always_quote: bool) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut starts = Vec::new();
    for row in rows {
        starts.push(1 + out.iter().filter(|&&b| b == b'\n').count() as u64);
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let quote = always_quote
                || cell
                    .iter()
                    .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
            if quote {
                out.push(b'"');
                for &b in cell {
                    if b == b'"' {
                        out.push(b'"');
                    }
                    out.push(b);
                }
                out.push(b'"');
            } else {
                out.extend_from_slice(cell);
            }
        }
        out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
    (out, starts)
}

/// A cell as ingestion reads it: lossy UTF-8, cut to [`MAX_CELL_BYTES`], trimmed.
fn cell_text(cell: &[u8]) -> String {
    let text = String::from_utf8_lossy(cell);
    streambot::text::truncate(&text, MAX_CELL_BYTES)
        .trim()
        .to_string()
}

fn skipped_lines(report: &LoadReport) -> Vec<u64> {
    report
        .notes
        .iter()
        .filter(|n| n.action == Action::Skipped)
        .map(|n| n.line)
        .collect()
}

proptest! {
    #![proptest_config(config(64))]

    /// Every data row is either loaded or skipped with a note on its line; blank rows are
    /// neither; repairs are only noted for loaded rows; titles are the cells as read.
    #[test]
    fn every_csv_row_is_loaded_or_skipped(
        header in header(),
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..18), 0..12),
        crlf in any::<bool>(),
        always_quote in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let mut all = vec![header.clone()];
        all.extend(rows.iter().cloned());
        let (csv, starts) = write_csv(&all, crlf, always_quote);
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(&csv);
        let title_col = header
            .iter()
            .position(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case("title"))
            .expect("the header has a title");
        // Rows of nothing but ASCII whitespace are not rows.
        let expected: Vec<(u64, &Vec<Vec<u8>>)> = rows
            .iter()
            .zip(&starts[1..])
            .filter(|(r, _)| r.iter().any(|c| c.iter().any(|b| !b.is_ascii_whitespace())))
            .map(|(r, &line)| (line, r))
            .collect();

        let mut report = LoadReport::default();
        let loaded = parse_titles(strip_bom(&bytes), "t.csv", "hulu", &mut report).expect("parses");
        let skipped = skipped_lines(&report);
        prop_assert_eq!(loaded.len() + skipped.len(), expected.len());
        let mut seen: Vec<u64> = loaded.iter().map(|r| r.line).chain(skipped.iter().copied()).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, expected.iter().map(|(l, _)| *l).collect::<Vec<_>>());
        let loaded_lines: BTreeSet<u64> = loaded.iter().map(|r| r.line).collect();
        for n in &report.notes {
            prop_assert_eq!(&n.file, "t.csv");
            if n.action == Action::Repaired {
                prop_assert!(loaded_lines.contains(&n.line), "{n}");
            }
        }
        for row in &loaded {
            let (_, cells) = expected.iter().find(|(l, _)| *l == row.line).expect("a written row");
            let title = cells.get(title_col).map(|c| cell_text(c)).unwrap_or_default();
            prop_assert_eq!(&row.title, &title);
            prop_assert!(!row.title.is_empty() && !row.show_id.is_empty());
            prop_assert_eq!(row.service.as_str(), "hulu");
            for c in [&row.description, &row.title] {
                prop_assert!(c.len() <= MAX_CELL_BYTES);
            }
        }

        // The upload validator agrees with the parser on the same bytes.
        match upload::validate("../../hulu_titles.csv", &bytes) {
            Ok(c) => {
                prop_assert_eq!(skipped.len(), 0);
                prop_assert_eq!(c.target, Path::new("uploads/hulu_titles.csv"));
                prop_assert_eq!(c.kind, UploadKind::Titles { service: "hulu".into(), rows: loaded.len() });
            }
            Err(UploadError::NotText) => prop_assert!(std::str::from_utf8(strip_bom(&bytes)).is_err()),
            Err(UploadError::TooManyColumns(n)) => prop_assert!(n > 64),
            Err(UploadError::BadRows(why)) => {
                prop_assert!(!skipped.is_empty() && !loaded.is_empty());
                prop_assert!(why.starts_with(&format!("line {}: ", skipped[0])), "{}", why);
            }
            Err(UploadError::NoRows(_)) => prop_assert!(loaded.is_empty()),
            Err(UploadError::TooLarge(n)) => prop_assert!(n > upload::MAX_UPLOAD_BYTES),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    /// Arbitrary bytes: never a panic; with a title column every record the CSV reader sees is
    /// loaded or skipped, without one the file is refused with one note.
    #[test]
    fn any_bytes_are_ingested_or_refused(
        prefix in prop::sample::select(vec!["", "title\n", "show_id,type,title\n", "\u{feff}type,title,\"x\ny\"\r\n"]),
        body in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.extend_from_slice(&body);
        let mut report = LoadReport::default();
        let loaded = parse_titles(&bytes, "x.csv", "netflix", &mut report).expect("parses");
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(&bytes[..]);
        let header = rdr.byte_headers().expect("a header").clone();
        let has_title = header
            .iter()
            .any(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case("title"));
        if has_title {
            let records = rdr
                .byte_records()
                .map(|r| r.expect("a record"))
                .filter(|r| !r.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)))
                .count();
            prop_assert_eq!(loaded.len() + report.count(Action::Skipped), records);
        } else {
            prop_assert!(loaded.is_empty());
            prop_assert_eq!(report.notes.len(), 1);
            prop_assert_eq!(report.notes[0].line, 1);
            prop_assert_eq!(report.notes[0].action, Action::Skipped);
        }
    }

    /// Any name and bytes: refused with a reason, or accepted with a target under `uploads/`
    /// that cannot leave it.
    #[test]
    fn any_upload_is_refused_or_kept_inside_uploads(
        name in prop_oneof![
            prop::sample::select(vec!["netflix_titles.csv", "../../x.csv", "..\\..\\hulu_titles.csv", "/etc/passwd", "notes.md", "a.txt", "", ".", "..", "x/../../y.txt"]).prop_map(String::from),
            hostile(),
            hostile().prop_map(|s| format!("{s}_titles.csv")),
            hostile().prop_map(|s| format!("{s}.md")),
        ],
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..600),
            hostile().prop_map(String::into_bytes),
            Just(b"show_id,type,title\ns1,Movie,X\n".to_vec()),
        ],
    ) {
        match upload::validate(&name, &bytes) {
            Ok(c) => {
                prop_assert!(std::str::from_utf8(strip_bom(&bytes)).is_ok());
                let parts: Vec<_> = c.target.components().collect();
                prop_assert!(parts.iter().all(|p| matches!(p, std::path::Component::Normal(_))), "{:?}", c.target);
                prop_assert_eq!(parts.first().map(|p| p.as_os_str().to_string_lossy().into_owned()), Some("uploads".to_string()));
                prop_assert_eq!(c.target.file_name().map(|f| f.to_string_lossy().into_owned()), Some(c.name.clone()));
                prop_assert!(c.name.chars().all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-')));
                match c.kind {
                    UploadKind::Titles { rows, .. } => {
                        prop_assert!(rows >= 1 && c.name.ends_with("_titles.csv"));
                        prop_assert_eq!(parts.len(), 2);
                    }
                    UploadKind::Document { .. } => {
                        prop_assert!(c.name.ends_with(".txt") || c.name.ends_with(".md"));
                        prop_assert_eq!(parts.len(), 3);
                    }
                }
            }
            Err(UploadError::Empty) => prop_assert!(bytes.iter().all(u8::is_ascii_whitespace)),
            Err(UploadError::NotText) => prop_assert!(
                std::str::from_utf8(strip_bom(&bytes)).map_or(true, |t| t.contains('\0'))
            ),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

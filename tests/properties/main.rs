//! Property tests for hostile input (issue 5, part 3): any string into the command parser, the
//! place resolver and the free-text router; arbitrary values for every slash-command option
//! through the same core calls the Discord commands make; arbitrary rows into CSV ingestion and
//! the upload validator; arbitrary answers into the Discord embed renderer, which must stay
//! inside every Discord limit with mention syntax defused.
//!
//! Case counts are small (CI runs these on every push); failures found are kept in
//! `tests/properties/*.proptest-regressions` and replayed first.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

use streambot::answer::{
    self, Added, Answer, AnswerError, AnswerKind, Body, Citation, Fact, Found, NotFound, PlaceRef,
    Request, TitleCard, TitleFound, TitlesArgs, TitlesPage, WhyNot, parse_service, parse_years,
    route,
};
use streambot::corpus::upload::{self, UploadError, UploadKind};
use streambot::corpus::{
    Action, COMMON_COLUMNS, Kind, LoadReport, MAX_CELL_BYTES, Status, parse_titles, strip_bom,
};
use streambot::places::{PlaceError, PlaceKind, Places};
use streambot::render::check;
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
    streambot::domain::Service::all().map(|s| s.id()).collect()
}

fn is_service_id(s: &str) -> bool {
    streambot::domain::Service::from_id(s).is_some()
}

/// The input as the router sees it: the first 2,000 bytes (on a char boundary), trimmed.
fn routed_part(input: &str) -> &str {
    let mut cut = input.len().min(answer::MAX_INPUT);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    input[..cut].trim()
}

mod custom_ids;
mod ingest;
mod options;
mod parser;
mod places;
mod render;

//! Integration tests against the curated data in `data/` only: the why-not answers for the
//! places the essay names, the citations' exact offsets into the essay, title lookup, free-text
//! routing, the JSON shape, and hostile input.

use crate::support;

use std::sync::OnceLock;

use streambot::answer::{Answer, AnswerError, AnswerKind, respond};
use streambot::corpus::Status;
use streambot::i18n::Lang;
use streambot::search::Engine;
use support::datasets::{crate_root, open_engine};

/// One engine for the whole test binary, built from `data/` into a fresh temporary directory.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| open_engine("curated", None))
}

fn ask(input: &str) -> Answer {
    respond(engine(), input, Lang::En).unwrap_or_else(|e| panic!("{input:?} failed: {e}"))
}

fn essay() -> String {
    std::fs::read_to_string(crate_root().join("data/documents/netflix-in-china.txt"))
        .expect("the essay is readable")
}

/// The 1-based number of the paragraph (non-empty line) whose bytes contain `offset`.
fn paragraph_at(text: &str, offset: usize) -> Option<u32> {
    let mut line_start = 0;
    let mut number = 0;
    for line in text.split_inclusive('\n') {
        let non_empty = !line.trim().is_empty();
        if non_empty {
            number += 1;
        }
        if (line_start..line_start + line.len()).contains(&offset) {
            return non_empty.then_some(number);
        }
        line_start += line.len();
    }
    None
}

fn place_code(a: &Answer) -> Option<&str> {
    a.place().map(|p| p.code.as_str())
}

#[test]
fn why_not_china_is_unavailable_with_exact_citations() {
    let a = ask("/why-not china");
    assert_eq!(a.kind(), AnswerKind::WhyNot, "{a:#?}");
    assert_eq!(a.status(), Some(Status::Unavailable));
    assert_eq!(place_code(&a), Some("CN"));
    assert_eq!(a.service(), Some("netflix"));
    assert!(!a.facts().is_empty(), "no facts: {a:#?}");
    for f in a.facts() {
        assert!(!f.source.trim().is_empty(), "fact without a source: {f:#?}");
        assert!(!f.sources.is_empty(), "fact without sources: {f:#?}");
    }
    assert!(
        a.citations()
            .iter()
            .any(|c| c.document == "netflix-in-china"),
        "no citation from the essay: {:#?}",
        a.citations()
    );

    let essay = essay();
    for c in a.citations() {
        assert_eq!(c.document, "netflix-in-china", "{c:#?}");
        assert!(c.start < c.end && c.end <= essay.len(), "bad range {c:#?}");
        assert!(
            essay.is_char_boundary(c.start) && essay.is_char_boundary(c.end),
            "range not on char boundaries: {c:#?}"
        );
        assert_eq!(
            &essay[c.start..c.end],
            c.text,
            "citation text is not the essay's bytes"
        );
        for h in &c.highlights {
            assert!(
                c.start <= h[0] && h[0] < h[1] && h[1] <= c.end,
                "highlight {h:?} outside {}..{}",
                c.start,
                c.end
            );
        }
        assert_eq!(
            Some(c.paragraph),
            paragraph_at(&essay, c.start),
            "paragraph number of citation at byte {}",
            c.start
        );
    }
}

#[test]
fn why_not_russia_is_suspended() {
    let a = ask("/why-not russia");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(place_code(&a), Some("RU"));
    assert_eq!(a.status(), Some(Status::Suspended));
}

#[test]
fn why_not_crimea_is_a_region_of_ukraine() {
    let a = ask("/why-not crimea");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(place_code(&a), Some("UA-43"));
    assert_eq!(a.status(), Some(Status::Unavailable));
}

#[test]
fn why_not_north_korea_and_syria_are_unavailable() {
    for (input, code) in [
        ("/why-not north korea", "KP"),
        ("/why-not DPRK", "KP"),
        ("/why-not syria", "SY"),
    ] {
        let a = ask(input);
        assert_eq!(a.kind(), AnswerKind::WhyNot, "{input}");
        assert_eq!(place_code(&a), Some(code), "{input}");
        assert_eq!(a.status(), Some(Status::Unavailable), "{input}");
    }
}

#[test]
fn why_not_japan_is_available_without_an_invented_reason() {
    let a = ask("/why-not japan");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(place_code(&a), Some("JP"));
    assert_eq!(a.status(), Some(Status::Available));
    let reasons: Vec<&str> = a
        .facts()
        .iter()
        .map(|f| f.label.as_str())
        .filter(|l| matches!(*l, "Regulation" | "Sanctions" | "War"))
        .collect();
    assert_eq!(reasons, Vec::<&str>::new(), "{:#?}", a.facts());
}

#[test]
fn why_not_an_unknown_place_suggests_places() {
    let a = ask("/why-not narnia");
    assert_eq!(a.kind(), AnswerKind::NotFound);
    assert_eq!(a.status(), None);
    assert!(!a.suggestions().is_empty(), "no suggestions: {a:#?}");
}

#[test]
fn hong_kong_is_not_china() {
    let a = ask("/why-not hong kong");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(place_code(&a), Some("HK"));
}

#[test]
fn title_by_exact_and_misspelled_name() {
    for input in ["/title Breaking Bad", "/title Braking Bad"] {
        let a = ask(input);
        assert_eq!(a.kind(), AnswerKind::Title, "{input}: {a:#?}");
        assert_eq!(a.titles().len(), 1, "{input}");
        assert_eq!(a.titles()[0].title, "Breaking Bad", "{input}");
        assert_eq!(a.titles()[0].year, Some(2013), "{input}");
    }
}

#[test]
fn free_text_questions_route_to_why_not() {
    for (input, code) in [
        ("why can't I watch Netflix in Russia?", "RU"),
        ("为什么中国不能看Netflix", "CN"),
    ] {
        let a = ask(input);
        assert_eq!(a.kind(), AnswerKind::WhyNot, "{input}: {a:#?}");
        assert_eq!(place_code(&a), Some(code), "{input}");
    }
}

#[test]
fn json_has_the_documented_shape() {
    let a = ask("/why-not china");
    let json = streambot::render::json(&a);
    let v: serde_json::Value = serde_json::from_str(&json).expect("render::json is valid JSON");

    for key in [
        "kind",
        "query",
        "service",
        "place",
        "status",
        "facts",
        "citations",
        "titles",
        "total",
        "page",
        "message",
    ] {
        assert!(v.get(key).is_some(), "missing key {key:?} in {json}");
    }
    assert_eq!(v["kind"], "why_not");
    assert_eq!(v["status"], "unavailable");
    assert_eq!(v["service"], "netflix");
    assert_eq!(v["place"]["code"], "CN");
    assert_eq!(v["place"]["name"], "China");
    assert!(v["query"].is_string());
    assert!(v["message"].is_string());
    assert!(v["titles"].is_array());
    assert!(v["total"].is_u64());
    assert!(v["page"].is_u64());

    let facts = v["facts"].as_array().expect("facts is an array");
    assert_eq!(facts.len(), a.facts().len());
    for f in facts {
        for key in ["label", "value", "source"] {
            assert!(f[key].is_string(), "fact key {key:?} in {f}");
        }
    }
    let citations = v["citations"].as_array().expect("citations is an array");
    assert_eq!(citations.len(), a.citations().len());
    assert!(!citations.is_empty());
    for c in citations {
        assert!(c["document"].is_string(), "{c}");
        assert!(c["text"].is_string(), "{c}");
        for key in ["paragraph", "start", "end"] {
            assert!(c[key].is_u64(), "citation key {key:?} in {c}");
        }
    }
}

#[test]
fn hostile_input_never_panics_or_fails() {
    let long_a = "a".repeat(10 * 1024);
    let long_cjk = "中国".repeat(10 * 1024 / "中国".len());
    let inputs: Vec<&str> = vec![
        "",
        "   ",
        "/",
        "/titles query:\"",
        "title:(((",
        "AND OR NOT \" * ~2 ^3 [a TO b]",
        &long_a,
        &long_cjk,
        "🎬🍿🇨🇳",
        "Netflix в России 中国 كوريا",
        "/titles origin:\u{0}",
        "/why-not \u{202e}china",
        "/titles page:99999999999999999999",
        "/titles year:0-99999",
    ];
    for input in inputs {
        let shown: String = input.chars().take(40).collect();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            respond(engine(), input, Lang::En)
        }));
        match result {
            Err(_) => panic!("respond panicked on {shown:?}"),
            Ok(Ok(_)) | Ok(Err(AnswerError::Usage(_))) => {}
            Ok(Err(e)) => panic!("respond failed on {shown:?} with a non-usage error: {e}"),
        }
    }
}

#[test]
fn input_without_words_matches_nothing() {
    for input in ["🎬🍿", "?!?!", "/titles query:🎬"] {
        let a = ask(input);
        assert_eq!(a.kind(), AnswerKind::NotFound, "{input}: {}", a.message);
        assert!(a.titles().is_empty() && a.citations().is_empty(), "{input}");
    }
    let long = "a".repeat(10_000);
    assert_eq!(ask(&long).kind(), AnswerKind::NotFound);
    // A flag is a place: China's flag alone asks about China.
    let a = ask("🎬🍿🇨🇳");
    assert_eq!((a.kind(), place_code(&a)), (AnswerKind::WhyNot, Some("CN")));
}

//! A title asked about in a place (issue 20): for titles from the full datasets in places with
//! and without facts of their own, each of the title's services gets the status that
//! `data/countries.csv` gives it there — computed here, independently, from the file's rows — and
//! the title's status follows its best service; the JSON carries `place`, `status` and one
//! `availability` row per service.

use crate::support;

use std::collections::HashMap;
use std::sync::OnceLock;

use streambot::answer::{AnswerKind, respond};
use streambot::i18n::Lang;
use streambot::search::Engine;
use support::datasets::{crate_root, open_engine};

fn engine() -> Option<&'static Engine> {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let shared = support::datasets::shared_dir("the title-in-place tests")?;
    Some(ENGINE.get_or_init(|| open_engine("in_place", Some(&shared))))
}

/// `(service, place)` → the status of the first row for them, read straight from the file.
fn first_rows() -> HashMap<(String, String), String> {
    let mut out = HashMap::new();
    let mut rows = csv::Reader::from_path(crate_root().join("data/countries.csv")).unwrap();
    for row in rows.records() {
        let row = row.unwrap();
        let key = (row[0].to_string(), row[1].to_string());
        out.entry(key).or_insert_with(|| row[2].to_string());
    }
    out
}

/// The status the data gives `service` in `place`: the place's first row, else the service's
/// everywhere-else (`*`) row, else unknown.
fn expected(rows: &HashMap<(String, String), String>, service: &str, place: &str) -> String {
    let get = |p: &str| rows.get(&(service.to_string(), p.to_string())).cloned();
    get(place)
        .or_else(|| get("*"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

#[test]
fn each_service_of_a_title_has_the_status_the_data_gives_it_there() {
    let Some(engine) = engine() else { return };
    let rows = first_rows();
    let titles = [
        "The Mandalorian",
        "Squid Game",
        "Loki",
        "Goldeneye",
        "Breaking Bad",
    ];
    let places = [
        "CN", "RU", "UA-43", "IN", "JP", "US", "KP", "FR", "HK", "SY",
    ];
    let mut checked = 0;
    for title in titles {
        for place in places {
            let question = format!("/title {title} place:{place}");
            let a = respond(engine, &question, Lang::En).unwrap();
            assert_eq!(a.kind(), AnswerKind::Title, "{question}");
            assert_eq!(
                a.place().map(|p| p.code.as_str()),
                Some(place),
                "{question}"
            );
            let services = &a.titles()[0].services;
            let got: Vec<(String, String)> = a
                .availability()
                .iter()
                .map(|r| (r.service.clone(), r.status.as_str().to_string()))
                .collect();
            let want: Vec<(String, String)> = services
                .iter()
                .map(|s| (s.clone(), expected(&rows, s, place)))
                .collect();
            assert_eq!(got, want, "{question}");
            let statuses: Vec<&str> = want.iter().map(|(_, s)| s.as_str()).collect();
            let overall = if statuses.contains(&"available") {
                "available"
            } else if statuses.contains(&"unknown") {
                "unknown"
            } else if statuses.iter().all(|s| *s == "suspended") {
                "suspended"
            } else {
                "unavailable"
            };
            assert_eq!(a.status().map(|s| s.as_str()), Some(overall), "{question}");
            // Every fact shown has a source.
            assert!(
                a.facts().iter().all(|f| !f.sources.is_empty()),
                "{question}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 50);
}

#[test]
fn the_json_of_a_title_in_a_place() {
    let Some(engine) = engine() else { return };
    let a = respond(engine, "can I watch The Mandalorian in China?", Lang::En).unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["kind"], "title");
    assert_eq!(json["query"], "/title The Mandalorian place:CN");
    assert_eq!(
        json["place"],
        serde_json::json!({"code": "CN", "name": "China"})
    );
    assert_eq!(json["status"], "unavailable");
    assert_eq!(
        json["availability"],
        serde_json::json!([{"service": "disney_plus", "status": "unavailable", "category": "regulation"}])
    );
    assert_eq!(
        a.message,
        "The Mandalorian is on Disney+, but Disney+ is not available in China. None of the \
         services I cover is known to be available in China. The sourced reasons are below."
    );
    assert_eq!(json["facts"][0]["label"], "Disney+ · Regulation");
    // The whole why-not of each service that is not there, a click away.
    assert_eq!(
        json["other_services"],
        serde_json::json!(["/why-not cn disney"])
    );
    assert_eq!(
        json["facts"][0]["sources"][0],
        "https://today.line.me/hk/v2/amp/article/zxpWVk"
    );
    // Without a place the title answer is as before: no place, no status, no availability.
    let plain =
        serde_json::to_value(respond(engine, "/title The Mandalorian", Lang::En).unwrap()).unwrap();
    assert_eq!(plain["place"], serde_json::Value::Null);
    assert_eq!(plain["status"], serde_json::Value::Null);
    assert!(plain.get("availability").is_none());
}

#[test]
fn in_chinese_and_with_a_place_that_is_not_one() {
    let Some(engine) = engine() else { return };
    let a = respond(engine, "我在中国怎么看鱿鱼游戏", Lang::Zh).unwrap();
    assert!(
        a.message
            .starts_with("《鱿鱼游戏》在 Netflix 上，但 Netflix 在中国不可用。"),
        "{}",
        a.message
    );
    assert_eq!(a.facts()[0].label, "Netflix · 监管");
    // A place that is not one: said first, and the title answered as without a place.
    let b = respond(engine, "/title Squid Game place:Atlantis", Lang::En).unwrap();
    assert!(
        b.message
            .starts_with("I don't know a place called \"Atlantis\""),
        "{}",
        b.message
    );
    assert!(
        b.message.contains("Squid Game is on Netflix"),
        "{}",
        b.message
    );
    assert!(b.place().is_none());
    // One service available, others not: which of the four are available there.
    let c = respond(engine, "/title Loki place:russia", Lang::En).unwrap();
    assert_eq!(
        c.status().map(|s| s.as_str()),
        Some("unavailable"),
        "{}",
        c.message
    );
}

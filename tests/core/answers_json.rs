//! The `ask --json` shape, pinned: a table of questions (every answer kind, English and
//! Chinese) answered against the curated data (the answers themselves are stored in
//! `tests/fixtures/answers_curated.jsonl`) and against the full datasets (only a hash of each
//! answer is stored: the datasets are not ours to copy). The keys added after the table was
//! written (`other_services`, `other_reading`, `close_names`, `relaxations`, `examples`) are
//! left out of the comparison, so what an existing consumer reads stays exactly the same.
//!
//! `STREAMBOT_BLESS=1 cargo test --test core answers_json` rewrites the fixtures.

use crate::support;

use std::path::PathBuf;

use serde_json::Value;
use streambot::answer::respond;
use streambot::i18n::Lang;
use streambot::search::Engine;
use support::datasets::{crate_root, open_engine, shared_dir};

/// Keys an answer gained after the fixtures were written.
const NEW_KEYS: &[&str] = &[
    "other_services",
    "other_reading",
    "close_names",
    "relaxations",
    "examples",
];

/// Every answer kind, in both languages, with the inputs people type.
const QUESTIONS: &[(&str, &str)] = &[
    ("en", "/why-not china"),
    ("zh", "/why-not china"),
    ("en", "/why-not place:RU service:netflix"),
    ("en", "/why-not north korea"),
    ("en", "/why-not crimea"),
    ("en", "/why-not syria prime"),
    ("en", "/why-not france disney"),
    ("en", "/why-not ussr"),
    ("en", "/why-not atlantis"),
    ("en", "/why-not chna"),
    ("zh", "/why-not 俄罗斯"),
    ("en", "/why-not china hulu"),
    ("en", "/titles origin:cn type:movie"),
    ("zh", "/titles origin:cn type:movie"),
    ("en", "/titles origin:kr type:tv sort:added"),
    ("en", "/titles origin:us service:hulu page:2"),
    ("en", "/titles origin:cn service:prime"),
    ("en", "/titles origin:zz"),
    ("en", "/titles genre:documentaries year:2019 count:true"),
    ("en", "/titles origin:jp type:movie year:1900"),
    ("en", "/titles director:Bong Joon Ho"),
    ("en", "/titles cast:Gong Yoo"),
    ("en", "/titles page:999 origin:in"),
    ("en", "/title Squid Game"),
    ("zh", "/title 鱿鱼游戏"),
    ("en", "/title squid gaem"),
    ("en", "/title Okja service:hulu"),
    ("en", "/title zzzzqqqq"),
    ("en", "/map"),
    ("en", "/map service:prime"),
    ("en", "/map figure:price"),
    ("zh", "/map service:disney"),
    ("en", "/help"),
    ("zh", "/help"),
    ("en", "why is netflix not in china?"),
    ("zh", "为什么中国没有Netflix"),
    ("en", "where can I watch Squid Game?"),
    ("en", "what's new on Hulu?"),
    ("zh", "韩国电影"),
    ("en", "korean movies"),
    ("en", "great firewall"),
    ("en", "xyzzy plugh"),
    ("en", "is Okja on Netflix?"),
    ("en", "how many documentaries are on disney+"),
    ("en", "china"),
];

fn lang(code: &str) -> Lang {
    match code {
        "zh" => Lang::Zh,
        _ => Lang::En,
    }
}

/// The answer's JSON without the keys added since the fixtures were written.
fn legacy_json(engine: &Engine, code: &str, input: &str) -> Value {
    let answer = respond(engine, input, lang(code)).unwrap_or_else(|e| panic!("{input}: {e}"));
    let mut value = serde_json::to_value(&answer).expect("an answer serialises");
    let object = value.as_object_mut().expect("an answer is an object");
    for key in NEW_KEYS {
        object.remove(*key);
    }
    value
}

fn fixture(name: &str) -> PathBuf {
    crate_root().join("tests/fixtures").join(name)
}

fn bless() -> bool {
    std::env::var_os("STREAMBOT_BLESS").is_some()
}

/// Compares (or, blessing, writes) one line per question: `lang \t input \t payload`.
fn check(name: &str, lines: Vec<(String, String)>) {
    let path = fixture(name);
    if bless() {
        let text: String = lines
            .iter()
            .map(|(key, payload)| format!("{key}\t{payload}\n"))
            .collect();
        std::fs::write(&path, text).expect("the fixture is writable");
        return;
    }
    let stored = std::fs::read_to_string(&path).expect("the fixture exists");
    let stored: Vec<(&str, &str)> = stored
        .lines()
        .map(|l| l.rsplit_once('\t').expect("key \\t payload"))
        .collect();
    assert_eq!(
        stored.len(),
        lines.len(),
        "{name}: the table changed; bless it"
    );
    let mut differ = Vec::new();
    for ((key, payload), (stored_key, stored_payload)) in lines.iter().zip(&stored) {
        assert_eq!(key, stored_key, "{name}: the table changed; bless it");
        let same = match (
            serde_json::from_str::<Value>(payload),
            serde_json::from_str::<Value>(stored_payload),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => payload == stored_payload,
        };
        if !same {
            differ.push(format!(
                "{key}\n  now:    {payload}\n  stored: {stored_payload}"
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} answers changed shape:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn curated_answers_keep_their_json() {
    let engine = open_engine("answers_json_curated", None);
    let lines = QUESTIONS
        .iter()
        .map(|(code, input)| {
            let json = legacy_json(&engine, code, input);
            (format!("{code}\t{input}"), json.to_string())
        })
        .collect();
    check("answers_curated.jsonl", lines);
}

#[test]
fn full_data_answers_keep_their_json() {
    let Some(shared) = shared_dir("the full-data JSON shape test") else {
        return;
    };
    let engine = open_engine("answers_json_full", Some(&shared));
    let lines = QUESTIONS
        .iter()
        .map(|(code, input)| {
            // serde_json's maps are sorted, so this string is the same for equal answers.
            let json = legacy_json(&engine, code, input).to_string();
            let hash = xxhash_rust::xxh3::xxh3_64(json.as_bytes());
            (format!("{code}\t{input}"), format!("{hash:016x}"))
        })
        .collect();
    check("answers_full.tsv", lines);
}

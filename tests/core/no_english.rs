//! Every answer kind and every reply the Discord fronts compute, asked in Chinese (simplified
//! and traditional), carries no sentence of the English locale: each literal run of words of
//! every `locales/en-US` message is looked for in every text the reply shows.

use crate::support;

use std::sync::OnceLock;

use poise::serenity_prelude as serenity;
use serde_json::json;
use streambot::answer::respond;
use streambot::discord::interaction::{Action, Reply, compute};
use streambot::i18n::Lang;
use streambot::render::embed::Embed;
use streambot::search::Engine;
use support::datasets::{crate_root, open_engine};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| open_engine("no_english", None))
}

/// The literal parts of every English message that are sentences: three words or more of
/// letters, outside placeables.
fn english_sentences() -> Vec<String> {
    let mut out = Vec::new();
    let dir = crate_root().join("locales/en-US");
    for entry in std::fs::read_dir(dir).expect("locales/en-US") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let value = line.split_once(" = ").map_or(line, |(_, v)| v);
            let mut literal = String::new();
            let mut depth = 0;
            for c in value.chars().chain(['{']) {
                match c {
                    '{' => {
                        if depth == 0 {
                            push_sentence(&mut out, &literal);
                            literal.clear();
                        }
                        depth += 1;
                    }
                    '}' => depth -= 1,
                    _ if depth == 0 => literal.push(c),
                    _ => {}
                }
            }
        }
    }
    // What the Chinese locale writes in English letters itself (option names, examples such
    // as `why can't I watch Netflix in Russia?`) is its own text, not a leak.
    let chinese = words(
        &std::fs::read_dir(crate_root().join("locales/zh-CN"))
            .expect("locales/zh-CN")
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let chinese = format!(" {chinese} ");
    out.retain(|s| !chinese.contains(&format!(" {s} ")));
    out.sort();
    out.dedup();
    out
}

fn push_sentence(out: &mut Vec<String>, literal: &str) {
    let words: Vec<&str> = literal
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .filter(|w| w.len() > 1)
        .collect();
    if words.len() >= 3 {
        out.push(words.join(" "));
    }
}

/// A text's words of letters, joined by single spaces, so punctuation does not hide a match.
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .filter(|w| w.len() > 1)
        .collect::<Vec<_>>()
        .join(" ")
}

fn embed_texts(e: &Embed) -> Vec<String> {
    let mut out = vec![e.title.clone(), e.description.clone(), e.footer.clone()];
    for f in &e.fields {
        out.push(f.name.clone());
        out.push(f.value.clone());
    }
    out
}

fn reply_texts(r: &Reply) -> Vec<String> {
    let mut out: Vec<String> = r.content.iter().cloned().collect();
    out.extend(r.embeds.iter().flat_map(embed_texts));
    out
}

fn assert_no_english(what: &str, texts: &[String], sentences: &[String]) {
    for text in texts {
        let shown = format!(" {} ", words(text));
        for s in sentences {
            assert!(
                !shown.contains(&format!(" {s} ")),
                "{what}: English {s:?} in {text:?}"
            );
        }
    }
}

const QUESTIONS: &[&str] = &[
    "/why-not china",
    "/why-not russia",
    "/why-not atlantis",
    "/why-not ussr",
    "/why-not china hulu",
    "/titles origin:cn type:movie",
    "/titles origin:kr type:tv sort:added",
    "/titles origin:zz",
    "/title Squid Game",
    "/title zzzzqqqq",
    "/map",
    "/map figure:price",
    "/help",
    "为什么中国没有Netflix",
    "韩国电影",
    "xyzzy plugh",
];

#[test]
fn chinese_answers_carry_no_english_sentence() {
    let sentences = english_sentences();
    assert!(sentences.len() > 100, "only {} sentences", sentences.len());
    for lang in [Lang::Zh, Lang::ZhTw] {
        for q in QUESTIONS {
            let a = respond(engine(), q, lang).unwrap_or_else(|e| panic!("{q}: {e}"));
            assert_eq!(a.lang, lang, "{q}");
            let what = format!("{lang:?} {q}");
            let mut texts = vec![streambot::render::text(&a)];
            for e in streambot::render::embed::embeds(&a) {
                texts.extend(embed_texts(&e));
            }
            assert_no_english(&what, &texts, &sentences);
        }
    }
}

#[test]
fn chinese_discord_replies_carry_no_english_sentence() {
    let sentences = english_sentences();
    // Slash commands as Discord sends them, read as the fronts read them.
    let commands = [
        (
            "why-not",
            json!([{"name": "place", "type": 3, "value": "china"}]),
        ),
        (
            "titles",
            json!([{"name": "origin", "type": 3, "value": "cn"}]),
        ),
        (
            "bad years",
            json!([{"name": "year", "type": 3, "value": "soon"}]),
        ),
        (
            "bad option",
            json!([{"name": "service", "type": 4, "value": 99}]),
        ),
        ("help", json!([])),
        ("sources", json!([])),
        ("reindex over http", json!([])),
        ("map", json!([])),
        (
            "ask",
            json!([{"name": "question", "type": 3, "value": "韩国电影"}]),
        ),
        (
            "settings",
            json!([{"name": "region", "type": 3, "value": "香港"}, {"name": "services", "type": 3, "value": "网飞、迪士尼"}]),
        ),
        ("settings shown", json!([])),
        (
            "settings forget",
            json!([{"name": "forget", "type": 4, "value": 0}]),
        ),
        (
            "settings server",
            json!([{"name": "server_region", "type": 3, "value": "日本"}]),
        ),
        (
            "mine without services",
            json!([{"name": "service", "type": 4, "value": 4}]),
        ),
    ];
    fn name(what: &str) -> &str {
        match what {
            "bad years" => "titles",
            "bad option" => "titles",
            "reindex over http" => "reindex",
            "settings shown" | "settings forget" | "settings server" => "settings",
            "mine without services" => "titles",
            other => other,
        }
    }
    let store = streambot::store::Store::in_memory().unwrap();
    for lang in [Lang::Zh, Lang::ZhTw] {
        for (what, options) in &commands {
            let data: serenity::CommandData = serde_json::from_value(json!({
                "id": "1", "name": name(what), "type": 1, "options": options,
            }))
            .unwrap();
            let action = Action::from_command(&data, lang).unwrap_or_else(|| panic!("{what}"));
            let caller = streambot::answer::Caller {
                owner: streambot::store::Owner::User(42),
                guild: None,
                manages_guild: false,
            };
            let reply = compute(engine(), Some(&store), caller, &action, lang)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            let texts = reply_texts(&reply);
            assert!(
                texts.iter().any(|t| !t.is_empty()),
                "{what}: an empty reply"
            );
            assert_no_english(&format!("{lang:?} {what}"), &texts, &sentences);
        }
    }
}

#[test]
fn traditional_answers_are_written_in_traditional_characters() {
    let a = respond(engine(), "/why-not russia", Lang::ZhTw).unwrap();
    assert!(a.message.contains("俄羅斯"), "{}", a.message);
    assert!(!a.message.contains("俄罗斯"), "{}", a.message);
    let fact = &a.facts()[0];
    assert!(!fact.value.contains("俄罗斯"), "{}", fact.value);
    // A question in traditional characters is understood and answered in them.
    let question = "為什麼俄羅斯沒有網飛";
    assert_eq!(Lang::of_text(question), Lang::ZhTw);
    let asked = respond(engine(), question, Lang::of_text(question)).unwrap();
    assert!(asked.message.contains("俄羅斯"), "{}", asked.message);
    assert_eq!(asked.place().map(|p| p.code.as_str()), Some("RU"));
    assert_eq!(asked.query, "/why-not place:RU service:netflix");
}

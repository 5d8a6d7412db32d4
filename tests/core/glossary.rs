//! Chinese questions about the English documents (issue 21): every phrase of the lexicon's
//! glossary, asked in Chinese, finds the paragraph its English words find, answers in Chinese,
//! quotes the essay unchanged and highlights the English words.

use streambot::answer::respond;
use streambot::i18n::Lang;
use streambot::lexicon::Lexicon;

use crate::support::datasets::open_engine;

/// The answer's citations as JSON, and its language.
fn cited(engine: &streambot::search::Engine, q: &str, lang: Lang) -> serde_json::Value {
    let a = respond(engine, q, lang).unwrap();
    serde_json::from_str(&streambot::render::json(&a)).unwrap()
}

#[test]
fn every_glossary_phrase_finds_the_paragraph_its_english_words_find() {
    let engine = open_engine("glossary", None);
    let essay = std::fs::read_to_string(
        crate::support::datasets::crate_root().join("data/documents/netflix-in-china.txt"),
    )
    .unwrap();
    let glossary = Lexicon::global().glossary();
    assert!(glossary.len() >= 25, "{} glossary lines", glossary.len());
    // Chinese questions in the shapes people ask them, taken in turn.
    let shapes = [
        "文章提到{}了吗",
        "作者怎么看{}",
        "这篇文章里关于{}说了什么",
        "文章怎么说{}",
    ];
    let mut n = 0;
    for (english, phrases) in glossary {
        let en = cited(
            &engine,
            &format!("what does the essay say about {english}"),
            Lang::En,
        );
        let want = &en["citations"][0];
        assert_eq!(want["document"], "netflix-in-china", "{english}: {en}");
        for phrase in phrases {
            let q = shapes[n % shapes.len()].replace("{}", phrase);
            n += 1;
            let zh = cited(&engine, &q, Lang::Zh);
            let got = &zh["citations"][0];
            assert_eq!(zh["lang"], "zh", "{q}");
            assert_eq!(
                (&got["document"], &got["paragraph"]),
                (&want["document"], &want["paragraph"]),
                "{q} ({english}): {zh}"
            );
            // The quotation is the essay's own bytes, with an English word of the line lit.
            let (start, end) = (got["start"].as_u64().unwrap(), got["end"].as_u64().unwrap());
            assert_eq!(
                got["text"].as_str().unwrap(),
                &essay[start as usize..end as usize],
                "{q}"
            );
            let lit: Vec<String> = got["highlights"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    essay[h[0].as_u64().unwrap() as usize..h[1].as_u64().unwrap() as usize]
                        .to_lowercase()
                })
                .collect();
            let words: Vec<String> = english
                .split([' ', '-'])
                .map(|w| w.to_lowercase())
                .collect();
            assert!(
                lit.iter()
                    .any(|l| words.iter().any(|w| l.starts_with(&w[..w.len().min(5)]))),
                "{q}: lit {lit:?}, want one of {words:?}"
            );
        }
    }
}

#[test]
fn the_issues_examples_find_their_paragraphs() {
    let engine = open_engine("glossary-examples", None);
    for (q, needle) in [
        ("文章提到字幕组了吗", "subtitle teams"),
        ("作者怎么评价Netflix原创剧", "Netflix Originals"),
        ("文章怎么说翻墙", "VPN"),
        ("作者提到文化输出了吗", "cultural export"),
        ("文章说了剧本什么", "script"),
        ("文章里的版权问题", "copyright"),
    ] {
        let zh = cited(&engine, q, Lang::Zh);
        let first = zh["citations"][0]["text"].as_str().unwrap_or_default();
        assert!(first.contains(needle), "{q}: {zh}");
        assert_eq!(zh["kind"], "search", "{q}");
    }
}

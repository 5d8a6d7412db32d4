//! Answers in Chinese, against the curated data in `data/`: the sentences are Chinese, the
//! facts of the places the essay names show their Chinese text, and everything that is not a
//! sentence (the query, statuses, sources, citations, titles) is the same as in English.

use crate::support;

use std::sync::OnceLock;

use streambot::answer::{Answer, AnswerError, AnswerKind, respond};
use streambot::corpus::Status;
use streambot::i18n::Lang;
use streambot::search::Engine;
use support::datasets::open_engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| open_engine("answers_zh", None))
}

fn ask_zh(input: &str) -> Answer {
    let a = respond(engine(), input, Lang::Zh).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    assert_eq!(a.lang, Lang::Zh);
    a
}

fn ask_en(input: &str) -> Answer {
    respond(engine(), input, Lang::En).unwrap_or_else(|e| panic!("{input:?}: {e}"))
}

/// The `fact_zh` cell of the first row of `service` and `place` in `data/countries.csv`.
fn fact_zh(service: &str, place: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/countries.csv");
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (s, p, zh) = (col("service"), col("place"), col("fact_zh"));
    rdr.records()
        .map(Result::unwrap)
        .find(|r| &r[s] == service && &r[p] == place)
        .map(|r| r[zh].to_string())
        .unwrap()
}

#[test]
fn why_not_china_in_chinese() {
    let a = ask_zh("/why-not china");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(a.status(), Some(Status::Unavailable));
    assert_eq!(a.message, "Netflix 在中国不可用。");
    assert_eq!(a.facts()[0].label, "监管");
    assert_eq!(a.facts()[0].value, fact_zh("netflix", "CN"));
    assert!(
        a.facts()[0].value.starts_with("Netflix 从未进入中国大陆。"),
        "{:?}",
        a.facts()[0].value
    );
    // The place is still named in English in the structured part.
    assert_eq!(a.place().as_ref().unwrap().name, "China");
    // A Chinese question is answered the same way.
    assert_eq!(ask_zh("为什么中国不能看Netflix").message, a.message);
}

#[test]
fn why_not_russia_in_chinese_is_a_dated_suspension() {
    let a = ask_zh("/why-not russia");
    assert_eq!(a.status(), Some(Status::Suspended));
    assert_eq!(a.message, "Netflix 于 2022-03-06 暂停了在俄罗斯的服务。");
    assert_eq!(a.facts()[0].label, "战争");
    assert_eq!(a.facts()[0].value, fact_zh("netflix", "RU"));
}

#[test]
fn a_titles_summary_in_chinese() {
    let a = ask_zh("/titles origin:cn type:tv service:netflix");
    assert_eq!(a.kind(), AnswerKind::Titles, "{a:#?}");
    assert_eq!(a.total(), 2);
    assert_eq!(
        a.message,
        "共 2 部中国剧集在 Netflix 上。第 1–2 部（第 1 页，共 1 页）。出品国家指作品在哪里制作，而不是在哪里能看。"
    );
    let en = ask_en("/titles origin:cn type:tv service:netflix");
    assert_eq!(
        en.message,
        "2 TV shows from China on Netflix; showing 1–2 (page 1 of 1). Origin is where a title was produced, not where it can be watched."
    );
    let none = ask_zh("/titles origin:cn type:movie service:prime");
    assert_eq!(none.kind(), AnswerKind::NotFound);
    assert!(
        none.message
            .starts_with("没有符合这些筛选条件的作品。去掉其中一个条件："),
        "{}",
        none.message
    );
}

#[test]
fn where_to_watch_a_title_in_chinese() {
    let a = ask_zh("/title The Wandering Earth");
    assert_eq!(a.kind(), AnswerKind::Title);
    assert_eq!(a.message, "《流浪地球》在 Netflix 上，上线于 2019-05-06。");
    let a = ask_zh("/title The Wandering Earth service:hulu");
    assert_eq!(
        a.message,
        "《流浪地球》不在 Hulu 上，而是在 Netflix 上，上线于 2019-05-06。"
    );
}

#[test]
fn an_unknown_in_chinese() {
    let en = ask_en("/why-not north korea disney");
    let a = ask_zh("/why-not north korea disney");
    assert_eq!(a.status(), Some(Status::Unknown), "{a:#?}");
    let places = en
        .message
        .split(" in ")
        .nth(2)
        .and_then(|s| s.split(' ').next())
        .unwrap();
    assert_eq!(
        a.message,
        format!(
            "我不知道 Disney+ 在朝鲜能否使用：我掌握的来源都没有涉及那里。有来源的资料涵盖了 Disney+ 在 {places} 个地方的情况（/map disney 可以查看）。以下是关于 Disney+ 的已知信息。"
        )
    );
    assert_eq!(a.facts()[0].value, fact_zh("disney_plus", "*"));
}

#[test]
fn usage_errors_in_chinese() {
    let usage = |input: &str| match respond(engine(), input, Lang::Zh) {
        Err(AnswerError::Usage(u)) => u.0,
        other => panic!("{input:?}: {other:?}"),
    };
    assert_eq!(
        usage("/titles type:cartoon"),
        "没有 `cartoon` 这种类型：请用 movie 或 tv。"
    );
    assert_eq!(
        usage("/why-not"),
        "/why-not 需要一个地方，例如 /why-not 中国"
    );
    assert!(usage("   ").starts_with("问我点什么吧。\n/why-not <地方>"));
    // The English ones are unchanged.
    match respond(engine(), "/titles type:cartoon", Lang::En) {
        Err(AnswerError::Usage(u)) => assert_eq!(u.0, "Unknown type `cartoon`: use movie or tv."),
        other => panic!("{other:?}"),
    }
}

/// Everything that is not a sentence is the same in both languages.
#[test]
fn chinese_answers_keep_queries_sources_and_citations() {
    for input in [
        "/why-not china",
        "/why-not russia",
        "/why-not crimea",
        "/why-not north korea",
        "/why-not syria",
        "/why-not china prime",
        "/why-not russia disney",
        "/why-not japan hulu",
        "/why-not north korea disney",
        "/why-not narnia",
        "/why-not ussr",
        "/titles origin:cn",
        "/titles origin:cn type:movie service:prime",
        "/titles page:9",
        "/new netflix",
        "/title Breaking Bad",
        "/title Braking Bad",
        "/title zzzzqqq",
        "what does the essay say about censorship?",
        "/map",
        "/map netflix library",
        "/map hulu",
        "/help",
    ] {
        let en = ask_en(input);
        let zh = ask_zh(input);
        assert_eq!(en.lang, Lang::En);
        assert_eq!(en.kind(), zh.kind(), "{input}");
        assert_eq!(en.query, zh.query, "{input}");
        assert_eq!(en.service(), zh.service(), "{input}");
        assert_eq!(en.place(), zh.place(), "{input}");
        assert_eq!(en.status(), zh.status(), "{input}");
        assert_eq!(en.citations(), zh.citations(), "{input}");
        assert_eq!(en.titles(), zh.titles(), "{input}");
        assert_eq!(en.map(), zh.map(), "{input}");
        assert_eq!(
            (en.total(), en.page(), en.pages()),
            (zh.total(), zh.page(), zh.pages())
        );
        assert_eq!(en.facts().len(), zh.facts().len(), "{input}");
        for (e, z) in en.facts().iter().zip(zh.facts()) {
            assert_eq!(e.sources, z.sources, "{input}");
            assert_eq!(e.source, z.source, "{input}");
            assert_eq!(e.since, z.since, "{input}");
            assert_eq!(e.confidence, z.confidence, "{input}");
        }
        assert!(!zh.message.is_empty(), "{input}");
        if zh.kind() != AnswerKind::NotFound || input.starts_with("/why-not") {
            assert_ne!(en.message, zh.message, "{input}");
        }
    }
}

//! Services the bot does not cover (issue 21): a question about one is told which four the bot
//! covers and that this is not one of them, with what the documents say about it when they name
//! it, and never another service's facts (`service: null`, no facts, no status).

use streambot::answer::respond;
use streambot::i18n::Lang;

use crate::support::datasets::open_engine;

#[test]
fn a_service_not_covered_is_named_and_never_answered_with_another() {
    let engine = open_engine("uncovered", None);
    // (question, language, the name the answer gives, whether the essay names it)
    let cases = [
        ("can I get Peacock in Japan", Lang::En, "Peacock", false),
        ("Apple TV+在中国能看吗", Lang::Zh, "Apple TV+", false),
        ("is HBO Max available in China", Lang::En, "HBO Max", false),
        ("爱奇艺在美国能看吗", Lang::Zh, "iQIYI", true),
        ("腾讯视频在海外能用吗", Lang::Zh, "Tencent Video", true),
        ("Is Youku available in the US?", Lang::En, "Youku", true),
        ("芒果TV在美国能看吗", Lang::Zh, "Mango TV", true),
    ];
    for (q, lang, name, in_essay) in cases {
        let a = respond(&engine, q, lang).unwrap();
        let j: serde_json::Value = serde_json::from_str(&streambot::render::json(&a)).unwrap();
        let kind = if in_essay { "search" } else { "not_found" };
        assert_eq!(j["kind"], kind, "{q}: {}", a.message);
        assert_eq!(j["service"], serde_json::Value::Null, "{q}");
        assert_eq!(j["status"], serde_json::Value::Null, "{q}");
        assert_eq!(j["facts"], serde_json::json!([]), "{q}");
        assert!(a.message.contains(name), "{q}: {}", a.message);
        assert!(
            a.message.contains("Netflix") && a.message.contains("Hulu"),
            "{q}: {}",
            a.message
        );
        let cited = j["citations"].as_array().unwrap();
        assert_eq!(!cited.is_empty(), in_essay, "{q}");
        for c in cited {
            assert_eq!(c["document"], "netflix-in-china", "{q}");
        }
    }
}

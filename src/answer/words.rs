//! The words answers are made of, in a language: how sentences and lists are joined, places'
//! and titles' names, months, and the labels and texts of facts. English sentences are joined
//! with a space, Chinese ones with nothing (a Chinese sentence ends with its own `。`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::TitleCard;
use crate::corpus::Category;
use crate::i18n::Lang;
use crate::search::{FactRecord, month_name};
use crate::t;

/// What goes between two sentences, or before a piece of a sentence: a space in English,
/// nothing in Chinese.
pub fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh | Lang::ZhTw => "",
    }
}

/// Sentences, joined as `lang` writes them (empty ones skipped).
pub fn join(lang: Lang, sentences: &[String]) -> String {
    sentences
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(sep(lang))
}

fn fold_list(lang: Lang, items: &[String], key: &str) -> String {
    let mut it = items.iter();
    let Some(first) = it.next() else {
        return String::new();
    };
    it.fold(first.clone(), |head, item| {
        t!(lang, key, head = head, item = item)
    })
}

/// `A, B, C` (`A、B、C`).
pub fn comma_list(lang: Lang, items: &[String]) -> String {
    fold_list(lang, items, "list-comma")
}

/// `A; B; C` (`A；B；C`).
pub fn semicolon_list(lang: Lang, items: &[String]) -> String {
    fold_list(lang, items, "list-semicolon")
}

/// `A`, `A and B`, `A, B and C` (`A、B和C`).
pub fn and_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t!(
            lang,
            "list-and",
            head = comma_list(lang, init),
            last = last.as_str()
        ),
    }
}

/// Chinese names of places the lexicon does not name but the curated facts do.
const ZH_PLACES: &[(&str, &str)] = &[
    ("AS", "美属萨摩亚"),
    ("BY", "白俄罗斯"),
    ("CZ", "捷克"),
    ("GI", "直布罗陀"),
    ("GU", "关岛"),
    ("IQ", "伊拉克"),
    ("IS", "冰岛"),
    ("LU", "卢森堡"),
    ("LY", "利比亚"),
    ("MP", "北马里亚纳群岛"),
    ("PR", "波多黎各"),
    ("PS", "巴勒斯坦"),
    ("SD", "苏丹"),
    ("VA", "梵蒂冈"),
    ("VI", "美属维尔京群岛"),
    ("YE", "也门"),
];

/// A place's Chinese name by code: the lexicon's first name in Chinese script for the code
/// (`place=CN | 中国, …`), else the small table above.
pub fn chinese_place_name(code: &str) -> Option<&'static str> {
    static NAMES: OnceLock<HashMap<String, String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut m: HashMap<String, String> = ZH_PLACES
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect();
        for (name, code) in crate::lexicon::Lexicon::global().place_names() {
            if name.chars().any(crate::text::is_cjk) && !m.contains_key(code) {
                m.insert(code.clone(), name.clone());
            }
        }
        m
    });
    names.get(code).map(String::as_str)
}

/// A place's name in `lang`: the Chinese name when there is one, else `english`.
pub fn place_name(code: &str, english: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh | Lang::ZhTw => lang
            .chinese(chinese_place_name(code).unwrap_or(english))
            .into_owned(),
        Lang::En => english.to_string(),
    }
}

/// `2021-12` as `December 2021` (`2021 年 12 月`).
pub fn month(ym: &str, lang: Lang) -> String {
    match lang {
        Lang::En => month_name(ym),
        Lang::Zh | Lang::ZhTw => match ym.split_once('-') {
            Some((y, m)) if m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m)) => {
                format!("{y} 年 {} 月", m.trim_start_matches('0'))
            }
            _ => ym.to_string(),
        },
    }
}

/// A title's name as an answer writes it: in Chinese its Chinese name (see [`chinese_name`])
/// when it has one, in title marks, `《鱿鱼游戏》`.
pub fn title_name(card: &TitleCard, lang: Lang) -> String {
    match lang {
        Lang::En => card.title.clone(),
        Lang::Zh | Lang::ZhTw => {
            format!(
                "《{}》",
                lang.chinese(chinese_name(card).unwrap_or(&card.title))
            )
        }
    }
}

/// The name a title leads with in Chinese: its `aka` (the data's original-language name), else
/// the common Chinese name the lexicon knows for it (`Squid Game` → `鱿鱼游戏`).
pub fn chinese_name(card: &TitleCard) -> Option<&str> {
    distinct_aka(card).or_else(|| crate::lexicon::Lexicon::global().chinese_title(&card.title))
}

/// The title's `aka`, when it has one that is not its name again.
pub fn distinct_aka(card: &TitleCard) -> Option<&str> {
    card.aka
        .as_deref()
        .filter(|a| !a.trim().is_empty() && *a != card.title)
}

/// A fact's label in `lang`. Stored labels are English (`Regulation`, `Library size
/// (December 2021)`); the label is rebuilt from the category, or for figures from the stored
/// label's kind and the figure's month.
pub fn fact_label(r: &FactRecord, lang: Lang) -> String {
    if lang == Lang::En {
        return r.label.clone();
    }
    let key = match r.category {
        Category::Status => "fact-label-status",
        Category::Regulation => "fact-label-regulation",
        Category::Sanctions => "fact-label-sanctions",
        Category::War => "fact-label-war",
        Category::Business => "fact-label-business",
        Category::Note => "fact-label-note",
        Category::Figures => {
            let key = if r.label.starts_with("Library size") {
                "figure-library"
            } else if r.label.starts_with("Monthly price in USD") {
                "figure-price"
            } else {
                "fact-label-figures"
            };
            let label = t!(lang, key);
            return match &r.as_of {
                Some(when) => t!(
                    lang,
                    "figure-dated",
                    label = label,
                    when = month(when, lang)
                ),
                None => label,
            };
        }
    };
    t!(lang, key)
}

/// A fact's text in `lang`: the Chinese text where the data has one, else the English.
pub fn fact_value(r: &FactRecord, lang: Lang) -> String {
    match (lang, &r.value_zh) {
        (lang, Some(zh)) if lang.is_chinese() => lang.chinese(zh).into_owned(),
        _ => r.value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_places_and_months_in_both_languages() {
        let items = ["Netflix".to_string(), "Hulu".into(), "Disney+".into()];
        assert_eq!(and_list(Lang::En, &items), "Netflix, Hulu and Disney+");
        assert_eq!(and_list(Lang::Zh, &items), "Netflix、Hulu 和 Disney+");
        assert_eq!(comma_list(Lang::Zh, &items[..2]), "Netflix、Hulu");
        assert_eq!(place_name("CN", "China", Lang::Zh), "中国");
        assert_eq!(place_name("KR", "South Korea", Lang::Zh), "韩国");
        assert_eq!(place_name("UA-43", "Crimea", Lang::Zh), "克里米亚");
        assert_eq!(place_name("BY", "Belarus", Lang::Zh), "白俄罗斯");
        assert_eq!(place_name("CN", "China", Lang::En), "China");
        assert_eq!(place_name("XX", "Nowhere", Lang::Zh), "Nowhere");
        assert_eq!(month("2021-12", Lang::Zh), "2021 年 12 月");
        assert_eq!(month("2021-03", Lang::Zh), "2021 年 3 月");
        assert_eq!(month("2021-12", Lang::En), "December 2021");
    }

    #[test]
    fn fact_labels_and_texts_in_chinese() {
        let mut r = FactRecord {
            service: "netflix".into(),
            place: "FR".into(),
            status: None,
            since: None,
            category: Category::Figures,
            label: "Library size (December 2021)".into(),
            value: "5,234 titles".into(),
            value_zh: Some("共 5,234 部作品".into()),
            confidence: None,
            sources: vec![],
            as_of: Some("2021-12".into()),
            amount: Some(5234.0),
            ord: 0,
        };
        assert_eq!(fact_label(&r, Lang::En), "Library size (December 2021)");
        assert_eq!(fact_label(&r, Lang::Zh), "片库规模（2021 年 12 月）");
        assert_eq!(fact_value(&r, Lang::Zh), "共 5,234 部作品");
        r.label = "Monthly price in USD (December 2021)".into();
        assert_eq!(fact_label(&r, Lang::Zh), "美元月费（2021 年 12 月）");
        r.category = Category::Sanctions;
        r.label = "Sanctions".into();
        r.value_zh = None;
        assert_eq!(fact_label(&r, Lang::Zh), "制裁");
        assert_eq!(fact_label(&r, Lang::En), "Sanctions");
        assert_eq!(fact_value(&r, Lang::Zh), "5,234 titles");
    }
}

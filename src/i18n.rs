//! The languages the bot writes in: every sentence it writes itself comes from the Fluent
//! files under `locales/` (`en-US`, `zh-CN`, `zh-TW`), compiled into the binary, looked up by
//! key. Data (facts' Chinese text, titles' `aka`) and quotations are not translated, but the
//! Chinese of the data is shown in traditional characters to zh-TW readers ([`zh_tw`]).

pub mod zh_tw;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // No Unicode isolation marks around arguments: Discord shows them as stray characters.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

const EN_US: LanguageIdentifier = langid!("en-US");
const ZH_CN: LanguageIdentifier = langid!("zh-CN");
const ZH_TW: LanguageIdentifier = langid!("zh-TW");

/// A language the bot answers in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    /// Chinese in simplified characters.
    Zh,
    /// Chinese in traditional characters, as written in Taiwan.
    #[serde(rename = "zh-TW")]
    ZhTw,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Zh, Lang::ZhTw];

    /// `en`, `zh` or `zh-TW`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// The Fluent locale of this language (`en-US`, `zh-CN`, `zh-TW`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Zh => "zh-CN",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// Whether the language is Chinese (in either script): Chinese punctuation, no spaces
    /// between sentences, Chinese names of places and titles.
    pub fn is_chinese(self) -> bool {
        matches!(self, Lang::Zh | Lang::ZhTw)
    }

    /// Chinese data (written in simplified characters) as this language shows it.
    pub fn chinese<'a>(self, s: &'a str) -> Cow<'a, str> {
        match self {
            Lang::ZhTw => zh_tw::to_traditional(s),
            Lang::En | Lang::Zh => Cow::Borrowed(s),
        }
    }

    /// `en`, `zh`, `en-US`, `zh-CN`, `zh-TW`, `zh-Hant`, `chinese`… as a language.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let mut parts = s.split(['-', '_']);
        let base = parts.next().unwrap_or("");
        let region = parts.next().unwrap_or("");
        match base {
            "en" | "english" => Some(Lang::En),
            "zh" if matches!(region, "tw" | "hk" | "mo" | "hant") => Some(Lang::ZhTw),
            "zh" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "繁體中文" | "繁体中文" | "正體中文" => Some(Lang::ZhTw),
            _ => None,
        }
    }

    /// The language of a Discord locale (`zh-CN`, `zh-TW`, `en-GB`…); English for the others.
    pub fn from_discord_locale(locale: &str) -> Lang {
        Lang::parse(locale).unwrap_or(Lang::En)
    }

    /// The language a question is written in: Chinese when it holds Chinese characters and no
    /// more Latin letters than Chinese ones (`Netflix最新的韩剧` is Chinese), in traditional
    /// characters when more of them are traditional-only than simplified-only.
    pub fn of_text(text: &str) -> Lang {
        let cjk = text.chars().filter(|c| crate::text::is_cjk(*c)).count();
        let latin_words = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .count();
        if cjk > 0 && cjk >= latin_words {
            if zh_tw::is_traditional(text) {
                Lang::ZhTw
            } else {
                Lang::Zh
            }
        } else {
            Lang::En
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        static EN: LanguageIdentifier = EN_US;
        static ZH: LanguageIdentifier = ZH_CN;
        static TW: LanguageIdentifier = ZH_TW;
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
            Lang::ZhTw => &TW,
        }
    }
}

/// An argument of a message.
pub type Arg<'a> = (&'a str, FluentValue<'static>);

/// The message `key` in `lang` (English when the language lacks it; the key itself when no
/// language has it, which the locale tests rule out).
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES.lookup(lang.id(), key)
}

/// The message `key` in `lang`, with its `{ $name }` placeholders filled in.
pub fn tr_args(lang: Lang, key: &str, args: &[Arg<'_>]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned(k.to_string()), v.clone()))
        .collect();
    LOCALES.lookup_with_args(lang.id(), key, &map)
}

/// Whether `key` formats in `lang` without errors when its `placeholders` are given: for
/// the locale tests.
pub fn formats(lang: Lang, key: &str, placeholders: &[&str]) -> bool {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = placeholders
        .iter()
        .map(|p| (Cow::Owned(p.to_string()), FluentValue::from("x")))
        .collect();
    LOCALES
        .try_lookup_complete(lang.id(), key, Some(&map))
        .is_some()
}

/// `t!(lang, "key")` or `t!(lang, "key", name = value, …)`: a message in a language, its
/// arguments given as anything that converts into a Fluent value (strings, numbers).
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:expr) => {
        $crate::i18n::tr($lang, $key)
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::value($value))),+],
        )
    };
}

/// A Fluent value from a string or a number. Numbers are formatted without grouping, as the
/// rest of the bot writes them.
pub fn value(v: impl Into<Value>) -> FluentValue<'static> {
    match v.into() {
        Value::Text(s) => FluentValue::String(Cow::Owned(s)),
        Value::Number(n) => FluentValue::String(Cow::Owned(n.to_string())),
        Value::Count(n) => FluentValue::from(n),
    }
}

/// What [`value`] accepts.
pub enum Value {
    Text(String),
    /// A number shown as written (years, pages).
    Number(i64),
    /// A number Fluent may choose a plural form by.
    Count(f64),
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Count(n as f64)
    }
}

impl From<u16> for Value {
    fn from(n: u16) -> Value {
        Value::Number(n as i64)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Number(n as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_locales_and_text() {
        assert_eq!(Lang::from_discord_locale("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_discord_locale("zh-TW"), Lang::ZhTw);
        assert_eq!(Lang::of_text("為什麼中國不能看Netflix"), Lang::ZhTw);
        assert_eq!(Lang::from_discord_locale("en-GB"), Lang::En);
        assert_eq!(Lang::from_discord_locale("fr"), Lang::En);
        assert_eq!(Lang::of_text("为什么中国不能看Netflix"), Lang::Zh);
        assert_eq!(Lang::of_text("Netflix最新的韩剧"), Lang::Zh);
        assert_eq!(Lang::of_text("is 流浪地球 on Netflix in the US?"), Lang::En);
        assert_eq!(
            Lang::of_text("why can't I watch Netflix in Russia?"),
            Lang::En
        );
        assert_eq!(Lang::parse("ZH"), Some(Lang::Zh));
        assert_eq!(Lang::parse("klingon"), None);
    }

    #[test]
    fn messages_are_looked_up_with_their_arguments() {
        assert_eq!(t!(Lang::En, "lang-name"), "English");
        assert_eq!(t!(Lang::Zh, "lang-name"), "中文");
        assert_eq!(
            t!(Lang::En, "page-of", page = 2usize, pages = 3usize),
            "Page 2 of 3"
        );
        assert_eq!(
            t!(Lang::Zh, "page-of", page = 2usize, pages = 3usize),
            "第 2 页，共 3 页"
        );
    }
}

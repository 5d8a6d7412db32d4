//! Showing an [`Answer`]: as terminal text (the local console and `streambot ask`) or as one
//! JSON object (`--json`). The Discord front end renders embeds from the same answers.

mod card;
pub mod check;
pub mod embed;
pub mod map;
mod markdown;
mod ranking;
mod text;
pub mod words;

pub use text::{highlight, text, title_line};

use crate::answer::Answer;

/// The answer as one line of JSON (the schema is documented in README.md).
pub fn json(answer: &Answer) -> String {
    serde_json::to_string(answer).unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not serialise an answer");
        r#"{"kind":"not_found","message":"internal error"}"#.to_string()
    })
}

/// What the render tests share.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::answer::{Added, TitleCard};
    use crate::corpus::Kind;

    /// A title with a Chinese `aka`.
    pub fn wandering_earth() -> TitleCard {
        TitleCard {
            id: "netflix:s42".into(),
            title: "The Wandering Earth".into(),
            aka: Some("流浪地球".into()),
            kind: Kind::Movie,
            year: Some(2019),
            origin: Vec::new(),
            countries: vec!["China".into()],
            genres: vec!["Sci-Fi".into()],
            services: vec!["netflix".into()],
            director: vec!["Frant Gwo".into()],
            cast: Vec::new(),
            rating: None,
            duration: None,
            description: String::new(),
            added: vec![Added {
                service: "netflix".into(),
                date: "2019-05-06".into(),
            }],
            sources: Vec::new(),
            yours: Vec::new(),
        }
    }

    /// An embed's fields as (name, value) pairs.
    pub fn fields(e: &super::embed::Embed) -> Vec<(&str, &str)> {
        e.fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::answer::Answer;
    use crate::i18n::Lang;

    #[test]
    fn json_says_which_language_and_keeps_its_keys() {
        let mut a = Answer::not_found("q", "");
        let v: serde_json::Value = serde_json::from_str(&super::json(&a)).unwrap();
        assert_eq!(v["lang"], "en");
        a.lang = Lang::Zh;
        let v: serde_json::Value = serde_json::from_str(&super::json(&a)).unwrap();
        assert_eq!(v["lang"], "zh");
        assert_eq!(v["kind"], "not_found");
    }
}

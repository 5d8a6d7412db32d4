//! Free text to a question, in three steps: the text is cut into tokens (words, CJK
//! characters, flags), spans are tagged from the lexicon, the place names and the years
//! ([`tag`]), then the question is chosen from the tags, with the index telling which of the
//! remaining words name a title or a person ([`choose`]).
//!
//! Chinese is matched character by character against the lexicon (longest phrase first)
//! rather than through jieba's words: a phrase such as `新上线` must be found however the words
//! around it are cut, and titles (`流浪地球`) are looked up whole in the index, whose keys
//! are the folded names.

mod choose;
mod months;
mod names;
mod ranking;
mod reading;
mod tag;
mod years;

use super::request::{Request, UsageError, parse_command, with_help};
use crate::i18n::Lang;
use crate::search::Engine;

pub use tag::Tagged;

/// Longest input considered; the rest is ignored.
pub const MAX_INPUT: usize = 2000;

/// How a question was understood: the request answered, and another reading worth offering
/// (`Korea` alone is a why-not; titles from Korea is the other reading).
#[derive(Debug, Clone, PartialEq)]
pub struct Understanding {
    pub request: Request,
    pub also: Option<Request>,
}

impl Understanding {
    fn only(request: Request) -> Understanding {
        Understanding {
            request,
            also: None,
        }
    }
}

/// Decides which question a text asks (slash commands are parsed as commands).
pub fn route(engine: &Engine, input: &str) -> Result<Request, UsageError> {
    understand(engine, input, Lang::En).map(|u| u.request)
}

/// Like [`route`], with the other reading of an ambiguous question.
/// Its usage errors written in `lang`.
pub fn understand(engine: &Engine, input: &str, lang: Lang) -> Result<Understanding, UsageError> {
    let mut cut = input.len().min(MAX_INPUT);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let input = input[..cut].trim();
    if input.is_empty() {
        return Err(with_help(lang, "usage-ask-me"));
    }
    // `/ask QUESTION`: the question is free text, even when it looks like a command.
    if let Some(question) = ask_text(input) {
        return choose::choose(engine, &Tagged::new(question));
    }
    if let Some(cmd) = parse_command(input, lang) {
        return cmd.map(Understanding::only);
    }
    choose::choose(engine, &Tagged::new(input))
}

/// The question of `/ask QUESTION` (or `/ask question:QUESTION`), read as free text.
fn ask_text(input: &str) -> Option<&str> {
    let body = input.strip_prefix('/')?;
    let (name, rest) = body.split_once(char::is_whitespace)?;
    if !matches!(name.to_ascii_lowercase().as_str(), "ask" | "search") {
        return None;
    }
    let rest = rest.trim();
    let rest = rest.strip_prefix("question:").unwrap_or(rest).trim();
    (!rest.is_empty()).then_some(rest)
}

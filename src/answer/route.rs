//! Free text to a question: "why can't I watch Netflix in Russia?" is a why-not,
//! "Korean movies on Netflix" is a titles question, `为什么中国不能看Netflix` is why-not CN,
//! and anything else is a full-text search.

use super::request::{Request, TitlesArgs, UsageError, parse_command, parse_service};
use crate::corpus::Kind;
use crate::places::{Places, word_spans};
use crate::search::Engine;
use crate::search::analyzer::{analyze, text_analyzer};
use crate::text::fold;

/// Longest input considered; the rest is ignored.
pub const MAX_INPUT: usize = 2000;

const WHY_WORDS: &[&str] = &[
    "why",
    "cant",
    "cannot",
    "unavailable",
    "blocked",
    "banned",
    "ban",
    "available",
    "availability",
    "access",
    "allowed",
    "legal",
    "work",
    "works",
    "restricted",
    "absent",
];
const WHY_CJK: &[&str] = &[
    "为什么",
    "為什麼",
    "为何",
    "不能",
    "看不了",
    "无法",
    "無法",
    "没有",
    "能不能",
    "可以",
];
/// Words that carry no filter in a titles question.
const FILLER: &[&str] = &[
    "show",
    "me",
    "find",
    "list",
    "give",
    "any",
    "some",
    "please",
    "what",
    "which",
    "are",
    "there",
    "good",
    "best",
    "recommend",
    "watch",
    "i",
    "want",
    "to",
    "can",
    "on",
    "in",
    "from",
    "the",
    "a",
    "an",
    "of",
    "with",
    "about",
    "all",
    "made",
    "produced",
    "is",
    "titles",
    "title",
    "available",
    "streaming",
    "stream",
    "by",
    "for",
    "and",
    "or",
    "do",
    "you",
    "have",
    "got",
    "top",
    "new",
    "old",
    "from",
    "set",
];

/// Decides which question free text asks (slash commands are parsed as commands).
pub fn route(engine: &Engine, input: &str) -> Result<Request, UsageError> {
    let mut cut = input.len().min(MAX_INPUT);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let input = input[..cut].trim();
    if input.is_empty() {
        return Err(UsageError(format!("Ask me something.\n{}", super::HELP)));
    }
    if let Some(cmd) = parse_command(input) {
        return cmd;
    }
    let places = Places::global();
    let words = word_spans(input);
    let folded: Vec<String> = words.iter().map(|(_, w)| fold(w)).collect();
    let service = words
        .iter()
        .find_map(|(_, w)| parse_service(w))
        .or_else(|| {
            ["网飞", "奈飞"]
                .iter()
                .any(|s| input.contains(s))
                .then(|| "netflix".to_string())
        });
    let place = places.find_in_text(input);
    let why = folded
        .iter()
        .any(|w| WHY_WORDS.contains(&w.as_str()) || w == "can t")
        || input.to_lowercase().contains("can't")
        || WHY_CJK.iter().any(|w| input.contains(w));

    // Kind words and adjectives ("Korean movies").
    let mut kind = None;
    let mut used = vec![false; words.len()];
    for (i, w) in folded.iter().enumerate() {
        let k = match w.as_str() {
            "movie" | "movies" | "film" | "films" => Some(Kind::Movie),
            "show" | "shows" | "series" | "tv" | "serie" => Some(Kind::Tv),
            _ => None,
        };
        if let Some(k) = k
            && (w != "show"
                || i + 1 == folded.len()
                || !matches!(folded[i + 1].as_str(), "me" | "us"))
        {
            kind = kind.or(Some(k));
            used[i] = true;
        }
    }
    let mut origin = None;
    for (i, w) in folded.iter().enumerate() {
        let two = folded.get(i + 1).map(|n| format!("{w} {n}"));
        if let Some(p) = two.as_deref().and_then(|t| places.by_demonym(t)) {
            origin = Some(p.code.clone());
            used[i] = true;
            used[i + 1] = true;
            break;
        }
        if let Some(p) = places.by_demonym(w) {
            origin = Some(p.code.clone());
            used[i] = true;
            break;
        }
    }

    if let Some((p, _)) = &place
        && (why || (kind.is_none() && origin.is_none()))
    {
        return Ok(Request::WhyNot {
            place: p.code.clone(),
            service,
        });
    }
    if kind.is_some() || origin.is_some() {
        let origin = origin.or_else(|| place.as_ref().map(|(p, _)| p.code.clone()));
        if let Some((_, range)) = &place {
            for (i, (at, w)) in words.iter().enumerate() {
                if *at >= range.start && at + w.len() <= range.end {
                    used[i] = true;
                }
            }
        }
        let mut args = TitlesArgs {
            origin,
            kind,
            service: service.clone(),
            page: 1,
            ..TitlesArgs::default()
        };
        let mut rest = Vec::new();
        let mut analyzer = text_analyzer();
        for (i, (_, w)) in words.iter().enumerate() {
            let f = &folded[i];
            if used[i] || FILLER.contains(&f.as_str()) || parse_service(w).is_some() {
                continue;
            }
            if let Ok(y) = f.parse::<u16>()
                && (1900..=2100).contains(&y)
            {
                args.years = Some((y, y));
                continue;
            }
            if args.genre.is_none() && engine.is_genre_word(w) {
                args.genre = Some(w.to_string());
            } else if !analyze(&mut analyzer, w).is_empty() {
                rest.push(*w);
            }
        }
        if !rest.is_empty() {
            args.query = Some(rest.join(" "));
        }
        return Ok(Request::Titles(args));
    }
    Ok(Request::Search {
        text: input.to_string(),
    })
}

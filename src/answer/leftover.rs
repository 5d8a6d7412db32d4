//! The words of a question no tag took (issue 21): each becomes a text filter only when some
//! title's text has it; a word matching nothing is left out, and when the words that do match
//! would still empty an otherwise non-empty list together, each is kept, in order, only while
//! something still matches. Either way the answer names the words it did not use (`ignored`
//! in JSON).

use super::request::TitlesArgs;
use super::titles::filtered;
use super::words::{self, join};
use super::{Answer, AnswerError, Body};
use crate::i18n::Lang;
use crate::search::Engine;
use crate::t;

/// Most leftover words looked up one by one; past them the rest are kept as typed.
const MOST_CHECKED: usize = 12;

/// `/titles` whose query is a question's leftover words.
pub(super) fn titles(
    engine: &Engine,
    args: &TitlesArgs,
    lang: Lang,
) -> Result<Answer, AnswerError> {
    let Some(words) = args.query.as_deref() else {
        return filtered(engine, args, lang);
    };
    let mut kept = Vec::new();
    let mut ignored = Vec::new();
    for (i, word) in words.split_whitespace().enumerate() {
        if i >= MOST_CHECKED || engine.text_matches(word)? {
            kept.push(word);
        } else {
            ignored.push(word.to_string());
        }
    }
    let with = |query: Option<String>| TitlesArgs {
        loose_query: false,
        query,
        ..args.clone()
    };
    let mut answer = filtered(
        engine,
        &with((!kept.is_empty()).then(|| kept.join(" "))),
        lang,
    )?;
    // Together they empty the list: keep each word, in order, only while something matches.
    if !kept.is_empty() && !matches!(answer.body, Body::Titles(_)) {
        let mut running: Vec<&str> = Vec::new();
        answer = filtered(engine, &with(None), lang)?;
        for word in kept {
            let mut trial = running.clone();
            trial.push(word);
            let a = filtered(engine, &with(Some(trial.join(" "))), lang)?;
            if matches!(a.body, Body::Titles(_)) {
                running = trial;
                answer = a;
            } else {
                ignored.push(word.to_string());
            }
        }
    }
    if ignored.is_empty() {
        return Ok(answer);
    }
    // Nothing at all: the list the whole question asked for says so, with its relaxations.
    if !matches!(answer.body, Body::Titles(_)) {
        return filtered(engine, &with(Some(words.to_string())), lang);
    }
    let quoted: Vec<String> = ignored.iter().map(|w| format!("“{w}”")).collect();
    let note = t!(
        lang,
        "titles-ignored",
        words = words::comma_list(lang, &quoted)
    );
    answer.message = join(lang, &[answer.message.clone(), note]);
    if let Body::Titles(page) = &mut answer.body {
        page.ignored = ignored;
    }
    Ok(answer)
}

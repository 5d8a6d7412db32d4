//! Names in a question, looked up in the index: a title's exact name around the untagged
//! words, a misspelled title's name typed alone, a director's or actor's whole name next to a
//! marker word. Lookups that fail are logged and read as "not found".

use super::tag::Tagged;
use crate::search::{Engine, Role, SearchError};

/// Tokens of filler words tried on either side of a name (`the` in `the Witcher`).
const NAME_EDGE: usize = 3;

/// A name typed alone is taken for a misspelled title from this similarity on.
const LONE_TITLE_SIMILARITY: f32 = 0.8;
/// The same for a name in Chinese characters.
const LONE_CJK_TITLE_SIMILARITY: f32 = 0.7;

/// Words that begin titles' names.
pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];

/// Whether `name` can be a person's name: some letters, not a stray number or initial.
pub(super) fn name_like(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Whether `name` is a misspelling of some title's name (fuzzy: only for a lone name). A
/// Chinese name is short, so one wrong character of four is still the name (`流浪地求`).
pub(super) fn close_to_a_title(engine: &Engine, name: &str) -> bool {
    let chars = name.chars().count();
    let cjk = name.chars().all(crate::text::is_cjk);
    let threshold = if cjk {
        LONE_CJK_TITLE_SIMILARITY
    } else {
        LONE_TITLE_SIMILARITY
    };
    (chars >= 4 || (cjk && chars >= 3))
        && found(engine.names_by_name(name, 1))
            .first()
            .is_some_and(|h| h.score >= threshold)
}

/// The name in a run: its untagged words, with an article just before them (`The Wticher`).
pub(super) fn name_in(t: &Tagged, (from, to): (usize, usize)) -> String {
    let Some(first) = (from..to).find(|&i| t.is_untagged(i)) else {
        return String::new();
    };
    let last = (from..to)
        .rev()
        .find(|&i| t.is_untagged(i))
        .unwrap_or(first);
    let start = if first > from && ARTICLES.contains(&t.tokens[first - 1].text.as_str()) {
        first - 1
    } else {
        first
    };
    t.text_of(start, last + 1).to_string()
}

/// A failed lookup while reading a question is logged and read as "not found".
pub(super) fn found<T: Default>(r: Result<T, SearchError>) -> T {
    r.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "a lookup failed while reading a question");
        T::default()
    })
}

/// The longest text around run `from..to` that is a title's exact name: all its untagged
/// tokens, and up to [`NAME_EDGE`] filler tokens on either side.
pub(super) fn title(
    engine: &Engine,
    t: &Tagged,
    (from, to): (usize, usize),
) -> Option<(String, (usize, usize))> {
    let first = (from..to).find(|&i| t.is_untagged(i))?;
    let last = (from..to).rev().find(|&i| t.is_untagged(i))?;
    for left in first.saturating_sub(NAME_EDGE).max(from)..=first {
        for right in ((last + 1)..=(last + 1 + NAME_EDGE).min(to)).rev() {
            let name = t.text_of(left, right);
            if found(engine.title_exists(name)) {
                return Some((name.to_string(), (left, right)));
            }
        }
    }
    None
}

/// A person's whole name next to span `marker`: after it (`directed by X`), else before it
/// (`X导演的`). The name's role is the marker's, or the one the data knows best.
pub(super) fn person_near(
    engine: &Engine,
    t: &Tagged,
    marker: usize,
    role: Option<Role>,
) -> Option<(Role, String, (usize, usize))> {
    let span = &t.spans[marker];
    let check = |from: usize, to: usize| -> Option<(Role, String, (usize, usize))> {
        let name = t.text_of(from, to);
        if !name_like(name) {
            return None;
        }
        let c = found(engine.credits(name));
        let role = match role {
            Some(Role::Director) if c.directed > 0 => Role::Director,
            Some(Role::Cast) if c.acted > 0 => Role::Cast,
            None if c.directed > 0 && c.directed >= c.acted => Role::Director,
            None if c.acted > 0 => Role::Cast,
            _ => return None,
        };
        Some((role, name.to_string(), (from, to)))
    };
    let after_end = (span.to..t.tokens.len())
        .take_while(|&i| t.is_untagged(i))
        .last()
        .map(|i| i + 1);
    if let Some(end) = after_end {
        for to in (span.to + 1..=end).rev() {
            if let Some(hit) = check(span.to, to) {
                return Some(hit);
            }
        }
    }
    let before_start = (0..span.from)
        .rev()
        .take_while(|&i| t.is_untagged(i))
        .last();
    if let Some(start) = before_start {
        for from in start..span.from {
            if let Some(hit) = check(from, span.from) {
                return Some(hit);
            }
        }
    }
    None
}

/// A loose run that is a whole person's name, with the role the data knows best.
pub(super) fn person_alone(
    engine: &Engine,
    t: &Tagged,
    run: (usize, usize),
) -> Option<(Role, String)> {
    let first = (run.0..run.1).find(|&i| t.is_untagged(i))?;
    let last = (run.0..run.1).rev().find(|&i| t.is_untagged(i))?;
    let name = t.text_of(first, last + 1);
    if !name_like(name) {
        return None;
    }
    let c = found(engine.credits(name));
    match (c.directed, c.acted) {
        (0, 0) => None,
        (d, a) if d >= a => Some((Role::Director, name.to_string())),
        _ => Some((Role::Cast, name.to_string())),
    }
}

//! Years as people write them in questions: `2019`, `2019年`, `2010-2015`, `2010 to 2015`,
//! `2010年到2015年`, decades (`90s`, `the 1990s`, `90年代`, `2010年代`), and open ranges (`after
//! 2018`, `since 2010`, `before 2000`, `older than 1990`, `2018年以后`, `2000年以前`), which
//! run to the end of [`YEARS`].

use crate::domain::YEARS;
use crate::lexicon::Token;

/// Words and signs between two years that make them a range.
pub(super) const RANGE_WORDS: &[&str] = &[
    "to", "and", "till", "until", "through", "至", "到", "—", "~",
];

/// Words before a year that open a range: the words, and whether the range runs on from the
/// year (`true`) or ends before it, and whether the year itself is in it.
pub(super) const OPEN_BEFORE: &[(&[&str], bool, bool)] = &[
    (&["after"], true, false),
    (&["post"], true, false),
    (&["newer", "than"], true, false),
    (&["later", "than"], true, false),
    (&["since"], true, true),
    (&["before"], false, false),
    (&["pre"], false, false),
    (&["older", "than"], false, false),
    (&["earlier", "than"], false, false),
];

/// Chinese words after a year (`2018年以后`) that open a range, as [`OPEN_BEFORE`].
pub(super) const OPEN_AFTER: &[(&[&str], bool, bool)] = &[
    (&["以", "后"], true, true),
    (&["之", "后"], true, true),
    (&["以", "来"], true, true),
    (&["以", "前"], false, false),
    (&["之", "前"], false, false),
];

/// The range a year opens: on from it (`after`: the next year) or up to it.
fn open((later, inclusive): (bool, bool), y: u16) -> (u16, u16) {
    let (lo, hi) = (*YEARS.start(), *YEARS.end());
    match (later, inclusive) {
        (true, true) => (y, hi),
        (true, false) => (y.saturating_add(1).min(hi), hi),
        (false, true) => (lo, y),
        (false, false) => (lo, y.saturating_sub(1).max(lo)),
    }
}

/// Whether `words` are the tokens at `at`.
pub(super) fn words_at(tokens: &[Token], at: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(i, w)| is(tokens, at + i, w))
}

/// One to nine in Chinese numerals.
const CHINESE_DIGITS: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

fn year(token: &Token) -> Option<u16> {
    if token.cjk || token.text.len() != 4 {
        return None;
    }
    token.text.parse().ok().filter(|y| YEARS.contains(y))
}

/// `90s` → 1990, `1990s` → 1990, `2000s` → 2000.
fn decade(text: &str) -> Option<u16> {
    let digits = text.strip_suffix('s')?;
    decade_digits(digits)
}

fn decade_digits(digits: &str) -> Option<u16> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u16 = digits.parse().ok()?;
    let start = match digits.len() {
        2 if n.is_multiple_of(10) => {
            if n >= 30 {
                1900 + n
            } else {
                2000 + n
            }
        }
        4 if n.is_multiple_of(10) => n,
        _ => return None,
    };
    YEARS.contains(&start).then_some(start)
}

pub(super) fn is(tokens: &[Token], at: usize, text: &str) -> bool {
    tokens.get(at).is_some_and(|t| t.text == text)
}

/// Years starting at `tokens[at]`: how many tokens they take and the range.
pub fn years_at(text: &str, tokens: &[Token], at: usize) -> Option<(usize, (u16, u16))> {
    // `after 2018`, `older than 1990`.
    for &(words, later, inclusive) in OPEN_BEFORE {
        if words_at(tokens, at, words)
            && let Some(y) = tokens.get(at + words.len()).and_then(year)
        {
            let mut used = words.len() + 1;
            if is(tokens, at + used, "年") {
                used += 1;
            }
            return Some((used, open((later, inclusive), y)));
        }
    }
    let t = &tokens[at];
    // Decades: `90s`, `1990s`, `90年代`, `2010年代`.
    if let Some(start) = decade(&t.text) {
        return Some((1, (start, start + 9)));
    }
    if is(tokens, at + 1, "年")
        && is(tokens, at + 2, "代")
        && let Some(start) = decade_digits(&t.text)
    {
        return Some((3, (start, start + 9)));
    }
    // `九十年代` (the nineties), in Chinese numerals.
    if let Some(tens) = CHINESE_DIGITS.iter().position(|d| *d == t.text)
        && is(tokens, at + 1, "十")
        && is(tokens, at + 2, "年")
        && is(tokens, at + 3, "代")
    {
        let start = 1900 + 10 * (tens as u16 + 1);
        return Some((4, (start, start + 9)));
    }
    let from = year(t)?;
    let mut used = 1;
    if is(tokens, at + used, "年") {
        used += 1;
    }
    // `2018年以后`, `2000年之前`.
    for &(words, later, inclusive) in OPEN_AFTER {
        if words_at(tokens, at + used, words) {
            return Some((used + words.len(), open((later, inclusive), from)));
        }
    }
    // A range: a dash between the numbers, or a word such as `to`/`到`.
    let next = at + used;
    let (gap, after) = match tokens.get(next) {
        Some(n) if RANGE_WORDS.contains(&n.text.as_str()) => (1, next + 1),
        Some(_) => {
            let between = text[tokens[next - 1].end..tokens[next].start].trim();
            if matches!(between, "-" | "–" | "—" | "~" | "..") {
                (0, next)
            } else {
                return Some((used, (from, from)));
            }
        }
        None => return Some((used, (from, from))),
    };
    let Some(to) = tokens.get(after).and_then(year) else {
        return Some((used, (from, from)));
    };
    used += gap + 1;
    if is(tokens, at + used, "年") {
        used += 1;
    }
    Some((used, (from.min(to), from.max(to))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tokens;

    #[test]
    fn years_as_people_write_them() {
        for (input, want) in [
            ("2019", Some((1, (2019, 2019)))),
            ("2019年", Some((2, (2019, 2019)))),
            ("after 2018", Some((2, (2019, 2100)))),
            ("since 2010", Some((2, (2010, 2100)))),
            ("before 2000", Some((2, (1900, 1999)))),
            ("older than 1990", Some((3, (1900, 1989)))),
            ("2018年以后", Some((4, (2018, 2100)))),
            ("2000年之前", Some((4, (1900, 1999)))),
            ("2010以来", Some((3, (2010, 2100)))),
            ("2010-2015", Some((2, (2010, 2015)))),
            ("2015 – 2010", Some((2, (2010, 2015)))),
            ("2010 to 2015", Some((3, (2010, 2015)))),
            ("2010年到2015年", Some((5, (2010, 2015)))),
            ("90s", Some((1, (1990, 1999)))),
            ("1980s", Some((1, (1980, 1989)))),
            ("2000s", Some((1, (2000, 2009)))),
            ("90年代", Some((3, (1990, 1999)))),
            ("2010年代", Some((3, (2010, 2019)))),
            ("九十年代", Some((4, (1990, 1999)))),
            ("八十年代的", Some((4, (1980, 1989)))),
            ("2019 movies", Some((1, (2019, 2019)))),
            ("2010 to watch", Some((1, (2010, 2010)))),
            ("1850", None),
            ("42", None),
            ("95s", None),
            ("movies", None),
        ] {
            let t = tokens(input);
            assert_eq!(years_at(input, &t, 0), want, "{input}");
        }
    }
}

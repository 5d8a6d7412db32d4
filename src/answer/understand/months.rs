//! Months as people say them (`March 2020`, `Sept 2021`, `2021-09`, `2020年3月`, `2020年3月份`,
//! ranges and open ranges of them) and dates said relative to now (`this year`, `last month`,
//! `今年`, `去年`, `9月份`), which a snapshot of catalogues can only read against its own newest
//! date: [`When`] keeps what was said until the index says which date that is.

use super::years::{OPEN_AFTER, OPEN_BEFORE, RANGE_WORDS, is, words_at};
use crate::domain::{Month, Months, YEARS};
use crate::lexicon::Token;

/// Month names in English; `may` only ever counts with a year after it.
const MONTH_NAMES: &[(&[&str], u8)] = &[
    (&["january", "jan"], 1),
    (&["february", "feb"], 2),
    (&["march", "mar"], 3),
    (&["april", "apr"], 4),
    (&["may"], 5),
    (&["june", "jun"], 6),
    (&["july", "jul"], 7),
    (&["august", "aug"], 8),
    (&["september", "sept", "sep"], 9),
    (&["october", "oct"], 10),
    (&["november", "nov"], 11),
    (&["december", "dec"], 12),
];

/// Month names that name the month alone, with no year (`what did Hulu add in September`).
const ALONE: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// One to twelve in Chinese numerals, longest first.
const CHINESE_MONTHS: &[(&[&str], u8)] = &[
    (&["十", "一"], 11),
    (&["十", "二"], 12),
    (&["一"], 1),
    (&["二"], 2),
    (&["三"], 3),
    (&["四"], 4),
    (&["五"], 5),
    (&["六"], 6),
    (&["七"], 7),
    (&["八"], 8),
    (&["九"], 9),
    (&["十"], 10),
];

/// A date said relative to now: read against the catalogue's newest addition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The newest year, or `n` years before it (`this year`, `last year`, `今年`, `去年`).
    Year(u8),
    /// The newest month, or `n` months before it (`this month`, `上个月`).
    Month(u8),
    /// The latest such month up to the newest date (`in September`, `9月份`).
    Calendar(u8),
}

/// Words for [`When`] in both languages.
const RELATIVE: &[(&[&str], When)] = &[
    (&["this", "year"], When::Year(0)),
    (&["last", "year"], When::Year(1)),
    (&["year", "before", "last"], When::Year(2)),
    (&["this", "month"], When::Month(0)),
    (&["past", "month"], When::Month(0)),
    (&["the", "last", "month"], When::Month(0)),
    (&["最", "近", "一", "个", "月"], When::Month(0)),
    (&["最", "近", "一", "個", "月"], When::Month(0)),
    (&["近", "一", "个", "月"], When::Month(0)),
    (&["近", "一", "個", "月"], When::Month(0)),
    (&["last", "month"], When::Month(1)),
    (&["今", "年"], When::Year(0)),
    (&["本", "年"], When::Year(0)),
    (&["去", "年"], When::Year(1)),
    (&["前", "年"], When::Year(2)),
    (&["本", "月"], When::Month(0)),
    (&["这", "个", "月"], When::Month(0)),
    (&["這", "個", "月"], When::Month(0)),
    (&["上", "个", "月"], When::Month(1)),
    (&["上", "個", "月"], When::Month(1)),
    (&["上", "月"], When::Month(1)),
];

impl When {
    /// The months meant, by the catalogue's newest addition `newest`.
    pub fn resolve(self, newest: Month) -> Months {
        match self {
            When::Year(n) => {
                let y = newest.year.saturating_sub(n as u16);
                Months::years(y, y)
            }
            When::Month(n) => Months::month(newest.back(n as u32)),
            When::Calendar(m) => {
                let year = if m <= newest.month {
                    newest.year
                } else {
                    newest.year.saturating_sub(1)
                };
                Months::month(Month { year, month: m })
            }
        }
    }
}

/// What a date at some token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Months(Months),
    Relative(When),
}

fn year(token: &Token) -> Option<u16> {
    if token.cjk || token.text.len() != 4 {
        return None;
    }
    token.text.parse().ok().filter(|y| YEARS.contains(y))
}

/// A month number written in digits: `3`, `09`.
fn month_number(token: &Token) -> Option<u8> {
    if token.cjk || token.text.len() > 2 {
        return None;
    }
    token.text.parse().ok().filter(|m| (1..=12).contains(m))
}

/// A month with no year at `at` (`September`, `3月`, `三月份`): tokens taken, the month, and
/// whether the name may stand alone.
fn bare_month(tokens: &[Token], at: usize) -> Option<(usize, u8, bool)> {
    let t = tokens.get(at)?;
    if !t.cjk
        && let Some(&(_, m)) = MONTH_NAMES
            .iter()
            .find(|(names, _)| names.contains(&t.text.as_str()))
    {
        return Some((1, m, ALONE.contains(&t.text.as_str())));
    }
    let (used, m) = match month_number(t) {
        Some(m) => (1, m),
        None => CHINESE_MONTHS
            .iter()
            .find(|(words, _)| words_at(tokens, at, words))
            .map(|(words, m)| (words.len(), *m))?,
    };
    if !is(tokens, at + used, "月") {
        return None;
    }
    let mut used = used + 1;
    if is(tokens, at + used, "份") {
        used += 1;
    }
    Some((used, m, true))
}

/// A month with its year at `at`: `March 2020`, `march of 2020`, `2021-09`, `2020年3月(份)`.
fn month_year(text: &str, tokens: &[Token], at: usize) -> Option<(usize, Month)> {
    let t = tokens.get(at)?;
    // `2021-09`, `2021/09`, `2020年3月`.
    if let Some(y) = year(t) {
        if is(tokens, at + 1, "年")
            && let Some((used, m, _)) = bare_month(tokens, at + 2)
        {
            return Some((2 + used, Month::new(y, m)?));
        }
        let next = tokens.get(at + 1)?;
        let between = text[t.end..next.start].trim();
        if matches!(between, "-" | "/" | ".") && !is(tokens, at + 2, "月") {
            return Some((2, Month::new(y, month_number(next)?)?));
        }
        return None;
    }
    // `March 2020`, `march of 2020`.
    if t.cjk {
        return None;
    }
    let (_, m) = MONTH_NAMES
        .iter()
        .find(|(names, _)| names.contains(&t.text.as_str()))?;
    let gap = usize::from(is(tokens, at + 1, "of"));
    let y = year(tokens.get(at + 1 + gap)?)?;
    Some((2 + gap, Month::new(y, *m)?))
}

/// Words before an English month name alone that make it a date (`added in September`, not
/// `August Rush`).
const BEFORE_ALONE: &[&str] = &["in", "during", "throughout", "since"];

/// A month, with or without its year; without one it is read against the newest date.
fn any_month(text: &str, tokens: &[Token], at: usize) -> Option<(usize, Said)> {
    if let Some((used, m)) = month_year(text, tokens, at) {
        return Some((used, Said::Months(Months::month(m))));
    }
    let (used, m, alone) = bare_month(tokens, at)?;
    let said = tokens[at].cjk
        || month_number(&tokens[at]).is_some()
        || at
            .checked_sub(1)
            .is_some_and(|p| BEFORE_ALONE.contains(&tokens[p].text.as_str()));
    (alone && said).then_some((used, Said::Relative(When::Calendar(m))))
}

/// A date starting at `tokens[at]` that years alone do not say: months, month ranges, open
/// ranges from a month, relative words. How many tokens it takes and what it says.
pub fn months_at(text: &str, tokens: &[Token], at: usize) -> Option<(usize, Said)> {
    for &(words, when) in RELATIVE {
        if words_at(tokens, at, words) {
            return Some((words.len(), Said::Relative(when)));
        }
    }
    // `since March 2020`, `before Sept 2019`.
    for &(words, later, inclusive) in OPEN_BEFORE {
        if words_at(tokens, at, words)
            && let Some((used, m)) = month_year(text, tokens, at + words.len())
        {
            return Some((words.len() + used, Said::Months(open(m, later, inclusive))));
        }
    }
    // `March to June 2020`: the first month takes the second one's year.
    if let Some((used, first, _)) = bare_month(tokens, at)
        && !tokens[at].cjk
        && range_word(tokens, at + used)
        && let Some((more, last)) = month_year(text, tokens, at + used + 1)
    {
        let first = Month::new(last.year, first)?;
        return Some((used + 1 + more, Said::Months(Months::between(first, last))));
    }
    let (used, said) = any_month(text, tokens, at)?;
    let Said::Months(m) = said else {
        return Some((used, said));
    };
    let from = m.from;
    // `2020年3月以后`.
    for &(words, later, inclusive) in OPEN_AFTER {
        if words_at(tokens, at + used, words) {
            return Some((
                used + words.len(),
                Said::Months(open(from, later, inclusive)),
            ));
        }
    }
    // `March 2020 to June 2020`, `2020年3月到6月`, `2020年3月至2021年2月`.
    if range_word(tokens, at + used) {
        let next = at + used + 1;
        if let Some((more, last)) = month_year(text, tokens, next) {
            return Some((used + 1 + more, Said::Months(Months::between(from, last))));
        }
        // `2020年3月到6月`: the second month in the first one's year.
        if year(&tokens[at]).is_some()
            && let Some((more, m, _)) = bare_month(tokens, next)
        {
            let last = Month::new(from.year, m)?;
            return Some((used + 1 + more, Said::Months(Months::between(from, last))));
        }
    }
    Some((used, said))
}

fn range_word(tokens: &[Token], at: usize) -> bool {
    tokens
        .get(at)
        .is_some_and(|t| RANGE_WORDS.contains(&t.text.as_str()))
}

/// The open span from a month: on from it (`after`: the next month) or up to it.
fn open(m: Month, later: bool, inclusive: bool) -> Months {
    let (first, last) = (
        Month {
            year: *YEARS.start(),
            month: 1,
        },
        Month {
            year: *YEARS.end(),
            month: 12,
        },
    );
    match (later, inclusive) {
        (true, true) => Months::between(m, last),
        (true, false) => Months::between(next(m), last),
        (false, true) => Months::between(first, m),
        (false, false) => Months::between(first, m.back(1)),
    }
}

fn next(m: Month) -> Month {
    if m.month == 12 {
        Month {
            year: m.year + 1,
            month: 1,
        }
    } else {
        Month {
            year: m.year,
            month: m.month + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tokens;

    fn m(year: u16, month: u8) -> Month {
        Month::new(year, month).unwrap()
    }

    fn one(year: u16, month: u8) -> Said {
        Said::Months(Months::month(m(year, month)))
    }

    #[test]
    fn months_as_people_say_them() {
        let months = |from: Month, to: Month| Said::Months(Months::between(from, to));
        for (input, want) in [
            ("March 2020", Some((2, one(2020, 3)))),
            ("sept 2021", Some((2, one(2021, 9)))),
            ("september of 2021", Some((3, one(2021, 9)))),
            ("may 2019", Some((2, one(2019, 5)))),
            ("2021-09", Some((2, one(2021, 9)))),
            ("2020年3月", Some((4, one(2020, 3)))),
            ("2020年3月份", Some((5, one(2020, 3)))),
            ("2020年十二月", Some((5, one(2020, 12)))),
            (
                "since March 2020",
                Some((3, months(m(2020, 3), m(2100, 12)))),
            ),
            ("after Dec 2020", Some((3, months(m(2021, 1), m(2100, 12))))),
            (
                "before March 2019",
                Some((3, months(m(1900, 1), m(2019, 2)))),
            ),
            ("2020年3月以后", Some((6, months(m(2020, 3), m(2100, 12))))),
            (
                "March to June 2020",
                Some((4, months(m(2020, 3), m(2020, 6)))),
            ),
            (
                "March 2020 to June 2021",
                Some((5, months(m(2020, 3), m(2021, 6)))),
            ),
            ("2020年3月到6月", Some((7, months(m(2020, 3), m(2020, 6))))),
            ("September", None),
            ("August Rush", None),
            ("9月份", Some((3, Said::Relative(When::Calendar(9))))),
            ("三月", Some((2, Said::Relative(When::Calendar(3))))),
            ("this year", Some((2, Said::Relative(When::Year(0))))),
            ("last year", Some((2, Said::Relative(When::Year(1))))),
            ("去年", Some((2, Said::Relative(When::Year(1))))),
            ("上个月", Some((3, Said::Relative(When::Month(1))))),
            ("may", None),
            ("may i watch", None),
            ("mar", None),
            ("2021", None),
            ("2021年", None),
            ("13月", None),
        ] {
            let t = tokens(input);
            assert_eq!(months_at(input, &t, 0), want, "{input}");
        }
    }

    #[test]
    fn a_month_alone_needs_in_before_it() {
        let input = "added in September";
        let t = tokens(input);
        assert_eq!(
            months_at(input, &t, 2),
            Some((1, Said::Relative(When::Calendar(9))))
        );
    }

    #[test]
    fn relative_dates_read_against_the_newest() {
        let newest = m(2021, 9);
        for (when, want) in [
            (When::Year(0), Months::years(2021, 2021)),
            (When::Year(1), Months::years(2020, 2020)),
            (When::Month(0), Months::month(m(2021, 9))),
            (When::Month(1), Months::month(m(2021, 8))),
            (When::Calendar(9), Months::month(m(2021, 9))),
            (When::Calendar(3), Months::month(m(2021, 3))),
            (When::Calendar(10), Months::month(m(2020, 10))),
        ] {
            assert_eq!(when.resolve(newest), want, "{when:?}");
        }
    }
}

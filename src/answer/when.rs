//! How dates are said in answers: release years, the months titles were added (`, added
//! September 2021`, `，上线于 2021年9月`), and how a relative date was read.

use super::command::year_span;
use super::request::TitlesArgs;
use crate::domain::{Month, Months};
use crate::i18n::Lang;
use crate::t;

/// `, released 2010–2015`; an open range (`after 2018` runs to 2100) as `2019 or later` or
/// `1999 or earlier` (`key-from`, `key-until`).
pub(super) fn years_said(lang: Lang, key: &str, (a, b): (u16, u16)) -> String {
    match (a, b) {
        (a, 2100) if a > 1900 => t!(lang, &format!("{key}-from"), year = a.to_string()),
        (1900, b) if b < 2100 => t!(lang, &format!("{key}-until"), year = b.to_string()),
        y => t!(lang, key, years = year_span(y, "–")),
    }
}

/// `, added 2021`, `, added September 2021`, `, added March 2020 to June 2020`, and open spans
/// (`, added September 2021 or later`).
pub(super) fn added_said(lang: Lang, m: Months) -> String {
    if let Some(years) = m.whole_years() {
        return years_said(lang, "titles-added", years);
    }
    match (m.open_start(), m.open_end()) {
        (false, true) => t!(
            lang,
            "titles-added-month-from",
            month = month_said(lang, m.from)
        ),
        (true, false) => t!(
            lang,
            "titles-added-month-until",
            month = month_said(lang, m.to)
        ),
        _ => t!(lang, "titles-added-month", months = months_said(lang, m)),
    }
}

/// `September 2021`, `2021年9月`.
pub(super) fn month_said(lang: Lang, m: Month) -> String {
    let name = t!(lang, &format!("month-{}", m.month));
    t!(lang, "month-year", name = name, year = m.year.to_string())
}

/// `September 2021`, `March 2020 to June 2020`, `2021`, `2019–2021`.
pub(super) fn months_said(lang: Lang, m: Months) -> String {
    if let Some(y) = m.whole_years() {
        return t!(lang, "year-said", years = year_span(y, "–"));
    }
    if m.from == m.to {
        return month_said(lang, m.from);
    }
    let (from, to) = (month_said(lang, m.from), month_said(lang, m.to));
    t!(lang, "month-span", from = from, to = to)
}

/// How a relative date ("this year", "去年") was read: by the catalogue's newest addition.
pub(super) fn relative_note(args: &TitlesArgs, latest: Option<&str>, lang: Lang) -> Option<String> {
    let (words, date) = (args.relative.as_ref()?, latest?);
    let span = match (args.added, args.years) {
        (Some(m), _) => months_said(lang, m),
        (None, Some(y)) => t!(lang, "year-said", years = year_span(y, "–")),
        (None, None) => return None,
    };
    Some(t!(
        lang,
        "titles-relative",
        words = words.as_str(),
        span = span,
        date = date
    ))
}

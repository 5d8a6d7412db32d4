//! Spans of months: when titles were added to a service. The datasets date each listing to the
//! day, people ask by year or by month ("added in 2021", "September 2021", `added:2021-09`),
//! so the index keys additions by month and every `added` filter is a span of them.

use std::fmt;

/// The years a date can name; open ranges (`added after 2018`) run to the end of them.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// One month of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    /// The month, when `month` is 1 to 12 and the year a date's.
    pub fn new(year: u16, month: u8) -> Option<Month> {
        ((1..=12).contains(&month) && YEARS.contains(&year)).then_some(Month { year, month })
    }

    /// `yyyymm`: months in order as numbers, for the index.
    pub fn key(self) -> u64 {
        self.year as u64 * 100 + self.month as u64
    }

    /// The month `n` months before this one.
    pub fn back(self, n: u32) -> Month {
        let index = (self.year as u32 * 12 + self.month as u32 - 1).saturating_sub(n);
        Month {
            year: (index / 12) as u16,
            month: (index % 12 + 1) as u8,
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Months `from..=to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Months {
    pub from: Month,
    pub to: Month,
}

impl Months {
    /// Whole years `a..=b` (in either order).
    pub fn years(a: u16, b: u16) -> Months {
        let (a, b) = (a.min(b), a.max(b));
        Months {
            from: Month { year: a, month: 1 },
            to: Month { year: b, month: 12 },
        }
    }

    /// One month.
    pub fn month(m: Month) -> Months {
        Months { from: m, to: m }
    }

    /// The months from `a` to `b` (in either order).
    pub fn between(a: Month, b: Month) -> Months {
        Months {
            from: a.min(b),
            to: a.max(b),
        }
    }

    /// The years, when the span is whole years.
    pub fn whole_years(self) -> Option<(u16, u16)> {
        (self.from.month == 1 && self.to.month == 12).then_some((self.from.year, self.to.year))
    }

    /// Whether the span runs from the first of [`YEARS`] (`… or earlier`).
    pub fn open_start(self) -> bool {
        self.from.year == *YEARS.start() && self.from.month == 1
    }

    /// Whether the span runs to the last of [`YEARS`] (`… or later`).
    pub fn open_end(self) -> bool {
        self.to.year == *YEARS.end() && self.to.month == 12
    }

    /// Reads an `added:` value: `2021`, `2021-09`, `2019-2021`, `2020-03..2021-06`, and the open
    /// `2019..` and `..2000`. `None` when it is none of these.
    pub fn parse(v: &str) -> Option<Months> {
        let v = v.trim();
        if let Some((a, b)) = v.split_once("..") {
            let (a, b) = (a.trim(), b.trim());
            return match (a.is_empty(), b.is_empty()) {
                (true, true) => None,
                (false, true) => Some(Months {
                    from: Months::parse(a)?.from,
                    to: Month::new(*YEARS.end(), 12)?,
                }),
                (true, false) => Some(Months {
                    from: Month::new(*YEARS.start(), 1)?,
                    to: Months::parse(b)?.to,
                }),
                (false, false) => {
                    let (a, b) = (Months::parse(a)?, Months::parse(b)?);
                    Some(Months {
                        from: a.from.min(b.from),
                        to: a.to.max(b.to),
                    })
                }
            };
        }
        let year = |s: &str| -> Option<u16> {
            let s = s.trim();
            (s.len() == 4)
                .then(|| s.parse().ok())
                .flatten()
                .filter(|y| YEARS.contains(y))
        };
        match v.split_once(['-', '–', '/']) {
            None => year(v).map(|y| Months::years(y, y)),
            Some((a, b)) => {
                let a = year(a)?;
                let b = b.trim();
                if b.len() <= 2 {
                    Month::new(a, b.parse().ok()?).map(Months::month)
                } else {
                    Some(Months::years(a, year(b)?))
                }
            }
        }
    }
}

/// As `added:` takes it back: `2021`, `2019-2021`, `2021-09`, `2020-03..2020-06`, `2019..`.
impl fmt::Display for Months {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one = |f: &mut fmt::Formatter<'_>, m: Month, end: bool| match self.whole_years() {
            Some(_) => write!(f, "{}", m.year),
            None if end && m.month == 12 && self.from.month == 1 => write!(f, "{}", m.year),
            None => write!(f, "{m}"),
        };
        match (self.open_start(), self.open_end()) {
            (false, true) => {
                one(f, self.from, false)?;
                f.write_str("..")
            }
            (true, false) => {
                f.write_str("..")?;
                one(f, self.to, true)
            }
            _ if self.from == self.to => write!(f, "{}", self.from),
            _ => match self.whole_years() {
                Some((a, b)) if a == b => write!(f, "{a}"),
                Some((a, b)) => write!(f, "{a}-{b}"),
                None => write!(f, "{}..{}", self.from, self.to),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(year: u16, month: u8) -> Month {
        Month::new(year, month).unwrap()
    }

    #[test]
    fn added_values_read_and_written_back() {
        for (input, want, back) in [
            ("2021", Months::years(2021, 2021), "2021"),
            ("2019-2021", Months::years(2019, 2021), "2019-2021"),
            ("2021-2019", Months::years(2019, 2021), "2019-2021"),
            ("2021-09", Months::month(m(2021, 9)), "2021-09"),
            ("2021-9", Months::month(m(2021, 9)), "2021-09"),
            ("2021/09", Months::month(m(2021, 9)), "2021-09"),
            (
                "2020-03..2020-06",
                Months::between(m(2020, 3), m(2020, 6)),
                "2020-03..2020-06",
            ),
            ("2019..", Months::between(m(2019, 1), m(2100, 12)), "2019.."),
            (
                "2021-09..",
                Months::between(m(2021, 9), m(2100, 12)),
                "2021-09..",
            ),
            ("..1999", Months::between(m(1900, 1), m(1999, 12)), "..1999"),
            (
                "2019..2021-03",
                Months::between(m(2019, 1), m(2021, 3)),
                "2019-01..2021-03",
            ),
        ] {
            assert_eq!(Months::parse(input), Some(want), "{input}");
            assert_eq!(want.to_string(), back, "{input}");
            assert_eq!(Months::parse(back), Some(want), "{back}");
        }
        for bad in [
            "",
            "..",
            "21",
            "2021-13",
            "2021-00",
            "1850",
            "soon",
            "2021-09-01",
        ] {
            assert_eq!(Months::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_count_back_over_years() {
        assert_eq!(m(2021, 3).back(0), m(2021, 3));
        assert_eq!(m(2021, 3).back(3), m(2020, 12));
        assert_eq!(m(2021, 1).back(13), m(2019, 12));
        assert_eq!(m(2021, 9).key(), 202109);
        assert_eq!(Months::years(2021, 2021).whole_years(), Some((2021, 2021)));
        assert_eq!(Months::month(m(2021, 9)).whole_years(), None);
    }
}

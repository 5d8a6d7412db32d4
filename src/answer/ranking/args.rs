//! The options of `/top`, as typed or read from a question, and the command that asks them.

use crate::domain::{Kind, Metric};
use crate::i18n::Lang;
use crate::t;

use super::super::request::{UsageError, parse_years};

/// Most places one comparison names.
const MOST_PLACES: usize = 10;

/// What `/top` asks: the metric, its filters and order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RankingArgs {
    /// Views unless said.
    pub by: Option<Metric>,
    pub kind: Option<Kind>,
    /// Release years (the engagement report's release dates).
    pub years: Option<(u16, u16)>,
    /// The report's "available globally".
    pub globally: Option<bool>,
    /// Lowest first ("cheapest", "smallest library").
    pub lowest: bool,
    /// Only these places, as typed (a comparison).
    pub places: Vec<String>,
    pub page: usize,
    /// What the question asked that the figures cannot answer.
    pub cannot: Vec<Cannot>,
    /// The titles list that question can have instead, unranked (`/titles origin:KR type:tv`).
    pub instead: Option<String>,
}

/// Something a ranking was asked for that the figures do not hold: said, never guessed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cannot {
    /// Popularity on a service other than Netflix.
    Service(String),
    /// Where titles were made (a place code): the report does not say.
    Origin(String),
    /// A genre: the report does not say.
    Genre(String),
    /// Popularity in one country (a place code): the report is worldwide.
    Place(String),
    /// "Top rated", "best": the catalogues carry age ratings, not review scores.
    Rated,
}

/// A place's name in `lang`, by its code.
fn place(code: &str, lang: Lang) -> String {
    match crate::places::Places::global().by_code(code) {
        Some(p) => crate::answer::words::place_name(&p.code, &p.name, lang),
        None => code.to_string(),
    }
}

impl Cannot {
    /// The sentence saying what the figures cannot do.
    pub fn said(&self, lang: Lang, per_place: bool) -> String {
        match self {
            Cannot::Service(s) if per_place => t!(
                lang,
                "rank-cannot-service-figures",
                service = crate::domain::service_name(s)
            ),
            Cannot::Service(s) => t!(
                lang,
                "rank-cannot-service",
                service = crate::domain::service_name(s)
            ),
            Cannot::Origin(o) => t!(lang, "rank-cannot-origin", origin = place(o, lang)),
            Cannot::Genre(g) => t!(lang, "rank-cannot-genre", genre = g.as_str()),
            Cannot::Place(p) => t!(lang, "rank-cannot-place", place = place(p, lang)),
            Cannot::Rated => t!(lang, "rank-not-rated-alone"),
        }
    }
}

impl RankingArgs {
    pub fn metric(&self) -> Metric {
        self.by.unwrap_or(Metric::Views)
    }

    /// `/top type:tv by:hours year:2025 globally:yes order:lowest place:US,IN page:2`.
    pub fn command(&self) -> String {
        let mut parts = vec!["/top".to_string()];
        if let Some(k) = self.kind {
            parts.push(format!("type:{}", k.as_str()));
        }
        if let Some(m) = self.by {
            parts.push(format!("by:{}", m.id()));
        }
        if let Some(y) = self.years {
            parts.push(format!("year:{}", super::super::command::year_span(y, "-")));
        }
        if let Some(g) = self.globally {
            parts.push(format!("globally:{}", if g { "yes" } else { "no" }));
        }
        if self.lowest {
            parts.push("order:lowest".into());
        }
        if !self.places.is_empty() {
            let places = self.places.join(",");
            parts.push(format!("place:{}", super::super::command::quoted(&places)));
        }
        if self.page > 1 {
            parts.push(format!("page:{}", self.page));
        }
        parts.join(" ")
    }
}

/// Reads `/top`'s options (and words outside them: `/top movies hours`).
pub fn top_args(
    opts: Vec<(String, String)>,
    free: &str,
    lang: Lang,
) -> Result<RankingArgs, UsageError> {
    let mut a = RankingArgs {
        page: 1,
        ..RankingArgs::default()
    };
    let bad = |key: &str, value: &str| {
        UsageError(t!(
            lang,
            "usage-bad-top",
            key = key,
            value = crate::text::truncate(value, 40)
        ))
    };
    let mut set = |k: &str, v: &str| -> Result<(), UsageError> {
        match k {
            "type" => a.kind = Some(Kind::parse(v).ok_or_else(|| bad(k, v))?),
            "by" => a.by = Some(Metric::from_id(v).ok_or_else(|| bad(k, v))?),
            "year" => a.years = Some(parse_years(v, lang)?),
            "globally" => {
                a.globally = Some(match v.to_ascii_lowercase().as_str() {
                    "yes" | "true" | "y" => true,
                    "no" | "false" | "n" => false,
                    _ => return Err(bad(k, v)),
                })
            }
            "order" => {
                a.lowest = match v.to_ascii_lowercase().as_str() {
                    "lowest" | "asc" | "cheapest" | "smallest" => true,
                    "highest" | "desc" | "most" | "biggest" => false,
                    _ => return Err(bad(k, v)),
                }
            }
            "place" => {
                a.places = v
                    .split([',', '，', '、'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .take(MOST_PLACES)
                    .map(str::to_string)
                    .collect()
            }
            "page" => {
                a.page = v
                    .parse()
                    .ok()
                    .filter(|p| (1..=10_000).contains(p))
                    .ok_or_else(|| bad(k, v))?
            }
            _ => return Err(bad(k, v)),
        }
        Ok(())
    };
    for (k, v) in &opts {
        set(k, v)?;
    }
    for w in free.split_whitespace() {
        if let Some(k) = Kind::parse(w) {
            a.kind = Some(k);
        } else if let Some(m) = Metric::from_id(w) {
            a.by = Some(m);
        } else {
            return Err(bad("", w));
        }
    }
    Ok(a)
}

//! Rankings (issue 22): what Netflix's engagement report says was watched most, and which
//! countries' Netflix costs least or most or has the biggest library, each row with its figure,
//! the figure's date and source. A question the figures cannot answer (another service's
//! popularity, where titles were made, review scores) is told so instead of getting a list.

mod args;
#[cfg(test)]
mod tests;

use serde::Serialize;

use super::words;
use super::{Answer, AnswerError, Body, NotFound, PlaceRef};
use crate::domain::{Kind, Metric};
use crate::i18n::Lang;
use crate::places::Places;
use crate::search::{Engine, RankFilter, RankedRecord};
use crate::t;

pub use args::{Cannot, RankingArgs, top_args};

/// Rows a page shows.
pub const RANK_PAGE: usize = 10;

/// One page of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankingPage {
    pub metric: Metric,
    pub unit: &'static str,
    /// The period (`2025-01..2025-06`) or month (`2021-12`) of the figures.
    pub as_of: Option<String>,
    pub sources: Vec<String>,
    /// Lowest first ("cheapest").
    pub lowest: bool,
    pub rows: Vec<RankRow>,
    #[serde(skip)]
    pub total: usize,
    #[serde(skip)]
    pub page: usize,
    #[serde(skip)]
    pub pages: usize,
}

/// One row: its rank among the matches and its figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRow {
    pub rank: usize,
    /// The title as the report writes it, or the place's name.
    pub name: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceRef>,
    /// The catalogue title the row is about (its `/title` name), when one matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_globally: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<u64>,
    /// A place's other figures of the same date (its other plans' prices, its library size),
    /// so that a comparison shows them side by side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Also>,
}

/// Another figure of a ranked place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Also {
    pub metric: Metric,
    pub value: f64,
}

fn row(rank: usize, r: RankedRecord, lang: Lang) -> RankRow {
    let place = r.place.as_deref().and_then(|c| Places::global().by_code(c));
    RankRow {
        rank,
        name: place.map_or_else(
            || r.name.clone(),
            |p| words::place_name(&p.code, &p.name, lang),
        ),
        value: r.value,
        place: place.map(PlaceRef::from),
        title: r.title,
        kind: r.kind,
        release_date: r.release_date,
        available_globally: r.available_globally,
        views: r.views,
        hours: r.hours,
        also: Vec::new(),
    }
}

/// The other figures of each place row (every price and the library size, but the ranked one).
fn place_figures(engine: &Engine, metric: Metric, rows: &mut [RankRow]) -> Result<(), AnswerError> {
    let places: Vec<String> = rows
        .iter()
        .filter_map(|r| r.place.as_ref())
        .map(|p| p.code.clone())
        .collect();
    // Prices first, then the library size.
    let (prices, rest): (Vec<&crate::domain::MetricRow>, Vec<_>) = crate::domain::METRICS
        .iter()
        .filter(|m| m.per_place && m.metric != metric)
        .partition(|m| m.metric.is_price());
    for other in prices.into_iter().chain(rest) {
        let filter = RankFilter {
            metric: other.metric,
            kind: None,
            years: None,
            globally: None,
            places: places.clone(),
            lowest: false,
            offset: 0,
            limit: places.len(),
        };
        for (_, r) in engine.ranking(&filter)?.1 {
            if let Some(row) = rows
                .iter_mut()
                .find(|row| row.place.as_ref().map(|p| &p.code) == r.place.as_ref())
            {
                row.also.push(Also {
                    metric: other.metric,
                    value: r.value,
                });
            }
        }
    }
    Ok(())
}

/// `2025-01..2025-06` → `January–June 2025` / `2025年1月至6月`; `2021-12` → `December 2021`.
pub fn period_said(lang: Lang, as_of: &str) -> String {
    let month = |s: &str| {
        let (y, m) = s.split_once('-')?;
        crate::domain::Month::new(y.parse().ok()?, m.parse().ok()?)
    };
    match as_of.split_once("..") {
        Some((a, b)) => match (month(a), month(b)) {
            (Some(a), Some(b)) if a.year == b.year => t!(
                lang,
                "period-same-year",
                from = t!(lang, &format!("month-{}", a.month)),
                to = t!(lang, &format!("month-{}", b.month)),
                year = a.year.to_string()
            ),
            _ => as_of.to_string(),
        },
        None => {
            month(as_of).map_or_else(|| as_of.to_string(), |m| super::when::month_said(lang, m))
        }
    }
}

/// A figure as said with its unit: `164,700,000 views`, `$9.99 a month`, `6,114 titles`.
pub fn value_said(lang: Lang, metric: Metric, value: f64) -> String {
    if metric.is_price() {
        return t!(lang, "rank-value-price", price = format!("{value:.2}"));
    }
    let n = crate::text::grouped(value.round() as u64);
    t!(lang, &format!("rank-value-{}", metric.id()), value = n)
}

/// Answers `/top`: one page of a ranking, or why the figures cannot rank what was asked.
pub fn top(engine: &Engine, args: &RankingArgs, lang: Lang) -> Result<Answer, AnswerError> {
    let metric = args.metric();
    let query = args.command();
    let per_place = metric.row().per_place;
    // What the figures cannot answer is said, with the ranking they can give.
    let plain = RankingArgs {
        cannot: Vec::new(),
        ..args.clone()
    };
    let refuses = args.cannot.iter().any(|c| *c != Cannot::Rated);
    if refuses {
        let mut sentences: Vec<String> = args
            .cannot
            .iter()
            .map(|c| c.said(lang, per_place))
            .collect();
        let mut examples = vec![plain.command()];
        match &args.instead {
            Some(list) => {
                let top = plain.command();
                sentences.push(t!(
                    lang,
                    "rank-try-both",
                    command = top,
                    titles = list.as_str()
                ));
                examples.push(list.clone());
            }
            None => sentences.push(t!(lang, "rank-try", command = plain.command())),
        }
        let body = Body::NotFound(NotFound {
            examples,
            ..NotFound::default()
        });
        return Ok(Answer::new(query, words::join(lang, &sentences), body));
    }
    let mut places = Vec::new();
    let mut unknown = Vec::new();
    for p in &args.places {
        match Places::global().resolve(p) {
            Ok(place) => places.push(place.code.clone()),
            Err(_) => unknown.push(p.clone()),
        }
    }
    if !unknown.is_empty() {
        let message = t!(
            lang,
            "rank-unknown-places",
            places = words::and_list(lang, &unknown)
        );
        return Ok(Answer::new(
            query,
            message,
            Body::NotFound(NotFound::default()),
        ));
    }
    let page = args.page.max(1);
    let filter = RankFilter {
        metric,
        kind: if per_place { None } else { args.kind },
        years: if per_place { None } else { args.years },
        globally: if per_place { None } else { args.globally },
        places: if per_place { places } else { Vec::new() },
        lowest: args.lowest,
        offset: (page - 1) * RANK_PAGE,
        limit: RANK_PAGE,
    };
    let (total, found) = engine.ranking(&filter)?;
    let pages = total.div_ceil(RANK_PAGE);
    if found.is_empty() {
        let key = if total > 0 {
            "rank-past-end"
        } else if per_place {
            "rank-no-figures"
        } else {
            "rank-no-report"
        };
        let message = t!(lang, key, pages = pages);
        return Ok(Answer::new(
            query,
            message,
            Body::NotFound(NotFound::default()),
        ));
    }
    let as_of = found[0].1.as_of.clone();
    let mut sources: Vec<String> = Vec::new();
    for s in found.iter().flat_map(|(_, r)| &r.sources) {
        if !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    let mut rows: Vec<RankRow> = found
        .into_iter()
        .map(|(rank, r)| row(rank, r, lang))
        .collect();
    if per_place {
        place_figures(engine, metric, &mut rows)?;
    }
    let first = rows[0].rank;
    let last = rows[rows.len() - 1].rank;
    let what = match (metric, args.lowest) {
        (Metric::Views | Metric::Hours, _) => match args.kind {
            Some(Kind::Movie) => "rank-what-watched-movie",
            Some(Kind::Tv) => "rank-what-watched-tv",
            None => "rank-what-watched-any",
        },
        (Metric::Library, false) => "rank-what-library-biggest",
        (Metric::Library, true) => "rank-what-library-smallest",
        (_, false) => "rank-what-price-highest",
        (_, true) => "rank-what-price-lowest",
    };
    let plan = match metric.id().strip_prefix("price_") {
        Some(p) => t!(lang, &format!("plan-{p}")),
        None => String::new(),
    };
    let when = as_of
        .as_deref()
        .map(|a| period_said(lang, a))
        .unwrap_or_default();
    // Places asked about by name: their figures side by side, not "the most expensive".
    let what = match (filter.places.len(), metric.is_price()) {
        (0, _) => what,
        (_, true) if total == 1 => "rank-what-place-prices",
        (_, true) => "rank-what-places-prices",
        (_, false) if total == 1 => "rank-what-place-library",
        (_, false) => "rank-what-places-library",
    };
    let place = rows[0].name.clone();
    let mut sentences = Vec::new();
    if args.cannot.contains(&Cannot::Rated) {
        sentences.push(t!(lang, "rank-not-rated"));
    }
    sentences.push(t!(
        lang,
        what,
        when = when,
        plan = plan,
        by = t!(lang, &format!("rank-by-{}", metric.id())),
        place = place.as_str(),
        first = first,
        last = last,
        total = crate::text::grouped(total as u64)
    ));
    let mut filters = Vec::new();
    if let Some(y) = filter.years {
        filters.push(super::when::years_said(lang, "titles-released", y));
    }
    if let Some(g) = filter.globally {
        filters.push(t!(
            lang,
            if g {
                "rank-globally"
            } else {
                "rank-not-globally"
            }
        ));
    }
    if !filters.is_empty() {
        sentences.push(t!(lang, "rank-filters", filters = filters.concat()));
    }
    let body = Body::Ranking(RankingPage {
        metric,
        unit: metric.row().unit,
        as_of,
        sources,
        lowest: args.lowest,
        rows,
        total,
        page,
        pages,
    });
    Ok(Answer::new(query, words::join(lang, &sentences), body))
}

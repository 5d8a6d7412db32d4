//! Rankings: rows with one figure each (a title's views or hours in Netflix's engagement
//! report, a country's Netflix price or library size), indexed as `ranked` documents and read
//! back in order of the figure, filtered by type, release year, "available globally" and place.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::{IndexWriter, Order, TantivyDocument};

use super::query::term_q;
use super::schema::{Fields, KIND_RANKED};
use super::{Engine, SearchError};
use crate::corpus::{Corpus, EngagementRow, Kind, MarketFigures};
use crate::domain::Metric;
use crate::text::fold;

/// One ranked row as stored: the figure and what is said with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedRecord {
    pub metric: Metric,
    /// In the metric's unit (prices in US dollars a month).
    pub value: f64,
    /// The title as the report writes it, or the place's code.
    pub name: String,
    /// A country's code, for rows that are places.
    pub place: Option<String>,
    pub kind: Option<Kind>,
    pub release_date: Option<String>,
    pub available_globally: Option<bool>,
    pub views: Option<u64>,
    pub hours: Option<u64>,
    pub runtime_minutes: Option<u32>,
    /// The catalogue title this row is about, by its name in the catalogues, when one matches.
    pub title: Option<String>,
    /// The period (`2025-01..2025-06`) or month (`2021-12`) of the figure.
    pub as_of: Option<String>,
    pub sources: Vec<String>,
}

/// What a ranking asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct RankFilter {
    pub metric: Metric,
    pub kind: Option<Kind>,
    /// Release years (engagement rows).
    pub years: Option<(u16, u16)>,
    pub globally: Option<bool>,
    /// Only these places (a comparison); empty for all.
    pub places: Vec<String>,
    /// Lowest first ("cheapest", "smallest").
    pub lowest: bool,
    pub offset: usize,
    pub limit: usize,
}

/// Words after a show's name that say which season the row is (`: Season 2`, `: Limited
/// Series`): the catalogues list the show once.
const SEASON_WORDS: &[&str] = &[
    "season",
    "limited series",
    "series",
    "part",
    "volume",
    "vol.",
    "book",
    "chapter",
    "collection",
];

/// The catalogue name a report row is about: the part before ` // ` (the report adds the
/// original-language name) without a season suffix.
pub fn base_name(title: &str) -> &str {
    let name = title.split(" // ").next().unwrap_or(title).trim();
    if let Some((head, tail)) = name.rsplit_once(": ") {
        let tail = tail.to_lowercase();
        if SEASON_WORDS.iter().any(|w| tail.starts_with(w)) {
            return head.trim();
        }
    }
    name
}

fn engagement_records(row: &EngagementRow, title: Option<&String>) -> Vec<RankedRecord> {
    let base = |metric: Metric, value: f64| RankedRecord {
        metric,
        value,
        name: row.title.clone(),
        place: None,
        kind: Some(row.kind),
        release_date: row.release_date.clone(),
        available_globally: row.available_globally,
        views: row.views,
        hours: Some(row.hours_viewed),
        runtime_minutes: row.runtime_minutes,
        title: title.cloned(),
        as_of: Some(row.period.clone()),
        sources: row.sources.clone(),
    };
    let mut out = vec![base(Metric::Hours, row.hours_viewed as f64)];
    if let Some(v) = row.views {
        out.push(base(Metric::Views, v as f64));
    }
    out
}

fn figure_records(f: &MarketFigures) -> Vec<RankedRecord> {
    let base = |metric: Metric, value: f64| RankedRecord {
        metric,
        value,
        name: f.place.clone(),
        place: Some(f.place.clone()),
        kind: None,
        release_date: None,
        available_globally: None,
        views: None,
        hours: None,
        runtime_minutes: None,
        title: None,
        as_of: f.as_of.clone(),
        sources: f.sources.clone(),
    };
    let mut out = Vec::new();
    if let Some(total) = f.library_total {
        out.push(base(Metric::Library, f64::from(total)));
    }
    let plans = [
        Metric::PriceBasic,
        Metric::PriceStandard,
        Metric::PricePremium,
    ];
    for (price, metric) in f.prices_usd.iter().zip(plans) {
        if let Some(p) = price {
            out.push(base(metric, *p));
        }
    }
    out
}

/// Adds the ranked rows of `corpus`; `names` are the catalogues' titles by folded name, which
/// a report row links to when its base name is one of them. Returns how many were added.
pub(super) fn write(
    writer: &IndexWriter,
    f: &Fields,
    corpus: &Corpus,
    names: &HashMap<String, String>,
) -> Result<usize, tantivy::TantivyError> {
    let records = corpus
        .engagement
        .iter()
        .flat_map(|r| engagement_records(r, names.get(&fold(base_name(&r.title)))))
        .chain(corpus.figures.iter().flat_map(figure_records));
    let mut n = 0;
    for r in records {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, KIND_RANKED);
        doc.add_text(f.metric, r.metric.id());
        doc.add_u64(f.value, r.metric.scaled(r.value));
        if let Some(k) = r.kind {
            doc.add_text(f.kind_type, k.as_str());
        }
        if let Some(y) = r
            .release_date
            .as_deref()
            .and_then(|d| d.get(..4)?.parse().ok())
        {
            doc.add_u64(f.year, y);
        }
        if let Some(g) = r.available_globally {
            doc.add_text(f.globally, if g { "yes" } else { "no" });
        }
        if let Some(p) = &r.place {
            doc.add_text(f.place, p);
        }
        doc.add_text(f.data, serde_json::to_string(&r).unwrap_or_default());
        writer.add_document(doc)?;
        n += 1;
    }
    Ok(n)
}

impl Engine {
    /// The rows of a ranking in order of the figure (highest first unless `lowest`): how many
    /// match, and the page asked for with each row's rank among the matches.
    pub fn ranking(
        &self,
        filter: &RankFilter,
    ) -> Result<(usize, Vec<(usize, RankedRecord)>), SearchError> {
        let f = self.fields();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, term_q(f.kind, KIND_RANKED)),
            (Occur::Must, term_q(f.metric, filter.metric.id())),
        ];
        if let Some(k) = filter.kind {
            clauses.push((Occur::Must, term_q(f.kind_type, k.as_str())));
        }
        if let Some(y) = filter.years {
            clauses.push((Occur::Must, super::dates::years(f.year, y)));
        }
        if let Some(g) = filter.globally {
            clauses.push((
                Occur::Must,
                term_q(f.globally, if g { "yes" } else { "no" }),
            ));
        }
        if !filter.places.is_empty() {
            let any = filter
                .places
                .iter()
                .map(|p| (Occur::Should, term_q(f.place, p)))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        let q = BooleanQuery::new(clauses);
        let searcher = self.searcher();
        let total = searcher.search(&q, &Count)?;
        if total == 0 || filter.limit == 0 {
            return Ok((total, Vec::new()));
        }
        let order = if filter.lowest {
            Order::Asc
        } else {
            Order::Desc
        };
        let top = TopDocs::with_limit(filter.limit)
            .and_offset(filter.offset)
            .order_by_fast_field::<u64>("value", order);
        let mut out = Vec::new();
        for (i, (_, addr)) in searcher.search(&q, &top)?.into_iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let json = doc
                .get_first(f.data)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            match serde_json::from_str::<RankedRecord>(json) {
                Ok(r) => out.push((filter.offset + i + 1, r)),
                Err(e) => tracing::warn!(error = %e, "unreadable ranked row"),
            }
        }
        Ok((total, out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_become_catalogue_names() {
        for (report, want) in [
            ("Squid Game: Season 2 // 오징어 게임: 시즌 2", "Squid Game"),
            ("Adolescence: Limited Series", "Adolescence"),
            ("Stranger Things 4", "Stranger Things 4"),
            ("Back in Action", "Back in Action"),
            ("Mission: Impossible", "Mission: Impossible"),
            ("Bridgerton: Season 3", "Bridgerton"),
        ] {
            assert_eq!(base_name(report), want, "{report}");
        }
    }
}

//! A ranking's rows as lines, the same in the terminal and in an embed: rank, name, the figure
//! with its unit, and what the report adds (type, release date, available globally); then the
//! date and the sources of the figures.

use crate::answer::ranking::{RankRow, RankingPage, period_said, value_said};
use crate::domain::Metric;
use crate::i18n::Lang;
use crate::t;

/// One row: `1. Back in Action (movie, 2025-01-17) — 164,700,000 views · 313,000,000 hours`.
pub fn line(page: &RankingPage, r: &RankRow, lang: Lang) -> String {
    let mut details = Vec::new();
    if let Some(k) = r.kind {
        details.push(t!(lang, &format!("rank-kind-{}", k.as_str())));
    }
    if let Some(d) = &r.release_date {
        details.push(d.clone());
    }
    if r.available_globally == Some(false) {
        details.push(t!(lang, "rank-row-not-globally"));
    }
    let mut figures = vec![if r.also.is_empty() {
        value_said(lang, page.metric, r.value)
    } else {
        also_said(lang, page.metric, r.value)
    }];
    // The other engagement figure beside the ranked one.
    match page.metric {
        Metric::Views => figures.extend(r.hours.map(|h| value_said(lang, Metric::Hours, h as f64))),
        Metric::Hours => figures.extend(r.views.map(|v| value_said(lang, Metric::Views, v as f64))),
        _ => figures.extend(r.also.iter().map(|a| also_said(lang, a.metric, a.value))),
    }
    let details = if details.is_empty() {
        String::new()
    } else {
        t!(lang, "rank-row-details", details = details.join(", "))
    };
    t!(
        lang,
        "rank-row",
        rank = r.rank.to_string(),
        name = r.name.as_str(),
        details = details,
        figures = figures.join(" · ")
    )
}

/// Another figure of a place: `Premium $17.99`, `5,818 titles`.
fn also_said(lang: Lang, metric: Metric, value: f64) -> String {
    match metric.id().strip_prefix("price_") {
        Some(plan) => format!("{} ${value:.2}", t!(lang, &format!("plan-{plan}"))),
        None => value_said(lang, metric, value),
    }
}

/// The figures' date and sources: `Figures: January–June 2025 · Source: …`.
pub fn footer(page: &RankingPage, lang: Lang) -> String {
    let when = page
        .as_of
        .as_deref()
        .map(|a| period_said(lang, a))
        .unwrap_or_default();
    t!(
        lang,
        "rank-footer",
        when = when,
        sources = page.sources.join(" · ")
    )
}

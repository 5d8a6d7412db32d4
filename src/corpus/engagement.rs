//! Netflix's engagement report (`netflix_engagement_2025H1_shows.csv`, `…_movies.csv`): views
//! and hours viewed of every show and film for half a year, the only popularity figures the bot
//! holds. Loaded when present; every answer from it says its period and source.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CorpusError;
use super::Kind;
use super::report::{Action, LoadReport};

/// One row of the report: a show's season or a film.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngagementRow {
    /// As the report writes it (`Squid Game: Season 2 // 오징어 게임: 시즌 2`).
    pub title: String,
    pub kind: Kind,
    /// "Available globally" (`Yes`/`No`); `None` when blank.
    pub available_globally: Option<bool>,
    /// `YYYY-MM-DD`; `None` when blank (older titles).
    pub release_date: Option<String>,
    pub hours_viewed: u64,
    /// Minutes.
    pub runtime_minutes: Option<u32>,
    /// Hours viewed divided by runtime, as Netflix reports it.
    pub views: Option<u64>,
    /// The report's period, `2025-01..2025-06`.
    pub period: String,
    pub sources: Vec<String>,
    pub file: String,
    pub line: u64,
}

/// The report's public origin, shown with every figure (see `shared/data/SOURCES.md`).
const REPORT: &str = "Netflix, “What We Watched: A Netflix Engagement Report”";
const REPORT_URL: &str = "https://assets.ctfassets.net/4cd45et68cgf/mplcXj5ulHDfbCPCr0f0I/5dbb6ec09f03df89706476e380e9b8bd/What_We_Watched_A_Netflix_Engagement_Report_2025Jan-Jun.xlsx";

/// `netflix_engagement_2025H1_shows` → the kind and the period `2025-01..2025-06`.
pub fn kind_and_period(stem: &str) -> Option<(Kind, String)> {
    let lower = stem.to_ascii_lowercase();
    if !lower.contains("engagement") {
        return None;
    }
    let kind = if lower.ends_with("_shows") {
        Kind::Tv
    } else if lower.ends_with("_movies") || lower.ends_with("_films") {
        Kind::Movie
    } else {
        return None;
    };
    let half = lower.split('_').find_map(|part| {
        let (y, h) = part.split_once('h')?;
        let y: u16 = y.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        match h {
            "1" => Some(format!("{y}-01..{y}-06")),
            "2" => Some(format!("{y}-07..{y}-12")),
            _ => None,
        }
    })?;
    Some((kind, half))
}

/// `1:54` → 114 minutes.
fn minutes(runtime: &str) -> Option<u32> {
    let (h, m) = runtime.trim().split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

pub(super) fn read(
    path: &Path,
    label: &str,
    kind: Kind,
    period: &str,
    report: &mut LoadReport,
) -> Result<Vec<EngagementRow>, CorpusError> {
    let bytes = super::read(path)?;
    let input = super::strip_bom(&bytes);
    let Some((mut rdr, headers)) = super::csv_with_header(input, label, report) else {
        return Ok(Vec::new());
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(title_col), Some(hours_col)) = (col("title"), col("hours_viewed")) else {
        report.note(
            label,
            1,
            Action::Skipped,
            "not an engagement report (needs title and hours_viewed columns)",
        );
        return Ok(Vec::new());
    };
    let (globally, released, runtime, views) = (
        col("available_globally"),
        col("release_date"),
        col("runtime"),
        col("views"),
    );
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sources = vec![format!("{name}, from {REPORT}"), REPORT_URL.to_string()];
    let mut out = Vec::new();
    for rec in rdr.records() {
        let Some((rec, line)) = super::csv_row(rec, input, label, report) else {
            continue;
        };
        let cell = |c: Option<usize>| c.and_then(|c| rec.get(c)).filter(|v| !v.is_empty());
        let title = rec.get(title_col).unwrap_or("");
        let hours = cell(Some(hours_col)).and_then(|v| v.parse::<u64>().ok());
        let (false, Some(hours_viewed)) = (title.is_empty(), hours) else {
            report.note(label, line, Action::Skipped, "no title or no hours viewed");
            continue;
        };
        out.push(EngagementRow {
            title: crate::text::truncate(title, 300).to_string(),
            kind,
            available_globally: cell(globally).and_then(|v| {
                match v.to_ascii_lowercase().as_str() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                }
            }),
            release_date: cell(released)
                .and_then(super::parse_day)
                .map(|d| d.to_string()),
            hours_viewed,
            runtime_minutes: cell(runtime).and_then(minutes),
            views: cell(views).and_then(|v| v.parse().ok()),
            period: period.to_string(),
            sources: sources.clone(),
            file: name.clone(),
            line,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_and_half_year_come_from_the_name() {
        for (stem, want) in [
            (
                "netflix_engagement_2025H1_shows",
                Some((Kind::Tv, "2025-01..2025-06")),
            ),
            (
                "netflix_engagement_2024H2_movies",
                Some((Kind::Movie, "2024-07..2024-12")),
            ),
            ("netflix_engagement_2025H3_shows", None),
            ("netflix_engagement_report_2025H1", None),
            ("netflix_titles", None),
        ] {
            let got = kind_and_period(stem);
            assert_eq!(got.as_ref().map(|(k, p)| (*k, p.as_str())), want, "{stem}");
        }
        assert_eq!(minutes("1:54"), Some(114));
        assert_eq!(minutes("7:10"), Some(430));
        assert_eq!(minutes("soon"), None);
    }
}

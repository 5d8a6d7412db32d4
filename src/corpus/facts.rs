//! Sourced availability facts from `countries.csv`: per service and place, the status, since when,
//! why (a category and a sentence), how sure we are and where it comes from.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CorpusError;
use super::report::{Action, LoadReport};
pub use crate::domain::{Category, Status};
use crate::places::Places;

/// `*` in the place column: every place without rows of its own.
pub const EVERYWHERE_ELSE: &str = "*";

/// One row of `countries.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceFact {
    pub service: String,
    /// A place code from [`Places`], or [`EVERYWHERE_ELSE`].
    pub place: String,
    pub status: Status,
    pub since: Option<String>,
    pub category: Category,
    pub fact: String,
    /// The fact in Chinese (`fact_zh`, an optional last column), written for the places the
    /// essay names and the services' main facts; answers in Chinese fall back to `fact`.
    pub fact_zh: Option<String>,
    pub confidence: Option<String>,
    pub sources: Vec<String>,
    pub file: String,
    pub line: u64,
}

#[derive(Debug, Deserialize)]
struct Row {
    service: String,
    place: String,
    status: String,
    #[serde(default)]
    since: String,
    category: String,
    fact: String,
    #[serde(default)]
    confidence: String,
    #[serde(default)]
    fact_zh: String,
    #[serde(default)]
    sources: String,
}

/// Splits a `sources` cell: ` ; `-separated URLs or citations.
pub fn split_sources(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn read(
    path: &Path,
    label: &str,
    report: &mut LoadReport,
) -> Result<Vec<PlaceFact>, CorpusError> {
    let bytes = super::read(path)?;
    let input = super::strip_bom(&bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let places = Places::global();
    let mut out = Vec::new();
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            report.note(label, 1, Action::Skipped, format!("unreadable header: {e}"));
            return Ok(Vec::new());
        }
    };
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = super::csv_line(e.position(), input);
                report.note(label, line, Action::Skipped, format!("unreadable row: {e}"));
                continue;
            }
        };
        let line = super::csv_line(rec.position(), input);
        // A row written before the optional `fact_zh` column was added lacks only that cell.
        let mut rec = rec;
        if rec.len() + 1 == headers.len() && headers.get(rec.len()) == Some("fact_zh") {
            rec.push_field("");
        }
        let row = match rec.deserialize::<Row>(Some(&headers)) {
            Ok(r) => r,
            Err(e) => {
                report.note(label, line, Action::Skipped, format!("unreadable row: {e}"));
                continue;
            }
        };
        let mut skip = |why: String| report.note(label, line, Action::Skipped, why);
        let place = if row.place == EVERYWHERE_ELSE {
            EVERYWHERE_ELSE.to_string()
        } else {
            match places.exact(&row.place) {
                Some(p) => p.code.clone(),
                None => {
                    skip(format!("unknown place {:?}", row.place));
                    continue;
                }
            }
        };
        let Some(status) = Status::parse(&row.status) else {
            skip(format!("unknown status {:?}", row.status));
            continue;
        };
        let Some(category) = Category::parse(&row.category) else {
            skip(format!("unknown category {:?}", row.category));
            continue;
        };
        let sources = split_sources(&row.sources);
        if row.fact.is_empty() || sources.is_empty() {
            skip("a fact needs its text and at least one source".to_string());
            continue;
        }
        let service = row.service.to_ascii_lowercase();
        if service.is_empty() {
            skip("missing service".to_string());
            continue;
        }
        out.push(PlaceFact {
            service,
            place,
            status,
            since: (!row.since.is_empty()).then_some(row.since),
            category,
            fact: row.fact,
            fact_zh: (!row.fact_zh.is_empty()).then_some(row.fact_zh),
            confidence: (!row.confidence.is_empty()).then_some(row.confidence),
            sources,
            file: label.to_string(),
            line,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_split_on_semicolons() {
        assert_eq!(
            split_sources("https://a.example/x ; b.com (g=1);"),
            vec!["https://a.example/x".to_string(), "b.com (g=1)".to_string()]
        );
    }

    #[test]
    fn rows_without_source_or_with_unknown_place_are_skipped() {
        let dir = std::env::temp_dir().join(format!("streambot-facts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("countries.csv");
        std::fs::write(
            &path,
            "service,place,status,since,category,fact,confidence,sources\n\
             netflix,CN,unavailable,,regulation,Permit needed.,medium,https://x.example\n\
             netflix,Narnia,unavailable,,regulation,Nope.,low,https://x.example\n\
             netflix,SY,unavailable,,sanctions,No source.,high,\n\
             netflix,RU,gone,,war,Bad status.,high,https://x.example\n",
        )
        .unwrap();
        let mut report = LoadReport::default();
        let facts = read(&path, "countries.csv", &mut report).unwrap();
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].place, "CN");
        assert_eq!(facts[0].line, 2);
        let lines: Vec<u64> = report.notes.iter().map(|n| n.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_chinese_text_is_an_optional_last_column() {
        let dir = std::env::temp_dir().join(format!("streambot-facts-zh-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("countries.csv");
        std::fs::write(
            &path,
            "service,place,status,since,category,fact,confidence,sources,fact_zh\n\
             netflix,KP,unavailable,,sanctions,Sanctions.,high,https://x.example,因为制裁。\n\
             netflix,SY,unavailable,,sanctions,Sanctions.,high,https://x.example,\n\
             netflix,CU,unavailable,,sanctions,Sanctions.,high,https://x.example\n",
        )
        .unwrap();
        let mut report = LoadReport::default();
        let facts = read(&path, "countries.csv", &mut report).unwrap();
        let zh: Vec<Option<&str>> = facts.iter().map(|f| f.fact_zh.as_deref()).collect();
        assert_eq!(zh, vec![Some("因为制裁。"), None, None]);
        std::fs::remove_dir_all(dir).ok();
    }
}

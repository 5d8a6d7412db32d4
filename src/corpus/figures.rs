//! Per-country figures such as `netflix_subscription_fee_dec2021.csv` (library size and monthly
//! prices per market), loaded when present and always shown with their date.

use std::path::Path;

use serde::Serialize;

use super::CorpusError;
use super::report::{Action, LoadReport};
use crate::places::Places;

/// Library size and prices of one service in one market, as of one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarketFigures {
    pub service: String,
    pub place: String,
    /// `YYYY-MM`, from the file name (`…_dec2021.csv` → `2021-12`).
    pub as_of: Option<String>,
    pub library_total: Option<u32>,
    pub tv_shows: Option<u32>,
    pub movies: Option<u32>,
    /// Monthly prices in US dollars: basic, standard, premium.
    pub prices_usd: [Option<f64>; 3],
    /// Where the figures come from, as shown to people: the file's name and its public
    /// origin, never a local path.
    pub sources: Vec<String>,
    pub file: String,
    pub line: u64,
}

/// Public origins of the figures files we know, by file name (see `shared/data/SOURCES.md`).
const ORIGINS: &[(&str, &str, &str)] = &[(
    "netflix_subscription_fee_dec2021.csv",
    "Kaggle dataset \"Netflix subscription price in different countries\" (Prasert Kanawattanachai), file \"Netflix subscription fee Dec-2021.csv\"",
    "https://www.kaggle.com/datasets/prasertk/netflix-subscription-price-in-different-countries",
)];

/// The sources shown for a figures file: its name (never the folder it was read from) with
/// its public origin when known, and the origin's address.
pub fn sources_of(path: &Path) -> Vec<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match ORIGINS
        .iter()
        .find(|(file, _, _)| file.eq_ignore_ascii_case(&name))
    {
        Some((_, origin, url)) => vec![format!("{name}, from the {origin}"), url.to_string()],
        None => vec![name],
    }
}

/// `netflix_subscription_fee_dec2021` → `Some("2021-12")`.
pub fn date_from_name(stem: &str) -> Option<String> {
    let lower = stem.to_ascii_lowercase();
    for part in lower.split(['_', '-', ' ']) {
        if part.len() == 7
            && let Some(m) = crate::text::MONTHS
                .iter()
                .position(|m| part.starts_with(&m[..3].to_ascii_lowercase()))
            && let Ok(y) = part[3..].parse::<u16>()
        {
            return Some(format!("{y}-{:02}", m + 1));
        }
    }
    None
}

pub(super) fn read(
    path: &Path,
    label: &str,
    service: &str,
    report: &mut LoadReport,
) -> Result<Vec<MarketFigures>, CorpusError> {
    let bytes = super::read(path)?;
    let input = super::strip_bom(&bytes);
    let Some((mut rdr, headers)) = super::csv_with_header(input, label, report) else {
        return Ok(Vec::new());
    };
    let col = |needle: &str| headers.iter().position(|h| h.contains(needle));
    let (Some(code_col), Some(total_col)) = (col("country_code"), col("library size")) else {
        report.note(
            label,
            1,
            Action::Skipped,
            "not a figures file (needs Country_code and Total Library Size columns)",
        );
        return Ok(Vec::new());
    };
    let cols = [
        col("tv shows"),
        col("movies"),
        col("basic"),
        col("standard"),
        col("premium"),
    ];
    let as_of = path
        .file_stem()
        .and_then(|s| date_from_name(&s.to_string_lossy()));
    let places = Places::global();
    let sources = sources_of(path);
    let mut out = Vec::new();
    for rec in rdr.records() {
        let Some((rec, line)) = super::csv_row(rec, input, label, report) else {
            continue;
        };
        let code = rec.get(code_col).unwrap_or("");
        let Some(place) = places.by_code(code) else {
            report.note(
                label,
                line,
                Action::Skipped,
                format!("unknown country code {code:?}"),
            );
            continue;
        };
        let num = |c: Option<usize>| c.and_then(|c| rec.get(c)).and_then(|v| v.parse().ok());
        let price = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite())
        };
        out.push(MarketFigures {
            service: service.to_string(),
            place: place.code.clone(),
            as_of: as_of.clone(),
            library_total: num(Some(total_col)),
            tv_shows: num(cols[0]),
            movies: num(cols[1]),
            prices_usd: [price(cols[2]), price(cols[3]), price(cols[4])],
            sources: sources.clone(),
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
    fn dates_come_from_file_names() {
        assert_eq!(
            date_from_name("netflix_subscription_fee_dec2021").as_deref(),
            Some("2021-12")
        );
        assert_eq!(date_from_name("fees_2021"), None);
    }

    #[test]
    fn sources_name_the_file_and_its_origin_never_the_folder() {
        let s = sources_of(Path::new(
            "../shared/data/netflix_subscription_fee_dec2021.csv",
        ));
        assert_eq!(
            s,
            vec![
                "netflix_subscription_fee_dec2021.csv, from the Kaggle dataset \"Netflix subscription price in different countries\" (Prasert Kanawattanachai), file \"Netflix subscription fee Dec-2021.csv\"".to_string(),
                "https://www.kaggle.com/datasets/prasertk/netflix-subscription-price-in-different-countries".to_string(),
            ]
        );
        assert_eq!(
            sources_of(Path::new("/tmp/x/fees_2021.csv")),
            vec!["fees_2021.csv".to_string()]
        );
    }
}

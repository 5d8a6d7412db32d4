//! Title files in the common schema (`show_id,type,title,director,cast,country,date_added,
//! release_year,rating,duration,listed_in,description`), read row by row so that one bad row
//! never loses the others, with every known quirk of the public datasets repaired and reported.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CorpusError;
use super::report::{Action, LoadReport};
use super::source::{InMemory, Source, Window};
use crate::domain::Service;
pub use crate::domain::{Kind, service_name};
use crate::places::Places;

/// A date from `date_added`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// The month of the day.
    pub fn month_of(self) -> crate::domain::Month {
        crate::domain::Month {
            year: self.year,
            month: self.month,
        }
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Parses `August 4, 2017` (the datasets' format) or `2017-08-04`.
pub fn parse_day(s: &str) -> Option<Day> {
    let s = s.trim();
    if let [y, m, d] = s.split('-').collect::<Vec<_>>()[..] {
        return day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    let (month_day, year) = s.split_once(',')?;
    let (month, d) = month_day.trim().split_once(' ')?;
    let month = month.to_ascii_lowercase();
    let m = crate::text::MONTHS.iter().position(|n| {
        let n = n.to_ascii_lowercase();
        n == month || (month.len() >= 3 && n.starts_with(&month))
    })?;
    day(
        year.trim().parse().ok()?,
        m as u8 + 1,
        d.trim().parse().ok()?,
    )
}

fn day(year: u16, month: u8, d: u8) -> Option<Day> {
    ((1800..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&d)).then_some(
        Day {
            year,
            month,
            day: d,
        },
    )
}

/// One row of a title file, cleaned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleRow {
    pub service: String,
    pub show_id: String,
    pub kind: Kind,
    pub title: String,
    pub aka: Option<String>,
    pub director: Vec<String>,
    pub cast: Vec<String>,
    /// Production countries as named in the file.
    pub countries: Vec<String>,
    /// Their place codes, where known.
    pub origin: Vec<String>,
    pub date_added: Option<Day>,
    pub release_year: Option<u16>,
    pub rating: Option<String>,
    pub duration: Option<String>,
    pub genres: Vec<String>,
    pub description: String,
    pub sources: Vec<String>,
    pub file: String,
    pub line: u64,
}

/// The columns of the four public datasets, in their order (the loader also reads a few more,
/// such as `aka` and `sources`, and maps columns by name, not position).
pub const COMMON_COLUMNS: [&str; 12] = [
    "show_id",
    "type",
    "title",
    "director",
    "cast",
    "country",
    "date_added",
    "release_year",
    "rating",
    "duration",
    "listed_in",
    "description",
];

/// The longest cell we keep; longer cells are cut and reported.
pub const MAX_CELL_BYTES: usize = 8 * 1024;

/// `netflix_titles.csv` → `netflix`; `amazon_prime_titles.csv` → `amazon_prime`. A file of a
/// service the table does not know takes the part of its name before `_titles`.
pub fn service_from_file_name(name: &str) -> Option<String> {
    let stem = name.strip_suffix(".csv")?;
    let stem = stem.strip_suffix("_titles")?.to_ascii_lowercase();
    if let Some(known) = Service::all().find(|s| stem.starts_with(s.id())) {
        return Some(known.id().to_string());
    }
    let ok = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    ok.then_some(stem)
}

#[derive(Default)]
struct Columns {
    show_id: Option<usize>,
    kind: Option<usize>,
    title: Option<usize>,
    director: Option<usize>,
    cast: Option<usize>,
    country: Option<usize>,
    date_added: Option<usize>,
    release_year: Option<usize>,
    rating: Option<usize>,
    duration: Option<usize>,
    listed_in: Option<usize>,
    description: Option<usize>,
    aka: Option<usize>,
    sources: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::ByteRecord) -> Columns {
        let mut c = Columns::default();
        for (i, name) in header.iter().enumerate() {
            let name = String::from_utf8_lossy(name).trim().to_ascii_lowercase();
            let slot = match name.as_str() {
                "show_id" | "id" => &mut c.show_id,
                "type" => &mut c.kind,
                "title" => &mut c.title,
                "director" => &mut c.director,
                "cast" => &mut c.cast,
                "country" => &mut c.country,
                "date_added" => &mut c.date_added,
                "release_year" => &mut c.release_year,
                "rating" => &mut c.rating,
                "duration" => &mut c.duration,
                "listed_in" => &mut c.listed_in,
                "description" => &mut c.description,
                "aka" | "original_title" => &mut c.aka,
                "sources" | "source" => &mut c.sources,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        c
    }
}

/// A row's cells as text, with what had to be repaired noted.
struct Cells<'a> {
    rec: &'a csv::ByteRecord,
    repairs: Vec<String>,
}

impl Cells<'_> {
    fn get(&mut self, col: Option<usize>, name: &str) -> String {
        let Some(raw) = col.and_then(|c| self.rec.get(c)) else {
            return String::new();
        };
        let mut text = match std::str::from_utf8(raw) {
            Ok(s) => s.to_string(),
            Err(_) => {
                self.repairs.push(format!("{name}: invalid UTF-8 replaced"));
                String::from_utf8_lossy(raw).into_owned()
            }
        };
        if text.len() > MAX_CELL_BYTES {
            text = crate::text::truncate(&text, MAX_CELL_BYTES);
            self.repairs
                .push(format!("{name}: cut to {MAX_CELL_BYTES} bytes"));
        }
        let trimmed = text.trim();
        if trimmed.len() != text.len() && name == "date_added" {
            self.repairs.push(format!(
                "date_added: surrounding spaces trimmed from {text:?}"
            ));
        }
        trimmed.to_string()
    }
}

fn list(cell: &str) -> (Vec<String>, bool) {
    let mut stray = false;
    let mut out: Vec<String> = Vec::new();
    for part in cell.split(',') {
        let part = part.trim();
        if part.is_empty() {
            stray = true;
        } else if !out.iter().any(|o| o == part) {
            out.push(part.to_string());
        }
    }
    (out, stray && !cell.trim().is_empty())
}

fn looks_like_duration(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    s.starts_with(|c: char| c.is_ascii_digit())
        && (lower.ends_with(" min") || lower.ends_with(" season") || lower.ends_with(" seasons"))
}

/// Reads one title file, handing each row to `row` as it is parsed (the file is never held
/// whole). File-level problems (no `title` column) are reported, not raised.
pub(super) fn read_each(
    path: &Path,
    label: &str,
    service: &str,
    report: &mut LoadReport,
    row: &mut dyn FnMut(TitleRow),
) -> Result<(), CorpusError> {
    let source = Window::open(path).map_err(|source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_from(source, label, service, report, row);
    Ok(())
}

/// Parses title CSV bytes (used to validate uploads before they are stored).
pub fn parse(
    bytes: &[u8],
    label: &str,
    service: &str,
    report: &mut LoadReport,
) -> Result<Vec<TitleRow>, CorpusError> {
    let mut out = Vec::new();
    let source = InMemory { bytes, at: 0 };
    parse_from(source, label, service, report, &mut |r| out.push(r));
    Ok(out)
}

fn parse_from<S: Source>(
    source: S,
    label: &str,
    service: &str,
    report: &mut LoadReport,
    emit: &mut dyn FnMut(TitleRow),
) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(source);
    let header = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            report.note(label, 1, Action::Skipped, format!("unreadable header: {e}"));
            return;
        }
    };
    let cols = Columns::from_header(&header);
    if cols.title.is_none() {
        report.note(
            label,
            1,
            Action::Skipped,
            "no `title` column: not a titles file in the common schema",
        );
        return;
    }
    let places = Places::global();
    let mut country_cache: HashMap<String, Option<String>> = HashMap::new();
    let mut rec = csv::ByteRecord::new();
    loop {
        if let Some(p) = rec.position() {
            rdr.get_mut().forget_before(p.byte());
        }
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = rdr.get_ref().line(e.position());
                report.note(label, line, Action::Skipped, format!("unreadable row: {e}"));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = rdr.get_ref().line(rec.position());
        if rec.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let mut cells = Cells {
            rec: &rec,
            repairs: Vec::new(),
        };
        if rec.len() != header.len() {
            cells.repairs.push(format!(
                "{} fields where the header has {}",
                rec.len(),
                header.len()
            ));
        }
        let title = cells.get(cols.title, "title");
        if title.is_empty() {
            report.note(label, line, Action::Skipped, "empty title");
            continue;
        }
        let mut rating = cells.get(cols.rating, "rating");
        let mut duration = cells.get(cols.duration, "duration");
        if duration.is_empty() && looks_like_duration(&rating) {
            cells.repairs.push(format!(
                "duration {rating:?} moved out of the rating column"
            ));
            duration = std::mem::take(&mut rating);
        }
        let type_cell = cells.get(cols.kind, "type");
        let kind = match Kind::parse(&type_cell) {
            Some(k) => k,
            None => {
                let lower = duration.to_ascii_lowercase();
                let guess = if lower.contains("season") {
                    Some(Kind::Tv)
                } else if lower.ends_with("min") {
                    Some(Kind::Movie)
                } else {
                    None
                };
                match guess {
                    Some(k) => {
                        cells.repairs.push(format!(
                            "type {type_cell:?} unknown; {} from duration {duration:?}",
                            k.as_str()
                        ));
                        k
                    }
                    None => {
                        report.note(
                            label,
                            line,
                            Action::Skipped,
                            format!("unknown type {type_cell:?} for {title:?}"),
                        );
                        continue;
                    }
                }
            }
        };
        let (countries, stray) = list(&cells.get(cols.country, "country"));
        if stray {
            cells
                .repairs
                .push("stray comma in country dropped".to_string());
        }
        let mut origin = Vec::new();
        for name in &countries {
            let code = country_cache
                .entry(name.clone())
                .or_insert_with(|| places.resolve(name).ok().map(|p| p.code.clone()));
            match code {
                Some(c) if !origin.contains(c) => origin.push(c.clone()),
                Some(_) => {}
                None => cells
                    .repairs
                    .push(format!("country {name:?} unknown, kept without a code")),
            }
        }
        let date_cell = cells.get(cols.date_added, "date_added");
        let date_added = if date_cell.is_empty() {
            None
        } else {
            let d = parse_day(&date_cell);
            if d.is_none() {
                cells
                    .repairs
                    .push(format!("date_added {date_cell:?} unreadable, left empty"));
            }
            d
        };
        let year_cell = cells.get(cols.release_year, "release_year");
        let release_year = if year_cell.is_empty() {
            None
        } else {
            let y = year_cell
                .parse::<u16>()
                .ok()
                .filter(|y| (1870..=2100).contains(y));
            if y.is_none() {
                cells
                    .repairs
                    .push(format!("release_year {year_cell:?} unreadable, left empty"));
            }
            y
        };
        let show_id = match cells.get(cols.show_id, "show_id") {
            id if id.is_empty() => format!("line{line}"),
            id => id,
        };
        let opt = |s: String| (!s.is_empty()).then_some(s);
        let row = TitleRow {
            service: service.to_string(),
            show_id,
            kind,
            title,
            aka: opt(cells.get(cols.aka, "aka")),
            director: list(&cells.get(cols.director, "director")).0,
            cast: list(&cells.get(cols.cast, "cast")).0,
            countries,
            origin,
            date_added,
            release_year,
            rating: opt(rating),
            duration: opt(duration),
            genres: list(&cells.get(cols.listed_in, "listed_in")).0,
            description: cells.get(cols.description, "description"),
            sources: super::facts::split_sources(&cells.get(cols.sources, "sources")),
            file: label.to_string(),
            line,
        };
        for repair in cells.repairs {
            report.note(label, line, Action::Repaired, repair);
        }
        emit(row);
    }
}

#[cfg(test)]
mod tests;

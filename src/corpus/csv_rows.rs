//! Reading the data's CSV files the same way everywhere: the header lowercased, unreadable
//! rows noted in the load report with their real line number, never fatal.

use super::report::{Action, LoadReport};

/// The line a CSV record starts on, 1-based. The csv crate puts the start of a record that
/// follows a CRLF (or blank CRLF lines) on the line ending before it, one or more lines too
/// early; `input` is what the reader read. No record starts with a line ending, so the ones at
/// the reported start are skipped and counted.
pub(crate) fn csv_line(pos: Option<&csv::Position>, input: &[u8]) -> u64 {
    csv_line_in(pos, input, 0)
}

/// [`csv_line`] when `input` holds the bytes from offset `base` of what the reader read.
pub(crate) fn csv_line_in(pos: Option<&csv::Position>, input: &[u8], base: u64) -> u64 {
    let Some(pos) = pos else { return 0 };
    let at = usize::try_from(pos.byte().saturating_sub(base)).unwrap_or(usize::MAX);
    let newlines = input
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .filter(|&&b| b == b'\n')
        .count();
    pos.line() + newlines as u64
}

/// A CSV reader over `input` (cells trimmed, rows of any length) and its header, lowercased;
/// `None` when the header cannot be read, which is noted in `report`.
pub(crate) fn csv_with_header<'a>(
    input: &'a [u8],
    label: &str,
    report: &mut LoadReport,
) -> Option<(csv::Reader<&'a [u8]>, Vec<String>)> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    match rdr.headers() {
        Ok(h) => {
            let headers = h.iter().map(|s| s.to_ascii_lowercase()).collect();
            Some((rdr, headers))
        }
        Err(e) => {
            report.note(label, 1, Action::Skipped, format!("unreadable header: {e}"));
            None
        }
    }
}

/// A row and its line, or `None` when it cannot be read, which is noted in `report`.
pub(crate) fn csv_row(
    rec: Result<csv::StringRecord, csv::Error>,
    input: &[u8],
    label: &str,
    report: &mut LoadReport,
) -> Option<(csv::StringRecord, u64)> {
    match rec {
        Ok(r) => {
            let line = csv_line(r.position(), input);
            Some((r, line))
        }
        Err(e) => {
            let line = csv_line(e.position(), input);
            report.note(label, line, Action::Skipped, format!("unreadable row: {e}"));
            None
        }
    }
}

//! Fuzzes CSV ingestion and the upload validator on any bytes: never a panic, every record the
//! CSV reader sees loaded or skipped, uploads refused with a reason or kept under `uploads/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use streambot::corpus::upload::{self, UploadError, UploadKind};
use streambot::corpus::{Action, LoadReport, parse_titles, strip_bom};

const NAMES: &[&str] = &[
    "netflix_titles.csv",
    "../../hulu_titles.csv",
    "..\\x_titles.csv",
    "notes.md",
    "essay.txt",
    "run.sh",
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    // Titles CSV, as the loader reads a data file.
    let bytes = strip_bom(rest);
    let mut report = LoadReport::default();
    let loaded = parse_titles(bytes, "f.csv", "netflix", &mut report).expect("parses");
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = rdr.byte_headers().expect("a header").clone();
    let has_title = header.iter().any(|h| {
        String::from_utf8_lossy(h)
            .trim()
            .eq_ignore_ascii_case("title")
    });
    let skipped = report.count(Action::Skipped);
    if has_title {
        let records = rdr
            .byte_records()
            .map(|r| r.expect("a record"))
            .filter(|r| !r.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)))
            .count();
        assert_eq!(loaded.len() + skipped, records);
        let mut lines: Vec<u64> = loaded.iter().map(|r| r.line).collect();
        lines.extend(
            report
                .notes
                .iter()
                .filter(|n| n.action == Action::Skipped)
                .map(|n| n.line),
        );
        let n = lines.len();
        lines.sort_unstable();
        lines.dedup();
        // The csv crate counts lines by `\n` only, so rows ended by a bare `\r` share a line.
        let bare_cr = bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if !bare_cr {
            assert_eq!(lines.len(), n, "two rows on one line");
        }
    } else {
        assert!(loaded.is_empty());
        assert_eq!(report.notes.len(), 1);
    }
    for row in &loaded {
        assert!(!row.title.is_empty() && !row.show_id.is_empty());
    }

    // The same bytes as an upload, under a name picked by the first byte (or given before a NUL).
    let (name, body) = match rest.iter().position(|&b| b == 0) {
        Some(at) if mode & 0x80 != 0 => (
            String::from_utf8_lossy(&rest[..at]).into_owned(),
            &rest[at + 1..],
        ),
        _ => (NAMES[usize::from(mode) % NAMES.len()].to_string(), rest),
    };
    match upload::validate(&name, body) {
        Ok(c) => {
            assert!(std::str::from_utf8(strip_bom(body)).is_ok());
            assert!(c.target.starts_with("uploads"));
            assert!(
                c.target
                    .components()
                    .all(|p| matches!(p, std::path::Component::Normal(_))),
                "{:?}",
                c.target
            );
            match c.kind {
                UploadKind::Titles { rows, .. } => assert!(rows >= 1),
                UploadKind::Document { .. } => {
                    assert!(c.name.ends_with(".txt") || c.name.ends_with(".md"))
                }
            }
        }
        Err(UploadError::Empty) => assert!(body.iter().all(u8::is_ascii_whitespace)),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});

//! CSV ingestion and uploads: every row loaded or skipped on its own line; uploads stay inside.

use super::*;

/// The public datasets' columns and the two extra ones the loader reads.
fn columns() -> Vec<&'static str> {
    let mut all = COMMON_COLUMNS.to_vec();
    all.extend(["aka", "sources"]);
    all
}

const CELLS: &[&str] = &[
    "Movie",
    "TV Show",
    "movie",
    "Thing",
    "",
    " ",
    "\t",
    "China, ",
    ", South Korea",
    "United States,India",
    "Kosovo",
    "August 4, 2017",
    " August 4, 2017",
    "2017-08-04",
    "Smarch 1, 2020",
    "2017",
    "99999",
    "74 min",
    "2 Seasons",
    "TV-MA",
    "\"",
    "\"\"",
    ",",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "a,b",
    "中国",
    "@everyone",
    "Breaking Bad",
];

fn cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(CELLS).prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::collection::vec(any::<u8>(), 0..16),
        2 => short().prop_map(String::into_bytes),
        1 => (any::<u8>(), MAX_CELL_BYTES - 8..MAX_CELL_BYTES + 64).prop_map(|(b, n)| vec![b; n]),
        1 => (0..MAX_CELL_BYTES + 64).prop_map(|n| "é".repeat(n / 2).into_bytes()),
    ]
}

fn header() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let name = prop_oneof![
        6 => prop::sample::select(columns()).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::sample::select(columns()).prop_map(|s| format!(" {} ", s.to_uppercase()).into_bytes()),
        1 => cell(),
    ];
    (
        prop::collection::vec(name, 0..16),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut names, at)| {
            let at = at.index(names.len() + 1);
            names.insert(at, b"title".to_vec());
            names
        })
}

/// Writes rows as CSV (quoting where needed, or always), returning the bytes and the line on
/// which each row starts.
fn write_csv(rows: &[Vec<Vec<u8>>], crlf: bool, always_quote: bool) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut starts = Vec::new();
    for row in rows {
        starts.push(1 + out.iter().filter(|&&b| b == b'\n').count() as u64);
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let quote = always_quote
                || cell
                    .iter()
                    .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
            if quote {
                out.push(b'"');
                for &b in cell {
                    if b == b'"' {
                        out.push(b'"');
                    }
                    out.push(b);
                }
                out.push(b'"');
            } else {
                out.extend_from_slice(cell);
            }
        }
        out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
    (out, starts)
}

/// A cell as ingestion reads it: lossy UTF-8, cut to [`MAX_CELL_BYTES`], trimmed.
fn cell_text(cell: &[u8]) -> String {
    let text = String::from_utf8_lossy(cell);
    streambot::text::truncate(&text, MAX_CELL_BYTES)
        .trim()
        .to_string()
}

fn skipped_lines(report: &LoadReport) -> Vec<u64> {
    report
        .notes
        .iter()
        .filter(|n| n.action == Action::Skipped)
        .map(|n| n.line)
        .collect()
}

proptest! {
    #![proptest_config(config(64))]

    /// Every data row is either loaded or skipped with a note on its line; blank rows are
    /// neither; repairs are only noted for loaded rows; titles are the cells as read.
    #[test]
    fn every_csv_row_is_loaded_or_skipped(
        header in header(),
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..18), 0..12),
        crlf in any::<bool>(),
        always_quote in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let mut all = vec![header.clone()];
        all.extend(rows.iter().cloned());
        let (csv, starts) = write_csv(&all, crlf, always_quote);
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(&csv);
        let title_col = header
            .iter()
            .position(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case("title"))
            .expect("the header has a title");
        // Rows of nothing but ASCII whitespace are not rows.
        let expected: Vec<(u64, &Vec<Vec<u8>>)> = rows
            .iter()
            .zip(&starts[1..])
            .filter(|(r, _)| r.iter().any(|c| c.iter().any(|b| !b.is_ascii_whitespace())))
            .map(|(r, &line)| (line, r))
            .collect();

        let mut report = LoadReport::default();
        let loaded = parse_titles(strip_bom(&bytes), "t.csv", "hulu", &mut report).expect("parses");
        let skipped = skipped_lines(&report);
        prop_assert_eq!(loaded.len() + skipped.len(), expected.len());
        let mut seen: Vec<u64> = loaded.iter().map(|r| r.line).chain(skipped.iter().copied()).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, expected.iter().map(|(l, _)| *l).collect::<Vec<_>>());
        let loaded_lines: BTreeSet<u64> = loaded.iter().map(|r| r.line).collect();
        for n in &report.notes {
            prop_assert_eq!(&n.file, "t.csv");
            if n.action == Action::Repaired {
                prop_assert!(loaded_lines.contains(&n.line), "{n}");
            }
        }
        for row in &loaded {
            let (_, cells) = expected.iter().find(|(l, _)| *l == row.line).expect("a written row");
            let title = cells.get(title_col).map(|c| cell_text(c)).unwrap_or_default();
            prop_assert_eq!(&row.title, &title);
            prop_assert!(!row.title.is_empty() && !row.show_id.is_empty());
            prop_assert_eq!(row.service.as_str(), "hulu");
            for c in [&row.description, &row.title] {
                prop_assert!(c.len() <= MAX_CELL_BYTES);
            }
        }

        // The upload validator agrees with the parser on the same bytes.
        match upload::validate("../../hulu_titles.csv", &bytes) {
            Ok(c) => {
                prop_assert_eq!(skipped.len(), 0);
                prop_assert_eq!(c.target, Path::new("uploads/hulu_titles.csv"));
                prop_assert_eq!(c.kind, UploadKind::Titles { service: "hulu".into(), rows: loaded.len() });
            }
            Err(UploadError::NotText) => prop_assert!(std::str::from_utf8(strip_bom(&bytes)).is_err()),
            Err(UploadError::TooManyColumns(n)) => prop_assert!(n > 64),
            Err(UploadError::BadRows(why)) => {
                prop_assert!(!skipped.is_empty() && !loaded.is_empty());
                prop_assert!(why.starts_with(&format!("line {}: ", skipped[0])), "{}", why);
            }
            Err(UploadError::NoRows(_)) => prop_assert!(loaded.is_empty()),
            Err(UploadError::TooLarge(n)) => prop_assert!(n > upload::MAX_UPLOAD_BYTES),
            // Uploads refuse the over-long cells the loader would cut: the first such record.
            Err(UploadError::CellTooLong { line, bytes: n }) => {
                let first = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(strip_bom(&bytes))
                    .byte_records()
                    .flatten()
                    .find_map(|r| {
                        let longest = r.iter().map(<[u8]>::len).max()?;
                        (longest > MAX_CELL_BYTES).then(|| (r.position().map_or(0, |p| p.line()), longest))
                    });
                prop_assert_eq!(first, Some((line, n)));
            }
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    /// Arbitrary bytes: never a panic; with a title column every record the CSV reader sees is
    /// loaded or skipped, without one the file is refused with one note.
    #[test]
    fn any_bytes_are_ingested_or_refused(
        prefix in prop::sample::select(vec!["", "title\n", "show_id,type,title\n", "\u{feff}type,title,\"x\ny\"\r\n"]),
        body in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.extend_from_slice(&body);
        let mut report = LoadReport::default();
        let loaded = parse_titles(&bytes, "x.csv", "netflix", &mut report).expect("parses");
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(&bytes[..]);
        let header = rdr.byte_headers().expect("a header").clone();
        let has_title = header
            .iter()
            .any(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case("title"));
        if has_title {
            let records = rdr
                .byte_records()
                .map(|r| r.expect("a record"))
                .filter(|r| !r.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)))
                .count();
            prop_assert_eq!(loaded.len() + report.count(Action::Skipped), records);
        } else {
            prop_assert!(loaded.is_empty());
            prop_assert_eq!(report.notes.len(), 1);
            prop_assert_eq!(report.notes[0].line, 1);
            prop_assert_eq!(report.notes[0].action, Action::Skipped);
        }
    }

    /// Any name and bytes: refused with a reason, or accepted with a target under `uploads/`
    /// that cannot leave it.
    #[test]
    fn any_upload_is_refused_or_kept_inside_uploads(
        name in prop_oneof![
            prop::sample::select(vec!["netflix_titles.csv", "../../x.csv", "..\\..\\hulu_titles.csv", "/etc/passwd", "notes.md", "a.txt", "", ".", "..", "x/../../y.txt"]).prop_map(String::from),
            hostile(),
            hostile().prop_map(|s| format!("{s}_titles.csv")),
            hostile().prop_map(|s| format!("{s}.md")),
        ],
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..600),
            hostile().prop_map(String::into_bytes),
            Just(b"show_id,type,title\ns1,Movie,X\n".to_vec()),
        ],
    ) {
        match upload::validate(&name, &bytes) {
            Ok(c) => {
                prop_assert!(std::str::from_utf8(strip_bom(&bytes)).is_ok());
                let parts: Vec<_> = c.target.components().collect();
                prop_assert!(parts.iter().all(|p| matches!(p, std::path::Component::Normal(_))), "{:?}", c.target);
                prop_assert_eq!(parts.first().map(|p| p.as_os_str().to_string_lossy().into_owned()), Some("uploads".to_string()));
                prop_assert_eq!(c.target.file_name().map(|f| f.to_string_lossy().into_owned()), Some(c.name.clone()));
                prop_assert!(c.name.chars().all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-')));
                match c.kind {
                    UploadKind::Titles { rows, .. } => {
                        prop_assert!(rows >= 1 && c.name.ends_with("_titles.csv"));
                        prop_assert_eq!(parts.len(), 2);
                    }
                    UploadKind::Document { .. } => {
                        prop_assert!(c.name.ends_with(".txt") || c.name.ends_with(".md"));
                        prop_assert_eq!(parts.len(), 3);
                    }
                }
            }
            Err(UploadError::Empty) => prop_assert!(bytes.iter().all(u8::is_ascii_whitespace)),
            Err(UploadError::NotText) => prop_assert!(
                std::str::from_utf8(strip_bom(&bytes)).map_or(true, |t| t.contains('\0'))
            ),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

//! Files moderators add: checked before anything is written, stored under the data directory
//! with a safe name (never outside it, never over a curated file), and removable again if the
//! rebuild that follows fails.

use std::path::{Path, PathBuf};

use super::report::{Action, LoadReport};
use super::titles::{MAX_CELL_BYTES, parse, service_from_file_name};

/// The largest file accepted.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// The most columns a titles CSV may have.
pub const MAX_COLUMNS: usize = 64;

/// Why an upload was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("the file is {0} bytes; the limit is {MAX_UPLOAD_BYTES} bytes")]
    TooLarge(usize),
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error(
        "only titles CSVs named `<service>_titles.csv` (e.g. `netflix_titles.csv`) and `.txt`/`.md` documents can be added"
    )]
    UnsupportedName,
    #[error("the CSV has {0} columns; a titles CSV has at most {MAX_COLUMNS}")]
    TooManyColumns(usize),
    #[error("line {line} has a cell of {bytes} bytes; the limit is {MAX_CELL_BYTES} bytes")]
    CellTooLong { line: u64, bytes: usize },
    #[error("the file has no usable rows:\n{0}")]
    NoRows(String),
    #[error("the file has rows that cannot be read:\n{0}")]
    BadRows(String),
    #[error("cannot write the file: {0}")]
    Io(String),
    #[error(
        "uploads already hold {used} bytes; with this file they would pass the budget of {budget} bytes (UPLOAD_BUDGET_MB)"
    )]
    OverBudget { used: u64, budget: u64 },
}

/// Refuses an upload of `incoming` bytes named `name` when the uploads under `data_dir` would
/// then hold more than `budget` bytes (a file it replaces does not count).
pub fn within_budget(
    data_dir: &Path,
    name: &str,
    incoming: usize,
    budget: u64,
) -> Result<(), UploadError> {
    let replaced = sanitize_name(name);
    let used: u64 = std::fs::read_dir(data_dir.join("uploads"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy() != replaced)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    if used + incoming as u64 > budget {
        return Err(UploadError::OverBudget { used, budget });
    }
    Ok(())
}

/// What an upload is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadKind {
    Titles { service: String, rows: usize },
    Document { paragraphs: usize },
}

/// A stored upload, with what it replaced (to undo it).
#[derive(Debug)]
pub struct Stored {
    pub path: PathBuf,
    pub kind: UploadKind,
    /// Repairs made to rows (reported, not refused).
    pub report: LoadReport,
    previous: Option<Vec<u8>>,
}

impl Stored {
    /// Puts things back as they were before the upload.
    pub fn undo(self) -> std::io::Result<()> {
        match self.previous {
            Some(bytes) => std::fs::write(&self.path, bytes),
            None => std::fs::remove_file(&self.path),
        }
    }
}

/// Keeps letters, digits, `.`, `_` and `-` of a file's base name (so `../../x.csv` is `x.csv`).
pub fn sanitize_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    clean
        .trim_start_matches(['.', '_', '-'])
        .chars()
        .take(100)
        .collect()
}

fn lines(report: &LoadReport, action: Action) -> String {
    let mut out: Vec<String> = report
        .notes
        .iter()
        .filter(|n| n.action == action)
        .take(20)
        .map(|n| format!("line {}: {}", n.line, n.detail))
        .collect();
    let more = report.count(action).saturating_sub(20);
    if more > 0 {
        out.push(format!("…and {more} more"));
    }
    out.join("\n")
}

/// An upload that passed every check, not yet written.
#[derive(Debug)]
pub struct Checked {
    /// Where it goes, relative to the data directory (always under `uploads/`).
    pub target: PathBuf,
    /// The sanitised file name.
    pub name: String,
    pub kind: UploadKind,
    /// Repairs made to rows (reported, not refused).
    pub report: LoadReport,
}

/// Checks an upload without writing anything: size, encoding, name, and (for a titles CSV)
/// every row through the real parser.
pub fn validate(name: &str, bytes: &[u8]) -> Result<Checked, UploadError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge(bytes.len()));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(UploadError::Empty);
    }
    let text = std::str::from_utf8(super::strip_bom(bytes)).map_err(|_| UploadError::NotText)?;
    let name = sanitize_name(name);
    let (target, kind, report) = if name.ends_with(".csv") {
        let service = service_from_file_name(&name).ok_or(UploadError::UnsupportedName)?;
        let columns = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .byte_records()
            .next()
            .and_then(Result::ok)
            .map_or(0, |r| r.len());
        if columns > MAX_COLUMNS {
            return Err(UploadError::TooManyColumns(columns));
        }
        // The loader cuts over-long cells of the public datasets and reports them; an upload
        // with one is refused instead, as no real title needs it.
        let mut records = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in records.byte_records().flatten() {
            if let Some(bytes) = record.iter().map(<[u8]>::len).max()
                && bytes > MAX_CELL_BYTES
            {
                let line = record.position().map_or(0, |p| p.line());
                return Err(UploadError::CellTooLong { line, bytes });
            }
        }
        let mut report = LoadReport::default();
        let rows = parse(text.as_bytes(), &name, &service, &mut report)
            .map_err(|e| UploadError::Io(e.to_string()))?;
        if report.count(Action::Skipped) > 0 {
            let why = lines(&report, Action::Skipped);
            return Err(if rows.is_empty() {
                UploadError::NoRows(why)
            } else {
                UploadError::BadRows(why)
            });
        }
        if rows.is_empty() {
            return Err(UploadError::NoRows("no data rows after the header".into()));
        }
        let kind = UploadKind::Titles {
            service,
            rows: rows.len(),
        };
        (Path::new("uploads").join(&name), kind, report)
    } else if name.ends_with(".txt") || name.ends_with(".md") {
        if text.contains('\0') {
            return Err(UploadError::NotText);
        }
        let looks_like_csv = text
            .lines()
            .next()
            .is_some_and(|l| l.contains("show_id") && l.contains(','));
        if looks_like_csv {
            return Err(UploadError::UnsupportedName);
        }
        let paragraphs = text.lines().filter(|l| !l.trim().is_empty()).count();
        (
            Path::new("uploads").join("documents").join(&name),
            UploadKind::Document { paragraphs },
            LoadReport::default(),
        )
    } else {
        return Err(UploadError::UnsupportedName);
    };
    Ok(Checked {
        target,
        name,
        kind,
        report,
    })
}

/// Checks an upload and, if it is good, stores it under `data_dir/uploads/`.
pub fn validate_and_store(
    data_dir: &Path,
    name: &str,
    bytes: &[u8],
) -> Result<Stored, UploadError> {
    let Checked {
        target,
        name: _,
        kind,
        report,
    } = validate(name, bytes)?;
    let target = data_dir.join(target);
    let io = |e: std::io::Error| UploadError::Io(e.to_string());
    let dir = target.parent().expect("upload paths have a parent");
    std::fs::create_dir_all(dir).map_err(io)?;
    // A planted `uploads` symlink would send the file outside the data directory.
    if std::fs::symlink_metadata(dir).map_err(io)?.is_symlink() {
        return Err(UploadError::Io(
            "the uploads directory is a symbolic link".into(),
        ));
    }
    let previous = std::fs::read(&target).ok();
    // A new file with a random name, created exclusively (never through a planted symlink or
    // over someone else's file), renamed over the target when whole.
    let mut tmp = tempfile::Builder::new()
        .prefix(".upload-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(io)?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(Stored {
        path: target,
        kind,
        report,
        previous,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("streambot-upload-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_huge_cell_is_refused_with_its_line() {
        let dir = scratch("cell");
        let mut csv =
            String::from("show_id,type,title,country,description\ns1,Movie,Ok,China,fine\n");
        csv.push_str(&format!("s2,Movie,Big,China,{}\n", "x".repeat(1 << 20)));
        let err = validate_and_store(&dir, "hulu_titles.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            UploadError::CellTooLong {
                line: 3,
                bytes: 1 << 20
            }
        );
        assert!(!dir.join("uploads").exists());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn names_are_sanitised() {
        assert_eq!(sanitize_name("../../x.csv"), "x.csv");
        assert_eq!(
            sanitize_name("..\\evil/netflix_titles.csv"),
            "netflix_titles.csv"
        );
        assert_eq!(sanitize_name(".hidden.md"), "hidden.md");
        assert_eq!(sanitize_name("My File (1).TXT"), "my_file__1_.txt");
    }

    #[test]
    fn good_titles_are_stored_under_uploads_and_can_be_undone() {
        let d = scratch("good");
        let csv = "show_id,type,title,country,release_year\nu1,Movie,Uploaded,China,2020\n";
        let s = validate_and_store(&d, "../../hulu_titles.csv", csv.as_bytes()).unwrap();
        assert_eq!(s.path, d.join("uploads/hulu_titles.csv"));
        assert_eq!(
            s.kind,
            UploadKind::Titles {
                service: "hulu".into(),
                rows: 1
            }
        );
        assert_eq!(std::fs::read_to_string(&s.path).unwrap(), csv);
        let path = s.path.clone();
        s.undo().unwrap();
        assert!(!path.exists());
        std::fs::remove_dir_all(d).ok();
    }

    #[test]
    fn bad_uploads_are_refused_with_reasons_and_write_nothing() {
        let d = scratch("bad");
        let bad_rows = "show_id,type,title\nu1,Movie,Fine\nu2,Thing,\nu3,Gadget,X\n";
        match validate_and_store(&d, "hulu_titles.csv", bad_rows.as_bytes()) {
            Err(UploadError::BadRows(why)) => {
                assert_eq!(
                    why,
                    "line 3: empty title\nline 4: unknown type \"Gadget\" for \"X\""
                )
            }
            other => panic!("{other:?}"),
        }
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("hulu_titles.csv", vec![0xff, 0xfe, 0x00]),
            ("notes.csv", b"title\nx\n".to_vec()),
            ("run.sh", b"echo hi".to_vec()),
            ("hulu_titles.csv", "a,".repeat(100_000).into_bytes()),
            ("essay.txt", b"show_id,type,title\ns1,Movie,X\n".to_vec()),
            ("hulu_titles.csv", vec![b' '; 10]),
            ("hulu_titles.csv", vec![b'a'; MAX_UPLOAD_BYTES + 1]),
        ];
        for (name, bytes) in cases {
            assert!(validate_and_store(&d, name, &bytes).is_err(), "{name}");
        }
        assert!(
            !d.join("uploads").exists()
                || std::fs::read_dir(d.join("uploads")).unwrap().count() == 0
        );
        std::fs::remove_dir_all(d).ok();
    }

    #[cfg(unix)]
    #[test]
    fn planted_symlinks_never_receive_an_upload() {
        let d = scratch("symlink");
        let outside = scratch("symlink-outside");
        let csv = "show_id,type,title,country,release_year\nu1,Movie,Uploaded,China,2020\n";
        // The old fixed temporary name, planted as a link to a file outside the data directory.
        std::fs::create_dir_all(d.join("uploads")).unwrap();
        let victim = outside.join("victim.txt");
        std::fs::write(&victim, "untouched").unwrap();
        std::os::unix::fs::symlink(&victim, d.join("uploads/.hulu_titles.csv.part")).unwrap();
        let s = validate_and_store(&d, "hulu_titles.csv", csv.as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert_eq!(std::fs::read_to_string(&s.path).unwrap(), csv);
        // `uploads` itself a link to a directory outside: refused, nothing written there.
        let d2 = scratch("symlink-dir");
        std::os::unix::fs::symlink(&outside, d2.join("uploads")).unwrap();
        let err = validate_and_store(&d2, "hulu_titles.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            UploadError::Io("the uploads directory is a symbolic link".into())
        );
        assert!(!outside.join("hulu_titles.csv").exists());
        for dir in [d, d2, outside] {
            std::fs::remove_dir_all(dir).ok();
        }
    }

    #[test]
    fn uploads_stay_within_the_budget() {
        let d = scratch("budget");
        std::fs::create_dir_all(d.join("uploads")).unwrap();
        std::fs::write(d.join("uploads/notes.md"), vec![b'a'; 600]).unwrap();
        assert_eq!(within_budget(&d, "other.md", 400, 1000), Ok(()));
        assert_eq!(
            within_budget(&d, "other.md", 401, 1000),
            Err(UploadError::OverBudget {
                used: 600,
                budget: 1000
            })
        );
        // Replacing a file frees its room.
        assert_eq!(within_budget(&d, "notes.md", 1000, 1000), Ok(()));
        assert_eq!(
            within_budget(&scratch("budget-none"), "a.md", 1000, 1000),
            Ok(())
        );
        std::fs::remove_dir_all(d).ok();
    }
}

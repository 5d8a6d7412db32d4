//! Reading the bot's knowledge from data directories: documents, availability facts,
//! per-country figures and title files, with a report of every row that needed attention.
//!
//! A data directory may hold, at any depth up to three:
//! `documents/*.txt|*.md` (+ `documents/documents.csv` metadata), `countries.csv`,
//! `*_titles.csv` (the service comes from the file name) and `*subscription_fee*.csv`.

mod documents;
mod facts;
mod figures;
mod merge;
mod report;
mod titles;
pub mod upload;

use std::path::{Path, PathBuf};

pub use documents::{Document, Passage};
pub use facts::{Category, EVERYWHERE_ELSE, PlaceFact, Status, split_sources};
pub use figures::MarketFigures;
pub use merge::{Listing, Title};
pub use report::{Action, LoadReport, RowNote};
pub use titles::{
    COMMON_COLUMNS, Day, KNOWN_SERVICES, Kind, MAX_CELL_BYTES, TitleRow, parse as parse_titles,
    parse_day, service_from_file_name, service_name,
};

/// Why data could not be loaded at all (row-level trouble goes to the [`LoadReport`] instead).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("no data directory given")]
    NoDirectories,
    #[error("data directory {0} does not exist")]
    MissingDirectory(PathBuf),
    #[error("{0} is not a directory")]
    NotADirectory(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a data file holds, judged from its name and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Titles { service: String },
    Document,
    DocumentMeta,
    Facts,
    Figures { service: String },
}

/// A file the loader reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    pub path: PathBuf,
    /// The path as shown to people (`data/titles/netflix_titles.csv`).
    pub label: String,
    pub kind: FileKind,
    pub bytes: u64,
}

/// Everything loaded from the data directories.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub facts: Vec<PlaceFact>,
    pub figures: Vec<MarketFigures>,
    pub titles: Vec<Title>,
    /// Rows read per file (titles, facts, figures) or paragraphs (documents), in load order.
    pub files: Vec<(DataFile, usize)>,
    pub report: LoadReport,
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, CorpusError> {
    std::fs::read(path).map_err(|source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The line a CSV record starts on, 1-based. The csv crate puts the start of a record that
/// follows a CRLF (or blank CRLF lines) on the line ending before it, one or more lines too
/// early; `input` is what the reader read. No record starts with a line ending, so the ones at
/// the reported start are skipped and counted.
pub(crate) fn csv_line(pos: Option<&csv::Position>, input: &[u8]) -> u64 {
    let Some(pos) = pos else { return 0 };
    let at = usize::try_from(pos.byte()).unwrap_or(usize::MAX);
    let newlines = input
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .filter(|&&b| b == b'\n')
        .count();
    pos.line() + newlines as u64
}

/// Drops a UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn classify(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let in_documents = path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|p| p == "documents");
    if in_documents {
        if lower == "documents.csv" {
            return Some(FileKind::DocumentMeta);
        }
        if lower.ends_with(".txt") || lower.ends_with(".md") {
            return Some(FileKind::Document);
        }
    }
    if lower == "countries.csv" {
        return Some(FileKind::Facts);
    }
    if let Some(service) = service_from_file_name(&lower) {
        return Some(FileKind::Titles { service });
    }
    if lower.ends_with(".csv") && lower.contains("subscription_fee") {
        let service = lower.split('_').next().unwrap_or("netflix").to_string();
        return Some(FileKind::Figures { service });
    }
    None
}

/// Lists the files the loader would read, in a stable order (directories in the order given,
/// files sorted by path inside each).
pub fn discover(dirs: &[PathBuf]) -> Result<Vec<DataFile>, CorpusError> {
    if dirs.is_empty() {
        return Err(CorpusError::NoDirectories);
    }
    let mut out = Vec::new();
    for dir in dirs {
        let meta = std::fs::metadata(dir).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => CorpusError::MissingDirectory(dir.clone()),
            _ => CorpusError::Io {
                path: dir.clone(),
                source,
            },
        })?;
        if !meta.is_dir() {
            return Err(CorpusError::NotADirectory(dir.clone()));
        }
        let mut found = Vec::new();
        walk(dir, 0, &mut found)?;
        found.sort();
        for path in found {
            if let Some(kind) = classify(&path) {
                let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                out.push(DataFile {
                    label: path.display().to_string(),
                    path,
                    kind,
                    bytes,
                });
            }
        }
    }
    Ok(out)
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CorpusError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        // Symbolic links are followed (e.g. `data/full -> ../shared/data`); one that leads
        // nowhere is an error when its name says it is a data file, and ignored otherwise.
        let kind = match std::fs::metadata(&path) {
            Ok(meta) => meta.file_type(),
            Err(_) if classify(&path).is_none() => continue,
            Err(source) => return Err(CorpusError::Io { path, source }),
        };
        if kind.is_dir() && depth < 3 {
            walk(&path, depth + 1, out)?;
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// A fingerprint of the data: file names, kinds and contents. The index stores it so that it
/// can tell when the data changed since it was built.
pub fn fingerprint(files: &[DataFile]) -> Result<String, CorpusError> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    for f in files {
        hasher.update(f.label.as_bytes());
        hasher.update(&[0]);
        hasher.update(format!("{:?}", f.kind).as_bytes());
        hasher.update(&[0]);
        hash_file(&mut hasher, &f.path, &mut buf)?;
        hasher.update(&[0xff]);
    }
    Ok(format!("{:032x}", hasher.digest128()))
}

/// Feeds a file to the hasher through `buf`: the same digest as hashing the whole file at
/// once, without holding it (a million titles are a 400 MB file, which opening an index
/// checks before answering anything).
fn hash_file(
    hasher: &mut xxhash_rust::xxh3::Xxh3,
    path: &Path,
    buf: &mut [u8],
) -> Result<(), CorpusError> {
    use std::io::Read;
    let io = |source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    loop {
        match file.read(buf) {
            Ok(0) => return Ok(()),
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io(e)),
        }
    }
}

/// Loads every data file of `dirs`. Unreadable rows and files are reported and skipped; only a
/// missing or unreadable directory is an error.
pub fn load(dirs: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let files = discover(dirs)?;
    load_files(&files)
}

/// A title file's rows, with the notes about them.
type ParsedTitles = (Result<Vec<TitleRow>, CorpusError>, LoadReport);

/// Reads and parses every title file, several at once (one thread per core), each with its own
/// report; `None` for files of other kinds. The caller takes them in file order, so the rows
/// and notes come out as if the files were read one after another.
fn parse_title_files(files: &[DataFile]) -> Vec<Option<ParsedTitles>> {
    let todo: Vec<usize> = (0..files.len())
        .filter(|&i| matches!(files[i].kind, FileKind::Titles { .. }))
        .collect();
    let read = |i: usize| -> ParsedTitles {
        let f = &files[i];
        let mut report = LoadReport::default();
        let FileKind::Titles { service } = &f.kind else {
            return (Ok(Vec::new()), report);
        };
        let rows = titles::read(&f.path, &f.label, service, &mut report);
        (rows, report)
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(todo.len());
    let mut out: Vec<Option<ParsedTitles>> = Vec::new();
    out.resize_with(files.len(), || None);
    if threads <= 1 {
        for &i in &todo {
            out[i] = Some(read(i));
        }
        return out;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        loop {
            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&i) = todo.get(k) else {
                return mine;
            };
            mine.push((i, read(i)));
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        for (i, p) in work() {
            out[i] = Some(p);
        }
        for h in handles {
            // A parser that panicked leaves its files as `None`, read again below.
            if let Ok(done) = h.join() {
                for (i, p) in done {
                    out[i] = Some(p);
                }
            }
        }
    });
    for &i in &todo {
        if out[i].is_none() {
            out[i] = Some(read(i));
        }
    }
    out
}

/// Loads the given files (from [`discover`]).
pub fn load_files(files: &[DataFile]) -> Result<Corpus, CorpusError> {
    let mut corpus = Corpus::default();
    let mut rows: Vec<TitleRow> = Vec::new();
    let mut report = LoadReport::default();
    // Metadata first, so documents can find theirs whatever the order.
    let mut meta = std::collections::HashMap::new();
    for f in files.iter().filter(|f| f.kind == FileKind::DocumentMeta) {
        match documents::read_meta(&f.path, &f.label, &mut report) {
            Ok(m) => meta.extend(m),
            Err(e) => report.note(&f.label, 0, Action::Skipped, e.to_string()),
        }
    }
    let mut parsed = parse_title_files(files);
    for (i, f) in files.iter().enumerate() {
        let result = match &f.kind {
            FileKind::DocumentMeta => continue,
            FileKind::Document => {
                let name = f.path.file_name().map(|n| n.to_string_lossy().into_owned());
                let m = name.as_ref().and_then(|n| meta.get(n));
                documents::read_document(&f.path, &f.label, m, &mut report).map(|doc| {
                    let n = doc.as_ref().map_or(0, |d| d.passages().len());
                    if let Some(doc) = doc {
                        if corpus.documents.iter().any(|d| d.id == doc.id) {
                            report.note(
                                &f.label,
                                0,
                                Action::Skipped,
                                format!("a document with id {:?} is already loaded", doc.id),
                            );
                            return 0;
                        }
                        corpus.documents.push(doc);
                    }
                    n
                })
            }
            FileKind::Facts => facts::read(&f.path, &f.label, &mut report).map(|v| {
                let n = v.len();
                corpus.facts.extend(v);
                n
            }),
            FileKind::Figures { service } => figures::read(&f.path, &f.label, service, &mut report)
                .map(|v| {
                    let n = v.len();
                    corpus.figures.extend(v);
                    n
                }),
            FileKind::Titles { .. } => {
                let (result, notes) = parsed[i]
                    .take()
                    .unwrap_or_else(|| (Ok(Vec::new()), LoadReport::default()));
                report.notes.extend(notes.notes);
                result.map(|v| {
                    let n = v.len();
                    rows.extend(v);
                    n
                })
            }
        };
        match result {
            Ok(n) => corpus.files.push((f.clone(), n)),
            Err(e) => report.note(&f.label, 0, Action::Skipped, e.to_string()),
        }
    }
    corpus.titles = merge::merge(rows, &mut report);
    corpus.report = report;
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_hashed_in_pieces_hashes_as_a_whole() {
        let path = std::env::temp_dir().join(format!("streambot-hash-{}", std::process::id()));
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let mut pieces = xxhash_rust::xxh3::Xxh3::new();
        hash_file(&mut pieces, &path, &mut [0u8; 7]).unwrap();
        let mut whole = xxhash_rust::xxh3::Xxh3::new();
        whole.update(&bytes);
        assert_eq!(pieces.digest128(), whole.digest128());
        let _ = std::fs::remove_file(&path);
        assert!(hash_file(&mut pieces, &path, &mut [0u8; 7]).is_err());
    }
}

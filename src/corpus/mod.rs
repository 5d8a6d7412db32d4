//! Reading the bot's knowledge from data directories: documents, availability facts,
//! per-country figures and title files, with a report of every row that needed attention.
//!
//! A data directory may hold, at any depth up to three:
//! `documents/*.txt|*.md` (+ `documents/documents.csv` metadata), `countries.csv`,
//! `*_titles.csv` (the service comes from the file name) and `*subscription_fee*.csv`.

mod compact;
mod csv_rows;
mod documents;
mod engagement;
mod facts;
mod figures;
mod merge;
mod report;
mod source;
mod titles;
pub mod upload;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};

pub use compact::{Run, Titles};
pub(crate) use csv_rows::{csv_line, csv_line_in, csv_row, csv_with_header};
pub use documents::{Document, Passage};
pub use engagement::EngagementRow;
pub use facts::{Category, EVERYWHERE_ELSE, PlaceFact, Status, split_sources};
pub use figures::MarketFigures;
pub use merge::{Listing, Title};
pub use report::{Action, LoadReport, RowNote};
pub use titles::{
    COMMON_COLUMNS, Day, Kind, MAX_CELL_BYTES, TitleRow, parse as parse_titles, parse_day,
    service_from_file_name, service_name,
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
    Titles {
        service: String,
    },
    Document,
    DocumentMeta,
    Facts,
    Figures {
        service: String,
    },
    /// Netflix's engagement report, one kind of title a file, for one half-year.
    Engagement {
        kind: Kind,
        period: String,
    },
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
    /// Netflix's engagement report rows, shows and films.
    pub engagement: Vec<EngagementRow>,
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
    if let Some(stem) = lower.strip_suffix(".csv")
        && let Some((kind, period)) = engagement::kind_and_period(stem)
    {
        return Some(FileKind::Engagement { kind, period });
    }
    if lower.ends_with(".csv") && lower.contains("subscription_fee") {
        let service = lower
            .split('_')
            .next()
            .unwrap_or(crate::domain::Service::DEFAULT.id())
            .to_string();
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

/// Rows a parsing thread sends at a time.
const BATCH: usize = 256;
/// Batches a parsing thread may have sent ahead of the merge, per file.
const BATCHES_AHEAD: usize = 4;

/// What a thread parsing a title file sends: rows, then the file's result and notes.
enum Parsed {
    Rows(Vec<TitleRow>),
    Done(Result<(), CorpusError>, LoadReport),
}

/// Title files not yet taken by a parsing thread, in file order, each with where its rows go.
type Queue = std::sync::Mutex<std::collections::VecDeque<(usize, SyncSender<Parsed>)>>;

fn take_next(queue: &Queue) -> Option<(usize, SyncSender<Parsed>)> {
    queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front()
}

/// Takes title file `i` from the queue when no thread has taken it yet.
fn take_file(queue: &Queue, i: usize) -> bool {
    let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
    let untaken = q.front().is_some_and(|(k, _)| *k == i);
    if untaken {
        q.pop_front();
    }
    untaken
}

/// Parses title files on other threads, one per core, each sending its rows in batches.
fn parse_titles_worker(files: &[DataFile], queue: &Queue) {
    while let Some((i, tx)) = take_next(queue) {
        let f = &files[i];
        let FileKind::Titles { service } = &f.kind else {
            continue;
        };
        let mut report = LoadReport::default();
        let mut batch = Vec::with_capacity(BATCH);
        let result = titles::read_each(&f.path, &f.label, service, &mut report, &mut |row| {
            batch.push(row);
            if batch.len() == BATCH {
                // Nobody listens only when the loading thread has gone: its rows are moot.
                let _ = tx.send(Parsed::Rows(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(BATCH),
                )));
            }
        });
        if !batch.is_empty() {
            let _ = tx.send(Parsed::Rows(batch));
        }
        let _ = tx.send(Parsed::Done(result, report));
    }
}

/// Loads the given files (from [`discover`]).
pub fn load_files(files: &[DataFile]) -> Result<Corpus, CorpusError> {
    let (mut corpus, titles) = load_packed(files)?;
    corpus.titles = titles.unpack_all();
    Ok(corpus)
}

/// Loads the given files (from [`discover`]) with the titles packed (and `Corpus::titles`
/// empty): what an index build takes. Title files are parsed several at once (one thread per
/// core) while this thread merges their rows in file order, so rows and notes come out as if
/// the files were read one after another, and no file nor all its rows are held at once.
pub fn load_packed(files: &[DataFile]) -> Result<(Corpus, Titles), CorpusError> {
    let mut corpus = Corpus::default();
    let mut report = LoadReport::default();
    // Notes about merged rows come after all others, as when rows were merged after loading.
    let mut merged = LoadReport::default();
    let mut merger = merge::Merger::default();
    // Metadata first, so documents can find theirs whatever the order.
    let mut meta = std::collections::HashMap::new();
    for f in files.iter().filter(|f| f.kind == FileKind::DocumentMeta) {
        match documents::read_meta(&f.path, &f.label, &mut report) {
            Ok(m) => meta.extend(m),
            Err(e) => report.note(&f.label, 0, Action::Skipped, e.to_string()),
        }
    }
    let mut queue = std::collections::VecDeque::new();
    let mut rows_of: Vec<Option<Receiver<Parsed>>> = Vec::new();
    rows_of.resize_with(files.len(), || None);
    for (i, f) in files.iter().enumerate() {
        if matches!(f.kind, FileKind::Titles { .. }) {
            let (tx, rx) = std::sync::mpsc::sync_channel(BATCHES_AHEAD);
            queue.push_back((i, tx));
            rows_of[i] = Some(rx);
        }
    }
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(queue.len());
    let queue: Queue = std::sync::Mutex::new(queue);
    std::thread::scope(|s| {
        // Owned here, so that a panic below drops the receivers and parsing threads blocked on
        // a full channel return rather than keep the scope waiting for them.
        let mut rows_of = rows_of;
        let workers: Vec<_> = (0..threads)
            .map(|_| s.spawn(|| parse_titles_worker(files, &queue)))
            .collect();
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
                FileKind::Figures { service } => {
                    figures::read(&f.path, &f.label, service, &mut report).map(|v| {
                        let n = v.len();
                        corpus.figures.extend(v);
                        n
                    })
                }
                FileKind::Engagement { kind, period } => {
                    engagement::read(&f.path, &f.label, *kind, period, &mut report).map(|v| {
                        let n = v.len();
                        corpus.engagement.extend(v);
                        n
                    })
                }
                FileKind::Titles { service } => {
                    let rx = rows_of[i].take();
                    let mut n = 0;
                    let mut done = None;
                    // The file is parsed here when no thread took it yet, or when the thread
                    // that did stopped (it panicked) before it was done: its rows are parsed
                    // again, and those merged already are skipped.
                    if !take_file(&queue, i) {
                        while let Some(Ok(parsed)) = rx.as_ref().map(Receiver::recv) {
                            match parsed {
                                Parsed::Rows(rows) => {
                                    n += rows.len();
                                    for row in rows {
                                        merger.add(row, &mut merged);
                                    }
                                }
                                Parsed::Done(result, notes) => {
                                    done = Some((result, notes));
                                    break;
                                }
                            }
                        }
                    }
                    let (result, notes) = done.unwrap_or_else(|| {
                        let mut notes = LoadReport::default();
                        let mut seen = 0;
                        let result =
                            titles::read_each(&f.path, &f.label, service, &mut notes, &mut |row| {
                                seen += 1;
                                if seen > n {
                                    merger.add(row, &mut merged);
                                }
                            });
                        n = n.max(seen);
                        (result, notes)
                    });
                    report.notes.extend(notes.notes);
                    result.map(|()| n)
                }
            };
            match result {
                Ok(n) => corpus.files.push((f.clone(), n)),
                Err(e) => report.note(&f.label, 0, Action::Skipped, e.to_string()),
            }
        }
        for w in workers {
            // A parser that panicked had its file parsed again above.
            let _ = w.join();
        }
    });
    report.notes.extend(merged.notes);
    corpus.report = report;
    Ok((corpus, merger.finish()))
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

//! The tantivy index: its schema, building it from the data, opening it (and rebuilding it when
//! it is missing, corrupt or older than the data), and the queries answers are made of.

pub mod analyzer;
mod build;
mod card;
mod dates;
mod dir;
mod distance;
mod facts;
mod fuzzy;
pub mod lock;
mod names;
mod people;
mod query;
mod ranked;
pub mod schema;
mod similar;
pub mod snippet;
mod sorted;
mod verify;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

pub use build::{DocumentInfo, FactRecord, FileInfo, IndexInfo, month_name};
pub use names::NameHit;
pub use people::{Credits, Role};
pub use query::{Hit, PAGE_SIZE, PassageHit, TitleFilter, TitleSort, shown_page};
pub use ranked::{RankFilter, RankedRecord, base_name};
pub use schema::Fields;
pub use similar::SimilarFilter;

use crate::corpus::{self, CorpusError};
pub use dir::MARKER_FILE;
use dir::wipe;

/// The indexing memory budget of each indexing thread.
const WRITER_BUDGET_PER_THREAD: usize = 48 * 1024 * 1024;
/// tantivy's limit on indexing threads.
const MAX_INDEXING_THREADS: usize = 8;

/// Why the index could not be opened or built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot use the index directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} holds files that are not part of an index; refusing to overwrite it")]
    NotAnIndex(PathBuf),
    /// Another process (or another reindex in this one) is writing this index.
    #[error("another reindex is running on this index{}", pid.map(|p| format!(" (process {p})")).unwrap_or_default())]
    Busy { pid: Option<u32> },
}

/// Why the index was (re)built when it was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenOutcome {
    /// An up-to-date index was opened as it was.
    Opened,
    /// The index was built; the reason says why.
    Built(String),
}

/// A reindex's result: what was built and the rows that needed attention.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub info: Arc<IndexInfo>,
    pub report: corpus::LoadReport,
}

/// The open index, shared by every question. Cheap to query from many threads; reindexing
/// swaps in the new data atomically while queries keep being answered.
pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
    info: RwLock<Arc<IndexInfo>>,
    /// Every word of every genre, sorted: for routing free text.
    genre_words: RwLock<Arc<Vec<String>>>,
    /// Names of titles by segment, read from fast fields on first use.
    names: names::NameCache,
    /// Directors' and actors' names, read on first use.
    people: people::PeopleCache,
    writing: Mutex<()>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("dir", &self.dir).finish()
    }
}

pub(super) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
    move |source| SearchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn read_info(index: &Index) -> Option<IndexInfo> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

impl Engine {
    /// Opens the index in `dir`, building it from `data` when it is missing, unreadable, built
    /// by another version, or older than the data.
    pub fn open(
        dir: &Path,
        data: &[PathBuf],
        built_by: &str,
        progress: &dyn Fn(u64, u64),
    ) -> Result<(Engine, OpenOutcome), SearchError> {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        let files = corpus::discover(data)?;
        let fingerprint = corpus::fingerprint(&files)?;
        let (schema, fields) = schema::build_schema();
        // Taken before anything in `dir` is written, and held until the new index is committed.
        let mut lock = None;
        let opened = Index::open_in_dir(dir).ok().and_then(|index| {
            let info = read_info(&index)?;
            (index.schema() == schema && info.version == schema::SCHEMA_VERSION)
                .then_some((index, info))
        });
        let (index, reason) = match opened {
            Some((index, info)) if info.fingerprint == fingerprint => {
                match Engine::from_index(index, fields.clone(), dir, info) {
                    Ok(engine) if engine.healthy() => return Ok((engine, OpenOutcome::Opened)),
                    _ => {
                        lock = Some(lock::IndexLock::try_acquire(dir)?);
                        wipe(dir)?;
                        (None, "the index was unreadable")
                    }
                }
            }
            Some((index, _)) => (Some(index), "the data changed since the index was built"),
            None => {
                let empty = std::fs::read_dir(dir)
                    .map_err(io_err(dir))?
                    .next()
                    .is_none();
                lock = Some(lock::IndexLock::try_acquire(dir)?);
                wipe(dir)?;
                let reason = if empty {
                    "there was no index yet"
                } else {
                    "the index was unreadable or from another version"
                };
                (None, reason)
            }
        };
        let _lock = match lock {
            Some(l) => l,
            None => lock::IndexLock::try_acquire(dir)?,
        };
        let index = match index {
            Some(i) => i,
            None => Index::builder()
                .schema(schema)
                .settings(schema::settings())
                .create_in_dir(dir)?,
        };
        analyzer::register(&index);
        let (info, report) =
            Engine::write(&index, &fields, &files, &fingerprint, built_by, progress)?;
        drop(report);
        let engine = Engine::from_index(index, fields, dir, info)?;
        Ok((engine, OpenOutcome::Built(reason.to_string())))
    }

    /// Builds the index in `dir` from `data` without opening it for questions (what `streambot
    /// index` and the bot's reindexing child do), under the directory's lock. The new index
    /// becomes visible in one atomic commit: a process killed before it leaves the previous one
    /// whole, and nobody reads the half-written segments.
    pub fn rebuild(
        dir: &Path,
        data: &[PathBuf],
        built_by: &str,
        progress: &dyn Fn(u64, u64),
    ) -> Result<Rebuilt, SearchError> {
        let _lock = lock::IndexLock::try_acquire(dir)?;
        let files = corpus::discover(data)?;
        let fingerprint = corpus::fingerprint(&files)?;
        let (schema, fields) = schema::build_schema();
        let reusable = Index::open_in_dir(dir).ok().filter(|index| {
            index.schema() == schema
                && read_info(index).is_some_and(|i| i.version == schema::SCHEMA_VERSION)
        });
        let index = match reusable {
            Some(index) => index,
            None => {
                wipe(dir)?;
                Index::builder()
                    .schema(schema)
                    .settings(schema::settings())
                    .create_in_dir(dir)?
            }
        };
        analyzer::register(&index);
        let (info, report) =
            Engine::write(&index, &fields, &files, &fingerprint, built_by, progress)?;
        Ok(Rebuilt {
            info: Arc::new(info),
            report,
        })
    }

    /// Reloads when a new build was committed to this directory since the index was last read
    /// (by `streambot index`, the bot's reindexing child, or another replica sharing the
    /// directory); `None` when nothing changed. Cheap: it reads `meta.json` only.
    pub fn reload_if_changed(&self) -> Result<Option<Arc<IndexInfo>>, SearchError> {
        let Some(on_disk) = read_info(&self.index) else {
            return Ok(None);
        };
        let current = self.info();
        fn key(i: &IndexInfo) -> (u64, u64, &str, &str) {
            (i.built_at, i.build_ms, &i.fingerprint, &i.built_by)
        }
        if key(&on_disk) == key(&current) {
            return Ok(None);
        }
        self.reload().map(Some)
    }

    /// Rereads the index after another process committed a new one: questions asked from now
    /// on see it; those already running finish on the previous one.
    pub fn reload(&self) -> Result<Arc<IndexInfo>, SearchError> {
        self.reader.reload()?;
        let info =
            read_info(&self.index).ok_or_else(|| SearchError::NotAnIndex(self.dir.clone()))?;
        self.names.clear();
        self.people.clear();
        let info = Arc::new(info);
        *self.info.write().unwrap_or_else(|e| e.into_inner()) = info.clone();
        self.refresh_genre_words()?;
        Ok(info)
    }

    fn from_index(
        index: Index,
        fields: Fields,
        dir: &Path,
        info: IndexInfo,
    ) -> Result<Engine, SearchError> {
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let engine = Engine {
            index,
            reader,
            fields,
            dir: dir.to_path_buf(),
            info: RwLock::new(Arc::new(info)),
            genre_words: RwLock::new(Arc::new(Vec::new())),
            names: names::NameCache::default(),
            people: people::PeopleCache::default(),
            writing: Mutex::new(()),
        };
        engine.refresh_genre_words()?;
        Ok(engine)
    }

    /// Checks every committed file against its checksum and reads the first and last stored
    /// document of every segment, so that a truncated or damaged index shows up now rather
    /// than in the middle of an answer. The files are read with plain reads on every core
    /// (`verify`), not through the index's memory map.
    fn healthy(&self) -> bool {
        match verify::damaged_files(&self.index, &self.dir) {
            Ok(bad) if bad.is_empty() => {}
            Ok(bad) => {
                tracing::warn!(files = ?bad, "index files fail their checksum");
                return false;
            }
            Err(e) => {
                tracing::warn!(error = %e, "index files cannot be checked");
                return false;
            }
        }
        let searcher = self.reader.searcher();
        let info = self.info();
        let all_there = searcher.num_docs() as usize == info.titles + info.passages + info.facts;
        all_there
            && searcher.segment_readers().iter().all(|seg| {
                let Ok(store) = seg.get_store_reader(1) else {
                    return false;
                };
                let last = seg.max_doc().saturating_sub(1);
                [0, last]
                    .iter()
                    .all(|&d| store.get::<tantivy::TantivyDocument>(d).is_ok())
            })
    }

    fn write(
        index: &Index,
        fields: &Fields,
        files: &[corpus::DataFile],
        fingerprint: &str,
        built_by: &str,
        progress: &dyn Fn(u64, u64),
    ) -> Result<(IndexInfo, corpus::LoadReport), SearchError> {
        analyzer::warm_up_in_background();
        // Titles come packed, and are dropped as they are added: see `corpus::Titles`.
        let (mut corpus, titles) = corpus::load_packed(files)?;
        // One indexing thread per core (tantivy's own choice gives a 64 MB budget to at most
        // four threads, as each needs 15 MB), each with its own budget: larger segments, so
        // fewer merges.
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(MAX_INDEXING_THREADS);
        // Our own lock is held by now; tantivy's is only met by a writer that skipped it.
        let mut writer: tantivy::IndexWriter = index
            .writer_with_num_threads(threads, threads * WRITER_BUDGET_PER_THREAD)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => SearchError::Busy { pid: None },
                e => e.into(),
            })?;
        writer.delete_all_documents()?;
        // No merging while a build writes: tantivy's default policy merged the first segments
        // again and again as more were flushed (a tenth of a build's CPU at a million titles).
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let info = build::write_corpus(
            &writer,
            fields,
            &corpus,
            titles,
            fingerprint,
            built_by,
            progress,
        )?;
        let report = std::mem::take(&mut corpus.report);
        drop(corpus);
        let payload = serde_json::to_string(&info).unwrap_or_default();
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        // Then one merge per indexing thread, all at once: each thread's share of the segments
        // (balanced by documents) becomes one, so a build ends with as many segments as it had
        // threads, and merging uses every core as indexing did.
        let segments = index
            .searchable_segment_metas()?
            .iter()
            .map(|m| (m.id(), m.num_docs()))
            .collect();
        let merges: Vec<_> = merge_groups(segments, threads)
            .into_iter()
            .filter(|group| group.len() > 1)
            .map(|group| writer.merge(&group))
            .collect();
        for merge in merges {
            merge.wait()?;
        }
        writer.wait_merging_threads()?;
        Ok((info, report))
    }

    /// Rereads the data directories and rebuilds the index in place. One at a time: a second
    /// call while one runs gets [`SearchError::Busy`]. Questions are answered from the previous
    /// index until the new one is committed; if anything fails the previous one stays.
    pub fn reindex(
        &self,
        data: &[PathBuf],
        built_by: &str,
        progress: &dyn Fn(u64, u64),
    ) -> Result<Rebuilt, SearchError> {
        let _guard = self.writing.try_lock().map_err(|_| SearchError::Busy {
            pid: Some(std::process::id()),
        })?;
        let _lock = lock::IndexLock::try_acquire(&self.dir)?;
        let files = corpus::discover(data)?;
        let fingerprint = corpus::fingerprint(&files)?;
        let (info, report) = Engine::write(
            &self.index,
            &self.fields,
            &files,
            &fingerprint,
            built_by,
            progress,
        )?;
        self.reader.reload()?;
        self.names.clear();
        self.people.clear();
        let info = Arc::new(info);
        *self.info.write().unwrap_or_else(|e| e.into_inner()) = info.clone();
        self.refresh_genre_words()?;
        Ok(Rebuilt { info, report })
    }

    fn refresh_genre_words(&self) -> Result<(), SearchError> {
        let words = self.terms_of(self.fields.genre)?;
        *self.genre_words.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(words);
        Ok(())
    }

    /// Every word of every genre, sorted.
    pub fn genre_words(&self) -> Arc<Vec<String>> {
        self.genre_words
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A consistent view of the index for one question.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// What the current index was built from.
    pub fn info(&self) -> Arc<IndexInfo> {
        self.info.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// `segments` (id, documents) in `n` groups of about as many documents each, largest first.
fn merge_groups<T>(mut segments: Vec<(T, u32)>, n: usize) -> Vec<Vec<T>> {
    segments.sort_by_key(|s| std::cmp::Reverse(s.1));
    let mut groups: Vec<(u64, Vec<T>)> = (0..n.max(1)).map(|_| (0, Vec::new())).collect();
    for (id, docs) in segments {
        if let Some(g) = groups.iter_mut().min_by_key(|g| g.0) {
            g.0 += u64::from(docs);
            g.1.push(id);
        }
    }
    groups.into_iter().map(|g| g.1).collect()
}

#[cfg(test)]
mod tests;

//! `streambot bench`: builds the index from the data (plus optional synthetic titles) in a temp
//! directory, answers a fixed, seeded set of questions of each shape in process (rendering
//! included), answers the same set with SQLite FTS5, and reports latency percentiles, build
//! times, fuzzy-title recall, start to first answer and peak memory.

pub mod fts5;
mod map;
mod questions;
pub mod synthetic;
mod table;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::answer::{Caller, Who, respond, respond_for};
use crate::corpus::{self, Title};
use crate::domain::Service;
use crate::i18n::Lang;
use crate::places::Places;
use crate::render;
use crate::search::Engine;
use crate::store::{Change, Location, Owner, Store};
pub use map::MAP_SIZE;
use questions::{Q, queries};
use synthetic::{Rng, typo};
pub use table::table;

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub data: Vec<PathBuf>,
    /// Generated titles added to the data.
    pub synthetic: usize,
    /// Queries per shape.
    pub queries: usize,
    /// Real titles with typos for recall@1.
    pub recall_sample: usize,
    /// The executable to start for the first-answer timing (`None`: skip it).
    pub exe: Option<PathBuf>,
    /// Whether to build and time the SQLite FTS5 peer.
    pub fts5: bool,
}

impl Options {
    /// The tiny sizes CI uses.
    pub fn smoke(data: Vec<PathBuf>, exe: Option<PathBuf>) -> Options {
        Options {
            data,
            synthetic: 2_000,
            queries: 200,
            recall_sample: 100,
            exe,
            fts5: true,
        }
    }
}

/// Why the benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error(transparent)]
    Corpus(#[from] corpus::CorpusError),
    #[error(transparent)]
    Answer(#[from] crate::answer::AnswerError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Map(#[from] render::map::MapError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

const SEED: u64 = 0x5eed_2026;

/// The shapes, in report order.
pub const SHAPES: [&str; 11] = [
    "why_not",
    "titles_origin_type",
    "titles_text",
    "title_fuzzy",
    "title_in_place",
    "settings_read",
    "route",
    "route_mixed",
    "ranking",
    "autocomplete",
    "map",
];

/// Latency percentiles in microseconds.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub p50: u64,
    pub p99: u64,
    pub max: u64,
}

/// Nearest-rank percentiles.
pub fn stats(mut us: Vec<u64>) -> Stats {
    us.sort_unstable();
    let at = |p: usize| {
        if us.is_empty() {
            return 0;
        }
        let rank = (p * us.len()).div_ceil(100).max(1);
        us[rank - 1]
    };
    Stats {
        p50: at(50),
        p99: at(99),
        max: us.last().copied().unwrap_or(0),
    }
}

fn time_all<F: FnMut(&Q) -> Result<(), BenchError>>(
    qs: &[Q],
    mut f: F,
) -> Result<Stats, BenchError> {
    for q in qs.iter().take(100) {
        f(q)?;
    }
    let mut us = Vec::with_capacity(qs.len());
    for q in qs {
        let t = Instant::now();
        f(q)?;
        us.push(t.elapsed().as_micros() as u64);
    }
    Ok(stats(us))
}

fn ms(d: Duration) -> u64 {
    d.as_millis() as u64
}

/// Peak resident memory of this process (VmHWM), in MB.
pub fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some((kb / 1024.0 * 10.0).round() / 10.0)
}

/// Ours: input to a finished answer rendered as JSON.
fn ours(engine: &Engine, store: &Store, q: &Q) -> Result<(), BenchError> {
    match q {
        Q::Saved(user, _) => {
            let who = Who::load(Some(store), caller(*user));
            let a = respond_for(engine, &who, &q.input(), Lang::En)?;
            std::hint::black_box(render::json(&a));
        }
        Q::Complete(t, p) => {
            let titles = engine.complete_titles(t, 25)?;
            let places: Vec<&str> = Places::global()
                .complete(p, 25)
                .into_iter()
                .map(|p| p.name.as_str())
                .collect();
            std::hint::black_box(json!({"titles": titles, "places": places}).to_string());
        }
        Q::Map(_) => {
            std::hint::black_box(map::png(engine, &q.input())?);
        }
        _ => {
            let a = respond(engine, &q.input(), Lang::En)?;
            std::hint::black_box(render::json(&a));
        }
    }
    Ok(())
}

fn caller(user: u64) -> Caller {
    Caller {
        owner: Owner::User(user),
        guild: None,
        manages_guild: false,
    }
}

/// The settings shape's store: a SQLite file of [`questions::SETTINGS_USERS`] users, each with
/// a region and services.
fn settings_store(path: &Path) -> Result<Store, BenchError> {
    let store = Store::open(&Location::Sqlite(path.to_path_buf()))?;
    let regions = ["CN", "RU", "HK", "TW", "JP", "US", "IN", "KP", "FR", "SY"];
    let services: Vec<Service> = Service::all().collect();
    for user in 1..=questions::SETTINGS_USERS {
        let i = user as usize;
        let change = Change {
            region: Some(Some(regions[i % regions.len()].to_string())),
            services: Some(services[..1 + i % services.len()].to_vec()),
            ..Change::default()
        };
        store.change(Owner::User(user), &change)?;
    }
    Ok(store)
}

/// The settings shape's own comparisons: the same questions with the saved region typed into
/// them (no store read), and the store read alone.
fn settings_peers(
    engine: &Engine,
    store: &Store,
    qs: &[Q],
    ours_p50: u64,
    shape: &mut Value,
) -> Result<(), BenchError> {
    let typed = time_all(qs, |q| {
        if let Q::Saved(user, title) = q {
            let region = store.get(Owner::User(*user))?.region.unwrap_or_default();
            let a = respond(
                engine,
                &format!("/title name:\"{title}\" place:{region}"),
                Lang::En,
            )?;
            std::hint::black_box(render::json(&a));
        }
        Ok(())
    })?;
    let read = time_all(qs, |q| {
        if let Q::Saved(user, _) = q {
            std::hint::black_box(Who::load(Some(store), caller(*user)));
        }
        Ok(())
    })?;
    shape["typed_p50_us"] = json!(typed.p50);
    shape["typed_p99_us"] = json!(typed.p99);
    shape["ratio_typed_p50"] = ratio(ours_p50, typed.p50);
    shape["store_read_p50_us"] = json!(read.p50);
    shape["store_read_p99_us"] = json!(read.p99);
    shape["users"] = json!(questions::SETTINGS_USERS);
    Ok(())
}

/// The peer; `None` for shapes FTS5 cannot answer (free-text routing is ours alone).
fn peer(db: &fts5::Fts5, q: &Q) -> Option<Result<(), BenchError>> {
    let r = match q {
        Q::WhyNot(p) => db.why_not(p).map(drop),
        Q::OriginType(c, k) => db.titles_origin_type(c, *k).map(drop),
        Q::Text(w) => db.titles_text(w).map(drop),
        Q::Fuzzy(n) => db.title_fuzzy(n).map(drop),
        Q::Complete(t, p) => db.autocomplete(t, p).map(drop),
        Q::Route(_) | Q::Map(_) | Q::Saved(..) => return None,
    };
    Some(r.map_err(BenchError::from))
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `exe args` under `/usr/bin/time` (when there is one): its wall time in ms and its peak
/// RSS in MB.
fn child(exe: &Path, args: &[std::ffi::OsString]) -> Result<(u64, Option<f64>), BenchError> {
    let time = Path::new("/usr/bin/time");
    let start = Instant::now();
    let out = if time.exists() {
        std::process::Command::new(time)
            .arg("-f")
            .arg("STREAMBOT_RSS_KB=%M")
            .arg(exe)
            .args(args)
            .output()?
    } else {
        std::process::Command::new(exe).args(args).output()?
    };
    let ms = start.elapsed().as_millis() as u64;
    if !out.status.success() {
        return Err(BenchError::Io(std::io::Error::other(format!(
            "the child {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ))));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let rss = err
        .lines()
        .find_map(|l| l.strip_prefix("STREAMBOT_RSS_KB="))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|kb| (kb / 1024.0 * 10.0).round() / 10.0);
    Ok((ms, rss))
}

fn data_args(data: &[PathBuf], index: &Path) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = Vec::new();
    for d in data {
        args.push("--data".into());
        args.push(d.into());
    }
    args.push("--index".into());
    args.push(index.into());
    args
}

/// A fresh `streambot ask "/why-not china"` from the built index, three times: the median wall
/// time and the peak RSS.
fn first_answer(
    exe: &Path,
    index: &Path,
    data: &[PathBuf],
) -> Result<(u64, Option<f64>), BenchError> {
    let mut args = data_args(data, index);
    args.extend(["ask".into(), "/why-not china".into(), "--json".into()]);
    let mut runs = Vec::new();
    let mut rss = None;
    for _ in 0..3 {
        let (ms, r) = child(exe, &args)?;
        runs.push(ms);
        rss = r.or(rss);
    }
    runs.sort_unstable();
    Ok((runs[1], rss))
}

/// A fresh `streambot index` building from scratch into an empty directory: its wall time
/// and peak RSS (the bot's own footprint while building, without the bench's copies).
fn child_build(exe: &Path, dir: &Path, data: &[PathBuf]) -> Result<(u64, Option<f64>), BenchError> {
    let _ = std::fs::remove_dir_all(dir);
    let mut args = data_args(data, dir);
    args.push("index".into());
    let r = child(exe, &args);
    let _ = std::fs::remove_dir_all(dir);
    r
}

fn ratio(a: u64, b: u64) -> Value {
    if b == 0 {
        return json!(null);
    }
    json!(((a as f64 / b as f64) * 100.0).round() / 100.0)
}

/// Runs everything and returns the report as one JSON object.
pub fn run(opts: &Options) -> Result<Value, BenchError> {
    let root =
        TempDir(std::env::temp_dir().join(format!("streambot-bench-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&root.0);
    std::fs::create_dir_all(&root.0)?;
    let real = corpus::load(&opts.data)?;
    let mut data = opts.data.clone();
    if opts.synthetic > 0 {
        let dir = root.0.join("synthetic");
        synthetic::write(&dir, opts.synthetic, SEED, &real.titles)?;
        data.push(dir);
    }
    let index_dir = root.0.join("index");
    let start = Instant::now();
    let (engine, _) = Engine::open(&index_dir, &data, "bench", &|_, _| {})?;
    let build = start.elapsed();
    let info = engine.info();

    let start = Instant::now();
    let full = corpus::load(&data)?;
    let db = if opts.fts5 {
        Some(fts5::Fts5::build(&full)?)
    } else {
        None
    };
    let fts5_build = start.elapsed();

    let mut rng = Rng::new(SEED);
    let pool: &[Title] = if full.titles.is_empty() {
        &real.titles
    } else {
        &full.titles
    };
    let sets = queries(&mut rng, opts.queries.max(1), pool);
    let store = settings_store(&root.0.join("settings.sqlite3"))?;
    let mut shapes = serde_json::Map::new();
    for (name, qs) in &sets {
        let s = time_all(qs, |q| ours(&engine, &store, q))?;
        let p = match &db {
            Some(db) if peer(db, &qs[0]).is_some() => {
                Some(time_all(qs, |q| peer(db, q).unwrap_or(Ok(())))?)
            }
            _ => None,
        };
        let mut shape = json!({
                "queries": qs.len(),
                "p50_us": s.p50,
                "p99_us": s.p99,
                "max_us": s.max,
                "fts5_p50_us": p.map(|p| p.p50),
                "fts5_p99_us": p.map(|p| p.p99),
                "fts5_max_us": p.map(|p| p.max),
                "fts5_build_ms": p.map(|_| ms(fts5_build)),
                "ratio_p50": p.map(|p| ratio(s.p50, p.p50)).unwrap_or(Value::Null),
        });
        if *name == "map" {
            map::describe(&engine, qs, &mut shape)?;
        }
        if *name == "settings_read" {
            settings_peers(&engine, &store, qs, s.p50, &mut shape)?;
        }
        shapes.insert(name.to_string(), shape);
    }

    // Fuzzy title recall@1 over real titles (not synthetic ones) with one or two typos.
    let candidates: Vec<&Title> = real
        .titles
        .iter()
        .filter(|t| t.title.chars().count() >= 6)
        .collect();
    let mut hits = 0usize;
    let mut fts5_hits = 0usize;
    let mut sample = 0usize;
    if !candidates.is_empty() {
        let mut rng = Rng::new(SEED ^ 0xfeed);
        for _ in 0..opts.recall_sample {
            let t = *rng.pick(&candidates);
            let edits = 1 + rng.below(2);
            let wrong = typo(&mut rng, &t.title, edits);
            sample += 1;
            let a = respond(&engine, &format!("/title {wrong}"), Lang::En)?;
            if a.titles()
                .first()
                .is_some_and(|c| c.title.to_lowercase() == t.title.to_lowercase())
            {
                hits += 1;
            }
            if let Some(db) = &db
                && db
                    .title_fuzzy(&wrong)?
                    .1
                    .is_some_and(|f| f.to_lowercase() == t.title.to_lowercase())
            {
                fts5_hits += 1;
            }
        }
    }
    let recall = |h: usize, counted: bool| {
        if sample == 0 || !counted {
            Value::Null
        } else {
            json!((h as f64 / sample as f64 * 1000.0).round() / 1000.0)
        }
    };

    let (first_ms, child_rss, build_child_ms, build_rss) = match &opts.exe {
        Some(exe) => {
            let (ms, rss) = first_answer(exe, &index_dir, &data)?;
            drop(engine);
            let (build_ms, build_rss) = child_build(exe, &root.0.join("child-index"), &data)?;
            (json!(ms), json!(rss), json!(build_ms), json!(build_rss))
        }
        None => (Value::Null, Value::Null, Value::Null, Value::Null),
    };
    let machine = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    Ok(json!({
        "build_ms": ms(build),
        "fts5_build_ms": db.as_ref().map(|_| ms(fts5_build)),
        "build_ratio": db
            .as_ref()
            .map(|_| ratio(build.as_millis() as u64, fts5_build.as_millis() as u64))
            .unwrap_or(Value::Null),
        "first_answer_ms": first_ms,
        "first_answer_peak_rss_mb": child_rss,
        "answer_peak_rss_mb": child_rss,
        "build_peak_rss_mb": build_rss,
        "build_child_ms": build_child_ms,
        "peak_rss_mb": peak_rss_mb(),
        "recall_at_1": recall(hits, true),
        "fts5_recall_at_1": recall(fts5_hits, db.is_some()),
        "recall_sample": sample,
        "titles_indexed": info.titles,
        "passages_indexed": info.passages,
        "synthetic": opts.synthetic,
        "queries": opts.queries,
        "cores": machine,
        "machine": {"cores": machine},
        "shapes": Value::Object(shapes),
    }))
}

//! The curated `data/` plus the public title files in `../shared/data`: finding them, building an
//! engine from them, and an independent model of the title files, read here with the `csv` crate
//! (not by the crate's loader) so that tests can count what the engine should answer.
//!
//! When `../shared/data` is missing, [`shared_dir`] prints a note and the tests pass, except on
//! CI (`CI` set), where a missing dataset is an error.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use streambot::corpus::Kind;
use streambot::search::{Engine, OpenOutcome};

/// The four public title files, by service id.
pub const SERVICES: [&str; 4] = ["amazon_prime", "disney_plus", "hulu", "netflix"];

pub fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/data`, or `None` (with a note "skipping `what`") when it is missing outside CI.
pub fn shared_dir(what: &str) -> Option<PathBuf> {
    let dir = crate_root().join("../shared/data");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "the public datasets are missing: {} does not exist, and CI is set. \
             Put the Kaggle title files there (see data/SOURCES.md).",
            dir.display()
        );
    }
    eprintln!("note: {} does not exist; skipping {what}", dir.display());
    None
}

/// An engine built from `data/` (+ `shared`, when given) into a fresh temporary directory named
/// after `test` (the test file's name, without `.rs`). Test binaries keep it in a static.
pub fn open_engine(test: &str, shared: Option<&Path>) -> Engine {
    let dir = std::env::temp_dir().join(format!("streambot-test-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut data = vec![crate_root().join("data")];
    data.extend(shared.map(Path::to_path_buf));
    let (engine, outcome) =
        Engine::open(&dir, &data, &format!("tests/{test}.rs"), &|_, _| {}).expect("index builds");
    assert!(matches!(outcome, OpenOutcome::Built(_)), "{outcome:?}");
    // Every segment file is open (memory-mapped) by the engine's reader, and the reader never
    // reloads (manual policy), so the directory can go now: no static destructor would run.
    let _ = std::fs::remove_dir_all(&dir);
    engine
}

// ---------------------------------------------------------------------------------------------
// The independent model of the title files.

/// Case- and accent-insensitive, spaces collapsed, punctuation kept. It is also the key a title
/// is compared by, as the issue defines "the same title": so "Veronica"/"Verónica" (2017,
/// Netflix) are one title, while "BLAME!" (Netflix) and "Blame" (Hulu) stay apart.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let s: String = s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a list cell (`country`, `director`, …): comma-separated, trimmed, empty tokens dropped.
pub fn list(cell: &str) -> Vec<String> {
    cell.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// One row of a title file, as the tests read it.
#[derive(Debug, Clone)]
pub struct Row {
    pub service: String,
    pub title: String,
    pub year: String,
    pub kind: Kind,
    pub countries: Vec<String>,
    pub directors: Vec<String>,
    pub cast: Vec<String>,
    pub genres: Vec<String>,
    /// The year and month of `date_added` (`September 25, 2021` or `2021-09-25`), when it has
    /// one.
    pub added: Option<(u16, u8)>,
}

/// English month names as the datasets write them.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A `date_added` cell (`September 25, 2021` or `2021-09-25`) as (year, month, day), read
/// independently of the loader.
pub fn day_of(cell: &str) -> Option<(u16, u8, u8)> {
    let cell = cell.trim();
    if let Some((month_day, year)) = cell.rsplit_once(',') {
        let (name, day) = month_day.trim().split_once(' ')?;
        let month = MONTHS.iter().position(|m| *m == name.to_lowercase())? as u8 + 1;
        return Some((year.trim().parse().ok()?, month, day.trim().parse().ok()?));
    }
    let mut parts = cell.splitn(3, '-').map(|p| p.parse().ok());
    let year = parts.next()??;
    let month = u8::try_from(parts.next()??).ok()?;
    let day = u8::try_from(parts.next()??).ok()?;
    Some((year, month, day))
}

pub fn read_title_file(path: &Path, service: &str) -> Vec<Row> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = rdr.headers().expect("a header").clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
            .unwrap_or_else(|| panic!("{} has no {name} column", path.display()))
    };
    let c = [
        col("type"),
        col("title"),
        col("country"),
        col("release_year"),
        col("director"),
        col("cast"),
        col("listed_in"),
        col("date_added"),
    ];
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let cell = |i: usize| rec.get(c[i]).unwrap_or("").trim();
        if cell(1).is_empty() {
            continue;
        }
        let kind = match cell(0) {
            "Movie" => Kind::Movie,
            "TV Show" => Kind::Tv,
            other => panic!("{}: unexpected type {other:?}", path.display()),
        };
        rows.push(Row {
            service: service.to_string(),
            title: cell(1).to_string(),
            year: cell(3).to_string(),
            kind,
            countries: list(cell(2)),
            directors: list(cell(4)),
            cast: list(cell(5)),
            genres: list(cell(6)),
            added: day_of(cell(7)).map(|(y, m, _)| (y, m)),
        });
    }
    rows
}

/// Every title row, in the order the loader reads the files: `data/titles/*.csv` (sorted), then
/// the four public files (sorted).
pub fn all_rows(shared: &Path) -> Vec<Row> {
    let mut curated: Vec<PathBuf> = std::fs::read_dir(crate_root().join("data/titles"))
        .expect("data/titles")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    curated.sort();
    let mut rows = Vec::new();
    for path in curated {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let service = name
            .strip_suffix("_titles.csv")
            .unwrap_or_else(|| panic!("unexpected curated file {name}"));
        rows.extend(read_title_file(&path, service));
    }
    for service in SERVICES {
        rows.extend(read_title_file(
            &shared.join(format!("{service}_titles.csv")),
            service,
        ));
    }
    rows
}

/// A work: the rows that name the same title, merged the way the datasets are documented to be
/// merged (src/corpus/merge.rs): the same title ([`fold`]) and release year are one work within
/// a service whatever the type, and one work across services when the type agrees too. Its
/// lists are the union of its rows'; its year and type are its first row's.
#[derive(Debug, Default)]
pub struct Work {
    /// As the first row writes it.
    pub year: String,
    pub kind: Option<Kind>,
    pub countries: HashSet<String>,
    pub services: HashSet<String>,
    /// Folded names.
    pub directors: HashSet<String>,
    /// Folded names.
    pub cast: HashSet<String>,
    /// Every word of every genre, folded.
    pub genre_words: HashSet<String>,
    /// The year and month each service's rows say the work was added.
    pub added: HashMap<String, Vec<(u16, u8)>>,
}

impl Work {
    /// First added in the months `from..=to` (year, month): to `service` (the earliest of its
    /// rows' dates), or, with none, anywhere (the earliest date of all).
    pub fn added_in(&self, service: Option<&str>, (from, to): ((u16, u8), (u16, u8))) -> bool {
        let first = match service {
            Some(s) => self.added.get(s).and_then(|ys| ys.iter().min()),
            None => self.added.values().flatten().min(),
        };
        first.is_some_and(|y| (from..=to).contains(y))
    }

    /// The release year as a number, when the first row has one.
    pub fn year_number(&self) -> Option<u16> {
        self.year.parse().ok()
    }

    /// Produced (partly) in `country` (exact name as in the files; any when `None`), of `kind`
    /// (any when `None`), listed by `service` (any when `None`).
    pub fn matches(
        &self,
        country: Option<&str>,
        kind: Option<Kind>,
        service: Option<&str>,
    ) -> bool {
        country.is_none_or(|c| self.countries.contains(c))
            && (kind.is_none() || self.kind == kind)
            && service.is_none_or(|s| self.services.contains(s))
    }
}

pub fn works(rows: &[Row]) -> Vec<Work> {
    let mut works: Vec<Work> = Vec::new();
    let mut in_service: HashMap<(String, String, String), usize> = HashMap::new();
    let mut across: HashMap<(String, String, Kind), usize> = HashMap::new();
    for r in rows {
        let key = fold(&r.title);
        let service_key = (r.service.clone(), key.clone(), r.year.clone());
        let i = match in_service.get(&service_key) {
            Some(&i) => i,
            None => {
                let i = *across
                    .entry((key, r.year.clone(), r.kind))
                    .or_insert_with(|| {
                        works.push(Work {
                            year: r.year.clone(),
                            kind: Some(r.kind),
                            ..Work::default()
                        });
                        works.len() - 1
                    });
                in_service.insert(service_key, i);
                i
            }
        };
        let w = &mut works[i];
        w.countries.extend(r.countries.iter().cloned());
        w.services.insert(r.service.clone());
        if let Some(y) = r.added {
            w.added.entry(r.service.clone()).or_default().push(y);
        }
        w.directors.extend(r.directors.iter().map(|n| fold(n)));
        w.cast.extend(r.cast.iter().map(|n| fold(n)));
        for g in &r.genres {
            w.genre_words.extend(
                fold(g)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
    }
    works
}

/// Works produced (partly) in `country` (exact name as in the files), of `kind` (any when
/// `None`), listed by `service` (any when `None`).
pub fn count(works: &[Work], country: &str, kind: Option<Kind>, service: Option<&str>) -> usize {
    works
        .iter()
        .filter(|w| w.matches(Some(country), kind, service))
        .count()
}

/// The rows and the works of the title files, read once per test binary.
pub struct Model {
    pub rows: Vec<Row>,
    pub works: Vec<Work>,
}

pub fn model(shared: &Path) -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let rows = all_rows(shared);
        let works = works(&rows);
        Model { rows, works }
    })
}

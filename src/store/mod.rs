//! What the bot remembers about the people and servers it answers: each one's region, services
//! and language, in embedded SQLite by default and in PostgreSQL when several processes share
//! it. Only owner ids and these settings are stored, never message content.
//!
//! The calls block (a local file or a database round trip): call them off the async threads.

mod migrations;
mod postgres;
mod sqlite;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::domain::Service;
use crate::i18n::Lang;

/// Whose settings a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A Discord user, wherever they ask.
    User(u64),
    /// A server's defaults (its region), set by its moderators.
    Guild(u64),
    /// The one person at the console or running `streambot ask`.
    Local,
}

impl Owner {
    /// The row's key: its scope and id (Discord ids are below 2^63).
    fn key(self) -> (&'static str, i64) {
        match self {
            Owner::User(id) => ("user", id as i64),
            Owner::Guild(id) => ("guild", id as i64),
            Owner::Local => ("local", 0),
        }
    }
}

/// One owner's settings; `None` or empty: not set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// Where they watch: an ISO 3166-1 alpha-2 code (`HK`).
    pub region: Option<String>,
    /// The services they have, in the order the bot lists services.
    pub services: Vec<Service>,
    /// The language to answer in; `None` follows Discord's or the question's.
    pub language: Option<Lang>,
}

impl Settings {
    pub fn is_empty(&self) -> bool {
        self == &Settings::default()
    }
}

/// What a `/settings` call changes: `Some(None)` clears a setting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub region: Option<Option<String>>,
    pub services: Option<Vec<Service>>,
    pub language: Option<Option<Lang>>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self == &Change::default()
    }
}

/// Why the settings could not be read or written. Users are told only that settings are
/// unavailable; the detail goes to the log.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the settings database is unreachable: {0}")]
    Unavailable(String),
    #[error("the settings database failed: {0}")]
    Database(String),
    #[error("the settings database holds a setting this version cannot read: {0}")]
    Corrupt(String),
    #[error("the settings database is at schema version {found}, newer than this build's {known}")]
    TooNew { found: i64, known: i64 },
}

/// Where the settings live, from `DATABASE_URL` (or a file beside the index by default).
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl std::fmt::Debug for Location {
    /// A PostgreSQL URL may hold a password: only its scheme is shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(p) => write!(f, "Sqlite({})", p.display()),
            Location::Postgres(_) => f.write_str("Postgres(***)"),
        }
    }
}

impl Location {
    /// `postgres://…` or `postgresql://…`, `sqlite://path` or `sqlite:path`; anything else is an
    /// error naming the schemes understood.
    pub fn parse(url: &str) -> Result<Location, String> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Location::Postgres(url.to_string()));
        }
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .filter(|p| !p.is_empty())
        {
            return Ok(Location::Sqlite(PathBuf::from(path)));
        }
        Err("expected postgres://user@host:port/database or sqlite://path/to/file".into())
    }

    /// The default: `streambot.sqlite3` in the directory that holds the index directory (the
    /// index is rebuilt in place, so the settings sit beside it, not in it).
    pub fn beside(index_dir: &Path) -> Location {
        let parent = index_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Location::Sqlite(parent.join("streambot.sqlite3"))
    }
}

/// The settings store: one SQLite file or a PostgreSQL database, behind the same calls.
pub struct Store {
    backend: Backend,
}

enum Backend {
    Sqlite(sqlite::Sqlite),
    Postgres(Box<postgres::Postgres>),
}

/// The SQL both backends run, with `$n` parameters in order (SQLite numbers `$1`, `$2`… as
/// PostgreSQL does when they appear in order).
mod sql {
    pub const GET: &str = "SELECT scope, region, services, language FROM settings \
        WHERE (scope = $1 AND id = $2) OR (scope = $3 AND id = $4)";
    pub const FORGET: &str = "DELETE FROM settings WHERE scope = $1 AND id = $2";

    /// The upsert of the given columns (names from [`super::Change`], never from input): one
    /// statement, so concurrent changes of different settings of one owner both land.
    pub fn put(columns: &[&str]) -> String {
        let names: String = columns.iter().map(|c| format!(", {c}")).collect();
        let values: String = (0..columns.len())
            .map(|i| format!(", ${}", i + 3))
            .collect();
        let set: String = columns
            .iter()
            .map(|c| format!("{c} = excluded.{c}, "))
            .collect();
        format!(
            "INSERT INTO settings (scope, id{names}, updated_at) VALUES ($1, $2{values}, ${}) \
             ON CONFLICT (scope, id) DO UPDATE SET {set}updated_at = excluded.updated_at \
             RETURNING scope, region, services, language",
            columns.len() + 3
        )
    }
}

/// A parameter of a query.
#[derive(Debug, Clone, PartialEq)]
enum Param {
    Int(i64),
    Text(Option<String>),
}

/// One row as both backends return it.
struct Row {
    scope: String,
    region: Option<String>,
    services: Option<String>,
    language: Option<String>,
}

impl Row {
    fn settings(&self) -> Result<Settings, StoreError> {
        let bad = |what: &str, v: &str| StoreError::Corrupt(format!("{what} {v:?}"));
        let services = match self.services.as_deref() {
            None | Some("") => Vec::new(),
            Some(list) => list
                .split(',')
                .map(|id| Service::from_id(id).ok_or_else(|| bad("service", id)))
                .collect::<Result<_, _>>()?,
        };
        let language = match self.language.as_deref() {
            None => None,
            Some(code) => Some(Lang::parse(code).ok_or_else(|| bad("language", code))?),
        };
        Ok(Settings {
            region: self.region.clone(),
            services,
            language,
        })
    }
}

impl Change {
    /// The columns it sets and their stored values.
    fn columns(&self) -> Vec<(&'static str, Param)> {
        let mut out = Vec::new();
        if let Some(r) = &self.region {
            out.push(("region", Param::Text(r.clone())));
        }
        if let Some(list) = &self.services {
            let ids: Vec<&str> = Service::all()
                .filter(|s| list.contains(s))
                .map(|s| s.id())
                .collect();
            out.push((
                "services",
                Param::Text((!ids.is_empty()).then(|| ids.join(","))),
            ));
        }
        if let Some(l) = self.language {
            out.push(("language", Param::Text(l.map(|l| l.code().to_string()))));
        }
        out
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// Opens (creating and migrating) the store at `location`. SQLite is opened now and fails
    /// here when the file cannot be; PostgreSQL connects on first use, so a database that is
    /// down at start does not stop the bot.
    pub fn open(location: &Location) -> Result<Store, StoreError> {
        let backend = match location {
            Location::Sqlite(path) => Backend::Sqlite(sqlite::Sqlite::open(path)?),
            Location::Postgres(url) => Backend::Postgres(Box::new(postgres::Postgres::new(url)?)),
        };
        Ok(Store { backend })
    }

    /// A store in memory (SQLite), for tests and a console with nowhere to write.
    pub fn in_memory() -> Result<Store, StoreError> {
        Ok(Store {
            backend: Backend::Sqlite(sqlite::Sqlite::in_memory()?),
        })
    }

    /// Which backend this is, for logs: `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Connects and migrates now (PostgreSQL connects lazily otherwise), for a start-up check.
    pub fn check(&self) -> Result<(), StoreError> {
        self.get(Owner::Local).map(|_| ())
    }

    /// One owner's settings (empty when none are stored).
    pub fn get(&self, owner: Owner) -> Result<Settings, StoreError> {
        Ok(self.get_with(owner, None)?.0)
    }

    /// A user's settings and, when they ask in a server, the server's, in one round trip.
    pub fn get_with(
        &self,
        owner: Owner,
        guild: Option<u64>,
    ) -> Result<(Settings, Settings), StoreError> {
        let (scope, id) = owner.key();
        // With no server the second pair matches nothing.
        let (gscope, gid) = guild.map_or(("none", 0), |g| Owner::Guild(g).key());
        let params = [
            Param::Text(Some(scope.into())),
            Param::Int(id),
            Param::Text(Some(gscope.into())),
            Param::Int(gid),
        ];
        let mut mine = Settings::default();
        let mut server = Settings::default();
        for row in self.query(sql::GET, &params)? {
            let s = row.settings()?;
            if row.scope == scope {
                mine = s;
            } else {
                server = s;
            }
        }
        Ok((mine, server))
    }

    /// Applies `change` to an owner's settings and returns them as now stored.
    pub fn change(&self, owner: Owner, change: &Change) -> Result<Settings, StoreError> {
        if change.is_empty() {
            return self.get(owner);
        }
        let (scope, id) = owner.key();
        let columns = change.columns();
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let mut params = vec![Param::Text(Some(scope.into())), Param::Int(id)];
        params.extend(columns.into_iter().map(|(_, p)| p));
        params.push(Param::Int(now()));
        let rows = self.query(&sql::put(&names), &params)?;
        match rows.first() {
            Some(row) => row.settings(),
            None => Err(StoreError::Database("the upsert returned no row".into())),
        }
    }

    /// Deletes everything stored about an owner; whether there was anything.
    pub fn forget(&self, owner: Owner) -> Result<bool, StoreError> {
        let (scope, id) = owner.key();
        let params = [Param::Text(Some(scope.into())), Param::Int(id)];
        Ok(self.execute(sql::FORGET, &params)? > 0)
    }

    fn query(&self, sql: &str, params: &[Param]) -> Result<Vec<Row>, StoreError> {
        match &self.backend {
            Backend::Sqlite(db) => db.query(sql, params),
            Backend::Postgres(db) => db.query(sql, params),
        }
    }

    fn execute(&self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        match &self.backend {
            Backend::Sqlite(db) => db.execute(sql, params),
            Backend::Postgres(db) => db.execute(sql, params),
        }
    }
}

#[cfg(test)]
mod tests;

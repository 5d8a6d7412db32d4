//! The shared backend: one PostgreSQL database that every gateway shard and HTTP replica uses,
//! so a setting saved through one is read by all. It connects on first use and again after
//! a failure, so the bot starts and answers while the database is down.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use postgres::types::ToSql;
use postgres::{Client, NoTls};

use super::migrations::{self, APPLIED, RECORD, TABLE};
use super::{Param, Row, StoreError};

/// How long a connection attempt may take before settings are reported unavailable.
const CONNECT_WITHIN: Duration = Duration::from_secs(2);
/// After a failed connection, calls fail at once for this long instead of each waiting.
const RETRY_AFTER: Duration = Duration::from_secs(5);
/// Idle connections kept for reuse.
const IDLE: usize = 4;
/// Any lock id that no other program on the database is likely to take (ASCII "strmbot").
const MIGRATION_LOCK: i64 = 0x0073_7472_6d62_6f74;

pub(super) struct Postgres {
    config: postgres::Config,
    idle: Mutex<Vec<Client>>,
    migrated: AtomicBool,
    failed_at: Mutex<Option<Instant>>,
}

fn db(e: postgres::Error) -> StoreError {
    if e.is_closed() || e.as_db_error().is_none() {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Database(e.to_string())
    }
}

impl Postgres {
    /// Reads the URL; connects on first use.
    pub fn new(url: &str) -> Result<Postgres, StoreError> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| StoreError::Unavailable(format!("DATABASE_URL: {e}")))?;
        config.connect_timeout(CONNECT_WITHIN);
        config.application_name("streambot");
        Ok(Postgres {
            config,
            idle: Mutex::new(Vec::new()),
            migrated: AtomicBool::new(false),
            failed_at: Mutex::new(None),
        })
    }

    /// An idle connection, or a new one (migrating the database on the first).
    fn client(&self) -> Result<Client, StoreError> {
        let reused = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        if let Some(c) = reused.filter(|c| !c.is_closed()) {
            return Ok(c);
        }
        let mut failed = self.failed_at.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(at) = *failed
            && at.elapsed() < RETRY_AFTER
        {
            return Err(StoreError::Unavailable(
                "the last connection attempt failed moments ago".into(),
            ));
        }
        let connected = self.config.connect(NoTls).map_err(db).and_then(|mut c| {
            if !self.migrated.load(Ordering::Acquire) {
                migrate(&mut c)?;
                self.migrated.store(true, Ordering::Release);
            }
            Ok(c)
        });
        *failed = connected.is_err().then(Instant::now);
        connected
    }

    /// Returns a connection that is still usable to the idle ones.
    fn give_back(&self, c: Client) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if !c.is_closed() && idle.len() < IDLE {
            idle.push(c);
        }
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, StoreError> {
        let mut c = self.client()?;
        let out = f(&mut c).map_err(db);
        if out.is_ok() {
            self.give_back(c);
        }
        out
    }

    pub fn query(&self, sql: &str, params: &[Param]) -> Result<Vec<Row>, StoreError> {
        let values = values(params);
        let refs = refs(&values);
        let rows = self.with(|c| c.query(sql, &refs))?;
        rows.iter()
            .map(|r| {
                Ok(Row {
                    scope: r.try_get(0).map_err(db)?,
                    region: r.try_get(1).map_err(db)?,
                    services: r.try_get(2).map_err(db)?,
                    language: r.try_get(3).map_err(db)?,
                })
            })
            .collect()
    }

    pub fn execute(&self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        let values = values(params);
        let refs = refs(&values);
        self.with(|c| c.execute(sql, &refs))
    }
}

impl Drop for Postgres {
    /// Each connection owns a small runtime, which must not be dropped on an async thread:
    /// the idle ones are closed on a thread of their own.
    fn drop(&mut self) {
        let idle = std::mem::take(self.idle.get_mut().unwrap_or_else(|p| p.into_inner()));
        if !idle.is_empty() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

enum Owned {
    Int(i64),
    Text(Option<String>),
}

fn values(params: &[Param]) -> Vec<Owned> {
    params
        .iter()
        .map(|p| match p {
            Param::Int(i) => Owned::Int(*i),
            Param::Text(t) => Owned::Text(t.clone()),
        })
        .collect()
}

fn refs(values: &[Owned]) -> Vec<&(dyn ToSql + Sync)> {
    values
        .iter()
        .map(|v| match v {
            Owned::Int(i) => i as &(dyn ToSql + Sync),
            Owned::Text(t) => t as &(dyn ToSql + Sync),
        })
        .collect()
}

/// Brings the database up to date in one transaction holding an advisory lock, so replicas
/// starting together migrate once.
fn migrate(c: &mut Client) -> Result<(), StoreError> {
    let mut tx = c.transaction().map_err(db)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(db)?;
    tx.batch_execute(TABLE).map_err(db)?;
    let applied: i64 = tx.query_one(APPLIED, &[]).map_err(db)?.get(0);
    for m in migrations::pending(applied)? {
        tx.batch_execute(m.sql).map_err(db)?;
        tx.execute(RECORD, &[&m.version, &m.name, &super::now()])
            .map_err(db)?;
        tracing::info!(
            version = m.version,
            name = m.name,
            "settings database migrated"
        );
    }
    tx.commit().map_err(db)
}

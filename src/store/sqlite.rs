//! The default backend: one SQLite file beside the index, in WAL mode so a process killed
//! mid-write leaves every committed setting in place, opened by each process that shares it.

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, types::Value};

use super::migrations::{self, APPLIED, RECORD, TABLE};
use super::{Param, Row, StoreError};

pub(super) struct Sqlite {
    conn: Mutex<Connection>,
}

fn db(e: rusqlite::Error) -> StoreError {
    StoreError::Database(e.to_string())
}

fn value(p: &Param) -> Value {
    match p {
        Param::Int(i) => Value::Integer(*i),
        Param::Text(Some(s)) => Value::Text(s.clone()),
        Param::Text(None) => Value::Null,
    }
}

impl Sqlite {
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Unavailable(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Unavailable(format!("{}: {e}", path.display())))?;
        Sqlite::ready(conn)
    }

    pub fn in_memory() -> Result<Sqlite, StoreError> {
        Sqlite::ready(Connection::open_in_memory().map_err(db)?)
    }

    fn ready(mut conn: Connection) -> Result<Sqlite, StoreError> {
        conn.busy_timeout(Duration::from_secs(5)).map_err(db)?;
        // WAL: readers do not wait for a writer, and a crash keeps every committed transaction.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(db)?;
        migrate(&mut conn)?;
        Ok(Sqlite {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half-done statement: SQLite rolls it back.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn query(&self, sql: &str, params: &[Param]) -> Result<Vec<Row>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(sql).map_err(db)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter().map(value)), |r| {
                Ok(Row {
                    scope: r.get(0)?,
                    region: r.get(1)?,
                    services: r.get(2)?,
                    language: r.get(3)?,
                })
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    pub fn execute(&self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(sql).map_err(db)?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params.iter().map(value)))
            .map_err(db)?;
        Ok(n as u64)
    }
}

/// Brings the file up to date in one `IMMEDIATE` transaction (the write lock is taken first, so
/// a second process waits, then finds nothing to do).
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(db)?;
    tx.execute_batch(TABLE).map_err(db)?;
    let applied: i64 = tx.query_row(APPLIED, [], |r| r.get(0)).map_err(db)?;
    for m in migrations::pending(applied)? {
        tx.execute_batch(m.sql).map_err(db)?;
        tx.execute(RECORD, rusqlite::params![m.version, m.name, super::now()])
            .map_err(db)?;
        tracing::info!(
            version = m.version,
            name = m.name,
            "settings database migrated"
        );
    }
    tx.commit().map_err(db)
}

//! The schema, as numbered migrations both backends run in order at start: a database is
//! brought up to date once, inside a transaction that also holds a lock, so two processes
//! starting together do not both migrate.

/// One step of the schema.
pub(super) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, oldest first. Never edit a released one: add the next.
pub(super) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "settings",
    sql: "CREATE TABLE settings (
        scope TEXT NOT NULL,
        id BIGINT NOT NULL,
        region TEXT,
        services TEXT,
        language TEXT,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (scope, id)
    )",
}];

/// The table that records which migrations a database has.
pub(super) const TABLE: &str = "CREATE TABLE IF NOT EXISTS streambot_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";
pub(super) const APPLIED: &str = "SELECT COALESCE(MAX(version), 0) FROM streambot_migrations";
pub(super) const RECORD: &str =
    "INSERT INTO streambot_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

/// The newest version this build knows.
pub(super) fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The migrations a database at `applied` still needs, or an error when it is newer than this
/// build (an older binary must not write to a schema it does not know).
pub(super) fn pending(applied: i64) -> Result<&'static [Migration], super::StoreError> {
    if applied > latest() {
        return Err(super::StoreError::TooNew {
            found: applied,
            known: latest(),
        });
    }
    let from = MIGRATIONS
        .iter()
        .position(|m| m.version > applied)
        .unwrap_or(MIGRATIONS.len());
    Ok(&MIGRATIONS[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_from_one_and_pending_starts_after_the_applied() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
        }
        assert_eq!(pending(0).unwrap().len(), MIGRATIONS.len());
        assert_eq!(pending(latest()).unwrap().len(), 0);
        assert!(matches!(
            pending(latest() + 1),
            Err(super::super::StoreError::TooNew { .. })
        ));
    }
}

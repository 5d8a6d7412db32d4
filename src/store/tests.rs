//! The store's suite, run against SQLite and against the PostgreSQL of `DATABASE_URL` (which
//! `.ci/run` starts); without one it says so, and under `CI=true` it fails.

use super::*;

fn svc(id: &str) -> Service {
    Service::from_id(id).unwrap()
}

/// Owner ids no other test (or earlier run against the same PostgreSQL) uses.
fn fresh_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let base = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        % (1 << 40);
    (base << 20) + NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Each backend the suite runs against: a SQLite file, and PostgreSQL when there is one.
fn backends() -> Vec<(Store, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open(&Location::Sqlite(dir.path().join("s.sqlite3"))).unwrap();
    let mut out = vec![(sqlite, Some(dir))];
    if let Some(pg) = postgres_store() {
        out.push((pg, None));
    }
    out
}

/// The PostgreSQL store of `DATABASE_URL`, or `None` (with a message) outside CI.
pub(crate) fn postgres_store() -> Option<Store> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let store = Store::open(&Location::parse(&url).unwrap()).unwrap();
            store
                .check()
                .expect("the PostgreSQL of DATABASE_URL answers");
            Some(store)
        }
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but DATABASE_URL names no PostgreSQL: .ci/run starts one")
        }
        _ => {
            eprintln!("skipped: no PostgreSQL (set DATABASE_URL=postgres://…)");
            None
        }
    }
}

fn region(code: &str) -> Change {
    Change {
        region: Some(Some(code.into())),
        ..Change::default()
    }
}

#[test]
fn settings_are_changed_one_at_a_time_and_forgotten() {
    for (store, _dir) in backends() {
        let who = Owner::User(fresh_id());
        let name = store.backend();
        assert_eq!(store.get(who).unwrap(), Settings::default(), "{name}");
        assert_eq!(
            store.change(who, &region("HK")).unwrap().region.as_deref(),
            Some("HK")
        );
        let services = Change {
            services: Some(vec![svc("hulu"), svc("netflix"), svc("hulu")]),
            ..Change::default()
        };
        let now = store.change(who, &services).unwrap();
        // The region stays; services come back in the bot's order, once each.
        assert_eq!(
            now,
            Settings {
                region: Some("HK".into()),
                services: vec![svc("netflix"), svc("hulu")],
                language: None,
            },
            "{name}"
        );
        let zh = Change {
            language: Some(Some(Lang::ZhTw)),
            region: Some(None),
            ..Change::default()
        };
        let now = store.change(who, &zh).unwrap();
        assert_eq!(
            (now.region, now.language),
            (None, Some(Lang::ZhTw)),
            "{name}"
        );
        assert_eq!(store.get(who).unwrap().services.len(), 2, "{name}");
        assert!(store.forget(who).unwrap(), "{name}");
        assert_eq!(store.get(who).unwrap(), Settings::default(), "{name}");
        assert!(
            !store.forget(who).unwrap(),
            "{name}: nothing left to forget"
        );
    }
}

#[test]
fn a_user_and_their_server_are_read_together_and_kept_apart() {
    for (store, _dir) in backends() {
        let (user, guild) = (fresh_id(), fresh_id());
        store.change(Owner::User(user), &region("TW")).unwrap();
        store.change(Owner::Guild(guild), &region("JP")).unwrap();
        // The same number as a user and as a server are different owners.
        store.change(Owner::Guild(user), &region("KR")).unwrap();
        let (mine, server) = store.get_with(Owner::User(user), Some(guild)).unwrap();
        assert_eq!(mine.region.as_deref(), Some("TW"));
        assert_eq!(server.region.as_deref(), Some("JP"));
        let (mine, server) = store.get_with(Owner::User(user), None).unwrap();
        assert_eq!(
            (mine.region.as_deref(), server),
            (Some("TW"), Settings::default())
        );
        assert!(store.forget(Owner::User(user)).unwrap());
        assert_eq!(
            store.get(Owner::Guild(user)).unwrap().region.as_deref(),
            Some("KR"),
            "forgetting a user leaves the server of the same number"
        );
    }
}

#[test]
fn two_handles_on_one_database_see_each_others_writes_and_concurrent_changes_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = Location::Sqlite(dir.path().join("shared.sqlite3"));
    let mut pairs = vec![(Store::open(&path).unwrap(), Store::open(&path).unwrap())];
    if let (Some(a), Some(b)) = (postgres_store(), postgres_store()) {
        pairs.push((a, b));
    }
    for (a, b) in pairs {
        let who = Owner::User(fresh_id());
        a.change(who, &region("DE")).unwrap();
        assert_eq!(b.get(who).unwrap().region.as_deref(), Some("DE"));
        // Two writers changing different settings of one owner at once: both changes stay.
        std::thread::scope(|s| {
            s.spawn(|| {
                for i in 0..20 {
                    let code = if i % 2 == 0 { "FR" } else { "IT" };
                    a.change(who, &region(code)).unwrap();
                }
            });
            s.spawn(|| {
                b.change(
                    who,
                    &Change {
                        services: Some(vec![svc("disney_plus")]),
                        ..Change::default()
                    },
                )
                .unwrap();
            });
        });
        let now = b.get(who).unwrap();
        assert_eq!(now.region.as_deref(), Some("IT"), "{}", a.backend());
        assert_eq!(now.services, vec![svc("disney_plus")], "{}", a.backend());
        a.forget(who).unwrap();
    }
}

#[test]
fn a_sqlite_file_keeps_settings_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = Location::Sqlite(dir.path().join("nested/dir/s.sqlite3"));
    {
        let store = Store::open(&path).unwrap();
        store.change(Owner::Local, &region("CN")).unwrap();
    }
    // Reopening migrates nothing again and finds the setting.
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.get(Owner::Local).unwrap().region.as_deref(),
        Some("CN")
    );
}

#[test]
fn a_database_that_is_down_is_reported_unavailable_quickly_and_then_at_once() {
    // Nothing listens on port 1 of loopback.
    let store = Store::open(&Location::parse("postgres://streambot@127.0.0.1:1/none").unwrap())
        .expect("PostgreSQL connects on first use, not at open");
    let started = std::time::Instant::now();
    assert!(matches!(
        store.get(Owner::Local),
        Err(StoreError::Unavailable(_))
    ));
    assert!(matches!(
        store.change(Owner::Local, &region("HK")),
        Err(StoreError::Unavailable(_))
    ));
    assert!(started.elapsed() < std::time::Duration::from_secs(4));
}

#[test]
fn locations_are_read_from_urls_and_never_show_a_password() {
    assert_eq!(
        Location::parse("sqlite://var/s.db"),
        Ok(Location::Sqlite("var/s.db".into()))
    );
    assert_eq!(
        Location::parse("sqlite:s.db"),
        Ok(Location::Sqlite("s.db".into()))
    );
    let pg = Location::parse("postgresql://bot:hunter2@db:5432/streambot").unwrap();
    assert_eq!(format!("{pg:?}"), "Postgres(***)");
    assert!(Location::parse("mysql://x").is_err());
    assert!(Location::parse("sqlite://").is_err());
    assert_eq!(
        Location::beside(std::path::Path::new("index")),
        Location::Sqlite("./streambot.sqlite3".into())
    );
    assert_eq!(
        Location::beside(std::path::Path::new("/srv/bot/index")),
        Location::Sqlite("/srv/bot/streambot.sqlite3".into())
    );
}

//! Settings as the console and `streambot ask` keep them (issue 20): saved in the SQLite file of
//! `DATABASE_URL` by one process and used by the next, overridden for one run by `--region` and
//! `STREAMBOT_REGION`, changed inside a console session, forgotten on request; and a process
//! killed while writing leaves every other setting in the file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use streambot::domain::Service;
use streambot::store::{Change, Location, Owner, Store};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("streambot-settings-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One index for the file, built by the first test that needs it.
fn index_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch("index").join("index");
        let out = bot(&dir, None).arg("index").output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

/// The binary with the curated data, an index, and its settings in `db` (a SQLite file).
fn bot(index: &Path, db: Option<&Path>) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_streambot"));
    c.current_dir(root())
        .env_remove("DISCORD_TOKEN")
        .env_remove("STREAMBOT_REGION")
        .env_remove("STREAMBOT_SERVICES")
        .env("RUST_LOG", "warn")
        .arg("--data")
        .arg(root().join("data"))
        .arg("--index")
        .arg(index);
    match db {
        Some(db) => c.env("DATABASE_URL", format!("sqlite://{}", db.display())),
        None => c.env_remove("DATABASE_URL"),
    };
    c
}

fn ask(db: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = bot(index_dir(), Some(db))
        .arg("ask")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json = serde_json::from_str(stdout.trim()).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn settings_saved_by_one_run_answer_the_next_until_forgotten() {
    let db = scratch("persist").join("s.sqlite3");
    let (code, saved, _) = ask(&db, &["/settings region:russia services:netflix"]);
    assert_eq!(code, 0);
    assert_eq!(saved["settings"]["region"]["code"], "RU");
    assert_eq!(
        saved["settings"]["services"],
        serde_json::json!(["netflix"])
    );
    // A new process reads them: a bare title is answered for Russia.
    let (_, a, _) = ask(&db, &["Breaking Bad"]);
    assert_eq!(a["kind"], "title");
    assert_eq!(a["place"]["code"], "RU");
    assert_eq!(a["status"], "suspended");
    assert_eq!(a["titles"][0]["yours"], serde_json::json!(["netflix"]));
    // --region (and STREAMBOT_REGION) win for one run; the saved region stays.
    let (_, j, _) = ask(&db, &["Breaking Bad", "--region", "japan"]);
    assert_eq!(j["place"]["code"], "JP");
    let out = bot(index_dir(), Some(&db))
        .env("STREAMBOT_REGION", "India")
        .args(["ask", "Breaking Bad", "--json"])
        .output()
        .unwrap();
    let env: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(env["place"]["code"], "IN");
    let (code, _, err) = ask(&db, &["Breaking Bad", "--region", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("streambot: --region: \"Atlantis\" is not a country"),
        "{err}"
    );
    let (_, again, _) = ask(&db, &["/settings"]);
    assert_eq!(again["settings"]["region"]["code"], "RU");
    // Forgotten: nothing is left, and titles have no place again.
    let (_, gone, _) = ask(&db, &["/settings forget"]);
    assert_eq!(gone["settings"]["done"], "forgot");
    let (_, plain, _) = ask(&db, &["Breaking Bad"]);
    assert_eq!(plain["place"], serde_json::Value::Null);
}

#[test]
fn the_console_uses_a_region_saved_in_the_same_session() {
    let db = scratch("console").join("s.sqlite3");
    let mut child = bot(index_dir(), Some(&db))
        .arg("console")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "/settings region:\"hong kong\"\nBreaking Bad\n/settings region:none\nBreaking Bad\n"
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let answers: Vec<&str> = text
        .split("\n\n")
        .filter(|a| a.contains("Breaking Bad"))
        .collect();
    assert!(
        answers[0].contains("Hong Kong, your saved region"),
        "{text}"
    );
    assert!(
        answers.iter().skip(1).all(|a| !a.contains("saved region")),
        "{text}"
    );
}

#[test]
fn a_process_killed_while_writing_loses_no_other_setting() {
    let db = scratch("kill").join("s.sqlite3");
    let store = Store::open(&Location::Sqlite(db.clone())).unwrap();
    let netflix = Service::from_id("netflix").unwrap();
    for user in 1..=300 {
        let change = Change {
            region: Some(Some(["HK", "TW", "JP"][user as usize % 3].into())),
            services: Some(vec![netflix]),
            ..Change::default()
        };
        store.change(Owner::User(user), &change).unwrap();
    }
    drop(store);
    // A console writing its own region as fast as it can, killed mid-stream.
    let mut child = bot(index_dir(), Some(&db))
        .arg("console")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..100_000 {
            let region = ["FR", "DE", "IT"][i % 3];
            if writeln!(stdin, "/settings region:{region} language:zh").is_err() {
                break;
            }
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = writer.join();
    let store = Store::open(&Location::Sqlite(db)).unwrap();
    for user in 1..=300 {
        let s = store.get(Owner::User(user)).unwrap();
        assert_eq!(
            s.region.as_deref(),
            Some(["HK", "TW", "JP"][user as usize % 3]),
            "user {user}"
        );
        assert_eq!(s.services, vec![netflix], "user {user}");
    }
    let local = store.get(Owner::Local).unwrap();
    assert!(
        matches!(local.region.as_deref(), Some("FR" | "DE" | "IT")),
        "{local:?}"
    );
}

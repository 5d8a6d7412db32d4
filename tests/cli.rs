//! The `streambot` binary as a user runs it: exit statuses, JSON output and piped console input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// An index directory shared by this file's tests, built once by the first run.
fn index_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("streambot-cli-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = bot(&dir)
            .arg("index")
            .output()
            .expect("run streambot index");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
}

fn bot(index: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_streambot"));
    c.current_dir(root())
        .env_remove("DISCORD_TOKEN")
        .env_remove("STREAMBOT_DATA")
        .env_remove("STREAMBOT_INDEX")
        .env_remove("STREAMBOT_REGION")
        .env_remove("STREAMBOT_SERVICES")
        // Settings of this file's own, never another run's.
        .env(
            "DATABASE_URL",
            format!("sqlite://{}.sqlite3", index.display()),
        )
        .env("RUST_LOG", "warn")
        .arg("--data")
        .arg(root().join("data"))
        .arg("--index")
        .arg(index);
    c
}

fn ask(input: &str) -> (i32, serde_json::Value) {
    let out = bot(index_dir())
        .args(["ask", input, "--json"])
        .output()
        .expect("run streambot ask");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (out.status.code().unwrap_or(-1), json)
}

#[test]
fn why_not_china_answers_with_status_facts_and_citations() {
    let (code, a) = ask("/why-not china");
    assert_eq!(code, 0);
    assert_eq!(a["kind"], "why_not");
    assert_eq!(a["service"], "netflix");
    assert_eq!(a["place"]["code"], "CN");
    assert_eq!(a["place"]["name"], "China");
    assert_eq!(a["status"], "unavailable");
    let essay =
        std::fs::read_to_string(root().join("data/documents/netflix-in-china.txt")).unwrap();
    let citations = a["citations"].as_array().unwrap();
    assert_eq!(citations.len(), 3);
    for c in citations {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(c["document"], "netflix-in-china");
        assert_eq!(c["text"].as_str().unwrap(), &essay[s..e]);
    }
    for f in a["facts"].as_array().unwrap() {
        assert_ne!(f["source"].as_str().unwrap(), "", "{f}");
    }
}

#[test]
fn exit_status_says_what_happened() {
    assert_eq!(ask("/why-not narnia").0, 1);
    assert_eq!(ask("/titles origin:kp").0, 1);
    assert_eq!(ask("/titles type:cartoon").0, 2);
    assert_eq!(ask("/frobnicate").0, 2);
    let (code, a) = ask("/title Braking Bad");
    assert_eq!(code, 0);
    assert_eq!(a["titles"][0]["title"], "Breaking Bad");
    assert_eq!(a["titles"][0]["type"], "tv");
}

#[test]
fn the_console_answers_each_piped_line() {
    let mut child = bot(index_dir())
        .arg("console")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("/why-not russia\n\n/why-not crimea\n/titles page:x\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("[SUSPENDED] Netflix suspended its service in Russia on 2022-03-06."),
        "{text}"
    );
    assert!(
        text.contains("[UNAVAILABLE] Netflix is not available in Crimea."),
        "{text}"
    );
    assert!(text.contains("`page:x` must be a number from 1."), "{text}");
}

#[test]
fn a_missing_data_directory_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("streambot-cli-missing-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_streambot"))
        .args(["--data", "/nonexistent/streambot-data", "--index"])
        .arg(&dir)
        .args(["ask", "/why-not china"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("data directory /nonexistent/streambot-data does not exist"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

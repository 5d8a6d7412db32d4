//! The real `streambot` binary failing around its index and configuration: killed (SIGKILL) in
//! the middle of reindexing, again and again; started on a corrupted index; started with a
//! missing or unreadable data directory, or with a token Discord refuses. Each time: a whole
//! index or a clear message and a non-zero exit, never a mix, never a panic.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use streambot::search::IndexInfo;
use support::fake_discord::{FakeDiscord, FakeOptions, GUILD_ID};
use support::fs::Scratch;

/// The binary on a scratch copy of data/, logging at info, without a Discord token.
fn bot(s: &Scratch) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_streambot"));
    c.arg("--data")
        .arg(s.data())
        .arg("--index")
        .arg(s.index())
        .env("RUST_LOG", "streambot=info")
        .env_remove("DISCORD_TOKEN")
        .stdin(Stdio::null());
    c
}

/// `streambot ask --json <input>`: exit code, parsed stdout, stderr.
fn ask(s: &Scratch, input: &str) -> (Option<i32>, serde_json::Value, String) {
    let out = bot(s).args(["ask", "--json", input]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}); stderr:\n{stderr}"));
    (out.status.code(), json, stderr)
}

/// `n` generated titles, enough to make a reindex take a while.
fn many_titles(n: usize) -> String {
    let mut csv = String::from("show_id,type,title,country,release_year,listed_in,description\n");
    for i in 0..n {
        let kind = if i % 3 == 0 { "TV Show" } else { "Movie" };
        csv.push_str(&format!(
            "g{i},{kind},Generated Title {i},Mongolia,{},Dramas,Generated description number {i} about steppes and cities.\n",
            1990 + i % 30
        ));
    }
    csv
}

/// What the index on disk holds, read straight from tantivy: the committed payload, after
/// checking every committed file against its checksum and the document count against it.
fn on_disk(dir: &Path) -> IndexInfo {
    let index = tantivy::Index::open_in_dir(dir).expect("the index opens");
    let damaged = index.validate_checksum().expect("checksums readable");
    assert!(damaged.is_empty(), "damaged files: {damaged:?}");
    let payload = index
        .load_metas()
        .unwrap()
        .payload
        .expect("a committed payload");
    let info: IndexInfo = serde_json::from_str(&payload).unwrap();
    let reader = index.reader().unwrap();
    assert_eq!(
        reader.searcher().num_docs() as usize,
        info.titles + info.passages + info.facts,
        "the documents are exactly the committed ones"
    );
    info
}

#[cfg(unix)]
#[test]
fn killed_mid_reindex_again_and_again_the_next_start_serves_a_whole_index() {
    let s = Scratch::new("pf-kill");
    let built = bot(&s).arg("index").output().unwrap();
    assert!(built.status.success(), "{built:?}");
    let old = on_disk(&s.index()).titles;
    std::fs::write(s.data().join("titles/hulu_titles.csv"), many_titles(6000)).unwrap();

    // How long a whole reindex of the new data takes here, to spread the kills over it.
    let probe = Scratch::new("pf-kill-probe");
    std::fs::write(
        probe.data().join("titles/hulu_titles.csv"),
        many_titles(6000),
    )
    .unwrap();
    let t = Instant::now();
    assert!(bot(&probe).arg("index").output().unwrap().status.success());
    let whole = t.elapsed();
    let new = on_disk(&probe.index()).titles;
    assert_eq!(new, old + 6000);

    let mut seen = (0, 0);
    for round in 0..8u32 {
        // Kill points from 5% to 110% of a whole reindex.
        let at = whole.mul_f64(0.05 + 0.15 * f64::from(round));
        let mut child = bot(&s)
            .arg("index")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let info = on_disk(&s.index());
        assert!(
            info.titles == old || info.titles == new,
            "round {round}: {} titles on disk, neither the old {old} nor the new {new}",
            info.titles
        );
        if info.titles == old {
            seen.0 += 1;
        } else {
            seen.1 += 1;
        }
        // The next start answers, from the new data, without an error.
        let (code, answer, stderr) = ask(&s, "/titles origin:mongolia type:tv");
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(answer["total"], 2000, "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        // Back to the old state on disk half the time, so both outcomes stay possible.
        if round % 2 == 1 {
            std::fs::remove_file(s.data().join("titles/hulu_titles.csv")).unwrap();
            assert!(bot(&s).arg("index").output().unwrap().status.success());
            std::fs::write(s.data().join("titles/hulu_titles.csv"), many_titles(6000)).unwrap();
        }
    }
    eprintln!("after the kills: {} old, {} new", seen.0, seen.1);
    assert_eq!(seen.0 + seen.1, 8);
}

/// Damages the index in `how`, then checks the next start rebuilds it, says so in the log and
/// answers exactly as before.
fn damaged_then_rebuilt(name: &str, how: impl Fn(&Path)) {
    let s = Scratch::new(name);
    let (code, before, _) = ask(&s, "/why-not china");
    assert_eq!(code, Some(0));
    how(&s.index());
    let (code, after, stderr) = ask(&s, "/why-not china");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(after, before);
    assert!(
        stderr.contains("built the index")
            && (stderr.contains("reason=\"the index was unreadable")
                || stderr.contains("reason=\"the index was unreadable or from another version")),
        "not logged:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    on_disk(&s.index());
}

fn files_ending(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no {ext} file in {}", dir.display());
    v
}

fn truncate_half(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.set_len(len / 2).unwrap();
}

#[test]
fn a_deleted_meta_json_is_rebuilt_and_logged() {
    damaged_then_rebuilt("nometa", |d| {
        std::fs::remove_file(d.join("meta.json")).unwrap()
    });
}

#[test]
fn a_garbage_meta_json_is_rebuilt_and_logged() {
    damaged_then_rebuilt("badmeta", |d| {
        std::fs::write(d.join("meta.json"), b"{\"segments\": [garbage").unwrap()
    });
}

#[test]
fn truncated_segment_files_are_rebuilt_and_logged() {
    for ext in [".store", ".idx", ".term", ".pos", ".fast", ".fieldnorm"] {
        damaged_then_rebuilt(&format!("trunc{ext}"), |d| {
            for f in files_ending(d, ext) {
                truncate_half(&f);
            }
        });
    }
}

#[test]
fn a_deleted_segment_file_is_rebuilt_and_logged() {
    damaged_then_rebuilt("nosegment", |d| {
        std::fs::remove_file(&files_ending(d, ".term")[0]).unwrap()
    });
}

#[test]
fn a_flipped_byte_in_a_segment_is_rebuilt_and_logged() {
    damaged_then_rebuilt("flipped", |d| {
        let f = &files_ending(d, ".store")[0];
        let mut bytes = std::fs::read(f).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0xff;
        std::fs::write(f, bytes).unwrap();
    });
}

/// Runs `cmd` to the end, killing it (and failing) if it takes longer than `limit`.
fn output_within(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd.spawn().unwrap();
    let t = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t.elapsed() > limit {
            let _ = child.kill();
            panic!(
                "still running after {limit:?}: {:?}",
                child.wait_with_output()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn assert_clear_failure(out: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(expected),
        "wanted {expected:?} in:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_data_directory_that_is_a_file_is_a_clear_error() {
    let s = Scratch::new("pf-datafile");
    let file = s.root.join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let out = bot(&s)
        .arg("--data")
        .arg(&file)
        .args(["ask", "/why-not china"])
        .output()
        .unwrap();
    assert_clear_failure(&out, &format!("{} is not a directory", file.display()));
}

#[test]
fn an_unreadable_data_file_is_a_clear_error() {
    let s = Scratch::new("pf-unreadable");
    // A data file that cannot be read (a dangling link: no read permission check is reliable
    // when tests run as root).
    let link = s.data().join("titles/disney_plus_titles.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent/streambot/missing.csv", &link).unwrap();
    let out = bot(&s).args(["ask", "/why-not china"]).output().unwrap();
    assert_clear_failure(&out, "disney_plus_titles.csv");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_discord_refuses_is_a_clear_error() {
    let fake = FakeDiscord::start_with(FakeOptions {
        token: Some("the-right-token".into()),
        ..FakeOptions::default()
    })
    .await;
    let s = Scratch::new("pf-badtoken");
    let wrong = "MTIxMDAwMDAwMDAwMDAwMDAwMg.Wr0nGt.0k3nThatDiscordDoesNotKnowAtAll";
    let mut cmd = bot(&s);
    cmd.env("DISCORD_TOKEN", wrong)
        .env("DISCORD_API_BASE", fake.base_url())
        .env("DISCORD_GUILD_ID", GUILD_ID.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = tokio::task::spawn_blocking(move || output_within(cmd, Duration::from_secs(60)))
        .await
        .unwrap();
    assert_clear_failure(&out, "Discord refused the bot token");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains(wrong), "the token was printed");
}

/// Waits until a process holds the lock on `index` and returns its pid.
fn lock_holder(index: &Path) -> u32 {
    let until = Instant::now() + Duration::from_secs(60);
    while Instant::now() < until {
        if let Some(pid) = streambot::search::lock::holder(index) {
            return pid;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("nobody took the index lock");
}

#[cfg(unix)]
#[test]
fn a_second_indexer_is_refused_with_exit_4_naming_the_first() {
    let s = Scratch::new("pf-second");
    std::fs::write(s.data().join("titles/hulu_titles.csv"), many_titles(60_000)).unwrap();
    let mut first = bot(&s)
        .arg("index")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(lock_holder(&s.index()), first.id());

    let second = bot(&s)
        .env("RUST_LOG", "off")
        .arg("index")
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(4), "{second:?}");
    assert_eq!(
        String::from_utf8_lossy(&second.stderr),
        format!(
            "streambot: another reindex is running on the index in {} (process {}); try again when it finishes.\n",
            s.index().display(),
            first.id()
        )
    );
    assert!(second.stdout.is_empty());
    // What the bot's child says to the bot.
    let json = bot(&s)
        .env("RUST_LOG", "off")
        .args(["index", "--json"])
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&json.stdout),
        format!("{{\"event\":\"busy\",\"pid\":{}}}\n", first.id())
    );
    for out in [&second, &json] {
        let all = format!("{out:?}");
        assert!(
            !all.contains("LockBusy") && !all.contains("Lockfile"),
            "{all}"
        );
    }

    // The lock is the OS's: it goes with its holder, however that ends.
    let _ = first.kill();
    let _ = first.wait();
    assert_eq!(streambot::search::lock::holder(&s.index()), None);
    let third = bot(&s).args(["index", "--json"]).output().unwrap();
    assert_eq!(third.status.code(), Some(0), "{third:?}");
    let last = String::from_utf8_lossy(&third.stdout)
        .lines()
        .last()
        .unwrap()
        .to_string();
    let done: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(done["event"], "done");
    assert_eq!(done["titles"], on_disk(&s.index()).titles);
    assert_eq!(streambot::search::lock::holder(&s.index()), None);
}

//! Gateway sharding with two bot processes against one fake Discord that runs two shards:
//! `SHARDS=0-0/2` and `SHARDS=1-1/2` each identify as their shard, each guild's interactions go
//! to the process running the guild's shard (`(guild_id >> 22) % 2`) and direct messages to
//! shard 0, and every interaction is answered exactly once. A malformed `SHARDS` is refused.

mod support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::json;
use support::bot::next_id;
use support::fake_discord::{self as fake, FakeDiscord, FakeOptions, MEMBER_PERMISSIONS};
use support::fs::Scratch;

/// Two guilds, one on each shard of two.
const GUILD_ON_0: u64 = 1_210_000_000_000_000_010 & !(1 << 22);
const GUILD_ON_1: u64 = GUILD_ON_0 | (1 << 22);
const USER: u64 = 1_210_000_000_000_000_555;

/// A real `streambot` process running the shards `range`; killed on drop.
struct Process(Child);

impl Process {
    fn start(fake: &FakeDiscord, s: &Scratch, range: &str) -> Process {
        let child = Command::new(env!("CARGO_BIN_EXE_streambot"))
            .env("DISCORD_TOKEN", "fake-token-shards")
            .env("DISCORD_API_BASE", fake.base_url())
            .env("SHARDS", range)
            .env("STREAMBOT_DATA", s.data())
            .env("STREAMBOT_INDEX", s.index())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        Process(child)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..(120_000 / 20) {
        if cond() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting until {what}");
}

fn why_not(guild: u64, place: &str) -> (u64, serde_json::Value) {
    let id = next_id();
    let options = json!([fake::option("place", 3, json!(place))]);
    let channel = guild + 10;
    let payload = fake::slash_in_guild(
        id,
        guild,
        channel,
        USER,
        &[],
        MEMBER_PERMISSIONS,
        "why-not",
        options,
    );
    (id, payload)
}

/// The callbacks Discord accepted for `id`.
fn accepted(fake: &FakeDiscord, id: u64) -> usize {
    fake.requests()
        .iter()
        .filter(|r| r.is_callback() && r.interaction_id == Some(id) && r.status == 204)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_each_answer_their_own_shard() {
    assert_eq!(
        fake::shard_of(&json!({"guild_id": GUILD_ON_0.to_string()}), 2),
        0
    );
    assert_eq!(
        fake::shard_of(&json!({"guild_id": GUILD_ON_1.to_string()}), 2),
        1
    );
    let s = Scratch::new("shards");
    let built = Command::new(env!("CARGO_BIN_EXE_streambot"))
        .arg("--data")
        .arg(s.data())
        .arg("--index")
        .arg(s.index())
        .arg("index")
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");
    let fake = FakeDiscord::start_with(FakeOptions {
        shards: 2,
        ..FakeOptions::default()
    })
    .await;
    let first = Process::start(&fake, &s, "0-0/2");
    let second = Process::start(&fake, &s, "1/2");
    wait_until("both shards are ready", || {
        fake.ready_shards() == [0, 1] && fake.is_connected()
    })
    .await;
    // Each process identified as its own shard of two.
    let mut identified: Vec<serde_json::Value> = fake
        .gateway_log()
        .into_iter()
        .filter(|f| f["op"] == 2)
        .map(|f| f["d"]["shard"].clone())
        .collect();
    identified.sort_by_key(|s| s[0].as_u64());
    assert_eq!(identified, [json!([0, 2]), json!([1, 2])]);

    let mut sent = Vec::new();
    for (n, place) in ["china", "russia", "syria", "japan", "crimea", "iran"]
        .iter()
        .enumerate()
    {
        let (guild, shard) = if n % 2 == 0 {
            (GUILD_ON_0, 0)
        } else {
            (GUILD_ON_1, 1)
        };
        let (id, payload) = why_not(guild, place);
        fake.dispatch("INTERACTION_CREATE", payload);
        sent.push((id, shard));
    }
    // A slash command in the bot's DM: shard 0.
    let dm = next_id();
    fake.dispatch(
        "INTERACTION_CREATE",
        fake::slash_in_dm(dm, 1_210_000_000_000_000_777, USER, "help", json!([])),
    );
    sent.push((dm, 0));
    wait_until("every interaction is answered", || {
        sent.iter().all(|(id, _)| accepted(&fake, *id) >= 1)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    for &(id, shard) in &sent {
        assert_eq!(accepted(&fake, id), 1, "{id} answered once");
        assert_eq!(fake.delivered_on_shard(id), Some(shard), "{id}");
        let late = fake
            .requests()
            .iter()
            .any(|r| r.interaction_id == Some(id) && r.late);
        assert!(!late, "{id} answered in time");
    }
    let (id, payload) = why_not(GUILD_ON_1, "syria");
    fake.dispatch("INTERACTION_CREATE", payload);
    wait_until("shard 1 answers", || accepted(&fake, id) == 1).await;

    // With shard 1's process gone, shard 0's process does not answer shard 1's guild.
    drop(second);
    wait_until("shard 1 is gone", || fake.ready_shards() == [0]).await;
    let (on_1, payload) = why_not(GUILD_ON_1, "china");
    fake.dispatch("INTERACTION_CREATE", payload);
    let (on_0, payload) = why_not(GUILD_ON_0, "china");
    fake.dispatch("INTERACTION_CREATE", payload);
    wait_until("shard 0 answers", || accepted(&fake, on_0) == 1).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(accepted(&fake, on_1), 0);
    assert_eq!(fake.delivered_on_shard(on_1), None);
    drop(first);
}

#[test]
fn a_malformed_shard_range_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_streambot"))
        .env("DISCORD_TOKEN", "fake-token-shards")
        .env("SHARDS", "2-5/4")
        .args(["ask", "/help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "streambot: SHARDS is not valid: \"2-5/4\" runs shard 5, but shards are numbered 0 to 3 of 4; write FIRST-LAST/TOTAL (0-3/16) or ONE/TOTAL (2/16)\n"
    );
}

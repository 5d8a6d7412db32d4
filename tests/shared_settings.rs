//! Settings shared through PostgreSQL (issue 20): two HTTP interaction replicas and a gateway
//! process — real binaries, each with its own index — on one database. A setting saved through
//! one replica answers the user's next question on the other replica and on the gateway, and
//! forgetting it through the gateway is seen by both replicas. Needs the PostgreSQL `.ci/run`
//! starts (`DATABASE_URL`); without one it says it is skipped, and fails under `CI=true`.

mod support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use support::bot::next_id;
use support::fake_discord::{self as fake, CHANNEL_ID, FakeDiscord, GUILD_ID, MEMBER_PERMISSIONS};
use support::http_endpoint as endpoint;

/// A running `streambot` process; killed on drop.
struct Process {
    child: Child,
    /// The HTTP endpoint's address, for a replica.
    url: Option<String>,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(fake: &FakeDiscord, root: &std::path::Path, index: &str, db: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_streambot"));
    for (k, v) in endpoint::replica_env(fake, root) {
        cmd.env(k, v);
    }
    cmd.env("STREAMBOT_INDEX", root.join(index))
        .env("DATABASE_URL", db)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    cmd
}

fn replica(fake: &FakeDiscord, root: &std::path::Path, index: &str, db: &str) -> Process {
    let mut cmd = command(fake, root, index, db);
    cmd.args(["http", "--listen", "127.0.0.1:0"]);
    let (child, url) = endpoint::spawn_replica(&mut cmd);
    Process {
        child,
        url: Some(url),
    }
}

fn gateway(fake: &FakeDiscord, root: &std::path::Path, db: &str) -> Process {
    let child = command(fake, root, "index-gateway", db)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Process { child, url: None }
}

fn slash(user: u64, name: &str, options: Value) -> (u64, Value) {
    slash_as(GUILD_ID, user, MEMBER_PERMISSIONS, name, options)
}

fn slash_as(guild: u64, user: u64, permissions: u64, name: &str, options: Value) -> (u64, Value) {
    let id = next_id();
    let payload =
        fake::slash_in_guild(id, guild, CHANNEL_ID, user, &[], permissions, name, options);
    (id, payload)
}

/// Manage Server.
const MANAGE_GUILD: u64 = 1 << 5;

/// The first embed's description of a replica's immediate answer (`/settings` answers are
/// private).
async fn through(replica: &Process, payload: &Value) -> String {
    let (status, text) = endpoint::post_signed(replica.url.as_ref().unwrap(), payload).await;
    assert_eq!(status, 200, "{text}");
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["type"], 4, "{body}");
    let private = body["data"]["flags"]
        .as_u64()
        .is_some_and(|f| f & fake::EPHEMERAL != 0);
    assert_eq!(private, payload["data"]["name"] == "settings", "{body}");
    body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The first embed's description of the gateway's answer to interaction `id`.
async fn through_gateway(fake: &FakeDiscord, id: u64, payload: Value) -> String {
    fake.dispatch("INTERACTION_CREATE", payload);
    for _ in 0..1500 {
        let found = fake.requests().into_iter().find_map(|r| {
            let d = if r.is_callback() {
                &r.json["data"]
            } else {
                &r.json
            };
            (r.interaction_id == Some(id))
                .then(|| d["embeds"][0]["description"].as_str().map(String::from))
                .flatten()
        });
        if let Some(text) = found {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the gateway never answered {id}");
}

fn title(user: u64) -> (u64, Value) {
    slash(
        user,
        "title",
        json!([fake::option("name", 3, json!("Breaking Bad"))]),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_setting_saved_through_one_process_is_used_by_the_others() {
    let db = match std::env::var("DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => url,
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but DATABASE_URL names no PostgreSQL: .ci/run starts one")
        }
        _ => {
            eprintln!("skipped: no PostgreSQL (set DATABASE_URL=postgres://…)");
            return;
        }
    };
    let fake = FakeDiscord::start().await;
    let root = endpoint::scratch_data("shared-settings");
    let a = replica(&fake, &root, "index-a", &db);
    let b = replica(&fake, &root, "index-b", &db);
    let _gateway = gateway(&fake, &root, &db);
    // A user no earlier run against this database has been.
    let user = 1_300_000_000_000_000_000
        + std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_micros() as u64
            % 1_000_000_000_000;
    let (_, save) = slash(
        user,
        "settings",
        json!([
            fake::option("region", 3, json!("russia")),
            fake::option("services", 3, json!("netflix")),
        ]),
    );
    let saved = through(&a, &save).await;
    assert!(saved.contains("Russia"), "{saved}");
    // The other replica answers for Russia without being told.
    let on_b = through(&b, &title(user).1).await;
    assert!(
        on_b.contains("Netflix suspended its service in Russia"),
        "{on_b}"
    );
    assert!(on_b.contains("your saved region"), "{on_b}");
    // So does the gateway.
    for _ in 0..(60_000 / 20) {
        if fake.is_connected() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(fake.is_connected(), "the gateway connected");
    let (id, payload) = title(user);
    let on_gateway = through_gateway(&fake, id, payload).await;
    assert!(
        on_gateway.contains("Netflix suspended its service in Russia"),
        "{on_gateway}"
    );
    // Forgotten through the gateway: both replicas answer without a place again.
    let (id, forget) = slash(
        user,
        "settings",
        json!([fake::option("forget", 4, json!(0))]),
    );
    let forgot = through_gateway(&fake, id, forget).await;
    assert!(
        forgot.contains("Deleted everything stored about you"),
        "{forgot}"
    );
    for r in [&a, &b] {
        let plain = through(r, &title(user).1).await;
        assert!(!plain.contains("Russia"), "{plain}");
    }
    // A server's default region: refused to a member, saved by one who can manage the server,
    // then used on the other replica for a member with no region of their own. A server of its
    // own, so no other test's server ever has a region.
    let guild = user + 7;
    let in_guild = |user, permissions, name: &str, options: Value| {
        slash_as(guild, user, permissions, name, options).1
    };
    let region = json!([fake::option("server_region", 3, json!("india"))]);
    let refused = through(
        &a,
        &in_guild(user, MEMBER_PERMISSIONS, "settings", region.clone()),
    )
    .await;
    assert!(
        refused.contains("Only members who can manage this server"),
        "{refused}"
    );
    let moderator = user + 1;
    let moderates = MEMBER_PERMISSIONS | MANAGE_GUILD;
    let set = through(&a, &in_guild(moderator, moderates, "settings", region)).await;
    assert!(set.contains("This server's default region: India"), "{set}");
    let name = json!([fake::option("name", 3, json!("Breaking Bad"))]);
    let member = through(&b, &in_guild(user, MEMBER_PERMISSIONS, "title", name)).await;
    assert!(member.contains("which is available in India"), "{member}");
    assert!(member.contains("this server's default region"), "{member}");
    let clear = json!([fake::option("forget", 4, json!(1))]);
    let cleared = through(&b, &in_guild(moderator, moderates, "settings", clear)).await;
    assert!(
        cleared.contains("Cleared this server's default region"),
        "{cleared}"
    );
}

//! The token never shows: the real `streambot` binary runs a whole Discord session against the
//! fake Discord at `RUST_LOG=trace` (connect, a command, a DM, a gateway resume), and its
//! output is searched for the token.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;
use support::fake_discord::{self as fake, CHANNEL_ID, FakeDiscord, GUILD_ID, MEMBER_PERMISSIONS};

const TOKEN: &str = "MTIxMDAwMDAwMDAwMDAwMDAwMg.GsEcRt.Zq8pL2vN4xW7yB1cD3fH5jK9mR0tU6sE";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_appears_nowhere_in_a_trace_level_session() {
    let fake = FakeDiscord::start().await;
    let dir = std::env::temp_dir().join(format!("streambot-secrets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("output.log");
    let out = std::fs::File::create(&log).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_streambot"))
        .current_dir(&dir)
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.base_url())
        .env("DISCORD_GUILD_ID", GUILD_ID.to_string())
        .env("RUST_LOG", "trace")
        .env(
            "STREAMBOT_DATA",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data"),
        )
        .env("STREAMBOT_INDEX", dir.join("index"))
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .unwrap();

    let session = async {
        assert!(
            fake.wait_connected(Duration::from_secs(60)).await,
            "the bot never connected"
        );
        let id = 1_210_000_000_000_500_001;
        let p = fake::slash_in_guild(
            id,
            GUILD_ID,
            CHANNEL_ID,
            42,
            &[],
            MEMBER_PERMISSIONS,
            "why-not",
            json!([fake::option("place", 3, json!("china"))]),
        );
        fake.dispatch("INTERACTION_CREATE", p);
        assert!(
            fake.wait_for_callback(id, Duration::from_secs(10))
                .await
                .is_some(),
            "no answer"
        );
        fake.dispatch(
            "MESSAGE_CREATE",
            fake::dm_message(1_210_000_000_000_500_002, 77, 42, false, "why not syria?"),
        );
        assert!(
            fake.wait_for(
                |r| r.path.ends_with("/channels/77/messages"),
                Duration::from_secs(10)
            )
            .await
            .is_some(),
            "no DM answer"
        );
        assert!(fake.send_op(7, serde_json::Value::Null));
        for _ in 0..200 {
            if fake.resume_count() >= 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(fake.resume_count(), 1, "the bot did not resume");
    };
    let finished = tokio::time::timeout(Duration::from_secs(90), session).await;
    if finished.is_err() {
        let _ = child.kill();
    }
    finished.expect("the session timed out");
    // SIGTERM (what service managers send) ends the bot cleanly.
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let mut exited = None;
    for _ in 0..200 {
        exited = child.try_wait().unwrap();
        if exited.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let Some(status) = exited else {
        let _ = child.kill();
        panic!("the bot ignored SIGTERM");
    };
    assert!(status.success(), "exit after SIGTERM: {status:?}");

    let output = std::fs::read_to_string(&log).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    // The log is really at trace level and covers the session…
    assert!(output.contains("TRACE"), "no trace output:\n{output}");
    assert!(
        output.contains("INTERACTION_CREATE") || output.contains("interaction"),
        "the session is not in the log"
    );
    assert!(
        output.contains("shutting down"),
        "no clean shutdown in the log"
    );
    // …and no part of the token is in it.
    for part in TOKEN.split('.') {
        assert!(
            !output.contains(part),
            "token part {part:?} leaked into the log"
        );
    }
}

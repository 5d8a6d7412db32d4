//! The HTTP interactions endpoint (`streambot http`) against the fake Discord on 127.0.0.1:
//! signatures (good, tampered, wrong key, missing, stale), PING, every command, autocomplete,
//! suggestion and page buttons — each response relayed to the fake's callback route, so the
//! same limit checker judges it — a map deferred and completed through the webhook route,
//! `streambot register`, and load through two replicas (real binaries, each with its own index).

mod support;

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use serde_json::{Value, json};
use support::bot::{ALICE, BOB, MODERATOR, STEP, alice_asks, next_id, slash};
use support::fake_discord::{
    self as fake, CHANNEL_ID, EPHEMERAL, FakeDiscord, GUILD_ID, MEMBER_PERMISSIONS,
};
use support::http_endpoint::{self as endpoint, interact, now_secs, post_raw, sign};

/// A slash command in the test guild, as Discord would POST it.
fn ask(command: &str, user: u64, options: Value) -> Value {
    slash(command, user, &[], MEMBER_PERMISSIONS, options).1
}

/// Alice's slash command with one string option.
fn one(command: &str, option: &str, value: &str) -> Value {
    alice_asks(command, option, value).1
}

fn embed(body: &Value) -> &Value {
    &body["data"]["embeds"][0]
}

fn ping() -> Value {
    json!({ "id": next_id().to_string(), "application_id": fake::APP_ID.to_string(), "type": 1, "token": "ping-token", "version": 1 })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_signed_fresh_requests_are_answered() {
    let ep = endpoint::start("signatures", &[]).await;
    let body = ping().to_string();
    let key = endpoint::signing_key();
    let now = now_secs().to_string();
    let headers = |key: &SigningKey, ts: &str, body: &str| {
        vec![
            ("x-signature-ed25519", sign(key, ts, body.as_bytes())),
            ("x-signature-timestamp", ts.to_string()),
        ]
    };
    // Good: PONG.
    let (status, text) = post_raw(&ep.url, body.as_bytes(), &headers(&key, &now, &body)).await;
    assert_eq!((status, text.as_str()), (200, r#"{"type":1}"#));
    // The other path works too.
    let other = format!("{}interactions", ep.url);
    let (status, _) = post_raw(&other, body.as_bytes(), &headers(&key, &now, &body)).await;
    assert_eq!(status, 200);
    // Tampered body: signed, then changed.
    let tampered = body.replace("\"type\":1", "\"type\":2");
    let (status, _) = post_raw(&ep.url, tampered.as_bytes(), &headers(&key, &now, &body)).await;
    assert_eq!(status, 401, "tampered body");
    // Another key.
    let stranger = SigningKey::from_bytes(&[7; 32]);
    let (status, _) = post_raw(&ep.url, body.as_bytes(), &headers(&stranger, &now, &body)).await;
    assert_eq!(status, 401, "wrong key");
    // Missing headers, one at a time and both.
    let good = headers(&key, &now, &body);
    for kept in [vec![good[0].clone()], vec![good[1].clone()], Vec::new()] {
        let (status, _) = post_raw(&ep.url, body.as_bytes(), &kept).await;
        assert_eq!(status, 401, "headers {kept:?}");
    }
    // A signature that is not hex.
    let garbage = vec![
        ("x-signature-ed25519", "zz".to_string()),
        ("x-signature-timestamp", now.clone()),
    ];
    assert_eq!(post_raw(&ep.url, body.as_bytes(), &garbage).await.0, 401);
    // Stale (ten minutes old) and from the future, each correctly signed.
    for skew in [-600i64, 600] {
        let ts = (now_secs() as i64 + skew).to_string();
        let (status, _) = post_raw(&ep.url, body.as_bytes(), &headers(&key, &ts, &body)).await;
        assert_eq!(status, 401, "timestamp {skew} s away");
    }
    // A body far over any interaction's size is refused before anything else.
    let huge = format!("{{\"type\":1,\"pad\":\"{}\"}}", "x".repeat(300 * 1024));
    let (status, _) = post_raw(&ep.url, huge.as_bytes(), &headers(&key, &now, &huge)).await;
    assert_eq!(status, 413);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_is_answered_like_the_gateway_bot() {
    let ep = endpoint::start("commands", &[]).await;

    let body = interact(&ep, one("why-not", "place", "china")).await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    assert_eq!(embed(&body)["title"], "Netflix in China: 🚫 not available");
    assert_eq!(embed(&body)["fields"][0]["name"], "Regulation");

    let title = ask(
        "title",
        ALICE,
        json!([
            fake::option("name", 3, json!("流浪地球")),
            fake::option("service", 4, json!(3)),
        ]),
    );
    let body = interact(&ep, title).await;
    assert_eq!(embed(&body)["title"], "The Wandering Earth (2019)");
    assert!(
        embed(&body)["description"].as_str().unwrap().starts_with(
            "*The Wandering Earth is not on Hulu; it is on Netflix, added 2019-05-06.*"
        ),
        "{body}"
    );

    let body = interact(&ep, one("new", "origin", "China")).await;
    assert_eq!(body["type"], 4);
    let footer = embed(&body)["footer"]["text"].as_str().unwrap();
    assert!(footer.ends_with("/titles origin:CN sort:added"), "{footer}");
    assert!(
        embed(&body)["fields"][0]["name"]
            .as_str()
            .unwrap()
            .contains("The Longest Promise")
    );

    let body = interact(
        &ep,
        one("ask", "question", "why can't I watch Netflix in Russia?"),
    )
    .await;
    assert_eq!(embed(&body)["title"], "Netflix in Russia: ⏸️ suspended");

    let body = interact(&ep, ask("sources", ALICE, json!([]))).await;
    assert_eq!(embed(&body)["title"], "What streambot knows");
    assert_eq!(body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL, 0);

    let body = interact(&ep, ask("help", ALICE, json!([]))).await;
    assert_eq!(body["type"], 4);
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert!(!embed(&body)["description"].as_str().unwrap().is_empty());

    // A usage error is private and says how to write it.
    let body = interact(&ep, one("titles", "year", "soon")).await;
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert!(body["data"]["content"].as_str().unwrap().len() > 10);

    // /reindex cannot reach every replica's index: the moderator is told what to do.
    let reindex = fake::slash_in_guild(
        next_id(),
        GUILD_ID,
        CHANNEL_ID,
        MODERATOR,
        &[],
        MEMBER_PERMISSIONS | 32,
        "reindex",
        json!([]),
    );
    let body = interact(&ep, reindex).await;
    assert_eq!(
        body["data"]["content"],
        "This server answers commands through replicas that each keep their own index, so \
         /reindex cannot rebuild them from here. Run `streambot index` on each replica (see \
         README, Deployment): each one serves its new build within seconds, without restarting. \
         Nothing was changed."
    );
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );

    // A member without Manage Server is refused as on the gateway, and told nothing more.
    let refused = fake::slash_in_guild(
        next_id(),
        GUILD_ID,
        CHANNEL_ID,
        BOB,
        &[],
        MEMBER_PERMISSIONS,
        "reindex",
        json!([]),
    );
    let body = interact(&ep, refused).await;
    assert_eq!(
        body["data"]["content"],
        "Only moderators can reindex, and only in the bot operator's own servers (Manage Server \
         or a moderator role there, or an owner of the bot): what the bot knows is the same for \
         every server, so no other server can change it. Nothing was changed."
    );
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );

    // A command this bot does not have.
    let body = interact(&ep, ask("frobnicate", ALICE, json!([]))).await;
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn titles_page_through_stateless_buttons_for_the_asker_only() {
    let ep = endpoint::start("pages", &[]).await;
    let body = interact(&ep, one("titles", "origin", "CN")).await;
    let footer = embed(&body)["footer"]["text"].as_str().unwrap();
    assert!(footer.starts_with("Page 1 of 3 · 29 titles"), "{footer}");
    let buttons = body["data"]["components"][0]["components"].clone();
    assert_eq!(buttons[0]["custom_id"], "page:1:/titles origin:CN");
    assert_eq!(buttons[0]["disabled"], true);
    assert_eq!(buttons[1]["custom_id"], "page:2:/titles origin:CN");
    let message_id = next_id();
    let click = |user: u64, custom_id: &str| {
        let id = next_id();
        let mut p = fake::button_click(id, GUILD_ID, CHANNEL_ID, user, custom_id, message_id);
        p["message"]["interaction_metadata"]["user"] = fake::user(ALICE);
        p
    };
    let body = interact(&ep, click(BOB, "page:2:/titles origin:CN")).await;
    assert_eq!(body["type"], 4);
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("Only the person who asked")
    );
    let mut shown = buttons;
    let mut footers = Vec::new();
    for which in [1, 1, 0] {
        let custom = shown[which]["custom_id"].as_str().unwrap().to_string();
        let body = interact(&ep, click(ALICE, &custom)).await;
        assert_eq!(body["type"], 7);
        let footer = embed(&body)["footer"]["text"].as_str().unwrap();
        footers.push(footer.split(" · ").next().unwrap().to_string());
        shown = body["data"]["components"][0]["components"].clone();
    }
    assert_eq!(footers, ["Page 2 of 3", "Page 3 of 3", "Page 2 of 3"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_and_suggestion_buttons() {
    let ep = endpoint::start("complete", &[]).await;
    let complete = |command: &str, option: &str, partial: &str| {
        fake::autocomplete(
            next_id(),
            GUILD_ID,
            CHANNEL_ID,
            ALICE,
            command,
            json!([fake::focused_option(option, 3, partial)]),
        )
    };
    let body = interact(&ep, complete("why-not", "place", "chin")).await;
    assert_eq!(body["type"], 8);
    assert_eq!(
        body["data"]["choices"][0],
        json!({"name": "China (CN)", "value": "CN"})
    );
    let body = interact(&ep, complete("titles", "director", "frant")).await;
    assert_eq!(
        body["data"]["choices"],
        json!([{"name": "Frant Gwo", "value": "Frant Gwo"}])
    );

    // Anyone may click a suggestion: the answer comes as a new message.
    let id = next_id();
    let press = fake::button_click(
        id,
        GUILD_ID,
        CHANNEL_ID,
        BOB,
        "run:/titles origin:CN",
        next_id(),
    );
    let body = interact(&ep, press).await;
    assert_eq!(body["type"], 4);
    let footer = embed(&body)["footer"]["text"].as_str().unwrap();
    assert!(footer.starts_with("Page 1 of 3 · 29 titles"), "{footer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_map_is_deferred_then_completed_through_the_webhook_route() {
    let ep = endpoint::start("map", &[]).await;
    let payload = ask("map", ALICE, json!([]));
    let id: u64 = payload["id"].as_str().unwrap().parse().unwrap();
    let body = interact(&ep, payload).await;
    assert_eq!(
        body,
        json!({"type": 5}),
        "a picture cannot ride in the JSON body"
    );
    // The picture can be ready before Discord has the deferral (it travels back in the same
    // HTTP response): an edit that arrives first is refused (404) and is tried again.
    let patch = |r: &fake::Recorded| {
        r.interaction_id == Some(id) && r.method == "PATCH" && !r.files.is_empty()
    };
    let edit = ep
        .fake
        .wait_for(|r| patch(r) && r.status == 200, STEP)
        .await
        .expect("the deferred response is completed");
    for early in ep
        .fake
        .requests()
        .iter()
        .filter(|r| patch(r) && r.status != 200)
    {
        assert_eq!(
            early.rejected.as_deref(),
            Some("webhook used before the initial response"),
            "{early:?}"
        );
    }
    assert!(edit.path.ends_with("/messages/@original"), "{}", edit.path);
    assert_eq!(edit.files[0].filename, "netflix-map.png");
    assert_eq!(&edit.files[0].bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        edit.json["embeds"][0]["title"],
        "Netflix availability · newest fact 2022-05"
    );
    assert_eq!(
        edit.json["embeds"][0]["image"]["url"],
        "attachment://netflix-map.png"
    );
    let message = ep.fake.original_response(id).expect("the message exists");
    assert_eq!(message["attachments"][0]["filename"], "netflix-map.png");
}

/// Each missing setting is named, and the endpoint does not start: without the bot token,
/// serenity would send an empty `Bot ` authorisation with every deferred answer's edit.
#[test]
fn the_endpoint_names_each_missing_setting() {
    let cases: [(&[&str], &str); 3] = [
        (&["DISCORD_TOKEN"], "needs DISCORD_TOKEN ("),
        (
            &["DISCORD_PUBLIC_KEY", "DISCORD_TOKEN"],
            "needs DISCORD_PUBLIC_KEY, DISCORD_TOKEN (",
        ),
        (
            &["DISCORD_APPLICATION_ID"],
            "needs DISCORD_APPLICATION_ID (",
        ),
    ];
    for (unset, said) in cases {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_streambot"));
        cmd.args(["http", "--listen", "127.0.0.1:0"])
            .env("DISCORD_TOKEN", "fake-token-http")
            .env("DISCORD_APPLICATION_ID", fake::APP_ID.to_string())
            .env("DISCORD_PUBLIC_KEY", endpoint::public_key_hex())
            .env("STREAMBOT_INDEX", "/nonexistent/never-opened");
        for name in unset {
            cmd.env_remove(name);
        }
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(said), "{unset:?}: {err}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_puts_the_commands_on_discord() {
    let fake = FakeDiscord::start().await;
    let out = Command::new(env!("CARGO_BIN_EXE_streambot"))
        .args(["register", "--guild", &GUILD_ID.to_string()])
        .env("DISCORD_TOKEN", "fake-token-register")
        .env("DISCORD_APPLICATION_ID", fake::APP_ID.to_string())
        .env("DISCORD_API_BASE", fake.base_url())
        .env_remove("DISCORD_GUILD_ID")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "registered 12 commands\n"
    );
    let mut names: Vec<String> = fake
        .registered_commands()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ask", "help", "map", "new", "reindex", "settings", "similar", "sources", "title",
            "titles", "top", "why-not"
        ]
    );
    let put = fake
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT")
        .expect("one PUT");
    assert_eq!(
        put.path,
        format!(
            "/api/v10/applications/{}/guilds/{GUILD_ID}/commands",
            fake::APP_ID
        )
    );
}

// ---------------------------------------------------------------------------
// Load through two replicas
// ---------------------------------------------------------------------------

/// A replica: the real binary serving on loopback with its own index.
struct Replica {
    child: Child,
    url: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Replica {
    fn start(fake: &FakeDiscord, root: &std::path::Path, index: &str) -> Replica {
        Replica::start_with(fake, root, index, &[])
    }

    fn start_with(
        fake: &FakeDiscord,
        root: &std::path::Path,
        index: &str,
        extra: &[(&str, String)],
    ) -> Replica {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_streambot"));
        cmd.args(["http", "--listen", "127.0.0.1:0"])
            .env_remove("DISCORD_TOKEN")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in endpoint::replica_env(fake, root) {
            cmd.env(k, v);
        }
        cmd.env("STREAMBOT_INDEX", root.join(index));
        // No cooldown in the way of a load test.
        cmd.env("COOLDOWN_BURST", "100000")
            .env("COOLDOWN_PER_MINUTE", "100000");
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let (child, url) = endpoint::spawn_replica(&mut cmd);
        Replica { child, url }
    }

    /// Peak resident memory so far (VmHWM), in MB.
    fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }
}

/// The mix: why-not, titles, title, ask, new, sources and autocomplete.
fn mixed(i: usize) -> Value {
    let place = ["china", "russia", "japan", "CN", "crimea", "syria"][i % 6];
    match i % 7 {
        0 => one("why-not", "place", place),
        1 => one("titles", "origin", place),
        2 => one(
            "title",
            "name",
            ["squid game", "流浪地球", "the crown"][i % 3],
        ),
        3 => one(
            "ask",
            "question",
            &format!("why can't I watch Netflix in {place}?"),
        ),
        4 => one("new", "origin", place),
        5 => ask("sources", ALICE + (i as u64 % 50), json!([])),
        _ => fake::autocomplete(
            next_id(),
            GUILD_ID,
            CHANNEL_ID,
            ALICE,
            "why-not",
            json!([fake::focused_option("place", 3, &place[..2])]),
        ),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Sends `total` interactions round-robin to two replicas from `concurrency` clients; every
/// answer must be signed-accepted, in time, and within Discord's limits.
async fn two_replicas(name: &str, total: usize, concurrency: usize, full_data: bool) {
    let fake = FakeDiscord::start().await;
    let root = endpoint::scratch_data(name);
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if full_data && shared.is_dir() {
        support::fs::copy_dir(&shared, &root.join("data/full"));
    }
    let replicas = Arc::new([
        Replica::start(&fake, &root, "index-a"),
        Replica::start(&fake, &root, "index-b"),
    ]);
    let started = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut clients = Vec::new();
    for _ in 0..concurrency {
        let (replicas, next) = (replicas.clone(), next.clone());
        clients.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    return seen;
                }
                let which = i % 2;
                let payload = mixed(i);
                let t = Instant::now();
                let (status, text) = endpoint::post_signed(&replicas[which].url, &payload).await;
                let took = t.elapsed();
                assert_eq!(status, 200, "{payload}: {text}");
                let body: Value = serde_json::from_str(&text).unwrap();
                let checked = match body["type"].as_u64() {
                    Some(4) => fake::validate_message(&body["data"], 0, true),
                    Some(8) => fake::validate_choices(&body["data"]),
                    other => Err(format!("unexpected callback type {other:?}")),
                };
                assert_eq!(checked, Ok(()), "{payload}\n{body}");
                seen.push((which, took));
            }
        }));
    }
    let mut latencies = Vec::new();
    let mut per_replica = [0usize; 2];
    for c in clients {
        for (which, took) in c.await.unwrap() {
            per_replica[which] += 1;
            latencies.push(took);
        }
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let (p50, p99) = (percentile(&latencies, 0.5), percentile(&latencies, 0.99));
    let rss = [replicas[0].peak_rss_mb(), replicas[1].peak_rss_mb()];
    println!(
        "{name}: {total} interactions in {:.1} s from {concurrency} clients; per replica {:.0} and {:.0} interactions/s; p50 {} ms, p99 {} ms; peak RSS {:.0} MB and {:.0} MB",
        elapsed.as_secs_f64(),
        per_replica[0] as f64 / elapsed.as_secs_f64(),
        per_replica[1] as f64 / elapsed.as_secs_f64(),
        p50.as_millis(),
        p99.as_millis(),
        rss[0],
        rss[1]
    );
    assert_eq!(per_replica, [total / 2 + total % 2, total / 2]);
    assert!(
        p99 < Duration::from_secs(3),
        "p99 {p99:?} misses Discord's 3 s"
    );
    assert!(rss[0] > 0.0 && rss[1] > 0.0);
    drop(replicas);
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_the_load() {
    two_replicas("load-small", 140, 4, false).await;
}

/// `cargo test --release --test discord_http -- --ignored --nocapture`: the four public
/// datasets, 4,000 interactions from 32 clients.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore]
async fn two_replicas_full_load() {
    two_replicas("load-full", 4000, 32, true).await;
}

/// The value of the sample `name` (with its labels, as Prometheus prints them) in `text`.
fn sample(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_serves_its_metrics_from_the_start() {
    let fake = FakeDiscord::start().await;
    let root = endpoint::scratch_data("replica-metrics");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let metrics = format!("http://127.0.0.1:{port}");
    let replica = Replica::start_with(
        &fake,
        &root,
        "index",
        &[("METRICS_ADDR", format!("127.0.0.1:{port}"))],
    );
    let get = |path: &str| {
        let url = format!("{metrics}{path}");
        async move {
            let r = reqwest::get(url).await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    assert_eq!(get("/readyz").await, (200, "ready\n".to_string()));

    // The index the replica built, as the engine reads it.
    let (engine, _) = streambot::search::Engine::open(
        &root.join("index"),
        &[root.join("data")],
        "test",
        &|_, _| {},
    )
    .unwrap();
    let info = engine.info();
    let (_, text) = get("/metrics").await;
    for (kind, n) in [
        ("titles", info.titles),
        ("passages", info.passages),
        ("facts", info.facts),
    ] {
        let name = format!("streambot_index_documents{{kind=\"{kind}\"}}");
        assert_eq!(sample(&text, &name), Some(n as f64), "{name} in\n{text}");
    }

    let payload = one("why-not", "place", "china");
    let (status, _) = endpoint::post_signed(&replica.url, &payload).await;
    assert_eq!(status, 200);
    let (_, text) = get("/metrics").await;
    assert_eq!(
        sample(
            &text,
            "streambot_interactions_total{command=\"why-not\",outcome=\"answered\"}"
        ),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        sample(&text, "streambot_first_response_seconds_count"),
        Some(1.0)
    );
}

//! Metrics and health end to end: the real bot with `METRICS_ADDR` against the fake Discord.
//! `/healthz` and `/readyz` before and after READY, then a few interactions (answers, a usage
//! error, a cooldown refusal, a reply retried after a 500, a reindex, an autocomplete) and the
//! exact counters `/metrics` shows for them. One test only: the recorder and the health state are per process.

mod support;

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use support::bot::*;
use support::fake_discord::{self as fake, FakeDiscord, MEMBER_PERMISSIONS};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// A port nothing listens on right now.
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A TCP relay to `target` that accepts nothing until `open` is notified: the bot's REST calls
/// (the first being "where is the gateway?") wait there, so READY cannot come before the test
/// has seen `/readyz` refuse.
async fn gate(target: u16, open: Arc<Notify>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        open.notified().await;
        while let Ok((mut inbound, _)) = listener.accept().await {
            tokio::spawn(async move {
                if let Ok(mut outbound) = TcpStream::connect(("127.0.0.1", target)).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    port
}

/// GET `url`: status and body.
async fn get(url: &str) -> reqwest::Result<(u16, String)> {
    let r = reqwest::get(url).await?;
    Ok((r.status().as_u16(), r.text().await?))
}

/// Polls `url` every 20 ms until `done` accepts the answer; panics after [`STEP`].
async fn poll(url: &str, done: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let until = tokio::time::Instant::now() + STEP;
    loop {
        let got = get(url).await;
        if let Ok((status, body)) = &got
            && done(*status, body)
        {
            return (*status, body.clone());
        }
        assert!(
            tokio::time::Instant::now() < until,
            "{url} never gave what was expected; last: {got:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The value of the sample line `series` (name and labels exactly as rendered), if present.
fn sample(metrics: &str, series: &str) -> Option<f64> {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

/// The sum of every sample of `name` (all label sets).
fn total(metrics: &str, name: &str) -> f64 {
    metrics
        .lines()
        .filter(|l| l.starts_with(&format!("{name}{{")) || l.starts_with(&format!("{name} ")))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

/// Waits for the first callback of `id` that the fake accepted (failed tries come first).
async fn accepted(bot: &Bot, id: u64) -> Value {
    bot.fake
        .wait_for(
            |r| r.is_callback() && r.interaction_id == Some(id) && r.status == 204,
            STEP,
        )
        .await
        .unwrap_or_else(|| panic!("interaction {id} was never answered"))
        .json
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_and_exact_counters() {
    let fake = FakeDiscord::start().await;
    let open = Arc::new(Notify::new());
    let gated = gate(fake.port(), open.clone()).await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let settings = [
        ("METRICS_ADDR", format!("127.0.0.1:{port}")),
        ("DISCORD_API_BASE", format!("http://127.0.0.1:{gated}")),
        ("COOLDOWN_BURST", "2".to_string()),
        ("COOLDOWN_PER_MINUTE", "6".to_string()),
    ];
    let bot = launch("metrics", fake, &settings).await;

    // Up before Discord is reached, and not ready until the gateway is connected.
    let (_, up) = poll(&format!("{base}/healthz"), |s, _| s == 200).await;
    assert_eq!(up, "ok\n");
    assert_eq!(
        get(&format!("{base}/readyz")).await.unwrap(),
        (503, "not ready: the gateway is connecting\n".to_string())
    );
    open.notify_one();
    assert!(
        bot.fake.wait_connected(STEP).await,
        "the bot never connected"
    );
    let (_, ready) = poll(&format!("{base}/readyz"), |s, _| s == 200).await;
    assert_eq!(ready, "ready\n");

    // Alice: an answer, a usage error, then the cooldown (a burst of two).
    let (id, p) = alice_asks("why-not", "place", "china");
    assert_eq!(callback(&bot, id, p).await["type"], 4);
    let (id, p) = alice_asks("titles", "year", "soon");
    let body = callback(&bot, id, p).await;
    let flags = body["data"]["flags"].as_u64().unwrap();
    assert_eq!(flags & fake::EPHEMERAL, fake::EPHEMERAL);
    assert!(body["data"]["embeds"].as_array().is_none_or(Vec::is_empty));
    let (id, p) = alice_asks("why-not", "place", "syria");
    let body = callback(&bot, id, p).await;
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("You're asking faster"),
        "{body}"
    );
    // Bob: an answer, and one whose first reply Discord fails with a 500.
    let (id, p) = slash(
        "titles",
        BOB,
        &[],
        MEMBER_PERMISSIONS,
        json!([fake::option("origin", 3, json!("CN"))]),
    );
    assert_eq!(callback(&bot, id, p).await["type"], 4);
    bot.fake.fail_next(
        "/callback",
        500,
        json!({"message": "500: Internal Server Error", "code": 0}),
    );
    let (id, p) = slash(
        "why-not",
        BOB,
        &[],
        MEMBER_PERMISSIONS,
        json!([fake::option("place", 3, json!("russia"))]),
    );
    bot.fake.dispatch("INTERACTION_CREATE", p);
    assert_eq!(accepted(&bot, id).await["type"], 4);
    // A moderator reindexes (deferred, then filled in).
    let (id, p) = moderator_reindex();
    assert_eq!(callback(&bot, id, p).await["type"], 5);
    let text = final_text(&bot, id).await;
    assert!(text.starts_with("Reindexed in"), "{text}");

    // Autocomplete is not an interaction the metrics count.
    let choices = alice_autocompletes(&bot, "why-not", "place", "jap").await;
    assert_eq!(choices[0]["value"], "JP");

    // Commands are counted once they return, just after their last reply: wait for all six.
    let (status, m) = poll(&format!("{base}/metrics"), |_, m| {
        total(m, "streambot_interactions_total") >= 6.0
    })
    .await;
    assert_eq!(status, 200);
    let interactions = [
        ("why-not", "answered", 2.0),
        ("why-not", "cooldown", 1.0),
        ("titles", "answered", 1.0),
        ("titles", "usage_error", 1.0),
        ("reindex", "answered", 1.0),
    ];
    for (command, outcome, n) in interactions {
        let series =
            format!("streambot_interactions_total{{command=\"{command}\",outcome=\"{outcome}\"}}");
        assert_eq!(sample(&m, &series), Some(n), "{series} in\n{m}");
    }
    assert_eq!(total(&m, "streambot_interactions_total"), 6.0, "{m}");
    assert_eq!(sample(&m, "streambot_cooldown_refusals_total"), Some(1.0));
    assert_eq!(
        sample(&m, "streambot_discord_retries_total{call=\"reply\"}"),
        Some(1.0)
    );
    assert_eq!(total(&m, "streambot_discord_retries_total"), 1.0, "{m}");
    assert_eq!(total(&m, "streambot_discord_give_ups_total"), 0.0, "{m}");
    // Every interaction got exactly one first response, all within Discord's 3 s.
    assert_eq!(
        sample(&m, "streambot_first_response_seconds_count"),
        Some(6.0)
    );
    assert_eq!(
        sample(&m, "streambot_first_response_seconds_bucket{le=\"3\"}"),
        Some(6.0)
    );
    assert_eq!(
        sample(&m, "streambot_reindex_runs_total{outcome=\"done\"}"),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &m,
            "streambot_reindex_duration_seconds_count{outcome=\"done\"}"
        ),
        Some(1.0)
    );
    let info = bot.engine.info();
    for (kind, n) in [
        ("titles", info.titles),
        ("passages", info.passages),
        ("facts", info.facts),
    ] {
        let series = format!("streambot_index_documents{{kind=\"{kind}\"}}");
        assert_eq!(sample(&m, &series), Some(n as f64), "{series}");
    }
    assert_eq!(
        sample(&m, "streambot_index_built_at_seconds"),
        Some(info.built_at as f64),
        "the reindexed index"
    );
    let age = sample(&m, "streambot_index_age_seconds").expect("index age");
    assert!((0.0..120.0).contains(&age), "{age}");
    assert_eq!(
        sample(&m, "streambot_gateway_shards{state=\"connected\"}"),
        Some(1.0)
    );
    assert_eq!(
        sample(&m, "streambot_gateway_shards{state=\"connecting\"}"),
        Some(0.0)
    );
    assert!(
        m.contains("# TYPE streambot_first_response_seconds histogram"),
        "{m}"
    );

    // A second listener on the same address is refused with a clear message.
    let addr = format!("127.0.0.1:{port}").parse().unwrap();
    let err = streambot::telemetry::serve(addr, streambot::telemetry::Readiness::GATEWAY)
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("cannot listen on 127.0.0.1:{port} for metrics: ")),
        "{err}"
    );
}

//! Unit tests of the metrics vocabulary and the health state, rendered by a local recorder.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::*;

/// Runs `f` against a fresh recorder with this module's buckets and returns what it renders.
fn rendered(f: impl FnOnce()) -> String {
    let recorder = builder().build_recorder();
    let handle = recorder.handle();
    metrics::with_local_recorder(&recorder, f);
    handle.render()
}

/// The sample lines (no comments) of a rendering.
fn samples(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect()
}

#[test]
fn interactions_count_by_command_and_outcome_and_unknown_names_are_other() {
    let text = rendered(|| {
        interaction("why-not", Outcome::Answered);
        interaction("why-not", Outcome::Answered);
        interaction("titles", Outcome::UsageError);
        interaction("dm", Outcome::Cooldown);
        interaction("a command from an old registration", Outcome::Error);
        cooldown_refused();
        discord_retry("reply");
        discord_retry("reply");
        discord_give_up("defer");
        discord_give_up("something new");
    });
    let mut lines = samples(&text);
    lines.sort();
    assert_eq!(
        lines,
        [
            "streambot_cooldown_refusals_total 1",
            "streambot_discord_give_ups_total{call=\"defer\"} 1",
            "streambot_discord_give_ups_total{call=\"other\"} 1",
            "streambot_discord_retries_total{call=\"reply\"} 2",
            "streambot_interactions_total{command=\"dm\",outcome=\"cooldown\"} 1",
            "streambot_interactions_total{command=\"other\",outcome=\"error\"} 1",
            "streambot_interactions_total{command=\"titles\",outcome=\"usage_error\"} 1",
            "streambot_interactions_total{command=\"why-not\",outcome=\"answered\"} 2",
        ]
    );
    assert!(
        text.contains("# TYPE streambot_interactions_total counter"),
        "{text}"
    );
}

#[test]
fn first_responses_fall_in_buckets_around_the_three_second_deadline() {
    let text = rendered(|| {
        first_response(Duration::from_millis(40));
        first_response(Duration::from_millis(300));
        first_response(Duration::from_millis(2900));
        first_response(Duration::from_millis(4000));
    });
    let lines = samples(&text);
    for expected in [
        "streambot_first_response_seconds_bucket{le=\"0.05\"} 1",
        "streambot_first_response_seconds_bucket{le=\"0.5\"} 2",
        "streambot_first_response_seconds_bucket{le=\"2.5\"} 2",
        "streambot_first_response_seconds_bucket{le=\"3\"} 3",
        "streambot_first_response_seconds_bucket{le=\"5\"} 4",
        "streambot_first_response_seconds_bucket{le=\"+Inf\"} 4",
        "streambot_first_response_seconds_count 4",
    ] {
        assert!(lines.contains(&expected), "{expected} not in\n{text}");
    }
    let buckets = lines
        .iter()
        .filter(|l| l.starts_with("streambot_first_response_seconds_bucket"))
        .count();
    assert_eq!(buckets, FIRST_RESPONSE_BUCKETS.len() + 1, "{text}");
}

#[test]
fn reindex_runs_count_by_outcome_with_their_duration() {
    let text = rendered(|| {
        reindex(ReindexOutcome::Done, Duration::from_secs(3));
        reindex(ReindexOutcome::Busy, Duration::from_millis(2));
    });
    let lines = samples(&text);
    for expected in [
        "streambot_reindex_runs_total{outcome=\"done\"} 1",
        "streambot_reindex_runs_total{outcome=\"busy\"} 1",
        "streambot_reindex_duration_seconds_bucket{outcome=\"done\",le=\"1\"} 0",
        "streambot_reindex_duration_seconds_bucket{outcome=\"done\",le=\"5\"} 1",
        "streambot_reindex_duration_seconds_sum{outcome=\"done\"} 3",
        "streambot_reindex_duration_seconds_count{outcome=\"busy\"} 1",
    ] {
        assert!(lines.contains(&expected), "{expected} not in\n{text}");
    }
}

#[test]
fn index_documents_built_at_and_age_at_scrape_time() {
    let health = Health::new();
    let built_at = 1_700_000_000;
    let text = rendered(|| {
        gauge!(INDEX_DOCUMENTS, "kind" => "titles").set(29.0);
        health.index_loaded(built_at);
        gauge!(INDEX_BUILT_AT).set(built_at as f64);
        health.publish(UNIX_EPOCH + Duration::from_secs(built_at + 90));
    });
    let mut lines = samples(&text);
    lines.sort();
    assert_eq!(
        lines,
        [
            "streambot_index_age_seconds 90",
            "streambot_index_built_at_seconds 1700000000",
            "streambot_index_documents{kind=\"titles\"} 29",
        ]
    );
}

#[test]
fn gateway_shards_per_state() {
    let health = Health::new();
    let before = rendered(|| health.publish(SystemTime::now()));
    assert_eq!(
        samples(&before),
        Vec::<&str>::new(),
        "no gateway, no series"
    );
    health.gateway_starting();
    let starting = rendered(|| health.publish(SystemTime::now()));
    assert!(
        samples(&starting).contains(&"streambot_gateway_shards{state=\"connecting\"} 1"),
        "{starting}"
    );
    health.gateway(0, GatewayState::Connected);
    health.gateway(1, GatewayState::Resuming);
    health.gateway(2, GatewayState::Connected);
    let mut lines = samples(&rendered(|| health.publish(SystemTime::now())))
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    lines.sort();
    assert_eq!(
        lines,
        [
            "streambot_gateway_shards{state=\"connected\"} 2",
            "streambot_gateway_shards{state=\"connecting\"} 0",
            "streambot_gateway_shards{state=\"disconnected\"} 0",
            "streambot_gateway_shards{state=\"resuming\"} 1",
        ]
    );
}

#[test]
fn readiness_needs_the_index_and_for_the_gateway_bot_every_shard_connected() {
    let health = Health::new();
    assert_eq!(
        health.ready(Readiness::INDEX_ONLY),
        Err("the index is not open yet")
    );
    assert_eq!(
        health.ready(Readiness::GATEWAY),
        Err("the index is not open yet")
    );
    health.index_loaded(1);
    assert_eq!(health.ready(Readiness::INDEX_ONLY), Ok(()));
    assert_eq!(
        health.ready(Readiness::GATEWAY),
        Err("the gateway has not started")
    );
    health.gateway_starting();
    assert_eq!(
        health.ready(Readiness::GATEWAY),
        Err("the gateway is connecting")
    );
    health.gateway(0, GatewayState::Connected);
    assert_eq!(health.ready(Readiness::GATEWAY), Ok(()));
    health.gateway(1, GatewayState::Connecting);
    assert_eq!(
        health.ready(Readiness::GATEWAY),
        Err("the gateway is connecting")
    );
    health.gateway(1, GatewayState::Connected);
    health.gateway(0, GatewayState::Resuming);
    assert_eq!(
        health.ready(Readiness::GATEWAY),
        Err("the gateway is resuming")
    );
    health.gateway(0, GatewayState::Disconnected);
    assert_eq!(
        health.ready(Readiness::GATEWAY),
        Err("the gateway is disconnected")
    );
    assert_eq!(health.ready(Readiness::INDEX_ONLY), Ok(()));
}

#[test]
fn every_metric_is_described_and_in_the_readme() {
    let text = rendered(|| {
        describe();
        interaction("help", Outcome::Answered);
    });
    assert!(
        text.contains(
            "# HELP streambot_interactions_total Interactions handled, by command and outcome."
        ),
        "{text}"
    );
    let readme = include_str!("../../README.md");
    for m in METRICS {
        assert!(
            readme.contains(&format!("`{}`", m.name)),
            "README does not list {}",
            m.name
        );
    }
    for c in COMMANDS {
        assert!(!c.is_empty() && !c.contains(' '), "{c:?}");
    }
    assert_eq!(
        Outcome::ALL.map(Outcome::label),
        ["answered", "usage_error", "cooldown", "refused", "error"]
    );
}
